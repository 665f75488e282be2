// archive save / list / check / search and export, run as a user would.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <string>

namespace {

using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

}  // namespace

TEST_CASE("atelier archive save prints the path, list and check show it, search finds ideas without accents") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " import idees --etape 1 --tableau 'Associer les familles' " +
                dir.write("idees.csv", "texte;groupe;categorie\nUne cordée de la Réussite;Groupe 1;Actions à essaimer\n"))
                .code == 0);
    const Run saved = run(dir.data() + " archive save --etape 1");
    INFO(saved.out);
    REQUIRE(saved.code == 0);
    const std::string path = saved.out.substr(0, saved.out.find('\n'));
    CHECK(path == (dir.path / "data" / "sessions" / "2020-02-11-amiens" / "etape.json").string());
    CHECK(std::filesystem::exists(path));

    const Run list = run(dir.data() + " archive list --json");
    REQUIRE(list.code == 0);
    const auto rows = nlohmann::json::parse(list.out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["etape"] == 1);
    CHECK(rows[0]["ideas"] == 1);
    CHECK(rows[0]["host"] == "Amiens");

    const Run check = run("archive check " + atelier::test::quoted(path));
    CHECK(check.code == 0);
    CHECK(check.out.find("Archive valide") != std::string::npos);
    CHECK(check.out.find("Idées\u00a0: 1") != std::string::npos);

    const Run search = run(dir.data() + " archive search reussite --json");
    REQUIRE(search.code == 0);
    const auto hits = nlohmann::json::parse(search.out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["texte"] == "Une cordée de la Réussite");
    CHECK(hits[0]["tableau"] == "Associer les familles");
    CHECK(hits[0]["etape"] == 1);
    CHECK(hits[0]["date"] == "2020-02-11");

    const Run top = run(dir.data() + " search 'CORDEE de la' --json");
    REQUIRE(top.code == 0);
    CHECK(nlohmann::json::parse(top.out) == hits);
    const Run none = run(dir.data() + " search introuvable");
    CHECK(none.code == 0);
    CHECK(none.out.find("Aucune idée archivée ne contient «\u00a0introuvable\u00a0»") != std::string::npos);
    CHECK(run(dir.data() + " search").code == 2);
}

TEST_CASE("atelier archive check refuses a bad file with its message, exit 1, and wants a path, exit 2") {
    TempDir dir("atelier-cli");
    const Run bad = run("archive check " + dir.write("etape.json", "{\"format\": {\"name\": \"atelier-etape\", \"vers"));
    CHECK(bad.code == 1);
    CHECK(bad.out.find("etape.json est endommagée") != std::string::npos);
    const Run newer = run("archive check " + dir.write("new.json", "{\"format\": {\"name\": \"atelier-etape\", \"version\": 42}}"));
    CHECK(newer.code == 1);
    CHECK(newer.out.find("Mettez Atelier à jour") != std::string::npos);
    CHECK(run("archive check").code == 2);
    CHECK(run("archive frobnicate").code == 2);
    CHECK(run(dir.data() + " archive save").code == 2);
    CHECK(run(dir.data() + " archive save --etape 42").code == 1);
}

TEST_CASE("atelier export writes the summary files (the PDF beside the HTML), by default into the archive folder") {
    TempDir dir("atelier-cli");
    const Run out = run(dir.data() + " export --etape 1 --out " + atelier::test::quoted(dir.path / "synthese"));
    INFO(out.out);
    REQUIRE(out.code == 0);
    for (const char* name : {"synthese.html", "synthese.pdf", "synthese.md", "idees.csv", "votes.csv"})
        CHECK_MESSAGE(std::filesystem::exists(dir.path / "synthese" / name), name);
    CHECK(dir.read("synthese/synthese.html").find("<!DOCTYPE html>") == 0);
    CHECK(dir.read("synthese/synthese.pdf").rfind("%PDF-1.", 0) == 0);
    CHECK(dir.read("synthese/idees.csv").rfind("\xEF\xBB\xBF", 0) == 0);

    REQUIRE(run(dir.data() + " export --etape 1").code == 0);
    CHECK(std::filesystem::exists(dir.path / "data" / "sessions" / "2020-02-11-amiens" / "synthese.html"));
    CHECK(run(dir.data() + " export").code == 2);

    // An archived étape, read-only: the summaries go beside its etape.json.
    REQUIRE(run(dir.data() + " archive save --etape 1").code == 0);
    std::filesystem::remove(dir.path / "data" / "sessions" / "2020-02-11-amiens" / "votes.csv");
    const Run archived = run("export --archive " +
                             atelier::test::quoted(dir.path / "data" / "sessions" / "2020-02-11-amiens" / "etape.json"));
    CHECK(archived.code == 0);
    CHECK(std::filesystem::exists(dir.path / "data" / "sessions" / "2020-02-11-amiens" / "votes.csv"));
    CHECK(run("export --archive " + dir.write("bad.json", "{")).code == 1);
}

TEST_CASE("atelier livret writes the booklet and its annexes for a year or the Tour; synthese still writes its HTML") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " import idees --etape 1 --tableau 'Associer <b>les</b> familles' " +
                dir.write("idees.csv", "texte;groupe;categorie\nUne idée;Groupe 1;Constats\n"))
                .code == 0);
    REQUIRE(run(dir.data() + " archive save --etape 1").code == 0);
    const Run tour = run(dir.data() + " livret --tour --out " + atelier::test::quoted(dir.path / "livret tour"));
    INFO(tour.out);
    REQUIRE(tour.code == 0);
    CHECK(tour.out.find("livret.html, livret.pdf, participation.csv, idees.csv, votes.csv, pratiques.csv, evaluation.csv") !=
          std::string::npos);
    CHECK(dir.read("livret tour/livret.pdf").rfind("%PDF-1.", 0) == 0);
    const std::string html = dir.read("livret tour/livret.html");
    CHECK(html.find("Livret du Tour des Cités éducatives") != std::string::npos);
    CHECK(html.find("Concertation et intelligence collective") != std::string::npos);
    CHECK(html.find("Associer &lt;b&gt;les&lt;/b&gt; familles") != std::string::npos);  // the board, escaped
    CHECK(html.find("Une idée") != std::string::npos);
    CHECK(html.find("pas encore accueilli d&#39;étape") != std::string::npos);  // Lille has not hosted yet
    CHECK(dir.read("livret tour/idees.csv").find("Une idée") != std::string::npos);

    REQUIRE(run(dir.data() + " livret --annee 2021 --out " + atelier::test::quoted(dir.path / "2021")).code == 0);
    CHECK(dir.read("2021/livret.html").find("Aucune étape archivée sur cette période.") != std::string::npos);
    CHECK(dir.read("2021/livret.html").find("Livret 2021 du Tour") != std::string::npos);
    // The former command: the same booklet, its HTML alone in one file.
    REQUIRE(run(dir.data() + " synthese --annee 2020 --out " + atelier::test::quoted(dir.path / "2020.html")).code == 0);
    CHECK(dir.read("2020.html").find("Une idée") != std::string::npos);
    CHECK(dir.read("2020.html").find("Aucune étape archivée") == std::string::npos);

    for (const char* bad : {" livret --out x", " livret --tour --annee 2020 --out x", " livret --tour", " synthese --tour",
                            " livret --annee deux --out x"}) {
        CAPTURE(bad);
        const Run r = run(dir.data() + bad);
        CHECK(r.code == 2);
    }
    CHECK(run(dir.data() + " livret --tour").out.find("--out DOSSIER") != std::string::npos);
}

TEST_CASE("atelier demo creates a rehearsal étape labelled Démo that uses every activity") {
    TempDir dir("atelier-cli");
    const Run demo = run(dir.data() + " demo");
    INFO(demo.out);
    REQUIRE(demo.code == 0);
    CHECK(demo.out.find("Étape de démonstration 3 créée") != std::string::npos);
    const Run saved = run(dir.data() + " archive save --etape 3");
    REQUIRE(saved.code == 0);
    const auto doc = nlohmann::json::parse(dir.read(saved.out.substr(dir.path.string().size() + 1,
                                                                     saved.out.find('\n') - dir.path.string().size() - 1)));
    const auto& a = doc["archive"];
    CHECK(a["etape"]["header"]["theme"].get<std::string>().rfind("Démo", 0) == 0);
    CHECK(a["people"].size() == 12);
    CHECK(a["etape"]["programme"].size() == 4);
    CHECK(!a["etape"]["icebreaker"]["rounds"].empty());
    CHECK(!a["etape"]["icebreaker"]["drawn"].empty());
    CHECK(!a["etape"]["groups"]["rounds"].empty());
    CHECK(a["etape"]["boards"][0]["ideas"].size() == 6);
    CHECK(a["practices"].size() == 4);  // two ideas « à essaimer » and the host's two actions-phares
    CHECK(a["etape"]["actionsPhares"].size() == 2);
    CHECK(a["etape"]["evaluation"]["questions"].size() == 5);
    CHECK(!a["etape"]["evaluation"]["responses"].empty());
    CHECK(a["results"][0]["counted"] == true);
    CHECK(run(dir.data() + " demo extra").code == 2);
}

TEST_CASE("atelier chercher and archive liste read the database's indexes without replaying the journal") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " import idees --etape 1 --tableau 'Associer les familles' " +
                dir.write("idees.csv", "texte;groupe;categorie\nUne cordée de la Réussite;Groupe 1;Actions à essaimer\n"))
                .code == 0);
    REQUIRE(run(dir.data() + " archive enregistrer --etape 1").code == 0);
    // A journal entry that replay cannot apply: every command that replays reports it on stderr.
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir.path / "data" / "atelier.db").string().c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "INSERT INTO journal (kind, action, payload) VALUES ('do', 'AddIdea', '{oops')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const Run etapes = run(dir.data() + " etapes");
    CHECK(etapes.out.find("AddIdea") != std::string::npos);  // the replay's report: this command replays
    const Run search = run(dir.data() + " chercher reussite");
    REQUIRE(search.code == 0);
    CHECK(search.out.find("Une cordée de la Réussite") != std::string::npos);
    CHECK(search.out.find("AddIdea") == std::string::npos);  // no replay, no report
    const Run list = run(dir.data() + " archive liste");
    REQUIRE(list.code == 0);
    CHECK(list.out.find("Amiens") != std::string::npos);
    CHECK(list.out.find("AddIdea") == std::string::npos);
    // The archive changed on disk since it was indexed: listed from the file, as it is now.
    const std::filesystem::path file = dir.path / "data" / "sessions" / "2020-02-11-amiens" / "etape.json";
    std::string bytes = atelier::test::readBytes(file);
    bytes.replace(bytes.find("Amiens"), 6, "Amienz");
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes; }
    std::filesystem::last_write_time(file, std::filesystem::last_write_time(file) + std::chrono::seconds(3));
    CHECK(run(dir.data() + " archive liste").out.find("Amienz") != std::string::npos);
}

TEST_CASE("atelier maintenance writes the snapshot and reports the size of each part of the folder") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " demo").code == 0);
    const Run done = run(dir.data() + " maintenance");
    INFO(done.out);
    REQUIRE(done.code == 0);
    CHECK(done.out.find("atelier.db") != std::string::npos);
    CHECK(done.out.find("snapshot.bin") != std::string::npos);
    CHECK(done.out.find("(WAL)       0 octets") != std::string::npos);  // after the checkpoint
    CHECK(std::filesystem::exists(dir.path / "data" / "snapshot.bin"));
    CHECK(run(dir.data() + " maintenance --trop").code == 2);  // an unknown option: the usage
}

TEST_CASE("atelier emargement and etat-frais write the PDF beside the HTML, under the same base name") {
    TempDir dir("atelier-cli");
    for (const char* command : {"emargement", "etat-frais"}) {
        const std::string base = std::string(command) + " 1";
        const Run out =
            run(dir.data() + " " + command + " --etape 1 --out " + atelier::test::quoted(dir.path / (base + ".html")));
        INFO(out.out);
        REQUIRE(out.code == 0);
        CHECK(dir.read(base + ".html").find("<!DOCTYPE html>") == 0);
        CHECK(dir.read(base + ".pdf").rfind("%PDF-1.", 0) == 0);
        CHECK(out.out.find(base + ".pdf") != std::string::npos);  // said
    }
}
