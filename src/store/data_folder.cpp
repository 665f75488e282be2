// The data folder's one door for the front-ends: every store error is caught here and becomes an Outcome.

#include "store/data_folder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>

#include "core/strings.h"
#include "store/database.h"
#include "store/errors.h"
#include "store/files.h"

namespace atelier::store {

DataFolder::DataFolder(std::filesystem::path dir, Database* index) : dir_(std::move(dir)), index_(index) {}

DataFolder::~DataFolder() = default;

Database& DataFolder::index() {
    if (index_) return *index_;
    if (!ownIndex_) {
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);  // Database names the folder when it still cannot open
        ownIndex_ = std::make_unique<Database>(dir_ / "atelier.db");
    }
    return *ownIndex_;
}

Outcome DataFolder::writeDocument(const std::string& fileName, std::string_view content) {
    const std::filesystem::path file = documentsDir() / fileName;
    try {
        std::error_code ec;
        std::filesystem::create_directories(documentsDir(), ec);
        writeFileAtomic(file, content);  // names the file in its error when the folder could not be made
        return Outcome{true, fmt(Str::CliWritten, {file.string()}), file};
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
}

Outcome DataFolder::saveRoomMemory(std::string_view memory) {
    try {
        writeFileAtomic(dir_ / "participation.json", memory);
        return Outcome{true, {}, dir_ / "participation.json"};
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
}

std::string DataFolder::roomMemory() const {
    try {
        std::error_code ec;
        if (!std::filesystem::exists(dir_ / "participation.json", ec)) return {};
        return readInputFile(dir_ / "participation.json");
    } catch (const std::exception&) {
        return {};
    }
}

Outcome DataFolder::writeDocuments(const std::string& folder,
                                   const std::vector<std::pair<std::string, std::string>>& files) {
    const std::filesystem::path dir = documentsDir() / folder;
    try {
        std::error_code ec;
        std::filesystem::create_directories(documentsDir(), ec);
        writeFilesTogether(dir, files);  // never seen with part of its files (photos/ of the booklet)
        std::string names;
        for (const auto& file : files) names += (names.empty() ? "" : ", ") + file.first;
        return Outcome{true, fmt(Str::DocumentsWritten, {dir.string(), names}), dir};
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
}

Outcome DataFolder::saveArchive(const Model& model, const Etape& etape) {
    try {
        const EtapeArchive archive = makeArchive(model, etape, ATELIER_VERSION, nowUtcIso());
        const auto file = saveAndIndex(dir_, index(), archive);
        ++archiveSaves_;
        return Outcome{true, fmt(Str::ArchiveSavedTo, {std::to_string(etape.header.number), file.string()}), file};
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
}

Result<std::vector<ArchiveListing>> DataFolder::archives() {
    try {
        return {listSummaries(dir_, &index()), {}};
    } catch (const std::exception& e) {
        return {{}, e.what()};
    }
}

Result<std::vector<IdeaHit>> DataFolder::searchIdeas(std::string_view text) {
    try {
        return {store::searchIdeas(index(), text), {}};
    } catch (const std::exception& e) {
        return {{}, e.what()};
    }
}

namespace {

/// `p` made absolute, its symbolic links followed (the last component too, even when it dangles) and its `..`
/// resolved as far as the path exists.
std::filesystem::path resolvedPath(const std::filesystem::path& p) {
    std::error_code ec;
    std::filesystem::path current = std::filesystem::absolute(p, ec);
    if (ec) current = p;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(std::filesystem::symlink_status(current, ec)); ++hops) {
        const std::filesystem::path target = std::filesystem::read_symlink(current, ec);
        if (ec) break;
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    std::filesystem::path canonical = std::filesystem::weakly_canonical(current, ec);
    if (ec) canonical = current.lexically_normal();
    return canonical;
}

/// The path as compared: generic separators, no trailing separator, and lower case on Windows (case-insensitive).
std::string comparable(const std::filesystem::path& p) {
    std::string s = p.generic_string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
#ifdef _WIN32
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
#endif
    return s;
}

bool isWithin(const std::string& child, const std::string& parent) {
    return child == parent || (child.size() > parent.size() && child.compare(0, parent.size(), parent) == 0 &&
                               (child[parent.size()] == '/' || parent.back() == '/'));
}

/// The data folder's own files and folders, by name (participation.json: the room's memory, issue 28).
constexpr std::array<const char*, 7> kOwnFiles = {"atelier.db",    "atelier.db-wal",     "atelier.db-shm",
                                                  "atelier.db-journal", "snapshot.bin", "atelier.lock",
                                                  "participation.json"};
constexpr std::array<const char*, 2> kOwnFolders = {"sessions", "photos"};

/// Whether the file starts like an SQLite database or an Atelier snapshot.
bool looksLikeStore(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[16] = {};
    if (!in.read(head, sizeof head)) return false;
    return std::memcmp(head, "SQLite format 3", 16) == 0 || std::memcmp(head, "ATELIER-SNAPSHT", 16) == 0;
}

}  // namespace

void DataFolder::checkOutput(const std::filesystem::path& dataDir, const std::filesystem::path& out) {
    const std::filesystem::path target = resolvedPath(out);
    const std::filesystem::path data = resolvedPath(dataDir);
    const std::string key = comparable(target);
    const auto refuse = [&](const std::string& what) {
        throw StoreError(fmt(Str::ErrOutputInDataFolder, {out.string(), what, dataDir.string()}));
    };
    std::error_code ec;
    for (const char* name : kOwnFiles) {
        if (isWithin(key, comparable(data / name))) refuse(name);  // the file, or a folder made in its place
        if (std::filesystem::exists(dataDir / name, ec) && std::filesystem::exists(out, ec) &&
            std::filesystem::equivalent(dataDir / name, out, ec))
            refuse(name);  // a hard link to it
    }
    for (const char* folder : kOwnFolders)
        if (isWithin(key, comparable(data / folder))) refuse(std::string(folder) + "/");
    const auto status = std::filesystem::status(out, ec);
    if (std::filesystem::exists(status)) {
        if (!std::filesystem::is_regular_file(status)) throw StoreError(fmt(Str::ErrOutputNotAFile, {out.string()}));
        if (looksLikeStore(out)) throw StoreError(fmt(Str::ErrOutputIsDatabase, {out.string()}));
    }
}

void DataFolder::writeOutput(const std::filesystem::path& dataDir, const std::filesystem::path& out,
                             std::string_view content) {
    checkOutput(dataDir, out);
    writeFileAtomic(out, content);
}

Result<CsvTable> DataFolder::readCsv(const std::filesystem::path& file) {
    try {
        return {readCsvFile(file), {}};
    } catch (const CsvError& e) {
        return {{}, e.what()};
    } catch (const std::exception& e) {
        return {{}, e.what()};
    }
}

}  // namespace atelier::store
