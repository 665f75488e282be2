// Personal data (issue 34, point 5): the phones' API never returns an e-mail address nor a registration, even
// when the people present have addresses and a vote lists them (« un bulletin par personne présente »).
#include <doctest/doctest.h>

#include <algorithm>

#include "net/room.h"

using namespace atelier;
using namespace atelier::test;

TEST_CASE("no answer of the phones' API holds an e-mail address, the registrations' details neither") {
    Room room;
    const Id amiens = room.session.model().territoryByName("Amiens")->id;
    Id first = 0;
    for (const char* name : {"Hélène Quintal", "Marc Obry"}) {
        Person p;
        p.name = name;
        p.email = std::string(name[0] == 'H' ? "helene.quintal" : "marc.obry") + "@exemple-amiens.fr";
        p.territory = amiens;
        p.structure = "Mairie d'Amiens";
        p.function = "Cheffe de projet";
        const Id id = room.add(AddPerson{p});
        if (!first) first = id;
        REQUIRE(room.session.apply(AddRegistration{room.etape, Registration{0, id, 1, true, false}}));
    }
    // A vote « un bulletin par personne présente »: the phones get the names of the people present, nothing more.
    Vote perPerson = *std::find_if(room.session.model().etape(room.etape)->votes.begin(),
                                   room.session.model().etape(room.etape)->votes.end(),
                                   [&](const Vote& v) { return v.id == room.majority; });
    perPerson.setup.perPerson = true;
    REQUIRE(room.session.apply(UpdateVote{room.etape, room.majority, perPerson.setup}));
    room.server.setOpen({room.etape, room.board, room.majority});

    std::vector<std::string> bodies;
    auto salle = room.post("/api/salle", {{"code", "123456"}});
    REQUIRE(salle);
    bodies.push_back(salle->body);
    auto joined = room.post("/api/rejoindre", {{"code", "123456"}, {"prenom", "Hélène"}, {"cite", "Amiens"}});
    REQUIRE(joined);
    bodies.push_back(joined->body);
    const std::string token = Json::parse(joined->body).at("jeton").get<std::string>();
    room.postIdea(token, "Un café des parents");
    auto state = room.get("/api/etat", token);
    REQUIRE(state);
    bodies.push_back(state->body);
    auto ideas = room.get("/api/idees", token);
    REQUIRE(ideas);
    bodies.push_back(ideas->body);
    auto page = room.get("/");
    REQUIRE(page);
    bodies.push_back(page->body);
    INFO(state->body);
    CHECK(state->body.find("Hélène Q") != std::string::npos);  // the list of people present is there…
    for (const std::string& body : bodies) {
        INFO(body.substr(0, 400));
        CHECK(body.find("exemple-amiens.fr") == std::string::npos);  // …without their addresses
        CHECK(body.find("Mairie d'Amiens") == std::string::npos);
        CHECK(body.find("Cheffe de projet") == std::string::npos);
    }
    CHECK(Json::parse(state->body).dump().find('@') == std::string::npos);
}
