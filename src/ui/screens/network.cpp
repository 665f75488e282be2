// Console screen « Réseau »: the territories (the 13 Cités and any other that registers) and the people of the
// network. Search ignores accents and case; every edit is an action, so every change can be undone.
//
// [SECTION] Territories
// [SECTION] People

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"

namespace atelier::ui {

namespace {

constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                   ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;

bool matches(const std::string& folded, std::initializer_list<std::string_view> fields) {
    if (folded.empty()) return true;
    for (std::string_view f : fields)
        if (foldForSearch(f).find(folded) != std::string::npos) return true;
    return false;
}

std::string hosted(const Model& model, Id territory) {
    std::string out;
    for (const Etape& e : model.etapes)
        if (e.header.host == territory)
            out += (out.empty() ? "" : ", ") + fmt(Str::EtapeNumber, {std::to_string(e.header.number)});
    return out;
}

// [SECTION] Territories

void drawTerritories(NetworkView& view, const std::string& query, const Model& model, Actions& out, float height) {
    int shown = 0;
    for (const Territory& t : model.territories) shown += matches(query, {t.name, t.department});
    heading(fmt(Str::TerritoriesHeading, {std::to_string(shown), std::to_string(model.territories.size())}).c_str());
    if (ImGui::BeginTable("##territories", 6, kTable, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Str::FieldName), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(tr(Str::FieldDepartment), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr(Str::ColMembership), ImGuiTableColumnFlags_WidthFixed, enumComboWidth<Membership>());
        ImGui::TableSetupColumn(tr(Str::ColCite), ImGuiTableColumnFlags_WidthFixed, em(6.0f));
        ImGui::TableSetupColumn(tr(Str::ColHosted), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(2.0f));
        ImGui::TableHeadersRow();
        for (const Territory& t : model.territories) {
            if (!matches(query, {t.name, t.department})) continue;
            ImGui::PushID(static_cast<int>(t.id));
            ImGui::TableNextRow();
            const std::string key = "territory." + t.name + ".";
            auto emit = [&](auto change) {
                Territory c = t;
                change(c);
                out.push_back(UpdateTerritory{c});
            };
            std::string text;
            ImGui::TableNextColumn();
            if (commitText(view.drafts, "##name", t.name, text)) emit([&](Territory& c) { c.name = text; });
            probe::mark(key + "name");
            ImGui::TableNextColumn();
            if (commitText(view.drafts, "##dept", t.department, text))
                emit([&](Territory& c) { c.department = text; });
            ImGui::TableNextColumn();
            Membership membership;
            if (enumCombo("##membership", t.membership, membership)) emit([&](Territory& c) { c.membership = membership; });
            probe::mark(key + "membership");
            ImGui::TableNextColumn();
            bool cite = t.cite;
            if (ImGui::Checkbox("##cite", &cite)) emit([&](Territory& c) { c.cite = cite; });
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(hosted(model, t.id).c_str());
            ImGui::TableNextColumn();
            if (confirmedButton("\u2715", fmt(Str::ConfirmTerritory, {t.name}), key + "delete"))
                out.push_back(RemoveTerritory{t.id});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::DeleteTerritory));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (view.territorySent.accepted()) {
        view.newTerritory.clear();
        view.newDepartment.clear();
    }
    const bool enter =
        entryField("##new-territory", view.newTerritory, tr(Str::NewTerritoryHint), em(14.5f), 0, view.focusTerritory);
    probe::mark("new-territory");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(10.0f));
    hintField("##new-department", tr(Str::FieldDepartment), view.newDepartment);
    ImGui::SameLine();
    if ((ImGui::Button(tr(Str::AddTerritory)) || enter) && !trim(view.newTerritory).empty()) {
        out.push_back(AddTerritory{Territory{0, view.newTerritory, view.newDepartment, Membership::AVerifier, false}});
        view.territorySent.wait(out);
    }
    probe::mark("add-territory");
}

// [SECTION] People

void drawPeople(NetworkView& view, const std::string& query, const Model& model, Actions& out) {
    auto territoryOf = [&](const Person& p) { return territoryName(model, p.territory, ""); };
    int shown = 0;
    auto found = [&](const Person& p) {
        return matches(query, {p.name, p.email, territoryOf(p), p.structure, p.function});
    };
    for (const Person& p : model.people) shown += found(p);
    heading(fmt(Str::PeopleHeading, {std::to_string(shown), std::to_string(model.people.size())}).c_str());
    const float height = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - em(0.2f);
    if (ImGui::BeginTable("##people", 8, kTable, ImVec2(0, std::max(em(6.75f), height)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // The structure and the function as typed, each beside its category (institution, role).
        ImGui::TableSetupColumn(tr(Str::FieldName), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr(Str::FieldEmail), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr(Str::DocColTerritory), ImGuiTableColumnFlags_WidthFixed,
                                territoryComboWidth(model, tr(Str::NoTerritory)));
        ImGui::TableSetupColumn(tr(Str::ColStructure), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr(Str::DocColInstitution), ImGuiTableColumnFlags_WidthFixed, enumComboWidth<Institution>());
        ImGui::TableSetupColumn(tr(Str::ColFunction), ImGuiTableColumnFlags_WidthStretch, 1.8f);
        ImGui::TableSetupColumn(tr(Str::ColRole), ImGuiTableColumnFlags_WidthFixed, enumComboWidth<Role>());
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(2.0f));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        std::vector<const Person*> rows;
        for (const Person& p : model.people)
            if (found(p)) rows.push_back(&p);
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Person& p = *rows[static_cast<size_t>(i)];
                ImGui::PushID(static_cast<int>(p.id));
                ImGui::TableNextRow();
                const std::string key = "person." + std::to_string(i) + ".";
                auto emit = [&](auto change) {
                    Person c = p;
                    change(c);
                    out.push_back(UpdatePerson{c});
                };
                std::string text;
                ImGui::TableNextColumn();
                if (commitText(view.drafts, "##name", p.name, text)) emit([&](Person& c) { c.name = text; });
                probe::mark(key + "name");
                ImGui::TableNextColumn();
                if (commitText(view.drafts, "##email", p.email, text)) emit([&](Person& c) { c.email = text; });
                probe::mark(key + "email");
                ImGui::TableNextColumn();
                std::optional<Id> territory;
                if (territoryCombo("##territory", model, p.territory, territory, tr(Str::NoTerritory)))
                    emit([&](Person& c) { c.territory = territory; });
                ImGui::TableNextColumn();
                if (commitText(view.drafts, "##structure", p.structure, text))
                    emit([&](Person& c) { c.structure = text; });
                probe::mark(key + "structure");
                ImGui::TableNextColumn();
                Institution institution;
                if (enumCombo("##institution", p.institution, institution))
                    emit([&](Person& c) { c.institution = institution; });
                probe::mark(key + "institution");
                ImGui::TableNextColumn();
                if (commitText(view.drafts, "##function", p.function, text))
                    emit([&](Person& c) { c.function = text; });
                probe::mark(key + "function");
                ImGui::TableNextColumn();
                Role role;
                if (enumCombo("##role", p.role, role)) emit([&](Person& c) { c.role = role; });
                ImGui::TableNextColumn();
                if (confirmedButton("\u2715", fmt(Str::ConfirmPerson, {p.name}), key + "delete"))
                    out.push_back(RemovePerson{p.id});
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::DeletePerson));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (view.personSent.accepted()) {
        view.newPerson.clear();
        view.newEmail.clear();
    }
    const bool enter = entryField("##new-person", view.newPerson, tr(Str::NewPersonHint), em(14.5f), 0, view.focusPerson);
    probe::mark("new-person");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(13.25f));
    hintField("##new-email", tr(Str::NewEmailHint), view.newEmail);
    ImGui::SameLine();
    std::optional<Id> territory;
    if (territoryCombo("##new-person-territory", model, view.newPersonTerritory, territory, tr(Str::NoTerritory),
                       em(11.0f)))
        view.newPersonTerritory = territory;
    ImGui::SameLine();
    if ((ImGui::Button(tr(Str::AddPerson)) || enter) && !trim(view.newPerson).empty()) {
        out.push_back(AddPerson{Person{0, view.newPerson, view.newEmail, view.newPersonTerritory}});
        view.personSent.wait(out);
    }
    probe::mark("add-person");
}

}  // namespace

void drawNetworkScreen(NetworkView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    ImGui::SetNextItemWidth(em(23.25f));
    hintField("##search", tr(Str::SearchHint), view.search);
    probe::mark("search");
    const std::string query = foldForSearch(trim(view.search));
    ImGui::Spacing();
    const float territoriesHeight = std::max(em(9.0f), ImGui::GetContentRegionAvail().y * 0.42f);
    drawTerritories(view, query, model, out, territoriesHeight);
    ImGui::Spacing();
    ImGui::Separator();
    drawPeople(view, query, model, out);
}

}  // namespace atelier::ui
