// Every action: applied, undone and redone through Session, with the model checked at each step; and the
// validations that refuse bad input without changing anything.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <thread>

#include "core/session.h"
#include "support/fixtures.h"
#include "support/roundtrip.h"

using namespace atelier;
using atelier::test::sameContent;
using atelier::test::refused;
using atelier::test::roundTrip;
using atelier::test::tourSession;

namespace {

Id territoryId(const Session& s, const char* name) { return s.model().territoryByName(name)->id; }
const Etape& etape(const Session& s, int number) { return *s.model().etapeByNumber(number); }

/// A journal that keeps entries in memory, or refuses them.
struct MemoryJournal : Journal {
    std::vector<std::pair<Action, JournalKind>> entries;
    bool fail = false;
    void record(const Action& a, JournalKind k) override {
        if (fail) throw std::runtime_error("disque plein");
        entries.emplace_back(a, k);
    }
};

}  // namespace

TEST_CASE("territory actions and their undo") {
    Session s = tourSession();
    Model m = roundTrip(s, AddTerritory{Territory{0, "Creil", "Oise", Membership::AVerifier, true}});
    const Territory* creil = m.territoryByName("creil");
    REQUIRE(creil);
    CHECK(creil->department == "Oise");
    CHECK(m.territories.back().name == "Creil");

    Territory changed = *creil;
    changed.membership = Membership::Adherent;
    changed.name = "  Creil  ";  // trimmed
    m = roundTrip(s, UpdateTerritory{changed});
    CHECK(m.territory(changed.id)->membership == Membership::Adherent);
    CHECK(m.territory(changed.id)->name == "Creil");

    m = roundTrip(s, RemoveTerritory{changed.id});
    CHECK(m.territory(changed.id) == nullptr);
    // Undo of a removal puts it back at its place.
    REQUIRE(s.undo().ok);
    CHECK(s.model().territories.back().id == changed.id);
}

TEST_CASE("person actions and their undo") {
    Session s = tourSession();
    const Id lille = territoryId(s, "Lille");
    Model m = roundTrip(s, AddPerson{Person{0, "Jean Dupont", "j.dupont@ac-lille.fr", lille,
                                            Institution::EducationNationale, Role::Copilote}});
    const Person p = m.people.back();  // a copy: `m` is replaced below (a reference would dangle: ASan)
    CHECK(p.name == "Jean Dupont");
    CHECK(isStateAgent(p.institution));
    CHECK_FALSE(isStateAgent(Institution::Collectivite));

    Person changed = p;
    changed.role = Role::Intervenant;
    changed.territory.reset();
    m = roundTrip(s, UpdatePerson{changed});
    CHECK(m.person(p.id)->role == Role::Intervenant);
    CHECK_FALSE(m.person(p.id)->territory);

    m = roundTrip(s, RemovePerson{p.id});
    CHECK(m.person(p.id) == nullptr);
}

TEST_CASE("étape actions and their undo") {
    Session s = tourSession();
    Etape e3;
    e3.header = EtapeHeader{3, Date{2020, 10, 6}, territoryId(s, "Lille"), "Parentalité", "Hôtel de ville",
                            EtapeKind::Etape, EtapeStatus::Prevue};
    e3.programme = {{0, 9 * 60, 30, "Accueil café", ItemKind::Accueil}};
    Model m = roundTrip(s, AddEtape{e3});
    const Etape* added = m.etapeByNumber(3);
    REQUIRE(added);
    CHECK(added->id != 0);
    REQUIRE(added->programme.size() == 1);
    CHECK(added->programme[0].id != 0);
    CHECK(added->programme[0].id != added->id);

    EtapeHeader h = etape(s, 2).header;
    h.host = territoryId(s, "Arras");
    h.status = EtapeStatus::Confirmee;
    h.venue = "Salle des fêtes";
    m = roundTrip(s, UpdateEtape{etape(s, 2).id, h});
    CHECK(m.etapeByNumber(2)->header.host == territoryId(s, "Arras"));
    CHECK(m.etapeByNumber(2)->header.venue == "Salle des fêtes");

    const Id id1 = etape(s, 1).id;
    m = roundTrip(s, RemoveEtape{id1});
    CHECK(m.etape(id1) == nullptr);
    REQUIRE(s.undo().ok);
    CHECK(s.model().etapes.front().id == id1);  // back at its place, programme included
    CHECK(s.model().etapes.front().programme.size() == 4);
}

TEST_CASE("programme actions and their undo") {
    Session s = tourSession();
    const Id e1 = etape(s, 1).id;

    Model m = roundTrip(s, AddProgrammeItem{e1, ProgrammeItem{0, 16 * 60, 30, "Synthèse", ItemKind::Synthese}});
    CHECK(m.etape(e1)->programme.size() == 5);
    CHECK(m.etape(e1)->programme.back().title == "Synthèse");

    m = roundTrip(s, AddProgrammeItem{e1, ProgrammeItem{0, 9 * 60, 30, "Café", ItemKind::Pause}, 0});
    CHECK(m.etape(e1)->programme.front().title == "Café");

    ProgrammeItem item = etape(s, 1).programme[1];  // Mot d'accueil
    item.title = "Mot d’accueil du maire";
    item.duration = 20;
    m = roundTrip(s, UpdateProgrammeItem{e1, item});
    CHECK(m.etape(e1)->programme[1].title == "Mot d’accueil du maire");
    CHECK(m.etape(e1)->programme[1].duration == 20);

    const Id last = etape(s, 1).programme.back().id;
    m = roundTrip(s, MoveProgrammeItem{e1, last, 0});
    CHECK(m.etape(e1)->programme.front().id == last);

    const Id second = etape(s, 1).programme[1].id;
    m = roundTrip(s, RemoveProgrammeItem{e1, second});
    CHECK(indexOf(m.etape(e1)->programme, second) < 0);
}

TEST_CASE("settings action and its undo") {
    Session s = tourSession();
    Model m = roundTrip(s, UpdateSettings{Settings{"IREV", "Gwendoline Le Coat", "g.lecoat@irev.fr", "03 20 25 61 53"}});
    CHECK(m.settings.contactEmail == "g.lecoat@irev.fr");
}

TEST_CASE("bad input is refused with a French message and changes nothing") {
    Session s = tourSession();
    const Id e1 = etape(s, 1).id;
    const Id amiens = territoryId(s, "Amiens");

    CHECK(refused(s, AddTerritory{Territory{0, "   ", "Nord"}}) == "Le nom ne peut pas être vide.");
    CHECK(refused(s, AddTerritory{Territory{0, "AMIENS", "Somme"}}).find("existe déjà") != std::string::npos);
    CHECK(refused(s, AddTerritory{Territory{0, "Ami\xe9ns", "Somme"}}).find("UTF-8 invalide") != std::string::npos);
    CHECK(refused(s, AddTerritory{Territory{0, std::string(201, 'x'), ""}}).find("dépasse 200") != std::string::npos);
    CHECK(refused(s, RemoveTerritory{amiens}).find("accueille l'étape 1") != std::string::npos);
    CHECK(refused(s, RemoveTerritory{999}) == "Ce territoire n'existe pas (ou plus).");
    CHECK(refused(s, AddPerson{Person{0, "X", "pas-une-adresse"}}).find("pas une adresse") != std::string::npos);
    CHECK(refused(s, AddPerson{Person{0, "X", "", Id{999}}}) == "Ce territoire n'existe pas (ou plus).");

    EtapeHeader bad = etape(s, 1).header;
    bad.date = Date{2021, 2, 29};
    CHECK(refused(s, UpdateEtape{e1, bad}).find("2021-02-29") != std::string::npos);
    bad = etape(s, 1).header;
    bad.number = 0;
    refused(s, UpdateEtape{e1, bad});
    bad = etape(s, 1).header;
    bad.theme = std::string(5000, 'a');
    CHECK(refused(s, UpdateEtape{e1, bad}).find("Thème") != std::string::npos);

    CHECK(refused(s, AddProgrammeItem{e1, ProgrammeItem{0, 23 * 60, 90, "Veillée"}}).find("après minuit") !=
          std::string::npos);
    refused(s, AddProgrammeItem{e1, ProgrammeItem{0, 9 * 60, 0, "Rien"}});
    refused(s, AddProgrammeItem{e1, ProgrammeItem{0, 9 * 60, 30, ""}});
    refused(s, AddProgrammeItem{999, ProgrammeItem{0, 9 * 60, 30, "Perdu"}});
    refused(s, MoveProgrammeItem{e1, etape(s, 1).programme[0].id, 4});
    refused(s, RemoveProgrammeItem{e1, 12345});

    // The person with a territory blocks the territory's removal.
    const Id lille = territoryId(s, "Lille");
    REQUIRE(s.apply(AddPerson{Person{0, "Awa", "", lille}}).ok);
    CHECK(refused(s, RemoveTerritory{lille}).find("1 personne") != std::string::npos);
    CHECK_FALSE(s.canRedo());
}

TEST_CASE("a new action clears redo — undo and redo say when there is nothing to do") {
    Session s = tourSession();
    CHECK_FALSE(s.canUndo());
    CHECK(s.undo().message == "Rien à annuler.");
    CHECK(s.redo().message == "Rien à rétablir.");
    REQUIRE(s.apply(AddTerritory{Territory{0, "Calais", "Pas-de-Calais"}}).ok);
    CHECK(s.undoLabel() == "Ajouter le territoire «\u00a0Calais\u00a0»");
    REQUIRE(s.undo().ok);
    CHECK(s.redoLabel() == "Ajouter le territoire «\u00a0Calais\u00a0»");
    REQUIRE(s.apply(AddTerritory{Territory{0, "Lens", "Pas-de-Calais"}}).ok);
    CHECK_FALSE(s.canRedo());
}

TEST_CASE("the journal receives every change in order, and replaying it rebuilds the model") {
    MemoryJournal journal;
    Session s = tourSession(&journal);
    const size_t seeded = journal.entries.size();
    CHECK(seeded == 7);
    CHECK(journal.entries.front().second == JournalKind::Seed);
    const Id e1 = etape(s, 1).id;
    REQUIRE(s.apply(AddProgrammeItem{e1, ProgrammeItem{0, 16 * 60, 30, "Synthèse", ItemKind::Synthese}}).ok);
    REQUIRE(s.apply(MoveProgrammeItem{e1, etape(s, 1).programme.back().id, 0}).ok);
    REQUIRE(s.undo().ok);
    REQUIRE(s.redo().ok);
    REQUIRE(s.undo().ok);
    REQUIRE(journal.entries.size() == seeded + 5);
    CHECK(journal.entries[seeded].second == JournalKind::Do);
    CHECK(journal.entries[seeded + 2].second == JournalKind::Undo);
    CHECK(journal.entries[seeded + 3].second == JournalKind::Redo);

    Model replayed;
    for (auto [action, kind] : journal.entries) REQUIRE(applyAction(replayed, action).ok);
    CHECK(replayed == s.model());  // ids included
}

TEST_CASE("a journal failure rolls the change back and says so") {
    MemoryJournal journal;
    Session s = tourSession(&journal);
    const Model before = s.model();
    journal.fail = true;
    const Status st = s.apply(AddTerritory{Territory{0, "Denain", "Nord"}});
    CHECK_FALSE(st.ok);
    CHECK(st.message.find("disque plein") != std::string::npos);
    CHECK(st.message.find("rien n'a été modifié") != std::string::npos);
    CHECK(sameContent(s.model(), before));
    CHECK_FALSE(s.canUndo());

    journal.fail = false;
    REQUIRE(s.apply(RemoveProgrammeItem{etape(s, 1).id, etape(s, 1).programme[0].id}).ok);
    const Model removed = s.model();
    journal.fail = true;
    CHECK_FALSE(s.undo().ok);  // undo refused by the journal: nothing changes, the step stays undoable
    CHECK(sameContent(s.model(), removed));
    CHECK(s.canUndo());
}

TEST_CASE("action queue hands actions from another thread in order") {
    ActionQueue queue;
    std::thread producer([&] {
        for (int i = 0; i < 100; ++i) queue.push(RemoveTerritory{static_cast<Id>(i)});
    });
    producer.join();
    const auto drained = queue.drain();
    REQUIRE(drained.size() == 100);
    CHECK(std::get<RemoveTerritory>(drained[42]).id == 42);
    CHECK(queue.drain().empty());
}

TEST_CASE("étape order, registrations and day rates, with their undo") {
    Session s = test::tourSession();
    const Id e1 = etape(s, 1).id, e2 = etape(s, 2).id;
    Model m = roundTrip(s, MoveEtape{e2, 0});
    CHECK(m.etapes.front().id == e2);

    const Id nadia = s.model().people.front().id;
    m = roundTrip(s, AddRegistration{e1, Registration{0, nadia, 1, false, false}});
    const Registration r = m.etape(e1)->registrations.back();
    CHECK(r.person == nadia);
    CHECK(r.id != 0);

    Registration present = r;
    present.present = true;
    CHECK(describe(UpdateRegistration{e1, present}, s.model()) == "Marquer «\u00a0Nadia Benali\u00a0» présent·e");
    m = roundTrip(s, UpdateRegistration{e1, present});
    CHECK(m.etape(e1)->registrations.back().present);

    m = roundTrip(s, RemoveRegistration{e1, r.id});
    CHECK(m.etape(e1)->registrations.empty());
    REQUIRE(s.undo().ok);

    m = roundTrip(s, SetDayRate{2021, 16000});
    CHECK(m.settings.dayRateCents(2021) == 16000);
    CHECK(m.settings.dayRateCents(2020) == kDefaultDayRateCents);
    m = roundTrip(s, SetDayRate{2021, std::nullopt});
    CHECK(m.settings.dayRateCents(2021) == kDefaultDayRateCents);

    // Refusals: the same person twice, more days than the étape, deleting a registered person.
    CHECK(refused(s, AddRegistration{e1, Registration{0, nadia}}).find("déjà inscrit") != std::string::npos);
    CHECK(refused(s, AddRegistration{e2, Registration{0, nadia, 2}}).find("1 à 1 jour") != std::string::npos);
    CHECK(refused(s, RemovePerson{nadia}).find("inscrit·e à l'étape 1") != std::string::npos);
    CHECK(refused(s, AddRegistration{e1, Registration{0, 4242}}) == "Cette personne n'existe pas (ou plus).");
    refused(s, SetDayRate{1850, 100});
    refused(s, SetDayRate{2021, -5});
    EtapeHeader h = etape(s, 2).header;
    h.days = 9;
    CHECK(refused(s, UpdateEtape{e2, h}) == "Une étape dure de 1 à 5 jours.");
}

TEST_CASE("a batch is one step: all or nothing, one undo") {
    MemoryJournal journal;
    Session s = tourSession(&journal);
    const Id e1 = etape(s, 1).id;
    const Model before = s.model();
    const size_t entries = journal.entries.size();
    const Id next = s.model().nextId;
    std::vector<Action> batch = {
        AddTerritory{Territory{next, "Hirson", "Aisne"}},
        AddPerson{Person{next + 1, "Léa Martin", "", next}},
        AddRegistration{e1, Registration{0, next + 1}},
    };
    REQUIRE(s.applyAll(batch, "Importer 1 inscription(s)").ok);
    CHECK(s.model().territoryByName("Hirson"));
    CHECK(s.model().etape(e1)->registrations.size() == 1);
    CHECK(journal.entries.size() == entries + 3);
    CHECK(s.undoLabel() == "Importer 1 inscription(s)");
    REQUIRE(s.undo().ok);  // one undo removes all three, in reverse order
    CHECK(sameContent(s.model(), before));
    REQUIRE(s.redo().ok);
    CHECK(s.model().etape(e1)->registrations.size() == 1);
    REQUIRE(s.undo().ok);

    // A refused action in the middle leaves nothing applied.
    batch.push_back(AddTerritory{Territory{0, "Amiens", "Somme"}});  // duplicate
    const Status st = s.applyAll(batch, "x");
    CHECK_FALSE(st.ok);
    CHECK(st.message.find("existe déjà") != std::string::npos);
    CHECK(sameContent(s.model(), before));
    CHECK(s.canRedo());  // a refused batch does not touch the history
}

namespace {

/// A journal whose batch cannot be made durable once `failBatch` is set (a disk full at the frame's commit).
struct BatchJournal : Journal {
    bool failBatch = false;
    int records = 0, batches = 0;
    void record(const Action&, JournalKind) override { ++records; }
    void beginBatch() override { ++batches; }
    void commitBatch() override {
        if (failBatch) throw std::runtime_error("disque plein");
    }
};

}  // namespace

TEST_CASE("a batch that cannot be made durable undoes every step of it and says why; one that can keeps them all") {
    BatchJournal journal;
    Session s(Model{}, &journal);
    REQUIRE(s.apply(AddTerritory{Territory{0, "Avant", "Nord", Membership::AVerifier, true}}));
    s.beginBatch();
    REQUIRE(s.apply(AddTerritory{Territory{0, "Un", "Nord", Membership::AVerifier, true}}));
    CHECK_FALSE(s.apply(AddTerritory{Territory{0, "", "Nord", Membership::AVerifier, true}}));  // refused alone
    REQUIRE(s.apply(AddTerritory{Territory{0, "Deux", "Nord", Membership::AVerifier, true}}));
    REQUIRE(s.endBatch());
    CHECK(s.model().territories.size() == 3);
    CHECK(journal.batches == 1);

    journal.failBatch = true;
    const auto revision = s.revision();
    s.beginBatch();
    REQUIRE(s.apply(AddTerritory{Territory{0, "Trois", "Nord", Membership::AVerifier, true}}));
    REQUIRE(s.apply(AddTerritory{Territory{0, "Quatre", "Nord", Membership::AVerifier, true}}));
    const Status failed = s.endBatch();
    CHECK_FALSE(failed);
    CHECK(failed.notSaved);
    CHECK(failed.message.find("disque plein") != std::string::npos);
    CHECK(s.model().territories.size() == 3);  // neither « Trois » nor « Quatre »
    CHECK(s.revision() > revision);            // screens see the change back
    CHECK(s.undoLabel().find("Deux") != std::string::npos);  // the last durable step is the one to undo
}
