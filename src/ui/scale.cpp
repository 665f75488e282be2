#include "ui/scale.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace atelier::ui {

int zoomIn(int percent) {
    for (int step : kZoomSteps)
        if (step > percent) return step;
    return std::end(kZoomSteps)[-1];
}

int zoomOut(int percent) {
    for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it)
        if (*it < percent) return *it;
    return kZoomSteps[0];
}

int zoomStep(int percent) {
    return *std::min_element(std::begin(kZoomSteps), std::end(kZoomSteps),
                             [&](int a, int b) { return std::abs(a - percent) < std::abs(b - percent); });
}

float consoleScale(float contentScale, int zoomPercent) {
    if (!(contentScale > 0.0f) || !std::isfinite(contentScale)) contentScale = 1.0f;
    const float scale = contentScale * static_cast<float>(zoomStep(zoomPercent)) / 100.0f;
    return std::clamp(std::round(scale * 20.0f) / 20.0f, 0.5f, 5.0f);
}

}  // namespace atelier::ui
