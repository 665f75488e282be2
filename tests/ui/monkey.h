// The UI monkey: the app on a full fixture day, its console and projector drawn headless every frame like the
// real loop, driven by a seeded random stream of clicks (on marked widgets, in open popups and windows), double
// and right clicks, drags (Ctrl held or not), wheel, keys (Enter, Tab, Escape, Ctrl+Z/Y, arrows, F5–F8…), typing
// with accents, fast typing across Enter, long pasted text, and screen changes. Every frame's actions go through
// the real App::apply; the model's invariants are checked after every change. A crash names the seed and the
// event that caused it. Used by the short ctest (monkey_test.cpp) and by `atelier_monkey` (tests/monkey/).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace atelier::ui::monkey {

struct Options {
    std::uint64_t seed = 1;
    long events = 10000;             // input events to send (a move, a press, a release, a key, a burst of text…)
    std::filesystem::path dataDir;   // the app's data folder (documents, archive): a temporary folder, required
    int journalFailOneIn = 0;        // > 0: the journal refuses about one commit in that many (a full disk)
    std::function<void(const std::string&)> log;  // progress lines (may be empty)
    long logEvery = 100000;          // events between progress lines
};

struct Report {
    long events = 0;
    long frames = 0;
    long changes = 0;   // revisions the session advanced (actions, undo, redo)
    long refusals = 0;  // error toasts and modals shown
    long quits = 0;     // « Quitter » requests
    long unsaved = 0;   // « Modification NON enregistrée » modals opened (a journal that fails)
    std::map<std::string, long> screens;  // frames drawn on each screen (registry names)
    std::vector<std::string> failures;    // broken invariants (the run stops at the first change that breaks one)
};

/// Runs the monkey. Crashes (assertions, segfaults, sanitizer findings) print the seed and the last events on
/// stderr before the process dies.
Report run(const Options& options);

/// Names of every screen the monkey should reach: the console's tabs and the projector's views.
std::vector<std::string> allScreens();

}  // namespace atelier::ui::monkey
