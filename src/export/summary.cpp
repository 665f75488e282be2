// [SECTION] Shared facts
// [SECTION] HTML
// [SECTION] Markdown
// [SECTION] CSV

#include "export/summary.h"

#include <algorithm>
#include <map>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/html.h"

namespace atelier::exporting {

namespace {

// [SECTION] Shared facts

std::string hostLine(const EtapeArchive& a) {
    const Etape& e = a.etape;
    std::string out = fmt(Str::EtapeNumber, {std::to_string(e.header.number)}) + " — " + formatLongFr(e.header.date);
    out += " — " + (a.host.empty() ? std::string(tr(Str::HostUnknown)) : fmt(Str::CiteEducativeOf, {deName(a.host)}));
    return out;
}

std::string personName(const EtapeArchive& a, Id id) {
    const ArchivedPerson* p = a.person(id);
    return p ? p->name : "?";
}

/// Counts by key, largest first (ties by name).
std::vector<std::pair<std::string, int>> countBy(const EtapeArchive& a, bool byInstitution) {
    std::map<std::string, int> counts;
    for (const ArchivedPerson& p : a.people) {
        const std::string key = byInstitution ? std::string(enumLabel(p.institution))
                                              : (p.territory.empty() ? std::string(tr(Str::NoTerritory)) : p.territory);
        ++counts[key];
    }
    std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    return out;
}

/// The option indices of a result in ranking order, with their rank (1-based, shared within a tier).
std::vector<std::pair<int, int>> rankedOptions(const ArchivedResult& r) {
    std::vector<std::pair<int, int>> out;
    int rank = 1;
    for (const auto& tier : r.ranking) {
        for (int option : tier) out.emplace_back(rank, option);
        rank += static_cast<int>(tier.size());
    }
    return out;
}

/// The score of `option`, 0 when the result has none for it (an index out of range reads nothing).
long long scoreOf(const ArchivedResult& r, int option) {
    return option >= 0 && option < static_cast<int>(r.scores.size()) ? r.scores[static_cast<size_t>(option)] : 0;
}

/// The name of `option`, "?" when the vote has no such option.
std::string optionName(const Vote& v, int option) {
    return option >= 0 && option < static_cast<int>(v.setup.options.size()) ? v.setup.options[static_cast<size_t>(option)]
                                                                           : "?";
}

std::string scoreLabel(const Vote& v, const ArchivedResult& r, int option) {
    const long long score = scoreOf(r, option);
    if (v.setup.method == VoteMethod::Majority) {
        const std::string grade = score >= 0 && score < static_cast<long long>(r.grades.size()) ? r.grades[score] : "";
        return fmt(Str::SumMedian, {grade});
    }
    if (v.setup.method == VoteMethod::Schulze) return fmt(Str::SumBeats, {std::to_string(score)});
    if (v.setup.method == VoteMethod::Approval) return fmt(Str::SumApprovals, {std::to_string(score)});
    return fmt(Str::SumPoints, {std::to_string(score)});
}

/// Width of an option's bar in percent of the largest.
double barShare(const Vote& v, const ArchivedResult& r, int option) {
    const long long score = scoreOf(r, option);
    if (v.setup.method == VoteMethod::Majority)
        return r.grades.empty() ? 0 : 100.0 * (static_cast<double>(score) + 1) / static_cast<double>(r.grades.size());
    long long best = 0;
    for (long long s : r.scores) best = std::max(best, s);
    return best > 0 ? 100.0 * static_cast<double>(score) / static_cast<double>(best) : 0;
}

std::string percent(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", value);
    return buffer;
}

std::string categoryName(const Board& b, Id id) {
    for (const BoardCategory& c : b.categories)
        if (c.id == id) return c.name;
    return "";
}
std::string clusterName(const Board& b, const std::optional<Id>& id) {
    if (!id) return "";
    for (const IdeaCluster& c : b.clusters)
        if (c.id == *id) return c.name;
    return "";
}

// [SECTION] HTML

constexpr const char* kSummaryStyle = R"css(<style>
h2 { font-size: 13pt; color: #003e8c; border-bottom: 1px solid #003e8c; margin: 18px 0 6px; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10px 0 4px; page-break-after: avoid; }
.chart { margin: 4px 0 10px; }
.bar-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; page-break-inside: avoid; }
.bar-label { width: 36%; font-size: 9.5pt; }
.bar-track { flex: 1; background: #eef2f8; height: 12px; }
.bar { background: #003e8c; height: 12px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar.win { background: #d9480f; }
.bar-value { width: 26%; font-size: 9pt; color: #333; }
.cols { display: flex; gap: 16px; } .cols > div { flex: 1; }
ul { margin: 4px 0 8px 18px; padding: 0; } li { margin: 1px 0; }
.idea-group { color: #555; font-size: 8.5pt; }
.practice { color: #2b8a3e; font-weight: bold; font-size: 8.5pt; }
.example { border: 2px dashed #d9480f; color: #d9480f; padding: 2px 8px; display: inline-block; font-weight: bold; }
</style>)css";

std::string barChart(const std::vector<std::pair<std::string, int>>& rows) {
    int best = 0;
    for (const auto& [label, n] : rows) best = std::max(best, n);
    std::string out = "<div class=\"chart\">";
    for (const auto& [label, n] : rows)
        out += "<div class=\"bar-row\"><div class=\"bar-label\">" + escape(label) +
               "</div><div class=\"bar-track\"><div class=\"bar\" style=\"width:" +
               percent(best ? 100.0 * n / best : 0) + "\"></div></div><div class=\"bar-value\">" + std::to_string(n) +
               "</div></div>";
    return out + "</div>\n";
}

}  // namespace

std::string summaryHtml(const EtapeArchive& a) {
    const Etape& e = a.etape;
    std::string b = kSummaryStyle;
    b += "<header><div class=\"kicker\">" + escape(tr(Str::TourTitle)) + "</div>";
    if (a.format.example) b += "<div class=\"example\">" + escape(tr(Str::SumExample)) + "</div>";
    b += "<h1>" + escape(tr(Str::SumTitle)) + "</h1>";
    b += "<p>" + escape(hostLine(a)) + "</p>";
    if (!e.header.theme.empty()) b += "<p>" + escape(fmt(Str::DocTheme, {e.header.theme})) + "</p>";
    if (!e.header.venue.empty()) b += "<p>" + escape(fmt(Str::DocVenue, {e.header.venue})) + "</p>";
    b += "<p class=\"muted\">" + escape(fmt(Str::SumSaved, {a.savedAt, a.format.atelier})) + "</p></header>\n";

    b += "<h2>" + escape(tr(Str::SumProgramme)) + "</h2>\n<table><tbody>";
    for (const ProgrammeItem& i : e.programme)
        b += "<tr><td class=\"num\">" + escape(formatTimeFr(i.start)) + " – " + escape(formatTimeFr(i.end())) +
             "</td><td>" + escape(i.title) + "</td></tr>";
    b += "</tbody></table>\n";

    b += "<h2>" + escape(tr(Str::SumParticipation)) + "</h2>\n<p>" +
         escape(fmt(Str::SumPeopleCount, {std::to_string(a.people.size())})) + "</p>";
    b += "<div class=\"cols\"><div><h3>" + escape(tr(Str::SumByCite)) + "</h3>" + barChart(countBy(a, false)) +
         "</div><div><h3>" + escape(tr(Str::SumByInstitution)) + "</h3>" + barChart(countBy(a, true)) + "</div></div>\n";

    if (!e.icebreaker.rounds.empty() || !e.icebreaker.drawn.empty()) {
        b += "<h2>" + escape(tr(Str::SumIcebreaker)) + "</h2>\n";
        int n = 0;
        for (const MeetingRound& r : e.icebreaker.rounds) {
            b += "<h3>" + escape(fmt(Str::SumMeetingRound, {std::to_string(++n), r.prompt})) + "</h3><ul>";
            for (const auto& pair : r.pairs) {
                std::string names;
                for (Id id : pair) names += (names.empty() ? "" : " · ") + personName(a, id);
                b += "<li>" + escape(names) + "</li>";
            }
            b += "</ul>";
        }
        if (!e.icebreaker.drawn.empty()) {
            b += "<h3>" + escape(tr(Str::SumCardsDrawn)) + "</h3><ul>";
            for (const std::string& q : e.icebreaker.drawn) b += "<li>" + escape(q) + "</li>";
            b += "</ul>";
        }
    }

    if (!e.groups.empty()) {
        b += "<h2>" + escape(tr(Str::SumGroups)) + "</h2>\n";
        int n = 0;
        for (const GroupRound& r : e.groups.rounds) {
            b += "<h3>" + escape(fmt(Str::SumRound, {std::to_string(++n)})) + "</h3><table><tbody>";
            for (const Group& g : r.groups) {
                std::string names;
                for (Id id : g.members) names += (names.empty() ? "" : ", ") + personName(a, id);
                b += "<tr><td><strong>" + escape(g.name) + "</strong>" +
                     (g.room.empty() ? "" : "<br><span class=\"muted\">" + escape(g.room) + "</span>") +
                     (g.question.empty() ? "" : "<br><em>" + escape(g.question) + "</em>") + "</td><td>" +
                     escape(names) + "</td></tr>";
            }
            b += "</tbody></table>";
        }
    }

    if (!e.boards.empty()) {
        b += "<h2>" + escape(tr(Str::SumBoards)) + "</h2>\n";
        for (const Board& board : e.boards) {
            b += "<h3>" + escape(board.title) + "</h3>";
            for (const BoardCategory& c : board.categories) {
                std::vector<std::optional<Id>> clusters{std::nullopt};
                for (const IdeaCluster& k : board.clusters)
                    if (k.category == c.id) clusters.push_back(k.id);
                bool any = false;
                std::string column = "<p><strong>" + escape(c.name) + "</strong></p>";
                for (const auto& k : clusters) {
                    std::string items;
                    for (const Idea& i : board.ideas) {
                        if (i.category != c.id || i.cluster != k) continue;
                        items += "<li>" + escape(i.text);
                        for (const MergedIdea& m : i.merged) items += " / " + escape(m.text);
                        if (!i.group.empty()) items += " <span class=\"idea-group\">(" + escape(i.group) + ")</span>";
                        if (i.practice) items += " <span class=\"practice\">" + escape(tr(Str::BoardPracticeMark)) + "</span>";
                        items += "</li>";
                    }
                    if (items.empty()) continue;
                    any = true;
                    if (k) column += "<p><em>" + escape(clusterName(board, k)) + "</em></p>";
                    else if (clusters.size() > 1) column += "<p><em>" + escape(tr(Str::SumNoCluster)) + "</em></p>";
                    column += "<ul>" + items + "</ul>";
                }
                if (any) b += column;
            }
        }
    }

    if (!e.votes.empty()) {
        b += "<h2>" + escape(tr(Str::SumVotes)) + "</h2>\n";
        for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
            const Vote& vote = e.votes[v];
            const ArchivedResult& r = a.results[v];
            b += "<h3>" + escape(vote.setup.question) + "</h3><p class=\"muted\">" +
                 escape(enumLabel(vote.setup.method)) + " — " + escape(fmt(Str::SumBallots, {std::to_string(r.ballots)})) +
                 "</p>";
            if (!r.counted) {
                b += "<p>" + escape(fmt(Str::SumNotCounted, {r.error})) + "</p>";
                continue;
            }
            b += "<div class=\"chart\">";
            for (const auto& [rank, option] : rankedOptions(r)) {
                const std::string name = optionName(vote, option);
                b += "<div class=\"bar-row\"><div class=\"bar-label\">" + std::to_string(rank) + ". " + escape(name) +
                     "</div><div class=\"bar-track\"><div class=\"bar" + std::string(rank == 1 ? " win" : "") +
                     "\" style=\"width:" + percent(barShare(vote, r, option)) + "\"></div></div><div class=\"bar-value\">" +
                     escape(scoreLabel(vote, r, option)) + "</div></div>";
            }
            b += "</div>";
        }
    }

    b += "<h2>" + escape(tr(Str::SumPractices)) + "</h2>\n";
    if (a.practices.empty()) b += "<p>" + escape(tr(Str::SumNone)) + "</p>";
    else {
        b += "<ul>";
        for (const ArchivedPractice& p : a.practices)
            b += "<li>" + escape(p.text) + " <span class=\"idea-group\">(" + escape(p.board) +
                 (p.group.empty() ? "" : " — " + escape(p.group)) + ")</span></li>";
        b += "</ul>";
    }
    return htmlPage(tr(Str::SumTitle) + std::string(" — ") + hostLine(a), b);
}

// [SECTION] Markdown

namespace {
/// Text for a Markdown line: no raw HTML, no line break, Markdown's special characters neutralised.
std::string md(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\n': case '\r': out += ' '; break;
            case '*': case '_': case '`': case '[': case ']': case '#': case '|': case '\\':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}
}  // namespace

std::string summaryMarkdown(const EtapeArchive& a) {
    const Etape& e = a.etape;
    std::string m = "# " + md(tr(Str::SumTitle)) + "\n\n**" + md(hostLine(a)) + "**\n\n";
    if (a.format.example) m += "> " + md(tr(Str::SumExample)) + "\n\n";
    if (!e.header.theme.empty()) m += md(fmt(Str::DocTheme, {e.header.theme})) + "\n\n";
    if (!e.header.venue.empty()) m += md(fmt(Str::DocVenue, {e.header.venue})) + "\n\n";
    m += "## " + md(tr(Str::SumProgramme)) + "\n\n";
    for (const ProgrammeItem& i : e.programme)
        m += "- " + formatTimeFr(i.start) + " – " + formatTimeFr(i.end()) + " : " + md(i.title) + "\n";
    m += "\n## " + md(tr(Str::SumParticipation)) + "\n\n" + md(fmt(Str::SumPeopleCount, {std::to_string(a.people.size())})) + "\n\n";
    for (bool inst : {false, true}) {
        m += "### " + md(tr(inst ? Str::SumByInstitution : Str::SumByCite)) + "\n\n";
        for (const auto& [label, n] : countBy(a, inst)) m += "- " + md(label) + " : " + std::to_string(n) + "\n";
        m += "\n";
    }
    if (!e.icebreaker.rounds.empty() || !e.icebreaker.drawn.empty()) {
        m += "## " + md(tr(Str::SumIcebreaker)) + "\n\n";
        int n = 0;
        for (const MeetingRound& r : e.icebreaker.rounds) {
            m += "### " + md(fmt(Str::SumMeetingRound, {std::to_string(++n), r.prompt})) + "\n\n";
            for (const auto& pair : r.pairs) {
                std::string names;
                for (Id id : pair) names += (names.empty() ? "" : " · ") + personName(a, id);
                m += "- " + md(names) + "\n";
            }
            m += "\n";
        }
        if (!e.icebreaker.drawn.empty()) {
            m += "### " + md(tr(Str::SumCardsDrawn)) + "\n\n";
            for (const std::string& q : e.icebreaker.drawn) m += "- " + md(q) + "\n";
            m += "\n";
        }
    }
    if (!e.groups.empty()) {
        m += "## " + md(tr(Str::SumGroups)) + "\n\n";
        int n = 0;
        for (const GroupRound& r : e.groups.rounds) {
            m += "### " + md(fmt(Str::SumRound, {std::to_string(++n)})) + "\n\n";
            for (const Group& g : r.groups) {
                std::string names;
                for (Id id : g.members) names += (names.empty() ? "" : ", ") + personName(a, id);
                m += "- **" + md(g.name) + "** : " + md(names) + "\n";
            }
            m += "\n";
        }
    }
    if (!e.boards.empty()) {
        m += "## " + md(tr(Str::SumBoards)) + "\n\n";
        for (const Board& board : e.boards) {
            m += "### " + md(board.title) + "\n\n";
            for (const BoardCategory& c : board.categories) {
                std::string items;
                for (const Idea& i : board.ideas) {
                    if (i.category != c.id) continue;
                    items += "- " + md(i.text);
                    if (const std::string k = clusterName(board, i.cluster); !k.empty()) items += " — *" + md(k) + "*";
                    if (!i.group.empty()) items += " (" + md(i.group) + ")";
                    if (i.practice) items += " — " + md(tr(Str::BoardPracticeMark));
                    items += "\n";
                }
                if (!items.empty()) m += "**" + md(c.name) + "**\n\n" + items + "\n";
            }
        }
    }
    if (!e.votes.empty()) {
        m += "## " + md(tr(Str::SumVotes)) + "\n\n";
        for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
            const Vote& vote = e.votes[v];
            const ArchivedResult& r = a.results[v];
            m += "### " + md(vote.setup.question) + "\n\n" + md(enumLabel(vote.setup.method)) + " — " +
                 md(fmt(Str::SumBallots, {std::to_string(r.ballots)})) + "\n\n";
            if (!r.counted) {
                m += md(fmt(Str::SumNotCounted, {r.error})) + "\n\n";
                continue;
            }
            for (const auto& [rank, option] : rankedOptions(r))
                m += std::to_string(rank) + ". " +
                     md(optionName(vote, option)) +
                     " — " + md(scoreLabel(vote, r, option)) + "\n";
            m += "\n";
        }
    }
    m += "## " + md(tr(Str::SumPractices)) + "\n\n";
    if (a.practices.empty()) m += md(tr(Str::SumNone)) + "\n";
    for (const ArchivedPractice& p : a.practices) m += "- " + md(p.text) + " (" + md(p.board) + ")\n";
    return m;
}

// [SECTION] CSV

std::string csvField(std::string_view text) {
    // A cell that a spreadsheet would read as a formula (OWASP « CSV injection »): a leading ' makes it text.
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    const bool quote = formula || text.find_first_of(";\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = formula ? "\"'" : "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {
constexpr const char* kBom = "\xEF\xBB\xBF";
std::string row(std::initializer_list<std::string_view> fields) {
    std::string out;
    for (auto f : fields) {
        if (!out.empty()) out += ';';
        out += csvField(f);
    }
    return out + "\r\n";
}
}  // namespace

std::string ideasCsv(const EtapeArchive& a) {
    std::string out = std::string(kBom) + tr(Str::CsvIdeasHeader) + "\r\n";
    const std::string number = std::to_string(a.etape.header.number), date = toIso(a.etape.header.date);
    for (const Board& b : a.etape.boards)
        for (const Idea& i : b.ideas) {
            std::string text = i.text;
            for (const MergedIdea& m : i.merged) text += " / " + m.text;
            out += row({number, date, b.title, categoryName(b, i.category), clusterName(b, i.cluster), i.group,
                        i.author, text, tr(i.practice ? Str::CsvYes : Str::CsvNo)});
        }
    return out;
}

std::string votesCsv(const EtapeArchive& a) {
    std::string out = std::string(kBom) + tr(Str::CsvVotesHeader) + "\r\n";
    const std::string number = std::to_string(a.etape.header.number);
    for (size_t v = 0; v < a.etape.votes.size() && v < a.results.size(); ++v) {
        const Vote& vote = a.etape.votes[v];
        const ArchivedResult& r = a.results[v];
        if (!r.counted) continue;
        for (const auto& [rank, option] : rankedOptions(r)) {
            const long long score = scoreOf(r, option);
            const std::string scoreText = vote.setup.method == VoteMethod::Majority &&
                                                  score >= 0 && score < static_cast<long long>(r.grades.size())
                                              ? r.grades[score]
                                              : std::to_string(score);
            out += row({number, vote.setup.question, enumLabel(vote.setup.method), std::to_string(rank),
                        optionName(vote, option),
                        scoreText, std::to_string(r.ballots)});
        }
    }
    return out;
}

}  // namespace atelier::exporting
