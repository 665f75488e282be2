// [SECTION] Arguments
// [SECTION] Commands
// [SECTION] Entry point

#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/strings.h"
#include "export/etapes.h"
#include "store/database.h"
#include "store/errors.h"
#include "ui/ui.h"

namespace atelier::cli {

namespace {

// [SECTION] Arguments

/// Raised for a malformed command line: the message is printed with the usage, exit code 2.
struct UsageError {
    std::string message;
};

/// The arguments after the command name, consumed as they are read; leftovers are errors.
class Args {
public:
    explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}

    /// True (and consumed) when `--flag` is present.
    bool flag(const std::string& name) {
        for (auto it = args_.begin(); it != args_.end(); ++it)
            if (*it == name) {
                args_.erase(it);
                return true;
            }
        return false;
    }
    /// The value after `--name` (consumed), or nullopt when absent.
    std::optional<std::string> option(const std::string& name) {
        for (auto it = args_.begin(); it != args_.end(); ++it)
            if (*it == name) {
                if (it + 1 == args_.end()) throw UsageError{fmt(Str::CliMissingValue, {name})};
                std::string value = *(it + 1);
                args_.erase(it, it + 2);
                return value;
            }
        return std::nullopt;
    }
    /// Fails on anything not consumed.
    void finish() const {
        if (args_.empty()) return;
        if (args_.front().rfind("-", 0) == 0) throw UsageError{fmt(Str::CliUnknownOption, {args_.front()})};
        throw UsageError{fmt(Str::CliUnknownCommand, {args_.front()})};
    }

private:
    std::vector<std::string> args_;
};

std::string usage() { return fmt(Str::CliUsage, {store::defaultDataDir().string()}); }

// [SECTION] Commands

int cmdEtapes(store::Workspace& ws, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    const Model& model = ws.session().model();
    std::cout << (json ? exporting::etapesJson(model) : exporting::etapesTable(model));
    return 0;
}

int cmdScreenshot(store::Workspace& ws, Args& args) {
    ui::ScreenshotOptions options;
    const auto out = args.option("--out");
    const auto screen = args.option("--screen");
    const auto size = args.option("--size");
    const auto etape = args.option("--etape");
    args.finish();
    const auto names = ui::screenNames();
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    if (screen == "list") {
        for (const auto& n : names) std::cout << n << "\n";
        return 0;
    }
    if (screen) {
        if (std::find(names.begin(), names.end(), *screen) == names.end())
            throw UsageError{fmt(Str::CliUnknownScreen, {*screen, list})};
        options.screen = *screen;
    }
    if (!out) throw UsageError{tr(Str::CliScreenshotNeedsOut)};
    options.out = *out;
    if (size) {
        int w = 0, h = 0;
        char tail = 0;
        if (std::sscanf(size->c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 320 || h < 240 || w > 7680 || h > 4320)
            throw UsageError{fmt(Str::CliBadSize, {*size})};
        options.width = w;
        options.height = h;
    }
    if (etape) {
        int n = 0;
        char tail = 0;
        if (std::sscanf(etape->c_str(), "%d%c", &n, &tail) != 1 || !ws.session().model().etapeByNumber(n)) {
            std::cerr << fmt(Str::CliNoEtape, {*etape}) << "\n";
            return 1;
        }
        options.etapeNumber = n;
    }
    if (Status s = ui::screenshot(ws.session(), options); !s) {
        std::cerr << fmt(Str::CliScreenshotFailed, {s.message}) << "\n";
        return 1;
    }
    return 0;
}

struct Command {
    const char* name;
    std::function<int(store::Workspace&, Args&)> run;
};

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"etapes", cmdEtapes},
        {"screenshot", cmdScreenshot},
    };
    return kCommands;
}

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
            if (rest[i] == "--data") { ++i; continue; }
            words.push_back(rest[i]);
        }
        const std::filesystem::path dataDir = data ? std::filesystem::path(*data) : store::defaultDataDir();

        if (words.empty()) {
            try {
                store::Workspace ws(dataDir);
                return ui::runApp(ws.session());
            } catch (const store::StoreError& e) {
                std::cerr << e.what() << "\n";
                ui::showFatalError(e.what());
                return 1;
            }
        }
        const Command* command = nullptr;
        for (const auto& c : commands())
            if (words.front() == c.name) command = &c;
        if (!command) {
            Args(words).finish();  // names an unknown option first when the word is one
            throw UsageError{fmt(Str::CliUnknownCommand, {words.front()})};
        }
        Args args(std::vector<std::string>(words.begin() + 1, words.end()));
        store::Workspace ws(dataDir);
        return command->run(ws, args);
    } catch (const UsageError& e) {
        std::cerr << e.message << "\n\n" << usage();
        return 2;
    } catch (const store::StoreError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}

}  // namespace atelier::cli
