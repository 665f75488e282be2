// RAII around SQLite: a connection, prepared statements that finalize themselves, and transactions that roll
// back unless committed. Errors throw StoreError with SQLite's message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace atelier::store {

class Connection {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };
    Connection(const std::filesystem::path& file, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    /// Runs one or more statements without results.
    void exec(std::string_view sql);
    /// The single integer result of `sql` (e.g. "PRAGMA user_version").
    std::int64_t queryInt(std::string_view sql);
    /// True while a transaction is open on this connection.
    bool inTransaction() const;

private:
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
