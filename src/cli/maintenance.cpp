// atelier maintenance: the write-ahead log folded into the database, the snapshot of the model written, and the
// size of each part of the data folder (a folder that grows for years stays small and starts fast).
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/strings.h"
#include "store/database.h"
#include "store/maintenance.h"

namespace atelier::cli {

namespace {

/// « 1,4 Mo », « 820 ko », « 12 octets ».
std::string humanSize(std::uintmax_t bytes) {
    char buffer[32];
    if (bytes < 1000) return std::to_string(bytes) + " octets";
    if (bytes < 1000 * 1000) std::snprintf(buffer, sizeof buffer, "%.0f ko", static_cast<double>(bytes) / 1e3);
    else if (bytes < 1000ull * 1000 * 1000) std::snprintf(buffer, sizeof buffer, "%.1f Mo", static_cast<double>(bytes) / 1e6);
    else std::snprintf(buffer, sizeof buffer, "%.2f Go", static_cast<double>(bytes) / 1e9);
    std::string out = buffer;
    for (char& c : out)
        if (c == '.') c = ',';
    return out;
}

}  // namespace

int cmdMaintenance(Context& context, Args& args) {
    args.finish();
    store::Workspace& workspace = context.workspace();  // holds the folder: nobody writes meanwhile
    const store::FolderSizes before = store::folderSizes(context.dataDir());
    if (!workspace.saveSnapshot()) std::cerr << tr(Str::CliMaintenanceNoSnapshot) << "\n";
    store::checkpoint(workspace.database());
    const store::FolderSizes after = store::folderSizes(context.dataDir());
    std::cout << fmt(Str::CliMaintenanceDone,
                     {context.dataDir().string(), humanSize(after.database),
                      std::to_string(workspace.database().lastSeq()), humanSize(after.wal), humanSize(before.wal),
                      humanSize(after.snapshot), humanSize(after.sessions), std::to_string(after.archives),
                      humanSize(after.documents), humanSize(after.total())})
              << "\n";
    if (const store::TempLeftovers& removed = workspace.tempRemoved(); removed.files > 0)
        std::cout << fmt(Str::TempFilesRemoved, {std::to_string(removed.files) + " (" + humanSize(removed.bytes) + ")"})
                  << "\n";
    std::cout << fmt(Str::MaintenanceTempFiles,
                     {std::to_string(after.temporaryFiles) + " (" + humanSize(after.temporary) + ")"})
              << "\n";
    return 0;
}

}  // namespace atelier::cli
