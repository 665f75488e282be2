// The graphical front-end of the command line (main.cpp hands it to cli::run): the app when no command is given,
// and `atelier screenshot --out FILE.png [--screen NAME|list] [--size WxH] [--etape N] [--vote K]
// [--participation CODE]` (participation open on 127.0.0.1 with that code; prints the join URL the QR code holds)
// `[--minuteur SECONDS]` (the room's countdown running, over the projector views) `[--zoom PERCENT]` (the console's
// zoom, 75 to 250, on top of the screen's scale: ui/scale.h).
// The only code that links both the command line and the GUI.
#include "gui_commands.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/strings.h"
#include "store/data_folder.h"
#include "store/errors.h"
#include "ui/ui.h"

namespace atelier::cli {

namespace {

int runGuiApp(Context& context) {
    // First of all, before the workspace opens (a long replay, a lock): a SIGTERM at any moment from here closes
    // the app cleanly at its first frame instead of killing it (143).
    ui::installCloseSignals();
    try {
        store::Workspace& workspace = context.workspace();
        std::vector<std::string> notices;
        for (const store::SkippedEntry& entry : workspace.skipped()) notices.push_back(store::describeSkipped(entry));
        return ui::runApp(workspace.session(), &workspace.folder(), notices);
    } catch (const store::StoreError& e) {
        std::cerr << e.what() << "\n";
        ui::showFatalError(e.what());
        return 1;
    }
}

int cmdScreenshot(Context& context, Args& args) {
    ui::ScreenshotOptions options;
    const auto out = args.option("--out");
    const auto screen = args.option("--screen");
    const auto size = args.option("--size");
    const auto etape = args.option("--etape");
    const auto vote = args.option("--vote");
    const auto participation = args.option("--participation");
    const auto countdown = args.option("--minuteur");
    const auto zoom = args.option("--zoom");
    args.finish();
    const auto names = ui::screenNames();
    if (screen == "list") {
        for (const auto& n : names) std::cout << n << "\n";
        return 0;
    }
    if (screen) {
        if (std::find(names.begin(), names.end(), *screen) == names.end()) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            throw UsageError{fmt(Str::CliUnknownScreen, {*screen, list})};
        }
        options.screen = *screen;
    }
    if (!out) throw UsageError{tr(Str::CliScreenshotNeedsOut)};
    options.out = *out;
    store::DataFolder::checkOutput(context.dataDir(), options.out);  // before any window opens
    if (size) {
        int w = 0, h = 0;
        char tail = 0;
        if (std::sscanf(size->c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 320 || h < 240 || w > 7680 || h > 4320)
            throw UsageError{fmt(Str::CliBadSize, {*size})};
        options.width = w;
        options.height = h;
    }
    Session& session = context.workspace().session();
    options.folder = &context.workspace().folder();
    if (etape) {
        const int n = parseIntOption("--etape", *etape, 1, 99);
        if (!session.model().etapeByNumber(n)) {
            std::cerr << fmt(Str::CliNoEtape, {*etape}) << "\n";
            return 1;
        }
        options.etapeNumber = n;
    }
    if (vote) {
        const Etape* e = options.etapeNumber ? session.model().etapeByNumber(*options.etapeNumber)
                                             : (session.model().etapes.empty() ? nullptr : &session.model().etapes.front());
        const int n = parseIntOption("--vote", *vote, 1, 999);
        if (!e || n > static_cast<int>(e->votes.size())) throw CommandError{fmt(Str::CliNoVote, {*vote})};
        options.voteNumber = n;
    }
    if (participation) {
        const bool digits = participation->size() == 6 &&
                            std::all_of(participation->begin(), participation->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) throw UsageError{fmt(Str::CliScreenshotBadCode, {*participation})};
        options.participationCode = *participation;
    }
    if (countdown) options.countdownSeconds = parseIntOption("--minuteur", *countdown, 0, 24 * 3600);
    if (zoom) options.zoom = parseIntOption("--zoom", *zoom, 75, 250);
    std::string joinUrl;
    options.joinUrl = &joinUrl;
    if (Status s = ui::screenshot(session, options); !s) {
        std::cerr << fmt(Str::CliScreenshotFailed, {s.message}) << "\n";
        return 1;
    }
    if (!joinUrl.empty()) std::cout << fmt(Str::CliScreenshotJoinUrl, {joinUrl}) << "\n";
    return 0;
}

}  // namespace

Gui gui() { return Gui{runGuiApp, cmdScreenshot}; }

}  // namespace atelier::cli
