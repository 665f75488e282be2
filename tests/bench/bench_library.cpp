// The library of practices at the scale of ten years of the Tour (issue 14): the Bibliothèque tab's frame with a
// search typed, and the projector's « Pratiques à essaimer », on N practices (40 étapes, one board each, every
// idea flagged « pratique à essaimer », a follow-up on one in three).
//
// The library lives in the model (every étape's practices, archived ones included), so its search folds accents
// over the model's records in memory, like the FTS5 index folds the archived ideas; these benchmarks say what a
// keystroke costs.
#include <benchmark/benchmark.h>

#include <string>

#include "core/session.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/screens/essaimage.h"

using namespace atelier;

namespace {

const char* const kLibraryCites[] = {"Amiens", "Lille", "Roubaix", "Tourcoing", "Denain", "Maubeuge", "Creil",
                                     "Arras", "Calais", "Lens", "Saint-Quentin", "Boulogne-sur-Mer", "Valenciennes"};
const char* const kLibraryWords[] = {"familles", "réussite", "parents", "collège", "numérique", "santé", "orientation",
                                     "cantine", "devoirs", "sport", "culture", "lecture", "quartier", "jeunes"};

/// A session whose library holds `practices` practices spread over 40 étapes.
Session librarySession(int practices) {
    Session s;
    for (const char* name : kLibraryCites)
        s.apply(AddTerritory{Territory{0, name, "Nord", Membership::Adherent, true}});
    const int perEtape = (practices + 39) / 40;
    int made = 0;
    for (int n = 0; n < 40 && made < practices; ++n) {
        Etape e;
        e.header.number = n + 1;
        e.header.date = Date{2020 + n / 4, (n % 4) * 3 + 1, 10};
        e.header.host = s.model().territories[static_cast<size_t>(n % 13)].id;
        e.header.theme = "Étape " + std::to_string(n + 1);
        s.apply(AddEtape{e});
        const Id etape = s.model().etapes.back().id;
        Board board;
        board.title = "Ce que nous essaimons";
        board.categories = defaultBoardCategories();
        s.apply(AddBoard{etape, board});
        const Id boardId = s.model().etape(etape)->boards.back().id;
        const Id column = s.model().etape(etape)->boards.back().categories.front().id;
        for (int i = 0; i < perEtape && made < practices; ++i, ++made) {
            Idea idea;
            idea.text = std::string("Pratique sur ") + kLibraryWords[(i * 5 + n) % 14] + " et " +
                        kLibraryWords[(i + 3 * n) % 14] + " n° " + std::to_string(made);
            idea.category = column;
            const Id id = s.model().nextId;
            s.apply(AddIdea{etape, boardId, idea});
            s.apply(SetPractice{etape, boardId, id, true});
            if (made % 3 == 0)
                s.apply(AddFollowUp{id, FollowUp{s.model().territories[static_cast<size_t>(made % 13)].id,
                                                 FollowUpStatus::Essayee, Date{2024, 1, 15}, "Essai"}});
        }
    }
    return s;
}

/// One frame of the Bibliothèque tab with « parent » typed in its search (accents and case ignored).
void BM_LibrarySearchFrame(benchmark::State& state) {
    Session s = librarySession(static_cast<int>(state.range(0)));
    ui::Headless imgui(1920, 1080);
    ui::App app(s);
    Actions actions;
    ui::UiRequests requests;
    app.showScreen("bibliotheque");
    app.view<ui::LibraryView>().search = "PARENT";
    for (int i = 0; i < 3; ++i) imgui.frame([&] { app.drawConsole(actions, requests); });
    for (auto _ : state) imgui.frame([&] { app.drawConsole(actions, requests); });
    state.counters["practices"] = static_cast<double>(s.model().practices.size());
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LibrarySearchFrame)->Arg(200)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity();

/// One frame of the projector's « Pratiques à essaimer » (four cards) with the same search.
void BM_PracticesProjectorFrame(benchmark::State& state) {
    Session s = librarySession(static_cast<int>(state.range(0)));
    ui::Headless imgui(1920, 1080);
    ui::App app(s);
    ui::UiRequests requests;
    app.showScreen("projecteur-pratiques");
    app.view<ui::LibraryView>().search = "parent";
    for (int i = 0; i < 3; ++i) imgui.frame([&] { app.drawProjector(requests); });
    for (auto _ : state) imgui.frame([&] { app.drawProjector(requests); });
}
BENCHMARK(BM_PracticesProjectorFrame)->Arg(200)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
