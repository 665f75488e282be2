// [SECTION] Finding the person
// [SECTION] JSON and the journal
// [SECTION] Archives, index, documents
// [SECTION] Erasure
// [SECTION] Search of every byte

#include "store/erasure.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "core/text.h"
#include "store/archive.h"
#include "store/codec.h"
#include "store/data_folder.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/snapshot.h"

namespace atelier::store {

// [SECTION] Finding the person

namespace {
std::string nameKey(std::string_view name) {
    std::string folded = foldForName(trim(name)), out;
    for (char c : folded)
        if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}
}  // namespace

std::vector<const Person*> findPeople(const Model& model, std::string_view email, std::string_view name) {
    std::vector<const Person*> out;
    const std::string wantedEmail = foldForSearch(trim(email));
    const ErasureTarget wanted = [&] {
        Person p;
        p.name = std::string(name);
        return erasureTarget(p);
    }();
    for (const Person& p : model.people) {
        bool match = false;
        if (!wantedEmail.empty() && foldForSearch(trim(p.email)) == wantedEmail) match = true;
        if (!trim(name).empty())
            for (const std::string& rotation : wanted.names)
                if (nameKey(rotation) == nameKey(p.name)) match = true;
        if (match) out.push_back(&p);
    }
    return out;
}

// [SECTION] JSON and the journal

namespace {

using Json = nlohmann::ordered_json;

/// The same rules as core/erasure.cpp, on any JSON Atelier wrote (a journal payload, the room's memory): a
/// person's record (an object with a name and an e-mail, or a name, an institution and a role) that is the
/// target's, by id, gets the label as name and its e-mail, structure and function emptied; a
/// field whose name says e-mail and whose value is the target's e-mail is emptied; every other text is scrubbed.
bool scrubJson(Json& j, const ErasureTarget& t) {
    bool changed = false;
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        if (scrubText(s, t)) {
            j = s;
            return true;
        }
        return false;
    }
    if (j.is_array()) {
        for (Json& item : j) changed = scrubJson(item, t) || changed;
        return changed;
    }
    if (!j.is_object()) return false;
    // A person's record (a name with an e-mail, or with an institution and a role) that is the target's, by id.
    const bool personLike = j.contains("name") && j["name"].is_string() &&
                            (j.contains("email") || (j.contains("institution") && j.contains("role")));
    if (personLike && t.person != 0 && j.contains("id") && j["id"].is_number_unsigned() &&
        j["id"].get<Id>() == t.person) {
        auto set = [&](const char* key, const std::string& value) {
            if (j.contains(key) && j[key].is_string() && j[key].get<std::string>() != value) {
                j[key] = value;
                changed = true;
            }
        };
        set("name", t.label);
        set("email", "");
        set("structure", "");
        set("function", "");
        return changed;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (personLike && it.key() == "name" && isNamesake(it->get<std::string>(), t)) continue;  // a namesake
        std::string key = foldForSearch(it.key());
        if (key.find("email") != std::string::npos && it->is_string() && !t.email.empty() &&
            foldForSearch(trim(it->get<std::string>())) == foldForSearch(t.email)) {
            *it = "";
            changed = true;
            continue;
        }
        changed = scrubJson(*it, t) || changed;
    }
    return changed;
}

/// `text` scrubbed: as JSON when it parses (`canonical` then writes it back as Atelier does), else as text.
/// nullopt when nothing changed.
std::optional<std::string> scrubDocument(const std::string& text, const ErasureTarget& t,
                                         const std::function<std::string(const std::string&)>& canonical) {
    if (!mentions(text, t)) return std::nullopt;  // most rows: nothing to look at
    try {
        Json j = Json::parse(text);
        // Unchanged: what mentions the person is a namesake's record (kept) or a key, not a text.
        if (!scrubJson(j, t)) return std::nullopt;
        return canonical ? canonical(j.dump()) : j.dump();
    } catch (const std::exception&) {
        // Not JSON, or not decodable once scrubbed: scrubbed as text below.
    }
    std::string out = text;
    if (!scrubText(out, t)) return std::nullopt;
    return out;
}

/// Rewrites the journal's payloads and the meta table's values that mention the target; returns the rows rewritten.
/// Inside the caller's transaction.
std::int64_t rewriteJournal(Connection& c, const ErasureTarget& t) {
    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    {
        Statement rows(c, "SELECT seq, action, payload FROM journal ORDER BY seq");
        while (rows.step()) {
            const std::string action = rows.columnText(1);
            const std::string payload = rows.columnText(2);
            auto out = scrubDocument(payload, t, [&](const std::string& json) {
                return encodeAction(decodeAction(action, json));  // the bytes Atelier writes
            });
            if (out) rewritten.emplace_back(rows.columnInt(0), std::move(*out));
        }
    }
    Statement update(c, "UPDATE journal SET payload = ?2 WHERE seq = ?1");
    for (const auto& [seq, payload] : rewritten) {
        update.reset();
        update.bind(1, seq).bind(2, payload).run();
    }
    std::vector<std::pair<std::string, std::string>> meta;
    {
        Statement rows(c, "SELECT key, value FROM meta");
        while (rows.step())
            if (auto out = scrubDocument(rows.columnText(1), t, nullptr)) meta.emplace_back(rows.columnText(0), *out);
    }
    Statement setMeta(c, "UPDATE meta SET value = ?2 WHERE key = ?1");
    for (const auto& [key, value] : meta) {
        setMeta.reset();
        setMeta.bind(1, key).bind(2, value).run();
    }
    return static_cast<std::int64_t>(rewritten.size());
}

// [SECTION] Archives, index, documents

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The regular files under `dir`, recursively (none when it is missing).
std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

/// Rewrites every archive that mentions the target, regenerates (or removes) the documents beside it that did;
/// then rebuilds the search index and the list of archives from the archives as they now are.
void rewriteArchives(Workspace& ws, const ErasureTarget& t, const SummaryWriter& summaries, ErasureReport& report) {
    const std::filesystem::path data = ws.dataDir();
    for (ArchiveListing& l : listArchives(data)) {
        const std::filesystem::path dir = l.file.parent_path();
        bool archiveChanged = false;
        if (l.error.empty()) {
            if (eraseFromArchive(l.archive, t)) {
                writeFileAtomic(l.file, archiveJson(l.archive));
                archiveChanged = true;
            }
        } else if (auto out = scrubDocument(readAll(l.file), t, nullptr)) {  // unreadable here: its text at least
            writeFileAtomic(l.file, *out);
            archiveChanged = true;
        }
        if (archiveChanged) ++report.archives;
        // The documents beside it (summaries exported there): written again from the archive, or removed.
        bool mentioned = false;
        for (const auto& file : filesUnder(dir))
            if (file != l.file && mentions(readAll(file), t)) mentioned = true;
        if (mentioned && summaries && l.error.empty()) {
            const auto files = summaries(l.archive);
            writeFilesTogether(dir, files);
            for (const auto& f : files) report.regenerated.push_back(dir / f.first);
        }
        for (const auto& file : filesUnder(dir)) {
            if (file == l.file || !mentions(readAll(file), t)) continue;
            std::error_code ec;
            if (std::filesystem::remove(file, ec)) report.removed.push_back(file);
        }
    }
    // The index from the archives as they are now: the idea search rebuilt (no deleted entry left in its segments)
    // and the list of archives recorded again.
    Connection& c = ws.database().connection();
    c.exec("DELETE FROM idea_search; INSERT INTO idea_search (idea_search) VALUES ('rebuild');");
    c.exec("DELETE FROM archive_list");
    for (const ArchiveListing& l : listArchives(data)) {
        if (!l.error.empty()) continue;
        indexArchive(ws.database(), l.archive, l.file.parent_path().filename().string());
        indexSummary(ws.database(), l.file, l.archive);
    }
    c.exec("INSERT INTO idea_search (idea_search) VALUES ('optimize')");
}

/// The documents the facilitator wrote into DATA/documents that mention the target: removed (they are written again
/// from the console or the command line, without the person).
void removeDocuments(Workspace& ws, const ErasureTarget& t, ErasureReport& report) {
    for (const auto& file : filesUnder(ws.folder().documentsDir())) {
        if (!mentions(readAll(file), t)) continue;
        std::error_code ec;
        if (std::filesystem::remove(file, ec)) report.removed.push_back(file);
    }
}

/// The room's memory for phones (participation.json): the target's first name and anything they posted.
void scrubRoomMemory(Workspace& ws, const ErasureTarget& t) {
    const std::string memory = ws.folder().roomMemory();
    if (memory.empty()) return;
    if (auto out = scrubDocument(memory, t, nullptr)) {
        const Outcome saved = ws.folder().saveRoomMemory(*out);
        if (!saved) throw StoreError(saved.message);
    }
}

/// SQLite keeps nothing of what was overwritten: the log folded into the database and emptied, then every page
/// rewritten (VACUUM) with secure_delete on, then the log emptied again.
void clearFreePages(Connection& c) {
    c.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    c.exec("VACUUM");
    c.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace

// [SECTION] Erasure

ErasureReport erasePerson(Workspace& ws, Id person, const SummaryWriter& summaries) {
    if (ws.database().access() != Access::Write) throw StoreError(tr(Str::RgpdNeedsWriter));
    const Person* p = ws.session().model().person(person);
    if (!p) throw StoreError(tr(Str::ErrUnknownPerson));
    const ErasureTarget target = erasureTarget(*p);
    if (target.empty()) throw StoreError(fmt(Str::RgpdAlreadyErased, {p->name}));
    ErasureReport report;
    report.label = target.label;
    ws.waitForSnapshot();
    Connection& c = ws.database().connection();
    try {
        c.exec("PRAGMA secure_delete = ON");
        {
            // The event and the rewrite of the past rows in one transaction: the journal never holds one without
            // the other.
            Transaction tx(c);
            const Status st = ws.session().applyUnrecorded(ErasePerson{person}, JournalKind::Do);
            if (!st) throw StoreError(st.message);
            report.journalRows = rewriteJournal(c, target);
            tx.commit();
        }
        report.replayAgreed = ws.reloadFromJournal();
        rewriteArchives(ws, target, summaries, report);
        removeDocuments(ws, target, report);
        scrubRoomMemory(ws, target);
        clearFreePages(c);
    } catch (const SqliteError& e) {
        throw StoreError(fmt(Str::RgpdEraseFailed, {e.what()}));
    }
    // A namesake keeps their name: then only the e-mail can tell whether anything of her is left.
    ErasureTarget searched = target;
    for (const Person& other : ws.session().model().people)
        if (other.id != person && isNamesake(other.name, target)) {
            searched.names.clear();
            report.namesake = true;
        }
    report.traces = filesHolding(ws.dataDir(), spellings(searched));
    return report;
}

// [SECTION] Search of every byte

std::vector<std::filesystem::path> filesHolding(const std::filesystem::path& dir,
                                                const std::vector<std::string>& spellings) {
    std::vector<std::filesystem::path> out;
    auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch; };
    for (const auto& file : filesUnder(dir)) {
        std::string bytes = readAll(file);
        std::transform(bytes.begin(), bytes.end(), bytes.begin(), lower);
        for (std::string s : spellings) {
            std::transform(s.begin(), s.end(), s.begin(), lower);
            if (!s.empty() && bytes.find(s) != std::string::npos) {
                out.push_back(file);
                break;
            }
        }
    }
    return out;
}

}  // namespace atelier::store
