#include "core/breakout.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/assert.h"
#include "core/strings.h"

namespace atelier {

std::vector<Id> peopleInTheRoom(const Etape& etape) {
    std::vector<Id> present, all;
    for (const Registration& r : etape.registrations) {
        all.push_back(r.person);
        if (r.present) present.push_back(r.person);
    }
    return present.empty() ? all : present;
}

namespace {

/// The mixer's input for `people`, with the pairs that met in the groups of the étapes before `etape`.
MixerInput inputFor(const Model& model, const Etape& etape, const std::vector<Id>& people,
                    std::unordered_map<Id, int>& index) {
    MixerInput in;
    for (Id id : people) {
        const Person* p = model.person(id);
        index[id] = static_cast<int>(in.people.size());
        in.people.push_back(MixerPerson{std::to_string(id), p && p->territory ? std::to_string(*p->territory) : "",
                                        p ? p->institution : Institution::Autre});
    }
    std::set<std::pair<int, int>> met;
    for (const Etape& other : model.etapes) {
        if (&other == &etape || !(other.header.date < etape.header.date)) continue;
        for (const GroupRound& r : other.groups.rounds)
            for (const Group& g : r.groups)
                for (size_t i = 0; i < g.members.size(); ++i)
                    for (size_t j = i + 1; j < g.members.size(); ++j) {
                        const auto a = index.find(g.members[i]), b = index.find(g.members[j]);
                        if (a != index.end() && b != index.end())
                            met.insert({std::min(a->second, b->second), std::max(a->second, b->second)});
                    }
    }
    in.history.assign(met.begin(), met.end());
    return in;
}

}  // namespace

BreakoutResult formGroups(const Model& model, const Etape& etape, const BreakoutRequest& request) {
    BreakoutResult out;
    const std::vector<Id> people = peopleInTheRoom(etape);
    if (people.empty()) {
        out.error = tr(Str::ErrNobodyToGroup);
        return out;
    }
    std::unordered_map<Id, int> index;
    MixerInput in = inputFor(model, etape, people, index);
    in.groups = request.groups;
    in.rounds = request.rounds;
    in.seed = request.seed;
    in.timeLimitMs = request.timeLimitMs;
    in.maxIterations = request.maxIterations;
    const GroupPlan& current = etape.groups;
    if (!current.empty()) {
        const GroupRound& first = current.rounds.front();
        for (size_t g = 0; g < first.groups.size() && g < current.locked.size(); ++g) {
            if (!current.locked[g] || static_cast<int>(g) >= request.groups) continue;
            for (Id member : first.groups[g].members)
                if (const auto it = index.find(member); it != index.end())
                    in.pins.emplace_back(it->second, static_cast<int>(g));
        }
    }
    const MixerResult mixed = mixGroups(in);
    if (!mixed.ok()) {
        out.error = mixed.error;
        return out;
    }
    out.stats = mixed.plan.stats;
    out.plan.seed = request.seed;
    for (size_t r = 0; r < mixed.plan.rounds.size(); ++r) {
        GroupRound round;
        for (size_t g = 0; g < mixed.plan.rounds[r].size(); ++g) {
            Group group;
            const GroupRound* before = r < current.rounds.size() ? &current.rounds[r] : nullptr;
            if (before && g < before->groups.size()) {
                group.name = before->groups[g].name;
                group.question = before->groups[g].question;
                group.room = before->groups[g].room;
            } else {
                group.name = fmt(Str::GroupName, {std::to_string(g + 1)});
            }
            for (int person : mixed.plan.rounds[r][g]) {
                ATELIER_ASSERT(person >= 0 && static_cast<size_t>(person) < people.size(),
                               "formGroups: the mixer places only the people it was given");
                group.members.push_back(people[static_cast<size_t>(person)]);
            }
            round.groups.push_back(std::move(group));
        }
        out.plan.rounds.push_back(std::move(round));
    }
    out.plan.locked = current.locked;
    out.plan.locked.resize(static_cast<size_t>(request.groups), false);
    return out;
}

MixerStats groupStats(const Model& model, const Etape& etape) {
    std::vector<Id> people;
    for (const GroupRound& r : etape.groups.rounds)
        for (const Group& g : r.groups)
            for (Id m : g.members)
                if (std::find(people.begin(), people.end(), m) == people.end()) people.push_back(m);
    std::unordered_map<Id, int> index;
    MixerInput in = inputFor(model, etape, people, index);
    in.groups = etape.groups.rounds.empty() ? 1 : static_cast<int>(etape.groups.rounds.front().groups.size());
    in.rounds = static_cast<int>(etape.groups.rounds.size());
    std::vector<std::vector<std::vector<int>>> rounds;
    for (const GroupRound& r : etape.groups.rounds) {
        std::vector<std::vector<int>> groups;
        for (const Group& g : r.groups) {
            std::vector<int> members;
            for (Id m : g.members) members.push_back(index[m]);
            groups.push_back(std::move(members));
        }
        rounds.push_back(std::move(groups));
    }
    return evaluatePlan(in, rounds);
}

namespace {

/// The fewest pairs that share a box when `n` things go into `boxes` boxes: spread as evenly as possible.
long leastSharing(long n, long boxes) {
    if (boxes <= 0 || n < 2) return 0;
    const long q = n / boxes, r = n % boxes;
    return r * (q + 1) * q / 2 + (boxes - r) * q * (q - 1) / 2;
}

}  // namespace

PlanBounds planBounds(const Model& model, const Etape& etape) {
    PlanBounds b;
    const auto& rounds = etape.groups.rounds;
    long repeats = 0, sameCite = 0;
    for (size_t k = 0; k < rounds.size(); ++k) {
        const auto& groups = rounds[k].groups;
        // Same Cité: in every round, each Cité's people spread over the round's groups.
        std::map<Id, long> perCite;
        for (const Group& g : groups)
            for (Id m : g.members)
                if (const Person* p = model.person(m); p && p->territory) ++perCite[*p->territory];
        for (const auto& [cite, n] : perCite) sameCite += leastSharing(n, static_cast<long>(groups.size()));
        if (k == 0) continue;
        // Repeats: a group of this round is formed from the groups of the round before; its members who were together
        // there meet again (locked groups are kept together on purpose and not counted by the statistics either).
        std::unordered_map<Id, size_t> before;
        const auto& previous = rounds[k - 1].groups;
        for (size_t g = 0; g < previous.size(); ++g)
            for (Id m : previous[g].members) before[m] = g;
        for (size_t g = 0; g < groups.size(); ++g) {
            if (g < etape.groups.locked.size() && etape.groups.locked[g]) continue;
            long seen = 0;
            for (Id m : groups[g].members) seen += before.count(m);
            repeats += leastSharing(seen, static_cast<long>(previous.size()));
        }
    }
    b.repeatPairs = repeats;
    b.sameCitePairs = sameCite;
    return b;
}

std::string groupRoom(const GroupPlan& plan, int round, int group) {
    for (int r = std::min(round, static_cast<int>(plan.rounds.size()) - 1); r >= 0; --r) {
        const auto& groups = plan.rounds[static_cast<size_t>(r)].groups;
        if (group >= 0 && static_cast<size_t>(group) < groups.size() && !groups[static_cast<size_t>(group)].room.empty())
            return groups[static_cast<size_t>(group)].room;
    }
    return {};
}

int institutionKinds(const Model& model, const Group& group) {
    std::set<Institution> kinds;
    for (Id m : group.members)
        if (const Person* p = model.person(m)) kinds.insert(p->institution);
    return static_cast<int>(kinds.size());
}

}  // namespace atelier
