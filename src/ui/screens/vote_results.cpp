// Results of a vote drawn to scale in any rectangle: the projector shows them in large type, the console in its
// results panel. One row per option in ranking order: its rank (« = » for a tie), its name, and a bar — the score
// for dots, approval and Borda, the merit profile with its median for majority judgment, the wins for Schulze.

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/screens/grade_colours.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

/// Colour of grade `g` of a scale of `n` grades, red (worst) to green (best).
ImU32 gradeColour(int g, int n) {
    static const ImU32 kSeven[] = {IM_COL32(150, 20, 30, 255),  IM_COL32(215, 60, 40, 255), IM_COL32(240, 140, 40, 255),
                                   IM_COL32(245, 205, 60, 255), IM_COL32(160, 205, 90, 255), IM_COL32(70, 160, 80, 255),
                                   IM_COL32(20, 110, 60, 255)};
    if (n <= 1) return kSeven[6];
    const int i = static_cast<int>(std::lround(6.0 * g / (n - 1)));
    return kSeven[std::clamp(i, 0, 6)];
}

/// Black or white text, whichever contrasts more with `background`.
ImU32 textOn(ImU32 background) {
    const ImU32 dark = IM_COL32(17, 17, 17, 255);
    return contrastRatio(dark, background) >= contrastRatio(IM_COL32_WHITE, background) ? dark : IM_COL32_WHITE;
}

void drawVoteResults(ImDrawList* draw, ImVec2 min, ImVec2 max, const Vote& vote, bool fillBackground) {
    using namespace projector;
    if (fillBackground) draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 40 || height < 40) return;
    const Fonts& f = fonts();
    // Pixels per unit: the height's, but never under the width's at 16:9, so that the band left under the countdown
    // does not shrink the type (« Vote par points » fell to 13 px at 720p); the rows share whatever height is left.
    const float u = std::min(std::max(height / 1080.0f, width / 1920.0f), width / 1500.0f);
    const float margin = 60.0f * u;
    float y = min.y + margin;
    const float left = min.x + margin, right = max.x - margin;

    const std::string title = vote.setup.question.empty() ? std::string(tr(Str::VoteUntitled)) : vote.setup.question;
    const ImRect view(min, max);
    fitText(draw, f.largeBold, 30 * u, ImVec2(left, y), kAccent, kBackground, enumLabel(vote.setup.method), view, 0,
            TextRole::Label);
    y += 40 * u;
    // The question as large as a quarter of the height allows (a long one wraps smaller, never under the rows).
    const float titleSize = fitSize(f.largeBold, title, right - left, height * 0.25f, 56 * u, 24 * u, true);
    y += fitText(draw, f.largeBold, titleSize, ImVec2(left, y), kText, kBackground, title, view, right - left).y + 10 * u;
    long long ballots = 0;
    for (const StoredBallot& b : vote.ballots) ballots += b.ballot.count;
    const std::string status = fmt(vote.setup.open ? Str::VoteStatusOpen : Str::VoteStatusClosed, {std::to_string(ballots)});
    fitText(draw, f.large, 32 * u, ImVec2(left, y), kMuted, kBackground, status, view, right - left, TextRole::Label);
    y += 56 * u;

    if (vote.setup.hideResults && vote.setup.open) {
        fitText(draw, f.large, 44 * u, ImVec2(left, y), kText, kBackground, tr(Str::VoteResultsHidden), view, right - left);
        return;
    }
    const TallyOutcome outcome = tally(vote.election());
    if (!outcome.ok) {
        fitText(draw, f.large, 32 * u, ImVec2(left, y), IM_COL32(160, 30, 30, 255), kBackground, outcome.error.message,
                view, right - left);
        return;
    }
    const TallyResult& r = outcome.result;
    if (r.ballots == 0) {  // not a tie of every proposal: nobody has voted yet
        fitText(draw, f.large, 44 * u, ImVec2(left, y), kText, kBackground, tr(Str::NoBallotYet), view, right - left);
        return;
    }
    const size_t n = vote.setup.options.size();
    const float rowGap = 14 * u;
    // The rows share the height left (a legend's line kept for majority judgment): three proposals fill the screen
    // in large type instead of its top 40 % (rows of 70 units at most, type of 44).
    const float legendRoom = vote.setup.method == VoteMethod::Majority ? 60 * u : 0.0f;
    const float rowHeight =
        std::clamp((max.y - margin * 0.5f - legendRoom - y) / static_cast<float>(n) - rowGap, 18 * u, 240 * u);
    const float textSize = std::min(60 * u, rowHeight * 0.62f);
    const float rankWidth = 70 * u, nameWidth = (right - left) * 0.38f;
    const float barLeft = left + rankWidth + nameWidth + 20 * u, barRight = right;
    long long best = 1;
    for (long long s : r.scores) best = std::max(best, s);

    // Majority judgment: the scale as a legend along the bottom edge.
    float bottom = max.y - margin * 0.5f;
    if (vote.setup.method == VoteMethod::Majority) {
        const float size = std::max(27 * u, std::min(34 * u, textSize * 0.7f));  // 18 px at 720p at least
        float x = left;
        const float ly = max.y - margin * 0.5f - size * 1.3f;
        for (size_t g = 0; g < r.grades.size(); ++g) {
            const ImU32 c = gradeColour(static_cast<int>(g), static_cast<int>(r.grades.size()));
            draw->AddRectFilled(ImVec2(x, ly + size * 0.1f), ImVec2(x + size, ly + size * 1.1f), c, 3 * u);
            x += size * 1.3f;
            x += fitText(draw, f.large, size, ImVec2(x, ly), kMuted, kBackground, r.grades[g], view, 0, TextRole::Label).x +
                 size * 1.2f;
        }
        bottom = ly - 10 * u;
    }

    int rank = 1;
    for (const auto& tier : r.ranking) {
        for (size_t k = 0; k < tier.size(); ++k) {
            if (y + rowHeight > bottom) {  // the rest does not fit: said, not silently dropped
                reportCut(vote.setup.options[static_cast<size_t>(tier[k])], y + rowHeight - min.y, bottom - min.y);
                return;
            }
            const int o = tier[k];
            const float mid = y + rowHeight * 0.5f;
            const std::string rankText = k == 0 ? std::to_string(rank) : std::string("=");
            fitText(draw, f.largeBold, textSize, ImVec2(left, mid - textSize * 0.55f), kAccent, kBackground, rankText, view,
                    0, TextRole::Label);
            const std::string& name = vote.setup.options[static_cast<size_t>(o)];
            // The proposal wrapped between words on as many lines as its row holds, smaller when it needs more.
            const float wrap = nameWidth - 12 * u;
            const float nameSize = fitSize(f.large, name, wrap, rowHeight, textSize, textSize * 0.5f, true);
            const ImVec2 nameBox = f.large->CalcTextSizeA(nameSize, FLT_MAX, wrap, name.c_str());
            fitText(draw, f.large, nameSize, ImVec2(left + rankWidth, mid - nameBox.y * 0.5f), kText, kBackground, name,
                    ImRect(ImVec2(left + rankWidth, y), ImVec2(left + rankWidth + nameWidth, y + rowHeight)), wrap);
            const ImVec2 barMin(barLeft, y + rowHeight * 0.12f), barMax(barRight, y + rowHeight * 0.88f);
            if (vote.setup.method == VoteMethod::Majority) {
                const auto& profile = r.meritProfile[static_cast<size_t>(o)];
                long long total = 0;
                for (long long c : profile) total += c;
                float x = barMin.x;
                for (size_t g = 0; g < profile.size(); ++g) {
                    if (total == 0 || profile[g] == 0) continue;
                    const float w = (barMax.x - barMin.x) * static_cast<float>(profile[g]) / static_cast<float>(total);
                    draw->AddRectFilled(ImVec2(x, barMin.y), ImVec2(x + w, barMax.y),
                                        gradeColour(static_cast<int>(g), static_cast<int>(profile.size())));
                    x += w;
                }
                const float median = (barMin.x + barMax.x) * 0.5f;  // the median voter
                draw->AddLine(ImVec2(median, barMin.y - 6 * u), ImVec2(median, barMax.y + 6 * u), kText, std::max(2.0f, 4 * u));
                const std::string grade = r.grades[static_cast<size_t>(r.medians[static_cast<size_t>(o)])];
                const ImU32 chip = gradeColour(r.medians[static_cast<size_t>(o)], static_cast<int>(r.grades.size()));
                const ImVec2 size = f.largeBold->CalcTextSizeA(textSize * 0.7f, FLT_MAX, 0, grade.c_str());
                const ImVec2 at(median + 10 * u, mid - size.y * 0.5f);
                draw->AddRectFilled(ImVec2(at.x - 6 * u, at.y - 2 * u), ImVec2(at.x + size.x + 6 * u, at.y + size.y + 2 * u), chip, 6 * u);
                fitText(draw, f.largeBold, textSize * 0.7f, at, textOn(chip), chip, grade, view, 0, TextRole::Label);
            } else {
                const long long score = r.scores[static_cast<size_t>(o)];
                const float w = (barMax.x - barMin.x) * 0.68f * static_cast<float>(score) / static_cast<float>(best);
                draw->AddRectFilled(barMin, ImVec2(barMin.x + std::max(w, 2.0f), barMax.y), rank == 1 ? kAccent : IM_COL32(110, 140, 190, 255));  // the whole first tier: a tie looks like a tie
                const std::string label = vote.setup.method == VoteMethod::Schulze
                                              ? fmt(Str::VoteBeats, {std::to_string(score)})
                                              : std::to_string(score);
                fitText(draw, f.largeBold, textSize * 0.8f, ImVec2(barMin.x + w + 12 * u, mid - textSize * 0.45f), kText,
                        kBackground, label, view, 0, TextRole::Label);
            }
            y += rowHeight + rowGap;
        }
        rank += static_cast<int>(tier.size());
    }
}

Id firstVote(const Etape& etape) { return etape.votes.empty() ? 0 : etape.votes.front().id; }

bool projectVoteResults(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    for (const Etape& e : ctx.model.etapes)
        if (const int i = indexOf(e.votes, ctx.item); i >= 0) {
            drawVoteResults(draw, min, max, e.votes[static_cast<size_t>(i)], true);
            return true;
        }
    return false;
}

}  // namespace atelier::ui
