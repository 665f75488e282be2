// The participation API that the participant page and the console build on: long polling of the state, the join
// form's /api/salle, a device's own ideas (list, change, delete), the page's files, and the console's calls
// (devices, blocking, a new code, the countdown, pump()).
#include <doctest/doctest.h>

#include "assets.h"
#include "core/enums.h"
#include "net/ballot_json.h"
#include "net/room.h"

using namespace atelier;
using namespace atelier::test;

namespace {

std::string etatSince(std::uint64_t revision) { return "/api/etat?revision=" + std::to_string(revision); }

net::Limits longPolls(int ms) {
    net::Limits limits = roomLimits();
    limits.longPoll = std::chrono::milliseconds(ms);
    return limits;
}

}  // namespace

// [SECTION] Long polling of the state

TEST_CASE("long poll: a stale or missing revision answers at once, the current one waits for a change") {
    Room room(longPolls(60'000));  // a wait would outlast the client's 10 s: an answer proves there was none
    const std::string token = room.join();
    const Json first = room.state(token);
    const std::uint64_t revision = first.at("revision").get<std::uint64_t>();
    auto stale = room.get(etatSince(revision + 7), token);
    REQUIRE(stale);
    CHECK(stale->status == 200);
    CHECK(Json::parse(stale->body).at("revision") == revision);
    CHECK(room.get("/api/etat?revision=abc", token)->status == 200);  // not a number: as if none was given

    auto waiting = room.getLater(etatSince(revision), token);
    CHECK(room.stillWaiting(waiting, 300));  // nothing changed: no answer yet
    // A change phones do not see (a board not open to them) wakes nobody (issue 28: idle phones cost nothing).
    REQUIRE(room.session.apply(AddBoard{room.etape, Board{0, "Freins", defaultBoardCategories(), {}, {}, false}}));
    CHECK(room.stillWaiting(waiting, 300));
    // One they see (an idea typed at the laptop on the board open to them) answers the poll.
    Idea typed;
    typed.text = "Au clavier";
    typed.category = room.theBoard().categories.front().id;
    REQUIRE(room.session.apply(AddIdea{room.etape, room.board, typed}));
    auto changed = room.finish(std::move(waiting));  // pump() publishes the new revision
    REQUIRE(changed);
    CHECK(changed->status == 200);
    CHECK(Json::parse(changed->body).at("revision").get<std::uint64_t>() != revision);
}

TEST_CASE("long poll: what is opened to phones wakes the poll and changes the revision") {
    Room room(longPolls(60'000));
    const std::string token = room.join();
    const std::uint64_t revision = room.state(token).at("revision").get<std::uint64_t>();
    auto waiting = room.getLater(etatSince(revision), token);
    CHECK(room.stillWaiting(waiting, 200));
    room.server.setOpen({room.etape, room.board, std::nullopt});
    auto res = room.finish(std::move(waiting));
    REQUIRE(res->status == 200);
    const Json state = Json::parse(res->body);
    CHECK(state.at("activite") == "idees");
    CHECK(state.at("revision").get<std::uint64_t>() != revision);
    room.server.setOpen({room.etape, room.board, std::nullopt});  // the same again: no change
    CHECK(room.state(token).at("revision") == state.at("revision"));
}

TEST_CASE("long poll: with nothing changing it answers the same revision when longPoll has passed") {
    Room room(longPolls(150));
    const std::string token = room.join();
    const Json before = room.state(token);
    auto res = room.get(etatSince(before.at("revision").get<std::uint64_t>()), token);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(Json::parse(res->body) == before);
}

TEST_CASE("long poll: a blocked device's waiting poll ends with 401, a stopped server's with 503") {
    Room room(longPolls(60'000));
    const std::string token = room.join();
    const std::uint64_t revision = room.state(token).at("revision").get<std::uint64_t>();
    auto waiting = room.getLater(etatSince(revision), token);
    CHECK(room.stillWaiting(waiting, 200));
    const std::string other = room.join();  // before: blocking closes the address to joins too
    room.server.blockDevice(token);
    auto blocked = room.finish(std::move(waiting));
    CHECK(blocked->status == 401);
    CHECK(error(blocked) == tr(Str::NetBlocked));

    auto last = room.getLater(etatSince(revision), other);
    CHECK(room.stillWaiting(last, 200));
    room.server.stop();  // must not wait for the poll's minute
    auto closed = last.get();
    REQUIRE(closed);
    CHECK(closed->status == 503);
}

TEST_CASE("long poll: beyond maxWaitingPolls a poll answers at once") {
    net::Limits limits = longPolls(60'000);
    limits.maxWaitingPolls = 0;
    Room room(limits);
    const std::string token = room.join();
    auto res = room.get(etatSince(room.state(token).at("revision").get<std::uint64_t>()), token);
    REQUIRE(res);
    CHECK(res->status == 200);
}

// [SECTION] The state: me, hidden mode, my ballot, the countdown

TEST_CASE("état: moi, tableau.masque, vote.a_vote and vote.mon_bulletin of this device") {
    Room room;
    const std::string awa = room.join({{"prenom", "Awa"}, {"cite", "Lille"}, {"groupe", "Groupe 1"}});
    const std::string other = room.join();
    Json state = room.state(awa);
    CHECK(state.at("moi") == Json{{"prenom", "Awa"}, {"cite", "Lille"}, {"groupe", "Groupe 1"}});
    CHECK(state.at("tableau").at("masque") == false);
    CHECK(state.at("vote").at("a_vote") == false);
    CHECK(state.at("vote").at("mon_bulletin").is_null());

    const Json ballot = {{"vote", room.majority}, {"grades", {{"Cafés des parents", "Bien"}, {"Tutorat", "Passable"}}}};
    REQUIRE(room.post("/api/bulletin", ballot, awa)->status == 200);
    state = room.state(awa);
    CHECK(state.at("vote").at("a_vote") == true);
    CHECK(state.at("vote").at("mon_bulletin") == ballot);
    CHECK(room.state(other).at("vote").at("a_vote") == false);
    CHECK(room.state(other).at("moi").at("prenom") == "");

    // Sent back as it is, it replaces the ballot by the same one.
    REQUIRE(room.post("/api/bulletin", state.at("vote").at("mon_bulletin"), awa)->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 1);
    // Withdrawn on the console: the device has no ballot any more.
    REQUIRE(room.session.apply(WithdrawBallot{room.etape, room.majority, room.vote(room.majority).ballots[0].id}));
    CHECK(room.state(awa).at("vote").at("a_vote") == false);

    REQUIRE(room.session.apply(SetBoardHidden{room.etape, room.board, true}));
    CHECK(room.state(awa).at("tableau").at("masque") == true);
}

TEST_CASE("countdown: minuteur_s appears, decreases by itself, pauses, clears, and each changes the revision") {
    Room room;
    const std::string token = room.join();
    const Json none = room.state(token);
    CHECK(none.at("minuteur_s").is_null());

    room.server.setCountdown(90);
    const Json set = room.state(token);
    CHECK(set.at("revision") != none.at("revision"));
    CHECK(set.at("minuteur_s").get<int>() <= 90);
    CHECK(set.at("minuteur_s").get<int>() >= 88);
    room.server.setCountdown(90);  // what the owner gives every frame, agreeing with the server's count
    CHECK(room.state(token).at("revision") == set.at("revision"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const Json later = room.state(token);
    CHECK(later.at("minuteur_s").get<int>() < set.at("minuteur_s").get<int>());
    CHECK(later.at("revision") == set.at("revision"));  // counting down is not a change of the page

    // Paused on the console: the same value every frame for more than 1.5 s is shown still.
    for (int i = 0; i < 20; ++i) {
        room.server.setCountdown(60);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const Json paused = room.state(token);
    CHECK(paused.at("minuteur_s") == 60);
    CHECK(paused.at("revision") != later.at("revision"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(room.state(token).at("minuteur_s") == 60);

    room.server.setCountdown(std::nullopt);
    const Json cleared = room.state(token);
    CHECK(cleared.at("minuteur_s").is_null());
    CHECK(cleared.at("revision") != paused.at("revision"));

    room.server.setCountdown(0);
    CHECK(room.state(token).at("minuteur_s") == 0);

    // An owner that says so (the app rests between events and may call once a second or less): paused at once,
    // and counting again as soon as it says it runs.
    room.server.setCountdown(45);
    const Json running = room.state(token);
    room.server.setCountdown(45, true);
    const Json stopped = room.state(token);
    CHECK(stopped.at("minuteur_s") == 45);
    CHECK(stopped.at("revision") != running.at("revision"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(room.state(token).at("minuteur_s") == 45);
    room.server.setCountdown(45);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(room.state(token).at("minuteur_s").get<int>() < 45);
}

// [SECTION] The join form: /api/salle

TEST_CASE("/api/salle: the étape, the network's Cités and the open round's groups, after the right code only") {
    Room room;
    REQUIRE(room.session.apply(AddTerritory{Territory{0, "Beauvais", "Oise", Membership::AVerifier, false}}));
    auto res = room.post("/api/salle", {{"code", "123456"}});
    REQUIRE(res->status == 200);
    Json salle = Json::parse(res->body);
    CHECK(salle.at("etape").at("numero") == 1);
    CHECK(salle.at("etape").at("titre") == room.session.model().etape(room.etape)->header.theme);
    CHECK(salle.at("cites") == Json{"Amiens", "Lille", "Arras"});  // Beauvais is not a Cité éducative
    CHECK(salle.at("groupes") == Json::array());
    CHECK(res->body.find("@") == std::string::npos);

    GroupPlan plan;
    plan.rounds = {GroupRound{{Group{"Familles", "", "", {}}, Group{"", "", "", {}}}},
                   GroupRound{{Group{"Rouge", "", "", {}}, Group{"Bleu", "", "", {}}, Group{"Vert", "", "", {}}}}};
    plan.locked = {false, false, false};
    REQUIRE(room.session.apply(SetGroupPlan{room.etape, plan}));
    salle = Json::parse(room.post("/api/salle", {{"code", "123456"}})->body);
    CHECK(salle.at("groupes") == Json{"Rouge", "Bleu", "Vert"});  // the latest round
    room.server.setOpen({room.etape, room.board, room.majority, 0});
    salle = Json::parse(room.post("/api/salle", {{"code", "123456"}})->body);
    CHECK(salle.at("groupes") == Json{"Familles", fmt(Str::GroupName, {"2"})});  // a group without a name

    auto wrong = room.post("/api/salle", {{"code", "000000"}});
    CHECK(wrong->status == 403);
    CHECK(error(wrong) == tr(Str::NetWrongCode));
    CHECK(Json::parse(wrong->body).size() == 1);  // nothing but the error
    for (int i = 0; i < 4; ++i) CHECK(room.post("/api/salle", {{"code", "000000"}})->status == 403);
    auto limited = room.post("/api/rejoindre", {{"code", "123456"}});  // wrong codes on /api/salle count
    CHECK(limited->status == 429);
    CHECK(room.post("/api/salle", {{"code", "123456"}})->status == 429);
}

// [SECTION] A device's own ideas: GET, PUT, DELETE /api/idees

TEST_CASE("GET /api/idees: mine with their column and whether I may change them, the others without names") {
    Room room;
    const std::string awa = room.join({{"prenom", "Awa"}, {"groupe", "Groupe 1"}});
    const std::string leo = room.join({{"prenom", "Léo"}, {"groupe", "Groupe 2"}});
    const Id first = room.postIdea(awa, "Un café des parents", 0);
    const Id second = room.postIdea(awa, "Des cordées", 1);
    room.postIdea(leo, "Un conseil des jeunes", 2);
    REQUIRE(room.session.apply(AddIdea{room.etape, room.board,
                                       Idea{0, "Au clavier", "Groupe 3", "Zoé", room.theBoard().categories[0].id}}));

    auto res = room.get("/api/idees", awa);
    REQUIRE(res->status == 200);
    const Json ideas = Json::parse(res->body);
    REQUIRE(ideas.at("miennes").size() == 2);
    CHECK(ideas.at("miennes")[0] == Json{{"id", first}, {"texte", "Un café des parents"},
                                         {"colonne", room.theBoard().categories[0].id}, {"modifiable", true}});
    CHECK(ideas.at("miennes")[1].at("id") == second);
    CHECK(ideas.at("autres") == Json{{{"texte", "Un conseil des jeunes"}, {"colonne", room.theBoard().categories[2].id}},
                                     {{"texte", "Au clavier"}, {"colonne", room.theBoard().categories[0].id}}});
    for (const char* name : {"Léo", "Zoé", "Groupe", "auteur"}) CHECK(res->body.find(name) == std::string::npos);

    // Hidden mode: the others' ideas are not shown, mine are (and stay mine to change).
    REQUIRE(room.session.apply(SetBoardHidden{room.etape, room.board, true}));
    const Id hiddenOne = room.postIdea(awa, "Posté en mode masqué");
    const Json hidden = Json::parse(room.get("/api/idees", awa)->body);
    CHECK(hidden.at("autres") == Json::array());
    REQUIRE(hidden.at("miennes").size() == 3);
    CHECK(hidden.at("miennes")[2].at("id") == hiddenOne);
    CHECK(hidden.at("miennes")[2].at("modifiable") == true);
    CHECK(room.put("/api/idees/" + std::to_string(hiddenOne), {{"texte", "Corrigé"}}, awa)->status == 200);
    // Back in the open: ideas posted hidden stay out of the others' lists until revealed.
    REQUIRE(room.session.apply(SetBoardHidden{room.etape, room.board, false}));
    CHECK(Json::parse(room.get("/api/idees", leo)->body).at("autres").size() == 3);

    room.server.setOpen({room.etape, std::nullopt, room.majority});
    auto noBoard = room.get("/api/idees", awa);
    CHECK(noBoard->status == 409);
    CHECK(error(noBoard) == tr(Str::NetNoBoard));
    CHECK(room.get("/api/idees")->status == 401);
}

TEST_CASE("PUT and DELETE /api/idees/{id}: one undoable action each, only on my ideas, with core's text rules") {
    Room room;
    const std::string awa = room.join({{"prenom", "Awa"}, {"groupe", "Groupe 1"}});
    const std::string leo = room.join();
    const Id id = room.postIdea(awa, "Un café");
    const std::string path = "/api/idees/" + std::to_string(id);

    auto edited = room.put(path, {{"texte", "Un café des parents « le samedi »"}}, awa);
    REQUIRE(edited->status == 200);
    CHECK(room.theBoard().idea(id)->text == "Un café des parents « le samedi »");
    CHECK(room.theBoard().idea(id)->author == "Awa");
    CHECK(room.theBoard().idea(id)->group == "Groupe 1");
    REQUIRE(room.session.undo());  // the console's undo takes the change back
    CHECK(room.theBoard().idea(id)->text == "Un café");
    REQUIRE(room.session.redo());

    auto tooLong = room.put(path, {{"texte", std::string(501, 'a')}}, awa);
    CHECK(tooLong->status == 400);
    CHECK(error(tooLong) == fmt(Str::ErrIdeaTooLong, {"501", "500"}));
    CHECK(room.put(path, {{"texte", "  "}}, awa)->status == 400);
    CHECK(room.put(path, Json::object(), awa)->status == 400);
    CHECK(room.put(path, {{"texte", 5}}, awa)->status == 400);
    CHECK(room.call([&](httplib::Client& c) {
                  return c.Put(path.c_str(), {{"Authorization", "Bearer " + awa}}, "{\"texte\": \"caf\xC3\"}",
                               "application/json");
              })->status == 400);
    CHECK(room.theBoard().idea(id)->text == "Un café des parents « le samedi »");

    auto notMine = room.put(path, {{"texte", "Pris"}}, leo);
    CHECK(notMine->status == 404);
    CHECK(error(notMine) == tr(Str::NetIdeaNotYours));
    CHECK(room.del(path, leo)->status == 404);
    CHECK(room.put("/api/idees/999999", {{"texte", "x"}}, awa)->status == 404);
    CHECK(room.put("/api/idees/99999999999999999999", {{"texte", "x"}}, awa)->status == 404);
    CHECK(room.put("/api/idees/abc", {{"texte", "x"}}, awa)->status == 404);
    CHECK(room.put(path, {{"texte", "x"}}, "")->status == 401);

    room.server.setOpen({room.etape, std::nullopt, room.majority});
    auto closed = room.put(path, {{"texte", "x"}}, awa);
    CHECK(closed->status == 409);
    CHECK(error(closed) == tr(Str::NetIdeaBoardClosed));
    room.server.setOpen({room.etape, room.board, room.majority});

    const size_t before = room.theBoard().ideas.size();
    REQUIRE(room.del(path, awa)->status == 200);
    CHECK(room.theBoard().ideas.size() == before - 1);
    CHECK_FALSE(room.theBoard().idea(id));
    CHECK(room.del(path, awa)->status == 404);
    REQUIRE(room.session.undo());  // the deletion is undone on the console: the idea is back, no longer mine
    CHECK(room.theBoard().idea(id));
}

TEST_CASE("an idea the facilitator moved, grouped, merged, edited or hid: 409, listed as not modifiable") {
    Room room;
    const std::string awa = room.join();
    const Board& board = room.theBoard();
    const Id moved = room.postIdea(awa, "Déplacée", 0);
    const Id grouped = room.postIdea(awa, "Regroupée", 0);
    const Id into = room.postIdea(awa, "Fusion", 0);
    const Id absorbed = room.postIdea(awa, "Absorbée", 0);
    const Id edited = room.postIdea(awa, "Modifiée", 0);
    const Id hidden = room.postIdea(awa, "Masquée", 0);
    const Id free = room.postIdea(awa, "Libre", 0);
    const Id column0 = board.categories[0].id;
    REQUIRE(room.session.apply(MoveIdea{room.etape, room.board, moved, board.categories[1].id, std::nullopt}));
    REQUIRE(room.session.apply(AddCluster{room.etape, room.board, IdeaCluster{0, "Familles", column0}, -1, {grouped}}));
    REQUIRE(room.session.apply(MergeIdeas{room.etape, room.board, into, absorbed}));
    REQUIRE(room.session.apply(EditIdea{room.etape, room.board, edited, "Réécrite", "", ""}));
    REQUIRE(room.session.apply(RevealIdeas{room.etape, room.board, {hidden}, false}));

    const Json mine = Json::parse(room.get("/api/idees", awa)->body).at("miennes");
    std::map<Id, bool> modifiable;
    for (const Json& idea : mine) modifiable[idea.at("id").get<Id>()] = idea.at("modifiable").get<bool>();
    CHECK(modifiable == std::map<Id, bool>{{moved, false}, {grouped, false}, {into, false}, {edited, false},
                                           {hidden, false}, {free, true}});  // the absorbed one left the board
    for (Id id : {moved, grouped, into, edited, hidden}) {
        const std::string path = "/api/idees/" + std::to_string(id);
        auto put = room.put(path, {{"texte", "Encore"}}, awa);
        CHECK(put->status == 409);
        CHECK(error(put) == tr(Str::NetIdeaMoved));
        CHECK(room.del(path, awa)->status == 409);
    }
    CHECK(room.put("/api/idees/" + std::to_string(absorbed), {{"texte", "Encore"}}, awa)->status == 404);
    CHECK(room.put("/api/idees/" + std::to_string(free), {{"texte", "Encore"}}, awa)->status == 200);
}

TEST_CASE("changes and deletions of ideas are limited per device and minute") {
    net::Limits limits = roomLimits();
    limits.editsPerMinute = 3;
    Room room(limits);
    const std::string awa = room.join();
    const Id id = room.postIdea(awa, "Une idée");
    for (int i = 0; i < 3; ++i) {
        std::string text = "V";
        text += std::to_string(i);  // (not "V" + …: a false -Wrestrict of GCC 12)
        CHECK(room.put("/api/idees/" + std::to_string(id), {{"texte", text}}, awa)->status == 200);
    }
    auto tooFast = room.put("/api/idees/" + std::to_string(id), {{"texte", "V4"}}, awa);
    CHECK(tooFast->status == 429);
    CHECK(error(tooFast) == fmt(Str::NetTooManyEdits, {"3"}));
    CHECK(room.theBoard().idea(id)->text == "V2");
}

// [SECTION] The page's files

TEST_CASE("static files: the page, its CSS and JS from the embedded assets, with the CSP, nothing else") {
    Room room;
    const std::pair<const char*, const char*> files[] = {{"/", "participer.html"},
                                                         {"/participer.css", "participer.css"},
                                                         {"/participer.js", "participer.js"}};
    const char* types[] = {"text/html", "text/css", "text/javascript"};
    for (size_t i = 0; i < 3; ++i) {
        auto res = room.get(files[i].first);
        REQUIRE(res);
        CHECK(res->status == 200);
        REQUIRE_FALSE(asset(files[i].second).empty());
        CHECK(res->body == asset(files[i].second));
        CHECK(res->get_header_value("Content-Type").rfind(types[i], 0) == 0);
        CHECK(res->get_header_value("Content-Type").find("charset=utf-8") != std::string::npos);
        CHECK(res->get_header_value("Content-Security-Policy") == "default-src 'self'");
        CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
    }
    for (const char* path : {"/participer.html", "/tour.json", "/cartes.json", "/index.html", "/../CMakeLists.txt",
                             "/api", "/participer.js/x", "/%2e%2e/etc/passwd"}) {
        auto res = room.get(path);
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(error(res) == tr(Str::NetNotFound));
        CHECK(res->get_header_value("Content-Security-Policy") == "default-src 'self'");
    }
    CHECK(room.call([](httplib::Client& c) { return c.Post("/", "{}", "application/json"); })->status == 404);
}

// [SECTION] The console's calls: devices, blocking, a new code

TEST_CASE("deviceList in joining order with ideas counted, blockDevice stops the token, rejoining works") {
    Room room;
    const std::string awa = room.join({{"prenom", "Awa"}, {"cite", "Amiens"}, {"groupe", "Groupe 1"}});
    const std::string leo = room.join({{"prenom", "Léo"}});
    room.postIdea(awa, "Une");
    room.postIdea(awa, "Deux");
    CHECK(room.post("/api/idees", {{"texte", ""}}, awa)->status == 400);  // refused: not counted
    std::vector<net::DeviceInfo> list = room.server.deviceList();
    REQUIRE(list.size() == 2);
    CHECK(list[0].token != awa);  // the console knows a device by a digest of its token, never the token
    CHECK(list[0].token.size() == 64);
    CHECK(list[0].address == "127.0.0.1");
    CHECK(list[0].prenom == "Awa");
    CHECK(list[0].cite == "Amiens");
    CHECK(list[0].groupe == "Groupe 1");
    CHECK(list[0].ideas == 2);
    CHECK_FALSE(list[0].blocked);
    CHECK(list[1].token != list[0].token);
    CHECK(list[1].prenom == "Léo");
    CHECK(list[1].ideas == 0);

    room.server.blockDevice(awa);
    CHECK(room.server.devices() == 1);
    list = room.server.deviceList();
    REQUIRE(list.size() == 2);
    CHECK(list[0].blocked);
    for (const httplib::Result& res : {room.get("/api/etat", awa), room.get("/api/idees", awa),
                                       room.post("/api/idees", {{"texte", "x"}}, awa),
                                       room.post("/api/bulletin", {{"vote", room.majority}}, awa),
                                       room.put("/api/idees/1", {{"texte", "x"}}, awa), room.del("/api/idees/1", awa)}) {
        REQUIRE(res);
        CHECK(res->status == 401);
        CHECK(error(res) == tr(Str::NetBlocked));
    }
    CHECK(room.theBoard().ideas.size() == 2);  // its ideas stay
    CHECK(room.get("/api/etat", leo)->status == 200);
    room.server.blockDevice("inconnu");  // nothing happens
    CHECK(room.server.deviceList().size() == 2);
}

TEST_CASE("newCode: a new six-digit code, every device forgotten, the old code refused") {
    Room room;
    const std::string awa = room.join();
    const Id id = room.postIdea(awa, "Avant");
    const std::string code = room.server.newCode();
    CHECK(code.size() == 6);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
    CHECK(code != "123456");
    CHECK(room.server.code() == code);
    CHECK(room.server.devices() == 0);
    CHECK(room.server.deviceList().empty());
    CHECK(room.get("/api/etat", awa)->status == 401);
    CHECK(room.post("/api/rejoindre", {{"code", "123456"}})->status == 403);
    auto again = room.post("/api/rejoindre", {{"code", code}});
    REQUIRE(again->status == 200);
    const std::string token = Json::parse(again->body).at("jeton").get<std::string>();
    CHECK(room.server.devices() == 1);
    CHECK(Json::parse(room.get("/api/idees", token)->body).at("miennes").empty());  // a new device
    CHECK(room.theBoard().idea(id));  // the ideas stay
}

TEST_CASE("pump runs the jobs and returns how many, like drain") {
    Room room;
    CHECK(room.server.pump(room.session) == 0);
    const std::string token = room.join();
    auto later = room.start([](httplib::Client& c) {  // /api/salle reads the model: a job for the owner
        return c.Post("/api/salle", Json{{"code", "123456"}}.dump(), "application/json");
    });
    int ran = 0;
    for (int i = 0; i < 10'000 && !ran; ++i) {
        ran = room.server.pump(room.session);
        if (!ran) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(ran == 1);
    CHECK(later.get()->status == 200);
}

// [SECTION] Ballots as JSON, both ways

TEST_CASE("writeBallot gives what readBallot reads back, for every method") {
    const std::vector<std::string> options = {"A", "B", "C"};
    struct Case {
        VoteMethod method;
        Ballot ballot;
    };
    const Case cases[] = {
        {VoteMethod::Dot, Ballot{1, {}, {}, {{0, 2}, {2, 1}}, {}}},
        {VoteMethod::Approval, Ballot{1, {}, {1, 2}, {}, {}}},
        {VoteMethod::Majority, Ballot{1, {}, {}, {}, {{0, 6}, {1, 0}}}},
        {VoteMethod::Borda, Ballot{1, {2, 0, 1}, {}, {}, {}}},
        {VoteMethod::Schulze, Ballot{1, {1, 0}, {}, {}, {}}},
    };
    for (const Case& c : cases) {
        CAPTURE(enumKey(c.method));
        Vote vote{42, VoteSetup{"?", c.method, options}, {}};
        const nlohmann::json written = net::writeBallot(c.ballot, vote);
        CHECK(written.at("vote") == 42);
        Ballot read;
        CHECK(net::readBallot(written, vote, read) == "");
        CHECK(read == c.ballot);
    }
}
