// Votes as part of an étape: creating, casting, correcting and withdrawing ballots, closing — each undoable —
// and the results counted from the stored ballots.
#include <doctest/doctest.h>

#include "support/fixtures.h"

using namespace atelier;

namespace {

struct Fixture {
    Session s = test::tourSession();
    Id e1 = s.model().etapeByNumber(1)->id;

    Id addVote(VoteMethod method, std::vector<std::string> options) {
        VoteSetup setup;
        setup.question = "Quelles pratiques essaimer ?";
        setup.method = method;
        setup.options = std::move(options);
        const Status st = s.apply(AddVote{e1, Vote{0, setup, {}}});
        INFO(st.message);
        REQUIRE(st.ok);
        return s.model().etape(e1)->votes.back().id;
    }
    const Vote& vote(Id id) { return s.model().etape(e1)->votes[static_cast<size_t>(indexOf(s.model().etape(e1)->votes, id))]; }
    Status cast(Id vote, Ballot b) { return s.apply(CastBallot{e1, vote, StoredBallot{0, b}}); }
};

}  // namespace

TEST_CASE("votes: create, cast, correct, withdraw, close, each undoable") {
    Fixture f;
    const Id v = f.addVote(VoteMethod::Dot, {"Café des parents", "Cordées de la réussite", "Ateliers parents-enfants"});
    CHECK(f.s.undoLabel() == "Créer le vote «\u00a0Quelles pratiques essaimer ?\u00a0»");
    CHECK(f.vote(v).setup.dotsPerVoter == 3);

    REQUIRE(f.cast(v, Ballot{1, {}, {}, {{0, 2}, {1, 1}}, {}}).ok);
    REQUIRE(f.cast(v, Ballot{5, {}, {}, {{1, 3}}, {}}).ok);  // a table of five voting alike
    TallyOutcome r = tally(f.vote(v).election());
    REQUIRE(r.ok);
    CHECK(r.result.ballots == 6);
    CHECK(r.result.scores == std::vector<long long>{2, 16, 0});

    // Over the budget: refused with the ballot's number, nothing changes.
    const Status over = f.cast(v, Ballot{1, {}, {}, {{0, 4}}, {}});
    CHECK_FALSE(over.ok);
    CHECK(over.message.find("Bulletin 3\u00a0: 4 points distribués pour 3") != std::string::npos);
    CHECK(f.vote(v).ballots.size() == 2);

    // Correct the first ballot, then withdraw it; undo brings it back.
    StoredBallot first = f.vote(v).ballots[0];
    first.ballot.dots = {{2, 3}};
    REQUIRE(f.s.apply(CorrectBallot{f.e1, v, first}).ok);
    CHECK(tally(f.vote(v).election()).result.scores == std::vector<long long>{0, 15, 3});
    REQUIRE(f.s.apply(WithdrawBallot{f.e1, v, first.id}).ok);
    CHECK(f.vote(v).ballots.size() == 1);
    REQUIRE(f.s.undo().ok);
    CHECK(f.vote(v).ballots.size() == 2);
    CHECK(f.vote(v).ballots[0].id == first.id);  // back at its place

    // Options cannot change once ballots are cast; the question can; closing stops ballots.
    VoteSetup setup = f.vote(v).setup;
    setup.options.push_back("Autre");
    CHECK(f.s.apply(UpdateVote{f.e1, v, setup}).message.find("ne peuvent plus changer") != std::string::npos);
    setup = f.vote(v).setup;
    setup.open = false;
    REQUIRE(f.s.apply(UpdateVote{f.e1, v, setup}).ok);
    CHECK(f.s.undoLabel() == "Clore le vote «\u00a0Quelles pratiques essaimer ?\u00a0»");
    CHECK(f.cast(v, Ballot{1, {}, {}, {{0, 1}}, {}}).message.find("Le vote est clos") == 0);
    REQUIRE(f.s.undo().ok);  // reopened
    REQUIRE(f.cast(v, Ballot{1, {}, {}, {{0, 1}}, {}}).ok);

    REQUIRE(f.s.apply(RemoveVote{f.e1, v}).ok);
    CHECK(f.s.model().etape(f.e1)->votes.empty());
    REQUIRE(f.s.undo().ok);
    CHECK(f.vote(v).ballots.size() == 3);
}

TEST_CASE("votes: a bad setup is refused") {
    Fixture f;
    VoteSetup setup;
    setup.question = "Q";
    setup.options = {"Seule"};
    CHECK(f.s.apply(AddVote{f.e1, Vote{0, setup, {}}}).message.find("au moins 2 options") != std::string::npos);
    setup.options = {"A", "A"};
    CHECK(f.s.apply(AddVote{f.e1, Vote{0, setup, {}}}).message.find("deux fois") != std::string::npos);
    setup.options = {"A", std::string(600, 'x')};
    CHECK(f.s.apply(AddVote{f.e1, Vote{0, setup, {}}}).message.find("dépasse 500") != std::string::npos);
    setup.options = {"A", "B"};
    setup.method = VoteMethod::Majority;
    setup.grades = {"Bien"};
    CHECK(f.s.apply(AddVote{f.e1, Vote{0, setup, {}}}).message.find("au moins 2 mentions") != std::string::npos);
    CHECK(f.s.model().etape(f.e1)->votes.empty());
}

TEST_CASE("votes: majority judgment and Schulze counted from stored ballots") {
    Fixture f;
    const Id mj = f.addVote(VoteMethod::Majority, {"A", "B"});
    // Default scale: 0 À rejeter … 6 Excellent.
    REQUIRE(f.cast(mj, Ballot{3, {}, {}, {}, {{0, 5}, {1, 4}}}).ok);
    REQUIRE(f.cast(mj, Ballot{2, {}, {}, {}, {{0, 1}, {1, 4}}}).ok);
    const TallyOutcome r = tally(f.vote(mj).election());
    REQUIRE(r.ok);
    CHECK(r.result.medians == std::vector<int>{5, 4});
    CHECK(r.result.ranking == std::vector<std::vector<int>>{{0}, {1}});

    const Id sc = f.addVote(VoteMethod::Schulze, {"A", "B", "C"});
    REQUIRE(f.cast(sc, Ballot{1, {0, 1, 2}, {}, {}, {}}).ok);
    REQUIRE(f.cast(sc, Ballot{1, {1, 2, 0}, {}, {}, {}}).ok);
    REQUIRE(f.cast(sc, Ballot{1, {2, 0, 1}, {}, {}, {}}).ok);
    CHECK(tally(f.vote(sc).election()).result.ranking == std::vector<std::vector<int>>{{0, 1, 2}});
    CHECK(f.cast(sc, Ballot{1, {0, 0, 1}, {}, {}, {}}).message.find("apparaît deux fois") != std::string::npos);
}
