// atelier tarifs --etape N [--json]
// atelier emargement --etape N --out FILE.html
// atelier etat-frais --etape N --out FILE.html
#include <iostream>

#include "cli/commands.h"
#include "core/strings.h"
#include "export/documents.h"
#include "store/errors.h"
#include "store/data_folder.h"
#include "store/files.h"

namespace atelier::cli {

namespace {
int writeDocument(Context& context, Args& args, std::string (*render)(const Model&, const Etape&)) {
    const Etape& etape = etapeOption(context, args);
    const auto out = args.option("--out");
    args.finish();
    if (!out) throw UsageError{tr(Str::CliNeedsOut)};
    store::DataFolder::writeOutput(context.dataDir(), *out, render(context.workspace().session().model(), etape));
    std::cout << fmt(Str::CliWritten, {*out}) << "\n";
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
    return writeDocument(context, args, exporting::attendanceSheetHtml);
}

int cmdEtatFrais(Context& context, Args& args) { return writeDocument(context, args, exporting::feeStatementHtml); }

}  // namespace atelier::cli
