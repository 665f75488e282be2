// [SECTION] Opening and migrations
// [SECTION] Journal
// [SECTION] Workspace and data directory

#include "store/database.h"
#include "store/data_folder.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <fstream>
#include <sqlite3.h>
#include <system_error>
#ifndef _WIN32
#include <sys/stat.h>
#endif

#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/strings.h"
#include "store/codec.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/snapshot.h"

namespace atelier::store {

namespace {

// [SECTION] Opening and migrations

/// Migration N brings a database from user_version N-1 to N. Append only; never edit a released migration.
constexpr const char* kMigrations[] = {
    // 1: the journal of actions and a key-value table for facts about the database (seeds applied…).
    R"sql(
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE journal (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            kind    TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo', 'seed')),
            action  TEXT NOT NULL,
            payload TEXT NOT NULL
        );
    )sql",
    // 2: registrations, the order of étapes, day rates per year, étapes of several days (new actions and
    // fields in the journal; no table changes).
    "SELECT 1;",
    // 3: votes and their anonymous ballots (new actions; no table changes).
    "SELECT 1;",
    // 4: breakout groups of an étape (new actions; no table changes).
    "SELECT 1;",
    // 5: icebreakers: question decks, cards drawn, speed-meeting rounds (new actions; no table changes).
    "SELECT 1;",
    // 6: idea boards (« Mur d'idées »): boards, columns, ideas, clusters (new actions; no table changes).
    "SELECT 1;",
    // 7: the search index of the archived ideas (FTS5, accents and case ignored), filled when an étape is archived.
    R"sql(
        CREATE VIRTUAL TABLE idea_search USING fts5(
            texte, tableau UNINDEXED, etape UNINDEXED, date UNINDEXED, folder UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2'
        );
    )sql",
    // 8: a person's structure and function as typed (new fields of Person in the journal; no table changes).
    "SELECT 1;",
    // 9: speed-meeting rounds marked as run (MarkRoundRun, MeetingRound's `run` in the journal; no table changes).
    "SELECT 1;",
    // 10: what the Archive tab and `archive liste` show of each archive, so that listing parses none: one row per
    // archive folder, valid while its etape.json keeps the size and modification time recorded here.
    R"sql(
        CREATE TABLE archive_list (
            folder  TEXT PRIMARY KEY,
            size    INTEGER NOT NULL,
            mtime   INTEGER NOT NULL,
            etape   INTEGER NOT NULL,
            date    TEXT NOT NULL,
            host    TEXT NOT NULL,
            theme   TEXT NOT NULL,
            people  INTEGER NOT NULL,
            ideas   INTEGER NOT NULL,
            votes   INTEGER NOT NULL,
            example INTEGER NOT NULL
        );
    )sql",
    // 11: the journal's CHECK on `kind` written without IN: SQLite built a temporary table for the IN list at every
    // insert (a third of the cost of recording an action). The same rule; only the table's text changes, edited in
    // place as SQLite documents for CHECK constraints (migrate() then bumps the schema cookie).
    R"sql(
        PRAGMA writable_schema = ON;
        UPDATE sqlite_master
           SET sql = replace(sql, 'CHECK (kind IN (''do'', ''undo'', ''redo'', ''seed''))',
                             'CHECK (kind = ''do'' OR kind = ''undo'' OR kind = ''redo'' OR kind = ''seed'')')
         WHERE type = 'table' AND name = 'journal';
        PRAGMA writable_schema = OFF;
    )sql",
    // 12: essaimage — actions-phares, the library of practices and its follow-up, the evaluation of the day (new
    // actions and fields in the journal; no table changes).
    "SELECT 1;",
    // 13: personal data (issue 34) — ErasePerson, the record of an erasure in the journal (a new action; no table
    // changes).
    "SELECT 1;",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

const char* kindKey(JournalKind kind) {
    switch (kind) {
        case JournalKind::Do: return "do";
        case JournalKind::Undo: return "undo";
        case JournalKind::Redo: return "redo";
        case JournalKind::Seed: return "seed";
    }
    return "do";
}

}  // namespace

namespace {

constexpr const char* kMemory = ":memory:";

/// A file SQLite would silently take for a new database (empty, shorter than one page: it would be overwritten)
/// or that is not SQLite at all is refused here, before SQLite touches it.
void checkExistingFile(const std::filesystem::path& file) {
    if (file == kMemory) return;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return;  // missing (created later) or not a file: SQLite says
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return;
    if (size == 0) throw DatabaseCorrupt(fmt(Str::ErrDbEmpty, {file.string()}));
    std::ifstream in(file, std::ios::binary);
    if (!in) return;  // unreadable: SQLite reports why
    char header[16] = {};
    in.read(header, sizeof header);
    static constexpr char kMagic[16] = "SQLite format 3";  // with its final '\0'
    if (size < 512 || in.gcount() != sizeof header || std::memcmp(header, kMagic, sizeof header) != 0)
        throw DatabaseCorrupt(fmt(Str::ErrDbNotSqlite, {file.string(), std::to_string(size)}));
}

/// SQLite's refusal in words that say what is wrong: a read-only folder, a full disk, an unreachable folder are not
/// damage; only a file SQLite cannot read as a database is.
[[noreturn]] void throwOpenError(const SqliteError& e, const std::filesystem::path& file) {
    const int primary = e.code & 0xff;
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    switch (primary) {
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT: throw DatabaseCorrupt(fmt(Str::ErrDbCorrupt, {file.string(), e.what()}));
        case SQLITE_FULL: throw storageUnavailable(StorageUnavailable::Reason::Full, dir, e.what());
        case SQLITE_READONLY:
        case SQLITE_PERM: throw storageUnavailable(StorageUnavailable::Reason::ReadOnly, dir, e.what());
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
            if (const int error = folderWriteError(dir); error != 0)
                if (const auto reason = storageReason(error)) throw storageUnavailable(*reason, dir, std::strerror(error));
            if (const auto reason = storageReason(e.systemErrno)) throw storageUnavailable(*reason, dir, e.what());
            if (primary == SQLITE_CANTOPEN)
                throw storageUnavailable(StorageUnavailable::Reason::CannotOpen, dir, e.what());
            break;
        default: break;
    }
    throw StoreError(fmt(Str::ErrDbOpen, {file.string(), e.what()}));
}

/// A write that failed, as the short reason Session puts in its message.
[[noreturn]] void throwWriteError(const SqliteError& e) {
    const int primary = e.code & 0xff;
    auto reason = storageReason(e.systemErrno);
    if (primary == SQLITE_FULL) reason = StorageUnavailable::Reason::Full;
    if (primary == SQLITE_READONLY || primary == SQLITE_PERM) reason = StorageUnavailable::Reason::ReadOnly;
    if (reason == StorageUnavailable::Reason::Full) throw StorageUnavailable(tr(Str::DbWriteFull), *reason);
    if (reason == StorageUnavailable::Reason::ReadOnly) throw StorageUnavailable(tr(Str::DbWriteReadOnly), *reason);
    throw e;
}

bool canReadImmutable(const std::filesystem::path& file) {
    if (file == kMemory) return false;
    auto absentOrEmpty = [](const std::filesystem::path& f) {
        std::error_code ec;
        return !std::filesystem::exists(f, ec) || std::filesystem::file_size(f, ec) == 0;
    };
    const std::filesystem::path shm = file.string() + "-shm", wal = file.string() + "-wal";
    return absentOrEmpty(shm) && absentOrEmpty(wal);
}

/// A database file this process created but could not set up (a full disk) is removed while still empty, so that
/// the next start does not find an empty file (which it would refuse).
void removeIfCreatedEmpty(bool created, const std::filesystem::path& file) {
    std::error_code ec;
    if (created && std::filesystem::file_size(file, ec) == 0 && !ec) std::filesystem::remove(file, ec);
}

bool willCreate(const std::filesystem::path& file, Access access) {
    std::error_code ec;
    return access == Access::Write && file != kMemory && !std::filesystem::exists(file, ec) && !ec;
}

Connection openConnection(const std::filesystem::path& file, Access access, bool created) {
    checkExistingFile(file);
    try {
        const bool readOnly = access == Access::Read && file != kMemory;
        return Connection(file, readOnly ? Connection::Mode::ReadOnly : Connection::Mode::ReadWriteCreate);
    } catch (const SqliteError& e) {
        removeIfCreatedEmpty(created, file);
        throwOpenError(e, file);
    }
}

}  // namespace

Database::Database(const std::filesystem::path& file, Access access)
    : file_(file),
      access_(access),
      created_(willCreate(file, access)),
      connection_(openConnection(file, access, created_)) {
    try {
        prepare();
    } catch (...) {
        removeIfCreatedEmpty(created_, file_);
        throw;
    }
    sqlite3_commit_hook(connection_.handle(), &Database::onCommit, this);
    sqlite3_rollback_hook(connection_.handle(), &Database::onRollback, this);
}

void Database::prepare() {
    const std::filesystem::path& file = file_;
    // Read the version before anything writes (WAL mode itself writes the header).
    int version = 0;
    try {
        try {
            version = schemaVersion();
        } catch (const SqliteError& e) {
            // Reading a WAL database needs its -shm file; in a read-only folder or on a full disk it cannot be
            // created. With no -shm nor -wal content beside it nobody is writing: read the file as it is.
            if (access_ != Access::Read || !canReadImmutable(file)) throw;
            connection_.reopen(file, Connection::Mode::ReadOnlyImmutable);
            version = schemaVersion();
        }
    } catch (const SqliteError& e) {
        throwOpenError(e, file);
    }
    if (version > kSchemaVersion)
        throw DatabaseTooNew(
            fmt(Str::ErrDbTooNew, {file.string(), std::to_string(version), std::to_string(kSchemaVersion)}),
            version, kSchemaVersion);
    if (version >= 1 && file != kMemory) checkJournalThere();
    try {
        if (access_ == Access::Write) {
            connection_.exec("PRAGMA journal_mode = WAL");
            connection_.exec("PRAGMA synchronous = FULL");
            connection_.exec("PRAGMA foreign_keys = ON");
            migrate();
            insert_ = std::make_unique<Statement>(
                connection_, "INSERT INTO journal (kind, action, payload, at) VALUES (?1, ?2, ?3, ?4)");
            // The column's default, evaluated once for all the records of a step rather than once per row (an
            // import's 100,000 rows spent a tenth of their time formatting it): the same text, the step's time.
            now_ = std::make_unique<Statement>(connection_, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
        } else {
            if (file == kMemory) migrate();  // an empty database in memory: the tables, nothing on disk
            connection_.exec("PRAGMA query_only = ON");
        }
        if (access_ == Access::Write && file != kMemory) {  // the files SQLite writes into, watched (begin, commit)
            watchFiles_ = true;
            dbId_ = fileId(file);
            walId_ = fileId(file.string() + "-wal");
        }
        hasTables_ = connection_.queryInt("SELECT count(*) FROM sqlite_master WHERE name IN ('journal', 'meta')") == 2;
        if (hasTables_) lastSeq_ = connection_.queryInt("SELECT coalesce(max(seq), 0) FROM journal");
    } catch (const SqliteError& e) {
        throwOpenError(e, file);
    }
}

void Database::checkJournalThere() {
    const std::filesystem::path dir = file_.has_parent_path() ? file_.parent_path() : std::filesystem::path(".");
    try {
        // A database with a schema has had its journal since migration 1: without it, every reader would show a
        // new Tour and a writer would start one over the work saved.
        if (connection_.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'") == 0)
            throw JournalMissing(fmt(Str::ErrJournalMissing, {file_.string(), dir.string()}));
        if (connection_.queryInt("SELECT EXISTS (SELECT 1 FROM journal)") != 0) return;
        // Empty: right after the tables were made. Not once a seed was recorded (meta's seed.* marks: the seeds
        // are journal entries) or an entry numbered (the AUTOINCREMENT counter never goes back).
        const bool hadEntries =
            connection_.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'") != 0 &&
            connection_.queryInt("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'journal'), 0)") > 0;
        const bool seeded = connection_.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'meta'") != 0 &&
                            connection_.queryInt("SELECT EXISTS (SELECT 1 FROM meta WHERE key LIKE 'seed.%')") != 0;
        if (hadEntries || seeded) throw JournalMissing(fmt(Str::ErrJournalEmptied, {file_.string(), dir.string()}));
    } catch (const SqliteError& e) {
        throwOpenError(e, file_);
    }
}

Database::~Database() {
    sqlite3_commit_hook(connection_.handle(), nullptr, nullptr);
    sqlite3_rollback_hook(connection_.handle(), nullptr, nullptr);
}

int Database::onCommit(void* self) {
    auto* db = static_cast<Database*>(self);
    if (db->pendingSeq_ != 0) db->lastSeq_ = db->pendingSeq_;
    db->pendingSeq_ = 0;
    return 0;  // let the commit go on
}

void Database::onRollback(void* self) { static_cast<Database*>(self)->pendingSeq_ = 0; }

int Database::schemaVersion() { return static_cast<int>(connection_.queryInt("PRAGMA user_version")); }

void Database::migrate() {
    for (int version = schemaVersion(); version < kSchemaVersion; ++version) {
        Transaction tx(connection_);
        connection_.exec(kMigrations[version]);
        if (std::string_view(kMigrations[version]).find("writable_schema") != std::string_view::npos) {
            // The schema's text was edited in place: the cookie tells every connection to read it again.
            const std::int64_t cookie = connection_.queryInt("PRAGMA schema_version");
            connection_.exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
        }
        connection_.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

// [SECTION] Journal

std::string describeSkipped(const SkippedEntry& entry) {
    return fmt(Str::ReplaySkipped, {std::to_string(entry.seq), entry.action, entry.reason});
}

Model Database::load(std::vector<SkippedEntry>* skipped) { return load(skipped, std::nullopt, nullptr); }

std::optional<JournalMark> Database::mark(std::int64_t seq) {
    if (seq == 0) return JournalMark{};
    if (!hasTables_) return std::nullopt;
    Statement row(connection_, "SELECT at, action FROM journal WHERE seq = ?1");
    row.bind(1, seq);
    if (!row.step()) return std::nullopt;
    return JournalMark{seq, row.columnText(0), row.columnText(1)};
}

namespace {
/// A read transaction for the scope, unless one is already open (then that one counts).
class ReadScope {
public:
    explicit ReadScope(Connection& c) : c_(c), own_(!c.inTransaction()) {
        if (own_) c_.exec("BEGIN");
    }
    ~ReadScope() {
        if (own_ && c_.inTransaction()) sqlite3_exec(c_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

private:
    Connection& c_;
    bool own_;
};
}  // namespace

namespace {
/// A journal payload (JSON) without the control characters text may no longer hold (core/text.h): entries
/// journaled before the rule replay with their text cleaned rather than be skipped. Most payloads hold none and
/// come back as they are.
std::string withoutJsonControls(std::string payload) {
    if (payload.find("\\u00") == std::string::npos && payload.find("\\b") == std::string::npos &&
        payload.find("\\f") == std::string::npos && payload.find("\\r") == std::string::npos &&
        payload.find('\xC2') == std::string::npos && payload.find('\x7F') == std::string::npos)
        return payload;
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(payload.size());
    for (size_t i = 0; i < payload.size();) {
        const char c = payload[i];
        if (c == '\\' && i + 1 < payload.size()) {
            const char e = payload[i + 1];
            if (e == 'u' && i + 5 < payload.size()) {
                int cp = 0;
                bool ok = true;
                for (size_t k = 2; k < 6; ++k) {
                    const int h = hex(payload[i + k]);
                    ok = ok && h >= 0;
                    cp = cp * 16 + (h < 0 ? 0 : h);
                }
                const bool control = ok && ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F));
                const bool crlf = cp == '\r' && payload.compare(i + 6, 2, "\\n") == 0;
                if (!control || crlf) out.append(payload, i, 6);
                i += 6;
                continue;
            }
            const bool drop = e == 'b' || e == 'f' || (e == 'r' && payload.compare(i + 2, 2, "\\n") != 0);
            if (!drop) out.append(payload, i, 2);
            i += 2;
            continue;
        }
        if (c == '\x7F') {
            ++i;
            continue;
        }
        if (c == '\xC2' && i + 1 < payload.size() && static_cast<unsigned char>(payload[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(payload[i + 1]) <= 0x9F) {
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}
}  // namespace

Model Database::load(std::vector<SkippedEntry>* skipped, std::optional<Snapshot> start, bool* usedStart) {
    if (usedStart) *usedStart = false;
    if (!hasTables_) return Model{};  // read-only, a database that has no table yet: an empty journal
    // One read transaction: the snapshot's entry and the tail are read from the same state of the journal.
    const ReadScope read(connection_);

    Model model;
    std::int64_t from = 0;
    if (start && start->mark.seq >= 0 && mark(start->mark.seq) == start->mark) {
        model = std::move(start->model);
        if (skipped) *skipped = std::move(start->skipped);
        from = start->mark.seq;
        if (usedStart) *usedStart = true;
    }
    Statement rows(connection_, "SELECT seq, action, payload FROM journal WHERE seq > ?1 ORDER BY seq");
    rows.bind(1, from);
    std::int64_t last = from;
    while (rows.step()) {
        const auto seq = rows.columnInt(0);
        last = seq;
        const std::string name = rows.columnText(1);
        std::string reason;
        try {
            Action action = decodeAction(name, withoutJsonControls(rows.columnText(2)));
            if (ApplyResult r = applyAction(model, action); !r) reason = r.error;
        } catch (const std::exception& e) {
            reason = e.what();
        }
        if (!reason.empty() && skipped) skipped->push_back(SkippedEntry{seq, name, reason});
    }
    lastSeq_ = last;
    pendingSeq_ = 0;
    return model;
}

void Database::checkJournalUnchanged() {
    const std::int64_t expected = pendingSeq_ != 0 ? pendingSeq_ : lastSeq_;
    if (connection_.queryInt("SELECT coalesce(max(seq), 0) FROM journal") > expected)
        throw StoreError(fmt(Str::DbJournalMovedOn, {file_.string()}));
}

void Database::record(const Action& action, JournalKind kind) { recordAll({{&action, kind}}); }

void Database::recordAll(const std::vector<std::pair<const Action*, JournalKind>>& entries) {
    if (access_ == Access::Read) throw StoreError(fmt(Str::DbReadOnlyAccess, {file_.string()}));
    if (entries.empty()) return;
    std::vector<std::string> payloads(entries.size());
    auto encode = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) payloads[i] = encodeAction(*entries[i].first);
    };
    constexpr size_t kTwoThreadsFrom = 2000;  // below, a thread costs more than it saves
    std::future<void> second;
    const size_t half = entries.size() >= kTwoThreadsFrom ? entries.size() / 2 : entries.size();
    if (half < entries.size()) {
        try {
            second = std::async(std::launch::async, encode, half, entries.size());
        } catch (const std::system_error&) {
            encode(half, entries.size());  // no thread to be had: this one encodes everything
        }
    }
    encode(0, half);  // when it throws, the other half's future waits for its thread on the way out
    if (second.valid()) second.get();
    try {
        std::optional<Transaction> tx;
        if (!connection_.inTransaction()) tx.emplace(connection_);
        // Inside the write transaction nobody else can append: once its first entry is in, there is nothing to check.
        if (pendingSeq_ == 0) checkJournalUnchanged();
        now_->reset();
        if (!now_->step()) throw StoreError("strftime");
        const std::string at = now_->columnText(0);
        now_->reset();
        for (size_t i = 0; i < entries.size(); ++i) {
            insert_->reset();
            insert_->bindStatic(1, kindKey(entries[i].second))
                .bindStatic(2, actionName(*entries[i].first))
                .bindStatic(3, payloads[i])
                .bindStatic(4, at)
                .run();
        }
        insert_->reset();  // forgets the bound texts (bound without a copy) before they go
        pendingSeq_ = sqlite3_last_insert_rowid(connection_.handle());
        if (tx) tx->commit();
    } catch (const SqliteError& e) {
        throwWriteError(e);
    }
}

Database::FileId Database::fileId(const std::filesystem::path& file) {
#ifdef _WIN32
    (void)file;
    return {};  // Windows does not let a file that SQLite holds open be deleted or replaced
#else
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {};
    return FileId{true, static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
#endif
}

void Database::checkFilesInPlace() {
    if (lostFiles_.empty()) {
        const std::filesystem::path wal = file_.string() + "-wal";
        const FileId db = fileId(file_), log = fileId(wal);
        if (dbId_.present && db != dbId_) lostFiles_ = fmt(Str::ErrDbReplaced, {file_.string(), tr(db.present ? Str::DbFileReplaced : Str::DbFileRemoved)});
        else if (walId_.present && log != walId_) lostFiles_ = fmt(Str::ErrDbReplaced, {wal.string(), tr(log.present ? Str::DbFileReplaced : Str::DbFileRemoved)});
        else if (!walId_.present) walId_ = log;  // SQLite made its log since: watched from now on
    }
    if (!lostFiles_.empty()) throw StorageUnavailable(lostFiles_, StorageUnavailable::Reason::CannotOpen);
}

void Database::begin() {
    if (access_ == Access::Read) throw StoreError(fmt(Str::DbReadOnlyAccess, {file_.string()}));
    if (watchFiles_) checkFilesInPlace();
    try {
        if (batch_) {
            // The batch's transaction must still be open: SQLite may have ended it after an I/O error, and a
            // savepoint outside a transaction would be committed on its own.
            if (!connection_.inTransaction()) throw StoreError(tr(Str::DbBatchLost));
            savedPendingSeq_ = pendingSeq_;
            connection_.exec("SAVEPOINT atelier_step");
            inSavepoint_ = true;
            return;
        }
        if (!connection_.inTransaction()) step_.emplace(connection_);
    } catch (const SqliteError& e) {
        throwWriteError(e);
    }
}

void Database::beginBatch() {
    if (access_ == Access::Read) throw StoreError(fmt(Str::DbReadOnlyAccess, {file_.string()}));
    try {
        if (!connection_.inTransaction()) batch_.emplace(connection_);
    } catch (const SqliteError& e) {
        throwWriteError(e);
    }
}

void Database::commitBatch() {
    if (!batch_) return;
    try {
        batch_->commit();
    } catch (const SqliteError& e) {
        batch_.reset();
        throwWriteError(e);
    }
    batch_.reset();
}

void Database::rollbackBatch() {
    inSavepoint_ = false;
    batch_.reset();  // its destructor rolls back
}

void Database::commit() {
    if (inSavepoint_) {
        inSavepoint_ = false;
        try {
            connection_.exec("RELEASE atelier_step");
        } catch (const SqliteError& e) {
            throwWriteError(e);
        }
        return;
    }
    if (!step_) return;
    if (watchFiles_) {
        try {
            checkFilesInPlace();  // the last moment before acknowledging: never into a file that is gone
        } catch (...) {
            step_.reset();
            throw;
        }
    }
    try {
        step_->commit();
    } catch (const SqliteError& e) {
        throwWriteError(e);
    }
    step_.reset();
}

void Database::rollback() {
    if (inSavepoint_) {
        inSavepoint_ = false;
        try {
            connection_.exec("ROLLBACK TO atelier_step");
            connection_.exec("RELEASE atelier_step");
        } catch (const SqliteError&) {
            // SQLite ended the transaction itself (an I/O error): the batch fails as a whole at commitBatch().
        }
        pendingSeq_ = savedPendingSeq_;
        return;
    }
    step_.reset();
}

std::int64_t Database::journalSize() {
    return hasTables_ ? connection_.queryInt("SELECT count(*) FROM journal") : 0;
}

std::optional<std::string> Database::meta(std::string_view key) {
    if (!hasTables_) return std::nullopt;
    Statement s(connection_, "SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.columnText(0);
}

void Database::setMeta(std::string_view key, std::string_view value) {
    Statement s(connection_, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value).run();
}

// [SECTION] Workspace and data directory

namespace {

std::filesystem::path ensureDir(const std::filesystem::path& dir, Access access) {
    std::error_code ec;
    if (access == Access::Read) {  // reading creates nothing
        if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
            throw storageUnavailable(StorageUnavailable::Reason::CannotOpen, dir, std::strerror(ENOTDIR));
        return dir;
    }
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        if (const auto reason = storageReason(ec.value())) throw storageUnavailable(*reason, dir, ec.message());
        throw StoreError(fmt(Str::ErrDataDir, {dir.string(), ec.message()}));
    }
    return dir;
}

FolderLock lockFolder(const std::filesystem::path& dir, Access access, const std::string& holder) {
    return access == Access::Write ? FolderLock::acquire(dir, holder) : FolderLock{};
}

/// Reading a folder that has no database yet reads an empty one, in memory: nothing is created on disk.
std::filesystem::path databaseFile(const std::filesystem::path& dir, Access access) {
    const std::filesystem::path file = dir / "atelier.db";
    std::error_code ec;
    if (access == Access::Read && !std::filesystem::exists(file, ec)) return kMemory;
    return file;
}

/// The journal replayed (from the folder's snapshot when it is valid); read-only, with the seeds the database lacks
/// applied in memory (a writer would add them). `from`: the snapshot's entry, 0 when the whole journal was replayed.
Model replay(Database& db, const std::filesystem::path& dataDir, std::vector<SkippedEntry>& skipped,
             std::int64_t& from) {
    std::optional<Snapshot> snapshot;
    if (db.file() != kMemory) snapshot = readSnapshot(dataDir);  // before the journal: it is never ahead of it
    const std::int64_t seq = snapshot ? snapshot->mark.seq : 0;
    if (db.file() != kMemory && !db.created() && db.journalSize() == 0) {
        // An empty journal where a snapshot or archives say there was work: a journal emptied or a database
        // replaced, never a new Tour to start over the archives.
        bool archived = false;
        std::error_code ec;
        for (std::filesystem::directory_iterator it(sessionsDir(dataDir), ec), end; !ec && it != end; it.increment(ec))
            if (std::filesystem::exists(it->path() / "etape.json", ec)) archived = true;
        if (seq > 0 || archived)
            throw JournalMissing(fmt(Str::ErrJournalEmptied, {db.file().string(), dataDir.string()}));
    }
    bool used = false;
    Model model = db.load(&skipped, std::move(snapshot), &used);
    from = used ? seq : 0;
    if (db.access() == Access::Write) return model;
    Session seeded(std::move(model));
    seedInMemory(db, seeded);
    return seeded.model();
}

bool marksRealised(const Action& action) {
    const auto* update = std::get_if<UpdateEtape>(&action);
    return update && update->header.status == EtapeStatus::Realisee;
}

}  // namespace

Workspace::Workspace(const std::filesystem::path& dataDir, Access access, std::string holder)
    : dataDir_(ensureDir(dataDir, access)),
      lock_(lockFolder(dataDir_, access, holder)),
      db_(databaseFile(dataDir_, access), access),
      session_(replay(db_, dataDir_, skipped_, startedFrom_), &recorder_),
      folder_(std::make_unique<DataFolder>(dataDir_, &db_)) {
    snapshotSeq_ = startedFrom_;
    sinceSnapshot_ = db_.lastSeq() - startedFrom_;
    if (access == Access::Read) return;
    tempRemoved_ = tempLeftovers(dataDir_, true);  // the folder is held: no other writer has a write going on
    bool seeded = false;
    try {
        seeded = seedTour(db_, session_);
        seeded = seedDecks(db_, session_) || seeded;
    } catch (const SqliteError& e) {
        throwOpenError(e, db_.file());
    }
    // The seeds are many small transactions: fold their log into the database at once (the folder stays small).
    if (seeded) {
        try {
            db_.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SqliteError&) {
            // A reader holds the log, or the disk is full: SQLite folds it later, nothing is lost.
        }
    }
}

Workspace::~Workspace() {
    if (db_.access() != Access::Write) return;
    waitForSnapshot();
    if (db_.lastSeq() >= kSnapshotMinimum) saveSnapshot();
}

void Workspace::Recorder::record(const Action& action, JournalKind kind) {
    entries_.emplace_back(&action, kind);  // written at commit(), all at once (Journal::record)
    ++pending_;
    if (marksRealised(action)) realised_ = true;
}

void Workspace::Recorder::begin() {
    pending_ = 0;
    entries_.clear();
    realised_ = false;
    ws_.db_.begin();
}

void Workspace::Recorder::beginBatch() {
    ws_.db_.beginBatch();
    batching_ = true;
    batchPending_ = 0;
    batchRealised_ = false;
}

void Workspace::Recorder::commitBatch() {
    batching_ = false;
    ws_.db_.commitBatch();
    // A snapshot only of what is durable: the batch's steps are, now.
    ws_.afterCommit(std::exchange(batchPending_, 0), std::exchange(batchRealised_, false));
}

void Workspace::Recorder::rollbackBatch() {
    batching_ = false;
    batchPending_ = 0;
    batchRealised_ = false;
    ws_.indexedEtapes_.reset();  // what the index holds is whatever the rollback left: write it again next time
    ws_.db_.rollbackBatch();
}

void Workspace::Recorder::commit() {
    ws_.db_.recordAll(entries_);
    entries_.clear();
    if (pending_ > 0) ws_.indexEtapes();
    ws_.db_.commit();
    if (batching_) {
        batchPending_ += pending_;
        batchRealised_ = batchRealised_ || realised_;
    } else {
        ws_.afterCommit(pending_, realised_);
    }
    pending_ = 0;
    realised_ = false;
}

void Workspace::Recorder::rollback() {
    entries_.clear();
    ws_.indexedEtapes_.reset();  // what the index holds is whatever the rollback left: write it again next time
    ws_.db_.rollback();
    pending_ = 0;
    realised_ = false;
}

namespace {
constexpr const char* kEtapesKey = "etapes";
constexpr const char* kEtapesSeqKey = "etapes_seq";

std::string encodeEtapeLines(const std::vector<EtapeLine>& lines) {
    auto out = nlohmann::json::array();
    for (const EtapeLine& l : lines)
        out.push_back({{"numero", l.number},
                       {"date", toIso(l.date)},
                       {"cite", l.host ? nlohmann::json(*l.host) : nlohmann::json(nullptr)},
                       {"theme", l.theme},
                       {"statut", std::string(enumKey(l.status))}});
    return out.dump();
}

/// nullopt when the text is not a list this Atelier wrote.
std::optional<std::vector<EtapeLine>> decodeEtapeLines(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return std::nullopt;
    std::vector<EtapeLine> lines;
    for (const auto& item : j) {
        if (!item.is_object() || !item.value("numero", nlohmann::json()).is_number_integer() ||
            !item.value("date", nlohmann::json()).is_string() || !item.value("theme", nlohmann::json()).is_string() ||
            !item.value("statut", nlohmann::json()).is_string() || !item.contains("cite"))
            return std::nullopt;
        const auto date = parseIso(item["date"].get<std::string>());
        const auto status = enumFromKey<EtapeStatus>(item["statut"].get<std::string>());
        if (!date || !status || !(item["cite"].is_null() || item["cite"].is_string())) return std::nullopt;
        EtapeLine line{item["numero"].get<int>(), *date, std::nullopt, item["theme"].get<std::string>(), *status};
        if (item["cite"].is_string()) line.host = item["cite"].get<std::string>();
        lines.push_back(std::move(line));
    }
    return lines;
}
}  // namespace

void Workspace::indexEtapes() {
    std::vector<EtapeLine> lines = etapeLines(session_.model());
    if (!indexedEtapes_ || *indexedEtapes_ != lines) {
        db_.setMeta(kEtapesKey, encodeEtapeLines(lines));
        indexedEtapes_ = std::move(lines);
    }
    db_.setMeta(kEtapesSeqKey, std::to_string(db_.recordedSeq()));
}

std::optional<std::vector<EtapeLine>> indexedEtapes(Database& db) {
    Connection& c = db.connection();
    if (c.queryInt("SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'journal')") != 2) return std::nullopt;
    // One read transaction: the list, its entry and the journal's last entry from the same state.
    const ReadScope read(c);
    const auto seq = db.meta(kEtapesSeqKey);
    if (!seq || *seq != std::to_string(c.queryInt("SELECT coalesce(max(seq), 0) FROM journal"))) return std::nullopt;
    const auto text = db.meta(kEtapesKey);
    return text ? decodeEtapeLines(*text) : std::nullopt;
}

std::optional<Snapshot> Workspace::currentSnapshot() {
    if (db_.connection().inTransaction()) return std::nullopt;  // the model holds entries not committed yet
    auto mark = db_.mark(db_.lastSeq());
    if (!mark) return std::nullopt;
    return Snapshot{std::move(*mark), session_.model(), skipped_};
}

void Workspace::afterCommit(std::int64_t entries, bool urgent) noexcept {
    sinceSnapshot_ += entries;
    if ((!urgent && sinceSnapshot_ < kSnapshotEvery) || db_.lastSeq() < kSnapshotMinimum) return;
    try {
        if (writing_.valid()) {
            // Busy: try again at the next commit, or wait when an étape was just marked « Réalisée ».
            if (!urgent && writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
            if (const std::int64_t seq = writing_.get(); seq > 0) snapshotSeq_ = seq;
        }
        std::optional<Snapshot> snapshot = currentSnapshot();  // the copy: on this thread, the model's owner
        if (!snapshot) return;
        sinceSnapshot_ = 0;
        writing_ = std::async(std::launch::async, [dir = dataDir_, s = std::move(*snapshot)]() -> std::int64_t {
            try {
                writeSnapshot(dir, encodeSnapshot(s));
                return s.mark.seq;
            } catch (const std::exception&) {
                return -1;  // a snapshot is a cache: the journal holds everything
            }
        });
    } catch (const std::exception&) {
        // No thread, no memory for the copy: no snapshot this time; start-up replays a longer tail.
    }
}

void Workspace::waitForSnapshot() {
    if (!writing_.valid()) return;
    if (const std::int64_t seq = writing_.get(); seq > 0) snapshotSeq_ = seq;
}

bool Workspace::saveSnapshot() {
    if (db_.access() != Access::Write) return false;
    try {
        waitForSnapshot();
        if (snapshotSeq_ == db_.lastSeq() && snapshotSeq_ != 0) return true;
        std::optional<Snapshot> snapshot = currentSnapshot();
        if (!snapshot) return false;
        writeSnapshot(dataDir_, encodeSnapshot(*snapshot));
        snapshotSeq_ = snapshot->mark.seq;
        sinceSnapshot_ = 0;
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

bool Workspace::reloadFromJournal() {
    waitForSnapshot();
    std::error_code ec;
    std::filesystem::remove(snapshotFile(dataDir_), ec);  // it names the same last entry: never read again
    snapshotSeq_ = 0;
    std::vector<SkippedEntry> skipped;
    Model replayed = db_.load(&skipped);
    const bool same = modelBytes(replayed) == modelBytes(session_.model());
    skipped_ = std::move(skipped);
    if (!same) session_ = Session(std::move(replayed), &recorder_);
    indexedEtapes_.reset();
    sinceSnapshot_ = db_.lastSeq();
    if (!saveSnapshot()) throw StoreError(fmt(Str::RgpdSnapshotFailed, {snapshotFile(dataDir_).string()}));
    return same;
}

std::filesystem::path defaultDataDir() {
#ifdef _WIN32
    // %APPDATA%\Atelier (the roaming profile of the user, as Windows programs do).
    if (const wchar_t* appData = ::_wgetenv(L"APPDATA"); appData && *appData)
        return std::filesystem::path(appData) / L"Atelier";
    if (const wchar_t* profile = ::_wgetenv(L"USERPROFILE"); profile && *profile)
        return std::filesystem::path(profile) / L"AppData" / L"Roaming" / L"Atelier";
    return std::filesystem::current_path() / "atelier-data";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "atelier";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "atelier";
    return std::filesystem::current_path() / "atelier-data";
#endif
}

}  // namespace atelier::store
