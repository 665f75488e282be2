// The capitalisation archive on disk: `DATA/sessions/<YYYY-MM-DD>-<slug>/etape.json`, cereal JSON with a class
// version on every type and a format header (see sessions/README.md), written atomically; and the FTS5 index of
// the archived ideas in the database, which follows each save.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive.h"
#include "store/database.h"

namespace atelier::store {

/// DATA/sessions
std::filesystem::path sessionsDir(const std::filesystem::path& dataDir);
/// The folder of the étape's archive under DATA/sessions: "<date>-<slug>" (archiveFolderName), or "<date>-<slug>-N"
/// when that one holds the archive of another étape (same date and host): the folder that already holds this
/// étape (same id and number), else the first free one. A save never replaces another étape's archive.
std::string archiveFolder(const std::filesystem::path& dataDir, const EtapeArchive& archive);
/// DATA/sessions/<archiveFolder>/etape.json
std::filesystem::path archiveFile(const std::filesystem::path& dataDir, const EtapeArchive& archive);

/// The archive as JSON text (what etape.json holds).
std::string archiveJson(const EtapeArchive& archive);
/// Reads archive JSON text; `file` only names the source in messages.
/// Throws ArchiveTooNew (a newer format) or ArchiveCorrupt (bad JSON, not an archive, missing or mistyped field).
EtapeArchive parseArchive(std::string_view json, const std::filesystem::path& file);
/// Reads an etape.json. Throws ArchiveTooNew, ArchiveCorrupt, or StoreError when it cannot be read.
EtapeArchive loadArchive(const std::filesystem::path& file);
/// Writes the archive under DATA/sessions atomically (an existing one is replaced only once the new one is
/// complete) and returns its path. Throws StoreError naming the file; the previous archive is then intact.
std::filesystem::path saveArchive(const std::filesystem::path& dataDir, const EtapeArchive& archive);

/// What a list of archives shows of one (the Archive tab, `archive liste`).
struct ArchiveSummary {
    int etape = 0;
    Date date;
    std::string host;  // empty: « à confirmer »
    std::string theme;
    int people = 0;
    int ideas = 0;
    int votes = 0;
    bool example = false;
    bool operator==(const ArchiveSummary&) const = default;
};
/// The summary of a parsed archive.
ArchiveSummary summarize(const EtapeArchive& archive);

/// One archive found under DATA/sessions: readable (`error` empty) or not (`error` says why). `summary` is always
/// filled for a readable one; `archive` only when `loaded` (listSummaries reads it from the index instead).
struct ArchiveListing {
    std::filesystem::path file;
    EtapeArchive archive;
    std::string error;
    ArchiveSummary summary;
    bool loaded = false;
};
/// The archive in `file` parsed, as a listing (its error in `error`). Never throws a StoreError.
ArchiveListing loadListing(const std::filesystem::path& file);
/// Every DATA/sessions/*/etape.json, by folder name (oldest first), each parsed.
std::vector<ArchiveListing> listArchives(const std::filesystem::path& dataDir);
/// The same list without parsing: each archive's summary from the index of `db` (table archive_list) while its
/// etape.json keeps the size and time recorded there; an archive missing from the index or changed since is parsed
/// (and, when `db` can write, recorded for the next time). `db` null or without the table: every archive parsed.
std::vector<ArchiveListing> listSummaries(const std::filesystem::path& dataDir, Database* db);
/// Records the summary of the archive in `file` (its folder, size and time) in the index. Throws SqliteError.
void indexSummary(Database& db, const std::filesystem::path& file, const EtapeArchive& archive);

/// Replaces the idea-search rows of the archive in `folder` (default: archiveFolderName) with its ideas.
void indexArchive(Database& db, const EtapeArchive& archive, std::string folder = {});

/// An archived idea found by searchIdeas.
struct IdeaHit {
    int etape = 0;
    std::string date;    // ISO
    std::string folder;  // the archive folder
    std::string board;   // its title
    std::string text;
};
/// Ideas of every archived étape that contain all the words of `text` (as prefixes), ignoring accents and case.
std::vector<IdeaHit> searchIdeas(Database& db, std::string_view text, int limit = 200);

/// Saves the archive (saveArchive), then indexes its ideas under its folder (indexArchive); returns the file.
/// Throws StoreError.
std::filesystem::path saveAndIndex(const std::filesystem::path& dataDir, Database& db, const EtapeArchive& archive);

/// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string nowUtcIso();

}  // namespace atelier::store
