// The Groupes screen: forming the groups with the mouse, then drag and drop (swap onto a person, move onto a
// group), each one undoable action.
#include <doctest/doctest.h>

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
