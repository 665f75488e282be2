// Contracts (ATELIER_ASSERT) guard our own code, never input: thousands of bad actions, built field by field
// through each action's `fields`, come back as refusals with a message and never reach an assertion.
#include <doctest/doctest.h>

#include <climits>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/actions.h"
#include "core/assert.h"
#include "core/session.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

/// What a failed assertion throws while a ThrowingAsserts lives. Not a std::exception: Session::commit turns
/// those into a refusal (a journal that failed), and a broken contract must not pass for one.
struct ContractBroken {
    std::string what;
};

/// Makes ATELIER_ASSERT throw ContractBroken (with its message and place) instead of aborting, for one scope.
struct ThrowingAsserts {
    AssertHandler previous;
    ThrowingAsserts() {
        previous = setAssertHandler([](const char* condition, const char* message, const char* file, int line) {
            throw ContractBroken{std::string(file) + ":" + std::to_string(line) + ": " + message + " (" + condition +
                                 ")"};
        });
    }
    ~ThrowingAsserts() { setAssertHandler(previous); }
    ThrowingAsserts(const ThrowingAsserts&) = delete;
    ThrowingAsserts& operator=(const ThrowingAsserts&) = delete;
};

/// Values to fill fields with: every id of the model and some that exist nowhere, odd numbers, odd texts, and
/// the model's own entities (so that some actions get far into their validation).
struct Pools {
    std::vector<Id> ids{0, 1, 999'999, ~Id{0}};
    std::vector<int> ints{INT_MIN, -2, -1, 0, 1, 2, 3, 7, 1000, INT_MAX};
    std::vector<std::string> texts{"", "   ", "x", "fiertes", "\xff\xfe", std::string(600, 'a'), "Constats"};
    const Model& m;

    explicit Pools(const Model& model) : m(model) {
        for (const auto& t : m.territories) ids.push_back(t.id);
        for (const auto& p : m.people) ids.push_back(p.id);
        for (const Etape& e : m.etapes) {
            ids.push_back(e.id);
            for (const auto& i : e.programme) ids.push_back(i.id);
            for (const auto& r : e.registrations) ids.push_back(r.id);
            for (const Vote& v : e.votes) {
                ids.push_back(v.id);
                for (const auto& b : v.ballots) ids.push_back(b.id);
            }
            for (const Board& b : e.boards) {
                ids.push_back(b.id);
                for (const auto& c : b.categories) ids.push_back(c.id);
                for (const auto& c : b.clusters) ids.push_back(c.id);
                for (size_t i = 0; i < b.ideas.size(); i += 17) ids.push_back(b.ideas[i].id);
            }
            for (const auto& a : e.actionsPhares) ids.push_back(a.id);
            for (const auto& q : e.evaluation.questions) ids.push_back(q.id);
            for (const auto& r : e.evaluation.responses) ids.push_back(r.id);
        }
        for (const Practice& p : m.practices) ids.push_back(p.id);
        for (const Deck& d : m.decks) texts.push_back(d.id);
    }
};

template <class T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
}

/// An entity of the model (or a default one) whose id may be swapped for any id of the pool.
template <class T>
T entity(std::mt19937_64& rng, const Pools& pools, const std::vector<T>& from) {
    T value = from.empty() || rng() % 4 == 0 ? T{} : pick(rng, from);
    if constexpr (requires { value.id = Id{}; })
        if (rng() % 2) value.id = pick(rng, pools.ids);
    return value;
}

/// A value for a field of type T.
template <class T>
T sample(std::mt19937_64& rng, const Pools& pools) {
    const Model& m = pools.m;
    const Etape& e = m.etapes.empty() ? Etape{} : pick(rng, m.etapes);
    const Board board = e.boards.empty() ? Board{} : pick(rng, e.boards);
    if constexpr (std::is_same_v<T, bool>) return rng() % 2 == 0;
    else if constexpr (std::is_same_v<T, int>) return pick(rng, pools.ints);
    else if constexpr (std::is_same_v<T, Id>) return pick(rng, pools.ids);  // also DrawCard's seed
    else if constexpr (std::is_same_v<T, std::string>) return pick(rng, pools.texts);
    else if constexpr (std::is_same_v<T, std::optional<Id>>) {
        if (rng() % 3 == 0) return std::nullopt;
        return pick(rng, pools.ids);
    } else if constexpr (std::is_same_v<T, std::optional<long>>) {
        if (rng() % 3 == 0) return std::nullopt;
        return static_cast<long>(pick(rng, pools.ints));
    } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
        std::vector<Id> ids;
        for (int n = static_cast<int>(rng() % 4); n > 0; --n) ids.push_back(pick(rng, pools.ids));
        return ids;
    } else if constexpr (std::is_same_v<T, Territory>) return entity(rng, pools, m.territories);
    else if constexpr (std::is_same_v<T, Person>) return entity(rng, pools, m.people);
    else if constexpr (std::is_same_v<T, Etape>) return entity(rng, pools, m.etapes);
    else if constexpr (std::is_same_v<T, Boxed<Etape>>) return Boxed<Etape>(entity(rng, pools, m.etapes));
    else if constexpr (std::is_same_v<T, EtapeHeader>) return e.header;
    else if constexpr (std::is_same_v<T, ProgrammeItem>) return entity(rng, pools, e.programme);
    else if constexpr (std::is_same_v<T, Registration>) return entity(rng, pools, e.registrations);
    else if constexpr (std::is_same_v<T, Vote>) return entity(rng, pools, e.votes);
    else if constexpr (std::is_same_v<T, VoteSetup>) return e.votes.empty() ? VoteSetup{} : pick(rng, e.votes).setup;
    else if constexpr (std::is_same_v<T, StoredBallot>) {
        const Vote v = e.votes.empty() ? Vote{} : pick(rng, e.votes);
        return entity(rng, pools, v.ballots);
    } else if constexpr (std::is_same_v<T, GroupPlan>) return e.groups;
    else if constexpr (std::is_same_v<T, Icebreaker>) return e.icebreaker;
    else if constexpr (std::is_same_v<T, Deck>) return entity(rng, pools, m.decks);
    else if constexpr (std::is_same_v<T, Settings>) return m.settings;
    else if constexpr (std::is_same_v<T, Board>) return entity(rng, pools, e.boards);
    else if constexpr (std::is_same_v<T, BoardCategory>) return entity(rng, pools, board.categories);
    else if constexpr (std::is_same_v<T, IdeaCluster>) return entity(rng, pools, board.clusters);
    else if constexpr (std::is_same_v<T, Idea>) return entity(rng, pools, board.ideas);
    else if constexpr (std::is_same_v<T, ActionPhare>) {
        ActionPhare a = entity(rng, pools, e.actionsPhares);
        if (rng() % 3 == 0) a.photos.push_back(pick(rng, pools.texts));
        if (rng() % 4 == 0) a.photos.push_back("../etc/passwd");
        return a;
    } else if constexpr (std::is_same_v<T, FollowUp>) {
        FollowUp f;
        f.territory = pick(rng, pools.ids);
        f.status = static_cast<FollowUpStatus>(rng() % 3);
        f.date = rng() % 3 ? Date{2021, 3, 16} : Date{2021, 2, 30};
        f.note = pick(rng, pools.texts);
        return f;
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        std::vector<std::string> out;
        for (int n = static_cast<int>(rng() % 4); n > 0; --n) out.push_back(pick(rng, pools.texts));
        return out;
    } else if constexpr (std::is_same_v<T, std::vector<EvaluationQuestion>>) {
        std::vector<EvaluationQuestion> out = rng() % 2 ? e.evaluation.questions : defaultEvaluation().questions;
        for (auto& q : out)
            if (rng() % 3 == 0) q.id = pick(rng, pools.ids);
        if (rng() % 4 == 0 && !out.empty()) out.front().text = pick(rng, pools.texts);
        return out;
    } else if constexpr (std::is_same_v<T, EvaluationResponse>) {
        EvaluationResponse r = entity(rng, pools, e.evaluation.responses);
        r.count = rng() % 5 ? 1 : static_cast<long long>(pick(rng, pools.ints));
        if (rng() % 2) r.territory = pick(rng, pools.ids);
        for (const auto& q : e.evaluation.questions) {
            if (rng() % 2) continue;
            EvaluationAnswer a;
            a.question = rng() % 5 ? q.id : pick(rng, pools.ids);
            a.grade = rng() % 3 ? pick(rng, pools.ints) : -1;
            if (rng() % 2) a.text = pick(rng, pools.texts);
            if (rng() % 2) a.practices.push_back(pick(rng, pools.ids));
            r.answers.push_back(a);
        }
        return r;
    }
    else static_assert(sizeof(T) == 0, "a field type the test does not fill yet");
}

/// Action number `kind` of the variant, every field drawn from the pools.
template <size_t I = 0>
Action randomAction(size_t kind, std::mt19937_64& rng, const Pools& pools) {
    if constexpr (I + 1 < std::variant_size_v<Action>) {
        if (kind != I) return randomAction<I + 1>(kind, rng, pools);
    }
    std::variant_alternative_t<I, Action> action{};
    action.fields([&](const char*, auto& value) {
        if (rng() % 5) value = sample<std::decay_t<decltype(value)>>(rng, pools);
    });
    return action;
}

}  // namespace

REGISTER_EXCEPTION_TRANSLATOR(const ContractBroken& e) { return doctest::String(e.what.c_str()); }

TEST_CASE("a failed contract reports its message and place (here thrown, by default on stderr before abort)") {
    ThrowingAsserts throwing;
    CHECK_THROWS_WITH_AS(ATELIER_ASSERT(1 + 1 == 3, "arithmetic"), doctest::Contains("arithmetic (1 + 1 == 3)"),
                         ContractBroken);
    CHECK_NOTHROW(ATELIER_ASSERT(1 + 1 == 2, "arithmetic"));
}

TEST_CASE("bad actions are refused with a message, never by a contract: every kind, every field") {
    ThrowingAsserts throwing;
    Session s = test::dayOfEtapeSession();
    std::mt19937_64 rng(20200211);
    int applied = 0, refused = 0;
    constexpr size_t kKinds = std::variant_size_v<Action>;
    for (size_t i = 0; i < 100 * kKinds; ++i) {
        const Pools pools(s.model());  // the model changes as some actions are accepted
        const Action action = randomAction(i % kKinds, rng, pools);
        INFO(i << ": " << actionName(action));
        Status status;
        REQUIRE_NOTHROW(status = s.apply(action));
        if (status) {
            ++applied;
            if (rng() % 2) REQUIRE_NOTHROW(s.undo());  // its inverse, and back
            if (rng() % 4 == 0) REQUIRE_NOTHROW(s.redo());
        } else {
            ++refused;
            CHECK(!status.message.empty());
        }
        // A batch whose second action is refused: the first is rolled back through its inverse.
        if (i % 7 == 0) {
            std::vector<Action> batch{randomAction(rng() % kKinds, rng, pools), action};
            REQUIRE_NOTHROW(status = s.applyAll(batch, "lot"));
        }
    }
    CHECK(applied > 200);   // 372 with this seed: some actions get through, undo and redo run
    CHECK(refused > 4000);  // 5,028
}
