// Typed errors of the store. Their what() is a French message that says what to do; the UI and the command line
// show it as it is (one boundary each), the store never prints or opens a dialog.
#pragma once

#include <stdexcept>
#include <string>

namespace atelier::store {

/// Anything the store could not do (open, read, write).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The database was written by a newer Atelier; it is left untouched.
class DatabaseTooNew : public StoreError {
public:
    DatabaseTooNew(std::string message, int found, int supported)
        : StoreError(std::move(message)), found(found), supported(supported) {}
    int found;
    int supported;
};

/// The database is damaged (unreadable journal entry, not an SQLite file…); it is left untouched.
class DatabaseCorrupt : public StoreError {
public:
    using StoreError::StoreError;
};

/// The database has lost its journal, or its journal was emptied while the folder says there was work: refused
/// by every command, readers included (a reader would show a new Tour).
class JournalMissing : public DatabaseCorrupt {
public:
    using DatabaseCorrupt::DatabaseCorrupt;
};

}  // namespace atelier::store

namespace atelier::store {

/// An étape archive written by a newer Atelier (a higher format version); the file is left untouched.
class ArchiveTooNew : public StoreError {
public:
    ArchiveTooNew(std::string message, int found, int supported)
        : StoreError(std::move(message)), found(found), supported(supported) {}
    int found;
    int supported;
};

/// An étape archive that cannot be read (bad JSON, a missing field, a wrong type…); the file is left untouched.
class ArchiveCorrupt : public StoreError {
public:
    using StoreError::StoreError;
};

}  // namespace atelier::store

namespace atelier::store {

/// Another process writes to this data folder (it holds DATA/atelier.lock): nothing was read or written.
class FolderBusy : public StoreError {
public:
    FolderBusy(std::string message, long pid) : StoreError(std::move(message)), pid(pid) {}
    long pid;  // the holder's process id, 0 when unknown
};

/// The data folder cannot be written (read-only folder or medium, no permission) or its disk is full, or the
/// database cannot be reached at all: nothing is damaged, the message says what to do.
class StorageUnavailable : public StoreError {
public:
    enum class Reason { ReadOnly, Full, CannotOpen };
    StorageUnavailable(std::string message, Reason reason) : StoreError(std::move(message)), reason(reason) {}
    Reason reason;
};

}  // namespace atelier::store
