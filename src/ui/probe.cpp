#include "ui/probe.h"

#include <imgui_internal.h>
#include <unordered_map>

namespace atelier::ui::probe {

namespace {
bool gOn = false;
std::unordered_map<std::string, ImRect> gItems;
}  // namespace

void enable(bool on) {
    gOn = on;
    gItems.clear();
}

void mark(const std::string& key) {
    if (!gOn) return;
    gItems[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

std::optional<ImRect> find(const std::string& key) {
    const auto it = gItems.find(key);
    if (it == gItems.end()) return std::nullopt;
    return it->second;
}

}  // namespace atelier::ui::probe
