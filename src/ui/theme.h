// Colours and spacing of the two windows: a calm console for the laptop, a light high-contrast projector view
// that survives a washed-out projector.
#pragma once

#include <imgui.h>

namespace atelier::ui {

/// Console style (laptop screen), its paddings and roundings at `scale` (ui/scale.h; 1 for the projector's window,
/// whose views lay out from its screen's size).
void applyConsoleTheme(ImGuiStyle& style, float scale);

/// The console's own colours, named once (the theme's frame colours are in applyConsoleTheme). Every text colour
/// reaches 4.5:1 on the console's light backgrounds.
namespace console {
inline constexpr ImU32 kAccent = IM_COL32(0, 62, 140, 255);        // selection, locked groups, headings drawn
inline constexpr ImU32 kAccentSoft = IM_COL32(222, 233, 247, 255); // a column's header on the board
inline constexpr ImU32 kAccentSofter = IM_COL32(200, 215, 240, 255);  // the same, hovered; a row marked in a table
inline constexpr ImU32 kSuccess = IM_COL32(26, 115, 51, 255);      // done, saved, hosted, « ✓ »
inline constexpr ImU32 kSuccessSoft = IM_COL32(204, 235, 209, 255);  // background of a hosted Cité
inline constexpr ImU32 kWarning = IM_COL32(166, 64, 0, 255);       // to check (overlaps, fees due, the mixer's advice)
inline constexpr ImU32 kError = IM_COL32(179, 20, 20, 255);        // refused, unreadable, the last minute
inline constexpr ImU32 kDanger = IM_COL32(158, 26, 26, 255);       // a destructive button (hovered, pressed below)
inline constexpr ImU32 kDangerHovered = IM_COL32(184, 36, 36, 255);
inline constexpr ImU32 kDangerActive = IM_COL32(133, 15, 15, 255);
inline constexpr ImU32 kOnDanger = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kToast = IM_COL32(30, 40, 60, 235);
inline constexpr ImU32 kToastError = IM_COL32(160, 30, 30, 240);
inline constexpr ImU32 kMuted = IM_COL32(89, 89, 97, 255);         // hints, what is planned, hidden ideas
inline constexpr ImU32 kNeutralSoft = IM_COL32(235, 235, 235, 255);  // an unhosted Cité's button
inline constexpr ImU32 kCardText = IM_COL32(20, 20, 24, 255);
inline constexpr ImU32 kCardMeta = IM_COL32(60, 60, 70, 255);      // an idea's author and group
inline constexpr ImU32 kOutline = IM_COL32(0, 0, 0, 60);           // a drop zone, a group's frame
/// The groups' colours on the idea cards and the wall (Okabe–Ito first, then more): told apart by most colour-blind
/// eyes, darkened for contrast where text is drawn in them.
inline constexpr ImU32 kGroupPalette[] = {
    IM_COL32(230, 97, 1, 255),   IM_COL32(0, 114, 178, 255),  IM_COL32(0, 158, 115, 255),
    IM_COL32(204, 121, 167, 255), IM_COL32(213, 94, 0, 255),  IM_COL32(86, 180, 233, 255),
    IM_COL32(120, 94, 240, 255), IM_COL32(160, 130, 0, 255),  IM_COL32(178, 34, 34, 255),
    IM_COL32(46, 139, 87, 255),  IM_COL32(70, 90, 160, 255),  IM_COL32(200, 60, 120, 255),
};
inline constexpr ImU32 kNoGroup = IM_COL32(140, 140, 140, 255);
/// `colour` as Dear ImGui's float colour (ImGui::TextColored, PushStyleColor).
inline ImVec4 vec(ImU32 colour) { return ImGui::ColorConvertU32ToFloat4(colour); }
}  // namespace console

/// Projector palette: drawn explicitly so that the same view renders in either window.
namespace projector {
inline constexpr ImU32 kBackground = IM_COL32(255, 255, 252, 255);
inline constexpr ImU32 kText = IM_COL32(17, 17, 17, 255);
inline constexpr ImU32 kMuted = IM_COL32(70, 70, 70, 255);
inline constexpr ImU32 kAccent = IM_COL32(0, 62, 140, 255);     // IREV-like deep blue
inline constexpr ImU32 kAccentSoft = IM_COL32(222, 233, 247, 255);
inline constexpr ImU32 kRule = IM_COL32(0, 62, 140, 255);
}  // namespace projector

}  // namespace atelier::ui
