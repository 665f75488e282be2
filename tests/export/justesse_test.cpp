// Issue 29 (Justesse) in the exported files: the evaluation counts people, the booklet is never silently empty,
// counts agree with their words.
#include <doctest/doctest.h>

#include <string>

#include "core/archive.h"
#include "core/demo.h"
#include "export/booklet.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

// [SECTION] Point 2: the evaluation counts people

TEST_CASE("Justesse: the demo's summary says 12 respondents, per question too, not 27 answers") {
    Session s = test::tourSession();
    const Status built = buildDemo(s, Date{2020, 3, 10});
    REQUIRE(built.ok);
    const Etape& e = *s.model().etapeByNumber(std::stoi(built.message));
    const EtapeArchive a = makeArchive(s.model(), e, "0.1.0", "2020-03-10T17:00:00Z");
    for (const std::string& text : {exporting::summaryHtml(a), exporting::summaryMarkdown(a)}) {
        CHECK(text.find("12 répondants au questionnaire.") != std::string::npos);
        CHECK(text.find("27 r") == std::string::npos);
        CHECK(text.find("Mention majoritaire\u00a0: Très bien (12 répondants)") != std::string::npos);
        CHECK(text.find("(s)") == std::string::npos);
    }
    exporting::BookletInput in = exporting::makeBookletInput({a}, s.model(), std::nullopt);
    const std::string booklet = exporting::bookletHtml(in);
    CHECK(booklet.find("12 répondants au questionnaire.") != std::string::npos);
}

// [SECTION] Point 3: the booklet is never silently empty

TEST_CASE("Justesse: the booklet includes the day's étape not archived yet, marked, and every section agrees") {
    Session s = test::dayOfEtapeSession();
    REQUIRE(test::addGoldenEssaimage(s).ok);
    const Etape& e1 = *s.model().etapeByNumber(1);
    const exporting::BookletInput in = exporting::makeBookletInput({}, s.model(), e1.header.date.year);
    REQUIRE(in.archives.size() == 1);
    CHECK(in.archives[0].etape.header.number == 1);
    REQUIRE(in.live.size() == 1);
    CHECK(in.live[0]);
    const std::string html = exporting::bookletHtml(in);
    // The facts, the contents, the chapter and the hosts speak of the same étape.
    CHECK(html.find("<strong>1</strong> étape ·") != std::string::npos);
    CHECK(html.find("<strong>0</strong> présence") == std::string::npos);
    CHECK(html.find("Aucune étape archivée sur cette période.") == std::string::npos);
    CHECK(count(html, "pas encore archivée") == 2);  // the contents' line and the chapter's note
    CHECK(html.find("<td class=\"yes\">Étape 1") != std::string::npos);  // Amiens hosted it
    // The étapes with nothing yet (a programme at most) are left out: the others of the Tour's seed.
    for (const Etape& e : s.model().etapes)
        if (e.header.number != 1 && e.header.date.year == e1.header.date.year)
            CHECK(html.find("Étape " + std::to_string(e.header.number) + " — ") == std::string::npos);

    // Once archived, the archive is used and nothing is marked.
    const EtapeArchive archived = makeArchive(s.model(), e1, "0.1.0", "x");
    const exporting::BookletInput again = exporting::makeBookletInput({archived}, s.model(), e1.header.date.year);
    REQUIRE(again.archives.size() == 1);
    CHECK_FALSE(again.live[0]);
    CHECK(exporting::bookletHtml(again).find("pas encore archivée") == std::string::npos);
}

/// The PDF's text is compressed: pdf_test.cpp reads it through pdftotext.
static bool isPdf(const std::string& name) { return name.size() > 4 && name.substr(name.size() - 4) == ".pdf"; }

// [SECTION] Point 7: no « (s) » where the number is known

TEST_CASE("Justesse: the summary, the booklet and their tables of the fixture day hold no plain space before ? ! : ; "
          "nor inside « »") {
    Session s = test::dayOfEtapeSession();
    REQUIRE(test::addGoldenEssaimage(s).ok);
    const EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    auto plain = [](const std::string& text) {
        size_t n = 0;
        for (const char* bad : {" ?", " !", " :", " ;", "\u00ab ", " \u00bb"}) n += count(text, bad);
        return n;
    };
    // The documents typeset what users typed too (« … éducative ? » in the fixture's questions); the CSV tables keep
    // it as typed (data), so only their headers count there.
    auto isTable = [](const std::string& name) { return name.size() > 4 && name.substr(name.size() - 4) == ".csv"; };
    size_t documents = 0;
    for (const auto& [name, text] : exporting::summaryFiles(a)) {
        if (isPdf(name)) continue;
        INFO(name << "\n" << text.substr(0, 3000));
        CHECK(plain(isTable(name) ? text.substr(0, text.find('\n')) : text) == 0);
        if (!isTable(name)) ++documents;
    }
    for (const auto& [name, text] : exporting::bookletFiles(exporting::makeBookletInput({a}, s.model(), std::nullopt))) {
        if (isPdf(name)) continue;
        INFO(name << "\n" << text.substr(0, 3000));
        CHECK(plain(isTable(name) ? text.substr(0, text.find('\n')) : text) == 0);
        if (!isTable(name)) ++documents;
    }
    CHECK(documents >= 3);
}

TEST_CASE("Justesse: the summary and the booklet of the fixture day hold no « (s) »") {
    Session s = test::dayOfEtapeSession();
    REQUIRE(test::addGoldenEssaimage(s).ok);
    const EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    for (const auto& [name, text] : exporting::summaryFiles(a)) {
        if (isPdf(name)) continue;
        INFO(name);
        CHECK(text.find("(s)") == std::string::npos);
    }
    for (const auto& [name, text] : exporting::bookletFiles(exporting::makeBookletInput({a}, s.model(), std::nullopt))) {
        if (isPdf(name)) continue;
        INFO(name);
        CHECK(text.find("(s)") == std::string::npos);
    }
}
