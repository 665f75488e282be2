#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "export/etapes.h"
#include "support/fixtures.h"

using namespace atelier;

TEST_CASE("étapes as JSON: ISO dates, host name or null, status key") {
    Session s = test::tourSession();
    const auto json = nlohmann::json::parse(exporting::etapesJson(s.model()));
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 2);
    CHECK(json[0]["numero"] == 1);
    CHECK(json[0]["date"] == "2020-02-11");
    CHECK(json[0]["cite"] == "Amiens");
    CHECK(json[0]["theme"] == "Concertation et intelligence collective dans le travail des Cités éducatives");
    CHECK(json[0]["statut"] == "confirmee");
    CHECK(json[1]["date"] == "2020-06-02");
    CHECK(json[1]["cite"].is_null());
    CHECK(json[1]["statut"] == "prevue");
}

TEST_CASE("étapes as a table for people") {
    Session s = test::tourSession();
    const std::string table = exporting::etapesTable(s.model());
    CHECK(table.find("2020-02-11  Amiens") != std::string::npos);
    CHECK(table.find("à confirmer") != std::string::npos);
    CHECK(table.find("Évaluer les Cités éducatives") != std::string::npos);
    CHECK(table.find("Confirmée") != std::string::npos);
}
