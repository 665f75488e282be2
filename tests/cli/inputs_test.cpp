// Bad files given to the commands, run as a user would: a folder or a device as a path, deep JSON, archives with
// out-of-range indices and huge counts. Each gets a French message and exit code 1, never a crash.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using atelier::test::quoted;
using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// `depth` nested arrays: [[[[…]]]].
std::string deepJson(size_t depth, const std::string& prefix = "", const std::string& suffix = "") {
    return prefix + std::string(depth, '[') + std::string(depth, ']') + suffix;
}

}  // namespace

TEST_CASE("A folder given as a file: import inscriptions, import idees, groups --roster, tally, archive check") {
    TempDir dir("atelier-inputs");
    const std::string folder = quoted(dir.path);
    const std::string said = "«\u00a0" + dir.path.string() + "\u00a0» est un dossier";
    const std::string commands[] = {
        dir.data() + " import inscriptions --etape 1 " + folder,
        dir.data() + " import idees --etape 1 --tableau 'Leviers' " + folder,
        "groups --roster " + folder + " --groups 2 --rounds 1",
        "tally " + folder,
        "archive check " + folder,
        dir.data() + " export --archive " + folder + " --out " + quoted(dir.path / "out"),
    };
    for (const std::string& command : commands) {
        const Run r = run(command);
        INFO(command << "\n" << r.out);
        CHECK(r.code == 1);
        CHECK(contains(r.out, said));
    }
}

#ifndef _WIN32  // a Linux device; Windows has no /dev
TEST_CASE("/dev/zero as a file is refused at once, by name") {
    TempDir dir("atelier-inputs");
    const std::string commands[] = {
        dir.data() + " import inscriptions --etape 1 /dev/zero",
        dir.data() + " import idees --etape 1 --tableau 'Leviers' /dev/zero",
        "groups --roster /dev/zero --groups 2 --rounds 1",
        "tally /dev/zero",
        "archive check /dev/zero",
    };
    for (const std::string& command : commands) {
        const Run r = run(command);
        INFO(command << "\n" << r.out);
        CHECK(r.code == 1);
        CHECK(contains(r.out, "«\u00a0/dev/zero\u00a0» n'est pas un fichier ordinaire"));
    }
}
#endif

TEST_CASE("A 50 MB CSV or archive is refused with its size") {
    TempDir dir("atelier-inputs");
    for (const char* name : {"big.csv", "etape.json"}) {
        dir.write(name, "");
        std::filesystem::resize_file(dir.path / name, 50 * 1024 * 1024);  // sparse: nothing written
    }
    const Run csv = run(dir.data() + " import inscriptions --etape 1 " + quoted(dir.path / "big.csv"));
    CHECK(csv.code == 1);
    CHECK(contains(csv.out, "trop volumineux (52,4 Mo\u00a0; au plus 50,0 Mo)"));
    const Run archive = run("archive check " + quoted(dir.path / "etape.json"));
    CHECK(archive.code == 1);
    CHECK(contains(archive.out, "trop volumineux (52,4 Mo"));
}

TEST_CASE("JSON nested 200,000 levels deep: archive check, archive list, synthese and tally refuse it") {
    TempDir dir("atelier-inputs");
    const std::string deep = deepJson(200'000, "{\"format\": {\"name\": \"atelier-etape\", \"version\": 1}, \"archive\": ", "}");
    const Run check = run("archive check " + dir.write("etape.json", deep));
    INFO(check.out.substr(0, 400));
    CHECK(check.code == 1);
    CHECK(contains(check.out, "est endommagée"));
    CHECK(contains(check.out, "imbriqué sur plus de"));

    // The same file in the archive folder: listed as unreadable, skipped by the synthesis.
    std::filesystem::create_directories(dir.path / "data" / "sessions" / "2020-02-11-amiens");
    std::ofstream(dir.path / "data" / "sessions" / "2020-02-11-amiens" / "etape.json", std::ios::binary) << deep;
    const Run list = run(dir.data() + " archive list");
    CHECK(list.code == 0);
    CHECK(contains(list.out, "illisible"));
    CHECK(contains(list.out, "imbriqué sur plus de"));
    const Run listJson = run(dir.data() + " archive list --json");
    CHECK(listJson.code == 0);
    const Run synthese = run(dir.data() + " synthese --tour --out " + quoted(dir.path / "synthese.html"));
    CHECK(synthese.code == 0);
    CHECK(contains(synthese.out, "Archive ignorée"));

    const Run tally = run("tally " + dir.write("vote.json", deepJson(200'000, "{\"method\": \"borda\", \"options\": ", "}")));
    CHECK(tally.code == 1);
    CHECK(contains(tally.out, "imbriqué sur plus de"));
}

namespace {
std::string trimmedExample() {
    std::ifstream in(std::filesystem::path(ATELIER_SOURCE_DIR) / "fuzz/corpus/archive/example-trimmed.json",
                     std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
std::string replaced(std::string json, const std::string& from, const std::string& to) {
    const auto at = json.find(from);
    REQUIRE(at != std::string::npos);
    return json.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("A negative option index in a ranking: archive check calls it invalid, export --archive refuses it") {
    TempDir dir("atelier-inputs");
    const std::string good = dir.write("good.json", trimmedExample());
    CHECK(run("archive check " + good).code == 0);
    const std::string bad = dir.write("etape.json", replaced(trimmedExample(), "\"ranking\":[[0],", "\"ranking\":[[-1],"));
    const Run check = run("archive check " + bad);
    INFO(check.out);
    CHECK(check.code == 1);
    CHECK(contains(check.out, "«\u00a0archive.results[0].ranking[0][0]\u00a0» vaut -1"));
    const Run exported = run(dir.data() + " export --archive " + bad + " --out " + quoted(dir.path / "out"));
    CHECK(exported.code == 1);
    CHECK(contains(exported.out, "«\u00a0archive.results[0].ranking[0][0]\u00a0» vaut -1"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "out" / "votes.csv"));
}

TEST_CASE("A ballot count near 2^63: archive check names the field instead of overflowing the total") {
    TempDir dir("atelier-inputs");
    const Run check = run("archive check " + dir.write("etape.json", replaced(trimmedExample(), "\"count\":\"4\"",
                                                                               "\"count\":\"9223372036854775807\"")));
    CHECK(check.code == 1);
    CHECK(contains(check.out, "«\u00a0archive.etape.votes[0].ballots[0].ballot.count\u00a0» vaut 9223372036854775807"));
    const Run text = run("archive check " + dir.write("abc.json", replaced(trimmedExample(), "\"count\":\"4\"", "\"count\":\"abc\"")));
    CHECK(text.code == 1);
    CHECK(contains(text.out, "doit être un nombre entier écrit entre guillemets"));
    CHECK_FALSE(contains(text.out, "stoll"));
}

TEST_CASE("import idees: a UTF-8 file with one bad line imports the rest with their accents") {
    TempDir dir("atelier-inputs");
    std::string bytes = "texte;groupe\n";
    for (int i = 1; i <= 20; ++i) bytes += "Idée n°" + std::to_string(i) + ";G1\n";
    bytes += "Id\xe9" "e illisible;G2\n";  // line 22
    const Run r = run(dir.data() + " import idees --etape 1 --tableau 'Leviers' " + dir.write("idees.csv", bytes));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Ligne 22 ignorée\u00a0: caractères illisibles"));
    const Run list = run(dir.data() + " idees --etape 1 --tableau 'Leviers'");
    CHECK(contains(list.out, "Idée n°20"));
    CHECK_FALSE(contains(list.out, "IdÃ©e"));
}

TEST_CASE("groups --roster: a line with a NUL byte is refused by its number") {
    TempDir dir("atelier-inputs");
    const std::string roster("id;nom;cite;institution\na;A;Lille;Autre\nb;B\0;Lens;Autre\n", 56);
    const Run r = run("groups --roster " + dir.write("roster.csv", roster) + " --groups 1 --rounds 1");
    CHECK(r.code == 1);
    CHECK(contains(r.out, "Ligne 3\u00a0: la ligne contient un caractère nul"));
}

TEST_CASE("A number too large for any type (1e999) is a JSON error with its place, not an abort") {
    // Found by fuzz_archive: nlohmann throws out_of_range, not parse_error, for it.
    TempDir dir("atelier-inputs");
    const Run archive = run("archive check " + dir.write("etape.json", "-8788888e888e}"));
    CHECK(archive.code == 1);
    CHECK(contains(archive.out, "le JSON est invalide ou tronqué (vers l'octet 1)"));
    const Run tally = run("tally " + dir.write("vote.json", "{\"method\": \"borda\", \"options\": [\"A\", \"B\"],\n"
                                                              " \"ballots\": [{\"count\": 1e999, \"ranking\": [\"A\"]}]}"));
    CHECK(tally.code == 1);
    CHECK(contains(tally.out, "n'est pas du JSON valide (ligne 2, colonne 24)"));
}
