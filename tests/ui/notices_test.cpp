// Start-up notices: what the store reports when the app opens (journal entries that could not be replayed) is
// shown in a dialog over the console until the facilitator acknowledges it.
#include <doctest/doctest.h>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

TEST_CASE("Start-up notices: skipped journal entries are shown in a dialog until acknowledged") {
    atelier::ui::test::Console c;
    c.app.state().notices = {
        "Attention : l'entrée 42 du journal (AddTerritory) n'a pas pu être rejouée (Identifiant déjà utilisé) ; "
        "elle est ignorée, tout le reste de la base est ouvert."};
    c.frame();
    c.frame();
    REQUIRE(probe::find("notices.ok"));
    c.click("tab.reseau");  // the dialog is modal: the console underneath takes no click
    CHECK(c.app.state().screen == "console");
    c.click("notices.ok");
    CHECK(c.app.state().notices.empty());
    c.frame();
    c.click("tab.reseau");  // the console takes clicks again
    CHECK(c.app.state().screen == "reseau");
}
