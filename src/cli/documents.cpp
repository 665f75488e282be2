// atelier tarifs --etape N [--json]
// atelier emargement --etape N --out FILE.html   (and FILE.pdf beside it)
// atelier etat-frais --etape N --out FILE.html   (and FILE.pdf beside it)
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/strings.h"
#include "export/documents.h"
#include "export/pdf.h"
#include "store/errors.h"
#include "store/data_folder.h"
#include "store/files.h"

namespace atelier::cli {

namespace {
using Render = std::string (*)(const Model&, const Etape&);

/// The HTML at --out, and the PDF beside it under the same base name (FILE.pdf); a PDF that cannot be written is
/// said on stderr, the HTML kept.
int writeDocument(Context& context, Args& args, Render html, Render pdf) {
    const Etape& etape = etapeOption(context, args);
    const auto out = args.option("--out");
    args.finish();
    if (!out) throw UsageError{tr(Str::CliNeedsOut)};
    const Model& model = context.workspace().session().model();
    store::DataFolder::writeOutput(context.dataDir(), *out, html(model, etape));
    std::cout << fmt(Str::CliWritten, {*out}) << "\n";
    const std::string pdfOut = std::filesystem::path(*out).replace_extension(".pdf").string();
    if (pdfOut == *out) return 0;  // --out FILE.pdf: the HTML is already there
    try {
        store::DataFolder::writeOutput(context.dataDir(), pdfOut, pdf(model, etape));
        std::cout << fmt(Str::CliWritten, {pdfOut}) << "\n";
    } catch (const exporting::PdfError& e) {
        std::cerr << e.what() << "\n";
    }
    return 0;
}
}  // namespace

int cmdTarifs(Context& context, Args& args) {
    const Etape& etape = etapeOption(context, args);
    const bool json = args.flag("--json");
    args.finish();
    const Model& model = context.workspace().session().model();
    std::cout << (json ? exporting::feesJson(model, etape) : exporting::feesTable(model, etape));
    return 0;
}

int cmdEmargement(Context& context, Args& args) {
    return writeDocument(context, args, exporting::attendanceSheetHtml, exporting::attendanceSheetPdf);
}

int cmdEtatFrais(Context& context, Args& args) {
    return writeDocument(context, args, exporting::feeStatementHtml, exporting::feeStatementPdf);
}

}  // namespace atelier::cli
