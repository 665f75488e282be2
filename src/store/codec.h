// Actions to and from text: the journal stores each action as its name and a cereal JSON payload.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/actions.h"

namespace atelier::store {

/// The cereal JSON of an action's fields.
std::string encodeAction(const Action& action);
/// The action named `name` read from `payload`; throws DatabaseCorrupt when the name is unknown or the payload
/// does not parse.
Action decodeAction(std::string_view name, std::string_view payload);

}  // namespace atelier::store
