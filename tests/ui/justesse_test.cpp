// Issue 29 (Justesse): what the room is shown is true, what is typed is kept, what is undone is seen. The gestures,
// driven through headless frames as a facilitator would.
#include <doctest/doctest.h>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

// [SECTION] Point 1: closing keeps the edit

TEST_CASE("Justesse: closing the window (or SIGTERM) with a field being edited keeps the edit, then the loop ends") {
    Console c;
    c.show("console");
    const std::string before = c.etape1().header.theme;
    c.click("field.theme");
    c.selectAll();
    c.imgui.type("Un thème tapé juste avant de fermer");
    c.frame();
    REQUIRE(c.etape1().header.theme == before);  // still being edited: nothing saved yet
    CHECK_FALSE(c.app.readyToClose());

    // The platform's loop, on the close button, Alt+F4 or a signal: ask, then draw frames until ready.
    c.app.requestClose();
    int frames = 0;
    while (!c.app.readyToClose() && frames < 10) {
        c.frame();
        ++frames;
    }
    CHECK(c.app.readyToClose());
    CHECK(frames <= 3);
    CHECK(c.etape1().header.theme == "Un thème tapé juste avant de fermer");
    // One edit, one undo step, as when the field is left with a click.
    c.session.undo();
    CHECK(c.etape1().header.theme == before);
}

TEST_CASE("Justesse: Fichier → Quitter closes through the same path (the edit is kept, the loop ends)") {
    Console c;
    c.click("menu.file");
    c.click("menu.quit");
    CHECK(c.app.state().quitRequested);
    c.frame();
    c.frame();
    CHECK(c.app.readyToClose());
}
