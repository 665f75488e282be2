// cereal serialisation of the model and of every action: the journal (SQLite) and the étape archive both use it.
// Every type carries a class version (CEREAL_CLASS_VERSION below): when a type changes, bump its version and
// keep reading the old one in its serialize function. Actions are written from their own `fields` (actions.h) by
// one template. Enumerations are stored as their stable keys (enums.h),
// dates as ISO strings, so that a JSON archive reads well and survives reordering an enum.
#pragma once

#include <charconv>
#include <stdexcept>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/vector.hpp>

#include "core/actions.h"
#include "core/enums.h"
#include "core/model.h"

namespace atelier {

// [SECTION] Leaves: enumerations and dates

/// Wraps an enumeration so that cereal stores its key ("a-verifier") rather than its number.
template <class E>
struct EnumAsKey {
    E& value;
};
template <class E>
EnumAsKey<E> asKey(E& value) { return EnumAsKey<E>{value}; }

template <class Archive, class E>
std::string save_minimal(const Archive&, const EnumAsKey<E>& wrapped) {
    return std::string(enumKey(wrapped.value));
}
template <class Archive, class E>
void load_minimal(const Archive&, EnumAsKey<E>& wrapped, const std::string& key) {
    const auto value = enumFromKey<E>(key);
    if (!value) throw cereal::Exception("valeur inconnue «\u00a0" + key + "\u00a0»");
    wrapped.value = *value;
}

template <class Archive>
std::string save_minimal(const Archive&, const Date& date) { return toIso(date); }
template <class Archive>
void load_minimal(const Archive&, Date& date, const std::string& iso) {
    const auto parsed = parseIso(iso);
    if (!parsed) throw cereal::Exception("date invalide «\u00a0" + iso + "\u00a0»");
    date = *parsed;
}

/// A count held in a `long long` (ballots, dots, scores), written as a whole number between quotes ("count": "4")
/// on every platform. cereal writes a `long long` so only where it is not `std::int64_t` (Linux, where every journal
/// and archive was written); where it is (Windows), cereal would write a bare number and refuse the quoted ones.
/// `T` is `long long&` for a field read and written in place (`const long long&` when only written), `long long` for
/// the elements of a converted list.
template <class T>
struct CountText {
    T value;
};
template <class T>
CountText<T&> asCount(T& value) { return CountText<T&>{value}; }

// Binary archives (snapshots) keep the number itself, 8 bytes as before.
template <class Archive, class T>
auto save_minimal(const Archive&, const CountText<T>& count) {
    if constexpr (cereal::traits::is_text_archive<Archive>::value) return std::to_string(count.value);
    else return static_cast<long long>(count.value);
}
template <class Archive, class T>
    requires cereal::traits::is_text_archive<Archive>::value
void load_minimal(const Archive&, CountText<T>& count, const std::string& text) {
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    // The exceptions std::stoll threw when cereal read these (the archive's messages name the field from them).
    if (error == std::errc::result_out_of_range) throw std::out_of_range("nombre trop grand «\u00a0" + text + "\u00a0»");
    if (error != std::errc{} || at != end || text.empty())
        throw std::invalid_argument("nombre invalide «\u00a0" + text + "\u00a0»");
    count.value = value;
}
template <class Archive, class T>
    requires(!cereal::traits::is_text_archive<Archive>::value)
void load_minimal(const Archive&, CountText<T>& count, const long long& value) {
    count.value = value;
}

/// A list of counts (an archived result's scores), or of (option, count) pairs (a ballot's dots), to and from their
/// quoted form.
using CountTexts = std::vector<CountText<long long>>;
using OptionCountTexts = std::vector<std::pair<int, CountText<long long>>>;
inline CountTexts countsAsText(const std::vector<long long>& in) {
    CountTexts out;
    out.reserve(in.size());
    for (const long long count : in) out.push_back({count});
    return out;
}
inline std::vector<long long> countsFromText(const CountTexts& in) {
    std::vector<long long> out;
    out.reserve(in.size());
    for (const auto& count : in) out.push_back(count.value);
    return out;
}
inline OptionCountTexts countsAsText(const std::vector<std::pair<int, long long>>& in) {
    OptionCountTexts out;
    out.reserve(in.size());
    for (const auto& [option, count] : in) out.push_back({option, {count}});
    return out;
}
inline std::vector<std::pair<int, long long>> countsFromText(const OptionCountTexts& in) {
    std::vector<std::pair<int, long long>> out;
    out.reserve(in.size());
    for (const auto& [option, count] : in) out.push_back({option, count.value});
    return out;
}

// [SECTION] Model

template <class Archive>
void serialize(Archive& ar, Territory& t, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", t.id), cereal::make_nvp("name", t.name), cereal::make_nvp("department", t.department),
       cereal::make_nvp("membership", asKey(t.membership)), cereal::make_nvp("cite", t.cite));
}
template <class Archive>
void serialize(Archive& ar, Person& p, std::uint32_t version) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name), cereal::make_nvp("email", p.email),
       cereal::make_nvp("territory", p.territory), cereal::make_nvp("institution", asKey(p.institution)),
       cereal::make_nvp("role", asKey(p.role)));
    // v1: no structure nor function (they stay empty)
    if (version >= 2) ar(cereal::make_nvp("structure", p.structure), cereal::make_nvp("function", p.function));
}
template <class Archive>
void serialize(Archive& ar, ProgrammeItem& i, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("start", i.start), cereal::make_nvp("duration", i.duration),
       cereal::make_nvp("title", i.title), cereal::make_nvp("kind", asKey(i.kind)));
}
template <class Archive>
void serialize(Archive& ar, EtapeHeader& h, std::uint32_t version) {
    ar(cereal::make_nvp("number", h.number), cereal::make_nvp("date", h.date), cereal::make_nvp("host", h.host),
       cereal::make_nvp("theme", h.theme), cereal::make_nvp("venue", h.venue),
       cereal::make_nvp("kind", asKey(h.kind)), cereal::make_nvp("status", asKey(h.status)));
    if (version >= 2) ar(cereal::make_nvp("days", h.days));  // v1: one-day étapes only
}
template <class Archive>
void serialize(Archive& ar, Registration& r, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", r.id), cereal::make_nvp("person", r.person), cereal::make_nvp("days", r.days),
       cereal::make_nvp("present", r.present), cereal::make_nvp("walkIn", r.walkIn));
}
template <class Archive>
void save(Archive& ar, const Ballot& b, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("count", asCount(b.count)), cereal::make_nvp("ranking", b.ranking),
       cereal::make_nvp("approvals", b.approvals), cereal::make_nvp("dots", countsAsText(b.dots)),
       cereal::make_nvp("grades", b.grades));
}
template <class Archive>
void load(Archive& ar, Ballot& b, std::uint32_t /*version*/) {
    OptionCountTexts dots;
    ar(cereal::make_nvp("count", asCount(b.count)), cereal::make_nvp("ranking", b.ranking),
       cereal::make_nvp("approvals", b.approvals), cereal::make_nvp("dots", dots),
       cereal::make_nvp("grades", b.grades));
    b.dots = countsFromText(dots);
}
template <class Archive>
void serialize(Archive& ar, StoredBallot& b, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", b.id), cereal::make_nvp("ballot", b.ballot));
}
template <class Archive>
void serialize(Archive& ar, VoteSetup& v, std::uint32_t version) {
    ar(cereal::make_nvp("question", v.question), cereal::make_nvp("method", asKey(v.method)),
       cereal::make_nvp("options", v.options), cereal::make_nvp("grades", v.grades),
       cereal::make_nvp("dotsPerVoter", asCount(v.dotsPerVoter)),
       cereal::make_nvp("maxDotsPerOption", asCount(v.maxDotsPerOption)),
       cereal::make_nvp("open", v.open), cereal::make_nvp("hideResults", v.hideResults));
    if (version >= 2) ar(cereal::make_nvp("perPerson", v.perPerson));  // v1: one ballot per phone
}
template <class Archive>
void serialize(Archive& ar, Vote& v, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", v.id), cereal::make_nvp("setup", v.setup), cereal::make_nvp("ballots", v.ballots));
}
template <class Archive>
void serialize(Archive& ar, Group& g, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("name", g.name), cereal::make_nvp("question", g.question), cereal::make_nvp("room", g.room),
       cereal::make_nvp("members", g.members));
}
template <class Archive>
void serialize(Archive& ar, GroupRound& r, std::uint32_t /*version*/) { ar(cereal::make_nvp("groups", r.groups)); }
template <class Archive>
void save(Archive& ar, const GroupPlan& p, std::uint32_t /*version*/) {
    std::vector<int> locked(p.locked.begin(), p.locked.end());  // vector<bool> has no references to hand out
    ar(cereal::make_nvp("seed", p.seed), cereal::make_nvp("rounds", p.rounds), cereal::make_nvp("locked", locked));
}
template <class Archive>
void load(Archive& ar, GroupPlan& p, std::uint32_t /*version*/) {
    std::vector<int> locked;
    ar(cereal::make_nvp("seed", p.seed), cereal::make_nvp("rounds", p.rounds), cereal::make_nvp("locked", locked));
    p.locked.assign(locked.begin(), locked.end());
}
template <class Archive>
void serialize(Archive& ar, Deck& d, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", d.id), cereal::make_nvp("title", d.title), cereal::make_nvp("questions", d.questions));
}
template <class Archive>
void serialize(Archive& ar, MeetingRound& r, std::uint32_t version) {
    ar(cereal::make_nvp("pairs", r.pairs), cereal::make_nvp("prompt", r.prompt));
    // v1: no mark; what was recorded then is taken as run (its summaries listed every round)
    if (version >= 2) ar(cereal::make_nvp("run", r.run));
    else r.run = true;
}
template <class Archive>
void serialize(Archive& ar, Icebreaker& i, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("seed", i.seed), cereal::make_nvp("roundSeconds", i.roundSeconds),
       cereal::make_nvp("rounds", i.rounds), cereal::make_nvp("drawn", i.drawn));
}
template <class Archive>
void serialize(Archive& ar, BoardCategory& c, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", c.id), cereal::make_nvp("name", c.name));
}
template <class Archive>
void serialize(Archive& ar, IdeaCluster& c, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", c.id), cereal::make_nvp("name", c.name), cereal::make_nvp("category", c.category));
}
template <class Archive>
void serialize(Archive& ar, MergedIdea& i, std::uint32_t version) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("text", i.text), cereal::make_nvp("group", i.group),
       cereal::make_nvp("author", i.author));
    if (version >= 2) ar(cereal::make_nvp("practice", i.practice));  // v1: the absorbed idea's flag was not kept
}
template <class Archive>
void serialize(Archive& ar, Idea& i, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("text", i.text), cereal::make_nvp("group", i.group),
       cereal::make_nvp("author", i.author), cereal::make_nvp("category", i.category),
       cereal::make_nvp("cluster", i.cluster), cereal::make_nvp("time", i.time),
       cereal::make_nvp("entry", asKey(i.entry)), cereal::make_nvp("hidden", i.hidden),
       cereal::make_nvp("practice", i.practice), cereal::make_nvp("merged", i.merged));
}
template <class Archive>
void serialize(Archive& ar, Board& b, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", b.id), cereal::make_nvp("title", b.title), cereal::make_nvp("categories", b.categories),
       cereal::make_nvp("clusters", b.clusters), cereal::make_nvp("ideas", b.ideas),
       cereal::make_nvp("hideNew", b.hideNew));
}
template <class Archive>
void serialize(Archive& ar, ActionPhare& a, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", a.id), cereal::make_nvp("title", a.title), cereal::make_nvp("description", a.description),
       cereal::make_nvp("partners", a.partners), cereal::make_nvp("contact", a.contact),
       cereal::make_nvp("photos", a.photos));
}
template <class Archive>
void serialize(Archive& ar, EvaluationQuestion& q, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", q.id), cereal::make_nvp("text", q.text), cereal::make_nvp("kind", asKey(q.kind)));
}
template <class Archive>
void serialize(Archive& ar, EvaluationAnswer& a, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("question", a.question), cereal::make_nvp("grade", a.grade), cereal::make_nvp("text", a.text),
       cereal::make_nvp("practices", a.practices));
}
template <class Archive>
void serialize(Archive& ar, EvaluationResponse& r, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", r.id), cereal::make_nvp("count", asCount(r.count)),
       cereal::make_nvp("territory", r.territory), cereal::make_nvp("answers", r.answers));
}
template <class Archive>
void serialize(Archive& ar, Evaluation& e, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("questions", e.questions), cereal::make_nvp("grades", e.grades),
       cereal::make_nvp("responses", e.responses));
}
template <class Archive>
void serialize(Archive& ar, FollowUp& f, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("territory", f.territory), cereal::make_nvp("status", asKey(f.status)),
       cereal::make_nvp("date", f.date), cereal::make_nvp("note", f.note));
}
template <class Archive>
void serialize(Archive& ar, Practice& p, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("source", asKey(p.source)), cereal::make_nvp("etape", p.etape),
       cereal::make_nvp("etapeNumber", p.etapeNumber), cereal::make_nvp("board", p.board),
       cereal::make_nvp("boardTitle", p.boardTitle), cereal::make_nvp("cite", p.cite),
       cereal::make_nvp("title", p.title), cereal::make_nvp("ownTitle", p.ownTitle),
       cereal::make_nvp("description", p.description), cereal::make_nvp("themes", p.themes),
       cereal::make_nvp("interested", p.interested), cereal::make_nvp("followUps", p.followUps));
}
template <class Archive>
void serialize(Archive& ar, Etape& e, std::uint32_t version) {
    ar(cereal::make_nvp("id", e.id), cereal::make_nvp("header", e.header), cereal::make_nvp("programme", e.programme));
    if (version >= 2) ar(cereal::make_nvp("registrations", e.registrations));  // v1: none
    if (version >= 3) ar(cereal::make_nvp("votes", e.votes));                  // v1, v2: none
    if (version >= 4) ar(cereal::make_nvp("groups", e.groups));                // v1 to v3: none
    if (version >= 5) ar(cereal::make_nvp("icebreaker", e.icebreaker));        // v1 to v4: none
    if (version >= 6) ar(cereal::make_nvp("boards", e.boards));                // v1 to v5: none
    if (version >= 7)                                                            // v1 to v6: none
        ar(cereal::make_nvp("actionsPhares", e.actionsPhares), cereal::make_nvp("evaluation", e.evaluation));
}
template <class Archive>
void serialize(Archive& ar, DayRate& r, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("year", r.year), cereal::make_nvp("cents", r.cents));
}
template <class Archive>
void serialize(Archive& ar, Settings& s, std::uint32_t version) {
    ar(cereal::make_nvp("organisation", s.organisation), cereal::make_nvp("contactName", s.contactName),
       cereal::make_nvp("contactEmail", s.contactEmail), cereal::make_nvp("contactPhone", s.contactPhone));
    if (version >= 2) ar(cereal::make_nvp("dayRates", s.dayRates));  // v1: the default rate every year
}

/// The whole model (snapshots, store/snapshot.h; the archive keeps its own selection of it).
template <class Archive>
void serialize(Archive& ar, Model& m, std::uint32_t version) {
    ar(cereal::make_nvp("territories", m.territories), cereal::make_nvp("people", m.people),
       cereal::make_nvp("etapes", m.etapes), cereal::make_nvp("decks", m.decks),
       cereal::make_nvp("settings", m.settings), cereal::make_nvp("nextId", m.nextId));
    if (version >= 2) ar(cereal::make_nvp("practices", m.practices));  // v1: no library of practices
}

// [SECTION] Actions

/// An enumeration field goes through its key, any other as it is.
template <class T>
T& wrap(T& value) { return value; }
template <class E>
    requires std::is_enum_v<E>
EnumAsKey<E> wrap(E& value) { return asKey(value); }
/// A boxed entity (AddEtape's étape) is written and read as the entity itself: the box leaves no trace.
template <class T>
T& wrap(Boxed<T>& value) { return *value; }

/// Every action, from its `fields` (actions.h): the journal's JSON keys are the names given there. An action whose
/// fields change gets its own serialize overload (it wins over this template) reading the old version, and its own
/// CEREAL_CLASS_VERSION below.
template <class Archive, ActionType A>
void serialize(Archive& ar, A& action, std::uint32_t /*version*/) {
    action.fields([&](const char* name, auto& value) { ar(cereal::make_nvp(name, wrap(value))); });
}

}  // namespace atelier

CEREAL_CLASS_VERSION(atelier::Territory, 1)
CEREAL_CLASS_VERSION(atelier::Person, 2)
CEREAL_CLASS_VERSION(atelier::ProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::EtapeHeader, 2)
CEREAL_CLASS_VERSION(atelier::Registration, 1)
CEREAL_CLASS_VERSION(atelier::Etape, 7)
CEREAL_CLASS_VERSION(atelier::Deck, 1)
CEREAL_CLASS_VERSION(atelier::MeetingRound, 2)
CEREAL_CLASS_VERSION(atelier::Icebreaker, 1)
CEREAL_CLASS_VERSION(atelier::Group, 1)
CEREAL_CLASS_VERSION(atelier::GroupRound, 1)
CEREAL_CLASS_VERSION(atelier::GroupPlan, 1)
CEREAL_CLASS_VERSION(atelier::Ballot, 1)
CEREAL_CLASS_VERSION(atelier::StoredBallot, 1)
CEREAL_CLASS_VERSION(atelier::VoteSetup, 2)
CEREAL_CLASS_VERSION(atelier::Vote, 1)
CEREAL_CLASS_VERSION(atelier::DayRate, 1)
CEREAL_CLASS_VERSION(atelier::Settings, 2)
CEREAL_CLASS_VERSION(atelier::BoardCategory, 1)
CEREAL_CLASS_VERSION(atelier::IdeaCluster, 1)
CEREAL_CLASS_VERSION(atelier::MergedIdea, 2)
CEREAL_CLASS_VERSION(atelier::Idea, 1)
CEREAL_CLASS_VERSION(atelier::Board, 1)
CEREAL_CLASS_VERSION(atelier::Model, 2)
CEREAL_CLASS_VERSION(atelier::ActionPhare, 1)
CEREAL_CLASS_VERSION(atelier::EvaluationQuestion, 1)
CEREAL_CLASS_VERSION(atelier::EvaluationAnswer, 1)
CEREAL_CLASS_VERSION(atelier::EvaluationResponse, 1)
CEREAL_CLASS_VERSION(atelier::Evaluation, 1)
CEREAL_CLASS_VERSION(atelier::FollowUp, 1)
CEREAL_CLASS_VERSION(atelier::Practice, 1)

// Every action is at class version 1: one specialization for all of them (what CEREAL_CLASS_VERSION writes for one
// type). An explicit CEREAL_CLASS_VERSION of one action takes precedence over it.
namespace cereal::detail {
template <atelier::ActionType A>
struct Version<A, version_binding_tag> {
    static std::uint32_t registerVersion() {
        StaticObject<Versions>::getInstance().mapping.emplace(std::type_index(typeid(A)).hash_code(), 1);
        return 1;
    }
    static inline const std::uint32_t version = registerVersion();
};
}  // namespace cereal::detail
