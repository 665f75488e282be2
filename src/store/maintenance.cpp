#include "store/maintenance.h"

#include "store/errors.h"
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
    return sizes;
}

void checkpoint(Database& db) {
    try {
        db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SqliteError& e) {
        throw StoreError(e.what());
    }
}

}  // namespace atelier::store
