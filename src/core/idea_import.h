// Planning the import of ideas from a table (a CSV of sticky notes typed after a workshop, an online form's
// export) onto a board of an étape: columns `texte` (required), `groupe` and `categorie` (optional). The board is
// created when missing (with the template columns), an unknown category becomes a new column, and each bad line
// is rejected with its number and the reason. Nothing changes until Session::applyAll applies the plan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/table.h"

namespace atelier {

struct IdeaImportReport {
    int lines = 0;           // data lines read
    int imported = 0;        // ideas added
    bool boardCreated = false;
    std::string board;       // the board's title
    std::vector<std::string> newCategories;  // columns created for the file's categories
    struct Rejected {
        int line = 0;  // line number in the file
        std::string reason;
    };
    std::vector<Rejected> rejected;
};

struct IdeaImportPlan {
    std::string error;  // the file cannot be imported at all (no `texte` column…); empty otherwise
    std::vector<Action> actions;  // ids resolved: apply them to the same model, in order, as one step
    IdeaImportReport report;
};

/// Plans the import of `table` onto the board titled `title` of étape `etape`; `time` is put into every idea.
IdeaImportPlan planIdeaImport(const Model& model, Id etape, const std::string& title, const TextTable& table,
                              std::int64_t time);

/// The report in French: one line per fact and per rejected line.
std::string describeIdeaReport(const IdeaImportReport& report);

}  // namespace atelier
