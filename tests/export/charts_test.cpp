// The charts of the documents (issue 36): golden SVG for a fixed archive (the fixture day: a majority judgment with
// its merit profiles, a dot vote, a Schulze vote, participation, the evaluation), a tie, a vote without ballots, the
// booklet's follow-up matrix; and what must hold for any chart: every number in text, nothing outside the chart,
// winners and ties said in words.
// After a deliberate change of the charts, rewrite the files with ATELIER_UPDATE_GOLDEN=1 and review the diff.
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/archive.h"
#include "export/booklet.h"
#include "export/charts.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::exporting;

namespace {

const std::filesystem::path kGolden =
    std::filesystem::path(ATELIER_SOURCE_DIR) / "tests" / "export" / "golden" / "charts";

EtapeArchive fixtureArchive() {
    Session s = test::dayOfEtapeSession();
    const Status st = test::addGoldenEssaimage(s);
    REQUIRE_MESSAGE(st.ok, st.message);
    return makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
}

void checkGolden(const std::string& name, const std::string& actual) {
    const std::filesystem::path path = kGolden / name;
    if (std::getenv("ATELIER_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(kGolden);
        std::ofstream(path, std::ios::binary) << actual;
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing golden file " << path.string());
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK_MESSAGE(expected.str() == actual, "the chart differs from " << path.string()
                                                                     << " (ATELIER_UPDATE_GOLDEN=1 to rewrite it)");
}

double luminance(Rgb c) {
    const auto channel = [](std::uint8_t v) {
        const double x = v / 255.0;
        return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/// Every text reaches 4.5:1 (WCAG AA, as on the projector's labels) over what is under its middle: the last
/// rectangle drawn before it that holds that point, else the page's white.
void checkContrast(const Chart& chart) {
    for (size_t i = 0; i < chart.shapes.size(); ++i) {
        const ChartShape& t = chart.shapes[i];
        if (t.kind != ChartShape::Kind::Text || t.text.empty()) continue;
        const double w = estimateTextWidth(t.text, t.size, t.bold);
        const double x = (t.anchor == 0 ? t.x : t.anchor == 1 ? t.x - w / 2 : t.x - w) + w / 2, y = t.y - t.size * 0.35;
        Rgb under{255, 255, 255};
        for (size_t j = 0; j < i; ++j) {
            const ChartShape& r = chart.shapes[j];
            if (r.kind == ChartShape::Kind::Rect && x >= std::min(r.x, r.x + r.w) && x <= std::max(r.x, r.x + r.w) &&
                y >= std::min(r.y, r.y + r.h) && y <= std::max(r.y, r.y + r.h))
                under = r.colour;
        }
        const double a = luminance(t.colour), b = luminance(under);
        const double ratio = (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
        INFO("« " << t.text << " » in " << int(t.colour.r) << "," << int(t.colour.g) << "," << int(t.colour.b) << " on "
                  << int(under.r) << "," << int(under.g) << "," << int(under.b));
        CHECK(ratio >= 4.5);
    }
}

/// Every shape inside the chart's box, every text of the start anchor no wider than what is left of the line; every
/// text readable over what it is drawn on.
void checkInside(const Chart& chart) {
    checkContrast(chart);
    CHECK(chart.height > 0);
    for (const ChartShape& s : chart.shapes) {
        INFO("shape " << static_cast<int>(s.kind) << " « " << s.text << " » at " << s.x << "," << s.y);
        switch (s.kind) {
        case ChartShape::Kind::Rect:
        case ChartShape::Kind::Line:
            CHECK(std::min(s.x, s.x + s.w) >= -0.01);
            CHECK(std::max(s.x, s.x + s.w) <= chart.width + 0.01);
            CHECK(std::min(s.y, s.y + s.h) >= -3.01);  // the median's line reaches a little above the first bar
            CHECK(std::max(s.y, s.y + s.h) <= chart.height + 0.01);
            break;
        case ChartShape::Kind::Disc:
        case ChartShape::Kind::Ring:
        case ChartShape::Kind::HalfDisc:
            CHECK(s.x - s.w >= 0);
            CHECK(s.x + s.w <= chart.width + 0.01);
            CHECK(s.y + s.w <= chart.height + 0.01);
            break;
        case ChartShape::Kind::Text: {
            const double w = estimateTextWidth(s.text, s.size, s.bold);
            const double left = s.anchor == 0 ? s.x : s.anchor == 1 ? s.x - w / 2 : s.x - w;
            CHECK(left >= -0.01);
            CHECK(left + w <= chart.width + 0.01);
            CHECK(s.y <= chart.height + 0.01);
            CHECK(s.y - s.size >= -3.01);
            break;
        }
        }
    }
}

const Vote& voteOf(const EtapeArchive& a, VoteMethod method, size_t* index) {
    for (size_t v = 0; v < a.etape.votes.size(); ++v)
        if (a.etape.votes[v].setup.method == method) {
            *index = v;
            return a.etape.votes[v];
        }
    FAIL("no vote of that method in the fixture");
    return a.etape.votes.front();
}

}  // namespace

TEST_CASE("a majority judgment is drawn as its merit profiles, the median marked, the counts in text") {
    const EtapeArchive a = fixtureArchive();
    size_t v = 0;
    const Vote& vote = voteOf(a, VoteMethod::Majority, &v);
    const ChartSpec spec = voteSpec(vote, a.results[v]);
    REQUIRE(spec.kind == ChartSpec::Kind::MeritProfiles);
    REQUIRE(spec.profiles.size() == vote.setup.options.size());
    // Each profile sums to the ballots, and the first row is the winner of the archived ranking.
    for (const ChartProfile& p : spec.profiles) {
        long long sum = 0;
        for (long long n : p.profile) sum += n;
        CHECK(sum == a.results[v].ballots);
    }
    CHECK(spec.profiles.front().label == vote.setup.options[static_cast<size_t>(a.results[v].ranking.front().front())]);
    CHECK(spec.profiles.front().rank == 1);
    const Chart chart = layoutChart(spec, kChartWidth);
    checkInside(chart);
    CHECK_FALSE(chart.numbersDrawn);  // a narrow segment has no room for its count: the text says it
    const std::vector<std::string> numbers = chartNumbers(spec);
    REQUIRE(numbers.size() == spec.profiles.size());
    CHECK(numbers.front().find("en tête") != std::string::npos);
    CHECK(numbers.front().find("mention majoritaire") != std::string::npos);
    const std::string svg = chartSvg(chart);
    CHECK(svg.find("stroke-dasharray") != std::string::npos);  // the median line
    checkGolden("vote-majority.svg", svg);
}

TEST_CASE("the other votes are bars, the winner marked; a tie is a tie; nobody voted reads « Aucun bulletin »") {
    const EtapeArchive a = fixtureArchive();
    size_t v = 0;
    const Vote& dots = voteOf(a, VoteMethod::Dot, &v);
    const ChartSpec dotSpec = voteSpec(dots, a.results[v]);
    REQUIRE(dotSpec.kind == ChartSpec::Kind::Ranking);
    const Chart dotChart = layoutChart(dotSpec, kChartWidth);
    checkInside(dotChart);
    CHECK(dotChart.numbersDrawn);
    checkGolden("vote-dots.svg", chartSvg(dotChart));

    // A tie for the first place: both ranked 1, both marked, neither said to win alone.
    Vote tied = dots;
    tied.setup.options = {"Café des parents", "Éco-délégués", "Œuvre commune"};
    ArchivedResult r;
    r.counted = true;
    r.ballots = 6;
    r.ranking = {{0, 1}, {2}};
    r.scores = {5, 5, 2};
    const ChartSpec tie = voteSpec(tied, r);
    REQUIRE(tie.bars.size() == 3);
    CHECK(tie.bars[0].rank == 1);
    CHECK(tie.bars[1].rank == 1);
    CHECK(tie.bars[0].tied);
    CHECK(tie.bars[2].rank == 3);
    const std::vector<std::string> numbers = chartNumbers(tie);
    CHECK(numbers[0] == "1. Café des parents — en tête, ex æquo\u00a0: 5 gommettes");
    CHECK(numbers[1] == "1. Éco-délégués — en tête, ex æquo\u00a0: 5 gommettes");
    CHECK(numbers[2] == "3. Œuvre commune\u00a0: 2 gommettes");
    const Chart tieChart = layoutChart(tie, kChartWidth);
    checkInside(tieChart);
    // Both winners' bars are drawn in the winners' colour, full length.
    int full = 0;
    for (const ChartShape& s : tieChart.shapes)
        if (s.kind == ChartShape::Kind::Rect && s.colour == Rgb{217, 72, 15}) ++full;
    CHECK(full == 2);
    checkGolden("vote-tie.svg", chartSvg(tieChart));

    ArchivedResult none = r;
    none.ballots = 0;
    const ChartSpec empty = voteSpec(tied, none);
    CHECK(empty.kind == ChartSpec::Kind::Empty);
    CHECK(chartNumbers(empty) == std::vector<std::string>{"Aucun bulletin"});
    const std::string svg = chartSvg(layoutChart(empty, kChartWidth));
    CHECK(svg.find(">Aucun bulletin<") != std::string::npos);
    checkGolden("vote-empty.svg", svg);

    size_t s = 0;
    const Vote& schulze = voteOf(a, VoteMethod::Schulze, &s);
    const Chart schulzeChart = layoutChart(voteSpec(schulze, a.results[s]), kChartWidth);
    checkInside(schulzeChart);
    checkGolden("vote-schulze.svg", chartSvg(schulzeChart));
}

TEST_CASE("participation bars and the evaluation's profile come with the summary, escaped, numbers in text") {
    const EtapeArchive a = fixtureArchive();
    const ChartSpec spec = barsSpec("Par Cité", {{"Amiens", 5}, {"Lille <b>", 3}, {"Sans territoire", 1}});
    const Chart chart = layoutChart(spec, kChartWidth);
    checkInside(chart);
    const std::string svg = chartSvg(chart);
    CHECK(svg.find("Lille &lt;b&gt;") != std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    checkGolden("participation.svg", svg);
    CHECK(chartNumbers(spec) == std::vector<std::string>{"Amiens\u00a0: 5", "Lille <b>\u00a0: 3", "Sans territoire\u00a0: 1"});
    // In the HTML, a chart that writes every number keeps their text for screen readers only.
    const std::string html = chartHtml(spec);
    CHECK(html.find("<ul class=\"chart-numbers sr-only\"><li>Amiens\u00a0: 5</li>") != std::string::npos);

    const std::string summary = summaryHtml(a);
    CHECK(summary.find("<svg") != std::string::npos);
    // One chart per vote, two for participation, one per grade question of the evaluation.
    size_t charts = 0;
    for (size_t at = summary.find("<svg"); at != std::string::npos; at = summary.find("<svg", at + 1)) ++charts;
    size_t grades = 0;
    for (const EvaluationQuestion& q : a.etape.evaluation.questions) grades += q.kind == QuestionKind::Grade;
    CHECK(grades > 0);
    CHECK(charts == a.etape.votes.size() + 2 + grades);
    // A question's profile has no label: the bar takes the whole width, no text is squeezed into a column.
    ChartSpec question{ChartSpec::Kind::MeritProfiles, "Appréciation générale"};
    question.grades = {"Insuffisant", "Passable", "Bien", "Très bien"};
    question.profiles.push_back({"", 0, false, {1, 2, 5, 4}, 2});
    const Chart questionChart = layoutChart(question, kChartWidth);
    checkInside(questionChart);
    for (const ChartShape& s : questionChart.shapes) {
        if (s.kind == ChartShape::Kind::Rect && s.colour == Rgb{150, 20, 30}) CHECK(s.x == doctest::Approx(0));
        if (s.kind == ChartShape::Kind::Text) {
            const bool readable = s.text.size() > 1 || std::isdigit(static_cast<unsigned char>(s.text[0]));
            CHECK_MESSAGE(readable, s.text);
        }
    }
    const size_t evaluation = summary.find("<h2>Évaluation");
    REQUIRE(evaluation != std::string::npos);
    checkGolden("evaluation.svg", summary.substr(summary.find("<svg", evaluation),
                                                 summary.find("</svg>", evaluation) + 6 - summary.find("<svg", evaluation)));
}

TEST_CASE("the booklet's follow-up matrix: a shape and a colour per status, the Cités and practices in text") {
    BookletInput in;
    BookletPractice cafe{"Le café des parents", "", "Action-phare", "Amiens", 1, "", {}, {"Arras"}, {}};
    cafe.followUps.push_back({"Lille", "Essayée", "01/03/2020", "", FollowUpStatus::Essayee});
    cafe.followUps.push_back({"Lille", "Adoptée", "01/06/2020", "", FollowUpStatus::Adoptee});
    BookletPractice eco{"Éco-délégués", "", "Tableau", "Lille", 1, "Réussite", {}, {}, {}};
    eco.followUps.push_back({"Arras", "Abandonnée", "01/04/2020", "", FollowUpStatus::Abandonnee});
    eco.followUps.push_back({"Saint-Quentin", "Essayée", "02/04/2020", "", FollowUpStatus::Essayee});
    in.practices = {cafe, eco, {"Sans suivi", "", "Tableau", "", 1, "", {}, {}, {}}};
    const ChartSpec spec = followUpSpec(in);
    REQUIRE(spec.rows == std::vector<std::string>{"Arras", "Lille", "Saint-Quentin"});
    REQUIRE(spec.columns.size() == 3);
    CHECK(spec.cells[0][0] == FollowUpMark::Interested);
    CHECK(spec.cells[1][0] == FollowUpMark::Adopted);  // the latest follow-up wins
    CHECK(spec.cells[0][1] == FollowUpMark::Abandoned);
    CHECK(spec.cells[2][1] == FollowUpMark::Tried);
    CHECK(spec.cells[1][2] == FollowUpMark::None);
    const std::vector<std::string> numbers = chartNumbers(spec);
    CHECK(numbers[0] == "1. Le café des parents — Adoptée\u00a0: Lille ; Intéressée\u00a0: Arras");
    CHECK(numbers[1] == "2. Éco-délégués — Essayée\u00a0: Saint-Quentin ; Abandonnée\u00a0: Arras");
    CHECK(numbers[2] == "3. Sans suivi — aucun suivi");
    const Chart chart = layoutChart(spec, kChartWidth);
    checkInside(chart);
    // Each status a different shape (readable in black and white): disc, half disc, cross (two lines), ring.
    int discs = 0, halves = 0, rings = 0;
    for (const ChartShape& s : chart.shapes) {
        discs += s.kind == ChartShape::Kind::Disc;
        halves += s.kind == ChartShape::Kind::HalfDisc;
        rings += s.kind == ChartShape::Kind::Ring;
    }
    CHECK(discs == 2);   // the legend's and Lille's
    CHECK(halves == 2);  // the legend's and Saint-Quentin's
    CHECK(rings == 2);   // the legend's and Arras'
    checkGolden("followup.svg", chartSvg(chart));

    // Many practices: the matrix continues in blocks below, every column still inside the width.
    for (int i = 0; i < 40; ++i) in.practices.push_back(cafe);
    const Chart wide = layoutChart(followUpSpec(in), kChartWidth);
    checkInside(wide);
    CHECK(wide.height > chart.height * 1.5);  // 43 practices: two blocks of columns
}

TEST_CASE("a label too long for its column wraps onto several lines instead of leaving the chart") {
    const std::string longName =
        "Une proposition au titre vraiment très long, qui ne tiendrait jamais sur une seule ligne de la colonne des "
        "étiquettes, avec un mot-interminable-sans-espace-aucun-qui-doit-être-coupé-quelque-part";
    const ChartSpec spec = barsSpec("x", {{longName, 3}, {"Court", 1}});
    const Chart chart = layoutChart(spec, kChartWidth);
    checkInside(chart);
    int lines = 0;
    std::string joined;
    for (const ChartShape& s : chart.shapes)
        if (s.kind == ChartShape::Kind::Text && s.text != "3" && s.text != "1" && s.text != "Court") {
            ++lines;
            joined += s.text;
        }
    CHECK(lines >= 3);
    // Nothing lost: the lines put back together (spaces aside) give the label.
    std::string expected;
    for (char c : longName)
        if (c != ' ') expected += c;
    std::string got;
    for (char c : joined)
        if (c != ' ') got += c;
    CHECK(got == expected);
}
