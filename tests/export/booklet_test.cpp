// Le livret du Tour: cover, contents, one chapter per étape (programme, key ideas, vote winners), practices,
// participation by territory and by institution, hosts; the CSV annexes; everything users typed escaped.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>
#include <map>
#include <string>

#include "core/archive.h"
#include "export/booklet.h"
#include "export/html.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

exporting::BookletInput input(std::vector<EtapeArchive> archives) {
    Settings settings;
    settings.organisation = "IREV";
    return {"Livret <2020>", std::move(archives), {"Amiens", "Lille", "Calais"}, settings, {}};
}

/// The fixture day with its essaimage (action-phare, follow-up, evaluation), archived.
struct EssaimageDay {
    Session s = test::dayOfEtapeSession();
    EtapeArchive archive;
    EssaimageDay() {
        const Status st = test::addGoldenEssaimage(s);
        REQUIRE_MESSAGE(st.ok, st.message);
        archive = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    }
};

std::map<std::string, std::string> files(const exporting::BookletInput& in) {
    std::map<std::string, std::string> out;
    for (auto& [name, content] : exporting::bookletFiles(in)) out[name] = content;
    return out;
}

}  // namespace

TEST_CASE("livret: cover, contents, a chapter per étape, practices, participation and hosts, everything escaped") {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    a.etape.header.theme = "<i>thème</i>";
    EtapeArchive b = a;
    b.etape.header.number = 2;
    b.etape.header.date = Date{2020, 6, 2};
    b.host.clear();
    exporting::BookletInput in = input({a, b});
    in.practices.push_back({"<script>p()</script>", "<b>x</b>", "Tableau", "Amiens", 1, "<u>Mur</u>", {"<i>t</i>"}, {}, {}});
    const std::string html = exporting::bookletHtml(in);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<u>") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;p()&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Livret &lt;2020&gt;") != std::string::npos);
    // The cover, then the contents linking to one chapter per étape, each beginning a page.
    CHECK(count(html, "<section class=\"cover\">") == 1);
    CHECK(html.find("IREV") != std::string::npos);
    CHECK(count(html, "<section class=\"chapter\" id=\"etape-") == 2);
    CHECK(html.find("<a href=\"#etape-1-1\">") != std::string::npos);
    CHECK(html.find("<a href=\"#etape-2-2\">") != std::string::npos);
    CHECK(html.find("id=\"etape-2-2\"") != std::string::npos);
    CHECK(html.find("page-break-before: always") != std::string::npos);
    // Programme and vote winners of the étape.
    REQUIRE(!a.etape.programme.empty());
    CHECK(html.find(exporting::escape(a.etape.programme.front().title)) != std::string::npos);
    CHECK(html.find("<strong>Café des parents</strong>") != std::string::npos);  // the majority judgment's winner
    // Hosts: Calais has not hosted; Amiens hosted étape 1 only (the second archive has no host).
    CHECK(html.find("<tr><td>Calais</td><td>pas encore accueilli d&#39;étape</td></tr>") != std::string::npos);
    CHECK(html.find("<tr><td>Amiens</td><td class=\"yes\">Étape 1 — 11/02/2020</td></tr>") != std::string::npos);
    // Participation: Amiens's row counts its people at both étapes, then the total.
    int amiens = 0;
    for (const ArchivedPerson& p : a.people) amiens += p.territory == "Amiens";
    REQUIRE(amiens > 0);
    const std::string n = std::to_string(amiens);
    CHECK(html.find("<tr><td>Amiens</td><td class=\"num yes\">" + n + "</td><td class=\"num yes\">" + n +
                    "</td><td class=\"num\">" + std::to_string(2 * amiens) + "</td></tr>") != std::string::npos);
    // By institution: one row per institution, whoever came.
    CHECK(html.find("<tr><td>Éducation nationale</td>") != std::string::npos);
    CHECK(html.find("<tr><td>Association</td>") != std::string::npos);
}

TEST_CASE("livret: the key ideas of a column are its practices first, then the ideas that gathered others, five at most") {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    REQUIRE(!a.etape.boards.empty());
    Board& board = a.etape.boards.front();
    const Id column = board.categories.front().id;
    board.ideas.clear();
    for (int i = 0; i < 8; ++i) {
        Idea idea;
        idea.id = 1000 + i;
        idea.text = "Idée ordinaire " + std::to_string(i);
        idea.category = column;
        board.ideas.push_back(idea);
    }
    board.ideas[6].text = "Idée qui en réunit deux";
    board.ideas[6].merged.push_back(MergedIdea{1, "une autre", "Groupe 2", ""});
    board.ideas[7].text = "Pratique du groupe";
    board.ideas[7].practice = true;
    const std::string html = exporting::bookletHtml(input({a}));
    const size_t practice = html.find("Pratique du groupe"), merged = html.find("Idée qui en réunit deux"),
                 first = html.find("Idée ordinaire 0");
    REQUIRE(practice != std::string::npos);
    REQUIRE(merged != std::string::npos);
    REQUIRE(first != std::string::npos);
    CHECK(practice < merged);
    CHECK(merged < first);
    CHECK(html.find("2 idées réunies") != std::string::npos);
    CHECK(html.find("Idée ordinaire 2") != std::string::npos);
    CHECK(html.find("Idée ordinaire 3") == std::string::npos);  // beyond the five key ideas: in the annex
    CHECK(html.find("et 3 autres idées dans l&#39;annexe idees.csv") != std::string::npos);
    CHECK(files(input({a}))["idees.csv"].find("Idée ordinaire 5") != std::string::npos);
}

TEST_CASE("livret: the CSV annexes hold every étape of the period, for Excel, formulas made harmless") {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    EtapeArchive b = a;
    b.etape.header.number = 2;
    exporting::BookletInput in = input({a, b});
    in.practices.push_back({"=HYPERLINK(\"x\")", "", "Tableau", "Amiens", 1, "Mur", {}, {}, {}});
    auto f = files(in);
    REQUIRE(f.size() == 7);
    REQUIRE(f.count("livret.html"));
    REQUIRE(f["livret.pdf"].rfind("%PDF-", 0) == 0);  // beside the HTML
    for (const char* name : {"participation.csv", "idees.csv", "votes.csv", "pratiques.csv", "evaluation.csv"}) {
        CAPTURE(name);
        CHECK(f[name].rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(count(f[name], "\xEF\xBB\xBF") == 1);  // one header for all the étapes
    }
    CHECK(f["participation.csv"].find("etape;date;cite_hote;territoire;institution;presents\r\n") != std::string::npos);
    // The present people of each étape, counted once by territory and institution.
    int total = 0;
    const std::string& p = f["participation.csv"];
    for (size_t line = p.find("\r\n") + 2; line < p.size();) {
        const size_t end = p.find("\r\n", line);
        total += std::stoi(p.substr(p.rfind(';', end) + 1, end - p.rfind(';', end) - 1));
        line = end + 2;
    }
    CHECK(total == static_cast<int>(2 * a.people.size()));
    CHECK(count(f["idees.csv"], "\r\n") == 1 + 2 * static_cast<size_t>(a.ideaCount()));
    CHECK(f["pratiques.csv"].find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(f["pratiques.csv"].find("\r\n=HYPERLINK") == std::string::npos);
}

TEST_CASE("livret: the catalogue of practices follows each one from its Cité to those that tried it, with the "
          "actions-phares and the evaluation in the étape's chapter") {
    EssaimageDay day;
    exporting::BookletInput in = exporting::makeBookletInput({day.archive}, day.s.model(), 2020);
    CHECK(in.title == "Livret 2020 du Tour des Cités éducatives");
    REQUIRE_FALSE(in.practices.empty());
    const auto cafe = std::find_if(in.practices.begin(), in.practices.end(),
                                   [](const exporting::BookletPractice& p) { return p.title == "Le café des parents"; });
    REQUIRE(cafe != in.practices.end());
    CHECK(cafe->source == "Action-phare");
    CHECK(cafe->cite == "Amiens");
    CHECK(cafe->etape == 1);
    CHECK(cafe->interested == std::vector<std::string>{"Lille"});  // from the evaluation
    REQUIRE(cafe->followUps.size() == 1);
    CHECK(cafe->followUps.front().cite == "Lille");
    CHECK(cafe->followUps.front().status == "Adoptée");
    CHECK(cafe->followUps.front().date == "16/03/2021");
    // Another year: its practices are not this one's.
    CHECK(exporting::makeBookletInput({day.archive}, day.s.model(), 2021).practices.empty());

    const std::string html = exporting::bookletHtml(in);
    CHECK(html.find("Le café des parents du collège César Franck") != std::string::npos);  // the action-phare
    CHECK(html.find("Un lieu régulier pour les familles.") != std::string::npos);
    CHECK(html.find("Cités intéressées\u00a0: Lille") != std::string::npos);
    CHECK(html.find("<tr><td>Lille</td><td>Adoptée</td><td class=\"num\">16/03/2021</td><td>Dans trois collèges</td></tr>") !=
          std::string::npos);
    CHECK(html.find("Le café des parents, simple à lancer") != std::string::npos);  // the evaluation's sentence
    CHECK(html.find("<div class=\"part\">") != std::string::npos);

    auto f = files(in);
    CHECK(f["pratiques.csv"].find("Le café des parents;Action-phare;Amiens;1;;Parentalité;Lille;Lille;Adoptée;16/03/2021;"
                                  "Dans trois collèges;Un lieu régulier pour les familles.\r\n") != std::string::npos);
    CHECK(f["evaluation.csv"].find("etape;date;question;type;reponse;nombre\r\n") != std::string::npos);
    CHECK(f["evaluation.csv"].find(";Le café des parents, simple à lancer;1\r\n") != std::string::npos);
    CHECK(f["evaluation.csv"].find(";Le café des parents;1\r\n") != std::string::npos);  // the practice wanted
}

TEST_CASE("livret: a period without archives still gives a booklet that says so") {
    const std::string html = exporting::bookletHtml(input({}));
    CHECK(html.find("Aucune étape archivée sur cette période.") != std::string::npos);
    CHECK(html.find("<tr><td>Amiens</td><td>pas encore accueilli d&#39;étape</td></tr>") != std::string::npos);
}

TEST_CASE("livret: the actions-phares' photos found are drawn and written beside it, the others named") {
    EssaimageDay day;
    exporting::BookletInput in = input({day.archive});
    const std::vector<std::string> paths = exporting::bookletPhotoPaths(in);
    REQUIRE_FALSE(paths.empty());
    const std::string& photo = paths.front();
    // Not found in the data folder: named, not drawn, no file.
    std::string html = exporting::bookletHtml(in);
    CHECK(html.find(photo) != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(files(in).count(photo) == 0);
    // Found: drawn under its action-phare, written under the same path.
    in.photos = {{photo, "\x89PNG\r\n\x1a\n…"}};
    html = exporting::bookletHtml(in);
    CHECK(count(html, "<img src=\"" + exporting::escape(photo) + "\"") == 1);
    CHECK(html.find("<figure class=\"photo\">") != std::string::npos);
    CHECK(files(in).at(photo) == in.photos.front().second);
}
