// The subcommands of `atelier`, one file each in src/cli/; the registry (French names, aliases, order) is in cli.cpp.
#pragma once

#include <filesystem>
#include <memory>

#include "cli/args.h"
#include "store/csv.h"
#include "store/database.h"

namespace atelier::cli {

/// What a command runs with: the data directory, and its workspace opened on first use (commands that only
/// read a file never touch the database). A writing command holds the data folder (one writer at a time); a
/// reading one opens the database read-only and writes nothing.
class Context {
public:
    explicit Context(std::filesystem::path dataDir) : dataDir_(std::move(dataDir)) {}
    const std::filesystem::path& dataDir() const { return dataDir_; }
    /// How workspace() opens the database (set by the registry before the command runs); `holder` names this
    /// process for another writer's message.
    void setAccess(store::Access access, std::string holder) {
        access_ = access;
        holder_ = std::move(holder);
    }
    /// The command as the user typed it, French name or alias (« tally », « archive verifier »): messages that
    /// show how to call it again use it.
    const std::string& command() const { return command_; }
    void setCommand(std::string typed) { command_ = std::move(typed); }
    /// Opens the database on first call: Write takes the folder, creates, migrates and seeds; Read writes nothing.
    /// Journal entries that replay skipped are reported on stderr. Throws store::StoreError.
    store::Workspace& workspace();
    /// The database alone, for commands that read only its indexes (search, the list of archives): the
    /// workspace's when it is open, else the database opened read-only without replaying the journal (nothing is
    /// written); nullptr when the folder has no database yet. Throws store::StoreError.
    store::Database* index();

private:
    std::filesystem::path dataDir_;
    store::Access access_ = store::Access::Read;
    std::string holder_;
    std::string command_;
    std::unique_ptr<store::Workspace> workspace_;
    std::unique_ptr<store::Database> index_;
};

/// A subcommand: reads its options from `args` (then args.finish()), prints, returns the exit code.
/// Throws UsageError for a malformed command line, store::StoreError for the data.
using CommandFn = int (*)(Context& context, Args& args);

/// The CSV file `file`, read; CommandError with the reader's French message when it cannot be.
store::CsvTable readCsv(const std::string& file);

/// The étape named by `--etape N` (required); UsageError when missing or malformed, CommandError when unknown.
const Etape& etapeOption(Context& context, Args& args);

int cmdEtapes(Context& context, Args& args);        // etapes.cpp
int cmdMaintenance(Context& context, Args& args);   // maintenance.cpp
int cmdTerritoire(Context& context, Args& args);    // territories.cpp
int cmdImport(Context& context, Args& args);        // territories.cpp
int cmdTarifs(Context& context, Args& args);        // documents.cpp
int cmdEmargement(Context& context, Args& args);    // documents.cpp
int cmdEtatFrais(Context& context, Args& args);     // documents.cpp
int cmdTally(Context& context, Args& args);         // tally.cpp
int cmdGroups(Context& context, Args& args);        // groups.cpp
int cmdIdees(Context& context, Args& args);         // ideas.cpp
int cmdArchiveSave(Context& context, Args& args);    // archive.cpp: archive enregistrer
int cmdArchiveList(Context& context, Args& args);    // archive.cpp: archive liste
int cmdArchiveCheck(Context& context, Args& args);   // archive.cpp: archive verifier
int cmdArchiveSearch(Context& context, Args& args);  // archive.cpp: archive chercher, and chercher
int cmdExport(Context& context, Args& args);         // archive.cpp
int cmdSynthese(Context& context, Args& args);       // archive.cpp
int cmdLivret(Context& context, Args& args);         // archive.cpp
int cmdDemo(Context& context, Args& args);           // archive.cpp
int cmdServe(Context& context, Args& args);          // serve.cpp
int cmdPratiques(Context& context, Args& args);      // practices.cpp
int cmdPratique(Context& context, Args& args);       // practices.cpp: pratique suivi
int cmdActionPhare(Context& context, Args& args);    // practices.cpp: action-phare ajouter
int cmdEvaluation(Context& context, Args& args);     // practices.cpp: evaluation, evaluation saisir
int cmdRgpdEffacer(Context& context, Args& args);    // rgpd.cpp: rgpd effacer
int cmdRgpdExporter(Context& context, Args& args);   // rgpd.cpp: rgpd exporter
int cmdRgpdRegistre(Context& context, Args& args);   // rgpd.cpp: rgpd registre
/// What tallyVoteJson gives: the result (ok) or the French message saying what is wrong with the vote file.
struct TallyRun {
    bool ok = false;
    std::string text;
};
/// Counts the vote file's JSON `text` (`path` names it in messages) as `atelier tally` does; never throws on
/// bad input. The fuzz target of the vote file calls it.
TallyRun tallyVoteJson(std::string_view text, const std::string& path, bool json);

/// `importer idees …`: called by cmdImport.
int importIdeas(Context& context, Args& args);      // ideas.cpp

}  // namespace atelier::cli
