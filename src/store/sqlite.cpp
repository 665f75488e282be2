#include "store/sqlite.h"

#include <sqlite3.h>

#include "store/errors.h"

namespace atelier::store {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    std::string message(what);
    message += " : ";
    message += db ? sqlite3_errmsg(db) : "mémoire insuffisante";
    throw SqliteError(message, db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, db ? sqlite3_system_errno(db) : 0);
}
}  // namespace

Connection::Connection(const std::filesystem::path& file, Mode mode) { open(file, mode); }

void Connection::reopen(const std::filesystem::path& file, Mode mode) {
    sqlite3_close(db_);
    db_ = nullptr;
    open(file, mode);
}

void Connection::open(const std::filesystem::path& file, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = file.string();
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case Mode::ReadOnlyImmutable: {
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
            name = "file:";
#ifdef _WIN32
            const std::string path = file.generic_string();  // C:/dossier/atelier.db: a URI has forward slashes
#else
            const std::string path = file.string();
#endif
            for (char c : path) {  // a URI: escape what would end the path
                if (c == '%') name += "%25";
                else if (c == '?') name += "%3f";
                else if (c == '#') name += "%23";
                else name += c;
            }
            name += "?immutable=1";
            break;
        }
    }
    if (const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "mémoire insuffisante";
        const int code = db_ ? sqlite3_extended_errcode(db_) : rc;
        const int systemErrno = db_ ? sqlite3_system_errno(db_) : 0;
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(message, code, systemErrno);
    }
    sqlite3_busy_timeout(db_, 2000);
    sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw SqliteError(message, sqlite3_extended_errcode(db_), sqlite3_system_errno(db_));
    }
}

std::int64_t Connection::queryInt(std::string_view sql) {
    Statement s(*this, sql);
    if (!s.step()) throw StoreError("aucun résultat pour «\u00a0" + std::string(sql) + "\u00a0»");
    return s.columnInt(0);
}

bool Connection::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Statement::Statement(Connection& connection, std::string_view sql) : connection_(connection) {
    if (sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
        fail(connection.handle(), "requête invalide");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(connection_.handle(), "paramètre refusé");
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK)
        fail(connection_.handle(), "paramètre refusé");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(connection_.handle(), "paramètre refusé");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(connection_.handle(), "échec de la requête");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::columnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            connection_.exec("ROLLBACK");
        } catch (...) {
            // The transaction may already be rolled back by SQLite after an I/O error: nothing left to undo.
        }
    }
}

void Transaction::commit() {
    connection_.exec("COMMIT");
    done_ = true;
}

}  // namespace atelier::store
