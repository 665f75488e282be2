// The Groupes screen: forming the groups with the mouse, then drag and drop (swap onto a person, move onto a
// group), each one undoable action.
#include <doctest/doctest.h>

#include "core/breakout.h"
#include "export/groups.h"
#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

namespace {

struct BreakoutConsole : atelier::ui::test::Console {
    BreakoutConsole() {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        app.view<BreakoutView>().maxIterations = 20'000;  // deterministic searches
        app.view<BreakoutView>().timeLimitMs = 0;
        show("groupes");
    }
    const GroupRound& round0() { return etape1().groups.rounds.at(0); }
    /// Presses on `from`, moves over `to` in a few frames, releases: a drag and drop.
    Actions drag(const std::string& from, const std::string& to) {
        frame();
        const ImVec2 a = center(from), b = center(to);
        lastActions.clear();
        imgui.moveMouse(a);
        frame();
        imgui.mouseDown(true);
        frame();
        for (int i = 1; i <= 6; ++i) {
            imgui.moveMouse(ImVec2(a.x + (b.x - a.x) * i / 6.0f, a.y + (b.y - a.y) * i / 6.0f));
            frame();
        }
        imgui.mouseDown(false);
        frame();
        frame();
        return lastActions;
    }
};

}  // namespace

TEST_CASE("Groupes: forming the groups with a click emits one plan of every round") {
    BreakoutConsole c;
    REQUIRE(c.session.apply(SetGroupPlan{c.etape1().id, GroupPlan{}}).ok);  // start without groups
    c.frame();
    c.app.view<BreakoutView>().groups = 3;
    c.app.view<BreakoutView>().rounds = 2;
    const Actions emitted = c.click("groups.form");
    REQUIRE(emitted.size() == 1);
    const auto& set = std::get<SetGroupPlan>(emitted[0]);
    CHECK(set.plan.rounds.size() == 2);
    CHECK(set.plan.rounds[0].groups.size() == 3);
    CHECK(c.etape1().groups.rounds.size() == 2);
    INFO(c.app.view<BreakoutView>().report);
    CHECK(c.app.view<BreakoutView>().report.find("itérations") != std::string::npos);
}

TEST_CASE("Groupes: dragging a person onto another swaps them, onto a group moves them, each undoable") {
    BreakoutConsole c;
    const GroupRound before = c.round0();
    const Id a = before.groups[0].members[0], b = before.groups[1].members[0];
    Actions emitted = c.drag("member.0.0", "member.1.0");
    REQUIRE(emitted.size() == 1);
    const auto& swap = std::get<SwapMembers>(emitted[0]);
    CHECK(((swap.a == a && swap.b == b) || (swap.a == b && swap.b == a)));
    CHECK(c.round0().groups[0].members[0] == b);
    CHECK(c.round0().groups[1].members[0] == a);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.round0() == before);

    const Id moved = before.groups[0].members[1];
    emitted = c.drag("member.0.1", "group.1.drop");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<MoveMember>(emitted[0]).to == 1);
    CHECK(c.round0().groups[1].members.back() == moved);
    CHECK(c.round0().groups[0].members.size() == before.groups[0].members.size() - 1);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.round0() == before);
}

TEST_CASE("Groupes: locking a group and projecting the round") {
    BreakoutConsole c;
    c.click("group.0.lock");
    CHECK(c.etape1().groups.locked[0]);
    c.click("groups.project");
    CHECK(c.app.state().projector == "projecteur-groupes");
}

TEST_CASE("Groupes: the steppers show the saved plan (after a restart, another étape, an undo), not the defaults") {
    BreakoutConsole c;
    const Id e1 = c.etape1().id;
    GroupPlan plan;
    plan.rounds.resize(2);
    const std::vector<Id> room = peopleInTheRoom(c.etape1());
    for (GroupRound& r : plan.rounds) {
        r.groups.resize(3);
        for (size_t i = 0; i < room.size(); ++i) r.groups[i % 3].members.push_back(room[i]);
    }
    REQUIRE(c.session.apply(SetGroupPlan{e1, plan}).ok);
    c.frame();
    CHECK(c.app.view<BreakoutView>().groups == 3);
    CHECK(c.app.view<BreakoutView>().rounds == 2);
    // A new app on the same data (a restart) shows the same.
    App restarted{c.session};
    restarted.state().selectedEtape = e1;
    REQUIRE(restarted.showScreen("groupes"));
    Actions a;
    UiRequests r;
    c.imgui.frame([&] { restarted.drawConsole(a, r); });
    CHECK(restarted.view<BreakoutView>().groups == 3);
    CHECK(restarted.view<BreakoutView>().rounds == 2);
    // The facilitator's own choice stays while the plan does not change; re-mixing builds that shape.
    c.app.view<BreakoutView>().groups = 2;
    c.frame();
    CHECK(c.app.view<BreakoutView>().groups == 2);
    c.click("groups.form");
    CHECK(c.etape1().groups.rounds.front().groups.size() == 2);
    c.frame();
    CHECK(c.app.view<BreakoutView>().groups == 2);
    // Undo brings the 3 × 2 plan back, and the steppers with it.
    REQUIRE(c.session.undo().ok);
    c.frame();
    CHECK(c.app.view<BreakoutView>().groups == 3);
    CHECK(c.app.view<BreakoutView>().rounds == 2);
}

TEST_CASE("Groupes: a room set in round 1 is the hint of round 2 and goes on its projection") {
    BreakoutConsole c;
    const Id e1 = c.etape1().id;
    c.app.view<BreakoutView>().rounds = 2;
    c.app.view<BreakoutView>().groups = 2;
    c.click("groups.form");
    REQUIRE(c.etape1().groups.rounds.size() == 2);
    const Group& g = c.etape1().groups.rounds[0].groups[0];
    REQUIRE(c.session.apply(UpdateGroup{e1, 0, 0, g.name, g.question, "Salle B12", false}).ok);
    CHECK(groupRoom(c.etape1().groups, 1, 0) == "Salle B12");
    const std::string html = exporting::groupsHtml(c.session.model(), c.etape1());
    // Both rounds name the room.
    size_t count = 0;
    for (size_t at = html.find("Salle B12"); at != std::string::npos; at = html.find("Salle B12", at + 1)) ++count;
    CHECK(count == 2);
}
