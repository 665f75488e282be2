// The group mixer: rule checks, a starting plan (greedy, algebraic, or a design without a repeated pair from
// designs.h), then a tabu local search on swaps within a round, guided by learnt weights on the pairs that keep
// meeting again.
//
// [SECTION] Random numbers
// [SECTION] Time budget
// [SECTION] Problem: rules checked and turned into pair weights
// [SECTION] Search state with incremental cost
// [SECTION] Construction of a starting plan (greedy, algebraic, cheap)
// [SECTION] Local search
// [SECTION] Local search for large rosters
// [SECTION] Statistics
// [SECTION] Entry points
//
// Size. The tabu search keeps pair tables (people² cells, and rounds × people² for the tabu list) and evaluates
// every swap of a round at each iteration; it runs while those stay under kDenseCells. Larger rosters get a cheap
// greedy start (O(people × groups) a round) and a sampled swap search that keeps only rounds × people counts.
// Time. A Budget, created at the first instruction of mixGroups, is told the work of every phase and reads the
// clock (the calling thread's CPU time: a busy laptop gives the same plan as a quiet one) every kWorkPerRead
// steps; once the time is up, a start under construction is completed by the cheapest valid placement and the
// best plan so far is returned.
//
// Cost of a plan (lower is better), a weighted sum in the order of the objectives:
//   kApart  × meetings of two people of one keep-apart set (never left in a returned plan)
//   kCite   × meetings of two people of the same territory (dominates all below: hard whenever feasible)
//   kRepeat × meetings beyond the first of any pair during the day
//   kHistory× meetings of a pair that already met at an earlier étape
//   kMix    × institution kinds missing in a group, below the target every group can reach
// Pairs that must stay together cost nothing. A swap changes only the pairs of its two people with the
// members of their two groups. For every round, person and group the state keeps the sum of what joining and
// leaving that group costs, so the delta of a swap is O(1) and applying it is O(people + group size × rounds).

#include "core/mixer.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <numeric>
#include <unordered_map>

#if defined(_WIN32)
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <time.h>
#endif

#include "core/assert.h"
#include "core/designs.h"
#include "core/strings.h"

namespace atelier {

namespace {

// [SECTION] Random numbers

/// xoshiro256** seeded through splitmix64: same sequence on every platform and compiler.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : s_) {
            seed += 0x9E3779B97F4A7C15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            word = z ^ (z >> 31);
        }
    }
    /// Next 64 random bits.
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform integer in [0, bound), bound > 0 (rejection removes the modulo bias).
    int below(int bound) {
        ATELIER_ASSERT(bound > 0, "Rng::below needs a positive bound");
        const std::uint64_t b = static_cast<std::uint64_t>(bound);
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % b);
        std::uint64_t x;
        do x = next();
        while (x >= limit);
        return static_cast<int>(x % b);
    }
    /// Fisher-Yates shuffle with this generator.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (int i = static_cast<int>(v.size()) - 1; i > 0; --i) std::swap(v[i], v[below(i + 1)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// [SECTION] Time budget

/// Steps of work between two reads of the clock (a few tens of microseconds).
constexpr std::int64_t kWorkPerRead = 1 << 14;

/// CPU time of the calling thread in milliseconds: what the search really got, whatever else the laptop runs.
double threadCpuMs() {
#if defined(_WIN32)
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user)) return 0;
    const auto ticks = [](const FILETIME& t) {
        return (static_cast<std::uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
    };
    return static_cast<double>(ticks(kernel) + ticks(user)) / 1e4;  // 100 ns ticks
#else
    timespec t{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return 0;
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
#endif
}

double wallMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/// The time budget of one call, from its first instruction. Phases report their work with spend(); the clock is
/// read every kWorkPerRead steps (check() reads it at once). Once the time is up it stays up. Work that must
/// follow the search (the statistics of the plan) can be reserved: it counts at the speed measured so far.
class Budget {
public:
    explicit Budget(const MixerInput& input) : limitMs_(input.timeLimitMs), clock_(input.clock) {
        started_ = now();
        wallStarted_ = wallMs();
        cpuStarted_ = threadCpuMs();
    }

    /// Counts `work` steps; true when the time is up.
    bool spend(std::int64_t work) {
        work_ += work;
        if (expired_ || limitMs_ <= 0) return expired_;
        pending_ += work;
        if (pending_ < kWorkPerRead) return false;
        return check();
    }
    /// Reads the clock now; true when the time is up.
    bool check() {
        if (expired_ || limitMs_ <= 0) return expired_;
        pending_ = 0;
        double elapsed = now() - started_;
        if (work_ > 0)  // the reserve at the speed so far, at most half of the budget
            elapsed += std::min(elapsed * static_cast<double>(reserved_) / static_cast<double>(work_), limitMs_ / 2.0);
        expired_ = elapsed >= limitMs_;
        return expired_;
    }
    /// Budget time used so far (reads the clock).
    double usedMs() { return now() - started_; }
    /// Keeps time for `work` steps to be done after the search.
    void reserve(std::int64_t work) { reserved_ = work; }
    bool expired() const { return expired_; }
    std::int64_t work() const { return work_; }
    /// Wall-clock time since the start (what the facilitator waited).
    double elapsedMs() const { return wallMs() - wallStarted_; }
    /// CPU time of this thread since the start (what the budget counts, unless a clock is injected).
    double cpuMs() const { return threadCpuMs() - cpuStarted_; }

private:
    double now() {
        if (clock_) return clock_();
        return threadCpuMs();
    }
    int limitMs_;
    const std::function<double()>& clock_;
    double started_ = 0, wallStarted_ = 0, cpuStarted_ = 0;
    std::int64_t work_ = 0, pending_ = 0, reserved_ = 0;
    bool expired_ = false;
};

// [SECTION] Problem: rules checked and turned into pair weights

constexpr std::int64_t kApart = 100'000'000;
constexpr std::int64_t kCite = 100'000;
constexpr std::int64_t kRepeat = 1'000;
constexpr std::int64_t kHistory = 50;
constexpr std::int64_t kMix = 10;
constexpr int kKinds = 5;  // values of Institution
/// Largest rounds × people² (and rounds × people × groups) for the tabu search: each of its iterations weighs
/// every swap of every round (rounds × people² steps), and beyond about 200 people over 3 rounds a few hundred
/// of them take a second while the sampled search of large rosters solves the same rosters in milliseconds
/// (tests/bench/bench_mixer.cpp). Pair tables then take at most a few MB.
constexpr std::int64_t kDenseCells = std::int64_t{1} << 17;

struct Problem {
    int n = 0, groups = 0, rounds = 0;
    std::vector<int> capacity;  // size of each group (the same in every round)
    std::vector<int> kind;      // institution of each person
    bool dense = false;                // pair tables fit (kDenseCells): the tabu search runs
    std::vector<std::int32_t> weight;  // n×n when dense: static cost of one meeting (apart, same territory, history)
    std::vector<std::vector<int>> apartOf;    // per person, sorted: the people kept apart from them
    std::vector<std::uint8_t> hasApart;       // per person: apartOf not empty (one byte: the cheap start reads it
                                              // for everyone of every round, in random order)
    std::vector<std::vector<int>> historyOf;  // per person, sorted: the people met at an earlier étape
    std::vector<int> territory;        // territory number, -1 for none
    std::vector<int> shared;           // number among the territories of two people or more, -1 for none
    int sharedCount = 0;
    std::vector<int> unitOf;           // keep-together cluster of each person
    std::vector<std::vector<int>> units;
    std::vector<int> unitPin;          // group of the unit, -1 when free
    int mixTarget = 0;                 // institution kinds every group should reach
};

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
    void join(int a, int b) { parent[find(a)] = find(b); }
};

std::string names(const MixerInput& input, const std::vector<int>& people) {
    std::string out;
    for (int p : people) {
        if (!out.empty()) out += ", ";
        out += input.people[p].id;
    }
    return out;
}

/// Number of groups asked for (0 when neither a count nor a size was given).
int groupCount(const MixerInput& input) {
    const int n = static_cast<int>(input.people.size());
    if (input.groups > 0) return input.groups;
    if (input.groupSize > 0) return std::max(1, (n + input.groupSize - 1) / input.groupSize);
    return 0;
}

bool contains(const std::vector<int>& sorted, int x) { return std::binary_search(sorted.begin(), sorted.end(), x); }

/// Static cost of one meeting of a and b (keep-apart, same territory, history; 0 when kept together).
std::int64_t staticWeight(const Problem& pb, int a, int b) {
    if (a == b || pb.unitOf[a] == pb.unitOf[b]) return 0;
    std::int64_t w = 0;
    if (contains(pb.apartOf[a], b)) w += kApart;
    if (pb.shared[a] >= 0 && pb.shared[a] == pb.shared[b]) w += kCite;
    if (contains(pb.historyOf[a], b)) w += kHistory;
    return w;
}

/// Sorts each list and removes its duplicates.
void tidy(std::vector<std::vector<int>>& lists) {
    for (auto& list : lists) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
}

/// Checks every rule and fills `pb` (pair tables only when they are small); returns a French message when the
/// rules cannot all hold. Work linear in the roster and the rules, plus people² when dense.
std::string prepare(const MixerInput& input, Problem& pb, Budget& budget) {
    const int n = static_cast<int>(input.people.size());
    if (n == 0) return tr(Str::MixNoPeople);
    if (input.rounds < 1) return tr(Str::MixBadRounds);
    const int G = groupCount(input);
    if (G < 1) return tr(Str::MixBadGroups);
    if (n < G) return fmt(Str::MixTooFewPeople, {std::to_string(n), std::to_string(G)});
    pb.n = n;
    pb.groups = G;
    pb.rounds = input.rounds;
    const auto id = [&](int p) -> const std::string& { return input.people[p].id; };
    const auto valid = [&](int p) { return p >= 0 && p < n; };
    const auto badPerson = [&](int p) { return fmt(Str::MixBadPerson, {std::to_string(p), std::to_string(n)}); };

    for (const auto& [a, b] : input.keepTogether)
        if (!valid(a) || !valid(b)) return badPerson(valid(a) ? b : a);
    for (const auto& [a, b] : input.history)
        if (!valid(a) || !valid(b)) return badPerson(valid(a) ? b : a);
    for (const auto& set : input.keepApart)
        for (int p : set)
            if (!valid(p)) return badPerson(p);

    // Pins, person by person.
    std::vector<int> pin(n, -1);
    for (const auto& [p, g] : input.pins) {
        if (!valid(p)) return badPerson(p);
        if (g < 0 || g >= G)
            return fmt(Str::MixPinOutOfRange, {id(p), std::to_string(g + 1), std::to_string(G), std::to_string(G)});
        if (pin[p] >= 0 && pin[p] != g)
            return fmt(Str::MixPinConflict, {id(p), id(p), std::to_string(pin[p] + 1), std::to_string(g + 1)});
        pin[p] = g;
    }

    // Keep-together clusters and their pins.
    UnionFind uf(n);
    for (const auto& [a, b] : input.keepTogether) uf.join(a, b);
    std::vector<int> unitOfRoot(n, -1);
    pb.unitOf.assign(n, -1);
    for (int p = 0; p < n; ++p) {
        const int root = uf.find(p);
        if (unitOfRoot[root] < 0) {
            unitOfRoot[root] = static_cast<int>(pb.units.size());
            pb.units.emplace_back();
            pb.unitPin.push_back(-1);
        }
        const int u = unitOfRoot[root];
        pb.unitOf[p] = u;
        pb.units[u].push_back(p);
        if (pin[p] >= 0) {
            if (pb.unitPin[u] >= 0 && pb.unitPin[u] != pin[p]) {
                int other = pb.units[u].front();
                for (int q : pb.units[u])
                    if (pin[q] >= 0) other = q;
                return fmt(Str::MixPinConflict,
                           {id(other), id(p), std::to_string(pb.unitPin[u] + 1), std::to_string(pin[p] + 1)});
            }
            pb.unitPin[u] = pin[p];
        }
    }

    // Keep-apart sets.
    pb.apartOf.assign(n, {});
    for (const auto& raw : input.keepApart) {
        std::vector<int> set = raw;
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        if (static_cast<int>(set.size()) > G)
            return fmt(Str::MixApartTooBig, {std::to_string(set.size()), names(input, set), std::to_string(G)});
        for (size_t i = 0; i < set.size(); ++i)
            for (size_t j = i + 1; j < set.size(); ++j) {
                const int a = set[i], b = set[j];
                if (pb.unitOf[a] == pb.unitOf[b]) return fmt(Str::MixTogetherAndApart, {id(a), id(b)});
                const int ga = pb.unitPin[pb.unitOf[a]], gb = pb.unitPin[pb.unitOf[b]];
                if (ga >= 0 && ga == gb) return fmt(Str::MixApartPinned, {id(a), id(b), std::to_string(ga + 1)});
                pb.apartOf[a].push_back(b);
                pb.apartOf[b].push_back(a);
            }
        budget.spend(static_cast<std::int64_t>(set.size()) * set.size());
    }
    tidy(pb.apartOf);
    pb.hasApart.assign(n, 0);
    for (int p = 0; p < n; ++p) pb.hasApart[p] = pb.apartOf[p].empty() ? 0 : 1;

    // Group sizes: the larger ones go to the groups with the most pinned people.
    const int base = n / G, extra = n % G;
    std::vector<int> load(G, 0);
    for (size_t u = 0; u < pb.units.size(); ++u) {
        const int size = static_cast<int>(pb.units[u].size());
        if (size > base + (extra > 0 ? 1 : 0))
            return fmt(Str::MixTogetherTooBig,
                       {std::to_string(size), names(input, pb.units[u]), std::to_string(base + (extra > 0))});
        if (pb.unitPin[u] >= 0) load[pb.unitPin[u]] += size;
    }
    std::vector<int> order(G);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return load[a] > load[b]; });
    pb.capacity.assign(G, base);
    for (int i = 0; i < extra; ++i) pb.capacity[order[i]] = base + 1;
    for (int g = 0; g < G; ++g)
        if (load[g] > pb.capacity[g])
            return fmt(Str::MixPinsOverflow,
                       {std::to_string(g + 1), std::to_string(load[g]), std::to_string(pb.capacity[g])});

    // Free clusters must fit in what the pins leave (first fit, largest first).
    {
        std::vector<int> room(G);
        for (int g = 0; g < G; ++g) room[g] = pb.capacity[g] - load[g];
        std::vector<int> clusters;
        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] < 0 && pb.units[u].size() > 1) clusters.push_back(static_cast<int>(u));
        std::stable_sort(clusters.begin(), clusters.end(),
                         [&](int a, int b) { return pb.units[a].size() > pb.units[b].size(); });
        for (int u : clusters) {
            const int size = static_cast<int>(pb.units[u].size());
            const auto it = std::max_element(room.begin(), room.end());
            if (*it < size) return fmt(Str::MixCannotPlace, {std::to_string(G)});
            *it -= size;
        }
    }

    // Territories (numbered in order of first appearance), institutions, weights.
    pb.territory.assign(n, -1);
    std::unordered_map<std::string, int> keys;
    std::vector<int> perTerritory;
    for (int p = 0; p < n; ++p) {
        const std::string& key = input.people[p].territory;
        if (key.empty()) continue;
        const auto [it, added] = keys.try_emplace(key, static_cast<int>(perTerritory.size()));
        if (added) perTerritory.push_back(0);
        pb.territory[p] = it->second;
        ++perTerritory[pb.territory[p]];
    }
    std::vector<int> sharedNumber(perTerritory.size(), -1);
    pb.shared.assign(n, -1);
    for (int p = 0; p < n; ++p) {
        const int t = pb.territory[p];
        if (t < 0 || perTerritory[t] < 2) continue;
        if (sharedNumber[t] < 0) sharedNumber[t] = pb.sharedCount++;
        pb.shared[p] = sharedNumber[t];
    }
    budget.spend(16LL * n);  // hashing the territories
    pb.kind.resize(n);
    int perKind[kKinds] = {};
    for (int p = 0; p < n; ++p) {
        pb.kind[p] = static_cast<int>(input.people[p].institution);
        ++perKind[pb.kind[p]];
    }
    // Every group can hold one of each kind that has at least one person per group.
    int kindsEverywhere = 0;
    for (int k = 0; k < kKinds; ++k) kindsEverywhere += perKind[k] >= G ? 1 : 0;
    pb.mixTarget = std::min(base, kindsEverywhere);

    pb.historyOf.assign(n, {});
    for (const auto& [a, b] : input.history)
        if (a != b) pb.historyOf[a].push_back(b), pb.historyOf[b].push_back(a);
    tidy(pb.historyOf);
    budget.spend(static_cast<std::int64_t>(input.history.size()));

    const std::int64_t people = n, rounds = pb.rounds;
    pb.dense = rounds * people * people <= kDenseCells && rounds * people * G <= kDenseCells;
    if (pb.dense) {
        pb.weight.assign(static_cast<size_t>(n) * n, 0);
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b) pb.weight[a * n + b] = static_cast<std::int32_t>(staticWeight(pb, a, b));
        budget.spend(people * people);
    }
    return {};
}

// [SECTION] Search state with incremental cost

class State {
public:
    explicit State(const Problem& pb) : pb_(pb), n_(pb.n), G_(pb.groups) {}

    /// Rebuilds everything from `groupOf` (round-major, n per round).
    void load(const std::vector<int>& groupOf) {
        ATELIER_ASSERT(groupOf.size() == static_cast<size_t>(pb_.rounds) * n_,
                       "State::load: one group per person and round");
        groupOf_ = groupOf;
        members_.assign(static_cast<size_t>(pb_.rounds) * G_, {});
        pos_.assign(groupOf_.size(), 0);
        for (int r = 0; r < pb_.rounds; ++r)
            for (int p = 0; p < n_; ++p) {
                auto& m = members_[r * G_ + groupOf_[r * n_ + p]];
                pos_[r * n_ + p] = static_cast<int>(m.size());
                m.push_back(p);
            }
        meet_.assign(static_cast<size_t>(n_) * n_, 0);
        kindCount_.assign(static_cast<size_t>(pb_.rounds) * G_ * kKinds, 0);
        distinct_.assign(static_cast<size_t>(pb_.rounds) * G_, 0);
        cost_ = trueCost_ = 0;
        if (pairWeight_.size() != static_cast<size_t>(n_) * n_) resetRepeatWeights();
        for (int r = 0; r < pb_.rounds; ++r)
            for (int g = 0; g < G_; ++g) {
                const auto& m = members_[r * G_ + g];
                for (size_t i = 0; i < m.size(); ++i) {
                    for (size_t j = i + 1; j < m.size(); ++j) {
                        cost_ += join(m[i], m[j]);
                        trueCost_ += trueJoin(m[i], m[j]);
                        ++meet_[m[i] * n_ + m[j]];
                        ++meet_[m[j] * n_ + m[i]];
                    }
                    if (kindCount_[(r * G_ + g) * kKinds + pb_.kind[m[i]]]++ == 0) ++distinct_[r * G_ + g];
                }
                cost_ += kMix * deficit(distinct_[r * G_ + g]);
                trueCost_ += kMix * deficit(distinct_[r * G_ + g]);
            }
        // Sums of join and leave costs of every person towards every group, with the final meeting counts.
        joinSum_.assign(static_cast<size_t>(pb_.rounds) * n_ * G_, 0);
        leaveSum_.assign(joinSum_.size(), 0);
        for (int r = 0; r < pb_.rounds; ++r)
            for (int p = 0; p < n_; ++p)
                for (int x = 0; x < n_; ++x) {
                    if (x == p) continue;
                    const size_t at = slot(r, p, group(r, x));
                    joinSum_[at] += join(p, x);
                    leaveSum_[at] += leave(p, x);
                }
    }

    std::int64_t cost() const { return cost_; }
    const std::vector<int>& assignment() const { return groupOf_; }
    int group(int r, int p) const { return groupOf_[r * n_ + p]; }
    const std::vector<int>& members(int r, int g) const { return members_[r * G_ + g]; }

    /// Cost of `a` and `x` meeting once more.
    std::int64_t join(int a, int x) const {
        if (pb_.unitOf[a] == pb_.unitOf[x]) return 0;
        return pb_.weight[a * n_ + x] + (meet_[a * n_ + x] >= 1 ? kRepeat * pairWeight_[a * n_ + x] : 0);
    }
    /// Cost saved when `a` and `x` meet once less.
    std::int64_t leave(int a, int x) const {
        if (pb_.unitOf[a] == pb_.unitOf[x]) return 0;
        return pb_.weight[a * n_ + x] + (meet_[a * n_ + x] >= 2 ? kRepeat * pairWeight_[a * n_ + x] : 0);
    }
    /// Cost of `a` and `x` meeting once more, without the learnt weight.
    std::int64_t trueJoin(int a, int x) const {
        if (pb_.unitOf[a] == pb_.unitOf[x]) return 0;
        return pb_.weight[a * n_ + x] + (meet_[a * n_ + x] >= 1 ? kRepeat : 0);
    }
    /// Cost saved when `a` and `x` meet once less, without the learnt weight.
    std::int64_t trueLeave(int a, int x) const {
        if (pb_.unitOf[a] == pb_.unitOf[x]) return 0;
        return pb_.weight[a * n_ + x] + (meet_[a * n_ + x] >= 2 ? kRepeat : 0);
    }
    /// The true cost of the plan (cost() includes the learnt repeat weights that guide the search).
    std::int64_t trueCost() const { return trueCost_; }

    /// Makes every pair that meets more than once heavier: the search learns the repeats it keeps falling into.
    void bumpRepeatWeights() {
        for (int a = 0; a < n_; ++a)
            for (int b = a + 1; b < n_; ++b) {
                const int m = meet_[a * n_ + b];
                if (m < 2 || pb_.unitOf[a] == pb_.unitOf[b]) continue;
                ++pairWeight_[a * n_ + b];
                ++pairWeight_[b * n_ + a];
                cost_ += kRepeat * (m - 1);
                for (int r = 0; r < pb_.rounds; ++r) {
                    const size_t ab = slot(r, a, group(r, b)), ba = slot(r, b, group(r, a));
                    joinSum_[ab] += kRepeat, joinSum_[ba] += kRepeat;
                    leaveSum_[ab] += kRepeat, leaveSum_[ba] += kRepeat;
                }
            }
    }
    /// All repeat weights back to 1 (call load() afterwards).
    void resetRepeatWeights() { pairWeight_.assign(static_cast<size_t>(n_) * n_, 1); }
    /// Institution kinds a group with `distinct` kinds misses.
    int deficit(int distinct) const { return std::max(0, pb_.mixTarget - distinct); }

    /// True when `a` takes part in a cost of its group in round r (a candidate to move).
    bool conflicted(int r, int a) const {
        const int g = group(r, a);
        if (leaveSum_[slot(r, a, g)] > 0) return true;
        return deficit(distinct_[r * G_ + g]) > 0 && kindCount_[(r * G_ + g) * kKinds + pb_.kind[a]] >= 2;
    }

    /// Change of cost if `a` and `b` (in different groups of round r) swapped: O(1) from the sums.
    std::int64_t swapDelta(int r, int a, int b) const {
        const int A = group(r, a), B = group(r, b);
        std::int64_t d = joinSum_[slot(r, a, B)] - join(a, b) - leaveSum_[slot(r, a, A)] +
                         joinSum_[slot(r, b, A)] - join(b, a) - leaveSum_[slot(r, b, B)];
        const int ka = pb_.kind[a], kb = pb_.kind[b];
        if (ka != kb) d += kMix * (mixAfter(r, A, ka, kb) + mixAfter(r, B, kb, ka));
        return d;
    }

    /// Swaps `a` and `b` (different groups of round r), updating the cost, the counts and the sums.
    void swap(int r, int a, int b) {
        const std::int64_t delta = swapDelta(r, a, b);
        cost_ += delta;
        const int A = group(r, a), B = group(r, b);
        const int ka = pb_.kind[a], kb = pb_.kind[b];
        // The true cost follows the same pairs without the learnt weights.
        for (int x : members(r, A))
            if (x != a) trueCost_ += trueJoin(b, x) - trueLeave(a, x);
        for (int x : members(r, B))
            if (x != b) trueCost_ += trueJoin(a, x) - trueLeave(b, x);
        if (ka != kb) trueCost_ += kMix * (mixAfter(r, A, ka, kb) + mixAfter(r, B, kb, ka));
        // Meeting counts first (the sums follow them with the current groups), then the moves.
        for (int x : members(r, A))
            if (x != a) setMeet(a, x, -1), setMeet(b, x, +1);
        for (int x : members(r, B))
            if (x != b) setMeet(b, x, -1), setMeet(a, x, +1);
        moveSums(r, a, A, B);
        moveSums(r, b, B, A);
        if (ka != kb) {
            moveKind(r, A, ka, kb);
            moveKind(r, B, kb, ka);
        }
        const int pa = pos_[r * n_ + a], pbos = pos_[r * n_ + b];
        members_[r * G_ + A][pa] = b;
        members_[r * G_ + B][pbos] = a;
        pos_[r * n_ + a] = pbos;
        pos_[r * n_ + b] = pa;
        groupOf_[r * n_ + a] = B;
        groupOf_[r * n_ + b] = A;
    }

private:
    size_t slot(int r, int p, int g) const { return (static_cast<size_t>(r) * n_ + p) * G_ + g; }

    /// Change of the kind deficit of group g when one `out` leaves and one `in` arrives.
    int mixAfter(int r, int g, int out, int in) const {
        const int* count = &kindCount_[(r * G_ + g) * kKinds];
        const int before = distinct_[r * G_ + g];
        const int after = before - (count[out] == 1 ? 1 : 0) + (count[in] == 0 ? 1 : 0);
        return deficit(after) - deficit(before);
    }
    void moveKind(int r, int g, int out, int in) {
        int* count = &kindCount_[(r * G_ + g) * kKinds];
        if (--count[out] == 0) --distinct_[r * G_ + g];
        if (count[in]++ == 0) ++distinct_[r * G_ + g];
    }
    /// Changes the meeting count of a and b and the sums that depend on it, in every round.
    void setMeet(int a, int b, int by) {
        const std::int64_t j0 = join(a, b), l0 = leave(a, b);
        meet_[a * n_ + b] = static_cast<std::int16_t>(meet_[a * n_ + b] + by);
        meet_[b * n_ + a] = meet_[a * n_ + b];
        const std::int64_t dj = join(a, b) - j0, dl = leave(a, b) - l0;
        if (dj == 0 && dl == 0) return;
        for (int r = 0; r < pb_.rounds; ++r) {
            const size_t ab = slot(r, a, group(r, b)), ba = slot(r, b, group(r, a));
            joinSum_[ab] += dj, joinSum_[ba] += dj;
            leaveSum_[ab] += dl, leaveSum_[ba] += dl;
        }
    }
    /// Moves p's contribution to everyone's sums in round r from group `from` to group `to`.
    void moveSums(int r, int p, int from, int to) {
        for (int q = 0; q < n_; ++q) {
            if (q == p) continue;
            const std::int64_t j = join(q, p), l = leave(q, p);
            const size_t base = slot(r, q, 0);
            joinSum_[base + from] -= j, joinSum_[base + to] += j;
            leaveSum_[base + from] -= l, leaveSum_[base + to] += l;
        }
    }

    const Problem& pb_;
    int n_, G_;
    std::vector<int> groupOf_, pos_;
    std::vector<std::vector<int>> members_;
    std::vector<std::int16_t> meet_;
    std::vector<int> kindCount_, distinct_;
    std::vector<std::int64_t> joinSum_, leaveSum_;  // per (round, person, group)
    std::vector<std::int32_t> pairWeight_;          // n×n: learnt weight of a repeat of each pair
    std::int64_t cost_ = 0, trueCost_ = 0;
};

// [SECTION] Construction of a starting plan (greedy, algebraic, cheap)

/// Above this many people left to place, groups are filled one person at a time (pairs cost O(people²) a pick).
constexpr size_t kPairPickLimit = 120;
/// Above this many people, the freedom heuristic (about people³/64 a round) gives way to the cheap start.
constexpr int kFreedomLimit = 200;
/// Largest groups × shared territories counted in a flat table (beyond, a hash table).
constexpr std::int64_t kFlatCountCells = std::int64_t{1} << 20;

/// How many people of each shared territory a group holds, in one round.
class TerritoryCounts {
public:
    TerritoryCounts(int groups, int territories) : territories_(territories) {
        if (static_cast<std::int64_t>(groups) * territories <= kFlatCountCells)
            flat_.assign(static_cast<size_t>(groups) * territories, 0);
        else
            hashed_ = true;
    }
    int get(int g, int t) const {
        if (t < 0) return 0;
        if (!hashed_) return flat_[key(g, t)];
        const auto it = map_.find(key(g, t));
        return it == map_.end() ? 0 : it->second;
    }
    void add(int g, int t, int by) {
        if (t < 0) return;
        if (!hashed_) flat_[key(g, t)] += by;
        else map_[key(g, t)] += by;
    }
    void clear() {
        std::fill(flat_.begin(), flat_.end(), 0);
        map_.clear();
    }

private:
    size_t key(int g, int t) const { return static_cast<size_t>(g) * territories_ + t; }
    std::int64_t territories_;
    bool hashed_ = false;
    std::vector<int> flat_;
    std::unordered_map<size_t, int> map_;
};

/// The cheap start: completes rounds `from`.. of `groupOf` (round `from` may be partly placed, earlier rounds
/// are complete, later ones empty). Pinned units first, then clusters where they cost least (or, if that leaves
/// one without room, largest first into the emptiest group, which prepare() checked), then everyone else in a
/// random order, each to the group with room where they cost least (same territory, earlier meetings, keep-apart,
/// history), the emptiest first: O(groups + earlier groupmates) a person. Once the budget is spent, people go to
/// the next group with room, round-robin, checking only keep-apart rules.
std::vector<int> cheapRounds(const Problem& pb, Rng& rng, Budget& budget, std::vector<int> groupOf, int from) {
    const int n = pb.n, G = pb.groups;
    groupOf.resize(static_cast<size_t>(pb.rounds) * n, -1);
    // Members of the complete rounds in two flat tables (no vector per group: 20,000 pairs over 100 rounds would
    // be 2 million allocations): round r's people by group, in increasing order, and where each group starts.
    std::vector<int> doneMembers(static_cast<size_t>(pb.rounds) * n);
    std::vector<int> doneStart(static_cast<size_t>(pb.rounds) * (G + 1));
    const auto collect = [&](int r) {
        int* start = &doneStart[static_cast<size_t>(r) * (G + 1)];
        for (int p = 0; p < n; ++p) ++start[groupOf[r * n + p] + 1];
        for (int g = 0; g < G; ++g) start[g + 1] += start[g];
        std::vector<int> at(start, start + G);
        for (int p = 0; p < n; ++p) doneMembers[static_cast<size_t>(r) * n + at[groupOf[r * n + p]]++] = p;
    };
    // The people with p in round e < r (p included).
    const auto mates = [&](int e, int p) {
        const int g = groupOf[e * n + p];
        const int* start = &doneStart[static_cast<size_t>(e) * (G + 1)];
        const int* base = &doneMembers[static_cast<size_t>(e) * n];
        return std::pair<const int*, const int*>(base + start[g], base + start[g + 1]);
    };
    for (int r = 0; r < from; ++r) collect(r);
    budget.spend(static_cast<std::int64_t>(from) * n);

    TerritoryCounts counts(G, pb.sharedCount);
    std::vector<std::int64_t> extra(G, 0);  // per group: the cost of the person being placed, but territory
    std::vector<int> touched;               // groups where extra is not 0
    for (int r = from; r < pb.rounds; ++r) {
        std::vector<int> room = pb.capacity;
        std::vector<int> placed;  // this round's people in the order they were placed
        placed.reserve(static_cast<size_t>(n));
        counts.clear();
        const auto place = [&](int p, int g) {
            groupOf[r * n + p] = g;
            placed.push_back(p);
            --room[g];
            counts.add(g, pb.shared[p], +1);
        };
        for (int p = 0; p < n; ++p)
            if (groupOf[r * n + p] >= 0) {
                const int g = groupOf[r * n + p];
                groupOf[r * n + p] = -1;
                place(p, g);
            }
        const auto unplaced = [&](int p) { return groupOf[r * n + p] < 0; };
        // What p costs in each group (extra), without territories; returns the work done.
        const auto addCosts = [&](int p, bool full) {
            std::int64_t work = 1;
            const auto add = [&](int x, std::int64_t c) {
                const int g = groupOf[r * n + x];
                if (g < 0 || pb.unitOf[x] == pb.unitOf[p]) return;
                if (extra[g] == 0) touched.push_back(g);
                extra[g] += c;
            };
            for (int y : pb.apartOf[p]) add(y, kApart);
            work += static_cast<std::int64_t>(pb.apartOf[p].size());
            if (!full) return work;
            for (int y : pb.historyOf[p]) add(y, kHistory);
            for (int e = 0; e < r; ++e) {
                const auto [first, last] = mates(e, p);
                for (const int* x = first; x != last; ++x)
                    if (*x != p) add(*x, kRepeat);
                work += last - first;
            }
            return work + static_cast<std::int64_t>(pb.historyOf[p].size());
        };
        const auto clearCosts = [&] {
            for (int g : touched) extra[g] = 0;
            touched.clear();
        };

        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] >= 0)
                for (int p : pb.units[u])
                    if (unplaced(p)) place(p, pb.unitPin[u]);

        // Clusters kept together.
        std::vector<int> clusters;
        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] < 0 && pb.units[u].size() > 1 && unplaced(pb.units[u][0]))
                clusters.push_back(static_cast<int>(u));
        rng.shuffle(clusters);
        std::stable_sort(clusters.begin(), clusters.end(),
                         [&](int a, int b) { return pb.units[a].size() > pb.units[b].size(); });
        const auto placeClusters = [&](bool byCost) {
            for (int u : clusters) {
                const int size = static_cast<int>(pb.units[u].size());
                const bool costs = byCost && !budget.expired();
                for (int p : pb.units[u]) budget.spend(addCosts(p, costs) + G);
                int best = -1;
                std::int64_t bestCost = 0;
                for (int g = 0; g < G; ++g) {
                    if (room[g] < size) continue;
                    std::int64_t c = extra[g];
                    if (costs)
                        for (int p : pb.units[u]) c += kCite * counts.get(g, pb.shared[p]);
                    c = c * (n + 1) - room[g];  // the emptiest group among the cheapest
                    if (best < 0 || c < bestCost) best = g, bestCost = c;
                }
                clearCosts();
                if (best < 0) return false;
                for (int p : pb.units[u]) place(p, best);
            }
            return true;
        };
        {
            const size_t before = placed.size();
            if (!placeClusters(true)) {  // undone, then placed largest first into the emptiest group
                for (size_t i = before; i < placed.size(); ++i) {
                    const int p = placed[i], g = groupOf[r * n + p];
                    counts.add(g, pb.shared[p], -1);
                    groupOf[r * n + p] = -1;
                    ++room[g];
                }
                placed.resize(before);
                placeClusters(false);
            }
        }

        // Everyone else.
        std::vector<int> singles;
        for (int p = 0; p < n; ++p)
            if (unplaced(p)) singles.push_back(p);
        rng.shuffle(singles);
        int cursor = 0;
        bool dealing = false;
        for (size_t i = 0; i < singles.size(); ++i) {
            if (!dealing && budget.expired()) {  // the rest dealt round-robin by territory: territories spread
                dealing = true;
                // A counting sort by shared territory (none first), stable: O(people + territories).
                std::vector<size_t> at(static_cast<size_t>(pb.sharedCount) + 2, 0);
                for (size_t j = i; j < singles.size(); ++j) ++at[static_cast<size_t>(pb.shared[singles[j]] + 2)];
                for (size_t t = 1; t < at.size(); ++t) at[t] += at[t - 1];
                std::vector<int> dealt(singles.size() - i);
                for (size_t j = i; j < singles.size(); ++j)
                    dealt[at[static_cast<size_t>(pb.shared[singles[j]] + 1)]++] = singles[j];
                std::copy(dealt.begin(), dealt.end(), singles.begin() + static_cast<std::ptrdiff_t>(i));
                budget.spend(static_cast<std::int64_t>(dealt.size() + at.size()));
            }
            const int p = singles[i];
            int best = -1;
            if (dealing && !pb.hasApart[p]) {
                while (room[cursor] == 0) cursor = (cursor + 1) % G;
                best = cursor;
                cursor = (cursor + 1) % G;
                budget.spend(1);
            } else {
                const bool costs = !budget.expired();
                const std::int64_t work = addCosts(p, costs) + G;
                const int t = costs ? pb.shared[p] : -1;
                std::int64_t bestCost = 0;
                const int start = rng.below(G);
                for (int i = 0; i < G; ++i) {
                    const int g = (start + i) % G;
                    if (room[g] == 0) continue;
                    const std::int64_t c = (extra[g] + kCite * counts.get(g, t)) * (n + 1) - room[g];
                    if (best < 0 || c < bestCost) best = g, bestCost = c;
                }
                clearCosts();
                budget.spend(work);
            }
            place(p, best);
        }
        if (r + 1 < pb.rounds) collect(r);
    }
    return groupOf;
}

/// Sets of people as bit words, for the freedom counts of the construction.
using Bits = std::vector<std::uint64_t>;

int countCommon(const Bits& a, const Bits& b) {
    int count = 0;
    for (size_t w = 0; w < a.size(); ++w) count += std::popcount(a[w] & b[w]);
    return count;
}

/// A random assignment of every round, built greedily (after Triska & Musliu's freedom heuristic): pinned units
/// first, then clusters where they cost least, then groups filled pair by pair with the pair that costs least
/// with the group and leaves the most « freedom » (people still unplaced who have met none of the group), ties
/// broken at random.
std::vector<int> construct(const Problem& pb, Rng& rng, Budget& budget, std::vector<int> groupOf = {},
                           int fixedRounds = 0) {
    const int n = pb.n, G = pb.groups;
    if (n > kFreedomLimit || budget.expired()) return cheapRounds(pb, rng, budget, std::move(groupOf), fixedRounds);
    const size_t words = (static_cast<size_t>(n) + 63) / 64;
    groupOf.resize(static_cast<size_t>(pb.rounds) * n, -1);
    std::vector<std::int16_t> met(static_cast<size_t>(n) * n, 0);
    for (int r = 0; r < fixedRounds; ++r)
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b)
                if (a != b && groupOf[r * n + a] == groupOf[r * n + b]) met[a * n + b] = 1;
    const auto pairCost = [&](int a, int b) -> std::int64_t {
        if (pb.unitOf[a] == pb.unitOf[b]) return 0;
        return pb.weight[a * n + b] + (met[a * n + b] ? kRepeat : 0);
    };
    // compatible[p]: the people p can still meet for free.
    std::vector<Bits> compatible(n, Bits(words, 0));
    for (int r = fixedRounds; r < pb.rounds; ++r) {
        for (int a = 0; a < n; ++a) {
            std::fill(compatible[a].begin(), compatible[a].end(), 0);
            for (int b = 0; b < n; ++b)
                if (b != a && pairCost(a, b) == 0) compatible[a][b / 64] |= std::uint64_t{1} << (b % 64);
        }
        std::vector<int> room = pb.capacity;
        std::vector<std::vector<int>> members(G);
        Bits unplaced(words, 0);
        const auto place = [&](int p, int g) {
            groupOf[r * n + p] = g;
            members[g].push_back(p);
            --room[g];
            unplaced[p / 64] &= ~(std::uint64_t{1} << (p % 64));
        };
        std::vector<int> clusters, singles;
        for (size_t u = 0; u < pb.units.size(); ++u) {
            if (pb.unitPin[u] >= 0) {
                for (int p : pb.units[u]) place(p, pb.unitPin[u]);
            } else if (pb.units[u].size() > 1) {
                clusters.push_back(static_cast<int>(u));
            } else {
                singles.push_back(pb.units[u][0]);
                unplaced[pb.units[u][0] / 64] |= std::uint64_t{1} << (pb.units[u][0] % 64);
            }
        }
        rng.shuffle(clusters);
        std::stable_sort(clusters.begin(), clusters.end(),
                         [&](int a, int b) { return pb.units[a].size() > pb.units[b].size(); });
        for (int u : clusters) {
            const int size = static_cast<int>(pb.units[u].size());
            int best = -1, ties = 0;
            std::int64_t bestCost = 0;
            for (int g = 0; g < G; ++g) {
                if (room[g] < size) continue;
                std::int64_t c = -room[g];  // the most room left first, so that later clusters still fit
                for (int p : pb.units[u])
                    for (int x : members[g]) c += pairCost(p, x);
                if (best < 0 || c < bestCost) best = g, bestCost = c, ties = 1;
                else if (c == bestCost && rng.below(++ties) == 0) best = g;
            }
            if (best < 0) best = static_cast<int>(std::max_element(room.begin(), room.end()) - room.begin());
            for (int p : pb.units[u]) place(p, best);
        }

        // Singles: each group in turn, by pairs (one at a time for the last place).
        rng.shuffle(singles);
        std::vector<int> order(G);
        std::iota(order.begin(), order.end(), 0);
        rng.shuffle(order);
        for (int g : order) {
            Bits free(words);  // unplaced people compatible with the whole group
            while (room[g] > 0) {
                // The time is up: the rest of the round and the later rounds the cheap way.
                if (budget.spend(static_cast<std::int64_t>(n) * (static_cast<std::int64_t>(words) + room[g])))
                    return cheapRounds(pb, rng, budget, std::move(groupOf), r);
                free = unplaced;
                for (int m : members[g])
                    for (size_t w = 0; w < words; ++w) free[w] &= compatible[m][w];
                std::int64_t bestCost = 0;
                int bestFreedom = 0, bestA = -1, bestB = -1, ties = 0;
                const auto consider = [&](int a, int b, std::int64_t c, int freedom) {
                    if (bestA < 0 || c < bestCost || (c == bestCost && freedom > bestFreedom)) {
                        bestCost = c, bestFreedom = freedom, bestA = a, bestB = b, ties = 1;
                    } else if (c == bestCost && freedom == bestFreedom && rng.below(++ties) == 0) {
                        bestA = a, bestB = b;
                    }
                };
                std::vector<int> left;
                for (int p : singles)
                    if (unplaced[p / 64] >> (p % 64) & 1) left.push_back(p);
                std::vector<std::int64_t> withGroup(left.size(), 0);
                for (size_t i = 0; i < left.size(); ++i)
                    for (int m : members[g]) withGroup[i] += pairCost(left[i], m);
                if (room[g] == 1 || left.size() < 2 || left.size() > kPairPickLimit) {
                    for (size_t i = 0; i < left.size(); ++i)
                        consider(left[i], -1, withGroup[i], countCommon(free, compatible[left[i]]));
                } else {
                    Bits both(words);
                    for (size_t i = 0; i < left.size(); ++i)
                        for (size_t j = i + 1; j < left.size(); ++j) {
                            const int a = left[i], b = left[j];
                            const std::int64_t c = withGroup[i] + withGroup[j] + pairCost(a, b);
                            if (bestA >= 0 && c > bestCost) continue;
                            for (size_t w = 0; w < words; ++w) both[w] = compatible[a][w] & compatible[b][w];
                            consider(a, b, c, countCommon(free, both));
                        }
                }
                if (bestA < 0) break;  // nobody left (cannot happen: rooms add up to the people)
                place(bestA, g);
                if (bestB >= 0) place(bestB, g);
            }
        }
        for (const auto& m : members)
            for (int a : m)
                for (int b : m)
                    if (a != b) met[a * n + b] = 1;
        budget.spend(static_cast<std::int64_t>(n) * n);
    }
    return groupOf;
}

/// Algebraic start when every group has the same size s ≤ G, G is a prime or a power of two (≤ 64) and nobody
/// is pinned or kept with someone: people sit on a G × s grid (territory-mates in one column) and, in round
/// k < G, person (i, j) joins group i + k·j over the field of G elements — two people of different columns then
/// meet exactly once over the G rounds and people of one column never do. Later rounds are built greedily.
/// Returns an empty vector when it does not apply.
std::vector<int> constructAffine(const Problem& pb, Rng& rng, Budget& budget) {
    const int n = pb.n, G = pb.groups;
    if (n % G != 0 || pb.units.size() != static_cast<size_t>(n)) return {};
    for (int pin : pb.unitPin)
        if (pin >= 0) return {};
    const int s = n / G;
    if (s > G || s < 2 || !designs::fieldSupported(G)) return {};
    // Column-major seats, territories kept together, everything else shuffled.
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    std::vector<int> rank(n, 0);
    for (int p = 0; p < n; ++p) rank[p] = pb.territory[p] >= 0 ? pb.territory[p] : n + p;
    std::vector<int> territoryKey(n + n);
    std::iota(territoryKey.begin(), territoryKey.end(), 0);
    rng.shuffle(territoryKey);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return territoryKey[rank[a]] < territoryKey[rank[b]]; });
    std::vector<int> groupOf(static_cast<size_t>(pb.rounds) * n, -1);
    const int fixed = std::min(pb.rounds, G);
    for (int seat = 0; seat < n; ++seat) {
        const int p = order[seat], i = seat % G, j = seat / G;
        for (int k = 0; k < fixed; ++k) groupOf[k * n + p] = designs::fieldAdd(i, designs::fieldMul(k, j, G), G);
    }
    budget.spend(static_cast<std::int64_t>(n) * fixed);
    return construct(pb, rng, budget, std::move(groupOf), fixed);
}

/// Steps the difference method may take (about a tenth of a second on a laptop's core): it finds the base rounds
/// of 7-4-9, 8-4-9 or 6-3-8 well within this, and gives up on a shape it cannot solve. With a time budget it also
/// stops at a quarter of the budget, so that the local search keeps most of it.
constexpr std::int64_t kDesignSteps = 100'000'000;
/// Steps of the difference method with invariant base rounds, tried when the first finds nothing (8-4-10 takes
/// 290 million, about 0.4 s on a laptop's core). With a time budget it stops at three quarters of the budget.
constexpr std::int64_t kStabilisedSteps = 400'000'000;
/// Largest room for the difference method: its search weighs every swap of a base round (people² a step), and
/// larger rooms with equal groups are mixed without a repeat by the greedy start and the search alone.
constexpr int kDesignPeople = 64;

/// A plan without a repeated pair from design theory, for the first rounds a design can hold, when every group has
/// the same size and nobody is pinned or kept with someone: the lines of an affine space when the room has its
/// shape, else (up to kDesignPeople) the difference method (designs.h), which takes at most a quarter of the time
/// budget, else the difference method with invariant base rounds, until three quarters of the budget. The seats
/// of the design as it was found (found once per call, since seats are shuffled for each start);
/// empty when none applies.
std::vector<int> findDesign(const Problem& pb, const MixerInput& input, Budget& budget) {
    const int n = pb.n, G = pb.groups;
    if (n % G != 0 || pb.units.size() != static_cast<size_t>(n)) return {};
    for (int pin : pb.unitPin)
        if (pin >= 0) return {};
    const int s = n / G;
    if (s < 2 || G < 2) return {};
    const int most = (n - 1) / (s - 1);  // rounds in which someone can still meet new people
    const int rounds = std::min(pb.rounds, most);
    if (rounds < 2) return {};
    std::vector<int> plan = designs::affineLines(G, s, rounds);
    if (!plan.empty() || n > kDesignPeople) return plan;
    const double limitMs = input.timeLimitMs;
    const designs::Spend spend = [&](std::int64_t work) {
        if (budget.spend(work)) return true;
        return limitMs > 0 && budget.usedMs() > limitMs / 4;
    };
    plan = designs::cyclicPlan(G, s, rounds, input.seed, spend, kDesignSteps);
    if (!plan.empty()) return plan;
    const designs::Spend spendMore = [&](std::int64_t work) {
        if (budget.spend(work)) return true;
        return limitMs > 0 && budget.usedMs() > limitMs * 3 / 4;
    };
    return designs::stabilisedCyclicPlan(G, s, rounds, spendMore, kStabilisedSteps);
}

/// A start from a design found by findDesign: seats shuffled, then people of a shared territory seated, as far as
/// the design allows, on seats that never meet (largest territories first, each person on a free seat that has
/// met none of the seats already taken by their territory); the search deals with the rest. The rounds beyond
/// the design are built greedily. O(rounds × people²).
std::vector<int> constructFromDesign(const Problem& pb, const std::vector<int>& design, Rng& rng, Budget& budget) {
    const int n = pb.n;
    const int fixed = static_cast<int>(design.size() / static_cast<size_t>(n));
    std::vector<std::uint8_t> meets(static_cast<size_t>(n) * n, 0);  // seats that share a group in the design
    for (int k = 0; k < fixed; ++k)
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                if (design[static_cast<size_t>(k) * n + a] == design[static_cast<size_t>(k) * n + b])
                    meets[static_cast<size_t>(a) * n + b] = meets[static_cast<size_t>(b) * n + a] = 1;
    budget.spend(static_cast<std::int64_t>(fixed) * n * n / 2);
    std::vector<int> freeSeats(n), seat(n, -1);
    std::iota(freeSeats.begin(), freeSeats.end(), 0);
    rng.shuffle(freeSeats);
    std::vector<std::vector<int>> byTerritory(pb.sharedCount);
    for (int p = 0; p < n; ++p)
        if (pb.shared[p] >= 0) byTerritory[pb.shared[p]].push_back(p);
    std::stable_sort(byTerritory.begin(), byTerritory.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<int> taken;
    for (const auto& mates : byTerritory) {
        taken.clear();
        for (int p : mates) {
            // The first free seat that meets none of the territory's seats, else the first free one.
            size_t pick = 0;
            for (size_t i = 0; i < freeSeats.size(); ++i) {
                bool clear = true;
                for (int t : taken) clear = clear && !meets[static_cast<size_t>(freeSeats[i]) * n + t];
                if (clear) {
                    pick = i;
                    break;
                }
            }
            seat[p] = freeSeats[pick];
            taken.push_back(seat[p]);
            freeSeats.erase(freeSeats.begin() + static_cast<std::ptrdiff_t>(pick));
        }
        budget.spend(static_cast<std::int64_t>(mates.size()) * n * (static_cast<std::int64_t>(mates.size()) + 1));
    }
    for (int p = 0; p < n; ++p)
        if (seat[p] < 0) seat[p] = freeSeats.back(), freeSeats.pop_back();
    std::vector<int> groupOf(static_cast<size_t>(pb.rounds) * n, -1);
    for (int k = 0; k < fixed; ++k)
        for (int p = 0; p < n; ++p) groupOf[k * n + p] = design[static_cast<size_t>(k) * n + seat[p]];
    budget.spend(static_cast<std::int64_t>(fixed) * n);
    return construct(pb, rng, budget, std::move(groupOf), fixed);
}

// [SECTION] Local search

/// Tabu search on swaps within a round (after Dotú & Van Hentenryck 2005): each iteration takes the best swap of
/// a person in conflict with someone of another group of the same round; a swapped pair may not be swapped back
/// in that round for 4 to 99 iterations unless it beats the best plan. At every local minimum the pairs that meet
/// more than once get heavier (they guide the search away from the repeats it keeps falling into; the plan is
/// judged on the true cost). After kStallLimit iterations without improvement the best plan of the current run
/// is perturbed by a few random swaps; after kPerturbationsPerRestart perturbations the search restarts from a
/// new plan, alternately algebraic (when it applies) and greedy.
class Search {
public:
    Search(const Problem& pb, const MixerInput& input, Budget& budget)
        : pb_(pb), input_(input), budget_(budget), rng_(input.seed), state_(pb),
          tabu_(static_cast<size_t>(pb.rounds) * pb.n * pb.n, 0) {
        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] < 0 && pb.units[u].size() == 1) movable_.push_back(pb.units[u][0]);
        swappable_.assign(pb.n, 0);
        for (int p : movable_) swappable_[p] = 1;
    }

    /// Runs until a perfect plan, the iteration cap or the time budget; returns the best assignment found.
    std::vector<int> run(MixerStats& stats) {
        best_ = freshStart();
        load(best_);  // at most kDenseCells steps
        run_ = best_;
        bestCost_ = runCost_ = state_.trueCost();
        std::int64_t iter = 0, stall = 0;
        stats.stop = MixerStop::TimeLimit;
        stats.perfect = bestCost_ == 0;
        if (bestCost_ > 0 && budget_.check()) return best_;  // the start is the plan
        int perturbations = 0;
        bool freeUnit = false;
        for (size_t u = 0; u < pb_.units.size(); ++u) freeUnit = freeUnit || pb_.unitPin[u] < 0;
        const bool canMove = movable_.size() >= 2 || (freeUnit && !movable_.empty());
        const std::int64_t floor = kRepeat * repeatLowerBound();
        for (;;) {
            if (bestCost_ == 0) {
                stats.stop = MixerStop::Perfect;
                break;
            }
            if (bestCost_ <= floor) {  // the repeats at their bound (nothing cheaper can make up kRepeat)
                stats.stop = MixerStop::LowerBound;
                break;
            }
            if (!canMove) {
                stats.stop = MixerStop::Stalled;
                break;
            }
            if (input_.maxIterations > 0 && iter >= input_.maxIterations) {
                stats.stop = MixerStop::Iterations;
                break;
            }
            if (budget_.expired()) break;
            ++iter;
            if (!step(iter)) {
                if (budget_.expired()) break;  // stopped within the step: nothing moved
                stall = kStallLimit;            // everything tabu: shake
            }
            if (state_.trueCost() < bestCost_) {
                bestCost_ = state_.trueCost();
                best_ = state_.assignment();
                budget_.spend(static_cast<std::int64_t>(best_.size()));
            }
            if (state_.trueCost() < runCost_) {
                runCost_ = state_.trueCost();
                run_ = state_.assignment();
                stall = 0;
                perturbations = 0;
            } else if (++stall >= kStallLimit) {
                stall = 0;
                if (++perturbations > kPerturbationsPerRestart) {
                    perturbations = 0;
                    state_.resetRepeatWeights();
                    load(freshStart());
                    run_ = state_.assignment();
                    runCost_ = state_.trueCost();
                } else {
                    load(run_);
                    perturb();
                }
                std::fill(tabu_.begin(), tabu_.end(), 0);
                budget_.spend(static_cast<std::int64_t>(tabu_.size()));
            }
        }
        stats.iterations = iter;
        stats.perfect = bestCost_ == 0;
        return best_;
    }

private:
    static constexpr std::int64_t kStallLimit = 1500;
    static constexpr int kPerturbationsPerRestart = 30;
    static constexpr int kTabuMin = 4, kTabuSpan = 96;  // tenure drawn in [4, 100)

    struct Move {
        int r = -1;
        std::vector<std::pair<int, int>> swaps;  // applied in order
    };

    size_t tabuSlot(int r, int a, int b) const {
        return (static_cast<size_t>(r) * pb_.n + std::min(a, b)) * pb_.n + std::max(a, b);
    }
    bool isTabu(int r, int a, int b, std::int64_t iter) const { return tabu_[tabuSlot(r, a, b)] > iter; }
    void setTabu(int r, int a, int b, std::int64_t iter) {
        tabu_[tabuSlot(r, a, b)] = iter + kTabuMin + rng_.below(kTabuSpan);
    }

    /// A new starting plan: a constructive one when one applies (every other start: the affine plan when it
    /// leaves no repeat, else a design, else the affine plan), else the greedy one.
    std::vector<int> freshStart() {
        if (input_.algebraicStart && starts_++ % 2 == 0) {
            // The affine plan when it leaves no repeat (territory-mates never meet there), else a design.
            std::vector<int> affine = constructAffine(pb_, rng_, budget_);
            if (!affine.empty() && repeatsIn(affine) == 0) return affine;
            if (!designTried_) {
                designTried_ = true;
                design_ = findDesign(pb_, input_, budget_);
            }
            if (!design_.empty()) return constructFromDesign(pb_, design_, rng_, budget_);
            if (!affine.empty()) return affine;
        }
        return construct(pb_, rng_, budget_);
    }

    /// Pairs meeting more than once in a plan (rounds × people² steps at most).
    int repeatsIn(const std::vector<int>& groupOf) {
        const int n = pb_.n;
        std::vector<std::uint8_t> met(static_cast<size_t>(n) * n, 0);
        int repeats = 0;
        for (int r = 0; r < pb_.rounds; ++r)
            for (int a = 0; a < n; ++a)
                for (int b = a + 1; b < n; ++b)
                    if (groupOf[r * n + a] == groupOf[r * n + b] && pb_.unitOf[a] != pb_.unitOf[b])
                        repeats += met[static_cast<size_t>(a) * n + b]++ > 0 ? 1 : 0;
        budget_.spend(static_cast<std::int64_t>(pb_.rounds) * n * n / 2);
        return repeats;
    }

    /// Loads a plan into the search state (rounds × people² steps).
    void load(const std::vector<int>& groupOf) {
        state_.load(groupOf);
        budget_.spend(static_cast<std::int64_t>(pb_.rounds) * pb_.n * pb_.n);
    }

    /// One move: the best non-tabu swap of a conflicting person (a tabu one when it beats the best plan). False
    /// when nothing moved: everything tabu, or the time ran out during the step.
    bool step(std::int64_t iter) {
        std::int64_t bestDelta = 0;
        int ties = 0;
        Move chosen;
        const std::int64_t cost = state_.cost();
        const auto consider = [&](int r, int a, int b, std::int64_t d) {
            if (ties == 0 || d < bestDelta) {
                bestDelta = d, ties = 1;
                chosen.r = r, chosen.swaps.assign(1, {a, b});
            } else if (d == bestDelta && rng_.below(++ties) == 0) {
                chosen.r = r, chosen.swaps.assign(1, {a, b});
            }
        };
        for (int r = 0; r < pb_.rounds; ++r)
            for (int a = 0; a < pb_.n; ++a) {
                const int u = pb_.unitOf[a];
                if (pb_.unitPin[u] >= 0 || !state_.conflicted(r, a)) continue;
                if (pb_.units[u].size() > 1) {
                    if (pb_.units[u].front() == a) clusterMoves(r, u, cost, bestDelta, ties, chosen);
                    continue;
                }
                const int A = state_.group(r, a);
                for (int B = 0; B < pb_.groups; ++B) {
                    if (B == A) continue;
                    for (int b : state_.members(r, B)) {
                        if (!swappable_[b]) continue;
                        const std::int64_t d = state_.swapDelta(r, a, b);
                        // Weighted costs are never below true ones: a tabu swap that beats the best is a new best.
                        if (isTabu(r, a, b, iter) && cost + d >= bestCost_) continue;
                        consider(r, a, b, d);
                    }
                }
                if (budget_.spend(pb_.n)) return false;
            }
        if (ties == 0) return false;
        if (bestDelta >= 0) {  // a local minimum
            state_.bumpRepeatWeights();
            budget_.spend(static_cast<std::int64_t>(pb_.n) * pb_.n / 2);
        }
        for (const auto& [a, b] : chosen.swaps) {
            state_.swap(chosen.r, a, b);
            setTabu(chosen.r, a, b, iter);
        }
        return true;
    }

    /// A cluster of people kept together trades places with as many movable people of another group (each
    /// member with the one that costs least), evaluated by applying and undoing the swaps.
    void clusterMoves(int r, int u, std::int64_t cost, std::int64_t& bestDelta, int& ties, Move& chosen) {
        const auto& unit = pb_.units[u];
        const int A = state_.group(r, unit.front());
        for (int B = 0; B < pb_.groups; ++B) {
            if (B == A) continue;
            std::vector<std::pair<int, int>> swaps;
            for (int p : unit) {
                int pick = -1;
                std::int64_t pickDelta = 0;
                for (int b : state_.members(r, B)) {
                    if (!swappable_[b]) continue;
                    const std::int64_t d = state_.swapDelta(r, p, b);
                    if (pick < 0 || d < pickDelta) pick = b, pickDelta = d;
                }
                if (pick < 0) break;
                state_.swap(r, p, pick);
                swaps.emplace_back(p, pick);
            }
            budget_.spend(static_cast<std::int64_t>(unit.size()) * (pb_.n + state_.members(r, B).size()));
            const std::int64_t d = state_.cost() - cost;
            const bool complete = swaps.size() == unit.size();
            for (auto it = swaps.rbegin(); it != swaps.rend(); ++it) state_.swap(r, it->first, it->second);
            if (!complete) continue;
            if (ties == 0 || d < bestDelta) {
                bestDelta = d, ties = 1;
                chosen.r = r, chosen.swaps = swaps;
            } else if (d == bestDelta && rng_.below(++ties) == 0) {
                chosen.r = r, chosen.swaps = swaps;
            }
        }
    }

    /// A few random swaps of movable people, to leave a local minimum.
    void perturb() {
        if (movable_.size() < 2) return;
        const int count = 1 + rng_.below(3);
        for (int i = 0; i < count; ++i) {
            const int r = rng_.below(pb_.rounds);
            const int a = movable_[rng_.below(static_cast<int>(movable_.size()))];
            const int b = movable_[rng_.below(static_cast<int>(movable_.size()))];
            if (state_.group(r, a) != state_.group(r, b)) state_.swap(r, a, b);
        }
    }

    const Problem& pb_;
    const MixerInput& input_;
    Budget& budget_;
    Rng rng_;
    State state_;
    std::vector<std::int64_t> tabu_;  // per (round, pair): iteration until which swapping the pair is tabu
    std::vector<int> movable_;        // free people not kept together with anyone
    std::vector<std::uint8_t> swappable_;
    /// Repeats that no plan avoids, when nobody is pinned or kept with someone: between two consecutive rounds, a
    /// group larger than the number of groups takes two people or more from one group of the round before, and
    /// a pair meeting m times meets in at most m − 1 pairs of consecutive rounds. So each group of round r ≥ 2
    /// of size s forces at least the pairs of s people spread as evenly as possible over the groups of round r − 1
    /// (their sizes bound how many can come from one).
    std::int64_t repeatLowerBound() const {
        if (pb_.units.size() != static_cast<size_t>(pb_.n)) return 0;
        for (int pin : pb_.unitPin)
            if (pin >= 0) return 0;
        std::int64_t bound = 0;
        for (int r = 1; r < pb_.rounds; ++r)
            for (int g = 0; g < pb_.groups; ++g) {
                // Spread capacity[g] people over the groups of the round before, at most capacity[h] from group h.
                std::vector<int> take(pb_.groups, 0);
                int left = pb_.capacity[g];
                for (int level = 1; left > 0; ++level)
                    for (int h = 0; h < pb_.groups && left > 0; ++h)
                        if (take[h] < level && take[h] < pb_.capacity[h]) ++take[h], --left;
                for (int x : take) bound += static_cast<std::int64_t>(x) * (x - 1) / 2;
            }
        return bound;
    }

    std::vector<int> best_, run_;     // best plan, and best since the last restart (perturbations start there)
    std::int64_t bestCost_ = 0, runCost_ = 0;
    int starts_ = 0;
    std::vector<int> design_;         // findDesign's plan (empty: none), looked for at the first constructive start
    bool designTried_ = false;
};

// [SECTION] Local search for large rosters

/// For rosters beyond the pair tables: the cheap start, then swaps sampled at random and kept when they lower
/// the cost (or leave it unchanged, half of the time, to cross plateaus). Each try picks a round and a movable
/// person; when that person costs something in their group, the cheapest other group for them is found from
/// their groupmates of the other rounds, the territory counts and their rules (O(groups + rounds × group size)),
/// then the best partner in that group (O(group size × rounds × group size)). Meetings of a pair are counted
/// from the plan itself when needed, so memory stays rounds × people (+ groups × shared territories a round).
class SparseSearch {
public:
    SparseSearch(const Problem& pb, const MixerInput& input, Budget& budget)
        : pb_(pb), input_(input), budget_(budget), rng_(input.seed), n_(pb.n), G_(pb.groups), R_(pb.rounds),
          markA_(pb.n), markB_(pb.n) {
        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] < 0 && pb.units[u].size() == 1) movable_.push_back(pb.units[u][0]);
        swappable_.assign(n_, 0);
        for (int p : movable_) swappable_[p] = 1;
    }

    /// Runs until a perfect plan, the iteration cap, the time budget or a long stall; returns the plan.
    std::vector<int> run(MixerStats& stats) {
        std::vector<int> start = cheapRounds(pb_, rng_, budget_, {}, 0);
        stats.stop = MixerStop::TimeLimit;
        if (budget_.check()) return start;
        if (movable_.size() < 2) {
            stats.stop = MixerStop::Stalled;
            return start;
        }
        load(start);
        if (!computeCost()) return groupOf_;
        const std::int64_t stallLimit = std::max<std::int64_t>(20000, 4LL * R_ * n_);
        std::int64_t iter = 0, stall = 0;
        for (;;) {
            if (cost_ == 0) {
                stats.stop = MixerStop::Perfect;
                break;
            }
            if (input_.maxIterations > 0 && iter >= input_.maxIterations) {
                stats.stop = MixerStop::Iterations;
                break;
            }
            if (stall >= stallLimit) {
                stats.stop = MixerStop::Stalled;
                break;
            }
            if (budget_.expired()) break;
            ++iter;
            stall = tryMove() ? 0 : stall + 1;
        }
        stats.iterations = iter;
        stats.perfect = cost_ == 0;
        return groupOf_;
    }

private:
    /// People stamped with one tick: the other-round groupmates of one person, and the people under a rule
    /// with them.
    struct Marks {
        explicit Marks(int n) : mate(n, 0), apart(n, 0), history(n, 0) {}
        std::vector<std::uint64_t> mate, apart, history;
        std::vector<int> mates;  // distinct groupmates of the other rounds
        std::uint64_t tick = 0;
        int person = -1;
    };

    int group(int r, int p) const { return groupOf_[r * n_ + p]; }
    const std::vector<int>& members(int r, int g) const { return members_[r * G_ + g]; }
    int deficit(int distinct) const { return std::max(0, pb_.mixTarget - distinct); }

    void load(const std::vector<int>& groupOf) {
        ATELIER_ASSERT(groupOf.size() == static_cast<size_t>(R_) * n_,
                       "SparseSearch::load: one group per person and round");
        groupOf_ = groupOf;
        members_.assign(static_cast<size_t>(R_) * G_, {});
        pos_.assign(groupOf_.size(), 0);
        kindCount_.assign(static_cast<size_t>(R_) * G_ * kKinds, 0);
        distinct_.assign(static_cast<size_t>(R_) * G_, 0);
        counts_.clear();
        for (int r = 0; r < R_; ++r) {
            counts_.emplace_back(G_, pb_.sharedCount);
            for (int p = 0; p < n_; ++p) {
                const int g = group(r, p);
                auto& m = members_[r * G_ + g];
                pos_[r * n_ + p] = static_cast<int>(m.size());
                m.push_back(p);
                counts_[r].add(g, pb_.shared[p], +1);
                if (kindCount_[(r * G_ + g) * kKinds + pb_.kind[p]]++ == 0) ++distinct_[r * G_ + g];
            }
        }
        budget_.spend(static_cast<std::int64_t>(R_) * n_);
    }

    /// Stamps the groupmates of p in every round but `skip` (-1: none) and the people under a rule with p.
    std::int64_t mark(Marks& m, int p, int skip) {
        ++m.tick;
        m.person = p;
        m.mates.clear();
        std::int64_t work = 1;
        for (int r = 0; r < R_; ++r) {
            if (r == skip) continue;
            const auto& mates = members(r, group(r, p));
            work += static_cast<std::int64_t>(mates.size());
            for (int x : mates)
                if (x != p && m.mate[x] != m.tick) m.mate[x] = m.tick, m.mates.push_back(x);
        }
        for (int y : pb_.apartOf[p]) m.apart[y] = m.tick;
        for (int y : pb_.historyOf[p]) m.history[y] = m.tick;
        return work + static_cast<std::int64_t>(pb_.apartOf[p].size() + pb_.historyOf[p].size());
    }
    /// Static cost of one meeting of the marked person with x.
    std::int64_t weight(const Marks& m, int x) const {
        const int p = m.person;
        if (x == p || pb_.unitOf[x] == pb_.unitOf[p]) return 0;
        std::int64_t w = 0;
        if (m.apart[x] == m.tick) w += kApart;
        if (pb_.shared[p] >= 0 && pb_.shared[p] == pb_.shared[x]) w += kCite;
        if (m.history[x] == m.tick) w += kHistory;
        return w;
    }
    /// Cost of the marked person meeting x once more in the skipped round (marked without it).
    std::int64_t pairCost(const Marks& m, int x) const {
        if (x == m.person || pb_.unitOf[x] == pb_.unitOf[m.person]) return 0;
        return weight(m, x) + (m.mate[x] == m.tick ? kRepeat : 0);
    }
    /// What the marked person costs with the members of group g of round r (themself left out).
    std::int64_t costIn(const Marks& m, int r, int g) const {
        std::int64_t c = 0;
        for (int x : members(r, g)) c += pairCost(m, x);
        return c;
    }

    /// The true cost of the plan; false when the time ran out first.
    bool computeCost() {
        cost_ = 0;
        for (int a = 0; a < n_; ++a) {
            // Every pair once (from its smaller person): weights for each meeting, kRepeat beyond the first.
            const std::int64_t work = mark(markA_, a, -1);
            for (int x : markA_.mates) {
                if (x < a || pb_.unitOf[x] == pb_.unitOf[a]) continue;
                int met = 0;
                for (int r = 0; r < R_; ++r) met += group(r, a) == group(r, x) ? 1 : 0;
                cost_ += weight(markA_, x) * met + kRepeat * (met - 1);
            }
            if (budget_.spend(work + static_cast<std::int64_t>(markA_.mates.size()) * R_)) return false;
        }
        for (int rg = 0; rg < R_ * G_; ++rg) cost_ += kMix * deficit(distinct_[rg]);
        return true;
    }

    /// Change of the kind deficit of group g when one `out` leaves and one `in` arrives.
    int mixAfter(int r, int g, int out, int in) const {
        const int* count = &kindCount_[(r * G_ + g) * kKinds];
        const int before = distinct_[r * G_ + g];
        const int after = before - (count[out] == 1 ? 1 : 0) + (count[in] == 0 ? 1 : 0);
        return deficit(after) - deficit(before);
    }

    /// One try; true when the cost went down.
    bool tryMove() {
        const int r = rng_.below(R_);
        const int a = movable_[rng_.below(static_cast<int>(movable_.size()))];
        const int A = group(r, a), ka = pb_.kind[a];
        std::int64_t work = mark(markA_, a, r) + static_cast<std::int64_t>(members(r, A).size());
        const std::int64_t here = costIn(markA_, r, A);
        const bool mixConflict =
            deficit(distinct_[r * G_ + A]) > 0 && kindCount_[(r * G_ + A) * kKinds + ka] >= 2;
        if (here == 0 && !mixConflict) {
            budget_.spend(work);
            return false;
        }
        // The cheapest other group for a.
        costTo_.assign(G_, 0);
        const int t = pb_.shared[a];
        if (t >= 0)
            for (int g = 0; g < G_; ++g) costTo_[g] = kCite * counts_[r].get(g, t);
        for (int x : markA_.mates)
            if (pb_.unitOf[x] != pb_.unitOf[a]) costTo_[group(r, x)] += kRepeat;
        for (int y : pb_.apartOf[a]) costTo_[group(r, y)] += kApart;
        for (int y : pb_.historyOf[a]) costTo_[group(r, y)] += kHistory;
        work += G_ + static_cast<std::int64_t>(markA_.mates.size());
        int B = -1;
        const int first = rng_.below(G_);
        for (int i = 0; i < G_; ++i) {
            const int g = (first + i) % G_;
            if (g != A && (B < 0 || costTo_[g] < costTo_[B])) B = g;
        }
        if (B < 0) {
            budget_.spend(work);
            return false;
        }
        // The best partner in B.
        int pick = -1;
        std::int64_t pickDelta = 0;
        const auto& inB = members(r, B);
        const int offset = inB.empty() ? 0 : rng_.below(static_cast<int>(inB.size()));
        for (size_t i = 0; i < inB.size(); ++i) {
            const int b = inB[(offset + i) % inB.size()];
            if (!swappable_[b]) continue;
            work += mark(markB_, b, r) + static_cast<std::int64_t>(members(r, A).size() + inB.size());
            const std::int64_t ab = pairCost(markA_, b);
            std::int64_t d = costTo_[B] - ab - here + costIn(markB_, r, A) - ab - costIn(markB_, r, B);
            const int kb = pb_.kind[b];
            if (ka != kb) d += kMix * (mixAfter(r, A, ka, kb) + mixAfter(r, B, kb, ka));
            if (pick < 0 || d < pickDelta) pick = b, pickDelta = d;
        }
        budget_.spend(work);
        if (pick < 0 || pickDelta > 0 || (pickDelta == 0 && rng_.below(2) == 0)) return false;
        swap(r, a, pick, pickDelta);
        return pickDelta < 0;
    }

    void swap(int r, int a, int b, std::int64_t delta) {
        const int A = group(r, a), B = group(r, b), ka = pb_.kind[a], kb = pb_.kind[b];
        cost_ += delta;
        counts_[r].add(A, pb_.shared[a], -1), counts_[r].add(A, pb_.shared[b], +1);
        counts_[r].add(B, pb_.shared[b], -1), counts_[r].add(B, pb_.shared[a], +1);
        if (ka != kb) {
            int* ca = &kindCount_[(r * G_ + A) * kKinds];
            int* cb = &kindCount_[(r * G_ + B) * kKinds];
            if (--ca[ka] == 0) --distinct_[r * G_ + A];
            if (ca[kb]++ == 0) ++distinct_[r * G_ + A];
            if (--cb[kb] == 0) --distinct_[r * G_ + B];
            if (cb[ka]++ == 0) ++distinct_[r * G_ + B];
        }
        const int pa = pos_[r * n_ + a], pbos = pos_[r * n_ + b];
        members_[r * G_ + A][pa] = b;
        members_[r * G_ + B][pbos] = a;
        pos_[r * n_ + a] = pbos;
        pos_[r * n_ + b] = pa;
        groupOf_[r * n_ + a] = B;
        groupOf_[r * n_ + b] = A;
    }

    const Problem& pb_;
    const MixerInput& input_;
    Budget& budget_;
    Rng rng_;
    int n_, G_, R_;
    std::vector<int> movable_;
    std::vector<std::uint8_t> swappable_;
    std::vector<int> groupOf_, pos_;
    std::vector<std::vector<int>> members_;
    std::vector<TerritoryCounts> counts_;  // per round
    std::vector<int> kindCount_, distinct_;
    std::vector<std::int64_t> costTo_;
    Marks markA_, markB_;
    std::int64_t cost_ = 0;
};

}  // namespace

// [SECTION] Statistics

namespace {

/// Repeats and most meetings by cells: for a set S of rounds, a cell holds people who share a group in every
/// round of S. A pair that meets m times is in a cell of C(m, k) sets of k rounds, and Σ_{k≥2} (−1)^k C(m, k) =
/// m − 1: the repeats are that alternating sum of the pairs of every cell. Sets are grown one round at a time
/// (depth first), a set whose cells all hold one person ends its branch. Pairs of one component (kept together)
/// are counted apart and taken out. O(2^rounds × (people + groups)) at worst, memory rounds × people.
void countRepeatsByCells(const std::vector<int>& where, int R, int n, const std::vector<std::vector<int>>& components,
                         MixerStats& stats) {
    std::vector<std::int64_t> pairs(R + 1, 0);  // pairs[k]: Σ over sets of k rounds of the pairs in their cells
    std::vector<std::vector<int>> cell(R + 1, std::vector<int>(n, 0));  // cell[depth][p], -1: in no cell
    std::vector<int> cells(R + 1, 1);                                   // number of cells at each depth
    int groups = 1;
    for (int g : where) groups = std::max(groups, g + 1);
    std::vector<int> byGroup, byCell(n), count;
    byGroup.reserve(n);
    // Refines the cells at `depth` by round r into depth + 1; returns the pairs in the new cells.
    const auto refine = [&](int depth, int r) {
        const int* group = &where[static_cast<size_t>(r) * n];
        const std::vector<int>& from = cell[depth];
        std::vector<int>& to = cell[depth + 1];
        // People in a cell and in round r, ordered by (cell, group): counting sorts by group, then by cell.
        byGroup.clear();
        count.assign(static_cast<size_t>(std::max(groups, cells[depth])) + 1, 0);
        for (int p = 0; p < n; ++p) {
            to[p] = -1;
            if (from[p] >= 0 && group[p] >= 0) ++count[group[p] + 1];
        }
        for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        byGroup.resize(static_cast<size_t>(count.back()));
        for (int p = 0; p < n; ++p)
            if (from[p] >= 0 && group[p] >= 0) byGroup[count[group[p]]++] = p;
        std::fill(count.begin(), count.end(), 0);
        for (int p : byGroup) ++count[from[p] + 1];
        for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        for (int p : byGroup) byCell[count[from[p]]++] = p;
        std::int64_t found = 0;
        int id = 0;
        for (size_t i = 0, j = 0; i < byGroup.size(); i = j) {
            const int c0 = from[byCell[i]], g0 = group[byCell[i]];
            while (j < byGroup.size() && from[byCell[j]] == c0 && group[byCell[j]] == g0) ++j;
            const std::int64_t c = static_cast<std::int64_t>(j - i);
            if (c < 2) continue;  // alone: in no cell of any larger set
            found += c * (c - 1) / 2;
            for (size_t k = i; k < j; ++k) to[byCell[k]] = id;
            ++id;
        }
        cells[depth + 1] = id;
        return found;
    };
    const auto grow = [&](auto&& self, int depth, int last) -> void {
        for (int r = last + 1; r < R; ++r) {
            const std::int64_t found = refine(depth, r);
            pairs[depth + 1] += found;
            if (found > 0 && depth + 1 < R) self(self, depth + 1, r);
        }
    };
    grow(grow, 0, -1);  // cell[0]: everyone in one cell
    // Pairs kept together: their own meetings, out of the sums.
    for (const auto& members : components)
        for (size_t i = 0; i < members.size(); ++i)
            for (size_t j = i + 1; j < members.size(); ++j) {
                int m = 0;
                for (int r = 0; r < R; ++r) {
                    const int g = where[static_cast<size_t>(r) * n + members[i]];
                    m += g >= 0 && g == where[static_cast<size_t>(r) * n + members[j]] ? 1 : 0;
                }
                std::int64_t choose = 1;  // C(m, k)
                for (int k = 1; k <= m; ++k) {
                    choose = choose * (m - k + 1) / k;
                    pairs[k] -= choose;
                }
            }
    std::int64_t repeats = 0;
    for (int k = 2; k <= R; ++k) repeats += (k % 2 == 0 ? 1 : -1) * pairs[k];
    stats.repeatPairs = repeats;
    stats.maxMeetings = 0;
    for (int k = R; k >= 1; --k)
        if (pairs[k] > 0) {
            stats.maxMeetings = k;
            break;
        }
}

}  // namespace

namespace {

/// evaluatePlan, with at most `maxPairWork` steps for the repeats (< 0: no limit). Beyond, the repeats and the
/// most meetings are estimated from a sample of people (every k-th one: all their meetings counted), and
/// stats.exact is false: rosters of tens of thousands in a few large groups, where every pair cannot be counted
/// within the budget (and nobody reads the exact number). `groupsSorted`: every group lists its people in increasing
/// order (mixGroups' plans), so that no sorted copy is made.
MixerStats evaluateWithin(const MixerInput& input, const std::vector<std::vector<std::vector<int>>>& rounds,
                          std::int64_t maxPairWork, bool groupsSorted) {
    // Every pair that meets is enumerated once per meeting, from sorted groups, and its meetings are counted with
    // stamps: O(rounds × people × group size / 2) steps, memory linear in the roster.
    MixerStats stats;
    const int n = static_cast<int>(input.people.size());
    if (n == 0) return stats;
    const auto valid = [&](int p) { return p >= 0 && p < n; };
    UnionFind uf(n);
    for (const auto& [a, b] : input.keepTogether)
        if (valid(a) && valid(b)) uf.join(a, b);
    std::vector<std::vector<int>> apartOf(n), historyOf(n);
    for (const auto& set : input.keepApart)
        for (int a : set)
            for (int b : set)
                if (a != b && valid(a) && valid(b)) apartOf[a].push_back(b);
    for (const auto& [a, b] : input.history)
        if (valid(a) && valid(b) && a != b) historyOf[a].push_back(b), historyOf[b].push_back(a);
    tidy(apartOf);
    tidy(historyOf);
    std::unordered_map<std::string, int> keys;
    std::vector<int> territory(n, -1);
    std::vector<std::uint8_t> kind(n);  // one byte a person: read for every seat of every round
    for (int p = 0; p < n; ++p) {
        kind[p] = static_cast<std::uint8_t>(input.people[p].institution);
        if (!input.people[p].territory.empty())
            territory[p] = keys.try_emplace(input.people[p].territory, static_cast<int>(keys.size())).first->second;
    }

    // Groups sorted, institution kinds, same-territory pairs (each member meets the territory-mates counted
    // before them in the group).
    std::vector<std::vector<std::vector<int>>> copy;
    if (!groupsSorted) {
        copy = rounds;
        for (auto& round : copy)
            for (auto& group : round) std::sort(group.begin(), group.end());
    }
    const std::vector<std::vector<std::vector<int>>>& sorted = groupsSorted ? rounds : copy;
    // In the same pass (every group is read once: large plans hold millions of them), where everyone is and their
    // rank in their sorted group: the pairs (a, b > a) are the rest of the group.
    const size_t R = sorted.size();
    std::vector<int> where(R * n, -1), rank(R * n, 0);
    std::vector<int> perTerritory(keys.size(), 0), territories;
    stats.minKinds = -1;
    for (size_t r = 0; r < R; ++r)
        for (size_t g = 0; g < sorted[r].size(); ++g) {
            const auto& group = sorted[r][g];
            bool kinds[kKinds] = {};
            int distinct = 0;
            territories.clear();
            for (size_t i = 0; i < group.size(); ++i) {
                const int a = group[i];
                where[r * n + a] = static_cast<int>(g);
                rank[r * n + a] = static_cast<int>(i);
                const int k = kind[a];
                if (!kinds[k]) kinds[k] = true, ++distinct;
                if (territory[a] < 0) continue;
                if (perTerritory[territory[a]] == 0) territories.push_back(territory[a]);
                stats.sameCitePairs += perTerritory[territory[a]]++;
            }
            if (stats.minKinds < 0 || distinct < stats.minKinds) stats.minKinds = distinct;
            for (int t : territories) perTerritory[t] = 0;
        }
    if (stats.minKinds < 0) stats.minKinds = 0;

    // Pairs under a rule: how often they meet.
    const auto together = [&](int a, int b) {
        int m = 0;
        for (size_t r = 0; r < R; ++r) m += where[r * n + a] >= 0 && where[r * n + a] == where[r * n + b] ? 1 : 0;
        return m;
    };
    for (int a = 0; a < n; ++a) {
        for (int b : apartOf[a])
            if (b > a) stats.keepApartBroken += together(a, b);
        for (int b : historyOf[a])
            if (b > a && together(a, b) > 0) ++stats.historyRepeats;
    }

    // Repeats and most meetings, of the pairs not kept together: by cells when that is cheaper than every pair.
    std::int64_t pairWork = 0;
    for (const auto& round : sorted)
        for (const auto& group : round) pairWork += static_cast<std::int64_t>(group.size()) * group.size() / 2;
    const std::int64_t cellWork = R <= 12 ? (std::int64_t{1} << R) * 16 * n : -1;
    if (R >= 2 && R <= 12 && cellWork < pairWork && (maxPairWork < 0 || cellWork <= maxPairWork)) {
        std::vector<std::vector<int>> components(n);
        for (int p = 0; p < n; ++p) components[uf.find(p)].push_back(p);
        countRepeatsByCells(where, static_cast<int>(R), n, components, stats);
        return stats;
    }
    // seen[b]: (a + 1) << 24 | meetings of a and b, while a is counted.
    constexpr int kShift = 24;
    constexpr std::uint64_t kCount = (std::uint64_t{1} << kShift) - 1;
    std::vector<std::uint64_t> seen(n, 0);
    std::vector<int> mates;
    if (maxPairWork >= 0 && pairWork > maxPairWork) {
        // A sample: every step-th person, all their meetings (2 × pairWork / n steps each, on average, and a
        // group to fetch from memory in every round: counted as kFetchSteps, what a cache miss costs).
        constexpr std::int64_t kFetchSteps = 8;
        const std::int64_t perPerson =
            std::max<std::int64_t>(1, 2 * pairWork / n + static_cast<std::int64_t>(R) * kFetchSteps);
        const std::int64_t sample = std::clamp<std::int64_t>(maxPairWork / perPerson, 1, n);
        const std::int64_t step = std::max<std::int64_t>(1, n / sample);
        double repeats = 0;
        std::int64_t sampled = 0;
        for (std::int64_t a = 0; a < n; a += step, ++sampled) {
            mates.clear();
            const std::uint64_t mark = (static_cast<std::uint64_t>(a) + 1) << kShift;
            for (size_t r = 0; r < R; ++r) {
                if (where[r * n + a] < 0) continue;
                for (int b : sorted[r][where[r * n + a]]) {
                    if (b == a) continue;
                    if ((seen[b] & ~kCount) != mark) seen[b] = mark, mates.push_back(b);
                    ++seen[b];
                }
            }
            for (int b : mates) {
                const int met = static_cast<int>(seen[b] & kCount);
                if (uf.find(static_cast<int>(a)) == uf.find(b)) continue;
                stats.maxMeetings = std::max(stats.maxMeetings, met);
                repeats += met - 1;
            }
        }
        // Each pair is seen from both of its people: half of the sampled people's share, scaled to everyone.
        const double estimate = repeats / 2 * static_cast<double>(n) / static_cast<double>(sampled);
        stats.repeatPairs = std::llround(estimate);
        stats.exact = false;
        return stats;
    }
    for (int a = 0; a < n; ++a) {
        mates.clear();
        const std::uint64_t mark = (static_cast<std::uint64_t>(a) + 1) << kShift;
        for (size_t r = 0; r < R; ++r) {
            if (where[r * n + a] < 0) continue;
            const auto& group = sorted[r][where[r * n + a]];
            for (size_t i = rank[r * n + a] + 1; i < group.size(); ++i) {
                const int b = group[i];
                if (b == a) continue;  // someone listed twice
                if ((seen[b] & ~kCount) != mark) seen[b] = mark, mates.push_back(b);
                ++seen[b];
            }
        }
        for (int b : mates) {
            const int met = static_cast<int>(seen[b] & kCount);
            if (met < 2 && stats.maxMeetings >= 1) continue;
            if (uf.find(a) == uf.find(b)) continue;  // kept together on purpose
            stats.maxMeetings = std::max(stats.maxMeetings, met);
            stats.repeatPairs += met - 1;
        }
    }
    return stats;
}

}  // namespace

MixerStats evaluatePlan(const MixerInput& input, const std::vector<std::vector<std::vector<int>>>& rounds) {
    return evaluateWithin(input, rounds, -1, false);
}

// [SECTION] Entry points

/// Steps of the statistics' pair count per millisecond of budget (a quarter of the budget at most goes to it).
constexpr std::int64_t kStatsWorkPerMs = 100'000;

MixerResult mixGroups(const MixerInput& input) {
    Budget budget(input);  // the time runs from here
    MixerResult result;
    Problem pb;
    result.error = prepare(input, pb, budget);
    if (!result.error.empty()) return result;
    // Kept for the plan and its statistics: each pair of a group once a round, and some steps a person.
    const std::int64_t perGroup = pb.n / pb.groups + 1;
    // The statistics count every pair within the budget (kStatsWorkPerMs), else estimate the repeats.
    const std::int64_t statsWork =
        input.timeLimitMs > 0 ? std::max<std::int64_t>(kStatsWorkPerMs * input.timeLimitMs / 4, 1 << 16) : -1;
    std::int64_t pairWork = static_cast<std::int64_t>(pb.rounds) * pb.n * (perGroup + 4) / 2;
    if (statsWork >= 0) pairWork = std::min(pairWork, statsWork);
    budget.reserve(pairWork + 64LL * pb.n);

    MixerStats searchStats;
    std::vector<int> groupOf;
    if (pb.dense) {
        Search search(pb, input, budget);
        groupOf = search.run(searchStats);
    } else {
        SparseSearch search(pb, input, budget);
        groupOf = search.run(searchStats);
    }

    ATELIER_ASSERT(groupOf.size() == static_cast<size_t>(pb.rounds) * pb.n,
                   "mixGroups: the search places everyone in every round");
    auto& rounds = result.plan.rounds;
    rounds.assign(pb.rounds, std::vector<std::vector<int>>(pb.groups));
    for (int r = 0; r < pb.rounds; ++r) {
        for (int g = 0; g < pb.groups; ++g) rounds[r][g].reserve(static_cast<size_t>(pb.capacity[g]));
        for (int p = 0; p < pb.n; ++p) {
            const int g = groupOf[r * pb.n + p];
            ATELIER_ASSERT(g >= 0 && g < pb.groups, "mixGroups: the search places everyone in one of the groups");
            rounds[r][g].push_back(p);
        }
    }
    result.plan.stats = evaluateWithin(input, rounds, statsWork, true);  // groups filled in increasing order
    result.plan.stats.iterations = searchStats.iterations;
    result.plan.stats.perfect = searchStats.perfect;
    result.plan.stats.stop = searchStats.stop;
    result.plan.stats.work = budget.work();
    result.plan.stats.elapsedMs = budget.elapsedMs();
    result.plan.stats.cpuMs = budget.cpuMs();
    if (result.plan.stats.keepApartBroken > 0) {
        for (int r = 0; r < pb.rounds; ++r)
            for (int a = 0; a < pb.n; ++a)
                for (int b : pb.apartOf[a])
                    if (groupOf[r * pb.n + a] == groupOf[r * pb.n + b]) {
                        result.error = fmt(Str::MixApartUnsolved, {input.people[a].id, input.people[b].id});
                        result.plan = {};
                        return result;
                    }
    }
    return result;
}

}  // namespace atelier
