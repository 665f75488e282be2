#include <doctest/doctest.h>

#include "core/countdown.h"

using atelier::Countdown;

TEST_CASE("countdown: start, pause, resume, add a minute, the last minute, the end") {
    Countdown c;
    c.reset(3 * 60);
    CHECK(c.text() == "03:00");
    CHECK_FALSE(c.active());
    c.tick(10'000);  // not running: nothing passes
    CHECK(c.text() == "03:00");
    c.start();
    c.tick(1'500);
    CHECK(c.text() == "02:59");  // rounded up: 178.5 s left
    CHECK(c.active());
    c.pause();
    c.tick(60'000);
    CHECK(c.text() == "02:59");
    c.toggle();
    CHECK(c.running());
    c.tick(120'000);
    CHECK(c.lastMinute());
    CHECK(c.text() == "00:59");
    c.addMinute();
    CHECK_FALSE(c.lastMinute());
    CHECK(c.text() == "01:59");
    c.tick(200'000);
    CHECK(c.finished());
    CHECK_FALSE(c.running());
    CHECK(c.text() == "00:00");
    c.addMinute();  // one more minute after the end
    CHECK(c.text() == "01:00");
    c.start();
    CHECK(c.running());
    c.reset(90 * 60);
    CHECK(c.text() == "1:30:00");
}
