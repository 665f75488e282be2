#include "support/fixtures.h"

#include <stdexcept>

namespace atelier::test {

namespace {
void must(Status s) {
    if (!s) throw std::runtime_error("fixture refused: " + s.message);
}
}  // namespace

Session tourSession(Journal* journal) {
    Session s({}, journal);
    must(s.applyUnrecorded(AddTerritory{Territory{0, "Amiens", "Somme", Membership::AVerifier, true}}, JournalKind::Seed));
    must(s.applyUnrecorded(AddTerritory{Territory{0, "Lille", "Nord", Membership::Adherent, true}}, JournalKind::Seed));
    must(s.applyUnrecorded(AddTerritory{Territory{0, "Arras", "Pas-de-Calais", Membership::NonAdherent, true}},
                           JournalKind::Seed));
    const Id amiens = s.model().territoryByName("Amiens")->id;
    must(s.applyUnrecorded(AddPerson{Person{0, "Nadia Benali", "n.benali@example.fr", amiens,
                                            Institution::Collectivite, Role::ChefDeProjet}},
                           JournalKind::Seed));
    Etape e1;
    e1.header = EtapeHeader{1, Date{2020, 2, 11}, amiens,
                            "Concertation et intelligence collective dans le travail des Cités éducatives",
                            "Collège César Franck, 1 rue César Franck, Amiens", EtapeKind::Etape,
                            EtapeStatus::Confirmee};
    e1.programme = {
        {0, 9 * 60 + 30, 15, "Mot d'accueil", ItemKind::Accueil},
        {0, 9 * 60 + 45, 45, "Atelier brise-glace : échange entre Cités éducatives", ItemKind::BriseGlace},
        {0, 10 * 60 + 30, 90, "Découverte de la Cité éducative d'Amiens", ItemKind::DecouverteVisite},
        {0, 13 * 60 + 30, 150, "Plusieurs temps d'ateliers", ItemKind::Atelier},
    };
    must(s.applyUnrecorded(AddEtape{e1}, JournalKind::Seed));
    Etape e2;
    e2.header = EtapeHeader{2, Date{2020, 6, 2}, std::nullopt, "Évaluer les Cités éducatives", "", EtapeKind::Etape,
                            EtapeStatus::Prevue};
    must(s.applyUnrecorded(AddEtape{e2}, JournalKind::Seed));
    return s;
}

bool sameContent(const Model& a, const Model& b) {
    return a.territories == b.territories && a.people == b.people && a.etapes == b.etapes && a.settings == b.settings;
}

}  // namespace atelier::test
