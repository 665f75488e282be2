// Reading the CSV files people bring (an online form's export, a spreadsheet saved from Excel in French):
// `;` or `,` detected, UTF-8 with or without BOM, Windows-1252 detected and converted to UTF-8, RFC 4180 quotes.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.h"

namespace atelier::store {

/// A file that cannot be read as CSV at all; what() is a French message saying what to fix.
class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class CsvEncoding { Utf8, Utf8Bom, Windows1252 };

/// The first record is the header; blank lines are skipped; `lines` are the rows' line numbers in the file.
struct CsvTable : TextTable {
    char delimiter = ';';
    CsvEncoding encoding = CsvEncoding::Utf8;
};

/// Parses CSV bytes. Throws CsvError when the text is empty or a quote is never closed.
CsvTable parseCsv(std::string_view bytes);
/// Reads and parses a file. Throws CsvError naming the file when it cannot be opened or parsed.
CsvTable readCsvFile(const std::filesystem::path& file);

/// Windows-1252 bytes to UTF-8.
std::string windows1252ToUtf8(std::string_view bytes);

}  // namespace atelier::store
