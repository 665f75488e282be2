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

/// Runs the loop for `seconds` of simulated time: waits as the pacer says (an event at one of `events` ends the
/// wait), draws a frame, and so on. Returns the frames drawn. `held(t)`: a key or button is down at t.
long simulate(Console& c, FramePacer& pacer, double& now, double seconds, std::vector<double> events = {}) {
    const double end = now + seconds;
    const long before = pacer.frames();
    size_t nextEvent = 0;
    double last = now;
    while (now < end) {
        const double wait = pacer.wait(now, c.app.nextFrameIn(), false);
        if (wait > 0.0) {
            const double eventAt = nextEvent < events.size() ? events[nextEvent] : FramePacer::kForever;
            const double wakeAt = std::min(now + wait, eventAt);
            if (wakeAt >= end) {
                now = end;
                break;
            }
            now = wakeAt;
            const bool event = eventAt <= now;
            if (event) ++nextEvent;
            pacer.woke(now, event);
        } else {
            now += 1.0 / 60.0;  // at the screen's pace
            while (nextEvent < events.size() && events[nextEvent] <= now) pacer.woke(events[nextEvent++], true);
        }
        c.imgui.frame(c.draw(), static_cast<float>(now - last));
        c.settle();
        last = now;
        pacer.drew();
    }
    return pacer.frames() - before;
}

}  // namespace

TEST_CASE("idle, the console draws nothing; an event draws a quarter of a second at the screen's pace") {
    Console c;
    FramePacer pacer;
    double now = 0;
    simulate(c, pacer, now, 1.0);  // the first frames settle the layout
    CHECK(c.app.nextFrameIn() == FramePacer::kForever);
    CHECK(simulate(c, pacer, now, 60.0) == 0);  // a minute of nothing: no frame
    const long afterEvent = simulate(c, pacer, now, 10.0, {now + 2.0});
    CHECK(afterEvent >= 14);  // 0.25 s at 60 Hz
    CHECK(afterEvent <= 17);
    // A key held (key repeat, a drag): frames go on.
    CHECK(pacer.wait(now, FramePacer::kForever, true) == 0.0);
}

TEST_CASE("a running countdown draws once a second; paused, nothing") {
    Console c;
    FramePacer pacer;
    double now = 0;
    simulate(c, pacer, now, 1.0);
    Countdown& countdown = c.app.state().countdown;
    countdown.reset(300);
    countdown.start();
    const double shown = countdown.remainingMs();
    const long frames = simulate(c, pacer, now, 60.0);
    CHECK(frames >= 59);
    CHECK(frames <= 62);
    // The time is kept: the last frame, drawn at the last change of second before the minute ended, shows 4:01.
    CHECK(countdown.remainingMs() <= shown - 59'000);
    CHECK(countdown.remainingMs() >= shown - 60'000);
    CHECK(std::ceil(countdown.remainingMs() / 1000.0) == 241);
    countdown.pause();
    CHECK(simulate(c, pacer, now, 60.0) == 0);
}

TEST_CASE("a message on screen draws once more when it ends, then nothing") {
    Console c;
    FramePacer pacer;
    double now = 0;
    simulate(c, pacer, now, 1.0);
    c.app.toast("Enregistré");
    CHECK(c.app.nextFrameIn() > 4.0);
    CHECK(c.app.nextFrameIn() <= 5.1);
    const long frames = simulate(c, pacer, now, 30.0);
    CHECK(frames >= 1);
    CHECK(frames <= 2);
    CHECK(c.app.state().toasts.empty());
    CHECK(c.app.nextFrameIn() == FramePacer::kForever);
}

TEST_CASE("closing: frames at once until the field being edited is committed") {
    Console c;
    c.app.requestClose();
    CHECK(c.app.nextFrameIn() == 0.0);
}
