// The right of access (RGPD, issue 34): what Atelier holds about one person (core/personal_data.h) as JSON for
// a machine and as a readable, self-contained page for the person. Everything users typed is escaped.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/personal_data.h"

namespace atelier::exporting {

/// {"personne": {"nom", "courriel", "territoire", "institution", "role", "structure", "fonction"},
///  "inscriptions": [{"etape", "date", "theme", "jours", "present", "sur_place", "frais_eur" (number or null),
///  "motif"}], "groupes": [{"etape", "tour", "groupe"}], "idees": [{"etape", "tableau", "texte", "groupe",
///  "auteur", "saisie", "horodatage"}], "suivis": [{"pratique", "cite", "statut", "date", "note"}],
///  "telephones": [{"prenom", "cite", "groupe"}], "archives": [{"etape", "date", "dossier"}],
///  "responsable": {"organisation", "contact", "courriel"}}
std::string personalDataJson(const PersonalData& data, const Settings& controller);

/// The same as a printable French page.
std::string personalDataHtml(const PersonalData& data, const Settings& controller);

/// Both, by file name: donnees-personnelles.json and donnees-personnelles.html.
std::vector<std::pair<std::string, std::string>> personalDataFiles(const PersonalData& data, const Settings& controller);

}  // namespace atelier::exporting
