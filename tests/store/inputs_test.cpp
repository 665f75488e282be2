// Files people bring, read by the store: one bounded reader (folders, devices, FIFOs and huge files refused with a
// French message naming the path), used by the CSV reader and the archive loader.
#include <doctest/doctest.h>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <filesystem>
#include <fstream>

#include "core/idea_import.h"
#include "core/registration_import.h"
#include "core/text.h"
#include "store/archive.h"
#include "store/csv.h"
#include "store/errors.h"
#include "store/files.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
using atelier::test::TempDir;

namespace {

/// A sparse file of `size` bytes (nothing written to disk; on Windows, a file extended without writing).
void sparseFile(const std::filesystem::path& file, std::uintmax_t size) {
    std::ofstream(file, std::ios::binary).flush();
    std::filesystem::resize_file(file, size);
}

InputFileError::Kind refusal(const std::filesystem::path& file, std::string& message) {
    try {
        readInputFile(file);
    } catch (const InputFileError& e) {
        message = e.what();
        return e.kind;
    }
    FAIL("the file was read: " << file);
    return InputFileError::Kind::Unreadable;
}

}  // namespace

TEST_CASE("Input files: a regular file is read whole") {
    TempDir dir("atelier-inputs");
    {
        std::ofstream(dir.path / "a.csv", std::ios::binary) << "nom\nZoé\n";
    }
    CHECK(readInputFile(dir.path / "a.csv") == "nom\nZoé\n");
    {
        std::ofstream(dir.path / "empty.csv", std::ios::binary);
    }
    CHECK(readInputFile(dir.path / "empty.csv").empty());
}

TEST_CASE("Input files: a folder, a device, a FIFO, a missing file are refused by name, in French") {
    TempDir dir("atelier-inputs");
    std::string message;
    CHECK(refusal(dir.path, message) == InputFileError::Kind::Folder);
    CHECK(message.find("«\u00a0" + dir.path.string() + "\u00a0» est un dossier") != std::string::npos);

#ifndef _WIN32  // Windows has neither /dev nor FIFOs in its file system
    CHECK(refusal("/dev/zero", message) == InputFileError::Kind::NotRegular);  // refused before any read
    CHECK(message.find("«\u00a0/dev/zero\u00a0» n'est pas un fichier ordinaire") != std::string::npos);

    const auto fifo = dir.path / "tube";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(refusal(fifo, message) == InputFileError::Kind::NotRegular);  // and no wait for a writer
#endif

    CHECK(refusal(dir.path / "absent.csv", message) == InputFileError::Kind::Missing);
    CHECK(message.find("Impossible d'ouvrir") != std::string::npos);
    CHECK(message.find("absent.csv") != std::string::npos);
}

TEST_CASE("Input files: a 50 MB file is refused with its size, a file at the limit is read") {
    TempDir dir("atelier-inputs");
    sparseFile(dir.path / "huge.csv", 50 * 1024 * 1024);
    std::string message;
    CHECK(refusal(dir.path / "huge.csv", message) == InputFileError::Kind::TooLarge);
    CHECK(message.find("huge.csv") != std::string::npos);
    CHECK(message.find("52,4 Mo") != std::string::npos);
    CHECK(message.find("au plus 50,0 Mo") != std::string::npos);

    sparseFile(dir.path / "small.csv", 1000);
    CHECK(readInputFile(dir.path / "small.csv", 1000).size() == 1000);
    CHECK_THROWS_AS(readInputFile(dir.path / "small.csv", 999), InputFileError);
}

TEST_CASE("Input files: the CSV reader and the archive loader go through the bounded reader") {
    TempDir dir("atelier-inputs");
    CHECK_THROWS_WITH_AS(readCsvFile(dir.path), doctest::Contains("est un dossier"), CsvError);
#ifdef _WIN32
    const char* device = "NUL";  // a device, as /dev/zero is one on Linux
#else
    const char* device = "/dev/zero";
#endif
    CHECK_THROWS_WITH_AS(readCsvFile(device), doctest::Contains("n'est pas un fichier ordinaire"), CsvError);
    CHECK_THROWS_WITH_AS(loadArchive(dir.path), doctest::Contains("est un dossier"), StoreError);
    CHECK_THROWS_WITH_AS(loadArchive(device), doctest::Contains("n'est pas un fichier ordinaire"), StoreError);
    sparseFile(dir.path / "etape.json", 60'000'000);
    CHECK_THROWS_WITH_AS(loadArchive(dir.path / "etape.json"), doctest::Contains("60,0 Mo"), StoreError);
}

// [SECTION] Archives: deep JSON, indices and counts, messages in French naming the field

namespace {

/// The example archive of the repository, trimmed, as the fuzz corpus holds it.
std::string exampleArchive() {
    std::ifstream in(std::filesystem::path(ATELIER_SOURCE_DIR) / "fuzz/corpus/archive/example-trimmed.json",
                     std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// `json` with the first `from` replaced by `to`.
std::string replaced(std::string json, const std::string& from, const std::string& to) {
    const auto at = json.find(from);
    REQUIRE(at != std::string::npos);
    return json.replace(at, from.size(), to);
}

/// The reason parseArchive gives for refusing `json`.
std::string refusedBecause(const std::string& json) {
    try {
        parseArchive(json, "etape.json");
    } catch (const ArchiveCorrupt& e) {
        return e.what();
    }
    FAIL("the archive was accepted");
    return {};
}

}  // namespace

TEST_CASE("Archives: the trimmed example loads (the corpus seed every mutation starts from)") {
    const EtapeArchive a = parseArchive(exampleArchive(), "etape.json");
    CHECK(a.etape.votes.size() == 3);
    CHECK(checkArchive(a).empty());
}

TEST_CASE("Archives: JSON nested 200,000 levels deep is refused before any parser recurses") {
    const std::string deep = "{\"format\": {\"name\": \"atelier-etape\", \"version\": 1}, \"archive\": " +
                             std::string(200'000, '[') + std::string(200'000, ']') + "}";
    CHECK(refusedBecause(deep).find("imbriqué sur plus de 64 niveaux") != std::string::npos);
    // Brackets inside strings do not count.
    CHECK(jsonDepth("{\"a\": \"[[[[[[\\\"[[[[\"}") == 1);
    CHECK(jsonDepth("[[1], {\"b\": [2]}]") == 3);
    CHECK(jsonDepth(std::string(100, '['), 64) == 65);
}

TEST_CASE("Archives: a negative option index in a result's ranking is refused, naming the field") {
    const std::string json = exampleArchive();
    const std::string reason = refusedBecause(replaced(json, "\"ranking\":[[0],", "\"ranking\":[[-1],"));
    CHECK(reason.find("«\u00a0archive.results[0].ranking[0][0]\u00a0» vaut -1, hors des limites permises (0 à 3)") !=
          std::string::npos);
    CHECK(refusedBecause(replaced(json, "\"ranking\":[[0],", "\"ranking\":[[4],")).find("vaut 4") !=
          std::string::npos);
    CHECK(refusedBecause(replaced(json, "\"ranking\":[[0],", "\"ranking\":[[1],")).find("figure deux fois") !=
          std::string::npos);
}

TEST_CASE("Archives: a ballot count near 2^63 and other counts out of bounds are refused") {
    const std::string json = exampleArchive();
    std::string reason = refusedBecause(replaced(json, "\"count\":\"4\"", "\"count\":\"9223372036854775807\""));
    CHECK(reason.find("«\u00a0archive.etape.votes[0].ballots[0].ballot.count\u00a0» vaut 9223372036854775807") !=
          std::string::npos);
    reason = refusedBecause(replaced(json, "\"count\":\"4\"", "\"count\":\"0\""));
    CHECK(reason.find("(1 à 1000000)") != std::string::npos);
    reason = refusedBecause(replaced(json, "\"ballots\":\"11\"", "\"ballots\":\"-5\""));
    CHECK(reason.find("«\u00a0archive.results[0].ballots\u00a0» vaut -5") != std::string::npos);
    reason = refusedBecause(replaced(json, "\"second\":5}", "\"second\":7}"));
    CHECK(reason.find("«\u00a0archive.etape.votes[0].ballots[0].ballot.grades[0].second\u00a0» vaut 7") != std::string::npos);
}

TEST_CASE("Archives: messages name the field in French, never cereal's or rapidjson's English") {
    const std::string json = exampleArchive();
    const auto french = [](const std::string& reason) {
        for (const char* english : {"rapidjson", "stoll", "stoull", "NVP", "assertion", "JSON Parsing", "failure"})
            CHECK_MESSAGE(reason.find(english) == std::string::npos, reason);
    };
    std::string reason = refusedBecause(replaced(json, "\"count\":\"4\"", "\"count\":\"abc\""));
    french(reason);
    CHECK(reason.find("«\u00a0archive.etape.votes[0].ballots[0].ballot.count\u00a0» doit être un nombre entier écrit entre "
                      "guillemets") != std::string::npos);
    CHECK(reason.find("(lu\u00a0: «\u00a0abc\u00a0»)") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"ballots\":\"11\"", "\"ballots\":\"99999999999999999999\""));
    french(reason);
    CHECK(reason.find("«\u00a0archive.results[0].ballots\u00a0» doit être un nombre entier") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"method\":\"dot\"", "\"method\":3"));
    french(reason);
    CHECK(reason.find("«\u00a0archive.etape.votes[1].setup.method\u00a0» n'a pas le type attendu\u00a0: il doit être un texte") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"counted\":true", "\"counted\":\"oui\""));
    french(reason);
    CHECK(reason.find("«\u00a0archive.results[0].counted\u00a0» n'a pas le type attendu\u00a0: il doit être true ou false") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"method\":\"dot\"", "\"method\":\"condorcet\""));
    french(reason);
    CHECK(reason.find("«\u00a0archive.etape.votes[1].setup.method\u00a0»\u00a0: valeur inconnue «\u00a0condorcet\u00a0»") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"number\":1,", "\"number\":1.5,"));
    french(reason);
    CHECK(reason.find("«\u00a0archive.etape.header.number\u00a0» n'a pas le type attendu\u00a0: il doit être un nombre entier") != std::string::npos);

    reason = refusedBecause(replaced(json, "\"number\":1,", ""));
    french(reason);
    CHECK(reason.find("le champ «\u00a0number\u00a0» manque") != std::string::npos);
}

// [SECTION] CSV: encoding decided per file, bad lines refused by number, UTF-16, NUL bytes

TEST_CASE("CSV: a UTF-8 file with one line in Windows-1252 stays UTF-8, that line is refused by number") {
    std::string bytes = "texte;groupe\n";
    for (int i = 1; i <= 1999; ++i) bytes += "Idée n°" + std::to_string(i) + " à essaimer;G1\n";
    bytes += "Id\xe9" "e mal enregistr\xe9" "e;G2\n";  // line 2001
    bytes += "Dernière idée;G3\n";
    const CsvTable t = parseCsv(bytes);
    CHECK(t.encoding == CsvEncoding::Utf8);
    REQUIRE(t.rows.size() == 2000);
    CHECK(t.rows[0][0] == "Idée n°1 à essaimer");  // accents untouched, not « IdÃ©e »
    CHECK(t.rows[1999][0] == "Dernière idée");
    CHECK(t.lines[1999] == 2002);
    REQUIRE(t.unreadable.size() == 1);
    CHECK(t.unreadable[0].line == 2001);
    CHECK(t.unreadable[0].reason.find("caractères illisibles") != std::string::npos);
}

TEST_CASE("CSV: a Windows-1252 file is still read as Windows-1252, even with few accented lines") {
    const CsvTable t = parseCsv("nom;ville\nDurand;Lens\nLef\xe8vre;Amiens\nMartin;Arras\n");
    CHECK(t.encoding == CsvEncoding::Windows1252);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1][0] == "Lefèvre");
    CHECK(t.unreadable.empty());
}

TEST_CASE("CSV: UTF-16 with its BOM is converted, little- and big-endian, a damaged one is refused") {
    const std::u16string text = u"texte;groupe\r\nIdée 𝄞;G1\r\n";
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (char16_t c : text) {
        le += static_cast<char>(c & 0xFF);
        le += static_cast<char>(c >> 8);
        be += static_cast<char>(c >> 8);
        be += static_cast<char>(c & 0xFF);
    }
    const CsvTable l = parseCsv(le), b = parseCsv(be);
    CHECK(l.encoding == CsvEncoding::Utf16Le);
    CHECK(b.encoding == CsvEncoding::Utf16Be);
    REQUIRE(l.rows.size() == 1);
    CHECK(l.rows[0][0] == "Idée 𝄞");
    CHECK(b.rows == l.rows);
    CHECK_THROWS_WITH_AS(parseCsv(le.substr(0, le.size() - 1)), doctest::Contains("UTF-16"), CsvError);
    CHECK_THROWS_WITH_AS(parseCsv(std::string("\xFF\xFE\x00\xDC", 4)), doctest::Contains("UTF-16"), CsvError);
}

TEST_CASE("CSV: a NUL byte in a field refuses its line, in the header the whole file") {
    const CsvTable t = parseCsv(std::string("texte;groupe\nBonne idée;G1\nMauvaise\0idée;G2\nAutre;G3\n", 55));
    REQUIRE(t.rows.size() == 2);
    CHECK(t.lines == std::vector<int>{2, 4});
    REQUIRE(t.unreadable.size() == 1);
    CHECK(t.unreadable[0].line == 3);
    CHECK(t.unreadable[0].reason.find("caractère nul") != std::string::npos);
    // UTF-16 without its BOM: NUL bytes everywhere.
    CHECK_THROWS_WITH_AS(parseCsv(std::string("t\0e\0x\0t\0e\0\n\0", 12)), doctest::Contains("UTF-16"), CsvError);
}

// [SECTION] Imports: the lines the reader or the planner refuses are reported by number

TEST_CASE("import inscriptions: a first name without a family name is refused and reported by its line") {
    Session s = test::tourSession();
    const Id e1 = s.model().etapeByNumber(1)->id;
    const CsvTable table = parseCsv("nom;prénom;ville\n;Marie;Lille\nDurand;Paul;Lille\nMartin;;Lille\n");
    const ImportPlan plan = planRegistrationImport(s.model(), e1, table);
    REQUIRE(plan.error.empty());
    CHECK(plan.report.lines == 3);
    CHECK(plan.report.imported == 2);  // Paul Durand, and Martin (a family name alone is a name)
    REQUIRE(plan.report.rejected.size() == 1);
    CHECK(plan.report.rejected[0].line == 2);
    const std::string report = describeReport(plan.report);
    CHECK(report.find("ligne 2\u00a0: le nom de famille manque (prénom seul\u00a0: «\u00a0Marie\u00a0»)") != std::string::npos);
    REQUIRE(s.applyAll(plan.actions, "import").ok);
    for (const Person& p : s.model().people) CHECK(p.name != "Marie");
}

TEST_CASE("import idees: 1,999 UTF-8 ideas keep their accents, the one bad line is refused by number") {
    Session s = test::tourSession();
    const Id e1 = s.model().etapeByNumber(1)->id;
    std::string bytes = "texte;groupe\n";
    for (int i = 1; i <= 1000; ++i) bytes += "Idée n°" + std::to_string(i) + ";G1\n";
    bytes += "Id\xe9" "e illisible;G2\n";  // line 1002
    for (int i = 1001; i <= 1999; ++i) bytes += "Idée n°" + std::to_string(i) + ";G1\n";
    const IdeaImportPlan plan = planIdeaImport(s.model(), e1, "Leviers", parseCsv(bytes), 1581410000);
    REQUIRE(plan.error.empty());
    CHECK(plan.report.lines == 2000);
    CHECK(plan.report.imported == 1999);
    REQUIRE(plan.report.rejected.size() == 1);
    CHECK(plan.report.rejected[0].line == 1002);
    CHECK(describeIdeaReport(plan.report).find("1002") != std::string::npos);
    REQUIRE(s.applyAll(plan.actions, "import").ok);
    const Board* board = s.model().etape(e1)->boardByTitle("Leviers");
    REQUIRE(board);
    REQUIRE(board->ideas.size() == 1999);
    CHECK(board->ideas.front().text == "Idée n°1");
    CHECK(board->ideas.back().text == "Idée n°1999");
}
