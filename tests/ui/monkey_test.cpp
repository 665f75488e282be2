// The UI monkey, short: a few thousand seeded random events on every screen of a fixture day, the model's
// invariants checked after every change. The long run (a million events, sanitizers) is `atelier_monkey`.
#include <doctest/doctest.h>

#include <set>

#include "support/cli.h"
#include "ui/monkey.h"

using namespace atelier;

TEST_CASE("monkey: seeded random clicks, drags, keys and typing on every screen keep the model consistent") {
    std::set<std::string> reached;
    long events = 0, changes = 0;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        test::TempDir dir("atelier-monkey");
        ui::monkey::Options options;
        options.seed = seed;
        options.events = 4000;
        options.dataDir = dir.path / "data";
        options.journalFailOneIn = seed == 3 ? 40 : 0;  // one run on a disk that sometimes refuses
        const ui::monkey::Report report = ui::monkey::run(options);
        INFO("seed " << seed);
        for (const std::string& f : report.failures) FAIL_CHECK(f);
        CHECK(report.events >= options.events);
        for (const auto& [screen, frames] : report.screens) reached.insert(screen);
        if (options.journalFailOneIn) CHECK(report.unsaved > 0);  // the « non enregistrée » modal was shown
        events += report.events;
        changes += report.changes;
    }
    std::string missing;
    for (const std::string& s : ui::monkey::allScreens())
        if (!reached.count(s)) missing += " " + s;
    MESSAGE(events << " events, " << changes << " changes, " << reached.size() << " screens reached");
    CHECK_MESSAGE(missing.empty(), "screens never reached:" << missing);
    CHECK(changes > 50);  // the monkey does change the model (a monkey that only looks cannot fail)
}
