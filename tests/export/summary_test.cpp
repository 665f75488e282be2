// The summary of an archived étape: HTML (escaped, charts, every section), Markdown, CSV for Excel in French.
#include <doctest/doctest.h>

#include <string>

#include "core/archive.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

const std::string kNasty = "<script>alert('x')</script> \"guillemets\" ; point-virgule\nligne 2";

EtapeArchive nastyArchive() {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
    REQUIRE(!a.people.empty());
    REQUIRE(!a.etape.boards.empty());
    REQUIRE(!a.etape.votes.empty());
    a.people.front().name = "<script>nom()</script>";
    a.people.front().territory = "<b>Ville</b>";
    a.etape.boards.front().ideas.front().text = kNasty;
    a.etape.boards.front().ideas.front().group = "<i>groupe</i>";
    a.etape.boards.front().title = "<h1>tableau</h1>";
    a.etape.votes.front().setup.question = "<u>question</u>";
    a.etape.votes.front().setup.options.front() = "<img src=x onerror=alert(1)>";
    a.etape.header.theme = "Thème <em>";
    a.practices.front().text = "<script>pratique()</script>";
    return a;
}

}  // namespace

TEST_CASE("synthese.html escapes everything users typed and holds every section") {
    const std::string html = exporting::summaryHtml(nastyArchive());
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>Ville") == std::string::npos);
    CHECK(html.find("<h1>tableau") == std::string::npos);
    CHECK(html.find("<u>") == std::string::npos);
    CHECK(html.find("Thème <em>") == std::string::npos);
    CHECK(html.find("Thème &lt;em&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;nom()&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;guillemets&quot;\u00a0; point-virgule") !=
          std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    for (const char* section : {"Programme", "Participation", "Par institution", "Brise-glace", "Groupes de travail",
                                "Votes", "Pratiques à essaimer", "Jugement majoritaire", "Numérique", "Sans regroupement"})
        CHECK_MESSAGE(html.find(section) != std::string::npos, std::string(section));
    CHECK(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\"") != std::string::npos);  // charts
    CHECK(html.find("fill=\"#d9480f\"") != std::string::npos);  // a winner's bar
    CHECK(html.find("<link") == std::string::npos);  // self-contained
    CHECK(html.find("@page { size: A4") != std::string::npos);
}

TEST_CASE("the summary lists the participants with their structure and function as typed") {
    EtapeArchive a = nastyArchive();
    REQUIRE(a.people.size() >= 3);
    a.people[1].structure = "Mairie d'Amiens";
    a.people[1].function = "Chargée de mission";
    a.people[2].structure = "CAF du Nord";
    a.people[2].function.clear();
    a.people[0].structure = "<b>Structure</b>";
    const std::string html = exporting::summaryHtml(a);
    CHECK(html.find("<h3>Participants</h3>") != std::string::npos);
    CHECK(html.find("<li>" + a.people[1].name + " — ") != std::string::npos);
    CHECK(html.find("Mairie d&#39;Amiens, Chargée de mission</li>") != std::string::npos);
    CHECK(html.find("CAF du Nord</li>") != std::string::npos);
    CHECK(html.find("<b>Structure") == std::string::npos);
    CHECK(html.find("&lt;b&gt;Structure&lt;/b&gt;") != std::string::npos);
    const std::string md = exporting::summaryMarkdown(a);
    CHECK(md.find("Mairie d'Amiens, Chargée de mission") != std::string::npos);
    CHECK(md.find("CAF du Nord") != std::string::npos);
}

TEST_CASE("synthese.md has no raw HTML from users") {
    const std::string md = exporting::summaryMarkdown(nastyArchive());
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("&lt;script&gt;") != std::string::npos);
    CHECK(md.find("## Votes") != std::string::npos);
}

TEST_CASE("idees.csv and votes.csv: BOM, semicolons, CRLF, quotes doubled, text intact") {
    const EtapeArchive a = nastyArchive();
    const std::string ideas = exporting::ideasCsv(a);
    CHECK(ideas.rfind("\xEF\xBB\xBF" "etape;date;tableau;colonne;regroupement;groupe;auteur;texte;pratique\r\n", 0) == 0);
    CHECK(ideas.find("\"<script>alert('x')</script> \"\"guillemets\"\" ; point-virgule\nligne 2\"") !=
          std::string::npos);
    // Every record ends with CRLF: the only bare LF is the one inside the quoted idea.
    size_t bareLf = 0;
    for (size_t i = 0; i < ideas.size(); ++i)
        if (ideas[i] == '\n' && (i == 0 || ideas[i - 1] != '\r')) ++bareLf;
    CHECK(bareLf == 1);
    CHECK(ideas.find("1;2020-02-11;<h1>tableau</h1>;") != std::string::npos);

    const std::string votes = exporting::votesCsv(a);
    CHECK(votes.rfind("\xEF\xBB\xBF" "etape;vote;methode;rang;proposition;score;bulletins\r\n", 0) == 0);
    CHECK(votes.find("Ordre des prochaines étapes;Méthode de Schulze;1;") != std::string::npos);
    CHECK(votes.find("<img src=x onerror=alert(1)>") != std::string::npos);
    CHECK(votes.find("\"Sur quoi travailler l'après-midi ?\"") == std::string::npos);  // no quote when not needed
    CHECK(exporting::csvField("a;b") == "\"a;b\"");
    CHECK(exporting::csvField("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
    CHECK(exporting::csvField("simple") == "simple");
}

TEST_CASE("an idea that absorbed another is credited to both groups in the summaries") {
    const Session s = test::dayOfEtapeSession();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
    Idea& idea = a.etape.boards.front().ideas.front();
    idea.text = "Une idée absorbante";
    idea.group = "Groupe 1";
    idea.merged.push_back({9001, "Une idée absorbée", "Groupe 3", ""});
    idea.merged.push_back({9002, "Une autre, du même groupe", "groupe 1", ""});  // already credited
    const std::string md = exporting::summaryMarkdown(a);
    const std::string html = exporting::summaryHtml(a);
    CHECK(md.find("Groupe 1, Groupe 3") != std::string::npos);
    CHECK(html.find("Groupe 1, Groupe 3") != std::string::npos);
    CHECK(md.find("groupe 1, ") == std::string::npos);
}

TEST_CASE("the summary lists the speed-meeting rounds that were run, under their own numbers, and no other") {
    Session s = test::dayOfEtapeSession();  // three rounds prepared, the first two run
    const Etape& e = *s.model().etapeByNumber(1);
    REQUIRE(e.icebreaker.rounds.size() == 3);
    auto markdown = [&] {
        return exporting::summaryMarkdown(makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z"));
    };
    const std::string two = markdown();
    CHECK(two.find("Tour 1 — ") != std::string::npos);
    CHECK(two.find("Tour 2 — ") != std::string::npos);
    CHECK(two.find("Tour 3 — ") == std::string::npos);  // prepared, never run
    // The first marked not run after all: the summary keeps « Tour 2 », numbered as in the room.
    REQUIRE(s.apply(MarkRoundRun{e.id, 0, false}).ok);
    const std::string one = markdown();
    CHECK(one.find("Tour 1 — ") == std::string::npos);
    CHECK(one.find("Tour 2 — ") != std::string::npos);
    // None run and no card drawn: no icebreaker section at all.
    REQUIRE(s.apply(MarkRoundRun{e.id, 1, false}).ok);
    REQUIRE(s.apply(UndrawCard{e.id}).ok);
    CHECK(markdown().find("Brise-glace") == std::string::npos);
    // A round that does not exist is refused with a message.
    const Status bad = s.apply(MarkRoundRun{e.id, 7, true});
    CHECK_FALSE(bad.ok);
    CHECK(bad.message == "Ce tour n'existe pas.");
}
