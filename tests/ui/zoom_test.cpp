// The console's size on every laptop screen (issue 30 point 2): the screen's scale and the zoom make one scale, the
// fonts are baked again at it (sharp), every console length follows it (em), Ctrl+= / Ctrl+− / Ctrl+0 zoom from
// 75 % to 250 %, remembered with the window places. The overflow test draws every tab at 100, 150 and 200 %.
#include <doctest/doctest.h>

#include <imgui.h>

#include "harness.h"
#include "ui/fonts.h"
#include "ui/keys.h"
#include "ui/placement.h"
#include "ui/scale.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// Puts the console back at 100 % when a test ends (the atlas is shared by every test of the binary).
struct RestoreScale {
    ~RestoreScale() { setConsoleScale(1.0f); }
};

/// Ctrl + the key `key` (an io.KeysDown index), one frame down, one up.
void ctrlKey(Console& c, int key) {
    c.imgui.ctrl(true);
    c.imgui.keyDown(key, true);
    c.frame();
    c.imgui.keyDown(key, false);
    c.frame();
    c.imgui.ctrl(false);
    c.frame();
}

}  // namespace

TEST_CASE("Zoom: steps from 75 % to 250 %, and one scale from the screen's and the zoom") {
    CHECK(zoomIn(100) == 110);
    CHECK(zoomIn(125) == 150);
    CHECK(zoomIn(250) == 250);  // the largest stays
    CHECK(zoomOut(100) == 90);
    CHECK(zoomOut(75) == 75);   // the smallest stays
    CHECK(zoomOut(130) == 125);  // from between two steps: the one below
    CHECK(zoomStep(130) == 125);  // a value edited by hand: the nearest step
    CHECK(zoomStep(1000) == 250);
    int steps = 0;
    for (int z = 75; z < 250; z = zoomIn(z)) ++steps;
    CHECK(steps == 8);

    CHECK(consoleScale(1.0f, 100) == 1.0f);
    CHECK(consoleScale(1.5f, 100) == 1.5f);   // Windows at 150 %, or Xft.dpi 144
    CHECK(consoleScale(1.25f, 200) == 2.5f);  // both multiply
    CHECK(consoleScale(1.0417f, 100) == 1.05f);  // rounded to 1/20: no new fonts for a hair
    CHECK(consoleScale(0.0f, 100) == 1.0f);      // a scale the system does not know
    CHECK(consoleScale(4.0f, 250) == 5.0f);      // bounded
}

TEST_CASE("Zoom: the fonts are baked again at the scale, and lengths in em follow them") {
    RestoreScale restore;
    REQUIRE(setConsoleScale(1.0f) == false);  // already there: nothing baked
    CHECK(em(1.0f) == doctest::Approx(kBodySize));
    CHECK(setConsoleScale(1.5f));
    CHECK(consoleFontScale() == 1.5f);
    CHECK(fonts().body->FontSize == doctest::Approx(27.0f));     // baked at 27 px, not stretched from 18
    CHECK(fonts().heading->FontSize == doctest::Approx(36.0f));
    CHECK(fonts().large->FontSize == doctest::Approx(kLargeSize));  // the projector's own size does not move
    CHECK(em(10.0f) == doctest::Approx(270.0f));
    CHECK_FALSE(setConsoleScale(1.5f));
    Headless imgui(1920, 1200);  // a context made now has the theme at the scale
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(12.0f));
    CHECK(ImGui::GetStyle().ItemSpacing.y == doctest::Approx(10.0f));  // 7 × 1.5, floored by Dear ImGui
    int drawn = 0;
    imgui.frame([&] {
        ImGui::Begin("##t");
        CHECK(ImGui::GetFontSize() == doctest::Approx(27.0f));
        ImGui::TextUnformatted("Étape 3 · Valenciennes-Anzin");
        ++drawn;
        ImGui::End();
    });
    CHECK(drawn == 1);
}

TEST_CASE("Zoom: Ctrl+= and Ctrl+− change the console's zoom, Ctrl+0 puts it back, also while typing") {
    Console c;
    REQUIRE(c.app.state().zoom == 100);
    ctrlKey(c, kKeyEqual);
    CHECK(c.app.state().zoom == 110);
    ctrlKey(c, kKeyPadAdd);
    CHECK(c.app.state().zoom == 125);
    ctrlKey(c, kKeyMinus);
    CHECK(c.app.state().zoom == 110);
    ctrlKey(c, kKeyPadSubtract);
    CHECK(c.app.state().zoom == 100);
    ctrlKey(c, kKeyMinus);
    ctrlKey(c, kKeyMinus);
    ctrlKey(c, kKeyMinus);
    CHECK(c.app.state().zoom == 75);  // the smallest step stays
    ctrlKey(c, kKey0);
    CHECK(c.app.state().zoom == 100);
    // Without Ctrl, = is a character like any other.
    c.imgui.keyDown(kKeyEqual, true);
    c.frame();
    c.imgui.keyDown(kKeyEqual, false);
    c.frame();
    CHECK(c.app.state().zoom == 100);
    // While a field is being typed into: the zoom still answers, and the text typed stays.
    c.click("item.0.title");
    c.imgui.type("Accueil");
    c.frame();
    REQUIRE(ImGui::GetIO().WantTextInput);
    ctrlKey(c, kKeyEqual);
    CHECK(c.app.state().zoom == 110);
    CHECK(ImGui::GetIO().WantTextInput);
}

TEST_CASE("Zoom: Ctrl+− is the key that types « - » on the user's layout, and a key is released as it was pressed") {
    // AZERTY: « - » is on the 6 key, « = » where US has it; with Ctrl they are the zoom's keys.
    static_assert(layoutKey(kKey0 + 6, "-", true) == kKeyMinus);
    static_assert(layoutKey(kKey0 + 6, "-", false) == kKey0 + 6);  // without Ctrl: the wall's column 6
    static_assert(layoutKey(kKeyEqual, "=", true) == kKeyEqual);
    static_assert(layoutKey(kKeyMinus, "+", true) == kKeyEqual);  // a layout whose + is alone on a key
    static_assert(layoutKey(kKeyPadAdd, "+", true) == kKeyPadAdd);  // the keypad is the keypad
    CHECK(layoutKey(kKeyA + ('w' - 'a'), "z", true) == kKeyA + ('z' - 'a'));  // letters as before
}

TEST_CASE("Zoom: remembered with the window places, per computer") {
    WindowPlacement p;
    p.zoom = 150;
    CHECK(formatPlacement(p).find("zoom 150\n") != std::string::npos);
    CHECK(parsePlacement(formatPlacement(p)) == p);
    CHECK(formatPlacement(WindowPlacement{}).find("zoom") == std::string::npos);  // 100 %: nothing written
    CHECK(parsePlacement("zoom 130\n").zoom == 125);  // edited by hand: the nearest step
    CHECK(parsePlacement("zoom 9000\n").zoom == 100);  // out of range: ignored
    CHECK(parsePlacement("zoom beaucoup\n").zoom == 100);
}

TEST_CASE("Zoom: with Ctrl held, the wall projected in the console does not zoom itself") {
    Console c;
    REQUIRE(c.session.apply(AddBoard{c.etape1().id, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}}));
    c.app.state().projector = "mur";
    c.app.state().projected["mur"] = c.etape1().boards.front().id;
    c.app.state().projectorInConsole = true;
    c.frame();
    const float wall = c.app.view<WallView>().zoom;
    ctrlKey(c, kKeyEqual);
    CHECK(c.app.state().zoom == 110);
    CHECK(c.app.view<WallView>().zoom == wall);
    c.imgui.keyDown(kKeyEqual, true);  // without Ctrl: the wall's own zoom
    c.frame();
    c.imgui.keyDown(kKeyEqual, false);
    c.frame();
    CHECK(c.app.view<WallView>().zoom > wall);
    CHECK(c.app.state().zoom == 110);
}
