// Projector screen « Accueil »: the étape's welcome (Tour and étape number, theme, host Cité, date in French,
// venue, programme with times), laid out relative to the rectangle it is given so that the same code draws the
// full projector and the console's preview. Sizes are in units of 1/1080 of the height; when the content does
// not fit, everything shrinks together.

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

struct Line {
    std::string text;
    ImFont* font;
    float size;      // in units
    ImU32 color;
    float before;    // space above, in units
    std::string time;  // programme rows: the start time, drawn in its own column
    bool rule = false;  // a rule above the line
};

/// Height of the block at `scale` (pixels per unit) when wrapped to `width` pixels.
float blockHeight(const std::vector<Line>& lines, float scale, float width, float timeColumn) {
    float h = 0;
    for (const Line& l : lines) {
        const float wrap = l.time.empty() ? width : width - timeColumn * scale;
        h += l.before * scale +
             l.font->CalcTextSizeA(l.size * scale, FLT_MAX, wrap, l.text.c_str()).y;
    }
    return h;
}

}  // namespace

void drawWelcome(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape* etape) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 8 || height < 8) return;
    const Fonts& f = fonts();
    float scale = audienceUnit(min, max);  // pixels per unit
    const float margin = std::max(width / 1920.0f, scale) * 90.0f;
    const float textWidth = width - 2 * margin;
    const float timeColumn = 210.0f;

    std::vector<Line> lines;
    if (!etape) {
        lines.push_back({tr(Str::TourTitle), f.largeBold, 72, kAccent, 0, {}});
        lines.push_back({tr(Str::WelcomeNoEtape), f.large, 44, kMuted, 40, {}});
    } else {
        const EtapeHeader& h = etape->header;
        const std::string number = fmt(h.kind == EtapeKind::JourneeRegionale ? Str::EtapeKindJourneeRegionale
                                                                              : Str::EtapeNumber,
                                       {std::to_string(h.number)});
        lines.push_back({fmt(Str::WelcomeKicker, {number}), f.largeBold, 42, kAccent, 0, {}});
        lines.push_back({h.theme, f.largeBold, 76, kText, 18, {}});
        const Territory* host = h.host ? model.territory(*h.host) : nullptr;
        lines.push_back({host ? fmt(Str::WelcomeHostedBy, {deName(host->name)}) : std::string(tr(Str::WelcomeHostTbc)),
                         f.large, 52, kText, 26, {}});
        std::string when = formatLongFr(h.date);
        if (!h.venue.empty()) when += " \u00b7 " + h.venue;
        lines.push_back({when, f.large, 42, kMuted, 12, {}});
        if (!etape->programme.empty()) {
            lines.push_back({tr(Str::WelcomeProgramme), f.largeBold, 48, kAccent, 60, {}, true});
            for (const ProgrammeItem& item : etape->programme)
                lines.push_back({item.title, f.large, 46, kText, 16, formatTimeFr(item.start)});
        }
    }

    const float available = height - 2 * margin;
    const float needed = blockHeight(lines, scale, textWidth, timeColumn);
    if (needed > available) scale *= std::max(0.45f, available / needed);
    // Shrinking changes wrapping; one more pass settles it.
    if (blockHeight(lines, scale, textWidth, timeColumn) > available)
        scale *= std::max(0.45f, available / blockHeight(lines, scale, textWidth, timeColumn));

    // Accent band on the left edge, as on the Tour's printed material.
    draw->AddRectFilled(min, ImVec2(min.x + std::max(4.0f, 22.0f * scale), max.y), kAccent);

    // A short welcome sits in the upper third rather than clinging to the top edge.
    const float slack = available - blockHeight(lines, scale, textWidth, timeColumn);
    float y = min.y + margin + std::max(0.0f, slack * 0.3f);
    for (const Line& l : lines) {
        y += l.before * scale;
        if (l.rule)
            draw->AddLine(ImVec2(min.x + margin, y - 28 * scale), ImVec2(max.x - margin, y - 28 * scale), kRule,
                          std::max(1.0f, 3 * scale));
        const float size = l.size * scale;
        float x = min.x + margin, wrap = textWidth;
        if (!l.time.empty()) {
            fitText(draw, f.largeBold, size, ImVec2(x, y), kAccent, kBackground, l.time,
                    ImRect(ImVec2(x, y), ImVec2(x + timeColumn * scale, max.y)), 0, TextRole::Label);
            x += timeColumn * scale;
            wrap -= timeColumn * scale;
        }
        y += fitText(draw, l.font, size, ImVec2(x, y), l.color, kBackground, l.text, ImRect(min, max), wrap,
                     l.font == f.largeBold ? TextRole::Label : TextRole::Body).y;
    }
}

bool projectWelcome(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    drawWelcome(draw, min, max, ctx.model, ctx.etape);
    return true;
}

}  // namespace atelier::ui
