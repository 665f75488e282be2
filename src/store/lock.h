// One writer per data folder (DESIGN.md §3): the app and every command that writes hold DATA/atelier.lock with an
// exclusive advisory lock (flock) for as long as they run; a second writer is refused at once, in French, with who
// holds the folder. The kernel releases the lock when the holder exits, even after kill -9: no stale lock.
// The rule is per process: several holders in one process (the app's workspace, its archive index) share it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace atelier::store {

/// DATA/atelier.lock: the lock, and who holds it (pid, holder, since) for the message the next writer gets.
std::filesystem::path lockFile(const std::filesystem::path& dataDir);

class FolderLock {
public:
    /// Takes the data folder `dataDir` (which must exist) for this process, or shares the lock this process
    /// already holds. `holder` names this process in the message another writer gets (« l'application
    /// Atelier », « la commande atelier import »…). Throws FolderBusy when another process holds it,
    /// StorageUnavailable when the lock file cannot be created (read-only folder, full disk).
    static FolderLock acquire(const std::filesystem::path& dataDir, const std::string& holder);

    FolderLock() = default;
    /// True while this object holds (its share of) the lock.
    bool held() const { return held_ != nullptr; }
    /// Lets go of this share; the lock is released when the process's last share goes.
    void release() { held_.reset(); }

    struct Held;  // the open lock file of one folder, shared by this process's holders

private:
    std::shared_ptr<Held> held_;
};

}  // namespace atelier::store
