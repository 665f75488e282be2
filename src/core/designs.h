// Plans without a repeated pair, from design theory, for rooms of equal groups: the mixer's constructive starts.
// Seats are numbered 0..people-1; a plan is round-major (rounds × people), each value a group number.
// Who sits where (territories, institutions) is the mixer's business, not this file's.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace atelier::designs {

/// Told the work done (elementary steps); returns true when the caller's time is up (the search then stops).
using Spend = std::function<bool(std::int64_t)>;

/// True when the field of q elements is supported: q a prime, or a power of two up to 64.
bool fieldSupported(int q);
/// Operations in the field of q elements (q supported; a, b in [0, q)).
int fieldMul(int a, int b, int q);
int fieldAdd(int a, int b, int q);
int fieldSub(int a, int b, int q);

/// `rounds` rounds of `groups` groups of `size` where no pair meets twice, from the lines of the affine space
/// AG(d, q) (q = size a prime or a power of two up to 64, people = q^d, groups = q^(d-1), at most
/// (q^d − 1)/(q − 1) rounds): each round is a parallel class of lines. Empty when the shape is not one.
std::vector<int> affineLines(int groups, int size, int rounds);

/// The same by the difference method (1-rotational and Kirkman-type designs): seats are the points of rows
/// Z_M × {i} (and short rows: fixed points, or rows of a divisor of M), one to three base rounds are searched (a
/// tabu search on swaps) whose pairs use each orbit under the shift by 1 at most once, and round b·M + t is base
/// round b shifted by t. Tries every shape that the counting of orbits allows, in slices of `maxSteps`; empty when
/// none was found in time (or no shape fits). Deterministic for a seed when `spend` never says stop.
std::vector<int> cyclicPlan(int groups, int size, int rounds, std::uint64_t seed, const Spend& spend,
                            std::int64_t maxSteps);

/// The same with rounds that are invariant under a subgroup of the shifts: seats are rows Z_M × {i} (M dividing
/// the people, no fixed point), and each base round, invariant under the shift by M/d (its blocks come d at a time,
/// a base block and its shifts by M/d), is developed by the shifts 0 .. M/d − 1 into M/d rounds. A pair orbit under
/// Z_M is used by at most one base block pair, so no pair meets twice. The base rounds are found by an exhaustive
/// search (depth first, the lowest free seat first) for each M and each way of making `rounds` from M/d's, with
/// caps that double until `maxSteps`. Solves 8-4-10 (M = 8, four rows: base rounds with d = 4, 2 and 2), where
/// no full development exists. Deterministic; empty when none was found in time (or rooms too large: 64 seats).
std::vector<int> stabilisedCyclicPlan(int groups, int size, int rounds, const Spend& spend, std::int64_t maxSteps);

}  // namespace atelier::designs
