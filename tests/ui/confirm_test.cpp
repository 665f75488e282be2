// Destructive buttons (issue 11 point 12): deleting a board, a vote, a territory, a registration, a person or an
// étape asks first in a popup beside the button; « Annuler » and Échap change nothing; once confirmed, Ctrl+Z
// still brings it back. The board's and the vote's delete buttons sit away from the frequent ones.
#include <doctest/doctest.h>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

namespace {

struct DayConsole : atelier::ui::test::Console {
    explicit DayConsole(const std::string& screen) {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        show(screen);
    }
};

/// Whether the widget marked `key` was drawn in the last frame.
bool shown(const std::string& key) {
    for (const auto& [k, rect] : probe::lastFrame())
        if (k == key) return true;
    return false;
}

}  // namespace

TEST_CASE("Idées: « Supprimer le tableau » asks first, sits away from « Projeter le mur », and stays undoable") {
    DayConsole c("idees");
    const size_t boards = c.etape1().boards.size();
    REQUIRE(boards > 0);
    // Far from the projection button: a hurried click on one cannot land on the other.
    c.frame();
    const auto project = probe::find("idees.project");
    const auto remove = probe::find("idees.delete-board");
    REQUIRE(project);
    REQUIRE(remove);
    CHECK((remove->Min.x - project->Max.x > 150.0f || remove->Min.y > project->Max.y));

    CHECK(c.click("idees.delete-board").empty());
    CHECK(c.etape1().boards.size() == boards);
    REQUIRE(shown("confirm.yes"));
    c.click("confirm.no");
    c.frame();
    CHECK(c.etape1().boards.size() == boards);
    CHECK_FALSE(shown("confirm.yes"));

    c.click("idees.delete-board");
    c.press(ImGuiKey_Escape);
    CHECK(c.etape1().boards.size() == boards);
    CHECK_FALSE(shown("confirm.yes"));

    c.click("idees.delete-board");
    const Actions emitted = c.click("confirm.yes");
    REQUIRE(emitted.size() == 1);
    CHECK(std::holds_alternative<RemoveBoard>(emitted[0]));
    CHECK(c.etape1().boards.size() == boards - 1);
    REQUIRE(c.session.undo().ok);
    CHECK(c.etape1().boards.size() == boards);
}

TEST_CASE("Votes: « Supprimer le vote » asks first, then removes it") {
    DayConsole c("votes");
    const size_t votes = c.etape1().votes.size();
    CHECK(c.click("vote.delete").empty());
    CHECK(c.etape1().votes.size() == votes);
    c.click("confirm.yes");
    CHECK(c.etape1().votes.size() == votes - 1);
}

TEST_CASE("Inscriptions, Réseau, Calendrier: the ✕ of a registration, a person, an étape asks first") {
    SUBCASE("a registration") {
        DayConsole c("inscriptions");
        const size_t before = c.etape1().registrations.size();
        CHECK(c.click("registration.0.delete").empty());
        CHECK(c.etape1().registrations.size() == before);
        c.click("confirm.yes");
        CHECK(c.etape1().registrations.size() == before - 1);
    }
    SUBCASE("an étape") {
        DayConsole c("calendrier");
        const size_t before = c.session.model().etapes.size();
        CHECK(c.click("delete-etape").empty());
        CHECK(c.session.model().etapes.size() == before);
        c.click("confirm.no");
        CHECK(c.session.model().etapes.size() == before);
    }
}
