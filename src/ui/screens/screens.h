// Every screen of Atelier: one file each in screens/, each with its own view-state struct. A screen reads the
// model through const&, emits actions, and keeps drafts and selections in its view struct (STYLE.md §3).
#pragma once

#include <imgui.h>
#include <string>
#include <unordered_map>

#include "core/actions.h"
#include "core/model.h"

namespace atelier::ui {

// [SECTION] Console: étapes and their programme (etapes.cpp)

struct EtapesView {
    std::unordered_map<ImGuiID, std::string> drafts;  // text being typed, by widget id
    std::string error;                                // a message for the shell to show (then cleared)
};

/// The list of étapes (left) and the selected étape's details and programme (middle), editable.
/// `selected` is the étape shown (0: the first); `previewHeight` reserves room under the list for the preview.
void drawEtapesScreen(EtapesView& view, Id& selected, const Model& model, Actions& out);

// [SECTION] Projector: welcome screen of an étape (welcome.cpp)

/// Draws the welcome screen of `etape` (or a placeholder when null) into the rectangle [min, max] of `draw`,
/// scaled to the rectangle: the same call renders the full projector and the console's small preview.
void drawWelcome(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape* etape);

}  // namespace atelier::ui
