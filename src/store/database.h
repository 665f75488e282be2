// The SQLite database of Atelier (atelier.db in the data directory): the system of record while an étape runs.
// It holds the journal of every accepted action; the model is the replay of that journal. Schema changes are
// numbered migrations tracked by PRAGMA user_version. A database from a newer Atelier, an empty file or a file
// that is not SQLite is refused before anything is written to it. One writer per data folder (store/lock.h):
// the Workspace of a writer holds the folder; read-only commands open the database read-only and write nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/etape_line.h"
#include "core/session.h"
#include "store/files.h"
#include "store/lock.h"
#include "store/sqlite.h"

namespace atelier::store {

class DataFolder;

/// The schema this Atelier writes and reads. Bump it, with a migration (database.cpp), whenever the tables change
/// or an action is added or changes its fields, so that an older Atelier refuses the database instead of
/// misreading it.
constexpr int kSchemaVersion = 13;

/// Writing (creates, migrates, seeds, records actions) or reading only (writes nothing, ever).
enum class Access { Write, Read };

/// A journal entry that replay could not apply: it is skipped, everything else is kept.
struct SkippedEntry {
    std::int64_t seq = 0;
    std::string action;  // the action's name (« AddTerritory »)
    std::string reason;  // French: why it was refused
};
/// One journal entry as a snapshot names it: its seq and what tells it from another database's entry of the same
/// seq (the time it was written, to the millisecond, and the action's name). seq 0: before the first entry.
struct JournalMark {
    std::int64_t seq = 0;
    std::string at;
    std::string action;
    bool operator==(const JournalMark&) const = default;
};

struct Snapshot;

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
    /// The same from `start`: when the journal holds the entry `start` names, its model (and the entries it had
    /// skipped) plus the replay of the entries after it; otherwise the whole journal replayed. `usedStart` (when
    /// given) tells which. Equal, either way, to load() on the whole journal.
    Model load(std::vector<SkippedEntry>* skipped, std::optional<Snapshot> start, bool* usedStart);
    /// The entry `seq` of the journal (0: the mark of an empty journal), or nullopt when there is none.
    std::optional<JournalMark> mark(std::int64_t seq);
    /// The last entry of the journal this connection has committed or loaded.
    std::int64_t lastSeq() const { return lastSeq_; }
    /// The last entry this connection wrote, committed or still inside the open transaction.
    std::int64_t recordedSeq() const { return pendingSeq_ != 0 ? pendingSeq_ : lastSeq_; }
    /// Journal: commits one action (its own transaction unless one is open). Refuses (StoreError) when another
    /// connection appended to the journal since load(): ids would collide.
    void record(const Action& action, JournalKind kind) override;
    /// Journal: records several actions, in order, in one transaction (its own unless one is open). A long list
    /// is encoded on two threads: encoding is most of the cost of recording an import of 100,000 actions.
    void recordAll(const std::vector<std::pair<const Action*, JournalKind>>& entries);
    /// Journal: one transaction around the records of a step (inside an open transaction: that one counts).
    void begin() override;
    void commit() override;
    void rollback() override;
    /// Journal: one transaction around several steps; each step inside is a savepoint of it.
    void beginBatch() override;
    void commitBatch() override;
    void rollbackBatch() override;
    /// Number of journal entries (counts them: slow on a long journal).
    std::int64_t journalSize();

    std::optional<std::string> meta(std::string_view key);
    void setMeta(std::string_view key, std::string_view value);

    /// Write: this open created the database file.
    bool created() const { return created_; }

private:
    /// Which file a path names now (device and inode), to notice one replaced or removed under the app.
    struct FileId {
        bool present = false;
        std::uint64_t device = 0, inode = 0;
        bool operator==(const FileId&) const = default;
    };
    static FileId fileId(const std::filesystem::path& file);
    /// Throws StorageUnavailable (French: what happened and what to do) when the database file or its WAL is no
    /// longer the file this connection writes into (removed, or replaced by a sync client): from then on every
    /// write is refused, nothing is acknowledged into a file nobody will read.
    void checkFilesInPlace();
    /// Throws DatabaseCorrupt (French, with what to do) when a database that has a schema has lost its journal
    /// table, or its journal is empty although it had entries (its counter, its seeds say so).
    void checkJournalThere();
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
    std::unique_ptr<Statement> now_;  // the journal's time stamp, read once per group of records
    bool watchFiles_ = false;  // Write on a file: checkFilesInPlace at each begin and commit
    FileId dbId_, walId_;
    std::string lostFiles_;  // the message once a file was found gone: every later write gets it too
    std::optional<Transaction> step_;  // the transaction begin() opened, if it opened one
    std::optional<Transaction> batch_;  // the transaction beginBatch() opened
    bool inSavepoint_ = false;          // begin() inside a batch opened a savepoint
    std::int64_t savedPendingSeq_ = 0;  // pendingSeq_ when that savepoint was opened
    bool hasTables_ = false;           // false only when reading a database that has no table yet
    std::int64_t lastSeq_ = 0;         // the journal's last entry as this connection knows it (committed)
    std::int64_t pendingSeq_ = 0;      // the last entry inserted by the open transaction, 0 when none
};

/// The list of étapes as the writer left it in the index (table meta) with its last entry: what `atelier etapes`
/// prints without replaying anything. nullopt when the index does not reflect the journal's last entry (a database
/// of an earlier Atelier, a journal written some other way since): then the model is the one to ask.
std::optional<std::vector<EtapeLine>> indexedEtapes(Database& db);

/// Applies the Tour's seed (assets/tour.json: the 13 Cités, étapes 1 and 2, the organiser's contact) once per
/// database: a second call adds nothing. The seed is outside the undo history. Returns true when it seeded.
bool seedTour(Database& db, Session& session);

/// Adds our icebreaker decks (assets/cartes.json) once per database, also to databases created before them.
bool seedDecks(Database& db, Session& session);

/// The seeds that `db` lacks, applied to `session` only (a read-only workspace shows what a writer would see).
void seedInMemory(Database& db, Session& session);

/// What a front-end opens: the data directory, its database and the session over the replayed model, seeded.
/// Start-up replays only the journal entries after the folder's snapshot (store/snapshot.h) when it is valid, the
/// whole journal otherwise. A writer snapshots the model again every kSnapshotEvery entries (copied on the calling
/// thread, encoded and written on a worker thread), when an étape is marked « Réalisée », and on close (once the
/// journal holds kSnapshotMinimum entries). The undo
/// history is never in a snapshot nor in the journal's replay: after a restart there is nothing to undo, as before.
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
    /// The journal entry of the snapshot start-up began from; 0 when it replayed the whole journal.
    std::int64_t startedFrom() const { return startedFrom_; }
    /// Write: the temporary files of killed writes that opening removed from the folder (files.h).
    const TempLeftovers& tempRemoved() const { return tempRemoved_; }
    /// Writer: writes the snapshot of the model now, on this thread, unless the last one is already at the
    /// journal's last entry; returns false when it could not (the journal keeps everything: nothing is lost).
    bool saveSnapshot();
    /// Writer: waits for the snapshot being written on the worker thread, if any.
    void waitForSnapshot();
    /// The journal entry of the last snapshot this workspace wrote or started from (0: none).
    std::int64_t snapshotSeq() const { return snapshotSeq_; }
    /// Writer, after the journal's past rows were rewritten (an erasure, store/erasure.h): the whole journal replayed
    /// again, the session replaced by its model when it differs from the live one (the undo history then goes),
    /// and the snapshot written again from it (the previous one removed first: it names the same last entry).
    /// Returns true when the replay gave the live model. Throws StoreError.
    bool reloadFromJournal();
    /// Writes the last snapshot (writer; not for a journal shorter than kSnapshotMinimum), then closes.
    ~Workspace();

private:
    /// The session's journal: the database, then, after each commit, a snapshot when one is due.
    class Recorder : public Journal {
    public:
        explicit Recorder(Workspace& ws) : ws_(ws) {}
        void record(const Action& action, JournalKind kind) override;
    /// Journal: records several actions, in order, in one transaction (its own unless one is open). A long list
    /// is encoded on two threads: encoding is most of the cost of recording an import of 100,000 actions.
    void recordAll(const std::vector<std::pair<const Action*, JournalKind>>& entries);
        void begin() override;
        void commit() override;
        void rollback() override;
        void beginBatch() override;
        void commitBatch() override;
        void rollbackBatch() override;

    private:
        Workspace& ws_;
        bool realised_ = false;  // the open step marks an étape « Réalisée »
        std::int64_t pending_ = 0;
        bool batching_ = false;         // inside a batch: snapshots wait for commitBatch()
        std::int64_t batchPending_ = 0;  // entries committed by the batch's steps
        bool batchRealised_ = false;
        std::vector<std::pair<const Action*, JournalKind>> entries_;  // the open step's records, written at commit
    };
    /// After a commit of `entries` entries: a snapshot on the worker thread when due (never throws).
    void afterCommit(std::int64_t entries, bool urgent) noexcept;
    /// The snapshot of the model at the journal's last committed entry, or nullopt when the database is inside an
    /// open transaction (the model is ahead of the journal).
    std::optional<Snapshot> currentSnapshot();
    /// Inside the open step's transaction: the list of étapes in the index (written again only when it changed)
    /// and the journal entry it reflects, so that the two never disagree.
    void indexEtapes();

    std::filesystem::path dataDir_;
    FolderLock lock_;  // held before the database is read, for the workspace's life (Write)
    Database db_;
    std::vector<SkippedEntry> skipped_;
    std::int64_t startedFrom_ = 0;
    TempLeftovers tempRemoved_;
    Recorder recorder_{*this};
    Session session_;
    std::unique_ptr<DataFolder> folder_;
    std::int64_t snapshotSeq_ = 0;       // journal entry of the last snapshot written (or started from)
    std::int64_t sinceSnapshot_ = 0;     // entries committed since it
    std::future<std::int64_t> writing_;  // the snapshot being written on the worker thread: its entry, or -1
    std::optional<std::vector<EtapeLine>> indexedEtapes_;  // the list the index holds, when this workspace wrote it
};

/// ${XDG_DATA_HOME:-$HOME/.local/share}/atelier; on Windows %APPDATA%\Atelier.
std::filesystem::path defaultDataDir();

}  // namespace atelier::store
