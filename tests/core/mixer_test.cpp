// The group mixer: valid plans under the hard rules, determinism for a seed, clear errors for impossible rules,
// and the quality a facilitator expects on a real day of the Tour. Every search here stops on an iteration cap
// (no time budget), so the results do not depend on the machine.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/mixer.h"

using namespace atelier;

namespace {

using Rounds = std::vector<std::vector<std::vector<int>>>;

/// "p7" (appending avoids a false -Wrestrict warning of GCC 12 on `"p" + std::to_string(i)`).
std::string numbered(const char* prefix, int i) {
    std::string s = prefix;
    s += std::to_string(i);
    return s;
}

/// `people` people, territory t(i % territories), institution i % 5, a search of at most `cap` iterations.
MixerInput makeInput(int people, int territories, int groups, int rounds, std::int64_t cap = 20000) {
    MixerInput input;
    for (int i = 0; i < people; ++i)
        input.people.push_back({numbered("p", i), numbered("t", i % territories),
                                static_cast<Institution>(i % 5)});
    input.groups = groups;
    input.rounds = rounds;
    input.timeLimitMs = 0;
    input.maxIterations = cap;
    return input;
}

/// Checks every hard rule on a plan.
void checkValid(const MixerInput& input, const Rounds& rounds, int groups) {
    const int n = static_cast<int>(input.people.size());
    REQUIRE(static_cast<int>(rounds.size()) == input.rounds);
    for (const auto& round : rounds) {
        REQUIRE(static_cast<int>(round.size()) == groups);
        std::vector<int> seen(n, 0), groupOf(n, -1);
        size_t smallest = round.front().size(), largest = 0;
        for (size_t g = 0; g < round.size(); ++g) {
            smallest = std::min(smallest, round[g].size());
            largest = std::max(largest, round[g].size());
            for (int p : round[g]) {
                REQUIRE(p >= 0);
                REQUIRE(p < n);
                ++seen[p];
                groupOf[p] = static_cast<int>(g);
            }
        }
        for (int p = 0; p < n; ++p) CHECK(seen[p] == 1);  // everyone exactly once per round
        CHECK(largest - smallest <= 1);
        for (const auto& [p, g] : input.pins) CHECK(groupOf[p] == g);
        for (const auto& [a, b] : input.keepTogether) CHECK(groupOf[a] == groupOf[b]);
        for (const auto& set : input.keepApart)
            for (int a : set)
                for (int b : set)
                    if (a != b) CHECK(groupOf[a] != groupOf[b]);
    }
}

/// The realistic day: 13 Cités × (Préfecture-État, Éducation nationale, Collectivité co-pilots + a chef de
/// projet from a Collectivité or an Association).
MixerInput tourDay() {
    static const char* cites[] = {"Saint-Quentin", "Denain", "Lille", "Maubeuge", "Roubaix", "Tourcoing",
                                  "Valenciennes-Anzin", "Creil", "Arras", "Boulogne-sur-Mer", "Calais", "Lens",
                                  "Amiens"};
    MixerInput input;
    int c = 0;
    for (const char* cite : cites) {
        const std::string key = cite;
        input.people.push_back({key + "/prefecture", key, Institution::PrefectureEtat});
        input.people.push_back({key + "/education", key, Institution::EducationNationale});
        input.people.push_back({key + "/collectivite", key, Institution::Collectivite});
        input.people.push_back(
            {key + "/chef", key, c++ % 2 ? Institution::Association : Institution::Collectivite});
    }
    input.groups = 8;
    input.rounds = 3;
    input.timeLimitMs = 0;
    input.maxIterations = 200000;
    return input;
}

}  // namespace

TEST_CASE("a plan puts everyone once per round, in groups whose sizes differ by at most one") {
    SUBCASE("23 people in 5 groups") {
        const MixerInput input = makeInput(23, 7, 5, 3);
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 5);
    }
    SUBCASE("a target size of 4 for 23 people gives 6 groups, none larger than 4") {
        MixerInput input = makeInput(23, 7, 0, 2);
        input.groupSize = 4;
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 6);
        for (const auto& group : result.plan.rounds[0]) CHECK(group.size() <= 4);
    }
}

TEST_CASE("pins, keep-apart sets and keep-together pairs hold in every round") {
    MixerInput input = makeInput(30, 10, 6, 4);
    for (int g = 0; g < 6; ++g) input.pins.emplace_back(g, g);  // one facilitator per group
    input.keepApart = {{6, 7, 8}, {9, 20}};
    input.keepTogether = {{10, 11}, {12, 13}, {13, 14}};
    input.pins.emplace_back(12, 2);  // the trio 12-13-14 follows its pinned member
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 6);
    for (const auto& round : result.plan.rounds) {
        const auto& g2 = round[2];
        CHECK(std::count(g2.begin(), g2.end(), 13) == 1);
        CHECK(std::count(g2.begin(), g2.end(), 14) == 1);
    }
    CHECK(result.plan.stats.keepApartBroken == 0);
}

TEST_CASE("the same seed and iteration cap give the same plan, another seed may differ") {
    MixerInput input = makeInput(40, 10, 8, 5, 3000);
    input.seed = 42;
    const MixerResult a = mixGroups(input);
    const MixerResult b = mixGroups(input);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.plan.rounds == b.plan.rounds);
    CHECK(a.plan.stats.iterations == b.plan.stats.iterations);
    bool differs = false;
    for (std::uint64_t seed = 1; seed <= 5 && !differs; ++seed) {
        input.seed = seed;
        differs = mixGroups(input).plan.rounds != a.plan.rounds;
    }
    CHECK(differs);
}

TEST_CASE("impossible rules come back as a French message, not a plan") {
    const auto error = [](const MixerInput& input) {
        const MixerResult result = mixGroups(input);
        CHECK_FALSE(result.ok());
        CHECK(result.plan.rounds.empty());
        return result.error;
    };
    MixerInput input = makeInput(5, 5, 6, 1);
    CHECK(error(input).find("5 personnes pour 6 groupes") != std::string::npos);

    input = makeInput(0, 1, 2, 1);
    CHECK(error(input).find("Aucune personne") != std::string::npos);

    input = makeInput(12, 12, 3, 0);
    CHECK(error(input).find("tours") != std::string::npos);

    input = makeInput(12, 12, 0, 1);
    CHECK(error(input).find("nombre de groupes") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.pins = {{0, 3}};
    CHECK(error(input).find("p0 est placé·e dans le groupe 4, mais il n'y a que 3 groupes") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.pins = {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}};
    CHECK(error(input).find("Trop de personnes placées dans le groupe 2\u00a0: 5 pour 4 places") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.keepTogether = {{0, 1}};
    input.keepApart = {{1, 0}};
    CHECK(error(input).find("p0 et p1 doivent à la fois rester ensemble et être séparés") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.keepApart = {{0, 1, 2, 3}};
    CHECK(error(input).find("4 personnes doivent être séparées (p0, p1, p2, p3)") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.keepApart = {{0, 1}};
    input.pins = {{0, 2}, {1, 2}};
    CHECK(error(input).find("p0 et p1 doivent être séparés, mais sont placés tous deux dans le groupe 3") !=
          std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.keepTogether = {{0, 1}};
    input.pins = {{0, 0}, {1, 2}};
    CHECK(error(input).find("doivent rester ensemble mais sont placés dans des groupes différents") !=
          std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.keepTogether = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
    CHECK(error(input).find("5 personnes doivent rester ensemble") != std::string::npos);

    input = makeInput(12, 12, 3, 1);
    input.history = {{0, 12}};
    CHECK(error(input).find("n° 12") != std::string::npos);
}

TEST_CASE("pairs that met at an earlier étape are kept apart when possible") {
    MixerInput input = makeInput(12, 12, 4, 1);
    // Two earlier groups of four: 0-3 and 4-7 met, and so did 8 with 0: four groups of three can avoid them all.
    for (int a = 0; a < 4; ++a)
        for (int b = a + 1; b < 4; ++b) {
            input.history.emplace_back(a, b);
            input.history.emplace_back(a + 4, b + 4);
        }
    input.history.emplace_back(8, 0);
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    CHECK(result.plan.stats.historyRepeats == 0);
    CHECK(result.plan.stats.perfect);

    // With a single group, the history cannot be avoided and is counted.
    input.groups = 1;
    const MixerResult one = mixGroups(input);
    REQUIRE(one.ok());
    CHECK(one.plan.stats.historyRepeats == 13);
}

TEST_CASE("a day of the Tour: 13 Cités × 4 people, 8 groups, 3 rounds") {
    const MixerInput input = tourDay();
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 8);
    const MixerStats& s = result.plan.stats;
    CHECK(s.sameCitePairs == 0);
    CHECK(s.repeatPairs == 0);
    CHECK(s.maxMeetings == 1);
    CHECK(s.minKinds >= 3);
    CHECK(s.perfect);
    // Stats agree with an independent evaluation of the plan.
    const MixerStats again = evaluatePlan(input, result.plan.rounds);
    CHECK(again.repeatPairs == s.repeatPairs);
    CHECK(again.minKinds == s.minKinds);
}

TEST_CASE("Kirkman's schoolgirls (5-3-7) reach a plan where no pair meets twice") {
    MixerInput input = makeInput(15, 15, 5, 7, 2000000);
    for (auto& p : input.people) p.institution = Institution::Autre;
    SUBCASE("as shipped") {}
    SUBCASE("local search from greedy starts only") { input.algebraicStart = false; }
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 5);
    CHECK(result.plan.stats.repeatPairs == 0);
    CHECK(result.plan.stats.maxMeetings == 1);
    CHECK(result.plan.stats.perfect);
}

TEST_CASE("the affine start gives 32 golfers 9 rounds of fours without a repeat, within a few iterations") {
    MixerInput input = makeInput(32, 32, 8, 9, 100);
    for (auto& p : input.people) p.institution = Institution::Autre;
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 8);
    CHECK(result.plan.stats.repeatPairs == 0);
    CHECK(result.plan.stats.perfect);
}

TEST_CASE("the design start gives 21 golfers 10 rounds of threes where every pair meets exactly once (7-3-10)") {
    MixerInput input = makeInput(21, 21, 7, 10, 100);
    for (auto& p : input.people) p.institution = Institution::Autre;
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 7);
    CHECK(result.plan.stats.repeatPairs == 0);
    CHECK(result.plan.stats.perfect);
    // A resolvable design: over the ten rounds every one of the 210 pairs has met, once.
    std::set<std::pair<int, int>> met;
    for (const auto& round : result.plan.rounds)
        for (const auto& group : round)
            for (size_t i = 0; i < group.size(); ++i)
                for (size_t j = i + 1; j < group.size(); ++j)
                    CHECK(met.insert({std::min(group[i], group[j]), std::max(group[i], group[j])}).second);
    CHECK(met.size() == 210);
}

TEST_CASE("the design start gives 18 golfers 8 rounds of threes without a repeat (6-3-8), on every seed") {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        MixerInput input = makeInput(18, 18, 6, 8, 100);
        for (auto& p : input.people) p.institution = Institution::Autre;
        input.seed = seed;
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 6);
        CHECK(result.plan.stats.repeatPairs == 0);
    }
}

TEST_CASE("9-3-12 and 7-4-9 reach a plan where no pair meets twice, on every seed (issue 32)") {
    // Before issue 32 the search ended at 1-2 repeats on 9-3-12 and 15-27 on 7-4-9 (2 s, 5 seeds).
    const int shapes[][3] = {{9, 3, 12}, {7, 4, 9}};
    for (const auto& shape : shapes)
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            const int g = shape[0], s = shape[1], w = shape[2];
            CAPTURE(g); CAPTURE(s); CAPTURE(w); CAPTURE(seed);
            MixerInput input = makeInput(g * s, g * s, g, w, 2000);
            for (auto& p : input.people) p.institution = Institution::Autre;
            input.seed = seed;
            const MixerResult result = mixGroups(input);
            REQUIRE(result.ok());
            checkValid(input, result.plan.rounds, g);
            CHECK(result.plan.stats.repeatPairs == 0);
            CHECK(result.plan.stats.maxMeetings == 1);
            CHECK(result.plan.stats.stop == MixerStop::Perfect);
        }
}

TEST_CASE("8-4-10, the original social golfer problem, reaches a plan where no pair meets twice (issue 32)") {
    // Before: 16 repeated pairs on every seed (2 s and 10 s). Without a time limit the plan does not depend on
    // the machine: the design start is found in a fixed number of steps, then only the seats change with the seed.
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        CAPTURE(seed);
        MixerInput input = makeInput(32, 32, 8, 10, 0);
        for (auto& p : input.people) p.institution = Institution::Autre;
        input.seed = seed;
        input.maxIterations = 100'000;
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 8);
        CHECK(result.plan.stats.repeatPairs == 0);
        CHECK(result.plan.stats.maxMeetings == 1);
        CHECK(result.plan.stats.stop == MixerStop::Perfect);
    }
}

TEST_CASE("a room whose sizes force repeats stops as soon as it reaches their lower bound (37 in 6×3: 2)") {
    // Rounds 2 and 3 each have a group of 7 drawn from the 6 groups of the round before: one pair of it met there.
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        CAPTURE(seed);
        MixerInput input = makeInput(37, 37, 6, 3, 1000000);
        input.seed = seed;
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 6);
        CHECK(result.plan.stats.repeatPairs == 2);
        CHECK(result.plan.stats.stop == MixerStop::LowerBound);
        CHECK(result.plan.stats.iterations < 1000000);
        CHECK(!result.plan.stats.perfect);
    }
}

TEST_CASE("the design start keeps the Cité rule: 7-4-9 with 7 Cités of 4 people") {
    // Everyone meets 27 others in 9 rounds of fours: exactly everyone, Cité-mates included, so the search trades
    // repeats for same-Cité meetings; the Cité rule comes first.
    MixerInput input = makeInput(28, 7, 7, 9, 3000);
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 7);
    CHECK(result.plan.stats.sameCitePairs == 0);
}

TEST_CASE("every plan is valid on random shapes, rules and sizes (property test)") {
    // Sizes differ by at most one, everyone once a round, pins, keep-apart and keep-together hold: on rooms where
    // the constructive starts apply (equal groups) and where they do not.
    std::uint64_t state = 20261207;
    const auto below = [&](int bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    for (int trial = 0; trial < 60; ++trial) {
        const int groups = 1 + below(9);
        const int people = trial % 2 == 0 ? groups * (2 + below(4)) : groups + below(5 * groups);
        const int rounds = 1 + below(8);
        MixerInput input = makeInput(people, 1 + below(people), groups, rounds, 200);
        input.seed = static_cast<std::uint64_t>(trial) + 1;
        if (trial % 3 == 0 && people >= 2 * groups && groups >= 2) {
            input.pins = {{0, 0}};
            input.keepApart = {{1, 2}};
        }
        if (trial % 5 == 0 && people >= 3 * groups && groups >= 2) input.keepTogether = {{people - 1, people - 2}};
        if (trial % 4 == 0 && people >= 2) input.history = {{0, people - 1}};
        CAPTURE(trial); CAPTURE(people); CAPTURE(groups); CAPTURE(rounds);
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, groups);
        const MixerStats again = evaluatePlan(input, result.plan.rounds);
        CHECK(again.repeatPairs == result.plan.stats.repeatPairs);
        CHECK(again.keepApartBroken == 0);
    }
}

TEST_CASE("evaluatePlan counts repeats, same-territory pairs, meetings and institution kinds") {
    MixerInput input;
    input.people = {{"a", "x", Institution::PrefectureEtat},
                    {"b", "x", Institution::EducationNationale},
                    {"c", "y", Institution::Collectivite},
                    {"d", "", Institution::Collectivite}};
    input.rounds = 3;
    input.history = {{0, 2}};
    const Rounds rounds = {{{0, 1}, {2, 3}}, {{0, 1}, {2, 3}}, {{0, 1}, {2, 3}}};
    const MixerStats s = evaluatePlan(input, rounds);
    CHECK(s.repeatPairs == 4);    // a-b and c-d meet three times: two repeats each
    CHECK(s.sameCitePairs == 3);  // a-b, both from x, in each round
    CHECK(s.maxMeetings == 3);
    CHECK(s.historyRepeats == 0);
    CHECK(s.minKinds == 1);       // c-d: two Collectivités
}

// [SECTION] The time budget, from the first instruction and at any size (issue 10, point 5)
// The clock is injected: each read advances it by a fixed step, so « the deadline passes » happens at a known read
// and nothing depends on the machine's speed.

namespace {

/// A clock that advances `step` ms at every read, counting its reads.
struct FakeClock {
    double step = 1000;
    int reads = 0;
    std::function<double()> fn() {
        return [this] { return step * reads++; };
    }
};

}  // namespace

TEST_CASE("a deadline that passes at the first check still gives a valid plan at once, at 2,000 and 20,000 people") {
    for (const int n : {2000, 20000}) {
        CAPTURE(n);
        MixerInput input = makeInput(n, 13, 100, 3, 0);
        input.timeLimitMs = 50;
        FakeClock clock;  // 0 ms at the start, 1 s at the next read: the budget is gone at the first check
        input.clock = clock.fn();
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 100);
        const MixerStats& s = result.plan.stats;
        CHECK(s.stop == MixerStop::TimeLimit);
        CHECK(s.iterations == 0);
        CHECK_FALSE(s.perfect);
        // Stopped at the first check: a few clock reads and work linear in the roster (no pair table, no search).
        CHECK(clock.reads <= 4);
        CHECK(s.work > 0);
        CHECK(s.work <= 8LL * n * input.rounds);
    }
}

TEST_CASE("a clock read every few thousand steps stops the mixer at its deadline in every phase, deterministically") {
    // 1 ms per read and a 50 ms budget: the mixer must stop by the 50th read, whichever phase it is in (a start
    // cut short is completed cheaply), with a valid plan; the same clock gives the same plan. Time is kept for the
    // statistics of the plan at the speed measured so far, at most half of the budget: the search has the rest.
    // Sizes for the tabu search (40: the freedom start; 300: the cheap start) and for the large-roster search;
    // none can be perfect (groups larger than the number of territories), so only the deadline stops them.
    struct Case {
        int people, territories, groups, rounds;
    };
    for (const Case c : {Case{40, 5, 4, 3}, Case{300, 13, 10, 4}, Case{2000, 13, 100, 3}, Case{20000, 13, 100, 3}}) {
        CAPTURE(c.people);
        MixerInput input = makeInput(c.people, c.territories, c.groups, c.rounds, 0);
        input.timeLimitMs = 50;
        const auto mix = [&](FakeClock& clock) {
            input.clock = clock.fn();
            return mixGroups(input);
        };
        FakeClock first{1}, second{1};
        const MixerResult a = mix(first);
        REQUIRE(a.ok());
        checkValid(input, a.plan.rounds, c.groups);
        CHECK(a.plan.stats.stop == MixerStop::TimeLimit);
        CHECK(first.reads >= 25);
        CHECK(first.reads <= 54);
        // Work between two reads is bounded: about 50 reads' worth, plus the cheap completion of the start.
        CHECK(a.plan.stats.work <= 50LL * 65536 + 8LL * c.people * c.rounds);
        const MixerResult b = mix(second);
        CHECK(b.plan.rounds == a.plan.rounds);
        CHECK(b.plan.stats.iterations == a.plan.stats.iterations);
    }
}

TEST_CASE("a few huge groups: the statistics estimate the repeats from a sample instead of counting every pair") {
    // 4,000 people in 3 groups over 20 rounds: 53 million pair meetings to count, far beyond what a 50 ms budget
    // allows (issue 32, point 3: 40,000 people took 27 s of CPU for a 50 ms budget, nearly all of it in counting).
    MixerInput input = makeInput(4000, 13, 3, 20, 0);
    input.timeLimitMs = 50;
    FakeClock clock{1};
    input.clock = clock.fn();
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 3);
    CHECK(!result.plan.stats.exact);
    const MixerStats counted = evaluatePlan(input, result.plan.rounds);
    CHECK(counted.exact);
    CHECK(counted.repeatPairs > 0);
    const double error = std::abs(result.plan.stats.repeatPairs - static_cast<double>(counted.repeatPairs));
    CHECK(error <= 0.01 * counted.repeatPairs);
    CHECK(result.plan.stats.maxMeetings <= counted.maxMeetings);
    CHECK(result.plan.stats.sameCitePairs == counted.sameCitePairs);  // still counted exactly
    // A small roster is always counted exactly.
    MixerInput small = makeInput(40, 5, 4, 3, 0);
    small.timeLimitMs = 50;
    FakeClock smallClock{1};
    small.clock = smallClock.fn();
    CHECK(mixGroups(small).plan.stats.exact);
}

TEST_CASE("large rosters are improved by the search within the budget, without pair tables") {
    // 2,000 people of 13 Cités in 100 groups of 20: a group can hold people of 13 Cités at most, so some
    // same-Cité pairs remain, but the start and the search keep them near the minimum and avoid repeats.
    MixerInput input = makeInput(2000, 13, 100, 3, 20000);
    const MixerResult result = mixGroups(input);
    REQUIRE(result.ok());
    checkValid(input, result.plan.rounds, 100);
    const MixerStats& s = result.plan.stats;
    CHECK(s.stop != MixerStop::TimeLimit);
    // Fewest same-Cité pairs per group of 20 from 13 Cités: 7 Cités twice = 7 pairs; 100 groups, 3 rounds.
    CHECK(s.sameCitePairs <= 7 * 100 * 3 * 11 / 10);
    CHECK(s.repeatPairs <= 10);
    CHECK(s.minKinds == 5);
    // Same seed and cap, same plan.
    CHECK(mixGroups(input).plan.rounds == result.plan.rounds);
}

TEST_CASE("evaluatePlan counts without people² tables: 20,000 people in 4 groups") {
    MixerInput input = makeInput(20000, 20000, 4, 2);
    input.history = {{0, 4}, {1, 3}};
    input.keepApart = {{0, 8}};
    Rounds rounds(2, std::vector<std::vector<int>>(4));
    for (int p = 0; p < 20000; ++p) {
        rounds[0][p % 4].push_back(p);
        rounds[1][p / 5000].push_back(p);
    }
    const MixerStats s = evaluatePlan(input, rounds);
    // Round 1 by remainder of 4, round 2 by quarters: the 1,250 people of one remainder in one quarter meet twice.
    CHECK(s.repeatPairs == 16 * (1250 * 1249 / 2));
    CHECK(s.maxMeetings == 2);
    CHECK(s.sameCitePairs == 0);
    CHECK(s.historyRepeats == 2);  // 0-4 met (twice), 1-3 met (once): pairs, not meetings
    CHECK(s.keepApartBroken == 2);  // 0 and 8 meet in both rounds
    CHECK(s.minKinds == 5);
}

TEST_CASE("evaluatePlan counts repeats beyond 2^31 without wrapping: 100,000 people in 2 groups, 3 rounds") {
    const MixerInput input = makeInput(100000, 100000, 2, 3);
    Rounds rounds(3, std::vector<std::vector<int>>(2));
    for (int r = 0; r < 3; ++r)
        for (int p = 0; p < 100000; ++p) rounds[r][p / 50000].push_back(p);
    const MixerStats s = evaluatePlan(input, rounds);
    // The same halves three times: each of the 2 × C(50,000, 2) pairs meets twice too often.
    CHECK(s.repeatPairs == 2LL * 2 * (50000LL * 49999 / 2));
    CHECK(s.repeatPairs > 2147483647LL);
    CHECK(s.maxMeetings == 3);
}

TEST_CASE("evaluatePlan agrees with a count of every pair, for small and large groups") {
    // Large groups (4 of 150) are counted by cells, small ones (60 of 10) pair by pair: both must give what a
    // plain count over all pairs gives, kept-together pairs aside, also when such a pair is split in a round.
    for (const int groups : {4, 60}) {
        for (const int rounds : {2, 3, 5}) {
            CAPTURE(groups);
            CAPTURE(rounds);
            MixerInput input = makeInput(600, 7, groups, rounds);
            input.keepTogether = {{0, 1}, {1, 2}, {10, 11}};
            std::uint64_t state = 12345 + static_cast<std::uint64_t>(groups * 10 + rounds);
            const auto next = [&] { return static_cast<int>((state = state * 6364136223846793005ull + 1442695040888963407ull) >> 33); };
            Rounds plan(rounds, std::vector<std::vector<int>>(groups));
            std::vector<std::vector<int>> where(rounds, std::vector<int>(600));
            for (int r = 0; r < rounds; ++r)
                for (int p = 0; p < 600; ++p) {
                    // Mostly clustered (many repeats), 0-1-2 together except in round 1, 10-11 always.
                    int g = (p / 5 + (next() % 3 == 0 ? next() : 0)) % groups;
                    if ((p == 1 || p == 2) && r != 1) g = where[r][0];
                    if (p == 11) g = where[r][10];
                    where[r][p] = g;
                    plan[r][g].push_back(p);
                }
            std::map<std::pair<int, int>, int> meetings;
            for (int r = 0; r < rounds; ++r)
                for (const auto& group : plan[r])
                    for (size_t i = 0; i < group.size(); ++i)
                        for (size_t j = i + 1; j < group.size(); ++j)
                            ++meetings[{std::min(group[i], group[j]), std::max(group[i], group[j])}];
            const std::set<std::pair<int, int>> together = {{0, 1}, {0, 2}, {1, 2}, {10, 11}};
            int repeats = 0, most = 0;
            for (const auto& [pair, m] : meetings) {
                if (together.count(pair)) continue;
                repeats += m - 1;
                most = std::max(most, m);
            }
            const MixerStats s = evaluatePlan(input, plan);
            CHECK(s.repeatPairs == repeats);
            CHECK(s.maxMeetings == most);
        }
    }
}

TEST_CASE("large rosters keep pins, keep-apart sets and keep-together pairs, whenever the budget ends") {
    // 2,000 people with rules, the deadline passing at reads 1, 2, 5, 20, 200 (through the rule checks, the start,
    // the search) and never: every plan holds every hard rule.
    MixerInput input = makeInput(2000, 13, 100, 3, 30000);
    for (int g = 0; g < 100; ++g) input.pins.emplace_back(g * 7, g);  // a facilitator per group
    for (int k = 0; k < 40; ++k) input.keepApart.push_back({1000 + 5 * k, 1001 + 5 * k, 1002 + 5 * k});
    for (int k = 0; k < 30; ++k) input.keepTogether.emplace_back(1500 + 2 * k, 1501 + 2 * k);
    input.keepTogether.emplace_back(7, 1800);  // follows the pinned person 7 to group 2
    for (int k = 0; k < 500; ++k) input.history.emplace_back(k, 1999 - k);
    for (const int steps : {1, 2, 5, 20, 200, 0}) {
        CAPTURE(steps);
        FakeClock clock{50.0 / steps};  // the deadline passes at read `steps`
        input.timeLimitMs = steps > 0 ? 50 : 0;
        input.clock = clock.fn();
        const MixerResult result = mixGroups(input);
        REQUIRE(result.ok());
        checkValid(input, result.plan.rounds, 100);
        CHECK(result.plan.stats.keepApartBroken == 0);
        if (steps > 0) CHECK(result.plan.stats.stop == MixerStop::TimeLimit);
    }
}
