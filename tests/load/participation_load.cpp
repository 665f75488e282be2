// atelier_load [--phones N] [--ideas K] [--seconds S] [--tab NAME]: the participation server under a room's load (issue 12),
// run by hand, never by ctest (its numbers depend on the machine). Loopback only, bounded in count and time.
//
// The app side is the real thing: a data folder (journal with its fsync per action), the App with its console
// (the Idées tab, or --tab) drawn headless at 1280×800 each frame, participation opened through the App, a board and a majority-judgment vote open to
// phones; frames are paced at 60 Hz like the vsync'd loop, and every frame pumps the phones' jobs. The phones run
// in a child process (forked before any thread exists), so that the parent's CPU time is the app's and the
// server's alone: N phones start within the first third of the run, each joins, posts K ideas a couple of
// seconds apart and casts one ballot. Reports ideas and ballots stored, answer latency p50/p95/p99, the app's
// CPU, and the console's frame time.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/tally.h"
#include "store/database.h"
#include "ui/app.h"
#include "ui/headless.h"

using namespace atelier;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int phones = 300;
    int ideas = 10;
    int seconds = 60;
    std::string tab = "idees";  // the console tab drawn during the load (the board filling up)
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

double cpuSeconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// The phones (child process): waits for the port, code and vote on `in`, runs, writes latencies (ms) and
/// failures to `out`.
int runPhones(const Options& o, int in, const std::string& out) {
    char buffer[256] = {};
    if (read(in, buffer, sizeof buffer - 1) <= 0) return 1;
    int port = 0;
    char code[16] = {};
    long long vote = 0;
    if (std::sscanf(buffer, "%d %15s %lld", &port, code, &vote) != 3) return 1;
    const std::vector<std::string> grades = defaultGradeScale();
    std::vector<std::vector<double>> latencies(static_cast<size_t>(o.phones));
    std::atomic<int> failures{0};
    std::vector<std::thread> phones;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(o.seconds + 30);  // bounded whatever happens
    for (int i = 0; i < o.phones; ++i)
        phones.emplace_back([&, i] {
            std::mt19937 rng(static_cast<unsigned>(i) * 7919u + 1u);
            const double third = o.seconds / 3.0;
            std::this_thread::sleep_until(start + std::chrono::milliseconds(static_cast<int>(
                                                      std::uniform_real_distribution<double>(0, third)(rng) * 1000)));
            httplib::Client client("127.0.0.1", port);
            client.set_read_timeout(10, 0);
            std::vector<double>& mine = latencies[static_cast<size_t>(i)];
            auto timed = [&](auto request) {
                const auto t0 = Clock::now();
                auto result = request();
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                return result;
            };
            auto joined = timed([&] {
                return client.Post("/api/rejoindre",
                                   Json{{"code", code}, {"prenom", "Téléphone " + std::to_string(i + 1)}}.dump(),
                                   "application/json");
            });
            if (!joined || joined->status != 200) {
                ++failures;
                return;
            }
            const std::string token = Json::parse(joined->body).value("jeton", "");
            const httplib::Headers auth{{"Authorization", "Bearer " + token}};
            const double gap = (o.seconds * 0.6) / std::max(1, o.ideas);  // spread over the rest of the run
            for (int k = 0; k < o.ideas && Clock::now() < deadline; ++k) {
                auto posted = timed([&] {
                    return client.Post("/api/idees", auth,
                                       Json{{"texte", "Idée " + std::to_string(k + 1) + " du téléphone " +
                                                          std::to_string(i + 1) + " : « essaimer » l'été"}}
                                           .dump(),
                                       "application/json");
                });
                if (!posted || posted->status != 201) ++failures;
                std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(
                    std::uniform_real_distribution<double>(0.5 * gap, 1.0 * gap)(rng) * 1000)));
            }
            Json ballot{{"vote", vote},
                        {"grades", {{"Cafés des parents", grades[rng() % grades.size()]},
                                    {"Tutorat", grades[rng() % grades.size()]},
                                    {"Ateliers du mercredi", grades[rng() % grades.size()]}}}};
            auto cast = timed([&] { return client.Post("/api/bulletin", auth, ballot.dump(), "application/json"); });
            if (!cast || cast->status != 200) ++failures;
        });
    for (std::thread& t : phones) t.join();
    std::ofstream file(out);
    file << failures.load() << "\n";
    for (const auto& phone : latencies)
        for (double ms : phone) file << ms << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (flag == "--tab") o.tab = argv[i + 1];
        if (flag == "--phones") o.phones = std::clamp(value, 1, 1000);
        else if (flag == "--ideas") o.ideas = std::clamp(value, 1, 20);
        else if (flag == "--seconds") o.seconds = std::clamp(value, 5, 300);
    }
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("atelier-load-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string results = (dir / "latencies.txt").string();

    // The phones' process, forked before any thread exists.
    int pipeFds[2];
    if (pipe(pipeFds) != 0) return 1;
    const pid_t child = fork();
    if (child == 0) {
        close(pipeFds[1]);
        _exit(runPhones(o, pipeFds[0], results));
    }
    close(pipeFds[0]);

    int exitCode = 0;
    {
        store::Workspace workspace(dir / "data");
        Session& session = workspace.session();
        Etape etape;
        etape.header.number = 99;
        etape.header.theme = "Charge de la participation";
        session.apply(AddEtape{etape});
        const Id etapeId = session.model().etapes.back().id;
        session.apply(AddBoard{etapeId, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}});
        const Id board = session.model().etapes.back().boards.back().id;
        VoteSetup mj{"Quelle action essaimer ?", VoteMethod::Majority, {"Cafés des parents", "Tutorat", "Ateliers du mercredi"}};
        session.apply(AddVote{etapeId, Vote{0, mj, {}}});
        const Id vote = session.model().etapes.back().votes.back().id;

        ui::Headless imgui(1280, 800);
        ui::App app(session, &workspace.folder());
        app.state().selectedEtape = etapeId;
        if (!app.showScreen(o.tab)) {
            std::fprintf(stderr, "unknown tab %s\n", o.tab.c_str());
            kill(child, SIGTERM);
            return 2;
        }
        if (Status s = app.openParticipation("127.0.0.1", 0); !s) {
            std::fprintf(stderr, "%s\n", s.message.c_str());
            kill(child, SIGTERM);
            return 1;
        }
        app.participation()->setOpen({etapeId, board, vote});
        const std::string go = std::to_string(app.room().port) + " " + app.room().code + " " + std::to_string(vote) + "\n";
        if (write(pipeFds[1], go.data(), go.size()) != static_cast<ssize_t>(go.size())) return 1;

        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        const auto t0 = Clock::now();
        std::vector<double> frames;
        Actions actions;
        ui::UiRequests requests;
        int status = 0;
        const auto frameBudget = std::chrono::microseconds(16667);
        while (waitpid(child, &status, WNOHANG) == 0) {
            const auto begin = Clock::now();
            imgui.frame([&] { app.drawConsole(actions, requests); });
            app.apply(actions, requests);
            requests = ui::UiRequests{};
            const auto end = Clock::now();
            frames.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
            std::this_thread::sleep_until(begin + frameBudget);  // the vsync'd loop
        }
        const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
        const double cpu = cpuSeconds(RUSAGE_SELF) - cpu0;

        std::ifstream file(results);
        int failures = -1;
        file >> failures;
        std::vector<double> latencies;
        for (double ms; file >> ms;) latencies.push_back(ms);
        size_t ideas = 0, ballots = 0;
        const Etape& e = *session.model().etape(etapeId);
        ideas = e.boards.back().ideas.size();
        for (const StoredBallot& b : e.votes.back().ballots) ballots += static_cast<size_t>(b.ballot.count);
        std::printf("phones %d × %d ideas + 1 ballot, %.1f s wall\n", o.phones, o.ideas, wall);
        std::printf("ideas stored   %zu (expected %d)\n", ideas, o.phones * o.ideas);
        std::printf("ballots stored %zu (expected %d)\n", ballots, o.phones);
        std::printf("failed requests %d\n", failures);
        std::printf("answer latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (%zu requests)\n",
                    percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
                    percentile(latencies, 1.0), latencies.size());
        std::printf("app + server CPU %.2f s (%.0f %% of one core)\n", cpu, 100.0 * cpu / wall);
        std::printf("console frame ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%zu frames)\n", percentile(frames, 0.5),
                    percentile(frames, 0.95), percentile(frames, 0.99), percentile(frames, 1.0), frames.size());
        if (ideas != static_cast<size_t>(o.phones * o.ideas) || ballots != static_cast<size_t>(o.phones)) exitCode = 1;
    }
    std::filesystem::remove_all(dir);
    return exitCode;
}
