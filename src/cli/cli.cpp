// [SECTION] Registry of commands
// [SECTION] Entry point

#include "cli/cli.h"

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/strings.h"
#include "store/errors.h"

namespace atelier::cli {

store::Workspace& Context::workspace() {
    if (!workspace_) {
        workspace_ = std::make_unique<store::Workspace>(dataDir_, access_, holder_);
        for (const store::SkippedEntry& entry : workspace_->skipped()) std::cerr << store::describeSkipped(entry) << "\n";
    }
    return *workspace_;
}

store::Database* Context::index() {
    if (workspace_) return &workspace_->database();
    if (!index_) {
        const std::filesystem::path file = dataDir_ / "atelier.db";
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) return nullptr;
        index_ = std::make_unique<store::Database>(file, store::Access::Read);
    }
    return index_.get();
}

store::CsvTable readCsv(const std::string& file) {
    try {
        store::CsvTable table = store::readCsvFile(file);
        for (const std::string& note : table.notes) std::cerr << note << "\n";
        return table;
    } catch (const store::CsvError& e) {
        throw CommandError{e.what()};
    }
}

const Etape& etapeOption(Context& context, Args& args) {
    const auto value = args.option("--etape");
    if (!value) throw UsageError{fmt(Str::CliNeedsEtape)};
    const int number = parseIntOption("--etape", *value, 1, 99);
    const Etape* etape = context.workspace().session().model().etapeByNumber(number);
    if (!etape) throw CommandError{fmt(Str::CliNoEtape, {*value})};
    return *etape;
}

namespace {

// [SECTION] Registry of commands

/// A command as users type it: its French name (shown in the usage) and the former English name that scripts
/// still use, or nullptr. Both run the same function.
struct Command {
    const char* name;
    const char* alias;
    CommandFn run;
    store::Access access;  // Write: the command holds the data folder; Read: it opens the database read-only
};

using store::Access;

/// The subcommands of `archive` (« archive enregistrer » writes: it indexes the ideas in the database).
constexpr Command kArchiveCommands[] = {
    {"enregistrer", "save", cmdArchiveSave, Access::Write},
    {"liste", "list", cmdArchiveList, Access::Read},
    {"verifier", "check", cmdArchiveCheck, Access::Read},
    {"chercher", "search", cmdArchiveSearch, Access::Read},
};

/// The subcommands of `rgpd` (issue 34: personal data).
constexpr Command kRgpdCommands[] = {
    {"registre", nullptr, cmdRgpdRegistre, Access::Read},
    {"exporter", nullptr, cmdRgpdExporter, Access::Read},
    {"effacer", nullptr, cmdRgpdEffacer, Access::Write},
};

/// The only list of commands and of their aliases (their usage lines are in the strings table, Str::CliUsage).
/// `depouiller` rather than `resultats` for a vote file: the command counts ballots (dépouiller, a verb like
/// importer, exporter, chercher), and « résultats » already names the projected results screen
/// (`screenshot --screen resultats`).
constexpr Command kCommands[] = {
    {"etapes", nullptr, cmdEtapes, Access::Read},
    {"territoire", nullptr, cmdTerritoire, Access::Write},
    {"importer", "import", cmdImport, Access::Write},
    {"tarifs", nullptr, cmdTarifs, Access::Read},
    {"emargement", nullptr, cmdEmargement, Access::Read},
    {"etat-frais", nullptr, cmdEtatFrais, Access::Read},
    {"depouiller", "tally", cmdTally, Access::Read},
    {"groupes", "groups", cmdGroups, Access::Read},
    {"idees", nullptr, cmdIdees, Access::Read},
    {"archive", nullptr, nullptr, Access::Read},  // runs one of kArchiveCommands
    {"exporter", "export", cmdExport, Access::Read},
    {"chercher", "search", cmdArchiveSearch, Access::Read},  // the same as « archive chercher »
    {"livret", nullptr, cmdLivret, Access::Read},
    {"synthese", nullptr, cmdSynthese, Access::Read},  // the booklet's HTML alone, in one file (its former name)
    {"demo", nullptr, cmdDemo, Access::Write},
    {"serve", nullptr, cmdServe, Access::Write},  // holds the data folder while phones write through it
    {"maintenance", nullptr, cmdMaintenance, Access::Write},
    {"pratiques", nullptr, cmdPratiques, Access::Read},
    {"pratique", nullptr, cmdPratique, Access::Write},        // pratique suivi ID …
    {"action-phare", nullptr, cmdActionPhare, Access::Write},  // action-phare ajouter …
    {"evaluation", nullptr, cmdEvaluation, Access::Read},      // « evaluation saisir » takes the folder (practices.cpp)
    {"rgpd", nullptr, nullptr, Access::Read},                  // runs one of kRgpdCommands
};

/// The command of `table` named `word` (its French name or its alias), or nullptr.
template <size_t N>
const Command* findCommand(const Command (&table)[N], std::string_view word) {
    for (const Command& command : table)
        if (word == command.name || (command.alias && word == command.alias)) return &command;
    return nullptr;
}

std::string usage() { return fmt(Str::CliUsage, {store::defaultDataDir().string()}); }

}  // namespace

// [SECTION] Entry point

int run(int argc, char** argv, const Gui& gui) {
    std::vector<std::string> rest(argv + 1, argv + argc);
    try {
        Args global(rest);
        if (global.flag("--version")) {
            std::cout << "atelier " << ATELIER_VERSION << "\n";
            return 0;
        }
        if (global.flag("--help") || global.flag("-h")) {
            std::cout << usage();
            return 0;
        }
        // --data may stand anywhere; the first remaining word is the command.
        Args scan(rest);
        const auto data = scan.option("--data");
        std::vector<std::string> words;
        for (size_t i = 0; i < rest.size(); ++i) {
            if (rest[i] == "--data") {
                ++i;
                continue;
            }
            words.push_back(rest[i]);
        }
        Context context(data ? std::filesystem::path(*data) : store::defaultDataDir());

        if (words.empty()) {
            if (!gui.app) throw UsageError{tr(Str::CliNoGui)};
            context.setAccess(store::Access::Write, tr(Str::LockHolderApp));
            return gui.app(context);
        }
        if (words.front() == "screenshot") {  // goes with the app: the GUI renders it
            if (!gui.screenshot) throw UsageError{tr(Str::CliNoGui)};
            context.setAccess(store::Access::Read, fmt(Str::LockHolderCommand, {words.front()}));
            Args args(std::vector<std::string>(words.begin() + 1, words.end()));
            return gui.screenshot(context, args);
        }
        if (const Command* command = findCommand(kCommands, words.front())) {
            Args args(std::vector<std::string>(words.begin() + 1, words.end()));
            context.setCommand(words.front());
            if (!command->run) {  // archive, rgpd: the next word that is not an option names the subcommand
                const bool rgpd = words.front() == "rgpd";
                const auto word = args.positional();
                if (!word) throw UsageError{tr(rgpd ? Str::CliRgpdNeedsAction : Str::CliArchiveNeedsAction)};
                command = rgpd ? findCommand(kRgpdCommands, *word) : findCommand(kArchiveCommands, *word);
                if (!command) throw UsageError{fmt(rgpd ? Str::CliRgpdUnknown : Str::CliArchiveUnknown, {*word})};
                context.setCommand(words.front() + " " + *word);
            }
            context.setAccess(command->access, fmt(Str::LockHolderCommand, {words.front()}));
            return command->run(context, args);
        }
        Args(words).finish();  // names an unknown option when the first word is one
        throw UsageError{fmt(Str::CliUnknownCommand, {words.front()})};
    } catch (const CommandError& e) {
        std::cerr << e.message << "\n";
        return 1;
    } catch (const UsageError& e) {
        std::cerr << e.message << "\n\n" << usage();
        return 2;
    } catch (const store::StoreError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}

}  // namespace atelier::cli
