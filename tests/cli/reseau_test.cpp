// territoire, import inscriptions, tarifs, emargement, etat-frais: run as a user would.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;

using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

const std::string kExcelExport =  // Windows-1252, `;`, CRLF: what Excel in French saves
    "Nom;Pr\xe9nom;Courriel;Cit\xe9;Structure;Fonction\r\n"
    "Lef\xe8vre;Zo\xe9;zoe@ac-amiens.fr;Amiens;Rectorat;Copilote\r\n"
    "Dupont;Marc;marc@arras.fr;Arras;Mairie d'Arras;Chef de projet\r\n"
    ";;x@y.fr;Lens;;\r\n"
    "Morel;Anne;a.morel@hirson.fr;Hirson;Association;\r\n"
    "DUPONT;Marc;MARC@ARRAS.FR;Arras;;\r\n";
}  // namespace

TEST_CASE("atelier territoire sets a membership, creating the territory when missing") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " territoire Arras --adherent non");
    CHECK(r.code == 0);
    CHECK(r.out.find("Arras\u00a0: Non adhérent.") != std::string::npos);
    r = run(dir.data() + " territoire 'Hénin-Beaumont' --adherent oui");
    CHECK(r.code == 0);
    CHECK(r.out.find("territoire créé") != std::string::npos);
    r = run(dir.data() + " territoire Lens --adherent peut-être");
    CHECK(r.code == 2);
    CHECK(r.out.find("n'est pas une adhésion possible") != std::string::npos);
    r = run(dir.data() + " territoire --adherent oui");
    CHECK(r.code == 2);
}

TEST_CASE("atelier import inscriptions reads an Excel export and reports every line") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " territoire Arras --adherent non").code == 0);
    const std::string file = dir.write("inscriptions.csv", kExcelExport);
    // Hirson is no known territory: refused, nothing written, until the facilitator says to create it.
    const Run refused = run(dir.data() + " import inscriptions --etape 1 " + file);
    CHECK(refused.code == 1);
    CHECK(refused.out.find("«\u00a0Hirson\u00a0» (ligne(s) 5)") != std::string::npos);
    CHECK(refused.out.find("--creer-cites") != std::string::npos);
    CHECK(run(dir.data() + " tarifs --etape 1 --json").out.find("Zoé") == std::string::npos);
    const Run r = run(dir.data() + " import inscriptions --etape 1 --creer-cites " + file);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("5 lignes lues\u00a0: 3 importées, 1 fusionnée") != std::string::npos);
    CHECK(r.out.find("1 rejetée\u00a0; 3 inscriptions ajoutées") != std::string::npos);
    CHECK(r.out.find("ligne 4\u00a0: le nom manque") != std::string::npos);
    CHECK(r.out.find("Territoires créés (adhésion à vérifier)\u00a0: Hirson") != std::string::npos);

    const Run fees = run(dir.data() + " tarifs --etape 1 --json");
    REQUIRE(fees.code == 0);
    const auto j = nlohmann::json::parse(fees.out);
    CHECK(j["etape"] == 1);
    REQUIRE(j["lignes"].size() == 3);
    CHECK(j["lignes"][0]["nom"] == "Zoé Lefèvre");
    CHECK(j["lignes"][0]["motif"] == "agent de l'État");
    CHECK(j["lignes"][1]["nom"] == "Marc Dupont");
    CHECK(j["lignes"][1]["montant_eur"] == 150.0);
    CHECK(j["lignes"][2]["montant_eur"].is_null());  // Hirson: membership à vérifier
    CHECK(j["total_eur"] == 150.0);
    CHECK(j["a_verifier"] == 1);

    const Run badDir = run(dir.data() + " emargement --etape 1 --out " + atelier::test::quoted(dir.path / "nulle-part" / "e.html"));
    CHECK(badDir.code == 1);
    CHECK(badDir.out.find("Impossible d'écrire") != std::string::npos);
    const Run sheet = run(dir.data() + " emargement --etape 1 --out " + atelier::test::quoted(dir.path / "emargement.html"));
    CHECK(sheet.code == 0);
    const std::string html = dir.read("emargement.html");
    CHECK(html.find("Feuille d&#39;émargement") != std::string::npos);
    CHECK(html.find("Zoé Lefèvre") != std::string::npos);
    const Run statement = run(dir.data() + " etat-frais --etape 1 --out " + atelier::test::quoted(dir.path / "frais.html"));
    CHECK(statement.code == 0);
    CHECK(dir.read("frais.html").find("Montants à vérifier (1)") != std::string::npos);
}

TEST_CASE("unreadable imports and missing options say what to fix") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " import inscriptions --etape 1 " + atelier::test::quoted(dir.path / "absent.csv"));
    CHECK(r.code == 1);
    CHECK(r.out.find("Impossible d'ouvrir") != std::string::npos);
    r = run(dir.data() + " import inscriptions --etape 1 " + dir.write("sans-nom.csv", "courriel;ville\na@b.fr;Lens\n"));
    CHECK(r.code == 1);
    CHECK(r.out.find("colonne «\u00a0nom\u00a0»") != std::string::npos);
    r = run(dir.data() + " import inscriptions --etape 1 " + dir.write("vide.csv", ""));
    CHECK(r.code == 1);
    CHECK(r.out.find("vide") != std::string::npos);
    r = run(dir.data() + " import inscriptions " + dir.write("a.csv", "nom\nA\n"));
    CHECK(r.code == 2);
    CHECK(r.out.find("--etape N") != std::string::npos);
    r = run(dir.data() + " tarifs --etape 7");
    CHECK(r.code == 1);
    CHECK(r.out.find("Aucune étape numéro 7") != std::string::npos);
    r = run(dir.data() + " emargement --etape 1");
    CHECK(r.code == 2);
    CHECK(r.out.find("--out") != std::string::npos);
    r = run(dir.data() + " import contacts --etape 1 x.csv");
    CHECK(r.code == 2);
}

TEST_CASE("atelier importer inscriptions: Cités as people type them, unknown ones refused until a choice is given") {
    TempDir dir("atelier-cli");
    const std::string file = dir.write("inscriptions.csv",
        "nom;prénom;cité;structure;fonction\n"
        "Leroy;Anne;Saint Quentin;Mairie de Saint-Quentin;Cheffe de projet\n"
        "Caron;Luc;Valenciennes;CAF du Nord;Chargé de mission\n"
        "Dupont;Léa;Boulogne sur Mer;Collège Angellier;Principale\n"
        "Morel;Yves;Hirson;Mairie d'Hirson;Adjoint\n"
        "Petit;Iris;Roubais;Centre social;Animatrice\n");
    Run r = run(dir.data() + " importer inscriptions --etape 1 " + file);
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("rien n'a été enregistré\u00a0: 2 noms de territoire") != std::string::npos);
    CHECK(r.out.find("«\u00a0Hirson\u00a0» (ligne(s) 5)\u00a0: aucun territoire connu de ce nom ni proche") != std::string::npos);
    CHECK(r.out.find("«\u00a0Roubais\u00a0» (ligne(s) 6)\u00a0: aucun territoire connu de ce nom\u00a0; les plus proches\u00a0: Roubaix") !=
          std::string::npos);
    CHECK(r.out.find("Saint Quentin") == std::string::npos);  // read as Saint-Quentin: nothing to ask
    const Run etapes = run(dir.data() + " tarifs --etape 1 --json");
    CHECK(nlohmann::json::parse(etapes.out)["lignes"].empty());

    r = run(dir.data() + " importer inscriptions --etape 1 --creer-cites --sans-territoire " + file);
    CHECK(r.code == 2);

    r = run(dir.data() + " importer inscriptions --etape 1 --sans-territoire " + file);
    CHECK(r.code == 0);
    CHECK(r.out.find("5 importées") != std::string::npos);
    CHECK(r.out.find("«\u00a0Saint Quentin\u00a0» → Saint-Quentin") != std::string::npos);
    CHECK(r.out.find("«\u00a0Valenciennes\u00a0» → Valenciennes-Anzin") != std::string::npos);
    CHECK(r.out.find("«\u00a0Boulogne sur Mer\u00a0» → Boulogne-sur-Mer") != std::string::npos);
    CHECK(r.out.find("Inscrits sans territoire, comme choisi\u00a0: «\u00a0Hirson\u00a0», «\u00a0Roubais\u00a0»") != std::string::npos);
    CHECK(r.out.find("créés") == std::string::npos);

    // The attendance sheet shows the structure and the function as typed, beside the category.
    const Run sheet = run(dir.data() + " emargement --etape 1 --out " + atelier::test::quoted(dir.path / "e.html"));
    REQUIRE(sheet.code == 0);
    const std::string html = dir.read("e.html");
    CHECK(html.find("Structure, fonction") != std::string::npos);
    CHECK(html.find("<td>CAF du Nord, Chargé de mission</td>") != std::string::npos);
    CHECK(html.find("<td>Mairie d&#39;Hirson, Adjoint</td>") != std::string::npos);
    CHECK(html.find("<td>Valenciennes-Anzin</td>") != std::string::npos);
}

TEST_CASE("atelier importer inscriptions --creer-cites creates the unknown territory once, « à vérifier »") {
    TempDir dir("atelier-cli");
    const std::string file = dir.write("i.csv", "nom;ville\nA;Hirson\nB;HIRSON\n");
    const Run r = run(dir.data() + " importer inscriptions --etape 1 --creer-cites " + file);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("Territoires créés (adhésion à vérifier)\u00a0: Hirson.") != std::string::npos);
    CHECK(nlohmann::json::parse(run(dir.data() + " tarifs --etape 1 --json").out)["a_verifier"] == 2);
    // One Hirson for both lines: making it a member settles both fees.
    const Run set = run(dir.data() + " territoire Hirson --adherent oui");
    CHECK(set.out.find("Hirson\u00a0: Adhérent.") != std::string::npos);
    CHECK(nlohmann::json::parse(run(dir.data() + " tarifs --etape 1 --json").out)["a_verifier"] == 0);
}
