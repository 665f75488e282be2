#include "store/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "core/strings.h"
#include "store/errors.h"

namespace atelier::store {

void writeFileAtomic(const std::filesystem::path& file, std::string_view content) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::string tmpName = ".";
    tmpName += file.filename().string();
    tmpName += ".tmp-";
    tmpName += std::to_string(getpid());
    const std::filesystem::path tmp = dir / tmpName;
    auto fail = [&](const char* what) {
        const std::string reason = std::string(what) + " : " + std::strerror(errno);
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

std::optional<StorageUnavailable::Reason> storageReason(int systemErrno) {
    switch (systemErrno) {
        case EROFS:
        case EACCES:
        case EPERM: return StorageUnavailable::Reason::ReadOnly;
        case ENOSPC:
        case EDQUOT: return StorageUnavailable::Reason::Full;
        case ENOENT:
        case ENOTDIR:
        case ENAMETOOLONG:
        case ELOOP:
        case EISDIR:
        case ENXIO:
        case ENODEV: return StorageUnavailable::Reason::CannotOpen;
        default: return std::nullopt;
    }
}

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

StorageUnavailable storageUnavailable(StorageUnavailable::Reason reason, const std::filesystem::path& dataDir,
                                      const std::string& detail) {
    const Str key = reason == StorageUnavailable::Reason::ReadOnly ? Str::ErrDataReadOnly
                    : reason == StorageUnavailable::Reason::Full   ? Str::ErrDataFull
                                                                   : Str::ErrDataUnreachable;
    return StorageUnavailable(fmt(key, {dataDir.string(), detail}), reason);
}

}  // namespace atelier::store
