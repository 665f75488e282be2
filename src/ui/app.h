// The app shell: the one registry of screens and menus, the view state of both windows, and the place where the
// actions a frame emitted are applied (Session::apply) and their errors become toasts.
// Platform code (platform.cpp) owns the GLFW windows and calls in here once per frame and window.
#pragma once

#include <filesystem>
#include <chrono>
#include <future>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>

#include "store/data_folder.h"
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

/// The view state of every screen, one value per view type, made on first use (screens register in one line).
class Views {
public:
    template <class View>
    View& get() {
        std::shared_ptr<void>& slot = views_[std::type_index(typeid(View))];
        if (!slot) slot = std::make_shared<View>();
        return *static_cast<View*>(slot.get());
    }

private:
    std::unordered_map<std::type_index, std::shared_ptr<void>> views_;
};

/// View-only state of the app: never domain data, never saved in the database.
struct AppState {
    Id selectedEtape = 0;  // shared by the console's screens and shown on the projector
    std::string screen = "console";  // the console's tab shown (a registry name)
    bool selectScreen = false;  // select `screen`'s tab on the next frame (set from outside the tab bar)
    Views views;                // every screen's drafts, selections and caches
    std::string projector = "projector";  // what the projector shows (a registry name; « projector »: welcome)
    std::unordered_map<std::string, Id> projected;  // per projector screen, the vote or board it last showed
    Countdown countdown;  // the room's timer, over whatever the projector shows
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
    int zoom = 100;                     // the console's zoom in percent (ui/scale.h): Ctrl+= / Ctrl+− / Ctrl+0
    float contentScale = 1.0f;          // the console window's screen scale, reported by the platform
    bool quitRequested = false;         // Fichier → Quitter: the platform's loop ends (kept after the frame)
    int closingFrames = -1;             // closing (however asked): frames drawn since; -1 while not closing
    /// The last undo or redo, said for a few seconds (« Annulé : … ») with, when it happened on another tab, a
    /// button that shows that tab.
    struct Undone {
        std::string text;
        std::string screen;  // the console screen of the change (a registry name), empty when none
        double until = 0;
    };
    std::optional<Undone> undone;
    /// Where the last documents went (a summary, an attendance sheet…): shown with « Ouvrir le dossier » until
    /// dismissed.
    struct Written {
        std::filesystem::path folder;
        std::string message;
    };
    std::optional<Written> written;
    std::filesystem::path openedFolder;  // the last folder « Ouvrir le dossier » asked the desktop to open
    /// What the last audience view drew (tests measure it): the countdown's box (empty when none) and the draw
    /// list's vertices the view itself wrote (the countdown's come after).
    struct AudienceLayout {
        ImRect countdown;
        int viewVertices = 0;
    } audienceLayout;
    /// A change the journal could not make durable while the app runs: shown at once in a modal.
    struct Unsaved {
        bool open = false;
        std::string change;  // what was not saved (« Ajouter l'idée … », « Annuler : … »)
        std::string error;   // the store's message
        int count = 0;       // changes refused since the modal opened
    } unsaved;
};

/// A screen: a console tab or what the projector shows. `atelier screenshot --screen NAME` renders it.
struct ScreenEntry {
    const char* name;
    Str title;  // the tab's title (projector screens: the window's)
    /// Console screens: draws the tab with its view.
    std::function<void(Views&, ScreenContext&)> draw;
    /// Projector screens: draws what the room sees with the view it shares with its console screen; false when
    /// there is nothing to show (the welcome screen is shown instead).
    std::function<bool(Views&, ImDrawList*, ImVec2, ImVec2, const ProjectorContext&)> project;
    /// Projector screens showing an item (a vote, a board): the one shown first for an étape.
    Id (*firstItem)(const Etape&) = nullptr;
    bool projector() const { return static_cast<bool>(project); }
};
const std::vector<ScreenEntry>& screenRegistry();
/// The registered screen `name`, or null.
const ScreenEntry* findScreen(std::string_view name);

/// A console tab drawn by `draw` with its view `View` (its `error`, when it has one, becomes a toast).
template <class View>
ScreenEntry consoleScreen(const char* name, Str title, void (*draw)(View&, ScreenContext&)) {
    return {name, title,
            [draw](Views& views, ScreenContext& ctx) {
                View& view = views.get<View>();
                draw(view, ctx);
                if constexpr (requires { view.error.empty(); }) ctx.reportError(view.error);
            },
            {}, nullptr};
}
/// A projector screen drawn by `draw` with the view `View` it shares with a console screen.
template <class View>
ScreenEntry projectorScreen(const char* name, bool (*draw)(View&, ImDrawList*, ImVec2, ImVec2, const ProjectorContext&),
                            Id (*firstItem)(const Etape&) = nullptr) {
    return {name, Str::ProjectorTitle, {},
            [draw](Views& views, ImDrawList* list, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
                return draw(views.get<View>(), list, min, max, ctx);
            },
            firstItem};
}
/// A projector screen that keeps no view state.
inline ScreenEntry projectorScreen(const char* name, bool (*draw)(ImDrawList*, ImVec2, ImVec2, const ProjectorContext&),
                                   Id (*firstItem)(const Etape&) = nullptr) {
    return {name, Str::ProjectorTitle, {},
            [draw](Views&, ImDrawList* list, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
                return draw(list, min, max, ctx);
            },
            firstItem};
}

class App {
public:
    /// `folder`: the data folder (documents, archive); null: no document button, no archive.
    explicit App(Session& session, store::DataFolder* folder = nullptr);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    AppState& state() { return state_; }
    /// The view state of a screen (`app.view<BoardsView>()`).
    template <class View>
    View& view() { return state_.views.get<View>(); }
    const Session& session() const { return session_; }
    /// The data folder the app writes documents and archives to (null: none).
    void setFolder(store::DataFolder* folder) { folder_ = folder; }

    /// One frame of the console window (menu bar, screens, toasts) in the current ImGui context.
    void drawConsole(Actions& actions, UiRequests& requests);
    /// One frame of the projector window: the audience view of the current activity, full window.
    void drawProjector(UiRequests& requests);
    /// A file dropped on a window: a CSV goes to the registration import of the Inscriptions screen.
    void dropFile(const std::string& path);
    /// Applies the actions and the undo/redo requests of a frame, in order; errors become toasts, and a change
    /// the journal could not save opens a modal. Tells the screens' submissions how their actions went.
    void apply(Actions& actions, UiRequests& requests);
    /// The étape shown at start: the one dated `today`, else `lastUsed` (the one selected when the app last closed)
    /// when it still exists, else the first.
    void startOn(std::optional<Id> lastUsed, Date today);
    /// Asks the app to close, however that is asked (Quitter, the window's close button, Alt+F4, SIGTERM, the
    /// session ending): the next frame takes the keyboard away from the field being edited, so that its edit is
    /// emitted and applied like any other before the loop ends. Asking again changes nothing.
    void requestClose();
    /// True once a close was asked and the frames that commit the field being edited have been drawn and applied.
    bool readyToClose() const { return state_.closingFrames >= 2; }
    /// Shows a message for a few seconds at the bottom of the console.
    void toast(std::string text, bool error = false);
    /// When the next frame is due without any event (issue 30), in seconds from the last console frame: 0 while
    /// closing; the running countdown's next second; a message's end; the room's memory to save; otherwise
    /// FramePacer::kForever (nothing on screen changes by itself).
    double nextFrameIn() const;
    /// Shows the screen registered as `name` (a screenshot, a test): a console tab, or what the projector shows
    /// (« resultats »: the selected étape's first vote); false when there is none.
    bool showScreen(const std::string& name);

    /// Opens participation from phones (issue 12) for the selected étape: the server listens on `host` (every
    /// interface by default) at `port` or the next free one, with `code` (empty: a new random code). A failure is
    /// kept in room().error and returned.
    Status openParticipation(const std::string& host = "0.0.0.0", int port = net::Participation::kDefaultPort,
                             const std::string& code = {});
    /// Where « Ouvrir la participation » listens (tests and the monkey: 127.0.0.1, any free port).
    void setParticipationAddress(std::string host, int port) {
        participationHost_ = std::move(host);
        participationPort_ = port;
    }
    /// How the desktop opens a folder (the platform: xdg-open); without it, only state().openedFolder records it.
    void setOpenFolder(std::function<void(const std::filesystem::path&)> open) { openFolder_ = std::move(open); }
    /// Stops the server (also when the app closes): phones can no longer send.
    void closeParticipation();
    /// The participation server as the screens see it (refreshed each frame).
    const RoomStatus& room() const { return room_; }
    /// The server while participation is open (tests), else null.
    net::Participation* participation() { return participation_ && participation_->running() ? participation_.get() : nullptr; }

private:
    void drawMenuBar(UiRequests& requests);
    void drawShortcuts(UiRequests& requests);
    void drawToasts();
    /// The last undo or redo said, with « Afficher » when it happened on another tab.
    void drawUndone();
    /// Undoes (`redo`: redoes) the last step and says what it did.
    void undoOrRedo(bool redo);
    /// Where the last documents went, with « Ouvrir le dossier ».
    void drawWritten();
    void drawFileMenu(UiRequests& requests);
    /// Documents written: remembered for drawWritten() and said in a toast.
    void written(const store::Outcome& outcome);
    void drawNotices();
    void drawCountdownControls();
    void drawZoomMenu();  // Affichage: the console's zoom (issue 30)
    const Etape* selectedEtape() const;
    const Vote* projectedVote() const;
    const Board* projectedBoard() const;
    /// The vote or board last projected by projector screen `screen` (0: none).
    Id projectedItem(const std::string& screen) const;
    /// What the room sees in [min, max]: the projector screen chosen, or the welcome screen when it has nothing to
    /// show. `input`: the room's window has the keyboard (the wall scrolls).
    /// The room's view in [min, max]; `paperLaid`: the window was cleared to the room's paper (the projector's
    /// window), so the view's own background fill is dropped (issue 30: one blended fill of the screen less).
    void drawAudienceView(ImDrawList* draw, ImVec2 min, ImVec2 max, bool input, bool paperLaid = false);
    /// Does what a screen asked (through the data folder for files); `follow`: actions it brings.
    void handle(Request& request, Actions& follow);
    void saveArchive(Id etape, const std::function<void(const store::Outcome&)>& done);
    /// A refused change: a toast, or the « non enregistrée » modal when the journal failed.
    void refused(const Status& status, std::string change);
    void drawUnsaved();
    /// Copies the server's state into room_ for the screens.
    void refreshRoom();
    /// Runs the phones' pending jobs (their actions go through Session::apply here, on the UI thread) and tells
    /// the server the room's countdown.
    void pumpParticipation();
    void handleParticipation(ParticipationRequest& request);
    /// Saves what the room must remember across a restart into the data folder when it changed: at most once a
    /// second (`now`: at once, when participation closes).
    void saveRoomMemory(bool now);

    Session& session_;
    store::DataFolder* folder_;
    AppState state_;
    Requests requests_;  // what the frame's screens asked, handled in apply()
    std::unique_ptr<net::Participation> participation_;  // made when participation first opens
    RoomStatus room_;
    std::function<void(const std::filesystem::path&)> openFolder_;
    std::string participationHost_ = "0.0.0.0";
    int participationPort_ = net::Participation::kDefaultPort;
    double consoleTime_ = 0;                            // ImGui::GetTime() of the last console frame
    std::uint64_t savedMemory_ = 0;                     // the room memory's version last saved
    std::chrono::steady_clock::time_point memorySavedAt_;
    std::future<std::pair<store::Outcome, std::uint64_t>> memorySave_;  // the save on its way, with its version
};

}  // namespace atelier::ui
