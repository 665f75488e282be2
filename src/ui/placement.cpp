#include "ui/placement.h"

#include "ui/scale.h"

#include <algorithm>
#include <iterator>
#include <sstream>

namespace atelier::ui {

namespace {

constexpr const char* kConsole = "console";
constexpr const char* kProjector = "projecteur";
constexpr const char* kMonitor = "projecteur-ecran";
constexpr const char* kFullscreen = "projecteur-plein-ecran";
constexpr const char* kEtape = "etape";
constexpr const char* kZoom = "zoom";

void writeRect(std::ostringstream& out, const char* key, const std::optional<Rect>& r) {
    if (r) out << key << ' ' << r->x << ' ' << r->y << ' ' << r->w << ' ' << r->h << '\n';
}

/// A window of `w`×`h` at most, inside `monitor` less a margin, `offset` from its corner.
Rect fitted(const Rect& monitor, int w, int h, int offset) {
    const int width = std::max(320, std::min(w, monitor.w - 2 * offset));
    const int height = std::max(240, std::min(h, monitor.h - 2 * offset));
    return Rect{monitor.x + offset, monitor.y + offset, width, height};
}

}  // namespace

std::string formatPlacement(const WindowPlacement& p) {
    std::ostringstream out;
    writeRect(out, kConsole, p.console);
    writeRect(out, kProjector, p.projector);
    if (p.projectorMonitor >= 0) out << kMonitor << ' ' << p.projectorMonitor << '\n';
    out << kFullscreen << ' ' << (p.projectorFullscreen ? 1 : 0) << '\n';
    if (p.etape) out << kEtape << ' ' << *p.etape << '\n';
    if (p.zoom != kZoomDefault) out << kZoom << ' ' << p.zoom << '\n';
    return out.str();
}

WindowPlacement parsePlacement(std::string_view text) {
    WindowPlacement p;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key;
        words >> key;
        if (key == kConsole || key == kProjector) {
            Rect r;
            std::string rest;
            if (!(words >> r.x >> r.y >> r.w >> r.h) || (words >> rest) || r.w < 100 || r.h < 100 || r.w > 20000 ||
                r.h > 20000)
                continue;
            (key == kConsole ? p.console : p.projector) = r;
        } else if (key == kMonitor) {
            int n = -1;
            if (words >> n && n >= 0 && n < 16) p.projectorMonitor = n;
        } else if (key == kFullscreen) {
            int on = 0;
            if (words >> on) p.projectorFullscreen = on == 1;
        } else if (key == kEtape) {
            long long id = 0;
            if (words >> id && id > 0) p.etape = id;
        } else if (key == kZoom) {
            int percent = 0;
            if (words >> percent && percent >= kZoomSteps[0] && percent <= std::end(kZoomSteps)[-1])
                p.zoom = zoomStep(percent);
        }
    }
    return p;
}

bool reachable(const Rect& window, const std::vector<Rect>& monitors) {
    // The title bar: the top 30 pixels of the window, at least 100 of them across on one monitor.
    for (const Rect& m : monitors) {
        const int left = std::max(window.x, m.x), right = std::min(window.x + window.w, m.x + m.w);
        const int top = std::max(window.y - 30, m.y), bottom = std::min(window.y + 30, m.y + m.h);
        if (right - left >= 100 && bottom > top) return true;
    }
    return false;
}

Rect consoleStart(const WindowPlacement& saved, const std::vector<Rect>& monitors) {
    if (saved.console && reachable(*saved.console, monitors)) return *saved.console;
    return fitted(monitors.empty() ? Rect{0, 0, 1440, 900} : monitors.front(), 1440, 900, 40);
}

ProjectorStart projectorStart(const WindowPlacement& saved, const std::vector<Rect>& monitors) {
    ProjectorStart start;
    const Rect first = monitors.empty() ? Rect{0, 0, 1920, 1080} : monitors.front();
    start.window = saved.projector && reachable(*saved.projector, monitors) ? *saved.projector
                                                                            : fitted(first, 1280, 720, 80);
    if (monitors.size() > 1) {  // the room's screen is plugged in: the projector fills it (Esc leaves)
        const int n = static_cast<int>(monitors.size());
        start.fullscreenMonitor = saved.projectorMonitor > 0 && saved.projectorMonitor < n ? saved.projectorMonitor : 1;
    }
    return start;
}

}  // namespace atelier::ui
