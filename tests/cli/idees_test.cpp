// import idees and idees: run as a user would.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <string>

namespace {

using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

const std::string kPostIts =  // typed after a workshop in a spreadsheet, `;`, one bad line
    "texte;groupe;categorie\n"
    "Les familles ne viennent qu'aux réunions de fin d'année;Groupe 1;Constats\n"
    "Un café des parents au collège;Groupe 2;leviers\n"
    ";Groupe 3;Constats\n"
    "Un livret d'accueil traduit;Groupe 3;Ressources\n"
    "Une cordée de la réussite;;\n";

}  // namespace

TEST_CASE("atelier import idees creates the board, reports a bad line with its number and skips it") {
    TempDir dir("atelier-cli");
    const Run r = run(dir.data() + " import idees --etape 1 --tableau 'Associer les familles' " +
                      dir.write("idees.csv", kPostIts));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("5 lignes lues, 4 idées importées sur le tableau «\u00a0Associer les familles\u00a0»") !=
          std::string::npos);
    CHECK(r.out.find("Tableau «\u00a0Associer les familles\u00a0» créé.") != std::string::npos);
    CHECK(r.out.find("Colonne «\u00a0Ressources\u00a0» créée.") != std::string::npos);
    CHECK(r.out.find("Ligne 4 ignorée\u00a0: L'idée est vide") != std::string::npos);

    const Run json = run(dir.data() + " idees --etape 1 --tableau 'associer les FAMILLES' --json");
    REQUIRE(json.code == 0);
    const auto ideas = nlohmann::json::parse(json.out);
    REQUIRE(ideas.size() == 4);
    CHECK(ideas[0]["texte"] == "Les familles ne viennent qu'aux réunions de fin d'année");
    CHECK(ideas[0]["groupe"] == "Groupe 1");
    CHECK(ideas[0]["categorie"] == "Constats");
    CHECK(ideas[0]["cluster"].is_null());
    CHECK(ideas[0]["pratique"] == false);
    CHECK(ideas[1]["categorie"] == "Leviers");  // matched without regard to case
    CHECK(ideas[2]["categorie"] == "Ressources");
    CHECK(ideas[3]["categorie"] == "Constats");  // no category: the first column

    // A second import adds to the same board.
    const Run again = run(dir.data() + " import idees --etape 1 --tableau 'Associer les familles' " +
                          dir.write("plus.csv", "texte\nEncore une idée\n"));
    CHECK(again.code == 0);
    CHECK(again.out.find("créé") == std::string::npos);
    const Run text = run(dir.data() + " idees --etape 1");
    CHECK(text.code == 0);
    CHECK(text.out.find("Associer les familles — 5 idées") != std::string::npos);
    CHECK(text.out.find("[Leviers] Un café des parents au collège — Groupe 2") != std::string::npos);
}

TEST_CASE("atelier import idees refuses a file without a texte column, and a malformed command line") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " import idees --etape 1 --tableau T " + dir.write("x.csv", "nom;groupe\nA;B\n"));
    CHECK(r.code == 1);
    CHECK(r.out.find("colonne «\u00a0texte\u00a0»") != std::string::npos);
    r = run(dir.data() + " import idees --etape 1 " + dir.write("y.csv", "texte\nA\n"));
    CHECK(r.code == 2);
    CHECK(r.out.find("--tableau") != std::string::npos);
    r = run(dir.data() + " idees --etape 1 --tableau 'Inconnu'");
    CHECK(r.code == 1);
    CHECK(r.out.find("pas de tableau «\u00a0Inconnu\u00a0»") != std::string::npos);
    r = run(dir.data() + " idees --etape 1 --json");
    CHECK(r.code == 0);
    CHECK(nlohmann::json::parse(r.out).empty());
}
