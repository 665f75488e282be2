// The étape's summary shows the host's actions-phares, the evaluation of the day (majority-judgment profiles,
// sentences, practices wanted, themes) and the practices of the day with their follow-up — escaped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/archive.h"
#include "core/session.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

EtapeArchive essaimageArchive(const std::string& title) {
    Session s = test::dayOfEtapeSession();
    const Id e = s.model().etapeByNumber(1)->id;
    ActionPhare a{0, title, "Chaque samedi matin, au collège.", "Centre social", "Mairie d'Amiens", {"photos/cafe.jpg"}};
    REQUIRE(s.apply(AddActionPhare{e, a}).ok);
    const Id ap = s.model().etape(e)->actionsPhares.back().id;
    const Id lille = s.model().territoryByName("Lille")->id;
    REQUIRE(s.apply(AddFollowUp{ap, FollowUp{lille, FollowUpStatus::Adoptee, Date{2021, 3, 16}, "Dans 3 collèges"}}).ok);
    REQUIRE(s.apply(SetEvaluation{e, defaultEvaluation().questions, {}}).ok);
    const auto q = s.model().etape(e)->evaluation.questions;
    REQUIRE(s.apply(AddEvaluationResponse{e, EvaluationResponse{0, 12, std::nullopt, {{q[0].id, 5}}}}).ok);
    REQUIRE(s.apply(AddEvaluationResponse{e, EvaluationResponse{0, 3, std::nullopt, {{q[0].id, 3}}}}).ok);
    REQUIRE(s.apply(AddEvaluationResponse{
                        e, EvaluationResponse{0, 1, lille, {{q[2].id, -1, "Un café <b>simple</b>", {}},
                                                            {q[3].id, -1, "", {ap}},
                                                            {q[4].id, -1, "L'évaluation", {}}}}})
                .ok);
    return makeArchive(s.model(), *s.model().etape(e), "0.1.0", "2020-02-11T17:30:00Z");
}

}  // namespace

TEST_CASE("the summary shows the actions-phares, the evaluation and the practices' follow-up, escaped") {
    const EtapeArchive a = essaimageArchive("Le café <script>x()</script>");
    const std::string html = exporting::summaryHtml(a);
    CHECK(html.find("<script>x()") == std::string::npos);
    CHECK(html.find("Actions-phares de la Cité hôte") != std::string::npos);
    CHECK(html.find("Le café &lt;script&gt;x()&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Partenaires\u00a0: Centre social") != std::string::npos);
    CHECK(html.find("Photos\u00a0: photos/cafe.jpg") != std::string::npos);
    CHECK(html.find("Évaluation à chaud") != std::string::npos);
    CHECK(html.find("15 répondants au questionnaire.") != std::string::npos);
    CHECK(html.find("Mention majoritaire\u00a0: Très bien (15 répondants)") != std::string::npos);
    CHECK(html.find("Très bien\u00a0: 12") != std::string::npos);
    CHECK(html.find("Assez bien\u00a0: 3") != std::string::npos);
    CHECK(html.find("Un café &lt;b&gt;simple&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("Le café &lt;script&gt;x()&lt;/script&gt; (1 personne)") != std::string::npos);
    CHECK(html.find("Cités intéressées\u00a0: Lille") != std::string::npos);
    CHECK(html.find("Adoptée à Lille le 16/03/2021 — Dans 3 collèges") != std::string::npos);
    CHECK(html.find("(Action-phare)") != std::string::npos);
    // The evaluation comes after the votes and before the practices.
    CHECK(html.find("Évaluation à chaud") < html.find("Pratiques à essaimer"));

    const std::string md = exporting::summaryMarkdown(a);
    CHECK(md.find("Actions-phares de la Cité hôte") != std::string::npos);
    CHECK(md.find("Mention majoritaire\u00a0: Très bien") != std::string::npos);
    CHECK(md.find("Adoptée à Lille le 16/03/2021") != std::string::npos);
}

TEST_CASE("a summary without actions-phares nor evaluation has neither section") {
    const Session s = test::dayOfEtapeSession();
    const EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    const std::string html = exporting::summaryHtml(a);
    CHECK(html.find("Actions-phares de la Cité hôte") == std::string::npos);
    CHECK(html.find("Évaluation à chaud") == std::string::npos);
    CHECK(html.find("Pratiques à essaimer") != std::string::npos);
}

TEST_CASE("the summary's files carry the photos of the actions-phares beside them, drawn rather than named (29.5)") {
    const EtapeArchive a = essaimageArchive("Le café des parents");
    REQUIRE(exporting::summaryPhotoPaths(a) == std::vector<std::string>{"photos/cafe.jpg"});
    const auto files = exporting::summaryFiles(a, {{"photos/cafe.jpg", "JPEG bytes"}});
    std::string html, md;
    bool photo = false;
    for (const auto& [name, content] : files) {
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) html = content;
        if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) md = content;
        if (name == "photos/cafe.jpg") photo = content == "JPEG bytes";
    }
    CHECK(photo);
    CHECK(html.find("<img src=\"photos/cafe.jpg\"") != std::string::npos);
    CHECK(html.find("Photos : photos/cafe.jpg") == std::string::npos);
    CHECK(md.find("](photos/cafe.jpg)") != std::string::npos);
    // Without the photo's bytes (not on disk), it is named as before.
    for (const auto& [name, content] : exporting::summaryFiles(a))
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0)
            CHECK(content.find("Photos\u00a0: photos/cafe.jpg") != std::string::npos);
}
