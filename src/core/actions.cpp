// Validation, application, inverse and label of every action.
//
// [SECTION] Helpers
// [SECTION] Territories
// [SECTION] People
// [SECTION] Étapes
// [SECTION] Programme
// [SECTION] Order of étapes and registrations
// [SECTION] Votes
// [SECTION] Breakout groups
// [SECTION] Icebreakers
// [SECTION] Settings
// [SECTION] Idea boards
// [SECTION] Actions-phares
// [SECTION] Library of practices
// [SECTION] Evaluation
// [SECTION] Personal data
// [SECTION] Dispatch

#include "core/actions.h"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "core/assert.h"
#include "core/enums.h"
#include "core/erasure.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier {

// Vectors of étapes and of actions (an import's steps, the undo history) move their elements when they grow only
// when moving cannot throw; otherwise every growth copies them all, deeply.
static_assert(std::is_nothrow_move_constructible_v<Etape> && std::is_nothrow_move_assignable_v<Etape>);
static_assert(std::is_nothrow_move_constructible_v<Action> && std::is_nothrow_move_assignable_v<Action>);

// [SECTION] Helpers

namespace {

constexpr size_t kMaxName = 200;
constexpr size_t kMaxShort = 100;
constexpr size_t kMaxText = 500;
constexpr size_t kMaxEmail = 254;
constexpr int kMaxEtapeDays = 5;

/// An error message, or empty when fine.
using Check = std::string;

Check checkText(Str field, std::string& value, size_t maxChars, bool required, Str emptyError = Str::ErrEmptyName) {
    if (!isValidUtf8(value)) return fmt(Str::ErrInvalidUtf8, {tr(field)});
    if (const auto cp = controlCharacter(value)) return fmt(Str::ErrControlChar, {tr(field), codePointName(*cp)});
    value = std::string(trim(value));
    if (required && value.empty()) return tr(emptyError);
    if (countCodePoints(value) > maxChars) return fmt(Str::ErrTooLong, {tr(field), std::to_string(maxChars)});
    return {};
}

Check checkEmail(std::string& email) {
    if (auto c = checkText(Str::FieldEmail, email, kMaxEmail, false); !c.empty()) return c;
    if (email.empty()) return {};
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.back() == '.' || email.find(' ') != std::string::npos)
        return fmt(Str::ErrBadEmail, {email});
    return {};
}

/// Resolves id 0 to the next free id; refuses an id already used in `items`.
template <class T>
Check resolveId(Model& m, Id& id, const std::vector<T>& items) {
    if (id == 0) {
        id = m.nextId;
        return {};
    }
    // Every id in the model is below nextId: an id from there on (a replayed addition) is free without a scan.
    if (id < m.nextId && indexOf(items, id) >= 0) return tr(Str::ErrIdTaken);
    return {};
}
void reserveId(Model& m, Id id) { m.nextId = std::max(m.nextId, id + 1); }

template <class T>
int insertAt(std::vector<T>& items, T value, int index) {
    if (index < 0 || index > static_cast<int>(items.size())) index = static_cast<int>(items.size());
    items.insert(items.begin() + index, std::move(value));
    return index;
}

ApplyResult fail(std::string message) { return ApplyResult{false, std::move(message), {}}; }
template <class A>
ApplyResult done(A inverse) { return ApplyResult{true, {}, Action{std::move(inverse)}}; }

// Entities kept in a list of the model (territories, people, étapes) share add, remove and update. `check`
// validates (and normalises) an entity against the model and returns an error or empty.

/// Adds `entity` (id 0: the next free id) at `index`; the inverse is Remove{id}. `entity` is resolved in place.
template <class Remove, class T, class CheckFn>
ApplyResult addEntity(Model& m, std::vector<T>& items, T& entity, int index, CheckFn check) {
    // Ids are checked before the fields so that a replayed add with a taken id fails on the id.
    T resolved = entity;
    if (auto c = resolveId(m, resolved.id, items); !c.empty()) return fail(c);
    if (auto c = check(m, resolved); !c.empty()) return fail(c);
    entity = resolved;
    reserveId(m, resolved.id);
    insertAt(items, std::move(resolved), index);
    return done(Remove{entity.id});
}

/// Removes the item `id` from a list (of the model, or held inside an entity); `inverse(item, index)` builds the
/// add that puts it back in its place.
template <class T, class InverseFn>
ApplyResult removeFromList(std::vector<T>& items, Id id, Str unknown, InverseFn inverse) {
    const int i = indexOf(items, id);
    if (i < 0) return fail(tr(unknown));
    auto undo = inverse(std::move(items[static_cast<size_t>(i)]), i);
    items.erase(items.begin() + i);
    return done(std::move(undo));
}

/// Removes the entity `id`; the inverse is Add{entity, its index}.
template <class Add, class T>
ApplyResult removeEntity(std::vector<T>& items, Id id, Str unknown) {
    return removeFromList(items, id, unknown, [](T item, int i) { return Add{std::move(item), i}; });
}

/// Replaces the entity with `entity`'s id; the inverse is Update{previous}.
template <class Update, class T, class CheckFn>
ApplyResult updateEntity(Model& m, std::vector<T>& items, T& entity, Str unknown, CheckFn check) {
    const int i = indexOf(items, entity.id);
    if (i < 0) return fail(tr(unknown));
    if (auto c = check(m, entity); !c.empty()) return fail(c);
    Update inverse{std::exchange(items[static_cast<size_t>(i)], entity)};
    return done(std::move(inverse));
}

/// Adds `item` to a list held inside another entity (an étape's programme or registrations, a vote's ballots):
/// id 0 takes the next free id, an id already in the list is refused, `check` validates; `item` and `index` are
/// resolved in place. `inverse(id)` builds the removal.
template <class T, class CheckFn, class InverseFn>
ApplyResult addToList(Model& m, std::vector<T>& items, T& item, int& index, CheckFn check, InverseFn inverse) {
    T resolved = item;
    if (resolved.id == 0) resolved.id = m.nextId;
    else if (resolved.id < m.nextId && indexOf(items, resolved.id) >= 0) return fail(tr(Str::ErrIdTaken));
    if (auto c = check(resolved); !c.empty()) return fail(c);
    item = resolved;
    reserveId(m, resolved.id);
    index = insertAt(items, std::move(resolved), index);
    return done(inverse(item.id));
}

// Names for labels: what an id refers to in the model, or « ? » when it refers to nothing (yet).

std::string etapeNumber(const Model& m, Id id) {
    const Etape* e = m.etape(id);
    return e ? std::to_string(e->header.number) : "?";
}

std::string personName(const Model& m, Id id) {
    const Person* p = m.person(id);
    return p ? p->name : "?";
}

const Registration* registrationIn(const Model& m, Id etape, Id id) {
    if (const Etape* e = m.etape(etape))
        if (const int i = indexOf(e->registrations, id); i >= 0) return &e->registrations[static_cast<size_t>(i)];
    return nullptr;
}

const Vote* voteIn(const Model& m, Id etape, Id id) {
    if (const Etape* e = m.etape(etape))
        if (const int i = indexOf(e->votes, id); i >= 0) return &e->votes[static_cast<size_t>(i)];
    return nullptr;
}

std::string voteQuestion(const Model& m, Id etape, Id id) {
    const Vote* v = voteIn(m, etape, id);
    return v ? v->setup.question : "?";
}

std::string itemTitle(const Model& m, Id etape, Id item) {
    if (const Etape* e = m.etape(etape))
        if (const int i = indexOf(e->programme, item); i >= 0) return e->programme[static_cast<size_t>(i)].title;
    return "?";
}

const Board* boardIn(const Model& m, Id etape, Id id) {
    if (const Etape* e = m.etape(etape)) return e->board(id);
    return nullptr;
}

std::string boardTitle(const Model& m, Id etape, Id id) {
    const Board* b = boardIn(m, etape, id);
    return b ? b->title : "?";
}

/// The first words of an idea, for labels: « Un café des parents… ».
std::string ideaExcerpt(const std::string& text) { return excerpt(text, 40); }

std::string ideaText(const Model& m, Id etape, Id boardId, Id idea) {
    const Board* b = boardIn(m, etape, boardId);
    const Idea* i = b ? b->idea(idea) : nullptr;
    return i ? ideaExcerpt(i->text) : "?";
}

std::string categoryName(const Model& m, Id etape, Id boardId, Id category) {
    const Board* b = boardIn(m, etape, boardId);
    const int i = b ? indexOf(b->categories, category) : -1;
    return i >= 0 ? b->categories[static_cast<size_t>(i)].name : "?";
}

std::string clusterName(const Model& m, Id etape, Id boardId, Id cluster) {
    const Board* b = boardIn(m, etape, boardId);
    const int i = b ? indexOf(b->clusters, cluster) : -1;
    return i >= 0 ? b->clusters[static_cast<size_t>(i)].name : "?";
}


constexpr size_t kMaxDescription = 2000;
constexpr size_t kMaxPhotos = 20;

/// A photo's file name: relative to the data folder, inside it.
bool isPhotoPath(const std::string& path) {
    if (path.empty() || path.size() > 255 || path.front() == '/' || path.find('\\') != std::string::npos ||
        path.find(':') != std::string::npos || !isValidUtf8(path) || controlCharacter(path) ||
        path.find_first_of("\t\n") != std::string::npos)
        return false;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

Check checkActionPhare(ActionPhare& a) {
    if (auto c = checkText(Str::FieldActionPhareTitle, a.title, kMaxName, true, Str::ErrEmptyActionPhareTitle); !c.empty())
        return c;
    if (auto c = checkText(Str::FieldDescription, a.description, kMaxDescription, false); !c.empty()) return c;
    if (auto c = checkText(Str::FieldPartners, a.partners, kMaxText, false); !c.empty()) return c;
    if (auto c = checkText(Str::FieldContact, a.contact, kMaxName, false); !c.empty()) return c;
    if (a.photos.size() > kMaxPhotos) return fmt(Str::ErrTooManyPhotos, {std::to_string(kMaxPhotos)});
    for (size_t i = 0; i < a.photos.size(); ++i) {
        if (!isPhotoPath(a.photos[i])) return fmt(Str::ErrBadPhoto, {a.photos[i]});
        for (size_t j = 0; j < i; ++j)
            if (a.photos[j] == a.photos[i]) return fmt(Str::ErrDuplicatePhoto, {a.photos[i]});
    }
    return {};
}

// Practice records (practices.h): made with their source, dropped with it while they hold nothing of their own, their
// copies of the source's title, board title and étape number kept in step. The list stays in id order.

void insertPractice(Model& m, Practice p) {
    const auto at = std::lower_bound(m.practices.begin(), m.practices.end(), p.id,
                                     [](const Practice& x, Id id) { return x.id < id; });
    m.practices.insert(at, std::move(p));
}

/// Makes `fresh`'s record when there is none with its id.
void ensurePractice(Model& m, Practice fresh) {
    if (!m.practice(fresh.id)) insertPractice(m, std::move(fresh));
}

/// Drops the record `fresh` would make again, when it is exactly that (nothing of its own).
void dropPristinePractice(Model& m, const Practice& fresh) {
    const int i = indexOf(m.practices, fresh.id);
    if (i < 0) return;
    const Practice& p = m.practices[static_cast<size_t>(i)];
    if (p == fresh && !holdsOwnData(m, p)) m.practices.erase(m.practices.begin() + i);
}

/// The flagged idea and its flagged absorbed ideas get their practices.
void ensureIdeaPractices(Model& m, const Etape& e, const Board& b, const Idea& idea) {
    if (idea.practice) ensurePractice(m, practiceFromIdea(e, b, idea.id, idea.text));
    for (const MergedIdea& part : idea.merged)
        if (part.practice) ensurePractice(m, practiceFromIdea(e, b, part.id, part.text));
}

/// The idea (and its absorbed ideas) leave or lose their flag: their records go unless they hold something.
void dropIdeaPractices(Model& m, const Etape& e, const Board& b, const Idea& idea) {
    dropPristinePractice(m, practiceFromIdea(e, b, idea.id, idea.text));
    for (const MergedIdea& part : idea.merged) dropPristinePractice(m, practiceFromIdea(e, b, part.id, part.text));
}

void ensureEtapePractices(Model& m, const Etape& e) {
    for (const Board& b : e.boards)
        for (const Idea& idea : b.ideas) ensureIdeaPractices(m, e, b, idea);
    for (const ActionPhare& a : e.actionsPhares) ensurePractice(m, practiceFromActionPhare(e, a));
}

void dropEtapePractices(Model& m, const Etape& e) {
    for (const Board& b : e.boards)
        for (const Idea& idea : b.ideas) dropIdeaPractices(m, e, b, idea);
    for (const ActionPhare& a : e.actionsPhares) dropPristinePractice(m, practiceFromActionPhare(e, a));
}

/// The title of the practice `id` follows its source's, unless the facilitator wrote their own.
void followTitle(Model& m, Id id, const std::string& title) {
    const int i = indexOf(m.practices, id);
    if (i >= 0 && !m.practices[static_cast<size_t>(i)].ownTitle) m.practices[static_cast<size_t>(i)].title = title;
}

}  // namespace

// [SECTION] Territories

namespace {

Check checkTerritory(const Model& m, Territory& t) {
    if (auto c = checkText(Str::FieldName, t.name, kMaxName, true); !c.empty()) return c;
    if (auto c = checkText(Str::FieldDepartment, t.department, kMaxShort, false); !c.empty()) return c;
    if (const Territory* same = m.territoryByName(t.name); same && same->id != t.id)
        return fmt(Str::ErrDuplicateTerritory, {same->name});
    return {};
}

ApplyResult apply(Model& m, AddTerritory& a) {
    return addEntity<RemoveTerritory>(m, m.territories, a.territory, a.index, checkTerritory);
}

ApplyResult apply(Model& m, RemoveTerritory& a) {
    // A territory still referenced stays: the facilitator is told what to change first.
    if (const Territory* t = m.territory(a.id)) {
        for (const auto& e : m.etapes)
            if (e.header.host == a.id)
                return fail(fmt(Str::ErrTerritoryHosts, {t->name, std::to_string(e.header.number)}));
        const auto people = std::count_if(m.people.begin(), m.people.end(),
                                          [&](const Person& p) { return p.territory == a.id; });
        if (people > 0) return fail(fmt(Str::ErrTerritoryHasPeople, {t->name, std::to_string(people)}));
        // Practices and evaluations name it: removing it would leave a follow-up or an answer without its Cité.
        for (const Practice& p : m.practices) {
            const bool named = p.cite == a.id ||
                               std::find(p.interested.begin(), p.interested.end(), a.id) != p.interested.end() ||
                               std::any_of(p.followUps.begin(), p.followUps.end(),
                                           [&](const FollowUp& f) { return f.territory == a.id; });
            if (named) return fail(fmt(Str::ErrTerritoryInPractices, {t->name, excerpt(p.title, 40)}));
        }
        for (const Etape& e : m.etapes)
            for (const EvaluationResponse& r : e.evaluation.responses)
                if (r.territory == a.id)
                    return fail(fmt(Str::ErrTerritoryInPractices,
                                    {t->name, fmt(Str::EtapeNumber, {std::to_string(e.header.number)})}));
    }
    return removeEntity<AddTerritory>(m.territories, a.id, Str::ErrUnknownTerritory);
}

ApplyResult apply(Model& m, UpdateTerritory& a) {
    return updateEntity<UpdateTerritory>(m, m.territories, a.territory, Str::ErrUnknownTerritory, checkTerritory);
}

}  // namespace

std::string AddTerritory::label(const Model&) const { return fmt(Str::ActAddTerritory, {territory.name}); }
std::string RemoveTerritory::label(const Model& m) const {
    const Territory* t = m.territory(id);
    return fmt(Str::ActRemoveTerritory, {t ? t->name : "?"});
}
std::string UpdateTerritory::label(const Model&) const {
    return fmt(Str::ActUpdateTerritory, {territory.name});
}

// [SECTION] People

namespace {

Check checkPerson(const Model& m, Person& p) {
    if (auto c = checkText(Str::FieldName, p.name, kMaxName, true); !c.empty()) return c;
    if (auto c = checkEmail(p.email); !c.empty()) return c;
    if (p.territory && !m.territory(*p.territory)) return tr(Str::ErrUnknownTerritory);
    return {};
}

ApplyResult apply(Model& m, AddPerson& a) { return addEntity<RemovePerson>(m, m.people, a.person, a.index, checkPerson); }

/// True when `person` is in one of the étape's breakout groups or speed-meeting rounds.
bool takesPartIn(const Etape& e, Id person) {
    for (const GroupRound& round : e.groups.rounds)
        for (const Group& g : round.groups)
            if (std::find(g.members.begin(), g.members.end(), person) != g.members.end()) return true;
    for (const MeetingRound& round : e.icebreaker.rounds)
        for (const auto& pair : round.pairs)
            if (std::find(pair.begin(), pair.end(), person) != pair.end()) return true;
    return false;
}

ApplyResult apply(Model& m, RemovePerson& a) {
    if (const Person* p = m.person(a.id)) {
        if (const auto registered = m.etapesOf(a.id); !registered.empty())
            return fail(fmt(Str::ErrPersonRegistered, {p->name, std::to_string(registered.front()->header.number)}));
        for (const Etape& e : m.etapes)  // groups and rounds would name someone who no longer exists
            if (takesPartIn(e, a.id)) return fail(fmt(Str::PersonInGroups, {p->name, std::to_string(e.header.number)}));
    }
    return removeEntity<AddPerson>(m.people, a.id, Str::ErrUnknownPerson);
}

ApplyResult apply(Model& m, UpdatePerson& a) {
    return updateEntity<UpdatePerson>(m, m.people, a.person, Str::ErrUnknownPerson, checkPerson);
}

}  // namespace

std::string AddPerson::label(const Model&) const { return fmt(Str::ActAddPerson, {person.name}); }
std::string RemovePerson::label(const Model& m) const {
    const Person* p = m.person(id);
    return fmt(Str::ActRemovePerson, {p ? p->name : "?"});
}
std::string UpdatePerson::label(const Model&) const { return fmt(Str::ActUpdatePerson, {person.name}); }

// [SECTION] Étapes

namespace {

Check checkHeader(const Model& m, EtapeHeader& h) {
    if (h.number < 1 || h.number > 99) return tr(Str::ErrBadEtapeNumber);
    if (!isValid(h.date)) return fmt(Str::ErrBadDate, {toIso(h.date)});
    if (h.host && !m.territory(*h.host)) return tr(Str::ErrUnknownTerritory);
    if (h.days < 1 || h.days > kMaxEtapeDays) return fmt(Str::ErrBadEtapeDays, {std::to_string(kMaxEtapeDays)});
    if (auto c = checkText(Str::FieldTheme, h.theme, kMaxText, false); !c.empty()) return c;
    if (auto c = checkText(Str::FieldVenue, h.venue, kMaxText, false); !c.empty()) return c;
    return {};
}

Check checkItem(ProgrammeItem& item) {
    if (auto c = checkText(Str::ColTitle, item.title, kMaxName, true, Str::ErrEmptyTitle); !c.empty()) return c;
    if (item.start < 0 || item.start >= 24 * 60) return tr(Str::ErrBadStart);
    if (item.duration < 1 || item.duration > 12 * 60) return tr(Str::ErrBadDuration);
    if (item.end() > 24 * 60) return fmt(Str::ErrItemPastMidnight, {item.title});
    return {};
}

/// A registration of `e` (at `position` in its list, or appended when position == size) is valid.
/// The checks of a registration that do not look at the others: its person exists, its days fit the étape.
Check checkRegistrationAlone(const Model& m, const Etape& e, const Registration& r) {
    const Person* p = m.person(r.person);
    if (!p) return tr(Str::ErrUnknownPerson);
    if (r.days < 1 || r.days > e.header.days)
        return fmt(Str::ErrBadRegistrationDays, {p->name, std::to_string(e.header.days)});
    return {};
}

Check checkRegistration(const Model& m, const Etape& e, const Registration& r, size_t position) {
    ATELIER_ASSERT(position <= e.registrations.size(), "checkRegistration: a position in the list, or its end");
    if (auto c = checkRegistrationAlone(m, e, r); !c.empty()) return c;
    const Person* p = m.person(r.person);
    for (size_t i = 0; i < e.registrations.size(); ++i)
        if (i != position && e.registrations[i].person == r.person && e.registrations[i].id != r.id)
            return fmt(Str::ErrAlreadyRegistered, {p->name, std::to_string(e.header.number)});
    return {};
}

ApplyResult apply(Model& m, AddEtape& a) {
    Etape e = a.etape;
    if (auto c = resolveId(m, e.id, m.etapes); !c.empty()) return fail(c);
    if (auto c = checkHeader(m, e.header); !c.empty()) return fail(c);
    // Items and registrations take the ids after the étape's (an undone removal brings its own back).
    Id next = std::max(m.nextId, e.id + 1);
    std::vector<Id> ids;
    for (auto& item : e.programme) {
        if (item.id == 0) item.id = next;
        next = std::max(next, item.id + 1);
        ids.push_back(item.id);
        if (auto c = checkItem(item); !c.empty()) return fail(c);
    }
    for (size_t i = 0; i < e.registrations.size(); ++i) {
        Registration& r = e.registrations[i];
        if (r.id == 0) r.id = next;
        next = std::max(next, r.id + 1);
        ids.push_back(r.id);
        if (auto c = checkRegistration(m, e, r, i); !c.empty()) return fail(c);
    }
    for (ActionPhare& ap : e.actionsPhares) {
        if (ap.id == 0) ap.id = next;
        next = std::max(next, ap.id + 1);
        ids.push_back(ap.id);
        if (auto c = checkActionPhare(ap); !c.empty()) return fail(c);
    }
    for (EvaluationQuestion& q : e.evaluation.questions) {
        if (q.id == 0) q.id = next;
        next = std::max(next, q.id + 1);
        ids.push_back(q.id);
    }
    for (EvaluationResponse& r : e.evaluation.responses) {
        if (r.id == 0) r.id = next;
        next = std::max(next, r.id + 1);
        ids.push_back(r.id);
    }
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return fail(tr(Str::ErrIdTaken));
    a.etape = e;
    m.nextId = next;
    const Id id = e.id;
    const int at = insertAt(m.etapes, std::move(e), a.index);
    ensureEtapePractices(m, m.etapes[static_cast<size_t>(at)]);
    return done(RemoveEtape{id});
}

ApplyResult apply(Model& m, RemoveEtape& a) {
    ApplyResult result = removeEntity<AddEtape>(m.etapes, a.id, Str::ErrUnknownEtape);
    // After the removal (an evaluation answer of the étape no longer holds them), from the étape its inverse keeps.
    if (result) dropEtapePractices(m, std::get<AddEtape>(result.inverse).etape);
    return result;
}

ApplyResult apply(Model& m, UpdateEtape& a) {
    const int i = indexOf(m.etapes, a.id);
    if (i < 0) return fail(tr(Str::ErrUnknownEtape));
    if (auto c = checkHeader(m, a.header); !c.empty()) return fail(c);
    Etape& e = m.etapes[static_cast<size_t>(i)];
    UpdateEtape inverse{a.id, e.header};
    e.header = a.header;
    for (Practice& p : m.practices)
        if (p.etape == a.id) p.etapeNumber = e.header.number;
    return done(std::move(inverse));
}

}  // namespace

std::string AddEtape::label(const Model&) const {
    return fmt(Str::ActAddEtape, {std::to_string(etape->header.number)});
}
std::string RemoveEtape::label(const Model& m) const { return fmt(Str::ActRemoveEtape, {etapeNumber(m, id)}); }
std::string UpdateEtape::label(const Model& m) const { return fmt(Str::ActUpdateEtape, {etapeNumber(m, id)}); }

// [SECTION] Programme

namespace {

Etape* findEtape(Model& m, Id id) {
    const int i = indexOf(m.etapes, id);
    return i < 0 ? nullptr : &m.etapes[static_cast<size_t>(i)];
}

ApplyResult apply(Model& m, AddProgrammeItem& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    return addToList(m, e->programme, a.item, a.index, checkItem,
                     [&](Id id) { return RemoveProgrammeItem{a.etape, id}; });
}

ApplyResult apply(Model& m, RemoveProgrammeItem& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    return removeFromList(e->programme, a.item, Str::ErrUnknownItem,
                          [&](ProgrammeItem item, int i) { return AddProgrammeItem{a.etape, std::move(item), i}; });
}

ApplyResult apply(Model& m, UpdateProgrammeItem& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const int i = indexOf(e->programme, a.item.id);
    if (i < 0) return fail(tr(Str::ErrUnknownItem));
    if (auto c = checkItem(a.item); !c.empty()) return fail(c);
    ProgrammeItem& item = e->programme[static_cast<size_t>(i)];
    UpdateProgrammeItem inverse{a.etape, item};
    item = a.item;
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, MoveProgrammeItem& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const int from = indexOf(e->programme, a.item);
    if (from < 0) return fail(tr(Str::ErrUnknownItem));
    if (a.to < 0 || a.to >= static_cast<int>(e->programme.size())) return fail(tr(Str::ErrBadIndex));
    ProgrammeItem item = std::move(e->programme[static_cast<size_t>(from)]);
    e->programme.erase(e->programme.begin() + from);
    e->programme.insert(e->programme.begin() + a.to, std::move(item));
    return done(MoveProgrammeItem{a.etape, a.item, from});
}

}  // namespace

std::string AddProgrammeItem::label(const Model&) const { return fmt(Str::ActAddItem, {item.title}); }
std::string RemoveProgrammeItem::label(const Model& m) const {
    return fmt(Str::ActRemoveItem, {itemTitle(m, etape, item)});
}
std::string UpdateProgrammeItem::label(const Model& m) const {
    return fmt(Str::ActUpdateItem, {itemTitle(m, etape, item.id)});
}
std::string MoveProgrammeItem::label(const Model& m) const {
    return fmt(Str::ActMoveItem, {itemTitle(m, etape, item)});
}

// [SECTION] Order of étapes and registrations

namespace {

ApplyResult apply(Model& m, MoveEtape& a) {
    const int from = indexOf(m.etapes, a.id);
    if (from < 0) return fail(tr(Str::ErrUnknownEtape));
    if (a.to < 0 || a.to >= static_cast<int>(m.etapes.size())) return fail(tr(Str::ErrBadIndex));
    Etape e = std::move(m.etapes[static_cast<size_t>(from)]);
    m.etapes.erase(m.etapes.begin() + from);
    m.etapes.insert(m.etapes.begin() + a.to, std::move(e));
    return done(MoveEtape{a.id, from});
}

/// True when one of the étape's registrations is `person`'s, through its index (built when it does not cover the
/// list).
bool isRegistered(const Etape& e, Id person) {
    RegisteredPeople& index = e.registered;
    if (!index.valid || index.covered != e.registrations.size()) {
        index.invalidate();
        for (const Registration& r : e.registrations) index.people.insert(r.person);
        index.covered = e.registrations.size();
        index.valid = true;
    }
    return index.people.count(person) > 0;
}

ApplyResult apply(Model& m, AddRegistration& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    ApplyResult result = addToList(
        m, e->registrations, a.registration, a.index,
        [&](const Registration& r) -> Check {
            if (auto c = checkRegistrationAlone(m, *e, r); !c.empty()) return c;
            if (isRegistered(*e, r.person))
                return fmt(Str::ErrAlreadyRegistered, {m.person(r.person)->name, std::to_string(e->header.number)});
            return {};
        },
        [&](Id id) { return RemoveRegistration{a.etape, id}; });
    if (result && e->registered.valid && e->registered.covered + 1 == e->registrations.size()) {
        e->registered.people.insert(a.registration.person);
        e->registered.covered = e->registrations.size();
    } else {
        e->registered.invalidate();
    }
    return result;
}

ApplyResult apply(Model& m, RemoveRegistration& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    e->registered.invalidate();
    return removeFromList(e->registrations, a.registration, Str::ErrUnknownRegistration,
                          [&](Registration r, int i) { return AddRegistration{a.etape, std::move(r), i}; });
}

ApplyResult apply(Model& m, UpdateRegistration& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const int i = indexOf(e->registrations, a.registration.id);
    if (i < 0) return fail(tr(Str::ErrUnknownRegistration));
    if (auto c = checkRegistration(m, *e, a.registration, static_cast<size_t>(i)); !c.empty()) return fail(c);
    e->registered.invalidate();
    UpdateRegistration inverse{a.etape, std::exchange(e->registrations[static_cast<size_t>(i)], a.registration)};
    return done(std::move(inverse));
}

}  // namespace

std::string MoveEtape::label(const Model& m) const { return fmt(Str::ActMoveEtape, {etapeNumber(m, id)}); }
std::string AddRegistration::label(const Model& m) const {
    return fmt(Str::ActAddRegistration, {personName(m, registration.person), etapeNumber(m, etape)});
}
std::string RemoveRegistration::label(const Model& m) const {
    const Registration* r = registrationIn(m, etape, registration);
    return fmt(Str::ActRemoveRegistration, {r ? personName(m, r->person) : "?", etapeNumber(m, etape)});
}
std::string UpdateRegistration::label(const Model& m) const {
    const Registration* r = registrationIn(m, etape, registration.id);
    const std::string name = personName(m, registration.person);
    if (r && r->present != registration.present)
        return fmt(registration.present ? Str::ActCheckIn : Str::ActCheckOut, {name});
    return fmt(Str::ActUpdateRegistration, {name});
}

// [SECTION] Votes

namespace {

Check checkSetup(VoteSetup& v) {
    if (auto c = checkText(Str::FieldQuestion, v.question, kMaxText, false); !c.empty()) return c;
    for (std::string& o : v.options)
        if (auto c = checkText(Str::FieldOption, o, kMaxText, false); !c.empty()) return c;
    for (std::string& g : v.grades)
        if (auto c = checkText(Str::FieldGrade, g, kMaxName, false); !c.empty()) return c;
    Vote probe;
    probe.setup = v;
    return checkElection(probe.election());
}

/// The vote `id` of étape `e`, or null.
Vote* findVote(Etape& e, Id id) {
    const int i = indexOf(e.votes, id);
    return i < 0 ? nullptr : &e.votes[static_cast<size_t>(i)];
}

ApplyResult apply(Model& m, AddVote& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Vote v = a.vote;
    if (auto c = resolveId(m, v.id, e->votes); !c.empty()) return fail(c);
    if (auto c = checkSetup(v.setup); !c.empty()) return fail(c);
    Id next = std::max(m.nextId, v.id + 1);
    for (size_t i = 0; i < v.ballots.size(); ++i) {
        if (v.ballots[i].id == 0) v.ballots[i].id = next;
        next = std::max(next, v.ballots[i].id + 1);
        if (auto c = checkBallot(v.election(), v.ballots[i].ballot, static_cast<int>(i) + 1); !c.empty()) return fail(c);
    }
    a.vote = v;
    m.nextId = next;
    const Id id = v.id;
    insertAt(e->votes, std::move(v), a.index);
    return done(RemoveVote{a.etape, id});
}

ApplyResult apply(Model& m, RemoveVote& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    return removeFromList(e->votes, a.vote, Str::ErrUnknownVote,
                          [&](Vote v, int i) { return AddVote{a.etape, std::move(v), i}; });
}

ApplyResult apply(Model& m, UpdateVote& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Vote* v = findVote(*e, a.vote);
    if (!v) return fail(tr(Str::ErrUnknownVote));
    if (auto c = checkSetup(a.setup); !c.empty()) return fail(c);
    const VoteSetup& old = v->setup;
    if (!v->ballots.empty() && (a.setup.method != old.method || a.setup.options != old.options ||
                                a.setup.grades != old.grades || a.setup.dotsPerVoter != old.dotsPerVoter ||
                                a.setup.maxDotsPerOption != old.maxDotsPerOption || a.setup.perPerson != old.perPerson))
        return fail(fmt(Str::ErrVoteHasBallots, {std::to_string(v->ballots.size())}));
    UpdateVote inverse{a.etape, a.vote, std::exchange(v->setup, a.setup)};
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, CastBallot& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Vote* v = findVote(*e, a.vote);
    if (!v) return fail(tr(Str::ErrUnknownVote));
    if (!v->setup.open) return fail(tr(Str::ErrVoteClosed));
    const int number = a.index < 0 ? static_cast<int>(v->ballots.size()) + 1 : a.index + 1;
    return addToList(
        m, v->ballots, a.ballot, a.index,
        [&](const StoredBallot& b) { return checkBallot(v->election(), b.ballot, number); },
        [&](Id id) { return WithdrawBallot{a.etape, a.vote, id}; });
}

ApplyResult apply(Model& m, WithdrawBallot& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Vote* v = findVote(*e, a.vote);
    if (!v) return fail(tr(Str::ErrUnknownVote));
    if (!v->setup.open) return fail(tr(Str::ErrVoteClosed));
    return removeFromList(v->ballots, a.ballot, Str::ErrUnknownBallot,
                          [&](StoredBallot b, int i) { return CastBallot{a.etape, a.vote, std::move(b), i}; });
}

ApplyResult apply(Model& m, CorrectBallot& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Vote* v = findVote(*e, a.vote);
    if (!v) return fail(tr(Str::ErrUnknownVote));
    if (!v->setup.open) return fail(tr(Str::ErrVoteClosed));
    const int i = indexOf(v->ballots, a.ballot.id);
    if (i < 0) return fail(tr(Str::ErrUnknownBallot));
    if (auto c = checkBallot(v->election(), a.ballot.ballot, i + 1); !c.empty()) return fail(c);
    CorrectBallot inverse{a.etape, a.vote, std::exchange(v->ballots[static_cast<size_t>(i)], a.ballot)};
    return done(std::move(inverse));
}

}  // namespace

std::string AddVote::label(const Model&) const { return fmt(Str::ActAddVote, {vote.setup.question}); }
std::string RemoveVote::label(const Model& m) const {
    return fmt(Str::ActRemoveVote, {voteQuestion(m, etape, vote)});
}
std::string UpdateVote::label(const Model& m) const {
    const Vote* v = voteIn(m, etape, vote);
    if (v && v->setup.open != setup.open)
        return fmt(setup.open ? Str::ActReopenVote : Str::ActCloseVote, {setup.question});
    return fmt(Str::ActUpdateVote, {setup.question});
}
std::string CastBallot::label(const Model& m) const {
    return fmt(Str::ActCastBallot, {voteQuestion(m, etape, vote)});
}
std::string WithdrawBallot::label(const Model& m) const {
    return fmt(Str::ActWithdrawBallot, {voteQuestion(m, etape, vote)});
}
std::string CorrectBallot::label(const Model& m) const {
    return fmt(Str::ActCorrectBallot, {voteQuestion(m, etape, vote)});
}

// [SECTION] Breakout groups

namespace {

/// Where `person` is in round `r`: (group index, position), or (-1, -1).
std::pair<int, int> placeOf(const GroupRound& r, Id person) {
    for (size_t g = 0; g < r.groups.size(); ++g)
        for (size_t i = 0; i < r.groups[g].members.size(); ++i)
            if (r.groups[g].members[i] == person) return {static_cast<int>(g), static_cast<int>(i)};
    return {-1, -1};
}

Check checkPlan(const Model& m, GroupPlan& plan) {
    for (GroupRound& r : plan.rounds) {
        std::vector<Id> seen;
        for (Group& g : r.groups) {
            if (auto c = checkText(Str::FieldName, g.name, kMaxName, false); !c.empty()) return c;
            if (auto c = checkText(Str::FieldQuestion, g.question, kMaxText, false); !c.empty()) return c;
            if (auto c = checkText(Str::FieldRoom, g.room, kMaxName, false); !c.empty()) return c;
            for (Id p : g.members) {
                if (!m.person(p)) return tr(Str::ErrUnknownPerson);
                if (std::find(seen.begin(), seen.end(), p) != seen.end())
                    return fmt(Str::ErrTwiceInRound, {m.person(p)->name});
                seen.push_back(p);
            }
        }
    }
    const size_t groups = plan.rounds.empty() ? 0 : plan.rounds.front().groups.size();
    plan.locked.resize(groups, false);
    return {};
}

GroupRound* findRound(Etape& e, int round) {
    if (round < 0 || round >= static_cast<int>(e.groups.rounds.size())) return nullptr;
    return &e.groups.rounds[static_cast<size_t>(round)];
}

ApplyResult apply(Model& m, SetGroupPlan& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    if (auto c = checkPlan(m, a.plan); !c.empty()) return fail(c);
    SetGroupPlan inverse{a.etape, std::exchange(e->groups, a.plan)};
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, MoveMember& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    GroupRound* r = findRound(*e, a.round);
    if (!r) return fail(tr(Str::ErrUnknownRound));
    const auto [from, at] = placeOf(*r, a.person);
    if (from < 0) return fail(tr(Str::ErrNotInRound));
    if (a.to < 0 || a.to >= static_cast<int>(r->groups.size())) return fail(tr(Str::ErrBadIndex));
    auto& source = r->groups[static_cast<size_t>(from)].members;
    source.erase(source.begin() + at);
    insertAt(r->groups[static_cast<size_t>(a.to)].members, a.person, a.position);
    return done(MoveMember{a.etape, a.round, a.person, from, at});
}

ApplyResult apply(Model& m, SwapMembers& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    GroupRound* r = findRound(*e, a.round);
    if (!r) return fail(tr(Str::ErrUnknownRound));
    const auto [ga, ia] = placeOf(*r, a.a);
    const auto [gb, ib] = placeOf(*r, a.b);
    if (ga < 0 || gb < 0) return fail(tr(Str::ErrNotInRound));
    std::swap(r->groups[static_cast<size_t>(ga)].members[static_cast<size_t>(ia)],
              r->groups[static_cast<size_t>(gb)].members[static_cast<size_t>(ib)]);
    return done(SwapMembers{a.etape, a.round, a.a, a.b});
}

ApplyResult apply(Model& m, UpdateGroup& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    GroupRound* r = findRound(*e, a.round);
    if (!r) return fail(tr(Str::ErrUnknownRound));
    if (a.group < 0 || a.group >= static_cast<int>(r->groups.size())) return fail(tr(Str::ErrBadIndex));
    if (auto c = checkText(Str::FieldName, a.name, kMaxName, false); !c.empty()) return fail(c);
    if (auto c = checkText(Str::FieldQuestion, a.question, kMaxText, false); !c.empty()) return fail(c);
    if (auto c = checkText(Str::FieldRoom, a.room, kMaxName, false); !c.empty()) return fail(c);
    Group& g = r->groups[static_cast<size_t>(a.group)];
    auto& locked = e->groups.locked;
    locked.resize(std::max(locked.size(), r->groups.size()), false);
    UpdateGroup inverse{a.etape, a.round, a.group, g.name, g.question, g.room, locked[static_cast<size_t>(a.group)]};
    g.name = a.name;
    g.question = a.question;
    g.room = a.room;
    locked[static_cast<size_t>(a.group)] = a.locked;
    return done(std::move(inverse));
}

}  // namespace

std::string SetGroupPlan::label(const Model&) const {
    if (plan.empty()) return tr(Str::ActClearGroups);
    return fmt(Str::ActFormGroups, {std::to_string(plan.rounds.size())});
}
std::string MoveMember::label(const Model& m) const {
    return fmt(Str::ActMoveMember, {personName(m, person), std::to_string(static_cast<long long>(to) + 1)});
}
std::string SwapMembers::label(const Model& m) const {
    return fmt(Str::ActSwapMembers, {personName(m, a), personName(m, b)});
}
std::string UpdateGroup::label(const Model&) const { return fmt(Str::ActUpdateGroup, {name}); }

// [SECTION] Icebreakers

namespace {

Deck* findDeck(Model& m, const std::string& id) {
    for (Deck& d : m.decks)
        if (d.id == id) return &d;
    return nullptr;
}

ApplyResult apply(Model& m, AddDeck& a) {
    if (a.deck.id.empty() || findDeck(m, a.deck.id)) return fail(tr(Str::ErrIdTaken));
    if (auto c = checkText(Str::FieldName, a.deck.title, kMaxName, true); !c.empty()) return fail(c);
    for (std::string& q : a.deck.questions)
        if (auto c = checkText(Str::FieldQuestion, q, kMaxText, true, Str::ErrEmptyQuestion); !c.empty()) return fail(c);
    m.decks.push_back(a.deck);
    return done(RemoveDeck{a.deck.id});
}

ApplyResult apply(Model& m, RemoveDeck& a) {
    const auto it = std::find_if(m.decks.begin(), m.decks.end(), [&](const Deck& d) { return d.id == a.deck; });
    if (it == m.decks.end()) return fail(tr(Str::ErrUnknownDeck));
    AddDeck inverse{*it};
    m.decks.erase(it);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, AddQuestion& a) {
    Deck* d = findDeck(m, a.deck);
    if (!d) return fail(tr(Str::ErrUnknownDeck));
    if (auto c = checkText(Str::FieldQuestion, a.question, kMaxText, true, Str::ErrEmptyQuestion); !c.empty()) return fail(c);
    a.index = insertAt(d->questions, a.question, a.index);
    return done(RemoveQuestion{a.deck, a.index});
}

ApplyResult apply(Model& m, RemoveQuestion& a) {
    Deck* d = findDeck(m, a.deck);
    if (!d) return fail(tr(Str::ErrUnknownDeck));
    if (a.index < 0 || a.index >= static_cast<int>(d->questions.size())) return fail(tr(Str::ErrBadIndex));
    AddQuestion inverse{a.deck, d->questions[static_cast<size_t>(a.index)], a.index};
    d->questions.erase(d->questions.begin() + a.index);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, DrawCard& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const Deck* d = findDeck(m, a.deck);
    if (!d) return fail(tr(Str::ErrUnknownDeck));
    std::vector<const std::string*> left;
    for (const std::string& q : d->questions)
        if (std::find(e->icebreaker.drawn.begin(), e->icebreaker.drawn.end(), q) == e->icebreaker.drawn.end())
            left.push_back(&q);
    if (left.empty()) return fail(fmt(Str::ErrDeckEmpty, {d->title}));
    // splitmix64 of the seed: the same seed draws the same card from the same cards left.
    std::uint64_t z = a.seed + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    e->icebreaker.drawn.push_back(*left[static_cast<size_t>(z % left.size())]);
    return done(UndrawCard{a.etape});
}

ApplyResult apply(Model& m, UndrawCard& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    if (e->icebreaker.drawn.empty()) return fail(tr(Str::ErrNoCardDrawn));
    // The inverse draws the same card again: find a deck holding it and a seed that picks it is not needed — a
    // card put back is re-added by its text.
    std::string card = e->icebreaker.drawn.back();
    e->icebreaker.drawn.pop_back();
    Icebreaker restored = e->icebreaker;
    restored.drawn.push_back(std::move(card));
    return done(SetIcebreaker{a.etape, std::move(restored)});
}

ApplyResult apply(Model& m, SetIcebreaker& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    if (a.icebreaker.roundSeconds < 10 || a.icebreaker.roundSeconds > 3600) return fail(tr(Str::ErrBadRoundSeconds));
    for (MeetingRound& r : a.icebreaker.rounds) {
        if (auto c = checkText(Str::FieldQuestion, r.prompt, kMaxText, false); !c.empty()) return fail(c);
        std::vector<Id> seen;
        for (const auto& pair : r.pairs)
            for (Id p : pair) {
                if (!m.person(p)) return fail(tr(Str::ErrUnknownPerson));
                if (std::find(seen.begin(), seen.end(), p) != seen.end()) return fail(fmt(Str::ErrTwiceInRound, {m.person(p)->name}));
                seen.push_back(p);
            }
    }
    SetIcebreaker inverse{a.etape, std::exchange(e->icebreaker, a.icebreaker)};
    return done(std::move(inverse));
}

}  // namespace

std::string AddDeck::label(const Model&) const { return fmt(Str::ActAddDeck, {deck.title}); }
std::string RemoveDeck::label(const Model&) const { return fmt(Str::ActRemoveDeck, {deck}); }
std::string AddQuestion::label(const Model&) const { return fmt(Str::ActAddQuestion, {question}); }
std::string RemoveQuestion::label(const Model&) const { return tr(Str::ActRemoveQuestion); }
std::string DrawCard::label(const Model&) const { return tr(Str::ActDrawCard); }
ApplyResult apply(Model& m, MarkRoundRun& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    if (a.round < 0 || a.round >= static_cast<int>(e->icebreaker.rounds.size())) return fail(tr(Str::ErrUnknownRound));
    MeetingRound& r = e->icebreaker.rounds[static_cast<size_t>(a.round)];
    return done(MarkRoundRun{a.etape, a.round, std::exchange(r.run, a.run)});
}

std::string UndrawCard::label(const Model&) const { return tr(Str::ActUndrawCard); }
std::string MarkRoundRun::label(const Model&) const {
    return fmt(run ? Str::ActMarkRoundRun : Str::ActMarkRoundNotRun,
               {std::to_string(static_cast<long long>(round) + 1)});  // a refused round may be INT_MAX
}
std::string SetIcebreaker::label(const Model&) const {
    return fmt(Str::ActSetIcebreaker, {std::to_string(icebreaker.rounds.size())});
}

// [SECTION] Settings

namespace {

ApplyResult apply(Model& m, SetDayRate& a) {
    if (a.year < 2000 || a.year > 2100) return fail(tr(Str::ErrBadYear));
    if (a.cents && (*a.cents < 0 || *a.cents > 10'000'00)) return fail(tr(Str::ErrBadRate));
    auto& rates = m.settings.dayRates;
    const auto it = std::find_if(rates.begin(), rates.end(), [&](const DayRate& r) { return r.year == a.year; });
    SetDayRate inverse{a.year, it == rates.end() ? std::nullopt : std::optional<long>(it->cents)};
    if (it != rates.end()) rates.erase(it);
    if (a.cents) {
        rates.push_back(DayRate{a.year, *a.cents});
        std::sort(rates.begin(), rates.end(), [](const DayRate& x, const DayRate& y) { return x.year < y.year; });
    }
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, UpdateSettings& a) {
    Settings& s = a.settings;
    if (auto c = checkText(Str::FieldOrganisation, s.organisation, kMaxName, false); !c.empty()) return fail(c);
    if (auto c = checkText(Str::FieldName, s.contactName, kMaxName, false); !c.empty()) return fail(c);
    if (auto c = checkEmail(s.contactEmail); !c.empty()) return fail(c);
    if (auto c = checkText(Str::FieldPhone, s.contactPhone, kMaxShort, false); !c.empty()) return fail(c);
    UpdateSettings inverse{m.settings};
    m.settings = s;
    return done(std::move(inverse));
}

}  // namespace

std::string SetDayRate::label(const Model&) const { return fmt(Str::ActSetDayRate, {std::to_string(year)}); }
std::string UpdateSettings::label(const Model&) const { return tr(Str::ActUpdateSettings); }

// [SECTION] Idea boards

namespace {

constexpr size_t kMaxIdea = 500;
constexpr size_t kMaxGroup = 100;

/// The board `board` of étape `etape`, or null with `error` set.
Board* findBoard(Model& m, Id etape, Id board, Check& error) {
    Etape* e = findEtape(m, etape);
    if (!e) {
        error = tr(Str::ErrUnknownEtape);
        return nullptr;
    }
    const int i = indexOf(e->boards, board);
    if (i < 0) {
        error = tr(Str::ErrUnknownBoard);
        return nullptr;
    }
    return &e->boards[static_cast<size_t>(i)];
}

Idea* findIdea(Board& b, Id id) {
    const int i = indexOf(b.ideas, id);
    return i < 0 ? nullptr : &b.ideas[static_cast<size_t>(i)];
}

Check checkIdeaText(std::string& text) {
    if (!isValidUtf8(text)) return fmt(Str::ErrInvalidUtf8, {tr(Str::FieldIdea)});
    if (const auto cp = controlCharacter(text)) return fmt(Str::ErrControlChar, {tr(Str::FieldIdea), codePointName(*cp)});
    text = std::string(trim(text));
    if (text.empty()) return tr(Str::ErrIdeaEmpty);
    if (const size_t n = countCodePoints(text); n > kMaxIdea)
        return fmt(Str::ErrIdeaTooLong, {std::to_string(n), std::to_string(kMaxIdea)});
    return {};
}

/// Where an idea sits: the column exists, the cluster (if any) is in that column.
Check checkPlace(const Board& b, Id category, const std::optional<Id>& cluster) {
    if (indexOf(b.categories, category) < 0) return tr(Str::ErrUnknownCategory);
    if (cluster) {
        const int c = indexOf(b.clusters, *cluster);
        if (c < 0) return tr(Str::ErrUnknownCluster);
        if (b.clusters[static_cast<size_t>(c)].category != category) return tr(Str::ErrClusterElsewhere);
    }
    return {};
}

Check checkIdea(const Board& b, Idea& idea) {
    if (auto c = checkIdeaText(idea.text); !c.empty()) return c;
    if (auto c = checkText(Str::FieldGroup, idea.group, kMaxGroup, false); !c.empty()) return c;
    if (auto c = checkText(Str::FieldAuthor, idea.author, kMaxName, false); !c.empty()) return c;
    for (MergedIdea& part : idea.merged)
        if (auto c = checkIdeaText(part.text); !c.empty()) return c;
    return checkPlace(b, idea.category, idea.cluster);
}

Check checkBoardTitle(const Etape& e, std::string& title, Id self) {
    if (auto c = checkText(Str::FieldBoardTitle, title, kMaxName, true, Str::ErrEmptyTitle); !c.empty()) return c;
    if (const Board* same = e.boardByTitle(title); same && same->id != self) return fmt(Str::ErrDuplicateBoard, {same->title});
    return {};
}

Check checkCategoryName(const Board& b, std::string& name, Id self) {
    if (auto c = checkText(Str::FieldCategory, name, kMaxShort, true); !c.empty()) return c;
    for (const BoardCategory& other : b.categories)
        if (other.id != self && foldForSearch(other.name) == foldForSearch(name))
            return fmt(Str::ErrDuplicateCategory, {other.name});
    return {};
}

ApplyResult apply(Model& m, AddBoard& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    Board b = a.board;
    if (auto c = resolveId(m, b.id, e->boards); !c.empty()) return fail(c);
    if (auto c = checkBoardTitle(*e, b.title, b.id); !c.empty()) return fail(c);
    Id next = std::max(m.nextId, b.id + 1);
    std::vector<Id> ids{b.id};
    auto take = [&](Id& id) {
        if (id == 0) id = next;
        next = std::max(next, id + 1);
        ids.push_back(id);
    };
    Board probe = b;  // categories and clusters first, so that ideas are checked against them
    probe.categories.clear();
    for (BoardCategory& cat : b.categories) {
        take(cat.id);
        if (auto c = checkCategoryName(probe, cat.name, cat.id); !c.empty()) return fail(c);
        probe.categories.push_back(cat);
    }
    for (IdeaCluster& cl : b.clusters) {
        take(cl.id);
        if (auto c = checkText(Str::FieldCluster, cl.name, kMaxName, true); !c.empty()) return fail(c);
        if (indexOf(b.categories, cl.category) < 0) return fail(tr(Str::ErrUnknownCategory));
    }
    for (Idea& idea : b.ideas) {
        take(idea.id);
        for (MergedIdea& part : idea.merged) take(part.id);
        if (auto c = checkIdea(b, idea); !c.empty()) return fail(c);
    }
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return fail(tr(Str::ErrIdTaken));
    a.board = b;
    m.nextId = next;
    const Id id = b.id;
    a.index = insertAt(e->boards, std::move(b), a.index);
    for (const Idea& idea : e->boards[static_cast<size_t>(a.index)].ideas)
        ensureIdeaPractices(m, *e, e->boards[static_cast<size_t>(a.index)], idea);
    return done(RemoveBoard{a.etape, id});
}

ApplyResult apply(Model& m, RemoveBoard& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const int i = indexOf(e->boards, a.board);
    if (i < 0) return fail(tr(Str::ErrUnknownBoard));
    AddBoard inverse{a.etape, std::move(e->boards[static_cast<size_t>(i)]), i};
    e->boards.erase(e->boards.begin() + i);
    for (const Idea& idea : inverse.board.ideas) dropIdeaPractices(m, *e, inverse.board, idea);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, RenameBoard& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const Etape* e = findEtape(m, a.etape);
    ATELIER_ASSERT(e, "RenameBoard: findBoard found the board, so its étape exists");
    if (auto c = checkBoardTitle(*e, a.title, a.board); !c.empty()) return fail(c);
    for (Practice& p : m.practices)
        if (p.source == PracticeSource::Board && p.etape == a.etape && p.board == a.board) p.boardTitle = a.title;
    return done(RenameBoard{a.etape, a.board, std::exchange(b->title, a.title)});
}

ApplyResult apply(Model& m, AddCategory& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    BoardCategory cat = a.category;
    if (auto c = resolveId(m, cat.id, b->categories); !c.empty()) return fail(c);
    if (auto c = checkCategoryName(*b, cat.name, cat.id); !c.empty()) return fail(c);
    a.category = cat;
    reserveId(m, cat.id);
    a.index = insertAt(b->categories, cat, a.index);
    return done(RemoveCategory{a.etape, a.board, cat.id});
}

ApplyResult apply(Model& m, RemoveCategory& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int i = indexOf(b->categories, a.category);
    if (i < 0) return fail(tr(Str::ErrUnknownCategory));
    const BoardCategory& cat = b->categories[static_cast<size_t>(i)];
    const auto ideas = std::count_if(b->ideas.begin(), b->ideas.end(), [&](const Idea& x) { return x.category == cat.id; });
    const auto clusters =
        std::count_if(b->clusters.begin(), b->clusters.end(), [&](const IdeaCluster& x) { return x.category == cat.id; });
    if (ideas > 0 || clusters > 0)
        return fail(fmt(Str::ErrCategoryNotEmpty, {cat.name, std::to_string(ideas), std::to_string(clusters)}));
    AddCategory inverse{a.etape, a.board, cat, i};
    b->categories.erase(b->categories.begin() + i);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, RenameCategory& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int i = indexOf(b->categories, a.category);
    if (i < 0) return fail(tr(Str::ErrUnknownCategory));
    if (auto c = checkCategoryName(*b, a.name, a.category); !c.empty()) return fail(c);
    return done(RenameCategory{a.etape, a.board, a.category, std::exchange(b->categories[static_cast<size_t>(i)].name, a.name)});
}

ApplyResult apply(Model& m, AddIdea& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    Idea idea = a.idea;
    const bool fresh = idea.id == 0;
    if (auto c = resolveId(m, idea.id, b->ideas); !c.empty()) return fail(c);
    if (auto c = checkIdea(*b, idea); !c.empty()) return fail(c);
    if (fresh && b->hideNew) idea.hidden = true;
    a.idea = idea;
    reserveId(m, idea.id);
    for (const MergedIdea& part : idea.merged) reserveId(m, part.id);
    const Id id = idea.id;
    a.index = insertAt(b->ideas, std::move(idea), a.index);
    ensureIdeaPractices(m, *findEtape(m, a.etape), *b, b->ideas[static_cast<size_t>(a.index)]);
    return done(RemoveIdea{a.etape, a.board, id});
}

ApplyResult apply(Model& m, RemoveIdea& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int i = indexOf(b->ideas, a.idea);
    if (i < 0) return fail(tr(Str::ErrUnknownIdea));
    AddIdea inverse{a.etape, a.board, std::move(b->ideas[static_cast<size_t>(i)]), i};
    b->ideas.erase(b->ideas.begin() + i);
    dropIdeaPractices(m, *findEtape(m, a.etape), *b, inverse.idea);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, EditIdea& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    Idea* idea = findIdea(*b, a.idea);
    if (!idea) return fail(tr(Str::ErrUnknownIdea));
    Idea changed = *idea;
    changed.text = a.text;
    changed.group = a.group;
    changed.author = a.author;
    if (auto c = checkIdea(*b, changed); !c.empty()) return fail(c);
    a.text = changed.text;
    a.group = changed.group;
    a.author = changed.author;
    EditIdea inverse{a.etape, a.board, a.idea, idea->text, idea->group, idea->author};
    *idea = std::move(changed);
    followTitle(m, a.idea, idea->text);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, MoveIdea& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int from = indexOf(b->ideas, a.idea);
    if (from < 0) return fail(tr(Str::ErrUnknownIdea));
    if (auto c = checkPlace(*b, a.category, a.cluster); !c.empty()) return fail(c);
    const int last = static_cast<int>(b->ideas.size()) - 1;
    if (a.index < -1 || a.index > last) return fail(tr(Str::ErrBadIndex));
    const int to = a.index < 0 ? last : a.index;
    Idea idea = std::move(b->ideas[static_cast<size_t>(from)]);
    MoveIdea inverse{a.etape, a.board, a.idea, idea.category, idea.cluster, from};
    idea.category = a.category;
    idea.cluster = a.cluster;
    b->ideas.erase(b->ideas.begin() + from);
    b->ideas.insert(b->ideas.begin() + to, std::move(idea));
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, AddCluster& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    IdeaCluster cl = a.cluster;
    if (auto c = resolveId(m, cl.id, b->clusters); !c.empty()) return fail(c);
    if (auto c = checkText(Str::FieldCluster, cl.name, kMaxName, true); !c.empty()) return fail(c);
    if (indexOf(b->categories, cl.category) < 0) return fail(tr(Str::ErrUnknownCategory));
    for (Id member : a.members) {
        const Idea* idea = findIdea(*b, member);
        if (!idea) return fail(tr(Str::ErrUnknownIdea));
        if (idea->category != cl.category || idea->cluster) return fail(tr(Str::ErrClusterElsewhere));
    }
    a.cluster = cl;
    reserveId(m, cl.id);
    for (Id member : a.members) {
        Idea* idea = findIdea(*b, member);
        ATELIER_ASSERT(idea, "AddCluster: every member was found above");
        idea->cluster = cl.id;
    }
    a.index = insertAt(b->clusters, cl, a.index);
    return done(RemoveCluster{a.etape, a.board, cl.id});
}

ApplyResult apply(Model& m, RemoveCluster& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int i = indexOf(b->clusters, a.cluster);
    if (i < 0) return fail(tr(Str::ErrUnknownCluster));
    AddCluster inverse{a.etape, a.board, b->clusters[static_cast<size_t>(i)], i, {}};
    for (Idea& idea : b->ideas)
        if (idea.cluster == a.cluster) {
            inverse.members.push_back(idea.id);
            idea.cluster.reset();
        }
    b->clusters.erase(b->clusters.begin() + i);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, RenameCluster& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    const int i = indexOf(b->clusters, a.cluster);
    if (i < 0) return fail(tr(Str::ErrUnknownCluster));
    if (auto c = checkText(Str::FieldCluster, a.name, kMaxName, true); !c.empty()) return fail(c);
    return done(RenameCluster{a.etape, a.board, a.cluster, std::exchange(b->clusters[static_cast<size_t>(i)].name, a.name)});
}

ApplyResult apply(Model& m, MergeIdeas& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    if (a.into == a.from) return fail(tr(Str::ErrMergeSelf));
    const int from = indexOf(b->ideas, a.from);
    Idea* into = findIdea(*b, a.into);
    if (from < 0 || !into) return fail(tr(Str::ErrUnknownIdea));
    // The absorbed idea's text, then what it had itself absorbed: every text stays.
    Idea absorbed = b->ideas[static_cast<size_t>(from)];
    into->merged.push_back(MergedIdea{absorbed.id, absorbed.text, absorbed.group, absorbed.author, absorbed.practice});
    into->merged.insert(into->merged.end(), absorbed.merged.begin(), absorbed.merged.end());
    SplitIdea inverse{a.etape, a.board, a.into, std::move(absorbed), from};
    b->ideas.erase(b->ideas.begin() + from);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, SplitIdea& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    Idea* into = findIdea(*b, a.into);
    if (!into) return fail(tr(Str::ErrUnknownIdea));
    // `into` ends with the split idea and what it had absorbed, in that order.
    const size_t parts = 1 + a.idea.merged.size();
    if (into->merged.size() < parts) return fail(tr(Str::ErrNotMerged));
    const size_t start = into->merged.size() - parts;
    if (into->merged[start].id != a.idea.id) return fail(tr(Str::ErrNotMerged));
    for (size_t k = 1; k < parts; ++k)
        if (into->merged[start + k].id != a.idea.merged[k - 1].id) return fail(tr(Str::ErrNotMerged));
    if (indexOf(b->ideas, a.idea.id) >= 0) return fail(tr(Str::ErrIdTaken));
    Idea restored = a.idea;
    if (auto c = checkIdea(*b, restored); !c.empty()) return fail(c);
    if (a.index < -1 || a.index > static_cast<int>(b->ideas.size())) return fail(tr(Str::ErrBadIndex));
    into->merged.resize(start);
    const Id intoId = a.into, fromId = restored.id;
    const int at = insertAt(b->ideas, std::move(restored), a.index);
    ensureIdeaPractices(m, *findEtape(m, a.etape), *b, b->ideas[static_cast<size_t>(at)]);
    return done(MergeIdeas{a.etape, a.board, intoId, fromId});
}

ApplyResult apply(Model& m, SetPractice& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    Idea* idea = findIdea(*b, a.idea);
    if (!idea) return fail(tr(Str::ErrUnknownIdea));
    SetPractice inverse{a.etape, a.board, a.idea, std::exchange(idea->practice, a.practice)};
    const Etape& e = *findEtape(m, a.etape);
    const Practice fresh = practiceFromIdea(e, *b, idea->id, idea->text);
    if (a.practice) ensurePractice(m, fresh);
    else dropPristinePractice(m, fresh);
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, SetBoardHidden& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    return done(SetBoardHidden{a.etape, a.board, std::exchange(b->hideNew, a.hideNew)});
}

ApplyResult apply(Model& m, RevealIdeas& a) {
    Check error;
    Board* b = findBoard(m, a.etape, a.board, error);
    if (!b) return fail(error);
    for (Id id : a.ideas)
        if (!findIdea(*b, id)) return fail(tr(Str::ErrUnknownIdea));
    RevealIdeas inverse{a.etape, a.board, {}, !a.reveal};
    for (Id id : a.ideas) {
        Idea* idea = findIdea(*b, id);
        ATELIER_ASSERT(idea, "RevealIdeas: every idea was found above");
        if (idea->hidden != a.reveal) continue;  // already as asked
        idea->hidden = !a.reveal;
        inverse.ideas.push_back(id);
    }
    return done(std::move(inverse));
}

}  // namespace

std::string AddBoard::label(const Model&) const { return fmt(Str::ActAddBoard, {board.title}); }
std::string RemoveBoard::label(const Model& m) const {
    return fmt(Str::ActRemoveBoard, {boardTitle(m, etape, board)});
}
std::string RenameBoard::label(const Model&) const { return fmt(Str::ActRenameBoard, {title}); }
std::string AddCategory::label(const Model&) const { return fmt(Str::ActAddCategory, {category.name}); }
std::string RemoveCategory::label(const Model& m) const {
    return fmt(Str::ActRemoveCategory, {categoryName(m, etape, board, category)});
}
std::string RenameCategory::label(const Model&) const { return fmt(Str::ActRenameCategory, {name}); }
std::string AddIdea::label(const Model&) const { return fmt(Str::ActAddIdea, {ideaExcerpt(idea.text)}); }
std::string RemoveIdea::label(const Model& m) const {
    return fmt(Str::ActRemoveIdea, {ideaText(m, etape, board, idea)});
}
std::string EditIdea::label(const Model&) const { return fmt(Str::ActEditIdea, {ideaExcerpt(text)}); }
std::string MoveIdea::label(const Model& m) const {
    if (cluster) return fmt(Str::ActMoveIdeaCluster, {clusterName(m, etape, board, *cluster)});
    return fmt(Str::ActMoveIdea, {categoryName(m, etape, board, category)});
}
std::string AddCluster::label(const Model&) const { return fmt(Str::ActAddCluster, {cluster.name}); }
std::string RemoveCluster::label(const Model& m) const {
    return fmt(Str::ActRemoveCluster, {clusterName(m, etape, board, cluster)});
}
std::string RenameCluster::label(const Model&) const { return fmt(Str::ActRenameCluster, {name}); }
std::string MergeIdeas::label(const Model& m) const {
    return fmt(Str::ActMergeIdeas, {ideaText(m, etape, board, into)});
}
std::string SplitIdea::label(const Model&) const { return fmt(Str::ActSplitIdea, {ideaExcerpt(idea.text)}); }
std::string SetPractice::label(const Model& m) const {
    return fmt(practice ? Str::ActMarkPractice : Str::ActUnmarkPractice, {ideaText(m, etape, board, idea)});
}
std::string SetBoardHidden::label(const Model& m) const {
    return fmt(hideNew ? Str::ActHideNew : Str::ActShowNew, {boardTitle(m, etape, board)});
}
std::string RevealIdeas::label(const Model&) const {
    return fmt(reveal ? Str::ActRevealIdeas : Str::ActHideIdeas, {std::to_string(ideas.size())});
}

// [SECTION] Actions-phares

namespace {

ApplyResult apply(Model& m, AddActionPhare& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    ApplyResult result = addToList(m, e->actionsPhares, a.actionPhare, a.index, checkActionPhare,
                                   [&](Id id) { return RemoveActionPhare{a.etape, id}; });
    if (result) ensurePractice(m, practiceFromActionPhare(*e, e->actionsPhares[static_cast<size_t>(a.index)]));
    return result;
}

ApplyResult apply(Model& m, RemoveActionPhare& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    ApplyResult result = removeFromList(e->actionsPhares, a.actionPhare, Str::ErrUnknownActionPhare,
                                        [&](ActionPhare ap, int i) { return AddActionPhare{a.etape, std::move(ap), i}; });
    if (result) dropPristinePractice(m, practiceFromActionPhare(*e, std::get<AddActionPhare>(result.inverse).actionPhare));
    return result;
}

ApplyResult apply(Model& m, UpdateActionPhare& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    const int i = indexOf(e->actionsPhares, a.actionPhare.id);
    if (i < 0) return fail(tr(Str::ErrUnknownActionPhare));
    if (auto c = checkActionPhare(a.actionPhare); !c.empty()) return fail(c);
    UpdateActionPhare inverse{a.etape, std::exchange(e->actionsPhares[static_cast<size_t>(i)], a.actionPhare)};
    followTitle(m, a.actionPhare.id, a.actionPhare.title);
    return done(std::move(inverse));
}

std::string actionPhareTitle(const Model& m, Id etape, Id id) {
    if (const Etape* e = m.etape(etape))
        if (const int i = indexOf(e->actionsPhares, id); i >= 0) return e->actionsPhares[static_cast<size_t>(i)].title;
    return "?";
}

}  // namespace

std::string AddActionPhare::label(const Model&) const { return fmt(Str::ActAddActionPhare, {actionPhare.title}); }
std::string RemoveActionPhare::label(const Model& m) const {
    return fmt(Str::ActRemoveActionPhare, {actionPhareTitle(m, etape, actionPhare)});
}
std::string UpdateActionPhare::label(const Model&) const { return fmt(Str::ActUpdateActionPhare, {actionPhare.title}); }

// [SECTION] Library of practices

namespace {

constexpr size_t kMaxThemes = 20;

Practice* findPractice(Model& m, Id id) {
    const int i = indexOf(m.practices, id);
    return i < 0 ? nullptr : &m.practices[static_cast<size_t>(i)];
}

std::string practiceTitle(const Model& m, Id id) {
    const Practice* p = m.practice(id);
    return p ? excerpt(p->title, 40) : "?";
}

std::string territoryName(const Model& m, Id id) {
    const Territory* t = m.territory(id);
    return t ? t->name : "?";
}

Check checkThemes(std::vector<std::string>& themes) {
    if (themes.size() > kMaxThemes) return fmt(Str::ErrTooManyThemes, {std::to_string(kMaxThemes)});
    for (size_t i = 0; i < themes.size(); ++i) {
        if (auto c = checkText(Str::FieldTheme, themes[i], kMaxShort, true, Str::ErrEmptyTheme); !c.empty()) return c;
        for (size_t j = 0; j < i; ++j)
            if (foldForSearch(themes[j]) == foldForSearch(themes[i])) return fmt(Str::ErrDuplicateTheme, {themes[i]});
    }
    return {};
}

ApplyResult apply(Model& m, UpdatePractice& a) {
    Practice* p = findPractice(m, a.practice);
    if (!p) return fail(tr(Str::ErrUnknownPractice));
    if (auto c = checkText(Str::FieldPracticeTitle, a.title, kMaxText, true, Str::ErrEmptyPracticeTitle); !c.empty())
        return fail(c);
    if (auto c = checkText(Str::FieldDescription, a.description, kMaxDescription, false); !c.empty()) return fail(c);
    if (auto c = checkThemes(a.themes); !c.empty()) return fail(c);
    if (a.cite && !m.territory(*a.cite)) return fail(tr(Str::ErrUnknownTerritory));
    UpdatePractice inverse{a.practice, p->title, p->ownTitle, p->description, p->themes, p->cite};
    p->title = a.title;
    p->ownTitle = a.ownTitle;
    p->description = a.description;
    p->themes = a.themes;
    p->cite = a.cite;
    return done(std::move(inverse));
}

ApplyResult apply(Model& m, SetPracticeInterest& a) {
    Practice* p = findPractice(m, a.practice);
    if (!p) return fail(tr(Str::ErrUnknownPractice));
    if (a.interested && !m.territory(a.territory)) return fail(tr(Str::ErrUnknownTerritory));
    auto& list = p->interested;  // kept in id order: undo puts a Cité back where it was
    const auto it = std::lower_bound(list.begin(), list.end(), a.territory);
    const bool was = it != list.end() && *it == a.territory;
    if (a.interested && !was) list.insert(it, a.territory);
    if (!a.interested && was) list.erase(it);
    return done(SetPracticeInterest{a.practice, a.territory, was});
}

ApplyResult apply(Model& m, AddFollowUp& a) {
    Practice* p = findPractice(m, a.practice);
    if (!p) return fail(tr(Str::ErrUnknownPractice));
    FollowUp f = a.followUp;
    if (f.territory == 0) return fail(tr(Str::ErrFollowUpNeedsCite));
    if (!m.territory(f.territory)) return fail(tr(Str::ErrUnknownTerritory));
    if (!isValid(f.date)) return fail(fmt(Str::ErrBadDate, {toIso(f.date)}));
    if (auto c = checkText(Str::FieldNote, f.note, kMaxText, false); !c.empty()) return fail(c);
    a.followUp = f;
    a.index = insertAt(p->followUps, std::move(f), a.index);
    return done(RemoveFollowUp{a.practice, a.index});
}

ApplyResult apply(Model& m, RemoveFollowUp& a) {
    Practice* p = findPractice(m, a.practice);
    if (!p) return fail(tr(Str::ErrUnknownPractice));
    if (a.index < 0 || a.index >= static_cast<int>(p->followUps.size())) return fail(tr(Str::ErrUnknownFollowUp));
    AddFollowUp inverse{a.practice, p->followUps[static_cast<size_t>(a.index)], a.index};
    p->followUps.erase(p->followUps.begin() + a.index);
    return done(std::move(inverse));
}

}  // namespace

std::string UpdatePractice::label(const Model&) const { return fmt(Str::ActUpdatePractice, {excerpt(title, 40)}); }
std::string SetPracticeInterest::label(const Model& m) const {
    return fmt(interested ? Str::ActAddInterest : Str::ActRemoveInterest,
               {territoryName(m, territory), practiceTitle(m, practice)});
}
std::string AddFollowUp::label(const Model& m) const {
    return fmt(Str::ActAddFollowUp,
               {practiceTitle(m, practice), enumLabel(followUp.status), territoryName(m, followUp.territory)});
}
std::string RemoveFollowUp::label(const Model& m) const {
    return fmt(Str::ActRemoveFollowUp, {practiceTitle(m, practice)});
}

// [SECTION] Evaluation

namespace {

constexpr size_t kMaxGrades = 10;

std::string joinScale(const std::vector<std::string>& scale) {
    std::string out;
    for (const std::string& g : scale) out += (out.empty() ? "" : ", ") + g;
    return out;
}

Check checkScale(std::vector<std::string>& grades) {
    if (grades.empty()) return {};
    if (grades.size() < 2 || grades.size() > kMaxGrades) return tr(Str::ErrBadEvalScale);
    for (size_t i = 0; i < grades.size(); ++i) {
        if (auto c = checkText(Str::FieldGrade, grades[i], kMaxName, false); !c.empty()) return c;
        if (grades[i].empty()) return tr(Str::ErrBadEvalScale);
        for (size_t j = 0; j < i; ++j)
            if (grades[j] == grades[i]) return tr(Str::ErrBadEvalScale);
    }
    return {};
}

ApplyResult apply(Model& m, SetEvaluation& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    std::vector<EvaluationQuestion> questions = a.questions;
    Id next = m.nextId;
    std::vector<Id> ids;
    for (EvaluationQuestion& q : questions) {
        if (q.id == 0) q.id = next;
        next = std::max(next, q.id + 1);
        ids.push_back(q.id);
        if (auto c = checkText(Str::FieldEvalQuestion, q.text, kMaxText, true, Str::ErrEmptyEvalQuestion); !c.empty())
            return fail(c);
    }
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return fail(tr(Str::ErrIdTaken));
    std::vector<std::string> grades = a.grades;
    if (auto c = checkScale(grades); !c.empty()) return fail(c);
    // A question answered keeps its id and kind; grades given stay on the scale.
    const Evaluation& old = e->evaluation;
    for (const EvaluationQuestion& q : old.questions) {
        const long long n = respondentsTo(old, q.id);
        if (n == 0) continue;
        const auto same = std::find_if(questions.begin(), questions.end(), [&](const EvaluationQuestion& x) {
            return x.id == q.id && x.kind == q.kind;
        });
        if (same == questions.end()) return fail(fmt(Str::ErrEvalQuestionAnswered, {q.text, std::to_string(n)}));
        if (q.kind == QuestionKind::Grade && old.scale().size() != (grades.empty() ? defaultGradeScale() : grades).size())
            return fail(tr(Str::ErrEvalScaleAnswered));
    }
    a.questions = questions;
    a.grades = grades;
    m.nextId = next;
    SetEvaluation inverse{a.etape, std::exchange(e->evaluation.questions, std::move(questions)),
                          std::exchange(e->evaluation.grades, std::move(grades))};
    return done(std::move(inverse));
}

Check checkResponse(const Model& m, const Etape& e, const EvaluationResponse& r) {
    const Evaluation& ev = e.evaluation;
    if (ev.questions.empty()) return fmt(Str::ErrNoEvaluation, {std::to_string(e.header.number)});
    if (r.count < 1 || r.count > kMaxBallotCount) return fmt(Str::ErrEvalBadCount, {std::to_string(kMaxBallotCount)});
    if (r.territory && !m.territory(*r.territory)) return tr(Str::ErrUnknownTerritory);
    if (r.answers.empty()) return tr(Str::ErrEvalEmptyResponse);
    const auto scale = ev.scale();
    for (size_t i = 0; i < r.answers.size(); ++i) {
        const EvaluationAnswer& a = r.answers[i];
        const EvaluationQuestion* q = ev.question(a.question);
        if (!q) return tr(Str::ErrUnknownEvalQuestion);
        for (size_t j = 0; j < i; ++j)
            if (r.answers[j].question == a.question) return fmt(Str::ErrEvalAnsweredTwice, {q->text});
        switch (q->kind) {
        case QuestionKind::Grade:
            if (a.grade < 0 || a.grade >= static_cast<int>(scale.size()) || !a.text.empty() || !a.practices.empty())
                return fmt(Str::ErrEvalBadGrade, {q->text, joinScale(scale)});
            break;
        case QuestionKind::Sentence:
        case QuestionKind::Themes:
            if (a.grade != -1 || !a.practices.empty()) return fmt(Str::ErrEvalNeedsText, {q->text});
            break;
        case QuestionKind::Practices:
            if (a.grade != -1 || !a.text.empty() || a.practices.empty())
                return fmt(Str::ErrEvalNeedsPractices, {q->text});
            for (size_t k = 0; k < a.practices.size(); ++k) {
                const Practice* p = m.practice(a.practices[k]);
                if (!p || p->etape != e.id) return fmt(Str::ErrEvalNotPracticeOfDay, {std::to_string(e.header.number)});
                for (size_t l = 0; l < k; ++l)
                    if (a.practices[l] == a.practices[k]) return fmt(Str::ErrEvalNeedsPractices, {q->text});
            }
            break;
        }
    }
    return {};
}

ApplyResult apply(Model& m, AddEvaluationResponse& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    for (EvaluationAnswer& answer : a.response.answers) {
        const EvaluationQuestion* q = e->evaluation.question(answer.question);
        if (!q || (q->kind != QuestionKind::Sentence && q->kind != QuestionKind::Themes)) continue;
        const Str field = Str::FieldAnswer;
        if (auto c = checkText(field, answer.text, kMaxText, true, Str::ErrEvalEmptyResponse); !c.empty()) {
            if (answer.text.empty()) return fail(fmt(Str::ErrEvalNeedsText, {q->text}));
            return fail(c);
        }
    }
    return addToList(
        m, e->evaluation.responses, a.response, a.index,
        [&](const EvaluationResponse& r) { return checkResponse(m, *e, r); },
        [&](Id id) { return RemoveEvaluationResponse{a.etape, id}; });
}

ApplyResult apply(Model& m, RemoveEvaluationResponse& a) {
    Etape* e = findEtape(m, a.etape);
    if (!e) return fail(tr(Str::ErrUnknownEtape));
    return removeFromList(e->evaluation.responses, a.response, Str::ErrUnknownResponse,
                          [&](EvaluationResponse r, int i) { return AddEvaluationResponse{a.etape, std::move(r), i}; });
}

}  // namespace

std::string SetEvaluation::label(const Model& m) const { return fmt(Str::ActSetEvaluation, {etapeNumber(m, etape)}); }
std::string AddEvaluationResponse::label(const Model& m) const {
    return fmt(Str::ActAddEvaluationResponse, {std::to_string(response.count), etapeNumber(m, etape)});
}
std::string RemoveEvaluationResponse::label(const Model& m) const {
    return fmt(Str::ActRemoveEvaluationResponse, {etapeNumber(m, etape)});
}

// [SECTION] Personal data

namespace {
ApplyResult apply(Model& m, ErasePerson& a) {
    const Person* p = m.person(a.person);
    if (!p) return fail(tr(Str::ErrUnknownPerson));
    const ErasureTarget target = erasureTarget(*p);
    if (!target.empty()) eraseFromModel(m, target);
    else erasePersonRecord(m.people[static_cast<size_t>(indexOf(m.people, a.person))], target);  // erased already
    return done(ErasePerson{a.person});  // nothing to give back: erasure is not undone
}
}  // namespace

std::string ErasePerson::label(const Model&) const { return fmt(Str::ActErasePerson, {std::to_string(person)}); }

// [SECTION] Dispatch

const char* actionName(const Action& action) {
    return std::visit([](const auto& a) { return std::decay_t<decltype(a)>::kName; }, action);
}

ApplyResult applyAction(Model& model, Action& action) {
    return std::visit([&](auto& a) { return apply(model, a); }, action);
}

std::string describe(const Action& action, const Model& m) {
    return std::visit([&](const auto& a) { return a.label(m); }, action);
}

}  // namespace atelier
