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

store::CsvTable readCsv(const std::string& file) {
    try {
        return store::readCsvFile(file);
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

/// Whether a command changes the database: writers hold the data folder, readers open it read-only.
enum class Writes { Never, Always, Subcommand };

struct Command {
    const char* name;
    CommandFn run;
    Writes writes;
    const char* writingSubcommand = nullptr;  // Writes::Subcommand: the one that writes (« archive save »)
};

/// The only list of subcommands (their usage lines are in the strings table, Str::CliUsage).
constexpr Command kCommands[] = {
    {"etapes", cmdEtapes, Writes::Never},
    {"territoire", cmdTerritoire, Writes::Always},
    {"import", cmdImport, Writes::Always},
    {"tarifs", cmdTarifs, Writes::Never},
    {"emargement", cmdEmargement, Writes::Never},
    {"etat-frais", cmdEtatFrais, Writes::Never},
    {"tally", cmdTally, Writes::Never},
    {"groups", cmdGroups, Writes::Never},
    {"idees", cmdIdees, Writes::Never},
    {"archive", cmdArchive, Writes::Subcommand, "save"},  // save indexes the ideas in the database
    {"export", cmdExport, Writes::Never},
    {"search", cmdSearch, Writes::Never},
    {"synthese", cmdSynthese, Writes::Never},
    {"demo", cmdDemo, Writes::Always},
};

/// How `command` opens the database, given the words after its name.
store::Access accessOf(const Command& command, const std::vector<std::string>& words) {
    if (command.writes == Writes::Always) return store::Access::Write;
    if (command.writes == Writes::Subcommand)
        for (size_t i = 1; i < words.size(); ++i)
            if (words[i].rfind("--", 0) != 0) return words[i] == command.writingSubcommand ? store::Access::Write
                                                                                             : store::Access::Read;
    return store::Access::Read;
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
        for (const Command& command : kCommands) {
            if (words.front() != command.name) continue;
            context.setAccess(accessOf(command, words), fmt(Str::LockHolderCommand, {command.name}));
            Args args(std::vector<std::string>(words.begin() + 1, words.end()));
            return command.run(context, args);
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
