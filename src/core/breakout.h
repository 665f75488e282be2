// Breakout groups of an étape from the people in the room: the mixer's input built from the registrations
// (territory, institution), the pairs that met in earlier étapes' groups, the groups the facilitator locked;
// and its plan turned back into groups with their names, questions and rooms kept.
#pragma once

#include <cstdint>
#include <string>

#include "core/mixer.h"
#include "core/model.h"

namespace atelier {

struct BreakoutRequest {
    int groups = 4;
    int rounds = 3;
    std::uint64_t seed = 1;
    int timeLimitMs = 1000;
    std::int64_t maxIterations = 0;  // tests: a cap for determinism
};

struct BreakoutResult {
    std::string error;  // French, says what to change; empty when formed
    GroupPlan plan;
    MixerStats stats;
    bool ok() const { return error.empty(); }
};

/// The people the groups are formed from: those marked present, or everyone registered while nobody is.
std::vector<Id> peopleInTheRoom(const Etape& etape);

/// Forms the groups of every round. Members of locked groups (round 0 of the current plan) stay in their group
/// in every round; names, questions and rooms of the current plan are kept.
BreakoutResult formGroups(const Model& model, const Etape& etape, const BreakoutRequest& request);

/// Statistics of the étape's current plan (repeats, same-Cité pairs, institution mix, earlier meetings).
MixerStats groupStats(const Model& model, const Etape& etape);

/// The least repeated pairs and same-Cité pairs any plan with the current plan's rounds and group sizes can have
/// (pigeonhole: a group of 6 formed from 4 groups of the round before holds at least 2 pairs that just met). The
/// statistics are coloured against these, not against zero.
struct PlanBounds {
    std::int64_t repeatPairs = 0;
    std::int64_t sameCitePairs = 0;
};
PlanBounds planBounds(const Model& model, const Etape& etape);

/// The room of group `group` in `round`: its own, or carried over from the latest earlier round that set one.
std::string groupRoom(const GroupPlan& plan, int round, int group);

/// Number of institution kinds in a group.
int institutionKinds(const Model& model, const Group& group);

}  // namespace atelier
