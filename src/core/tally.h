// Vote tallies: dot voting, approval, majority judgment, Borda and Schulze on one election value.
// Plain C++20: options and grades are indices; names are only used for validation and messages.
//
// Conventions, the same for every method:
// - A ballot carries a `count`: 1 for one voter, n for a group that voted the same way. The result never depends
//   on the order of the ballots.
// - A show of hands is a ballot with a count: « 12 mains levées pour A » is {count 12, approvals {A}} (approval)
//   or {count 12, dots {A: 1}} (dot voting). `ballots` in the result then counts raised hands, not people.
// - The ranking is a list of tiers, best first; options within a tier are tied and listed by index.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace atelier {

// [SECTION] Election

/// The counting rule of an election.
enum class VoteMethod { Dot, Approval, Majority, Borda, Schulze };

/// One ballot, or `count` identical ballots; only the field of the election's method is read.
struct Ballot {
    long long count = 1;                           // voters behind this ballot, 1 to kMaxBallotCount
    std::vector<int> ranking;                      // Borda, Schulze: option indices, best first (may be partial)
    std::vector<int> approvals;                    // approval: the approved options (empty: a blank ballot)
    std::vector<std::pair<int, long long>> dots;   // dot: (option, dots); options absent get 0
    std::vector<std::pair<int, int>> grades;       // majority: (option, grade index, 0 = worst); absent = worst
    bool operator==(const Ballot&) const = default;
};

/// Largest count one ballot may carry (keeps every total far from overflow).
inline constexpr long long kMaxBallotCount = 1'000'000;
/// Largest sum of the counts of an election's ballots (keeps every score, count × points, far from overflow).
inline constexpr long long kMaxTotalBallots = 1'000'000'000;
/// Largest dot budget per voter.
inline constexpr long long kMaxDotsPerVoter = 1'000;

/// An election to count: its method, its options, the method's parameters and the ballots.
struct Election {
    VoteMethod method = VoteMethod::Approval;
    std::vector<std::string> options;  // at least 2, distinct names
    std::vector<std::string> grades;   // majority: worst first; empty means defaultGradeScale()
    long long dotsPerVoter = 0;        // dot: budget of each voter, 1 to kMaxDotsPerVoter
    long long maxDotsPerOption = 0;    // dot: cap of one voter on one option; 0 means no cap
    std::vector<Ballot> ballots;
};

/// The default majority-judgment scale, worst first: « À rejeter » … « Excellent ».
std::vector<std::string> defaultGradeScale();

// [SECTION] Result

/// Counted election. `scores` is per option: dots (dot), approvals (approval), the index of the median grade
/// (majority), points (Borda), number of options beaten by strongest paths (Schulze).
struct TallyResult {
    std::vector<std::vector<int>> ranking;              // tiers of option indices, best first
    std::vector<long long> scores;                      // per option, see above
    long long ballots = 0;                              // sum of the ballots' counts
    std::vector<std::string> grades;                    // majority: the scale used, worst first
    std::vector<std::vector<long long>> meritProfile;   // majority: [option][grade] = voters giving that grade
    std::vector<int> medians;                           // majority: lower median grade index per option
    std::vector<std::vector<long long>> pairwise;       // Schulze: d[i][j] = voters preferring i to j
    std::vector<std::vector<long long>> strongestPaths; // Schulze: p[i][j] = strength of the strongest path i→j
};

/// What is wrong with an election, in French; `ballot` is the 1-based number of the faulty ballot, 0 when the
/// error is in the options or the parameters.
struct TallyError {
    int ballot = 0;
    std::string message;
};

/// Outcome of tally(): the result when ok, the first error found otherwise.
struct TallyOutcome {
    bool ok = false;
    TallyError error;
    TallyResult result;
    explicit operator bool() const { return ok; }
};

/// Validates the election (options, parameters, then each ballot in order) and counts it.
///
/// Methods:
/// - Dot: each voter spreads at most dotsPerVoter dots (and at most maxDotsPerOption on one option when it is
///   not 0); score = total dots.
/// - Approval: score = number of approvals.
/// - Majority (Balinski & Laraki): each option gets a grade from each ballot (worst grade when absent); the
///   majority grade is the lower median; equal medians are separated by removing one median grade at a time
///   from both options and comparing again; options still equal when all grades are removed are tied.
/// - Borda: with n options, the k options ranked get n−1, n−2, …, n−k points; options left out of a partial
///   ranking get 0 points (so leaving out only the last option changes nothing). An empty ranking is a blank
///   ballot: counted, no points.
/// - Schulze: a ballot prefers each ranked option to those ranked after it and to every option it leaves out;
///   options left out are equal to each other. Links are d[i][j] when d[i][j] > d[j][i], else 0 (winning
///   votes); i beats j when p[i][j] > p[j][i] (a transitive relation). The first tier is the options no option
///   beats (the Schulze winners), the next tier those no remaining option beats, and so on.
TallyOutcome tally(const Election& election);

/// The first error in the election's options and parameters, ignoring its ballots; empty when it can be voted.
std::string checkElection(const Election& election);

/// The error of `ballot` were it the `number`-th ballot (1-based) of `election`, whose options and parameters
/// are valid; empty when it can be cast.
std::string checkBallot(const Election& election, const Ballot& ballot, int number);

}  // namespace atelier
