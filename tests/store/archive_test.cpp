// The étape archive: round trip, no email, atomic re-save, refusals (newer, damaged), the example archives of the
// repository, and the FTS5 search of archived ideas.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>

#include "core/archive.h"
#include "store/archive.h"
#include "store/errors.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;


EtapeArchive dayArchive() {
    static const Session s = test::dayOfEtapeSession();
    return makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The message of the ArchiveCorrupt thrown by parsing `json`, or "" when nothing (or something else) was thrown.
std::string corruptMessage(const std::string& json) {
    try {
        parseArchive(json, "/donnees/sessions/2020-02-11-amiens/etape.json");
    } catch (const ArchiveCorrupt& e) {
        return e.what();
    } catch (...) {
        return "";
    }
    return "";
}

}  // namespace

TEST_CASE("an archive of a full day holds what the day produced and reads back equal") {
    const EtapeArchive a = dayArchive();
    REQUIRE(!a.people.empty());
    REQUIRE(a.etape.votes.size() == 3);
    REQUIRE(a.results.size() == 3);
    CHECK(a.results[0].counted);
    CHECK(!a.results[0].ranking.empty());
    CHECK(!a.etape.groups.empty());
    CHECK(!a.etape.icebreaker.rounds.empty());
    CHECK(a.etape.icebreaker.seed != 0);
    CHECK(a.ideaCount() > 250);
    CHECK(!a.practices.empty());
    CHECK(a.host == "Amiens");
    for (const Registration& r : a.etape.registrations) CHECK(r.present);

    const EtapeArchive back = parseArchive(archiveJson(a), "etape.json");
    CHECK(back == a);

    TempDir dir;
    const fs::path file = saveArchive(dir.path, a);
    CHECK(file == dir.path / "sessions" / "2020-02-11-amiens" / "etape.json");
    CHECK(loadArchive(file) == a);
}

TEST_CASE("the archive keeps no email and no absent person") {
    Session s = test::dayOfEtapeSession();
    Model model = s.model();
    for (Person& p : model.people) p.email = "secret." + std::to_string(p.id) + "@exemple.fr";
    const Etape& etape = *model.etapeByNumber(1);
    const EtapeArchive a = makeArchive(model, etape, "0.1.0", "x");
    const std::string json = archiveJson(a);
    CHECK(json.find("@exemple.fr") == std::string::npos);
    CHECK(json.find("\"email\"") == std::string::npos);
    int present = 0;
    for (const Registration& r : etape.registrations) present += r.present;
    CHECK(present < static_cast<int>(etape.registrations.size()));  // the fixture has absent people
    CHECK(a.etape.registrations.size() == static_cast<size_t>(present));
    for (const Registration& r : etape.registrations)
        if (!r.present) {
            bool elsewhere = false;  // an absent person may still sit in a group planned beforehand
            for (const auto& round : etape.groups.rounds)
                for (const auto& g : round.groups)
                    for (Id id : g.members) elsewhere |= id == r.person;
            for (const auto& round : etape.icebreaker.rounds)
                for (const auto& pair : round.pairs)
                    for (Id id : pair) elsewhere |= id == r.person;
            if (!elsewhere) CHECK(a.person(r.person) == nullptr);
        }
}

TEST_CASE("a re-save that fails leaves the previous archive intact") {
    TempDir dir;
    EtapeArchive a = dayArchive();
    const fs::path file = saveArchive(dir.path, a);
    const std::string before = readAll(file);

    // The temporary file cannot be created (a folder stands in its place), even for root.
    const fs::path blocker = file.parent_path() / (".etape.json.tmp-" + std::to_string(getpid()));
    fs::create_directories(blocker / "x");
    a.etape.header.venue = "Une autre salle";
    CHECK_THROWS_AS(saveArchive(dir.path, a), StoreError);
    CHECK(readAll(file) == before);
    CHECK(loadArchive(file) == dayArchive());

    fs::remove_all(blocker);
    saveArchive(dir.path, a);
    CHECK(loadArchive(file).etape.header.venue == "Une autre salle");
}

TEST_CASE("an archive from a newer Atelier is refused with the file named") {
    std::string json = archiveJson(dayArchive());
    const std::string from = "\"version\": " + std::to_string(kArchiveFormatVersion) + ",";
    const auto at = json.find(from);
    REQUIRE(at != std::string::npos);
    json.replace(at, from.size(), "\"version\": 99,");
    try {
        parseArchive(json, "/donnees/sessions/2020-02-11-amiens/etape.json");
        FAIL("not refused");
    } catch (const ArchiveTooNew& e) {
        CHECK(e.found == 99);
        CHECK(e.supported == kArchiveFormatVersion);
        const std::string message = e.what();
        CHECK(message.find("/donnees/sessions/2020-02-11-amiens/etape.json") != std::string::npos);
        CHECK(message.find("Mettez Atelier à jour") != std::string::npos);
    }
}

TEST_CASE("a damaged archive is refused with the file and what is wrong") {
    const std::string json = archiveJson(dayArchive());
    const std::string path = "/donnees/sessions/2020-02-11-amiens/etape.json";

    const std::string truncated = corruptMessage(json.substr(0, json.size() / 2));
    CHECK(truncated.find(path) != std::string::npos);
    CHECK(truncated.find("tronqué") != std::string::npos);

    std::string wrongType = json;
    const auto number = wrongType.find("\"number\": 1");
    REQUIRE(number != std::string::npos);
    wrongType.replace(number, 11, "\"number\": \"un\"");
    const std::string typed = corruptMessage(wrongType);
    CHECK(typed.find(path) != std::string::npos);
    CHECK(typed.find("type attendu") != std::string::npos);

    std::string missing = json;
    const auto savedAt = missing.find("\"savedAt\"");
    REQUIRE(savedAt != std::string::npos);
    missing.replace(savedAt, 9, "\"enregistre\"");
    const std::string lacking = corruptMessage(missing);
    CHECK(lacking.find(path) != std::string::npos);
    CHECK(lacking.find("«\u00a0savedAt\u00a0»") != std::string::npos);

    CHECK(corruptMessage("{\"format\": {\"name\": \"autre-chose\", \"version\": 1}}").find("atelier-etape") !=
          std::string::npos);
    CHECK(corruptMessage("[]").find("«\u00a0format\u00a0»") != std::string::npos);
}

TEST_CASE("the example archives of the repository load, forever") {
    const fs::path examples = fs::path(ATELIER_SOURCE_DIR) / "sessions" / "examples";
    int loaded = 0;
    for (const auto& entry : fs::recursive_directory_iterator(examples)) {
        if (entry.path().extension() != ".json") continue;
        INFO(entry.path().string());
        const EtapeArchive a = loadArchive(entry.path());
        CHECK(a.format.example);
        CHECK(a.results.size() == a.etape.votes.size());
        ++loaded;
    }
    CHECK(loaded >= 2);
}

TEST_CASE("a format 1 archive loads with people's structure and function empty; format 2 keeps them") {
    const fs::path examples = fs::path(ATELIER_SOURCE_DIR) / "sessions" / "examples";
    const EtapeArchive v1 = loadArchive(examples / "exemple-2020-02-11-amiens" / "etape.json");
    CHECK(v1.format.version == 1);
    REQUIRE(!v1.people.empty());
    for (const ArchivedPerson& p : v1.people) {
        CHECK(p.structure.empty());
        CHECK(p.function.empty());
    }
    const EtapeArchive v2 = loadArchive(examples / "exemple-2020-02-11-amiens-format-2" / "etape.json");
    CHECK(v2.format.version == 2);
    bool found = false;
    for (const ArchivedPerson& p : v2.people)
        if (p.name == "Zoé Lefèvre") {
            found = true;
            CHECK(p.structure == "Rectorat de l'académie d'Amiens");
            CHECK(p.function == "Conseillère du recteur");
        }
    CHECK(found);
    // What makeArchive writes today reads back equal, structure and function included.
    CHECK(parseArchive(archiveJson(dayArchive()), "etape.json") == dayArchive());
}

TEST_CASE("archive folder names: date, then the host or the theme in lower-case ASCII") {
    EtapeArchive a;
    a.etape.header.date = Date{2020, 6, 2};
    a.etape.header.number = 2;
    a.etape.header.theme = "Évaluer les Cités éducatives !";
    CHECK(archiveFolderName(a) == "2020-06-02-evaluer-les-cites-educatives");
    a.host = "Boulogne-sur-Mer";
    CHECK(archiveFolderName(a) == "2020-06-02-boulogne-sur-mer");
    a.host = "";
    a.etape.header.theme = "";
    CHECK(archiveFolderName(a) == "2020-06-02-etape-2");
}

TEST_CASE("archived ideas are found without accents or case, and a re-save replaces them") {
    TempDir dir;
    Database db(dir.path / "atelier.db");
    EtapeArchive a = dayArchive();
    indexArchive(db, a);
    const auto hits = searchIdeas(db, "REUSSITE");
    REQUIRE(!hits.empty());
    CHECK(hits.front().etape == 1);
    CHECK(hits.front().date == "2020-02-11");
    CHECK(hits.front().text.find("réussite") != std::string::npos);
    CHECK(searchIdeas(db, "cordee reuss").size() > 0);
    CHECK(searchIdeas(db, "\"quote NEAR( * ").empty());  // FTS5 syntax in the text is only text
    CHECK(searchIdeas(db, "   ").empty());

    const auto before = searchIdeas(db, "cafe", 10000).size();
    indexArchive(db, a);
    CHECK(searchIdeas(db, "cafe", 10000).size() == before);
    a.etape.boards.clear();
    indexArchive(db, a);
    CHECK(searchIdeas(db, "cafe").empty());
}

TEST_CASE("two étapes with the same date and host get their own folder, a re-save replaces only its own") {
    TempDir dir;
    Database db(dir.path / "atelier.db");
    const EtapeArchive first = dayArchive();
    EtapeArchive second = dayArchive();  // étape 2 on the same day, at the same host
    second.etape.id = first.etape.id + 1000;
    second.etape.header.number = 2;
    second.etape.boards.at(0).ideas.at(0).text = "Une idée de la seconde étape";
    REQUIRE(archiveFolderName(first) == archiveFolderName(second));

    const fs::path a = saveAndIndex(dir.path, db, first);
    const fs::path b = saveAndIndex(dir.path, db, second);
    CHECK(a.parent_path().filename() == archiveFolderName(first));
    CHECK(b.parent_path().filename() == archiveFolderName(first) + "-2");
    CHECK(loadArchive(a) == first);
    CHECK(loadArchive(b) == second);
    const auto listed = listArchives(dir.path);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].archive.etape.header.number == 1);
    CHECK(listed[1].archive.etape.header.number == 2);
    const auto hits = searchIdeas(db, "seconde etape");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].etape == 2);
    CHECK(hits[0].folder == b.parent_path().filename());
    const auto common = searchIdeas(db, "cafe", 10000).size();
    CHECK(common > 0);

    // Re-saving either one replaces its own folder and its own search rows, never the other's.
    EtapeArchive secondAgain = second;
    secondAgain.etape.header.venue = "Une autre salle";
    CHECK(saveAndIndex(dir.path, db, secondAgain) == b);
    CHECK(loadArchive(a) == first);
    CHECK(loadArchive(b).etape.header.venue == "Une autre salle");
    CHECK(saveAndIndex(dir.path, db, first) == a);
    CHECK(loadArchive(b).etape.header.venue == "Une autre salle");
    CHECK(searchIdeas(db, "cafe", 10000).size() == common);
    CHECK(searchIdeas(db, "seconde etape").size() == 1);
    CHECK(listArchives(dir.path).size() == 2);

    // A folder holding an archive that cannot be read is never taken for ours either.
    EtapeArchive third = first;
    third.etape.id += 2000;
    third.etape.header.number = 3;
    fs::create_directories(dir.path / "sessions" / (archiveFolderName(first) + "-3"));
    std::ofstream(dir.path / "sessions" / (archiveFolderName(first) + "-3") / "etape.json") << "{";
    const fs::path c = saveAndIndex(dir.path, db, third);
    CHECK(c.parent_path().filename() == archiveFolderName(first) + "-4");
    CHECK(readAll(dir.path / "sessions" / (archiveFolderName(first) + "-3") / "etape.json") == "{");
}

TEST_CASE("a save knows its own folder from the archive's identity, without reading the body (issue 29 point 12)") {
    TempDir dir;
    Database db(dir.path / "atelier.db");
    const EtapeArchive first = dayArchive();
    const fs::path a = saveAndIndex(dir.path, db, first);
    const std::string json = readAll(a);
    // Its body cut short after the étape's header: the identity (format, id, number) is whole, the rest is not read.
    // (Parsed whole, as before, this archive was « damaged » and the save went to a « -2 » folder beside it.)
    const auto cut = json.find("\"date\"");
    REQUIRE(cut != std::string::npos);
    REQUIRE(json.find("\"number\"") < cut);
    std::ofstream(a, std::ios::binary | std::ios::trunc) << json.substr(0, cut) << "\"date\": [[[ ceci n'est pas lu";
    CHECK(saveAndIndex(dir.path, db, first) == a);
    CHECK(loadArchive(a) == first);
    CHECK_FALSE(fs::exists(dir.path / "sessions" / (archiveFolderName(first) + "-2")));

    // Members in another order (a hand-edited file): the identity is found wherever it is.
    const std::string reordered = "{\"archive\": {\"etape\": {\"header\": {\"number\": " +
                                  std::to_string(first.etape.header.number) + "}, \"id\": " +
                                  std::to_string(first.etape.id) + "}}, \"format\": {\"version\": 1, \"name\": \"" +
                                  kArchiveFormatName + "\"}}";
    std::ofstream(a, std::ios::binary | std::ios::trunc) << reordered;
    CHECK(saveAndIndex(dir.path, db, first) == a);

    // Not ours: a newer format, another étape's number or id, another format's name, a start that is not JSON.
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = json;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    const std::string version = "\"version\": " + std::to_string(kArchiveFormatVersion);
    const std::string number = "\"number\": " + std::to_string(first.etape.header.number);
    const std::string id = "\"id\": " + std::to_string(first.etape.id);
    for (const std::string& other :
         {replaced(version, "\"version\": " + std::to_string(kArchiveFormatVersion + 1)),
          replaced(number, "\"number\": 99"), replaced(id, "\"id\": 424242"),
          replaced("atelier-etape", "autre-chose"), std::string("[1, 2")}) {
        TempDir d;
        Database db2(d.path / "atelier.db");
        const fs::path own = sessionsDir(d.path) / archiveFolderName(first) / "etape.json";
        fs::create_directories(own.parent_path());
        std::ofstream(own, std::ios::binary) << other;
        INFO(other.substr(0, 300));
        CHECK(saveAndIndex(d.path, db2, first).parent_path().filename() == archiveFolderName(first) + "-2");
        CHECK(readAll(own) == other);
    }
}

TEST_CASE("the list of archives comes from the index while each etape.json is as indexed, else from the file") {
    TempDir dir;
    Session s = test::dayOfEtapeSession();
    Database db(dir.path / "atelier.db");
    const Etape& e = *s.model().etapeByNumber(1);
    const fs::path file = saveAndIndex(dir.path, db, makeArchive(s.model(), e, "0.1.0", "2020-02-11T18:00:00Z"));
    const EtapeArchive parsed = loadArchive(file);

    auto listed = listSummaries(dir.path, &db);
    REQUIRE(listed.size() == 1);
    CHECK_FALSE(listed[0].loaded);  // from the index: not parsed
    CHECK(listed[0].error.empty());
    CHECK(listed[0].summary == summarize(parsed));
    CHECK(listed[0].summary.ideas == parsed.ideaCount());
    CHECK(listed[0].summary.host == "Amiens");

    // Same size, same time, other bytes: the index is believed (this is what makes listing cheap).
    const auto time = fs::last_write_time(file);
    std::string bytes = test::readBytes(file);
    const auto at = bytes.find("Amiens");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 6, "Amienz");
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes; }
    fs::last_write_time(file, time);
    listed = listSummaries(dir.path, &db);
    CHECK_FALSE(listed[0].loaded);
    CHECK(listed[0].summary.host == "Amiens");

    // Changed on disk (another time): parsed again, and the index follows.
    fs::last_write_time(file, time + std::chrono::seconds(5));
    listed = listSummaries(dir.path, &db);
    CHECK(listed[0].loaded);
    CHECK(listed[0].summary.host == "Amienz");
    listed = listSummaries(dir.path, &db);
    CHECK_FALSE(listed[0].loaded);
    CHECK(listed[0].summary.host == "Amienz");

    // A damaged archive is never indexed; without an index everything is parsed.
    { std::ofstream(file, std::ios::trunc) << "{"; }
    listed = listSummaries(dir.path, &db);
    CHECK_FALSE(listed[0].error.empty());
    CHECK_FALSE(listSummaries(dir.path, &db)[0].error.empty());
    CHECK(listSummaries(dir.path, nullptr)[0].loaded == false);
    CHECK_FALSE(listSummaries(dir.path, nullptr)[0].error.empty());
}
