// Console screen « Calendrier »: the étapes of the Tour laid out by quarter, the tracker of which Cités have
// hosted, the calendar's warnings, and the ordered list of étapes to create, reorder, delete and edit.
//
// [SECTION] Quarters grid
// [SECTION] Tour tracker and warnings
// [SECTION] List and editor

#include <imgui.h>

#include "core/calendar.h"
#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"

namespace atelier::ui {

namespace {

ImVec4 statusColour(EtapeStatus s) {
    switch (s) {
        case EtapeStatus::Realisee: return console::vec(console::kSuccess);
        case EtapeStatus::Confirmee: return console::vec(console::kAccent);
        case EtapeStatus::Prevue: break;
    }
    return console::vec(console::kMuted);
}

/// « Étape 1 · 11/02 » then the host, on one line or two (`separator`).
std::string shortLabel(const Model& model, const Etape& e, const char* separator = " \u00b7 ") {
    const std::string host = territoryName(model, e.header.host, tr(Str::HostToConfirm));
    const std::string name = e.header.kind == EtapeKind::JourneeRegionale
                                 ? std::string(tr(Str::EtapeKindJourneeRegionale))
                                 : fmt(Str::EtapeNumber, {std::to_string(e.header.number)});
    return name + " \u00b7 " + formatShortFr(e.header.date).substr(0, 5) + separator + host;
}

// [SECTION] Quarters grid

void drawGrid(Id& selected, const Model& model) {
    const auto quarters = tourQuarters(model);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("##quarters", 5, flags)) return;
    ImGui::TableSetupColumn(tr(Str::ColYear), ImGuiTableColumnFlags_WidthFixed, em(3.25f));
    for (int q = 1; q <= 4; ++q) {
        static const Str kNames[] = {Str::Quarter1, Str::Quarter2, Str::Quarter3, Str::Quarter4};
        ImGui::TableSetupColumn(tr(kNames[q - 1]));
    }
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < quarters.size(); ++i) {
        const Quarter& q = quarters[i];
        if (q.quarter == 1 || i == 0) {
            ImGui::TableNextRow(0, ImGui::GetFrameHeight() * 2.2f);
            ImGui::TableNextColumn();
            ImGui::Text("%d", q.year);
            for (int skip = 1; skip < q.quarter; ++skip) ImGui::TableNextColumn();
        }
        ImGui::TableNextColumn();
        for (const Etape* e : etapesIn(model, q)) {
            ImGui::PushID(static_cast<int>(e->id));
            ImGui::PushStyleColor(ImGuiCol_Text, statusColour(e->header.status));
            if (ImGui::Selectable(shortLabel(model, *e, "\n").c_str(), e->id == selected)) selected = e->id;
            ImGui::PopStyleColor();
            probe::mark("grid.etape." + std::to_string(e->header.number));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s\n%s", formatLongFr(e->header.date).c_str(), e->header.theme.c_str(),
                                  enumLabel(e->header.status));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// [SECTION] Tour tracker and warnings

void drawTracker(const Model& model) {
    const auto tracker = tourTracker(model);
    int done = 0;
    for (const HostRecord& r : tracker) done += !r.etapes.empty();
    heading(fmt(Str::TrackerHeading, {std::to_string(done), std::to_string(tracker.size())}).c_str());
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const HostRecord& r : tracker) {
        const Territory* t = model.territory(r.territory);
        std::string label = t->name;
        if (!r.etapes.empty()) {
            label = "\u2713 " + label + " (";
            for (size_t i = 0; i < r.etapes.size(); ++i) label += (i ? ", " : "") + std::to_string(r.etapes[i]);
            label += ")";
        }
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        const float width = size.x + ImGui::GetStyle().FramePadding.x * 2;
        if (ImGui::GetItemRectMax().x + width + em(0.45f) < right && &r != &tracker.front()) ImGui::SameLine();
        const bool hosted = !r.etapes.empty();
        ImGui::PushStyleColor(ImGuiCol_Button, hosted ? console::vec(console::kSuccessSoft) : console::vec(console::kNeutralSoft));
        ImGui::PushStyleColor(ImGuiCol_Text, hosted ? console::vec(console::kSuccess) : console::vec(console::kMuted));
        ImGui::PushID(static_cast<int>(r.territory));
        ImGui::Button(label.c_str());
        ImGui::PopID();
        ImGui::PopStyleColor(2);
    }
}

void drawWarnings(const Model& model) {
    const auto warnings = calendarWarnings(model);
    if (warnings.empty()) {
        ImGui::TextColored(console::vec(console::kSuccess), "%s", tr(Str::NoCalendarWarning));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kWarning));
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& w : warnings) ImGui::TextUnformatted(("\u26a0 " + w).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// [SECTION] List and editor

void drawList(CalendarView& view, Id& selected, const Model& model, Actions& out) {
    heading(tr(Str::EtapesHeading));
    const int count = static_cast<int>(model.etapes.size());
    for (int i = 0; i < count; ++i) {
        const Etape& e = model.etapes[static_cast<size_t>(i)];
        ImGui::PushID(static_cast<int>(e.id));
        ImGui::BeginDisabled(i == 0);
        if (ImGui::SmallButton("\u2191")) out.push_back(MoveEtape{e.id, i - 1});
        ImGui::EndDisabled();
        probe::mark("list." + std::to_string(i) + ".up");
        ImGui::SameLine(0, 2);
        ImGui::BeginDisabled(i == count - 1);
        if (ImGui::SmallButton("\u2193")) out.push_back(MoveEtape{e.id, i + 1});
        ImGui::EndDisabled();
        probe::mark("list." + std::to_string(i) + ".down");
        ImGui::SameLine();
        if (ImGui::Selectable(shortLabel(model, e).c_str(), e.id == selected)) selected = e.id;
        probe::mark("list." + std::to_string(i));
        ImGui::PopID();
    }
    if (ImGui::Button(tr(Str::NewEtape))) {
        Etape e;
        e.header.number = nextEtapeNumber(model);
        // One quarter after the latest étape (mid-September 2020 for the first one).
        Date date{2020, 9, 15};
        if (!model.etapes.empty()) {
            date = model.etapes.front().header.date;
            for (const Etape& other : model.etapes) date = std::max(date, other.header.date);
            date.month += 3;
            if (date.month > 12) {
                date.month -= 12;
                ++date.year;
            }
            date.day = std::min(date.day, 28);
        }
        e.header.date = date;
        e.header.theme = tr(Str::NewEtapeTheme);
        out.push_back(AddEtape{e});
    }
    probe::mark("new-etape");
    if (const Etape* e = model.etape(selected)) {
        const std::string label = fmt(Str::DeleteEtape, {std::to_string(e->header.number)});
        alignRight(label.c_str());
        if (confirmedButton(label.c_str(), fmt(Str::ConfirmEtape, {std::to_string(e->header.number)}), "delete-etape"))
            out.push_back(RemoveEtape{e->id});
        ImGui::Separator();
        ImGui::PushID(static_cast<int>(e->id));
        drawEtapeHeaderEditor(view.editor, model, *e, out);
        ImGui::PopID();
    }
}

}  // namespace

void drawCalendarScreen(CalendarView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    Id& selected = ctx.etape;
    if (!model.etape(selected) && !model.etapes.empty()) selected = model.etapes.front().id;
    const float rightWidth = std::max(em(23.25f), ImGui::GetContentRegionAvail().x * 0.38f);
    ImGui::BeginChild("##calendar-left", ImVec2(-rightWidth - em(0.45f), 0), false);
    heading(tr(Str::CalendarHeading));
    drawGrid(selected, model);
    ImGui::Spacing();
    drawWarnings(model);
    ImGui::Spacing();
    drawTracker(model);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##calendar-right", ImVec2(0, 0), true);
    drawList(view, selected, model, out);
    ImGui::EndChild();
    if (!view.editor.error.empty()) {
        view.error = std::move(view.editor.error);
        view.editor.error.clear();
    }
}

}  // namespace atelier::ui
