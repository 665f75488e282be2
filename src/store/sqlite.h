// RAII around SQLite: a connection, prepared statements that finalize themselves, and transactions that roll
// back unless committed. Errors throw SqliteError (a StoreError) with SQLite's message and codes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "store/errors.h"

struct sqlite3;
struct sqlite3_stmt;

namespace atelier::store {

/// What SQLite refused: its message, its extended result code, and the system errno behind it (0 when none), so
/// that callers can tell a read-only folder or a full disk from a damaged file.
class SqliteError : public StoreError {
public:
    SqliteError(std::string message, int code, int systemErrno)
        : StoreError(std::move(message)), code(code), systemErrno(systemErrno) {}
    int code;         // extended result code (SQLITE_READONLY_DBMOVED…); `code & 0xff` is the primary one
    int systemErrno;  // sqlite3_system_errno() after the failure
};

class Connection {
public:
    /// ReadOnlyImmutable: read-only, and SQLite is told nobody changes the file (no -shm, no lock): only for a
    /// database nobody can be writing (read-only folder, full disk, no writer's -shm beside it).
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate, ReadOnlyImmutable };
    Connection(const std::filesystem::path& file, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    /// Closes this connection and opens `file` again in `mode`. Throws SqliteError (then unusable).
    void reopen(const std::filesystem::path& file, Mode mode);
    /// Runs one or more statements without results.
    void exec(std::string_view sql);
    /// The single integer result of `sql` (e.g. "PRAGMA user_version").
    std::int64_t queryInt(std::string_view sql);
    /// True while a transaction is open on this connection.
    bool inTransaction() const;

private:
    void open(const std::filesystem::path& file, Mode mode);
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    /// Binds `text` without copying it: it must stay unchanged until the statement is reset or run again.
    Statement& bindStatic(int index, std::string_view text);
    /// Advances to the next row; false when done.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();
    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    Connection& connection_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool done_ = false;
};

}  // namespace atelier::store
