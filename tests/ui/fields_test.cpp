// Leaving a text field keeps what was typed, whichever way the field is left: Enter, Tab (to the next field) or a
// click elsewhere. Tab used to drop the edit silently (the field's draft was reset before its deactivation was
// seen).
#include <doctest/doctest.h>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// Types `text` into the field marked `key` (replacing its text), then leaves it with `leave`.
Actions editAndLeave(Console& c, const std::string& key, const std::string& text, const std::function<void()>& leave) {
    c.click(key);
    c.selectAll();
    c.imgui.type(text);
    c.frame();
    Actions all;
    c.lastActions.clear();
    leave();
    for (int i = 0; i < 3; ++i) {  // what the leaving frames emitted, whatever frame it came in
        for (const Action& a : c.lastActions) all.push_back(a);
        c.lastActions.clear();
        c.frame();
    }
    return all;
}

}  // namespace

TEST_CASE("Fields: the étape's place is kept when the field is left with Tab, Enter or a click elsewhere") {
    Console c;
    c.show("console");
    const std::string before = c.etape1().header.venue;

    Actions emitted = editAndLeave(c, "field.venue", "Salle Tab", [&] { c.press(ImGuiKey_Tab); });
    CHECK(c.etape1().header.venue == "Salle Tab");
    CHECK(emitted.size() == 1);

    emitted = editAndLeave(c, "field.venue", "Salle Entrée", [&] { c.press(ImGuiKey_Enter); });
    CHECK(c.etape1().header.venue == "Salle Entrée");

    emitted = editAndLeave(c, "field.venue", "Salle clic", [&] { c.click("field.theme"); });
    CHECK(c.etape1().header.venue == "Salle clic");

    // Tab from the theme: its edit is kept and the next field (the place) starts from the saved text.
    emitted = editAndLeave(c, "field.theme", "Un thème tabulé", [&] { c.press(ImGuiKey_Tab); });
    CHECK(c.etape1().header.theme == "Un thème tabulé");
    CHECK(c.etape1().header.venue == "Salle clic");
    c.session.undo();
    CHECK(c.etape1().header.theme != "Un thème tabulé");
    CHECK(before != "Salle clic");
}
