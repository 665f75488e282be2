// Exports of archives that came from a file: cells a spreadsheet would run as formulas are neutralised, and an
// index out of range (an archive not checked, a future bug) is never read.
#include <doctest/doctest.h>

#include <string>

#include "core/archive.h"
#include "export/summary.h"
#include "export/booklet.h"
#include "support/fixtures.h"

using namespace atelier;
using exporting::csvField;

namespace {

EtapeArchive dayArchive() {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
    REQUIRE(!a.etape.boards.empty());
    REQUIRE(!a.etape.votes.empty());
    REQUIRE(a.results.front().counted);
    return a;
}

}  // namespace

TEST_CASE("CSV cells beginning with = + - @ tab or CR get a leading quote (OWASP), others are left alone") {
    CHECK(csvField("=HYPERLINK(\"http://x\";\"clic\")") == "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"");
    CHECK(csvField("+33 3 20 25 61 53") == "\"'+33 3 20 25 61 53\"");
    CHECK(csvField("-2+3") == "\"'-2+3\"");
    CHECK(csvField("@SUM(A1:A9)") == "\"'@SUM(A1:A9)\"");
    CHECK(csvField("\tcmd") == "\"'\tcmd\"");
    CHECK(csvField("\r=1") == "\"'\r=1\"");
    CHECK(csvField("Idée = levier") == "Idée = levier");
    CHECK(csvField("12") == "12");
    CHECK(csvField("") == "");
}

TEST_CASE("idees.csv and votes.csv neutralise formulas typed into ideas, groups and vote options") {
    EtapeArchive a = dayArchive();
    a.etape.boards.front().ideas.front().text = "=1+1";
    a.etape.boards.front().ideas.front().group = "@groupe";
    a.etape.votes.front().setup.options.front() = "+option";
    a.etape.votes.front().setup.question = "-question";
    const std::string ideas = exporting::ideasCsv(a), votes = exporting::votesCsv(a);
    CHECK(ideas.find(";\"'=1+1\";") != std::string::npos);
    CHECK(ideas.find(";\"'@groupe\";") != std::string::npos);
    CHECK(ideas.find(";=1+1") == std::string::npos);
    CHECK(votes.find(";\"'+option\";") != std::string::npos);
    CHECK(votes.find(";\"'-question\";") != std::string::npos);
}

TEST_CASE("Summaries never read an option, a score or a result out of range") {
    EtapeArchive a = dayArchive();
    a.results.front().ranking = {{-1, 0}, {1'000'000}};
    a.results.front().scores.resize(1);
    const std::string html = exporting::summaryHtml(a), md = exporting::summaryMarkdown(a);
    const std::string votes = exporting::votesCsv(a);
    CHECK(votes.find(";?;") != std::string::npos);  // the unknown options are shown as « ? »
    a.results.pop_back();  // fewer results than votes
    CHECK_FALSE(exporting::summaryHtml(a).empty());
    CHECK_FALSE(exporting::summaryMarkdown(a).empty());
    CHECK_FALSE(exporting::votesCsv(a).empty());
    CHECK_FALSE(exporting::bookletHtml({"Livret", {a}, {"Amiens"}, {}, {}}).empty());
    CHECK(exporting::bookletFiles({"Livret", {a}, {"Amiens"}, {}, {}}).size() == 7);  // livret.pdf too
    CHECK(checkArchive(a).find("«\u00a0archive.results\u00a0»") != std::string::npos);
}
