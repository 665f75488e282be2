// The command line, run as a user would: the real binary, a temporary data directory, exit codes and output.
#include <doctest/doctest.h>

#include "cli/cli.h"
#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sqlite3.h>
#include <string>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;

using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

}  // namespace

TEST_CASE("atelier etapes --json lists the seeded étapes, twice the same") {
    TempDir dir("atelier-cli");
    for (int pass = 0; pass < 2; ++pass) {
        const Run r = run(dir.data() + " etapes --json");
        INFO(r.out);
        REQUIRE(r.code == 0);
        const json j = json::parse(r.out);
        REQUIRE(j.size() == 2);
        CHECK(j[0]["numero"] == 1);
        CHECK(j[0]["date"] == "2020-02-11");
        CHECK(j[0]["cite"] == "Amiens");
        CHECK(j[1]["numero"] == 2);
        CHECK(j[1]["date"] == "2020-06-02");
        CHECK(j[1]["cite"].is_null());
    }
    // --data may come after the command too.
    const Run after = run("etapes " + dir.data());
    CHECK(after.code == 0);
    CHECK(after.out.find("à confirmer") != std::string::npos);
}

TEST_CASE("atelier etapes reads the list from the index while it reflects the journal, from the model otherwise") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " territoire Lille --adherent oui").code == 0);  // a writer: the index is written
    // Proof that nothing is replayed: a theme only the index holds is what the command prints.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "data" / "atelier.db").string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value = replace(value, 'Évaluer les Cités éducatives', 'Depuis l''index') "
                             "WHERE key = 'etapes'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    Run r = run(dir.data() + " etapes --json");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(json::parse(r.out)[1]["theme"] == "Depuis l'index");
    CHECK(run(dir.data() + " etapes").out.find("Depuis l'index") != std::string::npos);
    // Another command writes: the index is the model's again.
    REQUIRE(run(dir.data() + " territoire Roubaix --adherent oui").code == 0);
    r = run(dir.data() + " etapes --json");
    CHECK(json::parse(r.out)[1]["theme"] == "Évaluer les Cités éducatives");
    // A damaged list is never printed: the model is asked.
    REQUIRE(sqlite3_open((dir.path / "data" / "atelier.db").string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value = '[{\"numero\": \"x\"}]' WHERE key = 'etapes'", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(db);
    r = run(dir.data() + " etapes --json");
    REQUIRE(r.code == 0);
    CHECK(json::parse(r.out).size() == 2);
    CHECK(json::parse(r.out)[0]["cite"] == "Amiens");
}

TEST_CASE("atelier --version") {
    const Run r = run("--version");
    CHECK(r.code == 0);
    CHECK(r.out.rfind("atelier ", 0) == 0);
}

TEST_CASE("unknown commands and options print the usage and fail") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " téléporter");
    CHECK(r.code == 2);
    CHECK(r.out.find("Commande inconnue\u00a0: «\u00a0téléporter\u00a0»") != std::string::npos);
    CHECK(r.out.find("Usage\u00a0: atelier") != std::string::npos);

    r = run(dir.data() + " etapes --xml");
    CHECK(r.code == 2);
    CHECK(r.out.find("Option inconnue\u00a0: «\u00a0--xml\u00a0»") != std::string::npos);

    r = run("--frobnicate");
    CHECK(r.code == 2);
    CHECK(r.out.find("Option inconnue") != std::string::npos);

    r = run("etapes --data");
    CHECK(r.code == 2);
    CHECK(r.out.find("attend une valeur") != std::string::npos);
}

TEST_CASE("screenshot checks its arguments before needing a display") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " screenshot --screen list");
    CHECK(r.code == 0);
    CHECK(r.out.find("console") != std::string::npos);
    CHECK(r.out.find("projector") != std::string::npos);

    r = run(dir.data() + " screenshot --screen nulle-part --out x.png");
    CHECK(r.code == 2);
    CHECK(r.out.find("Écran inconnu") != std::string::npos);

    r = run(dir.data() + " screenshot --screen console");
    CHECK(r.code == 2);
    CHECK(r.out.find("--out") != std::string::npos);

    r = run(dir.data() + " screenshot --out x.png --size grand");
    CHECK(r.code == 2);
    CHECK(r.out.find("Taille invalide") != std::string::npos);

    r = run(dir.data() + " screenshot --out x.png --screen resultats --vote 3");
    CHECK(r.code == 1);
    CHECK(r.out.find("Aucun vote numéro 3") != std::string::npos);

    r = run(dir.data() + " screenshot --out x.png --etape 42");
    CHECK(r.code == 1);
    CHECK(r.out.find("Aucune étape numéro 42") != std::string::npos);
}

TEST_CASE("a database from a newer Atelier stops the command with a message") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " territoire Lille --adherent oui").code == 0);  // a writer creates the database
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "data" / "atelier.db").string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const Run r = run(dir.data() + " etapes --json");
    CHECK(r.code == 1);
    CHECK(r.out.find("version plus récente d'Atelier") != std::string::npos);
    CHECK(r.out.find("format 999") != std::string::npos);
}

TEST_CASE("the command line runs without the GUI: no command and screenshot say so, commands still work") {
    // test_cli links atelier_cli alone (no ImGui, no GLFW): cli::run without a Gui is the GUI-free program.
    TempDir dir("atelier-cli-nogui");
    const std::string data = (dir.path / "data").string();
    auto call = [&](std::vector<std::string> words) {
        std::vector<std::string> all = {"atelier", "--data", data};
        all.insert(all.end(), words.begin(), words.end());
        std::vector<char*> argv;
        for (std::string& w : all) argv.push_back(w.data());
        return atelier::cli::run(static_cast<int>(argv.size()), argv.data());
    };
    CHECK(call({}) == 2);
    CHECK(call({"screenshot", "--out", (dir.path / "x.png").string()}) == 2);
    CHECK_FALSE(fs::exists(dir.path / "x.png"));
    CHECK(call({"etapes"}) == 0);
}
