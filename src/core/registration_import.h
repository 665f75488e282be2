// Planning the import of a registration export (an online form's, a spreadsheet's) into an étape: columns matched
// by name, the same person twice merged (same email, or same name and territory), territory names read as people
// type them (territory_match.h), the structure and the function kept as typed beside the category and the role,
// each bad line rejected with its number and the reason. A territory name that designates no known territory is
// never created silently: the plan lists it with the closest known ones, and the caller plans again with a choice
// for each (map it to a known territory, create it « à vérifier », or leave those people without territory).
// The plan is a list of actions that Session::applyAll applies as one undoable step; nothing changes until then.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/table.h"

namespace atelier {

struct ImportReport {
    int lines = 0;       // data lines read
    int imported = 0;    // lines that brought a new person
    int merged = 0;      // lines that matched a person already known (or an earlier line)
    int registered = 0;  // registrations added to the étape
    struct Rejected {
        int line = 0;  // line number in the file
        std::string reason;
    };
    std::vector<Rejected> rejected;
    std::vector<std::string> newTerritories;  // created with membership « à vérifier »
    struct ReadAs {
        std::string typed;      // as written in the file: « Valenciennes »
        std::string territory;  // the known territory it was read as: « Valenciennes-Anzin »
    };
    std::vector<ReadAs> readAs;             // names written otherwise than the territory they designate
    std::vector<std::string> noTerritory;  // names left without territory, as chosen
};

/// What to do with a territory name of the file that designates no known territory.
struct TerritoryChoice {
    enum class Kind { None, Existing, Create };
    Kind kind = Kind::None;  // None: the people of those lines are imported without territory
    Id territory = 0;        // Existing: the known territory it means
    bool operator==(const TerritoryChoice&) const = default;
};
/// The choices, by territoryKey() of the name as written.
using TerritoryChoices = std::map<std::string, TerritoryChoice>;

/// A territory name of the file that designates no known territory (or several), waiting for a choice.
struct UnknownTerritory {
    std::string name;           // as first written in the file
    std::string key;            // territoryKey(name): where its choice goes in TerritoryChoices
    std::vector<Id> proposals;  // the closest known territories, best first
    std::vector<int> lines;     // the lines of the file that use it
};

struct ImportPlan {
    std::string error;  // the file cannot be imported at all (no name column…); empty otherwise
    /// Names without a choice yet: when not empty, `actions` is empty and the report is not filled; plan again
    /// with a choice for each.
    std::vector<UnknownTerritory> unknownTerritories;
    std::vector<Action> actions;
    ImportReport report;
};

/// Plans the import of `table` into étape `etape` of `model`, with `choices` for the territory names that
/// designate no known territory. A choice of a territory that no longer exists is an error.
ImportPlan planRegistrationImport(const Model& model, Id etape, const TextTable& table,
                                  const TerritoryChoices& choices = {});

/// The same choice for every unknown name of `plan` (the command line's --creer-cites: Create).
TerritoryChoices chooseForAll(const ImportPlan& plan, TerritoryChoice choice);

/// The unknown names in French, one line each with its lines and the closest known territories, and what to do.
std::string describeUnknownTerritories(const Model& model, const std::vector<UnknownTerritory>& unknown);

/// Institution from free text as people write it ("Mairie de Lens" → Collectivité, "Préfecture", "Rectorat" →
/// Éducation nationale, the French labels and storage keys themselves); Autre if unsure. The one mapping of
/// institutions: the registration import and `atelier groupes --roster` both use it.
Institution guessInstitution(std::string_view text);
/// Role from free text ("copilote", "cheffe de projet"…); Autre if unsure.
Role guessRole(std::string_view text);

/// The import report in French, one line per fact and per rejected line.
std::string describeReport(const ImportReport& report);

}  // namespace atelier
