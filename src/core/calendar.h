// The Tour's calendar: étapes by quarter, which Cités have hosted, and the warnings a facilitator needs (two
// étapes in one quarter, a Cité hosting twice).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace atelier {

/// A year's quarter (1..4).
struct Quarter {
    int year = 2020;
    int quarter = 1;
    bool operator==(const Quarter&) const = default;
    auto operator<=>(const Quarter&) const = default;
};

/// Quarters from the first of 2020 to the last of 2022, widened to cover every étape.
std::vector<Quarter> tourQuarters(const Model& model);

/// The étapes of a quarter, by date.
std::vector<const Etape*> etapesIn(const Model& model, Quarter quarter);

/// Whether each Cité éducative has hosted, and which étapes it hosted.
struct HostRecord {
    Id territory = 0;
    std::vector<int> etapes;  // numbers of the étapes it hosts (any status)
};
std::vector<HostRecord> tourTracker(const Model& model);

/// A French warning about the calendar (two étapes in one quarter, a Cité hosting twice).
std::vector<std::string> calendarWarnings(const Model& model);

/// The programme's lines that overlap, in French (« « Atelier 1 » (10:00–11:00) empiète sur « Pause » (10:30–10:45) »):
/// each line that starts before an earlier one in the day's order has ended. Empty when none does.
std::vector<std::string> programmeOverlaps(const Etape& etape);

/// The number after the highest étape number.
int nextEtapeNumber(const Model& model);

}  // namespace atelier
