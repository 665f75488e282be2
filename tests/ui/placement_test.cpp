// Where the windows open (issue 11 point 5): the projector full screen on a second monitor, both windows where
// they were last time when that is still on a screen, sensible sizes otherwise.
#include <doctest/doctest.h>

#include "ui/placement.h"

using namespace atelier::ui;

TEST_CASE("Fenêtres: the remembered places read back as written; a damaged line is ignored") {
    WindowPlacement p;
    p.console = Rect{50, 40, 1300, 800};
    p.projector = Rect{700, 300, 1100, 600};
    p.projectorMonitor = 1;
    p.projectorFullscreen = true;
    CHECK(parsePlacement(formatPlacement(p)) == p);

    const WindowPlacement damaged = parsePlacement("console 10 20 abc 5\nprojecteur 1 2 3\nprojecteur-ecran 99\n"
                                                   "n'importe quoi\nconsole 1 2 30 40\n");
    CHECK_FALSE(damaged.console);  // too small to be a real window: ignored
    CHECK_FALSE(damaged.projector);
    CHECK(damaged.projectorMonitor == -1);
    CHECK(parsePlacement("") == WindowPlacement{});
}

TEST_CASE("Fenêtres: with a second monitor the projector opens full screen on it") {
    const std::vector<Rect> two = {{0, 0, 1920, 1080}, {1920, 0, 1920, 1080}};
    CHECK(projectorStart(WindowPlacement{}, two).fullscreenMonitor == 1);
    WindowPlacement saved;
    saved.projectorMonitor = 2;  // a third monitor that is gone: the second one
    CHECK(projectorStart(saved, two).fullscreenMonitor == 1);
    const std::vector<Rect> three = {{0, 0, 1920, 1080}, {1920, 0, 1280, 720}, {3200, 0, 1920, 1080}};
    CHECK(projectorStart(saved, three).fullscreenMonitor == 2);
    // One monitor: a window, 1280×720 rather than the old 960×540 where the wall was unreadable.
    const ProjectorStart one = projectorStart(WindowPlacement{}, {{0, 0, 1920, 1080}});
    CHECK(one.fullscreenMonitor == -1);
    CHECK(one.window.w == 1280);
    CHECK(one.window.h == 720);
}

TEST_CASE("Fenêtres: both windows reopen where they were, unless that place is no longer on a screen") {
    const std::vector<Rect> laptop = {{0, 0, 1366, 768}};
    WindowPlacement saved;
    saved.console = Rect{30, 20, 1300, 700};
    saved.projector = Rect{200, 100, 900, 500};
    CHECK(consoleStart(saved, laptop) == *saved.console);
    CHECK(projectorStart(saved, laptop).window == *saved.projector);
    // Left on a second monitor that is unplugged now: back on the laptop's screen, within it.
    saved.console = Rect{2500, 100, 1300, 700};
    saved.projector = Rect{2100, 100, 900, 500};
    const Rect console = consoleStart(saved, laptop);
    CHECK(reachable(console, laptop));
    CHECK(console.w <= 1366);
    CHECK(console.h <= 768);
    CHECK(reachable(projectorStart(saved, laptop).window, laptop));
    CHECK_FALSE(reachable(Rect{2500, 100, 1300, 700}, laptop));
    CHECK_FALSE(reachable(Rect{100, -500, 800, 400}, laptop));  // title bar above the screen
}
