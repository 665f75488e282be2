#include "core/breakout.h"

#include <algorithm>
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

int institutionKinds(const Model& model, const Group& group) {
    std::set<Institution> kinds;
    for (Id m : group.members)
        if (const Person* p = model.person(m)) kinds.insert(p->institution);
    return static_cast<int>(kinds.size());
}

}  // namespace atelier
