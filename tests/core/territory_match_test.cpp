// Territory names as people type them, read against the 13 Cités éducatives of the Tour (assets/tour.json): issue
// 11 point 7 (« Saint Quentin », « Valenciennes », « Boulogne sur Mer » became three new territories).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/territory_match.h"

using namespace atelier;

namespace {

/// The 13 Cités of the Tour's seed (assets/tour.json), ids 1 to 13, plus « Hirson » (not a Cité) as id 14.
std::vector<Territory> cites() {
    const char* names[] = {"Saint-Quentin", "Denain", "Lille", "Maubeuge", "Roubaix", "Tourcoing", "Valenciennes-Anzin",
                           "Creil", "Arras", "Boulogne-sur-Mer", "Calais", "Lens", "Amiens"};
    std::vector<Territory> out;
    Id id = 1;
    for (const char* n : names) out.push_back(Territory{id++, n, "", Membership::Adherent, true});
    return out;
}

std::string nameOf(const std::vector<Territory>& known, std::optional<Id> id) {
    if (!id) return "(aucun)";
    for (const Territory& t : known)
        if (t.id == *id) return t.name;
    return "(id inconnu)";
}

std::string matched(std::string_view typed) {
    const std::vector<Territory> known = cites();
    return nameOf(known, matchTerritory(known, typed).territory);
}

std::vector<std::string> proposed(std::string_view typed, const std::vector<Territory>& known = cites()) {
    std::vector<std::string> out;
    for (Id id : matchTerritory(known, typed).proposals) out.push_back(nameOf(known, id));
    return out;
}

}  // namespace

TEST_CASE("territory key: case, accents, spaces, hyphens, apostrophes, « St », articles, department codes ignored") {
    CHECK(territoryKey("Saint-Quentin") == "saint quentin");
    CHECK(territoryKey("  ST   QUENTIN ") == "saint quentin");
    CHECK(territoryKey("St. Quentin (02)") == "saint quentin");
    CHECK(territoryKey("Ste-Marie") == "sainte marie");
    CHECK(territoryKey("Boulogne s/ Mer") == "boulogne sur mer");
    CHECK(territoryKey("Cité éducative d'Amiens") == "amiens");
    CHECK(territoryKey("Cités éducatives de Lens") == "lens");
    CHECK(territoryKey("Villeneuve-d\u2019Ascq") == "villeneuve ascq");
    CHECK(territoryKey("Villeneuve d'Ascq") == territoryKey("Villeneuve-d'Ascq"));
    CHECK(territoryKey("") == "");
    CHECK(territoryKey(" - ' ") == "");
    // foldForName's folding, not a second one: accents and ligatures as there.
    CHECK(territoryKey("SAINT-ÉTIENNE-AU-MONT") == "saint etienne au mont");
}

TEST_CASE("names with numbers stay apart: only a department code in brackets is dropped (issue 32)") {
    CHECK(territoryKey("Territoire 1") == "territoire 1");
    CHECK(territoryKey("Territoire 1") != territoryKey("Territoire 2"));
    CHECK(territoryKey("Territoire 13") != territoryKey("Territoire 1"));
    CHECK(territoryKey("Lille 1") != territoryKey("Lille 2"));
    CHECK(territoryKey("Lille 1") != territoryKey("Lille"));
    CHECK(territoryKey("Cité éducative Lille 2") == "lille 2");
    // Department codes in brackets, with or without spaces, Corsica and overseas included.
    CHECK(territoryKey("Lens (62)") == "lens");
    CHECK(territoryKey("Lens ( 62 )") == "lens");
    CHECK(territoryKey("Ajaccio (2A)") == "ajaccio");
    CHECK(territoryKey("Saint-Denis (974)") == "saint denis");
    CHECK(territoryKey("Lille 2 (59)") == "lille 2");
    // Not a department code: the number stays.
    CHECK(territoryKey("Lille (2)") == "lille 2");
    CHECK(territoryKey("Quartier (1234)") == "quartier 1234");
    CHECK(territoryKey("Lens 62") == "lens 62");

    // Matching: « Lille 2 » is not the known « Lille » (proposed, not assumed), and two numbered territories
    // are each found by their own name.
    std::vector<Territory> known = cites();
    CHECK(!matchTerritory(known, "Lille 2").territory);
    CHECK(proposed("Lille 2").front() == "Lille");
    known.push_back(Territory{14, "Territoire 1", "", Membership::AVerifier, false});
    known.push_back(Territory{15, "Territoire 2", "", Membership::AVerifier, false});
    CHECK(nameOf(known, matchTerritory(known, "territoire 2").territory) == "Territoire 2");
    CHECK(nameOf(known, matchTerritory(known, "TERRITOIRE 1 (59)").territory) == "Territoire 1");
}

TEST_CASE("the three names of issue 11 read as their Cité, not as new territories") {
    CHECK(matched("Saint Quentin") == "Saint-Quentin");
    CHECK(matched("Valenciennes") == "Valenciennes-Anzin");
    CHECK(matched("Boulogne sur Mer") == "Boulogne-sur-Mer");
}

TEST_CASE("other usual ways of writing the Cités") {
    CHECK(matched("St-Quentin") == "Saint-Quentin");
    CHECK(matched("ST QUENTIN") == "Saint-Quentin");
    CHECK(matched("saint-quentin") == "Saint-Quentin");
    CHECK(matched("Boulogne") == "Boulogne-sur-Mer");
    CHECK(matched("boulogne-sur-mer") == "Boulogne-sur-Mer");
    CHECK(matched("Anzin") == "Valenciennes-Anzin");
    CHECK(matched("Valenciennes Anzin") == "Valenciennes-Anzin");
    CHECK(matched("Cité éducative d'Amiens") == "Amiens");
    CHECK(matched("LENS (62)") == "Lens");
    CHECK(matched("Tourcoing") == "Tourcoing");

    const std::vector<Territory> known = cites();
    const TerritoryMatch exact = matchTerritory(known, "Saint Quentin");
    CHECK(exact.exact);
    const TerritoryMatch shortForm = matchTerritory(known, "Valenciennes");
    CHECK(!shortForm.exact);
    CHECK(shortForm.proposals.empty());
}

TEST_CASE("a name that designates no Cité, or several, is not matched: the closest are proposed") {
    CHECK(matched("Hirson") == "(aucun)");
    CHECK(matched("Paris") == "(aucun)");
    CHECK(matched("Saint") == "(aucun)");  // too little to designate Saint-Quentin
    CHECK(matched("Sur Mer") == "(aucun)");
    CHECK(matched("") == "(aucun)");
    CHECK(matched("Lil") == "(aucun)");  // not a whole word of « Lille »

    CHECK(proposed("Roubais") == std::vector<std::string>{"Roubaix"});
    CHECK(proposed("Valencienne").front() == "Valenciennes-Anzin");
    CHECK(proposed("Lile").front() == "Lille");
    CHECK(proposed("Amiens Nord").front() == "Amiens");  // a quarter of Amiens: asked, not assumed
    CHECK(proposed("Saint").front() == "Saint-Quentin");
    CHECK(proposed("Hirson").empty());
    CHECK(proposed("Maubeuge Sous-le-Bois").front() == "Maubeuge");
    CHECK(proposed("Roubais").size() <= 3);

    // Two territories that both contain the typed words: neither is chosen, both are proposed.
    std::vector<Territory> known = cites();
    known.push_back(Territory{14, "Saint-Quentin-Fallavier", "", Membership::AVerifier, false});
    CHECK(!matchTerritory(known, "Quentin").territory);
    const std::vector<std::string> both = proposed("Quentin", known);
    REQUIRE(both.size() == 2);
    CHECK(both[0] == "Saint-Quentin");  // the Cité first when both are as close
    CHECK(both[1] == "Saint-Quentin-Fallavier");
    // The exact name still wins over the longer one.
    CHECK(nameOf(known, matchTerritory(known, "St Quentin").territory) == "Saint-Quentin");
}
