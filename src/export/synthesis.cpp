// [SECTION] Synthesis over archived étapes

#include "export/synthesis.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/html.h"

namespace atelier::exporting {

std::string synthesisHtml(const std::vector<EtapeArchive>& archives, const std::string& title,
                          const std::vector<std::string>& cites) {
    std::string b = "<style>h2 { font-size: 13pt; color: #003e8c; border-bottom: 1px solid #003e8c; margin: 18px 0 6px; }"
                    " td.yes { background: #d3f9d8; } .matrix td, .matrix th { font-size: 8.5pt; padding: 3px 4px; }</style>";
    b += "<header><div class=\"kicker\">" + escape(tr(Str::TourTitle)) + "</div><h1>" + escape(title) + "</h1><p>" +
         escape(fmt(Str::SynEtapesCount, {std::to_string(archives.size())})) + "</p></header>\n";

    auto label = [](const EtapeArchive& a) {
        return fmt(Str::EtapeNumber, {std::to_string(a.etape.header.number)}) + " — " + formatShortFr(a.etape.header.date);
    };

    // Themes.
    b += "<h2>" + escape(tr(Str::SynThemes)) + "</h2><table><tbody>";
    for (const EtapeArchive& a : archives)
        b += "<tr><td class=\"num\">" + escape(label(a)) + "</td><td>" +
             escape(a.host.empty() ? std::string(tr(Str::HostUnknown)) : a.host) + "</td><td>" +
             escape(a.etape.header.theme) + "</td></tr>";
    b += "</tbody></table>\n";

    // Participation matrix: territories × étapes.
    std::set<std::string> territories(cites.begin(), cites.end());
    for (const EtapeArchive& a : archives)
        for (const ArchivedPerson& p : a.people) territories.insert(p.territory.empty() ? tr(Str::NoTerritory) : p.territory);
    std::vector<std::string> rows(territories.begin(), territories.end());
    std::sort(rows.begin(), rows.end(), [](const std::string& x, const std::string& y) { return foldForSearch(x) < foldForSearch(y); });
    b += "<h2>" + escape(tr(Str::SynMatrix)) + "</h2><table class=\"matrix\"><thead><tr><th></th>";
    for (const EtapeArchive& a : archives) b += "<th class=\"num\">" + escape(std::to_string(a.etape.header.number)) + "</th>";
    b += "<th class=\"num\">" + escape(tr(Str::SynTotal)) + "</th></tr></thead><tbody>";
    for (const std::string& t : rows) {
        b += "<tr><td>" + escape(t) + "</td>";
        int total = 0;
        for (const EtapeArchive& a : archives) {
            int n = 0;
            for (const ArchivedPerson& p : a.people) n += (p.territory.empty() ? std::string(tr(Str::NoTerritory)) : p.territory) == t;
            total += n;
            b += std::string("<td class=\"num") + (n ? " yes" : "") + "\">" + (n ? std::to_string(n) : "") + "</td>";
        }
        b += "<td class=\"num\">" + std::to_string(total) + "</td></tr>";
    }
    b += "</tbody></table>\n";

    // What the votes put first.
    b += "<h2>" + escape(tr(Str::SynTopVoted)) + "</h2><ul>";
    bool anyVote = false;
    for (const EtapeArchive& a : archives)
        for (size_t v = 0; v < a.etape.votes.size() && v < a.results.size(); ++v) {
            const ArchivedResult& r = a.results[v];
            if (!r.counted || r.ranking.empty()) continue;
            std::string first;
            for (int option : r.ranking.front())
                if (option >= 0 && option < static_cast<int>(a.etape.votes[v].setup.options.size()))
                    first += (first.empty() ? "" : ", ") + a.etape.votes[v].setup.options[option];
            b += "<li><strong>" + escape(first) + "</strong> — " + escape(a.etape.votes[v].setup.question) +
                 " <span class=\"muted\">(" + escape(label(a)) + ")</span></li>";
            anyVote = true;
        }
    if (!anyVote) b += "<li>" + escape(tr(Str::SumNone)) + "</li>";
    b += "</ul>\n";

    // Practices to spread, across étapes.
    b += "<h2>" + escape(tr(Str::SumPractices)) + "</h2><ul>";
    bool anyPractice = false;
    for (const EtapeArchive& a : archives)
        for (const ArchivedPractice& p : a.practices) {
            b += "<li>" + escape(p.text) + " <span class=\"muted\">(" + escape(label(a)) + " — " +
                 escape(p.source == PracticeSource::ActionPhare ? std::string(enumLabel(p.source)) : p.board) +
                 ")</span></li>";
            anyPractice = true;
        }
    if (!anyPractice) b += "<li>" + escape(tr(Str::SumNone)) + "</li>";
    b += "</ul>\n";

    // The Tour tracker: which Cités hosted.
    b += "<h2>" + escape(tr(Str::SynTracker)) + "</h2><table><tbody>";
    for (const std::string& c : cites) {
        std::string hosted;
        for (const EtapeArchive& a : archives)
            if (a.host == c) hosted += (hosted.empty() ? "" : ", ") + label(a);
        b += std::string("<tr><td>") + escape(c) + "</td><td" + (hosted.empty() ? ">" : " class=\"yes\">") +
             escape(hosted.empty() ? tr(Str::SynNotHosted) : hosted) + "</td></tr>";
    }
    b += "</tbody></table>\n";
    return htmlPage(title, b);
}

}  // namespace atelier::exporting
