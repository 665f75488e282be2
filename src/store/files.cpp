#include "store/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#ifdef _WIN32
#include <io.h>
#include <system_error>
#include <windows.h>
#else
#include <csignal>
#include <unistd.h>
#endif

#include "core/strings.h"
#include "store/errors.h"

namespace atelier::store {

#ifdef _WIN32
// Windows: the temporary file flushed (FlushFileBuffers), then MoveFileExW over the file, written through.
void writeFileAtomic(const std::filesystem::path& file, std::string_view content) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const std::filesystem::path tmp =
        dir / (L"." + file.filename().wstring() + L".tmp-" + std::to_wstring(::GetCurrentProcessId()));
    auto fail = [&](const char* what, DWORD error) {
        // The same French reasons as on Linux; the system's own words (English under Wine) only for the others.
        std::string reason;
        if (error == ERROR_PATH_NOT_FOUND || error == ERROR_FILE_NOT_FOUND || error == ERROR_DIRECTORY)
            reason = fmt(Str::WriteReasonNoFolder, {dir.string()});
        else if (error == ERROR_ACCESS_DENIED || error == ERROR_WRITE_PROTECT)
            reason = fmt(Str::WriteReasonReadOnly, {dir.string()});
        else if (error == ERROR_DISK_FULL || error == ERROR_HANDLE_DISK_FULL)
            reason = tr(Str::WriteReasonFull);
        else
            reason = std::string(what) + " : " + std::system_category().message(static_cast<int>(error));
        ::DeleteFileW(tmp.c_str());
        throw StoreError(fmt(Str::ErrWriteFile, {file.string(), reason}));
    };
    const HANDLE h = ::CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) fail("création", ::GetLastError());
    size_t written = 0;
    while (written < content.size()) {
        const DWORD chunk = static_cast<DWORD>(std::min<size_t>(content.size() - written, 1u << 30));
        DWORD n = 0;
        if (!::WriteFile(h, content.data() + written, chunk, &n, nullptr)) {
            const DWORD error = ::GetLastError();
            ::CloseHandle(h);
            fail("écriture", error);
        }
        written += n;
    }
    if (!::FlushFileBuffers(h)) {
        const DWORD error = ::GetLastError();
        ::CloseHandle(h);
        fail("synchronisation", error);
    }
    if (!::CloseHandle(h)) fail("fermeture", ::GetLastError());
    if (!::MoveFileExW(tmp.c_str(), file.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        fail("remplacement", ::GetLastError());
}
#else
void writeFileAtomic(const std::filesystem::path& file, std::string_view content) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::string tmpName = ".";
    tmpName += file.filename().string();
    tmpName += ".tmp-";
    tmpName += std::to_string(getpid());
    const std::filesystem::path tmp = dir / tmpName;
    auto fail = [&](const char* what) {
        const int error = errno;
        std::string reason;
        if (error == ENOENT || error == ENOTDIR) reason = fmt(Str::WriteReasonNoFolder, {dir.string()});
        else if (error == EROFS || error == EACCES || error == EPERM) reason = fmt(Str::WriteReasonReadOnly, {dir.string()});
        else if (storageReason(error) == StorageUnavailable::Reason::Full) reason = tr(Str::WriteReasonFull);
        else reason = std::string(what) + " : " + std::strerror(error);
        std::remove(tmp.c_str());
        throw StoreError(fmt(Str::ErrWriteFile, {file.string(), reason}));
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("création");
    size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            fail("écriture");
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("synchronisation");
    }
    if (::close(fd) != 0) fail("fermeture");
    if (std::rename(tmp.c_str(), file.c_str()) != 0) fail("remplacement");
    // Make the rename itself durable.
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}
#endif

namespace {
std::string processSuffix() {
#ifdef _WIN32
    return ".tmp-" + std::to_string(::GetCurrentProcessId());
#else
    return ".tmp-" + std::to_string(getpid());
#endif
}
}  // namespace

void writeFilesTogether(const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
                        void (*check)(const std::filesystem::path&, const std::filesystem::path&),
                        const std::filesystem::path& dataDir) {
    if (check)
        for (const auto& [name, content] : files) check(dataDir, dir / name);
    std::error_code ec;
    const bool fresh = !std::filesystem::exists(dir, ec);
    std::filesystem::path parent = dir.parent_path();
    if (parent.empty()) parent = ".";
    const std::string leaf = dir.filename().empty() ? dir.parent_path().filename().string() : dir.filename().string();
    const std::filesystem::path stage = fresh ? parent / ("." + leaf + processSuffix()) : dir / (".atelier" + processSuffix());
    const auto cleanUp = [&] {
        std::error_code ignored;
        std::filesystem::remove_all(stage, ignored);
    };
    try {
        if (fresh) std::filesystem::create_directories(parent, ec);  // writeFileAtomic names the folder otherwise
        for (const auto& [name, content] : files) {
            std::filesystem::create_directories((stage / name).parent_path(), ec);
            writeFileAtomic(stage / name, content);
        }
        if (fresh) {
            std::filesystem::rename(stage, dir, ec);
            if (ec) throw StoreError(fmt(Str::ErrWriteFile, {dir.string(), ec.message()}));
            return;
        }
        for (size_t i = files.size(); i-- > 0;) {  // the first (the document linking the others) last
            const std::filesystem::path target = dir / files[i].first;
            std::filesystem::create_directories(target.parent_path(), ec);
            std::filesystem::rename(stage / files[i].first, target, ec);
            if (ec) throw StoreError(fmt(Str::ErrWriteFile, {target.string(), ec.message()}));
        }
        cleanUp();
    } catch (...) {
        cleanUp();
        throw;
    }
}

namespace {
/// The process id in a writeFileAtomic temporary's name (".NAME.tmp-PID"), or 0 when the name is not one.
long tempOwner(const std::string& name) {
    const auto at = name.rfind(".tmp-");
    if (name.empty() || name.front() != '.' || at == std::string::npos || at + 5 >= name.size()) return 0;
    long pid = 0;
    for (size_t i = at + 5; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9' || pid > 100'000'000) return 0;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid;
}

bool processAlive(long pid) {
#ifdef _WIN32
    if (pid == static_cast<long>(::GetCurrentProcessId())) return true;
    const HANDLE h = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!h) return false;
    DWORD code = 0;
    const bool running = ::GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    ::CloseHandle(h);
    return running;
#else
    if (pid == static_cast<long>(getpid())) return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}
}  // namespace

TempLeftovers tempLeftovers(const std::filesystem::path& dataDir, bool remove, bool rootOnly) {
    TempLeftovers found;
    std::error_code ec;
    const auto visit = [&](const std::filesystem::path& file) {
        const long pid = tempOwner(file.filename().string());
        if (pid == 0 || processAlive(pid)) return;  // a write still going on is not a leftover
        std::error_code fileEc;
        const auto status = std::filesystem::symlink_status(file, fileEc);
        std::uintmax_t size = 0;
        if (std::filesystem::is_directory(status)) {  // a booklet's temporary folder (writeFilesTogether)
            for (std::filesystem::recursive_directory_iterator it(file, fileEc), end; !fileEc && it != end;
                 it.increment(fileEc))
                if (it->is_regular_file(fileEc)) size += it->file_size(fileEc);
            if (remove && std::filesystem::remove_all(file, fileEc) == static_cast<std::uintmax_t>(-1)) return;
        } else {
            if (!std::filesystem::is_regular_file(status)) return;
            size = std::filesystem::file_size(file, fileEc);
            if (remove && !std::filesystem::remove(file, fileEc)) return;
        }
        ++found.files;
        found.bytes += fileEc ? 0 : size;
    };
    for (std::filesystem::directory_iterator it(dataDir, ec), end; !ec && it != end; it.increment(ec)) visit(it->path());
    for (const char* folder : {"documents", "sessions", "photos"}) {
        if (rootOnly) break;
        std::error_code walkEc;
        for (std::filesystem::recursive_directory_iterator it(dataDir / folder, walkEc), end; !walkEc && it != end;
             it.increment(walkEc)) {
            std::error_code kindEc;
            if (tempOwner(it->path().filename().string()) != 0 && it->is_directory(kindEc))
                it.disable_recursion_pending();  // removed whole, never walked into
            visit(it->path());
        }
    }
    return found;
}

std::optional<StorageUnavailable::Reason> storageReason(int systemErrno) {
    switch (systemErrno) {
        case EROFS:
        case EACCES:
        case EPERM: return StorageUnavailable::Reason::ReadOnly;
        case ENOSPC:
#ifdef EDQUOT
        case EDQUOT:
#endif
            return StorageUnavailable::Reason::Full;
        case ENOENT:
        case ENOTDIR:
        case ENAMETOOLONG:
#ifdef ELOOP
        case ELOOP:
#endif
        case EISDIR:
        case ENXIO:
        case ENODEV: return StorageUnavailable::Reason::CannotOpen;
        default: return std::nullopt;
    }
}

#ifdef _WIN32
int folderWriteError(const std::filesystem::path& dir) {
    const std::filesystem::path probe = dir / (L".atelier-probe-" + std::to_wstring(::GetCurrentProcessId()));
    const int fd = ::_wopen(probe.c_str(), _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
    if (fd < 0) return errno == EEXIST ? 0 : errno;
    int error = 0;
    if (::_write(fd, "x", 1) != 1 || ::_commit(fd) != 0) error = errno;
    ::_close(fd);
    ::_wunlink(probe.c_str());
    return error;
}
#else
int folderWriteError(const std::filesystem::path& dir) {
    const std::filesystem::path probe = dir / (".atelier-probe-" + std::to_string(getpid()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errno == EEXIST ? 0 : errno;
    int error = 0;
    if (::write(fd, "x", 1) != 1 || ::fsync(fd) != 0) error = errno;
    ::close(fd);
    ::unlink(probe.c_str());
    return error;
}
#endif

StorageUnavailable storageUnavailable(StorageUnavailable::Reason reason, const std::filesystem::path& dataDir,
                                      const std::string& detail) {
    const Str key = reason == StorageUnavailable::Reason::ReadOnly ? Str::ErrDataReadOnly
                    : reason == StorageUnavailable::Reason::Full   ? Str::ErrDataFull
                                                                   : Str::ErrDataUnreachable;
    return StorageUnavailable(fmt(key, {dataDir.string(), detail}), reason);
}

}  // namespace atelier::store

namespace atelier::store {

namespace {
/// "52,4 Mo": a size for a French message.
std::string megabytes(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(bytes) / 1e6);
    std::string out = buffer;
    if (const auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
    return out + " Mo";
}
}  // namespace

// [SECTION] Reading an input file: the platform's calls, then one reading for both.
namespace {
using Kind = InputFileError::Kind;

/// What the open descriptor is.
struct InputStat {
    bool directory = false;
    bool regular = false;
    std::uintmax_t size = 0;
};

#ifdef _WIN32
// Windows: no FIFO to fear; binary mode. A folder cannot be opened (EACCES): told apart after the refusal. A device
// (NUL, COM1) opens and is refused by its type, as on Linux.
int openInput(const std::filesystem::path& file, const std::string& name) {
    const int fd = ::_wopen(file.c_str(), _O_RDONLY | _O_BINARY);
    if (fd < 0) {
        const int error = errno;
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec))
            throw InputFileError(fmt(Str::ErrInputFolder, {name}), Kind::Folder);
        if (error == ENOENT) throw InputFileError(fmt(Str::ErrInputMissing, {name}), Kind::Missing);
        throw InputFileError(fmt(Str::ErrInputUnreadable, {name}), Kind::Unreadable);
    }
    return fd;
}
void closeInput(int fd) { ::_close(fd); }
bool statInput(int fd, InputStat& out) {
    struct _stat64 info {};
    if (::_fstat64(fd, &info) != 0) return false;
    out = {(info.st_mode & _S_IFMT) == _S_IFDIR, (info.st_mode & _S_IFMT) == _S_IFREG,
           static_cast<std::uintmax_t>(info.st_size)};
    return true;
}
void blockingReads(int /*fd*/) {}
/// Up to `n` bytes; 0 at the end, negative on an error.
long long readInput(int fd, char* to, size_t n) {
    return ::_read(fd, to, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
}
#else
// O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the open descriptor.
int openInput(const std::filesystem::path& file, const std::string& name) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw InputFileError(fmt(Str::ErrInputMissing, {name}), Kind::Missing);
        if (errno == EISDIR) throw InputFileError(fmt(Str::ErrInputFolder, {name}), Kind::Folder);
        throw InputFileError(fmt(Str::ErrInputUnreadable, {name}), Kind::Unreadable);
    }
    return fd;
}
void closeInput(int fd) { ::close(fd); }
bool statInput(int fd, InputStat& out) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) return false;
    out = {S_ISDIR(info.st_mode), S_ISREG(info.st_mode), static_cast<std::uintmax_t>(info.st_size)};
    return true;
}
void blockingReads(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); }
/// Up to `n` bytes; 0 at the end, negative on an error.
long long readInput(int fd, char* to, size_t n) {
    for (;;) {
        const ssize_t got = ::read(fd, to, n);
        if (got < 0 && errno == EINTR) continue;
        return got;
    }
}
#endif
}  // namespace

std::string readInputFile(const std::filesystem::path& file, std::uintmax_t limit) {
    const std::string name = file.string();
    const int fd = openInput(file, name);
    struct Closer {
        int fd;
        ~Closer() { closeInput(fd); }
    } closer{fd};
    InputStat info;
    if (!statInput(fd, info)) throw InputFileError(fmt(Str::ErrInputUnreadable, {name}), Kind::Unreadable);
    if (info.directory) throw InputFileError(fmt(Str::ErrInputFolder, {name}), Kind::Folder);
    if (!info.regular) throw InputFileError(fmt(Str::ErrInputNotRegular, {name}), Kind::NotRegular);
    const auto tooLarge = [&](std::uintmax_t size) {
        return InputFileError(fmt(Str::ErrInputTooLarge, {name, megabytes(size), megabytes(limit)}), Kind::TooLarge);
    };
    if (info.size > limit) throw tooLarge(info.size);
    blockingReads(fd);
    // Never more than limit + 1 bytes, whatever the size said (a file that grows, a /proc file).
    std::string bytes;
    bytes.resize(static_cast<size_t>(std::min<std::uintmax_t>(info.size, limit) + 1));
    size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (got > limit) throw tooLarge(got);
            bytes.resize(std::min<size_t>(bytes.size() * 2, static_cast<size_t>(limit) + 1));
        }
        const long long n = readInput(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) throw InputFileError(fmt(Str::ErrInputUnreadable, {name}), Kind::Unreadable);
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

}  // namespace atelier::store
