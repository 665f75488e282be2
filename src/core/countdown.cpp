#include "core/countdown.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/assert.h"

namespace atelier {

void Countdown::reset(int seconds) {
    durationMs_ = std::max(0, seconds) * 1000.0;
    remainingMs_ = durationMs_;
    running_ = false;
}

void Countdown::addMinute() { remainingMs_ = std::max(0.0, remainingMs_) + 60'000; }

void Countdown::tick(double ms) {
    ATELIER_ASSERT(!std::isnan(ms), "Countdown::tick needs the time that passed, not NaN");
    if (!running_ || ms <= 0) return;
    remainingMs_ = std::max(0.0, remainingMs_ - ms);
    if (remainingMs_ <= 0) running_ = false;
}

std::string Countdown::text() const {
    const long total = static_cast<long>(std::ceil(std::max(0.0, remainingMs_) / 1000.0));
    char buf[24];
    if (total >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
    else std::snprintf(buf, sizeof buf, "%02ld:%02ld", total / 60, total % 60);
    return buf;
}

}  // namespace atelier
