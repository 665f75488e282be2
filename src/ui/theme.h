// Colours and spacing of the two windows: a calm console for the laptop, a light high-contrast projector view
// that survives a washed-out projector.
#pragma once

#include <imgui.h>

namespace atelier::ui {

/// Console style (laptop screen).
void applyConsoleTheme(ImGuiStyle& style);

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
