// The console's « Participation » tab and the projector's « Rejoindre » (issue 12 points 1, 2 and 4), driven like
// a facilitator: open participation, open a board to phones, a phone posts an idea over HTTP while the app's
// frames run (its action goes through App::apply on this thread), undo on the console removes it, close, and
// the app's end closes the server.
#include <doctest/doctest.h>

#include <future>
#include <regex>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/practices.h"
#include "net/qr.h"
#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;
using Json = nlohmann::json;

namespace {

/// Runs `request` on another thread while the console keeps drawing frames, as a phone does against the app.
httplib::Result whileFrames(Console& c, std::function<httplib::Result(httplib::Client&)> request) {
    const int port = c.app.room().port;
    auto answer = std::async(std::launch::async, [&, port] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(10, 0);
        return request(client);
    });
    while (answer.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) c.frame();
    return answer.get();
}

httplib::Result postJson(Console& c, const std::string& path, const Json& body, const std::string& token = {}) {
    return whileFrames(c, [&](httplib::Client& client) {
        httplib::Headers headers;
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        return client.Post(path.c_str(), headers, body.dump(), "application/json");
    });
}

/// Whether the last frame drew the widget marked `key`.
bool drawn(Console& c, const std::string& key) {
    c.frame();
    return probe::find(key).has_value();
}

/// The console with participation opened through its button.
void openThroughButton(Console& c) {
    c.show("participation");
    REQUIRE_FALSE(c.app.room().running);
    c.click("participation.open");
    c.frame();
    REQUIRE(c.app.room().running);
}

}  // namespace

TEST_CASE("Participation tab: opening shows a new six-digit code, addresses and the étape selected") {
    Console c;
    openThroughButton(c);
    const RoomStatus& room = c.app.room();
    CHECK(std::regex_match(room.code, std::regex("[0-9]{6}")));
    CHECK(room.port > 0);
    REQUIRE_FALSE(room.urls.empty());
    CHECK(room.urls.front().rfind("http://127.0.0.1:", 0) == 0);
    CHECK(room.open.etape == c.app.state().selectedEtape);
    CHECK(joinUrl(room.urls.front(), room.code) == room.urls.front() + "?code=" + room.code);
    // The QR code on the console encodes that URL; the projector view shows it.
    CHECK(c.app.view<ParticipationView>().qrText == joinUrl(room.urls.front(), room.code));
    CHECK(c.app.view<ParticipationView>().qr.size >= 21);
    c.click("participation.project");
    CHECK(c.app.state().projector == "rejoindre");
    // Closing stops the server: a phone can no longer reach it.
    const int port = room.port;
    c.click("participation.close");
    CHECK_FALSE(c.app.room().running);
    httplib::Client phone("127.0.0.1", port);
    phone.set_connection_timeout(1, 0);
    CHECK_FALSE(phone.Post("/api/rejoindre", Json{{"code", "000000"}}.dump(), "application/json"));
}

TEST_CASE("Participation tab: a phone's idea arrives through the app's frames and the console's undo removes it") {
    Console c;
    REQUIRE(c.session.apply(AddBoard{c.etape1().id, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}}));
    openThroughButton(c);
    const Etape& etape = c.etape1();
    REQUIRE_FALSE(etape.boards.empty());
    const Id board = etape.boards.front().id;
    const size_t before = etape.boards.front().ideas.size();
    c.click("participation.board." + std::to_string(board));
    CHECK(c.app.room().open.board == board);

    auto joined = postJson(c, "/api/rejoindre", Json{{"code", c.app.room().code}, {"prenom", "Nadia"}});
    REQUIRE(joined);
    REQUIRE(joined->status == 200);
    const std::string token = Json::parse(joined->body).at("jeton");
    c.frame();  // the console shows the server's state as of the start of a frame
    CHECK(c.app.room().phones == 1);

    auto posted = postJson(c, "/api/idees", Json{{"texte", "Un café des parents « ouvert » à tous"}}, token);
    REQUIRE(posted);
    CHECK(posted->status == 201);
    const Board& b = c.etape1().boards.front();
    REQUIRE(b.ideas.size() == before + 1);
    CHECK(b.ideas.back().text == "Un café des parents « ouvert » à tous");
    CHECK(b.ideas.back().entry == IdeaEntry::Phone);  // marked « Téléphone » on the console

    // Undo on the console (Ctrl+Z) works on the phone's action.
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().boards.front().ideas.size() == before);

    // « Aucun » closes the board to phones: the next idea is refused with a French message, nothing changes.
    c.click("participation.board.none");
    CHECK_FALSE(c.app.room().open.board);
    auto refused = postJson(c, "/api/idees", Json{{"texte", "Encore une"}}, token);
    REQUIRE(refused);
    CHECK(refused->status >= 400);
    CHECK(Json::parse(refused->body).contains("erreur"));
    CHECK(c.etape1().boards.front().ideas.size() == before);
}

TEST_CASE("Participation tab: phones follow the étape selected on the console") {
    Console c;
    openThroughButton(c);
    const Etape* second = c.session.model().etapeByNumber(2);
    REQUIRE(second);
    c.app.state().selectedEtape = second->id;
    c.frame();
    c.frame();
    CHECK(c.app.room().open.etape == second->id);
    CHECK_FALSE(c.app.room().open.board);
}

TEST_CASE("Participation: the app's end closes the server") {
    int port = 0;
    {
        Console c;
        openThroughButton(c);
        port = c.app.room().port;
    }
    httplib::Client phone("127.0.0.1", port);
    phone.set_connection_timeout(1, 0);
    CHECK_FALSE(phone.Post("/api/rejoindre", Json{{"code", "000000"}}.dump(), "application/json"));
}

TEST_CASE("Rejoindre: nothing to project while participation is closed, the QR code and code once open") {
    Console c;
    c.app.showScreen("rejoindre");
    c.imgui.frame([&] { c.app.drawProjector(c.requests); });
    const ParticipationView& v = c.app.view<ParticipationView>();
    CHECK(v.qrText.empty());  // the welcome screen was drawn instead
    REQUIRE(c.app.openParticipation("127.0.0.1", 0, "123456"));
    c.imgui.frame([&] { c.app.drawProjector(c.requests); });
    CHECK(v.qrText == c.app.room().urls.front() + "?code=123456");
    CHECK(c.app.room().code == "123456");
}

TEST_CASE("QR code: the join URL encodes into a square of modules, an empty text into nothing") {
    const net::QrCode qr = net::encodeQr("http://192.168.1.20:8300/?code=123456");
    REQUIRE(qr.size >= 21);
    CHECK((qr.size - 17) % 4 == 0);  // versions grow by 4 modules
    CHECK(qr.modules.size() == static_cast<size_t>(qr.size * qr.size));
    // The three finder patterns: dark corners at top left, top right, bottom left.
    CHECK(qr.dark(0, 0));
    CHECK(qr.dark(qr.size - 1, 0));
    CHECK(qr.dark(0, qr.size - 1));
    CHECK(net::encodeQr("").size == 0);
}

namespace {

httplib::Result getWithToken(Console& c, const std::string& path, const std::string& token) {
    return whileFrames(c, [&](httplib::Client& client) {
        return client.Get(path.c_str(), httplib::Headers{{"Authorization", "Bearer " + token}});
    });
}

std::string joinAs(Console& c, const std::string& prenom, const std::string& groupe = {}) {
    auto joined = postJson(c, "/api/rejoindre", Json{{"code", c.app.room().code}, {"prenom", prenom}, {"groupe", groupe}});
    REQUIRE(joined);
    REQUIRE(joined->status == 200);
    c.frame();
    return Json::parse(joined->body).at("jeton");
}

}  // namespace

TEST_CASE("Participation tab: « Bloquer » stops a device's token, the others keep working") {
    Console c;
    openThroughButton(c);
    const std::string nadia = joinAs(c, "Nadia", "Groupe 1");
    const std::string paul = joinAs(c, "Paul", "Groupe 2");
    REQUIRE(c.app.room().devices.size() == 2);
    CHECK(c.app.room().phones == 2);
    // The console knows a device by the digest of its token (the token itself stays on the phone).
    const std::string nadiaDevice = c.app.room().devices.front().token;
    CHECK(nadiaDevice != nadia);
    CHECK(c.app.room().devices.front().prenom == "Nadia");
    c.click("participation.block." + nadiaDevice);
    c.frame();
    CHECK(c.app.room().phones == 1);
    CHECK(c.app.room().devices.front().blocked);
    auto refused = getWithToken(c, "/api/etat", nadia);
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK_FALSE(Json::parse(refused->body).value("erreur", "").empty());
    auto fine = getWithToken(c, "/api/etat", paul);
    REQUIRE(fine);
    CHECK(fine->status == 200);
    // « Réautoriser » lets it back in.
    c.click("participation.unblock." + nadiaDevice);
    c.frame();
    CHECK(c.app.room().phones == 2);
    auto back = getWithToken(c, "/api/etat", nadia);
    REQUIRE(back);
    CHECK(back->status == 200);
}

TEST_CASE("Participation tab: « Nouveau code » makes every phone join again with the new code") {
    Console c;
    openThroughButton(c);
    const std::string before = c.app.room().code;
    const std::string token = joinAs(c, "Nadia");
    c.click("participation.new-code");
    c.frame();
    CHECK(c.app.room().code != before);
    CHECK(std::regex_match(c.app.room().code, std::regex("[0-9]{6}")));
    CHECK(c.app.room().phones == 0);
    auto old = getWithToken(c, "/api/etat", token);
    REQUIRE(old);
    CHECK(old->status == 401);
    auto wrong = postJson(c, "/api/rejoindre", Json{{"code", before}});
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    CHECK_FALSE(joinAs(c, "Nadia").empty());
}

TEST_CASE("Participation: the room's countdown reaches the phones, and leaves them when it is reset") {
    Console c;
    openThroughButton(c);
    const std::string token = joinAs(c, "Nadia");
    auto state = getWithToken(c, "/api/etat", token);
    REQUIRE(state);
    CHECK(Json::parse(state->body).at("minuteur_s").is_null());
    c.app.state().countdown.reset(300);
    c.app.state().countdown.start();
    c.frame();
    state = getWithToken(c, "/api/etat", token);
    REQUIRE(state);
    const Json seconds = Json::parse(state->body).at("minuteur_s");
    REQUIRE(seconds.is_number());
    CHECK(seconds.get<int>() <= 300);
    CHECK(seconds.get<int>() >= 290);
    c.app.state().countdown.reset(300);  // back to the duration, stopped: not in use
    c.frame();
    state = getWithToken(c, "/api/etat", token);
    REQUIRE(state);
    CHECK(Json::parse(state->body).at("minuteur_s").is_null());
}

TEST_CASE("Évaluation from phones: opened in the Évaluation tab, a phone's sheet arrives through the app's frames") {
    Console c;
    REQUIRE(c.session.apply(SetEvaluation{c.etape1().id, defaultEvaluation().questions, {}}));
    c.show("evaluation");
    CHECK(drawn(c, "eval.edit"));
    CHECK_FALSE(drawn(c, "eval.phones"));  // participation closed: the tab says how to open it
    openThroughButton(c);
    // The participation tab offers the questionnaire too.
    CHECK(drawn(c, "participation.evaluation"));
    c.show("evaluation");
    c.click("eval.phones");
    c.frame();
    CHECK(c.app.room().open.evaluation);

    auto joined = postJson(c, "/api/rejoindre", Json{{"code", c.app.room().code}, {"cite", "Lille"}});
    REQUIRE(joined);
    const std::string token = Json::parse(joined->body).at("jeton");
    const Evaluation& ev = c.etape1().evaluation;
    const Id overall = ev.questions[0].id;
    auto sent = postJson(c, "/api/evaluation",
                         Json{{"reponses", {{{"question", overall}, {"mention", ev.scale().back()}}}}}, token);
    REQUIRE(sent);
    CHECK(sent->status == 200);
    REQUIRE(c.etape1().evaluation.responses.size() == 1);
    CHECK(c.etape1().evaluation.responses[0].territory == c.session.model().territoryByName("Lille")->id);
    CHECK(evaluationResults(c.etape1().evaluation).questions[0].median == static_cast<int>(ev.scale().size()) - 1);

    // Closed from the participation tab: the next sheet is refused, nothing changes.
    c.show("participation");
    c.click("participation.evaluation");
    c.frame();
    CHECK_FALSE(c.app.room().open.evaluation);
    auto refused = postJson(c, "/api/evaluation",
                            Json{{"reponses", {{{"question", overall}, {"mention", ev.scale().front()}}}}}, token);
    REQUIRE(refused);
    CHECK(refused->status == 409);
    CHECK(c.etape1().evaluation.responses.size() == 1);
}
