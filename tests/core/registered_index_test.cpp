// The index of registered people (Etape::registered) that AddRegistration consults instead of scanning: whatever
// the sequence of additions, removals, changes of person, undo and redo, a registration is refused exactly when its
// person is already registered, as the scan of the whole list says.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/session.h"
#include "support/fixtures.h"

using namespace atelier;

TEST_CASE("adding a registration is refused exactly when the person is already registered, after any sequence") {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        CAPTURE(seed);
        Session s = test::tourSession();
        for (int i = 0; i < 12; ++i)
            REQUIRE(s.applyUnrecorded(AddPerson{Person{0, "Personne " + std::to_string(i), "", std::nullopt}},
                                      JournalKind::Seed));
        const Id etape = s.model().etapes.front().id;
        std::mt19937 rng(seed);
        auto scanned = [&](Id person) {
            const auto& regs = s.model().etape(etape)->registrations;
            return std::any_of(regs.begin(), regs.end(), [&](const Registration& r) { return r.person == person; });
        };
        for (int step = 0; step < 400; ++step) {
            const auto& people = s.model().people;
            const Id person = people[rng() % people.size()].id;
            const auto& regs = s.model().etape(etape)->registrations;
            switch (rng() % 6) {
                case 0:
                case 1: {
                    const bool before = scanned(person);
                    const int index = rng() % 3 == 0 ? static_cast<int>(rng() % (regs.size() + 1)) : -1;
                    const Status st = s.apply(AddRegistration{etape, Registration{0, person, 1, false, false}, index});
                    CHECK(st.ok == !before);
                    CHECK(scanned(person));
                    break;
                }
                case 2:
                    if (!regs.empty()) REQUIRE(s.apply(RemoveRegistration{etape, regs[rng() % regs.size()].id}));
                    break;
                case 3:
                    if (!regs.empty()) {
                        Registration r = regs[rng() % regs.size()];
                        r.person = person;
                        const bool taken = std::any_of(regs.begin(), regs.end(), [&](const Registration& o) {
                            return o.person == person && o.id != r.id;
                        });
                        CHECK(s.apply(UpdateRegistration{etape, r}).ok == !taken);
                    }
                    break;
                case 4: s.undo(); break;
                case 5: s.redo(); break;
            }
        }
        // A copy of the model answers the same (its index starts empty and is built from the list).
        Model copy = s.model();
        for (const Person& p : copy.people) {
            Action add = AddRegistration{etape, Registration{0, p.id, 1, false, false}};
            Model probe = copy;
            CHECK(applyAction(probe, add).ok == !scanned(p.id));
        }
    }
}
