// The one table of user-facing strings (strings_fr.def) and a tiny formatter for its `{}` parameters.
// Lives in core (plain data) so that the GUI, the command line and the exports share it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace atelier {

enum class Str : int {
#define X(key, text) key,
#include "core/strings_fr.def"
#undef X
    Count_
};

/// The French text of a key.
const char* tr(Str key);
/// The text of `key` with each `{}` replaced by the next argument, in order. A « (s) » or « (x) » of the text
/// agrees with the argument written last when that is a count (« 1 réponse », « 0 point », « 12 bulletins »); after
/// anything else it stays.
std::string fmt(Str key, std::initializer_list<std::string_view> args);
inline std::string fmt(Str key) { return tr(key); }

}  // namespace atelier
