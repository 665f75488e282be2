// The data folder under stress, run as a user would: two writers at once (one is refused, the database always
// opens, nothing acknowledged is lost), read commands while a writer holds the folder, damaged or unusual
// databases (an empty file, a journal entry that cannot be replayed), two étapes that share a date and a host.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "store/database.h"
#include "store/errors.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

using atelier::test::readBytes;

void rawExec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

constexpr const char* kBusy = "Atelier est déjà ouvert sur ce dossier";

}  // namespace

TEST_CASE("two writers on one data folder, 100 rounds: the database always opens, nothing acknowledged is lost") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " territoire 'Départ' --adherent oui").code == 0);
    struct Outcome {
        std::string name;
        Run result;
    };
    std::vector<Outcome> outcomes;
    std::atomic<int> readsFailed{0};
    std::string readFailure;
    constexpr int kRounds = 100;
    for (int round = 0; round < kRounds; ++round) {
        Outcome a{"Territoire " + std::to_string(round) + "-A", {}};
        Outcome b{"Territoire " + std::to_string(round) + "-B", {}};
        // Every tenth round, one of the writers builds the demo étape: a long series of actions.
        const bool demo = round % 10 == 5;
        std::thread first([&] { a.result = run(dir.data() + " territoire '" + a.name + "' --adherent oui"); });
        std::thread second([&] {
            b.result = run(dir.data() + (demo ? std::string(" demo") : " territoire '" + b.name + "' --adherent non"));
        });
        std::thread reader([&] {  // a read command works whatever the writers do
            const Run r = run(dir.data() + " etapes --json");
            if (r.code != 0) {
                ++readsFailed;
                readFailure = r.out;
            }
        });
        first.join();
        second.join();
        reader.join();
        if (demo) b.name.clear();
        outcomes.push_back(std::move(a));
        outcomes.push_back(std::move(b));
    }
    CHECK_MESSAGE(readsFailed == 0, readFailure);

    int acknowledged = 0, refused = 0;
    for (const Outcome& o : outcomes) {
        INFO(o.name << " : " << o.result.out);
        if (o.result.code == 0) {
            ++acknowledged;
        } else {
            ++refused;
            CHECK(o.result.code == 1);
            CHECK(o.result.out.find(kBusy) != std::string::npos);
        }
    }
    MESSAGE(acknowledged << " writes acknowledged, " << refused << " refused (folder busy)");
    CHECK(acknowledged >= kRounds);  // the writers take turns: at least one per round gets through

    // The database opens, with nothing to report, and holds every acknowledged write.
    const Run opened = run(dir.data() + " etapes --json");
    INFO(opened.out);
    REQUIRE(opened.code == 0);
    CHECK(opened.out.find("Attention") == std::string::npos);
    atelier::store::Workspace ws(dir.path / "data", atelier::store::Access::Read);
    CHECK(ws.skipped().empty());
    const atelier::Model& model = ws.session().model();
    CHECK(model.territoryByName("Départ"));
    for (const Outcome& o : outcomes)
        if (o.result.code == 0 && !o.name.empty()) CHECK_MESSAGE(model.territoryByName(o.name), o.name);
}

TEST_CASE("while the app holds the data folder, a writing command is refused by name and reading still works") {
    TempDir dir("atelier-cli");
    const fs::path data = dir.path / "data";
    {
        atelier::store::Workspace app(data, atelier::store::Access::Write, "l'application Atelier");
        const Run refused = run(dir.data() + " territoire Lille --adherent oui");
        INFO(refused.out);
        CHECK(refused.code == 1);
        CHECK(refused.out.find(kBusy) != std::string::npos);
        CHECK(refused.out.find(data.string()) != std::string::npos);
        CHECK(refused.out.find("l'application Atelier") != std::string::npos);
        CHECK(refused.out.find(std::to_string(getpid())) != std::string::npos);
        CHECK(run(dir.data() + " demo").code == 1);
        CHECK(run(dir.data() + " archive save --etape 1").code == 1);

        const Run read = run(dir.data() + " etapes --json");
        INFO(read.out);
        CHECK(read.code == 0);
        CHECK(json::parse(read.out).size() == 2);
        CHECK(run(dir.data() + " tarifs --etape 1 --json").code == 0);
        CHECK(run(dir.data() + " search familles").code == 0);
        CHECK(run(dir.data() + " archive list").code == 0);

        // The app keeps writing meanwhile; the read commands see what it committed.
        const atelier::Territory lille = *app.session().model().territoryByName("Lille");
        atelier::Territory changed = lille;
        changed.membership = atelier::Membership::NonAdherent;
        REQUIRE(app.session().apply(atelier::UpdateTerritory{changed}).ok);
    }
    // Once the app is closed, the command goes through.
    const Run after = run(dir.data() + " territoire Lille --adherent oui");
    INFO(after.out);
    CHECK(after.code == 0);
    atelier::store::Workspace ws(data, atelier::store::Access::Read);
    CHECK(ws.session().model().territoryByName("Lille")->membership == atelier::Membership::Adherent);
}

TEST_CASE("read commands never create, seed or migrate the database") {
    TempDir dir("atelier-cli");
    const Run r = run(dir.data() + " etapes --json");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(json::parse(r.out).size() == 2);  // the Tour's seed, shown but not written
    CHECK_FALSE(fs::exists(dir.path / "data" / "atelier.db"));
    CHECK(run(dir.data() + " search familles").code == 0);
    CHECK_FALSE(fs::exists(dir.path / "data" / "atelier.db"));
    // A data folder that is a file is said so, for reading as for writing.
    const std::string file = dir.write("fichier", "pas un dossier");
    for (const char* command : {" etapes", " territoire Lille --adherent oui"}) {
        const Run r = run("--data " + file + command);
        INFO(r.out);
        CHECK(r.code == 1);
        CHECK(r.out.find("fichier") != std::string::npos);
        CHECK(dir.read("fichier") == "pas un dossier");
    }
}

TEST_CASE("an empty or one-byte atelier.db is kept as it is, and the command says what happened") {
    for (const std::string& bytes : {std::string(), std::string("x")}) {
        TempDir dir("atelier-cli");
        const fs::path data = dir.path / "data";
        fs::create_directories(data);
        std::ofstream(data / "atelier.db", std::ios::binary) << bytes;
        for (const char* command : {" etapes", " territoire Lille --adherent oui"}) {
            const Run r = run(dir.data() + command);
            INFO(command << " : " << r.out);
            CHECK(r.code == 1);
            CHECK(r.out.find(bytes.empty() ? "est vide" : "n'est pas une base Atelier") != std::string::npos);
            CHECK(r.out.find("laissé tel quel") != std::string::npos);
            CHECK(readBytes(data / "atelier.db") == bytes);
        }
        CHECK_FALSE(fs::exists(data / "atelier.db-wal"));
    }
}

TEST_CASE("a journal entry that cannot be replayed is reported by number, and everything else opens") {
    TempDir dir("atelier-cli");
    const fs::path file = dir.path / "data" / "atelier.db";
    REQUIRE(run(dir.data() + " territoire 'Nouveau territoire' --adherent oui").code == 0);
    // A copy of the last entry: the same territory id, twice (what two writers used to leave behind).
    rawExec(file, "INSERT INTO journal (kind, action, payload) SELECT kind, action, payload FROM journal "
                  "WHERE seq = (SELECT max(seq) FROM journal)");
    const std::string bad = [&] {
        sqlite3* db = nullptr;
        sqlite3_open(file.string().c_str(), &db);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT max(seq) FROM journal", -1, &st, nullptr);
        sqlite3_step(st);
        std::string seq = std::to_string(sqlite3_column_int64(st, 0));
        sqlite3_finalize(st);
        sqlite3_close(db);
        return seq;
    }();
    REQUIRE(run(dir.data() + " territoire Lille --adherent non").code == 0);  // a writer still works after it

    // Any command that opens the model says so (`etapes` reads its list from the index: it replays nothing).
    const Run r = run(dir.data() + " tarifs --etape 1");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("entrée " + bad + " du journal") != std::string::npos);
    CHECK(r.out.find("AddTerritory") != std::string::npos);
    CHECK(r.out.find("Identifiant déjà utilisé") != std::string::npos);
    const Run quiet = atelier::test::runAtelier(dir.data() + " etapes --json", false);
    CHECK(json::parse(quiet.out).size() == 2);  // the warning goes to stderr, the JSON stays clean
    atelier::store::Workspace ws(dir.path / "data", atelier::store::Access::Read);
    CHECK(ws.session().model().territoryByName("Nouveau territoire"));
    CHECK(ws.session().model().territoryByName("Lille")->membership == atelier::Membership::NonAdherent);
}

TEST_CASE("two demo étapes on the same day get their own archive folder, both searchable") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " demo").code == 0);
    REQUIRE(run(dir.data() + " demo").code == 0);
    const Run third = run(dir.data() + " archive save --etape 3");
    const Run fourth = run(dir.data() + " archive save --etape 4");
    REQUIRE(third.code == 0);
    REQUIRE(fourth.code == 0);
    const std::string a = third.out.substr(0, third.out.find('\n'));
    const std::string b = fourth.out.substr(0, fourth.out.find('\n'));
    CHECK(a != b);
    const Run list = run(dir.data() + " archive list --json");
    REQUIRE(list.code == 0);
    const json rows = json::parse(list.out);
    REQUIRE(rows.size() == 2);
    std::set<int> numbers;
    for (const auto& row : rows) numbers.insert(row["etape"].get<int>());
    CHECK(numbers == std::set<int>{3, 4});
    const Run hits = run(dir.data() + " search familles --json");
    REQUIRE(hits.code == 0);
    std::set<int> found;
    for (const auto& h : json::parse(hits.out)) found.insert(h["etape"].get<int>());
    CHECK(found == std::set<int>{3, 4});
    // Saving one again replaces its own folder only.
    const Run again = run(dir.data() + " archive save --etape 3");
    REQUIRE(again.code == 0);
    CHECK(again.out.substr(0, again.out.find('\n')) == a);
    CHECK(json::parse(run(dir.data() + " archive list --json").out).size() == 2);
}
