// The countdown's place is reserved on every projector view (issue 11 point 2): measured from what each view
// draws, not by eye. Every projector screen of the registry is drawn on the fixture day at 1920×1080 and 1280×720
// with the countdown running; no glyph of the view may fall inside the countdown's box.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "support/fixtures.h"
#include "ui/app.h"
#include "ui/headless.h"

using namespace atelier;
using namespace atelier::ui;

namespace {

/// Glyph vertices (textured: not the atlas' white pixel) the view drew inside `box`.
int glyphsInside(const ImDrawList& list, int vertices, const ImRect& box) {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    ImRect inner = box;
    inner.Expand(-1.0f);
    int inside = 0;
    for (int i = 0; i < vertices && i < list.VtxBuffer.Size; ++i) {
        const ImDrawVert& v = list.VtxBuffer[i];
        if (v.uv.x == white.x && v.uv.y == white.y) continue;  // a filled shape, not text
        if (inner.Contains(v.pos)) ++inside;
    }
    return inside;
}

}  // namespace

TEST_CASE("Projecteur: the countdown never covers a view's text, on every projector screen at both sizes") {
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        Session session = atelier::test::dayOfEtapeSession();
        // Long titles, as rooms write them: they run across the whole width, up to the countdown's corner.
        const Etape& e1 = *session.model().etapeByNumber(1);
        const std::string question = "Comment associer durablement les familles les plus éloignées de l'école aux "
                                     "projets des Cités éducatives, du collège jusqu'aux centres sociaux du quartier ?";
        for (const Board& b : e1.boards) REQUIRE(session.apply(RenameBoard{e1.id, b.id, question}).ok);
        for (const Vote& v : e1.votes) {
            VoteSetup setup = v.setup;
            setup.question = question;
            REQUIRE(session.apply(UpdateVote{e1.id, v.id, setup}).ok);
        }
        Headless imgui(size.x, size.y);
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;  // lines drawn untextured: only glyphs are textured
        App app(session);
        app.setParticipationAddress("127.0.0.1", 0);
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        app.state().countdown.reset(300);
        app.state().countdown.start();
        int screens = 0;
        for (const ScreenEntry& entry : screenRegistry()) {
            if (!entry.projector()) continue;
            REQUIRE(app.showScreen(entry.name));
            UiRequests requests;
            for (int f = 0; f < 3; ++f) imgui.frame([&] { app.drawProjector(requests); });
            const ImGuiWindow* window = ImGui::FindWindowByName("##projector");
            REQUIRE(window);
            const AppState::AudienceLayout& layout = app.state().audienceLayout;
            REQUIRE(layout.countdown.GetWidth() > 0);
            INFO(std::string(entry.name) << " at " << size.x << "×" << size.y << ": " << layout.viewVertices << " vertices, "
                            << glyphsInside(*window->DrawList, layout.viewVertices, ImRect(0, 0, size.x, size.y))
                            << " of text; countdown " << layout.countdown.Min.x << "," << layout.countdown.Min.y << " – "
                            << layout.countdown.Max.x << "," << layout.countdown.Max.y);
            CHECK(glyphsInside(*window->DrawList, layout.viewVertices, ImRect(0, 0, size.x, size.y)) > 0);
            CHECK(glyphsInside(*window->DrawList, layout.viewVertices, layout.countdown) == 0);
            ++screens;
        }
        CHECK(screens >= 8);
    }
}

TEST_CASE("Projecteur: without the countdown there is nothing to reserve") {
    Session session = atelier::test::dayOfEtapeSession();
    Headless imgui(1920, 1080);
    App app(session);
    UiRequests requests;
    imgui.frame([&] { app.drawProjector(requests); });
    CHECK(app.state().audienceLayout.countdown.GetWidth() == 0);
}
