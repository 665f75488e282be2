// The Brise-glace screen: drawing a card, adding a question, preparing the speed-meeting, projecting and timing.
#include <doctest/doctest.h>

#include <algorithm>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

namespace {
struct IcebreakerConsole : atelier::ui::test::Console {
    IcebreakerConsole() {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        app.view<IcebreakerView>().maxIterations = 20'000;
        app.view<IcebreakerView>().timeLimitMs = 0;
        show("brise-glace");
    }
};
}  // namespace

TEST_CASE("Brise-glace: drawing a card emits one seeded draw, undone by Ctrl+Z, and projects it") {
    IcebreakerConsole c;
    const size_t before = c.etape1().icebreaker.drawn.size();
    const Actions emitted = c.click("cards.draw");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<DrawCard>(emitted[0]).deck == "fiertes");
    REQUIRE(c.etape1().icebreaker.drawn.size() == before + 1);
    const auto& drawn = c.etape1().icebreaker.drawn;
    CHECK(std::find(drawn.begin(), drawn.end() - 1, drawn.back()) == drawn.end() - 1);  // not drawn before
    c.click("cards.project");
    CHECK(c.app.state().projector == "projecteur-carte");
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().icebreaker.drawn.size() == before);
}

TEST_CASE("Brise-glace: the facilitator adds a question with Enter") {
    IcebreakerConsole c;
    c.click("cards.new-question");
    c.typeAndEnter("Quel livre conseilleriez-vous à un collègue ?");
    REQUIRE(c.lastActions.size() == 1);
    CHECK(c.session.model().deck("fiertes")->questions.back() == "Quel livre conseilleriez-vous à un collègue ?");
    // It says so, with the deck's new size (issue 11 point 14: no feedback before).
    c.frame();
    const std::string& added = c.app.view<IcebreakerView>().questionAdded;
    CHECK(added.find("Quel livre conseilleriez-vous") != std::string::npos);
    CHECK(added.find(std::to_string(c.session.model().deck("fiertes")->questions.size()) + " questions") !=
          std::string::npos);
}

TEST_CASE("Brise-glace: preparing the speed-meeting, projecting a round and starting its countdown") {
    IcebreakerConsole c;
    c.app.view<IcebreakerView>().rounds = 2;
    const Actions emitted = c.click("meeting.prepare");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<SetIcebreaker>(emitted[0]).icebreaker.rounds.size() == 2);
    CHECK(c.etape1().icebreaker.rounds.size() == 2);
    c.click("meeting.round.1");
    c.click("meeting.project");
    CHECK(c.app.state().projector == "projecteur-rencontres");
    CHECK(c.app.view<IcebreakerView>().round == 1);
    c.click("meeting.timer");
    CHECK(c.app.state().countdown.running());
    CHECK(c.app.state().countdown.durationSeconds() == c.etape1().icebreaker.roundSeconds);
    c.click("presence.project");
    CHECK(c.app.state().projector == "projecteur-qui-est-la");
}

TEST_CASE("Brise-glace: timing a round marks it run (once), the box says so and undoes it; the summary follows") {
    IcebreakerConsole c;
    const Id e = c.etape1().id;
    REQUIRE(c.etape1().icebreaker.rounds.size() == 3);
    REQUIRE_FALSE(c.etape1().icebreaker.rounds[2].run);  // the fixture ran the first two
    c.click("meeting.round.2");
    Actions emitted = c.click("meeting.timer");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<MarkRoundRun>(emitted[0]) == MarkRoundRun{e, 2, true});
    CHECK(c.etape1().icebreaker.rounds[2].run);
    CHECK(c.app.state().countdown.running());
    // Timing it again (the room needed another go) changes nothing more.
    emitted = c.click("meeting.timer");
    CHECK(emitted.empty());
    // The box unmarks it (a round timed by mistake), one undo step.
    emitted = c.click("meeting.run");
    REQUIRE(emitted.size() == 1);
    CHECK_FALSE(c.etape1().icebreaker.rounds[2].run);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().icebreaker.rounds[2].run);
}

TEST_CASE("Brise-glace: the steppers show the saved plan (after a restart), not their defaults") {
    IcebreakerConsole c;  // a new app on a day whose speed-meeting has 3 rounds
    c.frame();
    CHECK(c.app.view<IcebreakerView>().rounds == 3);
    CHECK(c.app.view<IcebreakerView>().roundSeconds == c.etape1().icebreaker.roundSeconds);
    // Changed by the facilitator, they keep the change until a new plan is saved.
    c.app.view<IcebreakerView>().rounds = 5;
    c.frame();
    CHECK(c.app.view<IcebreakerView>().rounds == 5);
    const Actions emitted = c.click("meeting.prepare");
    REQUIRE(emitted.size() == 1);
    CHECK(c.etape1().icebreaker.rounds.size() == 5);
    CHECK(c.app.view<IcebreakerView>().rounds == 5);
}
