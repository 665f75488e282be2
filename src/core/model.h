// The domain model of Atelier: territories (the Cités éducatives and others), people, étapes and their programme.
// Plain values, no behaviour beyond derived facts; every change goes through an action (actions.h) and
// Session::apply (session.h). Screens and the command line read it through `const Model&`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/assert.h"
#include "core/date.h"
#include "core/tally.h"

namespace atelier {

using Id = std::uint64_t;  // 0 means "not assigned yet": Session::apply gives the next free id

// [SECTION] Enumerations (stable keys for storage live in enums.h)

enum class Membership { Adherent, NonAdherent, AVerifier };
enum class Institution { PrefectureEtat, EducationNationale, Collectivite, Association, Autre };
enum class Role { Copilote, ChefDeProjet, Intervenant, Irev, Autre };
enum class EtapeKind { Etape, JourneeRegionale };
enum class EtapeStatus { Prevue, Confirmee, Realisee };
enum class ItemKind {
    Accueil, BriseGlace, DecouverteVisite, Atelier, RetourExperience, InterventionExpert, Pause, Synthese
};
enum class IdeaEntry { Keyboard, Import, Paste, Phone };  // how an idea was entered: typed, imported, pasted, by phone
enum class PracticeSource { Board, ActionPhare };  // where a practice comes from: an idea board or an action-phare
enum class FollowUpStatus { Essayee, Adoptee, Abandonnee };  // what a Cité did with a practice
/// What a question of the evaluation asks for: a grade on the étape's scale, a sentence, practices of the day,
/// themes for the next étapes.
enum class QuestionKind { Grade, Sentence, Practices, Themes };

// [SECTION] Entities

/// A territory: one of the 13 Cités éducatives or any other territory whose people take part.
struct Territory {
    Id id = 0;
    std::string name;        // "Amiens"
    std::string department;  // "Somme"
    Membership membership = Membership::AVerifier;
    bool cite = false;       // one of the Cités éducatives labelled for 2020-2022
    bool operator==(const Territory&) const = default;
};

/// A participant, speaker or organiser.
struct Person {
    Id id = 0;
    std::string name;
    std::string email;
    std::optional<Id> territory;
    Institution institution = Institution::Autre;
    Role role = Role::Autre;
    std::string structure;  // the organisation as typed (« Mairie d'Amiens », « CAF du Nord »), beside `institution`
    std::string function;   // the job as typed (« Chargée de mission »), beside `role`
    bool operator==(const Person&) const = default;
};

/// « Mairie d'Amiens, Chargée de mission »: the structure and the function as typed, either may be missing; empty
/// when both are.
std::string structureAndFunction(std::string_view structure, std::string_view function);
inline std::string structureAndFunction(const Person& p) { return structureAndFunction(p.structure, p.function); }

/// State agents (Préfecture-État, Éducation nationale) take part free of charge, whatever their territory.
bool isStateAgent(Institution institution);

/// One entry of an étape's programme: start time and duration in minutes.
struct ProgrammeItem {
    Id id = 0;
    int start = 9 * 60;  // minutes after midnight
    int duration = 30;   // minutes
    std::string title;
    ItemKind kind = ItemKind::Atelier;
    int end() const { return start + duration; }
    bool operator==(const ProgrammeItem&) const = default;
};

/// The editable facts of an étape, without its programme.
struct EtapeHeader {
    int number = 1;
    Date date;
    std::optional<Id> host;  // nullopt: host Cité « à confirmer »
    std::string theme;
    std::string venue;
    EtapeKind kind = EtapeKind::Etape;
    EtapeStatus status = EtapeStatus::Prevue;
    int days = 1;  // a regional day may last two
    bool operator==(const EtapeHeader&) const = default;
};

/// A person registered for an étape, and whether they came.
struct Registration {
    Id id = 0;
    Id person = 0;
    int days = 1;          // days attended, 1..étape days (the fee counts them)
    bool present = false;  // checked in at the door
    bool walkIn = false;   // registered on the spot
    bool operator==(const Registration&) const = default;
};

/// How a vote is run: its question, method, what is voted on, and whether it is open. Once a ballot is cast,
/// only the question, `open` and `hideResults` may change.
struct VoteSetup {
    std::string question;
    VoteMethod method = VoteMethod::Dot;
    std::vector<std::string> options;  // the proposals, at least 2, distinct
    std::vector<std::string> grades;   // majority judgment: the scale, worst first (empty: the default scale)
    long long dotsPerVoter = 3;        // dot voting
    long long maxDotsPerOption = 0;    // dot voting: 0 = no cap
    bool open = true;                  // ballots are accepted
    bool hideResults = false;          // results stay hidden until the vote is closed
    bool perPerson = false;            // « un bulletin par personne présente »: each phone votes in the name of one
                                       // person checked in for the étape, one ballot per person (issue 28)
    bool operator==(const VoteSetup&) const = default;
};

/// An anonymous ballot (or `count` identical ones) as cast.
struct StoredBallot {
    Id id = 0;
    Ballot ballot;
    bool operator==(const StoredBallot&) const = default;
};

/// A vote of an étape and its ballots.
struct Vote {
    Id id = 0;
    VoteSetup setup;
    std::vector<StoredBallot> ballots;
    /// The election to count: the setup and every ballot.
    Election election() const;
    bool operator==(const Vote&) const = default;
};

/// A breakout group in one round: who is in it, where it meets and on what.
struct Group {
    std::string name;      // « Groupe 1 », renamed by the facilitator
    std::string question;  // the workshop question of this round
    std::string room;
    std::vector<Id> members;  // people
    bool operator==(const Group&) const = default;
};

struct GroupRound {
    std::vector<Group> groups;
    bool operator==(const GroupRound&) const = default;
};

/// The breakout groups of an étape's workshop rounds, as the mixer formed them (its seed kept) and the
/// facilitator adjusted them. A locked group keeps its members when the others are mixed again.
struct GroupPlan {
    std::uint64_t seed = 0;
    std::vector<GroupRound> rounds;
    std::vector<bool> locked;  // per group index, all rounds
    bool empty() const { return rounds.empty(); }
    bool operator==(const GroupPlan&) const = default;
};

/// The rotating roles of a group, in order: animateur, rapporteur, gardien du temps.
inline constexpr int kGroupRoles = 3;
/// Index in `group.members` of who holds role `role` (0..2) in round `round`: the roles move one place each
/// round so that everyone takes a turn; -1 when the group is too small for that role.
int roleHolder(const Group& group, int round, int role);

/// A deck of icebreaker question cards (ours, from assets/cartes.json, plus the facilitator's own questions).
struct Deck {
    std::string id;  // stable key: "fiertes"
    std::string title;
    std::vector<std::string> questions;
    bool operator==(const Deck&) const = default;
};

/// One round of the speed-meeting: pairs (a trio when the count is odd) and the prompt they talk about.
struct MeetingRound {
    std::vector<std::vector<Id>> pairs;
    std::string prompt;
    /// The round took place (its countdown was started, or the facilitator said so): only rounds run are in the
    /// summary. Rounds recorded before this mark existed count as run.
    bool run = false;
    bool operator==(const MeetingRound&) const = default;
};

/// The icebreaker of an étape: the speed-meeting rounds (with the seed that mixed them) and the cards drawn.
struct Icebreaker {
    std::uint64_t seed = 0;
    int roundSeconds = 180;
    std::vector<MeetingRound> rounds;
    std::vector<std::string> drawn;  // question cards drawn, in order (never twice)
    bool operator==(const Icebreaker&) const = default;
};
/// A column of an idea board (« Constats », « Leviers », « Actions à essaimer »).
struct BoardCategory {
    Id id = 0;
    std::string name;
    bool operator==(const BoardCategory&) const = default;
};

/// A named group of ideas inside one column of a board.
struct IdeaCluster {
    Id id = 0;
    std::string name;
    Id category = 0;  // the column it sits in
    bool operator==(const IdeaCluster&) const = default;
};

/// What an idea absorbed when two were merged: the other idea's own words and origin, kept.
struct MergedIdea {
    Id id = 0;
    std::string text;
    std::string group;
    std::string author;
    bool practice = false;  // it was a « pratique à essaimer »: its practice now points to the survivor
    bool operator==(const MergedIdea&) const = default;
};

/// An idea posted on a board by a group.
struct Idea {
    Id id = 0;
    std::string text;            // 1 to 500 characters, never cut
    std::string group;           // free label of the group that posted it (« Groupe 3 »); its colour derives from it
    std::string author;          // optional
    Id category = 0;             // the column
    std::optional<Id> cluster;   // in that column
    std::int64_t time = 0;       // when posted, seconds since 1970 (UTC), as given by the UI or the command line
    IdeaEntry entry = IdeaEntry::Keyboard;
    bool hidden = false;         // posted while the board hid ideas, not revealed yet
    bool practice = false;       // « pratique à essaimer »: feeds the capitalisation
    std::vector<MergedIdea> merged;  // ideas it absorbed, oldest first
    bool operator==(const Idea&) const = default;
};

/// A wall of ideas for one workshop question: columns (categories), clusters, ideas in their order.
struct Board {
    Id id = 0;
    std::string title;
    std::vector<BoardCategory> categories;
    std::vector<IdeaCluster> clusters;
    std::vector<Idea> ideas;  // in display order (within a column, the order of this list)
    bool hideNew = false;     // reveal mode: new ideas show as blank cards until revealed
    const Idea* idea(Id id) const;
    bool operator==(const Board&) const = default;
};

/// The default columns of a new board.
std::vector<BoardCategory> defaultBoardCategories();

/// Which people an étape's registrations list: derived from them, kept by the actions that change them so that
/// adding one registration does not scan all of them. Never stored, never compared; a copy starts empty, and an
/// index that does not cover exactly the list's current length is built again from it on first use.
struct RegisteredPeople {
    std::unordered_set<Id> people;
    size_t covered = 0;  // registrations it reflects; meaningful when `valid`
    bool valid = false;
    RegisteredPeople() = default;
    RegisteredPeople(const RegisteredPeople&) noexcept {}
    RegisteredPeople& operator=(const RegisteredPeople&) noexcept {
        invalidate();
        return *this;
    }
    // A move keeps the index (it moves with the registrations it reflects). noexcept, so that vectors of étapes and
    // of actions move their elements when they grow instead of copying every one.
    RegisteredPeople(RegisteredPeople&& other) noexcept
        : people(std::move(other.people)), covered(other.covered), valid(other.valid) {
        other.invalidate();
    }
    RegisteredPeople& operator=(RegisteredPeople&& other) noexcept {
        people = std::move(other.people);
        covered = other.covered;
        valid = other.valid;
        other.invalidate();
        return *this;
    }
    void invalidate() {
        people.clear();
        valid = false;
    }
    bool operator==(const RegisteredPeople&) const { return true; }
};

/// A flagship action the host Cité shows the others (« action-phare »), for the « Découverte » of the day.
struct ActionPhare {
    Id id = 0;
    std::string title;
    std::string description;
    std::string partners;
    std::string contact;
    std::vector<std::string> photos;  // file names relative to the data folder ("photos/…"), copied in by the store
    bool operator==(const ActionPhare&) const = default;
};

/// One question of the evaluation of the day.
struct EvaluationQuestion {
    Id id = 0;
    std::string text;
    QuestionKind kind = QuestionKind::Grade;
    bool operator==(const EvaluationQuestion&) const = default;
};

/// What one respondent answered to one question: a grade (Grade), a sentence (Sentence, Themes), practices of the
/// day (Practices).
struct EvaluationAnswer {
    Id question = 0;
    int grade = -1;               // index in the scale, worst first; -1 when the question is not a grade
    std::string text;             // a sentence, or themes wished for the next étapes
    std::vector<Id> practices;    // practices of the day the respondent wants to try
    bool operator==(const EvaluationAnswer&) const = default;
};

/// One answer sheet, or `count` identical ones (the console enters counts per grade).
struct EvaluationResponse {
    Id id = 0;
    long long count = 1;
    std::optional<Id> territory;  // the respondent's Cité, when known: feeds the practices' interested Cités
    std::vector<EvaluationAnswer> answers;
    bool operator==(const EvaluationResponse&) const = default;
};

/// The questionnaire of the day (« évaluation à chaud »): empty until the facilitator sets it up (the default is
/// defaultEvaluation()), and its responses.
struct Evaluation {
    std::vector<EvaluationQuestion> questions;
    std::vector<std::string> grades;  // the scale of the grade questions, worst first; empty: defaultGradeScale()
    std::vector<EvaluationResponse> responses;
    /// The scale in use.
    std::vector<std::string> scale() const;
    const EvaluationQuestion* question(Id id) const;
    bool operator==(const Evaluation&) const = default;
};

/// The default questionnaire of the Tour (ids 0, assigned when applied): overall opinion and usefulness for my
/// Cité (grades), what I take away (a sentence), practices I want to try, themes wished for the next étapes.
Evaluation defaultEvaluation();

/// One meeting of the Tour, hosted by one Cité.
struct Etape {
    Id id = 0;
    EtapeHeader header;
    std::vector<ProgrammeItem> programme;  // in the order of the day
    std::vector<Registration> registrations;  // in the order they came in
    std::vector<Vote> votes;                  // in the order they were created
    GroupPlan groups;                         // breakout groups of the workshop rounds
    Icebreaker icebreaker;
    std::vector<Board> boards;                // idea boards, in the order they were created
    std::vector<ActionPhare> actionsPhares;   // the host's flagship actions, in the order shown
    Evaluation evaluation;                    // the evaluation of the day
    mutable RegisteredPeople registered;      // derived from `registrations` (actions.cpp), never stored
    const Board* board(Id id) const;
    const Board* boardByTitle(std::string_view title) const;  // accent- and case-insensitive
    bool operator==(const Etape&) const = default;
};

/// The day rate for non-member territories in one year, in cents.
struct DayRate {
    int year = 2020;
    long cents = 15000;
    bool operator==(const DayRate&) const = default;
};

/// Default day rate for non-member territories (brochure: 150 € per day).
inline constexpr long kDefaultDayRateCents = 15000;

/// Organiser's contact block printed on documents (the brochure's « Renseignements »).
struct Settings {
    std::string organisation;
    std::string contactName;
    std::string contactEmail;
    std::string contactPhone;
    std::vector<DayRate> dayRates;  // overrides of the default rate, by year
    /// The day rate of `year` in cents: its override, or the brochure's 150 €.
    long dayRateCents(int year) const;
    bool operator==(const Settings&) const = default;
};

/// What one Cité did with a practice, recorded at any later étape.
struct FollowUp {
    Id territory = 0;
    FollowUpStatus status = FollowUpStatus::Essayee;
    Date date;
    std::string note;
    bool operator==(const FollowUp&) const = default;
};

/// A practice of the library (« bibliothèque des pratiques »): an idea flagged « pratique à essaimer » or an
/// action-phare, kept at the level of the model so that it outlives its étape's archive. Its id is the id of the
/// idea or action-phare it comes from (ids are unique across the model): it never changes, even when the idea is
/// edited or merged into another (the survivor's `merged` list then holds it). The record is made when the idea is
/// flagged or the action-phare added, and dropped with them only while it holds nothing of its own (see
/// isPristine); whether it shows in the library is derived (practiceListed in practices.h).
struct Practice {
    Id id = 0;
    PracticeSource source = PracticeSource::Board;
    Id etape = 0;                 // where it was shown
    int etapeNumber = 0;          // kept for when the étape is gone
    Id board = 0;                 // source Board: the board of the idea (its id is the practice's)
    std::string boardTitle;       // kept for when the board is gone
    std::optional<Id> cite;       // the Cité it comes from: the host of its étape, or as the facilitator set it
    std::string title;            // a copy of the idea's text or of the action-phare's title…
    bool ownTitle = false;        // …unless the facilitator wrote their own: edits of the source no longer change it
    std::string description;      // short, written by the facilitator
    std::vector<std::string> themes;
    std::vector<Id> interested;   // Cités interested, as recorded (the evaluations add theirs, practices.h)
    std::vector<FollowUp> followUps;  // in the order recorded
    bool operator==(const Practice&) const = default;
};

/// Everything Atelier knows; owned by Session.
struct Model {
    std::vector<Territory> territories;
    std::vector<Person> people;
    std::vector<Etape> etapes;
    std::vector<Deck> decks;
    Settings settings;
    std::vector<Practice> practices;  // the library, every étape's, in the order they were made
    Id nextId = 1;

    const Territory* territory(Id id) const;
    const Territory* territoryByName(std::string_view name) const;  // accent- and case-insensitive
    const Person* person(Id id) const;
    const Etape* etape(Id id) const;
    const Etape* etapeByNumber(int number) const;
    const Deck* deck(std::string_view id) const;
    const Practice* practice(Id id) const;
    /// The étapes that registered this person (for refusing to delete someone still registered).
    std::vector<const Etape*> etapesOf(Id person) const;
    bool operator==(const Model&) const = default;
};

/// Index of the item with this id in a vector of entities, or -1. Lists are mostly in id order (a new entity takes
/// the next id and goes last): a binary search finds those in O(log n); when it misses, a scan decides.
template <class T>
int indexOf(const std::vector<T>& items, Id id) {
    ATELIER_ASSERT(items.size() <= static_cast<size_t>(INT32_MAX), "indexOf returns an int: the list is too long");
    size_t lo = 0, hi = items.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (items[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    if (lo < items.size() && items[lo].id == id) return static_cast<int>(lo);
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace atelier
