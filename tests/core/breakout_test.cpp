// Breakout groups: formed from the people in the room by the mixer, adjusted by moves and swaps, each undoable.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/breakout.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

struct Fixture {
    Session s = test::dayOfEtapeSession();
    Id e1 = s.model().etapeByNumber(1)->id;
    const Etape& etape() { return *s.model().etape(e1); }

    GroupPlan form(int groups, int rounds, std::uint64_t seed = 7) {
        BreakoutRequest req{groups, rounds, seed, 0, 20'000};
        BreakoutResult r = formGroups(s.model(), etape(), req);
        INFO(r.error);
        REQUIRE(r.ok());
        return r.plan;
    }
};

}  // namespace

TEST_CASE("groups are formed from the people present, every person once per round") {
    Fixture f;
    const std::vector<Id> room = peopleInTheRoom(f.etape());
    CHECK(room.size() == 6);  // two of the nine registered are not marked present
    const GroupPlan plan = f.form(2, 3);
    REQUIRE(plan.rounds.size() == 3);
    CHECK(plan.seed == 7);
    for (const GroupRound& r : plan.rounds) {
        REQUIRE(r.groups.size() == 2);
        std::vector<Id> everyone;
        for (const Group& g : r.groups) {
            CHECK(g.members.size() == 3);
            everyone.insert(everyone.end(), g.members.begin(), g.members.end());
        }
        std::sort(everyone.begin(), everyone.end());
        std::vector<Id> expected = room;
        std::sort(expected.begin(), expected.end());
        CHECK(everyone == expected);
    }
    CHECK(plan.rounds[0].groups[0].name == "Groupe 1");
    // Same seed, same iteration cap: the same plan.
    CHECK(f.form(2, 3) == plan);
}

TEST_CASE("group actions: set the plan, move, swap, rename and lock, each undoable") {
    Fixture f;
    REQUIRE(f.s.apply(SetGroupPlan{f.e1, f.form(2, 2)}).ok);
    CHECK(f.s.undoLabel() == "Former les groupes (2 tours)");
    const GroupRound r0 = f.etape().groups.rounds[0];
    const Id a = r0.groups[0].members[0], b = r0.groups[1].members[0];

    REQUIRE(f.s.apply(SwapMembers{f.e1, 0, a, b}).ok);
    CHECK(f.etape().groups.rounds[0].groups[0].members[0] == b);
    CHECK(f.etape().groups.rounds[0].groups[1].members[0] == a);
    REQUIRE(f.s.undo().ok);
    CHECK(f.etape().groups.rounds[0] == r0);

    REQUIRE(f.s.apply(MoveMember{f.e1, 0, a, 1}).ok);
    CHECK(f.etape().groups.rounds[0].groups[0].members.size() == 2);
    CHECK(f.etape().groups.rounds[0].groups[1].members.back() == a);
    REQUIRE(f.s.undo().ok);
    CHECK(f.etape().groups.rounds[0] == r0);

    REQUIRE(f.s.apply(UpdateGroup{f.e1, 0, 1, "Les bâtisseurs", "Comment associer les familles ?", "Salle 12", true}).ok);
    CHECK(f.etape().groups.rounds[0].groups[1].room == "Salle 12");
    CHECK(f.etape().groups.locked[1]);
    REQUIRE(f.s.undo().ok);
    CHECK_FALSE(f.etape().groups.locked[1]);

    CHECK_FALSE(f.s.apply(MoveMember{f.e1, 5, a, 0}).ok);
    CHECK_FALSE(f.s.apply(MoveMember{f.e1, 0, a, 9}).ok);
    GroupPlan twice = f.etape().groups;
    twice.rounds[0].groups[1].members.push_back(a);
    CHECK(f.s.apply(SetGroupPlan{f.e1, twice}).message.find("deux fois dans le même tour") != std::string::npos);
}

TEST_CASE("a locked group keeps its members when the others are mixed again") {
    Fixture f;
    REQUIRE(f.s.apply(SetGroupPlan{f.e1, f.form(2, 3, 1)}).ok);
    const Group locked = f.etape().groups.rounds[0].groups[0];
    REQUIRE(f.s.apply(UpdateGroup{f.e1, 0, 0, "Facilitateurs", "", "Hall", true}).ok);
    const GroupPlan again = f.form(2, 3, 99);
    for (const GroupRound& r : again.rounds) {
        std::vector<Id> members = r.groups[0].members, expected = locked.members;
        std::sort(members.begin(), members.end());
        std::sort(expected.begin(), expected.end());
        CHECK(members == expected);
    }
    CHECK(again.rounds[0].groups[0].name == "Facilitateurs");  // names kept
    CHECK(again.locked[0]);
}

TEST_CASE("pairs that met at an earlier étape are kept apart when possible, and counted") {
    Fixture f;
    // Étape 0 before étape 1: two people met in one group.
    const std::vector<Id> room = peopleInTheRoom(f.etape());
    Etape before;
    before.header = EtapeHeader{9, Date{2019, 12, 3}, std::nullopt, "Rencontre préparatoire"};
    before.groups.rounds = {GroupRound{{Group{"G", "", "", {room[0], room[1]}}}}};
    before.groups.locked = {false};
    REQUIRE(f.s.apply(AddEtape{before}).ok);
    REQUIRE(f.s.apply(SetGroupPlan{f.e1, f.form(3, 1)}).ok);
    const MixerStats stats = groupStats(f.s.model(), f.etape());
    CHECK(stats.historyRepeats == 0);
    CHECK(stats.repeatPairs == 0);
}

TEST_CASE("roles rotate across rounds and institutions are counted") {
    Group g{"G", "", "", {10, 11, 12, 13}};
    CHECK(roleHolder(g, 0, 0) == 0);
    CHECK(roleHolder(g, 0, 2) == 2);
    CHECK(roleHolder(g, 1, 0) == 1);
    CHECK(roleHolder(g, 3, 2) == 1);
    Group pair{"P", "", "", {10, 11}};
    CHECK(roleHolder(pair, 0, 2) == -1);
    Fixture f;
    const GroupPlan plan = f.form(2, 1);
    CHECK(institutionKinds(f.s.model(), plan.rounds[0].groups[0]) >= 2);
}

TEST_CASE("nobody registered: a message, no groups") {
    Session s = test::tourSession();
    const BreakoutResult r = formGroups(s.model(), *s.model().etapeByNumber(2), BreakoutRequest{});
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("Personne n'est inscrit") == 0);
}

namespace {

/// A plan of `rounds` rounds of `groups` groups over people 1..n, without territories: round 0 in order, later
/// rounds as given.
GroupRound roundOf(const std::vector<std::vector<Id>>& groups) {
    GroupRound r;
    for (const auto& members : groups) r.groups.push_back(Group{"", "", "", members});
    return r;
}

}  // namespace

TEST_CASE("the least repeated pairs of a plan's shape: 24 people, 4 groups, 2 rounds cannot go below 8") {
    Model model;
    Etape e;
    std::vector<std::vector<Id>> first(4), second(4);
    for (Id p = 0; p < 24; ++p) {
        first[static_cast<size_t>(p / 6)].push_back(p + 1);
        second[static_cast<size_t>(p % 4)].push_back(p + 1);  // each second-round group takes from every first one
    }
    e.groups.rounds = {roundOf(first), roundOf(second)};
    const PlanBounds least = planBounds(model, e);
    // A group of 6 taken from 4 groups holds at least two pairs of one of them (2+2+1+1): 4 groups × 2.
    CHECK(least.repeatPairs == 8);
    CHECK(least.sameCitePairs == 0);  // nobody has a Cité here

    // One round: nothing can repeat. Three rounds: each later round adds its own 8.
    e.groups.rounds = {roundOf(first)};
    CHECK(planBounds(model, e).repeatPairs == 0);
    e.groups.rounds = {roundOf(first), roundOf(second), roundOf(first)};
    CHECK(planBounds(model, e).repeatPairs == 16);
}

TEST_CASE("the least same-Cité pairs: a Cité's people spread over the groups of each round") {
    Fixture f;
    const GroupPlan plan = f.form(2, 2);
    REQUIRE(f.s.apply(SetGroupPlan{f.e1, plan}).ok);
    const PlanBounds least = planBounds(f.s.model(), f.etape());
    const MixerStats stats = groupStats(f.s.model(), f.etape());
    CHECK(stats.repeatPairs >= least.repeatPairs);  // a bound: no plan does better, this one included
    CHECK(stats.sameCitePairs >= least.sameCitePairs);
}

TEST_CASE("a group's room carries over to the next rounds until it is changed") {
    GroupPlan plan;
    plan.rounds = {roundOf({{1, 2}, {3, 4}}), roundOf({{1, 3}, {2, 4}}), roundOf({{1, 4}, {2, 3}})};
    plan.rounds[0].groups[0].room = "Salle B12";
    plan.rounds[2].groups[0].room = "Préau";
    CHECK(groupRoom(plan, 0, 0) == "Salle B12");
    CHECK(groupRoom(plan, 1, 0) == "Salle B12");  // carried over
    CHECK(groupRoom(plan, 2, 0) == "Préau");      // changed
    CHECK(groupRoom(plan, 1, 1).empty());         // never set
    CHECK(groupRoom(plan, 5, 0) == "Préau");      // past the last round: the last one's
    CHECK(groupRoom(GroupPlan{}, 0, 0).empty());
}
