// Actions: the only way the model changes. Each is a small value; Session::apply validates it, applies it,
// keeps its inverse for undo and hands it to the journal. Each action struct holds, in one place:
//   kName      its stable journal key (never changes);
//   fields(f)  its fields with their stable journal keys, in order: the journal's JSON is written from it
//              (store/serialize.h), so a field missing here is lost on reopening (tests/store checks every
//              action reads back equal, and byte for byte as before);
//   label(m)   its French label for the undo menu, defined in actions.cpp beside its validation.
// To add one: declare it here with those three, append it to `Action` (append only: the journal stores names,
// but keep the order stable anyway), write its `apply` and `label` in its section of actions.cpp, and add one
// value of it to the tests (tests/store/journal_format_test.cpp, tests/core/labels_test.cpp).
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/boxed.h"
#include "core/model.h"

namespace atelier {

// [SECTION] Territories
struct AddTerritory {
    static constexpr const char* kName = "AddTerritory";
    Territory territory;  // id 0: the next free id
    int index = -1;       // position in the list; -1 appends
    template <class F> void fields(F&& f) { f("territory", territory); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddTerritory&) const = default;
};
struct RemoveTerritory {
    static constexpr const char* kName = "RemoveTerritory";
    Id id = 0;
    template <class F> void fields(F&& f) { f("id", id); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveTerritory&) const = default;
};
struct UpdateTerritory {
    static constexpr const char* kName = "UpdateTerritory";
    Territory territory;  // replaces the territory with the same id
    template <class F> void fields(F&& f) { f("territory", territory); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateTerritory&) const = default;
};

// [SECTION] People
struct AddPerson {
    static constexpr const char* kName = "AddPerson";
    Person person;
    int index = -1;
    template <class F> void fields(F&& f) { f("person", person); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddPerson&) const = default;
};
struct RemovePerson {
    static constexpr const char* kName = "RemovePerson";
    Id id = 0;
    template <class F> void fields(F&& f) { f("id", id); }
    std::string label(const Model& m) const;
    bool operator==(const RemovePerson&) const = default;
};
struct UpdatePerson {
    static constexpr const char* kName = "UpdatePerson";
    Person person;
    template <class F> void fields(F&& f) { f("person", person); }
    std::string label(const Model& m) const;
    bool operator==(const UpdatePerson&) const = default;
};

// [SECTION] Étapes
struct AddEtape {
    static constexpr const char* kName = "AddEtape";
    Boxed<Etape> etape;  // with its programme; ids 0 are assigned. Boxed: an Etape is 400 bytes, and every
                         // Action is the size of the largest one (120,000 of them in an import and its undo)
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddEtape&) const = default;
};
struct RemoveEtape {
    static constexpr const char* kName = "RemoveEtape";
    Id id = 0;
    template <class F> void fields(F&& f) { f("id", id); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveEtape&) const = default;
};
struct UpdateEtape {
    static constexpr const char* kName = "UpdateEtape";
    Id id = 0;
    EtapeHeader header;
    template <class F> void fields(F&& f) { f("id", id); f("header", header); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateEtape&) const = default;
};

struct MoveEtape {
    static constexpr const char* kName = "MoveEtape";
    Id id = 0;
    int to = 0;  // new position in the list
    template <class F> void fields(F&& f) { f("id", id); f("to", to); }
    std::string label(const Model& m) const;
    bool operator==(const MoveEtape&) const = default;
};

// [SECTION] Registrations of an étape
struct AddRegistration {
    static constexpr const char* kName = "AddRegistration";
    Id etape = 0;
    Registration registration;  // id 0: the next free id
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("registration", registration); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddRegistration&) const = default;
};
struct RemoveRegistration {
    static constexpr const char* kName = "RemoveRegistration";
    Id etape = 0;
    Id registration = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("registration", registration); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveRegistration&) const = default;
};
struct UpdateRegistration {
    static constexpr const char* kName = "UpdateRegistration";
    Id etape = 0;
    Registration registration;  // replaces the registration with the same id (check-in sets `present`)
    template <class F> void fields(F&& f) { f("etape", etape); f("registration", registration); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateRegistration&) const = default;
};

// [SECTION] Programme of an étape
struct AddProgrammeItem {
    static constexpr const char* kName = "AddProgrammeItem";
    Id etape = 0;
    ProgrammeItem item;
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("item", item); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddProgrammeItem&) const = default;
};
struct RemoveProgrammeItem {
    static constexpr const char* kName = "RemoveProgrammeItem";
    Id etape = 0;
    Id item = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("item", item); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveProgrammeItem&) const = default;
};
struct UpdateProgrammeItem {
    static constexpr const char* kName = "UpdateProgrammeItem";
    Id etape = 0;
    ProgrammeItem item;  // replaces the item with the same id
    template <class F> void fields(F&& f) { f("etape", etape); f("item", item); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateProgrammeItem&) const = default;
};
struct MoveProgrammeItem {
    static constexpr const char* kName = "MoveProgrammeItem";
    Id etape = 0;
    Id item = 0;
    int to = 0;  // new position
    template <class F> void fields(F&& f) { f("etape", etape); f("item", item); f("to", to); }
    std::string label(const Model& m) const;
    bool operator==(const MoveProgrammeItem&) const = default;
};

// [SECTION] Settings
struct UpdateSettings {
    static constexpr const char* kName = "UpdateSettings";
    Settings settings;
    template <class F> void fields(F&& f) { f("settings", settings); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateSettings&) const = default;
};

// [SECTION] Votes of an étape
struct AddVote {
    static constexpr const char* kName = "AddVote";
    Id etape = 0;
    Vote vote;  // id 0: the next free id; usually without ballots
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("vote", vote); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddVote&) const = default;
};
struct RemoveVote {
    static constexpr const char* kName = "RemoveVote";
    Id etape = 0;
    Id vote = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("vote", vote); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveVote&) const = default;
};
struct UpdateVote {
    static constexpr const char* kName = "UpdateVote";
    Id etape = 0;
    Id vote = 0;
    VoteSetup setup;  // with ballots cast, only the question, `open` and `hideResults` may change
    template <class F> void fields(F&& f) { f("etape", etape); f("vote", vote); f("setup", setup); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateVote&) const = default;
};
struct CastBallot {
    static constexpr const char* kName = "CastBallot";
    Id etape = 0;
    Id vote = 0;
    StoredBallot ballot;  // id 0: the next free id
    int index = -1;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("vote", vote); f("ballot", ballot); f("index", index);
    }
    std::string label(const Model& m) const;
    bool operator==(const CastBallot&) const = default;
};
struct WithdrawBallot {
    static constexpr const char* kName = "WithdrawBallot";
    Id etape = 0;
    Id vote = 0;
    Id ballot = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("vote", vote); f("ballot", ballot); }
    std::string label(const Model& m) const;
    bool operator==(const WithdrawBallot&) const = default;
};
struct CorrectBallot {
    static constexpr const char* kName = "CorrectBallot";
    Id etape = 0;
    Id vote = 0;
    StoredBallot ballot;  // replaces the ballot with the same id
    template <class F> void fields(F&& f) { f("etape", etape); f("vote", vote); f("ballot", ballot); }
    std::string label(const Model& m) const;
    bool operator==(const CorrectBallot&) const = default;
};

// [SECTION] Breakout groups of an étape
struct SetGroupPlan {
    static constexpr const char* kName = "SetGroupPlan";
    Id etape = 0;
    GroupPlan plan;  // replaces the étape's plan (formed or mixed again by the mixer, or cleared)
    template <class F> void fields(F&& f) { f("etape", etape); f("plan", plan); }
    std::string label(const Model& m) const;
    bool operator==(const SetGroupPlan&) const = default;
};
struct MoveMember {
    static constexpr const char* kName = "MoveMember";
    Id etape = 0;
    int round = 0;
    Id person = 0;
    int to = 0;         // group index
    int position = -1;  // place among its members; -1 appends
    template <class F> void fields(F&& f) {
        f("etape", etape); f("round", round); f("person", person); f("to", to); f("position", position);
    }
    std::string label(const Model& m) const;
    bool operator==(const MoveMember&) const = default;
};
struct SwapMembers {
    static constexpr const char* kName = "SwapMembers";
    Id etape = 0;
    int round = 0;
    Id a = 0, b = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("round", round); f("a", a); f("b", b); }
    std::string label(const Model& m) const;
    bool operator==(const SwapMembers&) const = default;
};
struct UpdateGroup {
    static constexpr const char* kName = "UpdateGroup";
    Id etape = 0;
    int round = 0;
    int group = 0;
    std::string name, question, room;
    bool locked = false;  // for every round
    template <class F> void fields(F&& f) {
        f("etape", etape); f("round", round); f("group", group); f("name", name); f("question", question);
        f("room", room); f("locked", locked);
    }
    std::string label(const Model& m) const;
    bool operator==(const UpdateGroup&) const = default;
};

// [SECTION] Icebreakers
struct AddDeck {
    static constexpr const char* kName = "AddDeck";
    Deck deck;
    template <class F> void fields(F&& f) { f("deck", deck); }
    std::string label(const Model& m) const;
    bool operator==(const AddDeck&) const = default;
};
struct RemoveDeck {
    static constexpr const char* kName = "RemoveDeck";
    std::string deck;
    template <class F> void fields(F&& f) { f("deck", deck); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveDeck&) const = default;
};
struct AddQuestion {
    static constexpr const char* kName = "AddQuestion";
    std::string deck;
    std::string question;
    int index = -1;
    template <class F> void fields(F&& f) { f("deck", deck); f("question", question); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddQuestion&) const = default;
};
struct RemoveQuestion {
    static constexpr const char* kName = "RemoveQuestion";
    std::string deck;
    int index = 0;
    template <class F> void fields(F&& f) { f("deck", deck); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveQuestion&) const = default;
};
struct DrawCard {
    static constexpr const char* kName = "DrawCard";
    Id etape = 0;
    std::string deck;
    std::uint64_t seed = 0;  // picks among the deck's cards not drawn yet at this étape
    template <class F> void fields(F&& f) { f("etape", etape); f("deck", deck); f("seed", seed); }
    std::string label(const Model& m) const;
    bool operator==(const DrawCard&) const = default;
};
struct UndrawCard {
    static constexpr const char* kName = "UndrawCard";
    Id etape = 0;  // puts the last card drawn back
    template <class F> void fields(F&& f) { f("etape", etape); }
    std::string label(const Model& m) const;
    bool operator==(const UndrawCard&) const = default;
};
struct SetIcebreaker {
    static constexpr const char* kName = "SetIcebreaker";
    Id etape = 0;
    Icebreaker icebreaker;  // the speed-meeting rounds prepared (cards drawn are kept as they are)
    template <class F> void fields(F&& f) { f("etape", etape); f("icebreaker", icebreaker); }
    std::string label(const Model& m) const;
    bool operator==(const SetIcebreaker&) const = default;
};
struct MarkRoundRun {
    static constexpr const char* kName = "MarkRoundRun";
    Id etape = 0;
    int round = 0;    // 0-based, in the étape's speed-meeting
    bool run = true;  // the round took place (its countdown started), or not
    template <class F> void fields(F&& f) { f("etape", etape); f("round", round); f("run", run); }
    std::string label(const Model& m) const;
    bool operator==(const MarkRoundRun&) const = default;
};

// [SECTION] Settings
struct SetDayRate {
    static constexpr const char* kName = "SetDayRate";
    int year = 2020;
    std::optional<long> cents;  // nullopt: back to the default rate
    template <class F> void fields(F&& f) { f("year", year); f("cents", cents); }
    std::string label(const Model& m) const;
    bool operator==(const SetDayRate&) const = default;
};

// [SECTION] Idea boards (« Mur d'idées ») of an étape
struct AddBoard {
    static constexpr const char* kName = "AddBoard";
    Id etape = 0;
    Board board;  // with its columns (and ideas, when an undone removal brings it back); ids 0 are assigned
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddBoard&) const = default;
};
struct RemoveBoard {
    static constexpr const char* kName = "RemoveBoard";
    Id etape = 0;
    Id board = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveBoard&) const = default;
};
struct RenameBoard {
    static constexpr const char* kName = "RenameBoard";
    Id etape = 0;
    Id board = 0;
    std::string title;
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("title", title); }
    std::string label(const Model& m) const;
    bool operator==(const RenameBoard&) const = default;
};
struct AddCategory {
    static constexpr const char* kName = "AddCategory";
    Id etape = 0;
    Id board = 0;
    BoardCategory category;  // id 0: the next free id
    int index = -1;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("category", category); f("index", index);
    }
    std::string label(const Model& m) const;
    bool operator==(const AddCategory&) const = default;
};
struct RemoveCategory {
    static constexpr const char* kName = "RemoveCategory";
    Id etape = 0;
    Id board = 0;
    Id category = 0;  // refused while ideas or clusters sit in it
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("category", category); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveCategory&) const = default;
};
struct RenameCategory {
    static constexpr const char* kName = "RenameCategory";
    Id etape = 0;
    Id board = 0;
    Id category = 0;
    std::string name;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("category", category); f("name", name);
    }
    std::string label(const Model& m) const;
    bool operator==(const RenameCategory&) const = default;
};
struct AddIdea {
    static constexpr const char* kName = "AddIdea";
    Id etape = 0;
    Id board = 0;
    Idea idea;  // id 0: a new idea (hidden when the board hides new ideas); time as given by the caller
    int index = -1;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("idea", idea); f("index", index);
    }
    std::string label(const Model& m) const;
    bool operator==(const AddIdea&) const = default;
};
struct RemoveIdea {
    static constexpr const char* kName = "RemoveIdea";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("idea", idea); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveIdea&) const = default;
};
struct EditIdea {
    static constexpr const char* kName = "EditIdea";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    std::string text, group, author;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("idea", idea); f("text", text); f("group", group);
        f("author", author);
    }
    std::string label(const Model& m) const;
    bool operator==(const EditIdea&) const = default;
};
struct MoveIdea {
    static constexpr const char* kName = "MoveIdea";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    Id category = 0;             // the column it goes to
    std::optional<Id> cluster;   // a cluster of that column, or none
    int index = -1;              // its position in the board's list afterwards; -1: last
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("idea", idea); f("category", category); f("cluster", cluster);
        f("index", index);
    }
    std::string label(const Model& m) const;
    bool operator==(const MoveIdea&) const = default;
};
struct AddCluster {
    static constexpr const char* kName = "AddCluster";
    Id etape = 0;
    Id board = 0;
    IdeaCluster cluster;         // id 0: the next free id
    int index = -1;
    std::vector<Id> members;     // ideas of its column put into it (an undone removal brings them back)
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("cluster", cluster); f("index", index); f("members", members);
    }
    std::string label(const Model& m) const;
    bool operator==(const AddCluster&) const = default;
};
struct RemoveCluster {
    static constexpr const char* kName = "RemoveCluster";
    Id etape = 0;
    Id board = 0;
    Id cluster = 0;  // its ideas stay in the column, outside any cluster
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("cluster", cluster); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveCluster&) const = default;
};
struct RenameCluster {
    static constexpr const char* kName = "RenameCluster";
    Id etape = 0;
    Id board = 0;
    Id cluster = 0;
    std::string name;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("cluster", cluster); f("name", name);
    }
    std::string label(const Model& m) const;
    bool operator==(const RenameCluster&) const = default;
};
struct MergeIdeas {
    static constexpr const char* kName = "MergeIdeas";
    Id etape = 0;
    Id board = 0;
    Id into = 0;  // keeps its place and gains the other's text (both texts kept)
    Id from = 0;  // absorbed: leaves the board
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("into", into); f("from", from); }
    std::string label(const Model& m) const;
    bool operator==(const MergeIdeas&) const = default;
};
struct SplitIdea {
    static constexpr const char* kName = "SplitIdea";  // the undo of a merge
    Id etape = 0;
    Id board = 0;
    Id into = 0;  // gives back its last absorbed idea
    Idea idea;    // the absorbed idea, as it was
    int index = -1;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("into", into); f("idea", idea); f("index", index);
    }
    std::string label(const Model& m) const;
    bool operator==(const SplitIdea&) const = default;
};
struct SetPractice {
    static constexpr const char* kName = "SetPractice";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    bool practice = true;  // « pratique à essaimer »: makes the idea's practice record (its id is the idea's) when
                           // there is none; unflagging drops it unless it holds something of its own
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("idea", idea); f("practice", practice);
    }
    std::string label(const Model& m) const;
    bool operator==(const SetPractice&) const = default;
};
struct SetBoardHidden {
    static constexpr const char* kName = "SetBoardHidden";
    Id etape = 0;
    Id board = 0;
    bool hideNew = true;  // new ideas show as blank cards until revealed
    template <class F> void fields(F&& f) { f("etape", etape); f("board", board); f("hideNew", hideNew); }
    std::string label(const Model& m) const;
    bool operator==(const SetBoardHidden&) const = default;
};
struct RevealIdeas {
    static constexpr const char* kName = "RevealIdeas";
    Id etape = 0;
    Id board = 0;
    std::vector<Id> ideas;  // the ideas whose text the room sees (or no longer sees, when `reveal` is false)
    bool reveal = true;
    template <class F> void fields(F&& f) {
        f("etape", etape); f("board", board); f("ideas", ideas); f("reveal", reveal);
    }
    std::string label(const Model& m) const;
    bool operator==(const RevealIdeas&) const = default;
};

// [SECTION] Actions-phares of an étape
struct AddActionPhare {
    static constexpr const char* kName = "AddActionPhare";
    Id etape = 0;
    ActionPhare actionPhare;  // id 0: the next free id; its practice is made with it (same id)
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("actionPhare", actionPhare); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddActionPhare&) const = default;
};
struct RemoveActionPhare {
    static constexpr const char* kName = "RemoveActionPhare";
    Id etape = 0;
    Id actionPhare = 0;  // its practice stays when it holds follow-ups, interests, a description or themes
    template <class F> void fields(F&& f) { f("etape", etape); f("actionPhare", actionPhare); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveActionPhare&) const = default;
};
struct UpdateActionPhare {
    static constexpr const char* kName = "UpdateActionPhare";
    Id etape = 0;
    ActionPhare actionPhare;  // replaces the action-phare with the same id (its practice's title follows)
    template <class F> void fields(F&& f) { f("etape", etape); f("actionPhare", actionPhare); }
    std::string label(const Model& m) const;
    bool operator==(const UpdateActionPhare&) const = default;
};

// [SECTION] Library of practices
struct UpdatePractice {
    static constexpr const char* kName = "UpdatePractice";
    Id practice = 0;
    std::string title;
    bool ownTitle = false;  // the facilitator's title: edits of the idea or action-phare no longer change it
    std::string description;
    std::vector<std::string> themes;
    std::optional<Id> cite;  // the Cité it comes from
    template <class F> void fields(F&& f) {
        f("practice", practice); f("title", title); f("ownTitle", ownTitle); f("description", description);
        f("themes", themes); f("cite", cite);
    }
    std::string label(const Model& m) const;
    bool operator==(const UpdatePractice&) const = default;
};
struct SetPracticeInterest {
    static constexpr const char* kName = "SetPracticeInterest";
    Id practice = 0;
    Id territory = 0;
    bool interested = true;
    template <class F> void fields(F&& f) { f("practice", practice); f("territory", territory); f("interested", interested); }
    std::string label(const Model& m) const;
    bool operator==(const SetPracticeInterest&) const = default;
};
struct AddFollowUp {
    static constexpr const char* kName = "AddFollowUp";
    Id practice = 0;
    FollowUp followUp;
    int index = -1;  // position in the practice's follow-ups; -1 appends
    template <class F> void fields(F&& f) { f("practice", practice); f("followUp", followUp); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddFollowUp&) const = default;
};
struct RemoveFollowUp {
    static constexpr const char* kName = "RemoveFollowUp";
    Id practice = 0;
    int index = 0;
    template <class F> void fields(F&& f) { f("practice", practice); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveFollowUp&) const = default;
};

// [SECTION] Evaluation of an étape
struct SetEvaluation {
    static constexpr const char* kName = "SetEvaluation";
    Id etape = 0;
    std::vector<EvaluationQuestion> questions;  // ids 0 are assigned; a question answered keeps its id and kind
    std::vector<std::string> grades;            // the scale, worst first; empty: the default scale
    template <class F> void fields(F&& f) { f("etape", etape); f("questions", questions); f("grades", grades); }
    std::string label(const Model& m) const;
    bool operator==(const SetEvaluation&) const = default;
};
struct AddEvaluationResponse {
    static constexpr const char* kName = "AddEvaluationResponse";
    Id etape = 0;
    EvaluationResponse response;  // id 0: the next free id
    int index = -1;
    template <class F> void fields(F&& f) { f("etape", etape); f("response", response); f("index", index); }
    std::string label(const Model& m) const;
    bool operator==(const AddEvaluationResponse&) const = default;
};
struct RemoveEvaluationResponse {
    static constexpr const char* kName = "RemoveEvaluationResponse";
    Id etape = 0;
    Id response = 0;
    template <class F> void fields(F&& f) { f("etape", etape); f("response", response); }
    std::string label(const Model& m) const;
    bool operator==(const RemoveEvaluationResponse&) const = default;
};

// [SECTION] Personal data (RGPD, issue 34)
/// The right to erasure: person `person` replaced by « Personne effacée N » everywhere in the model (core/erasure.h).
/// Not undoable: applied outside the undo history (Session::applyUnrecorded); its journal entry holds the id only,
/// never what was erased.
struct ErasePerson {
    static constexpr const char* kName = "ErasePerson";
    Id person = 0;
    template <class F> void fields(F&& f) { f("person", person); }
    std::string label(const Model& m) const;
    bool operator==(const ErasePerson&) const = default;
};

using Action = std::variant<AddTerritory, RemoveTerritory, UpdateTerritory, AddPerson, RemovePerson, UpdatePerson,
                            AddEtape, RemoveEtape, UpdateEtape, AddProgrammeItem, RemoveProgrammeItem,
                            UpdateProgrammeItem, MoveProgrammeItem, UpdateSettings, MoveEtape, AddRegistration,
                            RemoveRegistration, UpdateRegistration, SetDayRate, AddVote, RemoveVote, UpdateVote,
                            CastBallot, WithdrawBallot, CorrectBallot, SetGroupPlan, MoveMember, SwapMembers,
                            UpdateGroup, AddDeck, RemoveDeck, AddQuestion, RemoveQuestion, DrawCard, UndrawCard,
                            SetIcebreaker, AddBoard, RemoveBoard, RenameBoard, AddCategory, RemoveCategory,
                            RenameCategory, AddIdea, RemoveIdea, EditIdea, MoveIdea, AddCluster, RemoveCluster,
                            RenameCluster, MergeIdeas, SplitIdea, SetPractice, SetBoardHidden, RevealIdeas,
                            MarkRoundRun, AddActionPhare, RemoveActionPhare, UpdateActionPhare, UpdatePractice,
                            SetPracticeInterest, AddFollowUp, RemoveFollowUp, SetEvaluation, AddEvaluationResponse,
                            RemoveEvaluationResponse, ErasePerson>;

// The variant is as large as its largest alternative: a large entity held by value goes in a Boxed (AddEtape).
static_assert(sizeof(Action) <= 216, "an action holding a large entity by value makes every action that large");

/// True for the types of `Action` (the journal serialises exactly those through their `fields`).
template <class T, class Variant>
inline constexpr bool kIsAlternative = false;
template <class T, class... Ts>
inline constexpr bool kIsAlternative<T, std::variant<Ts...>> = (std::is_same_v<T, Ts> || ...);
template <class T>
concept ActionType = kIsAlternative<T, Action>;

/// Several actions applied as one step (one undo, one transaction), e.g. a walk-in: the person and their
/// registration.
struct ActionBatch {
    std::string label;
    std::vector<Action> actions;
};

/// What screens emitted during one frame, applied by the app after the frame (never mid-iteration): single
/// actions in order, then batches.
struct Actions : std::vector<Action> {
    std::vector<ActionBatch> batches;
    bool empty() const { return std::vector<Action>::empty() && batches.empty(); }
    void clear() {
        std::vector<Action>::clear();
        batches.clear();
    }
};

/// The stable journal key of an action ("AddEtape").
const char* actionName(const Action& action);

/// Outcome of applying an action to a model.
struct ApplyResult {
    bool ok = false;
    std::string error;  // French, says what to fix; empty when ok
    Action inverse;     // applying it undoes the action; meaningful when ok
    explicit operator bool() const { return ok; }
};

/// Validates `action` against `model` and, when valid, applies it. Ids 0 in `action` are resolved in place, so
/// that the action as recorded replays to the same model. On error the model is unchanged.
ApplyResult applyAction(Model& model, Action& action);

/// French label of an action for the undo menu (« Modifier l'élément « Mot d'accueil » »), read before applying:
/// the action's own `label`.
std::string describe(const Action& action, const Model& model);

}  // namespace atelier
