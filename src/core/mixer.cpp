// The group mixer: rule checks, a starting plan (greedy or algebraic), then a tabu local search on swaps within
// a round, guided by learnt weights on the pairs that keep meeting again.
//
// [SECTION] Random numbers
// [SECTION] Problem: rules checked and turned into pair weights
// [SECTION] Search state with incremental cost
// [SECTION] Construction of a starting plan (greedy, algebraic)
// [SECTION] Local search
// [SECTION] Statistics
// [SECTION] Entry points
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
#include <numeric>

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

// [SECTION] Problem: rules checked and turned into pair weights

constexpr std::int64_t kApart = 100'000'000;
constexpr std::int64_t kCite = 100'000;
constexpr std::int64_t kRepeat = 1'000;
constexpr std::int64_t kHistory = 50;
constexpr std::int64_t kMix = 10;
constexpr int kKinds = 5;  // values of Institution

struct Problem {
    int n = 0, groups = 0, rounds = 0;
    std::vector<int> capacity;  // size of each group (the same in every round)
    std::vector<int> kind;      // institution of each person
    std::vector<std::int32_t> weight;  // n×n: static cost of one meeting (apart, same territory, history)
    std::vector<std::uint8_t> apart;   // n×n
    std::vector<std::uint8_t> history; // n×n
    std::vector<int> territory;        // territory number, -1 for none
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

/// Checks every rule and fills `pb`; returns a French message when the rules cannot all hold.
std::string prepare(const MixerInput& input, Problem& pb) {
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
    pb.apart.assign(static_cast<size_t>(n) * n, 0);
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
                pb.apart[a * n + b] = pb.apart[b * n + a] = 1;
            }
    }

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

    // Territories, institutions, weights.
    pb.territory.assign(n, -1);
    std::vector<std::string> keys;
    std::vector<int> perTerritory;
    for (int p = 0; p < n; ++p) {
        const std::string& key = input.people[p].territory;
        if (key.empty()) continue;
        auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            perTerritory.push_back(0);
            it = keys.end() - 1;
        }
        pb.territory[p] = static_cast<int>(it - keys.begin());
        ++perTerritory[pb.territory[p]];
    }
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

    pb.history.assign(static_cast<size_t>(n) * n, 0);
    for (const auto& [a, b] : input.history)
        if (a != b) pb.history[a * n + b] = pb.history[b * n + a] = 1;
    pb.weight.assign(static_cast<size_t>(n) * n, 0);
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            if (a == b || pb.unitOf[a] == pb.unitOf[b]) continue;
            std::int64_t w = 0;
            if (pb.apart[a * n + b]) w += kApart;
            if (pb.territory[a] >= 0 && pb.territory[a] == pb.territory[b]) w += kCite;
            if (pb.history[a * n + b]) w += kHistory;
            pb.weight[a * n + b] = static_cast<std::int32_t>(w);
        }
    return {};
}

// [SECTION] Search state with incremental cost

class State {
public:
    explicit State(const Problem& pb) : pb_(pb), n_(pb.n), G_(pb.groups) {}

    /// Rebuilds everything from `groupOf` (round-major, n per round).
    void load(const std::vector<int>& groupOf) {
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

// [SECTION] Construction of a starting plan (greedy, algebraic)

/// Above this many people left to place, groups are filled one person at a time (pairs cost O(people²) a pick).
constexpr size_t kPairPickLimit = 120;

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
std::vector<int> construct(const Problem& pb, Rng& rng, std::vector<int> groupOf = {}, int fixedRounds = 0) {
    const int n = pb.n, G = pb.groups;
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
    }
    return groupOf;
}

/// Multiplication in the field of `q` elements, q prime or a power of two up to 64 (0 when not supported).
int fieldMul(int a, int b, int q) {
    static constexpr int kPoly[] = {0, 0, 0b111, 0b1011, 0b10011, 0b100101, 0b1000011};  // irreducible, by degree
    if (q & (q - 1)) return (a * b) % q;  // prime
    const int degree = std::countr_zero(static_cast<unsigned>(q));
    int product = 0;
    for (int i = 0; i < degree; ++i)
        if (b >> i & 1) product ^= a << i;
    for (int i = 2 * degree - 2; i >= degree; --i)
        if (product >> i & 1) product ^= kPoly[degree] << (i - degree);
    return product;
}
int fieldAdd(int a, int b, int q) { return (q & (q - 1)) ? (a + b) % q : a ^ b; }
bool isPrime(int q) {
    if (q < 2) return false;
    for (int d = 2; d * d <= q; ++d)
        if (q % d == 0) return false;
    return true;
}

/// Algebraic start when every group has the same size s ≤ G, G is a prime or a power of two (≤ 64) and nobody
/// is pinned or kept with someone: people sit on a G × s grid (territory-mates in one column) and, in round
/// k < G, person (i, j) joins group i + k·j over the field of G elements — two people of different columns then
/// meet exactly once over the G rounds and people of one column never do. Later rounds are built greedily.
/// Returns an empty vector when it does not apply.
std::vector<int> constructAffine(const Problem& pb, Rng& rng) {
    const int n = pb.n, G = pb.groups;
    if (n % G != 0 || pb.units.size() != static_cast<size_t>(n)) return {};
    for (int pin : pb.unitPin)
        if (pin >= 0) return {};
    const int s = n / G;
    const bool powerOfTwo = (G & (G - 1)) == 0 && G >= 4 && G <= 64;
    if (s > G || s < 2 || !(isPrime(G) || powerOfTwo)) return {};
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
        for (int k = 0; k < fixed; ++k) groupOf[k * n + p] = fieldAdd(i, fieldMul(k, j, G), G);
    }
    return construct(pb, rng, std::move(groupOf), fixed);
}

/// Known plans without a repeat, for rosters the local search alone finds hard, seats numbered 0..n-1.
/// - 21 in 7 threes, 10 rounds: a Kirkman triple system of order 21 (every pair meets exactly once), built
///   1-rotationally on Z7 × {0, 1, 2} (seat j·7 + x): three rounds are the orbits of the transversal triples
///   {0₀ 0₁ 0₂}, {0₀ 1₁ 2₂}, {0₀ 2₁ 5₂}, the seven others the translates of one base round.
/// - 18 in 6 threes, 8 rounds: a nearly Kirkman plan (each person meets 16 of the 17 others once) found by this
///   mixer's own search (seed 1, 3 s) and kept, since the search reaches it on most seeds but not all in 2 s.
/// tests/core/mixer_test.cpp checks both (every pair at most once).
constexpr unsigned char kKirkman21[10][21] = {
    {0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6},
    {0, 1, 2, 3, 4, 5, 6, 6, 0, 1, 2, 3, 4, 5, 5, 6, 0, 1, 2, 3, 4},
    {0, 1, 2, 3, 4, 5, 6, 5, 6, 0, 1, 2, 3, 4, 2, 3, 4, 5, 6, 0, 1},
    {0, 0, 1, 0, 3, 4, 2, 1, 3, 2, 6, 4, 6, 6, 2, 4, 5, 3, 5, 5, 1},
    {2, 0, 0, 1, 0, 3, 4, 6, 1, 3, 2, 6, 4, 6, 1, 2, 4, 5, 3, 5, 5},
    {4, 2, 0, 0, 1, 0, 3, 6, 6, 1, 3, 2, 6, 4, 5, 1, 2, 4, 5, 3, 5},
    {3, 4, 2, 0, 0, 1, 0, 4, 6, 6, 1, 3, 2, 6, 5, 5, 1, 2, 4, 5, 3},
    {0, 3, 4, 2, 0, 0, 1, 6, 4, 6, 6, 1, 3, 2, 3, 5, 5, 1, 2, 4, 5},
    {1, 0, 3, 4, 2, 0, 0, 2, 6, 4, 6, 6, 1, 3, 5, 3, 5, 5, 1, 2, 4},
    {0, 1, 0, 3, 4, 2, 0, 3, 2, 6, 4, 6, 6, 1, 4, 5, 3, 5, 5, 1, 2},
};
constexpr unsigned char kEighteenInSixes[8][18] = {
    {5, 4, 0, 3, 4, 4, 5, 1, 2, 0, 2, 3, 5, 0, 1, 1, 2, 3},
    {0, 0, 0, 5, 1, 4, 3, 3, 2, 3, 4, 1, 5, 2, 1, 2, 5, 4},
    {2, 1, 5, 4, 0, 3, 0, 5, 0, 2, 4, 3, 5, 1, 4, 3, 1, 2},
    {1, 3, 0, 2, 5, 4, 2, 3, 0, 5, 5, 0, 4, 4, 1, 2, 1, 3},
    {1, 2, 3, 4, 0, 3, 5, 1, 4, 4, 1, 5, 2, 0, 3, 2, 5, 0},
    {3, 0, 2, 3, 4, 3, 5, 4, 1, 0, 2, 0, 1, 5, 5, 2, 4, 1},
    {1, 3, 5, 5, 5, 4, 3, 4, 4, 2, 3, 1, 2, 1, 2, 0, 0, 0},
    {3, 1, 2, 5, 3, 0, 2, 5, 1, 0, 4, 4, 4, 5, 1, 3, 0, 2},
};

struct KnownPlan {
    int people, groups, rounds;
    const unsigned char* groupOf;  // rounds × people
};
constexpr KnownPlan kKnownPlans[] = {
    {21, 7, 10, &kKirkman21[0][0]},
    {18, 6, 8, &kEighteenInSixes[0][0]},
};

/// Start from a known plan when the roster has its shape (people, groups) and nobody is pinned or kept with
/// someone; seats are shuffled (the search then deals with territories), later rounds built greedily. Returns
/// an empty vector when no known plan applies.
std::vector<int> constructKnown(const Problem& pb, Rng& rng) {
    const int n = pb.n;
    if (pb.units.size() != static_cast<size_t>(n)) return {};
    for (int pin : pb.unitPin)
        if (pin >= 0) return {};
    for (const KnownPlan& known : kKnownPlans) {
        if (known.people != n || known.groups != pb.groups) continue;
        std::vector<int> seat(n);
        std::iota(seat.begin(), seat.end(), 0);
        rng.shuffle(seat);
        std::vector<int> groupOf(static_cast<size_t>(pb.rounds) * n, -1);
        const int fixed = std::min(pb.rounds, known.rounds);
        for (int k = 0; k < fixed; ++k)
            for (int p = 0; p < n; ++p) groupOf[k * n + p] = known.groupOf[k * n + seat[p]];
        return construct(pb, rng, std::move(groupOf), fixed);
    }
    return {};
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
    Search(const Problem& pb, const MixerInput& input)
        : pb_(pb), input_(input), rng_(input.seed), state_(pb),
          tabu_(static_cast<size_t>(pb.rounds) * pb.n * pb.n, 0) {
        for (size_t u = 0; u < pb.units.size(); ++u)
            if (pb.unitPin[u] < 0 && pb.units[u].size() == 1) movable_.push_back(pb.units[u][0]);
        swappable_.assign(pb.n, 0);
        for (int p : movable_) swappable_[p] = 1;
    }

    /// Runs until a perfect plan, the iteration cap or the time budget; returns the best assignment found.
    std::vector<int> run(MixerStats& stats) {
        const auto started = std::chrono::steady_clock::now();
        const auto elapsedMs = [&] {
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        };
        state_.load(freshStart());
        best_ = run_ = state_.assignment();
        bestCost_ = runCost_ = state_.trueCost();
        std::int64_t iter = 0, stall = 0;
        int perturbations = 0;
        bool freeUnit = false;
        for (size_t u = 0; u < pb_.units.size(); ++u) freeUnit = freeUnit || pb_.unitPin[u] < 0;
        const bool canMove = movable_.size() >= 2 || (freeUnit && !movable_.empty());
        while (bestCost_ > 0 && canMove) {
            if (input_.maxIterations > 0 && iter >= input_.maxIterations) break;
            if (input_.timeLimitMs > 0 && (iter & 63) == 0 && elapsedMs() >= input_.timeLimitMs) break;
            ++iter;
            if (!step(iter)) stall = kStallLimit;  // everything tabu: shake
            if (state_.trueCost() < bestCost_) {
                bestCost_ = state_.trueCost();
                best_ = state_.assignment();
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
                    state_.load(freshStart());
                    run_ = state_.assignment();
                    runCost_ = state_.trueCost();
                } else {
                    state_.load(run_);
                    perturb();
                }
                std::fill(tabu_.begin(), tabu_.end(), 0);
            }
        }
        stats.iterations = iter;
        stats.elapsedMs = elapsedMs();
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

    /// A new starting plan: the algebraic one when it applies (every other start), else the greedy one.
    std::vector<int> freshStart() {
        if (input_.algebraicStart && starts_++ % 2 == 0) {
            std::vector<int> known = constructKnown(pb_, rng_);  // e.g. ten rounds of 21 where the affine plan has seven
            if (!known.empty()) return known;
            std::vector<int> affine = constructAffine(pb_, rng_);
            if (!affine.empty()) return affine;
        }
        return construct(pb_, rng_);
    }

    /// One move: the best non-tabu swap of a conflicting person (a tabu one when it beats the best plan).
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
            }
        if (ties == 0) return false;
        if (bestDelta >= 0) state_.bumpRepeatWeights();  // a local minimum
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
    Rng rng_;
    State state_;
    std::vector<std::int64_t> tabu_;  // per (round, pair): iteration until which swapping the pair is tabu
    std::vector<int> movable_;        // free people not kept together with anyone
    std::vector<std::uint8_t> swappable_;
    std::vector<int> best_, run_;     // best plan, and best since the last restart (perturbations start there)
    std::int64_t bestCost_ = 0, runCost_ = 0;
    int starts_ = 0;
};

}  // namespace

// [SECTION] Statistics

MixerStats evaluatePlan(const MixerInput& input, const std::vector<std::vector<std::vector<int>>>& rounds) {
    MixerStats stats;
    const int n = static_cast<int>(input.people.size());
    if (n == 0) return stats;
    UnionFind uf(n);
    for (const auto& [a, b] : input.keepTogether)
        if (a >= 0 && a < n && b >= 0 && b < n) uf.join(a, b);
    std::vector<std::uint8_t> apart(static_cast<size_t>(n) * n, 0), history(static_cast<size_t>(n) * n, 0);
    for (const auto& set : input.keepApart)
        for (int a : set)
            for (int b : set)
                if (a != b && a >= 0 && a < n && b >= 0 && b < n) apart[a * n + b] = 1;
    for (const auto& [a, b] : input.history)
        if (a >= 0 && a < n && b >= 0 && b < n) history[a * n + b] = history[b * n + a] = 1;
    std::vector<int> meet(static_cast<size_t>(n) * n, 0);
    stats.minKinds = -1;
    for (const auto& round : rounds)
        for (const auto& group : round) {
            bool kinds[kKinds] = {};
            int distinct = 0;
            for (size_t i = 0; i < group.size(); ++i) {
                const int a = group[i];
                const int k = static_cast<int>(input.people[a].institution);
                if (!kinds[k]) kinds[k] = true, ++distinct;
                for (size_t j = i + 1; j < group.size(); ++j) {
                    const int b = group[j];
                    ++meet[a * n + b];
                    const std::string& ta = input.people[a].territory;
                    if (!ta.empty() && ta == input.people[b].territory) ++stats.sameCitePairs;
                    if (apart[a * n + b]) ++stats.keepApartBroken;
                }
            }
            if (stats.minKinds < 0 || distinct < stats.minKinds) stats.minKinds = distinct;
        }
    if (stats.minKinds < 0) stats.minKinds = 0;
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b) {
            const int m = meet[a * n + b] + meet[b * n + a];
            if (m == 0) continue;
            if (history[a * n + b]) ++stats.historyRepeats;
            if (uf.find(a) == uf.find(b)) continue;  // kept together on purpose
            stats.maxMeetings = std::max(stats.maxMeetings, m);
            stats.repeatPairs += m - 1;
        }
    return stats;
}

// [SECTION] Entry points

MixerResult mixGroups(const MixerInput& input) {
    MixerResult result;
    Problem pb;
    result.error = prepare(input, pb);
    if (!result.error.empty()) return result;

    Search search(pb, input);
    MixerStats searchStats;
    const std::vector<int> groupOf = search.run(searchStats);

    auto& rounds = result.plan.rounds;
    rounds.assign(pb.rounds, std::vector<std::vector<int>>(pb.groups));
    for (int r = 0; r < pb.rounds; ++r)
        for (int p = 0; p < pb.n; ++p) rounds[r][groupOf[r * pb.n + p]].push_back(p);
    result.plan.stats = evaluatePlan(input, rounds);
    result.plan.stats.iterations = searchStats.iterations;
    result.plan.stats.elapsedMs = searchStats.elapsedMs;
    result.plan.stats.perfect = searchStats.perfect;
    if (result.plan.stats.keepApartBroken > 0) {
        for (const auto& round : rounds)
            for (const auto& group : round)
                for (int a : group)
                    for (int b : group)
                        if (a != b && pb.apart[a * pb.n + b]) {
                            result.error = fmt(Str::MixApartUnsolved, {input.people[a].id, input.people[b].id});
                            result.plan = {};
                            return result;
                        }
    }
    return result;
}

}  // namespace atelier
