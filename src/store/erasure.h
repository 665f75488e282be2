// The right to erasure in the data folder (RGPD, issue 34): the person erased in the live model (the ErasePerson
// action, through Session), then the store's part — the journal's past rows rewritten (the one operation besides
// the retention purge that rewrites the append-only journal), the snapshot rebuilt from the replay, the archives
// rewritten (the counts by Cité and institution kept), the search index and the list of archives rebuilt, the
// room's memory for phones, the documents written by Atelier regenerated or removed, and SQLite's free pages and
// write-ahead log cleared (secure_delete, checkpoint, VACUUM). Finally every byte of every file of the folder is
// searched for the person's spellings (core/erasure.h): what is found is reported, never hidden.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/erasure.h"
#include "store/database.h"

namespace atelier::store {

/// The people of `model` that `email` (when not empty) or `name` (when not empty) names: accents, case, hyphens
/// and apostrophes ignored; an e-mail compared whole, a name whole (in any word order).
std::vector<const Person*> findPeople(const Model& model, std::string_view email, std::string_view name);

/// The summaries written beside an archive (exporting::summaryFiles in the command line and the app), by file name.
using SummaryWriter = std::function<std::vector<std::pair<std::string, std::string>>(const EtapeArchive&)>;

/// What an erasure did.
struct ErasureReport {
    std::string label;                                // what the person is called now
    std::int64_t journalRows = 0;                     // past journal entries rewritten
    int archives = 0;                                 // archives rewritten
    std::vector<std::filesystem::path> regenerated;   // documents written again without the person
    std::vector<std::filesystem::path> removed;       // documents removed (they held the person)
    std::vector<std::filesystem::path> traces;        // files still holding a spelling of the person (should be none)
    bool replayAgreed = true;                         // the journal's replay gave the model the action left
    bool namesake = false;  // someone else has the same name (kept): `traces` then comes from the e-mail alone
};

/// Erases person `person` from the workspace's data folder, for real (see the top of this file). `summaries`
/// regenerates the summaries of an archive folder that mentioned the person (null: they are removed instead).
/// Not undoable. Throws StoreError (French) when it cannot go through; what was done before is kept (each part is
/// consistent on its own, and running it again finishes the work).
ErasureReport erasePerson(Workspace& workspace, Id person, const SummaryWriter& summaries);

/// The files under `dir` (every one, recursively) whose bytes hold one of `spellings`, ASCII case ignored.
std::vector<std::filesystem::path> filesHolding(const std::filesystem::path& dir,
                                                const std::vector<std::string>& spellings);

}  // namespace atelier::store
