// The group mixer: several rounds of mixed groups for one day (a social golfer problem with extra rules).
// Hard rules (pins, keep-apart sets, keep-together pairs) are checked first and an impossible set comes back as
// a French message; then a tabu local search with perturbations and restarts (after Dotú & Van Hentenryck 2005,
// « Scheduling social golfers locally ») minimises, in this order: people of the same territory together, pairs
// meeting twice in the day, pairs that already met at an earlier étape, groups that mix too few institutions.
// Starting plans are greedy (after Triska & Musliu's freedom heuristic), or constructive when the groups are even
// and nobody is pinned or kept with someone: a design without a repeated pair (lines of an affine space, or the
// difference method of core/designs.h) for as many rounds as one holds, or an affine plan over a finite field.
// Deterministic for a seed when stopped by the iteration cap (the time budget is the only non-deterministic stop,
// unless a clock is injected). The time budget is the calling thread's CPU time, from the first instruction: every
// phase (rule checks, starting plans, search, restarts) reports its work and the clock is read every few thousand
// steps, so a call returns within about its budget at any roster size, with the best valid plan found so far (a
// cheap starting plan at least). Pair tables (people² cells per round) are used only while they stay small (a few
// MB, some hundreds of people); larger rosters use a local search whose memory grows as rounds × people.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace atelier {

// [SECTION] Input

/// One person to place: a stable id, a territory key (empty: none) and an institution kind.
struct MixerPerson {
    std::string id;
    std::string territory;
    Institution institution = Institution::Autre;
};

/// What to mix and under which rules. Person references are indices into `people`; groups are 0-based.
struct MixerInput {
    std::vector<MixerPerson> people;
    int groups = 0;     // number of groups; when 0, derived from groupSize (groups never larger than it)
    int groupSize = 0;  // target size, used only when groups is 0
    int rounds = 1;
    std::vector<std::vector<int>> keepApart;       // no two people of one set ever in the same group
    std::vector<std::pair<int, int>> keepTogether;  // always in the same group
    std::vector<std::pair<int, int>> pins;          // (person, group): that group in every round
    std::vector<std::pair<int, int>> history;       // pairs that already met at an earlier étape
    std::uint64_t seed = 1;
    int timeLimitMs = 2000;         // CPU-time budget of the whole call (the calling thread's CPU clock, so a
                                    // busy laptop gives the same answer as a quiet one); <= 0 means none
    std::int64_t maxIterations = 0;  // iteration cap; 0 means none
    bool algebraicStart = true;      // start every other run from the affine plan when it applies (see mixer.cpp)
    /// Monotonic clock in milliseconds for the budget; empty: the calling thread's CPU time (tests inject their own).
    std::function<double()> clock;
};

// [SECTION] Output

/// Why the search ended.
enum class MixerStop {
    Perfect,    // every objective met
    LowerBound, // every objective met but the repeats, which are at their lower bound (rooms whose sizes force some)
    Iterations, // the iteration cap
    TimeLimit,  // the time budget (the plan is the best found until then)
    Stalled,    // nothing left to improve: nobody can move, or (large rosters) no better swap found for long
};

/// How good a plan is and what the search cost.
struct MixerStats {
    // 64 bits: both counts pass 2^31 on large rosters (40,000 people in 3 groups meet in 2.7·10^8 pairs a round).
    std::int64_t repeatPairs = 0;    // over all pairs (but those kept together), meetings beyond the first in the day
    std::int64_t sameCitePairs = 0;  // pair meetings of two people of the same territory (one per pair and round)
    int maxMeetings = 0;     // most rounds any pair spends together
    int historyRepeats = 0;  // pairs of the history that meet again
    int minKinds = 0;        // fewest institution kinds in a group
    int keepApartBroken = 0; // pair meetings forbidden by a keep-apart set (0 in any returned plan)
    std::int64_t iterations = 0;
    double elapsedMs = 0;    // wall-clock time of the call
    double cpuMs = 0;        // CPU time of the call (what the budget counts)
    bool perfect = false;    // every objective met (no same-territory pair, repeat or history meeting, every
                             // group at the mix target): the search stopped before its budget
    MixerStop stop = MixerStop::Stalled;
    std::int64_t work = 0;   // elementary steps counted against the budget (a machine-independent measure)
    bool exact = true;       // false: repeatPairs and maxMeetings estimated from a sample of people (mixGroups on
                             // rosters whose pairs cannot all be counted within the budget)
};

/// rounds[r][g] lists the person indices of group g in round r.
struct MixerPlan {
    std::vector<std::vector<std::vector<int>>> rounds;
    MixerStats stats;
};

/// A plan, or an error: a French message that says which rule to change.
struct MixerResult {
    std::string error;
    MixerPlan plan;
    bool ok() const { return error.empty(); }
};

// [SECTION] Entry points

/// Checks the rules and searches for the best plan within the budget.
MixerResult mixGroups(const MixerInput& input);
/// Statistics of an existing plan against the rules of `input` (iterations and time left at 0).
MixerStats evaluatePlan(const MixerInput& input, const std::vector<std::vector<std::vector<int>>>& rounds);

}  // namespace atelier
