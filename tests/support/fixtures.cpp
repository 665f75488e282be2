#include "support/fixtures.h"

#include <stdexcept>

#include "core/breakout.h"
#include "core/icebreaker.h"

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
    must(s.applyUnrecorded(AddDeck{Deck{"fiertes", "Fiertés et réussites",
                                        {"Racontez une action dont vous êtes fier ou fière.",
                                         "Quel partenariat vous a surpris ?", "Quelle réussite partager aujourd'hui ?",
                                         "Quel projet a changé le quotidien des enfants ?"}}},
                           JournalKind::Seed));
    return s;
}

Session dayOfEtapeSession(Journal* journal) {
    Session s = tourSession(journal);
    const Id e1 = s.model().etapeByNumber(1)->id;
    const Id amiens = s.model().territoryByName("Amiens")->id, lille = s.model().territoryByName("Lille")->id,
             arras = s.model().territoryByName("Arras")->id;
    struct P { const char* name; Id territory; Institution institution; Role role; const char* structure = ""; const char* function = ""; };
    const P people[] = {
        {"Zoé Lefèvre", amiens, Institution::EducationNationale, Role::Copilote, "Rectorat de l'académie d'Amiens",
         "Conseillère du recteur"},
        {"Marc Dupont", arras, Institution::Collectivite, Role::ChefDeProjet, "Mairie d'Arras", "Chef de projet"},
        {"Anne Morel", lille, Institution::Association, Role::Autre, "Centre social Marlière", "Directrice"},
        {"Léo Petit", lille, Institution::PrefectureEtat, Role::Copilote, "Préfecture du Nord"},
        {"Inès Roux", arras, Institution::EducationNationale, Role::Copilote},
        {"Jules Bernard", amiens, Institution::Collectivite, Role::Copilote},
        {"Fatou Diallo", lille, Institution::Collectivite, Role::ChefDeProjet},
        {"Hugo Lambert", arras, Institution::PrefectureEtat, Role::Copilote},
    };
    for (const P& p : people)
        must(s.applyUnrecorded(
            AddPerson{Person{0, p.name, "", p.territory, p.institution, p.role, p.structure, p.function}},
            JournalKind::Seed));
    int i = 0;
    for (const Person& p : s.model().people)
        must(s.applyUnrecorded(AddRegistration{e1, Registration{0, p.id, 1, (i++ % 3) != 2, false}}, JournalKind::Seed));

    VoteSetup mj{"Quelles pratiques essaimer dans nos Cités ?", VoteMethod::Majority,
                 {"Café des parents", "Cordées de la réussite", "Ateliers parents-enfants", "Conseil des jeunes"}};
    const std::vector<std::pair<long long, std::vector<std::pair<int, int>>>> grades = {
        {4, {{0, 5}, {1, 4}, {2, 3}, {3, 2}}}, {3, {{0, 6}, {1, 3}, {2, 4}, {3, 1}}},
        {2, {{0, 3}, {1, 5}, {2, 4}, {3, 4}}}, {2, {{0, 4}, {1, 2}, {2, 5}, {3, 0}}}};
    Vote v1{0, mj, {}};
    for (const auto& [count, g] : grades) v1.ballots.push_back(StoredBallot{0, Ballot{count, {}, {}, {}, g}});
    must(s.applyUnrecorded(AddVote{e1, v1}, JournalKind::Seed));

    VoteSetup dots{"Sur quoi travailler l'après-midi ?", VoteMethod::Dot,
                   {"Évaluer ensemble", "Associer les familles", "Le temps périscolaire"}};
    Vote v2{0, dots, {StoredBallot{0, Ballot{5, {}, {}, {{0, 2}, {1, 1}}, {}}}, StoredBallot{0, Ballot{4, {}, {}, {{1, 3}}, {}}},
                      StoredBallot{0, Ballot{3, {}, {}, {{2, 2}, {0, 1}}, {}}}}};
    must(s.applyUnrecorded(AddVote{e1, v2}, JournalKind::Seed));

    VoteSetup ranked{"Ordre des prochaines étapes", VoteMethod::Schulze, {"Lille", "Arras", "Saint-Quentin"}};
    ranked.open = false;
    Vote v3{0, ranked, {StoredBallot{0, Ballot{3, {0, 1, 2}, {}, {}, {}}}, StoredBallot{0, Ballot{2, {1, 2, 0}, {}, {}, {}}}}};
    must(s.applyUnrecorded(AddVote{e1, v3}, JournalKind::Seed));

    BreakoutResult groups = formGroups(s.model(), *s.model().etape(e1), BreakoutRequest{2, 2, 3, 0, 20'000});
    if (!groups.ok()) throw std::runtime_error("fixture groups: " + groups.error);
    groups.plan.rounds[0].groups[0].room = "Salle polyvalente";
    groups.plan.rounds[0].groups[0].question = "Comment associer les familles ?";
    must(s.applyUnrecorded(SetGroupPlan{e1, groups.plan}, JournalKind::Seed));

    SpeedMeetingRequest meeting;
    meeting.rounds = 3;
    meeting.deck = "fiertes";
    meeting.seed = 5;
    meeting.timeLimitMs = 0;
    meeting.maxIterations = 20'000;
    SpeedMeetingResult ice = planSpeedMeeting(s.model(), *s.model().etape(e1), meeting);
    if (!ice.ok()) throw std::runtime_error("fixture speed-meeting: " + ice.error);
    must(s.applyUnrecorded(SetIcebreaker{e1, ice.icebreaker}, JournalKind::Seed));
    for (int r = 0; r < 2; ++r) must(s.applyUnrecorded(MarkRoundRun{e1, r, true}, JournalKind::Seed));  // the third not yet
    must(s.applyUnrecorded(DrawCard{e1, "fiertes", 42}, JournalKind::Seed));
    addIdeaBoard(s, e1, 300);
    return s;
}

Id addIdeaBoard(Session& s, Id etape, int ideas, int columns, int clusters) {
    Board b;
    b.title = "Comment associer les familles à la réussite éducative ?";
    b.categories = defaultBoardCategories();
    const char* extra[] = {"Freins", "Ressources", "Questions", "Partenaires"};
    for (int c = 3; c < columns; ++c) b.categories.push_back(BoardCategory{0, extra[(c - 3) % 4] + std::string(c >= 7 ? " " + std::to_string(c) : "")});
    must(s.applyUnrecorded(AddBoard{etape, b}, JournalKind::Seed));
    const Board& made = s.model().etape(etape)->boards.back();
    const Id board = made.id;
    std::vector<Id> cats;
    for (const BoardCategory& c : made.categories) cats.push_back(c.id);
    const char* clusterNames[] = {"Lien avec les familles", "Numérique", "Temps périscolaire", "Orientation",
                                  "Santé et bien-être", "Coopération des acteurs", "Langue française", "Évaluation"};
    std::vector<std::pair<Id, Id>> clusterIds;  // cluster, its column
    for (int k = 0; k < clusters; ++k) {
        const Id column = cats[static_cast<size_t>(k) % cats.size()];
        std::string name = clusterNames[k % 8];
        if (k >= 8) name += " " + std::to_string(k / 8 + 1);
        must(s.applyUnrecorded(AddCluster{etape, board, IdeaCluster{0, name, column}}, JournalKind::Seed));
        clusterIds.emplace_back(s.model().etape(etape)->boards.back().clusters.back().id, column);
    }
    const char* starts[] = {"Un café des parents", "Des ateliers parents-enfants", "La réussite éducative",
                            "Un référent famille", "Les devoirs faits", "Une cordée de la réussite",
                            "Le conseil des jeunes", "Des visites de collège", "Un livret d'accueil traduit",
                            "Une permanence du samedi"};
    const char* ends[] = {"au collège dès la rentrée", "avec les centres sociaux du quartier",
                          "ouvert aux grands-parents et aux frères et sœurs", "pour les familles qui ne viennent jamais",
                          "à essaimer dans les autres Cités éducatives", "animé par un médiateur",
                          "le mercredi après-midi, avec une garde des plus petits", "en lien avec la médiathèque"};
    for (int i = 0; i < ideas; ++i) {
        Idea idea;
        idea.text = std::string(starts[i % 10]) + " " + ends[(i / 10 + i) % 8];
        if (i % 7 == 3) idea.text += " : il faudrait en parler dès la réunion de rentrée, et y revenir au deuxième trimestre.";
        idea.group = "Groupe " + std::to_string(i % 6 + 1);
        if (i % 11 == 0) idea.author = "Zoé Lefèvre";
        idea.time = 1581415200 + i * 20;
        idea.entry = i % 13 == 0 ? IdeaEntry::Paste : IdeaEntry::Keyboard;
        idea.practice = i % 17 == 5;
        idea.hidden = i >= ideas - 3;  // the last ones wait to be revealed
        if (clusters > 0 && i % 3 != 0) {
            const auto& [cluster, column] = clusterIds[static_cast<size_t>(i) % clusterIds.size()];
            idea.category = column;
            idea.cluster = cluster;
        } else {
            idea.category = cats[static_cast<size_t>(i) % cats.size()];
        }
        must(s.applyUnrecorded(AddIdea{etape, board, idea}, JournalKind::Seed));
    }
    const Board& full = s.model().etape(etape)->boards.back();
    if (full.ideas.size() > 4)  // two ideas merged, one hidden until revealed
        must(s.applyUnrecorded(MergeIdeas{etape, board, full.ideas[1].id, full.ideas[4].id}, JournalKind::Seed));
    return board;
}

Status addGoldenEssaimage(Session& s) {
    const Id e = s.model().etapeByNumber(1)->id;
    if (Status st = s.apply(AddActionPhare{e, ActionPhare{0, "Le café des parents du collège César Franck",
                                                          "Chaque samedi matin, parents et enseignants se retrouvent au collège.",
                                                          "Centre social, collège César Franck", "Cité éducative d'Amiens",
                                                          {"photos/cafe-des-parents.jpg"}}});
        !st)
        return st;
    const Id ap = s.model().etape(e)->actionsPhares.back().id;
    const Id lille = s.model().territoryByName("Lille")->id;
    const auto q = defaultEvaluation().questions;
    std::vector<Action> steps;
    steps.push_back(AddFollowUp{ap, FollowUp{lille, FollowUpStatus::Adoptee, Date{2021, 3, 16}, "Dans trois collèges"}});
    steps.push_back(UpdatePractice{ap, "Le café des parents", true, "Un lieu régulier pour les familles.", {"Parentalité"},
                                   s.model().etape(e)->header.host});
    steps.push_back(SetEvaluation{e, q, {}});
    for (Action& step : steps)
        if (Status st = s.apply(std::move(step)); !st) return st;
    const auto asked = s.model().etape(e)->evaluation.questions;
    const EvaluationResponse responses[] = {
        {0, 9, std::nullopt, {{asked[0].id, 5}, {asked[1].id, 4}}},
        {0, 3, std::nullopt, {{asked[0].id, 3}, {asked[1].id, 5}}},
        {0, 1, lille, {{asked[2].id, -1, "Le café des parents, simple à lancer", {}}, {asked[3].id, -1, "", {ap}},
                       {asked[4].id, -1, "L'évaluation des Cités éducatives", {}}}}};
    for (const EvaluationResponse& r : responses)
        if (Status st = s.apply(AddEvaluationResponse{e, r}); !st) return st;
    return {};
}

void addEssaimage(Session& s, Id etape) {
    auto seed = [&](Action action) { must(s.applyUnrecorded(std::move(action), JournalKind::Seed)); };
    const Id lille = s.model().territoryByName("Lille")->id, arras = s.model().territoryByName("Arras")->id;
    seed((AddActionPhare{etape, ActionPhare{0, "Le café des parents du collège César Franck",
                                                   "Chaque samedi matin, parents, enseignants et éducateurs se "
                                                   "retrouvent autour d'un café au collège pour parler de la scolarité "
                                                   "des enfants, avec une garde des plus petits.",
                                                   "Centre social, collège César Franck, association de parents",
                                                   "Cheffe de projet de la Cité éducative d'Amiens",
                                                   {"photos/cafe-des-parents.jpg"}}}));
    const Id cafe = s.model().etape(etape)->actionsPhares.back().id;
    seed((AddActionPhare{etape, ActionPhare{0, "La cordée de la réussite du quartier",
                                                   "Des lycéens accompagnent les collégiens du quartier dans leur choix "
                                                   "d'orientation, avec le soutien de l'université.",
                                                   "Lycée, université de Picardie", "", {}}}));
    const Practice* cafePractice = s.model().practice(cafe);
    seed((UpdatePractice{cafe, cafePractice->title, false, "Un lieu simple et régulier où les familles "
                                "éloignées de l'école reprennent contact avec elle.",
                                {"Parentalité", "Lien école-familles"}, cafePractice->cite}));
    seed((AddFollowUp{cafe, FollowUp{lille, FollowUpStatus::Adoptee, Date{2021, 3, 16}, "Lancé dans deux collèges"}}));
    seed((AddFollowUp{cafe, FollowUp{arras, FollowUpStatus::Essayee, Date{2021, 6, 1}, ""}}));
    seed((SetPracticeInterest{cafe, arras, true}));
    // A board practice with a theme of its own.
    for (const Practice& p : s.model().practices)
        if (p.source == PracticeSource::Board && p.etape == etape) {
            seed((UpdatePractice{p.id, p.title, p.ownTitle, "", {"Orientation"}, p.cite}));
            seed((AddFollowUp{p.id, FollowUp{arras, FollowUpStatus::Abandonnee, Date{2021, 9, 20}, "Faute de local"}}));
            break;
        }
    const Evaluation d = defaultEvaluation();
    seed((SetEvaluation{etape, d.questions, d.grades}));
    const Evaluation& ev = s.model().etape(etape)->evaluation;
    auto answer = [&](long long count, std::optional<Id> cite, EvaluationAnswer a) {
        EvaluationResponse r;
        r.count = count;
        r.territory = cite;
        r.answers.push_back(std::move(a));
        seed((AddEvaluationResponse{etape, r, -1}));
    };
    const int top = static_cast<int>(ev.scale().size()) - 1;
    for (const EvaluationQuestion& q : ev.questions) {
        switch (q.kind) {
        case QuestionKind::Grade:
            answer(7, std::nullopt, EvaluationAnswer{q.id, top, {}, {}});
            answer(9, std::nullopt, EvaluationAnswer{q.id, top - 1, {}, {}});
            answer(3, std::nullopt, EvaluationAnswer{q.id, top - 3, {}, {}});
            break;
        case QuestionKind::Sentence:
            answer(1, std::nullopt, EvaluationAnswer{q.id, -1, "Le café des parents, simple à lancer chez nous", {}});
            answer(1, std::nullopt, EvaluationAnswer{q.id, -1, "Travailler avec les centres sociaux dès le départ", {}});
            break;
        case QuestionKind::Practices: answer(4, lille, EvaluationAnswer{q.id, -1, {}, {cafe}}); break;
        case QuestionKind::Themes:
            answer(2, std::nullopt, EvaluationAnswer{q.id, -1, "L'évaluation des Cités éducatives", {}});
            break;
        }
    }
}

Session essaimageDaySession() {
    Session s = dayOfEtapeSession();
    addEssaimage(s, s.model().etapeByNumber(1)->id);
    return s;
}

bool sameContent(const Model& a, const Model& b) {
    return a.territories == b.territories && a.people == b.people && a.etapes == b.etapes && a.settings == b.settings &&
           a.practices == b.practices;
}

}  // namespace atelier::test
