// [SECTION] Registry of commands
// [SECTION] Entry point

#include "cli/cli.h"

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/strings.h"
#include "store/errors.h"
#include "ui/ui.h"

namespace atelier::cli {

store::Workspace& Context::workspace() {
    if (!workspace_) workspace_ = std::make_unique<store::Workspace>(dataDir_);
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

struct Command {
    const char* name;
    CommandFn run;
};

/// The only list of subcommands (their usage lines are in the strings table, Str::CliUsage).
constexpr Command kCommands[] = {
    {"etapes", cmdEtapes},
    {"screenshot", cmdScreenshot},
    {"territoire", cmdTerritoire},
    {"import", cmdImport},
    {"tarifs", cmdTarifs},
    {"emargement", cmdEmargement},
    {"etat-frais", cmdEtatFrais},
    {"tally", cmdTally},
    {"groups", cmdGroups},
    {"idees", cmdIdees},
    {"archive", cmdArchive},
    {"export", cmdExport},
    {"search", cmdSearch},
    {"synthese", cmdSynthese},
    {"demo", cmdDemo},
};

std::string usage() { return fmt(Str::CliUsage, {store::defaultDataDir().string()}); }

}  // namespace

// [SECTION] Entry point

int run(int argc, char** argv) {
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
            try {
                return ui::runApp(context.workspace().session(), context.dataDir());
            } catch (const store::StoreError& e) {
                std::cerr << e.what() << "\n";
                ui::showFatalError(e.what());
                return 1;
            }
        }
        for (const Command& command : kCommands) {
            if (words.front() != command.name) continue;
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
