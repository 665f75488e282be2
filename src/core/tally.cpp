// Vote tallies. Validation first (options, parameters, then every ballot), then counting by method.
//
// [SECTION] Helpers
// [SECTION] Validation
// [SECTION] Dot voting and approval
// [SECTION] Majority judgment
// [SECTION] Borda
// [SECTION] Schulze
// [SECTION] Entry point

#include "core/tally.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>

#include "core/assert.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier {

std::vector<std::string> defaultGradeScale() {
    return {tr(Str::GradeARejeter), tr(Str::GradeInsuffisant), tr(Str::GradePassable), tr(Str::GradeAssezBien),
            tr(Str::GradeBien),     tr(Str::GradeTresBien),    tr(Str::GradeExcellent)};
}

namespace {

// [SECTION] Helpers

/// Tiers from per-option scores, highest score first; options of a tier by index.
std::vector<std::vector<int>> tiersByScore(const std::vector<long long>& scores) {
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] > scores[b]; });
    std::vector<std::vector<int>> tiers;
    for (size_t k = 0; k < order.size(); ++k) {
        if (k == 0 || scores[order[k]] != scores[order[k - 1]]) tiers.emplace_back();
        tiers.back().push_back(order[k]);
    }
    return tiers;
}

/// The first error found, with the ballot it is about.
struct Failure {
    int ballot = 0;
    std::string message;
};

// [SECTION] Validation

/// An error in a list of names (options or grades), or an empty message.
std::string checkNames(const std::vector<std::string>& names, Str tooFew, Str empty, Str duplicate) {
    if (names.size() < 2) return fmt(tooFew, {std::to_string(names.size())});
    std::set<std::string_view> seen;
    for (size_t i = 0; i < names.size(); ++i) {
        const std::string_view name = trim(names[i]);
        if (name.empty()) return fmt(empty, {std::to_string(i + 1)});
        if (!seen.insert(name).second) return fmt(duplicate, {name});
    }
    return {};
}

class Validator {
public:
    /// `firstNumber`: the number messages give to ballot 0.
    Validator(const Election& e, const std::vector<std::string>& grades, int firstNumber = 1)
        : e_(e), grades_(grades), firstNumber_(firstNumber) {}

    /// Checks ballot `b` (0-based); returns an error message or empty.
    std::string ballot(size_t b) {
        const Ballot& ballot = e_.ballots[b];
        number_ = std::to_string(static_cast<long long>(b) + firstNumber_);
        if (ballot.count < 1 || ballot.count > kMaxBallotCount)
            return fmt(Str::ErrVoteCount, {number_, std::to_string(kMaxBallotCount), std::to_string(ballot.count)});
        seen_.assign(e_.options.size(), false);
        switch (e_.method) {
            case VoteMethod::Dot: return dots(ballot);
            case VoteMethod::Approval: return list(ballot.approvals);
            case VoteMethod::Majority: return grades(ballot);
            case VoteMethod::Borda:
            case VoteMethod::Schulze: return list(ballot.ranking);
        }
        return {};
    }

private:
    /// Unknown option or an option seen twice on this ballot.
    std::string option(int o) {
        if (o < 0 || static_cast<size_t>(o) >= e_.options.size())
            return fmt(Str::ErrVoteOptionIndex,
                       {number_, std::to_string(static_cast<long long>(o) + 1), std::to_string(e_.options.size())});
        if (seen_[o]) return fmt(Str::ErrVoteTwice, {number_, e_.options[o]});
        seen_[o] = true;
        return {};
    }

    std::string list(const std::vector<int>& options) {
        for (int o : options)
            if (auto err = option(o); !err.empty()) return err;
        return {};
    }

    std::string dots(const Ballot& ballot) {
        constexpr long long kSaturated = std::numeric_limits<long long>::max();
        long long spent = 0;  // saturates instead of overflowing
        for (const auto& [o, n] : ballot.dots) {
            if (auto err = option(o); !err.empty()) return err;
            const std::string& name = e_.options[o];
            if (n < 0) return fmt(Str::ErrVoteNegativeDots, {number_, name, std::to_string(n)});
            if (e_.maxDotsPerOption > 0 && n > e_.maxDotsPerOption)
                return fmt(Str::ErrVoteOverCap,
                           {number_, name, std::to_string(n), std::to_string(e_.maxDotsPerOption)});
            spent = n > kSaturated - spent ? kSaturated : spent + n;
        }
        if (spent > e_.dotsPerVoter)
            return fmt(Str::ErrVoteOverBudget, {number_, std::to_string(spent), std::to_string(e_.dotsPerVoter),
                                                std::to_string(spent - e_.dotsPerVoter)});
        return {};
    }

    std::string grades(const Ballot& ballot) {
        for (const auto& [o, g] : ballot.grades) {
            if (auto err = option(o); !err.empty()) return err;
            if (g < 0 || static_cast<size_t>(g) >= grades_.size())
                return fmt(Str::ErrVoteGradeIndex, {number_, std::to_string(static_cast<long long>(g) + 1),
                                                    e_.options[o], std::to_string(grades_.size())});
        }
        return {};
    }

    const Election& e_;
    const std::vector<std::string>& grades_;
    int firstNumber_;
    std::string number_;
    std::vector<bool> seen_;
};

/// The first error of the election, or nothing.
std::optional<Failure> validate(const Election& e, const std::vector<std::string>& grades) {
    if (auto err = checkNames(e.options, Str::ErrVoteTooFewOptions, Str::ErrVoteEmptyOption,
                              Str::ErrVoteDuplicateOption);
        !err.empty())
        return Failure{0, err};
    if (e.method == VoteMethod::Majority)
        if (auto err = checkNames(grades, Str::ErrVoteTooFewGrades, Str::ErrVoteEmptyGrade,
                                  Str::ErrVoteDuplicateGrade);
            !err.empty())
            return Failure{0, err};
    if (e.method == VoteMethod::Dot) {
        if (e.dotsPerVoter < 1 || e.dotsPerVoter > kMaxDotsPerVoter)
            return Failure{0, fmt(Str::ErrVoteBadBudget,
                                  {std::to_string(kMaxDotsPerVoter), std::to_string(e.dotsPerVoter)})};
        if (e.maxDotsPerOption < 0)
            return Failure{0, fmt(Str::ErrVoteBadCap, {std::to_string(e.maxDotsPerOption)})};
    }
    Validator validator(e, grades);
    long long total = 0;  // each count is at most kMaxBallotCount: the sum stops long before overflow
    for (size_t b = 0; b < e.ballots.size(); ++b) {
        if (auto err = validator.ballot(b); !err.empty()) return Failure{static_cast<int>(b + 1), err};
        total += e.ballots[b].count;
        if (total > kMaxTotalBallots)
            return Failure{static_cast<int>(b + 1),
                           fmt(Str::ErrVoteTooManyVoices, {std::to_string(kMaxTotalBallots), std::to_string(b + 1)})};
    }
    return std::nullopt;
}

// [SECTION] Dot voting and approval

/// True when `option` indexes the scores: counting runs on validated ballots only.
bool counted(const TallyResult& r, long long option) {
    return option >= 0 && static_cast<size_t>(option) < r.scores.size();
}

void countDots(const Election& e, TallyResult& r) {
    for (const Ballot& b : e.ballots)
        for (const auto& [o, n] : b.dots) {
            ATELIER_ASSERT(counted(r, o), "countDots: ballots are validated before they are counted");
            r.scores[o] += b.count * n;
        }
    r.ranking = tiersByScore(r.scores);
}

void countApprovals(const Election& e, TallyResult& r) {
    for (const Ballot& b : e.ballots)
        for (int o : b.approvals) {
            ATELIER_ASSERT(counted(r, o), "countApprovals: ballots are validated before they are counted");
            r.scores[o] += b.count;
        }
    r.ranking = tiersByScore(r.scores);
}

// [SECTION] Majority judgment
//
// Let a[0..N-1] be an option's grades sorted from worst to best. Removing the lower median again and again reads
// the grades in an order that depends only on N: from the centre c = (N-1)/2 outwards, c, c-1, c+1, c-2, … when
// N is odd and c, c+1, c-1, c+2, … when N is even (after removing a[c] the lower median of what is left is the
// other neighbour first). Two options (same N) are therefore compared on the first position of that order where
// their sorted grades differ — found from their merit profiles without expanding them, so counts may be large.

/// Position of sorted index `i` in the reading order for N grades.
long long readingOrder(long long i, long long n) {
    ATELIER_ASSERT(i >= 0 && i < n, "readingOrder: a sorted index among the n grades");
    const long long c = (n - 1) / 2;
    if (i == c) return 0;
    if (n % 2 == 1) return i < c ? 2 * (c - i) - 1 : 2 * (i - c);
    return i > c ? 2 * (i - c) - 1 : 2 * (c - i);
}

/// Grade at sorted index `i` given cumulative counts (cum[g] = voters giving a grade below g).
int gradeAt(const std::vector<long long>& cum, long long i) {
    const auto it = std::upper_bound(cum.begin(), cum.end(), i);
    return static_cast<int>(it - cum.begin()) - 1;
}

/// Cumulative counts of a merit profile: cum[g] = sum of profile[0..g-1]; cum has one more entry.
std::vector<long long> cumulative(const std::vector<long long>& profile) {
    std::vector<long long> cum(profile.size() + 1, 0);
    for (size_t g = 0; g < profile.size(); ++g) cum[g + 1] = cum[g] + profile[g];
    return cum;
}

/// Negative when x is judged worse than y, positive when better, 0 for a tie that survives every removal.
int compareMajority(const std::vector<long long>& cx, const std::vector<long long>& cy, long long n) {
    ATELIER_ASSERT(cx.size() == cy.size() && !cx.empty() && cx.back() == n && cy.back() == n,
                   "compareMajority: two cumulative profiles on one scale, each of the n voters");
    // Breakpoints of both step functions; between two of them both grades are constant.
    std::vector<long long> cuts(cx.begin(), cx.end());
    cuts.insert(cuts.end(), cy.begin(), cy.end());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    const long long c = (n - 1) / 2;
    long long best = -1, bestOrder = 0;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        const long long lo = cuts[k], hi = cuts[k + 1] - 1;  // [lo, hi] inside [0, n-1]
        if (lo > hi || lo >= n) continue;
        if (gradeAt(cx, lo) == gradeAt(cy, lo)) continue;
        const long long i = hi < c ? hi : (lo > c ? lo : c);  // the index of the interval read first
        const long long order = readingOrder(i, n);
        if (best < 0 || order < bestOrder) best = i, bestOrder = order;
    }
    if (best < 0) return 0;
    return gradeAt(cx, best) < gradeAt(cy, best) ? -1 : 1;
}

void countMajority(const Election& e, const std::vector<std::string>& grades, TallyResult& r) {
    const size_t n = e.options.size();
    r.grades = grades;
    r.meritProfile.assign(n, std::vector<long long>(grades.size(), 0));
    std::vector<bool> graded(n);
    for (const Ballot& b : e.ballots) {
        graded.assign(n, false);
        for (const auto& [o, g] : b.grades) {
            ATELIER_ASSERT(counted(r, o) && g >= 0 && static_cast<size_t>(g) < grades.size(),
                           "countMajority: ballots are validated before they are counted");
            r.meritProfile[o][g] += b.count;
            graded[o] = true;
        }
        for (size_t o = 0; o < n; ++o)
            if (!graded[o]) r.meritProfile[o][0] += b.count;  // not graded: the worst grade
    }
    std::vector<std::vector<long long>> cum(n);
    r.medians.assign(n, 0);
    for (size_t o = 0; o < n; ++o) {
        cum[o] = cumulative(r.meritProfile[o]);
        r.medians[o] = r.ballots > 0 ? gradeAt(cum[o], (r.ballots - 1) / 2) : 0;
        r.scores[o] = r.medians[o];
    }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    const auto cmp = [&](int x, int y) { return compareMajority(cum[x], cum[y], r.ballots); };
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return cmp(x, y) > 0; });
    for (size_t k = 0; k < n; ++k) {
        if (k == 0 || cmp(order[k], order[k - 1]) != 0) r.ranking.emplace_back();
        r.ranking.back().push_back(order[k]);
    }
}

// [SECTION] Borda

void countBorda(const Election& e, TallyResult& r) {
    const long long n = static_cast<long long>(e.options.size());
    for (const Ballot& b : e.ballots)
        for (size_t k = 0; k < b.ranking.size(); ++k) {
            ATELIER_ASSERT(counted(r, b.ranking[k]) && static_cast<long long>(k) < n,
                           "countBorda: ballots are validated before they are counted");
            r.scores[b.ranking[k]] += b.count * (n - 1 - static_cast<long long>(k));
        }
    r.ranking = tiersByScore(r.scores);
}

// [SECTION] Schulze

void countSchulze(const Election& e, TallyResult& r) {
    const size_t n = e.options.size();
    auto& d = r.pairwise;
    auto& p = r.strongestPaths;
    d.assign(n, std::vector<long long>(n, 0));
    std::vector<size_t> rank(n);
    for (const Ballot& b : e.ballots) {
        rank.assign(n, n);  // left out: after every ranked option, equal to each other
        for (size_t k = 0; k < b.ranking.size(); ++k) {
            ATELIER_ASSERT(counted(r, b.ranking[k]), "countSchulze: ballots are validated before they are counted");
            rank[b.ranking[k]] = k;
        }
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                if (rank[i] < rank[j]) d[i][j] += b.count;
    }
    p.assign(n, std::vector<long long>(n, 0));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            if (i != j && d[i][j] > d[j][i]) p[i][j] = d[i][j];
    for (size_t k = 0; k < n; ++k)
        for (size_t i = 0; i < n; ++i) {
            if (i == k) continue;
            for (size_t j = 0; j < n; ++j)
                if (j != i && j != k) p[i][j] = std::max(p[i][j], std::min(p[i][k], p[k][j]));
        }
    const auto beats = [&](size_t i, size_t j) { return p[i][j] > p[j][i]; };
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            if (beats(i, j)) ++r.scores[i];
    // Tiers: the options no remaining option beats, peeled off one layer at a time.
    std::vector<bool> placed(n, false);
    for (size_t done = 0; done < n;) {
        std::vector<int> tier;
        for (size_t i = 0; i < n; ++i) {
            if (placed[i]) continue;
            bool beaten = false;
            for (size_t j = 0; j < n && !beaten; ++j) beaten = !placed[j] && beats(j, i);
            if (!beaten) tier.push_back(static_cast<int>(i));
        }
        // The relation is a strict partial order (Schulze 2011, §4.1), so a tier is never empty.
        ATELIER_ASSERT(!tier.empty(), "countSchulze: the beat relation has a cycle (strongest paths miscomputed)");
        for (int i : tier) placed[i] = true;
        done += tier.size();
        r.ranking.push_back(std::move(tier));
    }
}

}  // namespace

// [SECTION] Entry point

std::string checkElection(const Election& election) {
    Election setup = election;
    setup.ballots.clear();
    const std::vector<std::string> grades = setup.grades.empty() ? defaultGradeScale() : setup.grades;
    auto failure = validate(setup, grades);
    return failure ? failure->message : std::string();
}

std::string checkBallot(const Election& election, const Ballot& ballot, int number) {
    Election one = election;
    one.ballots = {ballot};
    const std::vector<std::string> grades = one.grades.empty() ? defaultGradeScale() : one.grades;
    return Validator(one, grades, number).ballot(0);
}

TallyOutcome tally(const Election& election) {
    TallyOutcome out;
    const std::vector<std::string> grades = election.grades.empty() ? defaultGradeScale() : election.grades;
    if (auto failure = validate(election, grades)) {
        out.error = TallyError{failure->ballot, std::move(failure->message)};
        return out;
    }
    TallyResult& r = out.result;
    r.scores.assign(election.options.size(), 0);
    for (const Ballot& b : election.ballots) r.ballots += b.count;
    switch (election.method) {
        case VoteMethod::Dot: countDots(election, r); break;
        case VoteMethod::Approval: countApprovals(election, r); break;
        case VoteMethod::Majority: countMajority(election, grades, r); break;
        case VoteMethod::Borda: countBorda(election, r); break;
        case VoteMethod::Schulze: countSchulze(election, r); break;
    }
    out.ok = true;
    return out;
}

}  // namespace atelier
