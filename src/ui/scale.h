// The console's size on every laptop screen (issue 30 point 2): it follows the screen's scale (Windows' 125–200 %,
// X11's Xft.dpi, a move to another monitor) and the facilitator's zoom (Ctrl+= / Ctrl+− / Ctrl+0, 75 % to 250 %,
// remembered per computer with the window places). The fonts are baked again at the new size (sharp, not
// stretched) and every console length is given in `em`, the body text's size, never in pixels. The projector
// keeps its own layout from its screen's size (audienceUnit). Pure decisions here; fonts.cpp bakes, platform.cpp
// reads the screen.
#pragma once

namespace atelier::ui {

inline constexpr int kZoomDefault = 100;
/// The zoom's steps, in percent, as a browser has them.
inline constexpr int kZoomSteps[] = {75, 90, 100, 110, 125, 150, 175, 200, 250};

/// The step above `percent` (the largest stays).
int zoomIn(int percent);
/// The step below `percent` (the smallest stays).
int zoomOut(int percent);
/// `percent` if it is a step, else the nearest step (a remembered value edited by hand, or from another version).
int zoomStep(int percent);

/// The console's scale for a window whose content scale is `contentScale` (1 at 96 dpi) at `zoomPercent`, rounded
/// to 1/20 so that a scale reported as 1.0417 does not bake the fonts again, and kept within [0.5, 5].
float consoleScale(float contentScale, int zoomPercent);

}  // namespace atelier::ui
