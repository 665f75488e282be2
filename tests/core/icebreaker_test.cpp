// Icebreakers: question cards drawn without repetition (seeded, undoable), the facilitator's own questions, the
// speed-meeting rounds (pairs from different Cités, nobody twice), « Qui est là ? ».
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/breakout.h"
#include "core/icebreaker.h"
#include "support/fixtures.h"

using namespace atelier;

TEST_CASE("cards are drawn without repetition, the same seed draws the same card, undo puts it back") {
    Session s = test::tourSession();
    const Id e1 = s.model().etapeByNumber(1)->id;
    std::set<std::string> drawn;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        REQUIRE(s.apply(DrawCard{e1, "fiertes", seed * 7919}).ok);
        drawn.insert(s.model().etape(e1)->icebreaker.drawn.back());
    }
    CHECK(drawn.size() == 4);  // four different cards from a deck of four
    const Status empty = s.apply(DrawCard{e1, "fiertes", 5});
    CHECK(empty.message.find("Toutes les cartes du paquet «\u00a0Fiertés et réussites\u00a0» ont été tirées") == 0);

    const std::string last = s.model().etape(e1)->icebreaker.drawn.back();
    REQUIRE(s.undo().ok);
    CHECK(s.model().etape(e1)->icebreaker.drawn.size() == 3);
    REQUIRE(s.redo().ok);
    CHECK(s.model().etape(e1)->icebreaker.drawn.back() == last);

    // Same cards left, same seed: same card (the draw replays).
    Session t = test::tourSession();
    REQUIRE(t.apply(DrawCard{e1, "fiertes", 7919}).ok);
    Session u = test::tourSession();
    REQUIRE(u.apply(DrawCard{e1, "fiertes", 7919}).ok);
    CHECK(t.model().etape(e1)->icebreaker.drawn == u.model().etape(e1)->icebreaker.drawn);

    // The facilitator adds a question: it can be drawn.
    REQUIRE(s.apply(AddQuestion{"fiertes", "Quel moment de l'année referiez-vous ?"}).ok);
    REQUIRE(s.apply(DrawCard{e1, "fiertes", 1}).ok);
    CHECK(s.model().etape(e1)->icebreaker.drawn.back() == "Quel moment de l'année referiez-vous ?");
    CHECK_FALSE(s.apply(AddQuestion{"fiertes", "   "}).ok);
    CHECK_FALSE(s.apply(AddQuestion{"inconnu", "Q ?"}).ok);
}

TEST_CASE("speed-meeting: pairs from different Cités, a trio when the count is odd, nobody twice, a prompt per round") {
    Session s = test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    const auto room = peopleInTheRoom(e);
    REQUIRE(room.size() == 6);
    SpeedMeetingRequest req;
    req.rounds = 3;
    req.roundSeconds = 240;
    req.deck = "fiertes";
    req.seed = 11;
    req.timeLimitMs = 0;
    req.maxIterations = 20'000;
    const SpeedMeetingResult r = planSpeedMeeting(s.model(), e, req);
    REQUIRE(r.ok());
    REQUIRE(r.icebreaker.rounds.size() == 3);
    std::set<std::string> prompts;
    for (const MeetingRound& round : r.icebreaker.rounds) {
        CHECK(round.pairs.size() == 3);
        size_t people = 0;
        for (const auto& pair : round.pairs) {
            CHECK(pair.size() == 2);
            people += pair.size();
        }
        CHECK(people == 6);
        prompts.insert(round.prompt);
    }
    CHECK(prompts.size() == 3);  // no prompt twice
    CHECK(r.repeatPairs == 0);
    REQUIRE(s.apply(SetIcebreaker{e.id, r.icebreaker}).ok);
    CHECK(s.model().etapeByNumber(1)->icebreaker.roundSeconds == 240);

    // Seven people: one trio.
    Session odd = test::dayOfEtapeSession();
    const Etape& oe = *odd.model().etapeByNumber(1);
    Registration extra = oe.registrations[2];
    extra.present = true;
    REQUIRE(odd.apply(UpdateRegistration{oe.id, extra}).ok);
    const SpeedMeetingResult r7 = planSpeedMeeting(odd.model(), *odd.model().etapeByNumber(1), req);
    REQUIRE(r7.ok());
    std::vector<size_t> sizes;
    for (const auto& pair : r7.icebreaker.rounds[0].pairs) sizes.push_back(pair.size());
    std::sort(sizes.begin(), sizes.end());
    CHECK(sizes == std::vector<size_t>{2, 2, 3});
}

TEST_CASE("who is here: the people in the room by Cité and by institution") {
    Session s = test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    const auto byCite = presenceByTerritory(s.model(), e);
    int total = 0;
    for (const auto& [name, n] : byCite) total += n;
    CHECK(total == 6);
    CHECK(byCite.front().second >= byCite.back().second);
    const auto byInstitution = presenceByInstitution(s.model(), e);
    CHECK(byInstitution.size() >= 3);
}
