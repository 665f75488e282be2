// Plans without a repeated pair from design theory (core/designs.h): the mixer's constructive starts of issue 32.
// Each plan is checked by an independent count: every seat once per round, groups of the asked size, no pair twice.
#include <doctest/doctest.h>

#include <vector>

#include "core/designs.h"

using namespace atelier;

namespace {

/// Repeated pairs of a plan (rounds × people, round-major), or -1 when a round is not a partition into `groups`
/// groups of `size`.
int repeatsOf(const std::vector<int>& plan, int groups, int size, int rounds) {
    const int n = groups * size;
    if (plan.size() != static_cast<size_t>(rounds) * n) return -1;
    std::vector<int> met(static_cast<size_t>(n) * n, 0);
    int repeats = 0;
    for (int r = 0; r < rounds; ++r) {
        std::vector<int> count(groups, 0);
        for (int p = 0; p < n; ++p) {
            const int g = plan[static_cast<size_t>(r) * n + p];
            if (g < 0 || g >= groups) return -1;
            ++count[g];
        }
        for (int g = 0; g < groups; ++g)
            if (count[g] != size) return -1;
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                if (plan[static_cast<size_t>(r) * n + a] == plan[static_cast<size_t>(r) * n + b])
                    repeats += met[static_cast<size_t>(a) * n + b]++ > 0 ? 1 : 0;
    }
    return repeats;
}

const designs::Spend kNoBudget = [](std::int64_t) { return false; };

}  // namespace

TEST_CASE("the lines of AG(d, q) give the affine rooms every round without a repeat") {
    // 9-3-12 (AG(3,3) has 13 parallel classes), 3-3-4, 4-4-5 (GF(4)), 8-2-15 (AG(4,2): a round robin of pairs),
    // 16-4-5 (AG(3,4)), 5-5-6.
    const int shapes[][3] = {{9, 3, 12}, {9, 3, 13}, {3, 3, 4}, {4, 4, 5}, {8, 2, 15}, {16, 4, 21}, {5, 5, 6}};
    for (const auto& shape : shapes) {
        const int g = shape[0], s = shape[1], w = shape[2];
        CAPTURE(g); CAPTURE(s); CAPTURE(w);
        CHECK(repeatsOf(designs::affineLines(g, s, w), g, s, w) == 0);
    }
    // Not an affine room, or more rounds than parallel classes.
    CHECK(designs::affineLines(7, 4, 9).empty());
    CHECK(designs::affineLines(9, 3, 14).empty());
    CHECK(designs::affineLines(6, 6, 3).empty());  // no field of 6 elements
}

TEST_CASE("the difference method finds 7-4-9, 5-3-7, 8-4-9, 6-3-8 and 7-3-10 without a repeat, on several seeds") {
    const int shapes[][3] = {{7, 4, 9}, {5, 3, 7}, {8, 4, 9}, {6, 3, 8}, {7, 3, 10}};
    for (const auto& shape : shapes)
        for (std::uint64_t seed = 1; seed <= 2; ++seed) {
            const int g = shape[0], s = shape[1], w = shape[2];
            CAPTURE(g); CAPTURE(s); CAPTURE(w); CAPTURE(seed);
            const std::vector<int> plan = designs::cyclicPlan(g, s, w, seed, kNoBudget, 2'000'000'000);
            REQUIRE(!plan.empty());
            CHECK(repeatsOf(plan, g, s, w) == 0);
        }
}

TEST_CASE("the difference method gives up at once when the caller's time is up, or when no shape fits") {
    int calls = 0;
    const designs::Spend timeUp = [&](std::int64_t) { return ++calls > 0; };
    CHECK(designs::cyclicPlan(7, 4, 9, 1, timeUp, 2'000'000'000).empty());
    CHECK(calls >= 1);
    CHECK(designs::cyclicPlan(7, 4, 9, 1, kNoBudget, 0).empty());  // no steps allowed
    CHECK(designs::cyclicPlan(7, 4, 10, 1, kNoBudget, 1'000'000).empty());  // 28 people meet 27 others: 9 rounds
}

TEST_CASE("invariant base rounds give 8-4-10 without a repeat, where no full development exists (issue 32)") {
    // Before: every start of the mixer ended at 16 repeated pairs on 8-4-10 (its tenth round repeating the ninth).
    const std::vector<int> plan = designs::stabilisedCyclicPlan(8, 4, 10, kNoBudget, 2'000'000'000);
    REQUIRE(!plan.empty());
    CHECK(repeatsOf(plan, 8, 4, 10) == 0);
    // Fewer rounds of the same room, and a room of threes: any rounds it returns hold no repeat.
    for (const auto& shape : {std::vector<int>{8, 4, 6}, std::vector<int>{6, 3, 6}}) {
        const int g = shape[0], s = shape[1], w = shape[2];
        CAPTURE(g); CAPTURE(s); CAPTURE(w);
        const std::vector<int> other = designs::stabilisedCyclicPlan(g, s, w, kNoBudget, 200'000'000);
        if (!other.empty()) CHECK(repeatsOf(other, g, s, w) == 0);
    }
}

TEST_CASE("invariant base rounds give up when the time is up, with no steps, or beyond what a room can hold") {
    int calls = 0;
    const designs::Spend timeUp = [&](std::int64_t) { return ++calls > 0; };
    CHECK(designs::stabilisedCyclicPlan(8, 4, 10, timeUp, 2'000'000'000).empty());
    CHECK(calls >= 1);
    CHECK(designs::stabilisedCyclicPlan(8, 4, 10, kNoBudget, 0).empty());
    CHECK(designs::stabilisedCyclicPlan(8, 4, 11, kNoBudget, 1'000'000).empty());  // 32 people meet 31 others
    CHECK(designs::stabilisedCyclicPlan(20, 4, 3, kNoBudget, 1'000'000).empty());  // 80 seats: beyond 64
    // Every split of 5-3-7 is searched to its end without an answer: empty after a few million steps, not a
    // search that goes on while its cap doubles (it looped before).
    CHECK(designs::stabilisedCyclicPlan(5, 3, 7, kNoBudget, 2'000'000'000).empty());
}
