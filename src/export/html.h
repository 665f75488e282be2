// Building blocks of Atelier's printable HTML documents: escaping, an A4 page with our style, the organiser's
// contact block (the brochure's « Renseignements »). Every text a user typed goes through escape().
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"

namespace atelier::exporting {

/// `text` with & < > " ' escaped for HTML.
std::string escape(std::string_view text);

/// A complete, self-contained HTML document (French, UTF-8, A4 print styles) around `body`.
std::string htmlPage(std::string_view title, std::string_view body);

/// The organiser's contact block from the settings (organisation, name, email, phone).
std::string contactBlock(const Settings& settings);

/// « Étape 1 — mardi 11 février 2020 — Cité éducative d'Amiens — Collège… » for document headers.
std::string etapeLine(const Model& model, const Etape& etape);

}  // namespace atelier::exporting
