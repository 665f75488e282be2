// Erasure in the model (issue 34): what counts as the person in text, and the ErasePerson action.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/erasure.h"
#include "core/session.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {
ErasureTarget helene() {
    Person p;
    p.id = 7;
    p.name = "Hélène Quintal-Brévanne";
    p.email = "helene.quintal@exemple.fr";
    return erasureTarget(p);
}
std::string scrubbed(std::string text) {
    scrubText(text, helene());
    return text;
}
}  // namespace

TEST_CASE("the person in text: either word order, any case or accents, whole words, the e-mail too") {
    CHECK(helene().label == "Personne effacée 7");
    CHECK(scrubbed("Proposé par HÉLÈNE QUINTAL BREVANNE et Marc") == "Proposé par Personne effacée 7 et Marc");
    CHECK(scrubbed("Quintal-Brévanne Hélène, cheffe de projet") == "Personne effacée 7, cheffe de projet");
    CHECK(scrubbed("L'idée d’Hélène Quintal-Brévanne.") == "L'idée d’Personne effacée 7.");
    CHECK(scrubbed("Écrire à Helene.Quintal@Exemple.fr.") == "Écrire à Personne effacée 7.");
    CHECK(scrubbed("hélène quintal-brévanne et helene quintal brevanne") ==
          "Personne effacée 7 et Personne effacée 7");
    // Not her: another word, a longer name, a first name alone, another address.
    CHECK(scrubbed("Hélène Quintal-Brévannes") == "Hélène Quintal-Brévannes");
    CHECK(scrubbed("Hélène a proposé") == "Hélène a proposé");
    CHECK(scrubbed("xhelene.quintal@exemple.fr") == "xhelene.quintal@exemple.fr");
    CHECK(!mentions("Marc Obry", helene()));
    CHECK(mentions("avec HELENE QUINTAL-BREVANNE", helene()));
    // The spellings a search of raw bytes uses cover the upper-case accented form.
    const auto all = spellings(helene());
    CHECK(std::find(all.begin(), all.end(), "HÉLÈNE QUINTAL-BRÉVANNE") != all.end());
    CHECK(std::find(all.begin(), all.end(), "helene quintal brevanne") != all.end());
}

TEST_CASE("ErasePerson: the record becomes the label, Cité and institution stay, texts are scrubbed, not undoable") {
    Session s = test::dayOfEtapeSession();
    const Person person = s.model().people.front();
    const Id etape = s.model().etapes.front().id;
    const size_t registrations = s.model().etapes.front().registrations.size();
    const Board& board = s.model().etapes.front().boards.front();
    Idea idea;
    idea.text = "Idée de " + person.name + " : un café";
    idea.author = person.name;
    idea.category = board.categories.front().id;
    REQUIRE(s.apply(AddIdea{etape, board.id, idea}));
    const std::string before = s.undoLabel();

    REQUIRE(s.applyUnrecorded(ErasePerson{person.id}, JournalKind::Do));
    const Person* p = s.model().person(person.id);
    REQUIRE(p);
    CHECK(p->name == erasedLabel(person.id));
    CHECK(p->email.empty());
    CHECK(p->structure.empty());
    CHECK(p->function.empty());
    CHECK(p->territory == person.territory);
    CHECK(p->institution == person.institution);
    CHECK(p->role == person.role);
    CHECK(s.model().etapes.front().registrations.size() == registrations);
    const Idea& after = s.model().etapes.front().boards.front().ideas.back();
    CHECK(after.author == erasedLabel(person.id));
    CHECK(after.text == "Idée de " + erasedLabel(person.id) + " : un café");
    CHECK(s.undoLabel() == before);  // the erasure is not a step to undo
    // Again: nothing left to change; an unknown person is refused.
    const Model erased = s.model();
    REQUIRE(s.applyUnrecorded(ErasePerson{person.id}, JournalKind::Do));
    CHECK(s.model() == erased);
    CHECK(!s.apply(ErasePerson{999'999}));
}

TEST_CASE("an archive keeps its counts by Cité and institution when someone present is erased") {
    Session s = test::dayOfEtapeSession();
    const Etape& e = s.model().etapes.front();
    EtapeArchive a = makeArchive(s.model(), e, "test", "2020-02-11T18:00:00Z");
    REQUIRE(!a.people.empty());
    const ArchivedPerson first = a.people.front();
    const Person* person = s.model().person(first.id);
    REQUIRE(person);
    CHECK(eraseFromArchive(a, erasureTarget(*person)));
    CHECK(a.people.front().name == erasedLabel(first.id));
    CHECK(a.people.front().territory == first.territory);
    CHECK(a.people.front().institution == first.institution);
    CHECK(a.people.front().structure.empty());
    CHECK(!eraseFromArchive(a, erasureTarget(*person)));  // done: nothing more to change
}
