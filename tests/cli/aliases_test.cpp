// The French command names and the former English ones kept as aliases (scripts use them): each alias runs the
// same command as its French name — same output, same exit code, on success and on error.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <regex>
#include <string>

namespace {

using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

struct Alias {
    const char* french;
    const char* alias;
};

/// `text` with every `from` replaced by `to`, and the durations (« 4 ms », "elapsed_ms": 4) made equal.
std::string normalized(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    text = std::regex_replace(text, std::regex("[0-9]+ ms"), "N ms");
    return std::regex_replace(text, std::regex("\"elapsed_ms\": [0-9]+"), "\"elapsed_ms\": N");
}

#ifdef _WIN32
const std::string kCd = "cd /d ";  // cmd.exe: without /d, `cd` to another drive leaves the current folder as it is
#else
const std::string kCd = "cd ";
#endif

/// Runs `french ARGS` then `alias ARGS` (each in a fresh data folder, after `setup`) and checks they agree. A
/// message that shows how to call the command names it as typed: the French name is read as the alias there.
void same(const Alias& names, const std::string& args, const std::string& setup = {}) {
    TempDir a("atelier-alias"), b("atelier-alias");
    if (!setup.empty()) {
        REQUIRE(run(a.data() + " " + setup).code == 0);
        REQUIRE(run(b.data() + " " + setup).code == 0);
    }
    // Both runs see the same paths: the data folder is given by the same relative name from each temporary folder.
    const Run french = atelier::test::capture(kCd + atelier::test::quoted(a.path) + " && " + ATELIER_BINARY +
                                              " --data data " + names.french + " " + args + " 2>&1");
    const Run alias = atelier::test::capture(kCd + atelier::test::quoted(b.path) + " && " + ATELIER_BINARY +
                                             " --data data " + names.alias + " " + args + " 2>&1");
    INFO(std::string(names.french) << " / " << names.alias << " " << args << "\n" << french.out << "\n---\n"
                                   << alias.out);
    CHECK(french.code == alias.code);
    CHECK(normalized(french.out, names.french, names.alias) == normalized(alias.out, names.french, names.alias));
}

}  // namespace

TEST_CASE("every alias runs the same command as its French name") {
    TempDir files("atelier-alias-files");
    const std::string vote = files.write("vote.json", R"({"method": "approval", "options": ["A", "B"],
        "ballots": [{"approve": ["A"]}, {"approve": ["A", "B"], "count": 2}]})");
    const std::string roster = files.write(
        "roster.csv", "id;nom;cite;institution\n1;Ana;Amiens;autre\n2;Bruno;Lille;autre\n3;Chloé;Arras;autre\n"
                      "4;Dan;Lens;autre\n");
    const std::string registrations =
        files.write("inscriptions.csv", "Nom;Prénom;Cité;Structure\nLefèvre;Zoé;Amiens;Rectorat\n");
    const std::string ideas =
        files.write("idees.csv", "texte;groupe;categorie\nUne cordée de la Réussite;G1;Constats\n");
    const std::string importIdeas = "import idees --etape 1 --tableau Mur " + ideas;

    same({"depouiller", "tally"}, vote);
    same({"depouiller", "tally"}, vote + " --json");
    same({"depouiller", "tally"}, "");  // no file: the usage
    same({"groupes", "groups"}, "--roster " + roster + " --groups 2 --rounds 2 --seed 7");
    same({"groupes", "groups"}, "--roster " + roster + " --rounds 2");  // neither --groups nor --size
    same({"importer", "import"}, "inscriptions --etape 1 " + registrations);
    same({"importer", "import"}, "idees --etape 1 --tableau Mur " + ideas);
    same({"importer", "import"}, "");  // what to import: the usage
    same({"exporter", "export"}, "--etape 1 --out sortie");
    same({"exporter", "export"}, "--etape 42");
    same({"chercher", "search"}, "reussite --json", importIdeas);
    same({"archive enregistrer", "archive save"}, "--etape 1", importIdeas);
    same({"archive enregistrer", "archive save"}, "");
    same({"archive liste", "archive list"}, "--json", importIdeas);
    same({"archive liste", "archive list"}, "");
    same({"archive verifier", "archive check"}, files.write("etape.json", "{}"));
    same({"archive verifier", "archive check"}, "");
    same({"archive chercher", "archive search"}, "reussite", importIdeas);
    same({"archive chercher", "archive search"}, "");
}

TEST_CASE("the French names do what the former names did") {
    TempDir dir("atelier-alias");
    const Run saved = run(dir.data() + " archive enregistrer --etape 1");
    REQUIRE(saved.code == 0);
    const std::string path = saved.out.substr(0, saved.out.find('\n'));
    CHECK(run(dir.data() + " archive liste").out.find("étape 1") != std::string::npos);
    CHECK(run("archive verifier " + atelier::test::quoted(path)).out.find("Archive valide") != std::string::npos);
    CHECK(run(dir.data() + " chercher rien").out.find("Aucune idée archivée") != std::string::npos);
    const Run usage = run("--help");
    for (const char* name : {"  depouiller ", "  groupes ", "  importer inscriptions", "  exporter ",
                             "  chercher ", "  archive enregistrer ", "  archive liste ", "  archive verifier ",
                             "  archive chercher "})
        CHECK_MESSAGE(usage.out.find(name) != std::string::npos, name);
    const Run unknown = run(dir.data() + " archive sauver");
    CHECK(unknown.code == 2);
    CHECK(unknown.out.find("Action inconnue pour archive\u00a0: «\u00a0sauver\u00a0»") != std::string::npos);
}
