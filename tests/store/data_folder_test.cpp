// The data folder, the front-ends' one door to files: every outcome is a value with a French message, never an
// exception, and what was already saved stays as it was when an operation fails.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "store/data_folder.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
namespace fs = std::filesystem;

TEST_CASE("DataFolder: documents, archive, listing and search, each a value") {
    test::TempDir temp("atelier-folder");
    store::DataFolder folder(temp.path / "data");
    const Session session = test::dayOfEtapeSession();
    const Etape& etape = *session.model().etapeByNumber(1);

    const store::Outcome written = folder.writeDocument("etape-1-groupes.html", "<p>groupes</p>");
    REQUIRE(written.ok);
    CHECK(written.file == temp.path / "data" / "documents" / "etape-1-groupes.html");
    CHECK(written.message.find(written.file.string()) != std::string::npos);
    CHECK(temp.read("data/documents/etape-1-groupes.html") == "<p>groupes</p>");

    CHECK(folder.archiveSaves() == 0);
    const store::Outcome saved = folder.saveArchive(session.model(), etape);
    REQUIRE(saved.ok);
    CHECK(fs::exists(saved.file));
    CHECK(folder.archiveSaves() == 1);
    const auto listed = folder.archives();
    REQUIRE(listed.ok());
    REQUIRE(listed.value.size() == 1);
    CHECK(listed.value.front().error.empty());
    const auto hits = folder.searchIdeas("REUSSITE");
    REQUIRE(hits.ok());
    CHECK_FALSE(hits.value.empty());
}

TEST_CASE("DataFolder: what cannot be done comes back as a French message, nothing thrown") {
    test::TempDir temp("atelier-folder-bad");
    // The documents folder is a file: the document cannot be written.
    fs::create_directories(temp.path / "data");
    std::ofstream(temp.path / "data" / "documents") << "un fichier, pas un dossier";
    store::DataFolder folder(temp.path / "data");
    const store::Outcome written = folder.writeDocument("etape-1-frais.html", "x");
    CHECK_FALSE(written.ok);
    CHECK_FALSE(written.message.empty());
    CHECK(temp.read("data/documents") == "un fichier, pas un dossier");  // untouched

    // A folder given as a CSV file: refused with its path, not an exception.
    const auto table = folder.readCsv(temp.path);
    CHECK_FALSE(table.ok());
    CHECK(table.error.find(temp.path.string()) != std::string::npos);

    // A search index that is not a database: the search says so; the file is left as it was.
    store::DataFolder broken(temp.path / "broken");
    fs::create_directories(temp.path / "broken");
    std::ofstream(temp.path / "broken" / "atelier.db") << "ceci n'est pas une base SQLite, mais un texte assez long";
    const auto hits = broken.searchIdeas("idée");
    CHECK_FALSE(hits.ok());
    CHECK_FALSE(hits.error.empty());
    CHECK(temp.read("broken/atelier.db") == "ceci n'est pas une base SQLite, mais un texte assez long");
    const Session session = test::dayOfEtapeSession();
    const store::Outcome saved = broken.saveArchive(session.model(), *session.model().etapeByNumber(1));
    CHECK_FALSE(saved.ok);
    CHECK_FALSE(saved.message.empty());
}
