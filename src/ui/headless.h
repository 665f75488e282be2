// Headless Dear ImGui frames, as Dear ImGui's example_null does: a context on the shared font atlas, a display
// size, no window and no GPU. Tests drive it with simulated mouse and keyboard; benchmarks time whole frames.
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace atelier::ui {

class Headless {
public:
    /// A context of `width`×`height` with the console theme and GLFW's key codes in io.KeyMap.
    Headless(float width, float height);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    /// Runs one frame (NewFrame, `draw`, Render) `seconds` after the last one (60 Hz by default).
    void frame(const std::function<void()>& draw, float seconds = 1.0f / 60.0f);

    // Input for the next frame.
    void moveMouse(ImVec2 pos);
    void mouseDown(bool down);
    void keyDown(int keyIndex, bool down);
    void ctrl(bool down);
    void shift(bool down);
    void type(const std::string& utf8);

    /// Hover, press, release at `pos`, one frame each; `draw` runs every frame. The press takes effect on release.
    void click(ImVec2 pos, const std::function<void()>& draw);
    /// Presses and releases a key (io.KeysDown index), one frame each.
    void press(int keyIndex, const std::function<void()>& draw);

    ImGuiContext* context() const { return context_; }

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
};

/// io.KeysDown index of a named key (GLFW code, as the real backend uses).
int keyIndex(ImGuiKey key);

}  // namespace atelier::ui
