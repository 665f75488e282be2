#include "ui/headless.h"

#include "ui/fonts.h"
#include "ui/frame.h"
#include "ui/theme.h"

namespace atelier::ui {

int keyIndex(ImGuiKey key) {
    // GLFW key codes, as imgui_impl_glfw.cpp maps them.
    switch (key) {
        case ImGuiKey_Tab: return 258;
        case ImGuiKey_LeftArrow: return 263;
        case ImGuiKey_RightArrow: return 262;
        case ImGuiKey_UpArrow: return 265;
        case ImGuiKey_DownArrow: return 264;
        case ImGuiKey_PageUp: return 266;
        case ImGuiKey_PageDown: return 267;
        case ImGuiKey_Home: return 268;
        case ImGuiKey_End: return 269;
        case ImGuiKey_Insert: return 260;
        case ImGuiKey_Delete: return 261;
        case ImGuiKey_Backspace: return 259;
        case ImGuiKey_Space: return 32;
        case ImGuiKey_Enter: return 257;
        case ImGuiKey_Escape: return 256;
        case ImGuiKey_KeyPadEnter: return 335;
        case ImGuiKey_A: return 65;
        case ImGuiKey_C: return 67;
        case ImGuiKey_V: return 86;
        case ImGuiKey_X: return 88;
        case ImGuiKey_Y: return 89;
        case ImGuiKey_Z: return 90;
        default: return -1;
    }
}

Headless::Headless(float width, float height) {
    previous_ = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext(&sharedAtlas());
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = keyIndex(k);
    applyConsoleTheme(ImGui::GetStyle(), consoleFontScale());
}

Headless::~Headless() {
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_ == context_ ? nullptr : previous_);
}

void Headless::frame(const std::function<void()>& draw, float seconds) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().DeltaTime = seconds;
    newFrame();
    draw();
    ImGui::Render();
}

void Headless::moveMouse(ImVec2 pos) { ImGui::GetIO().MousePos = pos; }
void Headless::mouseDown(bool down) { ImGui::GetIO().MouseDown[0] = down; }
void Headless::keyDown(int index, bool down) { ImGui::GetIO().KeysDown[index] = down; }
void Headless::ctrl(bool down) { ImGui::GetIO().KeyCtrl = down; }
void Headless::shift(bool down) { ImGui::GetIO().KeyShift = down; }
void Headless::type(const std::string& utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str()); }

void Headless::click(ImVec2 pos, const std::function<void()>& draw) {
    moveMouse(pos);
    frame(draw);
    mouseDown(true);
    frame(draw);
    mouseDown(false);
    frame(draw);
}

void Headless::press(int index, const std::function<void()>& draw) {
    keyDown(index, true);
    frame(draw);
    keyDown(index, false);
    frame(draw);
}

}  // namespace atelier::ui
