// Réseau, Calendrier and Inscriptions driven through simulated mouse and keyboard.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/calendar.h"
#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

TEST_CASE("Réseau: search ignores accents and case, edits and deletions are undoable actions") {
    Console c;
    c.show("reseau");
    REQUIRE(probe::find("territory.Lille.name"));
    c.click("search");
    c.imgui.type("AMIÉ");
    c.frame();
    c.frame();
    CHECK(probe::find("territory.Amiens.name"));
    probe::enable(true);  // forget the rectangles of rows now filtered out
    c.frame();
    CHECK_FALSE(probe::find("territory.Lille.name"));
    CHECK(probe::find("territory.Amiens.name"));

    // Edit the person found by the search: Nadia Benali's territory is Amiens.
    REQUIRE(probe::find("person.0.email"));
    Actions emitted = c.typeInto("person.0.email", "nadia.benali@amiens.fr");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<UpdatePerson>(emitted[0]).person.email == "nadia.benali@amiens.fr");
    CHECK(c.session.model().people.front().email == "nadia.benali@amiens.fr");
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.session.model().people.front().email == "n.benali@example.fr");
}

TEST_CASE("Réseau: adding a territory by typing its name and pressing Enter") {
    Console c;
    c.show("reseau");
    c.click("new-territory");
    c.typeAndEnter("Hénin-Beaumont");
    REQUIRE(c.lastActions.size() == 1);
    const auto& add = std::get<AddTerritory>(c.lastActions[0]);
    CHECK(add.territory.name == "Hénin-Beaumont");
    CHECK(add.territory.membership == Membership::AVerifier);
    CHECK(c.session.model().territoryByName("henin-beaumont"));

    // Deleting a territory that hosts an étape is refused with a message; nothing changes.
    const Model before = c.session.model();
    const size_t toasts = c.app.state().toasts.size();
    c.click("territory.Amiens.delete");
    CHECK(c.session.model() == before);  // one click only asks
    CHECK(c.app.state().toasts.size() == toasts);
    c.click("confirm.yes");
    CHECK(c.session.model() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("accueille l'étape 1") != std::string::npos);
}

TEST_CASE("Calendrier: a new étape, reordering, and a warning for two étapes in one quarter") {
    Console c;
    c.show("calendrier");
    Actions emitted = c.click("new-etape");
    REQUIRE(emitted.size() == 1);
    const auto& add = std::get<AddEtape>(emitted[0]);
    CHECK(add.etape->header.number == 3);
    CHECK(add.etape->header.date == Date{2020, 9, 2});  // one quarter after the latest étape
    REQUIRE(c.session.model().etapes.size() == 3);

    const Id third = c.session.model().etapes.back().id;
    emitted = c.click("list.2.up");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<MoveEtape>(emitted[0]).to == 1);
    CHECK(c.session.model().etapes[1].id == third);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.session.model().etapes[2].id == third);

    // Select étape 3 in the quarters grid and move its date into étape 2's quarter.
    c.click("grid.etape.3");
    CHECK(c.app.state().selectedEtape == third);
    emitted = c.typeInto("field.date", "23/06/2020");
    REQUIRE(emitted.size() == 1);
    CHECK(c.session.model().etape(third)->header.date == Date{2020, 6, 23});
    const auto warnings = calendarWarnings(c.session.model());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("2e trimestre 2020") != std::string::npos);
}

TEST_CASE("Inscriptions: check-in at the door by typing three letters and Enter, walk-ins on the spot") {
    Console c;
    const Id e1 = c.etape1().id;
    const Id nadia = c.session.model().people.front().id;
    REQUIRE(c.session.apply(AddRegistration{e1, Registration{0, nadia}}).ok);
    c.show("inscriptions");

    // The check-in field has the keyboard: type « ben » (no accent, lower case) and press Enter.
    c.typeAndEnter("ben");
    REQUIRE(c.lastActions.size() == 1);
    const auto& update = std::get<UpdateRegistration>(c.lastActions[0]);
    CHECK(update.registration.present);
    CHECK(c.etape1().registrations.front().present);
    CHECK(c.app.view<RegistrationsView>().lastCheckedIn == "\u2713 Nadia Benali est présent·e");
    CHECK(c.app.view<RegistrationsView>().checkin.empty());

    // Someone not registered: Enter asks first (nothing is added yet); correcting the name in the field cancels the
    // question (issue 29: typing never adds to the name asked about), Enter asks about the corrected name; their Cité
    // and institution are set right there; Ctrl+Entrée (or « Ajouter sur place ») adds them, present, as one
    // undoable step.
    c.frame();
    c.typeAndEnter("Jeanne Valjea");
    CHECK(c.lastActions.empty());
    CHECK(c.etape1().registrations.size() == 1);
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    c.frame();
    c.imgui.type("n");  // the check-in field keeps the keyboard: the typo is corrected there
    c.frame();
    INFO("check-in field: " << c.app.view<RegistrationsView>().checkin);
    CHECK_FALSE(c.app.view<RegistrationsView>().walkIn);
    c.press(ImGuiKey_Enter);
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.app.view<RegistrationsView>().walkIn->name == "Jeanne Valjean");
    c.app.view<RegistrationsView>().walkIn->territory = c.session.model().territories.front().id;
    c.app.view<RegistrationsView>().walkIn->institution = Institution::Association;
    c.imgui.ctrl(true);
    c.press(ImGuiKey_Enter);
    c.imgui.ctrl(false);
    REQUIRE(c.lastActions.batches.size() == 1);
    REQUIRE(c.etape1().registrations.size() == 2);
    const Registration& walkIn = c.etape1().registrations.back();
    CHECK(walkIn.walkIn);
    CHECK(walkIn.present);
    CHECK(c.session.model().person(walkIn.person)->name == "Jeanne Valjean");
    CHECK(c.session.model().person(walkIn.person)->territory == c.session.model().territories.front().id);
    CHECK(c.session.model().person(walkIn.person)->institution == Institution::Association);
    CHECK_FALSE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.app.view<RegistrationsView>().checkin.empty());
    CHECK(c.app.view<RegistrationsView>().lastCheckedIn == "\u2713 Jeanne Valjean ajouté·e sur place et présent·e");
    CHECK(c.session.undoLabel() == "Accueillir «\u00a0Jeanne Valjean\u00a0» sur place");
    REQUIRE(c.session.undo().ok);
    CHECK(c.etape1().registrations.size() == 1);
    CHECK(c.session.model().people.size() == 1);

    // « ndi » finds N'Diaye and « jean pi » finds Jean-Pierre: apostrophes and hyphens do not count.
    for (const char* name : {"Aminata N'Diaye", "Jean-Pierre Morel"}) {
        Person p;
        p.name = name;
        REQUIRE(c.session.apply(AddPerson{p}).ok);
        REQUIRE(c.session.apply(AddRegistration{e1, Registration{0, c.session.model().people.back().id}}).ok);
    }
    c.frame();
    c.typeAndEnter("ndi");
    REQUIRE(c.lastActions.size() == 1);
    CHECK(c.session.model().person(std::get<UpdateRegistration>(c.lastActions[0]).registration.person)->name ==
          "Aminata N'Diaye");
    c.frame();
    c.typeAndEnter("jean pi");
    REQUIRE(c.lastActions.size() == 1);
    CHECK(c.session.model().person(std::get<UpdateRegistration>(c.lastActions[0]).registration.person)->name ==
          "Jean-Pierre Morel");
    c.session.undo();
    c.session.undo();
    c.session.undo();
    c.session.undo();
    c.session.undo();
    c.session.undo();
    REQUIRE(c.etape1().registrations.size() == 1);

    // The presence box unticks Nadia.
    c.frame();
    const Actions emitted = c.click("registration.0.present");
    REQUIRE(emitted.size() == 1);
    CHECK_FALSE(c.etape1().registrations.front().present);
}

TEST_CASE("Inscriptions: with several matches, Up and Down choose who Enter checks in, the field keeps the keyboard") {
    Console c;
    const Id e1 = c.etape1().id;
    for (const char* name : {"Martine Leroy", "Marc Dubois", "Marie Curie"}) {
        Person p;
        p.name = name;
        REQUIRE(c.session.apply(AddPerson{p}).ok);
        REQUIRE(c.session.apply(AddRegistration{e1, Registration{0, c.session.model().people.back().id}}).ok);
    }
    c.show("inscriptions");
    c.imgui.type("mar");
    c.frame();
    // Listed by name: Marc Dubois, Marie Curie, Martine Leroy. Down twice, Up once: Marie Curie.
    c.press(ImGuiKey_DownArrow);
    c.press(ImGuiKey_DownArrow);
    c.press(ImGuiKey_UpArrow);
    CHECK(c.app.view<RegistrationsView>().checkinChoice == 1);
    c.press(ImGuiKey_Enter);
    REQUIRE(c.lastActions.size() == 1);
    CHECK(c.session.model().person(std::get<UpdateRegistration>(c.lastActions[0]).registration.person)->name ==
          "Marie Curie");
    // Down past the last match stays on the last one; a click on a match checks that one in.
    c.frame();
    c.imgui.type("mar");
    c.frame();
    for (int i = 0; i < 5; ++i) c.press(ImGuiKey_DownArrow);
    CHECK(c.app.view<RegistrationsView>().checkinChoice == 2);
    c.click("checkin.match.0");
    REQUIRE(c.lastActions.size() == 1);
    CHECK(c.session.model().person(std::get<UpdateRegistration>(c.lastActions[0]).registration.person)->name ==
          "Marc Dubois");
}

TEST_CASE("Inscriptions: a walk-in is added only once confirmed; « Annuler » and Échap add nobody") {
    Console c;
    const Id e1 = c.etape1().id;
    c.show("inscriptions");
    const size_t people = c.session.model().people.size();
    c.typeAndEnter("ndi");
    CHECK(c.lastActions.empty());
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    c.click("walkin.cancel");
    CHECK_FALSE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.session.model().people.size() == people);
    CHECK(c.session.model().etape(e1)->registrations.empty());
    CHECK(c.app.view<RegistrationsView>().checkin == "ndi");  // the text stays, to be completed

    c.frame();
    c.frame();  // the field has the keyboard back
    c.press(ImGuiKey_Enter);
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    c.press(ImGuiKey_Escape);
    CHECK_FALSE(c.app.view<RegistrationsView>().walkIn);
    CHECK(c.session.model().people.size() == people);

    // Confirmed with the button, the Cité set in the form.
    c.frame();
    c.frame();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.app.view<RegistrationsView>().walkIn);
    const Id cite = c.session.model().territories.back().id;
    c.app.view<RegistrationsView>().walkIn->territory = cite;
    c.click("walkin.add");
    REQUIRE(c.lastActions.batches.size() == 1);
    REQUIRE(c.session.model().etape(e1)->registrations.size() == 1);
    const Person* added = c.session.model().person(c.session.model().etape(e1)->registrations.front().person);
    CHECK(added->name == "ndi");
    CHECK(added->territory == cite);
}

TEST_CASE("Inscriptions: importing a CSV from its path (or a dropped file) and writing the documents") {
    Console c;
    const std::filesystem::path data = c.useFolder();  // a temporary folder of its own (never a fixed /tmp path)
    const std::filesystem::path dir = c.temp->path;
    {
        std::ofstream csv(dir / "inscrits.csv", std::ios::binary);
        csv << "Nom;Pr\xe9nom;Cit\xe9\r\nLef\xe8vre;Zo\xe9;Amiens\r\n;;Lens\r\n";  // Windows-1252
    }
    c.show("inscriptions");
    c.click("import.path");
    c.typeAndEnter((dir / "inscrits.csv").string());  // the shell reads the file, then applies one batch
    REQUIRE(c.etape1().registrations.size() == 1);
    CHECK(c.session.model().person(c.etape1().registrations[0].person)->name == "Zoé Lefèvre");
    CHECK(c.app.view<RegistrationsView>().report.find("ligne 3\u00a0: le nom manque") != std::string::npos);
    CHECK(c.session.undoLabel() == "Importer 1 inscription");

    // A file that cannot be read: a message, nothing imported.
    c.app.dropFile((dir / "absent.csv").string());
    c.frame();
    c.frame();
    CHECK(c.etape1().registrations.size() == 1);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("Impossible d'ouvrir") != std::string::npos);

    c.click("doc.emargement");
    c.click("doc.frais");
    CHECK(std::filesystem::exists(data / "documents" / "etape-1-emargement.html"));
    CHECK(std::filesystem::exists(data / "documents" / "etape-1-frais.html"));
    CHECK(std::filesystem::exists(data / "documents" / "etape-1-emargement.pdf"));  // beside the HTML (issue 36)
    CHECK(std::filesystem::exists(data / "documents" / "etape-1-frais.pdf"));
    CHECK(c.app.view<RegistrationsView>().report.find("etape-1-frais.html") != std::string::npos);
}

TEST_CASE("Inscriptions: the day rate of the étape's year is editable") {
    Console c;
    c.show("inscriptions");
    Actions emitted = c.typeInto("day-rate", "162,50");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<SetDayRate>(emitted[0]) == SetDayRate{2020, 16250});
    CHECK(c.session.model().settings.dayRateCents(2020) == 16250);
    CHECK(c.session.model().settings.dayRateCents(2021) == kDefaultDayRateCents);
    emitted = c.typeInto("day-rate", "cent");
    CHECK(emitted.empty());
    CHECK(c.app.state().toasts.back().text.find("n'est pas un montant") != std::string::npos);
}
