// Projector: the room's countdown, drawn over whatever the projector shows, in the top-right corner, large
// enough to read from the back of the room; red in the last minute and at the end.
#include <algorithm>
#include <cfloat>
#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

constexpr float kSize = 96.0f;  // the digits' size at 1080p: read from the back of a room
constexpr float kPad = 18.0f;
constexpr float kMargin = 20.0f;

float unit(ImVec2 min, ImVec2 max) { return std::min((max.y - min.y) / 1080.0f, (max.x - min.x) / 1920.0f); }

}  // namespace

float audienceUnit(ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x, height = max.y - min.y;
    return std::min(std::max(height / 1080.0f, width / 1920.0f), height / 880.0f);
}

ImRect countdownBox(ImVec2 min, ImVec2 max, const Countdown& countdown) {
    const float u = unit(min, max);
    // As wide as "00:00" whatever the time shown, so that the box does not move while it counts.
    const std::string widest = countdown.text().size() > 5 ? countdown.text() : std::string("00:00");
    const ImVec2 textSize = fonts().largeBold->CalcTextSizeA(kSize * u, FLT_MAX, 0.0f, widest.c_str());
    const ImVec2 boxMax(max.x - kMargin * u, min.y + kMargin * u + textSize.y + 2 * kPad * u);
    return ImRect(ImVec2(boxMax.x - textSize.x - 2 * kPad * u, min.y + kMargin * u), boxMax);
}

void drawCountdown(ImDrawList* draw, ImVec2 min, ImVec2 max, const Countdown& countdown) {
    const float u = unit(min, max);
    const ImRect box = countdownBox(min, max, countdown);
    const std::string text = countdown.text();
    const bool alert = countdown.lastMinute() || countdown.finished();
    // Opaque, always: nothing of the view shows through, at 00:00 either.
    const ImU32 background = alert ? IM_COL32(190, 20, 20, 255) : projector::kAccent;
    draw->AddRectFilled(box.Min, box.Max, background, 16.0f * u);
    const ImVec2 textSize = fonts().largeBold->CalcTextSizeA(kSize * u, FLT_MAX, 0.0f, text.c_str());
    draw->AddText(fonts().largeBold, kSize * u,
                  ImVec2((box.Min.x + box.Max.x - textSize.x) * 0.5f, box.Min.y + kPad * u), IM_COL32_WHITE,
                  text.c_str());
}

}  // namespace atelier::ui
