// Actions to and from text: the journal stores each action as its name and a JSON payload (cereal's format).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/actions.h"

namespace atelier::store {

/// The JSON of an action's fields, as cereal writes it (journal_json.h writes the same bytes).
std::string encodeAction(const Action& action);
/// The action named `name` read from `payload`; throws DatabaseCorrupt when the name is unknown or the payload
/// does not parse.
Action decodeAction(std::string_view name, std::string_view payload);

}  // namespace atelier::store
