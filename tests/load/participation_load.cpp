// atelier_load [--phones N] [--ideas K] [--seconds S] [--tab NAME] [--scenario room|join|idle]
// [--external PORT CODE VOTE] (phones only, against the real app started with ATELIER_TEST_PARTICIPATION=CODE and
// ATELIER_BENCH_WALL=1, which prints « wall: PORT CODE VOTE »: tests/bench/idle_cpu.sh): the participation
// server under a room's load (issues 12 and 28), run by hand, never by ctest (its numbers depend on the machine).
// Loopback only, bounded in count and time, stops by itself.
//
// The app side is the real thing: a data folder (journal with its fsync per action), the App with its console
// (the Idées tab, or --tab) drawn headless at 1280×800 each frame, participation opened through the App, a board and
// a majority-judgment vote open to phones; frames are paced at 60 Hz like the vsync'd loop, and every frame pumps
// the phones' jobs. The phones run in a child process (forked before any thread exists), so that the parent's CPU
// time is the app's and the server's alone.
//
// Each phone does what participer.js does, each from its own loopback address (127.1.x.y: the server limits
// connections per address): it loads the page (/, participer.css, participer.js), looks the room up
// (/api/salle), joins, then holds the long poll GET /api/etat?changements=1&revision=R on one connection for the
// whole run while it posts on another (ideas with their key "cle", then one ballot). Scenarios:
//   room (default): N phones arrive within the first third of the run, each posts K ideas a couple of seconds
//        apart and casts one ballot. Reports post latency, how long a new idea takes to reach every phone, the
//        bytes phones receive per new idea, the server's CPU per request and the console's frame time.
//   join: N phones load the page and join within the first 10 s; reports the time to joined (page + first
//        state) p50/p99/max and how many made it.
//   idle: N phones join and hold their long polls while nothing changes; reports the app's CPU over the idle part.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <random>
#include <string>
#include <thread>
#include <vector>

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
    std::string scenario = "room";
    bool oldPage = false;  // --page ancienne: the page before issue 28 (whole state, GET /api/idees on each change)
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

double msSince(Clock::time_point t0, Clock::time_point t1 = Clock::now()) {
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

// [SECTION] A keep-alive HTTP/1.1 connection from one loopback address (what a browser holds)

struct Answer {
    int status = 0;  // 0: the connection failed
    std::string body;
};

class Connection {
public:
    Connection(std::string local, int port) : local_(std::move(local)), port_(port) {}
    ~Connection() { close(); }
    std::atomic<long long>* received = nullptr;  // bytes read, headers included
    std::atomic<long long>* sent = nullptr;

    Answer request(const std::string& method, const std::string& path, const std::string& token,
                   const std::string& body, int timeoutSeconds) {
        for (int attempt = 0; attempt < 2 && !interrupted_; ++attempt) {
            if (fd_ < 0 && !open(timeoutSeconds)) return {};
            std::string out = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n";
            if (!token.empty()) out += "Authorization: Bearer " + token + "\r\n";
            if (!body.empty() || method == "POST" || method == "PUT")
                out += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
            out += "\r\n" + body;
            setTimeout(timeoutSeconds);
            if (!sendAll(out)) {
                close();
                continue;  // a kept-alive connection the server closed: once more on a new one
            }
            Answer a;
            bool closeAfter = false;
            if (readAnswer(a, closeAfter)) {
                if (closeAfter) close();
                return a;
            }
            close();
            if (attempt == 0 && a.status == -1) continue;  // closed before any byte: retry once
            return {};
        }
        return {};
    }
    /// Wakes a request waiting on this connection (from another thread): it fails at once.
    void interrupt() {
        interrupted_ = true;
        if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
    }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        buffer_.clear();
    }

private:
    bool open(int timeoutSeconds) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0) return false;
        sockaddr_in me{};
        me.sin_family = AF_INET;
        inet_pton(AF_INET, local_.c_str(), &me.sin_addr);
        if (bind(fd_, reinterpret_cast<sockaddr*>(&me), sizeof me) != 0) return close(), false;
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(static_cast<std::uint16_t>(port_));
        inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        setTimeout(timeoutSeconds);
        if (connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) return close(), false;
        int one = 1;
        setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return true;
    }
    void setTimeout(int seconds) {
        timeval tv{seconds, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }
    bool sendAll(const std::string& data) {
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        if (sent) *sent += static_cast<long long>(data.size());
        return true;
    }
    bool fill() {
        char chunk[16384];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<size_t>(n));
        if (received) *received += n;
        return true;
    }
    bool readAnswer(Answer& a, bool& closeAfter) {
        size_t end;
        bool any = !buffer_.empty();
        while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) {
                a.status = any ? 0 : -1;
                return false;
            }
            any = true;
        }
        const std::string head = buffer_.substr(0, end);
        buffer_.erase(0, end + 4);
        if (std::sscanf(head.c_str(), "HTTP/1.%*d %d", &a.status) != 1) return false;
        size_t length = 0;
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (const size_t at = lower.find("content-length:"); at != std::string::npos)
            length = std::strtoul(lower.c_str() + at + 15, nullptr, 10);
        closeAfter = lower.find("connection: close") != std::string::npos;
        while (buffer_.size() < length)
            if (!fill()) return false;
        a.body = buffer_.substr(0, length);
        buffer_.erase(0, length);
        return true;
    }

    std::string local_;
    int port_;
    int fd_ = -1;
    std::atomic<bool> interrupted_{false};
    std::string buffer_;
};

std::string phoneAddress(int i) { return "127.1." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1); }

// [SECTION] The phones (child process)

struct Shared {
    std::mutex mutex;
    std::map<std::string, Clock::time_point> postedAt;  // idea text → when its POST was sent
    std::map<std::string, std::set<std::string>> seenBy;  // --page ancienne: token → ideas already timed
    std::vector<double> seenMs;                           // idea posted → seen by a phone, every (idea, phone)
    std::vector<double> postMs, joinMs, otherMs;
    std::atomic<long long> pollBytes{0}, otherBytes{0}, sentBytes{0};
    std::atomic<long long> requests{0};
    std::atomic<int> failures{0}, joined{0}, done{0};
    std::atomic<bool> over{false};
};

/// The page's follow(): the long poll, held until the run is over, every idea it brings timed.
void follow(Shared& s, Connection& poll, Connection& fetch, bool oldPage, const std::string& token,
            const Clock::time_point deadline) {
    std::string revision;
    std::vector<double> seen;
    while (!s.over && Clock::now() < deadline) {
        const std::string path = oldPage ? "/api/etat" + (revision.empty() ? "" : "?revision=" + revision)
                                         : "/api/etat?changements=1" + (revision.empty() ? "" : "&revision=" + revision);
        const Answer a = poll.request("GET", path, token, "", 35);
        ++s.requests;
        const auto now = Clock::now();
        if (a.status != 200) {
            if (s.over) break;
            ++s.failures;
            std::this_thread::sleep_for(std::chrono::seconds(2));  // as the page does
            continue;
        }
        const Json state = Json::parse(a.body, nullptr, false);
        if (state.is_discarded()) continue;
        const std::string next = std::to_string(state.value("revision", 0ull));
        if (oldPage) {  // the former page: the whole board again on every change
            if (next == revision) continue;
            revision = next;
            const Answer board = fetch.request("GET", "/api/idees", token, "", 15);
            ++s.requests;
            const auto at = Clock::now();
            const Json lists = Json::parse(board.body, nullptr, false);
            if (board.status != 200 || lists.is_discarded()) continue;
            std::lock_guard lock(s.mutex);
            for (const char* key : {"miennes", "autres"})
                for (const Json& idea : lists.value(key, Json::array())) {
                    const auto posted = s.postedAt.find(idea.value("texte", ""));
                    if (posted != s.postedAt.end() && s.seenBy[token].insert(idea.value("texte", "")).second)
                        seen.push_back(msSince(posted->second, at));
                }
            continue;
        }
        revision = next;
        if (const auto ideas = state.find("idees"); ideas != state.end() && ideas->is_array()) {
            std::lock_guard lock(s.mutex);
            for (const Json& idea : *ideas) {
                const auto at = s.postedAt.find(idea.value("texte", ""));
                if (at != s.postedAt.end() && !state.value("complet", false)) seen.push_back(msSince(at->second, now));
            }
        }
    }
    std::lock_guard lock(s.mutex);
    s.seenMs.insert(s.seenMs.end(), seen.begin(), seen.end());
}

int runPhones(const Options& o, int in, const std::string& out) {
    char buffer[256] = {};
    if (read(in, buffer, sizeof buffer - 1) <= 0) return 1;
    int port = 0;
    char code[16] = {};
    long long vote = 0;
    if (std::sscanf(buffer, "%d %15s %lld", &port, code, &vote) != 3) return 1;
    const std::vector<std::string> grades = defaultGradeScale();
    Shared s;
    std::vector<std::thread> phones;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(o.seconds + 30);  // bounded whatever happens
    const double arrival = o.scenario == "join" ? std::min(10.0, o.seconds / 3.0) : o.seconds / 3.0;
    for (int i = 0; i < o.phones; ++i)
        phones.emplace_back([&, i] {
            std::mt19937 rng(static_cast<unsigned>(i) * 7919u + 1u);
            std::this_thread::sleep_until(start + std::chrono::milliseconds(static_cast<int>(
                                                      std::uniform_real_distribution<double>(0, arrival)(rng) * 1000)));
            Connection page(phoneAddress(i), port), poll(phoneAddress(i), port), fetch(phoneAddress(i), port);
            fetch.received = &s.pollBytes;
            fetch.sent = &s.sentBytes;
            page.received = &s.otherBytes;
            page.sent = &s.sentBytes;
            poll.received = &s.pollBytes;
            poll.sent = &s.sentBytes;
            std::vector<double> posts, others;
            auto timed = [&](std::vector<double>& into, const std::string& method, const std::string& path,
                             const std::string& token, const std::string& body) {
                const auto t0 = Clock::now();
                Answer a = page.request(method, path, token, body, 15);
                into.push_back(msSince(t0));
                ++s.requests;
                return a;
            };
            // The page: its three files, the room looked up, then joining.
            const auto t0 = Clock::now();
            bool ok = true;
            for (const char* file : {"/", "/participer.css", "/participer.js"})
                ok = timed(others, "GET", file, "", "").status == 200 && ok;
            ok = timed(others, "POST", "/api/salle", "", Json{{"code", code}}.dump()).status == 200 && ok;
            const Answer joined = timed(others, "POST", "/api/rejoindre", "",
                                        Json{{"code", code}, {"prenom", "Téléphone " + std::to_string(i + 1)}}.dump());
            std::thread poller;
            // Whatever happens, the phone stays until the run is over (its poller uses its connections).
            struct Stay {
                Shared& s;
                std::thread& poller;
                Connection& poll;
                ~Stay() {
                    ++s.done;
                    while (!s.over) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    poll.interrupt();
                    if (poller.joinable()) poller.join();
                }
            } stay{s, poller, poll};
            if (!ok || joined.status != 200) {
                ++s.failures;
                return;
            }
            const std::string token = Json::parse(joined.body).value("jeton", "");
            const Answer first = poll.request("GET", o.oldPage ? "/api/etat" : "/api/etat?changements=1", token, "", 15);
            ++s.requests;
            if (first.status != 200) {
                ++s.failures;
                return;
            }
            {
                std::lock_guard lock(s.mutex);
                s.joinMs.push_back(msSince(t0));
                ++s.joined;
            }
            poller = std::thread(
                [&s, &poll, &fetch, &o, token, deadline] { follow(s, poll, fetch, o.oldPage, token, deadline); });
            if (o.scenario == "room") {
                const double gap = (o.seconds * 0.6) / std::max(1, o.ideas);  // spread over the rest of the run
                for (int k = 0; k < o.ideas && Clock::now() < deadline; ++k) {
                    const std::string text = "Idée " + std::to_string(k + 1) + " du téléphone " + std::to_string(i + 1) +
                                             " : « essaimer » l'été";
                    {
                        std::lock_guard lock(s.mutex);
                        s.postedAt[text] = Clock::now();
                    }
                    const Answer posted = timed(posts, "POST", "/api/idees", token,
                                                Json{{"texte", text}, {"cle", std::to_string(i) + "-" + std::to_string(k)}}.dump());
                    if (posted.status != 201) ++s.failures;
                    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(
                        std::uniform_real_distribution<double>(0.5 * gap, 1.0 * gap)(rng) * 1000)));
                }
                Json ballot{{"vote", vote},
                            {"grades", {{"Cafés des parents", grades[rng() % grades.size()]},
                                        {"Tutorat", grades[rng() % grades.size()]},
                                        {"Ateliers du mercredi", grades[rng() % grades.size()]}}}};
                if (timed(posts, "POST", "/api/bulletin", token, ballot.dump()).status != 200) ++s.failures;
            }
            std::lock_guard lock(s.mutex);
            s.postMs.insert(s.postMs.end(), posts.begin(), posts.end());
            s.otherMs.insert(s.otherMs.end(), others.begin(), others.end());
        });
    while (s.done < o.phones && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // The room keeps following a little after the last post, so the last ideas reach everyone.
    std::this_thread::sleep_until(std::min(deadline, std::max(Clock::now() + std::chrono::seconds(3),
                                                              start + std::chrono::seconds(o.seconds))));
    s.over = true;
    for (std::thread& t : phones) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::ofstream file(out);
    file << Json{{"failures", s.failures.load()}, {"joined", s.joined.load()}, {"requests", s.requests.load()},
                 {"pollBytes", s.pollBytes.load()}, {"otherBytes", s.otherBytes.load()},
                 {"sentBytes", s.sentBytes.load()}, {"wall", wall},
                 {"post", {percentile(s.postMs, 0.5), percentile(s.postMs, 0.95), percentile(s.postMs, 0.99), percentile(s.postMs, 1)}},
                 {"seen", {percentile(s.seenMs, 0.5), percentile(s.seenMs, 0.95), percentile(s.seenMs, 0.99), percentile(s.seenMs, 1)}},
                 {"seenCount", s.seenMs.size()},
                 {"join", {percentile(s.joinMs, 0.5), percentile(s.joinMs, 0.95), percentile(s.joinMs, 0.99), percentile(s.joinMs, 1)}},
                 {"other", {percentile(s.otherMs, 0.5), percentile(s.otherMs, 0.99)}}}
                .dump();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    std::string external;  // "PORT CODE VOTE": phones only, against a running app
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--external" && i + 3 < argc) {
            external = std::string(argv[i + 1]) + " " + argv[i + 2] + " " + argv[i + 3] + "\n";
            i += 2;
            continue;
        }
        const int value = std::atoi(argv[i + 1]);
        if (flag == "--tab") o.tab = argv[i + 1];
        else if (flag == "--scenario") o.scenario = argv[i + 1];
        else if (flag == "--page") o.oldPage = std::string(argv[i + 1]) == "ancienne";
        else if (flag == "--phones") o.phones = std::clamp(value, 1, 1000);
        else if (flag == "--ideas") o.ideas = std::clamp(value, 1, 20);
        else if (flag == "--seconds") o.seconds = std::clamp(value, 5, 300);
    }
    if (o.scenario != "room" && o.scenario != "join" && o.scenario != "idle") {
        std::fprintf(stderr, "--scenario room|join|idle\n");
        return 2;
    }
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("atelier-load-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string results = (dir / "phones.json").string();
    if (!external.empty()) {  // the real app (its GL windows) serves; this process is the room's phones only
        int fds[2];
        if (pipe(fds) != 0 || write(fds[1], external.data(), external.size()) != static_cast<ssize_t>(external.size()))
            return 1;
        close(fds[1]);
        const int code = runPhones(o, fds[0], results);
        std::ifstream file(results);
        const Json r = Json::parse(file, nullptr, false);
        if (code != 0 || r.is_discarded()) return 1;
        const auto post = r.at("post").get<std::vector<double>>();
        std::printf("external app: %d phones, %lld requests, %d failed, %d joined; post ms p50 %.1f p95 %.1f p99 %.1f\n",
                    o.phones, r.at("requests").get<long long>(), r.at("failures").get<int>(), r.at("joined").get<int>(),
                    post[0], post[1], post[2]);
        std::filesystem::remove_all(dir);
        return 0;
    }

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
        if (Status s = app.openParticipation("0.0.0.0", 0); !s) {
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
        double idleCpu0 = -1, idleAt = 0;
        const auto frameBudget = std::chrono::microseconds(16667);
        while (waitpid(child, &status, WNOHANG) == 0) {
            const auto begin = Clock::now();
            // idle: the loop pumps without drawing, so that the CPU measured is the server's and the pump's
            if (o.scenario != "idle") imgui.frame([&] { app.drawConsole(actions, requests); });
            app.apply(actions, requests);
            requests = ui::UiRequests{};
            const auto end = Clock::now();
            frames.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
            // idle: measured from the time every phone has joined (the first third) to the end
            if (o.scenario == "idle" && idleCpu0 < 0 && std::chrono::duration<double>(end - t0).count() > o.seconds / 3.0 + 2) {
                idleCpu0 = cpuSeconds(RUSAGE_SELF);
                idleAt = std::chrono::duration<double>(end - t0).count();
            }
            std::this_thread::sleep_until(begin + frameBudget);  // the vsync'd loop
        }
        const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
        const double cpu = cpuSeconds(RUSAGE_SELF) - cpu0;

        std::ifstream file(results);
        const Json r = Json::parse(file, nullptr, false);
        if (r.is_discarded()) {
            std::fprintf(stderr, "the phones wrote no result\n");
            return 1;
        }
        const Etape& e = *session.model().etape(etapeId);
        const size_t ideas = e.boards.back().ideas.size();
        size_t ballots = 0;
        for (const StoredBallot& b : e.votes.back().ballots) ballots += static_cast<size_t>(b.ballot.count);
        const long long requestsMade = r.at("requests").get<long long>();
        std::printf("scenario %s: %d phones, %.1f s wall, %lld requests, %d failed, %d joined\n", o.scenario.c_str(),
                    o.phones, wall, requestsMade, r.at("failures").get<int>(), r.at("joined").get<int>());
        if (o.scenario == "room") {
            std::printf("ideas stored   %zu (expected %d), ballots stored %zu (expected %d)\n", ideas,
                        o.phones * o.ideas, ballots, o.phones);
            auto four = [&](const char* key) { return r.at(key).get<std::vector<double>>(); };
            const auto post = four("post"), seen = four("seen");
            std::printf("post ms:            p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", post[0], post[1], post[2], post[3]);
            std::printf("idea seen by phones: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  ms (%lld idea × phone)\n", seen[0],
                        seen[1], seen[2], seen[3], r.at("seenCount").get<long long>());
            const double perIdeaPerPhone = ideas ? static_cast<double>(r.at("pollBytes").get<long long>()) /
                                                       static_cast<double>(ideas) / o.phones
                                                 : 0;
            std::printf("long-poll bytes received %.1f MB (%.0f B per new idea per phone), %.1f Mbit/s; page and posts %.1f MB\n",
                        r.at("pollBytes").get<long long>() / 1e6, perIdeaPerPhone,
                        r.at("pollBytes").get<long long>() * 8 / 1e6 / wall, r.at("otherBytes").get<long long>() / 1e6);
            if (ideas != static_cast<size_t>(o.phones * o.ideas) || ballots != static_cast<size_t>(o.phones)) exitCode = 1;
        }
        if (o.scenario == "join") {
            const auto join = r.at("join").get<std::vector<double>>();
            std::printf("joined (page, room, join, first state) ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", join[0],
                        join[1], join[2], join[3]);
            if (r.at("joined").get<int>() != o.phones) exitCode = 1;
        }
        if (o.scenario == "idle" && idleCpu0 >= 0) {
            const double idleCpu = cpuSeconds(RUSAGE_SELF) - idleCpu0;
            std::printf("idle with %d long polls held: app + server CPU %.2f s over %.1f s (%.1f %% of one core; the "
                        "loop pumping at 60 Hz without drawing)\n", o.phones, idleCpu, wall - idleAt, 100.0 * idleCpu / (wall - idleAt));
        }
        std::printf("app + server CPU %.2f s (%.0f %% of one core), %.2f ms per request\n", cpu, 100.0 * cpu / wall,
                    requestsMade ? 1000.0 * cpu / static_cast<double>(requestsMade) : 0.0);
        std::printf("console frame ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%zu frames)\n", percentile(frames, 0.5),
                    percentile(frames, 0.95), percentile(frames, 0.99), percentile(frames, 1.0), frames.size());
    }
    std::filesystem::remove_all(dir);
    return exitCode;
}
