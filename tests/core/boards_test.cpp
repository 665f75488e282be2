// Idea boards (« Mur d'idées »): every action applied, undone and redone; the refusals (500 characters, invalid
// UTF-8, unknown places); the merge and its undo; the accent-insensitive search the screen relies on.
#include <doctest/doctest.h>

#include <string>

#include "core/idea_import.h"
#include "core/session.h"
#include "core/text.h"
#include "support/fixtures.h"
#include "support/roundtrip.h"

using namespace atelier;
using atelier::test::sameContent;

namespace {

using atelier::test::refused;
using atelier::test::roundTrip;


/// The fixture Tour with one board on étape 1 (the three default columns) and two ideas in « Constats ».
struct BoardFixture {
    Session s = test::tourSession();
    Id e = s.model().etapeByNumber(1)->id;
    Id board = 0, constats = 0, leviers = 0, actions = 0, first = 0, second = 0;
    BoardFixture() {
        Board b;
        b.title = "Comment associer les familles ?";
        b.categories = defaultBoardCategories();
        REQUIRE(s.apply(AddBoard{e, b}).ok);
        const Board& made = this->b();
        board = made.id;
        constats = made.categories[0].id;
        leviers = made.categories[1].id;
        actions = made.categories[2].id;
        REQUIRE(s.apply(AddIdea{e, board, idea("Les familles ne viennent qu'aux réunions de fin d'année", "Groupe 1")}).ok);
        REQUIRE(s.apply(AddIdea{e, board, idea("Un café des parents au collège", "Groupe 2")}).ok);
        first = this->b().ideas[0].id;
        second = this->b().ideas[1].id;
    }
    const Board& b() const { return s.model().etape(e)->boards.back(); }
    Idea idea(std::string text, std::string group, Id category = 0) const {
        Idea i;
        i.text = std::move(text);
        i.group = std::move(group);
        i.category = category ? category : constats;
        i.time = 1581415200;  // 11 février 2020, 10 h 00 (UTC)
        return i;
    }
};

}  // namespace

TEST_CASE("boards: a new board gets the template columns, and every board action undoes and redoes") {
    BoardFixture f;
    REQUIRE(f.b().categories.size() == 3);
    CHECK(f.b().categories[0].name == "Constats");
    CHECK(f.b().categories[2].name == "Actions à essaimer");
    CHECK(f.b().ideas[0].time == 1581415200);  // the time given in the action, never the clock

    Board other;
    other.title = "Évaluer ensemble";
    other.categories = defaultBoardCategories();
    Model m = roundTrip(f.s, AddBoard{f.e, other});
    CHECK(m.etape(f.e)->boards.size() == 2);
    m = roundTrip(f.s, RenameBoard{f.e, f.board, "Associer les familles"});
    CHECK(m.etape(f.e)->board(f.board)->title == "Associer les familles");
    CHECK(refused(f.s, RenameBoard{f.e, f.board, "évaluer ENSEMBLE"}).find("«\u00a0Évaluer ensemble\u00a0»") != std::string::npos);
    CHECK_FALSE(refused(f.s, RenameBoard{f.e, f.board, "  "}).empty());
    m = roundTrip(f.s, RemoveBoard{f.e, f.board});
    CHECK(m.etape(f.e)->board(f.board) == nullptr);
}

TEST_CASE("boards: columns are added, renamed and removed only when empty") {
    BoardFixture f;
    Model m = roundTrip(f.s, AddCategory{f.e, f.board, BoardCategory{0, "Freins"}, 1});
    CHECK(m.etape(f.e)->board(f.board)->categories[1].name == "Freins");
    m = roundTrip(f.s, RenameCategory{f.e, f.board, f.leviers, "Ce qui aide"});
    CHECK(m.etape(f.e)->board(f.board)->categories[2].name == "Ce qui aide");
    m = roundTrip(f.s, RemoveCategory{f.e, f.board, f.actions});
    CHECK(m.etape(f.e)->board(f.board)->categories.size() == 3);
    const std::string message = refused(f.s, RemoveCategory{f.e, f.board, f.constats});
    CHECK(message.find("2 idées") != std::string::npos);
    CHECK(refused(f.s, AddCategory{f.e, f.board, BoardCategory{0, "constats"}}).find("existe déjà") != std::string::npos);
}

TEST_CASE("boards: ideas are added, edited, moved, removed, with undo and redo") {
    BoardFixture f;
    Model m = roundTrip(f.s, AddIdea{f.e, f.board, f.idea("Des ateliers parents-enfants le mercredi", "Lille", f.leviers)});
    CHECK(m.etape(f.e)->board(f.board)->ideas.back().group == "Lille");
    m = roundTrip(f.s, EditIdea{f.e, f.board, f.first, "  Les familles viennent peu  ", "Groupe 4", "Zoé"});
    const Idea& edited = *m.etape(f.e)->board(f.board)->idea(f.first);
    CHECK(edited.text == "Les familles viennent peu");
    CHECK(edited.author == "Zoé");
    m = roundTrip(f.s, MoveIdea{f.e, f.board, f.first, f.leviers, std::nullopt, -1});
    CHECK(m.etape(f.e)->board(f.board)->ideas.back().id == f.first);
    CHECK(m.etape(f.e)->board(f.board)->ideas.back().category == f.leviers);
    m = roundTrip(f.s, MoveIdea{f.e, f.board, f.second, f.leviers, std::nullopt, 0});
    CHECK(m.etape(f.e)->board(f.board)->ideas.front().id == f.second);
    m = roundTrip(f.s, RemoveIdea{f.e, f.board, f.second});
    CHECK(m.etape(f.e)->board(f.board)->idea(f.second) == nullptr);
    CHECK_FALSE(refused(f.s, MoveIdea{f.e, f.board, f.first, 999, std::nullopt, -1}).empty());
    CHECK_FALSE(refused(f.s, MoveIdea{f.e, f.board, f.first, f.constats, std::nullopt, 7}).empty());
}

TEST_CASE("boards: an idea of 500 characters is accepted, 501 are refused with a message, never cut") {
    BoardFixture f;
    std::string text;
    for (int i = 0; i < 500; ++i) text += "é";  // 500 characters, 1,000 bytes
    REQUIRE(f.s.apply(AddIdea{f.e, f.board, f.idea(text, "Groupe 1")}).ok);
    CHECK(countCodePoints(f.b().ideas.back().text) == 500);
    const std::string message = refused(f.s, AddIdea{f.e, f.board, f.idea(text + "e", "Groupe 1")});
    CHECK(message.find("501 caractères") != std::string::npos);
    CHECK(message.find("500 au plus") != std::string::npos);
    CHECK(refused(f.s, EditIdea{f.e, f.board, f.first, text + "!", "", ""}).find("501") != std::string::npos);
    CHECK(refused(f.s, AddIdea{f.e, f.board, f.idea("   ", "Groupe 1")}).find("vide") != std::string::npos);
}

TEST_CASE("boards: invalid UTF-8 is refused with a message") {
    BoardFixture f;
    const std::string message = refused(f.s, AddIdea{f.e, f.board, f.idea("R\xe9ussite", "Groupe 1")});
    CHECK(message.find("UTF-8 invalide") != std::string::npos);
    CHECK(message.find("Texte de l'idée") != std::string::npos);
    CHECK_FALSE(refused(f.s, AddIdea{f.e, f.board, f.idea("Réussite", "Gr\xffoupe")}).empty());
}

TEST_CASE("boards: clusters are created with members, renamed, removed (ideas stay), and ideas move into them") {
    BoardFixture f;
    Model m = roundTrip(f.s, AddCluster{f.e, f.board, IdeaCluster{0, "Lien avec les familles", f.constats}, -1, {f.first}});
    const Board& b = *m.etape(f.e)->board(f.board);
    REQUIRE(b.clusters.size() == 1);
    const Id cluster = b.clusters[0].id;
    CHECK(b.idea(f.first)->cluster == cluster);
    m = roundTrip(f.s, MoveIdea{f.e, f.board, f.second, f.constats, cluster, -1});
    CHECK(m.etape(f.e)->board(f.board)->idea(f.second)->cluster == cluster);
    m = roundTrip(f.s, RenameCluster{f.e, f.board, cluster, "Familles"});
    CHECK(m.etape(f.e)->board(f.board)->clusters[0].name == "Familles");
    m = roundTrip(f.s, RemoveCluster{f.e, f.board, cluster});
    CHECK(m.etape(f.e)->board(f.board)->clusters.empty());
    CHECK_FALSE(m.etape(f.e)->board(f.board)->idea(f.first)->cluster.has_value());
    // A cluster of « Constats » cannot hold an idea of « Leviers ».
    CHECK(refused(f.s, MoveIdea{f.e, f.board, f.second, f.leviers, cluster, -1}).find("regroupement") != std::string::npos);
}

TEST_CASE("boards: merging keeps both texts, undo restores both ideas where they were") {
    BoardFixture f;
    const Model before = f.s.model();
    REQUIRE(f.s.apply(MergeIdeas{f.e, f.board, f.second, f.first}).ok);
    REQUIRE(f.b().ideas.size() == 1);
    const Idea& merged = f.b().ideas[0];
    CHECK(merged.id == f.second);
    CHECK(merged.text == "Un café des parents au collège");
    REQUIRE(merged.merged.size() == 1);
    CHECK(merged.merged[0].text == "Les familles ne viennent qu'aux réunions de fin d'année");
    CHECK(merged.merged[0].group == "Groupe 1");
    CHECK(f.s.undoLabel().find("Fusionner") != std::string::npos);
    REQUIRE(f.s.undo().ok);
    CHECK(sameContent(f.s.model(), before));
    REQUIRE(f.s.redo().ok);
    CHECK(f.b().ideas.size() == 1);
    CHECK_FALSE(refused(f.s, MergeIdeas{f.e, f.board, f.second, f.second}).empty());

    // An idea that had absorbed another is absorbed with it: three texts kept, two undos give back three ideas.
    REQUIRE(f.s.apply(AddIdea{f.e, f.board, f.idea("Une troisième idée", "Groupe 3", f.leviers)}).ok);
    const Id third = f.b().ideas.back().id;
    const Model twoIdeas = f.s.model();
    REQUIRE(f.s.apply(MergeIdeas{f.e, f.board, third, f.second}).ok);
    REQUIRE(f.b().ideas.size() == 1);
    REQUIRE(f.b().ideas[0].merged.size() == 2);
    CHECK(f.b().ideas[0].merged[0].id == f.second);
    CHECK(f.b().ideas[0].merged[1].id == f.first);
    REQUIRE(f.s.undo().ok);
    CHECK(sameContent(f.s.model(), twoIdeas));
    REQUIRE(f.s.undo().ok);
    REQUIRE(f.s.undo().ok);
    CHECK(sameContent(f.s.model(), before));
}

TEST_CASE("boards: practices, hidden mode and reveal") {
    BoardFixture f;
    Model m = roundTrip(f.s, SetPractice{f.e, f.board, f.second, true});
    CHECK(m.etape(f.e)->board(f.board)->idea(f.second)->practice);
    CHECK(f.s.undoLabel().find("pratique à essaimer") != std::string::npos);
    m = roundTrip(f.s, SetBoardHidden{f.e, f.board, true});
    CHECK(m.etape(f.e)->board(f.board)->hideNew);
    REQUIRE(f.s.apply(AddIdea{f.e, f.board, f.idea("Une idée posée en secret", "Groupe 3")}).ok);
    const Id secret = f.b().ideas.back().id;
    CHECK(f.b().idea(secret)->hidden);   // posted while the board hides new ideas
    CHECK_FALSE(f.b().idea(f.first)->hidden);
    m = roundTrip(f.s, RevealIdeas{f.e, f.board, {secret, f.first}, true});
    CHECK_FALSE(m.etape(f.e)->board(f.board)->idea(secret)->hidden);
    // An undone removal brings a revealed idea back revealed, even while new ideas are hidden.
    REQUIRE(f.s.apply(RemoveIdea{f.e, f.board, secret}).ok);
    REQUIRE(f.s.undo().ok);
    CHECK_FALSE(f.b().idea(secret)->hidden);
}

TEST_CASE("boards: search ignores accents and case") {
    BoardFixture f;
    REQUIRE(f.s.apply(AddIdea{f.e, f.board, f.idea("La Réussite éducative pour tous", "Groupe 2")}).ok);
    int found = 0;
    for (const Idea& i : f.b().ideas) found += containsFolded(i.text, "reussite") ? 1 : 0;
    CHECK(found == 1);
    CHECK(containsFolded("CAFÉ DES PARENTS", "cafe des parents"));
    CHECK_FALSE(containsFolded("Un café des parents", "reussite"));
}

TEST_CASE("boards: an étape's board is found by its title without regard to accents or case") {
    BoardFixture f;
    const Etape& e = *f.s.model().etape(f.e);
    CHECK(e.boardByTitle("comment ASSOCIER les familles ?") == &e.boards.back());
    CHECK(e.boardByTitle("autre") == nullptr);
}

TEST_CASE("boards: the import plan reports each bad line with its number and changes nothing until applied") {
    BoardFixture f;
    TextTable table;
    table.header = {"Texte", "Groupe", "Catégorie"};
    table.rows = {{"Une idée courte", "Groupe 1", "LEVIERS"}, {std::string(501, 'x'), "Groupe 2", ""},
                  {"R\xe9ussite", "", ""}, {"Une autre idée", "", "Partenaires"}};
    table.lines = {2, 3, 5, 6};
    const Model before = f.s.model();
    const IdeaImportPlan plan = planIdeaImport(f.s.model(), f.e, "comment associer les familles ?", table, 1581415200);
    CHECK(plan.error.empty());
    CHECK(f.s.model() == before);
    CHECK(plan.report.lines == 4);
    CHECK(plan.report.imported == 2);
    CHECK_FALSE(plan.report.boardCreated);  // found without regard to case
    REQUIRE(plan.report.rejected.size() == 2);
    CHECK(plan.report.rejected[0].line == 3);
    CHECK(plan.report.rejected[0].reason.find("501 caractères") != std::string::npos);
    CHECK(plan.report.rejected[1].line == 5);
    CHECK(plan.report.rejected[1].reason.find("UTF-8") != std::string::npos);
    CHECK(plan.report.newCategories == std::vector<std::string>{"Partenaires"});
    const std::string text = describeIdeaReport(plan.report);
    CHECK(text.find("Ligne 3 ignorée") != std::string::npos);
    REQUIRE(f.s.applyAll(plan.actions, "Importer").ok);
    CHECK(f.b().ideas.size() == 4);
    CHECK(f.b().ideas[2].category == f.leviers);
    CHECK(f.b().ideas[2].entry == IdeaEntry::Import);
    REQUIRE(f.s.undo().ok);  // one step
    CHECK(sameContent(f.s.model(), before));

    TextTable none;
    none.header = {"nom"};
    CHECK_FALSE(planIdeaImport(f.s.model(), f.e, "x", none, 0).error.empty());
}
