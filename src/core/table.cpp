#include "core/table.h"

#include "core/text.h"

namespace atelier {

namespace {
std::string normaliseHeader(std::string_view name) {
    std::string out;
    for (char c : foldForSearch(trim(name)))
        if (c != ' ' && c != '_' && c != '-' && c != '\'' && c != '.') out += c;
    return out;
}
}  // namespace

int TextTable::column(std::initializer_list<std::string_view> names) const {
    for (std::string_view n : names) {
        const std::string wanted = normaliseHeader(n);
        for (size_t i = 0; i < header.size(); ++i)
            if (normaliseHeader(header[i]) == wanted) return static_cast<int>(i);
    }
    return -1;
}

std::string TextTable::cell(size_t row, int col) const {
    if (col < 0 || row >= rows.size() || static_cast<size_t>(col) >= rows[row].size()) return {};
    return std::string(trim(rows[row][static_cast<size_t>(col)]));
}

}  // namespace atelier
