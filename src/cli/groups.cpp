// atelier groupes --roster FILE.csv (--groups G | --size S) --rounds R [--seed N] [--time-limit-ms T] [--json]
// (alias: groups; the options keep their names, which scripts and messages use)
//
// [SECTION] Roster
// [SECTION] Output
// [SECTION] Command
//
// Mixes the people of a roster (columns id;nom;cite;institution, optional groupe to pin someone to a group; the
// institution as people write it, mapped by guessInstitution as the registration import does) into
// R rounds of groups. Reads only the roster file: the database is never opened. --time-limit-ms bounds the whole
// mix (CPU time) from its first instruction, at any roster size (the JSON stats say why it stopped: "stop").

#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/assert.h"
#include "core/enums.h"
#include "core/mixer.h"
#include "core/registration_import.h"
#include "core/territory_match.h"
#include "core/strings.h"
#include "core/text.h"
#include "store/csv.h"

namespace atelier::cli {

namespace {

// [SECTION] Roster

/// A roster row kept for display next to its mixer person.
struct RosterPerson {
    std::string name;
    std::string cite;
};

std::string institutionChoices() {
    std::string out;
    for (const auto& e : kInstitutions) {
        if (!out.empty()) out += ", ";
        out += tr(e.label);
    }
    return out;
}

/// Reads the roster into `input.people` (and pins); returns a French message naming the problem, or empty.
std::string readRoster(const std::string& file, MixerInput& input, std::vector<RosterPerson>& shown) {
    const store::CsvTable table = readCsv(file);  // an unreadable file ends the command with its message
    const int colId = table.column({"id", "identifiant"});
    const int colName = table.column({"nom", "name"});
    const int colCite = table.column({"cite", "cite educative", "territoire"});
    const int colInstitution = table.column({"institution"});
    const int colGroup = table.column({"groupe", "group"});
    const std::pair<int, const char*> required[] = {
        {colId, "id"}, {colName, "nom"}, {colCite, "cite"}, {colInstitution, "institution"}};
    for (const auto& [col, name] : required)
        if (col < 0) return fmt(Str::RosterMissingColumn, {file, name});
    if (!table.unreadable.empty())  // a line the reader could not read (encoding, NUL byte): fixed before mixing
        return fmt(Str::RosterUnreadableLine, {std::to_string(table.unreadable.front().line), table.unreadable.front().reason});
    if (table.rows.empty()) return fmt(Str::RosterEmpty, {file});

    const int n = static_cast<int>(table.rows.size());
    const int groups = input.groups > 0 ? input.groups : (n + input.groupSize - 1) / input.groupSize;
    std::unordered_map<std::string, int> seen;  // id → line (a hash: rosters of thousands are read at once)
    for (size_t row = 0; row < table.rows.size(); ++row) {
        const std::string line = std::to_string(table.lines[row]);
        const std::string id = table.cell(row, colId);
        if (id.empty()) return fmt(Str::RosterEmptyId, {line});
        const auto [other, added] = seen.try_emplace(id, table.lines[row]);
        if (!added) return fmt(Str::RosterDuplicateId, {line, id, std::to_string(other->second)});

        // Institutions as people write them (« Préfecture », « mairie », « Collège Jean Macé »), mapped as the
        // registration import maps them; a word it cannot place counts as Autre, and the facilitator is told.
        const std::string institutionText = table.cell(row, colInstitution);
        const Institution institution = guessInstitution(institutionText);
        if (institution == Institution::Autre && !institutionText.empty() &&
            foldForSearch(institutionText) != foldForSearch(tr(Str::InstitutionAutre)))
            std::cerr << fmt(Str::RosterReadAsOther, {line, institutionText, institutionChoices()}) << "\n";

        const std::string cite = table.cell(row, colCite);
        input.people.push_back({id, territoryKey(cite), institution});  // « St Quentin » and « Saint-Quentin »: one Cité
        shown.push_back({table.cell(row, colName), cite});

        const std::string group = table.cell(row, colGroup);
        if (!group.empty()) {
            int number = 0;
            bool ok = group.size() <= 6;
            for (char c : group) {
                if (c < '0' || c > '9') ok = false;
                else number = number * 10 + (c - '0');
            }
            if (!ok || number < 1 || number > groups)
                return fmt(Str::RosterBadGroup, {line, group, std::to_string(groups)});
            input.pins.emplace_back(static_cast<int>(row), number - 1);
        }
    }
    return {};
}

// [SECTION] Output

/// Why the search ended, as a stable JSON value.
const char* stopKey(MixerStop stop) {
    switch (stop) {
    case MixerStop::Perfect: return "perfect";
    case MixerStop::LowerBound: return "lower_bound";
    case MixerStop::Iterations: return "iterations";
    case MixerStop::TimeLimit: return "time_limit";
    case MixerStop::Stalled: return "stalled";
    }
    return "stalled";
}

/// The rounds as nlohmann's dump(2) lays them out inside the top object (byte for byte), written straight into a
/// string: a tree of every id (4 million of them for 40,000 people in pairs over 100 rounds) took seconds and a GB.
std::string roundsJson(const MixerInput& input, const MixerPlan& plan) {
    if (plan.rounds.empty()) return "[]";
    std::vector<std::string> quoted(input.people.size());  // each id escaped once
    for (size_t p = 0; p < quoted.size(); ++p) quoted[p] = nlohmann::json(input.people[p].id).dump();
    std::string out = "[\n";
    for (size_t r = 0; r < plan.rounds.size(); ++r) {
        const auto& round = plan.rounds[r];
        out += round.empty() ? "    []" : "    [\n";
        for (size_t g = 0; g < round.size(); ++g) {
            const auto& group = round[g];
            out += group.empty() ? "      []" : "      [\n";
            for (size_t i = 0; i < group.size(); ++i) {
                out += "        ";
                out += quoted[static_cast<size_t>(group[i])];
                out += i + 1 < group.size() ? ",\n" : "\n";
            }
            if (!group.empty()) out += "      ]";
            out += g + 1 < round.size() ? ",\n" : "\n";
        }
        if (!round.empty()) out += "    ]";
        out += r + 1 < plan.rounds.size() ? ",\n" : "\n";
    }
    return out + "  ]";
}

std::string planJson(const MixerInput& input, const MixerPlan& plan) {
    const MixerStats& s = plan.stats;
    const nlohmann::json stats = {
        {"repeat_pairs", s.repeatPairs},
        {"repeat_pairs_exact", s.exact},
        {"same_cite_pairs", s.sameCitePairs},
        {"max_meetings", s.maxMeetings},
        {"elapsed_ms", std::llround(s.elapsedMs)},
        {"cpu_ms", std::llround(s.cpuMs)},
        {"history_repeats", s.historyRepeats},
        {"min_institution_kinds", s.minKinds},
        {"iterations", s.iterations},
        {"perfect", s.perfect},
        {"stop", stopKey(s.stop)},
        {"seed", input.seed},
    };
    // The object with empty rounds, then the rounds written in their place ("rounds" is its first key).
    std::string out = nlohmann::json{{"rounds", nlohmann::json::array()}, {"stats", stats}}.dump(2);
    const std::string empty = "\"rounds\": []";
    const size_t at = out.find(empty);
    ATELIER_ASSERT(at != std::string::npos, "planJson: the rounds key in the dumped object");
    out.replace(at + empty.size() - 2, 2, roundsJson(input, plan));
    return out + "\n";
}

std::string planTable(const std::vector<RosterPerson>& shown, const MixerPlan& plan) {
    std::string out;
    for (size_t r = 0; r < plan.rounds.size(); ++r) {
        out += fmt(Str::GroupsRound, {std::to_string(r + 1)}) + "\n";
        for (size_t g = 0; g < plan.rounds[r].size(); ++g) {
            std::string names;
            for (int p : plan.rounds[r][g]) {
                if (!names.empty()) names += ", ";
                names += shown[p].name.empty() ? "?" : shown[p].name;
                if (!shown[p].cite.empty()) names += " (" + shown[p].cite + ")";
            }
            out += fmt(Str::GroupsGroup, {std::to_string(g + 1), std::to_string(plan.rounds[r][g].size()), names}) +
                   "\n";
        }
        out += "\n";
    }
    const MixerStats& s = plan.stats;
    out += fmt(Str::GroupsSummary, {std::to_string(s.repeatPairs), std::to_string(s.sameCitePairs),
                                    std::to_string(s.maxMeetings), std::to_string(s.iterations),
                                    std::to_string(std::llround(s.elapsedMs))}) +
           "\n";
    out += std::string(tr(s.perfect ? Str::GroupsPerfect : Str::GroupsNotPerfect)) + "\n";
    return out;
}

}  // namespace

// [SECTION] Command

int cmdGroups(Context&, Args& args) {
    const auto roster = args.option("--roster");
    const auto groups = args.option("--groups");
    const auto size = args.option("--size");
    const auto rounds = args.option("--rounds");
    const auto seed = args.option("--seed");
    const auto timeLimit = args.option("--time-limit-ms");
    const bool json = args.flag("--json");
    args.finish();
    if (!roster) throw UsageError{tr(Str::GroupsNeedRoster)};
    if (groups.has_value() == size.has_value()) throw UsageError{tr(Str::GroupsNeedCount)};
    if (!rounds) throw UsageError{tr(Str::GroupsNeedRounds)};

    MixerInput input;
    if (groups) input.groups = parseIntOption("--groups", *groups, 1, 10000);
    if (size) input.groupSize = parseIntOption("--size", *size, 1, 10000);
    input.rounds = parseIntOption("--rounds", *rounds, 1, 100);
    if (seed) input.seed = static_cast<std::uint64_t>(parseIntOption("--seed", *seed, 0, 999999999));
    if (timeLimit) input.timeLimitMs = parseIntOption("--time-limit-ms", *timeLimit, 1, 3600000);

    std::vector<RosterPerson> shown;
    if (const std::string error = readRoster(*roster, input, shown); !error.empty()) {
        std::cerr << error << "\n";
        return 1;
    }
    const MixerResult result = mixGroups(input);
    if (!result.ok()) {
        std::cerr << result.error << "\n";
        return 1;
    }
    std::cout << (json ? planJson(input, result.plan) : planTable(shown, result.plan));
    return 0;
}

}  // namespace atelier::cli
