// Public entry points of the GUI: the app (console + projector windows) and the screenshot renderer.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/session.h"

namespace atelier::store {
class DataFolder;
}

namespace atelier::ui {

/// Runs the console and projector windows until the console is closed. Returns the process exit code.
/// `folder`: the data folder (documents the facilitator writes, the archive); null: none. `notices` (French, e.g. journal entries
/// that could not be replayed) are shown in a modal at start.
int runApp(Session& session, store::DataFolder* folder, std::vector<std::string> notices = {});

/// Catches SIGTERM, SIGINT and SIGHUP from now on: runApp then closes as Quitter does (the field being edited
/// committed, exit 0), whenever the signal came, even before its windows opened. Call it first thing.
void installCloseSignals();

/// Shows `message` in a small window (French) until closed: for errors that stop the app from starting.
void showFatalError(const std::string& message);

struct ScreenshotOptions {
    std::string screen = "console";
    int width = 1280;
    int height = 800;
    std::filesystem::path out;
    std::optional<int> etapeNumber;  // étape to select; default: the first
    std::optional<int> voteNumber;   // « resultats »: the étape's vote (1-based); default: the first
    store::DataFolder* folder = nullptr;  // as in the app (document buttons, archive); null: none
    std::string participationCode;  // non-empty: participation open on 127.0.0.1 (any free port) with this code
    std::string* joinUrl = nullptr;  // gets the URL the QR code holds, when participation is open
    std::optional<int> countdownSeconds;  // the room's countdown running from this many seconds (its place shown)
    /// « inscriptions »: a CSV dropped on the window first, as a facilitator would (its import dialog, when the
    /// file names unknown territories); nothing is written unless the file needs no choice.
    std::filesystem::path dropCsv;
    int zoom = 100;  // the console's zoom in percent (ui/scale.h), on top of the screen's scale
};

/// Renders one screen in a real window for a few frames and writes the PNG. Needs a display (xvfb-run -a).
Status screenshot(Session& session, const ScreenshotOptions& options);

/// Names accepted by `screenshot --screen`.
std::vector<std::string> screenNames();

}  // namespace atelier::ui
