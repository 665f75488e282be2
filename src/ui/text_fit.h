// Text that knows where it must stay. Dear ImGui drops the glyphs it clips without a word, so a label cut at
// « Supprimer le vot » or a name cut under a column's edge is invisible to code that only draws. The projector
// views draw their text through fitText(), which measures it against the place it was given, and the console's
// frames are scanned by scanConsoleWindows(); both write to the frame's TextLog: every text cut (with what it
// needed and what it had) and, while recording, every text drawn with its colours (the contrast test reads them).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace atelier::ui {

/// What a projector text is: body text (ideas, names, programme) needs a contrast of 7:1, a label (titles,
/// headers, counts, group names) 4.5:1.
enum class TextRole { Body, Label };

struct CutText {
    std::string where;  // the view or window
    std::string text;
    float needed = 0;     // pixels the text needed (width, or height when `tall`)
    float available = 0;  // pixels it had
};

struct DrawnText {
    std::string where;
    std::string text;
    ImU32 colour = 0;
    ImU32 background = 0;
    float size = 0;  // pixel size of the font
    TextRole role = TextRole::Body;
};

/// The texts of the frames drawn since clear(): cut ones always (a few string copies, only on a fault), every drawn
/// one while `recording` (tests).
struct TextLog {
    std::vector<CutText> cuts;
    std::vector<DrawnText> drawn;
    bool recording = false;
    std::string where = "?";  // the view or window drawing now
    std::unordered_set<ImGuiID> textFields;  // multiline text fields (their windows scroll the user's text)
    void clear() {
        cuts.clear();
        drawn.clear();
    }
};
TextLog& textLog();

/// Notes that the item `id` just drawn is a multiline text field (ImGui::InputTextMultiline): its own window
/// holds the user's text, which scrolls there, not a label the scan should measure.
void noteMultilineField(ImGuiID id);

/// Reports a text that needed `needed` pixels where it had `available`.
void reportCut(std::string_view text, float needed, float available);

/// Draws `text` at `pos` in `font` at `size` pixels in `colour` over `background`, wrapped at `wrap` pixels
/// (0: one line), clipped to `room`; reports it as cut when its measured box leaves `room`. Returns its size.
ImVec2 fitText(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 colour, ImU32 background,
               std::string_view text, const ImRect& room, float wrap = 0.0f, TextRole role = TextRole::Body);

/// Notes a text drawn by other means than fitText (the console's idea cards) in the log while it records, so that
/// its contrast is measured like every other.
void noteDrawnText(std::string_view text, ImU32 colour, ImU32 background, float size, TextRole role = TextRole::Label);

/// The largest size in [minSize, maxSize] at which `text` fits in `width` × `height` (wrapped at `width` when `wrap`,
/// else on one line); `minSize` when none does.
float fitSize(ImFont* font, std::string_view text, float width, float height, float maxSize, float minSize, bool wrap);

/// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(ImU32 a, ImU32 b);
/// `colour` darkened (towards black, keeping its hue) until its contrast over `background` reaches `ratio`.
ImU32 darkenForContrast(ImU32 colour, ImU32 background, double ratio);

/// After a console frame (Render): reports, for every window drawn in it, content wider than the window with no
/// horizontal scrollbar, table cells wider than their column, and tab labels shortened to fit their bar.
void scanConsoleWindows();

}  // namespace atelier::ui
