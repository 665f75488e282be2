// The breakout groups of an étape as a printable document (one section per round).
#pragma once

#include <string>

#include "core/model.h"

namespace atelier::exporting {

/// Self-contained A4 HTML: for each round, each group with its room, question and members (name, Cité,
/// institution, role of the round).
std::string groupsHtml(const Model& model, const Etape& etape);

/// French name of a rotating role (0 animateur, 1 rapporteur, 2 gardien du temps).
const char* roleName(int role);

}  // namespace atelier::exporting
