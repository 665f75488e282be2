// Icebreakers of an étape: the speed-meeting inter-Cités (rounds of pairs from different territories — a trio
// when the count is odd —, never the same pair twice, a prompt per round from a deck) and « Qui est là ? »
// (the people in the room by Cité and by institution).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace atelier {

struct SpeedMeetingRequest {
    int rounds = 4;
    int roundSeconds = 180;
    std::string deck;  // prompts drawn from it, shuffled by the seed, none twice
    std::uint64_t seed = 1;
    int timeLimitMs = 1000;
    std::int64_t maxIterations = 0;  // tests: deterministic searches
};

struct SpeedMeetingResult {
    std::string error;  // French; empty when prepared
    Icebreaker icebreaker;
    std::int64_t repeatPairs = 0;
    std::int64_t sameCitePairs = 0;
    bool ok() const { return error.empty(); }
};

/// Prepares the speed-meeting rounds for the people in the room (cards already drawn are kept).
SpeedMeetingResult planSpeedMeeting(const Model& model, const Etape& etape, const SpeedMeetingRequest& request);

/// People in the room counted by Cité (territory name, « sans territoire » last) and by institution label, most
/// first.
std::vector<std::pair<std::string, int>> presenceByTerritory(const Model& model, const Etape& etape);
std::vector<std::pair<std::string, int>> presenceByInstitution(const Model& model, const Etape& etape);

}  // namespace atelier
