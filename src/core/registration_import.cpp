// [SECTION] Guessing institutions and roles
// [SECTION] Planning
// [SECTION] Report

#include "core/registration_import.h"

#include <algorithm>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier {

// [SECTION] Guessing institutions and roles

namespace {
bool containsAny(const std::string& folded, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (folded.find(w) != std::string::npos) return true;
    return false;
}
}  // namespace

Institution guessInstitution(std::string_view text) {
    const std::string t = foldForSearch(text);
    if (t.empty()) return Institution::Autre;
    for (const auto& e : kInstitutions)
        if (t == foldForSearch(tr(e.label)) || t == e.key) return e.value;
    if (containsAny(t, {"education nationale", "rectorat", "academie", "dsden", "college", "lycee", "ecole",
                        "inspection", "ien ", "principal", "proviseur"}))
        return Institution::EducationNationale;
    if (containsAny(t, {"prefecture", "prefet", "etat", "sgar", "ddets", "dreets", "anct", "sous-prefecture"}))
        return Institution::PrefectureEtat;
    if (containsAny(t, {"mairie", "ville", "commune", "collectivite", "agglo", "communaute", "epci", "metropole",
                        "departement", "conseil", "region", "ccas"}))
        return Institution::Collectivite;
    if (containsAny(t, {"association", "asso", "centre social", "federation", "fondation"}))
        return Institution::Association;
    return Institution::Autre;
}

Role guessRole(std::string_view text) {
    const std::string t = foldForSearch(text);
    if (t.empty()) return Role::Autre;
    for (const auto& e : kRoles)
        if (t == foldForSearch(tr(e.label)) || t == e.key) return e.value;
    if (containsAny(t, {"copilot", "co-pilot", "troika", "trio"})) return Role::Copilote;
    if (containsAny(t, {"chef de projet", "cheffe de projet", "chef.fe de projet", "chef·fe de projet", "cdp",
                        "coordinat"}))
        return Role::ChefDeProjet;
    if (containsAny(t, {"irev", "centre de ressources"})) return Role::Irev;
    if (containsAny(t, {"intervenant", "expert", "conferenc", "temoin"})) return Role::Intervenant;
    return Role::Autre;
}

// [SECTION] Planning

namespace {

struct Columns {
    int name, firstName, fullName, email, territory, institution, role, days;
    explicit Columns(const TextTable& t)
        : name(t.column({"nom", "nom de famille"})),
          firstName(t.column({"prénom", "prenom"})),
          fullName(t.column({"nom complet", "nom et prénom", "prénom et nom", "participant", "participante"})),
          email(t.column({"email", "courriel", "mail", "adresse email", "adresse mail", "adresse électronique"})),
          territory(t.column({"territoire", "cité", "cité éducative", "ville", "commune"})),
          institution(t.column({"institution", "structure", "organisme", "employeur"})),
          role(t.column({"fonction", "rôle", "role", "poste"})),
          days(t.column({"jours", "nombre de jours"})) {}
};

/// Applies `actions` to `scratch`, resolving them in place; on a refusal undoes them and returns the message.
std::string applyRow(Model& scratch, std::vector<Action>& actions) {
    std::vector<Action> undo;
    for (Action& a : actions) {
        ApplyResult r = applyAction(scratch, a);
        if (!r) {
            for (auto it = undo.rbegin(); it != undo.rend(); ++it) applyAction(scratch, *it);
            return r.error;
        }
        undo.push_back(std::move(r.inverse));
    }
    return {};
}

const Person* findPerson(const Model& m, const std::string& email, const std::string& name,
                         std::optional<Id> territory) {
    const std::string foldedEmail = foldForSearch(email), foldedName = foldForSearch(name);
    if (!email.empty())
        for (const Person& p : m.people)
            if (!p.email.empty() && foldForSearch(p.email) == foldedEmail) return &p;
    for (const Person& p : m.people)
        if (foldForSearch(p.name) == foldedName && p.territory == territory) return &p;
    return nullptr;
}

}  // namespace

ImportPlan planRegistrationImport(const Model& model, Id etapeId, const TextTable& table) {
    ImportPlan plan;
    const Etape* etape = model.etape(etapeId);
    if (!etape) {
        plan.error = tr(Str::ErrUnknownEtape);
        return plan;
    }
    const Columns col(table);
    if (col.name < 0 && col.fullName < 0) {
        std::string found;
        for (const auto& h : table.header) found += (found.empty() ? "« " : ", « ") + h + " »";
        plan.error = fmt(Str::ErrImportNoName, {found.empty() ? "aucune" : found});
        return plan;
    }
    Model scratch = model;
    ImportReport& report = plan.report;
    for (const auto& bad : table.unreadable) {  // rows the reader could not read (encoding, NUL byte)
        ++report.lines;
        report.rejected.push_back({bad.line, bad.reason});
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
        const int line = row < table.lines.size() ? table.lines[row] : static_cast<int>(row) + 2;
        ++report.lines;
        auto reject = [&](std::string reason) { report.rejected.push_back({line, std::move(reason)}); };

        std::string name = col.fullName >= 0 ? table.cell(row, col.fullName) : std::string();
        if (name.empty()) {
            const std::string first = table.cell(row, col.firstName), last = table.cell(row, col.name);
            name = std::string(trim(first + " " + last));
        }
        if (name.empty()) {
            reject(tr(Str::ImportNoName));
            continue;
        }
        // A first name alone (the family name column empty) would be merged with any namesake: refused.
        if (col.fullName < 0 || table.cell(row, col.fullName).empty())
            if (col.name >= 0 && col.firstName >= 0 && table.cell(row, col.name).empty()) {
                reject(fmt(Str::ImportNoFamilyName, {table.cell(row, col.firstName)}));
                continue;
            }
        const std::string email = table.cell(row, col.email);
        const std::string territoryName = table.cell(row, col.territory);
        int days = 1;
        if (const std::string d = table.cell(row, col.days); !d.empty()) {
            if (d.size() > 1 || d[0] < '1' || d[0] > '9') {
                reject(fmt(Str::ImportBadDays, {d}));
                continue;
            }
            days = d[0] - '0';
        }

        std::vector<Action> actions;
        std::optional<Id> territory;
        bool newTerritory = false;
        if (!territoryName.empty()) {
            if (const Territory* t = scratch.territoryByName(territoryName)) {
                territory = t->id;
            } else {
                territory = scratch.nextId;  // the id AddTerritory takes below
                newTerritory = true;
                actions.push_back(AddTerritory{Territory{*territory, territoryName, "", Membership::AVerifier, false}});
            }
        }
        const Institution institution = guessInstitution(table.cell(row, col.institution));
        const Role role = guessRole(table.cell(row, col.role));

        const Person* known = findPerson(scratch, email, name, territory);
        Id personId;
        if (known) {
            personId = known->id;
            Person merged = *known;  // fill what the known record lacks, never overwrite it
            if (merged.email.empty()) merged.email = email;
            if (!merged.territory) merged.territory = territory;
            if (merged.institution == Institution::Autre) merged.institution = institution;
            if (merged.role == Role::Autre) merged.role = role;
            if (!(merged == *known)) actions.push_back(UpdatePerson{merged});
        } else {
            personId = scratch.nextId + (newTerritory ? 1 : 0);
            actions.push_back(AddPerson{Person{personId, name, email, territory, institution, role}});
        }
        const Etape* current = scratch.etape(etapeId);
        bool alreadyRegistered = false;
        for (const Registration& r : current->registrations) alreadyRegistered |= r.person == personId;
        if (!alreadyRegistered)
            actions.push_back(AddRegistration{etapeId, Registration{0, personId, std::min(days, current->header.days)}});

        if (std::string error = applyRow(scratch, actions); !error.empty()) {
            reject(error);
            continue;
        }
        if (known) ++report.merged;
        else ++report.imported;
        if (!alreadyRegistered) ++report.registered;
        if (newTerritory) report.newTerritories.push_back(territoryName);
        for (Action& a : actions) plan.actions.push_back(std::move(a));
    }
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    return plan;
}

// [SECTION] Report

std::string describeReport(const ImportReport& r) {
    std::string out = fmt(Str::ImportSummary, {std::to_string(r.lines), std::to_string(r.imported),
                                               std::to_string(r.merged), std::to_string(r.rejected.size()),
                                               std::to_string(r.registered)}) +
                      "\n";
    for (const auto& x : r.rejected) out += fmt(Str::ImportRejectedLine, {std::to_string(x.line), x.reason}) + "\n";
    if (!r.newTerritories.empty()) {
        std::string list;
        for (const auto& t : r.newTerritories) list += (list.empty() ? "" : ", ") + t;
        out += fmt(Str::ImportNewTerritories, {list}) + "\n";
    }
    return out;
}

}  // namespace atelier
