// Issue 13 « Passer à l'échelle »: the costs that grow with the years, on generated data (never built by ctest).
// The data folders are generated once per machine under $TMPDIR/atelier-bench-scale/ (delete it to rebuild them,
// and after a change of schema or of the model: their snapshot is then ignored and BM_StartSnapshot says so;
// 1M actions take a minute or two to generate).
//
// - BM_StartSnapshot/E/A: a read-only workspace (what every command and the app open) on E étapes (60 people
//   registered and three 300-idea boards each: about 1,000 entries per étape) and A journal entries in all (moves
//   of ideas after the étapes; 0: none),
//   from its snapshot. BM_StartFullReplay/E/A: the same journal replayed in full (no snapshot: today's start).
// - BM_SearchCommand / BM_SearchQuery: `atelier chercher` as the command runs it, and its FTS5 query alone.
// - BM_RegistrationImport/N: planning and applying (journal included) a registration file of N rows, a tenth of
//   them the same person again. Callgrind on /6000 (filter 'RegistrationImport/6000/') gives stable counts on a
//   loaded machine (whole run: 728.6 M instructions before the per-step time stamp, the boxed AddEtape and the
//   planner's cached keys; 620.6 M after them; 393.8 M with the journal's own JSON writer, store/journal_json.h).
// - BM_ReplayOneBoard/N: replaying N additions of ideas onto one board.
// - BM_IdeaImport/N: planning and applying (no journal) an idea file of N rows onto a new board.
// - BM_ArchiveTabFirstFrame: the frames of the Archive tab on 40 archived étapes until it has listed them (what it
//   lists comes from the index); BM_ArchiveListParsed / BM_ArchiveListIndexed: the list parsed as before, and from the index.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/idea_import.h"
#include "core/registration_import.h"
#include "store/archive.h"
#include "store/data_folder.h"
#include "store/database.h"
#include "store/snapshot.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/screens/screens.h"

using namespace atelier;
namespace fs = std::filesystem;

namespace {

const char* kCites[] = {"Amiens", "Lille", "Roubaix", "Tourcoing", "Denain", "Maubeuge", "Creil",
                        "Arras", "Calais", "Lens", "Saint-Quentin", "Boulogne-sur-Mer", "Valenciennes-Anzin"};
const char* kWords[] = {"familles", "réussite", "parents", "collège", "numérique", "santé", "orientation",
                        "cantine", "devoirs", "sport", "culture", "lecture", "quartier", "jeunes"};

/// Étape `number` of the generated Tour: 60 people registered, three boards of 300 ideas.
void fillEtape(Session& s, int number) {
    const Model& m = s.model();
    Etape e;
    const Territory* host = m.territoryByName(kCites[number % 13]);
    e.header = EtapeHeader{number, Date{2020 + (number - 3) / 4, ((number - 3) % 4) * 3 + 1, 10},
                           host ? std::optional<Id>(host->id) : std::nullopt,
                           std::string("Thème de l'étape ") + std::to_string(number), "Collège Jean Jaurès",
                           EtapeKind::Etape, EtapeStatus::Realisee};
    s.apply(AddEtape{e});
    const Id etape = s.model().etapes.back().id;
    for (int p = 0; p < 60; ++p) {
        Person person{0, "Participant " + std::to_string(number) + "-" + std::to_string(p),
                      "p" + std::to_string(number) + "." + std::to_string(p) + "@example.fr",
                      host ? std::optional<Id>(host->id) : std::nullopt, Institution::Collectivite, Role::ChefDeProjet};
        s.apply(AddPerson{person});
        s.apply(AddRegistration{etape, Registration{0, s.model().people.back().id, 1, p % 5 != 0, false}});
    }
    for (int b = 0; b < 3; ++b) {
        Board board;
        board.title = "Question " + std::to_string(b + 1) + " de l'étape " + std::to_string(number);
        board.categories = defaultBoardCategories();
        s.apply(AddBoard{etape, board});
        const Board& made = s.model().etape(etape)->boards.back();
        const Id boardId = made.id;
        const std::vector<BoardCategory> columns = made.categories;
        for (int i = 0; i < 300; ++i) {
            Idea idea;
            idea.text = std::string("Idée sur ") + kWords[(i * 7 + b) % 14] + " et " + kWords[(i + number) % 14] +
                        " n° " + std::to_string(i);
            idea.group = "Groupe " + std::to_string(i % 6 + 1);
            idea.category = columns[static_cast<size_t>(i) % columns.size()].id;
            idea.time = 1581415200 + i;
            s.apply(AddIdea{etape, boardId, idea});
        }
    }
}

/// $TMPDIR/atelier-bench-scale/<name>: `etapes` étapes and `actions` journal entries, archived when `archive`.
fs::path scaleData(int etapes, long actions, bool archive = false) {
    const fs::path dir = fs::temp_directory_path() / "atelier-bench-scale" /
                         ("e" + std::to_string(etapes) + "-a" + std::to_string(actions) + (archive ? "-archived" : ""));
    if (fs::exists(dir / "ready")) return dir;
    fs::remove_all(dir);
    {
        store::Workspace ws(dir);
        Session& s = ws.session();
        auto batch = std::make_unique<store::Transaction>(ws.database().connection());
        long done = 0;
        auto tick = [&] {
            if (++done % 20000 == 0) {
                batch->commit();
                batch = std::make_unique<store::Transaction>(ws.database().connection());
            }
        };
        for (int n = 0; n < etapes; ++n) fillEtape(s, n + 3), tick();
        batch->commit();
        batch = std::make_unique<store::Transaction>(ws.database().connection());
        std::mt19937 rng(7);
        for (long entries = ws.database().lastSeq(); entries < actions; ++entries) {  // moves of ideas
            const Etape& e = s.model().etapes[2 + rng() % static_cast<unsigned>(etapes)];
            const Board& b = e.boards[rng() % 3];
            const Idea& idea = b.ideas[rng() % b.ideas.size()];
            s.apply(MoveIdea{e.id, b.id, idea.id, b.categories[rng() % b.categories.size()].id, std::nullopt,
                             static_cast<int>(rng() % b.ideas.size())});
            if (++done % 20000 == 0) {
                batch->commit();
                batch = std::make_unique<store::Transaction>(ws.database().connection());
            }
        }
        batch->commit();
        batch.reset();
        if (archive)
            for (const Etape& e : s.model().etapes)
                if (e.header.number >= 3) ws.folder().saveArchive(s.model(), e);
        ws.saveSnapshot();
    }
    std::ofstream(dir / "ready") << "ok\n";
    return dir;
}

void BM_StartSnapshot(benchmark::State& state) {
    const fs::path dir = scaleData(static_cast<int>(state.range(0)), state.range(1));
    for (auto _ : state) {
        store::Workspace ws(dir, store::Access::Read);
        if (ws.startedFrom() == 0) state.SkipWithError("no snapshot");
        benchmark::DoNotOptimize(ws.session().model().etapes.size());
    }
    store::Database db(dir / "atelier.db", store::Access::Read);
    state.counters["entries"] = static_cast<double>(db.journalSize());
    state.counters["snapshot_MB"] = static_cast<double>(fs::file_size(store::snapshotFile(dir))) / 1e6;
}
BENCHMARK(BM_StartSnapshot)
    ->Args({1, 0})->Args({12, 0})->Args({40, 0})->Args({40, 100000})->Args({40, 1000000})
    ->Unit(benchmark::kMillisecond);

void BM_StartFullReplay(benchmark::State& state) {
    const fs::path dir = scaleData(static_cast<int>(state.range(0)), state.range(1));
    for (auto _ : state) {
        store::Database db(dir / "atelier.db", store::Access::Read);
        benchmark::DoNotOptimize(db.load().etapes.size());
    }
}
BENCHMARK(BM_StartFullReplay)
    ->Args({1, 0})->Args({12, 0})->Args({40, 0})->Args({40, 100000})
    ->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReplayOneBoard(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    Model start;
    Session s;
    Etape e;
    s.applyUnrecorded(AddEtape{e}, JournalKind::Seed);
    Board b;
    b.title = "Un grand mur";
    b.categories = defaultBoardCategories();
    s.applyUnrecorded(AddBoard{s.model().etapes.front().id, b}, JournalKind::Seed);
    start = s.model();
    const Id etape = start.etapes.front().id, board = start.etapes.front().boards.front().id;
    const Id column = start.etapes.front().boards.front().categories.front().id;
    std::vector<Action> journal;
    for (int i = 0; i < n; ++i) {
        Idea idea;
        idea.text = "Idée " + std::to_string(i);
        idea.category = column;
        Action a = AddIdea{etape, board, idea};
        applyAction(start, a);  // ids resolved, as the journal holds them
        journal.push_back(std::move(a));
    }
    start = s.model();
    for (auto _ : state) {
        Model m = start;
        for (Action a : journal) applyAction(m, a);
        benchmark::DoNotOptimize(m.nextId);
    }
    state.SetComplexityN(n);
}
BENCHMARK(BM_ReplayOneBoard)->Arg(2000)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond)->Complexity();

void BM_IdeaImport(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    TextTable table;
    table.header = {"texte", "groupe", "categorie"};
    for (int i = 0; i < rows; ++i) {
        table.rows.push_back({std::string("Idée sur ") + kWords[i % 14] + " n° " + std::to_string(i),
                              "Groupe " + std::to_string(i % 6 + 1), i % 3 == 0 ? "Leviers" : "Constats"});
        table.lines.push_back(i + 2);
    }
    for (auto _ : state) {
        state.PauseTiming();
        Session s;
        Etape e;
        s.applyUnrecorded(AddEtape{e}, JournalKind::Seed);
        state.ResumeTiming();
        IdeaImportPlan plan = planIdeaImport(s.model(), s.model().etapes.front().id, "Un grand mur", table, 1581415200);
        if (!plan.error.empty() || !s.applyAll(std::move(plan.actions), "import")) state.SkipWithError("refused");
    }
    state.SetComplexityN(rows);
}
BENCHMARK(BM_IdeaImport)->Arg(1000)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond)->Complexity();

/// A registration export of `rows` lines: a tenth of them someone already on an earlier line.
TextTable registrationTable(int rows) {
    TextTable t;
    t.header = {"Nom", "Prénom", "Email", "Territoire", "Structure", "Fonction"};
    for (int i = 0; i < rows; ++i) {
        const int who = i % 10 == 9 ? i / 2 : i;
        t.rows.push_back({"Nom" + std::to_string(who), "Prénom", "personne" + std::to_string(who) + "@example.fr",
                          kCites[who % 13], "Mairie", "Chargée de mission"});
        t.lines.push_back(i + 2);
    }
    return t;
}

void BM_RegistrationImport(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    const TextTable table = registrationTable(rows);
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path dir = fs::temp_directory_path() / "atelier-bench-import";
        fs::remove_all(dir);
        auto ws = std::make_unique<store::Workspace>(dir);
        Etape e;
        e.header.number = 3;
        e.header.date = Date{2021, 3, 1};
        ws->session().apply(AddEtape{e});
        const Id etape = ws->session().model().etapes.back().id;
        state.ResumeTiming();
        const auto t0 = std::chrono::steady_clock::now();
        ImportPlan plan = planRegistrationImport(ws->session().model(), etape, table);
        if (!plan.error.empty() || !plan.unknownTerritories.empty()) state.SkipWithError("plan refused");
        const auto t1 = std::chrono::steady_clock::now();
        if (!ws->session().applyAll(std::move(plan.actions), "import")) state.SkipWithError("import refused");
        const auto t2 = std::chrono::steady_clock::now();
        state.PauseTiming();
        state.counters["plan_ms"] = std::chrono::duration<double, std::milli>(t1 - t0).count();
        state.counters["apply_ms"] = std::chrono::duration<double, std::milli>(t2 - t1).count();
        ws.reset();
        fs::remove_all(dir);
        state.ResumeTiming();
    }
    state.SetComplexityN(rows);
}
BENCHMARK(BM_RegistrationImport)->Arg(600)->Arg(6000)->Arg(60000)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->Complexity();

void BM_SearchQuery(benchmark::State& state) {
    const fs::path dir = scaleData(40, 0, true);
    store::Database db(dir / "atelier.db", store::Access::Read);
    for (auto _ : state) benchmark::DoNotOptimize(store::searchIdeas(db, "famille").size());
}
BENCHMARK(BM_SearchQuery)->Unit(benchmark::kMillisecond);

void BM_SearchCommand(benchmark::State& state) {
    const fs::path dir = scaleData(40, 0, true);
    for (auto _ : state) {
        // What `atelier chercher` opens: the database read-only, no model.
        store::Database db(dir / "atelier.db", store::Access::Read);
        benchmark::DoNotOptimize(store::searchIdeas(db, "famille").size());
    }
}
BENCHMARK(BM_SearchCommand)->Unit(benchmark::kMillisecond);

void BM_ArchiveTabFirstFrame(benchmark::State& state) {
    const fs::path dir = scaleData(40, 0, true);
    store::Workspace ws(dir, store::Access::Read);
    for (auto _ : state) {
        state.PauseTiming();
        ui::Headless imgui(1920, 1080);
        ui::App app(ws.session(), &ws.folder());
        Actions actions;
        ui::UiRequests requests;
        app.showScreen("archive");
        state.ResumeTiming();
        // The frames until the tab has listed the archives (the tab bar settles first): their sum bounds the frame
        // that lists.
        int frames = 0;
        while (!app.view<ui::ArchiveView>().listings && frames < 5) {
            imgui.frame([&] { app.drawConsole(actions, requests); });
            ++frames;
        }
        state.PauseTiming();
        const auto& listings = app.view<ui::ArchiveView>().listings;
        state.counters["listed"] = listings ? static_cast<double>(listings->size()) : -1;
        state.counters["frames"] = frames;
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ArchiveTabFirstFrame)->Unit(benchmark::kMillisecond);

/// The list of the 40 archives as the Archive tab and `archive liste` made it before the index: every etape.json
/// parsed (BM_ArchiveListIndexed: from the index, what they do now).
void BM_ArchiveListParsed(benchmark::State& state) {
    const fs::path dir = scaleData(40, 0, true);
    for (auto _ : state) benchmark::DoNotOptimize(store::listArchives(dir).size());
}
BENCHMARK(BM_ArchiveListParsed)->Unit(benchmark::kMillisecond);
void BM_ArchiveListIndexed(benchmark::State& state) {
    const fs::path dir = scaleData(40, 0, true);
    store::Database db(dir / "atelier.db", store::Access::Read);
    for (auto _ : state) benchmark::DoNotOptimize(store::listSummaries(dir, &db).size());
}
BENCHMARK(BM_ArchiveListIndexed)->Unit(benchmark::kMillisecond);

}  // namespace
