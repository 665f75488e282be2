// The data folder's one door for the front-ends: every store error is caught here and becomes an Outcome.

#include "store/data_folder.h"

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
        std::filesystem::create_directories(dir, ec);
        std::string names;
        for (const auto& [name, content] : files) {
            std::filesystem::create_directories((dir / name).parent_path(), ec);  // photos/ of the booklet
            writeFileAtomic(dir / name, content);
            names += (names.empty() ? "" : ", ") + name;
        }
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
