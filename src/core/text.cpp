#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

namespace atelier {

namespace {

// Decodes one code point at `i`; returns false on malformed input. Advances `i` past it.
bool decode(std::string_view s, size_t& i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len;
    char32_t min;
    if (b0 < 0x80) { cp = b0; ++i; return true; }
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return false;
    if (i + len > s.size()) return false;
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
    return true;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Base letters of U+00C0..U+017F, lower case; '\0' where the code point is not a letter to fold.
// "ae"/"oe"/"ss" ligatures are handled separately.
constexpr char kLatinFold[] =
    "aaaaaa\0ceeeeiiii"  // U+00C0
    "dnooooo\0ouuuuy\0\0"  // U+00D0
    "aaaaaa\0ceeeeiiii"  // U+00E0
    "dnooooo\0ouuuuy\0y"  // U+00F0
    "aaaaaaccccccccdd"  // U+0100
    "ddeeeeeeeeeegggg"  // U+0110
    "gggghhhhiiiiiiii"  // U+0120
    "ii\0\0jjkkklllllll"  // U+0130
    "lllnnnnnnnnnoooo"  // U+0140
    "oo\0\0rrrrrrssssss"  // U+0150
    "ssttttttuuuuuuuu"  // U+0160
    "uuuuwwyyyzzzzzzs"; // U+0170

char32_t foldCodePoint(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return 0;
    }
    switch (cp) {
        case 0xC6: case 0xE6: out += "ae"; return 0;
        case 0x152: case 0x153: out += "oe"; return 0;
        case 0xDF: out += "ss"; return 0;
        case 0x2019: case 0x2018: out += '\''; return 0;  // typographic apostrophes match the plain one
        default: break;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        const char base = kLatinFold[cp - 0xC0];
        if (base != '\0') { out += base; return 0; }
    }
    return cp;
}

}  // namespace

bool isValidUtf8(std::string_view text) {
    size_t i = 0;
    char32_t cp;
    while (i < text.size())
        if (!decode(text, i, cp)) return false;
    return true;
}

namespace {
bool isControl(char32_t cp, std::string_view text, size_t next) {
    if (cp == '\t' || cp == '\n') return false;
    if (cp == '\r') return !(next < text.size() && text[next] == '\n');
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}
}  // namespace

std::optional<char32_t> controlCharacter(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {  // the common case, ASCII text
            ++i;
            continue;
        }
        char32_t cp = 0;
        if (!decode(text, i, cp)) {
            ++i;
            continue;
        }
        if (isControl(cp, text, i)) return cp;
    }
    return std::nullopt;
}

std::string withoutControls(std::string_view text, size_t* removed) {
    std::string out;
    out.reserve(text.size());
    size_t count = 0;
    size_t i = 0;
    while (i < text.size()) {
        const size_t start = i;
        char32_t cp = 0;
        if (!decode(text, i, cp)) {
            i = start + 1;
            ++count;
            continue;
        }
        if (isControl(cp, text, i)) ++count;
        else out.append(text.substr(start, i - start));
    }
    if (removed) *removed = count;
    return out;
}

std::string codePointName(char32_t cp) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
    return out;
}

std::optional<std::string> utf16ToUtf8(std::string_view bytes, bool bigEndian) {
    if (bytes.size() % 2 != 0) return std::nullopt;
    const auto unit = [&](size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return bigEndian ? (char32_t(a) << 8 | b) : (char32_t(b) << 8 | a);
    };
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return std::nullopt;  // a low surrogate first
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 2 >= bytes.size()) return std::nullopt;
            const char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        encode(cp, out);
    }
    return out;
}

size_t countCodePoints(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string excerpt(std::string_view text, size_t maxChars) {
    if (countCodePoints(text) <= maxChars) return std::string(text);
    size_t bytes = 0;
    for (size_t n = 0; n < maxChars && bytes < text.size(); ++n) {
        ++bytes;  // the lead byte, then its continuation bytes
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    return std::string(text.substr(0, bytes)) + "…";
}

std::string lastNameKey(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    for (char c : foldForSearch(name)) {  // hyphens kept: « Jean-Pierre » is one first name
        if (c == ' ') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (words.size() < 2) return words.empty() ? std::string() : foldForName(words.front());
    static const std::set<std::string> kParticles = {"de", "du", "des", "d'", "le", "la", "van", "von", "der",
                                                     "den", "ben", "bin", "el", "al", "da", "di", "dos"};
    size_t first = words.size() - 1;  // where the last name starts
    while (first > 1 && kParticles.count(words[first - 1])) --first;
    std::string last, given;
    for (size_t i = 0; i < words.size(); ++i) {
        std::string& part = i >= first ? last : given;
        part += (part.empty() ? "" : " ") + words[i];
    }
    return foldForName(last) + "\x01" + foldForName(given);  // \x01: a last name sorts before its longer ones
}

std::string foldForName(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::string out;
    out.reserve(folded.size());
    for (size_t i = 0; i < folded.size(); ++i) {
        const std::string_view rest(folded.data() + i, folded.size() - i);
        if (folded[i] == '\'') continue;
        if (rest.starts_with("\u2019") || rest.starts_with("\u02bc")) {  // ’ and ʼ
            i += 2;
            continue;
        }
        if (rest.starts_with("\u2010") || rest.starts_with("\u2011")) {  // typographic hyphens
            out += ' ';
            i += 2;
            continue;
        }
        out += folded[i] == '-' ? ' ' : folded[i];
    }
    return out;
}

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        char32_t cp;
        if (!decode(text, i, cp)) { ++i; continue; }  // drop malformed bytes
        if (const char32_t rest = foldCodePoint(cp, out)) encode(rest, out);
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool containsFolded(std::string_view haystack, std::string_view needle) {
    return foldForSearch(haystack).find(foldForSearch(needle)) != std::string::npos;
}

size_t quotedLiteralOffset(std::string_view json, std::string_view message) {
    const auto open = message.find('\'');
    const auto close = open == std::string_view::npos ? open : message.find('\'', open + 1);
    if (close == std::string_view::npos || close == open + 1) return json.size();
    const auto at = json.find(message.substr(open + 1, close - open - 1));
    return at == std::string_view::npos ? json.size() : at + 1;
}

size_t jsonDepth(std::string_view json, size_t limit) {
    size_t depth = 0, deepest = 0;
    bool inString = false;
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') ++i;  // the escaped character cannot end the string
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return limit + 1;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::string deName(std::string_view name) {
    const std::string folded = foldForSearch(name.substr(0, 4));
    const bool vowel = !folded.empty() && std::string_view("aeiouyh").find(folded[0]) != std::string_view::npos;
    return (vowel ? "d'" : "de ") + std::string(name);
}

std::string frenchSpacing(std::string_view text) {
    static constexpr std::string_view kOpen = "\u00ab", kClose = "\u00bb";
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') {
            const std::string_view next = text.substr(i + 1);
            const bool beforeSign = !next.empty() && (next[0] == '?' || next[0] == '!' || next[0] == ':' || next[0] == ';');
            const bool afterOpen = i >= kOpen.size() && text.substr(i - kOpen.size(), kOpen.size()) == kOpen;
            if (beforeSign || afterOpen || next.substr(0, kClose.size()) == kClose) {
                out += kNbsp;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string inQuotes(std::string_view text) {
    return std::string("\u00ab") + kNbsp + std::string(text) + kNbsp + "\u00bb";
}

}  // namespace atelier
