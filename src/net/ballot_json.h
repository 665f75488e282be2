// A phone's ballot as JSON, read into a core Ballot. The keys are those of `atelier depouiller` (whose parser
// lives in src/cli and names ballots by number in its messages): "ranking" (borda, schulze: [best, …]),
// "grades" ({proposal: grade}, majority), "approve" ([proposals]), "dots" ({proposal: n}). A phone casts one
// ballot: no "count".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/model.h"

namespace atelier::net {

/// Reads the ballot of `vote`'s method from `body` (an object that also holds "vote", and "personne" in a vote « un
/// bulletin par personne présente ») into `ballot` (count 1).
/// Returns the French reason when the body is not a ballot of that vote; empty when read. The rules of the
/// method (budget, duplicates…) are checked afterwards by core (checkBallot, Session::apply).
std::string readBallot(const nlohmann::json& body, const Vote& vote, Ballot& ballot);

/// The ballot as a phone sends it: {"vote": id, "<key of the method>": …}, names of proposals and grades
/// (readBallot reads it back to the same ballot). Options or grades out of range are left out.
nlohmann::json writeBallot(const Ballot& ballot, const Vote& vote);

/// A phone's answer response to the evaluation of the day: {"reponses": [{"question": id, "mention": grade name |
/// "texte": text | "pratiques": [practice id]}]} read into `response` (count 1, no Cité). Answers left blank (no
/// mention, blank text, no practice) are left out; the kinds and the practices are checked afterwards by core.
/// Returns the French reason when the body cannot be read; empty when read.
std::string readEvaluationResponse(const nlohmann::json& body, const Evaluation& evaluation, EvaluationResponse& response);

/// The response as a phone sent it: the "reponses" list that readEvaluationResponse reads back to the same answers.
nlohmann::json writeEvaluationResponse(const EvaluationResponse& response, const Evaluation& evaluation);

}  // namespace atelier::net
