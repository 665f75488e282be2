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
    if (ImGui::BeginCombo(id, current ? current->title.c_str() : "—")) {
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
    ImGui::TextDisabled("%s", tr(Str::SpeedMeetingDeck));
    deckCombo("##meeting-deck", model, view.deck);
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt(tr(Str::RoundsCount), &view.rounds);
    view.rounds = std::clamp(view.rounds, 1, 20);
    ImGui::SetNextItemWidth(120);
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
        ImGui::TextDisabled("%s", tr(Str::NoMeetingsYet));
        return;
    }
    view.round = std::clamp(view.round, 0, static_cast<int>(ice.rounds.size()) - 1);
    for (int r = 0; r < static_cast<int>(ice.rounds.size()); ++r) {
        if (r) ImGui::SameLine();
        if (ImGui::SmallButton(std::to_string(r + 1).c_str())) view.round = r;
        probe::mark("meeting.round." + std::to_string(r));
    }
    const MeetingRound& round = ice.rounds[static_cast<size_t>(view.round)];
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(("\u00ab " + round.prompt + " \u00bb").c_str());
    ImGui::PopTextWrapPos();
    for (const auto& pair : round.pairs) ImGui::BulletText("%s", pairLine(model, pair).c_str());
    if (ImGui::Button(tr(Str::ProjectRound))) requests.push_back(ProjectRequest{"projecteur-rencontres"});
    probe::mark("meeting.project");
    ImGui::SameLine();
    if (ImGui::Button(fmt(Str::TimeRound, {std::to_string(ice.roundSeconds / 60)}).c_str()))
        requests.push_back(TimerRequest{ice.roundSeconds});  // one round of the speed-meeting, timed
    probe::mark("meeting.timer");
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
    if (!view.questionAdded.empty()) ImGui::TextColored(ImVec4(0.10f, 0.45f, 0.20f, 1.0f), "%s", view.questionAdded.c_str());
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
    const float w = ImGui::GetContentRegionAvail().x, h = std::max(160.0f, ImGui::GetContentRegionAvail().y - 8.0f);
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
    const float w = ImGui::GetContentRegionAvail().x / 3.0f - 8.0f;
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
    const float u = std::min((max.y - min.y) / 1080.0f, (max.x - min.x) / 1920.0f);
    const Fonts& f = fonts();
    const float margin = 50 * u, width = max.x - min.x - 2 * margin;
    float y = min.y + margin;
    const std::string title = fmt(Str::MeetingRoundTitle, {std::to_string(round + 1), std::to_string(rounds.size())});
    draw->AddText(f.largeBold, 44 * u, ImVec2(min.x + margin, y), kAccent, title.c_str());
    y += 64 * u;
    if (!r.prompt.empty()) {
        const std::string prompt = "\u00ab " + r.prompt + " \u00bb";
        draw->AddText(f.largeBold, 58 * u, ImVec2(min.x + margin, y), kText, prompt.c_str(), nullptr, width);
        y += f.largeBold->CalcTextSizeA(58 * u, FLT_MAX, width, prompt.c_str()).y + 30 * u;
    }
    const int n = static_cast<int>(r.pairs.size());
    const int cols = n > 8 ? 2 : 1;
    const int rows = (n + cols - 1) / cols;
    const float rowH = std::min(72 * u, (max.y - margin - y) / std::max(1, rows));
    const float size = rowH * 0.62f;
    for (int i = 0; i < n; ++i) {
        const float x = min.x + margin + static_cast<float>(i / rows) * (width / cols);
        const float py = y + static_cast<float>(i % rows) * rowH;
        draw->PushClipRect(ImVec2(x, py), ImVec2(x + width / cols - 10 * u, py + rowH), true);
        draw->AddText(f.large, size, ImVec2(x, py), kText, pairLine(model, r.pairs[static_cast<size_t>(i)]).c_str());
        draw->PopClipRect();
    }
}

void drawCardProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Etape& e) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    if (e.icebreaker.drawn.empty()) return;
    const float u = std::min((max.y - min.y) / 1080.0f, (max.x - min.x) / 1920.0f);
    const Fonts& f = fonts();
    const float margin = 140 * u, width = max.x - min.x - 2 * margin;
    const std::string& q = e.icebreaker.drawn.back();
    float size = 96 * u;
    while (size > 30 * u && f.largeBold->CalcTextSizeA(size, FLT_MAX, width, q.c_str()).y > (max.y - min.y) * 0.6f)
        size *= 0.9f;
    const ImVec2 box = f.largeBold->CalcTextSizeA(size, FLT_MAX, width, q.c_str());
    const float y = min.y + ((max.y - min.y) - box.y) * 0.45f;
    draw->AddRectFilled(ImVec2(min.x + margin * 0.6f, y - 60 * u), ImVec2(max.x - margin * 0.6f, y + box.y + 60 * u),
                        kAccentSoft, 24 * u);
    draw->AddText(f.largeBold, size, ImVec2(min.x + margin, y), kText, q.c_str(), nullptr, width);
}

void drawWhoIsHere(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& e) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    const float u = std::min((max.y - min.y) / 1080.0f, (max.x - min.x) / 1920.0f);
    const Fonts& f = fonts();
    const float margin = 40 * u;
    const auto byCite = presenceByTerritory(model, e);
    const auto byInstitution = presenceByInstitution(model, e);
    int total = 0;
    for (const auto& c : byCite) total += c.second;
    draw->AddText(f.largeBold, 52 * u, ImVec2(min.x + margin, min.y + margin), kAccent,
                  fmt(Str::WhoIsHereTitle, {std::to_string(total)}).c_str());
    auto chart = [&](const std::vector<std::pair<std::string, int>>& data, float x0, float x1, const char* title) {
        float y = min.y + margin + 90 * u;
        draw->AddText(f.largeBold, 36 * u, ImVec2(x0, y), kText, title);
        y += 56 * u;
        int most = 1;
        for (const auto& d : data) most = std::max(most, d.second);
        const float rowH = std::min(58 * u, (max.y - margin - y) / std::max<size_t>(1, data.size()));
        const float labelW = (x1 - x0) * 0.45f;
        for (const auto& [name, count] : data) {
            draw->PushClipRect(ImVec2(x0, y), ImVec2(x0 + labelW - 8 * u, y + rowH), true);
            draw->AddText(f.large, rowH * 0.6f, ImVec2(x0, y), kText, name.c_str());
            draw->PopClipRect();
            const float w = (x1 - x0 - labelW - 60 * u) * static_cast<float>(count) / static_cast<float>(most);
            draw->AddRectFilled(ImVec2(x0 + labelW, y + rowH * 0.1f), ImVec2(x0 + labelW + w, y + rowH * 0.8f), kAccent, 4 * u);
            draw->AddText(f.largeBold, rowH * 0.55f, ImVec2(x0 + labelW + w + 10 * u, y + rowH * 0.1f), kText,
                          std::to_string(count).c_str());
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
