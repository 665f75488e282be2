// Console screen « Groupes »: the breakout groups of the selected étape. Form every round from the people in
// the room (the mixer keeps people of one Cité apart, avoids pairs meeting twice and pairs that met at earlier
// étapes, mixes institutions), read the statistics, drag a person onto another to swap them or onto a group to
// move them (one undoable action each), lock, name and place groups, print the lists, project a round.
//
// [SECTION] Toolbar and statistics
// [SECTION] Group cards and drag and drop
// [SECTION] Projector

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui.h>
#include <imgui_internal.h>

#include "core/breakout.h"
#include "core/strings.h"
#include "export/documents.h"
#include "export/groups.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

namespace {

constexpr const char* kPersonPayload = "ATELIER_PERSON";

std::string citeOf(const Model& model, Id person) {
    const Person* p = model.person(person);
    return territoryName(model, p ? p->territory : std::nullopt, "");
}

// [SECTION] Toolbar and statistics

void form(BreakoutView& view, const Model& model, const Etape& e, Actions& out, int groups) {
    BreakoutRequest req{groups, view.rounds, view.nextSeed++, view.timeLimitMs, view.maxIterations};
    const BreakoutResult r = formGroups(model, e, req);
    if (!r.ok()) {
        view.error = r.error;
        return;
    }
    view.report = fmt(Str::GroupsMixReport, {std::to_string(static_cast<long>(std::lround(r.stats.elapsedMs))),
                                             std::to_string(r.stats.iterations), std::to_string(req.seed),
                                             r.stats.perfect ? tr(Str::GroupsMixPerfect) : ""});
    out.push_back(SetGroupPlan{e.id, r.plan});
    view.round = 0;
}

void drawToolbar(BreakoutView& view, const Model& model, const Etape& e, Actions& out, Requests& requests,
                 const store::DataFolder* folder) {
    const int people = static_cast<int>(peopleInTheRoom(e).size());
    // The steppers show the saved plan whenever it changes shape (opening the app, another étape, a mix, an undo),
    // so that « Mélanger à nouveau » rebuilds the same shape unless the facilitator changes it.
    const std::pair<int, int> shape =
        e.groups.empty() ? std::pair{0, 0}
                         : std::pair{static_cast<int>(e.groups.rounds.front().groups.size()),
                                     static_cast<int>(e.groups.rounds.size())};
    if (view.shapeOf != e.id || view.shape != shape) {
        view.shapeOf = e.id;
        view.shape = shape;
        if (shape.first > 0) {
            view.groups = shape.first;
            view.rounds = shape.second;
        }
    }
    if (view.groups <= 0) view.groups = std::max(1, (people + 4) / 5);
    ImGui::TextUnformatted(fmt(Str::PeopleInRoom, {std::to_string(people)}).c_str());
    ImGui::SameLine(0, em(1.1f));
    ImGui::SetNextItemWidth(em(6.0f));
    ImGui::InputInt(tr(Str::GroupsCount), &view.groups);
    view.groups = std::clamp(view.groups, 1, std::max(1, people));
    probe::mark("groups.count");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(6.0f));
    ImGui::InputInt(tr(Str::RoundsCount), &view.rounds);
    view.rounds = std::clamp(view.rounds, 1, 12);
    ImGui::SameLine(0, em(1.1f));
    if (ImGui::Button(tr(e.groups.empty() ? Str::FormGroups : Str::RemixGroups))) form(view, model, e, out, view.groups);
    probe::mark("groups.form");
    if (!e.groups.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::ProjectGroups))) requests.push_back(ProjectRequest{"projecteur-groupes"});
        probe::mark("groups.project");
        if (folder) {
            ImGui::SameLine();
            if (ImGui::Button(tr(Str::GroupsDocument)))
                requests.push_back(DocumentRequest{exporting::documentFileName(e, "groupes"),
                                                   exporting::groupsHtml(model, e),
                                                   [&view](const std::string& message) { view.report = message; }});
            probe::mark("groups.document");
        }
        // Each count against the least any plan of this shape can reach: orange only when it could be better.
        const MixerStats s = groupStats(model, e);
        const PlanBounds least = planBounds(model, e);
        const auto stat = [](std::int64_t value, std::int64_t bound) {
            return value > bound ? fmt(Str::GroupsStatAbove, {std::to_string(value), std::to_string(bound)})
                                 : std::to_string(value);
        };
        const bool better = s.repeatPairs > least.repeatPairs || s.sameCitePairs > least.sameCitePairs ||
                            s.historyRepeats > 0;
        ImGui::TextColored(better ? console::vec(console::kWarning) : console::vec(console::kSuccess), "%s",
                           fmt(Str::GroupsStats, {stat(s.repeatPairs, least.repeatPairs),
                                                  stat(s.sameCitePairs, least.sameCitePairs),
                                                  std::to_string(s.historyRepeats), std::to_string(s.minKinds)})
                               .c_str());
        probe::mark("groups.stats");
        if (least.repeatPairs > 0 || least.sameCitePairs > 0)
            ImGui::TextDisabled("%s", fmt(Str::GroupsLeastPossible, {std::to_string(least.repeatPairs),
                                                                     std::to_string(least.sameCitePairs)})
                                          .c_str());
    }
    if (!view.report.empty()) ImGui::TextDisabled("%s", view.report.c_str());
}

// [SECTION] Group cards and drag and drop

void drawCard(BreakoutView& view, const Model& model, const Etape& e, int g, float width, Actions& out) {
    const GroupRound& round = e.groups.rounds[static_cast<size_t>(view.round)];
    const Group& group = round.groups[static_cast<size_t>(g)];
    const bool locked = static_cast<size_t>(g) < e.groups.locked.size() && e.groups.locked[static_cast<size_t>(g)];
    ImGui::PushID(g);
    ImGui::BeginGroup();
    auto update = [&](auto change) {
        UpdateGroup u{e.id, view.round, g, group.name, group.question, group.room, locked};
        change(u);
        out.push_back(u);
    };
    std::string text;
    if (commitText(view.drafts, "##name", group.name, text, width - ImGui::CalcTextSize(tr(Str::GroupLocked)).x - ImGui::GetFrameHeight() - em(1.5f))) update([&](UpdateGroup& u) { u.name = text; });
    probe::mark("group." + std::to_string(g) + ".name");
    ImGui::SameLine();
    bool lock = locked;
    if (ImGui::Checkbox(tr(Str::GroupLocked), &lock)) update([&](UpdateGroup& u) { u.locked = lock; });
    probe::mark("group." + std::to_string(g) + ".lock");
    // A room carries over from the round before until it is changed: shown as the field's hint.
    const std::string carried = groupRoom(e.groups, view.round, g);
    const std::string roomHint = carried.empty() ? std::string(tr(Str::GroupRoomHint))
                                                 : fmt(Str::GroupRoomCarried, {carried});
    if (commitText(view.drafts, "##room", group.room, text, width, roomHint.c_str()))
        update([&](UpdateGroup& u) { u.room = text; });
    if (commitText(view.drafts, "##question", group.question, text, width, tr(Str::GroupQuestionHint)))
        update([&](UpdateGroup& u) { u.question = text; });
    ImGui::TextDisabled("%s", fmt(Str::GroupSummary, {std::to_string(group.members.size()),
                                                      std::to_string(institutionKinds(model, group))}).c_str());
    for (size_t i = 0; i < group.members.size(); ++i) {
        const Id person = group.members[i];
        const Person* p = model.person(person);
        std::string label = (p ? p->name : std::string("?")) + " \u00b7 " + citeOf(model, person);
        for (int k = 0; k < kGroupRoles; ++k)
            if (roleHolder(group, view.round, k) == static_cast<int>(i)) label += " \u00b7 " + std::string(exporting::roleName(k));
        ImGui::PushID(static_cast<int>(person));
        wrappedSelectable("##member", label, width);
        probe::mark("member." + std::to_string(g) + "." + std::to_string(i));
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload(kPersonPayload, &person, sizeof person);
            ImGui::TextUnformatted(label.c_str());
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {  // onto a person: swap
            if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPersonPayload)) {
                const Id dragged = *static_cast<const Id*>(payload->Data);
                if (dragged != person) out.push_back(SwapMembers{e.id, view.round, dragged, person});
            }
            ImGui::EndDragDropTarget();
        }
        ImGui::PopID();
    }
    ImGui::EndGroup();
    // Onto the group itself (its free space): move there.
    const ImRect card(ImGui::GetItemRectMin(), ImVec2(ImGui::GetItemRectMin().x + width, ImGui::GetItemRectMax().y + em(1.65f)));
    ImGui::GetWindowDrawList()->AddRect(ImVec2(card.Min.x - em(0.35f), card.Min.y - em(0.35f)), ImVec2(card.Max.x + em(0.35f), card.Max.y),
                                        locked ? console::kAccent : console::kOutline, em(0.35f), 0,
                                        locked ? 3.0f : 1.0f);
    if (ImGui::BeginDragDropTargetCustom(card, ImGui::GetID("##card"))) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPersonPayload)) {
            const Id dragged = *static_cast<const Id*>(payload->Data);
            bool already = std::find(group.members.begin(), group.members.end(), dragged) != group.members.end();
            if (!already) out.push_back(MoveMember{e.id, view.round, dragged, g});
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::Dummy(ImVec2(width, em(1.35f)));
    probe::mark("group." + std::to_string(g) + ".drop");
    ImGui::PopID();
}

}  // namespace

void drawBreakoutScreen(BreakoutView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    drawToolbar(view, model, *e, out, ctx.requests, ctx.folder);
    if (e->groups.empty()) {
        ImGui::TextDisabled("%s", tr(Str::NoGroupsYet));
        return;
    }
    view.round = std::clamp(view.round, 0, static_cast<int>(e->groups.rounds.size()) - 1);
    for (int r = 0; r < static_cast<int>(e->groups.rounds.size()); ++r) {
        if (r) ImGui::SameLine();
        const bool current = r == view.round;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_HeaderActive]);
        if (ImGui::Button(fmt(Str::RoundName, {std::to_string(r + 1)}).c_str())) view.round = r;
        if (current) ImGui::PopStyleColor();
        probe::mark("round." + std::to_string(r));
    }
    ImGui::SameLine(0, em(1.1f));
    ImGui::TextDisabled("%s", tr(Str::DragHint));
    // People who came in after the groups were formed are in none: said, with their names, never silently left out.
    {
        const auto& round = e->groups.rounds[static_cast<size_t>(view.round)].groups;
        int present = 0, placed = 0;
        std::string names;
        for (const Registration& r : e->registrations) {
            if (!r.present) continue;
            ++present;
            const bool in = std::any_of(round.begin(), round.end(), [&](const Group& g) {
                return std::find(g.members.begin(), g.members.end(), r.person) != g.members.end();
            });
            if (in) {
                ++placed;
            } else if (const Person* p = model.person(r.person)) {
                names += (names.empty() ? "" : ", ") + p->name;
            }
        }
        if (placed < present) {
            ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kWarning));  // as the mixer's warning
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(
                fmt(Str::GroupsUnplaced, {std::to_string(present), std::to_string(placed), names}).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
            probe::mark("groups.unplaced");
        }
    }
    ImGui::BeginChild("##groups", ImVec2(0, 0), false);
    ImGui::Indent(em(0.45f));
    ImGui::Dummy(ImVec2(0, em(0.2f)));
    const auto& groups = e->groups.rounds[static_cast<size_t>(view.round)].groups;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = std::max(1, static_cast<int>(avail / em(18.25f)));
    const float width = avail / static_cast<float>(columns) - em(1.35f);
    for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
        if (g % columns) ImGui::SameLine(0, em(1.35f));
        ImGui::BeginGroup();
        drawCard(view, model, *e, g, width, out);
        ImGui::EndGroup();
    }
    ImGui::EndChild();
}

// [SECTION] Projector

void drawGroupsProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& e, int round) {
    using namespace projector;
    draw->AddRectFilled(min, max, kBackground);
    if (e.groups.empty()) return;
    round = std::clamp(round, 0, static_cast<int>(e.groups.rounds.size()) - 1);
    const auto& groups = e.groups.rounds[static_cast<size_t>(round)].groups;
    const float width = max.x - min.x;
    const float u = audienceUnit(min, max);
    const Fonts& f = fonts();
    const float margin = 40 * u;
    const std::string heading = fmt(Str::RoundName, {std::to_string(round + 1)}) + " \u00b7 " + tr(Str::DocGroupsTitle);
    fitText(draw, f.largeBold, fitSize(f.largeBold, heading, width - 2 * margin, 70 * u, 56 * u, 20 * u, false),
            ImVec2(min.x + margin, min.y + margin), kAccent, kBackground, heading, ImRect(min, max), 0, TextRole::Label);
    const float top = min.y + margin + 80 * u;
    const int n = static_cast<int>(groups.size());
    size_t most = 1;
    for (const Group& g : groups) most = std::max(most, g.members.size());
    // A card's lines: its title (group · room), then one line per member « Name  Cité ».
    auto title = [&](int g) {
        std::string t = groups[static_cast<size_t>(g)].name;
        if (const std::string room = groupRoom(e.groups, round, g); !room.empty()) t += " \u00b7 " + room;
        return t;
    };
    auto widest = [&](float size) {  // the widest line of any card at `size`, measured
        float w = 0;
        for (int g = 0; g < n; ++g) {
            w = std::max(w, f.largeBold->CalcTextSizeA(size * 1.15f, FLT_MAX, 0, title(g).c_str()).x);
            for (Id m : groups[static_cast<size_t>(g)].members) {
                const Person* p = model.person(m);
                const std::string cite = citeOf(model, m);
                float line = f.large->CalcTextSizeA(size, FLT_MAX, 0, p ? p->name.c_str() : "?").x;
                if (!cite.empty()) line += 12 * u + f.large->CalcTextSizeA(size * 0.8f, FLT_MAX, 0, cite.c_str()).x;
                w = std::max(w, line);
            }
        }
        return w;
    };
    // Columns and rows that give the cards the most room, text sized to the fullest card and the widest line.
    const float widestAt100 = widest(100.0f);
    int bestColumns = 1;
    float bestSize = 0;
    for (int cols = 1; cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const float cardW = (width - 2 * margin) / static_cast<float>(cols) - 20 * u;
        const float cardH = (max.y - top - margin) / static_cast<float>(rows) - 20 * u;
        const float size = std::min(cardH / (static_cast<float>(most) + 2.2f) / 1.25f,
                                    (cardW - 32 * u) / widestAt100 * 100.0f * 0.98f);
        if (size > bestSize) bestSize = size, bestColumns = cols;
    }
    const int cols = bestColumns, rows = (n + cols - 1) / cols;
    const float cardW = (width - 2 * margin) / static_cast<float>(cols) - 20 * u;
    const float cardH = (max.y - top - margin) / static_cast<float>(rows) - 20 * u;
    const float size = std::min(bestSize, 60 * u);
    for (int g = 0; g < n; ++g) {
        const Group& group = groups[static_cast<size_t>(g)];
        const float x = min.x + margin + static_cast<float>(g % cols) * (cardW + 20 * u);
        const float y = top + static_cast<float>(g / cols) * (cardH + 20 * u);
        const ImRect card(ImVec2(x, y), ImVec2(x + cardW, y + cardH));
        draw->AddRectFilled(card.Min, card.Max, kAccentSoft, 12 * u);
        fitText(draw, f.largeBold, size * 1.15f, ImVec2(x + 16 * u, y + 10 * u), kAccent, kAccentSoft, title(g), card, 0,
                TextRole::Label);
        float ly = y + 16 * u + size * 1.5f;
        for (Id m : group.members) {
            const Person* p = model.person(m);
            const std::string cite = citeOf(model, m);
            const ImVec2 name = fitText(draw, f.large, size, ImVec2(x + 16 * u, ly), kText, kAccentSoft, p ? p->name : "?", card);
            if (!cite.empty())
                fitText(draw, f.large, size * 0.8f, ImVec2(x + 16 * u + name.x + 12 * u, ly + size * 0.15f), kMuted,
                        kAccentSoft, cite, card);
            ly += size * 1.25f;
        }
    }
}

bool projectGroups(BreakoutView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    if (!ctx.etape || ctx.etape->groups.empty()) return false;
    drawGroupsProjection(draw, min, max, ctx.model, *ctx.etape, view.round);
    return true;
}

}  // namespace atelier::ui
