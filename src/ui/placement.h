// Where the two windows open (issue 11 point 5): the projector full screen on a second monitor when there is one,
// and both windows where they were the last time — remembered per computer (not in the data folder: the same
// data opened on another laptop has other screens), in the user's configuration folder. Pure decisions here, no
// GLFW and no file: the platform reads and writes the file and moves the windows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atelier::ui {

/// A window's client area or a monitor's area, in screen coordinates.
struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
};

/// What is remembered between two runs.
struct WindowPlacement {
    std::optional<Rect> console;
    std::optional<Rect> projector;  // the projector's window when it is not full screen
    int projectorMonitor = -1;      // the monitor it was full screen on (-1: none remembered)
    bool projectorFullscreen = false;
    std::optional<long long> etape;  // the étape selected when the app closed (its id): shown again at start
    int zoom = 100;                  // the console's zoom in percent (ui/scale.h): one of its steps
    bool operator==(const WindowPlacement&) const = default;
};

/// "console X Y W H", "projecteur X Y W H", "projecteur-ecran N", "projecteur-plein-ecran 0|1", "etape ID",
/// "zoom PERCENT" (only when not 100), one per line.
std::string formatPlacement(const WindowPlacement& placement);
/// Reads formatPlacement's text; a line it does not understand (an older or damaged file) is ignored.
WindowPlacement parsePlacement(std::string_view text);

/// Whether enough of `window` is on one of `monitors` to grab its title bar (a monitor unplugged since: no).
bool reachable(const Rect& window, const std::vector<Rect>& monitors);

/// Where the console opens: where it was when still reachable, else 1440×900 (or the first monitor less a
/// margin) near the first monitor's corner.
Rect consoleStart(const WindowPlacement& saved, const std::vector<Rect>& monitors);

/// How the projector opens: full screen on `fullscreenMonitor` (≥ 0), else as a window at `window`.
struct ProjectorStart {
    int fullscreenMonitor = -1;
    Rect window;
};
/// With a second monitor: full screen on the monitor it was full screen on last time (or the second); Esc leaves
/// it. With one monitor: where it was, else a 1280×720 window (the wall needs room).
ProjectorStart projectorStart(const WindowPlacement& saved, const std::vector<Rect>& monitors);

}  // namespace atelier::ui
