// Writing files the user keeps (documents, exports, archives): atomically, so that a crash or a full disk never
// leaves a half-written file, and an existing file is replaced only once the new one is complete. Reading the
// files people bring (CSV, archives, vote files): one bounded reader that refuses folders, devices and huge files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/errors.h"

namespace atelier::store {

/// Writes `content` to `file` through a temporary file in the same folder, flushed, then renamed over `file`.
/// Throws StoreError (French message naming the file) when it cannot; `file` is then unchanged.
void writeFileAtomic(const std::filesystem::path& file, std::string_view content);

/// The temporary files that writeFileAtomic (and the snapshot) leave when the process is killed mid-write:
/// `.NAME.tmp-PID` in the data folder and under its documents/, sessions/ and photos/, whose process is gone.
struct TempLeftovers {
    int files = 0;
    std::uintmax_t bytes = 0;
};
/// Counts them (`remove` false) or removes them (`remove` true: what was removed); `rootOnly`: those directly in
/// the folder. Never throws.
TempLeftovers tempLeftovers(const std::filesystem::path& dataDir, bool remove, bool rootOnly = false);

/// Writes `files` (name relative to `dir`, content; names may hold one sub-folder: "photos/a.jpg") into `dir` so
/// that nobody sees part of them: into a temporary folder beside, renamed whole when `dir` does not exist yet;
/// else each file renamed in from a temporary folder inside `dir`, the first of the list (the document that links
/// the others) last. `check`, when given, is called on each final path first (DataFolder::checkOutput). Throws
/// StoreError; a temporary folder is removed on failure (and, when killed, at the data folder's next start).
void writeFilesTogether(const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
                        void (*check)(const std::filesystem::path& dataDir, const std::filesystem::path& out) = nullptr,
                        const std::filesystem::path& dataDir = {});

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

namespace atelier::store {

/// Largest file the readers accept (CSV, archive, vote file, roster): 50 MB, far above any real one.
inline constexpr std::uintmax_t kMaxInputBytes = 50'000'000;

/// A file that cannot be read as input; what() is a French message naming the path and what to do.
class InputFileError : public StoreError {
public:
    enum class Kind { Missing, Folder, NotRegular, TooLarge, Unreadable };
    InputFileError(std::string message, Kind kind) : StoreError(std::move(message)), kind(kind) {}
    Kind kind;
};

/// The bytes of `file`, read by every loader (CSV, archive, vote file). Refuses, without reading it, a path
/// that does not exist, a folder, a device or a FIFO, and a file larger than `limit` (the message gives its
/// size); never reads more than `limit` bytes. Throws InputFileError.
std::string readInputFile(const std::filesystem::path& file, std::uintmax_t limit = kMaxInputBytes);

}  // namespace atelier::store
