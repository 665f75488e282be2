// Issue 29 (Justesse), in core: counts agree with their words, the evaluation counts people.
#include <doctest/doctest.h>

#include "core/calendar.h"
#include "core/demo.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "support/fixtures.h"

using namespace atelier;

// [SECTION] Point 7: « (s) » agrees with the count

TEST_CASE("Justesse: a « (s) » of the strings table agrees with the count written before it") {
    CHECK(fmt(Str::SumBallots, {"0"}) == "0 bulletin");
    CHECK(fmt(Str::SumBallots, {"1"}) == "1 bulletin");
    CHECK(fmt(Str::SumBallots, {"12"}) == "12 bulletins");
    CHECK(fmt(Str::SumPoints, {"0"}) == "0 point");
    CHECK(fmt(Str::SumPoints, {"1 234"}) == "1 234 points");
    CHECK(fmt(Str::ImportSummary, {"1", "2", "0", "1", "3"}) ==
          "1 ligne lue\u00a0: 2 importées, 0 fusionnée avec une personne déjà connue, 1 rejetée\u00a0; 3 inscriptions ajoutées.");
    CHECK(fmt(Str::CliArchiveCheckOk, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "5", "1", "2", "1", "0"})
              .find("Idées\u00a0: 5 sur 1 tableau\nVotes\u00a0: 2 (1 bulletin)\nPratiques à essaimer\u00a0: 0") != std::string::npos);
    CHECK(fmt(Str::CliArchiveCheckOk, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "5", "3", "2", "4", "0"})
              .find("sur 3 tableaux") != std::string::npos);
    // After something that is not a count, the « (s) » stays: the number is not known.
    CHECK(fmt(Str::ImportUnknownTerritory, {"Hirson", "3, 5"}) == "«\u00a0Hirson\u00a0» (ligne(s) 3, 5)\u00a0: aucun territoire connu de ce nom ni proche.");
}

// [SECTION] Point 2: the evaluation counts people, not entries

// [SECTION] Point 7: no-break spaces before ? ! : ; and inside « »

namespace {
/// Where `text` has a plain space before ? ! : ; or inside « » (the first one), or npos.
size_t plainSpaceAt(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ' ') continue;
        const std::string_view next = text.substr(i + 1);
        if (!next.empty() && std::string_view("?!:;").find(next[0]) != std::string_view::npos) return i;
        if (next.substr(0, 2) == "\u00bb" || (i >= 2 && text.substr(i - 2, 2) == "\u00ab")) return i;
    }
    return std::string_view::npos;
}
}  // namespace

TEST_CASE("Justesse: every string of the table has its no-break spaces before ? ! : ; and inside « »") {
    int signs = 0;
    for (int k = 0; k < static_cast<int>(Str::Count_); ++k) {
        const std::string_view text = tr(static_cast<Str>(k));
        INFO("key " << k << ": " << text);
        CHECK(plainSpaceAt(text) == std::string_view::npos);
        for (const std::string_view sign : {"\u00a0?", "\u00a0!", "\u00a0:", "\u00a0;", "\u00ab\u00a0"})
            if (text.find(sign) != std::string_view::npos) ++signs;
    }
    CHECK(signs > 300);  // the table is full of them (358 strings had a plain space)
    // What is typed keeps its own words: only the table's spaces change.
    CHECK(fmt(Str::ErrBadTime, {"9 h ?"}) == "\u00ab\u00a09 h ?\u00a0\u00bb n'est pas une heure\u00a0: écrivez-la par exemple 9h30.");
}

TEST_CASE("Justesse: frenchSpacing and inQuotes put the no-break spaces where French typography wants them") {
    CHECK(frenchSpacing("Pourquoi ? Parce que ! Voici : un ; « mot »") ==
          "Pourquoi\u00a0? Parce que\u00a0! Voici\u00a0: un\u00a0; \u00ab\u00a0mot\u00a0\u00bb");
    CHECK(frenchSpacing("9h30, http://x:80, a  b, «x»") == "9h30, http://x:80, a  b, «x»");  // nothing else moves
    CHECK(frenchSpacing("") == "");
    CHECK(inQuotes("Leviers") == "\u00ab\u00a0Leviers\u00a0\u00bb");
}

TEST_CASE("Justesse: the demo's evaluation has 12 respondents (not 27 entries), and more sentences keep it 12") {
    Session s = test::tourSession();
    const Status built = buildDemo(s, Date{2020, 3, 10});
    REQUIRE(built.ok);
    const Etape* e = s.model().etapeByNumber(std::stoi(built.message));
    REQUIRE(e);
    EvaluationResults r = evaluationResults(e->evaluation);
    REQUIRE(r.questions.size() == 5);
    CHECK(r.questions[0].respondents == 12);
    CHECK(r.questions[1].respondents == 12);
    CHECK(r.questions[2].respondents == 3);
    CHECK(r.questions[3].respondents == 3);
    CHECK(r.questions[4].respondents == 1);
    CHECK(r.respondents == 12);  // was 27: the entries' counts summed
    const Id q2 = e->evaluation.questions[2].id;
    for (int i = 0; i < 3; ++i)
        REQUIRE(s.apply(AddEvaluationResponse{e->id, {0, 1, std::nullopt, {{q2, -1, "Encore une phrase", {}}}}}).ok);
    r = evaluationResults(s.model().etapeByNumber(std::stoi(built.message))->evaluation);
    CHECK(r.questions[2].respondents == 6);
    CHECK(r.respondents == 12);  // was 30
    CHECK(fmt(Str::SumEvaluationResponses, {std::to_string(r.respondents)}) == "12 répondants au questionnaire.");
}

// [SECTION] Point 11: overlapping programme lines

TEST_CASE("Justesse: overlapping programme lines are flagged, lines that follow each other are not") {
    Etape e;
    e.programme = {ProgrammeItem{1, 9 * 60, 30, "Accueil", ItemKind::Accueil},
                   ProgrammeItem{2, 9 * 60 + 30, 60, "Atelier 1", ItemKind::Atelier},
                   ProgrammeItem{3, 10 * 60, 15, "Pause", ItemKind::Pause}};
    const auto overlaps = programmeOverlaps(e);
    REQUIRE(overlaps.size() == 1);
    CHECK(overlaps[0] == "«\u00a0Atelier 1\u00a0» (09h30–10h30) et «\u00a0Pause\u00a0» (10h00–10h15) se chevauchent.");
    e.programme[2].start = 10 * 60 + 30;
    CHECK(programmeOverlaps(e).empty());
}
