#include "core/icebreaker.h"

#include <algorithm>
#include <map>

#include "core/breakout.h"
#include "core/enums.h"
#include "core/mixer.h"
#include "core/strings.h"

namespace atelier {

SpeedMeetingResult planSpeedMeeting(const Model& model, const Etape& etape, const SpeedMeetingRequest& request) {
    SpeedMeetingResult out;
    const std::vector<Id> people = peopleInTheRoom(etape);
    if (people.size() < 2) {
        out.error = tr(Str::ErrSpeedMeetingTooFew);
        return out;
    }
    MixerInput in;
    for (Id id : people) {
        const Person* p = model.person(id);
        in.people.push_back(MixerPerson{std::to_string(id), p && p->territory ? std::to_string(*p->territory) : "",
                                        p ? p->institution : Institution::Autre});
    }
    in.groups = static_cast<int>(people.size() / 2);  // pairs, one trio when the count is odd
    in.rounds = request.rounds;
    in.seed = request.seed;
    in.timeLimitMs = request.timeLimitMs;
    in.maxIterations = request.maxIterations;
    const MixerResult mixed = mixGroups(in);
    if (!mixed.ok()) {
        out.error = mixed.error;
        return out;
    }
    out.repeatPairs = mixed.plan.stats.repeatPairs;
    out.sameCitePairs = mixed.plan.stats.sameCitePairs;

    // Prompts: the deck shuffled by the seed (Fisher-Yates on a splitmix64 stream), reused only past its end.
    std::vector<std::string> prompts;
    if (const Deck* deck = model.deck(request.deck)) prompts = deck->questions;
    std::uint64_t state = request.seed;
    auto next = [&] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    for (size_t i = prompts.size(); i > 1; --i) std::swap(prompts[i - 1], prompts[next() % i]);

    out.icebreaker = etape.icebreaker;
    out.icebreaker.seed = request.seed;
    out.icebreaker.roundSeconds = request.roundSeconds;
    out.icebreaker.rounds.clear();
    for (size_t r = 0; r < mixed.plan.rounds.size(); ++r) {
        MeetingRound round;
        for (const auto& group : mixed.plan.rounds[r]) {
            std::vector<Id> pair;
            for (int i : group) pair.push_back(people[static_cast<size_t>(i)]);
            round.pairs.push_back(std::move(pair));
        }
        if (!prompts.empty()) round.prompt = prompts[r % prompts.size()];
        out.icebreaker.rounds.push_back(std::move(round));
    }
    return out;
}

namespace {
std::vector<std::pair<std::string, int>> sorted(const std::map<std::string, int>& counts, const std::string& last) {
    std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if ((a.first == last) != (b.first == last)) return b.first == last;
        return a.second > b.second;
    });
    return out;
}
}  // namespace

std::vector<std::pair<std::string, int>> presenceByTerritory(const Model& model, const Etape& etape) {
    std::map<std::string, int> counts;
    for (Id id : peopleInTheRoom(etape)) {
        const Person* p = model.person(id);
        const Territory* t = p && p->territory ? model.territory(*p->territory) : nullptr;
        ++counts[t ? t->name : std::string(tr(Str::NoTerritory))];
    }
    return sorted(counts, tr(Str::NoTerritory));
}

std::vector<std::pair<std::string, int>> presenceByInstitution(const Model& model, const Etape& etape) {
    std::map<std::string, int> counts;
    for (Id id : peopleInTheRoom(etape))
        if (const Person* p = model.person(id)) ++counts[enumLabel(p->institution)];
    return sorted(counts, "");
}

}  // namespace atelier
