#include "store/csv.h"

#include <algorithm>
#include <iterator>

#include "core/strings.h"
#include "core/text.h"
#include "store/files.h"

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

namespace {

/// Lines with accents that are UTF-8, and lines that are not UTF-8: what decides the encoding of a file.
struct Utf8Census {
    size_t utf8 = 0;
    size_t invalid = 0;
};
Utf8Census census(std::string_view bytes) {
    Utf8Census c;
    for (size_t start = 0; start < bytes.size();) {
        size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        const std::string_view line = bytes.substr(start, end - start);
        if (!isValidUtf8(line)) ++c.invalid;
        else if (std::any_of(line.begin(), line.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }))
            ++c.utf8;
        start = end + 1;
    }
    return c;
}

bool anyField(const std::vector<std::string>& record, bool (*bad)(const std::string&)) {
    return std::any_of(record.begin(), record.end(), bad);
}
bool notUtf8(const std::string& field) { return !isValidUtf8(field); }
bool hasNul(const std::string& field) { return field.find('\0') != std::string::npos; }

}  // namespace

CsvTable parseCsv(std::string_view bytes) {
    CsvTable table;
    std::string text;
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        const bool bigEndian = bytes[0] == '\xFE';
        auto converted = utf16ToUtf8(bytes.substr(2), bigEndian);
        if (!converted) throw CsvError(tr(Str::ErrCsvBadUtf16));
        text = std::move(*converted);
        table.encoding = bigEndian ? CsvEncoding::Utf16Be : CsvEncoding::Utf16Le;
    } else {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
            bytes.remove_prefix(3);
            table.encoding = CsvEncoding::Utf8Bom;
        }
        // UTF-8 unless most lines with accents are not: then it is Windows-1252 (Excel in French). In a UTF-8
        // file, the few lines that are not are refused below, by number, rather than the whole file misread.
        const Utf8Census c = census(bytes);
        if (c.invalid == 0 || c.utf8 > c.invalid) {
            text = std::string(bytes);
        } else {
            if (table.encoding == CsvEncoding::Utf8Bom) throw CsvError(tr(Str::ErrCsvBadUtf8));
            text = windows1252ToUtf8(bytes);
            table.encoding = CsvEncoding::Windows1252;
        }
    }
    table.delimiter = detectDelimiter(text);
    std::vector<int> lines;
    auto records = split(text, table.delimiter, lines);
    if (records.empty()) throw CsvError(tr(Str::ErrCsvEmpty));
    if (anyField(records.front(), notUtf8)) throw CsvError(tr(Str::ErrCsvHeaderNotUtf8));
    if (anyField(records.front(), hasNul)) throw CsvError(tr(Str::ErrCsvHeaderNul));
    // Text is text (core/text.h): the other control characters (ESC, BEL, C1…) are taken out of what is kept, and
    // the report says so.
    size_t removed = 0;
    int firstLine = 0;
    const auto clean = [&](std::vector<std::string>& record, int line) {
        for (std::string& field : record)
            if (controlCharacter(field)) {
                size_t n = 0;
                field = withoutControls(field, &n);
                if (removed == 0) firstLine = line;
                removed += n;
            }
    };
    clean(records.front(), lines.front());
    for (auto& h : records.front()) table.header.emplace_back(trim(h));
    for (size_t r = 1; r < records.size(); ++r) {
        if (anyField(records[r], notUtf8)) {
            table.unreadable.push_back({lines[r], tr(Str::CsvLineNotUtf8)});
        } else if (anyField(records[r], hasNul)) {
            table.unreadable.push_back({lines[r], tr(Str::CsvLineNul)});
        } else {
            clean(records[r], lines[r]);
            table.rows.push_back(std::move(records[r]));
            table.lines.push_back(lines[r]);
        }
    }
    if (removed == 1) table.notes.push_back(fmt(Str::CsvControlsStrippedOne, {"{fichier}", std::to_string(firstLine)}));
    else if (removed > 1)
        table.notes.push_back(fmt(Str::CsvControlsStripped, {std::to_string(removed), "{fichier}", std::to_string(firstLine)}));
    return table;
}

CsvTable readCsvFile(const std::filesystem::path& file) {
    std::string bytes;
    try {
        bytes = readInputFile(file);
    } catch (const InputFileError& e) {
        throw CsvError(e.what());
    }
    try {
        CsvTable table = parseCsv(bytes);
        for (std::string& note : table.notes)
            if (const auto at = note.find("{fichier}"); at != std::string::npos) note.replace(at, 9, file.string());
        return table;
    } catch (const CsvError& e) {
        throw CsvError(fmt(Str::ErrCsvFile, {file.string(), e.what()}));
    }
}

}  // namespace atelier::store
