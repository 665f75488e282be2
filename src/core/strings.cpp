#include "core/strings.h"

#include "core/assert.h"
#include "core/text.h"

#include <array>
#include <optional>

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
    // The table is written with plain spaces (readable, easy to edit); what is shown has French typography's
    // no-break spaces before ? ! : ; and inside « » (frenchSpacing), made once for every string.
    static const auto table = [] {
        std::array<std::string, static_cast<size_t>(Str::Count_)> t;
        for (size_t i = 0; i < t.size(); ++i) t[i] = frenchSpacing(kFrench[i]);
        return t;
    }();
    return table[static_cast<size_t>(key)].c_str();
}

namespace {

/// The integer an argument spells (« 12 », « -3 », « 1 234 » with a space, no-break or narrow no-break space
/// between groups), or nothing when it is not a plain count.
std::optional<long long> countOf(std::string_view a) {
    long long n = 0;
    bool digits = false, negative = false;
    for (size_t i = 0; i < a.size();) {
        const char c = a[i];
        if (c >= '0' && c <= '9') {
            if (n > 100'000'000'000'000LL) return std::nullopt;
            n = n * 10 + (c - '0');
            digits = true;
            ++i;
        } else if (c == '-' && i == 0) {
            negative = true;
            ++i;
        } else if (digits && c == ' ') {
            ++i;
        } else if (digits && a.substr(i, 2) == "\xC2\xA0") {
            i += 2;
        } else if (digits && a.substr(i, 3) == "\xE2\x80\xAF") {
            i += 3;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    return negative ? -n : n;
}

}  // namespace

std::string fmt(Str key, std::initializer_list<std::string_view> args) {
    std::string_view text = tr(key);
    std::string out;
    out.reserve(text.size() + 32);
    auto arg = args.begin();
    std::optional<long long> count;  // the last argument written, when it is a count
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && arg != args.end()) {
            count = countOf(*arg);
            out += *arg++;
            ++i;
        } else if (text[i] == '(' && count && (text.substr(i, 3) == "(s)" || text.substr(i, 3) == "(x)")) {
            // French agreement with the count before: singular for 0 and 1, plural from 2 on.
            if (*count >= 2 || *count <= -2) out += text[i + 1];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace atelier
