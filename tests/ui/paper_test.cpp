// What a countdown's tick costs to draw (issue 30): software OpenGL pays every pixel filled on the CPU, so the two
// windows fill their background once, by the clear: the console's window has no background of its own, and on the
// projector's window (cleared to the room's paper) the view's own paper fill is collapsed to nothing. The preview
// in the console keeps its fill (drawn on the console's grey).
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "harness.h"
#include "ui/theme.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// Whether `list` fills the whole of [0, size] with the room's paper (a quad of four vertices at its corners).
bool fillsWithPaper(const ImDrawList* list, ImVec2 size) {
    const ImVector<ImDrawVert>& v = list->VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i)
        if (v[i].col == projector::kBackground && v[i].pos.x <= 0.5f && v[i].pos.y <= 0.5f &&
            v[i + 2].pos.x >= size.x - 0.5f && v[i + 2].pos.y >= size.y - 0.5f)
            return true;
    return false;
}

}  // namespace

TEST_CASE("Dessin: the projector's window draws the room's paper once (its clear), the console's window no background") {
    Console c;
    UiRequests requests;
    c.imgui.frame([&] { c.app.drawProjector(requests); });
    c.imgui.frame([&] { c.app.drawProjector(requests); });
    const ImGuiWindow* projectorWindow = ImGui::FindWindowByName("##projector");
    REQUIRE(projectorWindow);
    CHECK((projectorWindow->Flags & ImGuiWindowFlags_NoBackground) != 0);
    CHECK_FALSE(fillsWithPaper(projectorWindow->DrawList, ImVec2(1280, 800)));
    CHECK(projectorWindow->DrawList->VtxBuffer.Size > 100);  // the welcome view itself is drawn

    c.frame();
    const ImGuiWindow* console = ImGui::FindWindowByName("##console");
    REQUIRE(console);
    CHECK((console->Flags & ImGuiWindowFlags_NoBackground) != 0);

    // Single screen (F5 without a second monitor): the view over the console's grey keeps its paper.
    c.app.state().projectorInConsole = true;
    c.frame();
    c.frame();
    const ImGuiWindow* inConsole = ImGui::FindWindowByName("##projector-in-console");
    REQUIRE(inConsole);
    CHECK(fillsWithPaper(inConsole->DrawList, ImVec2(1280, 800)));
}
