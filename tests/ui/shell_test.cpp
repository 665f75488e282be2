// The shell's registry of screens: one line per screen, each a console tab or a projector view, found by its
// name; without a data folder the screens offer no document and the shell writes nothing.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

TEST_CASE("Shell: every registered screen has one unique name and is a tab or a projector view, not both") {
    std::set<std::string> names;
    for (const ScreenEntry& e : screenRegistry()) {
        INFO(e.name);
        CHECK(names.insert(e.name).second);
        CHECK(static_cast<bool>(e.draw) != e.projector());
        CHECK(findScreen(e.name) == &e);
        if (e.firstItem) CHECK(e.projector());
    }
    CHECK(findScreen("inconnu") == nullptr);
    Console c;
    CHECK_FALSE(c.app.showScreen("inconnu"));
    for (const ScreenEntry& e : screenRegistry()) {
        REQUIRE(c.app.showScreen(e.name));
        c.frame();
        CHECK((e.projector() ? c.app.state().projector : c.app.state().screen) == e.name);
    }
}

TEST_CASE("Shell: a projector view with nothing to show falls back to the welcome screen, a request projects") {
    Console c;
    c.session = atelier::test::dayOfEtapeSession();  // votes to project
    c.app.state().selectedEtape = c.session.model().etapeByNumber(1)->id;
    c.app.state().projector = "projecteur-carte";  // no card drawn yet
    c.imgui.frame([&] { c.app.drawProjector(c.requests); });
    CHECK(c.app.state().projector == "projecteur-carte");  // the welcome screen is drawn, the choice kept
    c.show("votes");
    c.click("vote.project");
    CHECK(c.app.state().projector == "resultats");
    CHECK(c.app.state().projected["resultats"] != 0);
}

TEST_CASE("Shell: without a data folder no document button is offered and nothing is written") {
    Console c;  // no useFolder()
    c.show("inscriptions");
    c.frame();
    CHECK_FALSE(probe::find("doc.emargement"));
    c.show("archive");
    c.frame();
    CHECK_FALSE(probe::find("archive.save"));
}
