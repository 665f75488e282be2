// Documents of an étape for the door and the accounts: the attendance sheet (feuille d'émargement), the
// statement of participation fees (état des frais de participation), and the fees as JSON for scripts.
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"

namespace atelier::exporting {

/// Feuille d'émargement: title, date, place, facilitator; one row per registered person (territory,
/// institution) with a signature column for the morning and one for the afternoon. Self-contained, A4.
std::string attendanceSheetHtml(const Model& model, const Etape& etape);

/// État des frais de participation: per non-member territory people, days and amount; the total; the amounts
/// still « à vérifier ». Self-contained, A4.
std::string feeStatementHtml(const Model& model, const Etape& etape);

/// The same two documents as A4 PDF (export/pdf.h; the fonts from defaultFontDir()). Throw PdfError.
std::string attendanceSheetPdf(const Model& model, const Etape& etape);
std::string feeStatementPdf(const Model& model, const Etape& etape);

/// {"etape": N, "total_eur": X, "a_verifier": K, "lignes": [{"nom", "territoire", "institution", "montant_eur"
/// (number or null), "motif"}]}
std::string feesJson(const Model& model, const Etape& etape);

/// The fees as a French table for the terminal.
std::string feesTable(const Model& model, const Etape& etape);

/// The file name of an étape's printable document of `kind` ("emargement", "frais", "groupes"):
/// « etape-3-emargement.html ». The one naming rule for documents written into the documents folder.
std::string documentFileName(const Etape& etape, std::string_view kind);

}  // namespace atelier::exporting
