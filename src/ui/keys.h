// Keys Dear ImGui 1.86 has no ImGuiKey_ for, as indices into io.KeysDown[]: the GLFW key codes, which the GLFW
// backend writes there (platform.cpp checks that they match). Headless tests press them the same way.
#pragma once

namespace atelier::ui {

inline constexpr int kKeyF5 = 294;  // GLFW_KEY_F5

}  // namespace atelier::ui
