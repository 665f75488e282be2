// The enriched material: one printable HTML document over several archived étapes (a year, or the whole Tour):
// participation matrix (Cité × étape), themes, what the votes put first, practices to spread, who hosted.
#pragma once

#include <string>
#include <vector>

#include "core/archive.h"

namespace atelier::exporting {

/// `title`: « Synthèse 2020 » or « Synthèse du Tour »; `cites`: the Cités éducatives of the Tour (the tracker
/// lists every one, hosted or not). The archives are shown in the order given. Everything users typed is escaped.
std::string synthesisHtml(const std::vector<EtapeArchive>& archives, const std::string& title,
                          const std::vector<std::string>& cites);

}  // namespace atelier::exporting
