// atelier etapes [--json]
#include <iostream>

#include "cli/commands.h"
#include "export/etapes.h"

namespace atelier::cli {

int cmdEtapes(Context& context, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    const Model& model = context.workspace().session().model();
    std::cout << (json ? exporting::etapesJson(model) : exporting::etapesTable(model));
    return 0;
}

}  // namespace atelier::cli
