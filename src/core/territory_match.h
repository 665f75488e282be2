// Reading a territory name as people type it (« Saint Quentin », « St-Quentin », « Valenciennes », « Cité éducative
// de Lens ») against the known territories: case, accents, spaces, hyphens and apostrophes ignored, « St »/« Ste »
// read as « Saint »/« Sainte », the usual short forms accepted when only one territory fits, and the closest
// known names proposed when none does. Pure functions: no model change, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace atelier {

/// The comparison key of a territory name: foldForName's words, « st »/« ste » → « saint »/« sainte », « s/ » →
/// « sur », a leading « Cité(s) éducative(s) de » or « Ville de » dropped, articles, elisions and a department
/// code in brackets (« (62) », « (2A) ») dropped; other numbers stay (« Lille 1 » is not « Lille 2 »).
/// « Saint-Quentin », « ST QUENTIN » and « St. Quentin (02) » all give "saint quentin".
std::string territoryKey(std::string_view name);

/// How a typed name reads against the known territories.
struct TerritoryMatch {
    std::optional<Id> territory;  // the one territory it designates; nullopt when unknown or ambiguous
    bool exact = false;           // same key (only case, accents, spaces, hyphens, « St » differ)
    std::vector<Id> proposals;    // when `territory` is nullopt: the closest known territories, best first (≤ 3)
};

/// Reads `typed` against `known`: the same key, or else the only territory whose name contains the typed words
/// as whole words in order (« Valenciennes » → « Valenciennes-Anzin », « Boulogne » → « Boulogne-sur-Mer »).
/// A name that designates none (or several) gets the closest known territories as proposals.
TerritoryMatch matchTerritory(const std::vector<Territory>& known, std::string_view typed);

}  // namespace atelier
