#include <doctest/doctest.h>

#include "store/csv.h"

using namespace atelier::store;

TEST_CASE("CSV: Windows-1252 with semicolons, as Excel in French writes it") {
    const std::string bytes = "Nom;Pr\xe9nom;Territoire\r\nLef\xe8vre;Zo\xe9;Amiens\r\n\"C\x9cur, Jos\xe9\";L\xe9" "a;Lille\r\n";
    const CsvTable t = parseCsv(bytes);
    CHECK(t.encoding == CsvEncoding::Windows1252);
    CHECK(t.delimiter == ';');
    REQUIRE(t.header.size() == 3);
    CHECK(t.header[1] == "Prénom");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0] == "Lefèvre");
    CHECK(t.rows[1][0] == "Cœur, José");
    CHECK(t.lines == std::vector<int>{2, 3});
    CHECK(t.column({"prenom"}) == 1);
    CHECK(t.column({"ville", "TERRITOIRE"}) == 2);
    CHECK(t.column({"email"}) == -1);
    CHECK(t.cell(1, 2) == "Lille");
    CHECK(t.cell(1, 7).empty());
}

TEST_CASE("CSV: UTF-8 with BOM and commas, quotes and line breaks in fields") {
    const std::string bytes = "\xEF\xBB\xBF" "nom,courriel,commentaire\n"
                              "Amélie,a@b.fr,\"Deux lignes\nen une, \"\"citée\"\"\"\n"
                              "\n"
                              "Bruno,b@c.fr,\n";
    const CsvTable t = parseCsv(bytes);
    CHECK(t.encoding == CsvEncoding::Utf8Bom);
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][2] == "Deux lignes\nen une, \"citée\"");
    CHECK(t.lines == std::vector<int>{2, 5});
    CHECK(t.cell(1, 2).empty());
}

TEST_CASE("CSV: unreadable files say what to fix") {
    CHECK_THROWS_WITH_AS(parseCsv(""), doctest::Contains("vide"), CsvError);
    CHECK_THROWS_WITH_AS(parseCsv("nom;x\n\"ouvert;y\n"), doctest::Contains("ligne 2"), CsvError);
    CHECK_THROWS_WITH_AS(parseCsv("\xEF\xBB\xBFnom\ncaf\xe9\n"), doctest::Contains("CSV UTF-8"), CsvError);
    CHECK_THROWS_WITH_AS(readCsvFile("/nulle/part.csv"), doctest::Contains("/nulle/part.csv"), CsvError);
}
