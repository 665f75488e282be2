// The list of étapes as text: JSON for scripts (`atelier etapes --json`) and a French table for people.
#pragma once

#include <string>

#include "core/etape_line.h"
#include "core/model.h"

namespace atelier::exporting {

/// JSON array of {numero, date (ISO), cite (host name or null while « à confirmer »), theme, statut}.
std::string etapesJson(const std::vector<EtapeLine>& lines);
inline std::string etapesJson(const Model& model) { return etapesJson(etapeLines(model)); }
/// One line per étape: number, date, host, status, theme.
std::string etapesTable(const std::vector<EtapeLine>& lines);
inline std::string etapesTable(const Model& model) { return etapesTable(etapeLines(model)); }

}  // namespace atelier::exporting
