// The room of the participation tests: a session with étape 1, a board, votes, and a participation server on
// loopback, pumped by the test thread while a request is in flight (as the app's UI thread does).
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <future>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "net/participation.h"
#include "support/fixtures.h"


namespace atelier::test {

using Json = nlohmann::json;

/// The server's limits for tests that join many times from loopback (one address): joins are not limited.
inline net::Limits roomLimits() {
    net::Limits limits;
    limits.joinsPerAddress = 1000;
    limits.perAddress = 64;
    return limits;
}

/// A session with étape 1, a board « Leviers » (the default columns), an open majority vote, an open dot vote
/// and a closed approval vote; a participation server on a free loopback port with code 123456.
struct Room {
    Session session = test::tourSession();
    net::Participation server;
    Id etape = 0, board = 0, majority = 0, dots = 0, closed = 0;

    explicit Room(net::Limits limits = roomLimits()) : server(limits) {
        etape = session.model().etapeByNumber(1)->id;
        board = add(AddBoard{etape, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}});
        VoteSetup mj{"Quelle action essaimer ?", VoteMethod::Majority, {"Cafés des parents", "Tutorat"}};
        majority = add(AddVote{etape, Vote{0, mj, {}}});
        VoteSetup dot{"Priorités", VoteMethod::Dot, {"A", "B", "C"}};
        dot.dotsPerVoter = 3;
        dots = add(AddVote{etape, Vote{0, dot, {}}});
        VoteSetup shut{"Fermé", VoteMethod::Approval, {"Oui", "Non"}};
        shut.open = false;
        closed = add(AddVote{etape, Vote{0, shut, {}}});
        server.setOpen({etape, board, majority});
        REQUIRE(server.start("127.0.0.1", 0, "123456"));
    }

    Id add(Action action) {
        const Id id = session.model().nextId;
        REQUIRE(session.apply(std::move(action)));
        return id;
    }

    /// Runs `request` on another thread while this one pumps the queue, like the owner does.
    httplib::Result call(std::function<httplib::Result(httplib::Client&)> request) {
        return finish(start(std::move(request)));
    }
    /// Starts `request` on another thread; finish() pumps until it is answered.
    std::future<httplib::Result> start(std::function<httplib::Result(httplib::Client&)> request) {
        const int port = server.port();
        return std::async(std::launch::async, [port, request = std::move(request)] {
            httplib::Client client("127.0.0.1", port);
            client.set_read_timeout(10, 0);
            return request(client);
        });
    }
    httplib::Result finish(std::future<httplib::Result> answer) {
        while (answer.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) server.pump(session);
        return answer.get();
    }
    /// Pumps for `ms` milliseconds; true when `answer` is still not there afterwards.
    bool stillWaiting(std::future<httplib::Result>& answer, int ms) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < end) {
            if (answer.wait_for(std::chrono::milliseconds(1)) == std::future_status::ready) return false;
            server.pump(session);
        }
        return true;
    }

    httplib::Result post(const std::string& path, const Json& body, const std::string& token = {}) {
        return postRaw(path, body.dump(), token);
    }
    httplib::Result postRaw(const std::string& path, const std::string& body, const std::string& token = {}) {
        return call([&](httplib::Client& c) {
            httplib::Headers headers;
            if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
            return c.Post(path.c_str(), headers, body, "application/json");
        });
    }
    httplib::Result get(const std::string& path, const std::string& token = {}) { return finish(getLater(path, token)); }
    std::future<httplib::Result> getLater(const std::string& path, const std::string& token = {}) {
        return start([path, token](httplib::Client& c) {
            httplib::Headers headers;
            if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
            return c.Get(path.c_str(), headers);
        });
    }
    httplib::Result put(const std::string& path, const Json& body, const std::string& token) {
        return call([&](httplib::Client& c) {
            return c.Put(path.c_str(), {{"Authorization", "Bearer " + token}}, body.dump(), "application/json");
        });
    }
    httplib::Result del(const std::string& path, const std::string& token) {
        return call([&](httplib::Client& c) { return c.Delete(path.c_str(), {{"Authorization", "Bearer " + token}}); });
    }
    /// GET /api/etat as JSON (200 required).
    Json state(const std::string& token) {
        auto res = get("/api/etat", token);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return Json::parse(res->body);
    }
    /// POST /api/idees in the column at `column` (index); the new idea's id.
    Id postIdea(const std::string& token, const std::string& text, size_t column = 0) {
        auto res = post("/api/idees", {{"texte", text}, {"colonne", theBoard().categories.at(column).id}}, token);
        REQUIRE(res);
        REQUIRE(res->status == 201);
        return Json::parse(res->body).at("id").get<Id>();
    }

    std::string join(const Json& extra = Json::object()) {
        Json body = extra;
        body["code"] = "123456";
        auto res = post("/api/rejoindre", body);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return Json::parse(res->body).at("jeton").get<std::string>();
    }

    const Board& theBoard() const { return *session.model().etape(etape)->board(board); }
    const Vote& vote(Id id) const {
        for (const Vote& v : session.model().etape(etape)->votes)
            if (v.id == id) return v;
        FAIL("no vote");
        throw;
    }
};

/// The French message of an error answer.
inline std::string error(const httplib::Result& res) {
    REQUIRE(res);
    const Json body = Json::parse(res->body);
    REQUIRE(body.contains("erreur"));
    return body.at("erreur").get<std::string>();
}

}  // namespace atelier::test
