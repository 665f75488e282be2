#include <doctest/doctest.h>

#include "core/fees.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

/// Fixture: Lille adhérent, Arras non adhérent, Amiens à vérifier; one registration per case at étape 1.
struct Fixture {
    Session s = test::tourSession();
    Id e1 = s.model().etapeByNumber(1)->id;

    Registration registerPerson(const char* name, const char* territory, Institution institution, int days = 1) {
        const Id t = s.model().territoryByName(territory)->id;
        REQUIRE(s.apply(AddPerson{Person{0, name, "", t, institution, Role::Copilote}}).ok);
        const Id p = s.model().people.back().id;
        REQUIRE(s.apply(AddRegistration{e1, Registration{0, p, days}}).ok);
        return s.model().etape(e1)->registrations.back();
    }
    Fee fee(const Registration& r) { return feeOf(s.model(), *s.model().etape(e1), r); }
};

}  // namespace

TEST_CASE("fees: member territory, non-member, State agent, unknown membership") {
    Fixture f;
    const Fee member = f.fee(f.registerPerson("Adèle", "Lille", Institution::Collectivite));
    CHECK(member.cents == 0L);
    CHECK(member.reason == FeeReason::Adherent);

    const Fee nonMember = f.fee(f.registerPerson("Bruno", "Arras", Institution::Association));
    CHECK(nonMember.cents == 15000L);
    CHECK(nonMember.reason == FeeReason::NonAdherent);

    const Fee agent = f.fee(f.registerPerson("Chloé", "Arras", Institution::EducationNationale));
    CHECK(agent.cents == 0L);
    CHECK(agent.reason == FeeReason::StateAgent);
    const Fee prefecture = f.fee(f.registerPerson("Driss", "Amiens", Institution::PrefectureEtat));
    CHECK(prefecture.cents == 0L);

    const Fee unknown = f.fee(f.registerPerson("Émile", "Amiens", Institution::Collectivite));
    CHECK_FALSE(unknown.cents);  // never guessed
    CHECK(unknown.reason == FeeReason::AVerifier);
    CHECK(std::string(feeReasonKey(unknown.reason)) == "à vérifier");

    const FeeStatement st = feeStatement(f.s.model(), *f.s.model().etape(f.e1));
    CHECK(st.totalCents == 15000);
    CHECK(st.unknown == 1);
    REQUIRE(st.territories.size() == 3);
    CHECK(st.territories[1].people == 2);  // Arras: Bruno and Chloé
    CHECK(st.territories[1].cents == 15000);
}

TEST_CASE("fees: a two-day regional day and the year's rate") {
    Fixture f;
    EtapeHeader h = f.s.model().etape(f.e1)->header;
    h.kind = EtapeKind::JourneeRegionale;
    h.days = 2;
    REQUIRE(f.s.apply(UpdateEtape{f.e1, h}).ok);
    const Registration both = f.registerPerson("Farid", "Arras", Institution::Collectivite, 2);
    const Registration one = f.registerPerson("Gaëlle", "Arras", Institution::Association, 1);
    CHECK(f.fee(both).cents == 30000L);
    CHECK(f.fee(both).days == 2);
    CHECK(f.fee(one).cents == 15000L);
    REQUIRE(f.s.apply(SetDayRate{2020, 12000}).ok);  // the rate of the étape's year applies
    CHECK(f.fee(both).cents == 24000L);
    REQUIRE(f.s.apply(SetDayRate{2021, 99900}).ok);  // another year's rate does not
    CHECK(f.fee(both).cents == 24000L);
    // Changing membership changes the fee at once.
    Territory arras = *f.s.model().territoryByName("Arras");
    arras.membership = Membership::Adherent;
    REQUIRE(f.s.apply(UpdateTerritory{arras}).ok);
    CHECK(f.fee(both).cents == 0L);
}

TEST_CASE("euros are written the French way") {
    CHECK(formatEuros(15000) == "150\u00a0€");
    CHECK(formatEuros(135000) == "1\u202f350\u00a0€");
    CHECK(formatEuros(8750) == "87,50\u00a0€");
    CHECK(formatEuros(0) == "0\u00a0€");
    CHECK(formatEuros(123456789) == "1\u202f234\u202f567,89\u00a0€");
}
