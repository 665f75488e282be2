// Réseau shows and edits each person's structure and function as typed (issue 11 point 8), beside the
// institution and the role, and its search finds people by them.
#include <doctest/doctest.h>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

TEST_CASE("Réseau: structure and function are edited as typed, one undoable step each, and searched") {
    Console c;
    REQUIRE(c.session.apply(AddPerson{Person{0, "Hugo Bernard", "", std::nullopt, Institution::Autre, Role::Autre,
                                             "CAF du Nord", "Conseiller technique"}})
                .ok);
    c.show("reseau");
    REQUIRE(probe::find("person.0.structure"));
    REQUIRE(probe::find("person.0.function"));

    // Nadia Benali (row 0): her structure and function typed in place.
    Actions emitted = c.typeInto("person.0.structure", "Mairie d'Amiens");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<UpdatePerson>(emitted[0]).person.structure == "Mairie d'Amiens");
    emitted = c.typeInto("person.0.function", "Chargée de mission");
    REQUIRE(emitted.size() == 1);
    const Person& nadia = c.session.model().people.front();
    CHECK(nadia.structure == "Mairie d'Amiens");
    CHECK(nadia.function == "Chargée de mission");
    CHECK(nadia.institution == Institution::Collectivite);  // the category stays beside them
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.session.model().people.front().function.empty());
    CHECK(c.session.model().people.front().structure == "Mairie d'Amiens");

    // The search finds a person by structure, accents and case ignored.
    c.click("search");
    c.imgui.type("caf du NORD");
    c.frame();
    probe::enable(true);  // forget the rectangles of rows now filtered out
    c.frame();
    c.frame();
    REQUIRE(probe::find("person.0.name"));
    CHECK_FALSE(probe::find("person.1.name"));  // Nadia filtered out
    emitted = c.typeInto("person.0.function", "Conseiller");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<UpdatePerson>(emitted[0]).person.name == "Hugo Bernard");
}
