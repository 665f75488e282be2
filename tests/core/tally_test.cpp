// Vote tallies on published examples (Wikipedia's Schulze example, the Tennessee capital for Borda, a Condorcet
// cycle), majority judgment worked by hand, validation messages, and properties (totals, budget, ballot order).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/tally.h"

using namespace atelier;

namespace {

using Tiers = std::vector<std::vector<int>>;

/// Option indices of a string of one-letter options: "ACB" → {0, 2, 1}.
std::vector<int> letters(const std::string& s) {
    std::vector<int> out;
    for (char c : s) out.push_back(c - 'A');
    return out;
}

Ballot ranked(long long count, const std::string& order) {
    Ballot b;
    b.count = count;
    b.ranking = letters(order);
    return b;
}

Ballot graded(std::vector<std::pair<int, int>> grades, long long count = 1) {
    Ballot b;
    b.count = count;
    b.grades = std::move(grades);
    return b;
}

TallyResult mustTally(const Election& e) {
    const TallyOutcome out = tally(e);
    INFO(out.error.message);
    REQUIRE(out.ok);
    return out.result;
}

std::string mustFail(const Election& e, int ballot) {
    const TallyOutcome out = tally(e);
    REQUIRE_FALSE(out.ok);
    CHECK(out.error.ballot == ballot);
    CHECK_FALSE(out.error.message.empty());
    return out.error.message;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Wikipedia, « Schulze method », example with 45 voters and 5 candidates.
Election wikipediaSchulze() {
    Election e;
    e.method = VoteMethod::Schulze;
    e.options = {"A", "B", "C", "D", "E"};
    e.ballots = {ranked(5, "ACBED"), ranked(5, "ADECB"), ranked(8, "BEDAC"), ranked(3, "CABED"),
                 ranked(7, "CAEBD"), ranked(2, "CBADE"), ranked(7, "DCEBA"), ranked(8, "EBADC")};
    return e;
}

/// Wikipedia, « Borda count », the Tennessee capital: 100 voters in the four cities' proportions.
/// Options: 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville.
Election tennessee() {
    Election e;
    e.method = VoteMethod::Borda;
    e.options = {"Memphis", "Nashville", "Chattanooga", "Knoxville"};
    auto ballot = [](long long count, std::vector<int> ranking) {
        Ballot b;
        b.count = count;
        b.ranking = std::move(ranking);
        return b;
    };
    e.ballots = {ballot(42, {0, 1, 2, 3}), ballot(26, {1, 2, 3, 0}), ballot(15, {2, 3, 1, 0}),
                 ballot(17, {3, 2, 1, 0})};
    return e;
}

Election cycle(VoteMethod method) {
    Election e;
    e.method = method;
    e.options = {"A", "B", "C"};
    e.ballots = {ranked(1, "ABC"), ranked(1, "BCA"), ranked(1, "CAB")};
    return e;
}

/// A random valid election for `method` with `options` options.
Election randomElection(VoteMethod method, std::mt19937& rng, int options = 4, int ballots = 25) {
    Election e;
    e.method = method;
    for (int o = 0; o < options; ++o) e.options.push_back("Option " + std::to_string(o + 1));
    e.dotsPerVoter = 5;
    e.maxDotsPerOption = 3;
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    for (int k = 0; k < ballots; ++k) {
        Ballot b;
        b.count = 1 + pick(4);
        std::vector<int> order(options);
        for (int o = 0; o < options; ++o) order[o] = o;
        std::shuffle(order.begin(), order.end(), rng);
        const int length = pick(options + 1);
        switch (method) {
            case VoteMethod::Dot: {
                int left = e.dotsPerVoter;
                for (int i = 0; i < length && left > 0; ++i) {
                    const int n = std::min<int>(left, pick(static_cast<int>(e.maxDotsPerOption) + 1));
                    b.dots.push_back({order[i], n});
                    left -= n;
                }
                break;
            }
            case VoteMethod::Approval: b.approvals.assign(order.begin(), order.begin() + length); break;
            case VoteMethod::Majority:
                for (int i = 0; i < length; ++i) b.grades.push_back({order[i], pick(7)});
                break;
            case VoteMethod::Borda:
            case VoteMethod::Schulze: b.ranking.assign(order.begin(), order.begin() + length); break;
        }
        e.ballots.push_back(b);
    }
    return e;
}

const VoteMethod kMethods[] = {VoteMethod::Dot, VoteMethod::Approval, VoteMethod::Majority, VoteMethod::Borda,
                               VoteMethod::Schulze};

}  // namespace

// [SECTION] Published examples

TEST_CASE("Schulze: the Wikipedia example with 45 voters gives E > A > C > B > D") {
    const TallyResult r = mustTally(wikipediaSchulze());
    CHECK(r.ballots == 45);
    // d[i][j], the article's table of pairwise preferences (diagonal unused, 0 here).
    const std::vector<std::vector<long long>> d = {
        {0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14}, {23, 27, 21, 31, 0}};
    // p[i][j], the article's table of strongest paths.
    const std::vector<std::vector<long long>> p = {
        {0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24}, {25, 28, 28, 31, 0}};
    CHECK(r.pairwise == d);
    CHECK(r.strongestPaths == p);
    CHECK(r.ranking == Tiers{{4}, {0}, {2}, {1}, {3}});
    CHECK(r.scores == std::vector<long long>{3, 1, 2, 0, 4});
}

TEST_CASE("Borda: the Tennessee capital gives Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107") {
    const TallyResult r = mustTally(tennessee());
    CHECK(r.ballots == 100);
    CHECK(r.scores == std::vector<long long>{126, 194, 173, 107});
    CHECK(r.ranking == Tiers{{1}, {2}, {0}, {3}});
}

TEST_CASE("a Condorcet cycle is a three-way tie for Schulze and for Borda") {
    const TallyResult s = mustTally(cycle(VoteMethod::Schulze));
    CHECK(s.ranking == Tiers{{0, 1, 2}});
    // Each pair is won 2 to 1, so every strongest path has strength 2.
    CHECK(s.pairwise == std::vector<std::vector<long long>>{{0, 2, 1}, {1, 0, 2}, {2, 1, 0}});
    CHECK(s.strongestPaths == std::vector<std::vector<long long>>{{0, 2, 2}, {2, 0, 2}, {2, 2, 0}});
    const TallyResult b = mustTally(cycle(VoteMethod::Borda));
    CHECK(b.scores == std::vector<long long>{3, 3, 3});
    CHECK(b.ranking == Tiers{{0, 1, 2}});
}

TEST_CASE("Schulze: a Condorcet winner comes first, partial rankings put the options left out last") {
    Election e;
    e.method = VoteMethod::Schulze;
    e.options = {"A", "B", "C"};
    e.ballots = {ranked(3, "B"), ranked(2, "AB")};
    const TallyResult r = mustTally(e);
    // B over A: 3, A over B: 2; B and A over C: 5 and 2 (C left out everywhere).
    CHECK(r.pairwise == std::vector<std::vector<long long>>{{0, 2, 2}, {3, 0, 5}, {0, 0, 0}});
    // Only won pairs are links (winning votes): A→B (2 against 3) is no link, so no path leads from A to B.
    CHECK(r.strongestPaths == std::vector<std::vector<long long>>{{0, 0, 2}, {3, 0, 5}, {0, 0, 0}});
    CHECK(r.ranking == Tiers{{1}, {0}, {2}});
}

TEST_CASE("Borda: a partial ranking gives n-1, n-2 … to the options ranked and 0 to the others") {
    Election e;
    e.method = VoteMethod::Borda;
    e.options = {"A", "B", "C", "D"};
    e.ballots = {ranked(1, "CA"), ranked(2, ""), ranked(1, "BDA")};
    const TallyResult r = mustTally(e);
    // Ballot 1: C 3, A 2. Ballots 2: blank. Ballot 4: B 3, D 2, A 1 (C 0, as if ranked last).
    CHECK(r.scores == std::vector<long long>{3, 3, 3, 2});
    CHECK(r.ranking == Tiers{{0, 1, 2}, {3}});
    CHECK(r.ballots == 4);
    // Leaving out only the last option is the same as ranking it last.
    Election full = e;
    full.ballots = {ranked(1, "CABD"), ranked(1, "BDAC")};
    Election truncated = e;
    truncated.ballots = {ranked(1, "CAB"), ranked(1, "BDA")};
    CHECK(mustTally(full).scores == mustTally(truncated).scores);
}

// [SECTION] Majority judgment, worked by hand
// Default scale by index: 0 À rejeter, 1 Insuffisant, 2 Passable, 3 Assez bien, 4 Bien, 5 Très bien, 6 Excellent.

TEST_CASE("majority judgment: the higher median wins, whatever the extremes") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    // A: Assez bien, Bien, Bien        → median Bien.
    // B: À rejeter, Assez bien, Excellent → median Assez bien, despite its Excellent.
    e.ballots = {graded({{0, 3}, {1, 0}}), graded({{0, 4}, {1, 3}}), graded({{0, 4}, {1, 6}})};
    const TallyResult r = mustTally(e);
    CHECK(r.medians == std::vector<int>{4, 3});
    CHECK(r.scores == std::vector<long long>{4, 3});
    CHECK(r.ranking == Tiers{{0}, {1}});
    CHECK(r.meritProfile[1] == std::vector<long long>{1, 0, 0, 1, 0, 0, 1});
    CHECK(r.grades.size() == 7);
    CHECK(r.grades.front() == "À rejeter");
    CHECK(r.grades.back() == "Excellent");
}

TEST_CASE("majority judgment: an even count takes the lower median") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    // A: Passable, Bien (2 votes) → lower median Passable. B: Assez bien twice → Assez bien.
    e.ballots = {graded({{0, 2}, {1, 3}}), graded({{0, 4}, {1, 3}})};
    const TallyResult r = mustTally(e);
    CHECK(r.medians == std::vector<int>{2, 3});
    CHECK(r.ranking == Tiers{{1}, {0}});
}

TEST_CASE("majority judgment: equal medians are separated by removing one median grade at a time") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    // A: Passable, Bien, Bien, Très bien; B: Assez bien, Bien, Bien, Bien. Both medians: Bien (lower median of 4).
    // Remove one Bien from each: A {Passable, Bien, Très bien} → Bien; B {Assez bien, Bien, Bien} → Bien.
    // Remove another: A {Passable, Très bien} → Passable; B {Assez bien, Bien} → Assez bien. B wins.
    e.ballots = {graded({{0, 2}, {1, 3}}), graded({{0, 4}, {1, 4}}), graded({{0, 4}, {1, 4}}),
                 graded({{0, 5}, {1, 4}})};
    const TallyResult r = mustTally(e);
    CHECK(r.medians == std::vector<int>{4, 4});
    CHECK(r.ranking == Tiers{{1}, {0}});
}

TEST_CASE("majority judgment: with an odd count the grade below the median is read before the one above") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    // A: Insuffisant, Bien, Excellent; B: Passable, Bien, Très bien. Medians: Bien, Bien.
    // Remove Bien: A {Insuffisant, Excellent} → Insuffisant; B {Passable, Très bien} → Passable. B wins.
    e.ballots = {graded({{0, 1}, {1, 2}}), graded({{0, 4}, {1, 4}}), graded({{0, 6}, {1, 5}})};
    CHECK(mustTally(e).ranking == Tiers{{1}, {0}});
    // Group counts weigh like repeated ballots: 3 × (A Bien, B Assez bien) + 2 × (A Insuffisant, B Très bien).
    // A: 2 Insuffisant, 3 Bien → median Bien. B: 3 Assez bien, 2 Très bien → median Assez bien. A wins.
    e.ballots = {graded({{0, 4}, {1, 3}}, 3), graded({{0, 1}, {1, 5}}, 2)};
    const TallyResult r = mustTally(e);
    CHECK(r.ballots == 5);
    CHECK(r.medians == std::vector<int>{4, 3});
    CHECK(r.ranking == Tiers{{0}, {1}});
}

TEST_CASE("majority judgment: a tie that survives every removal is reported as a tie") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B", "C"};
    // A and B: one Passable and one Bien each (same merit profile, from different voters): removing grades never
    // separates them. C: Excellent twice, first. An option without a grade gets « À rejeter ».
    e.ballots = {graded({{0, 2}, {1, 4}, {2, 6}}), graded({{0, 4}, {1, 2}, {2, 6}})};
    TallyResult r = mustTally(e);
    CHECK(r.ranking == Tiers{{2}, {0, 1}});
    e.ballots.push_back(graded({{0, 6}, {1, 6}}));  // C not graded: À rejeter
    r = mustTally(e);
    CHECK(r.meritProfile[2][0] == 1);
    // A, B: Passable, Bien, Excellent → Bien; C: À rejeter, Excellent, Excellent → Excellent.
    CHECK(r.ranking == Tiers{{2}, {0, 1}});
}

TEST_CASE("majority judgment: an edited scale is used and reported") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    e.grades = {"Non", "Bof", "Oui"};
    e.ballots = {graded({{0, 2}, {1, 1}})};
    const TallyResult r = mustTally(e);
    CHECK(r.grades == std::vector<std::string>{"Non", "Bof", "Oui"});
    CHECK(r.meritProfile[0] == std::vector<long long>{0, 0, 1});
    CHECK(r.ranking == Tiers{{0}, {1}});
    e.ballots = {graded({{0, 3}})};
    const std::string message = mustFail(e, 1);
    CHECK(contains(message, "Bulletin 1"));
    CHECK(contains(message, "hors de l'échelle"));
}

TEST_CASE("majority judgment matches removing medians one by one on random profiles") {
    std::mt19937 rng(20200211);
    for (int round = 0; round < 200; ++round) {
        const Election e = randomElection(VoteMethod::Majority, rng, 4, 1 + round % 9);
        const TallyResult r = mustTally(e);
        // Reference: expand every option's grades, take and remove the lower median until none is left.
        std::vector<std::vector<int>> value(e.options.size());
        for (size_t o = 0; o < e.options.size(); ++o) {
            std::vector<int> grades;
            for (int g = 0; g < 7; ++g) grades.insert(grades.end(), r.meritProfile[o][g], g);
            while (!grades.empty()) {
                const size_t m = (grades.size() - 1) / 2;
                value[o].push_back(grades[m]);
                grades.erase(grades.begin() + static_cast<long>(m));
            }
        }
        Tiers expected;
        std::vector<int> order = {0, 1, 2, 3};
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return value[a] > value[b]; });
        for (size_t k = 0; k < order.size(); ++k) {
            if (k == 0 || value[order[k]] != value[order[k - 1]]) expected.emplace_back();
            expected.back().push_back(order[k]);
        }
        for (auto& tier : expected) std::sort(tier.begin(), tier.end());
        INFO("round " << round);
        CHECK(r.ranking == expected);
    }
}

// [SECTION] Dot voting and approval

TEST_CASE("dot voting: totals add up, the budget and the per-option cap hold") {
    Election e;
    e.method = VoteMethod::Dot;
    e.options = {"Leviers", "Freins", "Idées"};
    e.dotsPerVoter = 3;
    e.maxDotsPerOption = 2;
    Ballot a;
    a.dots = {{0, 2}, {2, 1}};
    Ballot hands;  // a show of hands: 12 people put one dot on « Freins »
    hands.count = 12;
    hands.dots = {{1, 1}};
    e.ballots = {a, hands};
    const TallyResult r = mustTally(e);
    CHECK(r.scores == std::vector<long long>{2, 12, 1});
    CHECK(r.ballots == 13);
    CHECK(r.ranking == Tiers{{1}, {0}, {2}});

    Ballot over;
    over.dots = {{0, 2}, {1, 2}};
    e.ballots = {a, over};
    std::string message = mustFail(e, 2);
    CHECK(contains(message, "Bulletin 2"));
    CHECK(contains(message, "4 points distribués pour 3"));

    Ballot capped;
    capped.dots = {{2, 3}};
    e.ballots = {capped};
    message = mustFail(e, 1);
    CHECK(contains(message, "«\u00a0Idées\u00a0» reçoit 3 points"));
    CHECK(contains(message, "plafond"));

    Ballot negative;
    negative.dots = {{0, -1}};
    e.ballots = {negative};
    CHECK(contains(mustFail(e, 1), "négatif"));

    e.dotsPerVoter = 0;
    e.ballots = {};
    CHECK(contains(mustFail(e, 0), "points par votant"));
}

TEST_CASE("dot voting: random ballots spend within the budget and the scores add up") {
    std::mt19937 rng(42);
    const Election e = randomElection(VoteMethod::Dot, rng, 5, 60);
    long long dots = 0, voters = 0;
    for (const Ballot& b : e.ballots) {
        long long spent = 0;
        for (const auto& d : b.dots) spent += d.second;
        CHECK(spent <= e.dotsPerVoter);
        dots += spent * b.count;
        voters += b.count;
    }
    const TallyResult r = mustTally(e);
    long long total = 0;
    for (long long s : r.scores) total += s;
    CHECK(total == dots);
    CHECK(r.ballots == voters);
    // One dot more than the budget on any ballot is refused, naming that ballot.
    for (size_t b = 0; b < e.ballots.size(); b += 7) {
        Election over = e;
        over.maxDotsPerOption = 0;
        auto& dotsOfBallot = over.ballots[b].dots;
        long long spent = 0;
        for (const auto& d : dotsOfBallot) spent += d.second;
        if (dotsOfBallot.empty()) dotsOfBallot.push_back({0, 0});
        dotsOfBallot.front().second += e.dotsPerVoter - spent + 1;
        INFO("ballot " << b + 1);
        CHECK(contains(mustFail(over, static_cast<int>(b + 1)), "6 points distribués pour 5"));
    }
}

TEST_CASE("approval: counts approvals, a blank ballot counts as a ballot") {
    Election e;
    e.method = VoteMethod::Approval;
    e.options = {"A", "B", "C"};
    Ballot ab;
    ab.approvals = {0, 1};
    ab.count = 3;
    Ballot blank;
    Ballot c;
    c.approvals = {2};
    c.count = 3;
    e.ballots = {ab, blank, c};
    const TallyResult r = mustTally(e);
    CHECK(r.scores == std::vector<long long>{3, 3, 3});
    CHECK(r.ranking == Tiers{{0, 1, 2}});
    CHECK(r.ballots == 7);
}

// [SECTION] Validation

TEST_CASE("invalid elections are refused with a French message naming the ballot") {
    Election e = tennessee();
    SUBCASE("an option twice in one ranking") {
        e.ballots[2].ranking = {2, 3, 2};
        const std::string m = mustFail(e, 3);
        CHECK(contains(m, "Bulletin 3\u00a0: «\u00a0Chattanooga\u00a0» apparaît deux fois"));
    }
    SUBCASE("an unknown option") {
        e.ballots[0].ranking = {0, 7};
        CHECK(contains(mustFail(e, 1), "l'option n° 8 n'existe pas (il y a 4 options)"));
    }
    SUBCASE("a zero or negative count") {
        e.ballots[1].count = 0;
        CHECK(contains(mustFail(e, 2), "Bulletin 2\u00a0: le nombre de voix"));
        e.ballots[1].count = -4;
        CHECK(contains(mustFail(e, 2), "(lu\u00a0: -4)"));
    }
    SUBCASE("fewer than 2 options") {
        e.options = {"Memphis"};
        e.ballots = {};
        CHECK(contains(mustFail(e, 0), "au moins 2 options"));
    }
    SUBCASE("duplicate option names") {
        e.options[3] = "Nashville";
        CHECK(contains(mustFail(e, 0), "«\u00a0Nashville\u00a0» figure deux fois"));
    }
    SUBCASE("a grade scale with a duplicate") {
        e.method = VoteMethod::Majority;
        e.grades = {"Oui", "Non", "Oui"};
        CHECK(contains(mustFail(e, 0), "«\u00a0Oui\u00a0» figure deux fois dans l'échelle"));
    }
    SUBCASE("an approval twice") {
        e.method = VoteMethod::Approval;
        e.ballots = {Ballot{}, Ballot{}};
        e.ballots[1].approvals = {1, 1};
        CHECK(contains(mustFail(e, 2), "«\u00a0Nashville\u00a0» apparaît deux fois"));
    }
    SUBCASE("a grade given twice to one option") {
        e.method = VoteMethod::Majority;
        e.ballots = {graded({{0, 1}, {0, 2}})};
        CHECK(contains(mustFail(e, 1), "«\u00a0Memphis\u00a0» apparaît deux fois"));
    }
}

// [SECTION] Properties

TEST_CASE("the result does not depend on the order of the ballots") {
    std::mt19937 rng(11022020);
    for (VoteMethod method : kMethods) {
        for (int round = 0; round < 20; ++round) {
            Election e = randomElection(method, rng, 5, 30);
            const TallyResult before = mustTally(e);
            std::shuffle(e.ballots.begin(), e.ballots.end(), rng);
            const TallyResult after = mustTally(e);
            INFO("method " << static_cast<int>(method) << ", round " << round);
            CHECK(after.ranking == before.ranking);
            CHECK(after.scores == before.scores);
            CHECK(after.ballots == before.ballots);
            CHECK(after.meritProfile == before.meritProfile);
            CHECK(after.pairwise == before.pairwise);
            CHECK(after.strongestPaths == before.strongestPaths);
        }
    }
}

TEST_CASE("every option appears in exactly one tier and the ballots add up") {
    std::mt19937 rng(2022);
    for (VoteMethod method : kMethods) {
        const Election e = randomElection(method, rng, 6, 40);
        const TallyResult r = mustTally(e);
        std::vector<int> seen;
        for (const auto& tier : r.ranking) {
            CHECK_FALSE(tier.empty());
            seen.insert(seen.end(), tier.begin(), tier.end());
        }
        std::sort(seen.begin(), seen.end());
        CHECK(seen == std::vector<int>{0, 1, 2, 3, 4, 5});
        long long voters = 0;
        for (const Ballot& b : e.ballots) voters += b.count;
        CHECK(r.ballots == voters);
        if (method == VoteMethod::Majority)
            for (const auto& profile : r.meritProfile) {
                long long sum = 0;
                for (long long n : profile) sum += n;
                CHECK(sum == voters);
            }
        if (method == VoteMethod::Schulze)
            for (size_t i = 0; i < 6; ++i)
                for (size_t j = 0; j < 6; ++j)
                    if (i != j) CHECK(r.pairwise[i][j] + r.pairwise[j][i] <= voters);
    }
}

TEST_CASE("Borda: the points of a full ranking add up to n(n-1)/2 per voter") {
    const TallyResult r = mustTally(tennessee());
    long long total = 0;
    for (long long s : r.scores) total += s;
    CHECK(total == 100 * 6);
}

TEST_CASE("majority judgment with large group counts stays exact") {
    Election e;
    e.method = VoteMethod::Majority;
    e.options = {"A", "B"};
    // 1 000 000 give A Bien and B Passable; 999 999 give A Insuffisant and B Très bien. 1 999 999 voters, odd.
    // A: median (index 999 999) is Bien. B: 1 000 000 Passable then Très bien → median Passable. A wins.
    e.ballots = {graded({{0, 4}, {1, 2}}, 1'000'000), graded({{0, 1}, {1, 5}}, 999'999)};
    const TallyResult r = mustTally(e);
    CHECK(r.medians == std::vector<int>{4, 2});
    CHECK(r.ranking == Tiers{{0}, {1}});
    // Swap the sizes: now B's median is Très bien.
    e.ballots = {graded({{0, 4}, {1, 2}}, 999'999), graded({{0, 1}, {1, 5}}, 1'000'000)};
    CHECK(mustTally(e).ranking == Tiers{{1}, {0}});
}
