// [SECTION] Guessing institutions and roles
// [SECTION] Planning
// [SECTION] Report

#include "core/registration_import.h"

#include <unordered_map>
#include <unordered_set>

#include <algorithm>

#include "core/enums.h"
#include "core/strings.h"
#include "core/territory_match.h"
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
    if (t == "en" || t == "educ nat" || t == "education") return Institution::EducationNationale;  // short forms
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
    int name, firstName, fullName, email, territory, institution, structure, role, function, days;
    explicit Columns(const TextTable& t)
        : name(t.column({"nom", "nom de famille"})),
          firstName(t.column({"prénom", "prenom"})),
          fullName(t.column({"nom complet", "nom et prénom", "prénom et nom", "participant", "participante"})),
          email(t.column({"email", "courriel", "mail", "adresse email", "adresse mail", "adresse électronique"})),
          territory(t.column({"territoire", "cité", "cité éducative", "ville", "commune"})),
          institution(t.column({"institution", "catégorie", "type de structure", "type d'institution"})),
          structure(t.column({"structure", "organisme", "employeur", "établissement", "service"})),
          role(t.column({"rôle", "role", "profil"})),
          function(t.column({"fonction", "poste", "intitulé de poste", "intitulé du poste"})),
          days(t.column({"jours", "nombre de jours"})) {}
};

/// True when `text` is only one of the labels or keys of `entries` (« Collectivité »): a category, not a name.
template <class Entries>
bool isLabelOf(const Entries& entries, const std::string& text) {
    const std::string t = foldForSearch(text);
    for (const auto& e : entries)
        if (t == foldForSearch(tr(e.label)) || t == e.key) return true;
    return false;
}

/// What a line of the file says about where the person works, as typed and as a category.
struct Work {
    Institution institution = Institution::Autre;
    Role role = Role::Autre;
    std::string structure, function;
};

Work readWork(const TextTable& table, const Columns& col, size_t row) {
    Work w;
    const std::string institutionText = table.cell(row, col.institution), structureText = table.cell(row, col.structure);
    const std::string roleText = table.cell(row, col.role), functionText = table.cell(row, col.function);
    // The category from its own column, else from the structure (« Mairie d'Amiens » → Collectivité).
    w.institution = guessInstitution(!institutionText.empty() ? institutionText : structureText);
    if (w.institution == Institution::Autre && !institutionText.empty()) w.institution = guessInstitution(structureText);
    w.role = guessRole(!roleText.empty() ? roleText : functionText);
    if (w.role == Role::Autre && !roleText.empty()) w.role = guessRole(functionText);
    // The structure and the function as typed; a bare category (« Collectivité ») is not a structure.
    w.structure = !structureText.empty() ? structureText : institutionText;
    if (isLabelOf(kInstitutions, w.structure)) w.structure.clear();
    w.function = !functionText.empty() ? functionText : roleText;
    if (isLabelOf(kRoles, w.function)) w.function.clear();
    return w;
}

/// readWork with its answers kept by what the line typed: a file repeats the same few structures and functions,
/// and reading one compares it with every category's label.
class WorkReader {
public:
    Work read(const TextTable& table, const Columns& col, size_t row) {
        std::string key = table.cell(row, col.institution);
        for (int c : {col.structure, col.role, col.function}) (key += '\x1f') += table.cell(row, c);
        auto it = known_.find(key);
        if (it == known_.end()) it = known_.emplace(std::move(key), readWork(table, col, row)).first;
        return it->second;
    }

private:
    std::unordered_map<std::string, Work> known_;
};

/// The name and days of a line, or why the line is refused.
struct Line {
    std::string name;
    int days = 1;
    std::string refusal;  // empty when the line can be imported
};

Line readLine(const TextTable& table, const Columns& col, size_t row) {
    Line out;
    out.name = col.fullName >= 0 ? table.cell(row, col.fullName) : std::string();
    if (out.name.empty()) {
        const std::string first = table.cell(row, col.firstName), last = table.cell(row, col.name);
        out.name = std::string(trim(first + " " + last));
    }
    if (out.name.empty()) {
        out.refusal = tr(Str::ImportNoName);
        return out;
    }
    // A first name alone (the family name column empty) would be merged with any namesake: refused.
    if (col.fullName < 0 || table.cell(row, col.fullName).empty())
        if (col.name >= 0 && col.firstName >= 0 && table.cell(row, col.name).empty()) {
            out.refusal = fmt(Str::ImportNoFamilyName, {table.cell(row, col.firstName)});
            return out;
        }
    if (const std::string d = table.cell(row, col.days); !d.empty()) {
        if (d.size() > 1 || d[0] < '1' || d[0] > '9') {
            out.refusal = fmt(Str::ImportBadDays, {d});
            return out;
        }
        out.days = d[0] - '0';
    }
    return out;
}

/// How one territory name of the file resolves: a known territory, one to create, or none.
struct Resolved {
    std::optional<Id> territory;  // known
    bool create = false;
    std::string name;  // as first written
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

/// The people of a model by folded email and by folded name and territory, as findPerson would find them (the
/// first of the list when several match), built once per import instead of a scan of everyone per line.
class PeopleIndex {
public:
    explicit PeopleIndex(const Model& m) {
        for (size_t i = 0; i < m.people.size(); ++i) add(m.people[i], i);
    }
    /// Index in the model's people of the person line `email`, `name`, `territory` designates, or -1.
    long find(const std::string& email, const std::string& name, std::optional<Id> territory) const {
        if (!email.empty())
            if (auto it = byEmail_.find(foldForSearch(email)); it != byEmail_.end()) return static_cast<long>(it->second);
        if (auto it = byName_.find(nameKey(foldForSearch(name), territory)); it != byName_.end())
            return static_cast<long>(it->second);
        return -1;
    }
    /// Records `p`, at `index` in the people's list (new, or completed: a person's keys only grow).
    void add(const Person& p, size_t index) {
        if (!p.email.empty()) keepFirst(byEmail_, foldForSearch(p.email), index);
        keepFirst(byName_, nameKey(foldForSearch(p.name), p.territory), index);
    }

private:
    static std::string nameKey(std::string folded, std::optional<Id> territory) {
        folded += '\0';
        folded += territory ? std::to_string(*territory) : "-";
        return folded;
    }
    static void keepFirst(std::unordered_map<std::string, size_t>& map, std::string key, size_t index) {
        auto [it, added] = map.emplace(std::move(key), index);
        if (!added && index < it->second) it->second = index;
    }
    std::unordered_map<std::string, size_t> byEmail_, byName_;
};

}  // namespace

ImportPlan planRegistrationImport(const Model& model, Id etapeId, const TextTable& table,
                                  const TerritoryChoices& choices) {
    ImportPlan plan;
    const Etape* etape = model.etape(etapeId);
    if (!etape) {
        plan.error = tr(Str::ErrUnknownEtape);
        return plan;
    }
    const Columns col(table);
    if (col.name < 0 && col.fullName < 0) {
        std::string found;
        for (const auto& h : table.header) found += (found.empty() ? "" : ", ") + inQuotes(h);
        plan.error = fmt(Str::ErrImportNoName, {found.empty() ? "aucune" : found});
        return plan;
    }
    ImportReport& report = plan.report;

    // Every territory name of the file, read once: known, chosen, or waiting for a choice. A line refused anyway
    // (no name…) asks nothing.
    std::map<std::string, Resolved> resolved;  // by territoryKey
    // A file repeats a few territory names: each one's key is computed once (it splits and folds the name).
    std::unordered_map<std::string, std::string> keys;
    auto keyOf = [&keys](const std::string& typed) -> const std::string& {
        auto it = keys.find(typed);
        if (it == keys.end()) it = keys.emplace(typed, territoryKey(typed)).first;
        return it->second;
    };
    std::vector<Line> lines(table.rows.size());  // read once, used by both passes
    for (size_t row = 0; row < table.rows.size(); ++row) {
        lines[row] = readLine(table, col, row);
        if (!lines[row].refusal.empty()) continue;
        const std::string typed = table.cell(row, col.territory);
        const std::string& key = keyOf(typed);
        if (key.empty()) continue;
        const int line = row < table.lines.size() ? table.lines[row] : static_cast<int>(row) + 2;
        if (auto known = resolved.find(key); known != resolved.end()) {
            for (UnknownTerritory& u : plan.unknownTerritories)
                if (u.key == key) u.lines.push_back(line);
            continue;
        }
        Resolved& r = resolved[key];
        r.name = typed;
        if (auto c = choices.find(key); c != choices.end()) {
            if (c->second.kind == TerritoryChoice::Kind::Existing) {
                const Territory* t = model.territory(c->second.territory);
                if (!t) {
                    plan.error = fmt(Str::ImportChoiceGone, {typed});
                    return plan;
                }
                r.territory = t->id;
                report.readAs.push_back({typed, t->name});
            } else if (c->second.kind == TerritoryChoice::Kind::Create) {
                r.create = true;
            } else {
                report.noTerritory.push_back(typed);
            }
            continue;
        }
        const TerritoryMatch match = matchTerritory(model.territories, typed);
        if (match.territory) {
            r.territory = match.territory;
            const Territory* t = model.territory(*match.territory);
            if (t->name != typed) report.readAs.push_back({typed, t->name});
        } else {
            plan.unknownTerritories.push_back({typed, key, match.proposals, {line}});
        }
    }
    if (!plan.unknownTerritories.empty()) {
        report = ImportReport{};
        return plan;
    }

    Model scratch = model;
    PeopleIndex index(scratch);
    plan.actions.reserve(table.rows.size() * 2);  // a person and a registration per line, mostly
    WorkReader works;
    std::unordered_set<Id> registered;  // people of the étape, as the lines register them
    for (const Registration& r : scratch.etape(etapeId)->registrations) registered.insert(r.person);
    for (const auto& bad : table.unreadable) {  // rows the reader could not read (encoding, NUL byte)
        ++report.lines;
        report.rejected.push_back({bad.line, bad.reason});
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
        const int line = row < table.lines.size() ? table.lines[row] : static_cast<int>(row) + 2;
        ++report.lines;
        auto reject = [&](std::string reason) { report.rejected.push_back({line, std::move(reason)}); };

        const Line read = std::move(lines[row]);
        if (!read.refusal.empty()) {
            reject(read.refusal);
            continue;
        }
        const std::string& name = read.name;
        const int days = read.days;
        const std::string email = table.cell(row, col.email);

        std::vector<Action> actions;
        std::optional<Id> territory;
        Resolved* place = nullptr;
        if (const std::string& key = keyOf(table.cell(row, col.territory)); !key.empty()) {
            const auto it = resolved.find(key);
            ATELIER_ASSERT(it != resolved.end(), "every territory name of an accepted line was read above");
            place = &it->second;
        }
        const bool newTerritory = place && place->create && !place->territory;
        if (place && place->territory) {
            territory = place->territory;
        } else if (newTerritory) {
            territory = scratch.nextId;  // the id AddTerritory takes below
            actions.push_back(AddTerritory{Territory{*territory, place->name, "", Membership::AVerifier, false}});
        }
        const Work work = works.read(table, col, row);

        const long knownAt = index.find(email, name, territory);
        const Person* known = knownAt < 0 ? nullptr : &scratch.people[static_cast<size_t>(knownAt)];
        Id personId;
        if (known) {
            personId = known->id;
            Person merged = *known;  // fill what the known record lacks, never overwrite it
            if (merged.email.empty()) merged.email = email;
            if (!merged.territory) merged.territory = territory;
            if (merged.institution == Institution::Autre) merged.institution = work.institution;
            if (merged.role == Role::Autre) merged.role = work.role;
            if (trim(merged.structure).empty()) merged.structure = work.structure;
            if (trim(merged.function).empty()) merged.function = work.function;
            if (!(merged == *known)) actions.push_back(UpdatePerson{merged});
        } else {
            personId = scratch.nextId + (newTerritory ? 1 : 0);
            Person p{personId, name, email, territory, work.institution, work.role};
            p.structure = work.structure;
            p.function = work.function;
            actions.push_back(AddPerson{std::move(p)});
        }
        const Etape* current = scratch.etape(etapeId);
        const bool alreadyRegistered = registered.count(personId) > 0;
        if (!alreadyRegistered)
            actions.push_back(AddRegistration{etapeId, Registration{0, personId, std::min(days, current->header.days)}});

        if (std::string error = applyRow(scratch, actions); !error.empty()) {
            reject(error);
            continue;
        }
        if (known) {
            ++report.merged;
            index.add(scratch.people[static_cast<size_t>(knownAt)], static_cast<size_t>(knownAt));
        } else {
            ++report.imported;
            ATELIER_ASSERT(!scratch.people.empty() && scratch.people.back().id == personId,
                           "a person the import adds goes last");
            index.add(scratch.people.back(), scratch.people.size() - 1);
        }
        registered.insert(personId);
        if (!alreadyRegistered) ++report.registered;
        if (newTerritory) {
            place->territory = territory;  // the next lines of that name join it
            report.newTerritories.push_back(place->name);
        }
        for (Action& a : actions) plan.actions.push_back(std::move(a));
    }
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    return plan;
}

TerritoryChoices chooseForAll(const ImportPlan& plan, TerritoryChoice choice) {
    TerritoryChoices out;
    for (const UnknownTerritory& u : plan.unknownTerritories) out[u.key] = choice;
    return out;
}

// [SECTION] Report

std::string describeReport(const ImportReport& r) {
    std::string out = fmt(Str::ImportSummary, {std::to_string(r.lines), std::to_string(r.imported),
                                               std::to_string(r.merged), std::to_string(r.rejected.size()),
                                               std::to_string(r.registered)}) +
                      "\n";
    for (const auto& x : r.rejected) out += fmt(Str::ImportRejectedLine, {std::to_string(x.line), x.reason}) + "\n";
    if (!r.readAs.empty()) {
        std::string list;
        for (const auto& x : r.readAs) list += (list.empty() ? "" : ", ") + fmt(Str::ImportReadAsItem, {x.typed, x.territory});
        out += fmt(Str::ImportReadAs, {list}) + "\n";
    }
    if (!r.newTerritories.empty()) {
        std::string list;
        for (const auto& t : r.newTerritories) list += (list.empty() ? "" : ", ") + t;
        out += fmt(Str::ImportNewTerritories, {list}) + "\n";
    }
    if (!r.noTerritory.empty()) {
        std::string list;
        for (const auto& t : r.noTerritory) list += (list.empty() ? "" : ", ") + inQuotes(t);
        out += fmt(Str::ImportNoTerritory, {list}) + "\n";
    }
    return out;
}

std::string describeUnknownTerritories(const Model& model, const std::vector<UnknownTerritory>& unknown) {
    std::string out;
    for (const UnknownTerritory& u : unknown) {
        std::string lines;
        for (size_t i = 0; i < u.lines.size() && i < 8; ++i) lines += (lines.empty() ? "" : ", ") + std::to_string(u.lines[i]);
        if (u.lines.size() > 8) lines += ", \u2026";
        std::string proposals;
        for (Id id : u.proposals)
            if (const Territory* t = model.territory(id)) proposals += (proposals.empty() ? "" : ", ") + t->name;
        out += proposals.empty() ? fmt(Str::ImportUnknownTerritory, {u.name, lines})
                                 : fmt(Str::ImportUnknownTerritoryClose, {u.name, lines, proposals});
        out += "\n";
    }
    return out;
}

}  // namespace atelier
