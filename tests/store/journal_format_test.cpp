// The journal's on-disk format: the JSON of one value of every action, byte for byte as Atelier 0.x wrote it
// (tests/store/data/actions.json). A change here breaks every journal already written: never update the file
// to make this test pass; make the code write the same bytes again.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "support/cli.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

/// One value of every action, every field away from its default (so that a field left out of `fields` shows).
std::vector<Action> everyAction() {
    const Etape etape{
        14,
        EtapeHeader{3, Date{2021, 3, 16}, Id{13}, "Concertation", "Collège César Franck", EtapeKind::JourneeRegionale,
                    EtapeStatus::Confirmee, 2},
        {ProgrammeItem{15, 570, 15, "Mot d'accueil", ItemKind::Accueil}},
        {Registration{16, 9, 2, true, true}},
        {Vote{17, VoteSetup{"Q ?", VoteMethod::Borda, {"A", "B"}, {"Bien"}, 4, 2, false, true},
              {StoredBallot{18, Ballot{2, {1, 0}, {0}, {{0, 3}}, {{1, 0}}}}}}},
        GroupPlan{7, {GroupRound{{Group{"Groupe 1", "Q", "Salle 2", {9, 10}}}}}, {true}},
        Icebreaker{5, 120, {MeetingRound{{{9, 10}}, "Une fierté ?", true}}, {"Un partenaire ?"}},
        {Board{19, "Familles", {{20, "Constats"}}, {IdeaCluster{21, "Cafés", 20}},
               {Idea{22, "Un café", "Groupe 2", "Zoé", 20, Id{21}, 1581415200, IdeaEntry::Paste, true, true,
                     {MergedIdea{23, "Un thé", "Groupe 1", "Anne", true}}}},
               true}},
        {ActionPhare{24, "Le café des parents", "Chaque samedi", "Centre social", "Cité éducative d'Amiens",
                     {"photos/cafe.jpg"}}},
        Evaluation{{EvaluationQuestion{25, "Appréciation générale", QuestionKind::Grade},
                    EvaluationQuestion{26, "Pratiques que je veux essayer", QuestionKind::Practices}},
                   {"Non", "Oui"},
                   {EvaluationResponse{27, 3, Id{13}, {EvaluationAnswer{25, 1, "", {}}, EvaluationAnswer{26, -1, "", {22}}}}}}};
    const Idea idea{47, "Réussite éducative", "Lille", "Léa", 41, Id{43}, 1581415260, IdeaEntry::Import, true, true,
                    {MergedIdea{48, "Réussite", "Groupe 3", "Anne", true}}};
    return {
        AddTerritory{Territory{3, "Valenciennes-Anzin", "Nord", Membership::NonAdherent, true}, 2},
        RemoveTerritory{7},
        UpdateTerritory{Territory{3, "Amiens", "Somme", Membership::Adherent, false}},
        AddPerson{Person{9, "Zoé Lefèvre", "z@x.fr", Id{3}, Institution::PrefectureEtat, Role::Irev, "Mairie d'Amiens",
                         "Chargée de mission"},
                  0},
        RemovePerson{9},
        UpdatePerson{Person{9, "Zoé", "", std::nullopt, Institution::Association, Role::Intervenant, "CAF du Nord", ""}},
        AddEtape{etape, 1},
        RemoveEtape{14},
        UpdateEtape{14, etape.header},
        AddProgrammeItem{14, ProgrammeItem{24, 600, 45, "Atelier « Familles »", ItemKind::Atelier}, 3},
        RemoveProgrammeItem{14, 4},
        UpdateProgrammeItem{14, ProgrammeItem{24, 615, 30, "Synthèse", ItemKind::Synthese}},
        MoveProgrammeItem{14, 5, 2},
        UpdateSettings{Settings{"IREV", "Gwendoline Le Coat", "g.lecoat@irev.fr", "03 20 25 61 53",
                                {DayRate{2021, 16000}}}},
        MoveEtape{14, 1},
        AddRegistration{14, Registration{12, 4, 2, true, true}, 0},
        RemoveRegistration{14, 12},
        UpdateRegistration{14, Registration{12, 4, 1, false, true}},
        SetDayRate{2022, 17500},
        SetDayRate{2023, std::nullopt},
        AddVote{14, etape.votes[0], 2},
        RemoveVote{14, 30},
        UpdateVote{14, 30, VoteSetup{"Q", VoteMethod::Majority, {"A", "B"}, {"Insuffisant", "Bien"}, 5, 2, false, true}},
        CastBallot{14, 30, StoredBallot{32, Ballot{1, {1, 0}, {0}, {{0, 3}}, {{0, 1}}}}, 1},
        WithdrawBallot{14, 30, 32},
        CorrectBallot{14, 30, StoredBallot{32, Ballot{4, {0, 1}, {1}, {{1, 2}}, {}}}},
        SetGroupPlan{14, etape.groups},
        MoveMember{14, 1, 4, 2, 0},
        SwapMembers{14, 1, 4, 6},
        UpdateGroup{14, 1, 2, "Les bâtisseurs", "Comment ?", "Salle 3", true},
        AddDeck{Deck{"maison", "Nos questions", {"Une fierté ?", "Un partenaire ?"}}},
        RemoveDeck{"maison"},
        AddQuestion{"fiertes", "Quel projet vous rend fier ?", 3},
        RemoveQuestion{"fiertes", 3},
        DrawCard{14, "fiertes", 123456789},
        UndrawCard{14},
        SetIcebreaker{14, etape.icebreaker},
        AddBoard{14, etape.boards[0], 0},
        RemoveBoard{14, 40},
        RenameBoard{14, 40, "Associer les familles"},
        AddCategory{14, 40, BoardCategory{46, "Actions à essaimer"}, 2},
        RemoveCategory{14, 40, 46},
        RenameCategory{14, 40, 41, "Ce que nous voyons"},
        AddIdea{14, 40, idea, 1},
        RemoveIdea{14, 40, 47},
        EditIdea{14, 40, 47, "Réussite", "Groupe 3", "Anne"},
        MoveIdea{14, 40, 47, 42, Id{43}, 0},
        AddCluster{14, 40, IdeaCluster{48, "Numérique", 41}, 1, {47, 49}},
        RemoveCluster{14, 40, 48},
        RenameCluster{14, 40, 43, "Cafés"},
        MergeIdeas{14, 40, 44, 47},
        SplitIdea{14, 40, 44, idea, 1},
        SetPractice{14, 40, 44, false},
        SetBoardHidden{14, 40, false},
        RevealIdeas{14, 40, {44, 47}, false},
        MarkRoundRun{14, 1, false},
        AddActionPhare{14, etape.actionsPhares[0], 1},
        RemoveActionPhare{14, 24},
        UpdateActionPhare{14, etape.actionsPhares[0]},
        UpdatePractice{22, "Café des parents", true, "Un samedi par mois", {"Parentalité", "Collège"}, Id{13}},
        SetPracticeInterest{22, 3, false},
        AddFollowUp{22, FollowUp{3, FollowUpStatus::Abandonnee, Date{2021, 6, 1}, "Faute de local"}, 0},
        RemoveFollowUp{22, 1},
        SetEvaluation{14, etape.evaluation.questions, {"Non", "Oui"}},
        AddEvaluationResponse{14, etape.evaluation.responses[0], 2},
        RemoveEvaluationResponse{14, 27},
        ErasePerson{5},
    };
}

/// One fixture entry: `["Name", payload]`, the payload as the journal stores it (cereal's JSON, one field a line).
std::string entry(const Action& action) {
    return std::string("  [\"") + actionName(action) + "\", " + encodeAction(action) + "]";
}

/// Every entry, as one JSON array.
std::string fixtureText(const std::vector<Action>& actions) {
    std::string out = "[\n";
    for (size_t i = 0; i < actions.size(); ++i) out += entry(actions[i]) + (i + 1 < actions.size() ? ",\n" : "\n");
    return out + "]\n";
}

}  // namespace

TEST_CASE("the journal writes every action byte for byte as before, and reads it back equal") {
    const std::vector<Action> actions = everyAction();
    std::set<size_t> kinds;
    for (const Action& a : actions) kinds.insert(a.index());
    REQUIRE(kinds.size() == std::variant_size_v<Action>);  // every kind of action is covered

    const fs::path fixture = fs::path(ATELIER_SOURCE_DIR) / "tests" / "store" / "data" / "actions.json";
    const std::string written = fixtureText(actions);
    if (std::getenv("ATELIER_WRITE_FIXTURE")) {  // only when a new action is added: check that the others' bytes stay
        std::ofstream(fixture, std::ios::binary) << written;
    }
    const std::string expected = test::readBytes(fixture);
    REQUIRE(!expected.empty());
    // Action by action first, so that a difference names its action.
    size_t at = 2;  // after "[\n"
    for (const Action& a : actions) {
        INFO(actionName(a));
        const std::string mine = entry(a);
        CHECK(expected.compare(at, mine.size(), mine) == 0);
        at += mine.size() + 2;  // ",\n"
        CHECK(decodeAction(actionName(a), encodeAction(a)) == a);
    }
    CHECK(written == expected);
}

/// Today's value of an action without what an older journal could not hold: no actions-phares nor evaluation in
/// an étape, no practice flag on an absorbed idea.
static void withoutEssaimage(Action& a) {
    auto idea = [](Idea& i) {
        for (MergedIdea& part : i.merged) part.practice = false;
    };
    auto etape = [&](Etape& e) {
        e.actionsPhares.clear();
        e.evaluation = {};
        for (Board& b : e.boards)
            for (Idea& i : b.ideas) idea(i);
    };
    if (auto* x = std::get_if<AddEtape>(&a)) etape(x->etape);
    if (auto* x = std::get_if<AddBoard>(&a))
        for (Idea& i : x->board.ideas) idea(i);
    if (auto* x = std::get_if<AddIdea>(&a)) idea(x->idea);
    if (auto* x = std::get_if<SplitIdea>(&a)) idea(x->idea);
}

TEST_CASE("a journal written before the actions-phares, the evaluation and the library of practices still loads") {
    // tests/store/data/actions-0.x-etape-v6.json: actions.json as Atelier wrote it before issue 14 (Etape class
    // version 6, MergedIdea class version 1, Model version 1). Never edit it.
    const fs::path old = fs::path(ATELIER_SOURCE_DIR) / "tests" / "store" / "data" / "actions-0.x-etape-v6.json";
    const auto entries = nlohmann::ordered_json::parse(test::readBytes(old));
    REQUIRE(entries.is_array());
    const std::vector<Action> now = everyAction();
    REQUIRE(entries.size() < now.size());  // the actions added since are at the end
    int changed = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string name = entries[i][0].get<std::string>();
        INFO(name);
        Action read;
        REQUIRE_NOTHROW(read = decodeAction(name, entries[i][1].dump()));
        Action expected = now[i];
        withoutEssaimage(expected);
        changed += !(expected == now[i]);
        CHECK(read == expected);
    }
    CHECK(changed == 4);  // AddEtape, AddBoard, AddIdea, SplitIdea held something version 6 could not
}

TEST_CASE("a journal written before people had a structure and a function still loads, both empty; its "
          "speed-meeting rounds count as run") {
    // tests/store/data/actions-0.x-person-v1.json: actions.json as Atelier wrote it before issue 11 (Person class
    // version 1, MeetingRound class version 1, without MarkRoundRun). Never edit it: it stands for every journal
    // already on a facilitator's laptop.
    const fs::path old = fs::path(ATELIER_SOURCE_DIR) / "tests" / "store" / "data" / "actions-0.x-person-v1.json";
    const auto entries = nlohmann::ordered_json::parse(test::readBytes(old));
    REQUIRE(entries.is_array());
    const std::vector<Action> now = everyAction();
    REQUIRE(entries.size() < now.size());  // the actions added since are at the end
    int people = 0, rounds = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string name = entries[i][0].get<std::string>();
        INFO(name);
        Action read;
        REQUIRE_NOTHROW(read = decodeAction(name, entries[i][1].dump()));
        Action expected = now[i];  // today's value without what version 1 could not hold
        withoutEssaimage(expected);
        auto clear = [&](Person& p) {
            CHECK(!p.structure.empty());  // the fixture of today sets it: the comparison below means something
            p.structure.clear();
            p.function.clear();
            ++people;
        };
        if (auto* a = std::get_if<AddPerson>(&expected)) clear(a->person);
        if (auto* u = std::get_if<UpdatePerson>(&expected)) clear(u->person);
        auto run = [&](const Icebreaker& i) {
            for (const MeetingRound& r : i.rounds) rounds += r.run;  // version 1 reads as run (today's value too)
        };
        if (const auto* a = std::get_if<AddEtape>(&read)) run(a->etape->icebreaker);
        if (const auto* s = std::get_if<SetIcebreaker>(&read)) run(s->icebreaker);
        CHECK(read == expected);
    }
    CHECK(people == 2);
    CHECK(rounds == 2);
}
