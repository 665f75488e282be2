// When the app draws (issue 30 point 1): only when something changes. After an event (a key, the mouse, a window
// uncovered, a phone's job, a worker done) it draws for a short settling time at the screen's pace (Dear ImGui
// needs a few frames for hover, popups and sizes to settle, and typing, dragging and scrolling stay smooth); while a
// key or button is held it keeps drawing (key repeat, drags); otherwise it waits for the next event or for the next
// deadline the app names (the countdown's next second, a message's end), and then draws one frame. No GLFW here:
// the platform's loop asks `wait()` and says what happened; the headless test drives it with a simulated clock.
#pragma once

#include <algorithm>
#include <limits>

namespace atelier::ui {

class FramePacer {
public:
    static constexpr double kForever = std::numeric_limits<double>::infinity();
    /// Drawing continues this long after an event.
    static constexpr double kSettleSeconds = 0.25;

    /// How long the loop may wait for an event before drawing the next frame, at `now` (seconds): 0 to draw at
    /// once (settling, something held, the app's deadline passed), else until the app's next deadline (said at
    /// the last frame) or an event, whichever comes first. The loop may wake earlier and ask again.
    double wait(double now, bool held) const {
        if (held || now < settleUntil_) return 0.0;
        return std::max(0.0, deadline_ - now);
    }
    /// The wait ended at `now`: by an event (`event`), or because its time had come.
    void woke(double now, bool event) {
        if (event) settleUntil_ = std::max(settleUntil_, now + kSettleSeconds);
    }
    /// A frame was drawn at `now`; the app's next deadline is `appNextFrameIn` from then (kForever: none).
    void drew(double now, double appNextFrameIn) {
        ++frames_;
        deadline_ = now + appNextFrameIn;
    }
    long frames() const { return frames_; }

private:
    double settleUntil_ = kSettleSeconds;  // the first frames settle the layout
    double deadline_ = 0.0;                // absolute: when the app wants its next frame
    long frames_ = 0;
};

}  // namespace atelier::ui
