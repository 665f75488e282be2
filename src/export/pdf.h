// The documents as PDF (issue 36), written by Atelier itself with libharu: A4 with a margin for binding, DejaVu Sans
// embedded (subset), a title page or block, a table of contents with page numbers and PDF bookmarks, tables that
// break across pages with their header repeated, no heading left alone at the bottom of a page, charts drawn as
// vectors, photos scaled in, the title and the author in the metadata, « page N sur M » in the footer.
// Document in, bytes out: the only files read are the two DejaVu fonts (program resources, like the GUI's).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "export/booklet.h"
#include "export/document.h"

namespace atelier::exporting {

/// A PDF that could not be written; what() says why in French (a font missing, typically).
class PdfError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What the PDF draws from outside the document: the fonts' folder and the photos' bytes by their path.
struct PdfAssets {
    std::filesystem::path fontDir;  // holds DejaVuSans.ttf and DejaVuSans-Bold.ttf
    std::vector<std::pair<std::string, std::string>> photos;
};

/// Where DejaVu is: Debian's fonts-dejavu-core (ATELIER_FONT_DIR) on Linux; on Windows the fonts folder beside
/// atelier.exe (as the GUI finds it).
std::filesystem::path defaultFontDir();

/// Page size and margins, in points (A4; the left margin is the binding's).
inline constexpr double kPageWidth = 595.28, kPageHeight = 841.89;
inline constexpr double kMarginLeft = 70.87, kMarginRight = 42.52, kMarginTop = 56.69, kMarginBottom = 62.36;

/// `document` as a PDF. Throws PdfError.
std::string documentPdf(const Document& document, const PdfAssets& assets);

/// synthese.pdf: the summary of an étape (photos: path → bytes, as for summaryFiles). Throws PdfError.
std::string summaryPdf(const EtapeArchive& archive, const std::vector<std::pair<std::string, std::string>>& photos = {},
                       const std::filesystem::path& fontDir = defaultFontDir());
/// livret.pdf: the booklet (its photos are in `input`). Throws PdfError.
std::string bookletPdf(const BookletInput& input, const std::filesystem::path& fontDir = defaultFontDir());

}  // namespace atelier::exporting
