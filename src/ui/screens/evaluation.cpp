// Console screen « Évaluation »: the evaluation of the day (« évaluation à chaud ») of the selected étape, entered
// on the console when the room answers on paper. The questionnaire starts as the Tour's default; each grade
// question takes counts per grade (one batch, one undo step), each sentence or theme question a typed answer
// (Enter), the practices question the practices ticked for a number of respondents with their Cité (which feeds
// « Cités intéressées » in the library). The answers entered are listed (remove one), the results summed up, and a
// button projects them.
//
// [SECTION] Entry, one question
// [SECTION] The questionnaire's editor
// [SECTION] The screen

#include <algorithm>
#include <cmath>
#include <imgui.h>

#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/essaimage.h"
#include "ui/widgets.h"

namespace atelier::ui {

namespace {

// [SECTION] Entry, one question

void drawGradeEntry(EvaluationView& view, ScreenContext& ctx, const Etape& e, const EvaluationQuestion& q,
                    const std::vector<std::string>& scale, const std::string& key) {
    std::vector<int>& counts = view.counts[q.id];
    if (view.sent[q.id].accepted()) counts.clear();
    counts.resize(scale.size(), 0);
    const float width = ImGui::CalcTextSize("00000").x + em(0.9f);
    for (size_t g = 0; g < scale.size(); ++g) {
        ImGui::PushID(static_cast<int>(g));
        ImGui::AlignTextToFramePadding();  // every grade's name on one baseline, the first one's included
        ImGui::BeginGroup();
        ImGui::TextUnformatted(scale[g].c_str());
        ImGui::SetNextItemWidth(std::max(width, ImGui::CalcTextSize(scale[g].c_str()).x));
        ImGui::InputInt("##count", &counts[g], 0, 0);
        counts[g] = std::clamp(counts[g], 0, 100000);
        probe::mark(key + ".grade." + std::to_string(g));
        ImGui::EndGroup();
        ImGui::PopID();
        if (g + 1 < scale.size()) {
            const float next = std::max(width, ImGui::CalcTextSize(scale[g + 1].c_str()).x);
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
        }
    }
    if (ImGui::Button(tr(Str::EvalCountsAdd))) {
        ActionBatch batch;
        long long total = 0;
        for (size_t g = 0; g < counts.size(); ++g) {
            if (counts[g] <= 0) continue;
            EvaluationResponse r;
            r.count = counts[g];
            r.territory = view.cite;
            r.answers.push_back(EvaluationAnswer{q.id, static_cast<int>(g), {}, {}});
            batch.actions.push_back(AddEvaluationResponse{e.id, r, -1});
            total += counts[g];
        }
        if (batch.actions.empty()) {
            view.error = tr(Str::EvalCountsEmpty);
        } else {
            batch.label = fmt(Str::ActAddEvaluationResponse, {std::to_string(total), std::to_string(e.header.number)});
            ctx.actions.batches.push_back(std::move(batch));
            view.sent[q.id].wait(ctx.actions, true);
        }
    }
    probe::mark(key + ".add");
}

void drawTextEntry(EvaluationView& view, ScreenContext& ctx, const Etape& e, const EvaluationQuestion& q,
                   const std::string& key) {
    std::string& text = view.texts[q.id];
    if (view.sent[q.id].accepted()) text.clear();
    bool& focus = view.focus[q.id];
    const bool post = entryField("##text", text, tr(q.kind == QuestionKind::Themes ? Str::EvalThemeHint : Str::EvalSentenceHint),
                                 -FLT_MIN, 0.0f, focus);
    probe::mark(key + ".text");
    if (post && !trim(text).empty()) {
        EvaluationResponse r;
        r.territory = view.cite;
        r.answers.push_back(EvaluationAnswer{q.id, -1, std::string(trim(text)), {}});
        ctx.actions.push_back(AddEvaluationResponse{e.id, r, -1});
        view.sent[q.id].wait(ctx.actions);
        focus = true;
    }
}

void drawPracticesEntry(EvaluationView& view, ScreenContext& ctx, const Etape& e, const EvaluationQuestion& q,
                        const std::string& key) {
    const auto ofDay = practicesOfEtape(ctx.model, e.id);
    if (view.sent[q.id].accepted()) {
        view.picked.clear();
        view.pickedCount = 1;
    }
    if (ofDay.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(Str::EvalNoPracticesOfDay));
        ImGui::PopTextWrapPos();
        return;
    }
    for (size_t i = 0; i < ofDay.size(); ++i) {
        const Practice& p = *ofDay[i];
        bool on = std::find(view.picked.begin(), view.picked.end(), p.id) != view.picked.end();
        ImGui::PushID(static_cast<int>(p.id));
        if (ImGui::Checkbox("##pick", &on)) {
            if (on) view.picked.push_back(p.id);
            else std::erase(view.picked, p.id);
        }
        probe::mark(key + ".practice." + std::to_string(i));
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(p.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::EvalCount));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("00000").x + em(0.9f));
    ImGui::InputInt("##picked-count", &view.pickedCount, 0, 0);
    view.pickedCount = std::clamp(view.pickedCount, 1, 100000);
    probe::mark(key + ".count");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::EvalPracticesAdd))) {
        if (view.picked.empty()) {
            view.error = tr(Str::EvalPracticesEmpty);
        } else {
            EvaluationResponse r;
            r.count = view.pickedCount;
            r.territory = view.cite;
            // In the order of the day's practices, whatever the order they were ticked in.
            std::vector<Id> picked;
            for (const Practice* p : ofDay)
                if (std::find(view.picked.begin(), view.picked.end(), p->id) != view.picked.end()) picked.push_back(p->id);
            r.answers.push_back(EvaluationAnswer{q.id, -1, {}, picked});
            ctx.actions.push_back(AddEvaluationResponse{e.id, r, -1});
            view.sent[q.id].wait(ctx.actions);
        }
    }
    probe::mark(key + ".add");
}

/// « 3 × Utilité pour ma Cité : Très bien » — what one answer sheet (or `count` identical ones) says.
std::string responseLine(const Model& m, const Evaluation& ev, const EvaluationResponse& r) {
    const auto scale = ev.scale();
    std::string what;
    for (const EvaluationAnswer& a : r.answers) {
        const EvaluationQuestion* q = ev.question(a.question);
        std::string answer;
        if (a.grade >= 0 && a.grade < static_cast<int>(scale.size())) answer = scale[static_cast<size_t>(a.grade)];
        else if (!a.text.empty()) answer = a.text;
        else
            for (Id p : a.practices)
                if (const Practice* practice = m.practice(p)) answer += (answer.empty() ? "" : ", ") + practice->title;
        what += (what.empty() ? "" : " · ") + fmt(Str::EvalResponseLine, {std::to_string(r.count), q ? q->text : "?", answer});
    }
    if (r.territory) what += " (" + territoryName(m, r.territory, "?") + ")";
    return what;
}

// [SECTION] The questionnaire's editor

/// The questions, each reworded, retyped, moved or removed in place, a new one typed at the end, the scale of the
/// notes: every change is one SetEvaluation (one undo step). A question answered keeps its kind and stays.
void drawQuestionnaireEditor(EvaluationView& view, ScreenContext& ctx, const Etape& e) {
    const Evaluation& ev = e.evaluation;
    heading(tr(Str::EvalQuestionsHeading));
    std::optional<std::vector<EvaluationQuestion>> next;  // the questionnaire after this frame's change
    const ImGuiStyle& style = ImGui::GetStyle();
    const float kindWidth = enumComboWidth<QuestionKind>();
    for (size_t i = 0; i < ev.questions.size(); ++i) {
        const EvaluationQuestion& q = ev.questions[i];
        const long long answered = respondentsTo(ev, q.id);
        const std::string key = "eval.edit.q" + std::to_string(i);
        ImGui::PushID(static_cast<int>(q.id));
        ImGui::Separator();
        // The question's text on its own line, whole; its kind, place and removal under it.
        std::string text;
        if (commitText(view.drafts, "##text", q.text, text, -FLT_MIN, tr(Str::EvalQuestionTextHint))) {
            next = ev.questions;
            (*next)[i].text = std::string(trim(text));
        }
        probe::mark(key + ".text");
        ImGui::BeginDisabled(answered > 0);
        QuestionKind kind = q.kind;
        if (enumCombo("##kind", q.kind, kind, kindWidth)) {
            next = ev.questions;
            (*next)[i].kind = kind;
        }
        ImGui::EndDisabled();
        probe::mark(key + ".kind");
        ImGui::SameLine();
        ImGui::BeginDisabled(i == 0);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up)) {
            next = ev.questions;
            std::swap((*next)[i], (*next)[i - 1]);
        }
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::MoveUp));
        probe::mark(key + ".up");
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 == ev.questions.size());
        if (ImGui::ArrowButton("##down", ImGuiDir_Down)) {
            next = ev.questions;
            std::swap((*next)[i], (*next)[i + 1]);
        }
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::MoveDown));
        probe::mark(key + ".down");
        ImGui::SameLine();
        ImGui::BeginDisabled(answered > 0);
        if (confirmedButton(tr(Str::EvalQuestionRemove), fmt(Str::EvalQuestionRemoveAsk, {q.text}), key + ".remove")) {
            next = ev.questions;
            next->erase(next->begin() + static_cast<std::ptrdiff_t>(i));
        }
        ImGui::EndDisabled();
        if (answered > 0) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", fmt(Str::EvalQuestionAnswered, {std::to_string(answered)}).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    if (view.questionSent.accepted()) view.newQuestion.clear();
    const float newWidth = ImGui::GetContentRegionAvail().x - kindWidth - style.ItemSpacing.x;
    const bool post = entryField("##new-question", view.newQuestion, tr(Str::EvalQuestionAddHint),
                                 std::max(newWidth, em(6.75f)), 0.0f, view.newQuestionFocus);
    probe::mark("eval.edit.new");
    ImGui::SameLine();
    enumCombo("##new-kind", view.newKind, view.newKind, kindWidth);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::EvalQuestionAddKind));
    probe::mark("eval.edit.new-kind");
    bool added = false;
    if (post && !trim(view.newQuestion).empty() && !next) {
        next = ev.questions;
        next->push_back(EvaluationQuestion{0, std::string(trim(view.newQuestion)), view.newKind});
        view.newQuestionFocus = true;
        added = true;
    }

    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(Str::EvalScaleLabel));
    ImGui::PopTextWrapPos();
    std::string typed;
    if (commitText(view.drafts, "##scale", joinCommaList(ev.scale()), typed)) {
        const std::vector<std::string> grades = splitCommaList(typed);
        if (grades.size() < 2) view.error = tr(Str::EvalScaleBad);
        else if (grades != ev.scale()) ctx.actions.push_back(SetEvaluation{e.id, ev.questions, grades});
    }
    probe::mark("eval.edit.scale");
    if (next) {
        ctx.actions.push_back(SetEvaluation{e.id, *next, ev.grades});
        if (added) view.questionSent.wait(ctx.actions);
    }
}

/// The results (medians) and the answers entered, each removable.
void drawSide(ScreenContext& ctx, const Etape& e) {
    const Evaluation& ev = e.evaluation;
    ImGui::BeginChild("##eval.side", ImVec2(0, 0), true);
    heading(tr(Str::EvalResultsHeading));
    const EvaluationResults results = evaluationResults(ev);
    ImGui::TextUnformatted(fmt(Str::SumEvaluationResponses, {std::to_string(results.respondents)}).c_str());
    for (const QuestionResult& r : results.questions) {
        if (r.question.kind != QuestionKind::Grade) continue;
        ImGui::PushTextWrapPos(0.0f);
        const std::string median = r.median >= 0 && r.median < static_cast<int>(results.grades.size())
                                       ? results.grades[static_cast<size_t>(r.median)]
                                       : std::string(tr(Str::SumEvaluationNoAnswer));
        ImGui::BulletText("%s", fmt(Str::SumEvaluationProfile, {r.question.text, median}).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    heading(fmt(Str::EvalResponses, {std::to_string(ev.responses.size())}).c_str());
    Id remove = 0;
    for (size_t i = 0; i < ev.responses.size(); ++i) {
        const EvaluationResponse& r = ev.responses[i];
        ImGui::PushID(static_cast<int>(r.id));
        if (confirmedButton(tr(Str::EvalResponseRemove), tr(Str::EvalResponseRemoveAsk),
                            "eval.response.remove." + std::to_string(i)))
            remove = r.id;
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(responseLine(ctx.model, ev, r).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (remove) ctx.actions.push_back(RemoveEvaluationResponse{e.id, remove});
}

/// Whether phones answer: the participation's state and the button that opens or closes the questionnaire to them.
void drawPhones(ScreenContext& ctx, const Etape& e) {
    const RoomStatus& room = ctx.room;
    ImGui::PushTextWrapPos(0.0f);
    if (!room.running) {
        ImGui::TextDisabled("%s", tr(Str::EvalPhonesNoRoom));
        ImGui::PopTextWrapPos();
        return;
    }
    const bool open = room.open.etape == e.id && room.open.evaluation;
    ImGui::TextUnformatted(tr(open ? Str::EvalPhonesOpen : Str::EvalPhonesClosed));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(open ? Str::EvalPhonesCloseButton : Str::EvalPhonesOpenButton))) {
        net::OpenToPhones next = room.open;
        next.evaluation = !open;
        ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::SetOpen, next, {}});
    }
    probe::mark("eval.phones");
}

}  // namespace

// [SECTION] The screen

void drawEvaluationScreen(EvaluationView& view, ScreenContext& ctx) {
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    const Evaluation& ev = e->evaluation;
    if (ev.questions.empty()) {
        ImGui::TextDisabled("%s", tr(Str::EvalNone));
        if (ImGui::Button(tr(Str::EvalSetDefault))) {
            const Evaluation d = defaultEvaluation();
            ctx.actions.push_back(SetEvaluation{e->id, d.questions, d.grades});
        }
        probe::mark("eval.default");
        return;
    }
    // The respondents' Cité, for every answer entered below.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::LibColOrigin));
    ImGui::SameLine();
    std::optional<Id> cite = view.cite;
    if (territoryCombo("##eval.cite", ctx.model, view.cite, cite, tr(Str::EvalCiteNone),
                       territoryComboWidth(ctx.model, tr(Str::EvalCiteNone))))
        view.cite = cite;
    probe::mark("eval.cite");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::EvalProject))) ctx.requests.push_back(ProjectRequest{"projecteur-evaluation", 0});
    probe::mark("eval.project");
    ImGui::SameLine();
    if (ImGui::Button(tr(view.editing ? Str::EvalEditDone : Str::EvalEdit))) view.editing = !view.editing;
    probe::mark("eval.edit");
    drawPhones(ctx, *e);

    const float entryWidth = std::floor(ImGui::GetContentRegionAvail().x * 0.58f);
    ImGui::BeginChild("##eval.entry", ImVec2(entryWidth, 0), false);
    if (view.editing) {
        drawQuestionnaireEditor(view, ctx, *e);
        ImGui::EndChild();
        ImGui::SameLine();
        drawSide(ctx, *e);
        return;
    }
    heading(tr(Str::EvalEntryHeading));
    const auto scale = ev.scale();
    for (size_t i = 0; i < ev.questions.size(); ++i) {
        const EvaluationQuestion& q = ev.questions[i];
        const std::string key = "eval.q" + std::to_string(i);
        ImGui::PushID(static_cast<int>(q.id));
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(q.text.c_str());
        ImGui::PopTextWrapPos();
        switch (q.kind) {
        case QuestionKind::Grade: drawGradeEntry(view, ctx, *e, q, scale, key); break;
        case QuestionKind::Sentence:
        case QuestionKind::Themes: drawTextEntry(view, ctx, *e, q, key); break;
        case QuestionKind::Practices: drawPracticesEntry(view, ctx, *e, q, key); break;
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    drawSide(ctx, *e);
}

}  // namespace atelier::ui
