// BM_SummaryPdf: synthese.pdf of the demo étape with a board of 2,000 ideas (the bar: under a second).
// BM_BookletPdf: livret.pdf of 12 such étapes (the bar: under 3 s). BM_SummaryHtml: synthese.html of the same
// étape, its charts included, for comparison.
#include <benchmark/benchmark.h>

#include <string>

#include "core/archive.h"
#include "core/demo.h"
#include "core/session.h"
#include "export/booklet.h"
#include "export/pdf.h"
#include "export/summary.h"

using namespace atelier;

namespace {

/// The demo étape with `ideas` more ideas on its first board, archived.
EtapeArchive bigArchive(int ideas) {
    Session s;
    if (!buildDemo(s, Date{2020, 2, 11}).ok) return {};
    const Etape& e = s.model().etapes.back();
    const Board& b = e.boards.front();
    const char* words[] = {"Un café des parents au collège", "Des ateliers parents-enfants le mercredi après-midi",
                           "Un référent « familles » dans chaque école", "Traduire les courriers en plusieurs langues",
                           "Une fête de quartier avec les associations", "Former les enseignants à l'accueil des familles"};
    for (int i = 0; i < ideas; ++i) {
        Idea idea;
        idea.text = std::string(words[i % 6]) + " — proposition " + std::to_string(i + 1);
        idea.category = b.categories[static_cast<size_t>(i) % b.categories.size()].id;
        idea.group = "Groupe " + std::to_string(i % 6 + 1);
        s.applyUnrecorded(AddIdea{e.id, b.id, idea}, JournalKind::Seed);
    }
    return makeArchive(s.model(), s.model().etapes.back(), "bench", "2020-02-11T17:30:00Z");
}

/// The pages of a PDF written by libharu (one "/Type /Page" dictionary each).
size_t countPages(const std::string& pdf) {
    size_t pages = 0;
    for (size_t at = pdf.find("/Type /Page\n"); at != std::string::npos; at = pdf.find("/Type /Page\n", at + 1)) ++pages;
    return pages;
}

void BM_SummaryPdf(benchmark::State& state) {
    const EtapeArchive a = bigArchive(2000);
    size_t ideas = 0;
    for (const Board& b : a.etape.boards) ideas += b.ideas.size();
    size_t bytes = 0, pages = 0;
    for (auto _ : state) {
        const std::string pdf = exporting::summaryPdf(a);
        bytes = pdf.size();
        pages = countPages(pdf);
    }
    state.counters["ideas"] = static_cast<double>(ideas);
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["ko"] = static_cast<double>(bytes) / 1000.0;
}
BENCHMARK(BM_SummaryPdf)->Unit(benchmark::kMillisecond);

void BM_SummaryHtml(benchmark::State& state) {
    const EtapeArchive a = bigArchive(2000);
    for (auto _ : state) benchmark::DoNotOptimize(exporting::summaryHtml(a));
}
BENCHMARK(BM_SummaryHtml)->Unit(benchmark::kMillisecond);

void BM_BookletPdf(benchmark::State& state) {
    const EtapeArchive a = bigArchive(2000);
    exporting::BookletInput in;
    in.title = "Livret du Tour des Cités éducatives — 2020";
    for (int n = 0; n < 12; ++n) {
        EtapeArchive copy = a;
        copy.etape.header.number = n + 1;
        copy.etape.header.date = Date{2020, 1 + n, 11};
        in.archives.push_back(std::move(copy));
    }
    in.cites = {"Amiens", "Arras", "Boulogne-sur-Mer", "Calais", "Creil", "Denain", "Lens", "Lille", "Maubeuge", "Roubaix",
                "Saint-Quentin", "Tourcoing", "Valenciennes-Anzin"};
    size_t bytes = 0, pages = 0;
    for (auto _ : state) {
        const std::string pdf = exporting::bookletPdf(in);
        bytes = pdf.size();
        pages = countPages(pdf);
    }
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["ko"] = static_cast<double>(bytes) / 1000.0;
}
BENCHMARK(BM_BookletPdf)->Unit(benchmark::kMillisecond);

}  // namespace
