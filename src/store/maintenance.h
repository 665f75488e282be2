// Upkeep of a data folder that grows for years (`atelier maintenance`): the write-ahead log folded back into the
// database, the snapshot brought up to date, and the size of each part of the folder.
#pragma once

#include <cstdint>
#include <filesystem>

#include "store/database.h"

namespace atelier::store {

/// The sizes, in bytes, of the parts of a data folder.
struct FolderSizes {
    std::uintmax_t database = 0;   // atelier.db
    std::uintmax_t wal = 0;        // atelier.db-wal
    std::uintmax_t snapshot = 0;   // snapshot.bin
    std::uintmax_t sessions = 0;   // sessions/ (the archive and the summaries beside it)
    std::uintmax_t documents = 0;  // documents/
    int archives = 0;              // sessions/*/etape.json
    std::uintmax_t temporary = 0;  // temporary files of killed writes (files.h, TempLeftovers), also counted above
    int temporaryFiles = 0;
    std::uintmax_t rootTemporary = 0;  // the part of `temporary` directly in the folder (not in a part above)
    std::uintmax_t total() const { return database + wal + snapshot + sessions + documents + rootTemporary; }
};

/// What the folder holds now (a part that is missing counts 0).
FolderSizes folderSizes(const std::filesystem::path& dataDir);

/// Writes every page of the write-ahead log into the database and empties the log (PRAGMA wal_checkpoint
/// TRUNCATE). Only for the writer holding the folder. Throws StoreError.
void checkpoint(Database& db);

}  // namespace atelier::store
