// A rehearsal étape labelled « Démo »: fictional but realistic content that uses every activity (programme,
// people present, icebreaker, groups, an idea board with practices, a vote), so that a facilitator can try the day.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "core/session.h"

namespace atelier {

/// Adds the demo étape (the next free number, on `date`) through `session`, step by step (each undoable).
/// Returns the first refusal, if any; its `message` names the new étape's number when ok.
Status buildDemo(Session& session, Date date, std::uint64_t seed = 2020);

}  // namespace atelier
