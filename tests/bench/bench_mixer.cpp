// Benchmarks of the group mixer on social golfer instances with a known schedule where no pair meets twice
// (groups-size-rounds: 5-3-7 is Kirkman's schoolgirls). Everyone comes from a different territory and the same
// institution, so the only objective left is repeated pairs. Each benchmark runs the mixer once per seed with the
// default 2 s budget and reports, over the seeds: best and median repeated pairs, best and median wall time, and how
// many seeds reached 0. The last argument is MixerInput::algebraicStart: /1 is the mixer as shipped, /0 the local
// search from greedy starts only (the affine start alone solves 5-3-7's first rounds, 8-4-9 and 4-4-5).
//
// BM_MixerLargeRoster/people/groups/rounds: the time budget at sizes where the mixer used to ignore it (issue 10,
// point 5: 2,000 people took 22 s at 50 ms, 20,000 reached 9 GB; issue 32: 40,000 people over 50 and 100 rounds,
// where the plan alone holds 2 to 4 million seats): 13 Cités, five institutions, a 50 ms budget as
// `atelier groups --time-limit-ms 50` gives it. Reports the wall and CPU time of mixGroups (the budget includes
// everything from its first instruction to the statistics of the plan), the peak memory of the process during the
// call (VmHWM reset before each run through /proc/self/clear_refs: the roster and the benchmark itself included),
// the work counted and whether the budget stopped it.
//
// BM_MixerGolferTable/people/groups/rounds/cites: the golfer table of issue 32 and the earlier instances, 5 seeds,
// 2 s of CPU each at most: repeats best/median and CPU time per instance.
//
//   build/atelier_bench --benchmark_filter=Mixer
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "core/mixer.h"

using namespace atelier;

namespace {

constexpr int kSeeds = 10;

MixerInput golfers(int groups, int size, int rounds) {
    MixerInput input;
    for (int i = 0; i < groups * size; ++i) {
        std::string id = "p", territory = "t";
        id += std::to_string(i);
        territory += std::to_string(i);
        input.people.push_back({id, territory, Institution::Autre});
    }
    input.groups = groups;
    input.rounds = rounds;
    input.timeLimitMs = 2000;
    return input;
}

template <class T>
T median(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

void BM_MixerSocialGolfer(benchmark::State& state) {
    const int groups = static_cast<int>(state.range(0));
    const int size = static_cast<int>(state.range(1));
    const int rounds = static_cast<int>(state.range(2));
    const bool algebraic = state.range(3) != 0;
    std::vector<double> repeats, ms, iterations;
    for (auto _ : state) {
        for (int seed = 1; seed <= kSeeds; ++seed) {
            MixerInput input = golfers(groups, size, rounds);
            input.seed = static_cast<std::uint64_t>(seed);
            input.algebraicStart = algebraic;
            const MixerResult result = mixGroups(input);
            if (!result.ok()) {
                state.SkipWithError(result.error.c_str());
                return;
            }
            repeats.push_back(result.plan.stats.repeatPairs);
            ms.push_back(result.plan.stats.elapsedMs);
            iterations.push_back(static_cast<double>(result.plan.stats.iterations));
        }
    }
    state.counters["best_repeats"] = *std::min_element(repeats.begin(), repeats.end());
    state.counters["median_repeats"] = median(repeats);
    state.counters["best_ms"] = *std::min_element(ms.begin(), ms.end());
    state.counters["median_ms"] = median(ms);
    state.counters["solved"] = static_cast<double>(std::count(repeats.begin(), repeats.end(), 0.0));
    state.counters["median_iters"] = median(iterations);
    std::string label = std::to_string(groups);
    for (const std::string& part : {std::string("-"), std::to_string(size), std::string("-"), std::to_string(rounds),
                                    std::string(", "), std::to_string(kSeeds), std::string(" seeds")})
        label += part;
    state.SetLabel(label);
}
BENCHMARK(BM_MixerSocialGolfer)
    ->ArgNames({"groups", "size", "rounds", "algebraic"})
    ->ArgsProduct({{5}, {3}, {7}, {1, 0}})
    ->ArgsProduct({{6}, {3}, {8}, {1, 0}})
    ->ArgsProduct({{7}, {3}, {10}, {1, 0}})
    ->ArgsProduct({{8}, {4}, {9}, {1, 0}})
    ->ArgsProduct({{4}, {4}, {5}, {1, 0}})
    ->ArgsProduct({{7}, {4}, {9}, {1, 0}})
    ->ArgsProduct({{8}, {4}, {10}, {1, 0}})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

/// The golfer table of issue 32 and the earlier instances measured against Good Enough Golfers, as
/// people/groups/rounds/cités (cités 0: everyone from a different territory, so that only pairs matter; 7: seven
/// Cités of 4 people). Five seeds, the default 2 s budget (CPU time): best and median repeated pairs, median and
/// largest CPU time of one call, how many seeds reached 0, and the same-Cité pairs of all seeds.
void BM_MixerGolferTable(benchmark::State& state) {
    const int people = static_cast<int>(state.range(0)), groups = static_cast<int>(state.range(1));
    const int rounds = static_cast<int>(state.range(2)), cites = static_cast<int>(state.range(3));
    constexpr int kTableSeeds = 5;
    std::vector<double> repeats, cpu;
    double sameCite = 0;
    for (auto _ : state) {
        for (int seed = 1; seed <= kTableSeeds; ++seed) {
            MixerInput input;
            for (int i = 0; i < people; ++i) {
                std::string id = "p", territory = "t";
                id += std::to_string(i);
                territory += std::to_string(cites > 0 ? i % cites : i);
                input.people.push_back({id, territory, Institution::Autre});
            }
            input.groups = groups;
            input.rounds = rounds;
            input.seed = static_cast<std::uint64_t>(seed);
            const MixerResult result = mixGroups(input);
            if (!result.ok()) {
                state.SkipWithError(result.error.c_str());
                return;
            }
            repeats.push_back(result.plan.stats.repeatPairs);
            cpu.push_back(result.plan.stats.cpuMs);
            sameCite += result.plan.stats.sameCitePairs;
        }
    }
    state.counters["best_repeats"] = *std::min_element(repeats.begin(), repeats.end());
    state.counters["median_repeats"] = median(repeats);
    state.counters["median_cpu_ms"] = median(cpu);
    state.counters["max_cpu_ms"] = *std::max_element(cpu.begin(), cpu.end());
    state.counters["solved"] = static_cast<double>(std::count(repeats.begin(), repeats.end(), 0.0));
    state.counters["same_cite"] = sameCite;
}
BENCHMARK(BM_MixerGolferTable)
    ->ArgNames({"people", "groups", "rounds", "cites"})
    // the golfer table of issue 32: 8-4-10, 7-4-9, 9-3-12, then the controls 8-4-9, 10-4-10, 5-3-7
    ->Args({32, 8, 10, 0})
    ->Args({28, 7, 9, 0})
    ->Args({27, 9, 12, 0})
    ->Args({32, 8, 9, 0})
    ->Args({40, 10, 10, 0})
    ->Args({15, 5, 7, 0})
    // more golfers: 6-3-8, 7-3-10, 8-3-10, 4-4-5, 5-4-5, 6-4-6, 5-5-6, 6-5-6, 6-6-3, 7-7-8, 8-8-9, 10-10-3
    ->Args({18, 6, 8, 0})
    ->Args({21, 7, 10, 0})
    ->Args({24, 8, 10, 0})
    ->Args({16, 4, 5, 0})
    ->Args({20, 5, 5, 0})
    ->Args({24, 6, 6, 0})
    ->Args({25, 5, 6, 0})
    ->Args({30, 6, 6, 0})
    ->Args({36, 6, 3, 0})
    ->Args({49, 7, 8, 0})
    ->Args({64, 8, 9, 0})
    ->Args({100, 10, 3, 0})
    // uneven rooms and larger ones: 23 in 5×4, 37 in 6×3 (optimum 2), 52 in 8×3, 120 in 15×4, 300 in 30×3
    ->Args({23, 5, 4, 0})
    ->Args({37, 6, 3, 0})
    ->Args({52, 8, 3, 0})
    ->Args({120, 15, 4, 0})
    ->Args({300, 30, 3, 0})
    // 28 people of 7 Cités × 4 in 7 groups, 5 rounds
    ->Args({28, 7, 5, 7})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

/// The realistic day: 13 Cités × 4 people (three co-pilots and a chef de projet), 8 groups, 3 rounds.
void BM_MixerTourDay(benchmark::State& state) {
    MixerInput input;
    for (int c = 0; c < 13; ++c) {
        std::string cite = "cite";
        cite += std::to_string(c);
        input.people.push_back({cite + "-pref", cite, Institution::PrefectureEtat});
        input.people.push_back({cite + "-en", cite, Institution::EducationNationale});
        input.people.push_back({cite + "-coll", cite, Institution::Collectivite});
        input.people.push_back({cite + "-cdp", cite, c % 2 ? Institution::Association : Institution::Collectivite});
    }
    input.groups = 8;
    input.rounds = 3;
    double iterations = 0;
    for (auto _ : state) {
        const MixerResult result = mixGroups(input);
        benchmark::DoNotOptimize(result.plan.stats.repeatPairs);
        iterations = static_cast<double>(result.plan.stats.iterations);
        state.counters["repeats"] = result.plan.stats.repeatPairs;
        state.counters["same_cite"] = result.plan.stats.sameCitePairs;
        state.counters["min_kinds"] = result.plan.stats.minKinds;
    }
    state.counters["iterations"] = iterations;
}
BENCHMARK(BM_MixerTourDay)->Unit(benchmark::kMillisecond);

/// Peak resident memory of the process in kB (VmHWM), or -1.
double peakKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6));
    return -1;
}
/// Sets the peak back to the current resident memory (Linux: "5" to clear_refs).
void resetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

void BM_MixerLargeRoster(benchmark::State& state) {
    const int people = static_cast<int>(state.range(0));
    MixerInput input;
    for (int i = 0; i < people; ++i) {
        std::string id = "p", cite = "cite";
        id += std::to_string(i);
        cite += std::to_string(i % 13);
        input.people.push_back({id, cite, static_cast<Institution>(i % 5)});
    }
    input.groups = static_cast<int>(state.range(1));
    input.rounds = static_cast<int>(state.range(2));
    input.timeLimitMs = 50;
    std::vector<double> wall, cpu, peak;
    MixerStats last;
    for (auto _ : state) {
        resetPeak();
        const auto start = std::chrono::steady_clock::now();
        const MixerResult result = mixGroups(input);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        peak.push_back(peakKb());
        if (!result.ok()) {
            state.SkipWithError(result.error.c_str());
            return;
        }
        last = result.plan.stats;
        cpu.push_back(last.cpuMs);
    }
    state.counters["median_ms"] = median(wall);
    state.counters["median_cpu_ms"] = median(cpu);  // what the budget counts (the machine may be shared)
    state.counters["max_ms"] = *std::max_element(wall.begin(), wall.end());
    state.counters["peak_MB"] = *std::max_element(peak.begin(), peak.end()) / 1024;
    state.counters["iterations"] = static_cast<double>(last.iterations);
    state.counters["work_M"] = static_cast<double>(last.work) / 1e6;
    state.counters["time_limit"] = last.stop == MixerStop::TimeLimit ? 1 : 0;
    state.counters["same_cite"] = last.sameCitePairs;
    state.counters["repeats"] = last.repeatPairs;
}
BENCHMARK(BM_MixerLargeRoster)
    ->ArgNames({"people", "groups", "rounds"})
    ->Args({2000, 100, 3})
    ->Args({20000, 100, 3})
    ->Args({20000, 1000, 3})
    // issue 32, point 3: 40,000 people in 3 groups over 50 rounds, and in pairs (20,000 groups) over 100 rounds
    ->Args({40000, 3, 50})
    ->Args({40000, 20000, 100})
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

}  // namespace
