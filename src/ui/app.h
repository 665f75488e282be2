// The app shell: the one registry of screens and menus, the view state of both windows, and the place where the
// actions a frame emitted are applied (Session::apply) and their errors become toasts.
// Platform code (platform.cpp) owns the GLFW windows and calls in here once per frame and window.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/countdown.h"
#include "core/session.h"
#include "core/strings.h"
#include "ui/screens/screens.h"

namespace atelier::ui {

/// A monitor as GLFW reports it, for the « Écran du projecteur » menu.
struct MonitorInfo {
    std::string name;
    int width = 0;
    int height = 0;
};

/// What a frame asks of the shell besides model actions (handled after the frame).
struct UiRequests {
    bool undo = false;
    bool redo = false;
    bool toggleProjector = false;  // F5
    bool leaveProjector = false;   // Esc
    bool quit = false;
    int monitor = -1;  // ≥ 0: the user chose this monitor for the projector
};

/// The console's screens, one tab each.
enum class ConsoleScreen { Etapes, Reseau, Calendrier, Inscriptions, BriseGlace, Groupes, Idees, Votes, Archive };

/// What the projector shows.
enum class ProjectorView { Welcome, VoteResults, Groups, Meeting, Card, WhoIsHere, Mur };

/// View-only state of the app: never domain data, never saved in the database.
struct AppState {
    Id selectedEtape = 0;  // shared by the console's screens and shown on the projector
    ConsoleScreen screen = ConsoleScreen::Etapes;
    bool selectScreen = false;  // select `screen`'s tab on the next frame (set from outside the tab bar)
    EtapesView etapes;
    ReseauView reseau;
    CalendrierView calendrier;
    InscriptionsView inscriptions;
    VotesView votes;
    GroupesView groupes;
    BriseGlaceView briseGlace;
    ProjectorView projector = ProjectorView::Welcome;
    Countdown countdown;  // the room's timer, over whatever the projector shows
    Id projectedVote = 0;  // the vote whose results the projector shows
    IdeesView idees;
    MurView mur;            // scroll, zoom and new ideas of the projected board
    Id projectedBoard = 0;  // the idea board the projector shows
    ArchiveView archive;    // the capitalisation archive (its data directory, list, search)
    struct Toast {
        std::string text;
        double until = 0;
        bool error = false;
    };
    std::vector<Toast> toasts;
    std::vector<std::string> notices;   // shown at start in a modal until acknowledged (journal entries skipped)
    std::vector<MonitorInfo> monitors;  // filled by the platform every frame
    int projectorMonitor = -1;          // -1: the second monitor when there is one
    bool projectorFullscreen = false;   // reported by the platform
    bool projectorInConsole = false;    // single screen: F5 shows the projector view in the console
    bool quitRequested = false;         // Fichier → Quitter: the platform's loop ends (kept after the frame)
    /// A change the journal could not make durable while the app runs: shown at once in a modal.
    struct Unsaved {
        bool open = false;
        std::string change;  // what was not saved (« Ajouter l'idée … », « Annuler : … »)
        std::string error;   // the store's message
        int count = 0;       // changes refused since the modal opened
    } unsaved;
};

/// A screen that `atelier screenshot --screen NAME` can render.
struct ScreenEntry {
    const char* name;
    bool projector;          // drawn in the projector window (otherwise the console)
    ConsoleScreen console;   // the console's tab (console screens)
    ProjectorView view;      // what the projector shows (projector screens)
    Str title;               // the tab's title
};
const std::vector<ScreenEntry>& screenRegistry();

class App {
public:
    /// `dataDir`: where documents go (its documents/ folder); empty: no document buttons.
    explicit App(Session& session, std::filesystem::path dataDir = {});

    AppState& state() { return state_; }
    const Session& session() const { return session_; }

    /// One frame of the console window (menu bar, screens, toasts) in the current ImGui context.
    void drawConsole(Actions& actions, UiRequests& requests);
    /// One frame of the projector window: the audience view of the current activity, full window.
    void drawProjector(UiRequests& requests);
    /// A file dropped on a window: a CSV goes to the registration import of the Inscriptions screen.
    void dropFile(const std::string& path);
    /// Applies the actions and the undo/redo requests of a frame, in order; errors become toasts, and a change
    /// the journal could not save opens a modal. Tells the screens' submissions how their actions went.
    void apply(Actions& actions, UiRequests& requests);
    /// Shows a message for a few seconds at the bottom of the console.
    void toast(std::string text, bool error = false);
    /// Shows the screen registered as `name` (a screenshot, a test): a console tab, or what the projector shows
    /// (« resultats »: the selected étape's first vote); false when there is none.
    bool showScreen(const std::string& name);

private:
    void drawMenuBar(UiRequests& requests);
    void drawShortcuts(UiRequests& requests);
    void drawToasts();
    void drawNotices();
    void drawCountdownControls();
    const Etape* selectedEtape() const;
    const Vote* projectedVote() const;
    const Board* projectedBoard() const;
    void drawConsoleScreen(ConsoleScreen screen, Actions& actions);
    /// What the room sees (welcome or a vote's results) in [min, max].
    void drawAudienceView(ImDrawList* draw, ImVec2 min, ImVec2 max);
    void collectErrors();
    /// A refused change: a toast, or the « non enregistrée » modal when the journal failed.
    void refused(const Status& status, std::string change);
    void drawUnsaved();
    void settleSubmissions(const std::vector<bool>& actions, const std::vector<bool>& batches);

    Session& session_;
    AppState state_;
};

}  // namespace atelier::ui
