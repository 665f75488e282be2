// The model's invariants, checked from outside: ids unique and assigned, every reference pointing at something
// that exists (people's territories, hosts, registrations, group members, speed-meeting pairs, ideas' columns and
// clusters, ballots' options and grades). Used by the UI monkey after every applied action, and by any test.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace atelier::test {

/// Every invariant `model` breaks, one readable line each; empty when the model is consistent.
std::vector<std::string> invariantViolations(const Model& model);

}  // namespace atelier::test
