// atelier depouiller FILE.json [--json] (alias: tally) — counts a vote described in a JSON file; never opens the
// database.
//
// Input: {"method": "dot"|"approval"|"majority"|"borda"|"schulze", "options": [names],
//         "grades": [worst, …, best] (majority, optional), "dots_per_voter": k and "max_dots_per_option": c
//         (dot; the cap is optional), "ballots": [...]}; a ballot is {"count": n, KEY: …} with KEY "ranking"
//         (borda, schulze: [best, …]), "grades" ({option: grade}), "approve" ([options]) or "dots"
//         ({option: k}); count defaults to 1. A show of hands is a ballot with its count.
//
// [SECTION] Reading the file
// [SECTION] Election from JSON
// [SECTION] Output
// [SECTION] Command

#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/enums.h"
#include "core/strings.h"
#include "core/tally.h"
#include "core/text.h"
#include "store/files.h"

namespace atelier::cli {

namespace {

using Json = nlohmann::ordered_json;

/// Bad input: a French message for stderr, exit code 1.
struct InputError {
    std::string message;
};

/// A method of the file: its keyword there is the method's storage key (core/enums.h), its name its label.
struct MethodInfo {
    VoteMethod method;
    const char* ballotKey;  // the one field of a ballot besides "count"
    std::string_view keyword() const { return enumKey(method); }
};

constexpr MethodInfo kMethods[] = {
    {VoteMethod::Dot, "dots"},
    {VoteMethod::Approval, "approve"},
    {VoteMethod::Majority, "grades"},
    {VoteMethod::Borda, "ranking"},
    {VoteMethod::Schulze, "ranking"},
};

std::string join(const std::vector<std::string>& items, const char* separator = tr(Str::VoteListSeparator)) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
    return out;
}

// [SECTION] Reading the file

/// The JSON of a vote file, parsed; `path` names it in messages.
Json parseJson(std::string_view text, const std::string& path) {
    if (jsonDepth(text) > kMaxJsonDepth)  // nothing deeper is a vote file: refused before any parser recurses
        throw InputError{fmt(Str::ErrVoteTooDeep, {path, std::to_string(kMaxJsonDepth)})};
    size_t byte = 0;  // 1-based, where the parser stopped
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        byte = e.byte;
    } catch (const Json::exception& e) {  // a number no type holds (1e999): out_of_range, found by fuzzing
        byte = quotedLiteralOffset(text, e.what());
    }
    // Line and column (in bytes) of the byte where the parser stopped.
    size_t line = 1, column = 1;
    const size_t end = std::min<size_t>(byte > 0 ? byte - 1 : 0, text.size());
    for (size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    throw InputError{fmt(Str::ErrVoteBadJson, {path, std::to_string(line), std::to_string(column)})};
}

// [SECTION] Election from JSON

/// A JSON integer as long long (saturated), or nullopt when it is not an integer.
std::optional<long long> integer(const Json& value) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<unsigned long long>();
        return v > static_cast<unsigned long long>(std::numeric_limits<long long>::max())
                   ? std::numeric_limits<long long>::max()
                   : static_cast<long long>(v);
    }
    if (value.is_number_integer()) return value.get<long long>();
    return std::nullopt;
}

std::vector<std::string> textList(const Json& root, const char* key) {
    const Json& value = root.at(key);
    std::vector<std::string> out;
    if (value.is_array())
        for (const Json& item : value) {
            if (!item.is_string()) break;
            out.push_back(item.get<std::string>());
        }
    if (!value.is_array() || out.size() != value.size())
        throw InputError{fmt(Str::ErrVoteFieldType, {key, tr(Str::TypeTextList)})};
    return out;
}

class ElectionReader {
public:
    ElectionReader(Election& e, const MethodInfo& method) : e_(e), method_(method) {
        for (size_t o = 0; o < e.options.size(); ++o) index_.emplace(e.options[o], static_cast<int>(o));
        const auto& grades = e.grades.empty() ? defaults_ : e.grades;
        for (size_t g = 0; g < grades.size(); ++g) gradeIndex_.emplace(grades[g], static_cast<int>(g));
        scale_ = join(grades);
    }

    /// Reads ballot `b` (0-based) into the election.
    void ballot(const Json& value, size_t b) {
        number_ = std::to_string(b + 1);
        if (!value.is_object()) throw InputError{fmt(Str::ErrVoteBallotNotObject, {number_, method_.ballotKey})};
        Ballot ballot;
        for (const auto& [key, field] : value.items()) {
            if (key == "count") {
                const auto count = integer(field);
                if (!count) throw typeError("count", Str::TypeInteger);
                ballot.count = *count;
            } else if (key != method_.ballotKey) {
                throw InputError{fmt(Str::ErrVoteBallotUnexpectedKey,
                                     {number_, key, method_.keyword(), method_.ballotKey})};
            }
        }
        if (!value.contains(method_.ballotKey))
            throw InputError{fmt(Str::ErrVoteBallotMissingKey, {number_, method_.ballotKey})};
        const Json& content = value.at(method_.ballotKey);
        switch (method_.method) {
            case VoteMethod::Dot: ballot.dots = dots(content); break;
            case VoteMethod::Approval: ballot.approvals = names(content); break;
            case VoteMethod::Majority: ballot.grades = grades(content); break;
            case VoteMethod::Borda:
            case VoteMethod::Schulze: ballot.ranking = names(content); break;
        }
        e_.ballots.push_back(std::move(ballot));
    }

private:
    InputError typeError(const char* key, Str type) const {
        return InputError{fmt(Str::ErrVoteBallotType, {number_, key, tr(type)})};
    }

    int option(const std::string& name) const {
        const auto it = index_.find(name);
        if (it == index_.end()) throw InputError{fmt(Str::ErrVoteUnknownOption, {number_, name, join(e_.options)})};
        return it->second;
    }

    std::vector<int> names(const Json& list) const {
        if (!list.is_array()) throw typeError(method_.ballotKey, Str::TypeOptionList);
        std::vector<int> out;
        for (const Json& item : list) {
            if (!item.is_string()) throw typeError(method_.ballotKey, Str::TypeOptionList);
            out.push_back(option(item.get<std::string>()));
        }
        return out;
    }

    std::vector<std::pair<int, long long>> dots(const Json& map) const {
        if (!map.is_object()) throw typeError("dots", Str::TypeDotMap);
        std::vector<std::pair<int, long long>> out;
        for (const auto& [name, value] : map.items()) {
            const auto n = integer(value);
            if (!n) throw typeError("dots", Str::TypeDotMap);
            out.emplace_back(option(name), *n);
        }
        return out;
    }

    std::vector<std::pair<int, int>> grades(const Json& map) const {
        if (!map.is_object()) throw typeError("grades", Str::TypeGradeMap);
        std::vector<std::pair<int, int>> out;
        for (const auto& [name, value] : map.items()) {
            const int o = option(name);
            if (!value.is_string()) throw typeError("grades", Str::TypeGradeMap);
            const auto it = gradeIndex_.find(value.get<std::string>());
            if (it == gradeIndex_.end())
                throw InputError{fmt(Str::ErrVoteUnknownGrade, {number_, value.get<std::string>(), name, scale_})};
            out.emplace_back(o, it->second);
        }
        return out;
    }

    Election& e_;
    const MethodInfo& method_;
    const std::vector<std::string> defaults_ = defaultGradeScale();
    std::map<std::string, int> index_;
    std::map<std::string, int> gradeIndex_;
    std::string scale_;
    std::string number_;
};

/// The election of the file; InputError on anything wrong (the tally's own checks included).
Election readElection(const Json& root, const MethodInfo*& method) {
    if (!root.is_object()) throw InputError{tr(Str::ErrVoteNotObject)};
    if (!root.contains("method")) throw InputError{fmt(Str::ErrVoteMissingKey, {"method"})};
    const Json& keyword = root.at("method");
    if (!keyword.is_string()) throw InputError{fmt(Str::ErrVoteFieldType, {"method", tr(Str::TypeText)})};
    method = nullptr;
    if (const auto parsed = enumFromKey<VoteMethod>(keyword.get<std::string>()))
        for (const MethodInfo& m : kMethods)
            if (m.method == *parsed) method = &m;
    if (!method) throw InputError{fmt(Str::ErrVoteUnknownMethod, {keyword.get<std::string>()})};

    for (const auto& [key, value] : root.items()) {
        const bool known = key == "method" || key == "options" || key == "ballots" ||
                           (key == "grades" && method->method == VoteMethod::Majority) ||
                           ((key == "dots_per_voter" || key == "max_dots_per_option") &&
                            method->method == VoteMethod::Dot);
        if (!known) throw InputError{fmt(Str::ErrVoteUnexpectedKey, {key, method->keyword()})};
    }
    for (const char* key : {"options", "ballots"})
        if (!root.contains(key)) throw InputError{fmt(Str::ErrVoteMissingKey, {key})};
    if (method->method == VoteMethod::Dot && !root.contains("dots_per_voter"))
        throw InputError{fmt(Str::ErrVoteMissingKey, {"dots_per_voter"})};

    Election e;
    e.method = method->method;
    e.options = textList(root, "options");
    if (root.contains("grades")) e.grades = textList(root, "grades");
    for (const char* key : {"dots_per_voter", "max_dots_per_option"}) {
        if (!root.contains(key)) continue;
        const auto n = integer(root.at(key));
        if (!n) throw InputError{fmt(Str::ErrVoteFieldType, {key, tr(Str::TypeInteger)})};
        (std::string(key) == "dots_per_voter" ? e.dotsPerVoter : e.maxDotsPerOption) = *n;
    }
    // Options and parameters first, so that ballots are read against a valid list of names.
    if (const TallyOutcome check = tally(e); !check) throw InputError{check.error.message};

    const Json& ballots = root.at("ballots");
    if (!ballots.is_array()) throw InputError{fmt(Str::ErrVoteFieldType, {"ballots", tr(Str::TypeList)})};
    ElectionReader reader(e, *method);
    for (size_t b = 0; b < ballots.size(); ++b) reader.ballot(ballots[b], b);
    return e;
}

// [SECTION] Output

Json namesOf(const Election& e, const std::vector<int>& tier) {
    Json out = Json::array();
    for (int o : tier) out.push_back(e.options[o]);
    return out;
}

Json matrix(const Election& e, const std::vector<std::vector<long long>>& m) {
    Json out = Json::object();
    for (size_t i = 0; i < e.options.size(); ++i) {
        Json row = Json::object();
        for (size_t j = 0; j < e.options.size(); ++j)
            if (i != j) row[e.options[j]] = m[i][j];
        out[e.options[i]] = row;
    }
    return out;
}

std::string resultJson(const Election& e, const MethodInfo& method, const TallyResult& r) {
    Json out = Json::object();
    out["method"] = std::string(method.keyword());
    out["ranking"] = Json::array();
    for (const auto& tier : r.ranking) out["ranking"].push_back(namesOf(e, tier));
    out["scores"] = Json::object();
    for (size_t o = 0; o < e.options.size(); ++o) out["scores"][e.options[o]] = r.scores[o];
    out["ballots"] = r.ballots;
    if (e.method == VoteMethod::Majority) {
        out["grades"] = r.grades;
        Json profile = Json::object(), medians = Json::object();
        for (size_t o = 0; o < e.options.size(); ++o) {
            Json counts = Json::object();
            for (size_t g = 0; g < r.grades.size(); ++g) counts[r.grades[g]] = r.meritProfile[o][g];
            profile[e.options[o]] = counts;
            medians[e.options[o]] = r.grades[r.medians[o]];
        }
        out["merit_profile"] = profile;
        out["medians"] = medians;
    }
    if (e.method == VoteMethod::Schulze) {
        out["pairwise"] = matrix(e, r.pairwise);
        out["strongest_paths"] = matrix(e, r.strongestPaths);
    }
    return out.dump(2) + "\n";
}

std::string scoreLine(const Election& e, const TallyResult& r, int o) {
    const std::string& name = e.options[o];
    const std::string score = std::to_string(r.scores[o]);
    switch (e.method) {
        case VoteMethod::Dot: return fmt(Str::VoteScoreDots, {name, score});
        case VoteMethod::Approval: return fmt(Str::VoteScoreApprovals, {name, score});
        case VoteMethod::Borda: return fmt(Str::VoteScoreBorda, {name, score});
        case VoteMethod::Schulze: return fmt(Str::VoteScoreSchulze, {name, score});
        case VoteMethod::Majority: {
            std::vector<std::string> profile;
            for (size_t g = 0; g < r.grades.size(); ++g)
                profile.push_back(fmt(Str::VoteProfileEntry, {r.grades[g], std::to_string(r.meritProfile[o][g])}));
            return fmt(Str::VoteScoreMajority, {name, r.grades[r.medians[o]], join(profile)});
        }
    }
    return {};
}

std::string resultText(const Election& e, const MethodInfo& method, const TallyResult& r) {
    std::string out = fmt(Str::VoteResultHeading,
                          {enumLabel(method.method), std::to_string(r.ballots), std::to_string(e.options.size())}) +
                      "\n\n" + tr(Str::VoteRankingHeading) + "\n";
    size_t place = 1;  // 1, 2, 2, 4: a tier takes as many places as it has options
    for (const auto& tier : r.ranking) {
        std::vector<std::string> names;
        for (int o : tier) names.push_back(e.options[o]);
        out += fmt(Str::VoteTierLine, {std::to_string(place), join(names, tr(Str::VoteTieSeparator))});
        if (tier.size() > 1) out += tr(Str::VoteTieNote);
        out += "\n";
        place += tier.size();
    }
    out += std::string("\n") + tr(Str::VoteScoresHeading) + "\n";
    for (const auto& tier : r.ranking)
        for (int o : tier) out += scoreLine(e, r, o) + "\n";
    return out;
}

}  // namespace

// [SECTION] Command

TallyRun tallyVoteJson(std::string_view text, const std::string& path, bool json) {
    try {
        const MethodInfo* method = nullptr;
        const Election election = readElection(parseJson(text, path), method);
        const TallyOutcome outcome = tally(election);
        if (!outcome) throw InputError{outcome.error.message};
        return {true, json ? resultJson(election, *method, outcome.result) : resultText(election, *method, outcome.result)};
    } catch (const InputError& e) {
        return {false, e.message};
    }
}

int cmdTally(Context& context, Args& args) {
    const bool json = args.flag("--json");
    const auto file = args.positional();
    if (!file) throw UsageError{fmt(Str::CliTallyNeedsFile, {context.command()})};
    args.finish();
    std::string text;
    try {
        text = store::readInputFile(*file);
    } catch (const store::InputFileError& e) {
        std::cerr << (e.kind == store::InputFileError::Kind::Missing ? fmt(Str::ErrVoteFile, {*file}) : e.what())
                  << "\n";
        return 1;
    }
    const TallyRun result = tallyVoteJson(text, *file, json);
    if (!result.ok) {
        std::cerr << result.text << "\n";
        return 1;
    }
    std::cout << result.text;
    return 0;
}

}  // namespace atelier::cli
