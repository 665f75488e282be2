// Projector view « mur »: an idea board for the room, drawn to scale in any rectangle. Columns share the width,
// cluster titles stand above their cards, cards carry their group's colour, hidden ideas are blank cards, and
// an idea posted in the last seconds is outlined. Places are computed once per change (layoutBoard) and only
// the cards inside the rectangle are drawn, so that thousands of ideas stay smooth. Scroll and zoom are view
// state (WallView).

#include <algorithm>
#include <cfloat>

#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

/// Notes the ideas that appeared since the last change of the session, and when.
void trackNewIdeas(WallView& view, const Board& board, std::uint64_t revision, double now) {
    std::erase_if(view.appeared, [&](const auto& a) { return now - a.second > kNewIdeaHighlight; });
    if (view.revision == revision) return;
    view.revision = revision;
    std::vector<Id> ids;
    ids.reserve(board.ideas.size());
    for (const Idea& i : board.ideas) ids.push_back(i.id);
    std::sort(ids.begin(), ids.end());
    if (view.primed)
        for (Id id : ids)
            if (!std::binary_search(view.known.begin(), view.known.end(), id)) view.appeared.emplace_back(id, now);
    view.known = std::move(ids);
    view.primed = true;
}

}  // namespace

void drawBoardWall(ImDrawList* draw, ImVec2 min, ImVec2 max, const Board& board, WallView& view,
                   std::uint64_t revision, double now) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 40 || height < 40) return;
    trackNewIdeas(view, board, revision, now);
    const Fonts& f = fonts();
    const float u = std::min(height / 1080.0f, width / 1500.0f);
    const float margin = 40.0f * u;
    const float left = min.x + margin, right = max.x - margin;
    float y = min.y + margin * 0.8f;
    draw->AddText(f.largeBold, 46 * u, ImVec2(left, y), kText, board.title.c_str(), nullptr, right - left);
    y += f.largeBold->CalcTextSizeA(46 * u, FLT_MAX, right - left, board.title.c_str()).y + 12 * u;

    const size_t n = board.categories.size();
    if (n == 0) return;
    const float gap = 24.0f * u;
    const float colWidth = (right - left - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    const float size = std::clamp(26.0f * u * view.zoom, 8.0f, 120.0f);
    const float pad = 10.0f * u * view.zoom;
    // Column headers.
    const float headerSize = 32.0f * u;
    for (size_t c = 0; c < n; ++c) {
        const float x = left + static_cast<float>(c) * (colWidth + gap);
        draw->PushClipRect(ImVec2(x, y), ImVec2(x + colWidth, y + headerSize * 1.6f), true);
        draw->AddText(f.largeBold, headerSize, ImVec2(x, y), kAccent, board.categories[c].name.c_str());
        draw->PopClipRect();
        draw->AddRectFilled(ImVec2(x, y + headerSize * 1.25f), ImVec2(x + colWidth, y + headerSize * 1.25f + 4 * u), kRule);
    }
    const float top = y + headerSize * 1.6f;
    const float bottom = max.y - margin * 0.5f;

    const std::string key = std::to_string(revision) + '|' + std::to_string(board.id) + '|' +
                            std::to_string(static_cast<int>(colWidth)) + '|' + std::to_string(static_cast<int>(size * 10));
    if (view.layout.key != key) {
        layoutBoard(view.layout, board, colWidth, f.large, size, pad, [](const Idea&) { return true; }, {}, true, 0);
        view.layout.key = key;
    }
    float tallest = 0;
    for (float h : view.layout.heights) tallest = std::max(tallest, h);
    const float maxScroll = std::max(0.0f, tallest - (bottom - top)) / u;
    view.scroll = std::clamp(view.scroll, 0.0f, maxScroll);
    const float scroll = view.scroll * u;

    const float wrap = std::max(20.0f, colWidth - 2 * pad - 6);
    for (size_t c = 0; c < n && c < view.layout.columns.size(); ++c) {
        const float x = left + static_cast<float>(c) * (colWidth + gap);
        draw->PushClipRect(ImVec2(x, top), ImVec2(x + colWidth, bottom), true);
        const auto& entries = view.layout.columns[c];
        for (size_t i = firstVisible(entries, scroll); i < entries.size() && entries[i].y < scroll + (bottom - top); ++i) {
            const BoardLayout::Entry& en = entries[i];
            const ImVec2 p(x, top + en.y - scroll), q(x + colWidth, top + en.y - scroll + en.height);
            if (en.cluster) {
                const IdeaCluster& cl = board.clusters[en.index];
                draw->AddRectFilled(p, q, kAccentSoft, 6 * u);
                draw->AddText(f.largeBold, size * 0.95f, ImVec2(p.x + pad, p.y + (en.height - size * 0.95f) * 0.5f), kAccent,
                              cl.name.c_str());
                continue;
            }
            const Idea& idea = board.ideas[en.index];
            const ImU32 colour = groupColour(idea.group);
            const ImVec4 cf = ImGui::ColorConvertU32ToFloat4(colour);
            const ImU32 tint = ImGui::ColorConvertFloat4ToU32(
                ImVec4(1 - (1 - cf.x) * 0.16f, 1 - (1 - cf.y) * 0.16f, 1 - (1 - cf.z) * 0.16f, 1));
            draw->AddRectFilled(p, q, idea.hidden ? IM_COL32(235, 235, 235, 255) : tint, 8 * u);
            draw->AddRectFilled(p, ImVec2(p.x + 8 * u, q.y), colour, 8 * u, ImDrawFlags_RoundCornersLeft);
            for (const auto& [id, at] : view.appeared)
                if (id == idea.id) {
                    const float fade = 1.0f - static_cast<float>((now - at) / kNewIdeaHighlight);
                    draw->AddRect(p, q, IM_COL32(230, 140, 0, static_cast<int>(255 * std::clamp(fade, 0.2f, 1.0f))), 8 * u, 0,
                                  6 * u);
                }
            if (idea.hidden) continue;  // a blank card until the facilitator reveals it
            const float tx = p.x + pad + 6 * u;
            float ty = p.y + pad;
            draw->AddText(f.large, size, ImVec2(tx, ty), kText, idea.text.c_str(), nullptr, wrap);
            ty += f.large->CalcTextSizeA(size, FLT_MAX, wrap, idea.text.c_str()).y;
            for (const MergedIdea& part : idea.merged) {
                ty += size * 0.3f;
                draw->AddText(f.large, size * 0.85f, ImVec2(tx, ty), groupColour(part.group), "+");
                draw->AddText(f.large, size * 0.85f, ImVec2(tx + size, ty), kMuted, part.text.c_str(), nullptr, wrap - size);
                ty += f.large->CalcTextSizeA(size * 0.85f, FLT_MAX, wrap - size, part.text.c_str()).y;
            }
            const float fy = q.y - pad - size * 0.8f;
            draw->AddText(f.largeBold, size * 0.8f, ImVec2(tx, fy), colour, idea.group.c_str());
            if (idea.practice) {
                const char* mark = tr(Str::BoardPracticeMark);
                const float w = f.largeBold->CalcTextSizeA(size * 0.8f, FLT_MAX, 0, mark).x;
                draw->AddText(f.largeBold, size * 0.8f, ImVec2(q.x - pad - w, fy), IM_COL32(0, 110, 60, 255), mark);
            }
        }
        draw->PopClipRect();
    }
    if (maxScroll > 0) {  // where the room is in the wall
        const float barTop = top, barHeight = bottom - top;
        const float thumb = std::max(30 * u, barHeight * (bottom - top) / tallest);
        const float at = barTop + (barHeight - thumb) * (view.scroll / maxScroll);
        draw->AddRectFilled(ImVec2(max.x - 14 * u, at), ImVec2(max.x - 6 * u, at + thumb), IM_COL32(0, 62, 140, 120), 4 * u);
    }
}

Id firstBoard(const Etape& etape) { return etape.boards.empty() ? 0 : etape.boards.front().id; }

bool projectWall(WallView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    const Board* board = nullptr;
    for (const Etape& e : ctx.model.etapes)
        if ((board = e.board(ctx.item))) break;
    if (!board) return false;
    if (ctx.input) {  // the wall: wheel and arrows scroll, Ctrl+wheel zooms
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl) view.zoom = std::clamp(view.zoom * (1.0f + 0.1f * io.MouseWheel), 0.5f, 2.5f);
        else view.scroll -= io.MouseWheel * 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) view.scroll += 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) view.scroll -= 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) view.scroll += 600.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) view.scroll -= 600.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) view.scroll = 0.0f;
    }
    drawBoardWall(draw, min, max, *board, view, ctx.revision, ctx.time);
    return true;
}

}  // namespace atelier::ui
