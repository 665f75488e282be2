// pratiques, pratique suivi, action-phare ajouter, evaluation and evaluation saisir: run as a user would.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using atelier::test::TempDir;
using Run = atelier::test::CliRun;
Run run(const std::string& args) { return atelier::test::runAtelier(args); }

/// A 2×2 PNG.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00"
    "\x00\xfd\xd4\x9a\x73\x00\x00\x00\x13\x49\x44\x41\x54\x78\x9c\x63\xf8\xdf\xc0\x00\x44\x0c\x0c\x0d\xff\x81\x08\x00"
    "\x29\xf2\x05\xfd\x02\x26\x36\xf9\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    76);

const nlohmann::json* bySource(const nlohmann::json& list, const std::string& source) {
    for (const auto& p : list)
        if (p["source"] == source) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("atelier pratiques lists the demo's practices with their origin, interested Cités and follow-up") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " demo").code == 0);
    const Run json = run(dir.data() + " pratiques --json");
    INFO(json.out);
    REQUIRE(json.code == 0);
    const auto list = nlohmann::json::parse(json.out);
    REQUIRE(list.size() >= 3);
    const auto* flagship = bySource(list, "action-phare");
    REQUIRE(flagship);
    CHECK((*flagship)["titre"] == "Le café des parents du collège");
    CHECK((*flagship)["etape"] == 3);
    CHECK((*flagship)["cite_origine"].is_string());
    CHECK((*flagship)["themes"] == nlohmann::json::array({"Parentalité", "Lien école-familles"}));
    REQUIRE((*flagship)["suivi"].size() == 2);
    CHECK((*flagship)["suivi"][0]["statut"] == "adoptee");
    CHECK((*flagship)["suivi"][1]["statut"] == "essayee");
    CHECK(!(*flagship)["interesses"].empty());  // from the evaluation of the day
    const auto* idea = bySource(list, "tableau");
    REQUIRE(idea);
    for (const char* key : {"id", "titre", "description", "cite_origine", "etape", "source", "themes", "interesses", "suivi"})
        CHECK(idea->contains(key));

    const Run text = run(dir.data() + " pratiques");
    CHECK(text.code == 0);
    CHECK(text.out.find("Le café des parents du collège — Action-phare, étape 3") != std::string::npos);
    CHECK(text.out.find("Adoptée à ") != std::string::npos);
    CHECK(text.out.find(" — «\u00a0Comment associer les familles à la réussite éducative\u00a0?\u00a0», étape 3") !=
          std::string::npos);

    // A respondent of Arras who wants to try the board's practice: Arras is interested in it.
    const std::string id = std::to_string((*idea)["id"].get<unsigned long long>());
    const Run wants = run(dir.data() + " evaluation saisir --etape 3 --question 4 --pratiques " + id + " --cite Arras");
    INFO(wants.out);
    REQUIRE(wants.code == 0);
    const auto after = nlohmann::json::parse(run(dir.data() + " pratiques --json").out);
    bool arras = false;
    for (const auto& p : after)
        if (p["id"] == (*idea)["id"])
            for (const auto& c : p["interesses"]) arras = arras || c == "Arras";
    CHECK(arras);
    const Run other = run(dir.data() + " evaluation saisir --etape 1 --question 4 --pratiques " + id);
    CHECK(other.code == 1);
    CHECK(other.out.find("n'est pas une pratique de l'étape 1") != std::string::npos);
}

TEST_CASE("atelier pratique suivi records a follow-up; bad input is refused with a French message") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " demo").code == 0);
    const auto list = nlohmann::json::parse(run(dir.data() + " pratiques --json").out);
    const std::string id = std::to_string((*bySource(list, "tableau"))["id"].get<unsigned long long>());

    const Run ok = run(dir.data() + " pratique suivi " + id +
                       " --cite 'valenciennes-anzin' --statut adoptee --date 2021-03-16 --note 'Dans 3 collèges'");
    INFO(ok.out);
    CHECK(ok.code == 0);
    CHECK(ok.out.find("Adoptée à Valenciennes-Anzin le 16/03/2021") != std::string::npos);
    const auto after = nlohmann::json::parse(run(dir.data() + " pratiques --json").out);
    bool found = false;
    for (const auto& p : after)
        if (std::to_string(p["id"].get<unsigned long long>()) == id)
            for (const auto& f : p["suivi"])
                if (f["cite"] == "Valenciennes-Anzin" && f["statut"] == "adoptee" && f["date"] == "2021-03-16" &&
                    f["note"] == "Dans 3 collèges")
                    found = true;
    CHECK(found);

    const Run status = run(dir.data() + " pratique suivi " + id + " --cite Lille --statut finie");
    CHECK(status.code == 2);
    CHECK(status.out.find("«\u00a0finie\u00a0» n'est pas un suivi possible") != std::string::npos);
    const Run cite = run(dir.data() + " pratique suivi " + id + " --cite Atlantis --statut essayee");
    CHECK(cite.code == 1);
    CHECK(cite.out.find("«\u00a0Atlantis\u00a0»") != std::string::npos);
    const Run unknown = run(dir.data() + " pratique suivi 999999 --cite Lille --statut essayee");
    CHECK(unknown.code == 1);
    CHECK(unknown.out.find("Aucune pratique numéro 999999") != std::string::npos);
    const Run date = run(dir.data() + " pratique suivi " + id + " --cite Lille --statut essayee --date 16/03");
    CHECK(date.code == 2);
    // Nothing of that was recorded.
    CHECK(nlohmann::json::parse(run(dir.data() + " pratiques --json").out) == after);
}

TEST_CASE("atelier action-phare ajouter copies its photo into the data folder; a wrong file changes nothing") {
    TempDir dir("atelier-cli");
    const Run ok = run(dir.data() + " action-phare ajouter --etape 1 --titre 'Le café des parents' --partenaires "
                                    "'Centre social' --photo " + dir.write("Café.png", kPng));
    INFO(ok.out);
    REQUIRE(ok.code == 0);
    CHECK(ok.out.find("Action-phare «\u00a0Le café des parents\u00a0» ajoutée à l'étape 1") != std::string::npos);
    CHECK(dir.read("data/photos/cafe.png") == kPng);
    const auto list = nlohmann::json::parse(run(dir.data() + " pratiques --json").out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["source"] == "action-phare");
    CHECK(list[0]["cite_origine"] == "Amiens");

    const Run bad = run(dir.data() + " action-phare ajouter --etape 1 --titre 'Autre' --photo " +
                        dir.write("notes.jpg", "pas une image"));
    CHECK(bad.code == 1);
    CHECK(bad.out.find("ce n'est ni une image PNG ni une image JPEG") != std::string::npos);
    CHECK(nlohmann::json::parse(run(dir.data() + " pratiques --json").out).size() == 1);
    const Run noTitle = run(dir.data() + " action-phare ajouter --etape 1");
    CHECK(noTitle.code == 2);
}

TEST_CASE("atelier livret prints the actions-phares' photos beside the booklet; a photo gone is named instead") {
    TempDir dir("atelier-cli");
    REQUIRE(run(dir.data() + " action-phare ajouter --etape 1 --titre 'Le café des parents' --photo " +
                dir.write("Café.png", kPng)).code == 0);
    REQUIRE(run(dir.data() + " action-phare ajouter --etape 1 --titre 'La cordée' --photo " +
                dir.write("Cordée.png", kPng)).code == 0);
    REQUIRE(run(dir.data() + " archive enregistrer --etape 1").code == 0);
    std::filesystem::remove(dir.path / "data/photos/cordee.png");
    const Run livret = run(dir.data() + " livret --tour --out " + (dir.path / "livret").string());
    INFO(livret.out);
    REQUIRE(livret.code == 0);
    CHECK(dir.read("livret/photos/cafe.png") == kPng);
    CHECK_FALSE(std::filesystem::exists(dir.path / "livret/photos/cordee.png"));
    const std::string html = dir.read("livret/livret.html");
    CHECK(html.find("<img src=\"photos/cafe.png\" alt=\"Le café des parents\">") != std::string::npos);
    CHECK(html.find("photos/cordee.png") != std::string::npos);  // named, not drawn
    CHECK(html.find("<img src=\"photos/cordee.png\"") == std::string::npos);
}

TEST_CASE("atelier evaluation saisir sets up the default questionnaire; atelier evaluation gives the results") {
    TempDir dir("atelier-cli");
    Run r = run(dir.data() + " evaluation saisir --etape 1 --question 1 --note 'très bien' --nombre 12");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("12 réponses saisies à «\u00a0Appréciation générale\u00a0»") != std::string::npos);
    REQUIRE(run(dir.data() + " evaluation saisir --etape 1 --question 1 --note Bien --nombre 5").code == 0);
    REQUIRE(run(dir.data() + " evaluation saisir --etape 1 --question 3 --texte 'Le café des parents' --cite Lille").code == 0);
    const Run json = run(dir.data() + " evaluation --etape 1 --json");
    REQUIRE(json.code == 0);
    const auto results = nlohmann::json::parse(json.out);
    CHECK(results["reponses"] == 17);  // people (the most answered question), not the 18 entries
    CHECK(results["repondants"] == 17);
    REQUIRE(results["questions"].size() == 5);
    CHECK(results["questions"][0]["question"] == "Appréciation générale");
    CHECK(results["questions"][0]["mention"] == "Très bien");
    CHECK(results["questions"][0]["repondants"] == 17);
    CHECK(results["questions"][2]["reponses"][0]["texte"] == "Le café des parents");
    const Run text = run(dir.data() + " evaluation --etape 1");
    CHECK(text.out.find("Mention majoritaire\u00a0: Très bien") != std::string::npos);

    const Run grade = run(dir.data() + " evaluation saisir --etape 1 --question 1 --note Super");
    CHECK(grade.code == 2);
    CHECK(grade.out.find("«\u00a0Super\u00a0» n'est pas un niveau de l'échelle") != std::string::npos);
    const Run two = run(dir.data() + " evaluation saisir --etape 1 --question 1 --note Bien --texte x");
    CHECK(two.code == 2);
    const Run kind = run(dir.data() + " evaluation saisir --etape 1 --question 1 --texte 'une phrase'");
    CHECK(kind.code == 1);
    CHECK(kind.out.find("attend une note de l'échelle") != std::string::npos);
    CHECK(nlohmann::json::parse(run(dir.data() + " evaluation --etape 1 --json").out) == results);
}
