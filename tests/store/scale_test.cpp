// Issue 13's registration import, cheaper: AddEtape's étape held in a box (every Action stays small), and the
// journal's time stamp read once per step.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "core/boxed.h"
#include "store/database.h"
#include "support/cli.h"

using namespace atelier;
using namespace atelier::store;

TEST_CASE("a boxed value copies, compares and moves like the value") {
    Boxed<Etape> a;
    a->header.number = 4;
    Boxed<Etape> b = a;
    CHECK(a == b);
    b->header.number = 5;
    CHECK(a->header.number == 4);
    CHECK_FALSE(a == b);
    Boxed<Etape> c = std::move(b);
    CHECK(c->header.number == 5);
    CHECK(b->header.number == Etape{}.header.number);  // NOLINT: a moved-from box reads as a default value
    b->header.number = 6;                              // and can be written again
    CHECK(b->header.number == 6);
    const Etape& plain = a;
    CHECK(plain.header.number == 4);
    CHECK(sizeof(Action) <= 216);
}

TEST_CASE("the records of one step share one time stamp, in the column's format") {
    test::TempDir dir;
    Database db(dir.path / "atelier.db");
    const Action one = AddTerritory{Territory{0, "Amiens", "Somme", Membership::Adherent, true}, -1};
    const Action two = RemoveTerritory{7};
    db.recordAll({{&one, JournalKind::Do}, {&two, JournalKind::Do}, {&one, JournalKind::Undo}});
    const auto first = db.mark(1), last = db.mark(3);
    REQUIRE(first);
    REQUIRE(last);
    CHECK(first->at == last->at);
    CHECK(std::regex_match(first->at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    CHECK(first->action == "AddTerritory");
    CHECK(db.journalSize() == 3);
}
