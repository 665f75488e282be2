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
    fs::create_hard_link(data / "atelier.db", dir.path / "dur.html");
    fs::copy_file(data / "atelier.db", dir.path / "copie.db");
    std::vector<std::string> targets = {
        (data / "atelier.db").string(),
        (dir.path / "ailleurs" / ".." / "data" / "atelier.db-wal").string(),
        (data / "atelier.lock").string(),
        (data / "sessions" / "x.html").string(),
        (data / "photos" / "a.png").string(),
        (dir.path / "dur.html").string(),
        (dir.path / "copie.db").string(),
        data.string(),
    };
    // Symbolic links, where the system makes them (Wine cannot; Windows only for an administrator or in developer
    // mode): a link to the database, a link to the folder.
    std::error_code linked;
    fs::create_symlink(data / "atelier.db", dir.path / "lien.html", linked);
    if (!linked) fs::create_directory_symlink(data, dir.path / "alias", linked);
    if (!linked) {
        targets.push_back((dir.path / "lien.html").string());
        targets.push_back((dir.path / "alias" / "atelier.db-shm").string());
        targets.push_back((dir.path / "alias" / "snapshot.bin").string());
    } else {
#ifndef _WIN32
        FAIL("a symbolic link could not be made: " << linked.message());
#endif
        MESSAGE("no symbolic link here (" << linked.message() << "): the linked paths are not tried");
    }
    for (const std::string& target : targets) {
        for (const std::string& command : {std::string("synthese --tour"), std::string("emargement --etape 1"),
                                           std::string("etat-frais --etape 1"), std::string("screenshot --screen console")}) {
            const Run r = run(dir.data() + " " + command + " --out " + atelier::test::quoted(fs::path(target)));
            INFO(command, " --out ", target, " → ", r.out);
            CHECK(r.code == 1);
            CHECK((has(r.out, "dossier de données") || has(r.out, "pas un document") || has(r.out, "fichier ordinaire")));
            CHECK(!has(r.out, "Écrit"));
        }
        for (const std::string& command : {std::string("livret --tour"), std::string("exporter --etape 1")}) {
            const Run r = run(dir.data() + " " + command + " --out " + quoted(fs::path(target) / "sortie"));
            INFO(command, " --out ", target, "/sortie → ", r.out);
            if (target == data.string()) continue;
            CHECK(r.code == 1);  // never written into, nor through
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
    fs::create_directories(data / "documents");
    const Run docs = run(dir.data() + " emargement --etape 1 --out " + quoted(data / "documents" / "e.html"));
    CHECK(docs.code == 0);
}

TEST_CASE("a database that lost its journal is refused by every command, readers included, with what to do") {
    TempDir dir("atelier-fiab");
    const fs::path data = dir.path / "data";
    REQUIRE(run(dir.data() + " demo").code == 0);
    REQUIRE(run(dir.data() + " archive enregistrer --etape 1").code == 0);
    rawExec(data / "atelier.db", "DROP TABLE journal");
    const std::string db = readBytes(data / "atelier.db");
    for (const std::string& command :
         {std::string("idees --etape 1"), std::string("etapes"), std::string("etapes --json"),
          std::string("livret --tour --out ") + quoted(dir.path / "livret"), std::string("territoire Nouveau --adherent oui"),
          std::string("chercher parents"), std::string("archive liste"), std::string("pratiques"),
          std::string("maintenance"), std::string("emargement --etape 1 --out ") + quoted(dir.path / "e.html")}) {
        const Run r = run(dir.data() + " " + command);
        INFO(command, " → ", r.out);
        CHECK(r.code == 1);
        CHECK(has(r.out, "a perdu son journal"));
        CHECK(has(r.out, "Restaurez atelier.db"));
    }
    CHECK(!fs::exists(dir.path / "livret"));
    CHECK(readBytes(data / "atelier.db") == db);
}

TEST_CASE("an emptied journal is refused where the database, the snapshot or the archives say there was work") {
    TempDir dir("atelier-fiab");
    const fs::path data = dir.path / "data";
    REQUIRE(run(dir.data() + " demo").code == 0);
    REQUIRE(run(dir.data() + " archive enregistrer --etape 1").code == 0);
    REQUIRE(run(dir.data() + " maintenance").code == 0);  // a snapshot
    SUBCASE("DELETE FROM journal, the snapshot removed") {
        rawExec(data / "atelier.db", "DELETE FROM journal");
        fs::remove(data / "snapshot.bin");
    }
    SUBCASE("the journal, its counter and the seeds' marks emptied; the snapshot says otherwise") {
        rawExec(data / "atelier.db", "DELETE FROM journal; DELETE FROM sqlite_sequence; DELETE FROM meta");
    }
    SUBCASE("the journal, its counter and the seeds' marks emptied, no snapshot; the archives say otherwise") {
        rawExec(data / "atelier.db", "DELETE FROM journal; DELETE FROM sqlite_sequence; DELETE FROM meta");
        fs::remove(data / "snapshot.bin");
    }
    for (const std::string& command : {std::string("territoire Nouveau --adherent oui"), std::string("etapes"),
                                       std::string("idees --etape 1")}) {
        const Run r = run(dir.data() + " " + command);
        INFO(command, " → ", r.out);
        CHECK(r.code == 1);
        CHECK(has(r.out, "est vide alors que ce dossier a déjà servi"));
    }
}

TEST_CASE("text is text on the command line and in CSV files") {
    TempDir dir("atelier-fiab");
    REQUIRE(run(dir.data() + " demo").code == 0);
    // Bytes that are not UTF-8, and control characters, in an argument: refused, naming the option.
#ifdef _WIN32
    // Windows passes the command line as UTF-16: bytes that are not UTF-8 cannot reach a program; an ESC can.
    Run r = run(dir.data() + " action-phare ajouter --etape 1 --titre \"Caf\x1b[2J\"");
#else
    Run r = run(dir.data() + " territoire \"$(printf 'Ami\\377ens')\" --adherent oui");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, "\\xFF"));
    CHECK(has(r.out, "UTF-8"));
    r = run(dir.data() + " action-phare ajouter --etape 1 --titre \"$(printf 'Caf\\033[2J')\"");
#endif
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, "--titre"));
    CHECK(has(r.out, "U+001B"));
    CHECK(!has(run(dir.data() + " pratiques").out, "\x1b"));
    // A CSV file: the control characters are taken out of what is kept, and the command says so.
    const std::string ideas = dir.write("idees.csv", "texte;groupe;categorie\nUne id\x1b[2J\x07"
                                                     "ée;G1;Constats\nSans rien;G2;Constats\n");
    r = run(dir.data() + " importer idees --etape 1 --tableau Mur " + ideas);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(has(r.out, "2 caractères de contrôle invisibles ont été retirés"));
    const Run listed = run(dir.data() + " idees --etape 1 --tableau Mur --json");
    CHECK(has(listed.out, "Une id[2Jée"));
    CHECK(!has(listed.out, "\\u001b"));
}

TEST_CASE("messages that say what is wrong: a repeated option, a date out of range, a practice named twice") {
    TempDir dir("atelier-fiab");
    REQUIRE(run(dir.data() + " demo").code == 0);
    Run r = run(dir.data() + " pratique suivi 1 --cite Lille --cite Arras --statut essayee");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, "L'option --cite est donnée deux fois"));
    CHECK(!has(r.out, "inconnue"));
    for (const std::string date : {"9999-12-31", "1899-12-31", "2021-02-30"}) {
        r = run(dir.data() + " pratique suivi 1 --cite Lille --statut essayee --date " + date);
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK(has(r.out, "n'est pas une date réelle entre 1900-01-01 et 2200-12-31"));
    }
    r = run(dir.data() + " evaluation saisir --etape 1 --question 4 --pratiques 57,57");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, "La pratique 57 figure deux fois"));
    // An output folder that cannot be made: said in French, not « No such file or directory ».
    const std::string file = dir.write("fichier", "x");
    r = run(dir.data() + " emargement --etape 1 --out " + quoted(dir.path / "fichier" / "e.html"));
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(has(r.out, "n'existe pas et n'a pas pu être créé"));
    CHECK(!has(r.out, "No such file"));
}

TEST_CASE("temporary files of killed writes: removed at the next start, counted by maintenance") {
    TempDir dir("atelier-fiab");
    const fs::path data = dir.path / "data";
    REQUIRE(run(dir.data() + " demo").code == 0);
    std::ofstream(data / ".snapshot.bin.tmp-99999999", std::ios::binary) << std::string(651'000, 's');
    fs::create_directories(data / "documents" / ".livret.tmp-99999998" / "photos");
    std::ofstream(data / "documents" / ".livret.tmp-99999998" / "livret.html") << "<html>";
    const Run r = run(dir.data() + " maintenance");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(has(r.out, "Fichiers temporaires d'écritures interrompues retirés\u00a0: 2 (651 ko)"));
    CHECK(has(r.out, "Fichiers temporaires d'écritures interrompues\u00a0: 0 (0 octets)"));
    CHECK(!fs::exists(data / ".snapshot.bin.tmp-99999999"));
    CHECK(!fs::exists(data / "documents" / ".livret.tmp-99999998"));
}

TEST_CASE("a booklet is written whole: into a temporary folder, then moved") {
    TempDir dir("atelier-fiab");
    REQUIRE(run(dir.data() + " demo").code == 0);
    REQUIRE(run(dir.data() + " archive enregistrer --etape 1").code == 0);
    for (int pass = 0; pass < 2; ++pass) {  // into a new folder, then over the booklet it holds
        const Run r = run(dir.data() + " livret --tour --out " + quoted(dir.path / "livret"));
        INFO(r.out);
        CHECK(r.code == 0);
        CHECK(has(readBytes(dir.path / "livret" / "livret.html"), "<!DOCTYPE html>"));
        for (const auto& entry : fs::recursive_directory_iterator(dir.path))
            CHECK_MESSAGE(entry.path().filename().string().find(".tmp-") == std::string::npos, entry.path().string());
    }
}

TEST_CASE("an entry journaled with control characters before the rule replays with its text cleaned, not skipped") {
    TempDir dir("atelier-fiab");
    const fs::path data = dir.path / "data";
    const std::string ideas = dir.write("idees.csv", "texte;groupe;categorie\nPropre depuis un fichier;G1;Constats\n");
    REQUIRE(run(dir.data() + " importer idees --etape 1 --tableau Mur " + ideas).code == 0);
    // What an older Atelier acknowledged from a phone: NUL, ESC and a lone CR in the journal's JSON.
    rawExec(data / "atelier.db", "UPDATE journal SET payload = replace(payload, 'Propre depuis', "
                                 "'Pro\\u0000pre\\u001b[2J\\r depuis') WHERE payload LIKE '%Propre depuis%'");
    fs::remove(data / "snapshot.bin");
    const Run r = run(dir.data() + " idees --etape 1 --tableau Mur --json");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(has(r.out, "\"Propre[2J depuis un fichier\""));
    CHECK(!has(r.out, "ignorée"));
}
