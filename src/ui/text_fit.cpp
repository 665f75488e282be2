#include "ui/text_fit.h"

#include "core/text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace atelier::ui {

namespace {

constexpr float kTolerance = 0.5f;  // pixels: rounding, not a cut

double channel(double c) {
    c /= 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
    const double r = channel((c >> IM_COL32_R_SHIFT) & 0xFF), g = channel((c >> IM_COL32_G_SHIFT) & 0xFF),
                 b = channel((c >> IM_COL32_B_SHIFT) & 0xFF);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/// `text` as the room sees it: with French typography's no-break spaces, in what users typed too (« ? » never
/// starts a line). Copies only a text that has a space to change.
std::string_view typeset(std::string_view text, std::string& buffer) {
    if (text.find(' ') == std::string_view::npos) return text;
    buffer = frenchSpacing(text);
    return buffer;
}

ImVec2 measure(ImFont* font, float size, std::string_view text, float wrap) {
    std::string buffer;
    text = typeset(text, buffer);
    return font->CalcTextSizeA(size, FLT_MAX, wrap, text.data(), text.data() + text.size());
}

}  // namespace

TextLog& textLog() {
    static TextLog log;
    return log;
}

void noteMultilineField(ImGuiID id) { textLog().textFields.insert(id); }

// Not inlined: GCC 12 sees a copy of « size_t max » bytes in std::string(text) once inlined into the tab loop
// (a false -Wrestrict).
[[gnu::noinline]] void reportCut(std::string_view text, float needed, float available) {
    TextLog& log = textLog();
    if (log.cuts.size() < 500) log.cuts.push_back({log.where, std::string(text), needed, available});
}

void noteDrawnText(std::string_view text, ImU32 colour, ImU32 background, float size, TextRole role) {
    TextLog& log = textLog();
    if (log.recording && !text.empty()) log.drawn.push_back({log.where, std::string(text), colour, background, size, role});
}

ImVec2 fitText(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 colour, ImU32 background,
               std::string_view text, const ImRect& room, float wrap, TextRole role) {
    const ImVec2 box = measure(font, size, text, wrap);
    if (pos.x + box.x > room.Max.x + kTolerance || pos.x < room.Min.x - kTolerance)
        reportCut(text, box.x, room.Max.x - pos.x);
    else if (pos.y + box.y > room.Max.y + kTolerance || pos.y < room.Min.y - kTolerance)
        reportCut(text, box.y, room.Max.y - pos.y);
    TextLog& log = textLog();
    if (log.recording && !text.empty()) log.drawn.push_back({log.where, std::string(text), colour, background, size, role});
    const ImVec4 clip(room.Min.x, room.Min.y, room.Max.x, room.Max.y);
    std::string buffer;
    const std::string_view shown = typeset(text, buffer);
    draw->PushClipRect(room.Min, room.Max, true);
    draw->AddText(font, size, pos, colour, shown.data(), shown.data() + shown.size(), wrap, &clip);
    draw->PopClipRect();
    return box;
}

float fitSize(ImFont* font, std::string_view text, float width, float height, float maxSize, float minSize, bool wrap) {
    auto fits = [&](float size) {
        const ImVec2 box = measure(font, size, text, wrap ? width : 0.0f);
        return box.x <= width + kTolerance && box.y <= height + kTolerance;
    };
    if (fits(maxSize)) return maxSize;
    float lo = minSize, hi = maxSize;  // fits(lo) assumed; wrapping makes it not quite monotonic: bisect
    if (!fits(lo)) return minSize;
    for (int i = 0; i < 12 && hi - lo > 0.25f; ++i) {
        const float mid = (lo + hi) * 0.5f;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 darkenForContrast(ImU32 colour, ImU32 background, double ratio) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    for (int i = 0; i < 64 && contrastRatio(ImGui::ColorConvertFloat4ToU32(c), background) < ratio; ++i) {
        c.x *= 0.94f;
        c.y *= 0.94f;
        c.z *= 0.94f;
    }
    c.w = 1.0f;
    return ImGui::ColorConvertFloat4ToU32(c);
}

void scanConsoleWindows() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    TextLog& log = textLog();
    for (ImGuiWindow* window : g.Windows) {
        if (!window->WasActive || window->Hidden || window->LastFrameActive != g.FrameCount) continue;
        if (window->Flags & ImGuiWindowFlags_Tooltip) continue;
        // A multiline text field's own window: the user's text scrolls there.
        if ((window->Flags & ImGuiWindowFlags_ChildWindow) && log.textFields.count(window->ChildId)) continue;
        log.where = window->Name;
        const float right = window->InnerClipRect.Max.x;
        if (!window->ScrollbarX && window->DC.CursorMaxPos.x > right + 1.0f)
            reportCut("(contenu de la fenêtre, en largeur)", window->DC.CursorMaxPos.x - window->InnerClipRect.Min.x,
                      right - window->InnerClipRect.Min.x);
        // Below the bottom with no scrollbar to say so (the console's own window, a child without one).
        const float bottom = window->InnerClipRect.Max.y;
        if (!window->ScrollbarY && window->DC.CursorMaxPos.y > bottom + 1.0f)
            reportCut("(contenu de la fenêtre, en hauteur)", window->DC.CursorMaxPos.y - window->InnerClipRect.Min.y,
                      bottom - window->InnerClipRect.Min.y);
    }
    for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
        const ImGuiTable* table = g.Tables.TryGetMapData(i);
        if (!table || table->LastFrameActive != g.FrameCount || !table->OuterWindow) continue;
        log.where = std::string(table->OuterWindow->Name) + " (tableau)";
        for (int c = 0; c < table->ColumnsCount; ++c) {
            const ImGuiTableColumn& column = table->Columns[c];
            if (!column.IsEnabled || !column.IsVisibleX) continue;
            const float reached = std::max({column.ContentMaxXFrozen, column.ContentMaxXUnfrozen,
                                            column.ContentMaxXHeadersIdeal});
            if (reached > column.MaxX + 1.0f)
                reportCut(std::string("(colonne ") + std::to_string(c + 1) + ": " +
                              (table->ColumnsNames.Buf.Size && column.NameOffset >= 0
                                   ? table->ColumnsNames.c_str() + column.NameOffset
                                   : "")
                              + ")",
                          reached - column.MinX, column.MaxX - column.MinX);
        }
    }
    for (int i = 0; i < g.TabBars.GetMapSize(); ++i) {
        const ImGuiTabBar* bar = g.TabBars.TryGetMapData(i);
        if (!bar || bar->PrevFrameVisible < g.FrameCount - 1) continue;
        log.where = std::string("(onglets)");
        for (const ImGuiTabItem& tab : bar->Tabs)
            if (tab.LastFrameVisible >= g.FrameCount - 1 && tab.Width + 0.5f < tab.ContentWidth)
                reportCut(bar->GetTabName(&tab), tab.ContentWidth, tab.Width);
    }
    log.where = std::string("?");  // (a literal assigned in place: a false -Wrestrict of GCC 12)
}

}  // namespace atelier::ui
