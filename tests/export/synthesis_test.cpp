// The synthesis over archived étapes: matrix, themes, winners, practices, tracker; escaped.
#include <doctest/doctest.h>

#include <string>

#include "core/archive.h"
#include "export/synthesis.h"
#include "support/fixtures.h"

using namespace atelier;

TEST_CASE("synthesis: participation matrix, winners, practices and hosts, everything escaped") {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    REQUIRE(!a.practices.empty());
    a.practices.front().text = "<script>p()</script>";
    a.etape.header.theme = "<i>thème</i>";
    const std::string html = exporting::synthesisHtml({a}, "Synthèse <2020>", {"Amiens", "Lille", "Calais"});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;p()&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Synthèse &lt;2020&gt;") != std::string::npos);
    CHECK(html.find("<strong>Café des parents</strong>") != std::string::npos);  // the majority judgment's winner
    CHECK(html.find("<tr><td>Calais</td><td>pas encore accueilli d&#39;étape</td></tr>") != std::string::npos);
    CHECK(html.find("<tr><td>Amiens</td><td class=\"yes\">") != std::string::npos);
    // Amiens row of the matrix: the count of people present from Amiens, then the total.
    int amiens = 0;
    for (const ArchivedPerson& p : a.people) amiens += p.territory == "Amiens";
    REQUIRE(amiens > 0);
    CHECK(html.find("<tr><td>Amiens</td><td class=\"num yes\">" + std::to_string(amiens) + "</td><td class=\"num\">" +
                    std::to_string(amiens) + "</td></tr>") != std::string::npos);
}
