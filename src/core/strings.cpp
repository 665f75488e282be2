#include "core/strings.h"

#include "core/assert.h"

namespace atelier {

namespace {
constexpr const char* kFrench[] = {
#define X(key, text) text,
#include "core/strings_fr.def"
#undef X
};
static_assert(sizeof(kFrench) / sizeof(kFrench[0]) == static_cast<size_t>(Str::Count_));
}  // namespace

const char* tr(Str key) {
    ATELIER_ASSERT(key >= Str{} && key < Str::Count_, "tr() called with a key outside the table");
    return kFrench[static_cast<int>(key)];
}

std::string fmt(Str key, std::initializer_list<std::string_view> args) {
    std::string_view text = tr(key);
    std::string out;
    out.reserve(text.size() + 32);
    auto arg = args.begin();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace atelier
