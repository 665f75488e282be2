#include "net/ballot_json.h"

#include <algorithm>
#include <limits>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier::net {

namespace {

using Json = nlohmann::json;

const char* ballotKey(VoteMethod method) {
    switch (method) {
        case VoteMethod::Dot: return "dots";
        case VoteMethod::Approval: return "approve";
        case VoteMethod::Majority: return "grades";
        case VoteMethod::Borda:
        case VoteMethod::Schulze: return "ranking";
    }
    return "ranking";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? tr(Str::VoteListSeparator) : "") + items[i];
    return out;
}

struct Reader {
    const VoteSetup& setup;
    const char* key;
    std::string error;

    std::string typeError(Str type) { return fmt(Str::ErrVoteFieldType, {key, tr(type)}); }

    std::optional<int> option(const std::string& name) {
        for (size_t o = 0; o < setup.options.size(); ++o)
            if (setup.options[o] == name) return static_cast<int>(o);
        error = fmt(Str::NetUnknownOption, {name, join(setup.options)});
        return std::nullopt;
    }

    bool names(const Json& list, std::vector<int>& out) {
        if (!list.is_array()) return error = typeError(Str::TypeOptionList), false;
        for (const Json& item : list) {
            if (!item.is_string()) return error = typeError(Str::TypeOptionList), false;
            const auto o = option(item.get<std::string>());
            if (!o) return false;
            out.push_back(*o);
        }
        return true;
    }

    bool dots(const Json& map, std::vector<std::pair<int, long long>>& out) {
        if (!map.is_object()) return error = typeError(Str::TypeDotMap), false;
        for (const auto& [name, value] : map.items()) {
            if (!value.is_number_integer()) return error = typeError(Str::TypeDotMap), false;
            const auto o = option(name);
            if (!o) return false;
            long long n = value.is_number_unsigned() && value.get<unsigned long long>() >
                                  static_cast<unsigned long long>(std::numeric_limits<long long>::max())
                              ? std::numeric_limits<long long>::max()
                              : value.get<long long>();
            out.emplace_back(*o, n);
        }
        return true;
    }

    bool grades(const Json& map, std::vector<std::pair<int, int>>& out) {
        if (!map.is_object()) return error = typeError(Str::TypeGradeMap), false;
        const std::vector<std::string> scale = setup.grades.empty() ? defaultGradeScale() : setup.grades;
        for (const auto& [name, value] : map.items()) {
            if (!value.is_string()) return error = typeError(Str::TypeGradeMap), false;
            const auto o = option(name);
            if (!o) return false;
            const std::string grade = value.get<std::string>();
            int g = -1;
            for (size_t i = 0; i < scale.size(); ++i)
                if (scale[i] == grade) g = static_cast<int>(i);
            if (g < 0) return error = fmt(Str::NetUnknownGrade, {grade, name, join(scale)}), false;
            out.emplace_back(*o, g);
        }
        return true;
    }
};

}  // namespace

std::string readBallot(const Json& body, const Vote& vote, Ballot& ballot) {
    const VoteMethod method = vote.setup.method;
    Reader reader{vote.setup, ballotKey(method), {}};
    for (const auto& [key, value] : body.items())
        if (key != "vote" && key != reader.key && !(key == "personne" && vote.setup.perPerson))
            return fmt(Str::ErrVoteUnexpectedKey, {key, enumKey(method)});
    if (!body.contains(reader.key)) return fmt(Str::ErrVoteMissingKey, {reader.key});
    const Json& content = body.at(reader.key);
    ballot = Ballot{};
    bool ok = false;
    switch (method) {
        case VoteMethod::Dot: ok = reader.dots(content, ballot.dots); break;
        case VoteMethod::Approval: ok = reader.names(content, ballot.approvals); break;
        case VoteMethod::Majority: ok = reader.grades(content, ballot.grades); break;
        case VoteMethod::Borda:
        case VoteMethod::Schulze: ok = reader.names(content, ballot.ranking); break;
    }
    return ok ? std::string() : reader.error;
}

Json writeBallot(const Ballot& ballot, const Vote& vote) {
    const VoteSetup& setup = vote.setup;
    const auto name = [&](int o) -> const std::string* {
        return o >= 0 && static_cast<size_t>(o) < setup.options.size() ? &setup.options[static_cast<size_t>(o)]
                                                                       : nullptr;
    };
    Json content;
    switch (setup.method) {
        case VoteMethod::Dot:
            content = Json::object();
            for (const auto& [o, n] : ballot.dots)
                if (const std::string* option = name(o)) content[*option] = n;
            break;
        case VoteMethod::Approval:
            content = Json::array();
            for (int o : ballot.approvals)
                if (const std::string* option = name(o)) content.push_back(*option);
            break;
        case VoteMethod::Majority: {
            content = Json::object();
            const std::vector<std::string> scale = setup.grades.empty() ? defaultGradeScale() : setup.grades;
            for (const auto& [o, g] : ballot.grades)
                if (const std::string* option = name(o); option && g >= 0 && static_cast<size_t>(g) < scale.size())
                    content[*option] = scale[static_cast<size_t>(g)];
            break;
        }
        case VoteMethod::Borda:
        case VoteMethod::Schulze:
            content = Json::array();
            for (int o : ballot.ranking)
                if (const std::string* option = name(o)) content.push_back(*option);
            break;
    }
    return Json{{"vote", vote.id}, {ballotKey(setup.method), content}};
}

// [SECTION] Evaluation responses

std::string readEvaluationResponse(const Json& body, const Evaluation& evaluation, EvaluationResponse& response) {
    const auto answers = body.find("reponses");
    if (answers == body.end()) return fmt(Str::ErrVoteMissingKey, {"reponses"});
    if (!answers->is_array()) return fmt(Str::ErrVoteFieldType, {"reponses", tr(Str::TypeList)});
    const std::vector<std::string> scale = evaluation.scale();
    for (const Json& given : *answers) {
        if (!given.is_object()) return fmt(Str::ErrVoteFieldType, {"reponses", tr(Str::TypeList)});
        const auto question = given.find("question");
        if (question == given.end()) return fmt(Str::ErrVoteMissingKey, {"question"});
        if (!question->is_number_unsigned()) return fmt(Str::ErrVoteFieldType, {"question", tr(Str::TypeInteger)});
        const EvaluationQuestion* q = evaluation.question(question->get<Id>());
        if (!q) return tr(Str::ErrUnknownEvalQuestion);
        EvaluationAnswer answer;
        answer.question = q->id;
        if (const auto grade = given.find("mention"); grade != given.end() && !grade->is_null()) {
            if (!grade->is_string()) return fmt(Str::ErrVoteFieldType, {"mention", tr(Str::TypeText)});
            const auto at = std::find(scale.begin(), scale.end(), grade->get<std::string>());
            if (at == scale.end()) return fmt(Str::NetUnknownGrade, {grade->get<std::string>(), q->text, join(scale)});
            answer.grade = static_cast<int>(at - scale.begin());
        }
        if (const auto text = given.find("texte"); text != given.end() && !text->is_null()) {
            if (!text->is_string()) return fmt(Str::ErrVoteFieldType, {"texte", tr(Str::TypeText)});
            answer.text = std::string(trim(text->get<std::string>()));
        }
        if (const auto chosen = given.find("pratiques"); chosen != given.end() && !chosen->is_null()) {
            if (!chosen->is_array()) return fmt(Str::ErrVoteFieldType, {"pratiques", tr(Str::TypeList)});
            for (const Json& id : *chosen) {
                if (!id.is_number_unsigned()) return fmt(Str::ErrVoteFieldType, {"pratiques", tr(Str::TypeList)});
                answer.practices.push_back(id.get<Id>());
            }
        }
        if (answer.grade < 0 && answer.text.empty() && answer.practices.empty()) continue;  // left blank
        response.answers.push_back(std::move(answer));
    }
    return {};
}

Json writeEvaluationResponse(const EvaluationResponse& response, const Evaluation& evaluation) {
    const std::vector<std::string> scale = evaluation.scale();
    Json out = Json::array();
    for (const EvaluationAnswer& a : response.answers) {
        Json answer = {{"question", a.question}};
        if (a.grade >= 0 && static_cast<size_t>(a.grade) < scale.size())
            answer["mention"] = scale[static_cast<size_t>(a.grade)];
        else if (!a.practices.empty())
            answer["pratiques"] = a.practices;
        else
            answer["texte"] = a.text;
        out.push_back(std::move(answer));
    }
    return out;
}

}  // namespace atelier::net
