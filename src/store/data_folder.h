// The data folder as the front-ends' one door to files: documents, the capitalisation archive and its search
// index, and the files a user gives (CSV). Every operation returns its outcome as a value with a French message;
// no exception leaves it, so a shell shows errors in one place (the app's toasts) and never catches store errors
// itself. The database it indexes into is the workspace's (store::Workspace::folder()), never a second writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive.h"
#include "store/archive.h"
#include "store/csv.h"

namespace atelier::store {

class Database;

/// What an operation did: ok with a message for the user (« Écrit : … »), or the French error. `file` is the file
/// written, when there is one.
struct Outcome {
    bool ok = true;
    std::string message;
    std::filesystem::path file;
    explicit operator bool() const { return ok; }
    static Outcome failure(std::string message) { return Outcome{false, std::move(message), {}}; }
};

/// A value, or the French error that prevented it.
template <class T>
struct Result {
    T value{};
    std::string error;
    bool ok() const { return error.empty(); }
};

class DataFolder {
public:
    /// `dir`: the data folder. `index`: the database holding the search index (the workspace's); null: opened on
    /// first use from dir/atelier.db (a folder without a workspace, in tests).
    explicit DataFolder(std::filesystem::path dir, Database* index = nullptr);
    ~DataFolder();
    DataFolder(const DataFolder&) = delete;
    DataFolder& operator=(const DataFolder&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    /// DATA/documents
    std::filesystem::path documentsDir() const { return dir_ / "documents"; }

    /// Writes `content` to DATA/documents/`fileName` atomically; the message names the file.
    Outcome writeDocument(const std::string& fileName, std::string_view content);
    /// Writes several files into DATA/documents/`folder`/ (the summary of an étape); the outcome's `file` is that
    /// folder and its message lists the files. A file that cannot be written stops it, with the French error.
    Outcome writeDocuments(const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files);
    /// Makes the archive of `etape` now, saves it under DATA/sessions and indexes its ideas.
    Outcome saveArchive(const Model& model, const Etape& etape);
    /// Archives saved through this folder so far (a list of archives made before is stale).
    std::uint64_t archiveSaves() const { return archiveSaves_; }
    /// Every archive under DATA/sessions (an unreadable one is listed with its error), summaries from the index:
    /// an archive is parsed only when the index does not know it as it is on disk (listSummaries).
    Result<std::vector<ArchiveListing>> archives();
    /// The archived ideas containing every word of `text` (accents and case ignored).
    Result<std::vector<IdeaHit>> searchIdeas(std::string_view text);
    /// Refuses (StoreError, French) an output file `out` asked for by the user (`--out`, a screenshot) that
    /// resolves — through `..`, symbolic or hard links, or case on Windows — into the data folder `dataDir`'s own
    /// files (database, WAL, SHM, snapshot, lock, sessions/, photos/), that exists and is not a regular file, or
    /// that is an SQLite database or an Atelier snapshot (wherever it is: never a document to overwrite).
    static void checkOutput(const std::filesystem::path& dataDir, const std::filesystem::path& out);
    /// checkOutput, then `content` written beside `out` and renamed over it (writeFileAtomic). Throws StoreError.
    static void writeOutput(const std::filesystem::path& dataDir, const std::filesystem::path& out,
                            std::string_view content);
    /// A CSV file the user gave (a path typed or dropped), read within the input limits (anywhere: no folder needed).
    static Result<CsvTable> readCsv(const std::filesystem::path& file);
    /// The room's memory for phones (DATA/participation.json, issue 28 point 4): what the participation server
    /// must remember across a restart (digests of the phones' tokens, their ideas and ballot keys), written
    /// atomically. The message says why when it could not be saved.
    Outcome saveRoomMemory(std::string_view memory);
    /// What saveRoomMemory() wrote last; empty when there is none (a first opening) or it cannot be read.
    std::string roomMemory() const;

private:
    Database& index();

    std::filesystem::path dir_;
    Database* index_;
    std::unique_ptr<Database> ownIndex_;
    std::uint64_t archiveSaves_ = 0;
};

}  // namespace atelier::store
