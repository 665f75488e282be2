// Writing files the user keeps (documents, exports, archives): atomically, so that a crash or a full disk never
// leaves a half-written file, and an existing file is replaced only once the new one is complete.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "store/errors.h"

namespace atelier::store {

/// Writes `content` to `file` through a temporary file in the same folder, flushed, then renamed over `file`.
/// Throws StoreError (French message naming the file) when it cannot; `file` is then unchanged.
void writeFileAtomic(const std::filesystem::path& file, std::string_view content);

/// What a system error says about the data folder: read-only (EROFS, EACCES, EPERM), full (ENOSPC, EDQUOT), or
/// unreachable (ENOENT, ENOTDIR…); nullopt for other errors.
std::optional<StorageUnavailable::Reason> storageReason(int systemErrno);
/// Why nothing can be written in `dir` (the errno of creating and writing a small probe file there, removed at
/// once), or 0 when it can. SQLite's own errno is not reliable for this: it retries read-only and keeps that errno.
int folderWriteError(const std::filesystem::path& dir);
/// The French refusal for `reason` about the data folder `dataDir`; `detail` is the system's own words.
StorageUnavailable storageUnavailable(StorageUnavailable::Reason reason, const std::filesystem::path& dataDir,
                                      const std::string& detail);

}  // namespace atelier::store
