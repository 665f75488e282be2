// A console driven like a facilitator would: the app on the fixture Tour in a 1280×800 headless Dear ImGui
// context, with probes recorded, and helpers to click, press keys and type.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <imgui.h>
#include <string>

#include "store/data_folder.h"
#include "support/cli.h"
#include "support/fixtures.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/probe.h"

namespace atelier::ui::test {

/// An app on the fixture Tour, in a 1280×800 headless console, recording probes.
struct Console {
    Session session = atelier::test::tourSession();
    Headless imgui{1280, 800};
    App app{session};
    Actions actions;
    UiRequests requests;
    Actions lastActions;  // what the last frame emitted, before apply()
    std::unique_ptr<atelier::test::TempDir> temp;    // the data folder's parent, removed at the end
    std::unique_ptr<store::DataFolder> folder;        // documents and archive, once useFolder() was called

    /// Gives the app a data folder in a new temporary folder (documents, archive, search index); returns it.
    const std::filesystem::path& useFolder() {
        temp = std::make_unique<atelier::test::TempDir>("atelier-ui");
        std::filesystem::create_directories(temp->path / "data");
        folder = std::make_unique<store::DataFolder>(temp->path / "data");
        app.setFolder(folder.get());
        return folder->dir();
    }

    Console() {
        app.setParticipationAddress("127.0.0.1", 0);  // « Ouvrir la participation » stays on loopback in tests
        probe::enable(true);
        frame();
        frame();
    }
    ~Console() { probe::enable(false); }

    /// What one frame draws: the console, then the shell applies what it emitted.
    std::function<void()> draw() {
        return [this] {
            app.drawConsole(actions, requests);
        };
    }
    void settle() {
        if (!actions.empty()) lastActions = actions;
        app.apply(actions, requests);
        requests = UiRequests{};
    }
    void frame() {
        imgui.frame(draw());
        settle();
    }
    ImVec2 center(const std::string& key) {
        const auto rect = probe::find(key);
        INFO("no widget marked " << key);
        REQUIRE(rect);
        return rect->GetCenter();
    }
    /// Clicks the widget marked `key`; returns the actions the click emitted.
    Actions click(const std::string& key) {
        frame();  // the probes of a frame drawn after the last change
        const ImVec2 at = center(key);
        lastActions.clear();
        imgui.moveMouse(at);
        frame();
        imgui.mouseDown(true);
        frame();
        imgui.mouseDown(false);
        frame();
        return lastActions;
    }
    void press(ImGuiKey key) {
        lastActions.clear();
        imgui.keyDown(keyIndex(key), true);
        frame();
        imgui.keyDown(keyIndex(key), false);
        frame();
    }
    void ctrlPress(ImGuiKey key) {
        imgui.ctrl(true);
        press(key);
        imgui.ctrl(false);
        frame();
    }
    /// Ctrl+A in the focused field.
    void selectAll() {
        imgui.ctrl(true);
        imgui.keyDown(keyIndex(ImGuiKey_A), true);
        frame();
        imgui.keyDown(keyIndex(ImGuiKey_A), false);
        imgui.ctrl(false);
        frame();
    }
    /// Clicks into a text field, selects all, types `text` and presses Enter; returns the actions emitted.
    Actions typeInto(const std::string& key, const std::string& text) {
        click(key);
        selectAll();
        imgui.type(text);
        frame();
        CHECK(lastActions.empty());  // nothing is emitted while typing
        press(ImGuiKey_Enter);
        return lastActions;
    }
    const Etape& etape1() const { return *session.model().etapeByNumber(1); }
    /// Opens the console screen registered as `name` (its tab), two frames to settle.
    void show(const std::string& name) {
        REQUIRE(app.showScreen(name));
        frame();
        frame();
        frame();
    }
    /// Types `text` into the focused field and presses Enter.
    void typeAndEnter(const std::string& text) {
        imgui.type(text);
        frame();
        press(ImGuiKey_Enter);
    }
};


}  // namespace atelier::ui::test
