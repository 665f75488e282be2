// Keys Dear ImGui 1.86 has no ImGuiKey_ for, as indices into io.KeysDown[]: the GLFW key codes, which the GLFW
// backend writes there (platform.cpp checks that they match). Headless tests press them the same way.
#pragma once

#include <imgui.h>

namespace atelier::ui {

inline constexpr int kKeyF5 = 294;  // GLFW_KEY_F5
inline constexpr int kKeyF6 = 295;  // countdown: start / pause
inline constexpr int kKeyF7 = 296;  // countdown: one more minute
inline constexpr int kKeyF8 = 297;  // countdown: back to its duration

/// Enter as the platform also puts it into io.InputQueueCharacters (a private-use code point, which Dear ImGui's
/// text fields ignore), so that fields posted with Enter (entryField) know which characters were typed after it
/// within one frame. Headless tests type it the same way.
inline constexpr ImWchar kTypedEnter = 0xE000;

}  // namespace atelier::ui
