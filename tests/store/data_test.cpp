// The data folder: one writer at a time (the folder lock, and the journal check behind it), read-only workspaces,
// journal entries that cannot be replayed, empty or foreign atelier.db files, a read-only folder and a full disk.
#include <doctest/doctest.h>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sqlite3.h>
#include <string>
#ifndef _WIN32  // the Linux-only cases below (fork, mounts, file attributes)
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>
#else
#include <process.h>  // getpid
#endif

#include "store/database.h"
#include "store/errors.h"
#include "store/lock.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;

using atelier::test::readBytes;

void rawExec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

Territory named(const std::string& name) { return Territory{0, name, "", Membership::Adherent, false}; }

/// What opening `dir` (Write) throws, as its message; "" when it opens.
template <class Error>
std::string refusal(const fs::path& dir, Access access = Access::Write) {
    try {
        Workspace ws(dir, access);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

#ifndef _WIN32  // Linux: chattr +i, bind mounts, tmpfs
/// Makes `dir` read-only for this process, even for root when the sandbox allows it: the immutable attribute
/// (CAP_LINUX_IMMUTABLE), else a read-only bind mount (CAP_SYS_ADMIN), else permission bits (not root). `how`
/// names what worked; empty when nothing could (the caller then says so and checks the rest).
struct ReadOnlyFolder {
    fs::path dir;
    std::string how;
    explicit ReadOnlyFolder(fs::path d) : dir(std::move(d)) {
        if (geteuid() != 0) {
            fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
            how = "chmod 0500";
        } else if (setImmutable(true)) {
            how = "chattr +i";
        } else if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) == 0) {
            if (::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0) how = "mount -o ro";
            else ::umount(dir.c_str());
        }
        if (!how.empty() && writable()) release();  // it did not work after all
    }
    ~ReadOnlyFolder() { release(); }
    bool writable() const {
        const fs::path probe = dir / ".probe";
        const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT, 0644);
        if (fd < 0) return false;
        ::close(fd);
        ::unlink(probe.c_str());
        return true;
    }
    bool setImmutable(bool on) const {
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
        if (fd < 0) return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        ::close(fd);
        return ok;
    }
    void release() {
        if (how == "chmod 0500") fs::permissions(dir, fs::perms::owner_all);
        if (how == "chattr +i") setImmutable(false);
        if (how == "mount -o ro") ::umount(dir.c_str());
        how.clear();
    }
};

/// A small tmpfs at `dir`, when this process may mount one (CAP_SYS_ADMIN); `mounted` says whether it is.
struct SmallDisk {
    fs::path dir;
    bool mounted = false;
    SmallDisk(fs::path d, const char* size) : dir(std::move(d)) {
        fs::create_directories(dir);
        mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted) ::umount(dir.c_str());
    }
    /// Fills the disk with a file until no byte is left.
    void fill() const {
        const int fd = ::open((dir / "remplissage").c_str(), O_WRONLY | O_CREAT, 0644);
        REQUIRE(fd >= 0);
        const std::string block(4096, 'x');
        while (::write(fd, block.data(), block.size()) > 0) {
        }
        const char one = 'x';
        while (::write(fd, &one, 1) > 0) {
        }
        ::close(fd);
    }
};

#endif
}  // namespace

// [SECTION] One writer per data folder

#ifndef _WIN32  // fork, kill -9
TEST_CASE("a second writer process is refused by name and pid, and the lock dies with its holder, even after kill -9") {
    TempDir dir;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {  // the holder: takes the folder, says so, waits to be killed
        try {
            FolderLock lock = FolderLock::acquire(dir.path, "la commande « atelier demo »");
            [[maybe_unused]] const auto n = ::write(ready[1], "1", 1);
            for (;;) ::pause();
        } catch (...) {
            ::_exit(3);
        }
    }
    char byte = 0;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    try {
        FolderLock::acquire(dir.path, "l'application Atelier");
        FAIL("two processes hold the folder");
    } catch (const FolderBusy& e) {
        const std::string message = e.what();
        CHECK(e.pid == child);
        CHECK(message.find("Atelier est déjà ouvert sur ce dossier") != std::string::npos);
        CHECK(message.find(dir.path.string()) != std::string::npos);
        CHECK(message.find("la commande « atelier demo »") != std::string::npos);
        CHECK(message.find("processus " + std::to_string(child)) != std::string::npos);
    }
    CHECK_THROWS_AS(Workspace(dir.path), FolderBusy);
    CHECK_FALSE(fs::exists(dir.path / "atelier.db"));  // refused before anything was read or created
    Workspace reader(dir.path, Access::Read);          // reading needs no lock
    CHECK(reader.session().model().etapes.size() == 2);

    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    ::close(ready[0]);
    ::close(ready[1]);
    FolderLock lock = FolderLock::acquire(dir.path, "l'application Atelier");  // no stale lock
    CHECK(lock.held());
    CHECK(readBytes(lockFile(dir.path)).find(std::to_string(getpid())) == 0);
}
#endif

TEST_CASE("one process shares its lock, and a workspace that missed another's write refuses to write (ids would collide)") {
    TempDir dir;
    Workspace first(dir.path);
    Workspace second(dir.path);  // the same process: the lock is shared (the app's archive index does this too)
    REQUIRE(first.session().apply(AddTerritory{named("Premier")}).ok);
    const auto journal = first.database().journalSize();
    const Model before = second.session().model();
    const Status s = second.session().apply(AddTerritory{named("Second")});
    CHECK_FALSE(s.ok);
    CHECK(s.message.find("un autre programme a écrit dans la base") != std::string::npos);
    CHECK(s.message.find("rien n'a été modifié") != std::string::npos);
    CHECK(test::sameContent(second.session().model(), before));  // (nextId aside)
    CHECK(second.session().model().territoryByName("Second") == nullptr);
    CHECK(first.database().journalSize() == journal);
    // The first one goes on: its own writes (and its undo) are what it last saw.
    REQUIRE(first.session().apply(AddTerritory{named("Troisième")}).ok);
    REQUIRE(first.session().undo().ok);
    // A row appended behind its back (another program ignoring the lock) stops it too.
    rawExec(dir.path / "atelier.db",
            "INSERT INTO journal (kind, action, payload) SELECT kind, action, payload FROM journal "
            "WHERE seq = (SELECT max(seq) FROM journal)");
    CHECK_FALSE(first.session().apply(AddTerritory{named("Quatrième")}).ok);
}

TEST_CASE("a read-only workspace takes no lock, creates nothing, writes nothing, and refuses changes") {
    TempDir dir;
    const fs::path data = dir.path / "donnees";
    {
        Workspace fresh(data, Access::Read);  // no database yet: the Tour's seed, in memory
        CHECK(fresh.session().model().territories.size() == 13);
        CHECK(fresh.session().model().etapes.size() == 2);
        CHECK(fresh.session().model().decks.size() == 3);
        const Status s = fresh.session().apply(AddTerritory{named("Nulle part")});
        CHECK_FALSE(s.ok);
        CHECK(s.message.find("lecture seule") != std::string::npos);
        CHECK(fresh.session().model().territoryByName("Nulle part") == nullptr);
    }
    CHECK_FALSE(fs::exists(data));
    { Workspace writer(data); }
    const std::string bytes = readBytes(data / "atelier.db");
    {
        FolderLock held = FolderLock::acquire(data, "l'application Atelier");
        Workspace reader(data, Access::Read);
        CHECK(reader.database().journalSize() > 0);
        CHECK_FALSE(reader.session().apply(AddTerritory{named("Nulle part")}).ok);
    }
    CHECK(readBytes(data / "atelier.db") == bytes);
}

// [SECTION] Replay

TEST_CASE("a journal entry that cannot be replayed is skipped and reported by number, and everything else opens") {
    TempDir dir;
    std::int64_t duplicated = 0, unknown = 0;
    {
        Workspace ws(dir.path);
        REQUIRE(ws.session().apply(AddTerritory{named("Avant")}).ok);
        // What two writers used to leave: the same territory id added twice.
        rawExec(dir.path / "atelier.db",
                "INSERT INTO journal (kind, action, payload) SELECT kind, action, payload FROM journal "
                "WHERE seq = (SELECT max(seq) FROM journal)");
        duplicated = ws.database().connection().queryInt("SELECT max(seq) FROM journal");
        rawExec(dir.path / "atelier.db", "INSERT INTO journal (kind, action, payload) VALUES ('do', 'Teleport', '{}')");
        unknown = duplicated + 1;
    }
    Model expected;
    {
        Workspace ws(dir.path);  // opens: the two bad entries are reported, not fatal
        REQUIRE(ws.skipped().size() == 2);
        CHECK(ws.skipped()[0].seq == duplicated);
        CHECK(ws.skipped()[0].action == "AddTerritory");
        CHECK(ws.skipped()[0].reason.find("Identifiant déjà utilisé") != std::string::npos);
        CHECK(ws.skipped()[1].seq == unknown);
        CHECK(ws.skipped()[1].action == "Teleport");
        const std::string line = describeSkipped(ws.skipped()[0]);
        CHECK(line.find("l'entrée " + std::to_string(duplicated) + " du journal (AddTerritory)") != std::string::npos);
        CHECK(line.find("tout le reste de la base est ouvert") != std::string::npos);
        const Model& m = ws.session().model();
        CHECK(m.territories.size() == 14);  // the 13 Cités and « Avant », once
        CHECK(m.territoryByName("Avant"));
        CHECK(m.etapes.size() == 2);
        // Writing after them works and survives reopening.
        REQUIRE(ws.session().apply(AddTerritory{named("Après")}).ok);
        expected = ws.session().model();
    }
    Workspace again(dir.path, Access::Read);
    CHECK(again.skipped().size() == 2);
    CHECK(again.session().model() == expected);
}

// [SECTION] Damaged and unusual files

TEST_CASE("an empty, a one-byte or a foreign atelier.db is refused and left exactly as it was") {
    const std::pair<std::string, const char*> files[] = {
        {std::string(), "est vide (0 octet)"},
        {std::string("x"), "n'est pas une base Atelier (1 octet"},
        {std::string("SQLite format 3") + '\0', "n'est pas une base Atelier (16 octets"},
        {std::string(4096, 'z'), "n'est pas une base Atelier (4096 octets"},
    };
    for (const auto& [bytes, expected] : files) {
        INFO(expected);
        TempDir dir;
        const fs::path file = dir.path / "atelier.db";
        std::ofstream(file, std::ios::binary) << bytes;
        for (const Access access : {Access::Write, Access::Read}) {
            const std::string message = refusal<DatabaseCorrupt>(dir.path, access);
            CHECK(message.find(expected) != std::string::npos);
            CHECK(message.find(file.string()) != std::string::npos);
            CHECK(message.find("laissé tel quel") != std::string::npos);
            CHECK(message.find("déplacez-le ou renommez-le") != std::string::npos);
            CHECK(readBytes(file) == bytes);
            CHECK(fs::file_size(file) == bytes.size());
        }
        CHECK_THROWS_AS(Database{file}, DatabaseCorrupt);
        CHECK(readBytes(file) == bytes);
        CHECK_FALSE(fs::exists(dir.path / "atelier.db-wal"));
    }
}

// [SECTION] Read-only folder, full disk

#ifndef _WIN32  // needs ReadOnlyFolder
TEST_CASE("a read-only data folder is reported as read-only, not as damage, and reading still works") {
    TempDir dir;
    const fs::path data = dir.path / "donnees";
    const fs::path empty = dir.path / "vide";
    fs::create_directories(empty);
    Model expected;
    {
        Workspace ws(data);
        REQUIRE(ws.session().apply(AddTerritory{named("Ici")}).ok);
        expected = ws.session().model();
    }
    const std::string bytes = readBytes(data / "atelier.db");
    ReadOnlyFolder readOnly(data);
    ReadOnlyFolder readOnlyEmpty(empty);
    if (readOnly.how.empty() || readOnlyEmpty.how.empty()) {
        MESSAGE("this sandbox cannot make a folder read-only for root (no CAP_LINUX_IMMUTABLE, no CAP_SYS_ADMIN): "
                "only the simulated case below runs");
        return;
    }
    MESSAGE("read-only folder made with " << readOnly.how);
    for (const fs::path& folder : {data, empty, empty / "sous-dossier"}) {
        INFO(folder);
        try {
            Workspace ws(folder);
            FAIL("a read-only folder was opened for writing");
        } catch (const StorageUnavailable& e) {
            const std::string message = e.what();
            CHECK(e.reason == StorageUnavailable::Reason::ReadOnly);
            CHECK(message.find("est en lecture seule") != std::string::npos);
            CHECK(message.find("Rien n'est endommagé") != std::string::npos);
            CHECK(message.find("endommagée") == std::string::npos);
            CHECK(message.find("restaurez") == std::string::npos);
        }
    }
    Workspace reader(data, Access::Read);
    CHECK(reader.session().model() == expected);
    Workspace nothing(empty, Access::Read);
    CHECK(nothing.session().model().etapes.size() == 2);
    CHECK(readBytes(data / "atelier.db") == bytes);
}
#endif

TEST_CASE("a write the database refuses as read-only says so, and nothing changes (simulated, runs everywhere)") {
    TempDir dir;
    Workspace ws(dir.path);
    const Model before = ws.session().model();
    ws.database().connection().exec("PRAGMA query_only = ON");  // SQLite now answers SQLITE_READONLY
    const Status s = ws.session().apply(AddTerritory{named("Ici")});
    CHECK_FALSE(s.ok);
    CHECK(s.message.find("le dossier de données est en lecture seule") != std::string::npos);
    CHECK(s.message.find("rien n'est endommagé") != std::string::npos);
    CHECK(test::sameContent(ws.session().model(), before));
}

TEST_CASE("a full disk is reported as full, not as damage, and nothing changes (simulated with max_page_count)") {
    TempDir dir;
    Workspace ws(dir.path);
    const Model before = ws.session().model();
    const auto journal = ws.database().journalSize();
    Connection& c = ws.database().connection();
    c.exec("PRAGMA max_page_count = " + std::to_string(c.queryInt("PRAGMA page_count")));
    Status s;
    int added = 0;
    for (; added < 500 && s.ok; ++added)  // the free room left in the last pages goes first
        s = ws.session().apply(AddTerritory{named("Territoire " + std::to_string(added) + std::string(150, 'x'))});
    INFO(s.message);
    CHECK_FALSE(s.ok);
    CHECK(s.message.find("le disque est plein") != std::string::npos);
    CHECK(s.message.find("rien n'est endommagé") != std::string::npos);
    CHECK(ws.session().model().territories.size() == before.territories.size() + static_cast<size_t>(added - 1));
    CHECK(ws.database().journalSize() == journal + added - 1);
    CHECK(ws.session().model().territoryByName("Territoire " + std::to_string(added - 1) + std::string(150, 'x')) ==
          nullptr);
}

TEST_CASE("a full disk refusal leaves the model and the journal as they were (simulated with max_page_count)") {
    TempDir dir;
    Workspace ws(dir.path);
    const Model before = ws.session().model();
    const auto journal = ws.database().journalSize();
    Connection& c = ws.database().connection();
    c.exec("PRAGMA max_page_count = " + std::to_string(c.queryInt("PRAGMA page_count")));
    Deck big{"gros", "Gros paquet", {}};
    for (int i = 0; i < 100; ++i) big.questions.push_back("Question " + std::to_string(i) + std::string(150, 'q'));
    const Status s = ws.session().apply(AddDeck{big});
    INFO(s.message);
    CHECK_FALSE(s.ok);
    CHECK(s.message.find("le disque est plein") != std::string::npos);
    CHECK(test::sameContent(ws.session().model(), before));
    CHECK(ws.database().journalSize() == journal);
}

#ifndef _WIN32  // needs a tmpfs
TEST_CASE("a full disk at start is reported as full, and leaves no empty atelier.db behind (a real small disk)") {
    TempDir dir;
    SmallDisk disk(dir.path / "disque", "1m");  // room for two databases and their WAL once the filler is gone
    if (!disk.mounted) {
        MESSAGE("this sandbox cannot mount a tmpfs (no CAP_SYS_ADMIN): only the simulated case runs");
        return;
    }
    { Workspace ws(disk.dir / "ancien"); }
    fs::create_directories(disk.dir / "neuf");
    disk.fill();
    for (const char* folder : {"neuf", "ancien"}) {
        INFO(folder);
        try {
            Workspace ws(disk.dir / folder);
            // An existing database may open (nothing to write): its first change then says the disk is full.
            const Status s = ws.session().apply(AddTerritory{named(std::string(8000, 'y'))});
            CHECK_FALSE(s.ok);
            CHECK(s.message.find("le disque est plein") != std::string::npos);
        } catch (const StorageUnavailable& e) {
            const std::string message = e.what();
            CHECK(e.reason == StorageUnavailable::Reason::Full);
            CHECK(message.find("est plein") != std::string::npos);
            CHECK(message.find("Rien n'est endommagé") != std::string::npos);
        }
    }
    CHECK_FALSE(fs::exists(disk.dir / "neuf" / "atelier.db"));  // the next start is not refused for an empty file
    fs::remove(disk.dir / "remplissage");
    Workspace ws(disk.dir / "neuf");
    CHECK(ws.session().model().etapes.size() == 2);
    Workspace old(disk.dir / "ancien");
    CHECK(old.skipped().empty());
}
#endif
