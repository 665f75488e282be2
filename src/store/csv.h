// Reading the CSV files people bring (an online form's export, a spreadsheet saved from Excel in French):
// `;` or `,` detected, RFC 4180 quotes. Encoding decided for the whole file: UTF-16 with its BOM converted; UTF-8
// (with or without BOM) unless most lines with accents are not UTF-8, then Windows-1252 converted. In a UTF-8
// file, the few lines that are not UTF-8, and lines with a NUL byte, are left out and listed by number.
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

enum class CsvEncoding { Utf8, Utf8Bom, Windows1252, Utf16Le, Utf16Be };

/// The first record is the header; blank lines are skipped; `lines` are the rows' line numbers in the file;
/// `unreadable` the rows left out (their line and why).
struct CsvTable : TextTable {
    char delimiter = ';';
    CsvEncoding encoding = CsvEncoding::Utf8;
};

/// Parses CSV bytes. Throws CsvError when the text is empty, a quote is never closed, the header line cannot be
/// read, or the file announces an encoding it does not hold (UTF-8 BOM, UTF-16 BOM).
CsvTable parseCsv(std::string_view bytes);
/// Reads and parses a file. Throws CsvError naming the file when it cannot be opened or parsed.
CsvTable readCsvFile(const std::filesystem::path& file);

/// Windows-1252 bytes to UTF-8.
std::string windows1252ToUtf8(std::string_view bytes);

}  // namespace atelier::store
