// The undo menu's label of every action, word for word: on the day's fixture (names found in the model) and on an
// empty model (what the action names itself, « ? » for the rest).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/actions.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

/// One action of every kind (and both sides of the labels that depend on a value), naming what `m` holds.
std::vector<Action> labelled(const Model& m) {
    const Etape& e = *m.etapeByNumber(1);
    const Board& b = e.boards.front();
    const Registration& r = e.registrations.front();
    const Vote& v = e.votes.front();
    const Idea& idea = b.ideas.front();
    const Id t = m.territories.front().id, p = m.people.front().id;
    Registration checkIn = r;
    checkIn.present = !r.present;
    Registration changed = r;
    changed.walkIn = !r.walkIn;
    VoteSetup toggled = v.setup;
    toggled.open = !v.setup.open;
    VoteSetup renamed = v.setup;
    renamed.question = "Une autre question ?";
    Territory territory = m.territories.front();
    Person person = m.people.front();
    Etape etape = e;
    etape.header.number = 7;
    const std::string longText =
        "Un café des parents au collège, chaque premier samedi du mois, avec les éducateurs du quartier";
    Idea added = idea;
    added.text = longText;
    return {
        AddTerritory{territory},
        RemoveTerritory{t},
        UpdateTerritory{territory},
        AddPerson{person},
        RemovePerson{p},
        UpdatePerson{person},
        AddEtape{etape},
        RemoveEtape{e.id},
        UpdateEtape{e.id, e.header},
        AddProgrammeItem{e.id, ProgrammeItem{0, 600, 30, "Atelier « Familles »"}},
        RemoveProgrammeItem{e.id, e.programme[0].id},
        UpdateProgrammeItem{e.id, e.programme[1]},
        MoveProgrammeItem{e.id, e.programme[2].id, 0},
        UpdateSettings{m.settings},
        MoveEtape{e.id, 1},
        AddRegistration{e.id, Registration{0, p, 1}},
        RemoveRegistration{e.id, r.id},
        UpdateRegistration{e.id, checkIn},
        UpdateRegistration{e.id, changed},
        SetDayRate{2022, 17500},
        AddVote{e.id, Vote{0, renamed}},
        RemoveVote{e.id, v.id},
        UpdateVote{e.id, v.id, toggled},
        UpdateVote{e.id, v.id, renamed},
        CastBallot{e.id, v.id, StoredBallot{}},
        WithdrawBallot{e.id, v.id, 1},
        CorrectBallot{e.id, v.id, StoredBallot{}},
        SetGroupPlan{e.id, e.groups},
        SetGroupPlan{e.id, GroupPlan{}},
        MoveMember{e.id, 0, p, 1},
        SwapMembers{e.id, 0, p, m.people.back().id},
        UpdateGroup{e.id, 0, 0, "Les bâtisseurs"},
        AddDeck{Deck{"maison", "Nos questions"}},
        RemoveDeck{"maison"},
        AddQuestion{"fiertes", "Quel projet vous rend fier ?"},
        RemoveQuestion{"fiertes", 0},
        DrawCard{e.id, "fiertes", 1},
        UndrawCard{e.id},
        SetIcebreaker{e.id, e.icebreaker},
        AddBoard{e.id, Board{0, "Associer les familles"}},
        RemoveBoard{e.id, b.id},
        RenameBoard{e.id, b.id, "Les familles"},
        AddCategory{e.id, b.id, BoardCategory{0, "Ressources"}},
        RemoveCategory{e.id, b.id, b.categories[0].id},
        RenameCategory{e.id, b.id, b.categories[0].id, "Ce que nous voyons"},
        AddIdea{e.id, b.id, added},
        RemoveIdea{e.id, b.id, idea.id},
        EditIdea{e.id, b.id, idea.id, "Réussite éducative"},
        MoveIdea{e.id, b.id, idea.id, b.categories[1].id, std::nullopt},
        MoveIdea{e.id, b.id, idea.id, b.clusters[0].category, b.clusters[0].id},
        AddCluster{e.id, b.id, IdeaCluster{0, "Numérique", b.categories[0].id}},
        RemoveCluster{e.id, b.id, b.clusters[0].id},
        RenameCluster{e.id, b.id, b.clusters[0].id, "Cafés"},
        MergeIdeas{e.id, b.id, idea.id, b.ideas[1].id},
        SplitIdea{e.id, b.id, idea.id, added},
        SetPractice{e.id, b.id, idea.id, true},
        SetPractice{e.id, b.id, idea.id, false},
        SetBoardHidden{e.id, b.id, true},
        SetBoardHidden{e.id, b.id, false},
        RevealIdeas{e.id, b.id, {idea.id, b.ideas[1].id}, true},
        RevealIdeas{e.id, b.id, {idea.id}, false},
        AddActionPhare{e.id, ActionPhare{0, "Le café des parents"}},
        RemoveActionPhare{e.id, 999'999},
        UpdateActionPhare{e.id, ActionPhare{999'999, "Le café des familles"}},
        UpdatePractice{m.practices.front().id, "Café des parents"},
        SetPracticeInterest{m.practices.front().id, t, true},
        SetPracticeInterest{m.practices.front().id, t, false},
        AddFollowUp{m.practices.front().id, FollowUp{t, FollowUpStatus::Adoptee, Date{2021, 3, 16}, ""}},
        RemoveFollowUp{m.practices.front().id, 0},
        SetEvaluation{e.id, {}, {}},
        AddEvaluationResponse{e.id, EvaluationResponse{0, 12}},
        RemoveEvaluationResponse{e.id, 999'999},
        ErasePerson{999'999},
    };
}

}  // namespace

TEST_CASE("every action's label, word for word, on the day's model and on an empty one") {
    const Session s = test::dayOfEtapeSession();
    const std::vector<Action> actions = labelled(s.model());
    const Model empty;
    const std::vector<std::string> onDay = {
        "Ajouter le territoire « Amiens »",
        "Supprimer le territoire « Amiens »",
        "Modifier le territoire « Amiens »",
        "Ajouter « Nadia Benali »",
        "Supprimer « Nadia Benali »",
        "Modifier « Nadia Benali »",
        "Ajouter l'étape 7",
        "Supprimer l'étape 1",
        "Modifier l'étape 1",
        "Ajouter « Atelier « Familles » » au programme",
        "Retirer « Mot d'accueil » du programme",
        "Modifier « Atelier brise-glace : échange entre Cités éducatives »",
        "Déplacer « Découverte de la Cité éducative d'Amiens » dans le programme",
        "Modifier les coordonnées de l'organisateur",
        "Déplacer l'étape 1",
        "Inscrire « Nadia Benali » à l'étape 1",
        "Désinscrire « Nadia Benali » de l'étape 1",
        "Marquer « Nadia Benali » absent·e",
        "Modifier l'inscription de « Nadia Benali »",
        "Modifier le tarif journalier 2022",
        "Créer le vote « Une autre question ? »",
        "Supprimer le vote « Quelles pratiques essaimer dans nos Cités ? »",
        "Clore le vote « Quelles pratiques essaimer dans nos Cités ? »",
        "Modifier le vote « Une autre question ? »",
        "Déposer un bulletin (« Quelles pratiques essaimer dans nos Cités ? »)",
        "Retirer un bulletin (« Quelles pratiques essaimer dans nos Cités ? »)",
        "Corriger un bulletin (« Quelles pratiques essaimer dans nos Cités ? »)",
        "Former les groupes (2 tours)",
        "Effacer les groupes",
        "Déplacer « Nadia Benali » vers le groupe 2",
        "Échanger « Nadia Benali » et « Hugo Lambert »",
        "Modifier le groupe « Les bâtisseurs »",
        "Ajouter le paquet « Nos questions »",
        "Retirer le paquet « maison »",
        "Ajouter la question « Quel projet vous rend fier ? »",
        "Retirer une question",
        "Tirer une carte",
        "Remettre la carte dans le paquet",
        "Préparer le speed-meeting (3 tours)",
        "Créer le tableau « Associer les familles »",
        "Supprimer le tableau « Comment associer les familles à la réussite éducative ? »",
        "Renommer le tableau en « Les familles »",
        "Ajouter la colonne « Ressources »",
        "Supprimer la colonne « Constats »",
        "Renommer la colonne en « Ce que nous voyons »",
        "Ajouter l'idée « Un café des parents au collège, chaque p… »",
        "Supprimer l'idée « Un café des parents au collège dès la re… »",
        "Modifier l'idée « Réussite éducative »",
        "Déplacer l'idée vers « Leviers »",
        "Ranger l'idée dans « Lien avec les familles »",
        "Créer le regroupement « Numérique »",
        "Supprimer le regroupement « Lien avec les familles »",
        "Renommer le regroupement en « Cafés »",
        "Fusionner deux idées dans « Un café des parents au collège dès la re… »",
        "Séparer l'idée « Un café des parents au collège, chaque p… »",
        "Marquer « Un café des parents au collège dès la re… » comme pratique à essaimer",
        "Retirer « Un café des parents au collège dès la re… » des pratiques à essaimer",
        "Masquer les nouvelles idées du tableau « Comment associer les familles à la réussite éducative ? »",
        "Afficher les nouvelles idées du tableau « Comment associer les familles à la réussite éducative ? »",
        "Révéler 2 idées",
        "Masquer 1 idée",
        "Ajouter l'action-phare « Le café des parents »",
        "Retirer l'action-phare « ? »",
        "Modifier l'action-phare « Le café des familles »",
        "Modifier la pratique « Café des parents »",
        "Amiens intéressée par « Une cordée de la réussite animé par un m… »",
        "Amiens n'est plus intéressée par « Une cordée de la réussite animé par un m… »",
        "Suivi de « Une cordée de la réussite animé par un m… » : Adoptée à Amiens",
        "Retirer un suivi de « Une cordée de la réussite animé par un m… »",
        "Modifier le questionnaire d'évaluation de l'étape 1",
        "Saisir 12 réponses à l'évaluation de l'étape 1",
        "Retirer une réponse à l'évaluation de l'étape 1",
        "Effacer la personne 999999 (RGPD)",
    };
    const std::vector<std::string> onEmpty = {
        "Ajouter le territoire « Amiens »",
        "Supprimer le territoire « ? »",
        "Modifier le territoire « Amiens »",
        "Ajouter « Nadia Benali »",
        "Supprimer « ? »",
        "Modifier « Nadia Benali »",
        "Ajouter l'étape 7",
        "Supprimer l'étape ?",
        "Modifier l'étape ?",
        "Ajouter « Atelier « Familles » » au programme",
        "Retirer « ? » du programme",
        "Modifier « ? »",
        "Déplacer « ? » dans le programme",
        "Modifier les coordonnées de l'organisateur",
        "Déplacer l'étape ?",
        "Inscrire « ? » à l'étape ?",
        "Désinscrire « ? » de l'étape ?",
        "Modifier l'inscription de « ? »",
        "Modifier l'inscription de « ? »",
        "Modifier le tarif journalier 2022",
        "Créer le vote « Une autre question ? »",
        "Supprimer le vote « ? »",
        "Modifier le vote « Quelles pratiques essaimer dans nos Cités ? »",
        "Modifier le vote « Une autre question ? »",
        "Déposer un bulletin (« ? »)",
        "Retirer un bulletin (« ? »)",
        "Corriger un bulletin (« ? »)",
        "Former les groupes (2 tours)",
        "Effacer les groupes",
        "Déplacer « ? » vers le groupe 2",
        "Échanger « ? » et « ? »",
        "Modifier le groupe « Les bâtisseurs »",
        "Ajouter le paquet « Nos questions »",
        "Retirer le paquet « maison »",
        "Ajouter la question « Quel projet vous rend fier ? »",
        "Retirer une question",
        "Tirer une carte",
        "Remettre la carte dans le paquet",
        "Préparer le speed-meeting (3 tours)",
        "Créer le tableau « Associer les familles »",
        "Supprimer le tableau « ? »",
        "Renommer le tableau en « Les familles »",
        "Ajouter la colonne « Ressources »",
        "Supprimer la colonne « ? »",
        "Renommer la colonne en « Ce que nous voyons »",
        "Ajouter l'idée « Un café des parents au collège, chaque p… »",
        "Supprimer l'idée « ? »",
        "Modifier l'idée « Réussite éducative »",
        "Déplacer l'idée vers « ? »",
        "Ranger l'idée dans « ? »",
        "Créer le regroupement « Numérique »",
        "Supprimer le regroupement « ? »",
        "Renommer le regroupement en « Cafés »",
        "Fusionner deux idées dans « ? »",
        "Séparer l'idée « Un café des parents au collège, chaque p… »",
        "Marquer « ? » comme pratique à essaimer",
        "Retirer « ? » des pratiques à essaimer",
        "Masquer les nouvelles idées du tableau « ? »",
        "Afficher les nouvelles idées du tableau « ? »",
        "Révéler 2 idées",
        "Masquer 1 idée",
        "Ajouter l'action-phare « Le café des parents »",
        "Retirer l'action-phare « ? »",
        "Modifier l'action-phare « Le café des familles »",
        "Modifier la pratique « Café des parents »",
        "? intéressée par « ? »",
        "? n'est plus intéressée par « ? »",
        "Suivi de « ? » : Adoptée à ?",
        "Retirer un suivi de « ? »",
        "Modifier le questionnaire d'évaluation de l'étape ?",
        "Saisir 12 réponses à l'évaluation de l'étape ?",
        "Retirer une réponse à l'évaluation de l'étape ?",
        "Effacer la personne 999999 (RGPD)",
    };
    REQUIRE(onDay.size() == actions.size());
    REQUIRE(onEmpty.size() == actions.size());
    // The words of each label; its no-break spaces (French typography, tested on the whole table in
    // justesse_test.cpp) are read here as plain spaces.
    auto words = [](const std::string& text) {
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            const bool nbsp = text.compare(i, 2, "\u00a0") == 0;
            out += nbsp ? ' ' : text[i];
            i += nbsp ? 1 : 0;
        }
        return out;
    };
    for (size_t i = 0; i < actions.size(); ++i) {
        INFO(actionName(actions[i]));
        CHECK(words(describe(actions[i], s.model())) == onDay[i]);
        CHECK(words(describe(actions[i], empty)) == onEmpty[i]);
    }
}
