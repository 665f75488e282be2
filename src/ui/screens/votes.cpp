// Console screen « Votes »: the votes of the selected étape. Create a vote on typed proposals; enter paper ballots
// one by one (or one per group with a count, or a show of hands); correct or withdraw a ballot; close the vote;
// read the results (and the Schulze matrix), and send them to the projector.
//
// [SECTION] Helpers
// [SECTION] List and new vote
// [SECTION] Ballot entry
// [SECTION] Ballots cast
// [SECTION] Results

#include <algorithm>
#include <set>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"

namespace atelier::ui {

namespace {

// [SECTION] Helpers

const std::vector<std::string>& scaleOf(const Vote& v) {
    static const std::vector<std::string> kDefault = defaultGradeScale();
    return v.setup.grades.empty() ? kDefault : v.setup.grades;
}

/// An empty ballot of the right shape for `v` (a full ranking in the options' order for ranked methods).
Ballot freshBallot(const Vote& v) {
    Ballot b;
    if (v.setup.method == VoteMethod::Borda || v.setup.method == VoteMethod::Schulze)
        for (size_t i = 0; i < v.setup.options.size(); ++i) b.ranking.push_back(static_cast<int>(i));
    return b;
}

/// A short French summary of a ballot: « Café : 2 · Ateliers : 1 », « A > C > B »…
std::string summary(const Vote& v, const Ballot& b) {
    const auto& o = v.setup.options;
    std::string out;
    auto add = [&](const std::string& part, const char* sep) { out += (out.empty() ? "" : sep) + part; };
    switch (v.setup.method) {
        case VoteMethod::Dot:
            for (const auto& [i, n] : b.dots)
                if (n > 0) add(o[static_cast<size_t>(i)] + " : " + std::to_string(n), " · ");
            break;
        case VoteMethod::Approval:
            for (int i : b.approvals) add(o[static_cast<size_t>(i)], " · ");
            break;
        case VoteMethod::Majority:
            for (const auto& [i, g] : b.grades) add(o[static_cast<size_t>(i)] + " : " + scaleOf(v)[static_cast<size_t>(g)], " · ");
            break;
        case VoteMethod::Borda:
        case VoteMethod::Schulze:
            for (int i : b.ranking) add(o[static_cast<size_t>(i)], " > ");
            break;
    }
    return out.empty() ? std::string(tr(Str::BlankBallot)) : out;
}

// [SECTION] List and new vote

void drawList(VotesView& view, const Etape& e, Actions& out) {
    heading(tr(Str::VotesHeading));
    if (e.votes.empty()) ImGui::TextDisabled("%s", tr(Str::NoVotes));
    for (size_t i = 0; i < e.votes.size(); ++i) {
        const Vote& v = e.votes[i];
        ImGui::PushID(static_cast<int>(v.id));
        const std::string label = (v.setup.open ? "\u25cf " : "\u25a0 ") +
                                  (v.setup.question.empty() ? std::string(tr(Str::VoteUntitled)) : v.setup.question);
        if (elidedSelectable(label, v.id == view.selected)) view.selected = v.id;
        probe::mark("vote." + std::to_string(i));
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::Separator();
    heading(tr(Str::NewVoteHeading));
    ImGui::SetNextItemWidth(-FLT_MIN);
    hintField("##new-question", tr(Str::NewVoteQuestion), view.newQuestion);
    probe::mark("new-vote.question");
    VoteMethod method;
    if (enumCombo("##new-method", view.newMethod, method)) view.newMethod = method;
    probe::mark("new-vote.method");
    ImGui::TextDisabled("%s", tr(Str::NewVoteOptions));
    // As tall as its proposals (6 to 14 lines): 17 ideas taken from a board are seen, not poured into a slot.
    const auto proposals = static_cast<float>(std::count(view.newOptions.begin(), view.newOptions.end(), '\n') + 1);
    multilineField("##new-options", view.newOptions,
                   ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * std::clamp(proposals + 1.0f, 6.0f, 14.0f) +
                                        ImGui::GetStyle().FramePadding.y * 2));
    probe::mark("new-vote.options");
    // Proposals from an idea board of the étape: its ideas (revealed ones), its practices, or its clusters.
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!e.boards.empty() && comboBox("##from-board", tr(Str::ProposalsFromBoard), ComboText::Label)) {
        for (const Board& b : e.boards) {
            ImGui::PushID(static_cast<int>(b.id));
            auto fill = [&](auto&& take) {
                std::string lines;
                std::set<std::string> seen;  // a proposal once, even when two ideas say the same
                take([&](const std::string& line) {
                    if (seen.insert(line).second) lines += line + "\n";
                });
                view.newOptions = lines;
                if (view.newQuestion.empty()) view.newQuestion = b.title;
            };
            if (ImGui::Selectable(fmt(Str::FromBoardIdeas, {b.title}).c_str()))
                fill([&](auto add) {
                    for (const Idea& i : b.ideas)
                        if (!i.hidden) add(i.text);
                });
            probe::mark("from-board." + std::to_string(b.id) + ".ideas");
            if (ImGui::Selectable(fmt(Str::FromBoardPractices, {b.title}).c_str()))
                fill([&](auto add) {
                    for (const Idea& i : b.ideas)
                        if (!i.hidden && i.practice) add(i.text);
                });
            if (ImGui::Selectable(fmt(Str::FromBoardClusters, {b.title}).c_str()))
                fill([&](auto add) {
                    for (const IdeaCluster& c : b.clusters) add(c.name);
                });
            probe::mark("from-board." + std::to_string(b.id) + ".clusters");
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    probe::mark("new-vote.from-board");
    if (ImGui::Button(tr(Str::CreateVote))) {
        VoteSetup setup;
        setup.question = view.newQuestion;
        setup.method = view.newMethod;
        size_t start = 0;
        while (start <= view.newOptions.size()) {
            const size_t end = std::min(view.newOptions.find('\n', start), view.newOptions.size());
            if (const std::string_view line = trim(std::string_view(view.newOptions).substr(start, end - start)); !line.empty())
                setup.options.emplace_back(line);
            start = end + 1;
        }
        out.push_back(AddVote{e.id, Vote{0, setup, {}}});
        view.voteSent.wait(out);
    }
    probe::mark("new-vote.create");
}

// [SECTION] Ballot entry

/// A show of hands (dot and approval votes): one total per proposal, cast as one batch of counted ballots.
void drawShowOfHands(VotesView& view, const Etape& e, const Vote& v, Actions& out) {
    const auto& options = v.setup.options;
    view.hands.resize(options.size(), 0);
    for (size_t i = 0; i < options.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(em(6.75f));
        ImGui::InputScalar("##hands", ImGuiDataType_S64, &view.hands[i]);
        view.hands[i] = std::max(0LL, view.hands[i]);
        probe::mark("ballot.hands." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(options[i].c_str());
        ImGui::PopID();
    }
    if (ImGui::Button(tr(Str::CastHands))) {
        ActionBatch batch{fmt(Str::ActCastHands, {v.setup.question}), {}};
        for (size_t i = 0; i < options.size(); ++i) {
            if (view.hands[i] <= 0) continue;
            Ballot hand;
            hand.count = view.hands[i];
            if (v.setup.method == VoteMethod::Dot) hand.dots = {{static_cast<int>(i), 1}};
            else hand.approvals = {static_cast<int>(i)};
            batch.actions.push_back(CastBallot{e.id, v.id, StoredBallot{0, hand}});
        }
        if (!batch.actions.empty()) {
            out.batches.push_back(std::move(batch));
            view.handsSent.wait(out, true);
        }
    }
    probe::mark("ballot.cast-hands");
}

/// Dot vote: the dots given to each proposal, and what is left of the voter's budget.
void drawDotsEntry(Ballot& b, const Vote& v) {
    const auto& options = v.setup.options;
    long long spent = 0;
    for (const auto& d : b.dots) spent += d.second;
    for (size_t i = 0; i < options.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        auto it = std::find_if(b.dots.begin(), b.dots.end(), [&](const auto& d) { return d.first == static_cast<int>(i); });
        long long n = it == b.dots.end() ? 0 : it->second;
        ImGui::SetNextItemWidth(em(6.75f));
        if (ImGui::InputScalar("##dots", ImGuiDataType_S64, &n, nullptr, nullptr)) {
            n = std::max(0LL, n);
            if (it == b.dots.end()) b.dots.emplace_back(static_cast<int>(i), n);
            else it->second = n;
            std::erase_if(b.dots, [](const auto& d) { return d.second == 0; });
        }
        probe::mark("ballot.dots." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(options[i].c_str());
        ImGui::PopID();
    }
    ImGui::TextDisabled("%s", fmt(Str::BallotDotsLeft, {std::to_string(v.setup.dotsPerVoter - spent),
                                                        std::to_string(v.setup.dotsPerVoter)}).c_str());
}

/// Approval vote: one box per proposal.
void drawApprovalEntry(Ballot& b, const Vote& v) {
    const auto& options = v.setup.options;
    for (size_t i = 0; i < options.size(); ++i) {
        bool on = std::find(b.approvals.begin(), b.approvals.end(), static_cast<int>(i)) != b.approvals.end();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Checkbox("##approve", &on)) {
            std::erase(b.approvals, static_cast<int>(i));
            if (on) b.approvals.push_back(static_cast<int>(i));
            std::sort(b.approvals.begin(), b.approvals.end());
        }
        probe::mark("ballot.approve." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(options[i].c_str());  // wrapped (the panel's wrap position)
        ImGui::PopID();
    }
}

/// Majority judgment: one grade of the scale per proposal.
void drawGradesEntry(Ballot& b, const Vote& v) {
    const auto& options = v.setup.options;
    const auto& scale = scaleOf(v);
    // « — (non évalué : <the worst grade>) » and every grade shown whole: the combo as wide as the longest.
    const std::string notGraded = fmt(Str::BallotNotGraded, {scale.empty() ? std::string("?") : scale.front()});
    float comboWidth = ImGui::CalcTextSize(notGraded.c_str()).x;
    for (const std::string& g : scale) comboWidth = std::max(comboWidth, ImGui::CalcTextSize(g.c_str()).x);
    comboWidth = std::max(em(12.25f), comboWidth + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + em(0.2f));
    for (size_t i = 0; i < options.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        // The grade given, read once: the list of grades may grow below (never read through an iterator
        // after an insertion).
        const auto given = std::find_if(b.grades.begin(), b.grades.end(), [&](const auto& g) { return g.first == static_cast<int>(i); });
        const int current = given == b.grades.end() ? -1 : given->second;
        int chosen = -1;
        ImGui::SetNextItemWidth(comboWidth);
        const bool known = current >= 0 && static_cast<size_t>(current) < scale.size();
        if (comboBox("##grade", known ? scale[static_cast<size_t>(current)] : notGraded, ComboText::Label)) {
            for (size_t g = scale.size(); g-- > 0;) {
                if (ImGui::Selectable(scale[g].c_str(), current == static_cast<int>(g))) chosen = static_cast<int>(g);
                probe::mark("ballot.grade." + std::to_string(i) + "." + std::to_string(g));
            }
            ImGui::EndCombo();
        }
        if (chosen >= 0) {  // after the loop over the scale
            if (given == b.grades.end()) b.grades.emplace_back(static_cast<int>(i), chosen);
            else given->second = chosen;
        }
        probe::mark("ballot.grade." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(options[i].c_str());
        ImGui::PopID();
    }
}

/// Borda and Schulze: the proposals in the voter's order, moved up and down.
void drawRankingEntry(Ballot& b, const Vote& v) {
    const auto& options = v.setup.options;
    ImGui::TextDisabled("%s", tr(Str::BallotRankHint));
    const int n = static_cast<int>(b.ranking.size());
    int moveFrom = -1, moveTo = -1;
    for (int i = 0; i < n; ++i) {
        ImGui::PushID(i);
        ImGui::BeginDisabled(i == 0);
        if (ImGui::SmallButton("\u2191")) moveFrom = i, moveTo = i - 1;
        ImGui::EndDisabled();
        probe::mark("ballot.rank." + std::to_string(i) + ".up");
        ImGui::SameLine(0, 2);
        ImGui::BeginDisabled(i == n - 1);
        if (ImGui::SmallButton("\u2193")) moveFrom = i, moveTo = i + 1;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::Text("%d. %s", i + 1, options[static_cast<size_t>(b.ranking[static_cast<size_t>(i)])].c_str());
        ImGui::PopID();
    }
    if (moveFrom >= 0) std::swap(b.ranking[static_cast<size_t>(moveFrom)], b.ranking[static_cast<size_t>(moveTo)]);
}

void drawBallotEntry(VotesView& view, const Etape& e, const Vote& v, Actions& out) {
    if (view.draftFor != v.id) {
        view.draftFor = v.id;
        view.draft = freshBallot(v);
        view.correcting = 0;
        view.hands.assign(v.setup.options.size(), 0);
        view.ballotSent = view.handsSent = Submission{};
    }
    // A ballot or a show of hands is forgotten once accepted; refused (over the budget…), every field stays.
    if (view.ballotSent.accepted()) {
        view.draft = freshBallot(v);
        view.correcting = 0;
    }
    if (view.handsSent.accepted()) view.hands.assign(v.setup.options.size(), 0);
    if (!v.setup.open) {
        ImGui::TextDisabled("%s", tr(Str::VoteClosedNote));
        return;
    }
    int correctingNumber = 0;
    if (view.correcting) correctingNumber = indexOf(v.ballots, view.correcting) + 1;
    heading(view.correcting ? fmt(Str::BallotCorrecting, {std::to_string(correctingNumber)}).c_str() : tr(Str::BallotHeading));
    const bool handsPossible = v.setup.method == VoteMethod::Dot || v.setup.method == VoteMethod::Approval;
    if (handsPossible && !view.correcting) {
        ImGui::Checkbox(tr(Str::ShowOfHands), &view.showOfHands);
        probe::mark("ballot.hands-mode");
    }
    Ballot& b = view.draft;
    if (handsPossible && view.showOfHands && !view.correcting) {
        drawShowOfHands(view, e, v, out);
        return;
    }
    switch (v.setup.method) {
        case VoteMethod::Dot: drawDotsEntry(b, v); break;
        case VoteMethod::Approval: drawApprovalEntry(b, v); break;
        case VoteMethod::Majority: drawGradesEntry(b, v); break;
        case VoteMethod::Borda:
        case VoteMethod::Schulze: drawRankingEntry(b, v); break;
    }
    ImGui::SetNextItemWidth(em(6.75f));
    ImGui::InputScalar(tr(Str::BallotCount), ImGuiDataType_S64, &b.count);
    b.count = std::max(1LL, b.count);
    probe::mark("ballot.count");
    if (view.correcting) {
        if (ImGui::Button(tr(Str::SaveCorrection))) {
            out.push_back(CorrectBallot{e.id, v.id, StoredBallot{view.correcting, b}});
            view.ballotSent.wait(out);
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::CancelCorrection))) {
            view.draft = freshBallot(v);
            view.correcting = 0;
        }
    } else if (ImGui::Button(tr(Str::CastBallotButton)) &&
               !(ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetIO().MouseClickedLastCount[0] >= 2)) {
        // One click, one ballot: the second click of a double click (the form already emptied by the first) is
        // not a blank ballot.
        out.push_back(CastBallot{e.id, v.id, StoredBallot{0, b}});
        view.ballotSent.wait(out);
    }
    probe::mark("ballot.cast");
}

// [SECTION] Ballots cast

void drawBallots(VotesView& view, const Etape& e, const Vote& v, Actions& out) {
    long long voices = 0;
    for (const StoredBallot& b : v.ballots) voices += b.ballot.count;
    heading(fmt(Str::BallotsHeading, {std::to_string(voices)}).c_str());
    // Ballots against the people checked in (issue 28 point 5): more voices than people is worth a look.
    long long present = 0;
    for (const Registration& r : e.registrations) present += r.present ? 1 : 0;
    ImGui::TextDisabled("%s", present == 0   ? tr(Str::VotePresentNone)
                              : present == 1 ? tr(Str::VotePresentOne)
                                             : fmt(Str::VotePresentMany, {std::to_string(present)}).c_str());
    if (present > 0 && voices > present) {
        ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kError));
        ImGui::TextWrapped("%s", fmt(Str::VoteMoreVoicesThanPresent, {std::to_string(voices), std::to_string(present)}).c_str());
        ImGui::PopStyleColor();
        probe::mark("votes.more-voices-than-present");
    }
    ImGui::BeginChild("##ballots", ImVec2(0, 0), false);
    ImGui::PushTextWrapPos(0.0f);  // a ballot's line wraps in the panel
    for (size_t i = 0; i < v.ballots.size(); ++i) {
        const StoredBallot& b = v.ballots[i];
        ImGui::PushID(static_cast<int>(b.id));
        ImGui::BeginDisabled(!v.setup.open);
        if (ImGui::SmallButton(tr(Str::Correct))) {
            view.correcting = b.id;
            view.draft = b.ballot;
            view.showOfHands = false;
        }
        probe::mark("ballots." + std::to_string(i) + ".correct");
        ImGui::SameLine();
        if (ImGui::SmallButton("\u2715")) out.push_back(WithdrawBallot{e.id, v.id, b.id});
        probe::mark("ballots." + std::to_string(i) + ".withdraw");
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextUnformatted(
            fmt(Str::BallotLine, {std::to_string(i + 1), std::to_string(b.ballot.count), summary(v, b.ballot)}).c_str());
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

// [SECTION] Results

void drawSchulzeMatrix(const Vote& v) {
    const TallyOutcome r = tally(v.election());
    if (!r.ok) return;
    const auto& o = v.setup.options;
    auto matrix = [&](const char* id, const std::vector<std::vector<long long>>& m, Str legend) {
        ImGui::TextDisabled("%s", tr(legend));
        if (!ImGui::BeginTable(id, static_cast<int>(o.size()) + 1, ImGuiTableFlags_Borders)) return;
        // Proposals by number in the headers (their names would make the table wider than the panel).
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        std::vector<std::string> numbers;
        for (size_t i = 0; i < o.size(); ++i) numbers.push_back(std::to_string(i + 1));
        for (const std::string& n : numbers) ImGui::TableSetupColumn(n.c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < o.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted((std::to_string(i + 1) + ". " + o[i]).c_str());
            ImGui::PopTextWrapPos();
            for (size_t j = 0; j < o.size(); ++j) {
                ImGui::TableNextColumn();
                if (i == j) ImGui::TextDisabled("—");
                else if (m[i][j] > m[j][i]) ImGui::TextColored(console::vec(console::kSuccess), "%lld", m[i][j]);
                else ImGui::Text("%lld", m[i][j]);
            }
        }
        ImGui::EndTable();
    };
    matrix("##pairwise", r.result.pairwise, Str::SchulzePairwise);
    matrix("##paths", r.result.strongestPaths, Str::SchulzePaths);
}

void drawVoteHeader(VotesView& view, const Etape& e, const Vote& v, Actions& out, Requests& requests) {
    std::string text;
    if (commitText(view.drafts, "##question", v.setup.question, text)) {
        VoteSetup s = v.setup;
        s.question = text;
        out.push_back(UpdateVote{e.id, v.id, s});
    }
    probe::mark("vote.question");
    ImGui::TextDisabled("%s", enumLabel(v.setup.method));
    if (ImGui::Button(tr(v.setup.open ? Str::CloseVote : Str::ReopenVote))) {
        VoteSetup s = v.setup;
        s.open = !s.open;
        out.push_back(UpdateVote{e.id, v.id, s});
    }
    probe::mark("vote.toggle-open");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ProjectResults))) requests.push_back(ProjectRequest{"resultats", v.id});
    probe::mark("vote.project");
    // Deleting the vote sits at the far right, away from closing and projecting it, and asks first.
    alignRight(tr(Str::DeleteVote));
    long long ballots = 0;
    for (const StoredBallot& b : v.ballots) ballots += b.ballot.count;
    if (confirmedButton(tr(Str::DeleteVote), fmt(Str::ConfirmVote, {v.setup.question, std::to_string(ballots)}),
                        "vote.delete"))
        out.push_back(RemoveVote{e.id, v.id});
    bool hide = v.setup.hideResults;
    if (ImGui::Checkbox(tr(Str::HideResults), &hide)) {
        VoteSetup s = v.setup;
        s.hideResults = hide;
        out.push_back(UpdateVote{e.id, v.id, s});
    }
    probe::mark("vote.hide");
    bool perPerson = v.setup.perPerson;
    ImGui::BeginDisabled(!v.ballots.empty());  // the mode is chosen before the first ballot
    if (ImGui::Checkbox(tr(Str::VotePerPerson), &perPerson)) {
        VoteSetup s = v.setup;
        s.perPerson = perPerson;
        out.push_back(UpdateVote{e.id, v.id, s});
    }
    ImGui::EndDisabled();
    probe::mark("vote.per-person");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::VotePerPersonHint));
}

}  // namespace

void drawVotesScreen(VotesView& view, ScreenContext& ctx) {
    Actions& out = ctx.actions;
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    if (view.voteSent.accepted()) {  // refused: the question and the proposals stay, to be corrected
        view.newQuestion.clear();
        view.newOptions.clear();
        view.selected = 0;  // the new vote is selected (the last one)
    }
    if (indexOf(e->votes, view.selected) < 0) view.selected = e->votes.empty() ? 0 : e->votes.back().id;
    ImGui::BeginChild("##votes-left", ImVec2(std::max(em(19.0f), ImGui::GetContentRegionAvail().x * 0.26f), 0), true);
    drawList(view, *e, out);
    ImGui::EndChild();
    const Vote* v = nullptr;
    if (const int i = indexOf(e->votes, view.selected); i >= 0) v = &e->votes[static_cast<size_t>(i)];
    if (!v) return;
    ImGui::SameLine();
    ImGui::BeginChild("##votes-middle", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), true);
    ImGui::PushID(static_cast<int>(v->id));
    ImGui::PushTextWrapPos(0.0f);  // proposals wrap, never run under the panel's edge
    drawVoteHeader(view, *e, *v, out, ctx.requests);
    ImGui::Separator();
    drawBallotEntry(view, *e, *v, out);
    ImGui::Separator();
    drawBallots(view, *e, *v, out);
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##votes-results", ImVec2(0, 0), true);
    ImGui::PushTextWrapPos(0.0f);
    heading(tr(Str::ResultsHeading));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::max(em(11.0f), std::min(ImGui::GetContentRegionAvail().y * 0.7f, w * 0.9f));
    drawVoteResults(ImGui::GetWindowDrawList(), min, ImVec2(min.x + w, min.y + h), *v, true);
    ImGui::Dummy(ImVec2(w, h));
    if (v->setup.method == VoteMethod::Schulze && !(v->setup.hideResults && v->setup.open)) {
        ImGui::Checkbox(tr(Str::SchulzeDetails), &view.details);
        if (view.details) drawSchulzeMatrix(*v);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace atelier::ui
