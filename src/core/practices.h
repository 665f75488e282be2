// The library of practices and the evaluation of the day, read from the model: where a practice comes from and
// whether it shows (derived, never stored), the Cités interested (recorded plus what the evaluations say), and the
// results of an étape's evaluation (majority-judgment profiles, sentences, practices wanted, themes).
//
// How an idea becomes a practice: flagging it « pratique à essaimer » makes a Practice whose id is the idea's id
// and whose title is a copy of its text (kept in step with the idea until the facilitator writes their own title).
// Merging keeps it: the absorbed idea's practice keeps its id and points to the survivor (whose `merged` list holds
// the absorbed idea, with its flag). Unflagging hides it; the record is dropped only while it holds nothing of its
// own (no follow-up, interest, description, theme, own title, nor an evaluation answer naming it), so that undo
// gives back exactly the model before and follow-ups are never lost. An action-phare is a practice the same way.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace atelier {

// [SECTION] Practices

/// The record a practice starts as, made from an idea (or an absorbed idea: `id` and `text`) of board `b`.
Practice practiceFromIdea(const Etape& e, const Board& b, Id id, const std::string& text);
/// The record a practice starts as, made from an action-phare of `e`.
Practice practiceFromActionPhare(const Etape& e, const ActionPhare& a);

/// Where a practice's source is now; every pointer null when it is gone (removed idea, board, étape).
struct PracticeSourceNow {
    const Etape* etape = nullptr;
    const Board* board = nullptr;
    const Idea* idea = nullptr;          // the idea itself, or the survivor that absorbed it
    const MergedIdea* absorbed = nullptr;  // set when the idea was merged into `idea`
    const ActionPhare* actionPhare = nullptr;
    bool found() const { return idea || actionPhare; }
};
PracticeSourceNow locatePractice(const Model& m, const Practice& p);

/// True when the record holds something of its own: it outlives its source.
bool holdsOwnData(const Model& m, const Practice& p);

/// True when the practice shows in the library: its idea (or the absorbed idea) is flagged, its action-phare
/// exists, or — its source gone — it holds something of its own.
bool practiceListed(const Model& m, const Practice& p);

/// The practices of the library, in the model's order.
std::vector<const Practice*> libraryPractices(const Model& m);
/// The library's practices shown at étape `etape` (« les pratiques du jour »).
std::vector<const Practice*> practicesOfEtape(const Model& m, Id etape);

/// The Cités interested in `p`: those recorded, then the Cités of the evaluation responses that want to try it,
/// each once, in that order.
std::vector<Id> interestedCites(const Model& m, const Practice& p);

/// The practice's description, or its action-phare's when it has none of its own.
std::string practiceDescription(const Model& m, const Practice& p);

// [SECTION] Evaluation

/// The results of one question.
struct QuestionResult {
    EvaluationQuestion question;
    long long respondents = 0;                          // people who answered this question (counts included)
    std::vector<long long> profile;                     // Grade: [grade] = respondents, worst first
    int median = -1;                                    // Grade: the lower median grade, -1 without any answer
    std::vector<std::pair<std::string, long long>> texts;  // Sentence, Themes: (text, respondents), in order
    std::vector<std::pair<Id, long long>> practices;    // Practices: (practice, respondents), most wanted first
    bool operator==(const QuestionResult&) const = default;
};

/// The results of an étape's evaluation.
struct EvaluationResults {
    std::vector<std::string> grades;  // the scale, worst first
    long long respondents = 0;        // people who answered: those of the most answered question (entries are per
                                      // question when counts are typed in, so entries are never summed)
    std::vector<QuestionResult> questions;
    bool operator==(const EvaluationResults&) const = default;
};

EvaluationResults evaluationResults(const Evaluation& evaluation);

/// Respondents (counts included) who answered question `question`: such a question keeps its kind and stays.
long long respondentsTo(const Evaluation& evaluation, Id question);

}  // namespace atelier
