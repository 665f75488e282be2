// [SECTION] Practices
// [SECTION] Evaluation

#include "core/practices.h"

#include <algorithm>

namespace atelier {

// [SECTION] Practices

Practice practiceFromIdea(const Etape& e, const Board& b, Id id, const std::string& text) {
    Practice p;
    p.id = id;
    p.source = PracticeSource::Board;
    p.etape = e.id;
    p.etapeNumber = e.header.number;
    p.board = b.id;
    p.boardTitle = b.title;
    p.cite = e.header.host;
    p.title = text;
    return p;
}

Practice practiceFromActionPhare(const Etape& e, const ActionPhare& a) {
    Practice p;
    p.id = a.id;
    p.source = PracticeSource::ActionPhare;
    p.etape = e.id;
    p.etapeNumber = e.header.number;
    p.cite = e.header.host;
    p.title = a.title;
    return p;
}

PracticeSourceNow locatePractice(const Model& m, const Practice& p) {
    PracticeSourceNow where;
    const Etape* e = m.etape(p.etape);
    if (!e) return where;
    if (p.source == PracticeSource::ActionPhare) {
        if (const int i = indexOf(e->actionsPhares, p.id); i >= 0) {
            where.etape = e;
            where.actionPhare = &e->actionsPhares[static_cast<size_t>(i)];
        }
        return where;
    }
    const Board* b = e->board(p.board);
    if (!b) return where;
    if (const Idea* idea = b->idea(p.id)) {
        where = {e, b, idea, nullptr, nullptr};
        return where;
    }
    for (const Idea& idea : b->ideas)
        for (const MergedIdea& part : idea.merged)
            if (part.id == p.id) return {e, b, &idea, &part, nullptr};
    return where;
}

bool holdsOwnData(const Model& m, const Practice& p) {
    if (p.ownTitle || !p.description.empty() || !p.themes.empty() || !p.interested.empty() || !p.followUps.empty())
        return true;
    if (const Etape* e = m.etape(p.etape))
        for (const EvaluationResponse& r : e->evaluation.responses)
            for (const EvaluationAnswer& a : r.answers)
                if (std::find(a.practices.begin(), a.practices.end(), p.id) != a.practices.end()) return true;
    return false;
}

bool practiceListed(const Model& m, const Practice& p) {
    const PracticeSourceNow where = locatePractice(m, p);
    if (where.actionPhare) return true;
    if (where.absorbed) return where.absorbed->practice;
    if (where.idea) return where.idea->practice;
    return holdsOwnData(m, p);
}

std::vector<const Practice*> libraryPractices(const Model& m) {
    std::vector<const Practice*> out;
    for (const Practice& p : m.practices)
        if (practiceListed(m, p)) out.push_back(&p);
    return out;
}

std::vector<const Practice*> practicesOfEtape(const Model& m, Id etape) {
    std::vector<const Practice*> out;
    for (const Practice& p : m.practices)
        if (p.etape == etape && practiceListed(m, p)) out.push_back(&p);
    return out;
}

std::vector<Id> interestedCites(const Model& m, const Practice& p) {
    std::vector<Id> out = p.interested;
    if (const Etape* e = m.etape(p.etape))
        for (const EvaluationResponse& r : e->evaluation.responses) {
            if (!r.territory) continue;
            for (const EvaluationAnswer& a : r.answers)
                if (std::find(a.practices.begin(), a.practices.end(), p.id) != a.practices.end() &&
                    std::find(out.begin(), out.end(), *r.territory) == out.end())
                    out.push_back(*r.territory);
        }
    return out;
}

std::string practiceDescription(const Model& m, const Practice& p) {
    if (!p.description.empty()) return p.description;
    if (const ActionPhare* a = locatePractice(m, p).actionPhare) return a->description;
    return {};
}

// [SECTION] Evaluation

EvaluationResults evaluationResults(const Evaluation& evaluation) {
    EvaluationResults out;
    out.grades = evaluation.scale();
    for (const EvaluationQuestion& q : evaluation.questions) {
        QuestionResult result;
        result.question = q;
        if (q.kind == QuestionKind::Grade) result.profile.assign(out.grades.size(), 0);
        for (const EvaluationResponse& r : evaluation.responses)
            for (const EvaluationAnswer& a : r.answers) {
                if (a.question != q.id) continue;
                result.respondents += r.count;
                switch (q.kind) {
                case QuestionKind::Grade:
                    if (a.grade >= 0 && a.grade < static_cast<int>(result.profile.size()))
                        result.profile[static_cast<size_t>(a.grade)] += r.count;
                    break;
                case QuestionKind::Sentence:
                case QuestionKind::Themes:
                    if (!a.text.empty()) result.texts.emplace_back(a.text, r.count);
                    break;
                case QuestionKind::Practices:
                    for (Id p : a.practices) {
                        auto it = std::find_if(result.practices.begin(), result.practices.end(),
                                               [&](const auto& x) { return x.first == p; });
                        if (it == result.practices.end()) result.practices.emplace_back(p, r.count);
                        else it->second += r.count;
                    }
                    break;
                }
            }
        if (q.kind == QuestionKind::Grade) {
            long long total = 0;
            for (long long n : result.profile) total += n;
            if (total > 0) {  // the lower median: the grade at sorted index (N-1)/2, worst first
                const long long at = (total - 1) / 2;
                long long seen = 0;
                for (size_t g = 0; g < result.profile.size(); ++g) {
                    seen += result.profile[g];
                    if (seen > at) {
                        result.median = static_cast<int>(g);
                        break;
                    }
                }
            }
        }
        std::stable_sort(result.practices.begin(), result.practices.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        // Grades are entered as counts per question, so one person's answers may be spread over several entries:
        // the people who answered are those of the most answered question, never the sum of the entries.
        out.respondents = std::max(out.respondents, result.respondents);
        out.questions.push_back(std::move(result));
    }
    return out;
}

long long respondentsTo(const Evaluation& ev, Id question) {
    long long n = 0;
    for (const EvaluationResponse& r : ev.responses)
        for (const EvaluationAnswer& a : r.answers)
            if (a.question == question) n += r.count;
    return n;
}

}  // namespace atelier
