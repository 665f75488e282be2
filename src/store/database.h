// The SQLite database of Atelier (atelier.db in the data directory): the system of record while an étape runs.
// It holds the journal of every accepted action; the model is the replay of that journal. Schema changes are
// numbered migrations tracked by PRAGMA user_version. A database from a newer Atelier is refused before anything
// is written to it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/session.h"
#include "store/sqlite.h"

namespace atelier::store {

/// The schema this Atelier writes and reads. Bump it, with a migration (database.cpp), whenever the tables change
/// or an action is added or changes its fields, so that an older Atelier refuses the database instead of
/// misreading it.
constexpr int kSchemaVersion = 7;

class Database : public Journal {
public:
    /// Opens `file`, creating it when missing, and migrates it to kSchemaVersion (WAL mode, full sync).
    /// Throws DatabaseTooNew (file untouched), DatabaseCorrupt or StoreError, with a French message.
    explicit Database(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return file_; }
    int schemaVersion();
    Connection& connection() { return connection_; }

    /// The model replayed from the journal. Throws DatabaseCorrupt on an unreadable or refused entry.
    Model load();
    /// Journal: commits one action (its own transaction unless one is open).
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
    void migrate();

    std::filesystem::path file_;
    Connection connection_;
    std::unique_ptr<Statement> insert_;
    std::optional<Transaction> step_;  // the transaction begin() opened, if it opened one
};

/// Applies the Tour's seed (assets/tour.json: the 13 Cités, étapes 1 and 2, the organiser's contact) once per
/// database: a second call adds nothing. The seed is outside the undo history. Returns true when it seeded.
bool seedTour(Database& db, Session& session);

/// Adds our icebreaker decks (assets/cartes.json) once per database, also to databases created before them.
bool seedDecks(Database& db, Session& session);

/// What a front-end opens: the data directory, its database and the session over the replayed model, seeded.
class Workspace {
public:
    /// Creates `dataDir` when missing. Throws StoreError (and subclasses) with a French message.
    explicit Workspace(const std::filesystem::path& dataDir);

    const std::filesystem::path& dataDir() const { return dataDir_; }
    Database& database() { return db_; }
    Session& session() { return session_; }

private:
    std::filesystem::path dataDir_;
    Database db_;
    Session session_;
};

/// ${XDG_DATA_HOME:-$HOME/.local/share}/atelier
std::filesystem::path defaultDataDir();

}  // namespace atelier::store
