// The Votes screen driven through simulated mouse and keyboard: creating a vote, entering a ballot, a show of
// hands, projecting the results.
#include <doctest/doctest.h>

#include <algorithm>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

namespace {

/// The console on a day's data (three votes on étape 1), on the Votes tab.
struct VotesConsole : atelier::ui::test::Console {
    VotesConsole() {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        show("votes");
    }
    const Vote& vote(size_t i) { return etape1().votes[i]; }
    void setNumber(const std::string& key, const std::string& value) {
        click(key);
        selectAll();
        typeAndEnter(value);
    }
};

}  // namespace

TEST_CASE("Votes: entering a dot-voting ballot emits one cast, undone by Ctrl+Z") {
    VotesConsole c;
    c.click("vote.1");  // « Sur quoi travailler l'après-midi ? », 3 dots per voter
    REQUIRE(c.app.view<VotesView>().selected == c.vote(1).id);
    const size_t before = c.vote(1).ballots.size();
    c.setNumber("ballot.dots.0", "2");
    c.setNumber("ballot.dots.2", "1");
    const Actions emitted = c.click("ballot.cast");
    REQUIRE(emitted.size() == 1);
    const auto& cast = std::get<CastBallot>(emitted[0]);
    CHECK(cast.vote == c.vote(1).id);
    CHECK(cast.ballot.ballot.dots == std::vector<std::pair<int, long long>>{{0, 2}, {2, 1}});
    CHECK(cast.ballot.ballot.count == 1);
    REQUIRE(c.vote(1).ballots.size() == before + 1);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.vote(1).ballots.size() == before);
}

TEST_CASE("Votes: a ballot over the budget is refused with its number, nothing changes") {
    VotesConsole c;
    c.click("vote.1");
    const size_t before = c.vote(1).ballots.size();
    c.setNumber("ballot.dots.0", "4");
    c.click("ballot.cast");
    CHECK(c.vote(1).ballots.size() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("4 points distribués pour 3") != std::string::npos);
}

TEST_CASE("Votes: a show of hands records one total per proposal as one step") {
    VotesConsole c;
    c.click("vote.1");
    const size_t before = c.vote(1).ballots.size();
    c.click("ballot.hands-mode");
    c.setNumber("ballot.hands.0", "12");
    c.setNumber("ballot.hands.1", "7");
    c.click("ballot.cast-hands");
    REQUIRE(c.lastActions.batches.size() == 1);
    CHECK(c.lastActions.batches[0].actions.size() == 2);
    REQUIRE(c.vote(1).ballots.size() == before + 2);
    CHECK(c.vote(1).ballots[before].ballot.count == 12);
    REQUIRE(c.session.undo().ok);  // one undo removes both totals
    CHECK(c.vote(1).ballots.size() == before);
}

TEST_CASE("Votes: creating a vote from typed proposals, then projecting its results") {
    VotesConsole c;
    c.click("new-vote.question");
    c.imgui.type("Quel thème pour l'étape 4 ?");
    c.frame();
    c.click("new-vote.options");
    c.imgui.type("Parentalité\nNumérique\n\nSanté des enfants\n");
    c.frame();
    const Actions emitted = c.click("new-vote.create");
    REQUIRE(emitted.size() == 1);
    const auto& add = std::get<AddVote>(emitted[0]);
    CHECK(add.vote.setup.question == "Quel thème pour l'étape 4 ?");
    CHECK(add.vote.setup.method == VoteMethod::Dot);
    CHECK(add.vote.setup.options == std::vector<std::string>{"Parentalité", "Numérique", "Santé des enfants"});
    REQUIRE(c.etape1().votes.size() == 4);
    c.frame();
    CHECK(c.app.view<VotesView>().selected == c.vote(3).id);

    c.click("vote.project");
    CHECK(c.app.state().projector == "resultats");
    CHECK(c.app.state().projected["resultats"] == c.vote(3).id);
}

TEST_CASE("Votes: the proposals of a new vote can come from an idea board (its clusters)") {
    VotesConsole c;
    REQUIRE_FALSE(c.etape1().boards.empty());
    const Board& board = c.etape1().boards.front();
    REQUIRE_FALSE(board.clusters.empty());
    c.click("new-vote.from-board");
    c.click("from-board." + std::to_string(board.id) + ".clusters");
    std::string expected;
    for (const IdeaCluster& cl : board.clusters) expected += cl.name + "\n";
    CHECK(c.app.view<VotesView>().newOptions == expected);
    CHECK(c.app.view<VotesView>().newQuestion == board.title);
    const Actions emitted = c.click("new-vote.create");
    REQUIRE(emitted.size() == 1);
    const auto& add = std::get<AddVote>(emitted[0]);
    REQUIRE(add.vote.setup.options.size() == board.clusters.size());
    CHECK(add.vote.setup.options.front() == board.clusters.front().name);

    // Its ideas: only the revealed ones, each once.
    c.click("new-vote.from-board");
    c.click("from-board." + std::to_string(board.id) + ".ideas");
    size_t revealed = 0;
    for (const Idea& i : board.ideas) revealed += !i.hidden;
    const std::string& lines = c.app.view<VotesView>().newOptions;
    CHECK(static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n')) <= revealed);
    CHECK(std::count(lines.begin(), lines.end(), '\n') > 0);
}

TEST_CASE("Votes: grading every proposal of a majority-judgment ballot and casting it (no crash)") {
    VotesConsole c;
    REQUIRE(c.vote(0).setup.method == VoteMethod::Majority);
    c.click("vote.0");
    REQUIRE(c.app.view<VotesView>().selected == c.vote(0).id);
    const size_t before = c.vote(0).ballots.size();
    const size_t options = c.vote(0).setup.options.size();
    REQUIRE(options >= 2);
    // Grade each proposal: open its combo, pick a grade (the first pick on a ballot grows the list of grades).
    for (size_t i = 0; i < options; ++i) {
        c.click("ballot.grade." + std::to_string(i));
        c.click("ballot.grade." + std::to_string(i) + "." + std::to_string(i % 3 + 1));
    }
    const Ballot& draft = c.app.view<VotesView>().draft;
    REQUIRE(draft.grades.size() == options);
    for (size_t i = 0; i < options; ++i) {
        CHECK(draft.grades[i].first == static_cast<int>(i));
        CHECK(draft.grades[i].second == static_cast<int>(i % 3 + 1));
    }
    // Changing a grade already given replaces it.
    c.click("ballot.grade.0");
    c.click("ballot.grade.0.5");
    REQUIRE(c.app.view<VotesView>().draft.grades.size() == options);
    CHECK(c.app.view<VotesView>().draft.grades[0].second == 5);
    const Actions emitted = c.click("ballot.cast");
    REQUIRE(emitted.size() == 1);
    REQUIRE(c.vote(0).ballots.size() == before + 1);
    CHECK(c.vote(0).ballots.back().ballot.grades.size() == options);
}

TEST_CASE("Votes: more voices than people checked in is flagged, as many or fewer is not (issue 28 point 5)") {
    VotesConsole c;
    c.click("vote.1");
    c.frame();
    const Etape& e = c.etape1();
    long long voices = 0;
    for (const StoredBallot& b : c.vote(1).ballots) voices += b.ballot.count;
    long long present = 0;
    for (const Registration& r : e.registrations) present += r.present ? 1 : 0;
    CHECK(ui::probe::find("votes.more-voices-than-present").has_value() == (present > 0 && voices > present));
    // Everyone checked out but one: any second voice is one too many.
    const Id etape = e.id;
    bool kept = false;
    for (Registration r : std::vector<Registration>(e.registrations)) {
        r.present = !kept;
        kept = true;
        REQUIRE(c.session.apply(UpdateRegistration{etape, r}));
    }
    for (; voices < 2; ++voices)  // at least two voices for one person present
        REQUIRE(c.session.apply(CastBallot{etape, c.vote(1).id, StoredBallot{0, Ballot{1, {}, {}, {{0, 1}}, {}}}}));
    c.frame();
    c.frame();
    CHECK(ui::probe::find("votes.more-voices-than-present").has_value());
}

TEST_CASE("Votes: « Un bulletin par personne présente » is chosen before the first ballot, not after") {
    VotesConsole c;
    const Id etape = c.etape1().id;
    VoteSetup setup{"Qui porte l'action ?", VoteMethod::Approval, {"Amiens", "Lens"}};
    REQUIRE(c.session.apply(AddVote{etape, Vote{0, setup, {}}}));
    const size_t last = c.etape1().votes.size() - 1;
    c.click("vote." + std::to_string(last));
    const Actions emitted = c.click("vote.per-person");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<UpdateVote>(emitted[0]).setup.perPerson);
    CHECK(c.vote(last).setup.perPerson);
    // A vote with ballots keeps its mode: the box is disabled, and core refuses the change anyway.
    c.click("vote.1");
    REQUIRE_FALSE(c.vote(1).ballots.empty());
    CHECK(c.click("vote.per-person").empty());
    VoteSetup changed = c.vote(1).setup;
    changed.perPerson = true;
    CHECK_FALSE(c.session.apply(UpdateVote{etape, c.vote(1).id, changed}));
}
