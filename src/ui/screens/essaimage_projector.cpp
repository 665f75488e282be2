// Projector views of the essaimage, drawn to scale in any rectangle (the room's window and the console's preview):
// « Découverte » (one action-phare, its photo large), « Pratiques à essaimer » (cards the back of the room can
// read, a page at a time) and the evaluation's results (majority-judgment profiles as for the votes, practices
// wanted, a few sentences). Every text goes through fitText; a text that cannot fit at the smallest size is
// shortened with « … » (never clipped).
//
// [SECTION] Fitting helpers
// [SECTION] Découverte
// [SECTION] Pratiques à essaimer
// [SECTION] Évaluation

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/keys.h"
#include "ui/screens/essaimage.h"
#include "ui/screens/grade_colours.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

using namespace projector;

// [SECTION] Fitting helpers

struct Fitted {
    std::string text;
    float size = 0;
    float height = 0;
};

/// `text` at the largest size in [minSize, maxSize] at which it fits `width` × `height` wrapped; shortened with
/// « … » (never below a few words) when it fits at none.
Fitted fitBlock(ImFont* font, const std::string& text, float width, float height, float maxSize, float minSize) {
    Fitted f{text, fitSize(font, text, width, height, maxSize, minSize, true), 0};
    f.height = font->CalcTextSizeA(f.size, FLT_MAX, width, f.text.c_str()).y;
    size_t chars = countCodePoints(text);
    // With fitSize's half-pixel tolerance: a text it found fitting is not shortened for a rounding (a title cut at
    // « Une permanence le samedi matin a… » where it fitted on two lines).
    while (f.height > height + 0.5f && chars > 12) {
        chars = chars * 4 / 5;
        f.text = excerpt(text, chars);
        f.height = font->CalcTextSizeA(f.size, FLT_MAX, width, f.text.c_str()).y;
    }
    return f;
}


std::string citeName(const Model& m, std::optional<Id> id) {
    const Territory* t = id ? m.territory(*id) : nullptr;
    return t ? t->name : std::string(tr(Str::HostToConfirm));
}

}  // namespace

// [SECTION] Découverte

Id firstActionPhare(const Etape& etape) { return etape.actionsPhares.empty() ? 0 : etape.actionsPhares.front().id; }

bool projectDecouverte(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    // The action-phare projected, in the selected étape (or another one), else the étape's first.
    const Etape* etape = nullptr;
    const ActionPhare* a = nullptr;
    size_t index = 0;
    auto find = [&](const Etape& e) {
        for (size_t i = 0; i < e.actionsPhares.size(); ++i)
            if (e.actionsPhares[i].id == ctx.item) {
                etape = &e;
                a = &e.actionsPhares[i];
                index = i;
            }
    };
    if (ctx.etape) find(*ctx.etape);
    if (!a)
        for (const Etape& e : ctx.model.etapes)
            if (!a) find(e);
    if (!a && ctx.etape && !ctx.etape->actionsPhares.empty()) {
        etape = ctx.etape;
        a = &ctx.etape->actionsPhares.front();
        index = 0;
    }
    if (!a) return false;

    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 40 || height < 40) return true;
    const Fonts& f = fonts();
    const float u = audienceUnit(min, max);
    const float margin = 60.0f * u;
    const float left = min.x + margin, right = max.x - margin, bottom = max.y - margin;
    const ImRect view(min, max);
    draw->AddRectFilled(min, ImVec2(min.x + std::max(4.0f, 22.0f * u), max.y), kAccent);
    float y = min.y + margin;

    const std::string kicker = fmt(Str::ProjDecouverteKicker, {std::to_string(index + 1),
                                                               std::to_string(etape->actionsPhares.size())});
    y += fitText(draw, f.largeBold, 32 * u, ImVec2(left, y), kAccent, kBackground, kicker, view, right - left,
                 TextRole::Label).y + 12 * u;
    const Fitted title = fitBlock(f.largeBold, a->title, right - left, height * 0.22f, 72 * u, 30 * u);
    y += fitText(draw, f.largeBold, title.size, ImVec2(left, y), kText, kBackground, title.text, view, right - left,
                 TextRole::Label).y + 10 * u;
    const std::string host = fmt(Str::ProjDecouverteHost, {citeName(ctx.model, etape->header.host)});
    y += fitText(draw, f.large, 36 * u, ImVec2(left, y), kMuted, kBackground, host, view, right - left,
                 TextRole::Label).y + 24 * u;

    // Every photo on the right, in a grid (one large, two stacked, then two columns…), the text on the left; the
    // text alone across without a photo.
    float textRight = right;
    if (!a->photos.empty() && bottom - y > 80 * u) {
        const ImVec2 areaMin(left + (right - left) * 0.42f, y), areaMax(right, bottom);
        textRight = areaMin.x - 40 * u;
        const int count = static_cast<int>(a->photos.size());
        const int columns = count <= 2 ? 1 : (count <= 6 ? 2 : 3);
        const int rows = (count + columns - 1) / columns;
        const float gapPhoto = 16 * u;
        const float cellW = (areaMax.x - areaMin.x - gapPhoto * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float cellH = (areaMax.y - areaMin.y - gapPhoto * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        for (int i = 0; i < count; ++i) {
            const ImVec2 cellMin(areaMin.x + static_cast<float>(i % columns) * (cellW + gapPhoto),
                                 areaMin.y + static_cast<float>(i / columns) * (cellH + gapPhoto));
            const ImVec2 cellMax(cellMin.x + cellW, cellMin.y + cellH);
            const std::string& path = a->photos[static_cast<size_t>(i)];
            const PhotoTexture& photo = photoTexture(path);
            if (photo.texture && photo.width > 0 && photo.height > 0) {
                const float scale = std::min(cellW / static_cast<float>(photo.width), cellH / static_cast<float>(photo.height));
                const ImVec2 size(static_cast<float>(photo.width) * scale, static_cast<float>(photo.height) * scale);
                const ImVec2 at(cellMin.x + (cellW - size.x) * 0.5f, cellMin.y + (cellH - size.y) * 0.5f);
                draw->AddImage(photo.texture, at, ImVec2(at.x + size.x, at.y + size.y));
            } else {
                // Not decoded yet, no texture (a headless frame) or an unreadable file: where the photo goes, named.
                draw->AddRect(cellMin, cellMax, kMuted, 8 * u, 0, std::max(1.0f, 3 * u));
                const std::string label = photo.error.empty() ? path : photo.error;
                const float pad = std::min(24 * u, cellW * 0.08f);
                const Fitted t = fitBlock(f.large, label, cellW - 2 * pad, cellH - 2 * pad, 30 * u, 14 * u);
                fitText(draw, f.large, t.size, ImVec2(cellMin.x + pad, cellMin.y + pad), kMuted, kBackground, t.text,
                        ImRect(cellMin, cellMax), cellW - 2 * pad, TextRole::Label);
            }
        }
    }

    // Description, partners, contact: one size for the three, the largest that fits.
    std::vector<std::pair<std::string, bool>> lines;  // text, muted
    if (!a->description.empty()) lines.emplace_back(a->description, false);
    if (!a->partners.empty()) lines.emplace_back(fmt(Str::SumPartners, {a->partners}), true);
    if (!a->contact.empty()) lines.emplace_back(fmt(Str::SumContact, {a->contact}), true);
    const float textWidth = textRight - left;
    const float gap = 18 * u;
    auto blockHeight = [&](float size, const std::vector<std::pair<std::string, bool>>& ls) {
        float h = 0;
        for (const auto& [text, muted] : ls) h += f.large->CalcTextSizeA(size, FLT_MAX, textWidth, text.c_str()).y + gap;
        return h;
    };
    float size = (a->photos.empty() ? 56 : 44) * u;
    while (size > 18 * u && blockHeight(size, lines) > bottom - y) size *= 0.94f;
    size = std::max(size, 18 * u);
    if (blockHeight(size, lines) > bottom - y && !lines.empty()) {  // a very long description: shortened
        const float others = blockHeight(size, lines) - blockHeight(size, {lines.front()});
        lines.front().first = fitBlock(f.large, lines.front().first, textWidth, std::max(0.0f, bottom - y - others - gap),
                                       size, size).text;
    }
    for (const auto& [text, muted] : lines) {
        if (y + f.large->CalcTextSizeA(size, FLT_MAX, textWidth, text.c_str()).y > bottom + 1) break;
        y += fitText(draw, f.large, size, ImVec2(left, y), muted ? kMuted : kText, kBackground, text,
                     ImRect(ImVec2(left, min.y), ImVec2(textRight, max.y)), textWidth,
                     muted ? TextRole::Label : TextRole::Body).y + gap;
    }
    return true;
}

// [SECTION] Pratiques à essaimer

bool projectPractices(LibraryView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    const std::vector<const Practice*> practices = libraryLists(ctx.model, ctx.revision, view).shown;
    if (practices.empty()) return false;
    const int pages = (static_cast<int>(practices.size()) + kPracticeCardsPerPage - 1) / kPracticeCardsPerPage;
    if (ctx.input) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)))
            ++view.page;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)))
            --view.page;
    }
    view.page = std::clamp(view.page, 0, pages - 1);

    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 40 || height < 40) return true;
    const Fonts& f = fonts();
    const float u = audienceUnit(min, max);
    const float margin = 50.0f * u;
    const float left = min.x + margin, right = max.x - margin, bottom = max.y - margin;
    const ImRect view_(min, max);
    float y = min.y + margin;
    const std::string page = fmt(Str::ProjPracticesPage, {std::to_string(view.page + 1), std::to_string(pages)});
    const float pageWidth = f.large->CalcTextSizeA(34 * u, FLT_MAX, 0, page.c_str()).x;
    if (pages > 1)
        fitText(draw, f.large, 34 * u, ImVec2(right - pageWidth, y + 10 * u), kMuted, kBackground, page, view_, 0,
                TextRole::Label);
    y += fitText(draw, f.largeBold, 56 * u, ImVec2(left, y), kAccent, kBackground, tr(Str::ProjPracticesTitle),
                 ImRect(min, ImVec2(right - pageWidth - 20 * u, max.y)), 0, TextRole::Label).y + 24 * u;

    const size_t first = static_cast<size_t>(view.page) * kPracticeCardsPerPage;
    const size_t count = std::min<size_t>(kPracticeCardsPerPage, practices.size() - first);
    const int columns = count == 1 ? 1 : 2, rows = count <= 2 ? 1 : 2;
    const float gap = 30 * u;
    const float cardW = (right - left - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float cardH = (bottom - y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (size_t k = 0; k < count; ++k) {
        const Practice& p = *practices[first + k];
        const float cx = left + static_cast<float>(k % 2) * (cardW + gap);
        const float cy = y + static_cast<float>(k / 2) * (cardH + gap);
        const ImVec2 cmin(cx, cy), cmax(cx + cardW, cy + cardH);
        draw->AddRect(cmin, cmax, kRule, 10 * u, 0, std::max(1.0f, 3 * u));
        draw->AddRectFilled(cmin, ImVec2(cmin.x + std::max(4.0f, 12 * u), cmax.y), kAccent, 10 * u,
                            ImDrawFlags_RoundCornersLeft);
        const float pad = 28 * u;
        const float tx = cmin.x + pad + 8 * u, tw = cmax.x - pad - tx;
        const float innerH = cardH - 2 * pad;
        const ImRect card(cmin, cmax);
        float ty = cmin.y + pad;
        // Origin, title, description, then who tried it and who wants it, each in its share of the card.
        // Who tried it and who wants it is what the room reads from the back: its share comes first, at least
        // 22 px at 1080p; the description takes what is left.
        // The origin (« Amiens · étape 1 · « Comment associer les familles… » ») has room for two lines at a size
        // the room reads (27 units: 18 px at 720p), not one line at 20 shortened to « …à la réuss… ».
        const Fitted origin = fitBlock(f.large, practiceOrigin(ctx.model, p), tw, innerH * 0.24f, 32 * u, 27 * u);
        ty += fitText(draw, f.large, origin.size, ImVec2(tx, ty), kMuted, kBackground, origin.text, card, tw,
                      TextRole::Label).y + 8 * u;
        const Fitted title = fitBlock(f.largeBold, p.title, tw, innerH * 0.3f, 50 * u, 24 * u);
        ty += fitText(draw, f.largeBold, title.size, ImVec2(tx, ty), kText, kBackground, title.text, card, tw,
                      TextRole::Label).y + 10 * u;
        std::string footer;
        for (const FollowUp& fu : p.followUps) {
            const Territory* t = ctx.model.territory(fu.territory);
            footer += (footer.empty() ? "" : " · ") + std::string(enumLabel(fu.status)) + " · " + (t ? t->name : "?");
        }
        std::string interested;
        for (Id t : interestedCites(ctx.model, p))
            if (const Territory* territory = ctx.model.territory(t))
                interested += (interested.empty() ? "" : ", ") + territory->name;
        if (!interested.empty())
            footer.append(footer.empty() ? "" : "\n").append(fmt(Str::ProjPracticesInterested, {interested}));
        const Fitted foot = fitBlock(f.large, footer, tw, innerH * 0.3f, 36 * u, 22 * u);
        const std::string description = practiceDescription(ctx.model, p);
        const float descH = cmax.y - pad - ty - (footer.empty() ? 0 : foot.height + 10 * u);
        if (!description.empty() && descH > 12 * u) {
            const Fitted d = fitBlock(f.large, description, tw, descH, 36 * u, 20 * u);
            fitText(draw, f.large, d.size, ImVec2(tx, ty), kText, kBackground, d.text, card, tw);
        }
        if (!footer.empty())
            fitText(draw, f.large, foot.size, ImVec2(tx, cmax.y - pad - foot.height), kAccent, kBackground, foot.text,
                    card, tw, TextRole::Label);
    }
    return true;
}

// [SECTION] Évaluation

bool projectEvaluation(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    if (!ctx.etape || ctx.etape->evaluation.questions.empty()) return false;
    const Etape& e = *ctx.etape;
    const EvaluationResults r = evaluationResults(e.evaluation);
    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 40 || height < 40) return true;
    const Fonts& f = fonts();
    const float u = audienceUnit(min, max);
    const float margin = 50.0f * u;
    const float left = min.x + margin, right = max.x - margin, bottom = max.y - margin;
    const ImRect view(min, max);
    float y = min.y + margin;
    y += fitText(draw, f.largeBold, 52 * u, ImVec2(left, y), kAccent, kBackground,
                 fmt(Str::ProjEvalTitle, {std::to_string(e.header.number)}), view, right - left, TextRole::Label).y;
    y += fitText(draw, f.large, 32 * u, ImVec2(left, y + 6 * u), kMuted, kBackground,
                 fmt(Str::SumEvaluationResponses, {std::to_string(r.respondents)}), view, right - left,
                 TextRole::Label).y + 30 * u;

    std::vector<const QuestionResult*> grades, texts;
    const QuestionResult* wanted = nullptr;
    for (const QuestionResult& q : r.questions) {
        if (q.question.kind == QuestionKind::Grade) grades.push_back(&q);
        else if (q.question.kind == QuestionKind::Practices && !wanted) wanted = &q;
        else if (!q.texts.empty()) texts.push_back(&q);
    }
    // The grades' legend right under the bars it explains (it used to sit along the bottom edge, small), as large as
    // its line across the width allows.
    float legendSize = 34 * u;
    {
        float wide = 0;
        for (const std::string& g : r.grades)
            wide += legendSize * 2.5f + f.large->CalcTextSizeA(legendSize, FLT_MAX, 0, g.c_str()).x;
        if (wide > right - left) legendSize *= (right - left) / wide;
    }
    const float legendH = grades.empty() ? 0.0f : legendSize * 1.2f + 14 * u;
    auto drawLegend = [&](float ly) {
        float lx = left;
        for (size_t g = 0; g < r.grades.size(); ++g) {
            const ImU32 c = gradeColour(static_cast<int>(g), static_cast<int>(r.grades.size()));
            draw->AddRectFilled(ImVec2(lx, ly + legendSize * 0.1f), ImVec2(lx + legendSize, ly + legendSize * 1.1f), c,
                                3 * u);
            lx += legendSize * 1.3f;
            lx += fitText(draw, f.large, legendSize, ImVec2(lx, ly), kMuted, kBackground, r.grades[g], view, 0,
                          TextRole::Label).x + legendSize * 1.2f;
        }
    };
    const float contentBottom = bottom;

    // One row per grade question: its text, the profile with the median line and the majority grade.
    const bool others = wanted || !texts.empty();
    const float gradeShare = (others ? (contentBottom - y) * 0.55f : contentBottom - y) - legendH;
    const float gradeBottom =
        y + std::min(gradeShare, static_cast<float>(grades.size()) * (110 * u + 16 * u));
    const float rowGap = 16 * u;
    const float rowH = grades.empty() ? 0
                                      : std::min(110 * u, (gradeBottom - y - rowGap * static_cast<float>(grades.size() - 1)) /
                                                              static_cast<float>(grades.size()));
    const float nameW = (right - left) * 0.32f;
    for (const QuestionResult* q : grades) {
        if (rowH < 20 * u) break;
        const float mid = y + rowH * 0.5f;
        const Fitted name = fitBlock(f.largeBold, q->question.text, nameW - 16 * u, rowH, 40 * u, 14 * u);
        fitText(draw, f.largeBold, name.size, ImVec2(left, mid - name.height * 0.5f), kText, kBackground, name.text,
                ImRect(ImVec2(left, y), ImVec2(left + nameW, y + rowH)), nameW - 16 * u, TextRole::Label);
        const ImVec2 barMin(left + nameW, y + rowH * 0.15f), barMax(right, y + rowH * 0.85f);
        long long total = 0;
        for (long long c : q->profile) total += c;
        if (total == 0) {
            fitText(draw, f.large, std::min(32 * u, rowH * 0.5f), ImVec2(barMin.x, mid - std::min(32 * u, rowH * 0.5f) * 0.6f),
                    kMuted, kBackground, tr(Str::SumEvaluationNoAnswer), view, 0, TextRole::Label);
        } else {
            float x = barMin.x;
            for (size_t g = 0; g < q->profile.size(); ++g) {
                if (q->profile[g] == 0) continue;
                const float w = (barMax.x - barMin.x) * static_cast<float>(q->profile[g]) / static_cast<float>(total);
                draw->AddRectFilled(ImVec2(x, barMin.y), ImVec2(x + w, barMax.y),
                                    gradeColour(static_cast<int>(g), static_cast<int>(q->profile.size())));
                x += w;
            }
            const float median = (barMin.x + barMax.x) * 0.5f;
            draw->AddLine(ImVec2(median, barMin.y - 6 * u), ImVec2(median, barMax.y + 6 * u), kText, std::max(2.0f, 4 * u));
            if (q->median >= 0 && q->median < static_cast<int>(r.grades.size())) {
                const std::string grade = r.grades[static_cast<size_t>(q->median)];
                const ImU32 chip = gradeColour(q->median, static_cast<int>(r.grades.size()));
                const float size = std::min(34 * u, rowH * 0.45f);
                const ImVec2 box = f.largeBold->CalcTextSizeA(size, FLT_MAX, 0, grade.c_str());
                const ImVec2 at(median + 12 * u, mid - box.y * 0.5f);
                draw->AddRectFilled(ImVec2(at.x - 6 * u, at.y - 2 * u), ImVec2(at.x + box.x + 6 * u, at.y + box.y + 2 * u),
                                    chip, 6 * u);
                fitText(draw, f.largeBold, size, at, textOn(chip), chip, grade, view, 0, TextRole::Label);
            }
        }
        y += rowH + rowGap;
    }
    if (!grades.empty()) {
        drawLegend(y);
        y += legendH;
    }
    if (!others) return true;

    // Below: the practices wanted (left) and what the room takes away, themes wished (right).
    y = std::max(y, gradeBottom + legendH) + 10 * u;
    const float colGap = 40 * u;
    const float colW = (right - left - colGap) * 0.5f;
    auto column = [&](float x, const std::string& head, const std::string& body) {
        if (contentBottom - y < 40 * u) return;
        const Fitted h = fitBlock(f.largeBold, head, colW, (contentBottom - y) * 0.3f, 40 * u, 14 * u);
        const float hy = fitText(draw, f.largeBold, h.size, ImVec2(x, y), kAccent, kBackground, h.text,
                                 ImRect(ImVec2(x, y), ImVec2(x + colW, contentBottom)), colW, TextRole::Label).y + 8 * u;
        if (body.empty() || contentBottom - y - hy < 14 * u) return;
        const Fitted b = fitBlock(f.large, body, colW, contentBottom - y - hy, 42 * u, 14 * u);
        fitText(draw, f.large, b.size, ImVec2(x, y + hy), kText, kBackground, b.text,
                ImRect(ImVec2(x, y), ImVec2(x + colW, contentBottom)), colW);
    };
    if (wanted) {
        std::string body;
        for (size_t i = 0; i < wanted->practices.size() && i < 4; ++i)
            if (const Practice* p = ctx.model.practice(wanted->practices[i].first))
                body.append(body.empty() ? "" : "\n")
                    .append("\u2022 ")
                    .append(fmt(Str::SumEvaluationWanted, {p->title, std::to_string(wanted->practices[i].second)}));
        column(left, wanted->question.text, body.empty() ? std::string(tr(Str::SumEvaluationNoAnswer)) : body);
    }
    if (!texts.empty()) {
        std::string body;
        const QuestionResult* q = texts.front();
        for (size_t i = 0; i < q->texts.size() && i < 4; ++i)
            body.append(body.empty() ? "" : "\n")  // the quotes kept with their words (no-break spaces)
                .append("\u00ab\u00a0")
                .append(excerpt(q->texts[i].first, 90))
                .append("\u00a0\u00bb");
        column(wanted ? left + colW + colGap : left, texts.front()->question.text, body);
    }
    return true;
}

}  // namespace atelier::ui
