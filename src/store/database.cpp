// [SECTION] Opening and migrations
// [SECTION] Journal
// [SECTION] Workspace and data directory

#include "store/database.h"

#include <cstdlib>
#include <system_error>

#include "core/strings.h"
#include "store/codec.h"
#include "store/errors.h"

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

Database::Database(const std::filesystem::path& file)
    : file_(file),
      connection_([&]() -> Connection {
          try {
              return Connection(file, Connection::Mode::ReadWriteCreate);
          } catch (const StoreError& e) {
              throw StoreError(fmt(Str::ErrDbOpen, {file.string(), e.what()}));
          }
      }()) {
    // Read the version before anything writes (WAL mode itself writes the header).
    int version = 0;
    try {
        version = schemaVersion();
    } catch (const StoreError& e) {
        throw DatabaseCorrupt(fmt(Str::ErrDbCorrupt, {file.string(), e.what()}));
    }
    if (version > kSchemaVersion)
        throw DatabaseTooNew(
            fmt(Str::ErrDbTooNew, {file.string(), std::to_string(version), std::to_string(kSchemaVersion)}),
            version, kSchemaVersion);
    try {
        connection_.exec("PRAGMA journal_mode = WAL");
        connection_.exec("PRAGMA synchronous = FULL");
        connection_.exec("PRAGMA foreign_keys = ON");
        migrate();
        insert_ = std::make_unique<Statement>(
            connection_, "INSERT INTO journal (kind, action, payload) VALUES (?1, ?2, ?3)");
    } catch (const DatabaseTooNew&) {
        throw;
    } catch (const StoreError& e) {
        throw StoreError(fmt(Str::ErrDbOpen, {file.string(), e.what()}));
    }
}

int Database::schemaVersion() { return static_cast<int>(connection_.queryInt("PRAGMA user_version")); }

void Database::migrate() {
    for (int version = schemaVersion(); version < kSchemaVersion; ++version) {
        Transaction tx(connection_);
        connection_.exec(kMigrations[version]);
        connection_.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

// [SECTION] Journal

Model Database::load() {
    Model model;
    Statement rows(connection_, "SELECT seq, action, payload FROM journal ORDER BY seq");
    while (rows.step()) {
        const auto seq = rows.columnInt(0);
        Action action;
        try {
            action = decodeAction(rows.columnText(1), rows.columnText(2));
        } catch (const DatabaseCorrupt& e) {
            throw DatabaseCorrupt(
                fmt(Str::ErrDbCorrupt, {file_.string(), "entrée " + std::to_string(seq) + " : " + e.what()}));
        }
        if (ApplyResult r = applyAction(model, action); !r)
            throw DatabaseCorrupt(
                fmt(Str::ErrDbCorrupt, {file_.string(), "entrée " + std::to_string(seq) + " refusée : " + r.error}));
    }
    return model;
}

void Database::record(const Action& action, JournalKind kind) {
    const std::string payload = encodeAction(action);
    std::optional<Transaction> tx;
    if (!connection_.inTransaction()) tx.emplace(connection_);
    insert_->reset();
    insert_->bind(1, kindKey(kind)).bind(2, actionName(action)).bind(3, payload).run();
    if (tx) tx->commit();
}

void Database::begin() {
    if (!connection_.inTransaction()) step_.emplace(connection_);
}

void Database::commit() {
    if (!step_) return;
    step_->commit();
    step_.reset();
}

void Database::rollback() { step_.reset(); }

std::int64_t Database::journalSize() { return connection_.queryInt("SELECT count(*) FROM journal"); }

std::optional<std::string> Database::meta(std::string_view key) {
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
std::filesystem::path ensureDir(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw StoreError(fmt(Str::ErrDataDir, {dir.string(), ec.message()}));
    return dir;
}
}  // namespace

Workspace::Workspace(const std::filesystem::path& dataDir)
    : dataDir_(ensureDir(dataDir)), db_(dataDir_ / "atelier.db"), session_(db_.load(), &db_) {
    seedTour(db_, session_);
    seedDecks(db_, session_);
}

std::filesystem::path defaultDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "atelier";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "atelier";
    return std::filesystem::current_path() / "atelier-data";
}

}  // namespace atelier::store
