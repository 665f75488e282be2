// Console screen « Brise-glace »: the speed-meeting inter-Cités (pairs from different Cités, never twice, a
// prompt per round, a countdown per round), the question cards (drawn without repetition, the facilitator's
// own questions) and « Qui est là ? »; each can be sent to the projector.
//
// [SECTION] Speed-meeting
// [SECTION] Cards
// [SECTION] Who is here
// [SECTION] Projector views

#include <algorithm>
#include <cfloat>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/icebreaker.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

std::string nameWithCite(const Model& model, Id id) {
    const Person* p = model.person(id);
    if (!p) return "?";
    const std::string cite = territoryName(model, p->territory, "");
    return cite.empty() ? p->name : p->name + " (" + cite + ")";
}

std::string pairLine(const Model& model, const std::vector<Id>& pair) {
    std::string out;
    for (size_t i = 0; i < pair.size(); ++i) out += (i ? " \u2194 " : "") + nameWithCite(model, pair[i]);
    return out;
}

bool deckCombo(const char* id, const Model& model, std::string& deck) {
    const Deck* current = model.deck(deck);
    bool changed = false;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (comboBox(id, current ? current->title : "—", ComboText::Label)) {
        for (const Deck& d : model.decks)
            if (ImGui::Selectable((d.title + " (" + std::to_string(d.questions.size()) + ")").c_str(), d.id == deck)) {
                deck = d.id;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

// [SECTION] Speed-meeting

void drawMeeting(IcebreakerView& view, const Model& model, const Etape& e, Actions& out, Requests& requests) {
    heading(tr(Str::SpeedMeetingHeading));
    // The steppers show the saved plan (after a restart, another étape, an undo), until the facilitator changes them.
    const std::string plan = std::to_string(e.id) + '|' + std::to_string(e.icebreaker.seed) + '|' +
                             std::to_string(e.icebreaker.rounds.size());
    if (!e.icebreaker.rounds.empty() && view.shownPlan != plan) {
        view.rounds = static_cast<int>(e.icebreaker.rounds.size());
        view.roundSeconds = e.icebreaker.roundSeconds;
    }
    view.shownPlan = plan;
    ImGui::TextDisabled("%s", tr(Str::SpeedMeetingDeck));
    deckCombo("##meeting-deck", model, view.deck);
    ImGui::SetNextItemWidth(em(6.75f));
    ImGui::InputInt(tr(Str::RoundsCount), &view.rounds);
    view.rounds = std::clamp(view.rounds, 1, 20);
    ImGui::SetNextItemWidth(em(6.75f));
    int minutes = view.roundSeconds / 60;
    if (ImGui::InputInt(tr(Str::MinutesPerRound), &minutes)) view.roundSeconds = std::clamp(minutes, 1, 60) * 60;
    if (ImGui::Button(tr(Str::PrepareMeetings))) {
        SpeedMeetingRequest req{view.rounds, view.roundSeconds, view.deck, view.nextSeed++, view.timeLimitMs, view.maxIterations};
        const SpeedMeetingResult r = planSpeedMeeting(model, e, req);
        if (r.ok()) {
            out.push_back(SetIcebreaker{e.id, r.icebreaker});
            view.round = 0;
        } else {
            view.error = r.error;
        }
    }
    probe::mark("meeting.prepare");
    const Icebreaker& ice = e.icebreaker;
    if (ice.rounds.empty()) {
        ImGui::PushTextWrapPos(0.0f);  // a sentence in a third of the window: wrapped
        ImGui::TextDisabled("%s", tr(Str::NoMeetingsYet));
        ImGui::PopTextWrapPos();
        return;
    }
    view.round = std::clamp(view.round, 0, static_cast<int>(ice.rounds.size()) - 1);
    for (int r = 0; r < static_cast<int>(ice.rounds.size()); ++r) {  // a round run has its ✓
        if (r) sameLineIfRoom(buttonWidth("00 \u2713"));
        const std::string label = std::to_string(r + 1) + (ice.rounds[static_cast<size_t>(r)].run ? " \u2713" : "");
        if (ImGui::SmallButton(label.c_str())) view.round = r;
        probe::mark("meeting.round." + std::to_string(r));
    }
    const MeetingRound& round = ice.rounds[static_cast<size_t>(view.round)];
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(("\u00ab " + round.prompt + " \u00bb").c_str());
    ImGui::PopTextWrapPos();
    for (const auto& pair : round.pairs) {  // wrapped in the panel: a long pair is read whole
        ImGui::Bullet();
        ImGui::TextWrapped("%s", pairLine(model, pair).c_str());
    }
    if (ImGui::Button(tr(Str::ProjectRound))) requests.push_back(ProjectRequest{"projecteur-rencontres"});
    probe::mark("meeting.project");
    // Timing the round is running it: the summary lists the rounds run only.
    const std::string timeRound = fmt(Str::TimeRound, {std::to_string(ice.roundSeconds / 60)});
    sameLineIfRoom(buttonWidth(timeRound.c_str()));
    if (ImGui::Button(timeRound.c_str())) {
        requests.push_back(TimerRequest{ice.roundSeconds});  // one round of the speed-meeting, timed
        if (!round.run) out.push_back(MarkRoundRun{e.id, view.round, true});
    }
    probe::mark("meeting.timer");
    bool run = round.run;  // or said by hand, either way
    if (ImGui::Checkbox(tr(Str::RoundRun), &run)) out.push_back(MarkRoundRun{e.id, view.round, run});
    probe::mark("meeting.run");
}

// [SECTION] Cards

void drawCards(IcebreakerView& view, const Model& model, const Etape& e, Actions& out, Requests& requests) {
    heading(tr(Str::CardsHeading));
    deckCombo("##cards-deck", model, view.deck);
    if (ImGui::Button(tr(Str::DrawCardButton))) out.push_back(DrawCard{e.id, view.deck, view.nextSeed++});
    probe::mark("cards.draw");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ProjectCard))) requests.push_back(ProjectRequest{"projecteur-carte"});
    probe::mark("cards.project");
    const auto& drawn = e.icebreaker.drawn;
    if (!drawn.empty()) {
        ImGui::PushFont(fonts().heading);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(drawn.back().c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::TextDisabled("%s", fmt(Str::CardsDrawn, {std::to_string(drawn.size())}).c_str());
    }
    ImGui::Spacing();
    if (view.questionSent.accepted()) {  // refused: kept, to be corrected
        const Deck* deck = model.deck(view.deck);
        view.questionAdded = fmt(Str::QuestionAdded, {view.newQuestion, deck ? deck->title : view.deck,
                                                      std::to_string(deck ? deck->questions.size() : 0)});
        view.newQuestion.clear();
    }
    const bool enter =
        entryField("##new-question", view.newQuestion, tr(Str::NewQuestionHint), -FLT_MIN, 0, view.focusQuestion);
    probe::mark("cards.new-question");
    if (!view.questionAdded.empty()) ImGui::TextColored(console::vec(console::kSuccess), "%s", view.questionAdded.c_str());
    if (enter && !trim(view.newQuestion).empty()) {
        out.push_back(AddQuestion{view.deck, view.newQuestion});
        view.questionSent.wait(out);
    }
}

// [SECTION] Who is here

void drawPresence(const Model& model, const Etape& e, Requests& requests) {
    heading(tr(Str::WhoIsHereHeading));
    if (ImGui::Button(tr(Str::ProjectWhoIsHere))) requests.push_back(ProjectRequest{"projecteur-qui-est-la"});
    probe::mark("presence.project");
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = std::max(em(9.0f), ImGui::GetContentRegionAvail().y - em(0.45f));
    drawWhoIsHere(ImGui::GetWindowDrawList(), min, ImVec2(min.x + w, min.y + h), model, e);
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace

void drawIcebreakerScreen(IcebreakerView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    if (!model.deck(view.deck) && !model.decks.empty()) view.deck = model.decks.front().id;
    const float w = ImGui::GetContentRegionAvail().x / 3.0f - em(0.45f);
    ImGui::BeginChild("##meeting", ImVec2(w, 0), true);
    drawMeeting(view, model, *e, out, ctx.requests);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##cards", ImVec2(w, 0), true);
    drawCards(view, model, *e, out, ctx.requests);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##presence", ImVec2(0, 0), true);
    drawPresence(model, *e, ctx.requests);
    ImGui::EndChild();
}

// [SECTION] Projector views

void drawMeetingProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& e, int round) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    const auto& rounds = e.icebreaker.rounds;
    if (rounds.empty()) return;
    round = std::clamp(round, 0, static_cast<int>(rounds.size()) - 1);
    const MeetingRound& r = rounds[static_cast<size_t>(round)];
    const float u = audienceUnit(min, max);
    const Fonts& f = fonts();
    const float margin = 50 * u, left = min.x + margin, width = max.x - min.x - 2 * margin;
    const ImRect room(ImVec2(left, min.y), ImVec2(max.x - margin, max.y - margin * 0.5f));
    float y = min.y + margin * 0.6f;
    const std::string title = fmt(Str::MeetingRoundTitle, {std::to_string(round + 1), std::to_string(rounds.size())});
    y += fitText(draw, f.largeBold, 44 * u, ImVec2(left, y), kAccent, kBackground, title, room, width, TextRole::Label).y;
    y += 14 * u;
    if (!r.prompt.empty()) {  // the round's question: as large as a fifth of the screen allows
        const std::string prompt = "\u00ab " + r.prompt + " \u00bb";
        const float size = fitSize(f.largeBold, prompt, width, (max.y - min.y) * 0.22f, 60 * u, 30 * u, true);
        y += fitText(draw, f.largeBold, size, ImVec2(left, y), kText, kBackground, prompt, room, width).y + 26 * u;
    }
    // The pairs: the column count and the size that make the longest pair largest, measured, wrapped when needed.
    const int n = static_cast<int>(r.pairs.size());
    if (n == 0) return;
    std::vector<std::string> lines;
    lines.reserve(r.pairs.size());
    for (const auto& pair : r.pairs) lines.push_back(pairLine(model, pair));
    const float gap = 40 * u, height = room.Max.y - y;
    int bestCols = 1;
    float bestSize = 0;
    for (int cols = 1; cols <= 3 && cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const float colWidth = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float rowHeight = height / static_cast<float>(rows);
        float size = 64 * u;
        for (const std::string& line : lines)  // room for the line spacing: a row is 1.25 × the text
            size = std::min(size, fitSize(f.large, line, colWidth, rowHeight / 1.25f, size, 8 * u, true));
        if (size > bestSize + 0.5f) {
            bestSize = size;
            bestCols = cols;
        }
    }
    const int rows = (n + bestCols - 1) / bestCols;
    const float colWidth = (width - gap * static_cast<float>(bestCols - 1)) / static_cast<float>(bestCols);
    const float rowHeight = std::min(height / static_cast<float>(rows), bestSize * 2.6f);
    for (int i = 0; i < n; ++i) {
        const float x = left + static_cast<float>(i / rows) * (colWidth + gap);
        const float py = y + static_cast<float>(i % rows) * rowHeight;
        const ImRect cell(ImVec2(x, py), ImVec2(x + colWidth, py + rowHeight));
        fitText(draw, f.large, bestSize, ImVec2(x, py), kText, kBackground, lines[static_cast<size_t>(i)], cell, colWidth);
    }
}

void drawCardProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Etape& e) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    if (e.icebreaker.drawn.empty()) return;
    const float u = audienceUnit(min, max);
    const Fonts& f = fonts();
    const float margin = 140 * u, width = max.x - min.x - 2 * margin;
    const std::string& q = e.icebreaker.drawn.back();
    const float size = fitSize(f.largeBold, q, width, (max.y - min.y) * 0.6f, 96 * u, 30 * u, true);
    const ImVec2 box = f.largeBold->CalcTextSizeA(size, FLT_MAX, width, q.c_str());
    const float y = min.y + ((max.y - min.y) - box.y) * 0.45f;
    const ImRect card(ImVec2(min.x + margin * 0.6f, std::max(min.y, y - 60 * u)),
                      ImVec2(max.x - margin * 0.6f, std::min(max.y, y + box.y + 60 * u)));
    draw->AddRectFilled(card.Min, card.Max, kAccentSoft, 24 * u);
    fitText(draw, f.largeBold, size, ImVec2(min.x + margin, y), kText, kAccentSoft, q, card, width);
}

void drawWhoIsHere(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& e) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    const float u = audienceUnit(min, max);
    const Fonts& f = fonts();
    const float margin = 40 * u;
    const auto byCite = presenceByTerritory(model, e);
    const auto byInstitution = presenceByInstitution(model, e);
    int total = 0;
    for (const auto& c : byCite) total += c.second;
    const ImRect view(min, max);
    fitText(draw, f.largeBold, 52 * u, ImVec2(min.x + margin, min.y + margin), kAccent, kBackground,
            fmt(Str::WhoIsHereTitle, {std::to_string(total)}), view, 0, TextRole::Label);
    auto chart = [&](const std::vector<std::pair<std::string, int>>& data, float x0, float x1, const char* title) {
        float y = min.y + margin + 90 * u;
        fitText(draw, f.largeBold, fitSize(f.largeBold, title, x1 - x0, 50 * u, 36 * u, 8 * u, false), ImVec2(x0, y),
                kText, kBackground, title, ImRect(ImVec2(x0, y), ImVec2(x1, y + 50 * u)), 0, TextRole::Label);
        y += 56 * u;
        int most = 1;
        for (const auto& d : data) most = std::max(most, d.second);
        const float rowH = std::min(96 * u, (max.y - margin - y) / std::max<size_t>(1, data.size()));
        const float labelW = (x1 - x0) * 0.5f;
        // One size for every name (the longest one fits on a line), as tall as its row allows: a full room's
        // Cités stay at 24 px at 720p under the countdown (issue 29 point 6).
        float size = rowH * 0.78f;
        for (const auto& d : data) size = fitSize(f.large, d.first, labelW - 12 * u, rowH, size, 6 * u, false);
        for (const auto& [name, count] : data) {
            fitText(draw, f.large, size, ImVec2(x0, y + std::max(0.0f, (rowH - size * 1.17f) * 0.5f)), kText, kBackground, name,
                    ImRect(ImVec2(x0, y), ImVec2(x0 + labelW - 8 * u, y + rowH)));
            const std::string number = std::to_string(count);
            const float numberW = f.largeBold->CalcTextSizeA(rowH * 0.6f, FLT_MAX, 0, number.c_str()).x;
            const float w = (x1 - x0 - labelW - 20 * u - numberW) * static_cast<float>(count) / static_cast<float>(most);
            draw->AddRectFilled(ImVec2(x0 + labelW, y + rowH * 0.1f), ImVec2(x0 + labelW + w, y + rowH * 0.8f), kAccent, 4 * u);
            fitText(draw, f.largeBold, rowH * 0.6f, ImVec2(x0 + labelW + w + 10 * u, y + rowH * 0.1f), kText, kBackground,
                    number, ImRect(ImVec2(x0 + labelW, y), ImVec2(x1, y + rowH)), 0, TextRole::Label);
            y += rowH;
        }
    };
    const float mid = (min.x + max.x) * 0.5f;
    chart(byCite, min.x + margin, mid - margin * 0.5f, tr(Str::ByCite));
    chart(byInstitution, mid + margin * 0.5f, max.x - margin, tr(Str::ByInstitution));
}

bool projectMeeting(IcebreakerView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    if (!ctx.etape || ctx.etape->icebreaker.rounds.empty()) return false;
    drawMeetingProjection(draw, min, max, ctx.model, *ctx.etape, view.round);
    return true;
}

bool projectCard(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    if (!ctx.etape || ctx.etape->icebreaker.drawn.empty()) return false;
    drawCardProjection(draw, min, max, *ctx.etape);
    return true;
}

bool projectWhoIsHere(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    if (!ctx.etape) return false;
    drawWhoIsHere(draw, min, max, ctx.model, *ctx.etape);
    return true;
}

}  // namespace atelier::ui
