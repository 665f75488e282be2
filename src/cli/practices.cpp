// Essaimage from the command line:
//   atelier pratiques [--json]                         the library of practices
//   atelier pratique suivi ID --cite NOM --statut essayee|adoptee|abandonnee [--date AAAA-MM-JJ] [--note TEXTE]
//   atelier action-phare ajouter --etape N --titre T [--description D] [--partenaires P] [--contact C] [--photo F]…
//   atelier evaluation --etape N [--json]              the results of the evaluation of the day
//   atelier evaluation saisir --etape N --question K (--note NIVEAU [--nombre X] | --texte T | --pratiques ID,ID)
//                              [--cite NOM]            answers entered by hand (the default questionnaire first)
//
// [SECTION] Helpers
// [SECTION] pratiques, pratique suivi
// [SECTION] action-phare
// [SECTION] evaluation

#include <algorithm>
#include <ctime>
#include <iostream>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/date.h"
#include "core/enums.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "store/errors.h"
#include "store/photos.h"

namespace atelier::cli {

namespace {

// [SECTION] Helpers

using Json = nlohmann::ordered_json;

std::string territoryName(const Model& m, Id id) {
    const Territory* t = m.territory(id);
    return t ? t->name : "?";
}

/// The Cité named by `--cite` (accent- and case-insensitive); CommandError when unknown.
Id citeOption(const Model& m, const std::string& name) {
    const Territory* t = m.territoryByName(name);
    if (!t) throw CommandError{fmt(Str::CliUnknownCite, {name})};
    return t->id;
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void applyOrThrow(Session& session, Action action) {
    if (Status s = session.apply(std::move(action)); !s) throw CommandError{s.message};
}

// [SECTION] pratiques, pratique suivi

Json practiceJson(const Model& m, const Practice& p) {
    Json o;
    o["id"] = p.id;
    o["titre"] = p.title;
    o["description"] = practiceDescription(m, p);
    o["cite_origine"] = p.cite ? Json(territoryName(m, *p.cite)) : Json(nullptr);
    o["etape"] = p.etapeNumber;
    o["source"] = std::string(enumKey(p.source));
    o["themes"] = p.themes;
    Json interested = Json::array();
    for (Id t : interestedCites(m, p)) interested.push_back(territoryName(m, t));
    o["interesses"] = interested;
    Json followUps = Json::array();
    for (const FollowUp& f : p.followUps)
        followUps.push_back(Json{{"cite", territoryName(m, f.territory)},
                                 {"statut", std::string(enumKey(f.status))},
                                 {"date", toIso(f.date)},
                                 {"note", f.note}});
    o["suivi"] = followUps;
    return o;
}

std::string practiceText(const Model& m, const Practice& p) {
    // Where it comes from: its board (« Comment associer les familles ? ») or « Action-phare ».
    const std::string origin = p.source == PracticeSource::Board && !p.boardTitle.empty()
                                   ? "«\u00a0" + p.boardTitle + "\u00a0»"
                                   : std::string(enumLabel(p.source));
    std::string out = fmt(Str::CliPratiqueLine, {std::to_string(p.id), p.title, origin,
                                                 std::to_string(p.etapeNumber),
                                                 p.cite ? territoryName(m, *p.cite) : tr(Str::HostToConfirm)});
    if (const std::string d = practiceDescription(m, p); !d.empty()) out += "\n    " + d;
    if (!p.themes.empty()) {
        std::string themes;
        for (const std::string& t : p.themes) themes += (themes.empty() ? "" : ", ") + t;
        out += "\n    " + fmt(Str::CliPratiqueThemes, {themes});
    }
    if (const auto cites = interestedCites(m, p); !cites.empty()) {
        std::string names;
        for (Id t : cites) names += (names.empty() ? "" : ", ") + territoryName(m, t);
        out += "\n    " + fmt(Str::CliPratiqueInterested, {names});
    }
    for (const FollowUp& f : p.followUps) {
        out += "\n    " + fmt(Str::CliPratiqueFollowUp, {enumLabel(f.status), territoryName(m, f.territory),
                                                          formatShortFr(f.date)});
        if (!f.note.empty()) out += " — " + f.note;
    }
    return out;
}

}  // namespace

int cmdPratiques(Context& context, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    const Model& m = context.workspace().session().model();
    const auto practices = libraryPractices(m);
    if (json) {
        Json out = Json::array();
        for (const Practice* p : practices) out.push_back(practiceJson(m, *p));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (practices.empty()) {
        std::cout << tr(Str::CliPratiquesNone) << "\n";
        return 0;
    }
    for (const Practice* p : practices) std::cout << practiceText(m, *p) << "\n";
    return 0;
}

namespace {
constexpr EnumWord kStatusWords[] = {{"essayee", "essayee"},   {"essayée", "essayee"},  {"adoptee", "adoptee"},
                                     {"adoptée", "adoptee"},   {"abandonnee", "abandonnee"},
                                     {"abandonnée", "abandonnee"}};
}  // namespace

int cmdPratique(Context& context, Args& args) {
    const auto word = args.positional();
    if (!word || *word != "suivi") throw UsageError{tr(Str::CliPratiqueNeedsSuivi)};
    const auto cite = args.option("--cite");
    const auto status = args.option("--statut");
    const auto date = args.option("--date");
    const auto note = args.option("--note");
    const auto id = args.positional();  // after the options: their values are not taken for it
    args.finish();
    if (!id) throw UsageError{tr(Str::CliPratiqueNeedsId)};
    if (!cite) throw UsageError{tr(Str::CliPratiqueNeedsCite)};
    if (!status) throw UsageError{tr(Str::CliPratiqueNeedsStatut)};
    const auto parsedStatus = enumFromWord<FollowUpStatus>(*status, kStatusWords);
    if (!parsedStatus) throw UsageError{fmt(Str::CliBadStatut, {*status})};
    Date when = today();
    if (date) {
        const auto parsed = parseIso(*date);
        if (!parsed) {
            // The shape is right but the day is not real, or out of the range the data keeps: say which.
            const bool shaped = date->size() == 10 && (*date)[4] == '-' && (*date)[7] == '-' &&
                                std::all_of(date->begin(), date->end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
            if (shaped) throw UsageError{fmt(Str::ErrDateOutOfRange, {*date, toIso(kFirstDate), toIso(kLastDate)})};
            throw UsageError{fmt(Str::CliBadDateOption, {*date})};
        }
        when = *parsed;
    }
    std::uint64_t practiceId = 0;
    try {
        size_t used = 0;
        practiceId = std::stoull(*id, &used);
        if (used != id->size()) throw std::invalid_argument("id");
    } catch (const std::exception&) {
        throw UsageError{fmt(Str::CliBadPracticeId, {*id})};
    }
    Session& session = context.workspace().session();
    const Model& m = session.model();
    const Practice* p = m.practice(practiceId);
    if (!p || !practiceListed(m, *p)) throw CommandError{fmt(Str::CliNoPractice, {*id})};
    const Id territory = citeOption(m, *cite);
    applyOrThrow(session, AddFollowUp{p->id, FollowUp{territory, *parsedStatus, when, note.value_or("")}});
    std::cout << fmt(Str::CliPratiqueSuiviDone, {session.model().practice(practiceId)->title,
                                                 enumLabel(*parsedStatus), territoryName(m, territory),
                                                 formatShortFr(when)})
              << "\n";
    return 0;
}

// [SECTION] action-phare

int cmdActionPhare(Context& context, Args& args) {
    const auto word = args.positional();
    if (!word || *word != "ajouter") throw UsageError{tr(Str::CliActionPhareNeedsAjouter)};
    const Etape& etape = etapeOption(context, args);
    const auto title = args.option("--titre");
    ActionPhare a;
    a.description = args.option("--description").value_or("");
    a.partners = args.option("--partenaires").value_or("");
    a.contact = args.option("--contact").value_or("");
    std::vector<std::string> photos;
    photos = args.options("--photo");
    args.finish();
    if (!title) throw UsageError{tr(Str::CliActionPhareNeedsTitre)};
    a.title = *title;
    // The photos are checked and copied first: a wrong file changes nothing in the model.
    for (const std::string& photo : photos) a.photos.push_back(store::importPhoto(context.dataDir(), photo));
    Session& session = context.workspace().session();
    applyOrThrow(session, AddActionPhare{etape.id, a});
    const Etape& after = *session.model().etape(etape.id);
    std::cout << fmt(Str::CliActionPhareDone, {after.actionsPhares.back().title, std::to_string(after.header.number),
                                               std::to_string(after.actionsPhares.back().id)})
              << "\n";
    return 0;
}

// [SECTION] evaluation

namespace {

Json resultsJson(const Model& m, const Etape& e) {
    const EvaluationResults r = evaluationResults(e.evaluation);
    Json out;
    out["etape"] = e.header.number;
    out["reponses"] = r.respondents;  // people, not entries
    out["repondants"] = r.respondents;
    out["echelle"] = r.grades;
    Json questions = Json::array();
    for (const QuestionResult& q : r.questions) {
        Json o;
        o["question"] = q.question.text;
        o["type"] = std::string(enumKey(q.question.kind));
        o["repondants"] = q.respondents;
        switch (q.question.kind) {
        case QuestionKind::Grade: {
            Json profile = Json::array();
            for (size_t g = 0; g < q.profile.size(); ++g)
                profile.push_back(Json{{"note", r.grades[g]}, {"nombre", q.profile[g]}});
            o["profil"] = profile;
            o["mention"] = q.median >= 0 ? Json(r.grades[static_cast<size_t>(q.median)]) : Json(nullptr);
            break;
        }
        case QuestionKind::Sentence:
        case QuestionKind::Themes: {
            Json texts = Json::array();
            for (const auto& [text, n] : q.texts) texts.push_back(Json{{"texte", text}, {"nombre", n}});
            o["reponses"] = texts;
            break;
        }
        case QuestionKind::Practices: {
            Json wanted = Json::array();
            for (const auto& [id, n] : q.practices) {
                const Practice* p = m.practice(id);
                wanted.push_back(Json{{"id", id}, {"titre", p ? p->title : "?"}, {"nombre", n}});
            }
            o["pratiques"] = wanted;
            break;
        }
        }
        questions.push_back(std::move(o));
    }
    out["questions"] = questions;
    return out;
}

std::string resultsText(const Model& m, const Etape& e) {
    const EvaluationResults r = evaluationResults(e.evaluation);
    std::string out = fmt(Str::CliEvaluationHeading, {std::to_string(e.header.number), std::to_string(r.respondents)}) + "\n";
    int number = 0;
    for (const QuestionResult& q : r.questions) {
        out += std::to_string(++number) + ". " + q.question.text + " (" + enumLabel(q.question.kind) + ", " +
               fmt(Str::CliEvaluationRespondents, {std::to_string(q.respondents)}) + ")\n";
        switch (q.question.kind) {
        case QuestionKind::Grade:
            if (q.median >= 0)
                out += "   " + fmt(Str::CliEvaluationMedian, {r.grades[static_cast<size_t>(q.median)]}) + "\n";
            for (size_t g = q.profile.size(); g-- > 0;)
                out += "   " + r.grades[g] + " : " + std::to_string(q.profile[g]) + "\n";
            break;
        case QuestionKind::Sentence:
        case QuestionKind::Themes:
            for (const auto& [text, n] : q.texts) out += "   «\u00a0" + text + "\u00a0»" + (n > 1 ? " ×" + std::to_string(n) : "") + "\n";
            break;
        case QuestionKind::Practices:
            for (const auto& [id, n] : q.practices) {
                const Practice* p = m.practice(id);
                out += "   " + (p ? p->title : "?") + " : " + std::to_string(n) + "\n";
            }
            break;
        }
    }
    return out;
}

/// The ids in "12,15" (the practices of the day a respondent wants to try).
std::vector<Id> idList(const std::string& text) {
    std::vector<Id> ids;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        const std::string part(trim(std::string_view(text).substr(start, end - start)));
        try {
            size_t used = 0;
            ids.push_back(std::stoull(part, &used));
            if (used != part.size() || part.front() == '-' || part.front() == '+') throw std::invalid_argument("id");
        } catch (const std::exception&) {
            throw UsageError{fmt(Str::CliBadPracticeId, {part})};
        }
        if (std::count(ids.begin(), ids.end(), ids.back()) > 1)
            throw UsageError{fmt(Str::CliDuplicatePracticeId, {part})};
        start = end + 1;
    }
    return ids;
}

int enterAnswers(Context& context, Args& args) {
    context.setAccess(store::Access::Write, fmt(Str::LockHolderCommand, {"evaluation"}));
    const Etape& etape = etapeOption(context, args);
    const auto question = args.option("--question");
    const auto grade = args.option("--note");
    const auto count = args.option("--nombre");
    const auto text = args.option("--texte");
    const auto practices = args.option("--pratiques");
    const auto cite = args.option("--cite");
    args.finish();
    if (!question) throw UsageError{tr(Str::CliEvaluationNeedsQuestion)};
    if (int(grade.has_value()) + int(text.has_value()) + int(practices.has_value()) != 1)
        throw UsageError{tr(Str::CliEvaluationNeedsAnswer)};
    Session& session = context.workspace().session();
    std::vector<Action> actions;
    Evaluation evaluation = etape.evaluation;
    if (evaluation.questions.empty()) {  // the default questionnaire of the Tour, set up in the same step
        SetEvaluation setup{etape.id, defaultEvaluation().questions, {}};
        Model probe = session.model();
        Action resolved = setup;
        if (ApplyResult r = applyAction(probe, resolved); !r) throw CommandError{r.error};
        evaluation = probe.etape(etape.id)->evaluation;
        actions.push_back(resolved);
    }
    const int n = parseIntOption("--question", *question, 1, static_cast<int>(evaluation.questions.size()));
    const EvaluationQuestion& q = evaluation.questions[static_cast<size_t>(n - 1)];
    EvaluationResponse response;
    response.count = count ? parseIntOption("--nombre", *count, 1, 1'000'000) : 1;
    if (cite) response.territory = citeOption(session.model(), *cite);
    EvaluationAnswer answer;
    answer.question = q.id;
    if (grade) {
        const auto scale = evaluation.scale();
        const std::string key = foldForSearch(trim(*grade));
        for (size_t g = 0; g < scale.size(); ++g)
            if (foldForSearch(scale[g]) == key) answer.grade = static_cast<int>(g);
        if (answer.grade < 0) {
            std::string names;
            for (const std::string& s : scale) names += (names.empty() ? "" : ", ") + s;
            throw UsageError{fmt(Str::CliEvaluationBadGrade, {*grade, names})};
        }
    }
    if (text) answer.text = *text;
    if (practices) answer.practices = idList(*practices);
    response.answers.push_back(std::move(answer));
    actions.push_back(AddEvaluationResponse{etape.id, response});
    const std::string label = describe(actions.back(), session.model());
    if (Status s = session.applyAll(std::move(actions), label); !s) throw CommandError{s.message};
    std::cout << fmt(Str::CliEvaluationEntered, {std::to_string(response.count), q.text}) << "\n";
    return 0;
}

}  // namespace

int cmdEvaluation(Context& context, Args& args) {
    Args peek = args;
    if (const auto word = peek.positional(); word && *word == "saisir") {
        args.positional();
        return enterAnswers(context, args);
    }
    const Etape& etape = etapeOption(context, args);
    const bool json = args.flag("--json");
    args.finish();
    const Model& m = context.workspace().session().model();
    if (json) {
        std::cout << resultsJson(m, etape).dump(2) << "\n";
        return 0;
    }
    if (etape.evaluation.questions.empty()) {
        std::cout << fmt(Str::ErrNoEvaluation, {std::to_string(etape.header.number)}) << "\n";
        return 0;
    }
    std::cout << resultsText(m, etape);
    return 0;
}

}  // namespace atelier::cli
