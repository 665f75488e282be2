// The Idées screen driven through simulated mouse and keyboard: quick entry (Enter posts and keeps the keyboard,
// pasted lines after a confirmation), drag and drop between columns, search without accents; and the projector's
// wall.
#include <doctest/doctest.h>

#include "core/text.h"
#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;

namespace {

/// The console on a day's data (an idea board of 300 ideas on étape 1), on the Idées tab.
struct BoardsConsole : atelier::ui::test::Console {
    BoardsConsole() {
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        show("idees");
    }
    const Board& board() { return etape1().boards.back(); }
    /// Presses the mouse at `from`, drags to `to` in steps, releases; `ctrl` held throughout.
    void drag(ImVec2 from, ImVec2 to, bool ctrl = false) {
        imgui.ctrl(ctrl);
        imgui.moveMouse(from);
        frame();
        imgui.mouseDown(true);
        frame();
        for (int i = 1; i <= 6; ++i) {
            imgui.moveMouse(ImVec2(from.x + (to.x - from.x) * i / 6.0f, from.y + (to.y - from.y) * i / 6.0f));
            frame();
        }
        frame();
        imgui.mouseDown(false);
        frame();
        imgui.ctrl(false);
        frame();
    }
    /// The first card laid out in column `c` (not a cluster title).
    Id firstCard(size_t c) {
        for (const auto& e : app.view<BoardsView>().layout.columns.at(c))
            if (!e.cluster) return e.id;
        FAIL("no card in column " << c);
        return 0;
    }
};

}  // namespace

TEST_CASE("Idées: typing an idea and pressing Enter posts it as one action and keeps the keyboard") {
    BoardsConsole c;
    const size_t before = c.board().ideas.size();
    c.click("idees.entry");
    c.imgui.type("Un goûter partagé à la sortie des classes");
    c.frame();
    CHECK(c.board().ideas.size() == before);  // nothing is posted while typing
    const auto revision = c.session.revision();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.lastActions.size() == 1);
    const auto& add = std::get<AddIdea>(c.lastActions[0]);
    CHECK(add.idea.text == "Un goûter partagé à la sortie des classes");
    CHECK(add.idea.group == "Groupe 1");
    CHECK(add.idea.entry == IdeaEntry::Keyboard);
    CHECK(add.idea.time > 1600000000);  // the UI put the current time into the action
    CHECK(c.session.revision() == revision + 1);
    REQUIRE(c.board().ideas.size() == before + 1);
    CHECK(c.board().ideas.back().text == "Un goûter partagé à la sortie des classes");
    CHECK(c.app.view<BoardsView>().draft.empty());
    // The field still has the keyboard: the next idea is typed without a click.
    c.frame();
    c.frame();
    CHECK(ImGui::GetIO().WantTextInput);
    c.imgui.type("Une deuxième idée");
    c.frame();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.board().ideas.size() == before + 2);
    CHECK(c.board().ideas.back().text == "Une deuxième idée");
    c.frame();
    c.ctrlPress(ImGuiKey_Z);  // the field is empty, nothing of its own to undo: Ctrl+Z undoes the idea just posted
    CHECK(c.board().ideas.size() == before + 1);
    c.imgui.type("abc");
    c.frame();
    c.ctrlPress(ImGuiKey_Z);  // with text of its own, Ctrl+Z belongs to the field
    CHECK(c.board().ideas.size() == before + 1);
}

TEST_CASE("Idées: Enter in the new board's question creates the board, as « Créer » does") {
    BoardsConsole c;
    const size_t before = c.etape1().boards.size();
    const Actions emitted = c.typeInto("idees.new-board", "Comment associer les parents ?");
    REQUIRE(emitted.size() == 1);
    CHECK(std::holds_alternative<AddBoard>(emitted[0]));
    REQUIRE(c.etape1().boards.size() == before + 1);
    CHECK(c.etape1().boards.back().title == "Comment associer les parents ?");
}

TEST_CASE("Idées: the idea box offers the groups of the Groupes tab") {
    BoardsConsole c;
    REQUIRE_FALSE(c.etape1().groups.empty());
    const std::string first = c.etape1().groups.rounds.front().groups.front().name;
    c.app.view<BoardsView>().group.clear();
    c.click("idees.groups");
    c.click("idees.group-choice.0");
    CHECK(c.app.view<BoardsView>().group == first);
}

TEST_CASE("Idées: an idea over 500 characters is refused with a message and nothing is posted") {
    BoardsConsole c;
    const size_t before = c.board().ideas.size();
    c.click("idees.entry");
    c.imgui.type(std::string(501, 'a'));
    c.frame();
    c.press(ImGuiKey_Enter);
    CHECK(c.board().ideas.size() == before);
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("501 caractères") != std::string::npos);
}

TEST_CASE("Idées: several pasted lines post one idea each, after a confirmation, as one step") {
    BoardsConsole c;
    const size_t before = c.board().ideas.size();
    c.click("idees.entry");
    ImGui::SetClipboardText("Première idée\n\nDeuxième idée\r\nTroisième idée\n");
    c.ctrlPress(ImGuiKey_V);
    c.frame();
    CHECK(c.board().ideas.size() == before);  // not before the confirmation
    REQUIRE(c.app.view<BoardsView>().pasted.size() == 3);
    c.click("idees.paste-confirm");
    REQUIRE(c.lastActions.batches.size() == 1);
    CHECK(c.lastActions.batches[0].actions.size() == 3);
    REQUIRE(c.board().ideas.size() == before + 3);
    CHECK(c.board().ideas[before + 1].text == "Deuxième idée");
    CHECK(c.board().ideas[before + 1].entry == IdeaEntry::Paste);
    REQUIRE(c.session.undo().ok);  // one undo removes the three
    CHECK(c.board().ideas.size() == before);
}

TEST_CASE("Idées: dragging a card from one column to another emits one move action") {
    BoardsConsole c;
    c.frame();
    const Id idea = c.firstCard(0);
    const Id target = c.board().categories[2].id;
    const ImVec2 from = c.center("idea." + std::to_string(idea));
    const auto column = probe::find("column.2");
    REQUIRE(column);
    const ImVec2 to(column->GetCenter().x, column->Max.y - 20.0f);  // the column's empty space below its cards
    const auto revision = c.session.revision();
    c.imgui.moveMouse(from);
    c.frame();
    c.imgui.mouseDown(true);
    c.frame();
    for (int i = 1; i <= 6; ++i) {  // a drag, not a click
        c.imgui.moveMouse(ImVec2(from.x + (to.x - from.x) * i / 6.0f, from.y + (to.y - from.y) * i / 6.0f));
        c.frame();
    }
    c.frame();
    CHECK(c.session.revision() == revision);  // nothing moves before the drop
    c.imgui.mouseDown(false);
    c.frame();
    c.frame();
    CHECK(c.session.revision() == revision + 1);  // one action
    REQUIRE(c.lastActions.size() == 1);
    const auto& move = std::get<MoveIdea>(c.lastActions[0]);
    CHECK(move.idea == idea);
    CHECK(move.category == target);
    CHECK(c.board().idea(idea)->category == target);
    CHECK(c.board().idea(idea)->cluster == move.cluster);  // a drop on a clustered card joins its cluster
    CHECK(c.session.undoLabel().find("l'idée") != std::string::npos);
    REQUIRE(c.session.undo().ok);
    CHECK(c.board().idea(idea)->category == c.board().categories[0].id);
}

TEST_CASE("Idées: the search finds « réussite » when typing « reussite »") {
    BoardsConsole c;
    size_t expected = 0;
    for (const Idea& i : c.board().ideas) expected += containsFolded(i.text, "réussite") ? 1 : 0;
    REQUIRE(expected > 0);
    REQUIRE(expected < c.board().ideas.size());
    c.click("idees.search");
    c.imgui.type("REUSSITE");
    c.frame();
    c.frame();
    CHECK(c.app.view<BoardsView>().layout.shown == expected);
}

TEST_CASE("Idées: projecting the wall, a new idea is highlighted on the projector") {
    BoardsConsole c;
    c.click("idees.project");
    CHECK(c.app.state().projector == "mur");
    CHECK(c.app.state().projected["mur"] == c.board().id);
    Headless projector(1920, 1080);
    UiRequests requests;
    projector.frame([&] { c.app.drawProjector(requests); });
    CHECK(c.app.view<WallView>().appeared.empty());  // what was there before is not new
    Idea idea;
    idea.text = "Une idée qui arrive";
    idea.group = "Groupe 3";
    idea.category = c.board().categories[0].id;
    REQUIRE(c.session.apply(AddIdea{c.etape1().id, c.board().id, idea}).ok);
    projector.frame([&] { c.app.drawProjector(requests); });
    REQUIRE(c.app.view<WallView>().appeared.size() == 1);
    CHECK(c.app.view<WallView>().appeared[0].first == c.board().ideas.back().id);
    CHECK(c.app.view<WallView>().layout.columns.size() == 3);
}

TEST_CASE("Idées: after one change, only the changed card is measured again, on the console and on the wall") {
    BoardsConsole c;
    c.click("idees.project");
    Headless projector(1920, 1080);
    UiRequests requests;
    auto frames = [&] {
        c.frame();
        projector.frame([&] { c.app.drawProjector(requests); });
    };
    frames();
    frames();
    const BoardLayout& console = c.app.view<BoardsView>().layout;
    const BoardLayout& wall = c.app.view<WallView>().layout;
    REQUIRE(console.shown == c.board().ideas.size());
    Idea idea;
    idea.text = "Une idée qui arrive";
    idea.group = "Groupe 3";
    idea.category = c.board().categories[0].id;
    REQUIRE(c.session.apply(AddIdea{c.etape1().id, c.board().id, idea}).ok);
    frames();
    CHECK(console.shown == c.board().ideas.size());
    CHECK(console.remeasured == 1);
    CHECK(wall.remeasured == 1);

    // A longer text: that card, and only it, is measured again, and grows.
    const Id edited = c.firstCard(0);
    auto heightOf = [&](const BoardLayout& layout) {
        for (const auto& column : layout.columns)
            for (const auto& e : column)
                if (e.id == edited && !e.cluster) return e.height;
        FAIL("the card is not laid out");
        return 0.0f;
    };
    const float before = heightOf(console), wallBefore = heightOf(wall);
    std::string longer = c.board().idea(edited)->text;
    for (int i = 0; i < 6; ++i) longer += " et encore une phrase de plus pour la même idée";
    const Idea* was = c.board().idea(edited);
    REQUIRE(c.session.apply(EditIdea{c.etape1().id, c.board().id, edited, longer, was->group, was->author}).ok);
    frames();
    CHECK(console.remeasured == 1);
    CHECK(wall.remeasured == 1);
    CHECK(heightOf(console) > before * 2);
    CHECK(heightOf(wall) > wallBefore * 2);
    // Undone: the card has its first height again.
    REQUIRE(c.session.undo().ok);
    frames();
    CHECK(heightOf(console) == doctest::Approx(before));
}

TEST_CASE("Idées: a card dropped on another with Ctrl held is absorbed by it, both texts kept") {
    BoardsConsole c;
    c.frame();
    const Id dragged = c.firstCard(0), target = c.firstCard(1);
    const std::string draggedText = c.board().idea(dragged)->text;
    const size_t before = c.board().ideas.size();
    const auto revision = c.session.revision();
    c.drag(c.center("idea." + std::to_string(dragged)), c.center("idea." + std::to_string(target)), true);
    CHECK(c.session.revision() == revision + 1);
    REQUIRE(c.lastActions.size() == 1);
    const auto& merge = std::get<MergeIdeas>(c.lastActions[0]);
    CHECK(merge.into == target);
    CHECK(merge.from == dragged);
    CHECK(c.board().ideas.size() == before - 1);
    REQUIRE_FALSE(c.board().idea(target)->merged.empty());
    CHECK(c.board().idea(target)->merged.back().text == draggedText);
    REQUIRE(c.session.undo().ok);
    CHECK(c.board().ideas.size() == before);
    CHECK(c.board().idea(dragged)->text == draggedText);
}

TEST_CASE("Idées: a double click edits a card in place, Enter commits one edit") {
    BoardsConsole c;
    c.frame();
    const Id idea = c.firstCard(0);
    const ImVec2 at = c.center("idea." + std::to_string(idea));
    c.imgui.moveMouse(at);
    c.frame();
    for (int i = 0; i < 2; ++i) {
        c.imgui.mouseDown(true);
        c.frame();
        c.imgui.mouseDown(false);
        c.frame();
    }
    c.frame();
    REQUIRE(c.app.view<BoardsView>().editing == idea);
    c.imgui.ctrl(true);
    c.imgui.keyDown(keyIndex(ImGuiKey_A), true);
    c.frame();
    c.imgui.keyDown(keyIndex(ImGuiKey_A), false);
    c.imgui.ctrl(false);
    c.frame();
    c.imgui.type("Une idée réécrite");
    c.frame();
    c.frame();
    CHECK(c.board().idea(idea)->text != "Une idée réécrite");  // nothing while typing
    c.press(ImGuiKey_Enter);
    c.frame();
    REQUIRE(c.lastActions.size() == 1);
    CHECK(std::get<EditIdea>(c.lastActions[0]).text == "Une idée réécrite");
    CHECK(c.board().idea(idea)->text == "Une idée réécrite");
    CHECK(c.app.view<BoardsView>().editing == 0);
}

TEST_CASE("Idées: Ctrl+Z right after posting an idea with Enter, then typing, does not crash") {
    BoardsConsole c;
    const size_t before = c.board().ideas.size();
    c.click("idees.entry");
    c.imgui.type("idée un");
    c.frame();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.board().ideas.size() == before + 1);
    c.frame();
    c.frame();
    c.ctrlPress(ImGuiKey_Z);  // the field empty: the idea just posted is undone (issue 29 point 4)
    REQUIRE(c.board().ideas.size() == before);
    c.imgui.type("x");
    c.frame();
    c.frame();
    c.press(ImGuiKey_Enter);
    REQUIRE(c.board().ideas.size() == before + 1);
    CHECK(c.board().ideas.back().text == "x");
}
