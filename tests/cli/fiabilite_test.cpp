// Fiabilité des données (issue 35), run as a user would: no output path reaches the data folder's own files, a
// database that lost its journal is refused by every command, text is text, leftovers are cleaned up.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;
using atelier::test::quoted;
using atelier::test::readBytes;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void rawExec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("no --out reaches the data folder's own files, whatever the path says") {
    TempDir dir("atelier-fiab");
    const fs::path data = dir.path / "data";
    REQUIRE(run(dir.data() + " demo").code == 0);
    REQUIRE(run(dir.data() + " territoire 'Témoin' --adherent oui").code == 0);  // a WAL and an SHM beside it
    const std::string db = readBytes(data / "atelier.db");
    REQUIRE(!db.empty());
    fs::create_directories(dir.path / "ailleurs");
    fs::create_symlink(data / "atelier.db", dir.path / "lien.html");
    fs::create_directory_symlink(data, dir.path / "alias");
    fs::create_hard_link(data / "atelier.db", dir.path / "dur.html");
    fs::copy_file(data / "atelier.db", dir.path / "copie.db");
    const std::vector<std::string> targets = {
        (data / "atelier.db").string(),
        (dir.path / "ailleurs" / ".." / "data" / "atelier.db-wal").string(),
        (dir.path / "alias" / "atelier.db-shm").string(),
        (dir.path / "alias" / "snapshot.bin").string(),
        (data / "atelier.lock").string(),
        (data / "sessions" / "x.html").string(),
        (data / "photos" / "a.png").string(),
        (dir.path / "lien.html").string(),
        (dir.path / "dur.html").string(),
        (dir.path / "copie.db").string(),
        data.string(),
    };
    for (const std::string& target : targets) {
        for (const std::string& command : {std::string("synthese --tour"), std::string("emargement --etape 1"),
                                           std::string("etat-frais --etape 1"), std::string("screenshot --screen console")}) {
            const Run r = run(dir.data() + " " + command + " --out " + quoted(target));
            INFO(command, " --out ", target, " → ", r.out);
            CHECK(r.code == 1);
            CHECK((has(r.out, "dossier de données") || has(r.out, "pas un document") || has(r.out, "fichier ordinaire")));
            CHECK(!has(r.out, "Écrit"));
        }
        for (const std::string& command : {std::string("livret --tour"), std::string("exporter --etape 1")}) {
            const Run r = run(dir.data() + " " + command + " --out " + quoted(fs::path(target) / "sortie"));
            INFO(command, " --out ", target, "/sortie → ", r.out);
            if (has(target, "sessions") || has(target, "photos") || target == data.string()) continue;
            CHECK(r.code == 1);  // a file taken as a folder: never written through
        }
    }
    // Into the folder's sessions/ and photos/, a booklet or a summary is refused too.
    for (const std::string& command : {std::string("livret --tour"), std::string("exporter --etape 1")}) {
        const Run r = run(dir.data() + " " + command + " --out " + quoted(data / "sessions"));
        INFO(r.out);
        CHECK(r.code == 1);
        CHECK(has(r.out, "dossier de données"));
    }
    CHECK(readBytes(data / "atelier.db") == db);
    CHECK(readBytes(dir.path / "copie.db") == db);
    CHECK(!fs::exists(data / "sessions" / "x.html"));
    const Run after = run(dir.data() + " etapes");
    CHECK(after.code == 0);
    CHECK(has(after.out, "Amiens"));
    // An ordinary output still works, and replaces the previous one.
    for (int pass = 0; pass < 2; ++pass) {
        const Run ok = run(dir.data() + " emargement --etape 1 --out " + quoted(dir.path / "ailleurs" / "e.html"));
        INFO(ok.out);
        CHECK(ok.code == 0);
    }
    CHECK(has(readBytes(dir.path / "ailleurs" / "e.html"), "<!DOCTYPE html>"));
    const Run docs = run(dir.data() + " emargement --etape 1 --out " + quoted(data / "documents" / "e.html"));
    CHECK(docs.code == 0);
}
