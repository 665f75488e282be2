// [SECTION] The lock file
// [SECTION] One lock per folder and process

#include "store/lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/file.h>
#include <unistd.h>

#include "core/strings.h"
#include "store/errors.h"
#include "store/files.h"

namespace atelier::store {

std::filesystem::path lockFile(const std::filesystem::path& dataDir) { return dataDir / "atelier.lock"; }

// [SECTION] The lock file

struct FolderLock::Held {
    int fd = -1;
    ~Held() {
        if (fd >= 0) ::close(fd);  // closing the last descriptor releases the flock
    }
};

namespace {

std::string localNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%d/%m/%Y %H:%M", &local);
    return buffer;
}

/// The content of the lock file: "pid\nholder\nsince\n".
struct HolderInfo {
    long pid = 0;
    std::string holder;
    std::string since;
};

HolderInfo readHolder(int fd) {
    std::string bytes;
    char buffer[512];
    ssize_t n;
    off_t at = 0;
    while ((n = ::pread(fd, buffer, sizeof buffer, at)) > 0 && bytes.size() < 4096) {
        bytes.append(buffer, static_cast<size_t>(n));
        at += n;
    }
    HolderInfo info;
    std::string lines[3];
    size_t line = 0;
    for (char c : bytes) {
        if (c == '\n') {
            if (++line == 3) break;
        } else {
            lines[line] += c;
        }
    }
    for (char c : lines[0]) {
        if (c < '0' || c > '9') {
            info.pid = 0;
            break;
        }
        info.pid = info.pid * 10 + (c - '0');
    }
    info.holder = lines[1];
    info.since = lines[2];
    return info;
}

void writeHolder(int fd, const std::string& holder) {
    const std::string content = std::to_string(::getpid()) + "\n" + holder + "\n" + localNow() + "\n";
    // Best effort: the content only serves the message of a refused writer; the lock is what counts.
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t n = ::pwrite(fd, content.data(), content.size(), 0);
    }
}

[[noreturn]] void refuseBusy(const std::filesystem::path& dataDir, int fd) {
    HolderInfo info = readHolder(fd);
    for (int attempt = 0; attempt < 5 && info.since.empty(); ++attempt) {  // the holder may be writing it now
        ::usleep(10000);
        info = readHolder(fd);
    }
    if (info.pid <= 0 || info.since.empty())
        throw FolderBusy(fmt(Str::ErrFolderBusyUnknown, {dataDir.string()}), 0);
    throw FolderBusy(fmt(Str::ErrFolderBusy, {dataDir.string(), info.holder, std::to_string(info.pid), info.since}),
                     info.pid);
}

// [SECTION] One lock per folder and process

std::mutex& registryMutex() {
    static std::mutex m;
    return m;
}

std::map<std::string, std::weak_ptr<FolderLock::Held>>& registry() {
    static std::map<std::string, std::weak_ptr<FolderLock::Held>> r;
    return r;
}

}  // namespace

FolderLock FolderLock::acquire(const std::filesystem::path& dataDir, const std::string& holder) {
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(dataDir, ec);
    if (ec) canonical = std::filesystem::absolute(dataDir, ec);
    const std::string key = canonical.string();

    std::lock_guard guard(registryMutex());
    auto& held = registry();
    for (auto it = held.begin(); it != held.end();) it = it->second.expired() ? held.erase(it) : std::next(it);
    FolderLock lock;
    if (auto it = held.find(key); it != held.end()) {
        lock.held_ = it->second.lock();
        if (lock.held_) return lock;
    }

    const std::filesystem::path file = lockFile(dataDir);
    auto h = std::make_shared<Held>();
    h->fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (h->fd < 0) {
        const int error = errno;
        const std::string detail = std::strerror(error);
        throw storageUnavailable(storageReason(error).value_or(StorageUnavailable::Reason::CannotOpen), dataDir,
                                 detail);
    }
    while (::flock(h->fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno == EWOULDBLOCK) refuseBusy(dataDir, h->fd);
        const int error = errno;
        throw storageUnavailable(StorageUnavailable::Reason::CannotOpen, dataDir, std::strerror(error));
    }
    writeHolder(h->fd, holder.empty() ? std::string(tr(Str::LockHolderUnknown)) : holder);
    held[key] = h;
    lock.held_ = std::move(h);
    return lock;
}

}  // namespace atelier::store
