// Actions: the only way the model changes. Each is a small value; Session::apply validates it, applies it,
// keeps its inverse for undo and hands it to the journal. To add one: declare it here (with its `kName`, a
// stable journal key that never changes), append it to `Action` (append only: the journal stores names, but
// keep the order stable anyway), handle it in actions.cpp (validate + apply + inverse + label) and in
// store/serialize.h (its fields). Everything else follows.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.h"

namespace atelier {

// [SECTION] Territories
struct AddTerritory {
    static constexpr const char* kName = "AddTerritory";
    Territory territory;  // id 0: the next free id
    int index = -1;       // position in the list; -1 appends
    bool operator==(const AddTerritory&) const = default;
};
struct RemoveTerritory {
    static constexpr const char* kName = "RemoveTerritory";
    Id id = 0;
    bool operator==(const RemoveTerritory&) const = default;
};
struct UpdateTerritory {
    static constexpr const char* kName = "UpdateTerritory";
    Territory territory;  // replaces the territory with the same id
    bool operator==(const UpdateTerritory&) const = default;
};

// [SECTION] People
struct AddPerson {
    static constexpr const char* kName = "AddPerson";
    Person person;
    int index = -1;
    bool operator==(const AddPerson&) const = default;
};
struct RemovePerson {
    static constexpr const char* kName = "RemovePerson";
    Id id = 0;
    bool operator==(const RemovePerson&) const = default;
};
struct UpdatePerson {
    static constexpr const char* kName = "UpdatePerson";
    Person person;
    bool operator==(const UpdatePerson&) const = default;
};

// [SECTION] Étapes
struct AddEtape {
    static constexpr const char* kName = "AddEtape";
    Etape etape;  // with its programme; ids 0 are assigned
    int index = -1;
    bool operator==(const AddEtape&) const = default;
};
struct RemoveEtape {
    static constexpr const char* kName = "RemoveEtape";
    Id id = 0;
    bool operator==(const RemoveEtape&) const = default;
};
struct UpdateEtape {
    static constexpr const char* kName = "UpdateEtape";
    Id id = 0;
    EtapeHeader header;
    bool operator==(const UpdateEtape&) const = default;
};

struct MoveEtape {
    static constexpr const char* kName = "MoveEtape";
    Id id = 0;
    int to = 0;  // new position in the list
    bool operator==(const MoveEtape&) const = default;
};

// [SECTION] Registrations of an étape
struct AddRegistration {
    static constexpr const char* kName = "AddRegistration";
    Id etape = 0;
    Registration registration;  // id 0: the next free id
    int index = -1;
    bool operator==(const AddRegistration&) const = default;
};
struct RemoveRegistration {
    static constexpr const char* kName = "RemoveRegistration";
    Id etape = 0;
    Id registration = 0;
    bool operator==(const RemoveRegistration&) const = default;
};
struct UpdateRegistration {
    static constexpr const char* kName = "UpdateRegistration";
    Id etape = 0;
    Registration registration;  // replaces the registration with the same id (check-in sets `present`)
    bool operator==(const UpdateRegistration&) const = default;
};

// [SECTION] Programme of an étape
struct AddProgrammeItem {
    static constexpr const char* kName = "AddProgrammeItem";
    Id etape = 0;
    ProgrammeItem item;
    int index = -1;
    bool operator==(const AddProgrammeItem&) const = default;
};
struct RemoveProgrammeItem {
    static constexpr const char* kName = "RemoveProgrammeItem";
    Id etape = 0;
    Id item = 0;
    bool operator==(const RemoveProgrammeItem&) const = default;
};
struct UpdateProgrammeItem {
    static constexpr const char* kName = "UpdateProgrammeItem";
    Id etape = 0;
    ProgrammeItem item;  // replaces the item with the same id
    bool operator==(const UpdateProgrammeItem&) const = default;
};
struct MoveProgrammeItem {
    static constexpr const char* kName = "MoveProgrammeItem";
    Id etape = 0;
    Id item = 0;
    int to = 0;  // new position
    bool operator==(const MoveProgrammeItem&) const = default;
};

// [SECTION] Settings
struct UpdateSettings {
    static constexpr const char* kName = "UpdateSettings";
    Settings settings;
    bool operator==(const UpdateSettings&) const = default;
};

// [SECTION] Votes of an étape
struct AddVote {
    static constexpr const char* kName = "AddVote";
    Id etape = 0;
    Vote vote;  // id 0: the next free id; usually without ballots
    int index = -1;
    bool operator==(const AddVote&) const = default;
};
struct RemoveVote {
    static constexpr const char* kName = "RemoveVote";
    Id etape = 0;
    Id vote = 0;
    bool operator==(const RemoveVote&) const = default;
};
struct UpdateVote {
    static constexpr const char* kName = "UpdateVote";
    Id etape = 0;
    Id vote = 0;
    VoteSetup setup;  // with ballots cast, only the question, `open` and `hideResults` may change
    bool operator==(const UpdateVote&) const = default;
};
struct CastBallot {
    static constexpr const char* kName = "CastBallot";
    Id etape = 0;
    Id vote = 0;
    StoredBallot ballot;  // id 0: the next free id
    int index = -1;
    bool operator==(const CastBallot&) const = default;
};
struct WithdrawBallot {
    static constexpr const char* kName = "WithdrawBallot";
    Id etape = 0;
    Id vote = 0;
    Id ballot = 0;
    bool operator==(const WithdrawBallot&) const = default;
};
struct CorrectBallot {
    static constexpr const char* kName = "CorrectBallot";
    Id etape = 0;
    Id vote = 0;
    StoredBallot ballot;  // replaces the ballot with the same id
    bool operator==(const CorrectBallot&) const = default;
};

// [SECTION] Breakout groups of an étape
struct SetGroupPlan {
    static constexpr const char* kName = "SetGroupPlan";
    Id etape = 0;
    GroupPlan plan;  // replaces the étape's plan (formed or mixed again by the mixer, or cleared)
    bool operator==(const SetGroupPlan&) const = default;
};
struct MoveMember {
    static constexpr const char* kName = "MoveMember";
    Id etape = 0;
    int round = 0;
    Id person = 0;
    int to = 0;         // group index
    int position = -1;  // place among its members; -1 appends
    bool operator==(const MoveMember&) const = default;
};
struct SwapMembers {
    static constexpr const char* kName = "SwapMembers";
    Id etape = 0;
    int round = 0;
    Id a = 0, b = 0;
    bool operator==(const SwapMembers&) const = default;
};
struct UpdateGroup {
    static constexpr const char* kName = "UpdateGroup";
    Id etape = 0;
    int round = 0;
    int group = 0;
    std::string name, question, room;
    bool locked = false;  // for every round
    bool operator==(const UpdateGroup&) const = default;
};

// [SECTION] Icebreakers
struct AddDeck {
    static constexpr const char* kName = "AddDeck";
    Deck deck;
    bool operator==(const AddDeck&) const = default;
};
struct RemoveDeck {
    static constexpr const char* kName = "RemoveDeck";
    std::string deck;
    bool operator==(const RemoveDeck&) const = default;
};
struct AddQuestion {
    static constexpr const char* kName = "AddQuestion";
    std::string deck;
    std::string question;
    int index = -1;
    bool operator==(const AddQuestion&) const = default;
};
struct RemoveQuestion {
    static constexpr const char* kName = "RemoveQuestion";
    std::string deck;
    int index = 0;
    bool operator==(const RemoveQuestion&) const = default;
};
struct DrawCard {
    static constexpr const char* kName = "DrawCard";
    Id etape = 0;
    std::string deck;
    std::uint64_t seed = 0;  // picks among the deck's cards not drawn yet at this étape
    bool operator==(const DrawCard&) const = default;
};
struct UndrawCard {
    static constexpr const char* kName = "UndrawCard";
    Id etape = 0;  // puts the last card drawn back
    bool operator==(const UndrawCard&) const = default;
};
struct SetIcebreaker {
    static constexpr const char* kName = "SetIcebreaker";
    Id etape = 0;
    Icebreaker icebreaker;  // the speed-meeting rounds prepared (cards drawn are kept as they are)
    bool operator==(const SetIcebreaker&) const = default;
};

// [SECTION] Settings
struct SetDayRate {
    static constexpr const char* kName = "SetDayRate";
    int year = 2020;
    std::optional<long> cents;  // nullopt: back to the default rate
    bool operator==(const SetDayRate&) const = default;
};

// [SECTION] Idea boards (« Mur d'idées ») of an étape
struct AddBoard {
    static constexpr const char* kName = "AddBoard";
    Id etape = 0;
    Board board;  // with its columns (and ideas, when an undone removal brings it back); ids 0 are assigned
    int index = -1;
    bool operator==(const AddBoard&) const = default;
};
struct RemoveBoard {
    static constexpr const char* kName = "RemoveBoard";
    Id etape = 0;
    Id board = 0;
    bool operator==(const RemoveBoard&) const = default;
};
struct RenameBoard {
    static constexpr const char* kName = "RenameBoard";
    Id etape = 0;
    Id board = 0;
    std::string title;
    bool operator==(const RenameBoard&) const = default;
};
struct AddCategory {
    static constexpr const char* kName = "AddCategory";
    Id etape = 0;
    Id board = 0;
    BoardCategory category;  // id 0: the next free id
    int index = -1;
    bool operator==(const AddCategory&) const = default;
};
struct RemoveCategory {
    static constexpr const char* kName = "RemoveCategory";
    Id etape = 0;
    Id board = 0;
    Id category = 0;  // refused while ideas or clusters sit in it
    bool operator==(const RemoveCategory&) const = default;
};
struct RenameCategory {
    static constexpr const char* kName = "RenameCategory";
    Id etape = 0;
    Id board = 0;
    Id category = 0;
    std::string name;
    bool operator==(const RenameCategory&) const = default;
};
struct AddIdea {
    static constexpr const char* kName = "AddIdea";
    Id etape = 0;
    Id board = 0;
    Idea idea;  // id 0: a new idea (hidden when the board hides new ideas); time as given by the caller
    int index = -1;
    bool operator==(const AddIdea&) const = default;
};
struct RemoveIdea {
    static constexpr const char* kName = "RemoveIdea";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    bool operator==(const RemoveIdea&) const = default;
};
struct EditIdea {
    static constexpr const char* kName = "EditIdea";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    std::string text, group, author;
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
    bool operator==(const MoveIdea&) const = default;
};
struct AddCluster {
    static constexpr const char* kName = "AddCluster";
    Id etape = 0;
    Id board = 0;
    IdeaCluster cluster;         // id 0: the next free id
    int index = -1;
    std::vector<Id> members;     // ideas of its column put into it (an undone removal brings them back)
    bool operator==(const AddCluster&) const = default;
};
struct RemoveCluster {
    static constexpr const char* kName = "RemoveCluster";
    Id etape = 0;
    Id board = 0;
    Id cluster = 0;  // its ideas stay in the column, outside any cluster
    bool operator==(const RemoveCluster&) const = default;
};
struct RenameCluster {
    static constexpr const char* kName = "RenameCluster";
    Id etape = 0;
    Id board = 0;
    Id cluster = 0;
    std::string name;
    bool operator==(const RenameCluster&) const = default;
};
struct MergeIdeas {
    static constexpr const char* kName = "MergeIdeas";
    Id etape = 0;
    Id board = 0;
    Id into = 0;  // keeps its place and gains the other's text (both texts kept)
    Id from = 0;  // absorbed: leaves the board
    bool operator==(const MergeIdeas&) const = default;
};
struct SplitIdea {
    static constexpr const char* kName = "SplitIdea";  // the undo of a merge
    Id etape = 0;
    Id board = 0;
    Id into = 0;  // gives back its last absorbed idea
    Idea idea;    // the absorbed idea, as it was
    int index = -1;
    bool operator==(const SplitIdea&) const = default;
};
struct SetPractice {
    static constexpr const char* kName = "SetPractice";
    Id etape = 0;
    Id board = 0;
    Id idea = 0;
    bool practice = true;  // « pratique à essaimer »
    bool operator==(const SetPractice&) const = default;
};
struct SetBoardHidden {
    static constexpr const char* kName = "SetBoardHidden";
    Id etape = 0;
    Id board = 0;
    bool hideNew = true;  // new ideas show as blank cards until revealed
    bool operator==(const SetBoardHidden&) const = default;
};
struct RevealIdeas {
    static constexpr const char* kName = "RevealIdeas";
    Id etape = 0;
    Id board = 0;
    std::vector<Id> ideas;  // the ideas whose text the room sees (or no longer sees, when `reveal` is false)
    bool reveal = true;
    bool operator==(const RevealIdeas&) const = default;
};

using Action = std::variant<AddTerritory, RemoveTerritory, UpdateTerritory, AddPerson, RemovePerson, UpdatePerson,
                            AddEtape, RemoveEtape, UpdateEtape, AddProgrammeItem, RemoveProgrammeItem,
                            UpdateProgrammeItem, MoveProgrammeItem, UpdateSettings, MoveEtape, AddRegistration,
                            RemoveRegistration, UpdateRegistration, SetDayRate, AddVote, RemoveVote, UpdateVote,
                            CastBallot, WithdrawBallot, CorrectBallot, SetGroupPlan, MoveMember, SwapMembers,
                            UpdateGroup, AddDeck, RemoveDeck, AddQuestion, RemoveQuestion, DrawCard, UndrawCard,
                            SetIcebreaker, AddBoard, RemoveBoard, RenameBoard, AddCategory, RemoveCategory,
                            RenameCategory, AddIdea, RemoveIdea, EditIdea, MoveIdea, AddCluster, RemoveCluster,
                            RenameCluster, MergeIdeas, SplitIdea, SetPractice, SetBoardHidden, RevealIdeas>;

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

/// French label of an action for the undo menu (« Modifier l'élément « Mot d'accueil » »), read before applying.
std::string describe(const Action& action, const Model& model);

}  // namespace atelier
