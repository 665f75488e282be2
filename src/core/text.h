// UTF-8 text helpers shared by validation, search and display.
#pragma once

#include <string>
#include <string_view>

namespace atelier {

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text);
/// Number of code points in valid UTF-8 text.
size_t countCodePoints(std::string_view text);
/// Lower case without accents, for accent- and case-insensitive comparison: « Réussite » → "reussite", « Œuvre » → "oeuvre".
std::string foldForSearch(std::string_view text);
/// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view trim(std::string_view text);
/// True when `haystack` contains `needle`, ignoring accents and case.
bool containsFolded(std::string_view haystack, std::string_view needle);

/// French « de » before a place name, elided before a vowel or a mute h: "de Lille", "d’Amiens".
std::string deName(std::string_view name);

}  // namespace atelier
