// The SQLite database of Atelier (atelier.db in the data directory): the system of record while an étape runs.
// It holds the journal of every accepted action; the model is the replay of that journal. Schema changes are
// numbered migrations tracked by PRAGMA user_version. A database from a newer Atelier, an empty file or a file
// that is not SQLite is refused before anything is written to it. One writer per data folder (store/lock.h):
// the Workspace of a writer holds the folder; read-only commands open the database read-only and write nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session.h"
#include "store/lock.h"
#include "store/sqlite.h"

namespace atelier::store {

class DataFolder;

/// The schema this Atelier writes and reads. Bump it, with a migration (database.cpp), whenever the tables change
/// or an action is added or changes its fields, so that an older Atelier refuses the database instead of
/// misreading it.
constexpr int kSchemaVersion = 9;

/// Writing (creates, migrates, seeds, records actions) or reading only (writes nothing, ever).
enum class Access { Write, Read };

/// A journal entry that replay could not apply: it is skipped, everything else is kept.
struct SkippedEntry {
    std::int64_t seq = 0;
    std::string action;  // the action's name (« AddTerritory »)
    std::string reason;  // French: why it was refused
};
/// One French line for `entry` (« Attention : l'entrée 42 du journal (AddIdea) n'a pas pu être rejouée … »).
std::string describeSkipped(const SkippedEntry& entry);

class Database : public Journal {
public:
    /// Write: opens `file`, creating it when missing, and migrates it to kSchemaVersion (WAL mode, full sync).
    /// Read: opens an existing `file` read-only (no migration, no write; record() refuses); ":memory:" gives an
    /// empty database in memory. Throws DatabaseTooNew or DatabaseCorrupt (file untouched: an empty file, a file
    /// that is not SQLite), StorageUnavailable (read-only folder, full disk, unreachable) or StoreError.
    explicit Database(const std::filesystem::path& file, Access access = Access::Write);
    ~Database() override;

    const std::filesystem::path& file() const { return file_; }
    Access access() const { return access_; }
    int schemaVersion();
    Connection& connection() { return connection_; }

    /// The model replayed from the journal. An entry that cannot be decoded or applied is skipped and reported in
    /// `skipped` (when given): one bad entry never makes the database unopenable.
    Model load(std::vector<SkippedEntry>* skipped = nullptr);
    /// Journal: commits one action (its own transaction unless one is open). Refuses (StoreError) when another
    /// connection appended to the journal since load(): ids would collide.
    void record(const Action& action, JournalKind kind) override;
    /// Journal: one transaction around the records of a step (inside an open transaction: that one counts).
    void begin() override;
    void commit() override;
    void rollback() override;
    /// Number of journal entries.
    std::int64_t journalSize();

    std::optional<std::string> meta(std::string_view key);
    void setMeta(std::string_view key, std::string_view value);

private:
    /// Everything the constructor does once the connection is open.
    void prepare();
    void migrate();
    /// Inside a write transaction: throws when the journal's last entry is not the last this connection knows.
    void checkJournalUnchanged();
    static int onCommit(void* self);
    static void onRollback(void* self);

    std::filesystem::path file_;
    Access access_;
    bool created_ = false;  // Write: this constructor creates the file (removed again if opening fails, still empty)
    Connection connection_;
    std::unique_ptr<Statement> insert_;
    std::optional<Transaction> step_;  // the transaction begin() opened, if it opened one
    bool hasTables_ = false;           // false only when reading a database that has no table yet
    std::int64_t lastSeq_ = 0;         // the journal's last entry as this connection knows it (committed)
    std::int64_t pendingSeq_ = 0;      // the last entry inserted by the open transaction, 0 when none
};

/// Applies the Tour's seed (assets/tour.json: the 13 Cités, étapes 1 and 2, the organiser's contact) once per
/// database: a second call adds nothing. The seed is outside the undo history. Returns true when it seeded.
bool seedTour(Database& db, Session& session);

/// Adds our icebreaker decks (assets/cartes.json) once per database, also to databases created before them.
bool seedDecks(Database& db, Session& session);

/// The seeds that `db` lacks, applied to `session` only (a read-only workspace shows what a writer would see).
void seedInMemory(Database& db, Session& session);

/// What a front-end opens: the data directory, its database and the session over the replayed model, seeded.
class Workspace {
public:
    /// Write: creates `dataDir` when missing, takes the folder (FolderLock, `holder` names this process for a
    /// refused writer) before loading, seeds. Read: takes nothing and writes nothing: a missing database reads as
    /// a new one (the Tour's seed in memory), a session whose apply() is refused.
    /// Throws FolderBusy, StorageUnavailable, DatabaseTooNew, DatabaseCorrupt, StoreError (French messages).
    explicit Workspace(const std::filesystem::path& dataDir, Access access = Access::Write, std::string holder = {});

    const std::filesystem::path& dataDir() const { return dataDir_; }
    Database& database() { return db_; }
    Session& session() { return session_; }
    /// The journal entries that replay skipped (empty when the whole journal applied).
    const std::vector<SkippedEntry>& skipped() const { return skipped_; }
    /// The data folder's files (documents, archive, search index in this database), errors as values.
    DataFolder& folder() { return *folder_; }
    ~Workspace();

private:
    std::filesystem::path dataDir_;
    FolderLock lock_;  // held before the database is read, for the workspace's life (Write)
    Database db_;
    std::vector<SkippedEntry> skipped_;
    Session session_;
    std::unique_ptr<DataFolder> folder_;
};

/// ${XDG_DATA_HOME:-$HOME/.local/share}/atelier
std::filesystem::path defaultDataDir();

}  // namespace atelier::store
