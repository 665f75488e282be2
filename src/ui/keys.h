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
inline constexpr int kKeyA = 65;      // GLFW_KEY_A (the letters follow)
inline constexpr int kKeySpace = 32;  // GLFW_KEY_SPACE: the first printable key
inline constexpr int kKeyGrave = 96;  // GLFW_KEY_GRAVE_ACCENT: the last printable key but the two « world » ones
inline constexpr int kKeyWorld1 = 161, kKeyWorld2 = 162;

/// The key Dear ImGui's shortcuts see for a key GLFW names by its place on a US keyboard (`key`), given the
/// character it types on the user's layout (`typed`: glfwGetKeyName's, may be null): a key that types a letter is
/// that letter, so that Ctrl+Z, Ctrl+A, Ctrl+Y are the keys labelled Z, A, Y on a French AZERTY keyboard (GLFW's
/// W, Q, Y) — what Dear ImGui 1.87's backend does. With Ctrl held (`ctrl`), the key that types « - » is the minus
/// key and the one that types « = » or « + » the equal key, so that the zoom's Ctrl+− is where the layout has it
/// (the 6 key on AZERTY). Every other key (digits, Enter, F-keys, the keypad) is unchanged. The platform sends a
/// key's release as what its press was sent as.
constexpr int layoutKey(int key, const char* typed, bool ctrl = false) {
    const bool printable = (key >= kKeySpace && key <= kKeyGrave) || key == kKeyWorld1 || key == kKeyWorld2;
    if (!printable || !typed || typed[0] == '\0' || typed[1] != '\0') return key;
    const char c = typed[0];
    if (c >= 'a' && c <= 'z') return kKeyA + (c - 'a');
    if (c >= 'A' && c <= 'Z') return kKeyA + (c - 'A');
    if (ctrl && c == '-') return kKeyMinus;
    if (ctrl && (c == '=' || c == '+')) return kKeyEqual;
    return key;
}

/// Enter as the platform also puts it into io.InputQueueCharacters (a private-use code point, which Dear ImGui's
/// text fields ignore), so that fields posted with Enter (entryField) know which characters were typed after it
/// within one frame. Headless tests type it the same way.
inline constexpr ImWchar kTypedEnter = 0xE000;

}  // namespace atelier::ui
