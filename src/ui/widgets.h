// Widgets shared by the console screens: text fields that commit once when left (one edit, one undo step),
// combos over enumerations and territories, headings.
#pragma once

#include <cfloat>
#include <imgui.h>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/enums.h"
#include "core/model.h"

namespace atelier::ui {

/// Text being typed in fields, by widget id: view state of a screen.
using Drafts = std::unordered_map<ImGuiID, std::string>;

/// A single-line text field showing `value`; returns true with the new text in `committed` when the user leaves
/// the field (Enter, Tab, a click elsewhere) with a changed text.
bool commitText(Drafts& drafts, const char* id, const std::string& value, std::string& committed,
                float width = -FLT_MIN, const char* hint = nullptr);

/// A whole number typed by a person ("12", " 3 "); nullopt otherwise.
std::optional<int> parseInt(const std::string& text);

/// A heading in the heading font.
void heading(const char* text);

/// A combo over every value of an enumeration; returns true when the user picks another value.
template <class E>
bool enumCombo(const char* id, E current, E& chosen, float width = -FLT_MIN) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, enumLabel(current))) {
        for (const auto& e : enumEntries<E>()) {
            if (ImGui::Selectable(tr(e.label), e.value == current) && e.value != current) {
                chosen = e.value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

/// A combo over the territories (Cités first, then by name) with a first entry for "none" labelled `noneLabel`;
/// returns true when the user picks another one.
bool territoryCombo(const char* id, const Model& model, std::optional<Id> current, std::optional<Id>& chosen,
                    const char* noneLabel, float width = -FLT_MIN);

/// Name of a territory, or `fallback` when there is none.
std::string territoryName(const Model& model, std::optional<Id> id, const char* fallback);

}  // namespace atelier::ui
