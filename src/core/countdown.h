// The room's countdown for any activity: start, pause, resume, add a minute, reset. No clock inside: the
// caller feeds the time that passed (the UI's frame time), so tests drive it exactly.
#pragma once

#include <string>

namespace atelier {

class Countdown {
public:
    /// Sets the duration (what reset goes back to) and stops, full time left.
    void reset(int seconds);
    void start() { running_ = remainingMs_ > 0; }
    void pause() { running_ = false; }
    void toggle() { running_ ? pause() : start(); }
    /// One more minute, running or not (also after the end); reset() still goes back to the duration.
    void addMinute();
    /// Lets `ms` milliseconds pass while running; stops at zero.
    void tick(double ms);

    bool running() const { return running_; }
    bool finished() const { return remainingMs_ <= 0; }
    /// The last minute is highlighted on the projector.
    bool lastMinute() const { return remainingMs_ > 0 && remainingMs_ <= 60'000; }
    /// Started at least once since the last reset (the projector shows it).
    bool active() const { return running_ || remainingMs_ != durationMs_; }
    double remainingMs() const { return remainingMs_; }
    int durationSeconds() const { return static_cast<int>(durationMs_ / 1000); }
    /// "04:59" (minutes rounded up to the second shown), "00:00" at the end; "1:05:00" past an hour.
    std::string text() const;

private:
    double durationMs_ = 5 * 60'000;
    double remainingMs_ = 5 * 60'000;
    bool running_ = false;
};

}  // namespace atelier
