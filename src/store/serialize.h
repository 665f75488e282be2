// cereal serialisation of the model and of every action: the journal (SQLite) and the étape archive both use it.
// Every type carries a class version (CEREAL_CLASS_VERSION below): when a type changes, bump its version and
// keep reading the old one in its serialize function. Enumerations are stored as their stable keys (enums.h),
// dates as ISO strings, so that a JSON archive reads well and survives reordering an enum.
#pragma once

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
    if (!value) throw cereal::Exception("valeur inconnue « " + key + " »");
    wrapped.value = *value;
}

template <class Archive>
std::string save_minimal(const Archive&, const Date& date) { return toIso(date); }
template <class Archive>
void load_minimal(const Archive&, Date& date, const std::string& iso) {
    const auto parsed = parseIso(iso);
    if (!parsed) throw cereal::Exception("date invalide « " + iso + " »");
    date = *parsed;
}

// [SECTION] Model

template <class Archive>
void serialize(Archive& ar, Territory& t, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", t.id), cereal::make_nvp("name", t.name), cereal::make_nvp("department", t.department),
       cereal::make_nvp("membership", asKey(t.membership)), cereal::make_nvp("cite", t.cite));
}
template <class Archive>
void serialize(Archive& ar, Person& p, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name), cereal::make_nvp("email", p.email),
       cereal::make_nvp("territory", p.territory), cereal::make_nvp("institution", asKey(p.institution)),
       cereal::make_nvp("role", asKey(p.role)));
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
void serialize(Archive& ar, Ballot& b, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("count", b.count), cereal::make_nvp("ranking", b.ranking),
       cereal::make_nvp("approvals", b.approvals), cereal::make_nvp("dots", b.dots),
       cereal::make_nvp("grades", b.grades));
}
template <class Archive>
void serialize(Archive& ar, StoredBallot& b, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", b.id), cereal::make_nvp("ballot", b.ballot));
}
template <class Archive>
void serialize(Archive& ar, VoteSetup& v, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("question", v.question), cereal::make_nvp("method", asKey(v.method)),
       cereal::make_nvp("options", v.options), cereal::make_nvp("grades", v.grades),
       cereal::make_nvp("dotsPerVoter", v.dotsPerVoter), cereal::make_nvp("maxDotsPerOption", v.maxDotsPerOption),
       cereal::make_nvp("open", v.open), cereal::make_nvp("hideResults", v.hideResults));
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
void serialize(Archive& ar, MeetingRound& r, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("pairs", r.pairs), cereal::make_nvp("prompt", r.prompt));
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
void serialize(Archive& ar, MergedIdea& i, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("text", i.text), cereal::make_nvp("group", i.group),
       cereal::make_nvp("author", i.author));
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
void serialize(Archive& ar, Etape& e, std::uint32_t version) {
    ar(cereal::make_nvp("id", e.id), cereal::make_nvp("header", e.header), cereal::make_nvp("programme", e.programme));
    if (version >= 2) ar(cereal::make_nvp("registrations", e.registrations));  // v1: none
    if (version >= 3) ar(cereal::make_nvp("votes", e.votes));                  // v1, v2: none
    if (version >= 4) ar(cereal::make_nvp("groups", e.groups));                // v1 to v3: none
    if (version >= 5) ar(cereal::make_nvp("icebreaker", e.icebreaker));        // v1 to v4: none
    if (version >= 6) ar(cereal::make_nvp("boards", e.boards));                // v1 to v5: none
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

// [SECTION] Actions

template <class Archive>
void serialize(Archive& ar, AddTerritory& a, std::uint32_t) {
    ar(cereal::make_nvp("territory", a.territory), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveTerritory& a, std::uint32_t) { ar(cereal::make_nvp("id", a.id)); }
template <class Archive>
void serialize(Archive& ar, UpdateTerritory& a, std::uint32_t) { ar(cereal::make_nvp("territory", a.territory)); }
template <class Archive>
void serialize(Archive& ar, AddPerson& a, std::uint32_t) {
    ar(cereal::make_nvp("person", a.person), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemovePerson& a, std::uint32_t) { ar(cereal::make_nvp("id", a.id)); }
template <class Archive>
void serialize(Archive& ar, UpdatePerson& a, std::uint32_t) { ar(cereal::make_nvp("person", a.person)); }
template <class Archive>
void serialize(Archive& ar, AddEtape& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveEtape& a, std::uint32_t) { ar(cereal::make_nvp("id", a.id)); }
template <class Archive>
void serialize(Archive& ar, UpdateEtape& a, std::uint32_t) {
    ar(cereal::make_nvp("id", a.id), cereal::make_nvp("header", a.header));
}
template <class Archive>
void serialize(Archive& ar, AddProgrammeItem& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("item", a.item), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveProgrammeItem& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("item", a.item));
}
template <class Archive>
void serialize(Archive& ar, UpdateProgrammeItem& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("item", a.item));
}
template <class Archive>
void serialize(Archive& ar, MoveProgrammeItem& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("item", a.item), cereal::make_nvp("to", a.to));
}
template <class Archive>
void serialize(Archive& ar, UpdateSettings& a, std::uint32_t) { ar(cereal::make_nvp("settings", a.settings)); }
template <class Archive>
void serialize(Archive& ar, MoveEtape& a, std::uint32_t) { ar(cereal::make_nvp("id", a.id), cereal::make_nvp("to", a.to)); }
template <class Archive>
void serialize(Archive& ar, AddRegistration& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("registration", a.registration),
       cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveRegistration& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("registration", a.registration));
}
template <class Archive>
void serialize(Archive& ar, UpdateRegistration& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("registration", a.registration));
}
template <class Archive>
void serialize(Archive& ar, AddVote& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveVote& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote));
}
template <class Archive>
void serialize(Archive& ar, UpdateVote& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote), cereal::make_nvp("setup", a.setup));
}
template <class Archive>
void serialize(Archive& ar, CastBallot& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote), cereal::make_nvp("ballot", a.ballot),
       cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, WithdrawBallot& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote), cereal::make_nvp("ballot", a.ballot));
}
template <class Archive>
void serialize(Archive& ar, CorrectBallot& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("vote", a.vote), cereal::make_nvp("ballot", a.ballot));
}
template <class Archive>
void serialize(Archive& ar, SetGroupPlan& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("plan", a.plan));
}
template <class Archive>
void serialize(Archive& ar, MoveMember& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("round", a.round), cereal::make_nvp("person", a.person),
       cereal::make_nvp("to", a.to), cereal::make_nvp("position", a.position));
}
template <class Archive>
void serialize(Archive& ar, SwapMembers& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("round", a.round), cereal::make_nvp("a", a.a),
       cereal::make_nvp("b", a.b));
}
template <class Archive>
void serialize(Archive& ar, UpdateGroup& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("round", a.round), cereal::make_nvp("group", a.group),
       cereal::make_nvp("name", a.name), cereal::make_nvp("question", a.question), cereal::make_nvp("room", a.room),
       cereal::make_nvp("locked", a.locked));
}
template <class Archive>
void serialize(Archive& ar, AddDeck& a, std::uint32_t) { ar(cereal::make_nvp("deck", a.deck)); }
template <class Archive>
void serialize(Archive& ar, RemoveDeck& a, std::uint32_t) { ar(cereal::make_nvp("deck", a.deck)); }
template <class Archive>
void serialize(Archive& ar, AddQuestion& a, std::uint32_t) {
    ar(cereal::make_nvp("deck", a.deck), cereal::make_nvp("question", a.question), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveQuestion& a, std::uint32_t) {
    ar(cereal::make_nvp("deck", a.deck), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, DrawCard& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("deck", a.deck), cereal::make_nvp("seed", a.seed));
}
template <class Archive>
void serialize(Archive& ar, UndrawCard& a, std::uint32_t) { ar(cereal::make_nvp("etape", a.etape)); }
template <class Archive>
void serialize(Archive& ar, SetIcebreaker& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("icebreaker", a.icebreaker));
}
template <class Archive>
void serialize(Archive& ar, SetDayRate& a, std::uint32_t) {
    ar(cereal::make_nvp("year", a.year), cereal::make_nvp("cents", a.cents));
}

template <class Archive>
void serialize(Archive& ar, AddBoard& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveBoard& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board));
}
template <class Archive>
void serialize(Archive& ar, RenameBoard& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("title", a.title));
}
template <class Archive>
void serialize(Archive& ar, AddCategory& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("category", a.category),
       cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveCategory& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("category", a.category));
}
template <class Archive>
void serialize(Archive& ar, RenameCategory& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("category", a.category),
       cereal::make_nvp("name", a.name));
}
template <class Archive>
void serialize(Archive& ar, AddIdea& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("idea", a.idea),
       cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, RemoveIdea& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("idea", a.idea));
}
template <class Archive>
void serialize(Archive& ar, EditIdea& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("idea", a.idea),
       cereal::make_nvp("text", a.text), cereal::make_nvp("group", a.group), cereal::make_nvp("author", a.author));
}
template <class Archive>
void serialize(Archive& ar, MoveIdea& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("idea", a.idea),
       cereal::make_nvp("category", a.category), cereal::make_nvp("cluster", a.cluster),
       cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, AddCluster& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("cluster", a.cluster),
       cereal::make_nvp("index", a.index), cereal::make_nvp("members", a.members));
}
template <class Archive>
void serialize(Archive& ar, RemoveCluster& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("cluster", a.cluster));
}
template <class Archive>
void serialize(Archive& ar, RenameCluster& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("cluster", a.cluster),
       cereal::make_nvp("name", a.name));
}
template <class Archive>
void serialize(Archive& ar, MergeIdeas& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("into", a.into),
       cereal::make_nvp("from", a.from));
}
template <class Archive>
void serialize(Archive& ar, SplitIdea& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("into", a.into),
       cereal::make_nvp("idea", a.idea), cereal::make_nvp("index", a.index));
}
template <class Archive>
void serialize(Archive& ar, SetPractice& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("idea", a.idea),
       cereal::make_nvp("practice", a.practice));
}
template <class Archive>
void serialize(Archive& ar, SetBoardHidden& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("hideNew", a.hideNew));
}
template <class Archive>
void serialize(Archive& ar, RevealIdeas& a, std::uint32_t) {
    ar(cereal::make_nvp("etape", a.etape), cereal::make_nvp("board", a.board), cereal::make_nvp("ideas", a.ideas),
       cereal::make_nvp("reveal", a.reveal));
}

}  // namespace atelier

CEREAL_CLASS_VERSION(atelier::Territory, 1)
CEREAL_CLASS_VERSION(atelier::Person, 1)
CEREAL_CLASS_VERSION(atelier::ProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::EtapeHeader, 2)
CEREAL_CLASS_VERSION(atelier::Registration, 1)
CEREAL_CLASS_VERSION(atelier::Etape, 6)
CEREAL_CLASS_VERSION(atelier::Deck, 1)
CEREAL_CLASS_VERSION(atelier::MeetingRound, 1)
CEREAL_CLASS_VERSION(atelier::Icebreaker, 1)
CEREAL_CLASS_VERSION(atelier::Group, 1)
CEREAL_CLASS_VERSION(atelier::GroupRound, 1)
CEREAL_CLASS_VERSION(atelier::GroupPlan, 1)
CEREAL_CLASS_VERSION(atelier::Ballot, 1)
CEREAL_CLASS_VERSION(atelier::StoredBallot, 1)
CEREAL_CLASS_VERSION(atelier::VoteSetup, 1)
CEREAL_CLASS_VERSION(atelier::Vote, 1)
CEREAL_CLASS_VERSION(atelier::DayRate, 1)
CEREAL_CLASS_VERSION(atelier::Settings, 2)
CEREAL_CLASS_VERSION(atelier::AddTerritory, 1)
CEREAL_CLASS_VERSION(atelier::RemoveTerritory, 1)
CEREAL_CLASS_VERSION(atelier::UpdateTerritory, 1)
CEREAL_CLASS_VERSION(atelier::AddPerson, 1)
CEREAL_CLASS_VERSION(atelier::RemovePerson, 1)
CEREAL_CLASS_VERSION(atelier::UpdatePerson, 1)
CEREAL_CLASS_VERSION(atelier::AddEtape, 1)
CEREAL_CLASS_VERSION(atelier::RemoveEtape, 1)
CEREAL_CLASS_VERSION(atelier::UpdateEtape, 1)
CEREAL_CLASS_VERSION(atelier::AddProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::RemoveProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::UpdateProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::MoveProgrammeItem, 1)
CEREAL_CLASS_VERSION(atelier::UpdateSettings, 1)
CEREAL_CLASS_VERSION(atelier::MoveEtape, 1)
CEREAL_CLASS_VERSION(atelier::AddRegistration, 1)
CEREAL_CLASS_VERSION(atelier::RemoveRegistration, 1)
CEREAL_CLASS_VERSION(atelier::UpdateRegistration, 1)
CEREAL_CLASS_VERSION(atelier::SetDayRate, 1)
CEREAL_CLASS_VERSION(atelier::AddVote, 1)
CEREAL_CLASS_VERSION(atelier::RemoveVote, 1)
CEREAL_CLASS_VERSION(atelier::UpdateVote, 1)
CEREAL_CLASS_VERSION(atelier::CastBallot, 1)
CEREAL_CLASS_VERSION(atelier::WithdrawBallot, 1)
CEREAL_CLASS_VERSION(atelier::CorrectBallot, 1)
CEREAL_CLASS_VERSION(atelier::SetGroupPlan, 1)
CEREAL_CLASS_VERSION(atelier::MoveMember, 1)
CEREAL_CLASS_VERSION(atelier::SwapMembers, 1)
CEREAL_CLASS_VERSION(atelier::UpdateGroup, 1)
CEREAL_CLASS_VERSION(atelier::AddDeck, 1)
CEREAL_CLASS_VERSION(atelier::RemoveDeck, 1)
CEREAL_CLASS_VERSION(atelier::AddQuestion, 1)
CEREAL_CLASS_VERSION(atelier::RemoveQuestion, 1)
CEREAL_CLASS_VERSION(atelier::DrawCard, 1)
CEREAL_CLASS_VERSION(atelier::UndrawCard, 1)
CEREAL_CLASS_VERSION(atelier::SetIcebreaker, 1)
CEREAL_CLASS_VERSION(atelier::BoardCategory, 1)
CEREAL_CLASS_VERSION(atelier::IdeaCluster, 1)
CEREAL_CLASS_VERSION(atelier::MergedIdea, 1)
CEREAL_CLASS_VERSION(atelier::Idea, 1)
CEREAL_CLASS_VERSION(atelier::Board, 1)
CEREAL_CLASS_VERSION(atelier::AddBoard, 1)
CEREAL_CLASS_VERSION(atelier::RemoveBoard, 1)
CEREAL_CLASS_VERSION(atelier::RenameBoard, 1)
CEREAL_CLASS_VERSION(atelier::AddCategory, 1)
CEREAL_CLASS_VERSION(atelier::RemoveCategory, 1)
CEREAL_CLASS_VERSION(atelier::RenameCategory, 1)
CEREAL_CLASS_VERSION(atelier::AddIdea, 1)
CEREAL_CLASS_VERSION(atelier::RemoveIdea, 1)
CEREAL_CLASS_VERSION(atelier::EditIdea, 1)
CEREAL_CLASS_VERSION(atelier::MoveIdea, 1)
CEREAL_CLASS_VERSION(atelier::AddCluster, 1)
CEREAL_CLASS_VERSION(atelier::RemoveCluster, 1)
CEREAL_CLASS_VERSION(atelier::RenameCluster, 1)
CEREAL_CLASS_VERSION(atelier::MergeIdeas, 1)
CEREAL_CLASS_VERSION(atelier::SplitIdea, 1)
CEREAL_CLASS_VERSION(atelier::SetPractice, 1)
CEREAL_CLASS_VERSION(atelier::SetBoardHidden, 1)
CEREAL_CLASS_VERSION(atelier::RevealIdeas, 1)
