// synthese.html and synthese.md byte for byte against files kept in tests/export/golden/: the fixture day, the same
// with everything users typed made hostile, and an archive with the rare cases (an example archive, a vote that could
// not be counted, merged ideas, an idea whose cluster belongs to another column, no practices). The fixture day has
// the host's action-phare (followed up by another Cité) and the evaluation of the day.
// After a deliberate change of the summaries, rewrite the files with ATELIER_UPDATE_GOLDEN=1 and review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/archive.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

const std::filesystem::path kGolden = std::filesystem::path(ATELIER_SOURCE_DIR) / "tests" / "export" / "golden";

/// The fixture day with the host's action-phare (a photo, a follow-up by Lille) and the evaluation of the day.
EtapeArchive fixtureArchive() {
    Session s = test::dayOfEtapeSession();
    const Status st = test::addGoldenEssaimage(s);
    REQUIRE_MESSAGE(st.ok, st.message);
    return makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
}

EtapeArchive hostileArchive() {
    EtapeArchive a = fixtureArchive();
    const std::string nasty =
        "<script>alert('x')</script> \"guillemets\" ; *gras* _it_ `code` [lien](x) # | \\ & é\nligne 2";
    a.host = "<b>Ville</b> & *co*";
    a.people.front().name = "<script>nom()</script> *x*";
    a.people.front().territory = "<b>Ville</b>";
    a.people.front().structure = "<b>Mairie</b> & *co* | x";
    a.people.front().function = "_chargée_ `de` [mission](x)";
    a.etape.header.theme = "Thème <em> *x*";
    a.etape.header.venue = "Salle « A » & B";
    a.etape.programme.front().title = nasty;
    a.etape.boards.front().title = "<h1>tableau</h1> #1";
    a.etape.boards.front().ideas.front().text = nasty;
    a.etape.boards.front().ideas.front().group = "<i>groupe</i> _g_";
    a.etape.votes.front().setup.question = "<u>question</u> [q]";
    a.etape.votes.front().setup.options.front() = "<img src=x onerror=alert(1)>";
    a.practices.front().text = "<script>pratique()</script>";
    a.etape.actionsPhares.front().title = "<b>action</b> *phare* | x";
    a.etape.actionsPhares.front().partners = "<i>partenaires</i> & _co_";
    a.etape.evaluation.responses.back().answers.front().text = nasty;
    a.practices.back().followUps.front().note = "<script>suivi()</script> *x*";
    a.practices.front().group = "<i>groupe</i>";
    return a;
}

EtapeArchive rareArchive() {
    EtapeArchive a = fixtureArchive();
    a.format.example = true;
    a.host.clear();
    a.practices.clear();
    REQUIRE(!a.results.empty());
    a.results.front().counted = false;
    a.results.front().error = "pas de bulletin";
    Board& board = a.etape.boards.front();
    REQUIRE(board.ideas.size() >= 2);
    REQUIRE(board.categories.size() >= 2);
    board.ideas[0].merged.push_back({900, "fusionnée une", "G1", ""});
    board.ideas[0].merged.push_back({901, "fusionnée deux", "", ""});
    // A cluster of another column: the HTML leaves the idea out, the Markdown keeps it.
    const Id other =
        board.categories[1].id == board.ideas[1].category ? board.categories[0].id : board.categories[1].id;
    board.clusters.push_back({902, "Regroupement d'ailleurs", other});
    board.ideas[1].cluster = 902;
    board.ideas[1].group.clear();
    board.ideas[1].practice = true;
    board.categories.push_back({903, "Colonne vide"});
    return a;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void checkGolden(const std::string& name, const std::string& actual) {
    const std::filesystem::path file = kGolden / name;
    if (std::getenv("ATELIER_UPDATE_GOLDEN")) {
        std::ofstream(file, std::ios::binary) << actual;
        MESSAGE("rewritten: " << file.string());
        return;
    }
    const std::string expected = readFile(file);
    REQUIRE_MESSAGE(!expected.empty(), "missing golden file " << file.string());
    size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
    INFO(name << " differs at byte " << at << ": expected «" << expected.substr(at, 80) << "», got «"
              << actual.substr(at, 80) << "»");
    CHECK(actual == expected);
}

}  // namespace

TEST_CASE("synthese.html and synthese.md of the fixture day match the golden files") {
    const EtapeArchive a = fixtureArchive();
    checkGolden("fixture.html", exporting::summaryHtml(a));
    checkGolden("fixture.md", exporting::summaryMarkdown(a));
}

TEST_CASE("synthese.html and synthese.md of hostile text match the golden files") {
    const EtapeArchive a = hostileArchive();
    checkGolden("hostile.html", exporting::summaryHtml(a));
    checkGolden("hostile.md", exporting::summaryMarkdown(a));
}

TEST_CASE("synthese.html and synthese.md of the rare cases match the golden files") {
    const EtapeArchive a = rareArchive();
    checkGolden("rare.html", exporting::summaryHtml(a));
    checkGolden("rare.md", exporting::summaryMarkdown(a));
}
