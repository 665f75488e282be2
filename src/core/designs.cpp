// Plans without a repeated pair from design theory (see designs.h).
//
// [SECTION] Finite fields
// [SECTION] Affine spaces: parallel classes of lines
// [SECTION] Difference method: a base round developed over Z_M
// [SECTION] Difference method with invariant base rounds (stabilisedCyclicPlan)
//
// The difference method. Points are (x, i) for x in Z_L(i), row i of length L(i) dividing M (L = M: a full row,
// L = 1: a fixed point ∞). The shift by t moves (x, i) to (x + t mod L(i), i). A pair of a base round stands for
// the pairs of its orbit under the shifts; two pairs share an orbit (a « class ») exactly when one is a shift of
// the other. For full rows these are the classic difference classes:
//   (x, i) (y, i)   pure, ±(y − x) in row i (the half difference M/2 maps onto itself: never allowed);
//   (x, i) (y, j)   mixed, i < j, y − x;
//   ∞_k (x, i)      ∞_k with row i (∞_k then meets the whole row over M rounds);
//   ∞_k ∞_l         never allowed (the pair would meet in every round).
// A pair whose orbit is shorter than M would meet twice in M rounds: never allowed. So the developed rounds are
// without a repeat when every class is used at most once over the base rounds, and any `rounds` of them are. The
// base rounds are found by a tabu search on swaps that counts classes used twice, with weights learnt at local
// minima (the search space is one to three rounds, not all of them: milliseconds for 7-4-9 or 5-3-7). The shapes
// are those whose classes are enough for the pairs of the base rounds, the roomiest first.
//
// Invariant base rounds (stabilisedCyclicPlan). Rows Z_M × {i} only (no fixed point). A base round may be invariant
// under the subgroup of shifts by multiples of M/d: its blocks come d at a time (a base block and its shifts by
// M/d, disjoint), and it is developed by the shifts 0 .. M/d − 1 only, giving M/d rounds. A pair of a base block
// then stands for its whole orbit exactly once when the orbit has M pairs (shorter orbits are never used), so the
// rounds hold no repeat when every orbit is used by at most one pair of the base blocks. Each way of writing the
// rounds as a sum of M/d's with two or three base rounds is searched exhaustively (candidates: every block of
// `size` seats whose d shifts are disjoint and whose pairs use distinct full orbits; depth first, lowest free seat
// first), with caps of steps that double. 8-4-10 has base rounds for M = 8 on four rows with d = 4, 2, 2 (2 + 4 +
// 4 rounds; the 16 pairs left out are the half differences 4 of the rows); they are found in about 290 million
// steps.
//
// 8-4-10 (issue 32) is out of reach of the full development: its two shapes with one base round over Z_10 (three
// rows and two fixed points, or three rows and a row of 2) have no base round at all (an exhaustive search with the
// rows' shifts as symmetry, 2026-12-07), and its third (two base rounds over Z_5, six rows, two fixed points) has
// none that the search finds in minutes. Nor do 7 of its rounds come from lines of AG(5,2) (exhaustive for 20
// partial spreads), and 8 cannot (the rest would be a resolvable 4-GDD of type 2^4). Also without an answer
// (exhaustive searches outside the code, 2026-12-08): Z_15 on two rows of 15 and two fixed points, two base rounds
// invariant under the shift by 5 and developed by the shifts by 3; Z_16 on two rows with invariant base rounds of
// d = 8, 2 or 8, 4, 4 or 8, 8, 8, 4 or five of d = 8; Z_2^4 on two rows of 16 with every round invariant
// (impossible: the eight rounds of mixed blocks {a, a+h} × {b, b+h} need distinct h that add up to 0, as they pair
// off the whole group, and to the difference left out of the rows, which is not 0). Invariant base rounds over Z_8
// on four rows give it (above).

#include "core/designs.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "core/assert.h"

namespace atelier::designs {

namespace {

// [SECTION] Finite fields

bool isPrime(int q) {
    if (q < 2) return false;
    for (int d = 2; d * d <= q; ++d)
        if (q % d == 0) return false;
    return true;
}
bool isPowerOfTwo(int q) { return q >= 2 && q <= 64 && (q & (q - 1)) == 0; }

}  // namespace

bool fieldSupported(int q) { return isPrime(q) || isPowerOfTwo(q); }

int fieldMul(int a, int b, int q) {
    ATELIER_ASSERT(fieldSupported(q) && a >= 0 && a < q && b >= 0 && b < q,
                   "fieldMul: two elements of the field (a prime, or a power of two up to 64)");
    static constexpr int kPoly[] = {0, 0b11, 0b111, 0b1011, 0b10011, 0b100101, 0b1000011};  // irreducible, by degree
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
int fieldSub(int a, int b, int q) { return (q & (q - 1)) ? (a - b + q) % q : a ^ b; }

// [SECTION] Affine spaces: parallel classes of lines

std::vector<int> affineLines(int groups, int size, int rounds) {
    const int q = size;
    if (q < 2 || groups < 1 || rounds < 1 || !fieldSupported(q)) return {};
    // groups = q^(d-1)
    int d = 1;
    for (std::int64_t g = 1; g < groups; g *= q) ++d;
    std::int64_t power = 1;
    for (int i = 1; i < d; ++i) power *= q;
    if (power != groups) return {};
    const int n = groups * q;
    std::int64_t classes = 0;  // (q^d − 1)/(q − 1) directions
    for (std::int64_t p = 1, i = 0; i < d; ++i, p *= q) classes += p;
    if (rounds > classes) return {};

    // Points as d digits base q (digit 0 first); a direction is a point whose first nonzero digit is 1.
    std::vector<int> digits(static_cast<size_t>(n) * d);
    for (int p = 0; p < n; ++p)
        for (int i = 0, v = p; i < d; ++i, v /= q) digits[static_cast<size_t>(p) * d + i] = v % q;
    std::vector<int> plan(static_cast<size_t>(rounds) * n, -1);
    int round = 0;
    for (int v = 1; v < n && round < rounds; ++v) {
        const int* dir = &digits[static_cast<size_t>(v) * d];
        int lead = 0;
        while (dir[lead] == 0) ++lead;
        if (dir[lead] != 1) continue;
        // A line of this direction holds one point whose digit `lead` is 0: its other digits name the group.
        for (int p = 0; p < n; ++p) {
            const int* at = &digits[static_cast<size_t>(p) * d];
            const int lambda = at[lead];
            int label = 0;
            for (int i = d - 1; i >= 0; --i) {
                if (i == lead) continue;
                label = label * q + fieldSub(at[i], fieldMul(lambda, dir[i], q), q);
            }
            plan[static_cast<size_t>(round) * n + p] = label;
        }
        ++round;
    }
    ATELIER_ASSERT(round == rounds, "affineLines: as many parallel classes as counted");
    return plan;
}

// [SECTION] Difference method: a base round developed over Z_M

namespace {

/// splitmix64: the search's own small generator (the mixer's seed goes through it).
class Random {
public:
    explicit Random(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

private:
    std::uint64_t s_;
};
/// Points of the development: rows of lengths dividing M, a shift t moving (x, i) to (x + t mod length, i).
struct Shape {
    int M = 0, bases = 1;      // bases: base rounds, each developed over Z_M
    std::vector<int> lengths;  // row lengths, each dividing M (1: a fixed point)
    std::int64_t slack = 0;    // classes left over once the pairs of the base rounds are placed
};

/// Seat of the point at x + t of the row of seat p.
struct Rows {
    std::vector<int> rowOf, xOf, first, lengths;
    explicit Rows(const Shape& sh) : lengths(sh.lengths) {
        for (size_t i = 0; i < lengths.size(); ++i) {
            first.push_back(static_cast<int>(rowOf.size()));
            for (int x = 0; x < lengths[i]; ++x) rowOf.push_back(static_cast<int>(i)), xOf.push_back(x);
        }
    }
    int size() const { return static_cast<int>(rowOf.size()); }
    int shift(int p, int t) const {
        const int L = lengths[rowOf[p]];
        return first[rowOf[p]] + ((xOf[p] + t) % L + L) % L;
    }
};

/// The orbits of pairs under the shifts: the class of every pair (n × n), -1 for the pairs whose orbit is shorter
/// than M (they would meet twice in M rounds) and for a point with itself. Returns the number of classes.
int pairClasses(const Shape& sh, std::vector<int>& cls) {
    const Rows rows(sh);
    const int n = rows.size(), M = sh.M;
    cls.assign(static_cast<size_t>(n) * n, -2);  // -2: not yet seen
    int classes = 0;
    for (int a = 0; a < n; ++a) {
        cls[static_cast<size_t>(a) * n + a] = -1;
        for (int b = a + 1; b < n; ++b) {
            if (cls[static_cast<size_t>(a) * n + b] != -2) continue;
            bool selfMapped = false;  // a shift that maps the pair onto itself
            for (int t = 1; t < M && !selfMapped; ++t) {
                const int a2 = rows.shift(a, t), b2 = rows.shift(b, t);
                selfMapped = (a2 == a && b2 == b) || (a2 == b && b2 == a);
            }
            const int id = selfMapped ? -1 : classes++;
            for (int t = 0; t < M; ++t) {
                const int a2 = rows.shift(a, t), b2 = rows.shift(b, t);
                cls[static_cast<size_t>(a2) * n + b2] = cls[static_cast<size_t>(b2) * n + a2] = id;
            }
        }
    }
    return classes;
}

/// The shapes whose classes can hold the pairs of the base rounds, bases × M ≥ rounds (M at most 2 above the
/// least): full rows of M and one kind of short rows (fixed points, or rows of a divisor of M), at most a group's
/// worth of them. The roomiest first (a tight shape is harder to search), then the fewest base rounds.
std::vector<Shape> shapes(int groups, int size, int rounds) {
    std::vector<Shape> out;
    const int n = groups * size;
    const std::int64_t pairsPerRound = std::int64_t{groups} * size * (size - 1) / 2;
    std::vector<int> cls;
    for (int bases = 1; bases <= 3 && bases < rounds; ++bases) {
        const int least = (rounds + bases - 1) / bases;
        for (int M = std::max(least, 3); M <= n && M <= least + 2; ++M)
            for (int L = 1; L < M; ++L) {
                if (M % L != 0) continue;
                for (int h = L == 1 ? 0 : 1; h <= groups && h * L <= n; ++h) {
                    if ((n - h * L) % M != 0) continue;
                    Shape sh{M, bases, {}, 0};
                    sh.lengths.assign(static_cast<size_t>((n - h * L) / M), M);
                    sh.lengths.insert(sh.lengths.end(), static_cast<size_t>(h), L);
                    const std::int64_t available = pairClasses(sh, cls);
                    if (bases * pairsPerRound <= available) {
                        sh.slack = available - bases * pairsPerRound;
                        out.push_back(std::move(sh));
                    }
                }
            }
    }
    std::stable_sort(out.begin(), out.end(), [](const Shape& a, const Shape& b) { return a.slack > b.slack; });
    return out;
}

constexpr int kTabuMin = 2, kTabuSpan = 8;

/// Tabu search for the base rounds of one shape, resumable: run() goes on where the last call stopped. Tabu on
/// the points of a base round; at a local minimum the classes in excess weigh more (the search learns the classes
/// it keeps falling into), so that it leaves plateaus without restarts.
class BaseSearch {
public:
    BaseSearch(const Shape& sh, int groups, int size, std::uint64_t seed)
        : groups_(groups), size_(size), bases_(sh.bases), n_(groups * size), rng_(seed) {
        forbidden_ = pairClasses(sh, cls_);
        for (int& c : cls_)
            if (c < 0) c = forbidden_;
        ATELIER_ASSERT(cls_.size() == static_cast<size_t>(n_) * n_, "BaseSearch: the shape seats everyone");
        count_.assign(forbidden_ + 1, 0);
        weight_.assign(forbidden_ + 1, 1);
        groupOf_.assign(static_cast<size_t>(bases_) * n_, -1);
        members_.assign(static_cast<size_t>(bases_) * groups_, {});
        tabu_.assign(groupOf_.size(), 0);
        for (int r = 0; r < bases_; ++r) {  // a random start
            std::vector<int> order(n_);
            std::iota(order.begin(), order.end(), 0);
            for (int i = n_ - 1; i > 0; --i) std::swap(order[i], order[rng_.below(i + 1)]);
            for (int i = 0; i < n_; ++i) {
                groupOf_[at(r, order[i])] = i / size_;
                in(r, i / size_).push_back(order[i]);
            }
            for (int g = 0; g < groups_; ++g) {
                const auto& m = in(r, g);
                for (size_t i = 0; i < m.size(); ++i)
                    for (size_t j = i + 1; j < m.size(); ++j) add(classOf(m[i], m[j]));
            }
        }
        best_ = guide_;
    }

    /// Searches for at most `steps` steps (or until `spend` says the time is up); true once the base rounds are
    /// found (then base() holds them).
    bool run(std::int64_t steps, const Spend& spend) {
        std::int64_t done = 0;
        while (cost_ > 0) {
            if (done >= steps) return false;
            ++iter_;
            std::int64_t bestDelta = 0, work = n_;
            int pickR = -1, pickA = -1, pickB = -1, ties = 0;
            for (int r = 0; r < bases_; ++r)
                for (int a = 0; a < n_; ++a) {
                    if (!conflicted(r, a)) continue;
                    const bool tabuA = tabu_[at(r, a)] > iter_;
                    for (int b = 0; b < n_; ++b) {
                        if (group(r, b) == group(r, a)) continue;
                        const std::int64_t before = guide_;
                        swapPoints(r, a, b);
                        const std::int64_t delta = guide_ - before;
                        swapPoints(r, a, b);
                        work += 8LL * size_;
                        if ((tabuA || tabu_[at(r, b)] > iter_) && before + delta >= best_) continue;
                        if (ties == 0 || delta < bestDelta) {
                            bestDelta = delta, pickR = r, pickA = a, pickB = b, ties = 1;
                        } else if (delta == bestDelta && rng_.below(++ties) == 0) {
                            pickR = r, pickA = a, pickB = b;
                        }
                    }
                }
            done += work;
            if (spend(work)) return false;
            if (pickA < 0) {  // everything tabu: forget
                std::fill(tabu_.begin(), tabu_.end(), 0);
                continue;
            }
            if (bestDelta >= 0) {
                for (size_t c = 0; c < count_.size(); ++c)
                    if (count_[c] > limit(static_cast<int>(c))) {
                        ++weight_[c];
                        guide_ += count_[c] - limit(static_cast<int>(c));
                    }
                best_ = guide_;
                done += static_cast<std::int64_t>(count_.size());
            }
            swapPoints(pickR, pickA, pickB);
            tabu_[at(pickR, pickA)] = iter_ + kTabuMin + rng_.below(kTabuSpan);
            tabu_[at(pickR, pickB)] = iter_ + kTabuMin + rng_.below(kTabuSpan);
            best_ = std::min(best_, guide_);
        }
        return true;
    }
    /// The group of each point in each base round (bases × n).
    const std::vector<int>& base() const { return groupOf_; }

private:
    size_t at(int r, int p) const { return static_cast<size_t>(r) * n_ + p; }
    int group(int r, int p) const { return groupOf_[at(r, p)]; }
    std::vector<int>& in(int r, int g) { return members_[static_cast<size_t>(r) * groups_ + g]; }
    int classOf(int a, int b) const { return cls_[static_cast<size_t>(a) * n_ + b]; }
    int limit(int c) const { return c == forbidden_ ? 0 : 1; }
    void add(int c) {
        if (++count_[c] > limit(c)) ++cost_, guide_ += weight_[c];
    }
    void remove(int c) {
        if (count_[c]-- > limit(c)) --cost_, guide_ -= weight_[c];
    }
    /// The pairs of p with the other members of group g of base round r, into or out of the counts.
    void pairs(int r, int p, int g, bool into) {
        for (int x : in(r, g))
            if (x != p) into ? add(classOf(p, x)) : remove(classOf(p, x));
    }
    void swapPoints(int r, int a, int b) {
        const int A = group(r, a), B = group(r, b);
        pairs(r, a, A, false), pairs(r, b, B, false);
        *std::find(in(r, A).begin(), in(r, A).end(), a) = b;
        *std::find(in(r, B).begin(), in(r, B).end(), b) = a;
        groupOf_[at(r, a)] = B, groupOf_[at(r, b)] = A;
        pairs(r, a, B, true), pairs(r, b, A, true);
    }
    bool conflicted(int r, int p) {
        for (int x : in(r, group(r, p)))
            if (x != p && count_[classOf(p, x)] > limit(classOf(p, x))) return true;
        return false;
    }

    int groups_, size_, bases_, n_, forbidden_ = 0;
    Random rng_;
    std::vector<int> cls_, count_, groupOf_;
    std::vector<std::vector<int>> members_;
    std::vector<std::int64_t> weight_, tabu_;
    // cost: classes used beyond their limit; guide: the same, weighted; best: the least guide since the weights
    // last grew (a tabu swap that beats it is allowed).
    std::int64_t cost_ = 0, guide_ = 0, best_ = 0, iter_ = 0;
};

}  // namespace

std::vector<int> cyclicPlan(int groups, int size, int rounds, std::uint64_t seed, const Spend& spend,
                            std::int64_t maxSteps) {
    if (groups < 2 || size < 2 || rounds < 2) return {};
    const std::vector<Shape> tries = shapes(groups, size, rounds);
    if (tries.empty()) return {};
    const int n = groups * size;
    // Every shape in turn for a slice of the steps, the slices doubling: a shape that has no base rounds does not
    // keep the others waiting, and each search goes on where it stopped.
    std::vector<BaseSearch> searches;
    Random seeds(seed);
    std::int64_t used = 0;
    std::int64_t slice = std::max<std::int64_t>(maxSteps / (static_cast<std::int64_t>(tries.size()) * 64), 1);
    bool timeUp = false;
    const Spend counted = [&](std::int64_t work) {
        used += work;
        timeUp = timeUp || spend(work);
        return timeUp || used > maxSteps;
    };
    const Shape* found = nullptr;
    const BaseSearch* solved = nullptr;
    while (!found && !timeUp && used < maxSteps) {
        for (size_t i = 0; i < tries.size() && !found && !timeUp && used < maxSteps; ++i) {
            if (searches.size() <= i) {
                searches.emplace_back(tries[i], groups, size, seeds.next());
                used += static_cast<std::int64_t>(n) * n;  // the classes of the shape
            }
            if (searches[i].run(std::min(slice, maxSteps - used), counted)) found = &tries[i], solved = &searches[i];
        }
        slice *= 2;
    }
    if (!found) return {};
    // Round b·M + t: base round b shifted by t (the point now at p was at p shifted by −t).
    const Shape& sh = *found;
    const std::vector<int>& base = solved->base();
    const Rows rows(sh);
    std::vector<int> plan(static_cast<size_t>(rounds) * n);
    for (int round = 0; round < rounds; ++round) {
        const int b = round / sh.M, t = round % sh.M;
        for (int p = 0; p < n; ++p)
            plan[static_cast<size_t>(round) * n + p] = base[static_cast<size_t>(b) * n + rows.shift(p, -t)];
    }
    spend(static_cast<std::int64_t>(rounds) * n);
    return plan;
}

// [SECTION] Difference method with invariant base rounds (stabilisedCyclicPlan)

namespace {

/// One way of building the rounds: for each base round, d (its blocks come d at a time; it gives M/d rounds).
using Split = std::vector<int>;

/// Every multiset of divisors d of M (d ≥ 1) with Σ M/d = rounds, larger d first in each, fewer base rounds first.
std::vector<Split> splits(int M, int rounds) {
    std::vector<int> parts;  // M/d, decreasing
    for (int d = 1; d <= M; ++d)
        if (M % d == 0 && M / d <= rounds) parts.push_back(M / d);
    std::vector<Split> out;
    Split current;
    const auto grow = [&](auto&& self, size_t from, int left) -> void {
        if (left == 0) {
            Split s;
            for (int part : current) s.push_back(M / part);
            std::sort(s.begin(), s.end(), std::greater<>());
            out.push_back(s);
            return;
        }
        if (out.size() >= 256) return;
        for (size_t i = from; i < parts.size(); ++i)
            if (parts[i] <= left) {
                current.push_back(parts[i]);
                self(self, i, left - parts[i]);
                current.pop_back();
            }
    };
    grow(grow, 0, rounds);
    std::stable_sort(out.begin(), out.end(), [](const Split& a, const Split& b) { return a.size() < b.size(); });
    return out;
}

/// The exhaustive search of one M: candidates per d (a base block whose d shifts by M/d are disjoint, whose pairs
/// lie in distinct orbits of size M), then the base rounds of a split, depth first.
class InvariantSearch {
public:
    InvariantSearch(int M, int n, int size) : M_(n > 0 ? M : 1), n_(n), size_(size) {
        // Pair orbits under the shift by 1 (rows of M seats): an id, and whether the orbit has all M pairs.
        orbit_.assign(static_cast<size_t>(n) * n, -1);
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b) {
                if (orbit_[static_cast<size_t>(a) * n + b] >= 0) continue;
                int x = a, y = b, count = 0;
                do {
                    orbit_[static_cast<size_t>(x) * n + y] = orbit_[static_cast<size_t>(y) * n + x] = orbits_;
                    ++count;
                    x = shift(x, 1), y = shift(y, 1);
                } while (!((x == a && y == b) || (x == b && y == a)));
                full_.push_back(count == M_ ? 1 : 0);
                ++orbits_;
            }
        words_ = (static_cast<size_t>(orbits_) + 63) / 64;
    }

    int shift(int p, int t) const { return p / M_ * M_ + (p % M_ + t) % M_; }

    /// Builds the candidates of d once (C(n, size) blocks); false when the time is up.
    bool prepare(int d, const Spend& spend) {
        if (cands_.count(d)) return true;
        Cands& c = cands_[d];
        c.byLowest.assign(n_, {});
        std::vector<int> block(size_);
        std::iota(block.begin(), block.end(), 0);
        std::vector<std::uint64_t> used(words_);
        const int step = M_ / d;
        for (;;) {
            // This block: d disjoint shifts, pairs in distinct full orbits.
            std::uint64_t mask = 0;
            bool ok = true;
            for (int k = 0; k < d && ok; ++k)
                for (int p : block) {
                    const std::uint64_t bit = std::uint64_t{1} << shift(p, k * step);
                    ok = ok && !(mask & bit);
                    mask |= bit;
                }
            std::fill(used.begin(), used.end(), 0);
            for (int i = 0; i < size_ && ok; ++i)
                for (int j = i + 1; j < size_ && ok; ++j) {
                    const int o = orbit_[static_cast<size_t>(block[i]) * n_ + block[j]];
                    ok = full_[o] && !(used[o / 64] >> (o % 64) & 1);
                    used[o / 64] |= std::uint64_t{1} << (o % 64);
                }
            // A block and its shifts by M/d stand for the same seats and orbits: one of them is enough.
            if (ok) ok = c.seen.insert({mask, used}).second;
            if (ok) {
                c.byLowest[std::countr_zero(mask)].push_back(static_cast<int>(c.mask.size()));
                c.mask.push_back(mask);
                c.orbits.insert(c.orbits.end(), used.begin(), used.end());
                c.first.push_back(block[0]);
                c.blocks.insert(c.blocks.end(), block.begin(), block.end());
            }
            if (spend(size_ * size_ + d * size_)) return false;
            // Next block in lexicographic order.
            int i = size_ - 1;
            while (i >= 0 && block[i] == n_ - size_ + i) --i;
            if (i < 0) break;
            ++block[i];
            for (int j = i + 1; j < size_; ++j) block[j] = block[j - 1] + 1;
        }
        return true;
    }

    /// Searches the base rounds of `split` within `cap` steps: the chosen candidates, or empty.
    /// `cut`: the cap ended the search (without it, an empty answer means the split has no base rounds).
    std::vector<std::pair<int, int>> run(const Split& split, std::int64_t cap, const Spend& spend, bool& timeUp,
                                         bool& cut) {
        split_ = split, steps_ = 0, cap_ = cap, spend_ = &spend, timeUp_ = false;
        chosen_.clear();
        std::vector<std::uint64_t> used(words_, 0);
        const bool found = dfs(0, 0, used);
        timeUp = timeUp_;
        cut = !found && steps_ > cap_;
        return found ? chosen_ : std::vector<std::pair<int, int>>{};
    }

    const std::vector<int>& blocks(int d) const { return cands_.at(d).blocks; }
    std::uint64_t mask(int d, int i) const { return cands_.at(d).mask[static_cast<size_t>(i)]; }

private:
    struct Cands {
        std::vector<std::uint64_t> mask;    // seats of the block and its shifts
        std::vector<std::uint64_t> orbits;  // words_ per candidate: the pair orbits it uses
        std::vector<int> first, blocks;     // size_ seats per candidate
        std::vector<std::vector<int>> byLowest;  // candidates by their lowest seat
        std::set<std::pair<std::uint64_t, std::vector<std::uint64_t>>> seen;  // (seats, orbits) already listed
    };

    bool dfs(size_t round, std::uint64_t covered, std::vector<std::uint64_t>& used) {
        const std::uint64_t all = n_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n_) - 1;
        if (covered == all) {
            if (round + 1 == split_.size()) return true;
            return dfs(round + 1, 0, used);
        }
        const int d = split_[round];
        const Cands& c = cands_.at(d);
        const int lowest = std::countr_zero(~covered);
        const auto& list = c.byLowest[static_cast<size_t>(lowest)];
        steps_ += static_cast<std::int64_t>(list.size()) + 1;
        if (steps_ > cap_ || (*spend_)(static_cast<std::int64_t>(list.size()) + 1)) {
            timeUp_ = timeUp_ || steps_ <= cap_;
            return false;
        }
        for (int i : list) {
            if (c.mask[static_cast<size_t>(i)] & covered) continue;
            const std::uint64_t* orbits = &c.orbits[static_cast<size_t>(i) * words_];
            bool clash = false;
            for (size_t w = 0; w < words_ && !clash; ++w) clash = (orbits[w] & used[w]) != 0;
            if (clash) continue;
            for (size_t w = 0; w < words_; ++w) used[w] |= orbits[w];
            chosen_.emplace_back(d, i);
            if (dfs(round, covered | c.mask[static_cast<size_t>(i)], used)) return true;
            chosen_.pop_back();
            for (size_t w = 0; w < words_; ++w) used[w] &= ~orbits[w];
            if (steps_ > cap_ || timeUp_) return false;
        }
        return false;
    }

    int M_, n_, size_;
    std::vector<int> orbit_;
    std::vector<std::uint8_t> full_;
    int orbits_ = 0;
    size_t words_ = 1;
    std::map<int, Cands> cands_;
    Split split_;
    std::int64_t steps_ = 0, cap_ = 0;
    const Spend* spend_ = nullptr;
    bool timeUp_ = false;
    std::vector<std::pair<int, int>> chosen_;
};

/// C(n, k), capped at `cap` + 1.
std::int64_t choose(int n, int k, std::int64_t cap) {
    std::int64_t c = 1;
    for (int i = 1; i <= k; ++i) {
        c = c * (n - k + i) / i;
        if (c > cap) return cap + 1;
    }
    return c;
}

}  // namespace

std::vector<int> stabilisedCyclicPlan(int groups, int size, int rounds, const Spend& spend, std::int64_t maxSteps) {
    const int n = groups * size;
    if (groups < 2 || size < 2 || rounds < 2 || n > 64 || maxSteps <= 0) return {};
    if (rounds * (size - 1) > n - 1) return {};  // someone would meet more people than there are
    constexpr std::int64_t kMostBlocks = 200'000;  // candidates are every block of `size` seats
    if (choose(n, size, kMostBlocks) > kMostBlocks) return {};
    // Shapes: every M dividing the people, each with its splits into two or three base rounds (one base round
    // developed in full is cyclicPlan's; more base rounds make searches too long to settle). First M = groups
    // (as many rows as seats in a group: the grid of the affine start), then fewer base rounds first, then fewer
    // rows (fewer orbits: a search without an answer ends sooner).
    constexpr size_t kMostBaseRounds = 3;
    std::vector<std::pair<int, Split>> tries;
    for (int M = n; M >= 2; --M)
        if (n % M == 0)
            for (const Split& s : splits(M, rounds))
                if (s.size() > 1 && s.size() <= kMostBaseRounds) tries.emplace_back(M, s);
    std::stable_sort(tries.begin(), tries.end(), [&](const auto& a, const auto& b) {
        const bool gridA = a.first == groups, gridB = b.first == groups;
        if (gridA != gridB) return gridA;
        return a.second.size() < b.second.size();
    });
    if (tries.empty()) return {};
    std::map<int, InvariantSearch> searches;
    std::int64_t used = 0;
    bool timeUp = false;
    const Spend counted = [&](std::int64_t work) {
        used += work;
        timeUp = timeUp || spend(work);
        return timeUp || used > maxSteps;
    };
    // Every split for a cap of steps, the caps doubling (each search starts again: at most twice the work of the
    // last pass); a split searched to the end without an answer is not tried again.
    std::vector<std::uint8_t> settled(tries.size(), 0);
    for (std::int64_t cap = std::max<std::int64_t>(maxSteps / 1024, 1 << 16); !timeUp && used < maxSteps; cap *= 2) {
        bool anyCut = false;
        for (size_t t = 0; t < tries.size(); ++t) {
            if (settled[t]) continue;
            const auto& [M, split] = tries[t];
            auto it = searches.find(M);
            if (it == searches.end()) {
                it = searches.emplace(M, InvariantSearch(M, n, size)).first;
                if (counted(static_cast<std::int64_t>(n) * n)) return {};
            }
            InvariantSearch& search = it->second;
            for (int d : split)
                if (!search.prepare(d, counted)) return {};
            bool stopped = false, cut = false;
            const auto chosen = search.run(split, cap, counted, stopped, cut);
            if (stopped || timeUp || used > maxSteps) return {};
            anyCut = anyCut || cut;
            settled[t] = cut ? 0 : 1;
            if (chosen.empty()) continue;
            // Round by round: base round b (its candidates in order until every seat is covered), shifted by t.
            std::vector<int> plan(static_cast<size_t>(rounds) * n, -1);
            int round = 0;
            size_t at = 0;
            for (int d : split) {
                std::vector<int> base;  // the base blocks of this round, size seats each
                std::uint64_t covered = 0;
                const std::uint64_t all = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
                while (covered != all) {
                    const auto [dd, i] = chosen[at++];
                    covered |= search.mask(dd, i);
                    const auto& blocks = search.blocks(dd);
                    base.insert(base.end(), blocks.begin() + static_cast<std::ptrdiff_t>(i) * size,
                                blocks.begin() + static_cast<std::ptrdiff_t>(i + 1) * size);
                }
                const int step = M / d;
                for (int t = 0; t < step && round < rounds; ++t, ++round) {
                    int group = 0;
                    for (size_t b = 0; b < base.size(); b += static_cast<size_t>(size))
                        for (int k = 0; k < d; ++k, ++group)
                            for (int j = 0; j < size; ++j)
                                plan[static_cast<size_t>(round) * n + search.shift(base[b + j], k * step + t)] = group;
                }
            }
            spend(static_cast<std::int64_t>(rounds) * n);
            return plan;
        }
        if (!anyCut || cap > maxSteps) break;  // every split settled, or the cap beyond what is allowed
    }
    return {};
}

}  // namespace atelier::designs
