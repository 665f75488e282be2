// Keys Dear ImGui 1.86 has no ImGuiKey_ for, as indices into io.KeysDown[]: the GLFW key codes, which the GLFW
// backend writes there (platform.cpp checks that they match). Headless tests press them the same way.
#pragma once

#include <imgui.h>

namespace atelier::ui {

inline constexpr int kKeyF5 = 294;  // GLFW_KEY_F5
inline constexpr int kKeyF6 = 295;  // countdown: start / pause
inline constexpr int kKeyF7 = 296;  // countdown: one more minute
inline constexpr int kKeyF8 = 297;  // countdown: back to its duration
inline constexpr int kKey0 = 48;    // GLFW_KEY_0 (the digits follow): the wall's columns
inline constexpr int kKeyPad0 = 320;  // GLFW_KEY_KP_0 (the digits follow)
inline constexpr int kKeyMinus = 45;  // GLFW_KEY_MINUS: the wall zooms out
inline constexpr int kKeyEqual = 61;  // GLFW_KEY_EQUAL (+ on most layouts): the wall zooms in
inline constexpr int kKeyPadSubtract = 333;
inline constexpr int kKeyPadAdd = 334;

/// Enter as the platform also puts it into io.InputQueueCharacters (a private-use code point, which Dear ImGui's
/// text fields ignore), so that fields posted with Enter (entryField) know which characters were typed after it
/// within one frame. Headless tests type it the same way.
inline constexpr ImWchar kTypedEnter = 0xE000;

}  // namespace atelier::ui
