// Bibliothèque, Actions-phares and Évaluation driven through simulated mouse and keyboard, and the projector
// views of the essaimage drawing what the console chose.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "core/practices.h"
#include "ui/harness.h"
#include "ui/screens/essaimage.h"
#include "ui/text_fit.h"

using namespace atelier;
using namespace atelier::ui;
using atelier::ui::test::Console;

namespace {

/// The console on the fixture Tour with a board of étape 1 (some ideas flagged), its actions-phares, follow-ups and
/// an evaluation.
struct Library : Console {
    Id cafe = 0;
    Library() {
        atelier::test::addIdeaBoard(session, etape1().id, 40);
        atelier::test::addEssaimage(session, etape1().id);
        cafe = etape1().actionsPhares.front().id;
        frame();
    }
    LibraryView& view() { return app.view<LibraryView>(); }
    const Practice& practice(Id id) const { return *session.model().practice(id); }
    /// The texts the projector draws in one frame.
    std::vector<std::string> projected() {
        UiRequests r;
        imgui.frame([&] { app.drawProjector(r); });
        TextLog& log = textLog();
        log.clear();
        log.recording = true;
        imgui.frame([&] { app.drawProjector(r); });
        log.recording = false;
        std::vector<std::string> out;
        for (const DrawnText& t : log.drawn) out.push_back(t.text);
        INFO(describeCuts(log));
        CHECK(log.cuts.empty());
        return out;
    }
    static std::string describeCuts(const TextLog& log) {
        std::string out;
        for (const CutText& c : log.cuts) out += "\n  cut: « " + c.text + " »";
        return out;
    }
};

bool drawn(const std::vector<std::string>& texts, const std::string& text) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("Bibliothèque: a follow-up added from the tab is one action, undone by Ctrl+Z") {
    Library c;
    c.show("bibliotheque");
    // The search ignores accents and case: « cesar FRANCK » finds the action-phare of the collège César Franck.
    c.click("library.search");
    c.imgui.type("cesar FRANCK");
    c.frame();
    c.frame();
    probe::enable(true);
    c.frame();
    REQUIRE(probe::find("library.row.0"));
    CHECK_FALSE(probe::find("library.row.1"));
    c.click("library.row.0");
    CHECK(c.view().selected == c.cafe);
    REQUIRE(c.practice(c.cafe).followUps.size() == 2);

    // Without a Cité, the form says what is missing and changes nothing.
    const Model before = c.session.model();
    c.click("library.follow.add");
    CHECK(c.lastActions.empty());
    CHECK(c.session.model() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("Cité") != std::string::npos);

    c.view().followCite = c.session.model().territoryByName("Arras")->id;  // what the Cité combo sets
    c.view().followStatus = FollowUpStatus::Adoptee;
    c.click("library.follow.date");
    c.selectAll();
    c.imgui.type("12/10/2021");
    c.frame();
    c.click("library.follow.note");
    c.imgui.type("Adopté au collège Jean Macé");
    c.frame();
    const Actions emitted = c.click("library.follow.add");
    REQUIRE(emitted.size() == 1);
    const auto& add = std::get<AddFollowUp>(emitted[0]);
    CHECK(add.practice == c.cafe);
    const auto& follow = c.practice(c.cafe).followUps;
    REQUIRE(follow.size() == 3);
    CHECK(follow.back().territory == c.session.model().territoryByName("Arras")->id);
    CHECK(follow.back().status == FollowUpStatus::Adoptee);
    CHECK(follow.back().date == Date{2021, 10, 12});
    CHECK(follow.back().note == "Adopté au collège Jean Macé");
    c.frame();
    CHECK(c.view().followNote.empty());  // the form empties once accepted

    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.practice(c.cafe).followUps.size() == 2);
    CHECK(c.session.model() == before);
}

TEST_CASE("Bibliothèque: a date that is not one is refused with a message, nothing changes") {
    Library c;
    c.show("bibliotheque");
    c.view().selected = c.cafe;
    c.frame();  // selected (the form starts empty for it), then its Cité chosen
    c.view().followCite = c.session.model().territoryByName("Lille")->id;
    c.frame();
    c.click("library.follow.date");
    c.selectAll();
    c.imgui.type("31/02/2021");
    c.frame();
    const Model before = c.session.model();
    c.click("library.follow.add");
    CHECK(c.session.model() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("31/02/2021") != std::string::npos);
}

TEST_CASE("Bibliothèque: filters by follow-up, theme and Cité") {
    Library c;
    c.show("bibliotheque");
    const Model& m = c.session.model();
    const size_t all = libraryPractices(m).size();
    REQUIRE(all > 3);
    CHECK(filteredLibrary(m, c.view()).size() == all);

    // « Abandonnée », chosen in its combo: only the board practice Arras gave up.
    c.click("library.filter-status");
    c.click("library.status.3");
    CHECK(c.view().status == LibraryStatusFilter::Abandonnee);
    auto shown = filteredLibrary(m, c.view());
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]->source == PracticeSource::Board);
    probe::enable(true);
    c.frame();
    CHECK(probe::find("library.row.0"));
    CHECK_FALSE(probe::find("library.row.1"));

    // « Sans suivi »: the others.
    c.view().status = LibraryStatusFilter::None;
    CHECK(filteredLibrary(m, c.view()).size() == all - 2);
    c.view().status = LibraryStatusFilter::All;

    // A theme, chosen in its combo (themes in alphabetical order: Lien école-familles, Orientation, Parentalité).
    REQUIRE(libraryThemes(m) == std::vector<std::string>{"Lien école-familles", "Orientation", "Parentalité"});
    c.click("library.filter-theme");
    c.click("library.theme.2");
    CHECK(c.view().theme == "Parentalité");
    shown = filteredLibrary(m, c.view());
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]->id == c.cafe);
    c.view().theme.clear();

    // A Cité: Lille adopted the café and wants it (evaluation), nothing else.
    c.view().cite = m.territoryByName("Lille")->id;
    shown = filteredLibrary(m, c.view());
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]->id == c.cafe);
    // Arras with « Essayée »: the café only (Arras gave the other one up).
    c.view().cite = m.territoryByName("Arras")->id;
    c.view().status = LibraryStatusFilter::Essayee;
    shown = filteredLibrary(m, c.view());
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]->id == c.cafe);
}

TEST_CASE("Bibliothèque: the list follows the model and the search, made again only when either changes") {
    Library c;
    c.show("bibliotheque");
    const Model& m = c.session.model();
    c.view().search = "CAFE";  // accents and case ignored
    c.frame();
    const LibraryView::Lists& lists = c.view().lists;
    REQUIRE(lists.shown.size() == 1);
    CHECK(lists.shown[0]->id == c.cafe);
    CHECK(lists.shown == filteredLibrary(m, c.view()));
    const std::uint64_t made = lists.revision;
    c.frame();
    CHECK(lists.revision == made);  // nothing changed: the same lists

    // Another practice renamed to speak of a café: listed at the next frame; undone: gone again.
    const Practice* other = nullptr;
    for (const Practice* p : libraryPractices(m))
        if (p->id != c.cafe) other = p;
    REQUIRE(other);
    const Id otherId = other->id;
    REQUIRE(c.session.apply(UpdatePractice{otherId, "Un café des familles", true, other->description, other->themes,
                                           other->cite}));
    c.frame();
    CHECK(lists.shown.size() == 2);
    CHECK(lists.shown == filteredLibrary(m, c.view()));
    REQUIRE(c.session.undo());
    c.frame();
    CHECK(lists.shown.size() == 1);
    // The search changed: made again at once.
    c.view().search.clear();
    c.frame();
    CHECK(lists.shown.size() == libraryPractices(m).size());
}

TEST_CASE("Bibliothèque: the description and themes edited in the tab, one undo step each") {
    Library c;
    c.show("bibliotheque");
    c.view().selected = c.cafe;
    c.frame();
    Actions emitted = c.typeInto("library.themes", "Parentalité, Numérique ,  ");
    REQUIRE(emitted.size() == 1);
    CHECK(c.practice(c.cafe).themes == std::vector<std::string>{"Parentalité", "Numérique"});
    emitted = c.typeInto("library.description", "Un café chaque samedi.");
    REQUIRE(emitted.size() == 1);
    CHECK(c.practice(c.cafe).description == "Un café chaque samedi.");
    REQUIRE(c.session.undo().ok);
    CHECK(c.practice(c.cafe).description != "Un café chaque samedi.");
    CHECK(c.practice(c.cafe).themes == std::vector<std::string>{"Parentalité", "Numérique"});
}

TEST_CASE("Actions-phares: add one by its title, edit it, add a photo by its path, project it") {
    Library c;
    const auto& dir = c.useFolder();
    // The fixture's two actions-phares leave (their practices, followed, stay in the library): the new one is alone.
    for (const ActionPhare& a : std::vector<ActionPhare>(c.etape1().actionsPhares))
        REQUIRE(c.session.apply(RemoveActionPhare{c.etape1().id, a.id}).ok);
    c.show("actions-phares");
    c.click("ap.new");
    c.typeAndEnter("Le conseil des jeunes");
    REQUIRE(c.lastActions.size() == 1);
    REQUIRE(c.etape1().actionsPhares.size() == 1);
    const ActionPhare& added = c.etape1().actionsPhares.back();
    CHECK(added.title == "Le conseil des jeunes");
    CHECK(c.session.model().practice(added.id));  // it is in the library

    Actions emitted = c.typeInto("ap.0.partners", "Mairie, collège Jules Verne");
    REQUIRE(emitted.size() == 1);
    CHECK(c.etape1().actionsPhares.back().partners == "Mairie, collège Jules Verne");

    // A photo: checked and copied into DATA/photos/, then named in the action-phare.
    const std::filesystem::path png = c.temp->path / "conseil.png";
    {
        static const unsigned char k1x1[] = {
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
            0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
            0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff,
            0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
        std::ofstream out(png, std::ios::binary);
        out.write(reinterpret_cast<const char*>(k1x1), sizeof k1x1);
    }
    c.click("ap.0.photo.path");
    c.imgui.type(png.string());
    c.frame();
    emitted = c.click("ap.0.photo.add");
    REQUIRE(emitted.size() == 1);
    REQUIRE(c.etape1().actionsPhares.back().photos.size() == 1);
    CHECK(std::filesystem::exists(dir / c.etape1().actionsPhares.back().photos.front()));

    // A file that is no photo: a message, nothing changed.
    const Model before = c.session.model();
    c.click("ap.0.photo.path");
    c.selectAll();
    c.imgui.type((c.temp->path / "absent.jpg").string());
    c.frame();
    c.click("ap.0.photo.add");
    CHECK(c.session.model() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("absent.jpg") != std::string::npos);

    // A photo dropped on the window goes to the field of the action-phare under the mouse.
    c.app.dropFile(png.string());
    c.frame();
    CHECK(c.app.view<ActionsPharesView>().photoPath[c.etape1().actionsPhares.back().id] == png.string());

    // Projected: the « Découverte » view shows this one.
    c.click("ap.0.project");
    CHECK(c.app.state().projector == "projecteur-decouverte");
    const auto texts = c.projected();
    CHECK(drawn(texts, "Le conseil des jeunes"));
    CHECK(drawn(texts, "1 sur 1"));

    // Removed after a confirmation; undo brings it back.
    c.click("ap.0.remove");
    c.click("confirm.yes");
    CHECK(c.etape1().actionsPhares.empty());
    c.ctrlPress(ImGuiKey_Z);
    CHECK(c.etape1().actionsPhares.size() == 1);
}

TEST_CASE("Évaluation: the Tour's questionnaire, counts per grade as one undo step, a typed sentence, practices wanted") {
    Console c;
    atelier::test::addIdeaBoard(c.session, c.etape1().id, 40);
    c.show("evaluation");
    c.click("eval.default");
    const Evaluation& ev = c.etape1().evaluation;
    REQUIRE(ev.questions.size() == defaultEvaluation().questions.size());
    REQUIRE(ev.questions[0].kind == QuestionKind::Grade);

    // 5 answers at the best grade, 2 at the one below it.
    const size_t top = ev.scale().size() - 1;
    auto count = [&](size_t grade, const std::string& n) {
        c.click("eval.q0.grade." + std::to_string(grade));
        c.selectAll();
        c.imgui.type(n);
        c.frame();
        c.press(ImGuiKey_Tab);
    };
    count(top, "5");
    count(top - 1, "2");
    c.click("eval.q0.add");
    REQUIRE(c.lastActions.batches.size() == 1);
    EvaluationResults r = evaluationResults(c.etape1().evaluation);
    CHECK(r.respondents == 7);
    CHECK(r.questions[0].profile[top] == 5);
    CHECK(r.questions[0].profile[top - 1] == 2);
    CHECK(r.questions[0].median == static_cast<int>(top));
    CHECK(c.session.undoLabel() == "Saisir 7 réponses à l'évaluation de l'étape 1");
    c.frame();
    CHECK(c.app.view<EvaluationView>().counts[ev.questions[0].id][top] == 0);  // emptied once accepted
    REQUIRE(c.session.undo().ok);
    CHECK(evaluationResults(c.etape1().evaluation).respondents == 0);

    // A sentence typed, Enter.
    size_t sentence = 0, practices = 0;
    for (size_t i = 0; i < ev.questions.size(); ++i) {
        if (ev.questions[i].kind == QuestionKind::Sentence && !sentence) sentence = i;
        if (ev.questions[i].kind == QuestionKind::Practices && !practices) practices = i;
    }
    REQUIRE(sentence);
    REQUIRE(practices);
    c.click("eval.q" + std::to_string(sentence) + ".text");
    c.typeAndEnter("Le café des parents");
    REQUIRE(c.lastActions.size() == 1);
    REQUIRE(c.etape1().evaluation.responses.size() == 1);
    CHECK(c.etape1().evaluation.responses[0].answers[0].text == "Le café des parents");

    // A practice of the day wanted by 3 people of Lille: Lille becomes interested.
    c.app.view<EvaluationView>().cite = c.session.model().territoryByName("Lille")->id;
    c.frame();
    c.click("eval.q" + std::to_string(practices) + ".practice.0");
    c.click("eval.q" + std::to_string(practices) + ".count");
    c.selectAll();
    c.imgui.type("3");
    c.frame();
    c.press(ImGuiKey_Tab);
    c.click("eval.q" + std::to_string(practices) + ".add");
    REQUIRE(c.lastActions.size() == 1);
    const EvaluationResponse& wanted = c.etape1().evaluation.responses.back();
    CHECK(wanted.count == 3);
    REQUIRE(wanted.answers[0].practices.size() == 1);
    const Practice& p = *c.session.model().practice(wanted.answers[0].practices[0]);
    CHECK(interestedCites(c.session.model(), p) == std::vector<Id>{c.session.model().territoryByName("Lille")->id});

    // Projected.
    c.click("eval.project");
    CHECK(c.app.state().projector == "projecteur-evaluation");
}

TEST_CASE("Évaluation: the questionnaire edited in place, one undo step per change, answered questions kept") {
    Console c;
    c.show("evaluation");
    c.click("eval.default");
    c.click("eval.edit");
    const Evaluation& ev = c.etape1().evaluation;
    const std::vector<EvaluationQuestion> tour = ev.questions;
    REQUIRE(tour.size() == 5);

    // Reworded (Enter), then Ctrl+Z gives the Tour's text back.
    c.typeInto("eval.edit.q0.text", "Mon avis sur la journée");
    CHECK(ev.questions[0].text == "Mon avis sur la journée");
    CHECK(ev.questions[0].id == tour[0].id);
    CHECK(c.session.undoLabel() == fmt(Str::ActSetEvaluation, {"1"}));
    c.ctrlPress(ImGuiKey_Z);
    CHECK(ev.questions[0].text == tour[0].text);

    // Moved up.
    c.click("eval.edit.q1.up");
    CHECK(ev.questions[0].id == tour[1].id);
    CHECK(ev.questions[1].id == tour[0].id);
    c.ctrlPress(ImGuiKey_Z);
    CHECK(ev.questions == tour);

    // A new question typed at the end (a sentence by default), then removed after the confirmation.
    c.click("eval.edit.new");
    c.typeAndEnter("Une suggestion pour la prochaine étape ?");
    REQUIRE(ev.questions.size() == 6);
    CHECK(ev.questions[5].text == "Une suggestion pour la prochaine étape ?");
    CHECK(ev.questions[5].kind == QuestionKind::Sentence);
    c.frame();
    CHECK(c.app.view<EvaluationView>().newQuestion.empty());  // emptied once accepted
    c.click("eval.edit.q5.remove");
    c.click("confirm.yes");
    CHECK(ev.questions == tour);

    // The scale of the notes, typed with commas; one mention only is refused with a message, nothing changes.
    c.typeInto("eval.edit.scale", "Pas du tout, Un peu, Beaucoup");
    CHECK(ev.scale() == std::vector<std::string>{"Pas du tout", "Un peu", "Beaucoup"});
    c.typeInto("eval.edit.scale", "Beaucoup");
    CHECK(ev.scale() == std::vector<std::string>{"Pas du tout", "Un peu", "Beaucoup"});
    CHECK(c.app.view<EvaluationView>().error.empty());  // reported as a toast

    // Answered, the first question keeps its kind and cannot be removed; the others still can.
    EvaluationResponse r;
    r.answers.push_back(EvaluationAnswer{ev.questions[0].id, 2, {}, {}});
    REQUIRE(c.session.apply(AddEvaluationResponse{c.etape1().id, r, -1}));
    c.click("eval.edit.q0.remove");
    c.frame();
    CHECK(ev.questions.size() == 5);
    c.click("eval.edit.q4.remove");
    c.click("confirm.yes");
    CHECK(ev.questions.size() == 4);

    // Back to the entry.
    c.click("eval.edit");
    c.frame();
    CHECK(probe::find("eval.q0.add").has_value());
}

TEST_CASE("Projecteur: « Découverte », « Pratiques à essaimer » and the evaluation draw what the console chose") {
    Library c;
    c.app.showScreen("projecteur-decouverte");
    auto texts = c.projected();
    CHECK(drawn(texts, "Le café des parents du collège César Franck"));
    CHECK(drawn(texts, "1 sur 2"));
    CHECK(drawn(texts, "Photo introuvable\u00a0: photos/cafe-des-parents.jpg"));  // no such file in the test

    // The cards follow the library's filters and pages.
    c.show("bibliotheque");
    c.click("library.project");
    CHECK(c.app.state().projector == "projecteur-pratiques");
    const size_t all = libraryPractices(c.session.model()).size();
    texts = c.projected();
    CHECK(drawn(texts, "Pratiques à essaimer"));
    CHECK(drawn(texts, "1 / " + std::to_string((all + 3) / 4)));
    CHECK(drawn(texts, "Le café des parents du collège César Franck"));
    c.app.view<LibraryView>().page = 1;
    texts = c.projected();
    CHECK(drawn(texts, "2 / "));
    CHECK_FALSE(drawn(texts, "Le café des parents du collège César Franck"));
    c.app.view<LibraryView>().theme = "Orientation";
    texts = c.projected();
    CHECK_FALSE(drawn(texts, "1 / "));  // one card needs no page number
    CHECK(c.app.view<LibraryView>().page == 0);

    c.app.showScreen("projecteur-evaluation");
    texts = c.projected();
    CHECK(drawn(texts, "Évaluation à chaud · étape 1"));
    CHECK(drawn(texts, "Le café des parents du collège César Franck (4 personnes)"));
    CHECK(drawn(texts, "«\u00a0Le café des parents, simple à lancer chez nous\u00a0»"));
}

TEST_CASE("Photos of an action-phare (issue 29.5): every one projected, a thumbnail for each in the console") {
    Library c;
    ActionPhare first = c.etape1().actionsPhares.front();
    first.photos = {"photos/atelier.jpg", "photos/cour.jpg", "photos/visite.png"};
    REQUIRE(c.session.apply(UpdateActionPhare{c.etape1().id, first}).ok);
    c.app.showScreen("projecteur-decouverte");
    const auto texts = c.projected();
    for (const std::string& photo : first.photos)  // none is on disk in the test: each named where it goes
        CHECK(drawn(texts, "Photo introuvable\u00a0: " + photo));
    c.show("actions-phares");
    for (int p = 0; p < 3; ++p) CHECK(probe::find("ap.0.photo.thumb." + std::to_string(p)).has_value());
}
