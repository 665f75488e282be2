// Projector: the room's countdown, drawn over whatever the projector shows, in the top-right corner, large
// enough to read from the back of the room; red in the last minute and at the end.
#include <algorithm>
#include <cfloat>

#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace atelier::ui {

void drawCountdown(ImDrawList* draw, ImVec2 min, ImVec2 max, const Countdown& countdown) {
    const float u = std::min((max.y - min.y) / 1080.0f, (max.x - min.x) / 1920.0f);
    const std::string text = countdown.text();
    const float size = 120.0f * u;
    const ImVec2 textSize = fonts().largeBold->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    const float pad = 24.0f * u;
    const ImVec2 boxMax(max.x - 30.0f * u, min.y + 30.0f * u + textSize.y + 2 * pad);
    const ImVec2 boxMin(boxMax.x - textSize.x - 2 * pad, min.y + 30.0f * u);
    const bool alert = countdown.lastMinute() || countdown.finished();
    const ImU32 background = alert ? IM_COL32(190, 20, 20, 245) : projector::kAccent;
    draw->AddRectFilled(boxMin, boxMax, background, 16.0f * u);
    draw->AddText(fonts().largeBold, size, ImVec2(boxMin.x + pad, boxMin.y + pad), IM_COL32_WHITE, text.c_str());
}

}  // namespace atelier::ui
