// Issue 30 point 1: the console draws only when something changes. The platform's loop (ui/platform.cpp) is
// simulated here with a clock of our own: the pacer's wait, then one headless frame of the app after it; events
// are injected at chosen times. Frames are counted, never timed.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "ui/frame_pacer.h"
#include "harness.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// The loop of ui/platform.cpp over the app of a headless console, on a simulated clock that starts once the
/// first frames have settled the layout.
struct Loop {
    Console c;
    FramePacer pacer;
    double now = 0;        // simulated seconds
    double lastFrame = 0;  // when the last frame was drawn

    Loop() { run(1.0); }

    /// Runs for `seconds`: waits as the pacer says, waking at least every 0.25 s (to see a close signal) without
    /// drawing unless its time has come or an event came (at one of `events`), then draws a frame of the app.
    /// Returns the frames drawn.
    long run(double seconds, std::vector<double> events = {}) {
        const double end = now + seconds;
        const long before = pacer.frames();
        size_t nextEvent = 0;
        while (now < end) {
            const double wait = pacer.wait(now, false);
            if (wait > 0.0) {
                const double eventAt = nextEvent < events.size() ? events[nextEvent] : FramePacer::kForever;
                const double wakeAt = std::min({now + wait, now + 0.25, eventAt});
                if (wakeAt >= end) {
                    now = end;
                    break;
                }
                const double asked = now;
                now = wakeAt;
                const bool event = eventAt <= now;
                if (event) ++nextEvent;
                pacer.woke(now, event);
                if (!event && now - asked < wait) continue;  // woken only to look: nothing drawn
            } else {
                now += 1.0 / 60.0;  // at the screen's pace
                while (nextEvent < events.size() && events[nextEvent] <= now) pacer.woke(events[nextEvent++], true);
            }
            c.imgui.frame(c.draw(), static_cast<float>(now - lastFrame));
            c.settle();
            lastFrame = now;
            pacer.drew(now, c.app.nextFrameIn());
        }
        return pacer.frames() - before;
    }
    /// What the test just did to the app happened in the frame drawn now: the loop asks the app's next deadline
    /// after it.
    void inThisFrame() { pacer.drew(now, c.app.nextFrameIn()); }
};

}  // namespace

TEST_CASE("idle, the console draws nothing; an event draws a quarter of a second at the screen's pace") {
    Loop loop;
    CHECK(loop.c.app.nextFrameIn() == FramePacer::kForever);
    CHECK(loop.run(60.0) == 0);  // a minute of nothing: no frame
    const long afterEvent = loop.run(10.0, {loop.now + 2.0});
    CHECK(afterEvent >= 14);  // 0.25 s at 60 Hz
    CHECK(afterEvent <= 17);
    // A key held (key repeat, a drag): frames go on.
    CHECK(loop.pacer.wait(loop.now, true) == 0.0);
}

TEST_CASE("a running countdown draws once a second; paused, nothing") {
    Loop loop;
    Countdown& countdown = loop.c.app.state().countdown;
    countdown.reset(300);
    countdown.start();  // (F6)
    loop.inThisFrame();
    const double shown = countdown.remainingMs();
    const long frames = loop.run(60.0);
    CHECK(frames >= 59);
    CHECK(frames <= 62);
    // The time is kept: the last frame was drawn just after the last change of second within the minute.
    CHECK(countdown.remainingMs() <= shown - 59'000);
    CHECK(countdown.remainingMs() >= shown - 60'010);
    CHECK(std::ceil(countdown.remainingMs() / 1000.0) >= 240);
    CHECK(std::ceil(countdown.remainingMs() / 1000.0) <= 241);
    countdown.pause();
    loop.inThisFrame();
    CHECK(loop.run(60.0) == 0);
}

TEST_CASE("a message on screen draws once more when it ends, then nothing") {
    Loop loop;
    loop.c.app.toast("Enregistré");
    CHECK(loop.c.app.nextFrameIn() > 4.0);
    CHECK(loop.c.app.nextFrameIn() <= 5.1);
    loop.inThisFrame();
    const long frames = loop.run(30.0);
    CHECK(frames >= 1);
    CHECK(frames <= 2);
    CHECK(loop.c.app.state().toasts.empty());
    CHECK(loop.c.app.nextFrameIn() == FramePacer::kForever);
}

TEST_CASE("closing: frames at once until the field being edited is committed") {
    Console c;
    c.app.requestClose();
    CHECK(c.app.nextFrameIn() == 0.0);
}
