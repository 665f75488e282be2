// Item probes for headless UI tests: screens mark the widgets a test needs to click (`probe::mark("key")` right
// after the widget); when a test enables recording, the last frame's rectangles are kept by key.
// Disabled (one branch per call) in the app.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atelier::ui::probe {

/// Starts (or stops) recording; recording clears what was recorded.
void enable(bool on);
/// Records the rectangle of the last item under `key` when recording.
void mark(const std::string& key);
/// Screen rectangle of the item marked `key` in the last frame drawn.
std::optional<ImRect> find(const std::string& key);
/// Every item marked in the last frame of the current Dear ImGui context (the UI monkey's targets).
std::vector<std::pair<std::string, ImRect>> lastFrame();

}  // namespace atelier::ui::probe
