#include "store/maintenance.h"

#include <sqlite3.h>

#include "core/strings.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/snapshot.h"

namespace atelier::store {

namespace {

std::uintmax_t fileSize(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

std::uintmax_t treeSize(const std::filesystem::path& dir, int* etapeFiles = nullptr) {
    std::uintmax_t total = 0;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return 0;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        total += fileSize(it->path());
        if (etapeFiles && it->path().filename() == "etape.json") ++*etapeFiles;
    }
    return total;
}

}  // namespace

FolderSizes folderSizes(const std::filesystem::path& dataDir) {
    FolderSizes sizes;
    sizes.database = fileSize(dataDir / "atelier.db");
    sizes.wal = fileSize(dataDir / "atelier.db-wal");
    sizes.snapshot = fileSize(snapshotFile(dataDir));
    sizes.sessions = treeSize(dataDir / "sessions", &sizes.archives);
    sizes.documents = treeSize(dataDir / "documents");
    const TempLeftovers all = tempLeftovers(dataDir, false);
    sizes.temporary = all.bytes;
    sizes.temporaryFiles = all.files;
    sizes.rootTemporary = tempLeftovers(dataDir, false, true).bytes;  // the others are inside sessions/, documents/
    return sizes;
}

void checkpoint(Database& db) {
    try {
        db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SqliteError& e) {
        if ((e.code & 0xff) == SQLITE_FULL || storageReason(e.systemErrno) == StorageUnavailable::Reason::Full)
            throw StorageUnavailable(fmt(Str::ErrCheckpointFull, {db.file().parent_path().string()}),
                                     StorageUnavailable::Reason::Full);
        throw StoreError(e.what());
    }
}

}  // namespace atelier::store
