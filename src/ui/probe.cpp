#include "ui/probe.h"

#include <algorithm>
#include <imgui_internal.h>
#include <unordered_map>

namespace atelier::ui::probe {

namespace {
bool gOn = false;
struct Item {
    ImRect rect;
    ImGuiContext* context = nullptr;
    int frame = 0;
};
std::unordered_map<std::string, Item> gItems;
}  // namespace

void enable(bool on) {
    gOn = on;
    gItems.clear();
}

void mark(const std::string& key) {
    if (!gOn) return;
    gItems[key] = Item{ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetCurrentContext(),
                       ImGui::GetFrameCount()};
}

std::optional<ImRect> find(const std::string& key) {
    const auto it = gItems.find(key);
    if (it == gItems.end()) return std::nullopt;
    return it->second.rect;
}

std::vector<std::pair<std::string, ImRect>> lastFrame() {
    std::vector<std::pair<std::string, ImRect>> out;
    ImGuiContext* context = ImGui::GetCurrentContext();
    const int frame = context ? ImGui::GetFrameCount() : -1;
    for (const auto& [key, item] : gItems)
        if (item.context == context && item.frame == frame) out.emplace_back(key, item.rect);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });  // a stable order
    return out;
}

}  // namespace atelier::ui::probe
