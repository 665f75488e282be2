// Issue 29 (Justesse): what the room is shown is true, what is typed is kept, what is undone is seen. The gestures,
// driven through headless frames as a facilitator would.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/enums.h"
#include "ui/harness.h"
#include "ui/screens/essaimage.h"
#include "ui/placement.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

// [SECTION] Point 1: closing keeps the edit

TEST_CASE("Justesse: closing the window (or SIGTERM) with a field being edited keeps the edit, then the loop ends") {
    Console c;
    c.show("console");
    const std::string before = c.etape1().header.theme;
    c.click("field.theme");
    c.selectAll();
    c.imgui.type("Un thème tapé juste avant de fermer");
    c.frame();
    REQUIRE(c.etape1().header.theme == before);  // still being edited: nothing saved yet
    CHECK_FALSE(c.app.readyToClose());

    // The platform's loop, on the close button, Alt+F4 or a signal: ask, then draw frames until ready.
    c.app.requestClose();
    int frames = 0;
    while (!c.app.readyToClose() && frames < 10) {
        c.frame();
        ++frames;
    }
    CHECK(c.app.readyToClose());
    CHECK(frames <= 3);
    CHECK(c.etape1().header.theme == "Un thème tapé juste avant de fermer");
    // One edit, one undo step, as when the field is left with a click.
    c.session.undo();
    CHECK(c.etape1().header.theme == before);
}

TEST_CASE("Justesse: Fichier → Quitter closes through the same path (the edit is kept, the loop ends)") {
    Console c;
    c.click("menu.file");
    c.click("menu.quit");
    CHECK(c.app.state().quitRequested);
    c.frame();
    c.frame();
    CHECK(c.app.readyToClose());
}

// [SECTION] Point 9: gestures that file the wrong thing

TEST_CASE("Justesse: at the door, typing after a walk-in question cancels it; Enter never confirms a walk-in") {
    Console c;
    const Id e1 = c.etape1().id;
    c.show("inscriptions");
    const size_t people = c.session.model().people.size();
    c.typeAndEnter("zzz");
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.app.view<RegistrationsView>().walkIn->name == "zzz");
    // Typing goes on: the question about « zzz » is gone, and Enter asks about the new name without adding anyone.
    c.imgui.type("yan");
    c.frame();
    CHECK_FALSE(c.app.view<RegistrationsView>().walkIn);
    c.press(ImGuiKey_Enter);
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.app.view<RegistrationsView>().walkIn->name == "zzzyan");
    c.press(ImGuiKey_Enter);  // Enter again: still a question, nobody added
    CHECK(c.session.model().people.size() == people);
    CHECK(c.session.model().etape(e1)->registrations.empty());
    // Its own key confirms: Ctrl+Entrée.
    c.imgui.ctrl(true);
    c.press(ImGuiKey_Enter);
    c.imgui.ctrl(false);
    c.frame();
    REQUIRE(c.session.model().etape(e1)->registrations.size() == 1);
    CHECK(c.session.model().person(c.session.model().etape(e1)->registrations.front().person)->name == "zzzyan");
    CHECK(c.session.model().people.size() == people + 1);
}

TEST_CASE("Justesse: in Bibliothèque the follow-up form starts empty when another practice is selected") {
    Console c;
    atelier::test::addIdeaBoard(c.session, c.etape1().id, 40);
    atelier::test::addEssaimage(c.session, c.etape1().id);
    c.show("bibliotheque");
    c.click("library.row.0");
    LibraryView& view = c.app.view<LibraryView>();
    const Id first = view.selected;
    view.followCite = c.session.model().territoryByName("Arras")->id;  // what the Cité combo sets
    view.followStatus = FollowUpStatus::Abandonnee;
    view.followNote = "Note pour la première";
    c.frame();
    CHECK(view.followCite);  // kept while the same practice stays selected
    c.click("library.row.1");
    REQUIRE(view.selected != first);
    CHECK_FALSE(view.followCite);
    CHECK(view.followStatus == FollowUpStatus::Essayee);
    CHECK(view.followNote.empty());
}

TEST_CASE("Justesse: a double click on « Déposer le bulletin » casts one ballot, not one more blank") {
    Console c;
    c.session = atelier::test::dayOfEtapeSession();
    c.app.state().selectedEtape = c.session.model().etapeByNumber(1)->id;
    c.show("votes");
    c.click("vote.1");  // dot voting
    const size_t before = c.etape1().votes[1].ballots.size();
    c.click("ballot.dots.0");
    c.selectAll();
    c.typeAndEnter("2");
    c.frame();
    // Two presses within the double-click time, at the same place.
    c.frame();
    c.imgui.moveMouse(c.center("ballot.cast"));
    c.frame();
    for (int i = 0; i < 2; ++i) {
        c.imgui.mouseDown(true);
        c.frame();
        c.imgui.mouseDown(false);
        c.frame();
    }
    c.frame();
    REQUIRE(c.etape1().votes[1].ballots.size() == before + 1);
    CHECK(c.etape1().votes[1].ballots.back().ballot.dots == std::vector<std::pair<int, long long>>{{0, 2}});
    // A single click later casts again: one click, one ballot.
    c.click("ballot.dots.1");
    c.selectAll();
    c.typeAndEnter("1");
    for (int i = 0; i < 30; ++i) c.frame();  // past the double-click time
    c.click("ballot.cast");
    CHECK(c.etape1().votes[1].ballots.size() == before + 2);
}

// [SECTION] Point 8: ties look like ties

namespace {

/// Vertices of filled shapes (not glyphs) of colour `colour` the projector's view drew.
int shapeVerticesOf(const ImDrawList& list, int vertices, ImU32 colour) {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    int n = 0;
    for (int i = 0; i < vertices && i < list.VtxBuffer.Size; ++i) {
        const ImDrawVert& v = list.VtxBuffer[i];
        if (v.uv.x == white.x && v.uv.y == white.y && v.col == colour) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("Justesse: a tie for first place is drawn as a tie, every tied bar in the winner's colour") {
    for (const VoteMethod method : {VoteMethod::Approval, VoteMethod::Dot, VoteMethod::Borda}) {
        Session session = atelier::test::tourSession();
        const Id e1 = session.model().etapeByNumber(1)->id;
        VoteSetup setup{"Égalité ?", method, {"Café", "Ateliers", "Visites"}};
        Vote v{0, setup, {}};
        if (method == VoteMethod::Approval) {
            v.ballots.push_back(StoredBallot{0, Ballot{3, {}, {0, 1}, {}, {}}});
            v.ballots.push_back(StoredBallot{0, Ballot{1, {}, {2}, {}, {}}});
        } else if (method == VoteMethod::Dot) {
            v.ballots.push_back(StoredBallot{0, Ballot{2, {}, {}, {{0, 1}, {1, 1}, {2, 1}}, {}}});
            v.ballots.push_back(StoredBallot{0, Ballot{1, {}, {}, {{0, 1}, {1, 1}}, {}}});
        } else {
            v.ballots.push_back(StoredBallot{0, Ballot{1, {0, 1, 2}, {}, {}, {}}});
            v.ballots.push_back(StoredBallot{0, Ballot{1, {1, 0, 2}, {}, {}, {}}});
        }
        REQUIRE(session.apply(AddVote{e1, v}).ok);
        Headless imgui(1920, 1080);
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;
        App app(session);
        app.state().selectedEtape = e1;
        REQUIRE(app.showScreen("resultats"));
        UiRequests requests;
        for (int f = 0; f < 3; ++f) imgui.frame([&] { app.drawProjector(requests); });
        const ImGuiWindow* window = ImGui::FindWindowByName("##projector");
        REQUIRE(window);
        const int vertices = app.state().audienceLayout.viewVertices;
        INFO("method " << static_cast<int>(method));
        // Two tied first places: two bars (four vertices each) in the winner's colour, one in the others'.
        CHECK(shapeVerticesOf(*window->DrawList, vertices, projector::kAccent) == 8);
        CHECK(shapeVerticesOf(*window->DrawList, vertices, IM_COL32(110, 140, 190, 255)) == 4);
    }
}

// [SECTION] Point 4: an undo is seen

TEST_CASE("Justesse: Ctrl+Z on another tab says what it undid and offers to show that tab") {
    Console c;
    const Etape& e1 = c.etape1();
    REQUIRE(c.session.apply(SetEvaluation{e1.id, defaultEvaluation().questions, {}}).ok);
    const Id q = c.etape1().evaluation.questions[0].id;
    REQUIRE(c.session.apply(AddEvaluationResponse{e1.id, {0, 1, std::nullopt, {{q, 3}}}}).ok);
    c.show("inscriptions");
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().evaluation.responses.empty());
    REQUIRE(c.app.state().undone);
    CHECK(c.app.state().undone->text == "Annulé\u00a0: Saisir 1 réponse à l'évaluation de l'étape 1");
    CHECK(c.app.state().undone->screen == "evaluation");
    c.click("undone.show");
    c.frame();
    CHECK(c.app.state().screen == "evaluation");

    // Redo is said the same way; on its own tab, no button.
    c.ctrlPress(ImGuiKey_Y);
    CHECK(c.etape1().evaluation.responses.size() == 1);
    REQUIRE(c.app.state().undone);
    CHECK(c.app.state().undone->text == "Rétabli\u00a0: Saisir 1 réponse à l'évaluation de l'étape 1");
    probe::enable(true);  // forget the probes of earlier frames
    c.frame();
    CHECK(probe::find("undone.text"));
    CHECK_FALSE(probe::find("undone.show"));
}

TEST_CASE("Justesse: right after Enter in the quick idea box, Ctrl+Z with the field empty undoes the idea") {
    Console c;
    c.session = atelier::test::dayOfEtapeSession();
    c.app.state().selectedEtape = c.session.model().etapeByNumber(1)->id;
    c.show("idees");
    const size_t before = c.etape1().boards.back().ideas.size();
    c.click("idees.entry");
    c.imgui.type("Une idée postée trop vite");
    c.frame();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.etape1().boards.back().ideas.size() == before + 1);
    c.frame();
    c.frame();
    REQUIRE(ImGui::GetIO().WantTextInput);  // the field kept the keyboard, empty
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().boards.back().ideas.size() == before);
    REQUIRE(c.app.state().undone);
    CHECK(c.app.state().undone->text.find("Annulé\u00a0: ") == 0);

    // With text of its own in the field, Ctrl+Z stays the field's.
    c.imgui.type("abc");
    c.frame();
    const size_t now = c.etape1().boards.back().ideas.size();
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().boards.back().ideas.size() == now);
}

// [SECTION] Point 11: small things a facilitator meets

TEST_CASE("Justesse: the app opens on today's étape, else on the one last used, not on étape 1") {
    Session session = atelier::test::tourSession();
    const Model& m = session.model();
    REQUIRE(m.etapes.size() >= 2);
    const Etape& first = m.etapes[0];
    const Etape& second = m.etapes[1];
    REQUIRE(first.header.date != second.header.date);
    {
        App app(session);
        app.startOn(second.id, Date{1999, 1, 1});  // the one last used
        CHECK(app.state().selectedEtape == second.id);
    }
    {
        App app(session);
        app.startOn(std::nullopt, second.header.date);  // today's
        CHECK(app.state().selectedEtape == second.id);
    }
    {
        App app(session);
        app.startOn(second.id, first.header.date);  // today's before the one last used
        CHECK(app.state().selectedEtape == first.id);
    }
    {
        App app(session);
        app.startOn(Id{999999}, Date{1999, 1, 1});  // gone: the first
        CHECK(app.state().selectedEtape == m.etapes.front().id);
    }
    // Remembered with the windows' places.
    WindowPlacement p;
    p.etape = static_cast<long long>(second.id);
    CHECK(parsePlacement(formatPlacement(p)).etape == p.etape);
    CHECK_FALSE(parsePlacement("etape zz\n").etape);
}

TEST_CASE("Justesse: Groupes says when people present are in no group of the round") {
    Console c;
    c.session = atelier::test::dayOfEtapeSession();
    const Id e1 = c.session.model().etapeByNumber(1)->id;
    c.app.state().selectedEtape = e1;
    REQUIRE_FALSE(c.etape1().groups.empty());
    // Everyone present placed in round 1: nothing said.
    GroupPlan plan = c.etape1().groups;
    for (Group& g : plan.rounds[0].groups) g.members.clear();
    for (const Registration& r : c.etape1().registrations)
        if (r.present) plan.rounds[0].groups[0].members.push_back(r.person);
    REQUIRE(c.session.apply(SetGroupPlan{e1, plan}).ok);
    c.show("groupes");
    probe::enable(true);
    c.frame();
    CHECK_FALSE(probe::find("groups.unplaced"));
    // A walk-in arrives after the groups were formed.
    const Id person = c.session.model().nextId;
    REQUIRE(c.session.applyAll({AddPerson{Person{person, "Nadia Arrivée", "", std::nullopt}},
                                AddRegistration{e1, Registration{0, person, 1, true, true}}},
                               "walk-in").ok);
    c.frame();
    c.frame();
    CHECK(probe::find("groups.unplaced"));
}

TEST_CASE("Justesse: Participation explains in the app what to do when a phone cannot connect, no « voir le README »") {
    for (int k = 0; k < static_cast<int>(Str::Count_); ++k)
        CHECK(std::string(tr(static_cast<Str>(k))).find("README") == std::string::npos);
    Console c;
    c.show("participation");
    REQUIRE(c.app.openParticipation("127.0.0.1", 0).ok);
    c.frame();
    c.frame();
    CHECK(probe::find("participation.help"));
    c.app.closeParticipation();
}

// [SECTION] Point 6: vote results use the screen at 1280×720

TEST_CASE("Justesse: at 1280×720 a vote's results fill the screen in large type, not its top 40 %") {
    Session session = atelier::test::dayOfEtapeSession();
    Headless imgui(1280, 720);
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;
    App app(session);
    app.state().selectedEtape = session.model().etapeByNumber(1)->id;
    for (size_t k = 0; k < 2 * session.model().etapeByNumber(1)->votes.size(); ++k) {
        const size_t v = k / 2;
        const bool countdown = k % 2 == 1;  // with the countdown running, the type stays as large
        if (countdown) {
            app.state().countdown.reset(300);
            app.state().countdown.start();
        } else {
            app.state().countdown.reset(0);
        }
        app.state().projector = "resultats";
        app.state().projected["resultats"] = session.model().etapeByNumber(1)->votes[v].id;
        UiRequests requests;
        for (int f = 0; f < 2; ++f) imgui.frame([&] { app.drawProjector(requests); });
        TextLog& log = textLog();
        log.clear();
        log.recording = true;
        imgui.frame([&] { app.drawProjector(requests); });
        log.recording = false;
        const Vote& vote = session.model().etapeByNumber(1)->votes[v];
        INFO(vote.setup.question << (countdown ? " with the countdown" : ""));
        CHECK(log.cuts.empty());
        for (const DrawnText& t : log.drawn)
            if (t.text == enumLabel(vote.setup.method)) CHECK(t.size >= 19.0f);  // was 13 px with the countdown
        int names = 0;
        for (const DrawnText& t : log.drawn)
            for (const std::string& option : vote.setup.options)
                if (t.text.find(option.substr(0, std::min<size_t>(option.size(), 8))) == 0) {
                    ++names;
                    CHECK(t.size >= 24.0f);  // was ~20 px: rows of 70 units at most
                }
        CHECK(names >= static_cast<int>(vote.setup.options.size()));
        // The rows reach the lower part of the screen: the last glyph drawn by the view is below 70 % of it.
        const ImGuiWindow* window = ImGui::FindWindowByName("##projector");
        REQUIRE(window);
        float lowest = 0;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        for (int i = 0; i < app.state().audienceLayout.viewVertices && i < window->DrawList->VtxBuffer.Size; ++i) {
            const ImDrawVert& vx = window->DrawList->VtxBuffer[i];
            if (vx.uv.x != white.x || vx.uv.y != white.y) lowest = std::max(lowest, vx.pos.y);
        }
        CHECK(lowest > 720 * 0.7f);
    }
}

TEST_CASE("Justesse: at 1280×720 the evaluation's legend is readable and sits under its bars") {
    Session session = atelier::test::dayOfEtapeSession();
    REQUIRE(atelier::test::addGoldenEssaimage(session).ok);
    Headless imgui(1280, 720);
    App app(session);
    app.state().selectedEtape = session.model().etapeByNumber(1)->id;
    REQUIRE(app.showScreen("projecteur-evaluation"));
    UiRequests requests;
    for (int f = 0; f < 2; ++f) imgui.frame([&] { app.drawProjector(requests); });
    TextLog& log = textLog();
    log.clear();
    log.recording = true;
    imgui.frame([&] { app.drawProjector(requests); });
    log.recording = false;
    CHECK(log.cuts.empty());
    const std::vector<std::string> scale = session.model().etapeByNumber(1)->evaluation.scale();
    int legend = 0;
    for (const DrawnText& t : log.drawn)
        if (t.colour == projector::kMuted && std::find(scale.begin(), scale.end(), t.text) != scale.end()) {
            ++legend;
            CHECK(t.size >= 20.0f);  // was 26 units: 17 px at 720p
        }
    CHECK(legend == static_cast<int>(scale.size()));
}
