#include <doctest/doctest.h>

#include "core/calendar.h"
#include "support/fixtures.h"

using namespace atelier;

TEST_CASE("calendar: quarters of the Tour, étapes by quarter, the tracker and its warnings") {
    Session s = test::tourSession();
    const auto quarters = tourQuarters(s.model());
    REQUIRE(quarters.size() == 12);
    CHECK(quarters.front() == Quarter{2020, 1});
    CHECK(quarters.back() == Quarter{2022, 4});
    CHECK(etapesIn(s.model(), Quarter{2020, 1}).size() == 1);
    CHECK(etapesIn(s.model(), Quarter{2020, 2}).front()->header.number == 2);
    CHECK(calendarWarnings(s.model()).empty());
    CHECK(nextEtapeNumber(s.model()) == 3);

    const auto tracker = tourTracker(s.model());
    REQUIRE(tracker.size() == 3);  // Amiens, Lille, Arras are Cités in the fixture
    CHECK(tracker[0].etapes == std::vector<int>{1});
    CHECK(tracker[1].etapes.empty());

    // Étape 3 in the same quarter as étape 2, hosted by Amiens again.
    Etape e3;
    e3.header = EtapeHeader{3, Date{2020, 5, 12}, s.model().territoryByName("Amiens")->id, "Parentalité"};
    REQUIRE(s.apply(AddEtape{e3}).ok);
    const auto warnings = calendarWarnings(s.model());
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0] == "Les étapes 3 et 2 tombent toutes au 2e trimestre 2020\u00a0: une rencontre par trimestre est prévue.");
    CHECK(warnings[1].find("Amiens accueille plusieurs étapes (1 et 3)") == 0);

    // A regional day does not count against the one-étape-a-quarter rule, and an étape in 2023 widens the grid.
    Etape regional;
    regional.header = EtapeHeader{4, Date{2023, 1, 10}, std::nullopt, "Bilan", "", EtapeKind::JourneeRegionale};
    REQUIRE(s.apply(AddEtape{regional}).ok);
    CHECK(tourQuarters(s.model()).back() == Quarter{2023, 1});
    CHECK(calendarWarnings(s.model()).size() == 2);
}
