// atelier_bench: benchmarks of the hot paths (Google Benchmark). Built with the project, not run by `make test`:
// run `build/atelier_bench` and put the numbers in the note of the issue.
//
// - BM_ApplyCommitted: one action through Session::apply with the SQLite journal (WAL, synchronous=FULL): the
//   latency a facilitator feels on every edit.
// - BM_ReplayJournal/N: opening a workspace whose journal holds N actions (the start-up cost).
// - BM_ConsoleFrame / BM_ProjectorFrame: one headless Dear ImGui frame of the console and of the projector.
// - BM_BoardFrame/N, BM_BoardFrameAfterChange/N: the Idées screen and the projector wall (bench_boards.cpp).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "store/database.h"
#include "ui/app.h"
#include "ui/headless.h"

using namespace atelier;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() / (std::string("atelier-bench-") + name + std::to_string(rd()));
    fs::remove_all(dir);
    return dir;
}

ProgrammeItem item(int i) {
    return ProgrammeItem{0, 8 * 60 + (i % 600), 10, "Atelier n° " + std::to_string(i), ItemKind::Atelier};
}

void BM_ApplyCommitted(benchmark::State& state) {
    const fs::path dir = freshDir("apply");
    {
        store::Workspace ws(dir);
        Session& s = ws.session();
        const Id e1 = s.model().etapeByNumber(1)->id;
        ProgrammeItem changed = s.model().etape(e1)->programme[0];
        int i = 0;
        for (auto _ : state) {
            changed.duration = 10 + (i++ % 50);
            if (!s.apply(UpdateProgrammeItem{e1, changed})) state.SkipWithError("refused");
        }
    }
    fs::remove_all(dir);
}
BENCHMARK(BM_ApplyCommitted)->Unit(benchmark::kMicrosecond);

void BM_ReplayJournal(benchmark::State& state) {
    const fs::path dir = freshDir("replay");
    {
        store::Workspace ws(dir);
        Session& s = ws.session();
        const Id e1 = s.model().etapeByNumber(1)->id;
        store::Transaction tx(ws.database().connection());  // fill fast: one transaction
        for (int i = 0; i < state.range(0); ++i) s.apply(AddProgrammeItem{e1, item(i)});
        tx.commit();
    }
    for (auto _ : state) {
        store::Workspace ws(dir);
        benchmark::DoNotOptimize(ws.session().model().etapes.size());
    }
    fs::remove_all(dir);
}
BENCHMARK(BM_ReplayJournal)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void frameBench(benchmark::State& state, bool projector) {
    Session s;
    Etape e;
    e.header.theme = "Concertation et intelligence collective dans le travail des Cités éducatives";
    for (int i = 0; i < 12; ++i) e.programme.push_back(item(i));
    s.applyUnrecorded(AddEtape{e}, JournalKind::Seed);
    ui::Headless imgui(1920, 1080);
    ui::App app(s);
    Actions actions;
    ui::UiRequests requests;
    for (auto _ : state) {
        imgui.frame([&] {
            if (projector) app.drawProjector(requests);
            else app.drawConsole(actions, requests);
        });
        actions.clear();
    }
}
void BM_ConsoleFrame(benchmark::State& state) { frameBench(state, false); }
void BM_ProjectorFrame(benchmark::State& state) { frameBench(state, true); }
BENCHMARK(BM_ConsoleFrame)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ProjectorFrame)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
