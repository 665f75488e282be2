// [SECTION] Registry of screens
// [SECTION] Console frame: menus, shortcuts, screens, toasts
// [SECTION] Projector frame
// [SECTION] Applying a frame's actions

#include "ui/app.h"

#include "ui/frame_pacer.h"
#include "ui/wake.h"

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cctype>
#include <cmath>
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: closing commits the field being edited
#include <iterator>
#include <random>
#include <variant>

#include "core/archive.h"
#include "core/practices.h"
#include "core/strings.h"
#include "export/booklet.h"
#include "export/documents.h"
#include "export/groups.h"
#include "export/summary.h"
#include "store/archive.h"
#include "store/csv.h"
#include "store/data_folder.h"
#include "store/photos.h"
#include "ui/fonts.h"
#include "ui/keys.h"
#include "ui/probe.h"
#include "ui/scale.h"
#include "ui/screens/essaimage.h"
#include "ui/theme.h"

namespace atelier::ui {

// [SECTION] Registry of screens

namespace {
std::int64_t secondsSinceEpoch() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

const Etape* ScreenContext::etapeOrNotice() const {
    const Etape* e = model.etape(etape);
    if (!e) ImGui::TextDisabled("%s", tr(Str::NoEtapeSelected));
    return e;
}

const std::vector<ScreenEntry>& screenRegistry() {
    // The only list of screens, in the console's tab order: one line per screen (its file in screens/).
    static const std::vector<ScreenEntry> kScreens = {
        consoleScreen("console", Str::TabEtapes, drawEtapesScreen),                // étapes, programme
        consoleScreen("reseau", Str::TabReseau, drawNetworkScreen),                 // territories, people
        consoleScreen("calendrier", Str::TabCalendrier, drawCalendarScreen),     // the Tour's calendar
        consoleScreen("inscriptions", Str::TabInscriptions, drawRegistrationsScreen),  // registrations, door
        consoleScreen("brise-glace", Str::TabBriseGlace, drawIcebreakerScreen),    // icebreakers
        consoleScreen("groupes", Str::TabGroupes, drawBreakoutScreen),              // breakout groups
        consoleScreen("idees", Str::TabIdees, drawBoardsScreen),                    // idea boards
        consoleScreen("votes", Str::TabVotes, drawVotesScreen),                    // ballots, results
        projectorScreen("projector", projectWelcome),                              // welcome
        projectorScreen("resultats", projectVoteResults, firstVote),               // a vote's results
        projectorScreen("projecteur-groupes", projectGroups),                      // the groups of a round
        projectorScreen("projecteur-rencontres", projectMeeting),                  // speed-meeting pairs
        projectorScreen("projecteur-carte", projectCard),                          // a question card
        projectorScreen("projecteur-qui-est-la", projectWhoIsHere),                // who is in the room
        projectorScreen("mur", projectWall, firstBoard),                           // an idea board
        consoleScreen("archive", Str::TabArchive, drawArchiveScreen),              // archived étapes
        consoleScreen("participation", Str::TabParticipation, drawParticipationScreen),  // phones in the room
        projectorScreen("rejoindre", projectJoin),                                 // the QR code to join
        consoleScreen("bibliotheque", Str::TabBibliotheque, drawLibraryScreen),    // the library of practices
        consoleScreen("actions-phares", Str::TabActionsPhares, drawActionsPharesScreen),  // the host's showcase
        consoleScreen("evaluation", Str::TabEvaluation, drawEvaluationScreen),     // the evaluation of the day
        projectorScreen("projecteur-decouverte", projectDecouverte, firstActionPhare),  // one action-phare
        projectorScreen("projecteur-pratiques", projectPractices),                 // cards of the library
        projectorScreen("projecteur-evaluation", projectEvaluation),               // the evaluation's results
    };
    return kScreens;
}

const ScreenEntry* findScreen(std::string_view name) {
    for (const ScreenEntry& e : screenRegistry())
        if (name == e.name) return &e;
    return nullptr;
}

App::App(Session& session, store::DataFolder* folder) : session_(session), folder_(folder) {
    if (!session_.model().etapes.empty()) state_.selectedEtape = session_.model().etapes.front().id;
    // Kept in the plan, so that a plan can be told apart and replayed.
    view<BreakoutView>().nextSeed = std::random_device{}();
    view<IcebreakerView>().nextSeed = std::random_device{}();
}

App::~App() {
    closeParticipation();  // no phone writes once the app is gone
    forgetWaiting();
}

void App::dropFile(const std::string& path) {
    // A photo dropped on the Actions-phares tab goes to the photo field of the action-phare under the mouse.
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (state_.screen == "actions-phares" && (extension == ".png" || extension == ".jpg" || extension == ".jpeg")) {
        view<ActionsPharesView>().dropped = path;
        return;
    }
    RegistrationsView& inscriptions = view<RegistrationsView>();
    inscriptions.importPath = path;
    inscriptions.importNow = true;
    state_.screen = "inscriptions";
    state_.selectScreen = true;
}

bool App::showScreen(const std::string& name) {
    const ScreenEntry* e = findScreen(name);
    if (!e) return false;
    if (!e->projector()) {
        state_.screen = e->name;
        state_.selectScreen = true;
        return true;
    }
    state_.projector = e->name;
    if (e->firstItem)
        if (const Etape* etape = selectedEtape()) state_.projected[e->name] = e->firstItem(*etape);
    return true;
}

Id App::projectedItem(const std::string& screen) const {
    const auto it = state_.projected.find(screen);
    return it == state_.projected.end() ? 0 : it->second;
}

const Vote* App::projectedVote() const {
    const Id id = projectedItem("resultats");
    for (const Etape& e : session_.model().etapes)
        if (const int i = indexOf(e.votes, id); i >= 0) return &e.votes[static_cast<size_t>(i)];
    return nullptr;
}

const Board* App::projectedBoard() const {
    const Id id = projectedItem("mur");
    for (const Etape& e : session_.model().etapes)
        if (const Board* b = e.board(id)) return b;
    return nullptr;
}

const Etape* App::selectedEtape() const { return session_.model().etape(state_.selectedEtape); }

void App::toast(std::string text, bool error) {
    state_.toasts.push_back({std::move(text), ImGui::GetCurrentContext() ? ImGui::GetTime() + 5.0 : 5.0, error});
    if (state_.toasts.size() > 4) state_.toasts.erase(state_.toasts.begin());
}

// [SECTION] Console frame: menus, shortcuts, screens, toasts

void App::drawShortcuts(UiRequests& requests) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(kKeyF5, false)) requests.toggleProjector = true;
    if (ImGui::IsKeyPressed(kKeyF6, false)) state_.countdown.toggle();
    if (ImGui::IsKeyPressed(kKeyF7, false)) state_.countdown.addMinute();
    if (ImGui::IsKeyPressed(kKeyF8, false)) state_.countdown.reset(state_.countdown.durationSeconds());
    if ((state_.projectorInConsole || state_.projectorFullscreen) &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        requests.leaveProjector = true;
    if (!io.KeyCtrl) return;
    // The console's zoom (issue 30), also while typing: Ctrl+= or Ctrl++ bigger, Ctrl+− smaller, Ctrl+0 back to
    // the screen's own scale. The platform bakes the fonts again before the next frame.
    if (ImGui::IsKeyPressed(kKeyEqual, false) || ImGui::IsKeyPressed(kKeyPadAdd, false)) state_.zoom = zoomIn(state_.zoom);
    if (ImGui::IsKeyPressed(kKeyMinus, false) || ImGui::IsKeyPressed(kKeyPadSubtract, false))
        state_.zoom = zoomOut(state_.zoom);
    if (ImGui::IsKeyPressed(kKey0, false) || ImGui::IsKeyPressed(kKeyPad0, false)) state_.zoom = kZoomDefault;
    // Text fields keep Ctrl+Z for their own text, except an empty one that has nothing of its own to undo: right
    // after Enter in the quick idea box or at the door, Ctrl+Z undoes what Enter did.
    if (io.WantTextInput) {
        const ImGuiInputTextState* field = ImGui::GetInputTextState(ImGui::GetActiveID());
        if (!field || field->CurLenA != 0 || field->Stb.undostate.undo_point != 0) return;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) requests.redo = true;
        else requests.undo = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) requests.redo = true;
}

void App::drawFileMenu(UiRequests& requests) {
    if (ImGui::BeginMenu(tr(Str::MenuFile))) {
        // The documents of the étape selected on the console, written into the data folder's documents/.
        const Etape* e = selectedEtape();
        const bool can = e && folder_;
        const std::string number = e ? std::to_string(e->header.number) : "";
        if (ImGui::MenuItem(fmt(Str::MenuSummary, {number}).c_str(), nullptr, false, can))
            requests_.push_back(SummaryRequest{e->id, nullptr});
        probe::mark("menu.summary");
        struct Doc {
            Str label;
            const char* kind;
            std::string (*render)(const Model&, const Etape&);
            std::string (*pdf)(const Model&, const Etape&);  // null: HTML only
            bool needsGroups;
        };
        const Doc docs[] = {
            {Str::MenuAttendance, "emargement", exporting::attendanceSheetHtml, exporting::attendanceSheetPdf, false},
            {Str::MenuFees, "frais", exporting::feeStatementHtml, exporting::feeStatementPdf, false},
            {Str::MenuGroupLists, "groupes", exporting::groupsHtml, nullptr, true}};
        for (const Doc& d : docs) {
            const bool enabled = can && (!d.needsGroups || !e->groups.empty());
            if (ImGui::MenuItem(tr(d.label), nullptr, false, enabled))
                requests_.push_back(DocumentRequest{exporting::documentFileName(*e, d.kind),
                                                    d.render(session_.model(), *e), {},
                                                    d.pdf ? d.pdf(session_.model(), *e) : std::string()});
            probe::mark(std::string("menu.") + d.kind);
        }
        // Le livret du Tour, from the archives: the selected étape's year, or the whole Tour.
        ImGui::Separator();
        const std::string year = e ? std::to_string(e->header.date.year) : "";
        if (ImGui::MenuItem(fmt(Str::MenuBookletYear, {year}).c_str(), nullptr, false, can))
            requests_.push_back(BookletRequest{e->header.date.year});
        probe::mark("menu.livret-annee");
        if (ImGui::MenuItem(tr(Str::MenuBookletTour), nullptr, false, folder_ != nullptr))
            requests_.push_back(BookletRequest{std::nullopt});
        probe::mark("menu.livret-tour");
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Str::MenuOpenDocuments), nullptr, false, folder_ != nullptr))
            requests_.push_back(OpenFolderRequest{folder_->documentsDir()});
        probe::mark("menu.open-documents");
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Str::MenuQuit))) requests.quit = true;
        probe::mark("menu.quit");
        ImGui::EndMenu();
    }
    probe::mark("menu.file");
}

void App::drawMenuBar(UiRequests& requests) {
    if (!ImGui::BeginMenuBar()) return;
    drawFileMenu(requests);
    if (ImGui::BeginMenu(tr(Str::MenuEdit))) {
        const std::string undo =
            session_.canUndo() ? fmt(Str::MenuUndoLabel, {session_.undoLabel()}) : std::string(tr(Str::MenuUndo));
        const std::string redo =
            session_.canRedo() ? fmt(Str::MenuRedoLabel, {session_.redoLabel()}) : std::string(tr(Str::MenuRedo));
        if (ImGui::MenuItem(undo.c_str(), tr(Str::ShortcutUndo), false, session_.canUndo())) requests.undo = true;
        probe::mark("menu.undo");
        if (ImGui::MenuItem(redo.c_str(), tr(Str::ShortcutRedo), false, session_.canRedo())) requests.redo = true;
        probe::mark("menu.redo");
        ImGui::EndMenu();
    }
    probe::mark("menu.edit");
    if (ImGui::BeginMenu(tr(Str::MenuView))) {
        const bool showing = state_.projectorFullscreen || state_.projectorInConsole;
        if (ImGui::MenuItem(tr(showing ? Str::MenuProjectorLeave : Str::MenuProjectorFull), tr(Str::ShortcutProjector)))
            requests.toggleProjector = true;
        if (ImGui::MenuItem(tr(Str::ProjectWelcome), nullptr, state_.projector == "projector"))
            state_.projector = "projector";
        probe::mark("menu.project-welcome");
        if (ImGui::MenuItem(tr(Str::ProjectResults), nullptr, state_.projector == "resultats",
                            projectedVote() != nullptr))
            state_.projector = "resultats";
        if (ImGui::MenuItem(tr(Str::ProjectBoard), nullptr, state_.projector == "mur", projectedBoard() != nullptr))
            state_.projector = "mur";
        // The essaimage: the host's actions-phares, the library's cards, the evaluation's results.
        const Etape* shown = selectedEtape();
        if (ImGui::MenuItem(tr(Str::ProjectDecouverte), nullptr, state_.projector == "projecteur-decouverte",
                            shown && !shown->actionsPhares.empty()))
            showScreen("projecteur-decouverte");
        probe::mark("menu.project-decouverte");
        if (ImGui::MenuItem(tr(Str::ProjectPractices), nullptr, state_.projector == "projecteur-pratiques",
                            !libraryPractices(session_.model()).empty()))
            state_.projector = "projecteur-pratiques";
        probe::mark("menu.project-pratiques");
        if (ImGui::MenuItem(tr(Str::ProjectEvaluation), nullptr, state_.projector == "projecteur-evaluation",
                            shown && !shown->evaluation.questions.empty()))
            state_.projector = "projecteur-evaluation";
        probe::mark("menu.project-evaluation");
        if (state_.projector == "mur") {
            WallView& mur = view<WallView>();
            // One column alone across the screen (the digits on the projector), or every column (0).
            if (const Board* board = projectedBoard()) {
                if (ImGui::MenuItem(tr(Str::WallAllColumns), "0", mur.focus < 0)) mur.focus = -1, mur.scroll = 0;
                for (size_t c = 0; c < board->categories.size(); ++c) {
                    const std::string label = fmt(Str::WallOneColumn, {board->categories[c].name});
                    const std::string key = c < 9 ? std::to_string(c + 1) : std::string();
                    if (ImGui::MenuItem(label.c_str(), key.c_str(), mur.focus == static_cast<int>(c)))
                        mur.focus = static_cast<int>(c), mur.scroll = 0;
                    probe::mark("menu.wall-column." + std::to_string(c));
                }
            }
            ImGui::SetNextItemWidth(em(11.0f));
            ImGui::SliderFloat("##mur-zoom", &mur.zoom, 0.5f, 2.5f, tr(Str::BoardZoom));
            ImGui::SetNextItemWidth(em(11.0f));
            ImGui::DragFloat("##mur-scroll", &mur.scroll, 4.0f, 0.0f, 1e6f, tr(Str::BoardScroll));
        }
        if (state_.monitors.size() > 1) {
            if (ImGui::BeginMenu(tr(Str::MenuMonitor))) {
                const int current = state_.projectorMonitor >= 0 ? state_.projectorMonitor : 1;
                for (size_t i = 0; i < state_.monitors.size(); ++i) {
                    const MonitorInfo& m = state_.monitors[i];
                    const std::string label = fmt(Str::MenuMonitorItem, {std::to_string(i + 1), m.name,
                                                                         std::to_string(m.width), std::to_string(m.height)});
                    if (ImGui::MenuItem(label.c_str(), nullptr, current == static_cast<int>(i)))
                        requests.monitor = static_cast<int>(i);
                }
                ImGui::EndMenu();
            }
        } else {
            ImGui::TextDisabled("%s", tr(Str::MenuSingleScreen));
        }
        drawZoomMenu();
        ImGui::EndMenu();
    }
    drawCountdownControls();
    ImGui::EndMenuBar();
}

void App::drawZoomMenu() {
    ImGui::Separator();
    const int zoom = state_.zoom;
    if (ImGui::MenuItem(tr(Str::MenuZoomIn), tr(Str::ShortcutZoomIn), false, zoomIn(zoom) != zoom))
        state_.zoom = zoomIn(zoom);
    probe::mark("menu.zoom-in");
    if (ImGui::MenuItem(tr(Str::MenuZoomOut), tr(Str::ShortcutZoomOut), false, zoomOut(zoom) != zoom))
        state_.zoom = zoomOut(zoom);
    probe::mark("menu.zoom-out");
    if (ImGui::MenuItem(tr(Str::MenuZoomReset), tr(Str::ShortcutZoomReset), false, zoom != kZoomDefault))
        state_.zoom = kZoomDefault;
    probe::mark("menu.zoom-reset");
    ImGui::TextDisabled("%s", fmt(Str::ZoomLevel, {std::to_string(zoom)}).c_str());
    const int screen = static_cast<int>(std::lround(state_.contentScale * 100.0f));
    if (screen != 100) ImGui::TextDisabled("%s", fmt(Str::ZoomScreenScale, {std::to_string(screen)}).c_str());
}

void App::drawCountdownControls() {
    Countdown& c = state_.countdown;
    if (ImGui::BeginMenu(tr(Str::MenuCountdown))) {
        for (int minutes : {2, 3, 5, 10, 15, 20, 30, 45, 60})
            if (ImGui::MenuItem(fmt(Str::CountdownPreset, {std::to_string(minutes)}).c_str(), nullptr,
                                c.durationSeconds() == minutes * 60))
                c.reset(minutes * 60);
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr(Str::CountdownShortcuts));
        ImGui::EndMenu();
    }
    probe::mark("menu.countdown");
    ImGui::PushStyleColor(ImGuiCol_Text, c.lastMinute() ? console::vec(console::kError) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
    ImGui::TextUnformatted(c.text().c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(tr(c.running() ? Str::CountdownPause : Str::CountdownStart))) c.toggle();
    probe::mark("countdown.toggle");
    if (ImGui::SmallButton(tr(Str::CountdownAddMinute))) c.addMinute();
    probe::mark("countdown.add");
    if (ImGui::SmallButton(tr(Str::CountdownReset))) c.reset(c.durationSeconds());
    probe::mark("countdown.reset");
}

void App::written(const store::Outcome& outcome) {
    const std::filesystem::path folder =
        std::filesystem::is_directory(outcome.file) ? outcome.file : outcome.file.parent_path();
    state_.written = AppState::Written{folder, outcome.message};
    toast(outcome.message);
}

void App::drawWritten() {
    if (!state_.written) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + em(0.9f), viewport->Pos.y + viewport->Size.y - em(0.9f)),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(em(34.5f), viewport->Size.x * 0.5f), FLT_MAX));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                        ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##written", nullptr, kFlags)) {
        ImGui::PushTextWrapPos(std::min(em(33.25f), viewport->Size.x * 0.5f - em(1.1f)));
        ImGui::TextUnformatted(state_.written->message.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(tr(Str::OpenFolder))) requests_.push_back(OpenFolderRequest{state_.written->folder});
        probe::mark("written.open");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::WrittenDismiss))) state_.written.reset();
        probe::mark("written.close");
    }
    ImGui::End();
}

double App::nextFrameIn() const {
    if (state_.closingFrames >= 0) return 0.0;
    double next = FramePacer::kForever;
    const auto sooner = [&](double in) { next = std::min(next, std::max(0.0, in)); };
    constexpr double kLate = 0.005;  // just after the moment, so that the frame sees it passed
    if (state_.countdown.running()) {
        double ms = std::fmod(state_.countdown.remainingMs(), 1000.0);  // the seconds shown change then
        if (ms <= 0.0) ms = 1000.0;
        sooner(ms / 1000.0 + kLate);
    }
    for (const AppState::Toast& t : state_.toasts) sooner(t.until - consoleTime_ + kLate);
    if (state_.undone) sooner(state_.undone->until - consoleTime_ + kLate);
    if (participation_ && participation_->running() && participation_->memoryVersion() != savedMemory_ &&
        !memorySave_.valid()) {  // saved at most once a second: the next save's time
        const double since = std::chrono::duration<double>(std::chrono::steady_clock::now() - memorySavedAt_).count();
        sooner(1.0 - since + kLate);
    }
    return next;
}

void App::drawToasts() {
    const double now = ImGui::GetTime();
    std::erase_if(state_.toasts, [&](const AppState::Toast& t) { return t.until < now; });
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    float y = display.y - em(0.9f);
    for (auto it = state_.toasts.rbegin(); it != state_.toasts.rend(); ++it) {
        const float wrap = std::min(em(31.0f), display.x - em(2.25f));
        const ImVec2 size = ImGui::CalcTextSize(it->text.c_str(), nullptr, false, wrap);
        const ImVec2 max(display.x - em(0.9f), y), min(max.x - size.x - em(1.35f), y - size.y - em(0.9f));
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        draw->AddRectFilled(min, max, it->error ? console::kToastError : console::kToast, em(0.35f));
        draw->AddText(nullptr, 0.0f, ImVec2(min.x + em(0.65f), min.y + em(0.45f)), IM_COL32_WHITE, it->text.c_str(),
                      nullptr, wrap);
        y = min.y - em(0.45f);
    }
}

namespace {

/// The console screen where `action` is made (a registry name), for « Afficher » after an undo.
std::string screenOf(const Action& action) {
    const std::string_view name = actionName(action);
    auto has = [&](std::string_view part) { return name.find(part) != std::string_view::npos; };
    if (has("Evaluation")) return "evaluation";
    if (has("ActionPhare")) return "actions-phares";
    if (name == "SetPractice" || has("Board") || has("Categor") || has("Idea") || has("Cluster") || has("Reveal"))
        return "idees";
    if (has("Practice") || has("FollowUp")) return "bibliotheque";
    if (has("Ballot") || has("Vote")) return "votes";
    if (has("Registration")) return "inscriptions";
    if (has("Group") || has("Member") || has("Round")) return "groupes";
    if (has("Deck") || has("Question") || has("Card") || has("Icebreaker")) return "brise-glace";
    if (has("Territory") || has("Person") || has("Settings") || has("DayRate")) return "reseau";
    if (has("Etape") || has("Programme")) return "console";
    return {};
}

}  // namespace

void App::undoOrRedo(bool redo) {
    const std::string label = redo ? session_.redoLabel() : session_.undoLabel();
    const std::vector<Action>& step = redo ? session_.redoActions() : session_.undoActions();
    if (label.empty() && step.empty()) return;  // nothing to undo: nothing to say either
    const std::string screen = step.empty() ? std::string() : screenOf(step.front());
    const Status s = redo ? session_.redo() : session_.undo();
    if (!s) return refused(s, fmt(redo ? Str::UnsavedRedo : Str::UnsavedUndo, {label}));
    const double now = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    state_.undone = AppState::Undone{fmt(redo ? Str::RedoneSaid : Str::UndoneSaid, {label}), screen, now + 6.0};
}

void App::drawUndone() {
    if (!state_.undone) return;
    if (ImGui::GetTime() > state_.undone->until) {
        state_.undone.reset();
        return;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(em(0.9f), display.y - em(0.9f)), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.95f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                        ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##undone", nullptr, kFlags)) {
        ImGui::PushTextWrapPos(std::min(em(31.0f), display.x * 0.5f));
        ImGui::TextUnformatted(state_.undone->text.c_str());
        ImGui::PopTextWrapPos();
        probe::mark("undone.text");
        const std::string& screen = state_.undone->screen;
        if (!screen.empty() && screen != state_.screen) {
            const ScreenEntry* entry = findScreen(screen);
            if (entry && ImGui::Button(fmt(Str::UndoneShow, {tr(entry->title)}).c_str())) {
                showScreen(screen);
                state_.undone.reset();
            }
            probe::mark("undone.show");
        }
    }
    ImGui::End();
}

void App::drawNotices() {
    if (state_.notices.empty()) return;
    const char* title = tr(Str::ReplaySkippedTitle);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(em(40.0f), display.x - em(2.25f)), 0.0f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title, nullptr)) {
        const float height = std::min(display.y * 0.5f, ImGui::GetTextLineHeightWithSpacing() * 3.0f *
                                                            static_cast<float>(state_.notices.size()));
        ImGui::BeginChild("##notices", ImVec2(0.0f, height));
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& n : state_.notices) ImGui::TextUnformatted(n.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        if (ImGui::Button(tr(Str::NoticeUnderstood))) {
            state_.notices.clear();
            ImGui::CloseCurrentPopup();
        }
        probe::mark("notices.ok");
        ImGui::EndPopup();
    }
}

void App::startOn(std::optional<Id> lastUsed, Date today) {
    const Model& m = session_.model();
    for (const Etape& e : m.etapes)
        if (e.header.date == today) {
            state_.selectedEtape = e.id;
            return;
        }
    if (lastUsed && m.etape(*lastUsed)) state_.selectedEtape = *lastUsed;
}

void App::requestClose() {
    if (state_.closingFrames < 0) state_.closingFrames = 0;
}

void App::drawConsole(Actions& actions, UiRequests& requests) {
    if (state_.closingFrames >= 0) {
        // Closing: the field being edited loses the keyboard as if the user had clicked elsewhere, so this frame
        // emits its edit (IsItemDeactivatedAfterEdit) and apply() saves it before the loop ends.
        ImGui::ClearActiveID();
        ++state_.closingFrames;
    }
    consoleTime_ = ImGui::GetTime();
    forgetInactiveTextState();  // before any field: no stale per-field undo on a text changed behind its back
    refreshRoom();
    state_.countdown.tick(ImGui::GetIO().DeltaTime * 1000.0);
    drawShortcuts(requests);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kFill = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (state_.projectorInConsole) {
        // Single screen: the projector view fills the console until Esc or F5.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("##projector-in-console", nullptr, kFill);
        const ImVec2 min = ImGui::GetWindowPos();
        const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
        drawAudienceView(ImGui::GetWindowDrawList(), min, max, true);
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + em(2.25f), max.y - em(1.65f)), console::kMuted,
                                            tr(Str::ProjectorInConsoleHint));
        ImGui::End();
        ImGui::PopStyleVar();
        drawUnsaved();
        drawToasts();
        return;
    }
    // No background of its own: the platform clears the window to the same colour (one fill of the whole window
    // less per frame, which software OpenGL pays on the CPU: issue 30).
    ImGui::Begin("##console", nullptr, kFill | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBackground);
    drawMenuBar(requests);
    if (ImGui::BeginTabBar("##screens")) {
        for (const ScreenEntry& entry : screenRegistry()) {
            if (entry.projector()) continue;
            const bool select = state_.selectScreen && state_.screen == entry.name;
            const bool open = ImGui::BeginTabItem(tr(entry.title), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
            probe::mark(std::string("tab.") + entry.name);
            if (!open) continue;
            if (!state_.selectScreen) state_.screen = entry.name;
            const AudienceView preview = [this](ImDrawList* draw, ImVec2 min, ImVec2 max) {
                drawAudienceView(draw, min, max, false);
            };
            ScreenContext ctx{session_.model(), state_.selectedEtape, session_.revision(), secondsSinceEpoch(),
                              actions, requests_, folder_, preview, room_};
            entry.draw(state_.views, ctx);
            ImGui::EndTabItem();
        }
        state_.selectScreen = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
    drawWritten();
    drawUnsaved();
    drawToasts();
    drawUndone();
    drawNotices();
}

void App::drawUnsaved() {
    constexpr const char* kId = "##unsaved";
    AppState::Unsaved& u = state_.unsaved;
    if (u.open && !ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(40.0f), viewport->Size.x - em(2.25f)), 0));
    if (!ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kError));
    heading(tr(Str::UnsavedTitle));
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(fmt(Str::UnsavedBody, {u.change}).c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::UnsavedCauses));
    ImGui::Spacing();
    const std::filesystem::path dir = folder_ ? folder_->dir() : std::filesystem::path();
    ImGui::TextUnformatted(dir.empty() ? tr(Str::UnsavedWhatNoDir) : fmt(Str::UnsavedWhat, {dir.string()}).c_str());
    ImGui::Spacing();
    ImGui::TextDisabled("%s", fmt(Str::UnsavedDetail, {u.error}).c_str());
    if (u.count > 1) ImGui::TextUnformatted(fmt(Str::UnsavedMore, {std::to_string(u.count)}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::UnsavedOk), ImVec2(em(11.0f), 0))) {
        u = AppState::Unsaved{};
        ImGui::CloseCurrentPopup();
    }
    probe::mark("unsaved.ok");
    ImGui::EndPopup();
}

// [SECTION] Projector frame

void App::drawProjector(UiRequests& requests) {
    refreshRoom();
    if (ImGui::IsKeyPressed(kKeyF5, false)) requests.toggleProjector = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) requests.leaveProjector = true;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // The views paint their own background: the window adds none (issue 30).
    ImGui::Begin("##projector", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    const ImVec2 min = viewport->Pos;
    const ImVec2 max(min.x + viewport->Size.x, min.y + viewport->Size.y);
    drawAudienceView(ImGui::GetWindowDrawList(), min, max, true, true);
    ImGui::End();
    ImGui::PopStyleVar();
}

void App::drawAudienceView(ImDrawList* draw, ImVec2 min, ImVec2 max, bool input, bool paperLaid) {
    const ProjectorContext ctx{session_.model(), selectedEtape(), projectedItem(state_.projector), session_.revision(),
                               ImGui::GetTime(), input, room_};
    const ScreenEntry* entry = findScreen(state_.projector);
    setPhotoRoot(folder_ ? folder_->dir() : std::filesystem::path());  // the actions-phares' photos
    // While the countdown runs, its place is reserved: the view is drawn in the band below it.
    ImVec2 viewMin = min;
    const bool countdown = state_.countdown.active();
    const ImRect box = countdown ? countdownBox(min, max, state_.countdown) : ImRect();
    if (countdown) {
        viewMin.y = box.Max.y + 8.0f;
        if (!paperLaid) draw->AddRectFilled(min, ImVec2(max.x, viewMin.y), projector::kBackground);  // the band
    }
    const int firstVertex = draw->VtxBuffer.Size;
    if (!entry || !entry->projector() || !entry->project(state_.views, draw, viewMin, max, ctx))
        projectWelcome(draw, viewMin, max, ctx);
    // Every view first fills its place with the room's paper; on paper already laid that fill is collapsed to
    // nothing (its four corners made one point: no pixel drawn, the rest of the list untouched).
    if (paperLaid && draw->VtxBuffer.Size >= firstVertex + 4) {
        ImDrawVert* v = draw->VtxBuffer.Data + firstVertex;
        const bool paper = v[0].col == projector::kBackground && v[0].pos.x == viewMin.x && v[0].pos.y == viewMin.y &&
                           v[2].pos.x == max.x && v[2].pos.y == max.y;
        if (paper)
            for (int i = 1; i < 4; ++i) v[i].pos = v[0].pos;
    }
    state_.audienceLayout = {box, draw->VtxBuffer.Size};
    if (countdown) drawCountdown(draw, min, max, state_.countdown);
}

// [SECTION] Applying a frame's actions

void App::refused(const Status& status, std::string change) {
    if (!status.notSaved) {
        toast(status.message, true);
        return;
    }
    // The journal could not save it (disk full, data folder gone): the facilitator must know at once.
    AppState::Unsaved& u = state_.unsaved;
    if (!u.open) u = AppState::Unsaved{true, std::move(change), status.message, 0};
    ++u.count;
}

void App::handle(Request& request, Actions& follow) {
    struct Handler {
        App& app;
        Actions& follow;
        void operator()(ProjectRequest& r) const {
            app.state_.projector = r.screen;
            if (r.item) app.state_.projected[r.screen] = r.item;
        }
        void operator()(TimerRequest& r) const {
            app.state_.countdown.reset(r.seconds);
            app.state_.countdown.start();
        }
        void operator()(DocumentRequest& r) const {
            if (!app.folder_) return;
            const store::Outcome done = app.folder_->writeDocument(r.fileName, r.content);
            if (!done) return app.toast(done.message, true);
            if (!r.pdf.empty()) {  // the printed document, beside the HTML
                const store::Outcome pdf = app.folder_->writeDocument(
                    std::filesystem::path(r.fileName).replace_extension(".pdf").string(), r.pdf);
                if (!pdf) app.toast(pdf.message, true);
            }
            if (r.written) r.written(done.message);
            app.written(done);
        }
        void operator()(SummaryRequest& r) const {
            if (!app.folder_) return;
            std::shared_ptr<const EtapeArchive> archive = r.archive;
            if (!archive) {
                const Etape* e = app.session_.model().etape(r.etape);
                if (!e) return;
                archive = std::make_shared<const EtapeArchive>(
                    makeArchive(app.session_.model(), *e, ATELIER_VERSION, store::nowUtcIso()));
            }
            // One folder per étape, named like its archive folder (date and host).
            const std::string folder = store::archiveFile(app.folder_->dir(), *archive).parent_path().filename().string();
            const store::Outcome done = app.folder_->writeDocuments(
                folder, exporting::summaryFiles(*archive, store::readPhotos(app.folder_->dir(),
                                                                            exporting::summaryPhotoPaths(*archive))));
            if (!done) return app.toast(done.message, true);
            app.written(done);
        }
        void operator()(BookletRequest& r) const {
            if (!app.folder_) return;
            // Every archive read here, on the UI thread: a click that waits a moment (0.6 s for 40 étapes).
            std::vector<EtapeArchive> archives;
            for (auto& l : store::listArchives(app.folder_->dir()))
                if (l.error.empty()) archives.push_back(std::move(l.archive));
            exporting::BookletInput in = exporting::makeBookletInput(std::move(archives), app.session_.model(), r.year);
            in.photos = store::readPhotos(app.folder_->dir(), exporting::bookletPhotoPaths(in));
            const std::string folder = r.year ? "livret-" + std::to_string(*r.year) : "livret-tour";
            const store::Outcome done = app.folder_->writeDocuments(folder, exporting::bookletFiles(in));
            if (!done) return app.toast(done.message, true);
            app.written(done);
        }
        void operator()(OpenFolderRequest& r) const {
            app.state_.openedFolder = r.folder;
            if (app.openFolder_) app.openFolder_(r.folder);
        }
        void operator()(ArchiveRequest& r) const { app.saveArchive(r.etape, r.done); }
        void operator()(CsvRequest& r) const {
            const auto table = store::DataFolder::readCsv(r.path);
            if (!table.ok()) app.toast(table.error, true);
            else if (r.read) r.read(table.value, follow);
        }
        void operator()(MessageRequest& r) const { app.toast(std::move(r.text), r.error); }
        void operator()(ParticipationRequest& r) const { app.handleParticipation(r); }
    };
    std::visit(Handler{*this, follow}, request);
}

// [SECTION] Participation from phones

Status App::openParticipation(const std::string& host, int port, const std::string& code) {
    if (!participation_) {
        participation_ = std::make_unique<net::Participation>();
        participation_->setWake(wakeLoop);  // a phone's job or arrival wakes the resting loop
    }
    if (participation_->running()) closeParticipation();
    // The room of this étape as it was left (issue 28 point 4): its phones carry on without joining again.
    if (folder_)
        if (const std::string memory = folder_->roomMemory(); !memory.empty())
            if (Status remembered = participation_->remember(memory, state_.selectedEtape); !remembered)
                toast(remembered.message, true);
    const Status s = participation_->start(host, port, code);
    room_ = RoomStatus{};
    if (!s) {
        room_.error = s.message;
        return s;
    }
    room_.urls = net::joinUrls(host, participation_->port());
    net::OpenToPhones open;
    open.etape = state_.selectedEtape;
    participation_->setOpen(open);
    refreshRoom();
    return s;
}

void App::closeParticipation() {
    if (participation_ && participation_->running()) {
        participation_->stop();
        saveRoomMemory(true);
    }
    room_ = RoomStatus{};
}

void App::saveRoomMemory(bool now) {
    // The last save's outcome (written on a worker: an fsync has no place in a frame), waited for when `now`.
    const auto takeOutcome = [this] {
        const auto [saved, version] = memorySave_.get();
        if (saved) savedMemory_ = version;
        else toast(saved.message, true);
    };
    if (memorySave_.valid() && (now || memorySave_.wait_for(std::chrono::seconds(0)) == std::future_status::ready))
        takeOutcome();
    if (!folder_ || !participation_ || participation_->memoryVersion() == savedMemory_ || memorySave_.valid()) return;
    const auto at = std::chrono::steady_clock::now();
    if (!now && at - memorySavedAt_ < std::chrono::seconds(1)) return;  // at most once a second under load
    memorySavedAt_ = at;
    const std::uint64_t version = participation_->memoryVersion();
    memorySave_ = std::async(std::launch::async, [folder = folder_, memory = participation_->memory(), version] {
        auto saved = std::pair{folder->saveRoomMemory(memory), version};
        wakeLoop();  // the next frame takes the outcome
        return saved;
    });
    if (now) takeOutcome();  // closing: the room is remembered before the app goes
}

void App::refreshRoom() {
    if (!participation_ || !participation_->running()) {
        room_.running = false;
        return;
    }
    room_.running = true;
    room_.code = participation_->code();
    room_.port = participation_->port();
    room_.open = participation_->open();
    room_.phones = participation_->devices();
    room_.devices = participation_->deviceList();
}

void App::pumpParticipation() {
    if (!participation_ || !participation_->running()) return;
    participation_->pump(session_);  // the phones' jobs, then their long polls learn the new revision
    for (std::string& failure : participation_->takeFailures()) toast(std::move(failure), true);
    saveRoomMemory(false);
    // The room's countdown on the phones' Attente screen: the seconds left while it is set (the server counts
    // down by itself and shows a value that stays put as paused), none when it is not in use.
    const Countdown& c = state_.countdown;
    participation_->setCountdown(c.active() ? std::optional<int>(static_cast<int>(std::ceil(c.remainingMs() / 1000.0)))
                                            : std::nullopt,
                                 !c.running());
}

void App::handleParticipation(ParticipationRequest& r) {
    using Kind = ParticipationRequest::Kind;
    switch (r.kind) {
    case Kind::Open:
        if (openParticipation(participationHost_, participationPort_)) toast(fmt(Str::RoomOpened, {room_.code}));
        else toast(room_.error, true);
        break;
    case Kind::Close:
        closeParticipation();
        toast(tr(Str::RoomClosed));
        break;
    case Kind::NewCode:
        if (participation_ && participation_->running())
            toast(fmt(Str::RoomNewCodeDone, {participation_->newCode()}));
        refreshRoom();
        break;
    case Kind::Block:
        if (participation_ && participation_->running()) {
            participation_->blockDevice(r.token);
            toast(tr(Str::RoomBlockDone));
        }
        refreshRoom();
        break;
    case Kind::Unblock:
        if (participation_ && participation_->running()) {
            participation_->unblockDevice(r.token);
            toast(tr(Str::RoomUnblockDone));
        }
        refreshRoom();
        break;
    case Kind::SetOpen:
        if (participation_ && participation_->running()) participation_->setOpen(r.open);
        refreshRoom();
        break;
    }
}

void App::saveArchive(Id etape, const std::function<void(const store::Outcome&)>& done) {
    const Etape* e = session_.model().etape(etape);
    if (!folder_ || !e) return;
    const store::Outcome outcome = folder_->saveArchive(session_.model(), *e);
    if (done) done(outcome);  // the screen that asked shows it
    else toast(outcome.message, !outcome.ok);
}

namespace {

/// What the shell does after an accepted action, besides showing it: closing an étape (status « réalisée »)
/// saves it into the archive; a deletion says how to get the item back. `before`: the model before the action.
Requests followUps(const Action& action, const Model& before, const std::string& label) {
    Requests out;
    if (const auto* u = std::get_if<UpdateEtape>(&action))
        if (const Etape* e = before.etape(u->id))
            if (u->header.status == EtapeStatus::Realisee && e->header.status != EtapeStatus::Realisee)
                out.push_back(ArchiveRequest{u->id, {}});
    if (const auto* r = std::get_if<RemoveProgrammeItem>(&action))
        if (const Etape* e = before.etape(r->etape))
            if (const int i = indexOf(e->programme, r->item); i >= 0)
                out.push_back(MessageRequest{fmt(Str::DeletedHint, {e->programme[static_cast<size_t>(i)].title}), false});
    if (std::holds_alternative<RemoveIdea>(action)) out.push_back(MessageRequest{fmt(Str::BoardDeletedHint, {label}), false});
    return out;
}

}  // namespace

void App::apply(Actions& actions, UiRequests& requests) {
    // The frame's actions, then what the screens asked (which may bring actions: an imported file), until none.
    for (int round = 0; round < 4 && (!actions.empty() || !requests_.empty()); ++round) {
        std::vector<bool> accepted, batchesAccepted;  // per action, per batch: for the screens' submissions
        Requests asked = std::move(requests_);
        requests_.clear();
        Requests after;
        for (Action& action : actions) {
            std::string label = describe(action, session_.model());
            Requests follow = followUps(action, session_.model(), label);
            const Status s = session_.apply(std::move(action));
            accepted.push_back(s.ok);
            if (!s) refused(s, std::move(label));
            else std::move(follow.begin(), follow.end(), std::back_inserter(after));
        }
        for (ActionBatch& batch : actions.batches) {
            std::string label = batch.label;
            const Status s = session_.applyAll(std::move(batch.actions), std::move(batch.label));
            batchesAccepted.push_back(s.ok);
            if (!s) refused(s, std::move(label));
        }
        actions.clear();
        settleWaiting(accepted, batchesAccepted);
        for (Request& r : after) handle(r, actions);
        for (Request& r : asked) handle(r, actions);
    }
    if (requests.undo) undoOrRedo(false);
    if (requests.redo) undoOrRedo(true);
    requests.undo = requests.redo = false;
    pumpParticipation();  // the phones' actions, after the console's: one writer, on this thread
    if (requests.quit) {  // the loop reads it after the frame's requests are reset
        state_.quitRequested = true;
        requestClose();
    }
    if (requests.monitor >= 0) state_.projectorMonitor = requests.monitor;
    if (requests.leaveProjector) state_.projectorInConsole = false;
    // With a single screen the projector view toggles inside the console; with two, the platform moves the
    // projector window (and clears the request).
    if (requests.toggleProjector && state_.monitors.size() < 2) {
        state_.projectorInConsole = !state_.projectorInConsole;
        requests.toggleProjector = false;
    }
}

}  // namespace atelier::ui
