// Essaimage: the host's actions-phares, the library of practices (an idea flagged « pratique à essaimer » becomes a
// practice that keeps its id through edits, merges and removals), follow-ups and interests, and the evaluation of
// the day — every action applied, undone and redone, and the refusals.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/practices.h"
#include "core/session.h"
#include "support/fixtures.h"
#include "support/roundtrip.h"

using namespace atelier;
using atelier::test::refused;
using atelier::test::roundTrip;

namespace {

/// The fixture Tour with one board on étape 1 and two ideas in « Constats », and étape 2 beside it.
struct Fixture {
    Session s = test::tourSession();
    Id e = s.model().etapeByNumber(1)->id;
    Id board = 0, first = 0, second = 0;
    Id lille = s.model().territoryByName("Lille")->id;
    Id arras = s.model().territoryByName("Arras")->id;
    Fixture() {
        Board b;
        b.title = "Comment associer les familles ?";
        b.categories = defaultBoardCategories();
        REQUIRE(s.apply(AddBoard{e, b}).ok);
        board = this->b().id;
        REQUIRE(s.apply(AddIdea{e, board, idea("Un café des parents au collège")}).ok);
        REQUIRE(s.apply(AddIdea{e, board, idea("Des ateliers parents-enfants")}).ok);
        first = this->b().ideas[0].id;
        second = this->b().ideas[1].id;
    }
    const Board& b() const { return s.model().etape(e)->boards.back(); }
    Idea idea(std::string text) const {
        Idea i;
        i.text = std::move(text);
        i.group = "Groupe 1";
        i.category = s.model().etape(e)->boards.back().categories[0].id;
        i.time = 1581415200;
        return i;
    }
    const Practice* practice(Id id) const { return s.model().practice(id); }
    bool listed(Id id) const {
        const Practice* p = practice(id);
        return p && practiceListed(s.model(), *p);
    }
};

ActionPhare actionPhare(std::string title) {
    ActionPhare a;
    a.title = std::move(title);
    a.description = "Un lieu où les parents rencontrent les enseignants, chaque samedi.";
    a.partners = "Centre social, collège César Franck";
    a.contact = "Cité éducative d'Amiens";
    a.photos = {"photos/cafe.jpg"};
    return a;
}

}  // namespace

TEST_CASE("actions-phares: added, updated and removed with undo; each is a practice of the library with its id") {
    Fixture f;
    Model m = roundTrip(f.s, AddActionPhare{f.e, actionPhare("Le café des parents")});
    const Etape& e = *m.etape(f.e);
    REQUIRE(e.actionsPhares.size() == 1);
    const ActionPhare made = e.actionsPhares.front();
    CHECK(made.id != 0);
    CHECK(made.photos == std::vector<std::string>{"photos/cafe.jpg"});
    const Practice* p = m.practice(made.id);
    REQUIRE(p);
    CHECK(p->source == PracticeSource::ActionPhare);
    CHECK(p->title == "Le café des parents");
    CHECK(p->cite == e.header.host);
    CHECK(p->etapeNumber == 1);
    CHECK(practiceDescription(m, *p) == made.description);  // its own is empty: the action-phare's shows

    ActionPhare renamed = made;
    renamed.title = "Le café des familles";
    m = roundTrip(f.s, UpdateActionPhare{f.e, renamed});
    CHECK(m.practice(made.id)->title == "Le café des familles");  // the title follows the action-phare

    // Removed: its practice goes with it (nothing of its own), and comes back with the undo.
    m = roundTrip(f.s, RemoveActionPhare{f.e, made.id});
    CHECK(m.etape(f.e)->actionsPhares.empty());
    CHECK_FALSE(m.practice(made.id));

    // With a follow-up, the practice outlives its action-phare and stays in the library.
    REQUIRE(f.s.undo().ok);
    REQUIRE(f.s.apply(AddFollowUp{made.id, FollowUp{f.lille, FollowUpStatus::Essayee, Date{2020, 6, 2}, ""}}).ok);
    m = roundTrip(f.s, RemoveActionPhare{f.e, made.id});
    REQUIRE(m.practice(made.id));
    CHECK(practiceListed(m, *m.practice(made.id)));
}

TEST_CASE("actions-phares: bad input is refused with a French message and nothing changes") {
    Fixture f;
    CHECK(refused(f.s, AddActionPhare{f.e, actionPhare("   ")}) == "Donnez un titre à l'action-phare.");
    for (const char* bad : {"../secret.png", "/etc/passwd", "photos/../../x.jpg", "C:\\photo.jpg", ""}) {
        ActionPhare a = actionPhare("Le café des parents");
        a.photos = {bad};
        CHECK(refused(f.s, AddActionPhare{f.e, a}).find("n'est pas un nom de photo possible") != std::string::npos);
    }
    ActionPhare twice = actionPhare("Le café des parents");
    twice.photos = {"photos/a.jpg", "photos/a.jpg"};
    CHECK(refused(f.s, AddActionPhare{f.e, twice}) == "La photo «\u00a0photos/a.jpg\u00a0» figure déjà dans cette action-phare.");
    CHECK(refused(f.s, AddActionPhare{999'999, actionPhare("X")}) == "Cette étape n'existe pas (ou plus).");
    CHECK(refused(f.s, RemoveActionPhare{f.e, 999'999}) == "Cette action-phare n'existe pas (ou plus).");
}

TEST_CASE("an idea flagged « pratique à essaimer » becomes a practice with the idea's id and a copy of its text") {
    Fixture f;
    Model m = roundTrip(f.s, SetPractice{f.e, f.board, f.first, true});
    const Practice* p = m.practice(f.first);
    REQUIRE(p);
    CHECK(p->source == PracticeSource::Board);
    CHECK(p->title == "Un café des parents au collège");
    CHECK(p->board == f.board);
    CHECK(p->boardTitle == "Comment associer les familles ?");
    CHECK(practicesOfEtape(m, f.e).size() == 1);

    // Editing the idea updates the title…
    m = roundTrip(f.s, EditIdea{f.e, f.board, f.first, "Un café des parents dans chaque collège", "Groupe 1", ""});
    CHECK(m.practice(f.first)->title == "Un café des parents dans chaque collège");
    // …until the facilitator writes their own.
    m = roundTrip(f.s, UpdatePractice{f.first, "Café des parents", true, "Un samedi par mois.", {"Parentalité"}, f.lille});
    CHECK(m.practice(f.first)->cite == f.lille);
    REQUIRE(f.s.apply(EditIdea{f.e, f.board, f.first, "Un café des parents", "Groupe 1", ""}).ok);
    CHECK(f.practice(f.first)->title == "Café des parents");
    CHECK(f.practice(f.first)->id == f.first);

    // Unflagged: hidden from the library, the record (and what it holds) kept; flagged again, it is back.
    m = roundTrip(f.s, SetPractice{f.e, f.board, f.first, false});
    REQUIRE(m.practice(f.first));
    CHECK_FALSE(practiceListed(m, *m.practice(f.first)));
    CHECK(libraryPractices(m).empty());
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.first, true}).ok);
    CHECK(f.listed(f.first));
    CHECK(f.practice(f.first)->description == "Un samedi par mois.");
}

TEST_CASE("a practice that holds nothing of its own goes when its idea is unflagged or removed, and undo brings it "
          "back exactly") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.second, true}).ok);
    Model m = roundTrip(f.s, SetPractice{f.e, f.board, f.second, false});
    CHECK_FALSE(m.practice(f.second));
    REQUIRE(f.s.undo().ok);
    m = roundTrip(f.s, RemoveIdea{f.e, f.board, f.second});
    CHECK_FALSE(m.practice(f.second));
    m = roundTrip(f.s, RemoveBoard{f.e, f.board});
    CHECK(m.practices.empty());
    REQUIRE(f.s.undo().ok);
    REQUIRE(f.s.undo().ok);  // the idea is back too
    REQUIRE(f.practice(f.second));

    // With a follow-up, it stays in the library after its idea is removed.
    REQUIRE(f.s.apply(AddFollowUp{f.second, FollowUp{f.arras, FollowUpStatus::Adoptee, Date{2021, 1, 12}, "Au collège"}}).ok);
    m = roundTrip(f.s, RemoveIdea{f.e, f.board, f.second});
    REQUIRE(m.practice(f.second));
    CHECK(practiceListed(m, *m.practice(f.second)));
    CHECK(m.practice(f.second)->title == "Des ateliers parents-enfants");
}

TEST_CASE("merging keeps the practice: the absorbed idea's practice keeps its id and points to the survivor") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.second, true}).ok);
    REQUIRE(f.s.apply(AddFollowUp{f.second, FollowUp{f.lille, FollowUpStatus::Essayee, Date{2020, 6, 2}, ""}}).ok);
    Model m = roundTrip(f.s, MergeIdeas{f.e, f.board, f.first, f.second});
    const Practice* p = m.practice(f.second);
    REQUIRE(p);
    const PracticeSourceNow where = locatePractice(m, *p);
    REQUIRE(where.idea);
    CHECK(where.idea->id == f.first);  // the survivor
    REQUIRE(where.absorbed);
    CHECK(where.absorbed->id == f.second);
    CHECK(where.absorbed->practice);
    CHECK(practiceListed(m, *p));
    CHECK(p->followUps.size() == 1);
    CHECK_FALSE(m.practice(f.first));  // the survivor was not flagged: no practice of its own

    // Split (the merge undone): the practice points to its own idea again.
    REQUIRE(f.s.undo().ok);
    const PracticeSourceNow back = locatePractice(f.s.model(), *f.practice(f.second));
    REQUIRE(back.idea);
    CHECK(back.idea->id == f.second);
    CHECK_FALSE(back.absorbed);

    // Removing the survivor: the absorbed idea's practice holds a follow-up, it stays in the library.
    REQUIRE(f.s.redo().ok);
    m = roundTrip(f.s, RemoveIdea{f.e, f.board, f.first});
    CHECK(practiceListed(m, *m.practice(f.second)));
}

TEST_CASE("a practice keeps its identity when its étape is archived, renumbered or its board renamed") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.first, true}).ok);
    EtapeHeader h = f.s.model().etape(f.e)->header;
    h.number = 12;
    Model m = roundTrip(f.s, UpdateEtape{f.e, h});
    CHECK(m.practice(f.first)->etapeNumber == 12);
    m = roundTrip(f.s, RenameBoard{f.e, f.board, "Les familles"});
    CHECK(m.practice(f.first)->boardTitle == "Les familles");
    // Removing the whole étape: a practice with nothing of its own goes, one with a follow-up stays.
    REQUIRE(f.s.apply(SetPracticeInterest{f.first, f.lille, true}).ok);
    m = roundTrip(f.s, RemoveEtape{f.e});
    REQUIRE(m.practice(f.first));
    CHECK(practiceListed(m, *m.practice(f.first)));
    CHECK(m.practice(f.first)->etapeNumber == 12);
}

TEST_CASE("follow-ups and interested Cités: recorded with undo, refused with a message") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.first, true}).ok);
    Model m = roundTrip(f.s, AddFollowUp{f.first, FollowUp{f.lille, FollowUpStatus::Adoptee, Date{2021, 3, 16}, "Dans 3 collèges"}});
    REQUIRE(m.practice(f.first)->followUps.size() == 1);
    CHECK(m.practice(f.first)->followUps[0].status == FollowUpStatus::Adoptee);
    m = roundTrip(f.s, RemoveFollowUp{f.first, 0});
    CHECK(m.practice(f.first)->followUps.empty());
    REQUIRE(f.s.undo().ok);

    m = roundTrip(f.s, SetPracticeInterest{f.first, f.arras, true});
    m = roundTrip(f.s, SetPracticeInterest{f.first, f.lille, true});
    std::vector<Id> expected{f.lille, f.arras};
    std::sort(expected.begin(), expected.end());
    CHECK(m.practice(f.first)->interested == expected);  // in id order, whatever the order of entry
    m = roundTrip(f.s, SetPracticeInterest{f.first, f.arras, false});
    CHECK(m.practice(f.first)->interested == std::vector<Id>{f.lille});

    CHECK(refused(f.s, AddFollowUp{f.first, FollowUp{0, FollowUpStatus::Essayee, Date{2021, 3, 16}, ""}}) ==
          "Indiquez la Cité qui a essayé, adopté ou abandonné la pratique.");
    CHECK(refused(f.s, AddFollowUp{f.first, FollowUp{f.lille, FollowUpStatus::Essayee, Date{2021, 2, 30}, ""}}) ==
          "La date «\u00a02021-02-30\u00a0» n'existe pas\u00a0: saisissez-la sous la forme AAAA-MM-JJ.");
    CHECK(refused(f.s, AddFollowUp{999'999, FollowUp{f.lille}}) ==
          "Cette pratique n'existe pas (ou plus) dans la bibliothèque.");
    CHECK(refused(f.s, RemoveFollowUp{f.first, 5}) == "Ce suivi n'existe pas (ou plus).");
    CHECK(refused(f.s, SetPracticeInterest{f.first, 999'999, true}) == "Ce territoire n'existe pas (ou plus).");
    CHECK(refused(f.s, UpdatePractice{f.first, "  ", true}) == "Donnez un titre à la pratique.");
    CHECK(refused(f.s, UpdatePractice{f.first, "Café", true, "", {"Parents", "parents"}}) ==
          "Le thème «\u00a0parents\u00a0» figure deux fois.");
}

TEST_CASE("the evaluation of the day: the default questionnaire, counts per grade, sentences, practices wanted") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.first, true}).ok);
    REQUIRE(f.s.apply(AddActionPhare{f.e, actionPhare("Le café des parents")}).ok);
    const Id ap = f.s.model().etape(f.e)->actionsPhares.front().id;

    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 3}}) ==
          "L'étape 1 n'a pas encore de questionnaire d'évaluation.");
    const Evaluation def = defaultEvaluation();
    Model m = roundTrip(f.s, SetEvaluation{f.e, def.questions, {}});
    const auto& qs = m.etape(f.e)->evaluation.questions;
    REQUIRE(qs.size() == 5);
    CHECK(qs[0].text == "Appréciation générale");
    CHECK(qs[1].text == "Utilité pour ma Cité");
    CHECK(qs[3].kind == QuestionKind::Practices);
    const Id overall = qs[0].id, takeAway = qs[2].id, wanted = qs[3].id, themes = qs[4].id;
    CHECK(overall != 0);

    // 12 « Très bien », 5 « Bien », 2 « Passable » (default scale, worst first).
    const auto scale = defaultGradeScale();
    auto gradeOf = [&](const std::string& name) {
        return static_cast<int>(std::find(scale.begin(), scale.end(), name) - scale.begin());
    };
    REQUIRE(gradeOf("Très bien") < static_cast<int>(scale.size()));
    m = roundTrip(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 12, std::nullopt, {{overall, gradeOf("Très bien")}}}});
    REQUIRE(f.s.apply(AddEvaluationResponse{f.e, EvaluationResponse{0, 5, std::nullopt, {{overall, gradeOf("Bien")}}}}).ok);
    REQUIRE(f.s.apply(AddEvaluationResponse{f.e, EvaluationResponse{0, 2, std::nullopt, {{overall, gradeOf("Passable")}}}}).ok);
    EvaluationAnswer sentence{takeAway, -1, "Le café des parents, à essayer chez nous", {}};
    EvaluationAnswer wants{wanted, -1, "", {f.first, ap}};
    EvaluationAnswer wish{themes, -1, "L'évaluation des Cités", {}};
    m = roundTrip(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 1, f.arras, {sentence, wants, wish}}});

    const EvaluationResults r = evaluationResults(m.etape(f.e)->evaluation);
    CHECK(r.respondents == 19);  // people: the most answered question (the entries sum to 20)
    REQUIRE(r.questions.size() == 5);
    CHECK(r.questions[0].respondents == 19);
    CHECK(r.questions[0].profile[static_cast<size_t>(gradeOf("Très bien"))] == 12);
    CHECK(r.questions[0].median == gradeOf("Très bien"));  // 19 answers: the 10th from the worst is « Très bien »
    CHECK(r.questions[1].median == -1);                    // nobody answered
    REQUIRE(r.questions[2].texts.size() == 1);
    CHECK(r.questions[2].texts[0].first == "Le café des parents, à essayer chez nous");
    REQUIRE(r.questions[3].practices.size() == 2);
    CHECK(r.questions[4].texts[0].first == "L'évaluation des Cités");

    // The respondent's Cité is interested in both practices (derived: nothing recorded twice).
    CHECK(interestedCites(m, *m.practice(f.first)) == std::vector<Id>{f.arras});
    CHECK(interestedCites(m, *m.practice(ap)) == std::vector<Id>{f.arras});
    CHECK(m.practice(f.first)->interested.empty());

    // A practice named by an answer is kept when its idea is unflagged (hidden, not lost).
    m = roundTrip(f.s, SetPractice{f.e, f.board, f.first, false});
    CHECK(m.practice(f.first));
}

TEST_CASE("the evaluation: bad answers and changes that would lose answers are refused") {
    Fixture f;
    Model m = f.s.model();
    REQUIRE(f.s.apply(SetEvaluation{f.e, defaultEvaluation().questions, {}}).ok);
    const auto qs = f.s.model().etape(f.e)->evaluation.questions;
    const Id overall = qs[0].id, takeAway = qs[2].id, wanted = qs[3].id;

    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 1, std::nullopt, {{overall, 99}}}})
              .find("attend une note de l'échelle") != std::string::npos);
    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 0, std::nullopt, {{overall, 1}}}}) ==
          "Le nombre de réponses identiques va de 1 à 1000000.");
    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 1, std::nullopt, {{takeAway, -1, "   ", {}}}}}) ==
          "La question «\u00a0Ce que je retiens\u00a0» attend une phrase.");
    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 1, std::nullopt, {{overall, 1}, {overall, 2}}}}) ==
          "Une réponse ne peut répondre qu'une fois à la question «\u00a0Appréciation générale\u00a0».");
    // A practice of another étape is not one of the day.
    const Id other = f.s.model().etapeByNumber(2)->id;
    REQUIRE(f.s.apply(AddActionPhare{other, actionPhare("Ailleurs")}).ok);
    const Id elsewhere = f.s.model().etape(other)->actionsPhares.front().id;
    CHECK(refused(f.s, AddEvaluationResponse{f.e, EvaluationResponse{0, 1, std::nullopt, {{wanted, -1, "", {elsewhere}}}}}) ==
          "Cette pratique n'est pas une pratique de l'étape 1\u00a0: seules les pratiques du jour peuvent être choisies.");

    // Once answered, a question can be neither removed nor changed in kind, and the scale keeps its size.
    REQUIRE(f.s.apply(AddEvaluationResponse{f.e, EvaluationResponse{0, 4, std::nullopt, {{overall, 2}}}}).ok);
    std::vector<EvaluationQuestion> fewer(qs.begin() + 1, qs.end());
    CHECK(refused(f.s, SetEvaluation{f.e, fewer, {}}).find("a déjà 4 réponses") != std::string::npos);
    CHECK(refused(f.s, SetEvaluation{f.e, qs, {"Non", "Oui"}}) ==
          "Des notes ont déjà été saisies\u00a0: l'échelle ne peut plus changer de nombre de niveaux.");
    CHECK(refused(f.s, SetEvaluation{f.e, qs, {"Bien", "Bien", "Bien"}}) ==
          "L'échelle des notes compte de 2 à 10 niveaux, tous nommés et différents.");
    // Renaming a question answered is fine.
    std::vector<EvaluationQuestion> renamed = qs;
    renamed[0].text = "Votre avis sur la journée";
    roundTrip(f.s, SetEvaluation{f.e, renamed, {}});
    const Id response = f.s.model().etape(f.e)->evaluation.responses.front().id;
    roundTrip(f.s, RemoveEvaluationResponse{f.e, response});
    (void)m;
}

TEST_CASE("a Cité named by a practice or an evaluation answer cannot be removed") {
    Fixture f;
    REQUIRE(f.s.apply(SetPractice{f.e, f.board, f.first, true}).ok);
    // Nobody lives in Arras in the fixture and it hosts nothing: only the practice holds it.
    REQUIRE(f.s.apply(AddFollowUp{f.first, FollowUp{f.arras, FollowUpStatus::Essayee, Date{2020, 6, 2}, ""}}).ok);
    CHECK(refused(f.s, RemoveTerritory{f.arras}) ==
          "Arras figure dans la bibliothèque des pratiques ou dans une évaluation (Un café des parents au collège)\u00a0: "
          "retirez-l'en d'abord.");
    REQUIRE(f.s.undo().ok);
    REQUIRE(f.s.apply(SetEvaluation{f.e, defaultEvaluation().questions, {}}).ok);
    const Id takeAway = f.s.model().etape(f.e)->evaluation.questions[2].id;
    REQUIRE(f.s.apply(AddEvaluationResponse{f.e, EvaluationResponse{0, 1, f.arras, {{takeAway, -1, "Merci", {}}}}}).ok);
    CHECK(refused(f.s, RemoveTerritory{f.arras}).find("(Étape 1)") != std::string::npos);
    REQUIRE(f.s.undo().ok);
    roundTrip(f.s, RemoveTerritory{f.arras});
}
