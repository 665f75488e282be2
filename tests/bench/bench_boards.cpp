// BM_BoardFrame/N: one headless frame of the console's Idées screen plus one of the projector's wall, on a board
// of N ideas in 5 columns and 40 clusters (1920×1080 each, font atlas built, no GPU). Steady state: the cards'
// places are cached, so a frame draws only what is on screen. BM_BoardFrameAfterChange/N: the same two frames
// right after an idea is posted (the places computed again).
#include <benchmark/benchmark.h>

#include <string>

#include "core/session.h"
#include "ui/app.h"
#include "ui/headless.h"

using namespace atelier;

namespace {

/// A session with étape 1 holding one board of `ideas` ideas in 5 columns and 40 clusters, six groups.
Session boardSession(int ideas) {
    Session s;
    Etape e;
    e.header.theme = "Concertation et intelligence collective dans le travail des Cités éducatives";
    s.applyUnrecorded(AddEtape{e}, JournalKind::Seed);
    const Id etape = s.model().etapes.front().id;
    Board b;
    b.title = "Comment associer les familles à la réussite éducative ?";
    b.categories = defaultBoardCategories();
    b.categories.push_back(BoardCategory{0, "Freins"});
    b.categories.push_back(BoardCategory{0, "Ressources"});
    s.applyUnrecorded(AddBoard{etape, b}, JournalKind::Seed);
    const Id board = s.model().etapes.front().boards.front().id;
    std::vector<Id> columns;
    for (const BoardCategory& c : s.model().etapes.front().boards.front().categories) columns.push_back(c.id);
    std::vector<std::pair<Id, Id>> clusters;
    for (int k = 0; k < 40; ++k) {
        const Id column = columns[static_cast<size_t>(k) % 5];
        s.applyUnrecorded(AddCluster{etape, board, IdeaCluster{0, "Regroupement " + std::to_string(k + 1), column}},
                          JournalKind::Seed);
        clusters.emplace_back(s.model().etapes.front().boards.front().clusters.back().id, column);
    }
    const char* words[] = {"Un café des parents au collège", "Des ateliers parents-enfants le mercredi",
                           "La réussite éducative pour tous les enfants du quartier", "Un référent famille",
                           "Les devoirs faits avec les centres sociaux, ouverts aux grands-parents et aux frères et sœurs"};
    for (int i = 0; i < ideas; ++i) {
        Idea idea;
        idea.text = std::string(words[i % 5]) + " n° " + std::to_string(i);
        idea.group = "Groupe " + std::to_string(i % 6 + 1);
        idea.time = 1581415200 + i;
        if (i % 4 != 0) {
            idea.category = clusters[static_cast<size_t>(i) % 40].second;
            idea.cluster = clusters[static_cast<size_t>(i) % 40].first;
        } else {
            idea.category = columns[static_cast<size_t>(i) % 5];
        }
        idea.practice = i % 9 == 0;
        s.applyUnrecorded(AddIdea{etape, board, idea}, JournalKind::Seed);
    }
    return s;
}

void boardFrames(benchmark::State& state, bool change) {
    Session s = boardSession(static_cast<int>(state.range(0)));
    ui::Headless console(1920, 1080);
    ui::Headless projector(1920, 1080);
    ui::App app(s);
    app.showScreen("idees");
    app.showScreen("mur");
    Actions actions;
    ui::UiRequests requests;
    auto frames = [&] {
        console.frame([&] { app.drawConsole(actions, requests); });
        projector.frame([&] { app.drawProjector(requests); });
        actions.clear();
    };
    for (int i = 0; i < 3; ++i) frames();  // tabs settle, places computed
    const Board& board = s.model().etapes.front().boards.front();
    if (board.ideas.size() != static_cast<size_t>(state.range(0))) state.SkipWithError("board not built");
    if (app.view<ui::BoardsView>().layout.columns.size() != 5 || app.view<ui::WallView>().layout.columns.size() != 5)
        state.SkipWithError("the board is not on screen");
    Idea idea;
    idea.text = "Une nouvelle idée";
    idea.group = "Groupe 2";
    idea.category = board.categories.front().id;
    for (auto _ : state) {
        if (change) {
            state.PauseTiming();
            s.applyUnrecorded(AddIdea{s.model().etapes.front().id, board.id, idea}, JournalKind::Seed);
            state.ResumeTiming();
        }
        frames();
    }
    state.counters["ideas"] = static_cast<double>(board.ideas.size());
}

void BM_BoardFrame(benchmark::State& state) { boardFrames(state, false); }
void BM_BoardFrameAfterChange(benchmark::State& state) { boardFrames(state, true); }
BENCHMARK(BM_BoardFrame)->Arg(200)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_BoardFrameAfterChange)->Arg(200)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond)
    ->Iterations(30);

}  // namespace
