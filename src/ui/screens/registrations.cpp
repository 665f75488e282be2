// Console screen « Inscriptions »: who registered for the selected étape, the check-in at the door (type three
// letters of a name, press Enter: the person is marked present; nobody matches: add them on the spot), presence,
// days and fees of each person, and the totals by territory.
//
// [SECTION] Check-in at the door
// [SECTION] Registrations
// [SECTION] Import and documents

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/fees.h"
#include "core/registration_import.h"
#include "export/documents.h"
#include "store/csv.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"

namespace atelier::ui {

namespace {

/// Registrations whose person's name contains `query` (accents and case ignored), those not yet present first,
/// then by name.
std::vector<const Registration*> matching(const Model& model, const Etape& e, const std::string& query) {
    std::vector<const Registration*> out;
    const std::string q = foldForName(trim(query));
    if (countCodePoints(q) < 3) return out;
    for (const Registration& r : e.registrations)
        if (const Person* p = model.person(r.person); p && foldForName(p->name).find(q) != std::string::npos)
            out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [&](const Registration* a, const Registration* b) {
        if (a->present != b->present) return !a->present;
        return foldForSearch(model.person(a->person)->name) < foldForSearch(model.person(b->person)->name);
    });
    return out;
}

/// Euros typed by a person ("150", "87,50", "87.5") in cents; nullopt otherwise.
std::optional<long> parseEuros(const std::string& text) {
    std::string t(trim(text));
    const auto sep = t.find_first_of(",.");
    const auto units = parseInt(t.substr(0, sep));
    if (!units) return std::nullopt;
    long cents = 0;
    if (sep != std::string::npos) {
        std::string frac = t.substr(sep + 1);
        if (frac.empty() || frac.size() > 2) return std::nullopt;
        if (frac.size() == 1) frac += '0';
        const auto c = parseInt(frac);
        if (!c) return std::nullopt;
        cents = *c;
    }
    return *units * 100L + cents;
}

std::string feeText(const Fee& fee) {
    return fee.cents ? formatEuros(*fee.cents) : std::string(tr(Str::FeeAVerifier));
}

// [SECTION] Check-in at the door

/// Marks the registration of `matches[index]` present (or says it already was).
void checkIn(RegistrationsView& view, const Model& model, const Etape& e, const Registration& chosen, Actions& out) {
    Registration r = chosen;
    const std::string name = model.person(r.person)->name;
    if (!r.present) {
        r.present = true;
        out.push_back(UpdateRegistration{e.id, r});
        view.checkinSent.wait(out);
        view.lastCheckedIn = fmt(Str::CheckedIn, {name});
    } else {
        view.lastCheckedIn = fmt(Str::AlreadyPresent, {name});
        view.checkin.clear();  // nothing to save: the next person types straight away
    }
    view.focusCheckin = true;
}

/// Registers `name` on the spot, present, with the Cité and institution of the pending walk-in form, in one
/// undoable step.
void addWalkIn(RegistrationsView& view, const Model& model, const Etape& e, const std::string& name, Actions& out) {
    const Id person = model.nextId;
    Person p{person, name, "", view.walkIn->territory};
    p.institution = view.walkIn->institution;
    out.batches.push_back(ActionBatch{fmt(Str::ActWalkIn, {name}),
                                      {AddPerson{p}, AddRegistration{e.id, Registration{0, person, 1, true, true}}}});
    view.walkInSent.wait(out, true);
    view.walkInName = name;
}

/// The walk-in asked about after Enter matched nobody: their Cité and institution set right there; « Ajouter sur
/// place » or Ctrl+Entrée registers them (a plain Enter never does: it belongs to the check-in field).
void drawWalkIn(RegistrationsView& view, const Model& model, const Etape& e, const std::string& name, Actions& out) {
    WalkInForm& form = *view.walkIn;
    ImGui::TextUnformatted(fmt(Str::WalkInQuestion, {name}).c_str());
    std::optional<Id> territory = form.territory;
    if (territoryCombo("##walkin.cite", model, form.territory, territory, tr(Str::NoTerritory), em(14.5f)))
        form.territory = territory;
    probe::mark("walkin.cite");
    ImGui::SameLine();
    Institution institution = form.institution;
    if (enumCombo("##walkin.institution", form.institution, institution, em(13.25f))) form.institution = institution;
    probe::mark("walkin.institution");
    ImGui::SameLine();
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrlEnter = io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
    if ((ImGui::Button(tr(Str::WalkInAdd)) || ctrlEnter) && view.walkInSent.state != Submission::State::Waiting)
        addWalkIn(view, model, e, name, out);
    probe::mark("walkin.add");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::WalkInCancel))) {
        view.walkIn.reset();
        view.focusCheckin = true;
    }
    probe::mark("walkin.cancel");
}

void drawCheckin(RegistrationsView& view, const Model& model, const Etape& e, Actions& out) {
    heading(tr(Str::CheckinHeading));
    ImGui::PushFont(fonts().heading);
    if (view.checkinSent.accepted()) view.checkin.clear();
    if (view.checkinSent.refused()) view.lastCheckedIn.clear();  // the text stays, to be corrected
    if (view.walkInSent.accepted()) {
        view.lastCheckedIn = fmt(Str::WalkInAdded, {view.walkInName});
        view.walkIn.reset();
        view.checkin.clear();
    }
    int arrows = 0;
    const bool enter =
        entryField("##checkin", view.checkin, tr(Str::CheckinHint), em(29.0f), 0, view.focusCheckin, &arrows);
    probe::mark("checkin.input");
    ImGui::PopFont();
    const auto matches = matching(model, e, view.checkin);
    const std::string typed(trim(view.checkin));
    if (typed != view.checkinQuery) {  // another name: the first match is chosen again
        view.checkinQuery = typed;
        view.checkinChoice = 0;
    }
    // A pending walk-in lasts while the field still holds the name asked about: typing (« zzz », then « yan ») cancels
    // the question, so that the next Enter asks about the new name instead of adding « zzzyan ».
    if (view.walkIn && typed != view.walkIn->name) view.walkIn.reset();
    if (view.walkIn && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        view.walkIn.reset();
        view.focusCheckin = true;
    }
    const int shown = static_cast<int>(std::min<size_t>(matches.size(), 6));
    if (shown > 0) view.checkinChoice = std::clamp(view.checkinChoice + arrows, 0, shown - 1);
    if (enter && !typed.empty()) {
        if (!matches.empty()) {
            checkIn(view, model, e, *matches[static_cast<size_t>(view.checkinChoice)], out);
        } else if (view.walkIn) {
            // Enter again: the question stays; confirming takes its own button or Ctrl+Entrée.
        } else if (countCodePoints(typed) >= 3) {
            // Nobody registered under that name: ask before adding a walk-in, with their Cité and institution.
            view.walkIn = WalkInForm{};
            view.walkIn->name = typed;
            view.lastCheckedIn.clear();
        }
        // Fewer than three letters matching nobody: kept, to be completed.
    }
    if (!view.lastCheckedIn.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(console::vec(console::kSuccess), "%s", view.lastCheckedIn.c_str());
    }
    if (view.walkIn) {
        drawWalkIn(view, model, e, typed, out);
        return;
    }
    if (countCodePoints(typed) >= 3) {
        if (matches.empty()) {
            ImGui::TextUnformatted(fmt(Str::CheckinNoMatch, {typed}).c_str());
        } else {
            for (int i = 0; i < shown; ++i) {
                const Registration& r = *matches[static_cast<size_t>(i)];
                const Person* p = model.person(r.person);
                // The structure tells two namesakes apart at the door.
                const std::string work = structureAndFunction(*p);
                const std::string line = p->name + " \u00b7 " + territoryName(model, p->territory, tr(Str::NoTerritory)) +
                                         (work.empty() ? "" : " \u00b7 " + work) +
                                         (r.present ? " \u00b7 " + std::string(tr(Str::Present)) : "") + "##match" +
                                         std::to_string(i);
                // The chosen one (Up and Down in the field) is highlighted; Enter or a click checks it in.
                if (ImGui::Selectable(line.c_str(), i == view.checkinChoice)) checkIn(view, model, e, r, out);
                probe::mark("checkin.match." + std::to_string(i));
            }
            if (matches.size() > 1) ImGui::TextDisabled("%s", tr(Str::CheckinArrows));
        }
    }
}

// [SECTION] Registrations

void drawRegistrations(RegistrationsView& view, const Model& model, const Etape& e, Actions& out, float height) {
    int present = 0;
    for (const Registration& r : e.registrations) present += r.present;
    heading(fmt(Str::RegistrationsHeading, {std::to_string(e.registrations.size()), std::to_string(present)}).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##registrations", 8, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Str::FieldName), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(tr(Str::DocColTerritory), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr(Str::DocColInstitution), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr(Str::FieldDays), ImGuiTableColumnFlags_WidthFixed, em(3.25f));
        ImGui::TableSetupColumn(tr(Str::ColPresent), ImGuiTableColumnFlags_WidthFixed, em(4.5f));
        ImGui::TableSetupColumn(tr(Str::DocColAmount), ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn(tr(Str::ColReason), ImGuiTableColumnFlags_WidthFixed, em(7.25f));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(2.0f));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < e.registrations.size(); ++i) {
            const Registration& r = e.registrations[i];
            const Person* p = model.person(r.person);
            if (!p) continue;
            const std::string key = "registration." + std::to_string(i) + ".";
            ImGui::PushID(static_cast<int>(r.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(p->name.c_str());
            if (r.walkIn) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", tr(Str::WalkInTag));
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(territoryName(model, p->territory, tr(Str::NoTerritory)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(enumLabel(p->institution));
            ImGui::TableNextColumn();
            std::string text;
            if (commitText(view.drafts, "##days", std::to_string(r.days), text)) {
                if (auto d = parseInt(text)) {
                    Registration c = r;
                    c.days = *d;
                    out.push_back(UpdateRegistration{e.id, c});
                } else {
                    view.error = fmt(Str::ErrNotANumber, {text});
                }
            }
            ImGui::TableNextColumn();
            bool here = r.present;
            if (ImGui::Checkbox("##present", &here)) {
                Registration c = r;
                c.present = here;
                out.push_back(UpdateRegistration{e.id, c});
            }
            probe::mark(key + "present");
            const Fee fee = feeOf(model, e, r);
            ImGui::TableNextColumn();
            if (fee.cents) ImGui::TextUnformatted(feeText(fee).c_str());
            else ImGui::TextColored(console::vec(console::kWarning), "%s", feeText(fee).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(feeReasonLabel(fee.reason));
            ImGui::TableNextColumn();
            if (confirmedButton("\u2715", fmt(Str::ConfirmRegistration, {model.person(r.person) ? model.person(r.person)->name : ""}),
                                key + "delete"))
                out.push_back(RemoveRegistration{e.id, r.id});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Unregister));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // Register someone already known.
    ImGui::SetNextItemWidth(em(17.75f));
    if (comboBox("##register", tr(Str::RegisterKnown), ComboText::Label)) {
        for (const Person& p : model.people) {
            bool registered = false;
            for (const Registration& r : e.registrations) registered |= r.person == p.id;
            if (registered) continue;
            ImGui::PushID(static_cast<int>(p.id));
            const std::string label = p.name + " \u00b7 " + territoryName(model, p.territory, tr(Str::NoTerritory));
            if (ImGui::Selectable(label.c_str())) out.push_back(AddRegistration{e.id, Registration{0, p.id}});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    probe::mark("register-known");
}

// [SECTION] Import and documents

/// Plans the import with `choices` and hands it to the shell as one undoable batch; false when the plan still
/// waits for choices (then `view.pendingImport` holds them).
bool submitImport(RegistrationsView& view, const Model& model, Id etape, const TextTable& table, const std::string& file,
                  const TerritoryChoices& choices, Actions& out) {
    ImportPlan plan = planRegistrationImport(model, etape, table, choices);
    if (!plan.error.empty()) {
        view.error = plan.error;
        view.pendingImport.reset();
        return true;
    }
    if (!plan.unknownTerritories.empty()) {
        PendingImport pending{table, etape, file, std::move(plan.unknownTerritories), {}, {}};
        // Selected at first: the closest known territory, or « Créer » when none is close (index 0 either way).
        // Nothing is written before the facilitator confirms.
        pending.choice.assign(pending.unknown.size(), 0);
        pending.other.assign(pending.unknown.size(), std::nullopt);
        view.pendingImport = std::move(pending);
        return false;
    }
    view.pendingImport.reset();
    view.report = describeReport(plan.report);
    out.batches.push_back(ActionBatch{fmt(Str::ActImport, {std::to_string(plan.report.registered)}), std::move(plan.actions)});
    return true;
}

/// Asks the shell to read the CSV typed or dropped; once read, its rows become one batch of registrations, after
/// the territories dialog when some names designate no known territory.
void runImport(RegistrationsView& view, ScreenContext& ctx, const Etape& e) {
    const std::string path(trim(view.importPath));
    if (path.empty()) return;
    const Model& model = ctx.model;  // the session's: current when the shell has read the file
    ctx.requests.push_back(CsvRequest{path, [&view, &model, etape = e.id, path](const store::CsvTable& table, Actions& out) {
                                          submitImport(view, model, etape, table, path, {}, out);
                                      }});
}

/// The choices of the dialog, by name key.
TerritoryChoices choicesOf(const PendingImport& p) {
    TerritoryChoices out;
    for (size_t i = 0; i < p.unknown.size(); ++i) {
        const UnknownTerritory& u = p.unknown[i];
        const int proposals = static_cast<int>(u.proposals.size());
        const int c = p.choice[i];
        if (c < proposals) out[u.key] = {TerritoryChoice::Kind::Existing, u.proposals[static_cast<size_t>(c)]};
        else if (c == proposals) out[u.key] = {TerritoryChoice::Kind::Create, 0};
        else if (c == proposals + 2 && p.other[i]) out[u.key] = {TerritoryChoice::Kind::Existing, *p.other[i]};
        else out[u.key] = {TerritoryChoice::Kind::None, 0};
    }
    return out;
}

/// The modal dialog « Territoires inconnus »: for each unknown name, the closest known territories, « Créer »,
/// « Laisser sans territoire » or any other territory; « Importer » plans again with those choices, « Annuler »
/// forgets the file. Nothing is written before « Importer ».
void drawTerritoriesDialog(RegistrationsView& view, ScreenContext& ctx) {
    constexpr const char* kId = "##import-territories";
    if (view.pendingImport && !ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(em(42.25f), display.x - em(2.25f)), 0));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) return;
    probe::mark("import-dialog");
    if (!view.pendingImport) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    PendingImport& p = *view.pendingImport;
    const Model& model = ctx.model;
    heading(tr(Str::ImportDialogTitle));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(fmt(Str::ImportDialogIntro, {std::to_string(p.unknown.size()), p.file}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const float rowHeight = ImGui::GetFrameHeightWithSpacing();
    float wanted = 0;
    for (const UnknownTerritory& u : p.unknown) wanted += rowHeight * (static_cast<float>(u.proposals.size()) + 4.6f);
    const float height = std::min(wanted, std::max(em(11.0f), display.y - em(14.5f)));
    ImGui::BeginChild("##unknown", ImVec2(0, height), false);
    for (size_t i = 0; i < p.unknown.size(); ++i) {
        const UnknownTerritory& u = p.unknown[i];
        const std::string key = "import-dialog." + std::to_string(i) + ".";
        ImGui::PushID(static_cast<int>(i));
        std::string lines;
        for (size_t k = 0; k < u.lines.size() && k < 8; ++k) lines += (lines.empty() ? "" : ", ") + std::to_string(u.lines[k]);
        if (u.lines.size() > 8) lines += ", \u2026";
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(fmt(Str::ImportDialogName, {u.name, lines}).c_str());
        ImGui::PopFont();
        const int proposals = static_cast<int>(u.proposals.size());
        int& choice = p.choice[i];
        if (u.proposals.empty()) ImGui::TextUnformatted(tr(Str::ImportDialogNoClose));
        for (int k = 0; k < proposals; ++k) {
            const Territory* t = model.territory(u.proposals[static_cast<size_t>(k)]);
            if (!t) continue;
            const std::string label = t->name + (t->department.empty() ? "" : " (" + t->department + ")");
            ImGui::PushID(k);
            ImGui::RadioButton(label.c_str(), &choice, k);
            ImGui::PopID();
            probe::mark(key + "proposal." + t->name);
        }
        ImGui::RadioButton(fmt(Str::ImportDialogCreate, {u.name}).c_str(), &choice, proposals);
        probe::mark(key + "create");
        ImGui::RadioButton(tr(Str::ImportDialogNone), &choice, proposals + 1);
        probe::mark(key + "none");
        ImGui::RadioButton(tr(Str::ImportDialogOther), &choice, proposals + 2);
        probe::mark(key + "other");
        ImGui::SameLine();
        std::optional<Id> other;
        if (territoryCombo("##other", model, p.other[i], other, tr(Str::ImportDialogOtherHint), em(14.5f))) {
            p.other[i] = other;
            choice = other ? proposals + 2 : proposals + 1;
        }
        ImGui::PopID();
        ImGui::Separator();
    }
    ImGui::EndChild();
    ImGui::Spacing();
    // « Un autre territoire » ticked without a territory chosen (its combo still says « Choisir… »): « Importer »
    // waits.
    bool ready = true;
    for (size_t i = 0; i < p.unknown.size(); ++i)
        ready &= p.choice[i] != static_cast<int>(p.unknown[i].proposals.size()) + 2 || p.other[i].has_value();
    ImGui::BeginDisabled(!ready);
    const bool confirm = ImGui::Button(tr(Str::ImportDialogConfirm));
    ImGui::EndDisabled();
    if (confirm) {
        const PendingImport pending = p;  // submitImport replaces or resets view.pendingImport
        if (submitImport(view, model, pending.etape, pending.table, pending.file, choicesOf(pending), ctx.actions))
            ImGui::CloseCurrentPopup();
    }
    probe::mark("import-dialog.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ImportDialogCancel))) {
        view.pendingImport.reset();
        view.report = tr(Str::ImportCancelled);
        ImGui::CloseCurrentPopup();
    }
    probe::mark("import-dialog.cancel");
    ImGui::EndPopup();
}

/// Asks the shell to write one of the étape's documents into the data folder.
void writeDocument(RegistrationsView& view, ScreenContext& ctx, const Etape& e, const char* kind,
                   std::string (*render)(const Model&, const Etape&), std::string (*pdf)(const Model&, const Etape&)) {
    ctx.requests.push_back(DocumentRequest{exporting::documentFileName(e, kind), render(ctx.model, e),
                                           [&view](const std::string& message) { view.report = message; },
                                           pdf(ctx.model, e)});
}

void drawImportAndDocuments(RegistrationsView& view, ScreenContext& ctx, const Etape& e) {
    ImGui::SetNextItemWidth(em(29.0f));
    const bool enter = hintField("##import-path", tr(Str::ImportHint), view.importPath,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    probe::mark("import.path");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ImportButton)) || enter || view.importNow) runImport(view, ctx, e);
    view.importNow = false;
    probe::mark("import.button");
    if (ctx.folder) {
        ImGui::SameLine(0, em(1.35f));
        if (ImGui::Button(tr(Str::DocAttendanceTitle)))
            writeDocument(view, ctx, e, "emargement", exporting::attendanceSheetHtml, exporting::attendanceSheetPdf);
        probe::mark("doc.emargement");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::DocFeesTitle))) writeDocument(view, ctx, e, "frais", exporting::feeStatementHtml, exporting::feeStatementPdf);
        probe::mark("doc.frais");
    }
    if (!view.report.empty()) {  // in the text colour: the report says what the import did (« Saint Quentin » → …)
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(view.report.c_str());
        ImGui::PopTextWrapPos();
    }
    drawTerritoriesDialog(view, ctx);
}

// [SECTION] Totals by territory

void drawTotals(RegistrationsView& view, const Model& model, const Etape& e, Actions& out) {
    const FeeStatement st = feeStatement(model, e);
    heading(fmt(Str::FeesHeading, {formatEuros(st.totalCents), std::to_string(st.unknown)}).c_str());
    // The day rate of the étape's year, editable (euros, whole or with cents).
    const int year = e.header.date.year;
    const long rate = model.settings.dayRateCents(year);
    ImGui::SameLine(0, em(1.65f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(fmt(Str::DayRateLabel, {std::to_string(year)}).c_str());
    ImGui::SameLine();
    std::string text;
    const std::string shown = std::to_string(rate / 100) + (rate % 100 ? "," + std::to_string(100 + rate % 100).substr(1) : "");
    if (commitText(view.drafts, "##day-rate", shown, text, em(5.0f))) {
        if (auto cents = parseEuros(text)) out.push_back(SetDayRate{year, *cents});
        else view.error = fmt(Str::ErrBadEuros, {text});
    }
    probe::mark("day-rate");
    ImGui::SameLine();
    ImGui::TextUnformatted("\u20ac");
    // The rest of the tab, scrolled within: the 13 Cités and more never push the table under the window's edge.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    const float rows = ImGui::GetFrameHeightWithSpacing() * 3.0f;
    if (!ImGui::BeginTable("##totals", 5, flags, ImVec2(0, std::max(rows, ImGui::GetContentRegionAvail().y)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);  // the header stays
    ImGui::TableSetupColumn(tr(Str::DocColTerritory), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(Str::ColMembership), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Str::DocColPeople), ImGuiTableColumnFlags_WidthFixed, em(5.0f));
    ImGui::TableSetupColumn(tr(Str::DocColDays), ImGuiTableColumnFlags_WidthFixed, em(3.25f));
    ImGui::TableSetupColumn(tr(Str::DocColAmount), ImGuiTableColumnFlags_WidthFixed, em(10.5f));
    ImGui::TableHeadersRow();
    for (const TerritoryFees& t : st.territories) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(territoryName(model, t.territory, tr(Str::NoTerritory)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(enumLabel(t.membership));
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.people);
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.days);
        ImGui::TableNextColumn();
        std::string amount = formatEuros(t.cents);
        if (t.unknown) amount += " + " + fmt(Str::ToCheckCount, {std::to_string(t.unknown)});
        ImGui::TextUnformatted(amount.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void drawRegistrationsScreen(RegistrationsView& view, ScreenContext& ctx) {
    const Model& model = ctx.model;
    Actions& out = ctx.actions;
    Id& selected = ctx.etape;
    if (!model.etape(selected) && !model.etapes.empty()) selected = model.etapes.front().id;
    const Etape* e = model.etape(selected);
    ImGui::SetNextItemWidth(em(29.0f));
    if (comboBox("##etape", e ? fmt(Str::EtapeNumber, {std::to_string(e->header.number)}) + " \u2014 " +
                                         formatLongFr(e->header.date)
                                   : tr(Str::NoEtapeSelected), ComboText::Label)) {
        for (const Etape& other : model.etapes) {
            ImGui::PushID(static_cast<int>(other.id));
            const std::string label =
                fmt(Str::EtapeNumber, {std::to_string(other.header.number)}) + " \u2014 " + formatLongFr(other.header.date);
            if (ImGui::Selectable(label.c_str(), other.id == selected)) selected = other.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!e) return;
    ImGui::Spacing();
    drawImportAndDocuments(view, ctx, *e);
    drawCheckin(view, model, *e, out);
    ImGui::Separator();
    // The registrants first (the door needs them): the fees get what their rows need, at most a third of the height
    // left, and scroll within.
    // The fees: their heading line (with the day rate's field), a spacing, and their table, of three lines at least
    // (drawTotals).
    const float left = ImGui::GetContentRegionAvail().y;
    const float line = ImGui::GetFrameHeightWithSpacing(), gap = ImGui::GetStyle().ItemSpacing.y;
    const float rows = ImGui::GetTextLineHeightWithSpacing() *
                       (2.0f + static_cast<float>(feeStatement(model, *e).territories.size()));
    const float totalsLeast = line * 4.0f + gap * 2.0f;
    const float totalsHeight = std::max(totalsLeast, std::min(left / 3.0f, line + gap * 2.0f + std::max(line * 3.0f, rows)));
    drawRegistrations(view, model, *e, out, std::max(em(7.75f), left - totalsHeight - 2 * line));
    ImGui::Spacing();
    drawTotals(view, model, *e, out);
}

}  // namespace atelier::ui
