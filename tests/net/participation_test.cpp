// The participation server driven over HTTP on 127.0.0.1: each request → action mapping and every refusal of
// issue 12. The test thread owns the session and pumps the queue while a request is in flight, as the app's UI
// thread and `atelier serve` do.
#include <doctest/doctest.h>

#include "core/enums.h"
#include "net/room.h"

using namespace atelier;
using namespace atelier::test;

TEST_CASE("joining: the right code gives a 128-bit token, a wrong one 403 in French, headers on every answer") {
    Room room;
    CHECK(room.server.code() == "123456");
    const std::string token = room.join({{"prenom", "Awa"}, {"groupe", "Groupe 2"}, {"cite", "Amiens"}});
    CHECK(token.size() == 32);
    CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(room.server.devices() == 1);
    CHECK(room.join() != token);

    auto wrong = room.post("/api/rejoindre", {{"code", "000000"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    CHECK(error(wrong) == tr(Str::NetWrongCode));
    auto state = room.get("/api/etat", token);
    auto nowhere = room.get("/nulle-part");
    for (const httplib::Result* answer : {&wrong, &state, &nowhere}) {
        const httplib::Result& res = *answer;
        REQUIRE(res);
        CHECK(res->get_header_value("Content-Security-Policy") == "default-src 'self'");
        CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
        CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    }
    auto missing = room.get("/nulle-part");
    CHECK(missing->status == 404);
    CHECK(error(missing) == tr(Str::NetNotFound));
    auto tooLongName = room.post("/api/rejoindre", {{"code", "123456"}, {"prenom", std::string(101, 'a')}});
    CHECK(tooLongName->status == 400);
}

TEST_CASE("joining: after 5 wrong codes in a minute an address is refused, even with the right code") {
    Room room;
    for (int i = 0; i < 5; ++i) CHECK(room.post("/api/rejoindre", {{"code", "654321"}})->status == 403);
    auto limited = room.post("/api/rejoindre", {{"code", "123456"}});
    CHECK(limited->status == 429);
    CHECK(error(limited) == tr(Str::NetTooManyCodes));
    CHECK(room.server.devices() == 0);
}

TEST_CASE("without a token or with an unknown one, everything but joining answers 401") {
    Room room;
    for (const std::string& token : {std::string(), std::string("0123456789abcdef0123456789abcdef")}) {
        const Str expected = token.empty() ? Str::NetNoToken : Str::NetBadToken;
        auto state = room.get("/api/etat", token);
        CHECK(state->status == 401);
        CHECK(error(state) == tr(expected));
        CHECK(room.post("/api/idees", {{"texte", "x"}}, token)->status == 401);
        CHECK(room.post("/api/bulletin", {{"vote", room.majority}}, token)->status == 401);
    }
    CHECK(room.theBoard().ideas.empty());
}

TEST_CASE("bodies over 8 KB are refused with 413 and a French message") {
    Room room;
    const std::string token = room.join();
    auto big = room.postRaw("/api/idees", Json{{"texte", std::string(9000, 'a')}}.dump(), token);
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(error(big) == tr(Str::NetBodyTooBig));
    CHECK(big->get_header_value("Content-Security-Policy") == "default-src 'self'");
    CHECK(room.theBoard().ideas.empty());
}

TEST_CASE("état: the étape, what is open to phones, the revision, no names or emails") {
    Room room;
    const std::string token = room.join();
    auto res = room.get("/api/etat", token);
    REQUIRE(res->status == 200);
    const Json state = Json::parse(res->body);
    CHECK(state.at("etape").at("numero") == 1);
    CHECK(state.at("activite") == "vote");
    CHECK(state.at("tableau").at("id") == room.board);
    CHECK(state.at("tableau").at("titre") == "Leviers");
    CHECK(state.at("tableau").at("colonnes").size() == room.theBoard().categories.size());
    const Json& vote = state.at("vote");
    CHECK(vote.at("id") == room.majority);
    CHECK(vote.at("methode") == "majority");
    CHECK(vote.at("propositions") == Json{"Cafés des parents", "Tutorat"});
    CHECK(vote.at("mentions") == Json(defaultGradeScale()));
    CHECK_FALSE(vote.contains("points_par_votant"));
    CHECK(state.at("minuteur_s").is_null());
    CHECK(state.at("revision").is_number_unsigned());  // the feed's revision (issue 28), not the session's
    CHECK(res->body.find("@") == std::string::npos);  // no email of the fixture's people

    room.server.setOpen({room.etape, room.board, std::nullopt});
    CHECK(Json::parse(room.get("/api/etat", token)->body).at("activite") == "idees");
    room.server.setOpen({room.etape, std::nullopt, room.dots});
    const Json dots = Json::parse(room.get("/api/etat", token)->body);
    CHECK(dots.at("activite") == "vote");
    CHECK(dots.at("tableau").is_null());
    CHECK(dots.at("vote").at("points_par_votant") == 3);
    room.server.setOpen({room.etape, std::nullopt, std::nullopt});
    const Json waiting = Json::parse(room.get("/api/etat", token)->body);
    CHECK(waiting.at("activite") == "attente");
    CHECK(waiting.at("vote").is_null());
}

TEST_CASE("POST /api/idees adds the idea to the board open to phones, with the device's group and first name") {
    Room room;
    const std::string token = room.join({{"prenom", "Awa"}, {"groupe", "Groupe 2"}});
    const std::string text = "Idée « accentuée » éàü";
    auto res = room.post("/api/idees", {{"texte", text}}, token);
    REQUIRE(res->status == 201);
    const Id id = Json::parse(res->body).at("id").get<Id>();
    const Idea* idea = room.theBoard().idea(id);
    REQUIRE(idea);
    CHECK(idea->text == text);
    CHECK(idea->group == "Groupe 2");
    CHECK(idea->author == "Awa");
    CHECK(idea->category == room.theBoard().categories.front().id);
    CHECK(idea->time > 0);
    CHECK(idea->entry == IdeaEntry::Phone);
    CHECK(enumKey(IdeaEntry::Phone) == "telephone");
    CHECK(std::string(enumLabel(IdeaEntry::Phone)) == "Téléphone");
    CHECK(room.session.canUndo());  // undo on the console works on phone actions

    const BoardCategory& second = room.theBoard().categories.at(1);
    auto byName = room.post("/api/idees", {{"texte", "Par nom"}, {"colonne", second.name}}, token);
    REQUIRE(byName->status == 201);
    CHECK(room.theBoard().idea(Json::parse(byName->body).at("id").get<Id>())->category == second.id);
    auto byId = room.post("/api/idees", {{"texte", "Par id"}, {"colonne", second.id}}, token);
    REQUIRE(byId->status == 201);
    CHECK(room.theBoard().idea(Json::parse(byId->body).at("id").get<Id>())->category == second.id);
    CHECK(room.post("/api/idees", {{"texte", "x"}, {"colonne", "Nulle part"}}, token)->status == 400);
    CHECK(room.theBoard().ideas.size() == 3);
}

TEST_CASE("ideas keep core's rules: too long, empty, invalid UTF-8, missing text, no board open → 409") {
    Room room;
    const std::string token = room.join();
    auto tooLong = room.post("/api/idees", {{"texte", std::string(501, 'a')}}, token);
    CHECK(tooLong->status == 400);
    CHECK(error(tooLong) == fmt(Str::ErrIdeaTooLong, {"501", "500"}));
    CHECK(room.post("/api/idees", {{"texte", std::string(500, 'a')}}, token)->status == 201);
    auto empty = room.post("/api/idees", {{"texte", "   "}}, token);
    CHECK(empty->status == 400);
    CHECK(error(empty) == tr(Str::ErrIdeaEmpty));
    auto invalid = room.postRaw("/api/idees", "{\"texte\": \"caf\xC3\"}", token);
    CHECK(invalid->status == 400);
    CHECK(error(invalid) == tr(Str::NetInvalidUtf8));
    CHECK(room.post("/api/idees", Json::object(), token)->status == 400);
    CHECK(room.postRaw("/api/idees", "pas du json", token)->status == 400);
    CHECK(room.post("/api/idees", {{"texte", 3}}, token)->status == 400);
    room.server.setOpen({room.etape, std::nullopt, room.majority});
    auto noBoard = room.post("/api/idees", {{"texte", "x"}}, token);
    CHECK(noBoard->status == 409);
    CHECK(error(noBoard) == tr(Str::NetNoBoard));
    CHECK(room.theBoard().ideas.size() == 1);
}

TEST_CASE("at most 20 ideas a minute per device: the 21st is 429, another device still posts") {
    Room room;
    const std::string token = room.join();
    for (int i = 0; i < 20; ++i)
        CHECK(room.post("/api/idees", {{"texte", "Idée " + std::to_string(i)}}, token)->status == 201);
    auto tooFast = room.post("/api/idees", {{"texte", "Une de trop"}}, token);
    CHECK(tooFast->status == 429);
    CHECK(error(tooFast) == tr(Str::NetTooManyIdeas));
    CHECK(room.post("/api/idees", {{"texte", "Autre téléphone"}}, room.join())->status == 201);
    CHECK(room.theBoard().ideas.size() == 21);
}

TEST_CASE("POST /api/bulletin casts one ballot per device per vote, a new one replaces it") {
    Room room;
    const std::string token = room.join();
    auto cast = room.post("/api/bulletin",
                          {{"vote", room.majority}, {"grades", {{"Cafés des parents", "Excellent"}, {"Tutorat", "Passable"}}}},
                          token);
    REQUIRE(cast->status == 200);
    REQUIRE(room.vote(room.majority).ballots.size() == 1);
    const StoredBallot first = room.vote(room.majority).ballots.front();
    CHECK(Json::parse(cast->body).at("id") == first.id);
    CHECK(first.ballot.count == 1);
    CHECK(first.ballot.grades.size() == 2);

    auto again = room.post("/api/bulletin", {{"vote", room.majority}, {"grades", {{"Tutorat", "Excellent"}}}}, token);
    REQUIRE(again->status == 200);
    REQUIRE(room.vote(room.majority).ballots.size() == 1);  // replaced, not added
    CHECK(room.vote(room.majority).ballots.front().id == first.id);
    CHECK(room.vote(room.majority).ballots.front().ballot != first.ballot);

    CHECK(room.post("/api/bulletin", {{"vote", room.majority}, {"grades", Json::object()}}, room.join())->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 2);
}

TEST_CASE("ballots: invalid → 400 naming the problem, closed or not open to phones → 409") {
    Room room;
    const std::string token = room.join();
    auto unknown = room.post("/api/bulletin", {{"vote", room.majority}, {"grades", {{"Cantine", "Bien"}}}}, token);
    CHECK(unknown->status == 400);
    CHECK(error(unknown).find("Cantine") != std::string::npos);
    auto badGrade = room.post("/api/bulletin", {{"vote", room.majority}, {"grades", {{"Tutorat", "Génial"}}}}, token);
    CHECK(badGrade->status == 400);
    CHECK(error(badGrade).find("Génial") != std::string::npos);
    auto wrongKey = room.post("/api/bulletin", {{"vote", room.majority}, {"approve", {"Tutorat"}}}, token);
    CHECK(wrongKey->status == 400);
    CHECK(error(wrongKey).find("approve") != std::string::npos);
    CHECK(room.post("/api/bulletin", {{"vote", room.majority}}, token)->status == 400);
    CHECK(room.post("/api/bulletin", {{"grades", Json::object()}}, token)->status == 400);

    room.server.setOpen({room.etape, std::nullopt, room.dots});
    auto over = room.post("/api/bulletin", {{"vote", room.dots}, {"dots", {{"A", 2}, {"B", 2}}}}, token);
    CHECK(over->status == 400);  // core's budget rule
    CHECK(room.post("/api/bulletin", {{"vote", room.dots}, {"dots", {{"A", 2}, {"B", 1}}}}, token)->status == 200);
    auto notOpen = room.post("/api/bulletin", {{"vote", room.majority}, {"grades", Json::object()}}, token);
    CHECK(notOpen->status == 409);
    CHECK(error(notOpen) == tr(Str::NetNoVote));

    room.server.setOpen({room.etape, std::nullopt, room.closed});
    auto closed = room.post("/api/bulletin", {{"vote", room.closed}, {"approve", {"Oui"}}}, token);
    CHECK(closed->status == 409);
    CHECK(error(closed) == tr(Str::ErrVoteClosed));
    CHECK(room.vote(room.closed).ballots.empty());
    CHECK(room.vote(room.majority).ballots.empty());
    CHECK(room.vote(room.dots).ballots.size() == 1);
}

TEST_CASE("an owner that does not drain: 503 after the timeout, and the job never runs") {
    net::Limits limits = roomLimits();
    limits.answerTimeout = std::chrono::milliseconds(50);
    Room room(limits);
    const std::string token = room.join();  // joining does not wait for the owner
    httplib::Client client("127.0.0.1", room.server.port());
    auto res = client.Post("/api/idees", {{"Authorization", "Bearer " + token}}, Json{{"texte", "x"}}.dump(),
                           "application/json");
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(error(res) == tr(Str::NetBusy));
    CHECK(room.server.pump(room.session) == 0);
    CHECK(room.theBoard().ideas.empty());
}

TEST_CASE("start: a busy port moves to the next one, a bad code is refused, stop and restart forget devices") {
    Room room;
    const int busy = room.server.port();
    net::Participation second;
    REQUIRE(second.start("127.0.0.1", busy));
    CHECK(second.port() > busy);
    CHECK(second.port() < busy + net::Participation::kPortTries);
    CHECK(second.code().size() == 6);
    second.stop();
    CHECK_FALSE(second.running());
    CHECK_FALSE(second.start("127.0.0.1", 0, "12ab56"));

    const std::string token = room.join();
    room.server.stop();
    REQUIRE(room.server.start("127.0.0.1", 0, "654321"));
    CHECK(room.server.devices() == 0);
    CHECK(room.get("/api/etat", token)->status == 401);
}

TEST_CASE("joinUrls: one URL per local address on 0.0.0.0, the host otherwise") {
    CHECK(net::joinUrls("127.0.0.1", 8300) == std::vector<std::string>{"http://127.0.0.1:8300/"});
    for (const std::string& url : net::joinUrls("0.0.0.0", 8301)) {
        CHECK(url.rfind("http://", 0) == 0);
        CHECK(url.find(":8301/") != std::string::npos);
    }
}
