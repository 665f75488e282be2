// Every screen of Atelier: one file each in screens/, each with its own view-state struct, registered in one line
// in app.cpp (screenRegistry). A console screen draws with a ScreenContext: it reads the model through const&,
// emits actions, returns what it asks of the shell as typed requests (project, time the room, write a document,
// save the archive, read a CSV), and keeps drafts and selections in its view struct (STYLE.md §3). A screen
// reports bad input it could not turn into an action in its view's `error`; the shell shows it as a toast.
// A projector screen draws what the room sees into a rectangle from a ProjectorContext.
#pragma once

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <imgui.h>
#include <imgui_internal.h>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/actions.h"
#include "core/archive.h"
#include "core/countdown.h"
#include "core/model.h"
#include "core/registration_import.h"
#include "core/table.h"
#include "net/participation.h"
#include "net/qr.h"
#include "ui/widgets.h"

namespace atelier::store {
class DataFolder;
struct CsvTable;
struct Outcome;
}  // namespace atelier::store

namespace atelier::ui {

// [SECTION] What a screen draws with, and what it asks of the shell

/// Show projector screen `screen` (a registry name: « resultats », « mur »…); `item`: the vote or board it shows.
struct ProjectRequest {
    std::string screen;
    Id item = 0;
};
/// Time the room: the countdown set to `seconds` and started.
struct TimerRequest {
    int seconds = 0;
};
/// Write a document into the data folder's documents/; `written` gets the outcome's message when it succeeded.
struct DocumentRequest {
    std::string fileName;
    std::string content;
    std::function<void(const std::string& message)> written;
    std::string pdf;  // the same document as PDF, written beside it with the same base name (empty: none)
};
/// Save étape `etape` into the capitalisation archive (and its search index); `done` gets the outcome (the shell
/// also shows it as a toast).
struct ArchiveRequest {
    Id etape = 0;
    std::function<void(const store::Outcome& outcome)> done;
};
/// Read the CSV file a user gave; `read` turns its table into actions (run by the shell, once the file is read).
struct CsvRequest {
    std::string path;
    std::function<void(const store::CsvTable& table, Actions& out)> read;
};
/// Show a message to the user (a toast; `error`: in red).
struct MessageRequest {
    std::string text;
    bool error = true;
};
/// Open or close the participation server, give it a new room code, block a device, or choose what phones see.
struct ParticipationRequest {
    enum class Kind { Open, Close, NewCode, Block, Unblock, SetOpen } kind = Kind::Open;
    net::OpenToPhones open;  // SetOpen
    std::string token;       // Block, Unblock
};
/// Write the summary for the participants (HTML, Markdown, CSV of ideas and votes) into DATA/documents/<étape>/:
/// of étape `etape` as it is now, or of `archive` (an archived étape, from the Archive tab).
struct SummaryRequest {
    Id etape = 0;
    std::shared_ptr<const EtapeArchive> archive;
};
/// Write le livret du Tour of one year (nullopt: the whole Tour) from the archives, into documents/livret-….
struct BookletRequest {
    std::optional<int> year;
};
/// Open a folder in the desktop's file manager (where documents were written).
struct OpenFolderRequest {
    std::filesystem::path folder;
};
using Request = std::variant<ProjectRequest, TimerRequest, DocumentRequest, ArchiveRequest, CsvRequest, MessageRequest,
                             ParticipationRequest, SummaryRequest, BookletRequest, OpenFolderRequest>;
using Requests = std::vector<Request>;

/// The participation server as the screens see it, refreshed by the shell each frame (the screens never call
/// the server: they ask through ParticipationRequest).
struct RoomStatus {
    bool running = false;
    std::string code;               // the room code of this opening
    int port = 0;
    std::vector<std::string> urls;  // one per local address (the first is shown first); empty: no network
    size_t phones = 0;              // devices joined since the opening (or the last new code), blocked ones left out
    std::vector<net::DeviceInfo> devices;  // in joining order, blocked ones included
    net::OpenToPhones open;         // what phones see
    std::string error;              // why the last opening failed
};

/// The URL a phone opens for `url` and `code` (what the QR code holds): the page fills the code in.
std::string joinUrl(const std::string& url, const std::string& code);

/// Draws what the room sees into a rectangle (the console's preview of the projector).
using AudienceView = std::function<void(ImDrawList*, ImVec2, ImVec2)>;

/// What a console screen draws with, each frame.
struct ScreenContext {
    const Model& model;
    Id& etape;                   // the selected étape, shared by the screens and shown on the projector
    std::uint64_t revision;      // the session's (caches follow it)
    std::int64_t now;            // seconds since 1970, put into new ideas
    Actions& actions;            // what the frame changes
    Requests& requests;          // what the frame asks of the shell
    store::DataFolder* folder;   // documents and archive; null: no data folder (no document button)
    const AudienceView& preview;  // the projector's view, for a preview
    const RoomStatus& room;      // the participation server
    /// The selected étape; null after saying « no étape selected » in the screen (for screens that need one).
    const Etape* etapeOrNotice() const;
    /// A message the screen kept for the user (its view's `error`), shown as a toast; `error` is emptied.
    void reportError(std::string& error) {
        if (error.empty()) return;
        requests.push_back(MessageRequest{std::move(error)});
        error.clear();
    }
};

/// What a projector screen draws with.
struct ProjectorContext {
    const Model& model;
    const Etape* etape;        // the selected étape (null: none)
    Id item;                   // the vote or board projected (0: none)
    std::uint64_t revision;
    double time;               // ImGui's clock
    bool input;                // the room's window has the keyboard and mouse (not the console's small preview)
    const RoomStatus& room;    // the participation server (« Rejoindre »)
};

// [SECTION] Console: étapes and their programme (etapes.cpp)

struct EtapesView {
    Drafts drafts;
    std::string error;
};

/// The list of étapes (left, with `preview` of the projector under it) and the selected étape's details and
/// programme (middle), editable. `selected` is the étape shown (0: the first).
void drawEtapesScreen(EtapesView& view, ScreenContext& ctx);

/// The editable facts of an étape (number, date, host, theme, venue, kind, status, days).
void drawEtapeHeaderEditor(EtapesView& view, const Model& model, const Etape& etape, Actions& out);

// [SECTION] Console: the network of territories and people (network.cpp)

struct NetworkView {
    Drafts drafts;
    std::string error;
    std::string search;          // accent- and case-insensitive filter
    std::string newTerritory, newDepartment;
    std::string newPerson, newEmail;
    std::optional<Id> newPersonTerritory;
    bool focusTerritory = false, focusPerson = false;  // fields posted with Enter (entryField)
    Submission territorySent, personSent;              // the forms empty once their action is accepted
};

/// Territories (department, membership, étapes hosted) and people (email, territory, institution, role):
/// search, add, edit, delete.
void drawNetworkScreen(NetworkView& view, ScreenContext& ctx);

// [SECTION] Console: the Tour's calendar (calendar.cpp)

struct CalendarView {
    EtapesView editor;  // drafts of the selected étape's editor
    std::string error;
};

/// The étapes by quarter, the Tour tracker (which Cités hosted), warnings, and the list of étapes to create,
/// reorder, delete and edit.
void drawCalendarScreen(CalendarView& view, ScreenContext& ctx);

// [SECTION] Console: registrations, check-in at the door, fees (registrations.cpp)

/// A walk-in asked about at the door (Enter matched nobody): their Cité and institution, set before adding them.
struct WalkInForm {
    std::string name;  // the name asked about: typing anything else cancels the question
    std::optional<Id> territory;
    Institution institution = Institution::Autre;
};

/// A CSV read whose territory names include unknown ones: kept until the facilitator chooses in the dialog.
struct PendingImport {
    TextTable table;
    Id etape = 0;
    std::string file;  // as typed or dropped, for the dialog's text
    std::vector<UnknownTerritory> unknown;
    /// Per unknown name: 0..proposals-1 a proposal, then « Créer », « Laisser sans territoire », « Un autre ».
    std::vector<int> choice;
    std::vector<std::optional<Id>> other;  // per unknown name: the territory of « Un autre territoire »
};

struct RegistrationsView {
    Drafts drafts;
    std::string error;
    std::string importPath;    // CSV to import (typed, or dropped on the window)
    bool importNow = false;    // a file was dropped: import it on the next frame
    std::optional<PendingImport> pendingImport;  // waiting for the territories dialog; nothing written yet
    std::string report;        // the last import's report, or the last document written
    std::string checkin;       // what the person at the door typed
    std::string lastCheckedIn;  // feedback: who was just marked present
    bool focusCheckin = true;   // give the check-in field the keyboard on the next frame
    Submission checkinSent;     // the check-in field empties once its action is accepted
    std::string checkinQuery;   // the name the matches below were listed for
    int checkinChoice = 0;      // the match Enter checks in (Up and Down in the field change it)
    std::optional<WalkInForm> walkIn;  // Enter matched nobody: who to add on the spot, once confirmed
    Submission walkInSent;
    std::string walkInName;  // the walk-in being added, for the feedback
};

/// The registrations of the selected étape with presence, days and fees; a check-in field for the door
/// (three letters of a name, Enter); walk-ins; totals by territory.
void drawRegistrationsScreen(RegistrationsView& view, ScreenContext& ctx);

// [SECTION] Console: votes, ballots and results (votes.cpp)

struct VotesView {
    Drafts drafts;
    std::string error;
    Id selected = 0;  // the vote shown
    // A new vote.
    std::string newQuestion;
    std::string newOptions;  // one proposal per line
    VoteMethod newMethod = VoteMethod::Dot;
    // The ballot being entered (for `draftFor`), or corrected (`correcting` ≠ 0).
    Id draftFor = 0;
    Ballot draft;
    Id correcting = 0;
    bool showOfHands = false;           // dot and approval: one total per option
    std::vector<long long> hands;       // the totals
    bool details = false;               // Schulze matrix shown
    // The forms empty once their action is accepted; refused, they keep what was entered.
    Submission voteSent, ballotSent, handsSent;
};

/// The votes of the selected étape: create one, enter ballots (one per voter or per group with a count, or a
/// show of hands), correct or withdraw them, close the vote, see the results.
void drawVotesScreen(VotesView& view, ScreenContext& ctx);

/// Draws the results of `vote` — ranking as tiers, bars, merit profiles with their medians — into [min, max],
/// scaled to the rectangle (projector and console alike). Hidden results show only the number of ballots.
void drawVoteResults(ImDrawList* draw, ImVec2 min, ImVec2 max, const Vote& vote, bool fillBackground);
/// Projector « resultats »: the results of the projected vote; false when there is none.
bool projectVoteResults(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
/// The vote a projection of results starts with: the étape's first.
Id firstVote(const Etape& etape);

// [SECTION] Console: breakout groups (breakout.cpp)

struct BreakoutView {
    Drafts drafts;
    std::string error;
    int round = 0;          // the round shown (and projected)
    int groups = 0;         // groups to form; 0: about five people a group
    int rounds = 3;
    Id shapeOf = 0;                   // the étape whose saved plan the steppers last followed
    std::pair<int, int> shape{0, 0};  // that plan's groups and rounds (the steppers follow it when it changes)
    std::uint64_t nextSeed = 1;  // the seed of the next mixing (the app draws it at random; tests set it)
    int timeLimitMs = 1000;
    std::int64_t maxIterations = 0;  // tests: deterministic searches
    std::string report;     // the last mixing's statistics
};

/// Forms the groups of every round from the people present (mixer), shows the statistics, lets the facilitator
/// move or swap people by drag and drop, lock, name and place groups, and export the lists.
void drawBreakoutScreen(BreakoutView& view, ScreenContext& ctx);

/// All groups of `round` (name, room, members with their Cité and role) in large type, into [min, max].
void drawGroupsProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& etape, int round);
/// Projector « projecteur-groupes »: the groups of the round shown on the console; false without groups.
bool projectGroups(BreakoutView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);

// [SECTION] Console: icebreakers (icebreaker.cpp)

struct IcebreakerView {
    std::string error;
    std::string deck = "fiertes";
    int rounds = 4;
    int roundSeconds = 180;
    int round = 0;  // the speed-meeting round shown (and projected)
    std::string shownPlan;  // the étape and seed of the plan the steppers were set from (they follow a saved plan)
    std::uint64_t nextSeed = 1;
    int timeLimitMs = 1000;
    std::int64_t maxIterations = 0;
    std::string newQuestion;
    bool focusQuestion = false;
    Submission questionSent;  // the new question's field empties once it is accepted
    std::string questionAdded;  // feedback: the question just added and the deck's new size
};

/// Speed-meeting inter-Cités (prepare the rounds, show who meets whom, time a round), question cards (draw,
/// add questions), « Qui est là ? ».
void drawIcebreakerScreen(IcebreakerView& view, ScreenContext& ctx);

/// Projector: who meets whom in `round`, with the round's prompt.
void drawMeetingProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& etape, int round);
/// Projector: the last question card drawn, in very large type.
void drawCardProjection(ImDrawList* draw, ImVec2 min, ImVec2 max, const Etape& etape);
/// Projector: the people in the room by Cité and by institution, as bars.
void drawWhoIsHere(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape& etape);
/// Projector « projecteur-rencontres », « projecteur-carte », « projecteur-qui-est-la »: false when the étape has
/// no round, no card drawn, or when there is no étape.
bool projectMeeting(IcebreakerView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
bool projectCard(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
bool projectWhoIsHere(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);

// [SECTION] Projector: the room's countdown (countdown.cpp)

/// The countdown in large type in the top-right corner of [min, max] (red in the last minute).
void drawCountdown(ImDrawList* draw, ImVec2 min, ImVec2 max, const Countdown& countdown);
/// Where drawCountdown puts the countdown in [min, max]: the top-right corner. The projector views are drawn
/// below it while it runs (its place is reserved: it never covers a title, a column header, a chart or a card).
ImRect countdownBox(ImVec2 min, ImVec2 max, const Countdown& countdown);
/// Pixels per unit of a 1920×1080 screen for a projector view drawn in [min, max]: the height's, but never under
/// the width's at 16:9 while the view is at most a countdown's band shorter, so that the type keeps its size when
/// the countdown runs (the views share the height left) — issue 29 point 6.
float audienceUnit(ImVec2 min, ImVec2 max);

// [SECTION] Projector: welcome screen of an étape (welcome.cpp)

/// Draws the welcome screen of `etape` (or a placeholder when null) into the rectangle [min, max] of `draw`,
/// scaled to the rectangle: the same call renders the full projector and the console's small preview.
void drawWelcome(ImDrawList* draw, ImVec2 min, ImVec2 max, const Model& model, const Etape* etape);
/// Projector « projector »: the welcome screen of the selected étape (always something to show).
bool projectWelcome(ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);

// [SECTION] Console and projector: idea boards « Mur d'idées » (boards.cpp, wall.cpp)

/// Where the cards of one board go, cached until the board, the width or the filters change: per column, its
/// entries (cluster titles and cards) top to bottom, so that a frame draws only what is on screen.
struct BoardLayout {
    struct Entry {
        Id id = 0;             // the idea, or the cluster for a title
        size_t index = 0;      // its index in the board's ideas (or clusters) when the layout was made
        bool cluster = false;  // a cluster's title (a drop target), not a card
        float y = 0, height = 0;
    };
    std::vector<std::vector<Entry>> columns;
    std::vector<float> heights;  // total height of each column
    std::unordered_map<Id, size_t> clusterSizes;  // ideas shown in each cluster
    size_t shown = 0;            // ideas laid out (the filters let them through)
    std::string key;             // what the layout was computed for
    /// The cards' measured heights, for the last few text sizes: a relayout after one change measures only the
    /// cards whose text changed (measuring every card was 6 ms at 10,000 ideas; placing them is linear and cheap).
    struct Measured {
        const ImFont* font = nullptr;
        float size = 0, wrap = 0, pad = 0;
        std::unordered_map<Id, std::pair<std::uint64_t, float>> cards;  // idea → (its text's hash, height)
        std::uint64_t used = 0;                                          // the layout that used it last
    };
    std::vector<Measured> measured;  // at most kMeasuredSizes, the least recently used replaced
    std::uint64_t layouts = 0;       // layouts made (the clock of `used`)
    size_t remeasured = 0;           // cards the last layout measured (the others' heights were kept)
};

/// Lays out the cards of `board` in columns `width` wide (text of `size` pixels in `font`, `pad` inside cards):
/// loose ideas first, then each cluster's title and its ideas (none for a folded cluster). Only the ideas for
/// which `visible` is true; hidden ideas as blank cards when `blankHidden`; the idea `tall` gets room to edit.
void layoutBoard(BoardLayout& layout, const Board& board, float width, ImFont* font, float size, float pad,
                 const std::function<bool(const Idea&)>& visible, const std::vector<Id>& collapsed, bool blankHidden,
                 Id tall);
/// Index of the first entry of a column that reaches below `top`.
size_t firstVisible(const std::vector<BoardLayout::Entry>& entries, float top);

struct BoardsView {
    Drafts drafts;
    std::string error;
    Id selected = 0;  // the board shown (0: the first)
    // Quick entry.
    std::string group = "Groupe 1";  // the group posting (free label: its colour derives from it)
    std::string author;
    std::string draft;
    Id category = 0;                 // the column new ideas go to (0: the first)
    bool focusEntry = true;          // give the entry field the keyboard on the next frame
    std::vector<std::string> pasted;  // lines pasted at once, waiting for confirmation
    // Organising.
    std::string filterGroup;  // empty: every group
    std::string search;       // accent- and case-insensitive
    Id editing = 0;           // the card being edited in place
    std::string editDraft;
    bool focusEdit = false;
    Id marked = 0;                  // the idea chosen to absorb another (« Fusionner dans… »)
    std::vector<Id> collapsed;      // folded clusters (view state, never in the model)
    std::string newBoard, newCategory, newCluster;
    Id newClusterColumn = 0;
    // The forms empty once their action is accepted; refused, they keep what was typed.
    Submission entrySent, pasteSent, boardSent, categorySent, clusterSent;
    BoardLayout layout;
    std::uint64_t searchRevision = ~0ull;  // the search's cache
    std::string searchKey;
    std::vector<Id> matches;
};

/// The idea boards of the selected étape: quick entry (Enter posts, several pasted lines post one idea each
/// after a confirmation), columns of cards coloured by group, drag and drop between columns and into clusters
/// (Ctrl held: merge into the card dropped on), edit in place, delete, filters, hidden mode, practices.
/// `revision` is the session's (caches follow it); `now` is the current time put into new ideas.
void drawBoardsScreen(BoardsView& view, ScreenContext& ctx);

/// The projector's view of a board: scroll and zoom, the ideas seen so far and when they appeared.
struct WallView {
    float scroll = 0;  // in units of the 1080-pixel-high screen
    float zoom = 1.0f;  // × the fitted size (1: the size that fits the ideas shown)
    int focus = -1;     // the column shown alone, across the screen in several sub-columns (-1: every column)
    float fitted = 40.0f;  // the text size, in units, at which the ideas shown fit the screen (kept between changes)
    BoardLayout layout;
    std::uint64_t revision = ~0ull;
    std::vector<std::pair<Id, double>> appeared;  // ideas first seen after the view opened, and when
    std::vector<Id> known;                         // sorted ids seen so far
    bool primed = false;
};

/// Seconds a new idea stays highlighted on the projector.
inline constexpr double kNewIdeaHighlight = 4.0;

/// Draws `board` for the room into [min, max]: columns fitting the width, cluster titles, cards in large type
/// (blank while hidden), the ideas posted in the last seconds highlighted; only what is on screen is drawn.
/// `now` is ImGui's clock (the highlight), `revision` the session's.
void drawBoardWall(ImDrawList* draw, ImVec2 min, ImVec2 max, const Board& board, WallView& view,
                   std::uint64_t revision, double now);

/// Text size of the wall's ideas, in units of a 1080-pixel-high screen: fitted to the ideas shown between these.
/// The wall's smallest idea size in units (it scrolls below): an absorbed idea's line (0.9 of it) stays at 24 px at
/// 720p, the group names (0.75) at 18 px — issue 29 point 6.
inline constexpr float kWallSmallest = 40.0f;
inline constexpr float kWallLargest = 64.0f;

/// Projector « mur »: the projected board; with `ctx.input`, the wheel and arrows scroll, Ctrl+wheel and + / −
/// zoom (0 back to the fitted size), the digits 1–9 show one column alone, 0 or the same digit every column.
/// False when the board is gone.
bool projectWall(WallView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
/// The board a projection of the wall starts with: the étape's first.
Id firstBoard(const Etape& etape);

// [SECTION] Console and projector: participation from phones (participation.cpp)

struct ParticipationView {
    std::string error;
    std::string qrText;  // what `qr` encodes (re-encoded when the URL or the code changes)
    net::QrCode qr;
};

/// Opens and closes participation, shows the room code, the addresses and the QR code, chooses the board and the
/// vote open to phones (they follow the selected étape), lists phones per group and devices (block one).
void drawParticipationScreen(ParticipationView& view, ScreenContext& ctx);
/// Projector « rejoindre »: the QR code large, the address and the code in very large type, phones connected;
/// false when participation is closed.
bool projectJoin(ParticipationView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx);
/// Draws `qr` as dark squares on white with its quiet zone, module size a whole number of pixels, centred in the
/// square [min, min + side].
void drawQr(ImDrawList* draw, ImVec2 min, float side, const net::QrCode& qr);

/// The colour of a group's cards, derived from its label (the same label always gives the same colour).
ImU32 groupColour(std::string_view group);

}  // namespace atelier::ui

// [SECTION] Console: the capitalisation archive (archive.cpp)

namespace atelier::store {
struct ArchiveListing;
struct IdeaHit;
}  // namespace atelier::store

namespace atelier::ui {

struct ArchiveView {
    bool refresh = true;            // list the archives again on the next frame
    std::uint64_t listedSaves = 0;  // the data folder's saves when listed (a save elsewhere lists again)
    std::shared_ptr<std::vector<store::ArchiveListing>> listings;  // the archived étapes, by folder
    std::string search;                                            // the search box
    std::string searched;                                          // what `hits` were found for
    std::shared_ptr<std::vector<store::IdeaHit>> hits;
    int open = -1;        // the archive shown read-only (index in listings), -1: none
    std::string message;  // the last save, or the last error
    bool error = false;
    /// The archive `open` being parsed off the UI thread (the list itself comes from the index, unparsed).
    std::shared_ptr<std::future<store::ArchiveListing>> loading;
    int loadingIndex = -1;
};

/// The archived étapes (date, host, theme, people, ideas, votes), « Enregistrer dans l'archive » for the selected
/// étape, a search over the ideas of every archive (accents and case ignored), one archive shown read-only.
void drawArchiveScreen(ArchiveView& view, ScreenContext& ctx);

}  // namespace atelier::ui
