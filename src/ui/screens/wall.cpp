// Projector view « mur »: an idea board for the room, drawn to scale in any rectangle. Columns share the width,
// cluster titles stand above their cards, cards carry their group's colour, hidden ideas are blank cards, and
// an idea posted in the last seconds is outlined. Places are computed once per change (layoutBoard) and only
// the cards inside the rectangle are drawn, so that thousands of ideas stay smooth. Scroll and zoom are view
// state (WallView).

#include <algorithm>
#include <cfloat>
#include <iterator>
#include <unordered_map>

#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/keys.h"
#include "ui/text_fit.h"
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
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());  // ideas come in id order
    if (view.primed) {
        std::vector<Id> added;
        std::set_difference(ids.begin(), ids.end(), view.known.begin(), view.known.end(), std::back_inserter(added));
        for (Id id : added) view.appeared.emplace_back(id, now);
    }
    view.known = std::move(ids);
    view.primed = true;
}

/// How a group's card reads on the wall: its colour (the edge), the pale tint of the card, and the colours its name
/// and the practice mark are written in on that tint (darkened to 4.5:1). Computed once per colour of the palette,
/// not for every card of every frame.
struct CardInk {
    ImU32 tint, label, practice;
};
const CardInk& cardInk(ImU32 colour) {
    static std::unordered_map<ImU32, CardInk> inks;
    const auto it = inks.find(colour);
    if (it != inks.end()) return it->second;
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    const ImU32 tint =
        ImGui::ColorConvertFloat4ToU32(ImVec4(1 - (1 - c.x) * 0.16f, 1 - (1 - c.y) * 0.16f, 1 - (1 - c.z) * 0.16f, 1));
    return inks[colour] = CardInk{tint, darkenForContrast(colour, tint, 4.5),
                                  darkenForContrast(IM_COL32(0, 110, 60, 255), tint, 4.5)};
}

/// Lays the wall out at `size` pixels: every column, or the focused one flowing through `sub` sub-columns (cut
/// between cards where each holds about the same height). Returns the tallest column.
float layoutWall(WallView& view, const Board& board, float colWidth, float size, float pad, int sub) {
    const Fonts& f = fonts();
    if (view.focus < 0) {
        layoutBoard(view.layout, board, colWidth, f.large, size, pad, [](const Idea&) { return true; }, {}, true, 0);
    } else {
        const size_t c = static_cast<size_t>(view.focus);
        const Id category = board.categories[c].id;
        layoutBoard(view.layout, board, colWidth, f.large, size, pad,
                    [category](const Idea& i) { return i.category == category; }, {}, true, 0);
        std::vector<BoardLayout::Entry> entries = std::move(view.layout.columns[c]);
        const float target = view.layout.heights[c] / static_cast<float>(sub);
        const float gap = size * 0.45f;
        view.layout.columns.assign(static_cast<size_t>(sub), {});
        view.layout.heights.assign(static_cast<size_t>(sub), 0.0f);
        size_t at = 0;
        for (BoardLayout::Entry& e : entries) {
            if (at + 1 < static_cast<size_t>(sub) && !view.layout.columns[at].empty() &&
                view.layout.heights[at] + e.height > target + gap)
                ++at;
            e.y = view.layout.heights[at];
            view.layout.heights[at] += e.height + gap;
            view.layout.columns[at].push_back(e);
        }
    }
    float tallest = 0;
    for (float h : view.layout.heights) tallest = std::max(tallest, h);
    return tallest;
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
    const float u = std::min(audienceUnit(min, max), width / 1500.0f);
    const float margin = 40.0f * u;
    const float left = min.x + margin, right = max.x - margin;
    const ImRect room(min, max);
    float y = min.y + margin * 0.8f;
    // The question, as large as a sixth of the height allows.
    const float titleSize = fitSize(f.largeBold, board.title, right - left, height / 6.0f, 46 * u, 24 * u, true);
    y += fitText(draw, f.largeBold, titleSize, ImVec2(left, y), kText, kBackground, board.title, room, right - left).y +
         12 * u;

    const size_t n = board.categories.size();
    if (n == 0) return;
    if (view.focus >= static_cast<int>(n)) view.focus = -1;
    // Focused: one column across the screen in sub-columns about 560 units wide.
    const int sub = view.focus < 0 ? 1 : std::clamp(static_cast<int>((right - left) / (560.0f * u)), 1, 4);
    const size_t cols = view.focus < 0 ? n : static_cast<size_t>(sub);
    const float gap = 24.0f * u;
    const float colWidth = (right - left - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    // Column headers: every column's name, or the focused one's across the width; as large as the widest fits, in
    // proportion to the ideas' text (the size fitted at the last change).
    const float headerSize = std::clamp(view.fitted * view.zoom * 0.75f, 32.0f, 48.0f) * u;
    auto header = [&](const std::string& name, float x, float w) {
        const float size = fitSize(f.largeBold, name, w, headerSize * 1.2f, headerSize, 12 * u, false);
        fitText(draw, f.largeBold, size, ImVec2(x, y + (headerSize - size)), kAccent, kBackground, name,
                ImRect(ImVec2(x, y), ImVec2(x + w, y + headerSize * 1.25f)), 0, TextRole::Label);
        draw->AddRectFilled(ImVec2(x, y + headerSize * 1.25f), ImVec2(x + w, y + headerSize * 1.25f + 4 * u), kRule);
    };
    if (view.focus < 0)
        for (size_t c = 0; c < n; ++c) header(board.categories[c].name, left + static_cast<float>(c) * (colWidth + gap), colWidth);
    else
        header(board.categories[static_cast<size_t>(view.focus)].name, left, right - left);
    const float top = y + headerSize * 1.6f;
    const float bottom = max.y - margin * 0.5f;

    // The text size: the largest that shows every idea without scrolling, between kWallSmallest and kWallLargest
    // units (kept from the last change, so that one new idea costs one layout), times the facilitator's zoom.
    const std::string key = std::to_string(revision) + '|' + std::to_string(board.id) + '|' +
                            std::to_string(static_cast<int>(colWidth)) + '|' + std::to_string(static_cast<int>(bottom - top)) +
                            '|' + std::to_string(view.focus) + '|' + std::to_string(static_cast<int>(view.zoom * 100));
    auto padFor = [&](float units) { return 10.0f * u * std::max(1.0f, units / 30.0f); };
    if (view.layout.key != key) {
        const float available = bottom - top;
        float fitted = std::clamp(view.fitted, kWallSmallest, kWallLargest);
        auto layoutAt = [&](float units) {
            const float size = std::clamp(units * u * view.zoom, 8.0f, 160.0f);
            return layoutWall(view, board, colWidth, size, padFor(units * view.zoom), sub);
        };
        float tallest = layoutAt(fitted);
        if (view.zoom == 1.0f) {
            while (tallest > available && fitted > kWallSmallest) {  // shrink until it fits
                fitted = std::max(kWallSmallest, fitted * 0.9f);
                tallest = layoutAt(fitted);
            }
            for (int step = 0; step < 8 && tallest < available * 0.8f && fitted < kWallLargest; ++step) {  // grow
                const float larger = std::min(kWallLargest, fitted * 1.1f);
                if (layoutAt(larger) > available) {
                    tallest = layoutAt(fitted);
                    break;
                }
                fitted = larger;
                tallest = layoutAt(fitted);
            }
            view.fitted = fitted;
        }
        view.layout.key = key;
    }
    const float size = std::clamp(view.fitted * u * view.zoom, 8.0f, 160.0f);
    const float pad = padFor(view.fitted * view.zoom);
    float tallest = 0;
    for (float h : view.layout.heights) tallest = std::max(tallest, h);
    const float maxScroll = std::max(0.0f, tallest - (bottom - top)) / u;
    view.scroll = std::clamp(view.scroll, 0.0f, maxScroll);
    const float scroll = view.scroll * u;

    const float wrap = std::max(20.0f, colWidth - 2 * pad - 6);
    for (size_t c = 0; c < cols && c < view.layout.columns.size(); ++c) {
        const float x = left + static_cast<float>(c) * (colWidth + gap);
        draw->PushClipRect(ImVec2(x, top), ImVec2(x + colWidth, bottom), true);
        const auto& entries = view.layout.columns[c];
        for (size_t i = firstVisible(entries, scroll); i < entries.size() && entries[i].y < scroll + (bottom - top); ++i) {
            const BoardLayout::Entry& en = entries[i];
            const ImVec2 p(x, top + en.y - scroll), q(x + colWidth, top + en.y - scroll + en.height);
            const ImRect card(p, q);
            if (en.cluster) {
                const IdeaCluster& cl = board.clusters[en.index];
                draw->AddRectFilled(p, q, kAccentSoft, 6 * u);
                fitText(draw, f.largeBold, size * 0.95f, ImVec2(p.x + pad, p.y + (en.height - size * 0.95f) * 0.5f), kAccent,
                        kAccentSoft, cl.name, card, wrap, TextRole::Label);
                continue;
            }
            const Idea& idea = board.ideas[en.index];
            const ImU32 colour = groupColour(idea.group);
            const CardInk& ink = cardInk(colour);
            const ImU32 tint = ink.tint;
            const ImU32 paper = idea.hidden ? IM_COL32(235, 235, 235, 255) : tint;
            draw->AddRectFilled(p, q, paper, 8 * u);
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
            ty += fitText(draw, f.large, size, ImVec2(tx, ty), kText, tint, idea.text, card, wrap).y;
            for (const MergedIdea& part : idea.merged) {  // an absorbed idea: its group's « + » and its text
                ty += size * 0.3f;
                fitText(draw, f.largeBold, size * 0.9f, ImVec2(tx, ty), cardInk(groupColour(part.group)).label, tint, "+",
                        card, 0, TextRole::Label);
                ty += fitText(draw, f.large, size * 0.9f, ImVec2(tx + size, ty), kMuted, tint, part.text, card, wrap - size).y;
            }
            // The group's name in its colour, darkened where the colour is too light to read on the card.
            const float fy = q.y - pad - size * 0.85f;
            float markWidth = 0;
            if (idea.practice) {
                const char* mark = tr(Str::BoardPracticeMark);
                markWidth = f.largeBold->CalcTextSizeA(size * 0.85f, FLT_MAX, 0, mark).x;
                fitText(draw, f.largeBold, size * 0.85f, ImVec2(q.x - pad - markWidth, fy), ink.practice, tint, mark, card, 0,
                        TextRole::Label);
            }
            const float groupSize =
                fitSize(f.largeBold, idea.group, q.x - pad - markWidth - 8 * u - tx, size, size * 0.85f, size * 0.75f, false);
            fitText(draw, f.largeBold, groupSize, ImVec2(tx, fy + size * 0.85f - groupSize), ink.label, tint, idea.group,
                    ImRect(p, ImVec2(q.x - pad - markWidth - 4 * u, q.y)), 0, TextRole::Label);
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
        // + and − zoom, 0 fits again and shows every column, a digit shows its column alone (again: every column).
        // (With Ctrl these keys zoom the console, not the wall.)
        const bool plain = !io.KeyCtrl;
        if (plain && (ImGui::IsKeyPressed(kKeyEqual) || ImGui::IsKeyPressed(kKeyPadAdd))) view.zoom = std::min(2.5f, view.zoom * 1.15f);
        if (plain && (ImGui::IsKeyPressed(kKeyMinus) || ImGui::IsKeyPressed(kKeyPadSubtract))) view.zoom = std::max(0.5f, view.zoom / 1.15f);
        for (int d = 0; d <= 9 && plain; ++d)
            if (ImGui::IsKeyPressed(kKey0 + d, false) || ImGui::IsKeyPressed(kKeyPad0 + d, false)) {
                const int column = d - 1;
                view.focus = d == 0 || view.focus == column ? -1 : column;
                if (d == 0) view.zoom = 1.0f;
                view.scroll = 0;
            }
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
