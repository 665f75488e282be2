// The evaluation of the day answered from phones (issue 14 point 3): the owner opens the questionnaire, the state
// carries it with the day's practices and the device's own answers, POST /api/evaluation adds one answer sheet
// per device (a new one replaces it in one undo step), with the device's Cité feeding « Cités intéressées ».
#include <doctest/doctest.h>

#include "core/practices.h"
#include "net/ballot_json.h"
#include "net/room.h"

using namespace atelier;
using namespace atelier::test;

namespace {

/// The room with the Tour's questionnaire on étape 1 and one action-phare of the host (Amiens): a practice of the
/// day. Returns the practice's id.
Id prepareEvaluation(Room& room) {
    const Evaluation d = defaultEvaluation();
    REQUIRE(room.session.apply(SetEvaluation{room.etape, d.questions, d.grades}));
    return room.add(AddActionPhare{room.etape, ActionPhare{0, "Le café des parents", "Chaque samedi", "", "", {}}});
}

void openEvaluation(Room& room, bool open = true) {
    net::OpenToPhones opened = room.server.open();
    opened.evaluation = open;
    room.server.setOpen(opened);
}

const Evaluation& evaluationOf(Room& room) { return room.session.model().etape(room.etape)->evaluation; }

/// The questionnaire's question ids, in order: overall opinion, usefulness (grades), take-away (sentence),
/// practices, themes.
std::vector<Id> questionIds(Room& room) {
    std::vector<Id> ids;
    for (const EvaluationQuestion& q : evaluationOf(room).questions) ids.push_back(q.id);
    REQUIRE(ids.size() == 5);
    return ids;
}

}  // namespace

TEST_CASE("évaluation: closed, the state has none; opened, it takes the page over with the day's practices") {
    Room room;
    const Id cafe = prepareEvaluation(room);
    const std::string awa = room.join({{"prenom", "Awa"}, {"cite", "Lille"}});
    Json state = room.state(awa);
    CHECK(state.at("activite") == "vote");
    CHECK(state.at("evaluation").is_null());

    const std::uint64_t before = state.at("revision").get<std::uint64_t>();
    openEvaluation(room);
    state = room.state(awa);
    CHECK(state.at("revision").get<std::uint64_t>() != before);
    CHECK(state.at("activite") == "evaluation");
    const Json& evaluation = state.at("evaluation");
    REQUIRE(evaluation.at("questions").size() == 5);
    CHECK(evaluation.at("questions")[0].at("type") == "note");
    CHECK(evaluation.at("questions")[2].at("type") == "phrase");
    CHECK(evaluation.at("questions")[3].at("type") == "pratiques");
    CHECK(evaluation.at("questions")[4].at("type") == "themes");
    CHECK(evaluation.at("questions")[0].at("texte") == evaluationOf(room).questions[0].text);
    CHECK(evaluation.at("mentions") == Json(evaluationOf(room).scale()));
    REQUIRE(evaluation.at("pratiques").size() == 1);
    CHECK(evaluation.at("pratiques")[0] == Json{{"id", cafe}, {"titre", "Le café des parents"}, {"cite", "Amiens"}});
    CHECK(evaluation.at("a_repondu") == false);
    CHECK(evaluation.at("mes_reponses").is_null());

    // An étape without a questionnaire is never « evaluation », even when opened.
    REQUIRE(room.session.apply(SetEvaluation{room.etape, {}, {}}));
    CHECK(room.state(awa).at("activite") == "vote");
    CHECK(room.state(awa).at("evaluation").is_null());
}

TEST_CASE("POST /api/evaluation: one sheet per device with its Cité, a new one replaces it in one undo step") {
    Room room;
    const Id cafe = prepareEvaluation(room);
    openEvaluation(room);
    const auto q = questionIds(room);
    const std::vector<std::string> scale = evaluationOf(room).scale();
    const std::string awa = room.join({{"prenom", "Awa"}, {"cite", "Lille"}});
    const std::string anonymous = room.join();

    const Json first = {{"reponses",
                         {{{"question", q[0]}, {"mention", scale.back()}},
                          {{"question", q[1]}, {"mention", nullptr}},  // left blank: not an answer
                          {{"question", q[2]}, {"texte", "  Le café des parents, simple et régulier  "}},
                          {{"question", q[3]}, {"pratiques", {cafe}}},
                          {{"question", q[4]}, {"texte", ""}}}}};
    auto res = room.post("/api/evaluation", first, awa);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const Id sheet = Json::parse(res->body).at("id").get<Id>();
    REQUIRE(evaluationOf(room).responses.size() == 1);
    const EvaluationResponse& r = evaluationOf(room).responses[0];
    CHECK(r.id == sheet);
    CHECK(r.count == 1);
    CHECK(r.territory == room.session.model().territoryByName("Lille")->id);
    REQUIRE(r.answers.size() == 3);
    CHECK(r.answers[0] == EvaluationAnswer{q[0], static_cast<int>(scale.size()) - 1, {}, {}});
    CHECK(r.answers[1] == EvaluationAnswer{q[2], -1, "Le café des parents, simple et régulier", {}});
    CHECK(r.answers[2] == EvaluationAnswer{q[3], -1, {}, {cafe}});
    // Lille wants to try the café: it is among the Cités interested.
    const auto interested = interestedCites(room.session.model(), *room.session.model().practice(cafe));
    CHECK(std::find(interested.begin(), interested.end(), *r.territory) != interested.end());

    Json state = room.state(awa);
    CHECK(state.at("evaluation").at("a_repondu") == true);
    CHECK(state.at("evaluation").at("mes_reponses") ==
          Json{{{"question", q[0]}, {"mention", scale.back()}},
               {{"question", q[2]}, {"texte", "Le café des parents, simple et régulier"}},
               {{"question", q[3]}, {"pratiques", {cafe}}}});
    CHECK(room.state(anonymous).at("evaluation").at("a_repondu") == false);

    // Sent again, changed: the same sheet (same id, same place), one undo step gives the first one back.
    const Json second = {{"reponses", {{{"question", q[0]}, {"mention", scale.front()}}, {{"question", q[4]}, {"texte", "Le numérique"}}}}};
    REQUIRE(room.post("/api/evaluation", second, awa)->status == 200);
    REQUIRE(evaluationOf(room).responses.size() == 1);
    CHECK(evaluationOf(room).responses[0].id == sheet);
    CHECK(evaluationOf(room).responses[0].answers.size() == 2);
    CHECK(room.session.undoLabel().find("téléphone") != std::string::npos);
    REQUIRE(room.session.undo());
    REQUIRE(evaluationOf(room).responses.size() == 1);
    CHECK(evaluationOf(room).responses[0].answers.size() == 3);

    // Another device adds its own sheet, without a Cité.
    REQUIRE(room.post("/api/evaluation", second, anonymous)->status == 200);
    REQUIRE(evaluationOf(room).responses.size() == 2);
    CHECK(!evaluationOf(room).responses[1].territory);

    // Removed on the console: the device has no sheet any more, and its next one is a new sheet.
    REQUIRE(room.session.apply(RemoveEvaluationResponse{room.etape, sheet}));
    CHECK(room.state(awa).at("evaluation").at("a_repondu") == false);
    REQUIRE(room.post("/api/evaluation", first, awa)->status == 200);
    CHECK(evaluationOf(room).responses.size() == 2);
}

TEST_CASE("POST /api/evaluation refusals: French messages, nothing saved") {
    Room room;
    const Id cafe = prepareEvaluation(room);
    const auto q = questionIds(room);
    const std::string token = room.join();
    const Json good = {{"reponses", {{{"question", q[0]}, {"mention", "Bien"}}}}};

    auto res = room.post("/api/evaluation", good, token);
    CHECK(res->status == 409);  // not opened to phones
    CHECK(error(res) == tr(Str::NetNoEvaluation));
    openEvaluation(room);
    CHECK(room.post("/api/evaluation", good)->status == 401);

    struct Case {
        Json body;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {Json::object(), fmt(Str::ErrVoteMissingKey, {"reponses"})},
        {{{"reponses", "Bien"}}, fmt(Str::ErrVoteFieldType, {"reponses", tr(Str::TypeList)})},
        {{{"reponses", Json::array()}}, tr(Str::ErrEvalEmptyResponse)},
        {{{"reponses", {{{"question", q[1]}, {"mention", nullptr}}}}}, tr(Str::ErrEvalEmptyResponse)},
        {{{"reponses", {{{"question", 999999}, {"mention", "Bien"}}}}}, tr(Str::ErrUnknownEvalQuestion)},
        {{{"reponses", {{{"question", "un"}, {"mention", "Bien"}}}}}, fmt(Str::ErrVoteFieldType, {"question", tr(Str::TypeInteger)})},
        {{{"reponses", {{{"question", q[2]}, {"mention", "Bien"}}}}}, fmt(Str::ErrEvalNeedsText, {evaluationOf(room).questions[2].text})},
        {{{"reponses", {{{"question", q[3]}, {"pratiques", {cafe + 1000}}}}}},
         fmt(Str::ErrEvalNotPracticeOfDay, {"1"})},
        {{{"reponses", {{{"question", q[3]}, {"pratiques", "café"}}}}}, fmt(Str::ErrVoteFieldType, {"pratiques", tr(Str::TypeList)})},
        {{{"reponses", {{{"question", q[2]}, {"texte", std::string(600, 'a')}}}}}, ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.body.dump());
        res = room.post("/api/evaluation", c.body, token);
        REQUIRE(res);
        CHECK(res->status == 400);
        if (!c.expected.empty()) CHECK(error(res) == c.expected);
        CHECK(!error(res).empty());
    }
    // An unknown mention names the scale.
    res = room.post("/api/evaluation", {{"reponses", {{{"question", q[0]}, {"mention", "Génial"}}}}}, token);
    CHECK(res->status == 400);
    CHECK(error(res).find("Génial") != std::string::npos);
    CHECK(error(res).find(evaluationOf(room).scale().back()) != std::string::npos);
    CHECK(evaluationOf(room).responses.empty());

    // Closed again: refused, the page goes back to what else is open.
    openEvaluation(room, false);
    CHECK(room.post("/api/evaluation", good, token)->status == 409);
    CHECK(room.state(token).at("activite") == "vote");
}

TEST_CASE("writeEvaluationResponse gives what readEvaluationResponse reads back") {
    Evaluation ev = defaultEvaluation();
    for (size_t i = 0; i < ev.questions.size(); ++i) ev.questions[i].id = static_cast<Id>(10 + i);
    EvaluationResponse sheet;
    sheet.answers = {EvaluationAnswer{10, 2, {}, {}}, EvaluationAnswer{12, -1, "Une phrase « citée »", {}},
                     EvaluationAnswer{13, -1, {}, {7, 9}}, EvaluationAnswer{14, -1, "Numérique", {}}};
    const Json written = net::writeEvaluationResponse(sheet, ev);
    EvaluationResponse read;
    CHECK(net::readEvaluationResponse(Json{{"reponses", written}}, ev, read).empty());
    CHECK(read.answers == sheet.answers);
}
