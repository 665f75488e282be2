#include "store/csv.h"

#include <fstream>
#include <iterator>

#include "core/strings.h"
#include "core/text.h"

namespace atelier::store {

namespace {

// Code points of Windows-1252 bytes 0x80..0x9F (0 where the byte is undefined).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
    0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0,      0x017E, 0x0178,
};

void appendUtf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Splits `text` into records of fields, honouring quotes; `lines` gets each record's first line number.
std::vector<std::vector<std::string>> split(std::string_view text, char delimiter, std::vector<int>& lines) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, fieldStarted = false;
    int line = 1, recordLine = 1, quoteLine = 0;
    auto endRecord = [&] {
        record.push_back(std::move(field));
        field.clear();
        const bool blank = record.size() == 1 && std::string_view(trim(record[0])).empty();
        if (!blank) {
            records.push_back(std::move(record));
            lines.push_back(recordLine);
        }
        record.clear();
        fieldStarted = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == delimiter) {
            record.push_back(std::move(field));
            field.clear();
            fieldStarted = false;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            if (c != ' ' && c != '\t') fieldStarted = true;
        }
    }
    if (quoted) throw CsvError(fmt(Str::ErrCsvQuote, {std::to_string(quoteLine)}));
    if (!field.empty() || !record.empty()) endRecord();
    return records;
}

/// `;` or `,`: whichever the first line holds more of outside quotes (`;` on a tie, as Excel in French writes).
char detectDelimiter(std::string_view text) {
    int semicolons = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == ',') ++commas;
    }
    return commas > semicolons ? ',' : ';';
}

}  // namespace

std::string windows1252ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char b : bytes) {
        if (b < 0x80) out += static_cast<char>(b);
        else if (b < 0xA0) appendUtf8(kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : 0xFFFD, out);
        else appendUtf8(b, out);
    }
    return out;
}

CsvTable parseCsv(std::string_view bytes) {
    CsvTable table;
    std::string text;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        table.encoding = CsvEncoding::Utf8Bom;
    }
    if (isValidUtf8(bytes)) {
        text = std::string(bytes);
    } else {
        if (table.encoding == CsvEncoding::Utf8Bom) throw CsvError(tr(Str::ErrCsvBadUtf8));
        text = windows1252ToUtf8(bytes);
        table.encoding = CsvEncoding::Windows1252;
    }
    table.delimiter = detectDelimiter(text);
    std::vector<int> lines;
    auto records = split(text, table.delimiter, lines);
    if (records.empty()) throw CsvError(tr(Str::ErrCsvEmpty));
    for (auto& h : records.front()) table.header.emplace_back(trim(h));
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    table.lines.assign(lines.begin() + 1, lines.end());
    return table;
}

CsvTable readCsvFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CsvError(fmt(Str::ErrCsvOpen, {file.string()}));
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return parseCsv(bytes);
    } catch (const CsvError& e) {
        throw CsvError(fmt(Str::ErrCsvFile, {file.string(), e.what()}));
    }
}

}  // namespace atelier::store
