#include "store/codec.h"

#include <cereal/archives/json.hpp>
#include <sstream>

#include "store/errors.h"
#include "store/journal_json.h"
#include "store/serialize.h"

namespace atelier::store {

std::string encodeAction(const Action& action) {
    std::string out;
    out.reserve(256);
    JournalJsonWriter writer(out);
    std::visit([&](const auto& a) { writer.root("action", a); }, action);
    return out;
}

namespace {
template <size_t I = 0>
std::optional<Action> decodeAlternative(std::string_view name, std::istream& in) {
    if constexpr (I < std::variant_size_v<Action>) {
        using A = std::variant_alternative_t<I, Action>;
        if (name == A::kName) {
            A a{};
            cereal::JSONInputArchive archive(in);
            archive(cereal::make_nvp("action", a));
            return Action{std::move(a)};
        }
        return decodeAlternative<I + 1>(name, in);
    } else {
        return std::nullopt;
    }
}
}  // namespace

Action decodeAction(std::string_view name, std::string_view payload) {
    std::istringstream in{std::string(payload)};
    try {
        if (auto action = decodeAlternative(name, in)) return std::move(*action);
    } catch (const cereal::Exception&) {
        // What cereal or rapidjson says (« rapidjson internal assertion failure: IsObject() ») is English and tells
        // a facilitator nothing: the entry is named, its number is given by the caller.
        throw DatabaseCorrupt("action «\u00a0" + std::string(name) + "\u00a0» illisible");
    } catch (const std::exception& e) {  // ours, in French (« nombre invalide « 4x » »)
        throw DatabaseCorrupt("action «\u00a0" + std::string(name) + "\u00a0» illisible\u00a0: " + e.what());
    }
    throw DatabaseCorrupt("action inconnue «\u00a0" + std::string(name) + "\u00a0»");
}

}  // namespace atelier::store
