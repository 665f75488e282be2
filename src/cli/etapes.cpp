// atelier etapes [--json]
#include <iostream>

#include "cli/commands.h"
#include "export/etapes.h"
#include "store/database.h"

namespace atelier::cli {

int cmdEtapes(Context& context, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    // From the index when it reflects the journal's last entry: nothing replayed; the model otherwise.
    std::optional<std::vector<EtapeLine>> lines;
    try {
        if (store::Database* index = context.index()) lines = store::indexedEtapes(*index);
    } catch (const store::StoreError&) {
        // A database this Atelier cannot read as an index (newer, damaged): the workspace says why, or replays.
    }
    if (!lines) lines = etapeLines(context.workspace().session().model());
    std::cout << (json ? exporting::etapesJson(*lines) : exporting::etapesTable(*lines));
    return 0;
}

}  // namespace atelier::cli
