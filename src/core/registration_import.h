// Planning the import of a registration export (an online form's, a spreadsheet's) into an étape: columns matched
// by name, the same person twice merged (same email, or same name and territory), unknown territories created
// « à vérifier », each bad line rejected with its number and the reason. The plan is a list of actions that
// Session::applyAll applies as one undoable step; nothing changes until then.
#pragma once

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
};

struct ImportPlan {
    std::string error;  // the file cannot be imported at all (no name column…); empty otherwise
    std::vector<Action> actions;
    ImportReport report;
};

/// Plans the import of `table` into étape `etape` of `model`.
ImportPlan planRegistrationImport(const Model& model, Id etape, const TextTable& table);

/// Institution from free text ("Mairie de Lens" → Collectivité, "Rectorat" → Éducation nationale); Autre if unsure.
Institution guessInstitution(std::string_view text);
/// Role from free text ("copilote", "cheffe de projet"…); Autre if unsure.
Role guessRole(std::string_view text);

/// The import report in French, one line per fact and per rejected line.
std::string describeReport(const ImportReport& report);

}  // namespace atelier
