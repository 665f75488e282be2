#include "ui/widgets.h"

#include <algorithm>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <vector>

#include "core/text.h"
#include "ui/fonts.h"

namespace atelier::ui {

bool commitText(Drafts& drafts, const char* id, const std::string& value, std::string& committed, float width,
                const char* hint) {
    const ImGuiID gid = ImGui::GetID(id);
    std::string& draft = drafts[gid];
    if (ImGui::GetActiveID() != gid) draft = value;
    ImGui::SetNextItemWidth(width);
    if (hint) ImGui::InputTextWithHint(id, hint, &draft);
    else ImGui::InputText(id, &draft);
    if (ImGui::IsItemDeactivatedAfterEdit() && draft != value) {
        committed = draft;
        return true;
    }
    return false;
}

std::optional<int> parseInt(const std::string& text) {
    const std::string_view t = trim(text);
    if (t.empty() || t.size() > 6) return std::nullopt;
    int v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

std::string territoryName(const Model& model, std::optional<Id> id, const char* fallback) {
    const Territory* t = id ? model.territory(*id) : nullptr;
    return t ? t->name : std::string(fallback);
}

bool territoryCombo(const char* id, const Model& model, std::optional<Id> current, std::optional<Id>& chosen,
                    const char* noneLabel, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, territoryName(model, current, noneLabel).c_str())) {
        if (ImGui::Selectable(noneLabel, !current) && current) {
            chosen.reset();
            changed = true;
        }
        std::vector<const Territory*> sorted;
        for (const Territory& t : model.territories) sorted.push_back(&t);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Territory* a, const Territory* b) {
            if (a->cite != b->cite) return a->cite;
            return foldForSearch(a->name) < foldForSearch(b->name);
        });
        for (const Territory* t : sorted) {
            ImGui::PushID(static_cast<int>(t->id));
            if (ImGui::Selectable(t->name.c_str(), current == t->id) && current != t->id) {
                chosen = t->id;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace atelier::ui
