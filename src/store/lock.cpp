// [SECTION] The lock file
// [SECTION] One lock per folder and process

#include "store/lock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

#include "core/strings.h"
#include "store/errors.h"
#include "store/files.h"

namespace atelier::store {

std::filesystem::path lockFile(const std::filesystem::path& dataDir) { return dataDir / "atelier.lock"; }

// [SECTION] The lock file

// Windows: LockFileEx on one byte far past the content (a Windows lock is mandatory: locking the content would
// keep the next writer from reading who holds the folder); the system releases it when the process ends.
#ifdef _WIN32
using NativeFile = HANDLE;
const NativeFile kNoFile = INVALID_HANDLE_VALUE;
constexpr DWORD kLockOffsetHigh = 1;  // the byte at 4 GiB: never content
#else
using NativeFile = int;
constexpr NativeFile kNoFile = -1;
#endif

struct FolderLock::Held {
    NativeFile fd = kNoFile;
    ~Held() {
#ifdef _WIN32
        if (fd != kNoFile) ::CloseHandle(fd);  // closing the handle releases the lock
#else
        if (fd >= 0) ::close(fd);  // closing the last descriptor releases the flock
#endif
    }
};

namespace {

long currentPid() {
#ifdef _WIN32
    return static_cast<long>(::GetCurrentProcessId());
#else
    return static_cast<long>(::getpid());
#endif
}

/// Up to `size` bytes at `offset`; 0 at the end, -1 on error.
long readAt(NativeFile fd, char* buffer, size_t size, long long offset) {
#ifdef _WIN32
    OVERLAPPED at{};
    at.Offset = static_cast<DWORD>(offset & 0xFFFFFFFF);
    at.OffsetHigh = static_cast<DWORD>(offset >> 32);
    DWORD got = 0;
    if (!::ReadFile(fd, buffer, static_cast<DWORD>(size), &got, &at))
        return ::GetLastError() == ERROR_HANDLE_EOF ? 0 : -1;
    return static_cast<long>(got);
#else
    return static_cast<long>(::pread(fd, buffer, size, static_cast<off_t>(offset)));
#endif
}

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

HolderInfo readHolder(NativeFile fd) {
    std::string bytes;
    char buffer[512];
    long n;
    long long at = 0;
    while ((n = readAt(fd, buffer, sizeof buffer, at)) > 0 && bytes.size() < 4096) {
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

void writeHolder(NativeFile fd, const std::string& holder) {
    const std::string content = std::to_string(currentPid()) + "\n" + holder + "\n" + localNow() + "\n";
    // Best effort: the content only serves the message of a refused writer; the lock is what counts.
#ifdef _WIN32
    LARGE_INTEGER start{};
    if (::SetFilePointerEx(fd, start, nullptr, FILE_BEGIN) && ::SetEndOfFile(fd)) {
        DWORD written = 0;
        ::WriteFile(fd, content.data(), static_cast<DWORD>(content.size()), &written, nullptr);
    }
#else
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t n = ::pwrite(fd, content.data(), content.size(), 0);
    }
#endif
}

[[noreturn]] void refuseBusy(const std::filesystem::path& dataDir, NativeFile fd) {
    HolderInfo info = readHolder(fd);
    for (int attempt = 0; attempt < 5 && info.since.empty(); ++attempt) {  // the holder may be writing it now
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
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
#ifdef _WIN32
    h->fd = ::CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                          nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h->fd == kNoFile) {
        const DWORD error = ::GetLastError();
        const auto reason = error == ERROR_ACCESS_DENIED || error == ERROR_WRITE_PROTECT ? StorageUnavailable::Reason::ReadOnly
                            : error == ERROR_DISK_FULL                                     ? StorageUnavailable::Reason::Full
                                                                                       : StorageUnavailable::Reason::CannotOpen;
        throw storageUnavailable(reason, dataDir, std::system_category().message(static_cast<int>(error)));
    }
    OVERLAPPED region{};
    region.OffsetHigh = kLockOffsetHigh;
    if (!::LockFileEx(h->fd, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &region)) {
        const DWORD error = ::GetLastError();
        if (error == ERROR_LOCK_VIOLATION || error == ERROR_IO_PENDING) refuseBusy(dataDir, h->fd);
        throw storageUnavailable(StorageUnavailable::Reason::CannotOpen, dataDir,
                                 std::system_category().message(static_cast<int>(error)));
    }
#else
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
#endif
    writeHolder(h->fd, holder.empty() ? std::string(tr(Str::LockHolderUnknown)) : holder);
    held[key] = h;
    lock.held_ = std::move(h);
    return lock;
}

}  // namespace atelier::store
