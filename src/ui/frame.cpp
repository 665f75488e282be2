#include "ui/frame.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace atelier::ui {

void newFrame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    const int escape = io.KeyMap[ImGuiKey_Escape];
    const bool holdBack = escape >= 0 && escape < IM_ARRAYSIZE(io.KeysDown) && io.KeysDown[escape] &&
                          g.OpenPopupStack.Size > 0 && g.OpenPopupStack.back().Window == nullptr;
    if (holdBack) io.KeysDown[escape] = false;  // not pressed in this frame…
    ImGui::NewFrame();
    if (holdBack) io.KeysDown[escape] = true;  // …but in the next one, once the popup has its window
}

}  // namespace atelier::ui
