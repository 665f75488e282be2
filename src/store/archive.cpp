// [SECTION] cereal: archive-level types
// [SECTION] Paths, writing and reading
// [SECTION] Listing
// [SECTION] Search index (FTS5)

#include "store/archive.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cereal/archives/json.hpp>
#include <climits>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <initializer_list>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/strings.h"
#include "core/text.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/serialize.h"

namespace atelier {

// [SECTION] cereal: archive-level types

template <class Archive>
void serialize(Archive& ar, ArchiveFormat& f, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("name", f.name), cereal::make_nvp("version", f.version),
       cereal::make_nvp("atelier", f.atelier), cereal::make_nvp("example", f.example));
}
template <class Archive>
void serialize(Archive& ar, ArchivedPerson& p, std::uint32_t version) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name), cereal::make_nvp("territory", p.territory),
       cereal::make_nvp("cite", p.cite), cereal::make_nvp("institution", asKey(p.institution)),
       cereal::make_nvp("role", asKey(p.role)));
    // v1 (format 1): no structure nor function (they stay empty)
    if (version >= 2) ar(cereal::make_nvp("structure", p.structure), cereal::make_nvp("function", p.function));
}
template <class Archive>
void save(Archive& ar, const ArchivedResult& r, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("vote", r.vote), cereal::make_nvp("counted", r.counted), cereal::make_nvp("error", r.error),
       cereal::make_nvp("ranking", r.ranking), cereal::make_nvp("scores", countsAsText(r.scores)),
       cereal::make_nvp("ballots", asCount(r.ballots)), cereal::make_nvp("grades", r.grades));
}
template <class Archive>
void load(Archive& ar, ArchivedResult& r, std::uint32_t /*version*/) {
    CountTexts scores;
    ar(cereal::make_nvp("vote", r.vote), cereal::make_nvp("counted", r.counted), cereal::make_nvp("error", r.error),
       cereal::make_nvp("ranking", r.ranking), cereal::make_nvp("scores", scores),
       cereal::make_nvp("ballots", asCount(r.ballots)), cereal::make_nvp("grades", r.grades));
    r.scores = countsFromText(scores);
}
template <class Archive>
void serialize(Archive& ar, ArchivedFollowUp& f, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("cite", f.cite), cereal::make_nvp("status", asKey(f.status)), cereal::make_nvp("date", f.date),
       cereal::make_nvp("note", f.note));
}
template <class Archive>
void serialize(Archive& ar, ArchivedPractice& p, std::uint32_t version) {
    ar(cereal::make_nvp("board", p.board), cereal::make_nvp("category", p.category), cereal::make_nvp("text", p.text),
       cereal::make_nvp("group", p.group));
    // v1 (formats 1 to 3): an idea's text, board, column and group only
    if (version >= 2)
        ar(cereal::make_nvp("id", p.id), cereal::make_nvp("source", asKey(p.source)), cereal::make_nvp("cite", p.cite),
           cereal::make_nvp("description", p.description), cereal::make_nvp("themes", p.themes),
           cereal::make_nvp("interested", p.interested), cereal::make_nvp("followUps", p.followUps));
}
/// The body of the archive (the format header is written before it, at the top level).
template <class Archive>
void serialize(Archive& ar, EtapeArchive& a, std::uint32_t /*version*/) {
    ar(cereal::make_nvp("savedAt", a.savedAt), cereal::make_nvp("host", a.host), cereal::make_nvp("etape", a.etape),
       cereal::make_nvp("people", a.people), cereal::make_nvp("results", a.results),
       cereal::make_nvp("practices", a.practices));
}

}  // namespace atelier

CEREAL_CLASS_VERSION(atelier::ArchiveFormat, 1)
CEREAL_CLASS_VERSION(atelier::ArchivedPerson, 2)
CEREAL_CLASS_VERSION(atelier::ArchivedResult, 1)
CEREAL_CLASS_VERSION(atelier::ArchivedPractice, 2)
CEREAL_CLASS_VERSION(atelier::ArchivedFollowUp, 1)
CEREAL_CLASS_VERSION(atelier::EtapeArchive, 1)

namespace atelier::store {

namespace {
constexpr const char* kFileName = "etape.json";

ArchiveCorrupt corrupt(const std::filesystem::path& file, const std::string& reason) {
    return ArchiveCorrupt(fmt(Str::ErrArchiveCorrupt, {file.string(), reason}));
}

using Doc = nlohmann::ordered_json;  // document order: the first bad field found is the one cereal met

/// Path ("archive.etape.votes[0].setup.method") of the first value, in document order, for which
/// `match(key, value)` holds; `key` is the member's name, empty for a list element. Empty when none.
template <class Match>
std::string findPath(const Doc& node, const std::string& path, const std::string& key, const Match& match) {
    if (match(key, node)) return path;
    if (node.is_object()) {
        for (const auto& [name, value] : node.items())
            if (auto found = findPath(value, path.empty() ? name : path + "." + name, name, match); !found.empty())
                return found;
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
            if (auto found = findPath(node[i], path + "[" + std::to_string(i) + "]", key, match); !found.empty())
                return found;
    }
    return {};
}

/// The JSON type a rapidjson assertion of cereal wanted, as a predicate and in French.
struct Expected {
    bool (*fits)(const Doc&);
    Str words;
};
std::optional<Expected> expectedType(const std::string& what) {
    const auto has = [&](const char* part) { return what.find(part) != std::string::npos; };
    if (has("kUint64Flag")) return Expected{[](const Doc& v) { return v.is_number_unsigned(); }, Str::ArchiveTypeNatural};
    if (has("kInt64Flag"))
        return Expected{[](const Doc& v) {
                            return v.is_number_integer() && (!v.is_number_unsigned() ||
                                                             v.get<std::uint64_t>() <= std::uint64_t(INT64_MAX));
                        },
                        Str::TypeInteger};
    if (has("kUintFlag"))
        return Expected{[](const Doc& v) { return v.is_number_unsigned() && v.get<std::uint64_t>() <= UINT32_MAX; },
                        Str::ArchiveTypeNatural};
    if (has("kIntFlag"))
        return Expected{[](const Doc& v) {
                            if (!v.is_number_integer()) return false;
                            if (v.is_number_unsigned()) return v.get<std::uint64_t>() <= std::uint64_t(INT32_MAX);
                            return v.get<std::int64_t>() >= INT32_MIN && v.get<std::int64_t>() <= INT32_MAX;
                        },
                        Str::TypeInteger};
    if (has("IsNumber")) return Expected{[](const Doc& v) { return v.is_number(); }, Str::ArchiveTypeNumber};
    if (has("IsString")) return Expected{[](const Doc& v) { return v.is_string(); }, Str::TypeText};
    if (has("IsBool")) return Expected{[](const Doc& v) { return v.is_boolean(); }, Str::ArchiveTypeBool};
    if (has("IsObject")) return Expected{[](const Doc& v) { return v.is_object(); }, Str::TypeObject};
    if (has("IsArray")) return Expected{[](const Doc& v) { return v.is_array(); }, Str::TypeList};
    return std::nullopt;
}

/// Members that cereal writes as a whole number between quotes (64-bit integers: "count": "4").
bool quotedNumberKey(const std::string& key) {
    return key == "count" || key == "ballots" || key == "scores" || key == "second" || key == "dotsPerVoter" ||
           key == "maxDotsPerOption";
}
bool isQuotedInteger(const std::string& text) {
    size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    if (i == text.size() || text.size() - i > 18) return false;  // 18 digits always fit in 64 bits
    for (; i < text.size(); ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

/// What cereal could not read, in French, naming the field by its path in the file when it can be found: cereal
/// and rapidjson speak English and name neither the field nor its place. `node`: the member cereal was at.
std::string readableReason(const std::exception& e, const char* node, const Doc& doc) {
    const std::string what = e.what();
    const std::string nvp = "provided NVP (";
    if (const auto at = what.find(nvp); at != std::string::npos) {
        const auto end = what.find(')', at + nvp.size());
        return fmt(Str::ArchiveMissingField, {what.substr(at + nvp.size(), end - at - nvp.size())});
    }
    if (what.find("rapidjson") != std::string::npos) {
        const auto expected = expectedType(what);
        if (!expected) return tr(Str::ArchiveUnexpected);
        const std::string name = node ? node : "";
        const std::string path = findPath(doc, "", "", [&](const std::string& key, const Doc& v) {
            return !name.empty() && key == name && !expected->fits(v);
        });
        if (!path.empty()) return fmt(Str::ArchiveFieldType, {path, tr(expected->words)});
        if (!name.empty()) return fmt(Str::ArchiveFieldType, {name, tr(expected->words)});
        return fmt(Str::ArchiveElementType, {tr(expected->words)});
    }
    if (dynamic_cast<const std::invalid_argument*>(&e) || dynamic_cast<const std::out_of_range*>(&e)) {
        // std::stoll on a quoted number: find the first quoted number that is not one.
        std::string value;
        const std::string path = findPath(doc, "", "", [&](const std::string& key, const Doc& v) {
            if (!quotedNumberKey(key) || !v.is_string() || isQuotedInteger(v.get<std::string>())) return false;
            value = v.get<std::string>();
            return true;
        });
        if (!path.empty()) return fmt(Str::ArchiveBadNumber, {path, value});
        return tr(Str::ArchiveUnexpected);
    }
    // Our own refusals (serialize.h): « valeur inconnue « x » », « date invalide « x » », already in French.
    const std::string open = "«\u00a0", close = "\u00a0»";
    if (const auto at = what.find(open); dynamic_cast<const cereal::Exception*>(&e) && at != std::string::npos &&
                                         what.size() > at + open.size() + close.size() &&
                                         what.compare(what.size() - close.size(), close.size(), close) == 0) {
        const std::string value = what.substr(at + open.size(), what.size() - close.size() - at - open.size());
        const std::string path = findPath(doc, "", "", [&](const std::string&, const Doc& v) {
            return v.is_string() && v.get<std::string>() == value;
        });
        return path.empty() ? what : fmt(Str::ArchiveFieldReason, {path, what});
    }
    if (dynamic_cast<const std::bad_alloc*>(&e) || dynamic_cast<const std::length_error*>(&e))
        return tr(Str::ArchiveTooBig);
    return tr(Str::ArchiveUnexpected);
}
}  // namespace

// [SECTION] Paths, writing and reading

std::filesystem::path sessionsDir(const std::filesystem::path& dataDir) { return dataDir / "sessions"; }

namespace {
/// What tells one archive from another: its format header and its étape's id and number.
struct ArchiveIdentity {
    std::string name;
    std::optional<long long> version;
    std::optional<Id> etape;
    std::optional<long long> number;
    bool complete() const { return !name.empty() && version && etape && number; }
};

/// Reads an archive's identity from the start of its JSON text, in stream, without building the document nor
/// reading the body: cereal writes the header, then the étape's id and header first, so a save that asks « is
/// this folder ours? » reads a few hundred bytes of an archive of any size (it used to parse it whole, twice).
/// Members may come in any order (a hand-edited file): the reading stops as soon as the four are known.
class IdentityReader : public nlohmann::json_sax<nlohmann::json> {
public:
    ArchiveIdentity identity;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t v) override {
        return v >= 0 ? integer(static_cast<unsigned long long>(v)) : !identity.complete();  // no identity is < 0
    }
    bool number_unsigned(number_unsigned_t v) override { return integer(v); }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t& v) override {
        if (at({"format", "name"})) identity.name = v;
        return !identity.complete();
    }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return open(); }
    bool key(string_t& k) override {
        path_.back() = k;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::vector<std::string> path_;  // the member being read at each level ("" in an array)

    bool open() {
        path_.emplace_back();
        return true;
    }
    bool close() {
        if (!path_.empty()) path_.pop_back();
        return true;
    }
    bool at(std::initializer_list<std::string_view> where) const {
        if (path_.size() != where.size()) return false;
        return std::equal(where.begin(), where.end(), path_.begin());
    }
    bool integer(unsigned long long v) {
        const auto bounded = static_cast<long long>(std::min<unsigned long long>(v, LLONG_MAX));
        if (at({"format", "version"})) identity.version = bounded;
        if (at({"archive", "etape", "id"})) identity.etape = static_cast<Id>(v);
        if (at({"archive", "etape", "header", "number"})) identity.number = bounded;
        return !identity.complete();
    }
};

/// True when `folder` holds an archive of the same étape as `archive` (same id and number, our format, a version
/// this Atelier reads): only then may a save replace it. A newer archive, or one whose identity cannot be read
/// (damaged at its start, not an archive), is never taken for ours; its body is not read.
bool holdsSameEtape(const std::filesystem::path& folder, const EtapeArchive& archive) {
    std::ifstream in(folder / kFileName, std::ios::binary);
    if (!in) return false;
    IdentityReader reader;
    try {
        nlohmann::json::sax_parse(in, &reader, nlohmann::json::input_format_t::json, false);
    } catch (const std::exception&) {
        return false;
    }
    const ArchiveIdentity& id = reader.identity;
    return id.complete() && id.name == kArchiveFormatName && *id.version >= 1 &&
           *id.version <= kArchiveFormatVersion && *id.etape == archive.etape.id &&
           *id.number == archive.etape.header.number;
}
}  // namespace

std::string archiveFolder(const std::filesystem::path& dataDir, const EtapeArchive& archive) {
    // "<date>-<slug>", then "<date>-<slug>-2", "-3"…: the étape's own folder if one holds it, else the first that
    // holds no archive.
    const std::string base = archiveFolderName(archive);
    std::string free;
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? base : base + "-" + std::to_string(n);
        const std::filesystem::path folder = sessionsDir(dataDir) / name;
        std::error_code ec;
        const bool exists = std::filesystem::exists(folder, ec);
        if (exists && holdsSameEtape(folder, archive)) return name;
        if (free.empty() && !std::filesystem::exists(folder / kFileName, ec)) free = name;
        if (!exists) return free;
    }
}

std::filesystem::path archiveFile(const std::filesystem::path& dataDir, const EtapeArchive& archive) {
    return sessionsDir(dataDir) / archiveFolder(dataDir, archive) / kFileName;
}

std::string archiveJson(const EtapeArchive& archive) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(
            out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
        ArchiveFormat format = archive.format;
        EtapeArchive body = archive;
        ar(cereal::make_nvp("format", format), cereal::make_nvp("archive", body));
    }
    out << "\n";
    return out.str();
}

EtapeArchive parseArchive(std::string_view json, const std::filesystem::path& file) {
    // Both parsers below recurse (cereal's rapidjson on the call stack): absurd nesting is refused before.
    if (jsonDepth(json) > kMaxJsonDepth)
        throw corrupt(file, fmt(Str::ArchiveTooDeep, {std::to_string(kMaxJsonDepth)}));
    // The header first, with a plain JSON parser: a newer format is refused before its body is read.
    Doc doc;
    try {
        doc = Doc::parse(json.begin(), json.end());
    } catch (const Doc::parse_error& e) {
        throw corrupt(file, fmt(Str::ArchiveBadJson, {std::to_string(e.byte)}));
    } catch (const Doc::exception& e) {  // a number no type holds (1e999): out_of_range, found by fuzzing
        throw corrupt(file, fmt(Str::ArchiveBadJson, {std::to_string(quotedLiteralOffset(json, e.what()))}));
    }
    if (!doc.is_object() || !doc.contains("format") || !doc["format"].is_object())
        throw corrupt(file, fmt(Str::ArchiveMissingField, {"format"}));
    const auto& header = doc["format"];
    if (!header.contains("name") || !header["name"].is_string() || header["name"] != kArchiveFormatName)
        throw corrupt(file, fmt(Str::ArchiveNotEtape, {kArchiveFormatName}));
    if (!header.contains("version") || !header["version"].is_number_integer())
        throw corrupt(file, fmt(Str::ArchiveMissingField, {"format.version"}));
    const long long version = header["version"].get<long long>();
    if (version > kArchiveFormatVersion)
        throw ArchiveTooNew(fmt(Str::ErrArchiveTooNew, {file.string(), std::to_string(version),
                                                        std::to_string(kArchiveFormatVersion)}),
                            static_cast<int>(version), kArchiveFormatVersion);
    if (version < 1) throw corrupt(file, fmt(Str::ArchiveBadVersion, {std::to_string(version)}));

    EtapeArchive archive;
    std::istringstream in{std::string(json)};
    std::string reason;
    try {
        cereal::JSONInputArchive ar(in);
        try {
            ar(cereal::make_nvp("format", archive.format), cereal::make_nvp("archive", archive));
        } catch (const std::exception& e) {
            reason = readableReason(e, ar.getNodeName(), doc);
        }
    } catch (const std::exception& e) {
        reason = readableReason(e, nullptr, doc);
    }
    if (!reason.empty()) throw corrupt(file, reason);
    // Every index and count, before anything (a summary, a sum) uses them.
    if (std::string error = checkArchive(archive); !error.empty()) throw corrupt(file, error);
    return archive;
}

EtapeArchive loadArchive(const std::filesystem::path& file) {
    return parseArchive(readInputFile(file), file);  // InputFileError (a StoreError) names the file
}

std::filesystem::path saveArchive(const std::filesystem::path& dataDir, const EtapeArchive& archive) {
    const std::filesystem::path file = archiveFile(dataDir, archive);
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) throw StoreError(fmt(Str::ErrWriteFile, {file.string(), ec.message()}));
    writeFileAtomic(file, archiveJson(archive));
    return file;
}

// [SECTION] Listing

ArchiveSummary summarize(const EtapeArchive& a) {
    return ArchiveSummary{a.etape.header.number,
                          a.etape.header.date,
                          a.host,
                          a.etape.header.theme,
                          static_cast<int>(a.people.size()),
                          a.ideaCount(),
                          static_cast<int>(a.etape.votes.size()),
                          a.format.example};
}

namespace {

std::vector<std::filesystem::path> archiveFiles(const std::filesystem::path& dataDir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    const auto root = sessionsDir(dataDir);
    if (!std::filesystem::is_directory(root, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
        const auto file = entry.path() / kFileName;
        if (!entry.is_directory() || !std::filesystem::exists(file)) continue;
        files.push_back(file);
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

ArchiveListing loadListing(const std::filesystem::path& file) {
    ArchiveListing listing{file, {}, {}, {}, false};
    try {
        listing.archive = loadArchive(file);
        listing.summary = summarize(listing.archive);
        listing.loaded = true;
    } catch (const StoreError& e) {
        listing.error = e.what();
    }
    return listing;
}

namespace {

/// The size and modification time (ns) of `file`, or nullopt.
std::optional<std::pair<std::int64_t, std::int64_t>> fileStamp(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return std::nullopt;
    const auto time = std::filesystem::last_write_time(file, ec);
    if (ec) return std::nullopt;
    return std::pair{static_cast<std::int64_t>(size),
                     static_cast<std::int64_t>(
                         std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count())};
}

bool hasArchiveList(Database& db) {
    return db.connection().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'archive_list'") == 1;
}

}  // namespace

std::vector<ArchiveListing> listArchives(const std::filesystem::path& dataDir) {
    std::vector<ArchiveListing> out;
    for (const auto& file : archiveFiles(dataDir)) out.push_back(loadListing(file));
    return out;
}

void indexSummary(Database& db, const std::filesystem::path& file, const EtapeArchive& archive) {
    const auto stamp = fileStamp(file);
    if (!stamp || !hasArchiveList(db)) return;
    const ArchiveSummary s = summarize(archive);
    Statement row(db.connection(),
                  "INSERT OR REPLACE INTO archive_list (folder, size, mtime, etape, date, host, theme, people, ideas, "
                  "votes, example) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    row.bind(1, file.parent_path().filename().string())
        .bind(2, stamp->first)
        .bind(3, stamp->second)
        .bind(4, static_cast<std::int64_t>(s.etape))
        .bind(5, toIso(s.date))
        .bind(6, s.host)
        .bind(7, s.theme)
        .bind(8, static_cast<std::int64_t>(s.people))
        .bind(9, static_cast<std::int64_t>(s.ideas))
        .bind(10, static_cast<std::int64_t>(s.votes))
        .bind(11, static_cast<std::int64_t>(s.example ? 1 : 0))
        .run();
}

std::vector<ArchiveListing> listSummaries(const std::filesystem::path& dataDir, Database* db) {
    std::vector<ArchiveListing> out;
    const bool indexed = db && hasArchiveList(*db);
    std::optional<Statement> find;
    if (indexed)
        find.emplace(db->connection(),
                     "SELECT size, mtime, etape, date, host, theme, people, ideas, votes, example FROM archive_list "
                     "WHERE folder = ?1");
    for (const auto& file : archiveFiles(dataDir)) {
        if (find) {
            find->reset();
            find->bind(1, file.parent_path().filename().string());
            const auto stamp = fileStamp(file);
            if (stamp && find->step() && find->columnInt(0) == stamp->first && find->columnInt(1) == stamp->second) {
                ArchiveListing listing{file, {}, {}, {}, false};
                ArchiveSummary& s = listing.summary;
                s.etape = static_cast<int>(find->columnInt(2));
                s.date = parseIso(find->columnText(3)).value_or(Date{});
                s.host = find->columnText(4);
                s.theme = find->columnText(5);
                s.people = static_cast<int>(find->columnInt(6));
                s.ideas = static_cast<int>(find->columnInt(7));
                s.votes = static_cast<int>(find->columnInt(8));
                s.example = find->columnInt(9) != 0;
                out.push_back(std::move(listing));
                continue;
            }
        }
        ArchiveListing listing = loadListing(file);
        if (listing.loaded && indexed && db->access() == Access::Write) {
            try {
                indexSummary(*db, file, listing.archive);
            } catch (const std::exception&) {
                // The index is a cache: a full disk only means parsing this archive again next time.
            }
        }
        out.push_back(std::move(listing));
    }
    return out;
}

// [SECTION] Search index (FTS5)

void indexArchive(Database& db, const EtapeArchive& archive, std::string folder) {
    if (folder.empty()) folder = archiveFolderName(archive);
    Connection& c = db.connection();
    Transaction tx(c);
    Statement drop(c, "DELETE FROM idea_search WHERE folder = ?1");
    drop.bind(1, folder).run();
    Statement insert(c, "INSERT INTO idea_search (texte, tableau, etape, date, folder) VALUES (?1, ?2, ?3, ?4, ?5)");
    const std::string date = toIso(archive.etape.header.date);
    for (const Board& b : archive.etape.boards)
        for (const Idea& i : b.ideas) {
            std::string text = i.text;
            for (const MergedIdea& m : i.merged) text += "\n" + m.text;
            insert.reset();
            insert.bind(1, text).bind(2, b.title).bind(3, static_cast<std::int64_t>(archive.etape.header.number))
                .bind(4, date).bind(5, folder).run();
        }
    tx.commit();
}

std::vector<IdeaHit> searchIdeas(Database& db, std::string_view text, int limit) {
    // Each word becomes a quoted prefix term: nothing the user types is read as FTS5 syntax.
    std::string query;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        std::string quotedWord = "\"";
        for (char ch : word) quotedWord += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        quotedWord += "\"*";
        if (!query.empty()) query += " ";
        query += quotedWord;
        word.clear();
    };
    for (char ch : text) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') flush();
        else word += ch;
    }
    flush();
    std::vector<IdeaHit> hits;
    if (query.empty()) return hits;
    // Read-only, a database not yet migrated to the search index has nothing archived to find.
    if (db.connection().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'idea_search'") == 0) return hits;
    Statement s(db.connection(),
                "SELECT etape, date, folder, tableau, texte FROM idea_search WHERE idea_search MATCH ?1 "
                "ORDER BY date, etape, rowid LIMIT ?2");
    s.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
    while (s.step())
        hits.push_back(IdeaHit{static_cast<int>(s.columnInt(0)), s.columnText(1), s.columnText(2), s.columnText(3),
                               s.columnText(4)});
    return hits;
}

std::filesystem::path saveAndIndex(const std::filesystem::path& dataDir, Database& db, const EtapeArchive& archive) {
    const auto file = saveArchive(dataDir, archive);
    indexArchive(db, archive, file.parent_path().filename().string());
    indexSummary(db, file, archive);
    return file;
}

std::string nowUtcIso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

}  // namespace atelier::store
