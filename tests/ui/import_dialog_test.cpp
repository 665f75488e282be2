// The import of registrations in the Inscriptions tab asks before creating a territory (issue 11 point 7): a CSV
// with « Saint Quentin » (read as Saint-Quentin), « Hirson » (unknown) and « Roubais » (close to Roubaix) opens the
// dialog « Territoires inconnus »; nothing is written until « Importer »; « Annuler l'import » changes nothing;
// the import is one undo step.
#include <filesystem>

#include "harness.h"
#include "support/cli.h"

using namespace atelier;
using namespace atelier::ui::test;
namespace probe = atelier::ui::probe;

namespace {

const char* kCsv =
    "nom;prénom;cité;structure;fonction\n"
    "Leroy;Anne;Saint Quentin;Mairie de Saint-Quentin;Cheffe de projet\n"
    "Caron;Luc;Hirson;CAF de l'Aisne;Chargé de mission\n"
    "Petit;Iris;Roubais;Centre social;Animatrice\n";

/// The fixture's three Cités completed with the ten others of the Tour.
void addTheThirteen(Session& s) {
    for (const char* name : {"Saint-Quentin", "Denain", "Maubeuge", "Roubaix", "Tourcoing", "Valenciennes-Anzin",
                             "Creil", "Boulogne-sur-Mer", "Calais", "Lens"})
        REQUIRE(s.applyUnrecorded(AddTerritory{Territory{0, name, "", Membership::Adherent, true}}, JournalKind::Seed).ok);
}

const Person* personNamed(const Model& m, const std::string& name) {
    for (const Person& p : m.people)
        if (p.name == name) return &p;
    return nullptr;
}

std::string territoryOf(const Model& m, const Person* p) {
    const Territory* t = p && p->territory ? m.territory(*p->territory) : nullptr;
    return t ? t->name : "(aucun)";
}

/// True when the widget marked `key` was drawn in the last frame (probes of earlier frames are kept).
bool shown(const std::string& key) {
    for (const auto& [k, rect] : probe::lastFrame())
        if (k == key) return true;
    return false;
}

/// Types the CSV's path into the import field and presses Enter; the shell reads it on that frame.
void importFile(Console& c, const std::string& path) {
    c.click("import.path");
    c.selectAll();
    c.typeAndEnter(path);
    c.frame();
    c.frame();
}

}  // namespace

TEST_CASE("Inscriptions: unknown territories open a dialog with the closest Cités; « Importer » applies the choices") {
    atelier::test::TempDir dir("atelier-ui-import-dialog");
    const std::string file = dir.write("inscriptions.csv", kCsv);
    Console c;
    addTheThirteen(c.session);
    c.show("inscriptions");
    const Model before = c.session.model();

    importFile(c, (dir.path / "inscriptions.csv").string());
    // The dialog is open, with Roubaix proposed for « Roubais », and nothing is written yet.
    REQUIRE(shown("import-dialog"));
    CHECK(shown("import-dialog.0.create"));          // Hirson: no close name, « Créer » offered
    CHECK(shown("import-dialog.0.none"));
    CHECK_FALSE(shown("import-dialog.0.proposal.Roubaix"));
    CHECK(shown("import-dialog.1.proposal.Roubaix"));  // Roubais: the closest Cité proposed
    CHECK_FALSE(shown("import-dialog.2.create"));    // « Saint Quentin » is not asked about
    CHECK(c.session.model() == before);

    // Clicking around the dialog writes nothing either.
    c.click("import-dialog.0.none");
    c.click("import-dialog.0.create");
    c.click("import-dialog.1.proposal.Roubaix");
    CHECK(c.session.model() == before);

    const Actions sent = c.click("import-dialog.confirm");
    REQUIRE(sent.batches.size() == 1);
    c.frame();
    CHECK_FALSE(shown("import-dialog"));
    const Model& m = c.session.model();
    CHECK(m.etapeByNumber(1)->registrations.size() == before.etapeByNumber(1)->registrations.size() + 3);
    CHECK(territoryOf(m, personNamed(m, "Anne Leroy")) == "Saint-Quentin");
    CHECK(territoryOf(m, personNamed(m, "Luc Caron")) == "Hirson");
    CHECK(territoryOf(m, personNamed(m, "Iris Petit")) == "Roubaix");
    CHECK(m.territories.size() == before.territories.size() + 1);  // Hirson only
    REQUIRE(m.territoryByName("Hirson"));
    CHECK(m.territoryByName("Hirson")->membership == Membership::AVerifier);
    REQUIRE(personNamed(m, "Luc Caron"));
    CHECK(personNamed(m, "Luc Caron")->structure == "CAF de l'Aisne");
    CHECK(personNamed(m, "Luc Caron")->function == "Chargé de mission");

    // One Ctrl+Z takes the whole import back, the territory created with it too.
    c.ctrlPress(ImGuiKey_Z);
    CHECK(atelier::test::sameContent(c.session.model(), before));
    CHECK_FALSE(c.session.model().territoryByName("Hirson"));
}

TEST_CASE("Inscriptions: « Annuler l'import » changes nothing; « Un autre territoire » waits for a territory") {
    atelier::test::TempDir dir("atelier-ui-import-dialog");
    dir.write("inscriptions.csv", kCsv);
    Console c;
    addTheThirteen(c.session);
    c.show("inscriptions");
    const Model before = c.session.model();
    const std::string path = (dir.path / "inscriptions.csv").string();

    importFile(c, path);
    REQUIRE(shown("import-dialog"));
    const Actions cancelled = c.click("import-dialog.cancel");
    CHECK(cancelled.batches.empty());
    CHECK(cancelled.empty());
    c.frame();
    CHECK_FALSE(shown("import-dialog"));
    CHECK(c.session.model() == before);
    CHECK_FALSE(c.session.canUndo());

    // Again: « Un autre territoire » ticked without choosing one imports nothing; then Hirson left without
    // territory, Roubais → Roubaix (selected at first).
    importFile(c, path);
    REQUIRE(shown("import-dialog"));
    c.click("import-dialog.0.other");
    CHECK(c.click("import-dialog.confirm").empty());
    CHECK(shown("import-dialog"));
    CHECK(c.session.model() == before);
    c.click("import-dialog.0.none");
    REQUIRE(c.click("import-dialog.confirm").batches.size() == 1);
    const Model& m = c.session.model();
    CHECK(m.territories.size() == before.territories.size());
    REQUIRE(personNamed(m, "Luc Caron"));
    CHECK_FALSE(personNamed(m, "Luc Caron")->territory);
    CHECK(territoryOf(m, personNamed(m, "Iris Petit")) == "Roubaix");
}

TEST_CASE("Inscriptions: a CSV whose Cités are all known imports at once, without a dialog") {
    atelier::test::TempDir dir("atelier-ui-import-dialog");
    dir.write("ok.csv", "nom;cité\nLeroy;Saint Quentin\nCaron;Valenciennes\nDupont;Boulogne sur Mer\n");
    Console c;
    addTheThirteen(c.session);
    c.show("inscriptions");
    const size_t territories = c.session.model().territories.size();
    importFile(c, (dir.path / "ok.csv").string());
    CHECK_FALSE(shown("import-dialog"));
    const Model& m = c.session.model();
    CHECK(m.territories.size() == territories);
    CHECK(territoryOf(m, personNamed(m, "Leroy")) == "Saint-Quentin");
    CHECK(territoryOf(m, personNamed(m, "Caron")) == "Valenciennes-Anzin");
    CHECK(territoryOf(m, personNamed(m, "Dupont")) == "Boulogne-sur-Mer");
}
