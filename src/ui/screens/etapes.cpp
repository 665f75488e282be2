// Console screen « Étapes »: the list of étapes, the selected étape's details and its programme, all editable.
// Text fields edit a draft and emit one action when the field is left (Enter, Tab or a click elsewhere), so
// that one edit is one undo step.
//
// [SECTION] Field helpers
// [SECTION] List of étapes and preview
// [SECTION] Details of the étape
// [SECTION] Programme

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/calendar.h"
#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace atelier::ui {

namespace {

// [SECTION] Field helpers

void fieldLabel(Str label) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(label));
    ImGui::TableNextColumn();
}

std::string hostLabel(const Model& model, const Etape& e) {
    return territoryName(model, e.header.host, tr(Str::HostToConfirm));
}

// [SECTION] List of étapes and preview

void drawList(Id& selected, const Model& model, const AudienceView& preview) {
    heading(tr(Str::EtapesHeading));
    ImGui::Separator();
    const float previewHeight = (ImGui::GetContentRegionAvail().x * 9.0f / 16.0f) + 3 * ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##list", ImVec2(0, -previewHeight));
    for (const Etape& e : model.etapes) {
        ImGui::PushID(static_cast<int>(e.id));
        const std::string label = fmt(Str::EtapeListItem, {std::to_string(e.header.number),
                                                           formatShortFr(e.header.date), hostLabel(model, e)});
        if (ImGui::Selectable(label.c_str(), e.id == selected)) selected = e.id;
        probe::mark("etape." + std::to_string(e.header.number));
        ImGui::PopID();
    }
    ImGui::EndChild();

    ImGui::Separator();
    ImGui::TextUnformatted(tr(Str::PreviewHeading));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 max(min.x + w, min.y + w * 9.0f / 16.0f);
    preview(ImGui::GetWindowDrawList(), min, max);
    ImGui::GetWindowDrawList()->AddRect(min, max, console::kOutline);
    ImGui::Dummy(ImVec2(w, max.y - min.y));
    ImGui::TextDisabled("%s", tr(Str::ProjectorHint));
}

// [SECTION] Details of the étape

}  // namespace

void drawEtapeHeaderEditor(EtapesView& view, const Model& model, const Etape& e, Actions& out) {
    const EtapeHeader& h = e.header;
    heading(fmt(Str::EtapeHeading, {std::to_string(h.number), formatLongFr(h.date)}).c_str());
    ImGui::Spacing();

    if (!ImGui::BeginTable("##details", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(6.0f));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    std::string text;
    // Emits the header with one change applied by `change`.
    auto emit = [&](auto change) {
        EtapeHeader c = h;
        change(c);
        out.push_back(UpdateEtape{e.id, std::move(c)});
    };

    fieldLabel(Str::FieldNumber);
    if (commitText(view.drafts, "##number", std::to_string(h.number), text, em(4.5f))) {
        if (auto n = parseInt(text)) {
            emit([&](EtapeHeader& c) { c.number = *n; });
        } else {
            view.error = fmt(Str::ErrNotANumber, {text});
        }
    }
    probe::mark("field.number");

    fieldLabel(Str::FieldDate);
    if (commitText(view.drafts, "##date", formatShortFr(h.date), text, em(7.75f))) {
        if (auto d = parseDate(text)) {
            emit([&](EtapeHeader& c) { c.date = *d; });
        } else {
            view.error = fmt(Str::ErrBadDateInput, {text});
        }
    }
    probe::mark("field.date");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", formatLongFr(h.date).c_str());

    fieldLabel(Str::FieldHost);
    std::optional<Id> host;
    if (territoryCombo("##host", model, h.host, host, tr(Str::HostToConfirm), em(15.5f)))
        emit([&](EtapeHeader& c) { c.host = host; });
    probe::mark("field.host");

    fieldLabel(Str::FieldTheme);
    if (commitText(view.drafts, "##theme", h.theme, text)) {
        emit([&](EtapeHeader& c) { c.theme = text; });
    }
    probe::mark("field.theme");

    fieldLabel(Str::FieldVenue);
    if (commitText(view.drafts, "##venue", h.venue, text)) {
        emit([&](EtapeHeader& c) { c.venue = text; });
    }
    probe::mark("field.venue");

    fieldLabel(Str::FieldKind);
    EtapeKind kind;
    if (enumCombo("##kind", h.kind, kind, em(11.0f))) {
        emit([&](EtapeHeader& c) { c.kind = kind; });
    }
    fieldLabel(Str::FieldStatus);
    EtapeStatus status;
    if (enumCombo("##status", h.status, status, em(11.0f))) {
        emit([&](EtapeHeader& c) { c.status = status; });
    }
    fieldLabel(Str::FieldDays);
    if (commitText(view.drafts, "##days", std::to_string(h.days), text, em(4.5f))) {
        if (auto n = parseInt(text)) emit([&](EtapeHeader& c) { c.days = *n; });
        else view.error = fmt(Str::ErrNotANumber, {text});
    }
    probe::mark("field.days");
    ImGui::EndTable();
}

namespace {

// [SECTION] Programme

void drawProgramme(EtapesView& view, const Etape& e, Actions& out) {
    ImGui::Spacing();
    heading(tr(Str::ProgrammeHeading));

    if (e.programme.empty()) ImGui::TextDisabled("%s", tr(Str::EmptyProgramme));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!e.programme.empty() && ImGui::BeginTable("##programme", 6, flags)) {
        ImGui::TableSetupColumn(tr(Str::ColStart), ImGuiTableColumnFlags_WidthFixed, em(4.5f));
        ImGui::TableSetupColumn(tr(Str::ColDuration), ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn(tr(Str::ColEnd), ImGuiTableColumnFlags_WidthFixed, em(3.25f));
        ImGui::TableSetupColumn(tr(Str::ColTitle), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Str::ColKind), ImGuiTableColumnFlags_WidthFixed, em(10.5f));
        ImGui::TableSetupColumn(tr(Str::ColActions), ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableHeadersRow();
        const int count = static_cast<int>(e.programme.size());
        for (int i = 0; i < count; ++i) {
            const ProgrammeItem& item = e.programme[static_cast<size_t>(i)];
            const std::string key = "item." + std::to_string(i) + ".";
            ImGui::PushID(static_cast<int>(item.id));
            ImGui::TableNextRow();
            std::string text;
            // Emits the item with one change applied by `change`.
            auto emit = [&](auto change) {
                ProgrammeItem c = item;
                change(c);
                out.push_back(UpdateProgrammeItem{e.id, std::move(c)});
            };

            ImGui::TableNextColumn();
            if (commitText(view.drafts, "##start", formatTimeFr(item.start), text)) {
                if (auto t = parseTime(text)) {
                    emit([&](ProgrammeItem& c) { c.start = *t; });
                } else {
                    view.error = fmt(Str::ErrBadTime, {text});
                }
            }
            probe::mark(key + "start");

            ImGui::TableNextColumn();
            if (commitText(view.drafts, "##duration", std::to_string(item.duration), text)) {
                if (auto d = parseInt(text)) {
                    emit([&](ProgrammeItem& c) { c.duration = *d; });
                } else {
                    view.error = fmt(Str::ErrNotANumber, {text});
                }
            }
            probe::mark(key + "duration");

            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", formatTimeFr(item.end() % (24 * 60)).c_str());

            ImGui::TableNextColumn();
            if (commitText(view.drafts, "##title", item.title, text)) {
                emit([&](ProgrammeItem& c) { c.title = text; });
            }
            probe::mark(key + "title");

            ImGui::TableNextColumn();
            ItemKind kind;
            if (enumCombo("##kind", item.kind, kind)) {
                emit([&](ProgrammeItem& c) { c.kind = kind; });
            }
            probe::mark(key + "kind");

            ImGui::TableNextColumn();
            ImGui::BeginDisabled(i == 0);
            if (ImGui::Button("\u2191")) out.push_back(MoveProgrammeItem{e.id, item.id, i - 1});
            ImGui::EndDisabled();
            probe::mark(key + "up");
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::MoveUp));
            ImGui::SameLine(0, em(0.2f));
            ImGui::BeginDisabled(i == count - 1);
            if (ImGui::Button("\u2193")) out.push_back(MoveProgrammeItem{e.id, item.id, i + 1});
            ImGui::EndDisabled();
            probe::mark(key + "down");
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::MoveDown));
            ImGui::SameLine(0, em(0.2f));
            if (ImGui::Button("\u2715")) out.push_back(RemoveProgrammeItem{e.id, item.id});
            probe::mark(key + "delete");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::DeleteItem));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // Overlapping lines are said under the programme (the day cannot hold both).
    const std::vector<std::string> overlaps = programmeOverlaps(e);
    for (size_t i = 0; i < overlaps.size(); ++i) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(console::vec(console::kWarning), "%s", overlaps[i].c_str());
        ImGui::PopTextWrapPos();
        probe::mark("programme.overlap." + std::to_string(i));
    }

    ImGui::Spacing();
    if (ImGui::Button(tr(Str::AddItem))) {
        ProgrammeItem item;
        item.start = e.programme.empty() ? 9 * 60 : std::min(e.programme.back().end(), 23 * 60 + 29);
        item.duration = 30;
        item.title = tr(Str::NewProgrammeItem);
        item.kind = ItemKind::Atelier;
        out.push_back(AddProgrammeItem{e.id, item});
    }
    probe::mark("add-item");
}

}  // namespace

void drawEtapesScreen(EtapesView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    Id& selected = ctx.etape;
    const AudienceView& preview = ctx.preview;
    if (!model.etape(selected) && !model.etapes.empty()) selected = model.etapes.front().id;
    const float listWidth = em(17.75f);
    ImGui::BeginChild("##etapes-left", ImVec2(listWidth, 0), true);
    drawList(selected, model, preview);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##etape-detail", ImVec2(0, 0), true);
    if (const Etape* e = model.etape(selected)) {
        ImGui::PushID(static_cast<int>(e->id));
        drawEtapeHeaderEditor(view, model, *e, out);
        drawProgramme(view, *e, out);
        ImGui::PopID();
    } else {
        ImGui::TextDisabled("%s", tr(Str::NoEtapeSelected));
    }
    ImGui::EndChild();
}

}  // namespace atelier::ui
