// The console driven as a facilitator would: simulated mouse and keyboard on headless Dear ImGui frames,
// asserting the actions emitted and the model afterwards.
#include <doctest/doctest.h>

#include <imgui.h>
#include <ios>

#include "support/fixtures.h"
#include "ui/harness.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/headless.h"
#include "ui/keys.h"
#include "ui/probe.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;


TEST_CASE("typing a programme title and pressing Enter emits one update, undone by Ctrl+Z") {
    Console c;
    const std::string before = c.etape1().programme[0].title;
    const Actions emitted = c.typeInto("item.0.title", "Accueil café, mot du maire");
    REQUIRE(emitted.size() == 1);
    const auto* update = std::get_if<UpdateProgrammeItem>(&emitted[0]);
    REQUIRE(update);
    CHECK(update->item.title == "Accueil café, mot du maire");
    CHECK(update->item.id == c.etape1().programme[0].id);
    CHECK(c.etape1().programme[0].title == "Accueil café, mot du maire");
    CHECK(c.session.undoLabel() == "Modifier «\u00a0" + before + "\u00a0»");

    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().programme[0].title == before);
    c.ctrlPress(ImGuiKey_Y);
    CHECK(c.etape1().programme[0].title == "Accueil café, mot du maire");
}

TEST_CASE("changing the start time and the duration of an item") {
    Console c;
    Actions emitted = c.typeInto("item.1.start", "10h05");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<UpdateProgrammeItem>(emitted[0]).item.start == 10 * 60 + 5);
    CHECK(c.etape1().programme[1].start == 10 * 60 + 5);

    emitted = c.typeInto("item.1.duration", "50");
    REQUIRE(emitted.size() == 1);
    CHECK(c.etape1().programme[1].duration == 50);
}

TEST_CASE("an impossible time is refused with a message and changes nothing") {
    Console c;
    const Model before = c.session.model();
    const Actions emitted = c.typeInto("item.0.start", "25h00");
    CHECK(emitted.empty());
    CHECK(c.session.model() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().error);
    CHECK(c.app.state().toasts.back().text.find("«\u00a025h00\u00a0» n'est pas une heure") != std::string::npos);
    // The field shows the model's value again.
    c.frame();
    CHECK(c.etape1().programme[0].start == 9 * 60 + 30);
}

TEST_CASE("adding, moving and deleting programme items with the mouse") {
    Console c;
    Actions emitted = c.click("add-item");
    REQUIRE(emitted.size() == 1);
    const auto* add = std::get_if<AddProgrammeItem>(&emitted[0]);
    REQUIRE(add);
    CHECK(add->item.start == 16 * 60);  // after the last item (13h30 + 150 min)
    REQUIRE(c.etape1().programme.size() == 5);
    CHECK(c.etape1().programme.back().title == "Nouvel élément");

    const Id second = c.etape1().programme[1].id;
    emitted = c.click("item.1.up");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<MoveProgrammeItem>(emitted[0]).to == 0);
    CHECK(c.etape1().programme[0].id == second);

    emitted = c.click("item.0.down");
    REQUIRE(emitted.size() == 1);
    CHECK(c.etape1().programme[1].id == second);

    emitted = c.click("item.1.delete");
    REQUIRE(emitted.size() == 1);
    CHECK(std::get<RemoveProgrammeItem>(emitted[0]).item == second);
    CHECK(c.etape1().programme.size() == 4);
    CHECK(indexOf(c.etape1().programme, second) < 0);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("Ctrl+Z pour annuler") != std::string::npos);

    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().programme[1].id == second);
}

TEST_CASE("undo and redo from the Édition menu") {
    Console c;
    c.typeInto("field.theme", "Coopérer entre Cités");
    CHECK(c.etape1().header.theme == "Coopérer entre Cités");
    c.click("menu.edit");
    const Actions none = c.click("menu.undo");
    CHECK(none.empty());
    CHECK(c.etape1().header.theme == "Concertation et intelligence collective dans le travail des Cités éducatives");
    c.click("menu.edit");
    c.click("menu.redo");
    CHECK(c.etape1().header.theme == "Coopérer entre Cités");
}

TEST_CASE("selecting another étape shows its details — a French date is accepted") {
    Console c;
    c.click("etape.2");
    CHECK(c.app.state().selectedEtape == c.session.model().etapeByNumber(2)->id);
    const Actions emitted = c.typeInto("field.date", "09/06/2020");
    REQUIRE(emitted.size() == 1);
    const auto& update = std::get<UpdateEtape>(emitted[0]);
    CHECK(update.id == c.session.model().etapeByNumber(2)->id);
    CHECK(c.session.model().etapeByNumber(2)->header.date == Date{2020, 6, 9});
    CHECK(c.session.model().etapeByNumber(1)->header.date == Date{2020, 2, 11});
}

TEST_CASE("F5 with a single screen shows the projector view in the console — Esc leaves it") {
    Console c;
    c.imgui.keyDown(kKeyF5, true);
    c.frame();
    c.imgui.keyDown(kKeyF5, false);
    c.frame();
    CHECK(c.app.state().projectorInConsole);
    c.press(ImGuiKey_Escape);
    CHECK_FALSE(c.app.state().projectorInConsole);
}

TEST_CASE("fonts render French and the symbols we draw, at every size") {
    sharedAtlas();
    const Fonts& f = fonts();
    const char32_t needed[] = {U'é', U'è', U'à', U'ç', U'œ', U'Œ', U'«', U'»', U'’', U'–', U'…', U'€',
                               U'É', U'ê', U'ô', U'û', U'ï', U'↑', U'↓', U'✕', U'·', U'\u202f', U'\u00a0'};
    for (ImFont* font : {f.body, f.bold, f.heading, f.large, f.largeBold}) {
        REQUIRE(font);
        for (char32_t c : needed) {
            INFO("U+" << std::hex << static_cast<unsigned>(c));
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
    CHECK(f.large->FontSize > f.heading->FontSize);
    CHECK(f.heading->FontSize > f.body->FontSize);
}

TEST_CASE("countdown: F6 starts and pauses, F7 adds a minute, the menu sets the duration, the projector shows it") {
    Console c;
    Countdown& cd = c.app.state().countdown;
    cd.reset(60);
    c.imgui.keyDown(kKeyF6, true);
    c.frame();
    c.imgui.keyDown(kKeyF6, false);
    for (int i = 0; i < 60; ++i) c.frame();  // one second at 60 frames a second
    CHECK(cd.running());
    CHECK(cd.text() == "00:59");
    CHECK(cd.lastMinute());
    c.imgui.keyDown(kKeyF7, true);
    c.frame();
    c.imgui.keyDown(kKeyF7, false);
    c.frame();
    CHECK(cd.text().rfind("01:5", 0) == 0);
    c.click("countdown.toggle");
    CHECK_FALSE(cd.running());
    c.click("countdown.reset");
    CHECK(cd.text() == "01:00");  // back to the duration set, without the added minute
    CHECK_FALSE(cd.active());
}

TEST_CASE("shortcuts follow the keyboard's layout: on AZERTY the key labelled Z undoes, the one labelled W does not") {
    // GLFW names keys by their place on a US keyboard; the platform gives Dear ImGui the letter the key types.
    constexpr int kW = kKeyA + ('w' - 'a'), kZ = kKeyA + ('z' - 'a'), kQ = kKeyA + ('q' - 'a');
    static_assert(layoutKey(kW, "z") == kZ);      // AZERTY: US W's place types z
    static_assert(layoutKey(kZ, "w") == kW);
    static_assert(layoutKey(kQ, "a") == kKeyA);   // Ctrl+A selects all on AZERTY too
    static_assert(layoutKey(kZ, "z") == kZ);      // QWERTY unchanged
    static_assert(layoutKey(59, "m") == kKeyA + ('m' - 'a'));  // US ; types m on AZERTY
    static_assert(layoutKey(kKey0 + 1, "&") == kKey0 + 1);  // digits stay digits (the wall's columns)
    static_assert(layoutKey(kKey0 + 6, "-") == kKey0 + 6);
    static_assert(layoutKey(kKeyF5, nullptr) == kKeyF5);
    static_assert(layoutKey(kKeyPad0 + 1, "1") == kKeyPad0 + 1);
    static_assert(layoutKey(kZ, nullptr) == kZ);
    static_assert(layoutKey(kZ, "zz") == kZ);

    // The AZERTY Ctrl+Z, as the platform passes it on, undoes a change.
    Console c;
    const std::string before = c.etape1().programme[0].title;
    c.typeInto("item.0.title", "Accueil café");
    REQUIRE(c.etape1().programme[0].title == "Accueil café");
    c.imgui.ctrl(true);
    c.imgui.keyDown(layoutKey(kW, "z"), true);
    c.frame();
    c.imgui.keyDown(layoutKey(kW, "z"), false);
    c.imgui.ctrl(false);
    c.frame();
    CHECK(c.etape1().programme[0].title == before);
}
