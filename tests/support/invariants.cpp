#include "support/invariants.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/tally.h"
#include "core/text.h"

namespace atelier::test {

std::vector<std::string> invariantViolations(const Model& m) {
    std::vector<std::string> out;
    auto fail = [&](std::string what) { out.push_back(std::move(what)); };
    // Ids: assigned (non-zero), below nextId, never given twice anywhere in the model.
    std::unordered_set<Id> ids;
    auto id = [&](Id value, const std::string& what) {
        if (value == 0) fail(what + ": id 0 (never assigned)");
        else if (value >= m.nextId) fail(what + " " + std::to_string(value) + ": id ≥ nextId " + std::to_string(m.nextId));
        if (value != 0 && !ids.insert(value).second) fail(what + " " + std::to_string(value) + ": id given twice");
    };
    std::unordered_set<Id> territories, people;
    for (const Territory& t : m.territories) {
        id(t.id, "territory");
        territories.insert(t.id);
    }
    for (const Person& p : m.people) {
        id(p.id, "person");
        people.insert(p.id);
    }
    for (const Person& p : m.people)
        if (p.territory && !territories.count(*p.territory))
            fail("person " + std::to_string(p.id) + ": territory " + std::to_string(*p.territory) + " does not exist");
    std::set<std::string> decks;
    for (const Deck& d : m.decks)
        if (!decks.insert(d.id).second) fail("deck « " + d.id + " » twice");

    for (const Etape& e : m.etapes) {
        const std::string et = "étape " + std::to_string(e.id);
        id(e.id, "étape");
        if (e.header.host && !territories.count(*e.header.host)) fail(et + ": host does not exist");
        if (e.header.days < 1) fail(et + ": fewer than one day");
        for (const ProgrammeItem& i : e.programme) {
            id(i.id, et + " programme item");
            if (i.duration < 0 || i.start < 0) fail(et + ": programme item " + std::to_string(i.id) + " with a negative time");
        }
        std::unordered_set<Id> registered;
        for (const Registration& r : e.registrations) {
            id(r.id, et + " registration");
            if (!people.count(r.person)) fail(et + ": registration of person " + std::to_string(r.person) + " who does not exist");
            if (!registered.insert(r.person).second) fail(et + ": person " + std::to_string(r.person) + " registered twice");
            if (r.days < 1 || r.days > e.header.days) fail(et + ": registration " + std::to_string(r.id) + " for " + std::to_string(r.days) + " day(s)");
        }
        // Votes: a valid setup, every ballot valid against it (options, grades, dots in range).
        for (const Vote& v : e.votes) {
            const std::string vt = et + " vote " + std::to_string(v.id);
            id(v.id, et + " vote");
            const Election election = v.election();
            if (std::string err = checkElection(election); !err.empty()) fail(vt + ": " + err);
            else
                for (size_t i = 0; i < v.ballots.size(); ++i)
                    if (std::string err2 = checkBallot(election, v.ballots[i].ballot, static_cast<int>(i) + 1); !err2.empty())
                        fail(vt + ": " + err2);
            for (const StoredBallot& b : v.ballots) id(b.id, vt + " ballot");
        }
        // Breakout groups: members exist, once per round; the locks follow the groups.
        for (size_t r = 0; r < e.groups.rounds.size(); ++r) {
            std::unordered_set<Id> seen;
            for (const Group& g : e.groups.rounds[r].groups)
                for (Id p : g.members) {
                    if (!people.count(p)) fail(et + ": group member " + std::to_string(p) + " does not exist");
                    if (!seen.insert(p).second) fail(et + ": person " + std::to_string(p) + " twice in round " + std::to_string(r + 1));
                }
        }
        for (const MeetingRound& round : e.icebreaker.rounds)
            for (const auto& pair : round.pairs)
                for (Id p : pair)
                    if (!people.count(p)) fail(et + ": speed-meeting person " + std::to_string(p) + " does not exist");
        // Boards: columns and clusters exist, an idea's cluster sits in the idea's column, texts are 1–500 characters.
        for (const Board& b : e.boards) {
            const std::string bt = et + " board " + std::to_string(b.id);
            id(b.id, et + " board");
            std::unordered_set<Id> columns, clusters;
            for (const BoardCategory& c : b.categories) {
                id(c.id, bt + " column");
                columns.insert(c.id);
            }
            for (const IdeaCluster& c : b.clusters) {
                id(c.id, bt + " cluster");
                clusters.insert(c.id);
                if (!columns.count(c.category)) fail(bt + ": cluster " + std::to_string(c.id) + " in a column that does not exist");
            }
            for (const Idea& i : b.ideas) {
                const std::string it = bt + " idea " + std::to_string(i.id);
                id(i.id, bt + " idea");
                if (!columns.count(i.category)) fail(it + ": its column does not exist");
                if (i.cluster) {
                    const auto c = std::find_if(b.clusters.begin(), b.clusters.end(), [&](const IdeaCluster& k) { return k.id == *i.cluster; });
                    if (c == b.clusters.end()) fail(it + ": its cluster does not exist");
                    else if (c->category != i.category) fail(it + ": its cluster is in another column");
                }
                const size_t n = countCodePoints(i.text);
                if (n == 0 || n > 500) fail(it + ": text of " + std::to_string(n) + " characters");
                for (const MergedIdea& part : i.merged) id(part.id, it + " merged part");
            }
        }
        // Actions-phares and the evaluation: ids assigned once; answers name questions of the questionnaire.
        for (const ActionPhare& a : e.actionsPhares) id(a.id, et + " action-phare");
        std::unordered_set<Id> questions;
        for (const EvaluationQuestion& q : e.evaluation.questions) {
            id(q.id, et + " evaluation question");
            questions.insert(q.id);
        }
        for (const EvaluationResponse& r : e.evaluation.responses) {
            id(r.id, et + " evaluation response");
            if (r.count < 1) fail(et + ": evaluation response " + std::to_string(r.id) + " counts " + std::to_string(r.count));
            for (const EvaluationAnswer& a : r.answers)
                if (!questions.count(a.question))
                    fail(et + ": evaluation response " + std::to_string(r.id) + " answers a question that does not exist");
        }
    }
    // The library: in id order, each practice's id unique among practices, every flagged idea has its practice.
    for (size_t i = 1; i < m.practices.size(); ++i)
        if (m.practices[i - 1].id >= m.practices[i].id) fail("practices out of id order at " + std::to_string(i));
    auto hasPractice = [&](Id idea) {
        return std::any_of(m.practices.begin(), m.practices.end(), [&](const Practice& p) { return p.id == idea; });
    };
    for (const Etape& e : m.etapes) {
        for (const Board& b : e.boards)
            for (const Idea& i : b.ideas) {
                if (i.practice && !hasPractice(i.id)) fail("idea " + std::to_string(i.id) + ": flagged but no practice");
                for (const MergedIdea& part : i.merged)
                    if (part.practice && !hasPractice(part.id))
                        fail("merged idea " + std::to_string(part.id) + ": flagged but no practice");
            }
        for (const ActionPhare& a : e.actionsPhares)
            if (!hasPractice(a.id)) fail("action-phare " + std::to_string(a.id) + ": no practice");
    }
    for (const Practice& p : m.practices)
        for (const FollowUp& f : p.followUps)
            if (!territories.count(f.territory))
                fail("practice " + std::to_string(p.id) + ": follow-up by a territory that does not exist");
    return out;
}

}  // namespace atelier::test
