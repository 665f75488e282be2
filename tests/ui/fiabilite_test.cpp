// Reliability of the console (issue « Fiabilité »): fields posted with Enter survive Ctrl+Z right after Enter,
// keep the keystrokes typed ahead, keep what was refused; a change the journal could not save opens a modal;
// Fichier → Quitter ends the loop.
#include <doctest/doctest.h>

#include <algorithm>

#include <stdexcept>

#include "core/strings.h"
#include "core/text.h"
#include "support/invariants.h"
#include "ui/harness.h"
#include "ui/keys.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// The console with helpers to post in the field that has the keyboard.
struct PostConsole : Console {
    /// Types `text` into the field that has the keyboard, presses Enter, waits for the field to take it back.
    void post(const std::string& text) {
        imgui.type(text);
        frame();
        press(ImGuiKey_Enter);
        frame();
        frame();
    }
    /// Ctrl+Entrée: confirms the walk-in asked about at the door.
    void confirmWalkIn() {
        imgui.ctrl(true);
        press(ImGuiKey_Enter);
        imgui.ctrl(false);
        frame();
        frame();
    }
    /// Ctrl+Z then a few letters and Enter, right after a post: the field is empty with nothing of its own to undo,
    /// so Ctrl+Z undoes the post (issue 29 point 4); what is typed next is posted whole.
    void undoThenPost(const std::string& text) {
        imgui.ctrl(true);
        imgui.keyDown(keyIndex(ImGuiKey_Z), true);
        frame();
        imgui.keyDown(keyIndex(ImGuiKey_Z), false);
        imgui.ctrl(false);
        frame();
        post(text);
    }
};

/// The console on a day's data (étape 1: an idea board, votes, registrations), showing `screen`.
struct DayConsole : PostConsole {
    explicit DayConsole(const char* screen) {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        show(screen);
    }
    const Board& board() { return etape1().boards.back(); }
};

/// Types `text` with every '\n' as the platform sends Enter (kTypedEnter), all within one frame.
std::string typedAhead(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != '\n') {
            out += c;
            continue;
        }
        ImWchar marker = kTypedEnter;  // U+E000 in UTF-8
        out += static_cast<char>(0xE0 | (marker >> 12));
        out += static_cast<char>(0x80 | ((marker >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (marker & 0x3F));
    }
    return out;
}

/// A journal that refuses to commit while `full`, like a full disk.
struct FullDiskJournal : Journal {
    bool full = false;
    void record(const Action&, JournalKind) override {}
    void commit() override {
        if (full) throw std::runtime_error("database or disk is full");
    }
};

}  // namespace

// [SECTION] Point 1: Ctrl+Z right after Enter, in every field that empties itself after Enter

TEST_CASE("Fiabilité: Ctrl+Z right after posting, then typing, in every field posted with Enter") {
    SUBCASE("the quick entry of ideas") {
        DayConsole c("idees");
        const size_t before = c.board().ideas.size();
        c.click("idees.entry");
        c.post("idée un");
        REQUIRE(c.board().ideas.size() == before + 1);
        c.undoThenPost("deux");
        // The field was empty: Ctrl+Z undid the idea just posted (issue 29 point 4), then « deux » was posted whole.
        REQUIRE(c.board().ideas.size() == before + 1);
        CHECK(c.board().ideas.back().text == "deux");
        CHECK(c.app.view<BoardsView>().draft.empty());
    }
    SUBCASE("the check-in at the door") {
        DayConsole c("inscriptions");
        const size_t before = c.etape1().registrations.size();
        c.post("Jeanne Valjean");  // the field has the keyboard when the screen opens
        c.confirmWalkIn();         // a walk-in: Ctrl+Entrée confirms (issue 29: not a second Enter)
        REQUIRE(c.etape1().registrations.size() == before + 1);
        c.undoThenPost("Jean Moulin");
        c.confirmWalkIn();
        REQUIRE(c.etape1().registrations.size() == before + 1);  // Jeanne's walk-in undone, Jean's added
        CHECK(c.session.model().person(c.etape1().registrations.back().person)->name == "Jean Moulin");
    }
    SUBCASE("a new territory") {
        PostConsole c;
        c.show("reseau");
        c.click("new-territory");
        c.post("Hénin-Beaumont");
        REQUIRE(c.session.model().territoryByName("Hénin-Beaumont"));
        c.undoThenPost("Liévin");
        CHECK_FALSE(c.session.model().territoryByName("Hénin-Beaumont"));  // undone by Ctrl+Z in the empty field
        CHECK(c.session.model().territories.back().name == "Liévin");
    }
    SUBCASE("a new person") {
        PostConsole c;
        c.show("reseau");
        c.click("new-person");
        c.post("Zoé Martin");
        REQUIRE(c.session.model().people.back().name == "Zoé Martin");
        c.undoThenPost("Ali Haddad");
        CHECK(c.session.model().people.back().name == "Ali Haddad");
        CHECK(c.session.model().people.size() == 2);  // Zoé undone by Ctrl+Z in the empty field
    }
    SUBCASE("a new question card") {
        DayConsole c("brise-glace");
        c.click("cards.new-question");
        c.post("Quel projet vous rend fier ?");
        c.undoThenPost("Quel livre conseilleriez-vous ?");
        const auto& questions = c.session.model().deck("fiertes")->questions;
        REQUIRE(questions.size() >= 1);
        CHECK(std::find(questions.begin(), questions.end(), "Quel projet vous rend fier ?") == questions.end());
        CHECK(questions.back() == "Quel livre conseilleriez-vous ?");
    }
}

// [SECTION] Point 11: keystrokes typed ahead of the next frame are kept

TEST_CASE("Fiabilité: ideas typed fast, Enter and the next idea within one frame, all arrive complete") {
    DayConsole c("idees");
    const size_t before = c.board().ideas.size();
    c.click("idees.entry");
    SUBCASE("Enter sent by the platform among the characters, the Enter key down in the same frame") {
        c.imgui.type(typedAhead("idée un\nidée deux\nidée trois"));
        c.imgui.keyDown(keyIndex(ImGuiKey_Enter), true);
        c.frame();
        c.imgui.keyDown(keyIndex(ImGuiKey_Enter), false);
        for (int i = 0; i < 8; ++i) c.frame();
        REQUIRE(c.board().ideas.size() == before + 2);
        CHECK(c.board().ideas[before].text == "idée un");
        CHECK(c.board().ideas[before + 1].text == "idée deux");
        CHECK(c.app.view<BoardsView>().draft == "idée trois");  // being typed: in the field
        CHECK(ImGui::GetIO().WantTextInput);
    }
    SUBCASE("the Enter key pressed and released within the frame (only the typed Enters tell)") {
        c.imgui.type(typedAhead("un café des parents\nune permanence le samedi\n"));
        for (int i = 0; i < 8; ++i) c.frame();
        REQUIRE(c.board().ideas.size() == before + 2);
        CHECK(c.board().ideas[before].text == "un café des parents");
        CHECK(c.board().ideas[before + 1].text == "une permanence le samedi");
    }
    SUBCASE("new lines typed as characters post like Enter") {
        c.imgui.type("idée un\nidée deux\n");
        for (int i = 0; i < 8; ++i) c.frame();
        REQUIRE(c.board().ideas.size() == before + 2);
        CHECK(c.board().ideas[before].text == "idée un");
        CHECK(c.board().ideas[before + 1].text == "idée deux");
        CHECK(c.app.view<BoardsView>().pasted.empty());  // typed, not pasted: no confirmation asked
    }
    SUBCASE("characters typed in the frame right after Enter") {
        c.imgui.type("première");
        c.frame();
        c.imgui.keyDown(keyIndex(ImGuiKey_Enter), true);
        c.frame();
        c.imgui.keyDown(keyIndex(ImGuiKey_Enter), false);
        c.imgui.type("seconde");  // before the field had the keyboard back
        c.frame();
        c.imgui.type(" idée");
        c.frame();
        c.press(ImGuiKey_Enter);
        c.frame();
        REQUIRE(c.board().ideas.size() == before + 2);
        CHECK(c.board().ideas[before].text == "première");
        CHECK(c.board().ideas[before + 1].text == "seconde idée");
    }
}

TEST_CASE("Fiabilité: other fields ignore the Enter the platform puts among the characters") {
    Console c;
    c.click("item.0.title");
    c.selectAll();
    c.imgui.type(typedAhead("Accueil café\n"));
    c.imgui.keyDown(keyIndex(ImGuiKey_Enter), true);
    c.frame();
    c.imgui.keyDown(keyIndex(ImGuiKey_Enter), false);
    c.frame();
    CHECK(c.etape1().programme[0].title == "Accueil café");  // committed by the Enter key, no stray character
}

TEST_CASE("Fiabilité: names typed fast at the door, each checked in complete") {
    DayConsole c("inscriptions");
    const size_t before = c.etape1().registrations.size();
    // Walk-ins: Enter asks, Ctrl+Entrée confirms (issue 29: a second Enter no longer does).
    auto confirm = [&] {
        c.imgui.ctrl(true);
        c.press(ImGuiKey_Enter);
        c.imgui.ctrl(false);
        for (int i = 0; i < 3; ++i) c.frame();
    };
    c.imgui.type(typedAhead("Jeanne Valjean\n"));
    for (int i = 0; i < 4; ++i) c.frame();
    confirm();
    c.imgui.type(typedAhead("Jean Moulin\n"));
    for (int i = 0; i < 4; ++i) c.frame();
    confirm();
    REQUIRE(c.etape1().registrations.size() == before + 2);
    CHECK(c.session.model().person(c.etape1().registrations[before].person)->name == "Jeanne Valjean");
    CHECK(c.session.model().person(c.etape1().registrations[before + 1].person)->name == "Jean Moulin");
}

// [SECTION] Point 12: refused input is kept, to be corrected

TEST_CASE("Fiabilité: a refused idea stays in the box, with its message, to be corrected") {
    DayConsole c("idees");
    const size_t before = c.board().ideas.size();
    std::string long_;
    while (countCodePoints(long_) < 659) long_ += "é";  // 659 characters, 1,318 bytes
    c.click("idees.entry");
    ImGui::SetClipboardText(long_.c_str());
    c.ctrlPress(ImGuiKey_V);
    c.press(ImGuiKey_Enter);
    c.frame();
    CHECK(c.board().ideas.size() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("659 caractères") != std::string::npos);
    CHECK(c.app.view<BoardsView>().draft == long_);  // nothing typed is lost
    // Corrected (shortened) in the field, it goes through.
    c.frame();
    CHECK(ImGui::GetIO().WantTextInput);
    c.selectAll();
    c.post("Une idée plus courte");
    REQUIRE(c.board().ideas.size() == before + 1);
    CHECK(c.board().ideas.back().text == "Une idée plus courte");
    CHECK(c.app.view<BoardsView>().draft.empty());
}

TEST_CASE("Fiabilité: an over-budget dot ballot keeps every field, corrected it is cast") {
    DayConsole c("votes");
    auto setNumber = [&](const std::string& key, const std::string& value) {
        c.frame();
        const auto rect = probe::find(key);
        REQUIRE(rect);
        c.imgui.moveMouse(ImVec2(rect->Min.x + 20.0f, rect->GetCenter().y));  // in the field, not on its label
        c.frame();
        c.imgui.mouseDown(true);
        c.frame();
        c.imgui.mouseDown(false);
        c.frame();
        c.selectAll();
        c.typeAndEnter(value);
    };
    c.click("vote.1");  // dot voting, 3 dots per voter
    const Vote& vote = c.etape1().votes[1];
    const size_t before = vote.ballots.size();
    setNumber("ballot.dots.0", "2");
    setNumber("ballot.dots.1", "2");
    setNumber("ballot.count", "5");
    c.click("ballot.cast");
    CHECK(c.etape1().votes[1].ballots.size() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    const Ballot& draft = c.app.view<VotesView>().draft;
    CHECK(draft.dots == std::vector<std::pair<int, long long>>{{0, 2}, {1, 2}});
    CHECK(draft.count == 5);
    setNumber("ballot.dots.1", "1");
    c.click("ballot.cast");
    c.frame();
    REQUIRE(c.etape1().votes[1].ballots.size() == before + 1);
    CHECK(c.etape1().votes[1].ballots.back().ballot.count == 5);
    CHECK(c.app.view<VotesView>().draft.dots.empty());  // accepted: a fresh ballot
}

TEST_CASE("Fiabilité: a refused territory, vote or door check-in keeps what was typed") {
    SUBCASE("a territory that already exists") {
        PostConsole c;
        c.show("reseau");
        c.click("new-territory");
        c.post("Amiens");
        CHECK(c.app.view<NetworkView>().newTerritory == "Amiens");
        REQUIRE_FALSE(c.app.state().toasts.empty());
        CHECK(c.app.state().toasts.back().text.find("existe déjà") != std::string::npos);
    }
    SUBCASE("a vote with a single proposal") {
        DayConsole c("votes");
        const size_t before = c.etape1().votes.size();
        c.click("new-vote.question");
        c.imgui.type("Quel thème ?");
        c.frame();
        c.click("new-vote.options");
        c.imgui.type("Parentalité");
        c.frame();
        c.click("new-vote.create");
        CHECK(c.etape1().votes.size() == before);
        CHECK(c.app.view<VotesView>().newQuestion == "Quel thème ?");
        CHECK(c.app.view<VotesView>().newOptions == "Parentalité");
    }
    SUBCASE("a walk-in whose name is too long") {
        DayConsole c("inscriptions");
        const size_t before = c.etape1().registrations.size();
        const std::string name(300, 'x');
        c.post(name);
        CHECK(c.etape1().registrations.size() == before);
        CHECK(c.app.view<RegistrationsView>().checkin == name);
    }
}

// [SECTION] Point 10: a change the journal could not save is shown at once, in a modal

TEST_CASE("Fiabilité: a commit that fails while the app runs opens a modal, nothing changes, the text stays") {
    FullDiskJournal journal;
    DayConsole c("idees");
    c.session = Session(atelier::test::dayOfEtapeSession().model(), &journal);
    c.frame();
    const Model before = c.session.model();
    journal.full = true;
    c.click("idees.entry");
    c.post("Une idée qui ne sera pas enregistrée");
    CHECK(atelier::test::sameContent(c.session.model(), before));
    const AppState::Unsaved& u = c.app.state().unsaved;
    REQUIRE(u.open);
    CHECK(u.change.find("Une idée qui ne sera pas enregistrée") != std::string::npos);
    CHECK(u.error.find("database or disk is full") != std::string::npos);
    CHECK(c.app.view<BoardsView>().draft == "Une idée qui ne sera pas enregistrée");  // nothing typed is lost
    c.frame();
    REQUIRE(probe::find("unsaved.ok"));  // the modal is on screen, above everything
    CHECK(ImGui::IsPopupOpen("##unsaved", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(fmt(Str::UnsavedBody, {u.change}).find("n'a pas été enregistré") != std::string::npos);

    // An undo refused the same way counts in the same modal.
    journal.full = false;
    REQUIRE(c.session.apply(SetBoardHidden{c.etape1().id, c.board().id, !c.board().hideNew}).ok);
    const bool hidden = c.board().hideNew;
    journal.full = true;
    c.requests.undo = true;
    c.settle();
    CHECK(c.app.state().unsaved.count == 2);
    CHECK(c.board().hideNew == hidden);

    // « J'ai compris » closes it; once the disk has room, the same text is posted.
    c.click("unsaved.ok");
    CHECK_FALSE(c.app.state().unsaved.open);
    journal.full = false;
    c.click("idees.entry");
    c.press(ImGuiKey_Enter);
    c.frame();
    CHECK(c.board().ideas.back().text == "Une idée qui ne sera pas enregistrée");
    CHECK(c.app.view<BoardsView>().draft.empty());
}

TEST_CASE("Fiabilité: a refused action that is not a disk problem stays a toast") {
    DayConsole c("idees");
    c.click("idees.entry");
    c.post(std::string(501, 'a'));
    CHECK_FALSE(c.app.state().unsaved.open);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().error);
}

// [SECTION] Point 17: Fichier → Quitter

TEST_CASE("Fiabilité: Fichier → Quitter asks the loop to end, and the request outlives the frame's requests") {
    Console c;
    CHECK_FALSE(c.app.state().quitRequested);
    c.click("menu.file");
    c.click("menu.quit");
    // The platform's loop resets the frame's requests after apply(), then reads this.
    CHECK(c.requests.quit == false);
    CHECK(c.app.state().quitRequested);
}

// [SECTION] Found by the monkey: a person deleted while still in an étape's groups

TEST_CASE("Fiabilité: a person still in an étape's breakout groups cannot be deleted (found by the UI monkey)") {
    Session s = atelier::test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    REQUIRE_FALSE(e.groups.rounds.empty());
    const Id person = e.groups.rounds[0].groups[0].members[0];
    Id registration = 0;
    for (const Registration& r : e.registrations)
        if (r.person == person) registration = r.id;
    REQUIRE(registration);
    REQUIRE(s.apply(RemoveRegistration{e.id, registration}).ok);  // no longer registered…
    const Model before = s.model();
    const Status st = s.apply(RemovePerson{person});  // …but still in the groups and the speed-meeting
    CHECK_FALSE(st.ok);
    CHECK(st.message.find("groupes") != std::string::npos);
    CHECK(s.model() == before);
    CHECK(atelier::test::invariantViolations(s.model()).empty());
}

// [SECTION] Found by the monkey: Escape in the frame a menu opened by sliding has no window yet

TEST_CASE("Fiabilité: Escape while sliding from one menu to the next does not crash (found by the UI monkey)") {
    Console c;
    c.click("menu.file");  // Fichier open
    REQUIRE(c.imgui.context()->OpenPopupStack.Size == 1);
    c.imgui.moveMouse(c.center("menu.edit"));  // slide to Édition: Dear ImGui opens it, its window comes a frame later
    c.frame();
    ImGuiContext& g = *c.imgui.context();
    REQUIRE(g.OpenPopupStack.Size == 1);
    REQUIRE(g.OpenPopupStack.back().Window == nullptr);  // the state in which 1.86 dereferenced null on Escape
    c.imgui.keyDown(keyIndex(ImGuiKey_Escape), true);
    c.frame();  // held back one frame
    c.frame();  // then closes the menu
    c.imgui.keyDown(keyIndex(ImGuiKey_Escape), false);
    c.frame();
    CHECK(g.OpenPopupStack.Size == 0);
}
