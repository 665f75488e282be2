// A vote nobody has voted in yet is not « every proposal tied, À rejeter »: the summaries and votes.csv say that
// there is no ballot yet (issue 11, point 4).
#include <doctest/doctest.h>

#include <string>

#include "core/archive.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::exporting;

TEST_CASE("Summaries and votes.csv: a majority-judgment vote with no ballot says so, with no ranking") {
    Session s = test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    VoteSetup setup;
    setup.question = "Quelle piste suivre ?";
    setup.method = VoteMethod::Majority;
    setup.options = {"Piste A", "Piste B", "Piste C", "Piste D"};
    REQUIRE(s.apply(AddVote{e.id, Vote{0, setup, {}}}));
    const EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
    REQUIRE(a.results.back().counted);
    REQUIRE(a.results.back().ballots == 0);

    const std::string md = summaryMarkdown(a);
    const size_t at = md.find("Quelle piste suivre\u00a0?");
    REQUIRE(at != std::string::npos);
    const std::string section = md.substr(at, md.find("\n## ", at) - at);
    CHECK(section.find("Aucun bulletin pour l'instant.") != std::string::npos);
    CHECK(section.find("Piste A") == std::string::npos);
    CHECK(section.find("rejeter") == std::string::npos);

    const std::string html = summaryHtml(a);
    CHECK(html.find(">Aucun bulletin</text>") != std::string::npos);  // the vote's chart says it
    CHECK(html.find(">Piste A<") == std::string::npos);

    const std::string csv = votesCsv(a);
    CHECK(csv.find("Quelle piste suivre ?;Jugement majoritaire;;Aucun bulletin pour l'instant.;;0") != std::string::npos);
    CHECK(csv.find("Piste A") == std::string::npos);
}
