// atelier serve: the participation server without windows, run as a user would, driven over HTTP by a phone.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <regex>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "store/database.h"
#include "support/cli.h"

using namespace atelier;
using Json = nlohmann::json;

namespace {

/// `atelier ARGS…` started in the background, its output in `log`; SIGTERM at the end if still running.
struct Background {
    pid_t pid = -1;
    std::filesystem::path log;

    Background(std::vector<std::string> args, std::filesystem::path out) : log(std::move(out)) {
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            std::FILE* f = std::freopen(log.c_str(), "w", stdout);
            if (!f || dup2(fileno(stdout), 2) < 0) _exit(127);
            std::vector<char*> argv{const_cast<char*>(ATELIER_BINARY)};
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(ATELIER_BINARY, argv.data());
            _exit(127);
        }
    }
    /// Sends SIGTERM and returns the exit code (-1 when it did not exit by itself).
    int terminate() {
        if (pid < 0) return -1;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ~Background() {
        if (pid > 0) terminate();
    }
};

}  // namespace

TEST_CASE("atelier serve: a phone joins, posts an idea and a majority-judgment ballot, SIGTERM stops it cleanly") {
    test::TempDir dir("atelier-serve");
    const std::filesystem::path data = dir.path / "data";
    {  // a board and a majority-judgment vote in étape 1, written as the app would
        store::Workspace workspace(data);
        Session& s = workspace.session();
        const Id etape = s.model().etapeByNumber(1)->id;
        REQUIRE(s.apply(AddBoard{etape, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}}));
        REQUIRE(s.apply(AddVote{etape, Vote{0, VoteSetup{"Quelle action ?", VoteMethod::Majority,
                                                          {"Cafés des parents", "Tutorat"}}, {}}}));
    }
    Background serve({"--data", data.string(), "serve", "--etape", "1", "--tableau", "Leviers", "--vote", "1",
                      "--host", "127.0.0.1", "--port", "0", "--code", "246810"},
                     dir.path / "serve.log");
    std::string out;
    std::smatch url;
    const std::regex pattern(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 500 && !std::regex_search(out, url, pattern); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        out = test::readBytes(serve.log);
    }
    INFO(out);
    REQUIRE(std::regex_search(out, url, pattern));
    CHECK(out.find("Code de la salle\u00a0: 246810") != std::string::npos);
    CHECK(out.find("Tableau ouvert aux téléphones\u00a0: «\u00a0Leviers\u00a0»") != std::string::npos);

    httplib::Client phone("127.0.0.1", std::stoi(url[1]));
    auto joined = phone.Post("/api/rejoindre", Json{{"code", "246810"}, {"groupe", "Groupe 1"}}.dump(),
                             "application/json");
    REQUIRE(joined);
    REQUIRE(joined->status == 200);
    const httplib::Headers auth{{"Authorization", "Bearer " + Json::parse(joined->body).at("jeton").get<std::string>()}};
    auto state = phone.Get("/api/etat", auth);
    REQUIRE(state);
    CHECK(state->status == 200);
    const Json etat = Json::parse(state->body);
    const Id vote = etat.at("vote").at("id").get<Id>();
    auto page = phone.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    // A long poll on the current revision: serve's loop publishes the idea's change (otherwise it would wait 20 s
    // and answer the same revision).
    const auto revision = etat.at("revision").get<std::uint64_t>();
    const int port = std::stoi(url[1]);
    auto poll = std::async(std::launch::async, [port, auth, revision] {
        httplib::Client waiting("127.0.0.1", port);
        waiting.set_read_timeout(30, 0);
        return waiting.Get(("/api/etat?revision=" + std::to_string(revision)).c_str(), auth);
    });
    auto idea = phone.Post("/api/idees", auth, Json{{"texte", "Idée « accentuée » éàü"}}.dump(), "application/json");
    REQUIRE(idea);
    CHECK(idea->status == 201);
    auto polled = poll.get();
    REQUIRE(polled);
    CHECK(polled->status == 200);
    CHECK(Json::parse(polled->body).at("revision").get<std::uint64_t>() != revision);
    auto ballot = phone.Post(
        "/api/bulletin", auth,
        Json{{"vote", vote}, {"grades", {{"Cafés des parents", "Très bien"}, {"Tutorat", "Passable"}}}}.dump(),
        "application/json");
    REQUIRE(ballot);
    CHECK(ballot->status == 200);

    CHECK(serve.terminate() == 0);
    CHECK(test::readBytes(serve.log).find("Participation fermée.") != std::string::npos);

    const auto ideas = test::runAtelier("--data " + test::quoted(data) + " idees --etape 1 --json");
    REQUIRE(ideas.code == 0);
    CHECK(ideas.out.find("Idée « accentuée » éàü") != std::string::npos);
    const auto saved = test::runAtelier("--data " + test::quoted(data) + " archive enregistrer --etape 1", false);
    REQUIRE(saved.code == 0);
    const std::string archive = test::readBytes(saved.out.substr(0, saved.out.find('\n')));
    CHECK(archive.find("Idée « accentuée » éàü") != std::string::npos);
    CHECK(archive.find("\"telephone\"") != std::string::npos);  // the idea's entry: from a phone
    size_t archivedBallots = 0;  // every "ballots" list of the archive, counted
    std::function<void(const Json&)> count = [&](const Json& j) {
        if (j.is_object())
            for (const auto& [key, value] : j.items()) {
                if (key == "ballots" && value.is_array()) archivedBallots += value.size();
                count(value);
            }
        else if (j.is_array())
            for (const Json& item : j) count(item);
    };
    count(Json::parse(archive));
    CHECK(archivedBallots == 1);
    store::Workspace reader(data, store::Access::Read);
    const Etape& etape = *reader.session().model().etapeByNumber(1);
    REQUIRE(etape.votes.size() == 1);
    REQUIRE(etape.votes.front().ballots.size() == 1);
    const Ballot& cast = etape.votes.front().ballots.front().ballot;
    CHECK(cast.grades == std::vector<std::pair<int, int>>{{0, 5}, {1, 2}});
}
