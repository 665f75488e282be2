// A table of text read from a file (CSV today): the header, the rows and where each row was in the file.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

struct TextTable {
    std::vector<std::string> header;             // column names, trimmed
    std::vector<std::vector<std::string>> rows;  // cells (UTF-8)
    std::vector<int> lines;                      // line number in the file (1-based) where each row starts
    struct Unreadable {
        int line = 0;        // where the row starts in the file
        std::string reason;  // in French: what is wrong with it and what to do
    };
    std::vector<Unreadable> unreadable;          // rows left out of `rows` (bad encoding, NUL byte), in file order
    std::vector<std::string> notes;              // what the reader changed in what it kept (controls removed), French

    /// Index of the first column whose name, ignoring accents, case, spaces and dashes, is one of `names`; -1 if none.
    int column(std::initializer_list<std::string_view> names) const;
    /// The cell of row `row` in column `col`, trimmed; empty when the column is -1 or the row is short.
    std::string cell(size_t row, int col) const;
};

}  // namespace atelier
