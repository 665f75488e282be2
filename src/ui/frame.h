// Starting a Dear ImGui frame, with the work-arounds Atelier needs for Dear ImGui 1.86 (a Debian package we do not
// patch). The platform's windows and the headless frames both start their frames here.
#pragma once

namespace atelier::ui {

/// ImGui::NewFrame() for the current context. Escape is held back for one frame while the top open popup has no
/// window yet (a menu opened by sliding from another one gets its window a frame later): 1.86 reads that window
/// when Escape is pressed (NavUpdateCancelRequest) and would dereference null.
void newFrame();

}  // namespace atelier::ui
