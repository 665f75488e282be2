// [SECTION] Registry of screens
// [SECTION] Console frame: menus, shortcuts, screens, toasts
// [SECTION] Projector frame
// [SECTION] Applying a frame's actions

#include "ui/app.h"

#include <algorithm>
#include <chrono>
#include <imgui.h>
#include <random>

#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/keys.h"
#include "ui/probe.h"
#include "ui/theme.h"

namespace atelier::ui {

// [SECTION] Registry of screens

const std::vector<ScreenEntry>& screenRegistry() {
    // The only list of screens: add a line here, a file in screens/ and its draw call below.
    static const std::vector<ScreenEntry> kScreens = {
        {"console", false, ConsoleScreen::Etapes, ProjectorView::Welcome, Str::TabEtapes},  // étapes, programme
        {"reseau", false, ConsoleScreen::Reseau, ProjectorView::Welcome, Str::TabReseau},  // territories, people
        {"calendrier", false, ConsoleScreen::Calendrier, ProjectorView::Welcome, Str::TabCalendrier},
        {"inscriptions", false, ConsoleScreen::Inscriptions, ProjectorView::Welcome, Str::TabInscriptions},
        {"brise-glace", false, ConsoleScreen::BriseGlace, ProjectorView::Welcome, Str::TabBriseGlace},
        {"groupes", false, ConsoleScreen::Groupes, ProjectorView::Welcome, Str::TabGroupes},  // breakout groups
        {"idees", false, ConsoleScreen::Idees, ProjectorView::Welcome, Str::TabIdees},  // idea boards
        {"votes", false, ConsoleScreen::Votes, ProjectorView::Welcome, Str::TabVotes},      // ballots, results
        {"projector", true, ConsoleScreen::Etapes, ProjectorView::Welcome, Str::ProjectorTitle},  // welcome
        {"resultats", true, ConsoleScreen::Votes, ProjectorView::VoteResults, Str::ProjectorTitle},  // a vote
        {"projecteur-groupes", true, ConsoleScreen::Groupes, ProjectorView::Groups, Str::ProjectorTitle},
        {"projecteur-rencontres", true, ConsoleScreen::BriseGlace, ProjectorView::Meeting, Str::ProjectorTitle},
        {"projecteur-carte", true, ConsoleScreen::BriseGlace, ProjectorView::Card, Str::ProjectorTitle},
        {"projecteur-qui-est-la", true, ConsoleScreen::BriseGlace, ProjectorView::WhoIsHere, Str::ProjectorTitle},
        {"mur", true, ConsoleScreen::Idees, ProjectorView::Mur, Str::ProjectorTitle},  // an idea board
        {"archive", false, ConsoleScreen::Archive, ProjectorView::Welcome, Str::TabArchive},  // archived étapes
    };
    return kScreens;
}

App::App(Session& session, std::filesystem::path dataDir) : session_(session) {
    if (!session_.model().etapes.empty()) state_.selectedEtape = session_.model().etapes.front().id;
    if (!dataDir.empty()) {
        state_.inscriptions.documentsDir = dataDir / "documents";
        state_.groupes.documentsDir = dataDir / "documents";
        state_.archive.dataDir = dataDir;
    }
    state_.groupes.nextSeed = std::random_device{}();  // kept in the plan, so a plan can be told apart and replayed
    state_.briseGlace.nextSeed = std::random_device{}();
}

void App::dropFile(const std::string& path) {
    state_.inscriptions.importPath = path;
    state_.inscriptions.importNow = true;
    state_.screen = ConsoleScreen::Inscriptions;
    state_.selectScreen = true;
}

bool App::showScreen(const std::string& name) {
    for (const ScreenEntry& e : screenRegistry()) {
        if (name != e.name) continue;
        if (!e.projector) {
            state_.screen = e.console;
            state_.selectScreen = true;
        } else {
            state_.projector = e.view;
            const Etape* etape = selectedEtape();
            if (e.view == ProjectorView::VoteResults && etape && !etape->votes.empty())
                state_.projectedVote = etape->votes.front().id;
            if (e.view == ProjectorView::Mur && etape && !etape->boards.empty())
                state_.projectedBoard = etape->boards.front().id;
        }
        return true;
    }
    return false;
}

const Vote* App::projectedVote() const {
    for (const Etape& e : session_.model().etapes)
        if (const int i = indexOf(e.votes, state_.projectedVote); i >= 0) return &e.votes[static_cast<size_t>(i)];
    return nullptr;
}

const Board* App::projectedBoard() const {
    for (const Etape& e : session_.model().etapes)
        if (const Board* b = e.board(state_.projectedBoard)) return b;
    return nullptr;
}

void App::drawConsoleScreen(ConsoleScreen screen, Actions& actions) {
    const Model& model = session_.model();
    switch (screen) {
        case ConsoleScreen::Etapes:
            drawEtapesScreen(state_.etapes, state_.selectedEtape, model, actions,
                             [this](ImDrawList* draw, ImVec2 min, ImVec2 max) { drawAudienceView(draw, min, max); });
            break;
        case ConsoleScreen::Reseau: drawReseauScreen(state_.reseau, model, actions); break;
        case ConsoleScreen::Calendrier:
            drawCalendrierScreen(state_.calendrier, state_.selectedEtape, model, actions);
            break;
        case ConsoleScreen::Inscriptions:
            drawInscriptionsScreen(state_.inscriptions, state_.selectedEtape, model, actions);
            break;
        case ConsoleScreen::BriseGlace: {
            BriseGlaceView& v = state_.briseGlace;
            drawBriseGlaceScreen(v, state_.selectedEtape, model, actions);
            using P = BriseGlaceView::Project;
            if (v.project != P::Nothing)
                state_.projector = v.project == P::Meeting ? ProjectorView::Meeting
                                   : v.project == P::Card  ? ProjectorView::Card
                                                           : ProjectorView::WhoIsHere;
            v.project = P::Nothing;
            if (v.startTimer) {  // one round of the speed-meeting, timed
                if (const Etape* e = model.etape(state_.selectedEtape)) state_.countdown.reset(e->icebreaker.roundSeconds);
                state_.countdown.start();
                v.startTimer = false;
            }
            break;
        }
        case ConsoleScreen::Groupes:
            drawGroupesScreen(state_.groupes, state_.selectedEtape, model, actions);
            if (state_.groupes.project) {  // « Projeter les groupes »
                state_.projector = ProjectorView::Groups;
                state_.groupes.project = false;
            }
            break;
        case ConsoleScreen::Archive: drawArchiveScreen(state_.archive, state_.selectedEtape, model); break;
        case ConsoleScreen::Votes:
            drawVotesScreen(state_.votes, state_.selectedEtape, model, actions);
            if (state_.votes.project) {  // « Projeter les résultats »
                state_.projector = ProjectorView::VoteResults;
                state_.projectedVote = state_.votes.selected;
                state_.votes.project = false;
            }
            break;
        case ConsoleScreen::Idees: {
            const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
            drawIdeesScreen(state_.idees, state_.selectedEtape, model, session_.revision(), now, actions);
            if (state_.idees.project) {  // « Projeter le mur »
                state_.projector = ProjectorView::Mur;
                state_.projectedBoard = state_.idees.selected;
                state_.idees.project = false;
            }
            break;
        }
    }
}

void App::collectErrors() {
    for (std::string* error : {&state_.etapes.error, &state_.reseau.error, &state_.calendrier.error,
                               &state_.inscriptions.error, &state_.votes.error, &state_.groupes.error,
                               &state_.briseGlace.error, &state_.idees.error}) {
        if (error->empty()) continue;
        toast(std::move(*error), true);
        error->clear();
    }
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
    if (io.WantTextInput || !io.KeyCtrl) return;  // text fields keep Ctrl+Z for their own text
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) requests.redo = true;
        else requests.undo = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) requests.redo = true;
}

void App::drawMenuBar(UiRequests& requests) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu(tr(Str::MenuFile))) {
        if (ImGui::MenuItem(tr(Str::MenuQuit))) requests.quit = true;
        probe::mark("menu.quit");
        ImGui::EndMenu();
    }
    probe::mark("menu.file");
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
        if (ImGui::MenuItem(tr(Str::ProjectWelcome), nullptr, state_.projector == ProjectorView::Welcome))
            state_.projector = ProjectorView::Welcome;
        probe::mark("menu.project-welcome");
        if (ImGui::MenuItem(tr(Str::ProjectResults), nullptr, state_.projector == ProjectorView::VoteResults,
                            projectedVote() != nullptr))
            state_.projector = ProjectorView::VoteResults;
        if (ImGui::MenuItem(tr(Str::ProjectBoard), nullptr, state_.projector == ProjectorView::Mur,
                            projectedBoard() != nullptr))
            state_.projector = ProjectorView::Mur;
        if (state_.projector == ProjectorView::Mur) {
            ImGui::SetNextItemWidth(200.0f);
            ImGui::SliderFloat("##mur-zoom", &state_.mur.zoom, 0.5f, 2.5f, tr(Str::BoardZoom));
            ImGui::SetNextItemWidth(200.0f);
            ImGui::DragFloat("##mur-scroll", &state_.mur.scroll, 4.0f, 0.0f, 1e6f, tr(Str::BoardScroll));
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
        ImGui::EndMenu();
    }
    drawCountdownControls();
    ImGui::EndMenuBar();
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
    ImGui::PushStyleColor(ImGuiCol_Text, c.lastMinute() ? ImVec4(0.75f, 0.1f, 0.1f, 1.0f) : ImGui::GetStyle().Colors[ImGuiCol_Text]);
    ImGui::TextUnformatted(c.text().c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(tr(c.running() ? Str::CountdownPause : Str::CountdownStart))) c.toggle();
    probe::mark("countdown.toggle");
    if (ImGui::SmallButton(tr(Str::CountdownAddMinute))) c.addMinute();
    probe::mark("countdown.add");
    if (ImGui::SmallButton(tr(Str::CountdownReset))) c.reset(c.durationSeconds());
    probe::mark("countdown.reset");
}

void App::drawToasts() {
    const double now = ImGui::GetTime();
    std::erase_if(state_.toasts, [&](const AppState::Toast& t) { return t.until < now; });
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    float y = display.y - 16.0f;
    for (auto it = state_.toasts.rbegin(); it != state_.toasts.rend(); ++it) {
        const float wrap = std::min(560.0f, display.x - 40.0f);
        const ImVec2 size = ImGui::CalcTextSize(it->text.c_str(), nullptr, false, wrap);
        const ImVec2 max(display.x - 16.0f, y), min(max.x - size.x - 24.0f, y - size.y - 16.0f);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        draw->AddRectFilled(min, max, it->error ? IM_COL32(160, 30, 30, 240) : IM_COL32(30, 40, 60, 235), 6.0f);
        draw->AddText(nullptr, 0.0f, ImVec2(min.x + 12.0f, min.y + 8.0f), IM_COL32_WHITE, it->text.c_str(), nullptr,
                      wrap);
        y = min.y - 8.0f;
    }
}

void App::drawNotices() {
    if (state_.notices.empty()) return;
    const char* title = tr(Str::ReplaySkippedTitle);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, display.x - 40.0f), 0.0f), ImGuiCond_Appearing);
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

void App::drawConsole(Actions& actions, UiRequests& requests) {
    forgetInactiveTextState();  // before any field: no stale per-field undo on a text changed behind its back
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
        drawAudienceView(ImGui::GetWindowDrawList(), min, max);
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + 40.0f, max.y - 30.0f), IM_COL32(120, 120, 120, 255),
                                            tr(Str::ProjectorInConsoleHint));
        ImGui::End();
        ImGui::PopStyleVar();
        drawUnsaved();
        drawToasts();
        return;
    }
    ImGui::Begin("##console", nullptr, kFill | ImGuiWindowFlags_MenuBar);
    drawMenuBar(requests);
    if (ImGui::BeginTabBar("##screens")) {
        for (const ScreenEntry& entry : screenRegistry()) {
            if (entry.projector) continue;
            const bool select = state_.selectScreen && state_.screen == entry.console;
            const bool open = ImGui::BeginTabItem(tr(entry.title), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
            probe::mark(std::string("tab.") + entry.name);
            if (!open) continue;
            if (!state_.selectScreen) state_.screen = entry.console;
            drawConsoleScreen(entry.console, actions);
            ImGui::EndTabItem();
        }
        state_.selectScreen = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
    collectErrors();
    drawUnsaved();
    drawToasts();
    drawNotices();
}

void App::drawUnsaved() {
    constexpr const char* kId = "##unsaved";
    AppState::Unsaved& u = state_.unsaved;
    if (u.open && !ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, viewport->Size.x - 40.0f), 0));
    if (!ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.08f, 0.08f, 1.0f));
    heading(tr(Str::UnsavedTitle));
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(fmt(Str::UnsavedBody, {u.change}).c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::UnsavedCauses));
    ImGui::Spacing();
    const std::filesystem::path& dir = state_.archive.dataDir;
    ImGui::TextUnformatted(dir.empty() ? tr(Str::UnsavedWhatNoDir) : fmt(Str::UnsavedWhat, {dir.string()}).c_str());
    ImGui::Spacing();
    ImGui::TextDisabled("%s", fmt(Str::UnsavedDetail, {u.error}).c_str());
    if (u.count > 1) ImGui::TextUnformatted(fmt(Str::UnsavedMore, {std::to_string(u.count)}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::UnsavedOk), ImVec2(200.0f, 0))) {
        u = AppState::Unsaved{};
        ImGui::CloseCurrentPopup();
    }
    probe::mark("unsaved.ok");
    ImGui::EndPopup();
}

// [SECTION] Projector frame

void App::drawProjector(UiRequests& requests) {
    if (ImGui::IsKeyPressed(kKeyF5, false)) requests.toggleProjector = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) requests.leaveProjector = true;
    if (state_.projector == ProjectorView::Mur) {  // the wall: wheel and arrows scroll, Ctrl+wheel zooms
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl) state_.mur.zoom = std::clamp(state_.mur.zoom * (1.0f + 0.1f * io.MouseWheel), 0.5f, 2.5f);
        else state_.mur.scroll -= io.MouseWheel * 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) state_.mur.scroll += 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) state_.mur.scroll -= 80.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) state_.mur.scroll += 600.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) state_.mur.scroll -= 600.0f;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) state_.mur.scroll = 0.0f;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##projector", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const ImVec2 min = viewport->Pos;
    const ImVec2 max(min.x + viewport->Size.x, min.y + viewport->Size.y);
    drawAudienceView(ImGui::GetWindowDrawList(), min, max);
    ImGui::End();
    ImGui::PopStyleVar();
}

void App::drawAudienceView(ImDrawList* draw, ImVec2 min, ImVec2 max) {
    const Etape* etape = selectedEtape();
    const Board* board = state_.projector == ProjectorView::Mur ? projectedBoard() : nullptr;
    const Vote* vote = state_.projector == ProjectorView::VoteResults ? projectedVote() : nullptr;
    if (board) drawBoardWall(draw, min, max, *board, state_.mur, session_.revision(), ImGui::GetTime());
    else if (vote) drawVoteResults(draw, min, max, *vote, true);
    else if (state_.projector == ProjectorView::Groups && etape && !etape->groups.empty())
        drawGroupsProjection(draw, min, max, session_.model(), *etape, state_.groupes.round);
    else if (state_.projector == ProjectorView::Meeting && etape && !etape->icebreaker.rounds.empty())
        drawMeetingProjection(draw, min, max, session_.model(), *etape, state_.briseGlace.round);
    else if (state_.projector == ProjectorView::Card && etape && !etape->icebreaker.drawn.empty())
        drawCardProjection(draw, min, max, *etape);
    else if (state_.projector == ProjectorView::WhoIsHere && etape)
        drawWhoIsHere(draw, min, max, session_.model(), *etape);
    else drawWelcome(draw, min, max, session_.model(), etape);
    if (state_.countdown.active()) drawCountdown(draw, min, max, state_.countdown);
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

void App::settleSubmissions(const std::vector<bool>& actions, const std::vector<bool>& batches) {
    for (Submission* s : {&state_.idees.entrySent, &state_.idees.pasteSent, &state_.idees.boardSent,
                          &state_.idees.categorySent, &state_.idees.clusterSent, &state_.inscriptions.checkinSent,
                          &state_.reseau.territorySent, &state_.reseau.personSent, &state_.briseGlace.questionSent,
                          &state_.votes.voteSent, &state_.votes.ballotSent, &state_.votes.handsSent})
        settle(*s, actions, batches);
}

void App::apply(Actions& actions, UiRequests& requests) {
    std::vector<bool> accepted, batchesAccepted;  // per action, per batch: for the screens' submissions
    for (Action& action : actions) {
        // A deletion says how to get the item back.
        std::string removedTitle;
        if (const auto* r = std::get_if<RemoveProgrammeItem>(&action))
            if (const Etape* e = session_.model().etape(r->etape))
                if (const int i = indexOf(e->programme, r->item); i >= 0)
                    removedTitle = e->programme[static_cast<size_t>(i)].title;
        std::string removedIdea;
        if (const auto* r = std::get_if<RemoveIdea>(&action))
            if (const Etape* e = session_.model().etape(r->etape))
                if (const Board* b = e->board(r->board))
                    if (const Idea* idea = b->idea(r->idea)) removedIdea = idea->text;
        // Closing an étape (status « réalisée ») saves it into the archive.
        Id closing = 0;
        if (const auto* u = std::get_if<UpdateEtape>(&action))
            if (const Etape* e = session_.model().etape(u->id))
                if (u->header.status == EtapeStatus::Realisee && e->header.status != EtapeStatus::Realisee) closing = u->id;
        std::string label = describe(action, session_.model());
        const Status s = session_.apply(std::move(action));
        accepted.push_back(s.ok);
        if (!s) refused(s, std::move(label));
        else if (closing && !state_.archive.dataDir.empty()) {
            if (const Etape* e = session_.model().etape(closing)) {
                const bool saved = saveToArchive(state_.archive, session_.model(), *e);
                toast(state_.archive.message, !saved);
            }
        } else if (!removedTitle.empty()) toast(fmt(Str::DeletedHint, {removedTitle}));
        else if (!removedIdea.empty()) toast(fmt(Str::BoardDeletedHint, {session_.undoLabel()}));
    }
    for (ActionBatch& batch : actions.batches) {
        std::string label = batch.label;
        const Status s = session_.applyAll(std::move(batch.actions), std::move(batch.label));
        batchesAccepted.push_back(s.ok);
        if (!s) refused(s, std::move(label));
    }
    actions.clear();
    settleSubmissions(accepted, batchesAccepted);
    if (requests.undo) {
        std::string label = fmt(Str::UnsavedUndo, {session_.undoLabel()});
        if (Status s = session_.undo(); !s) refused(s, std::move(label));
    }
    if (requests.redo) {
        std::string label = fmt(Str::UnsavedRedo, {session_.redoLabel()});
        if (Status s = session_.redo(); !s) refused(s, std::move(label));
    }
    requests.undo = requests.redo = false;
    if (requests.quit) state_.quitRequested = true;  // the loop reads it after the frame's requests are reset
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
