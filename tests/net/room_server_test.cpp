// Issue 28, « La salle entière »: the event-driven server holds when one device misbehaves (slow connections,
// huge bodies, re-joins, a blocked device coming back), answers waiting phones with what changed, keeps a retried
// post once, tells the owner about writes that could not be saved, and projects the address phones can reach.
// Loopback only; every wait is bounded by the client's timeout; nothing asserts on wall-clock time.
#include <doctest/doctest.h>

#ifndef _WIN32
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <fstream>
#include <stdexcept>
#include <thread>
#include <cerrno>

#include "net/room.h"

using namespace atelier;
using namespace atelier::test;

namespace {

#ifndef _WIN32
/// A raw TCP connection to the server from `local` (any 127.x.y.z: each is an address of its own to the server).
struct Raw {
    int fd = -1;
    Raw(const std::string& local, int port, int timeoutSeconds = 5) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in me{};
        me.sin_family = AF_INET;
        inet_pton(AF_INET, local.c_str(), &me.sin_addr);
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&me), sizeof me) == 0);
        timeval tv{timeoutSeconds, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        connected = connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
    }
    ~Raw() {
        if (fd >= 0) close(fd);
    }
    bool connected = false;
    bool send(const std::string& data) {
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }
    /// Everything until the server closes or the timeout passes.
    std::string readAll() {
        std::string out;
        char chunk[4096];
        for (ssize_t n; (n = recv(fd, chunk, sizeof chunk, 0)) > 0;) out.append(chunk, static_cast<size_t>(n));
        return out;
    }
};

/// The resident memory of this process, in kB (Linux).
long residentKb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}
#endif

/// A journal that refuses every entry once `failing` is set (a full disk, a locked folder).
struct FailingJournal : Journal {
    bool failing = false;
    void record(const Action&, JournalKind) override {
        if (failing) throw std::runtime_error("disque plein");
    }
};

std::string etatSince(std::uint64_t revision) {
    return "/api/etat?changements=1&revision=" + std::to_string(revision);
}

}  // namespace

// [SECTION] One bad device does not silence the room

#ifndef _WIN32
TEST_CASE("one device's slow connections: it gets a few, the others join and post meanwhile") {
    net::Limits limits = roomLimits();
    limits.perAddress = 6;
    Room room(limits);
    // 40 connections from one address, each sending half a header and then nothing (a slowloris).
    std::vector<std::unique_ptr<Raw>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<Raw>("127.0.0.9", room.server.port(), 2));
        if (slow.back()->connected) slow.back()->send("GET /api/etat HTTP/1.1\r\nHost: x\r\nX-Lent: ");
    }
    // Another phone (127.0.0.1) joins and posts: answered, with the client's own 3 s timeout.
    const std::string token = room.join();
    const Id id = room.postIdea(token, "Pendant ce temps");
    CHECK(room.theBoard().idea(id));
    // Past its few connections, the slow device's others are closed by the server at once.
    int closedAtOnce = 0;
    for (auto& r : slow)
        if (r->connected && r->readAll().empty()) ++closedAtOnce;
    CHECK(closedAtOnce >= 40 - 6);
}

TEST_CASE("headers sent a line at a time: the connection is cut when they are late, kept-alive phones are not") {
    net::Limits limits = roomLimits();
    limits.headerTime = std::chrono::milliseconds(1500);
    Room room(limits);
    // A slow device: a header line every 300 ms, never silent long enough for the inactivity timeout (5 s).
    Raw slow("127.0.0.9", room.server.port(), 1);
    REQUIRE(slow.connected);
    REQUIRE(slow.send("GET /api/etat HTTP/1.1\r\nHost: x\r\n"));
    bool cut = false;
    for (int i = 0; i < 40 && !cut; ++i) {  // 12 s at most: eight times the deadline
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        char byte = 0;
        const ssize_t n = recv(slow.fd, &byte, 1, MSG_DONTWAIT);
        cut = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ||
              !slow.send("X-Ligne-" + std::to_string(i) + ": a\r\n");
    }
    CHECK(cut);
    // A phone whose connection stays open between its requests, each sent at once: never cut.
    Raw phone("127.0.0.10", room.server.port(), 5);
    REQUIRE(phone.connected);
    for (int i = 0; i < 4; ++i) {
        REQUIRE(phone.send("GET /participer.css HTTP/1.1\r\nHost: x\r\n\r\n"));
        std::string answer;
        char chunk[4096];
        while (answer.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = recv(phone.fd, chunk, sizeof chunk, 0);
            REQUIRE(n > 0);
            answer.append(chunk, static_cast<size_t>(n));
        }
        INFO(answer.substr(0, 40));
        CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
        const size_t length = std::stoul(answer.substr(answer.find("Content-Length: ") + 16));
        const size_t body = answer.find("\r\n\r\n") + 4;
        while (answer.size() < body + length) {
            const ssize_t n = recv(phone.fd, chunk, sizeof chunk, 0);
            REQUIRE(n > 0);
            answer.append(chunk, static_cast<size_t>(n));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // under the deadline, between requests
    }
}

TEST_CASE("a body larger than the limit: 413 before it is sent, and a chunked one is cut without being kept") {
    Room room;
    {
        Raw raw("127.0.0.1", room.server.port());
        REQUIRE(raw.connected);
        REQUIRE(raw.send("POST /api/rejoindre HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Content-Length: 31457280\r\n\r\n"));
        const std::string answer = raw.readAll();  // the server answers without reading a byte of the body
        CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
        CHECK(answer.find(tr(Str::NetBodyTooBig)) != std::string::npos);
    }
    const long before = residentKb();
    {
        Raw raw("127.0.0.1", room.server.port());
        REQUIRE(raw.connected);
        REQUIRE(raw.send("POST /api/idees HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"));
        const std::string chunk(64 * 1024, 'a');
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
        size_t sent = 0;
        while (sent < 30u * 1024 * 1024 && raw.send(size + chunk + "\r\n")) sent += chunk.size();
        CHECK(sent < 30u * 1024 * 1024);  // the server closed the connection long before 30 MB
    }
    CHECK(residentKb() - before < 8 * 1024);  // nothing of it was kept
    const std::string token = room.join();    // and the server still serves
    CHECK(room.state(token).contains("revision"));
}

TEST_CASE("joining is limited per address; a blocked device's address stays out until it is let back in") {
    net::Limits limits = roomLimits();
    limits.joinsPerAddress = 3;
    Room room(limits);
    std::vector<std::string> tokens;
    for (int i = 0; i < 50; ++i) {
        auto res = room.post("/api/rejoindre", {{"code", "123456"}});
        REQUIRE(res);
        if (res->status == 200) tokens.push_back(Json::parse(res->body).at("jeton").get<std::string>());
        else CHECK(res->status == 429);
    }
    CHECK(tokens.size() == 3);  // 47 re-joins refused: no stuffing a vote with the code on the screen
    CHECK(room.server.devices() == 3);

    Room other;  // joins unlimited, to see blocking alone
    const std::string token = other.join();
    other.server.blockDevice(token);
    auto again = other.post("/api/rejoindre", {{"code", "123456"}});
    REQUIRE(again);
    CHECK(again->status == 403);
    CHECK(error(again) == tr(Str::NetBlocked));
    CHECK(other.get("/api/etat", token)->status == 401);
    other.server.unblockDevice(token);
    CHECK(other.get("/api/etat", token)->status == 200);
    CHECK(other.post("/api/rejoindre", {{"code", "123456"}})->status == 200);
}
#endif

// [SECTION] Changes, not snapshots

TEST_CASE("changements: a waiting phone gets only what changed; an unknown revision gets the whole state once") {
    net::Limits limits = roomLimits();
    limits.ideasPerMinute = 100;
    Room room(limits);
    const std::string awa = room.join({{"prenom", "Awa"}});
    const std::string bea = room.join();
    room.server.setOpen({room.etape, room.board, std::nullopt});
    for (int i = 0; i < 30; ++i) room.postIdea(awa, "Idée " + std::to_string(i));
    auto whole = room.get("/api/etat?changements=1", bea);
    REQUIRE(whole->status == 200);
    const Json first = Json::parse(whole->body);
    CHECK(first.at("complet") == true);
    CHECK(first.at("idees").size() == 30);
    const std::uint64_t revision = first.at("revision").get<std::uint64_t>();

    auto waiting = room.getLater(etatSince(revision), bea);
    CHECK(room.stillWaiting(waiting, 200));
    const Id id = room.postIdea(awa, "La trente et unième");
    auto res = room.finish(std::move(waiting));
    REQUIRE(res->status == 200);
    const Json delta = Json::parse(res->body);
    CHECK_FALSE(delta.contains("complet"));
    REQUIRE(delta.at("idees").size() == 1);  // not the 30 others again
    CHECK(delta.at("idees")[0].at("id") == id);
    CHECK(delta.at("idees")[0].at("texte") == "La trente et unième");
    CHECK_FALSE(delta.at("idees")[0].contains("mienne"));
    CHECK_FALSE(delta.contains("vote"));  // unchanged sections are not sent
    CHECK(res->body.size() < 400);

    // Its author sees it as its own; a removal reaches the others as « retirees ».
    auto mine = room.get(etatSince(revision), awa);
    const Json forAwa = Json::parse(mine->body);
    REQUIRE(forAwa.at("idees").size() == 1);
    CHECK(forAwa.at("idees")[0].at("mienne") == true);
    CHECK(forAwa.at("idees")[0].at("modifiable") == true);
    const std::uint64_t now = delta.at("revision").get<std::uint64_t>();
    REQUIRE(room.session.apply(RemoveIdea{room.etape, room.board, id}));
    auto removed = room.get(etatSince(now), bea);
    CHECK(Json::parse(removed->body).at("retirees") == Json::array({id}));

    // A revision from before (another run of the server) is answered with everything.
    auto stale = room.get(etatSince(12), bea);
    CHECK(Json::parse(stale->body).at("complet") == true);
}

TEST_CASE("changements: a board that hides new ideas sends each phone its own ideas only") {
    Room room;
    const std::string awa = room.join();
    const std::string bea = room.join();
    REQUIRE(room.session.apply(SetBoardHidden{room.etape, room.board, true}));
    room.server.setOpen({room.etape, room.board, std::nullopt});
    const Id id = room.postIdea(awa, "Secret jusqu'au dévoilement");
    const Json forBea = Json::parse(room.get("/api/etat?changements=1", bea)->body);
    CHECK(forBea.at("idees").empty());
    CHECK(forBea.at("tableau").at("masque") == true);
    const Json forAwa = Json::parse(room.get("/api/etat?changements=1", awa)->body);
    REQUIRE(forAwa.at("idees").size() == 1);
    CHECK(forAwa.at("idees")[0].at("id") == id);
}

// [SECTION] A retried post, a failed write

TEST_CASE("a post retried with the same key stores one idea") {
    Room room;
    room.server.setOpen({room.etape, room.board, std::nullopt});
    const std::string token = room.join();
    const Json body{{"texte", "Une seule fois"}, {"cle", "a1b2c3"}};
    auto first = room.post("/api/idees", body, token);
    auto retry = room.post("/api/idees", body, token);
    REQUIRE(first->status == 201);
    REQUIRE(retry->status == 201);
    CHECK(Json::parse(first->body).at("id") == Json::parse(retry->body).at("id"));
    CHECK(room.theBoard().ideas.size() == 1);
    CHECK(room.post("/api/idees", {{"texte", "Une autre"}, {"cle", "d4e5f6"}}, token)->status == 201);
    CHECK(room.theBoard().ideas.size() == 2);
    CHECK(room.post("/api/idees", {{"texte", "x"}, {"cle", 12}}, token)->status == 400);
}

TEST_CASE("a phone's write that cannot be saved reaches the owner as a French message") {
    FailingJournal journal;
    Room room;
    room.session = Session(room.session.model(), &journal);
    room.server.setOpen({room.etape, room.board, std::nullopt});
    const std::string token = room.join();
    journal.failing = true;
    auto res = room.post("/api/idees", {{"texte", "Perdue ?"}}, token);
    REQUIRE(res);
    CHECK(res->status == 500);
    const std::vector<std::string> failures = room.server.takeFailures();
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].find("disque plein") != std::string::npos);
    CHECK(room.server.takeFailures().empty());
}

// [SECTION] The right address

TEST_CASE("the address projected: Wi-Fi or Ethernet first, Docker, VMs and VPNs last, no network none") {
    using net::NetInterface;
    const std::vector<NetInterface> laptop = {
        {"lo", "127.0.0.1", true, true},          {"docker0", "172.17.0.1", false, true},
        {"tun0", "10.8.0.2", false, true},        {"vboxnet0", "192.168.56.1", false, true},
        {"wlp2s0", "192.168.1.23", false, true},  {"enp0s31f6", "169.254.10.2", false, true},
        {"eth1", "192.168.2.5", false, false}};
    const std::vector<std::string> ranked = net::rankAddresses(laptop);
    REQUIRE(ranked.size() == 5);
    CHECK(ranked[0] == "192.168.1.23");  // the Wi-Fi
    CHECK(ranked[1] == "169.254.10.2");  // link-local Ethernet next
    for (size_t i = 2; i < ranked.size(); ++i)
        CHECK((ranked[i] == "172.17.0.1" || ranked[i] == "10.8.0.2" || ranked[i] == "192.168.56.1"));
    const std::vector<NetInterface> windows = {{"vEthernet (WSL) Hyper-V Virtual Ethernet Adapter", "172.29.0.1", false, true},
                                               {"Wi-Fi Intel(R) Wi-Fi 6 AX201", "10.0.0.12", false, true}};
    CHECK(net::rankAddresses(windows).front() == "10.0.0.12");
    CHECK(net::rankAddresses({{"lo", "127.0.0.1", true, true}}).empty());  // no network: nothing to project
    CHECK(net::rankAddresses({}).empty());
}

// [SECTION] Identity that survives a restart

TEST_CASE("a restart keeps every phone: its token, its ideas still its own, its ballot replaced and not doubled") {
    Room room;
    room.server.setOpen({room.etape, room.board, room.majority});
    const std::string awa = room.join({{"prenom", "Awa"}});
    const Id id = room.postIdea(awa, "Avant la coupure");
    const Json ballot{{"vote", room.majority}, {"grades", {{"Cafés des parents", "Bien"}, {"Tutorat", "Passable"}}}};
    REQUIRE(room.post("/api/bulletin", ballot, awa)->status == 200);
    room.server.pump(room.session);
    const std::string memory = room.server.memory();
    CHECK(memory.find(awa) == std::string::npos);  // the data folder never holds a token
    CHECK(memory.find("Avant la coupure") != std::string::npos);

    room.server.stop();
    REQUIRE(room.server.remember(memory, room.etape));
    REQUIRE(room.server.start("127.0.0.1", 0));
    CHECK(room.server.code() == "123456");  // the code on the screen stays
    const Json state = room.state(awa);     // no 401: the phone carries on
    CHECK(state.at("moi").at("prenom") == "Awa");
    CHECK(state.at("vote").at("a_vote") == true);
    CHECK(room.put("/api/idees/" + std::to_string(id), {{"texte", "Après la coupure"}}, awa)->status == 200);
    const Json again{{"vote", room.majority}, {"grades", {{"Cafés des parents", "Très bien"}, {"Tutorat", "Bien"}}}};
    REQUIRE(room.post("/api/bulletin", again, awa)->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 1);  // replaced, not a second ballot
}

TEST_CASE("remember: another étape's room starts afresh; an unreadable memory says so and keeps nothing") {
    Room room;
    const std::string awa = room.join();
    const std::string memory = room.server.memory();
    room.server.stop();
    REQUIRE(room.server.remember(memory, room.etape + 1000));
    REQUIRE(room.server.start("127.0.0.1", 0, "654321"));
    CHECK(room.get("/api/etat", awa)->status == 401);
    room.server.stop();
    const Status unreadable = room.server.remember("{\"version\": 1, \"code\": 12", room.etape);
    CHECK_FALSE(unreadable);
    CHECK(unreadable.message == tr(Str::NetRememberUnreadable));
}

TEST_CASE("changements: a revision from another opening of the server gets the whole state, sections left empty too") {
    Room room;
    const std::string token = room.join();
    room.server.setOpen({room.etape, std::nullopt, room.majority});  // no board
    const std::uint64_t before = room.state(token).at("revision").get<std::uint64_t>();
    const std::string memory = room.server.memory();
    room.server.stop();
    REQUIRE(room.server.remember(memory, room.etape));
    REQUIRE(room.server.start("127.0.0.1", 0));
    const Json after = Json::parse(room.get(etatSince(before), token)->body);
    CHECK(after.at("complet") == true);
    CHECK(after.at("tableau").is_null());  // said, not left out: the page had a board before
    CHECK(after.at("revision").get<std::uint64_t>() > before);
}

// [SECTION] Fair votes: « un bulletin par personne présente »

TEST_CASE("un bulletin par personne présente: a phone votes in the name of a person checked in, once per person") {
    Room room;
    Session& s = room.session;
    const Etape& before = *s.model().etape(room.etape);
    // Two people checked in, one registered but absent.
    std::vector<Id> present;
    Id absent = 0;
    for (const char* name : {"Awa Diallo", "Bruno Petit", "Chloé Absente"}) {
        Person p;
        p.name = name;
        const Id person = s.model().nextId;
        REQUIRE(s.apply(AddPerson{p}));
        const Id registration = s.model().nextId;
        const bool here = std::string(name) != "Chloé Absente";
        REQUIRE(s.apply(AddRegistration{room.etape, Registration{0, person, 1, here, false}}));
        (here ? present.emplace_back(registration) : absent) = registration;
    }
    (void)before;
    VoteSetup setup = room.vote(room.majority).setup;
    setup.perPerson = true;
    REQUIRE(s.apply(UpdateVote{room.etape, room.majority, setup}));
    const std::string first = room.join();
    const Json state = room.state(first);
    CHECK(state.at("vote").at("par_personne") == true);
    const Json people = state.at("vote").at("personnes");
    auto listed = [&](Id id, const std::string& name) {
        return std::find(people.begin(), people.end(), Json{{"id", id}, {"nom", name}}) != people.end();
    };
    CHECK(listed(present[0], "Awa D."));
    CHECK(listed(present[1], "Bruno P."));
    for (const Json& p : people) CHECK(p.at("id") != absent);  // registered, not checked in
    CHECK(state.at("vote").at("ma_personne").is_null());

    Json ballot{{"vote", room.majority}, {"grades", {{"Cafés des parents", "Bien"}, {"Tutorat", "Passable"}}}};
    auto anonymous = room.post("/api/bulletin", ballot, first);
    CHECK(anonymous->status == 400);
    CHECK(error(anonymous) == tr(Str::NetVoteChoosePerson));
    ballot["personne"] = absent;
    CHECK(room.post("/api/bulletin", ballot, first)->status == 409);
    ballot["personne"] = present[0];
    REQUIRE(room.post("/api/bulletin", ballot, first)->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 1);
    CHECK(room.state(first).at("vote").at("ma_personne") == present[0]);

    // A second phone for Awa: it corrects Awa's ballot (never a second one), and the first phone is out.
    const std::string second = room.join();
    ballot["grades"]["Tutorat"] = "Très bien";
    REQUIRE(room.post("/api/bulletin", ballot, second)->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 1);
    auto out = room.get("/api/etat", first);
    CHECK(out->status == 401);
    CHECK(error(out) == tr(Str::NetReplaced));
    const auto devices = room.server.deviceList();
    REQUIRE(devices.size() == 2);
    CHECK(devices[0].replaced);
    CHECK_FALSE(devices[1].replaced);
    CHECK(devices[1].person == present[0]);
    // Bruno votes too: two people present, two ballots.
    const std::string bruno = room.join();
    ballot["personne"] = present[1];
    REQUIRE(room.post("/api/bulletin", ballot, bruno)->status == 200);
    CHECK(room.vote(room.majority).ballots.size() == 2);
    // The memory of the room never says which person cast which ballot.
    const Json memory = Json::parse(room.server.memory());
    for (const auto& [key, id] : memory.at("bulletins").items()) CHECK(key.size() == 64);
    CHECK(memory.dump().find("\"personne\":" + std::to_string(present[0])) != std::string::npos);  // who has a phone
    // After a restart, a third phone cannot add a ballot for Awa, whose phone voted before it.
    room.server.stop();
    REQUIRE(room.server.remember(memory.dump(), room.etape));
    REQUIRE(room.server.start("127.0.0.1", 0));
    const std::string third = room.join();
    ballot["personne"] = present[0];
    auto locked = room.post("/api/bulletin", ballot, third);
    CHECK(locked->status == 409);
    CHECK(error(locked) == tr(Str::NetPersonBallotLocked));
    REQUIRE(room.post("/api/bulletin", ballot, second)->status == 200);  // Awa's phone still corrects it
    CHECK(room.vote(room.majority).ballots.size() == 2);
}
