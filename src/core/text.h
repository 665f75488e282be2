// UTF-8 text helpers shared by validation, search and display.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace atelier {

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text);
/// The one rule for text that enters (keyboard, CSV, phones, command line, archives): the first character of
/// `text` that is not text — NUL, a C0 control other than tab and line feed (a carriage return only before a line
/// feed), DEL, or a C1 control (U+0080–U+009F) — as its code point; nullopt when there is none. Bytes that are not
/// UTF-8 are not looked at here (isValidUtf8 says so).
std::optional<char32_t> controlCharacter(std::string_view text);
/// `text` without the characters controlCharacter refuses (and without bytes that are not UTF-8); `removed`, when
/// given, counts what was taken out.
std::string withoutControls(std::string_view text, size_t* removed = nullptr);
/// A code point as people read it in a message: "U+001B".
std::string codePointName(char32_t cp);
/// UTF-16 bytes (without their byte order mark) as UTF-8; nullopt when they are not UTF-16 (an odd number of
/// bytes, a surrogate without its pair).
std::optional<std::string> utf16ToUtf8(std::string_view bytes, bool bigEndian);
/// Number of code points in valid UTF-8 text.
size_t countCodePoints(std::string_view text);
/// Lower case without accents, for accent- and case-insensitive comparison: « Réussite » → "reussite", « Œuvre » → "oeuvre".
std::string foldForSearch(std::string_view text);
/// foldForSearch for people's names: apostrophes dropped and hyphens read as spaces, so that « ndi » finds
/// « N'Diaye » and « jean pi » finds « Jean-Pierre ».
std::string foldForName(std::string_view text);
/// The key that sorts people by last name, then first name, as on a signing sheet: the last word of the name with
/// the particles before it (« de », « van », « ben »…), then the rest, folded as foldForName: « Nadia Benali » sorts
/// as « benali », then « nadia »; « Marie de La Tour » as « de la tour », then « marie ». A single word is its own key.
std::string lastNameKey(std::string_view name);
/// `text` cut after `maxChars` code points, never inside one, with « … » when something was cut: « Un café des
/// parents… ». Text of `maxChars` code points or fewer comes back whole.
std::string excerpt(std::string_view text, size_t maxChars);
/// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view trim(std::string_view text);
/// True when `haystack` contains `needle`, ignoring accents and case.
bool containsFolded(std::string_view haystack, std::string_view needle);

/// Deepest nesting of JSON text that a loader accepts (an archive nests about 10 levels, a vote file 4).
inline constexpr size_t kMaxJsonDepth = 64;
/// How deeply arrays and objects nest in JSON text (brackets inside strings ignored), without parsing it; stops
/// counting past `limit` (returns limit + 1). Cheap: run it before a recursive parser.
size_t jsonDepth(std::string_view json, size_t limit = kMaxJsonDepth);
/// Byte offset (1-based, as a JSON parser's error byte) in `json` of the literal that a parser's `message` quotes
/// between apostrophes ("number overflow parsing '1e999'"); the end of `json` when it is not found.
size_t quotedLiteralOffset(std::string_view json, std::string_view message);

/// The no-break space (U+00A0) French typography puts before « ? ! : ; » and inside « », so that the sign never
/// starts a line and a quote never opens or closes alone at a line's end.
inline constexpr const char* kNbsp = "\u00a0";
/// `text` with French typography's no-break spaces: a plain space before ? ! : ; and after « or before » becomes
/// U+00A0 (every string of the table goes through it, see tr()). Other spaces are kept.
std::string frenchSpacing(std::string_view text);
/// `text` between French quotes with their no-break spaces: «\u00a0text\u00a0».
std::string inQuotes(std::string_view text);

/// French « de » before a place name, elided before a vowel or a mute h: "de Lille", "d'Amiens".
std::string deName(std::string_view name);

}  // namespace atelier
