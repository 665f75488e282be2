// [SECTION] Le livret du Tour
// [SECTION] The booklet as a document (the PDF)

#include "export/booklet.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/enums.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/document.h"
#include "export/html.h"
#include "export/pdf.h"
#include "export/summary.h"

namespace atelier::exporting {

namespace {

constexpr const char* kBookletStyle = R"css(<style>
h2 { font-size: 14pt; color: #003e8c; border-bottom: 2px solid #003e8c; margin: 0 0 8px; padding-bottom: 3px; }
h3 { font-size: 11.5pt; color: #003e8c; margin: 14px 0 4px; page-break-after: avoid; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 8px 0 2px; }
.cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: center; border-left: 10px solid #003e8c;
         padding-left: 14mm; page-break-after: always; break-after: page; }
.cover .kicker { color: #003e8c; font-weight: bold; text-transform: uppercase; letter-spacing: .06em; font-size: 11pt; }
.cover h1 { font-size: 28pt; margin: 8mm 0 4mm; line-height: 1.15; }
.cover .lead { font-size: 12.5pt; color: #333; max-width: 140mm; }
.cover .facts { margin-top: 12mm; font-size: 11pt; }
.cover .facts strong { font-size: 16pt; color: #003e8c; }
.chapter { page-break-before: always; break-before: page; }
.etape-head { color: #555; margin: 0 0 6px; }
.toc td { border: none; border-bottom: 1px dotted #999; }
.board ul { margin: 2px 0 6px 0; padding-left: 18px; }
.board li { margin: 1px 0; }
.tag { display: inline-block; font-size: 8pt; padding: 0 4px; border-radius: 3px; background: #d3f9d8; color: #1b5e20; }
td.yes { background: #d3f9d8; }
.matrix td, .matrix th { font-size: 8.5pt; padding: 3px 4px; }
.part h2 { font-size: 11.5pt; border: none; margin: 14px 0 4px; padding: 0; }
.part h3 { font-size: 10.5pt; color: #111; margin: 8px 0 2px; }
.practice { page-break-inside: avoid; break-inside: avoid; border-left: 4px solid #2e7d32; padding: 2px 0 2px 8px;
            margin: 0 0 10px; }
.practice h3 { margin: 0 0 2px; color: #1b5e20; }
.practice table { margin: 4px 0 0; }
figure.photo { margin: 6px 0 10px; page-break-inside: avoid; break-inside: avoid; }
figure.photo img { display: block; max-width: 100%; max-height: 95mm; border: 1px solid #ccc; }
figure.photo figcaption { font-size: 8.5pt; color: #555; margin-top: 2px; }
</style>)css";

/// How many ideas of one column the booklet shows: the key ones (practices first, then those that gathered others).
constexpr size_t kKeyIdeasPerColumn = 5;

std::string etapeLabel(const EtapeArchive& a) {
    return fmt(Str::EtapeNumber, {std::to_string(a.etape.header.number)}) + " — " + formatShortFr(a.etape.header.date);
}

std::string territoryOf(const ArchivedPerson& p) {
    return p.territory.empty() ? std::string(tr(Str::NoTerritory)) : p.territory;
}

std::string anchor(const EtapeArchive& a, size_t index) {
    return "etape-" + std::to_string(index + 1) + "-" + std::to_string(a.etape.header.number);
}

/// The names of the options in a counted vote's first tier (« A, B » when tied).
std::string winners(const EtapeArchive& a, size_t vote) {
    const ArchivedResult& r = a.results[vote];
    std::string first;
    if (!r.counted || r.ranking.empty() || r.ballots == 0) return first;
    const auto& options = a.etape.votes[vote].setup.options;
    for (int option : r.ranking.front())
        if (option >= 0 && option < static_cast<int>(options.size()))
            first += (first.empty() ? "" : ", ") + options[static_cast<size_t>(option)];
    return first;
}

/// The key ideas of one column: practices first, then the ideas that absorbed the most others, then board order.
std::vector<const Idea*> keyIdeas(const Board& b, Id category, size_t* total) {
    std::vector<const Idea*> ideas;
    for (const Idea& i : b.ideas)
        if (i.category == category && !i.hidden) ideas.push_back(&i);
    *total = ideas.size();
    std::stable_sort(ideas.begin(), ideas.end(), [](const Idea* x, const Idea* y) {
        if (x->practice != y->practice) return x->practice;
        return x->merged.size() > y->merged.size();
    });
    if (ideas.size() > kKeyIdeasPerColumn) ideas.resize(kKeyIdeasPerColumn);
    return ideas;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

/// « Action-phare — Cité éducative d'Amiens — étape 3 » or « Tableau « Réussite » — … ».
std::string practiceFrom(const BookletPractice& p) {
    std::string out = p.board.empty() ? p.source : p.source + " " + inQuotes(p.board);
    if (!p.cite.empty()) out += " — " + fmt(Str::CiteEducativeOf, {deName(p.cite)});
    if (p.etape > 0) out += " — " + fmt(Str::EtapeNumber, {std::to_string(p.etape)});
    return out;
}

// [SECTION] Parts of the booklet

std::string cover(const BookletInput& in) {
    std::set<std::string> cites;
    size_t present = 0;
    const size_t practices = in.practices.size();
    for (const EtapeArchive& a : in.archives) {
        present += a.people.size();
        for (const ArchivedPerson& p : a.people)
            if (p.cite && !p.territory.empty()) cites.insert(p.territory);
    }
    std::string b = "<section class=\"cover\"><div class=\"kicker\">" + escape(tr(Str::TourTitle)) + "</div><h1>" +
                    escape(in.title) + "</h1><p class=\"lead\">" + escape(tr(Str::LivLead)) + "</p>";
    // Each fact agrees with its number (« 1 étape », « 0 présence », « 12 présences »), the number in bold.
    auto fact = [](size_t n, Str key) {
        const std::string text = fmt(key, {std::to_string(n)});
        const size_t space = std::min(text.find(' '), text.size());
        return "<strong>" + escape(text.substr(0, space)) + "</strong>" + escape(text.substr(space));
    };
    b += "<p class=\"facts\">" + fact(in.archives.size(), Str::LivFactEtapes) + " · " + fact(present, Str::LivFactPresent) +
         " · " + fact(cites.size(), Str::LivFactCites) + " · " + fact(practices, Str::LivFactPractices) + "</p>";
    b += contactBlock(in.settings) + "</section>\n";
    return b;
}

std::string contents(const BookletInput& in) {
    std::string b = "<section><h2>" + escape(tr(Str::LivContents)) + "</h2><table class=\"toc\"><tbody>";
    for (size_t i = 0; i < in.archives.size(); ++i) {
        const EtapeArchive& a = in.archives[i];
        const bool live = i < in.live.size() && in.live[i];
        b += "<tr><td class=\"num\">" + escape(etapeLabel(a)) + "</td><td><a href=\"#" + anchor(a, i) + "\">" +
             escape(a.etape.header.theme.empty() ? hostName(a) : a.etape.header.theme) + "</a>" +
             (live ? " <span class=\"muted\">(" + escape(tr(Str::LivNotArchivedTag)) + ")</span>" : "") + "</td><td>" +
             escape(hostName(a)) + "</td></tr>";
    }
    for (Str part : {Str::LivPractices, Str::LivParticipation, Str::LivHosts})
        b += "<tr><td></td><td colspan=\"2\">" + escape(tr(part)) + "</td></tr>";
    if (in.archives.empty()) b += "<tr><td>" + escape(tr(Str::LivNoEtape)) + "</td></tr>";
    return b + "</tbody></table></section>\n";
}

std::string chapter(const EtapeArchive& a, size_t index, const std::set<std::string>& shown, bool live) {
    const Etape& e = a.etape;
    std::string b = "<section class=\"chapter\" id=\"" + anchor(a, index) + "\"><h2>" + escape(etapeLabel(a)) + " — " +
                    escape(e.header.theme.empty() ? hostName(a) : e.header.theme) + "</h2><p class=\"etape-head\">" +
                    escape(hostName(a));
    if (!e.header.venue.empty()) b += " — " + escape(e.header.venue);
    b += " — " + escape(fmt(Str::LivPresentCount, {std::to_string(a.people.size())})) + "</p>";
    if (live) b += "<p class=\"muted\">" + escape(tr(Str::LivNotArchived)) + "</p>";

    // Programme.
    b += "<h3>" + escape(tr(Str::LivProgramme)) + "</h3>";
    if (e.programme.empty()) {
        b += "<p class=\"muted\">" + escape(tr(Str::SumNone)) + "</p>";
    } else {
        b += "<table><tbody>";
        for (const ProgrammeItem& item : e.programme)
            b += "<tr><td class=\"num\">" + escape(formatTimeFr(item.start)) + "–" + escape(formatTimeFr(item.end())) +
                 "</td><td>" + escape(item.title) + "</td><td class=\"muted\">" + escape(enumLabel(item.kind)) +
                 "</td></tr>";
        b += "</tbody></table>";
    }

    // The host's actions-phares (as in the étape's summary).
    if (const std::string part = actionsPharesHtml(a, shown); !part.empty()) b += "<div class=\"part\">" + part + "</div>";

    // Key ideas by board.
    b += "<h3>" + escape(tr(Str::LivKeyIdeas)) + "</h3>";
    if (e.boards.empty()) b += "<p class=\"muted\">" + escape(tr(Str::SumNone)) + "</p>";
    for (const Board& board : e.boards) {
        b += "<div class=\"board\"><h4>" + escape(board.title) + "</h4>";
        for (const BoardCategory& c : board.categories) {
            size_t total = 0;
            const std::vector<const Idea*> ideas = keyIdeas(board, c.id, &total);
            if (ideas.empty()) continue;
            b += "<div><em>" + escape(c.name) + "</em><ul>";
            for (const Idea* i : ideas) {
                b += "<li>" + escape(i->text);
                if (!i->merged.empty())
                    b += " <span class=\"muted\">(" + escape(fmt(Str::LivGathered, {std::to_string(i->merged.size() + 1)})) +
                         ")</span>";
                if (i->practice) b += " <span class=\"tag\">" + escape(tr(Str::LivPracticeTag)) + "</span>";
                b += "</li>";
            }
            if (total > ideas.size())
                b += "<li class=\"muted\">" + escape(fmt(Str::LivMoreIdeas, {std::to_string(total - ideas.size())})) + "</li>";
            b += "</ul></div>";
        }
        b += "</div>";
    }

    // Vote winners.
    b += "<h3>" + escape(tr(Str::LivVotes)) + "</h3><ul>";
    bool anyVote = false;
    for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
        const std::string first = winners(a, v);
        if (first.empty()) continue;
        b += "<li><strong>" + escape(first) + "</strong> — " + escape(e.votes[v].setup.question) + " <span class=\"muted\">(" +
             escape(fmt(Str::LivBallots, {std::to_string(a.results[v].ballots)})) + ")</span>" +
             chartHtml(voteSpec(e.votes[v], a.results[v])) + "</li>";
        anyVote = true;
    }
    if (!anyVote) b += "<li class=\"muted\">" + escape(tr(Str::SumNone)) + "</li>";
    b += "</ul>";

    // The evaluation of the day (as in the étape's summary).
    if (const std::string part = evaluationHtml(a); !part.empty()) b += "<div class=\"part\">" + part + "</div>";
    return b + "</section>\n";
}

std::string practicesPart(const BookletInput& in) {
    std::string b = "<section class=\"chapter\"><h2>" + escape(tr(Str::LivPractices)) + "</h2>";
    if (in.practices.empty()) b += "<p class=\"muted\">" + escape(tr(Str::SumNone)) + "</p>";
    if (const ChartSpec spec = followUpSpec(in); !spec.rows.empty())
        b += "<h3>" + escape(spec.title) + "</h3><p class=\"muted\">" + escape(tr(Str::ChartFollowUpIntro)) + "</p>" +
             chartHtml(spec);
    for (const BookletPractice& p : in.practices) {
        b += "<div class=\"practice\"><h3>" + escape(p.title) + "</h3><p class=\"muted\">" + escape(practiceFrom(p)) + "</p>";
        if (!p.description.empty()) b += "<p>" + escape(p.description) + "</p>";
        if (!p.themes.empty()) b += "<p>" + escape(fmt(Str::LivThemes, {joined(p.themes)})) + "</p>";
        if (!p.interested.empty()) b += "<p>" + escape(fmt(Str::LivInterested, {joined(p.interested)})) + "</p>";
        if (!p.followUps.empty()) {
            b += "<table><thead><tr><th>" + escape(tr(Str::LivColCite)) + "</th><th>" + escape(tr(Str::LivColStatus)) +
                 "</th><th>" + escape(tr(Str::LivColDate)) + "</th><th>" + escape(tr(Str::LivColNote)) + "</th></tr></thead><tbody>";
            for (const auto& f : p.followUps)
                b += "<tr><td>" + escape(f.cite) + "</td><td>" + escape(f.status) + "</td><td class=\"num\">" + escape(f.date) +
                     "</td><td>" + escape(f.note) + "</td></tr>";
            b += "</tbody></table>";
        }
        b += "</div>";
    }
    return b + "</section>\n";
}

/// A table of `rows` × étapes counting the people present for whom `key` gives the row.
template <class Key>
std::string matrix(const BookletInput& in, const std::vector<std::string>& rows, Key key) {
    std::string b = "<table class=\"matrix\"><thead><tr><th></th>";
    for (const EtapeArchive& a : in.archives) b += "<th class=\"num\">" + std::to_string(a.etape.header.number) + "</th>";
    b += "<th class=\"num\">" + escape(tr(Str::LivTotal)) + "</th></tr></thead><tbody>";
    for (const std::string& r : rows) {
        b += "<tr><td>" + escape(r) + "</td>";
        int total = 0;
        for (const EtapeArchive& a : in.archives) {
            int n = 0;
            for (const ArchivedPerson& p : a.people) n += key(p) == r;
            total += n;
            b += std::string("<td class=\"num") + (n ? " yes" : "") + "\">" + (n ? std::to_string(n) : "") + "</td>";
        }
        b += "<td class=\"num\">" + std::to_string(total) + "</td></tr>";
    }
    return b + "</tbody></table>";
}

std::string participationPart(const BookletInput& in) {
    std::set<std::string> territories(in.cites.begin(), in.cites.end());
    for (const EtapeArchive& a : in.archives)
        for (const ArchivedPerson& p : a.people) territories.insert(territoryOf(p));
    std::vector<std::string> rows(territories.begin(), territories.end());
    std::sort(rows.begin(), rows.end(), [](const std::string& x, const std::string& y) { return foldForSearch(x) < foldForSearch(y); });
    std::string b = "<section class=\"chapter\"><h2>" + escape(tr(Str::LivParticipation)) + "</h2>";
    for (bool byInstitution : {false, true}) {
        const ChartSpec spec = participationSpec(in, byInstitution);
        if (!spec.bars.empty()) b += "<h3>" + escape(spec.title) + "</h3>" + chartHtml(spec);
    }
    b += "<h3>" + escape(tr(Str::LivMatrix)) + "</h3>" + matrix(in, rows, territoryOf);
    std::vector<std::string> institutions;
    for (const auto& entry : enumEntries<Institution>()) institutions.emplace_back(tr(entry.label));
    b += "<h3>" + escape(tr(Str::LivByInstitution)) + "</h3>" +
         matrix(in, institutions, [](const ArchivedPerson& p) { return std::string(enumLabel(p.institution)); });
    return b + "</section>\n";
}

std::string hostsPart(const BookletInput& in) {
    std::string b = "<section><h2>" + escape(tr(Str::LivHosts)) + "</h2><table><tbody>";
    for (const std::string& c : in.cites) {
        std::string hosted;
        for (const EtapeArchive& a : in.archives)
            if (a.host == c) hosted += (hosted.empty() ? "" : ", ") + etapeLabel(a);
        b += std::string("<tr><td>") + escape(c) + "</td><td" + (hosted.empty() ? ">" : " class=\"yes\">") +
             escape(hosted.empty() ? tr(Str::LivNotHosted) : hosted) + "</td></tr>";
    }
    return b + "</tbody></table></section>\n";
}

// [SECTION] Annexes

/// The rows of a CSV this module wrote (its BOM and header line left out), to put several under one header.
std::string csvRows(const std::string& csv) {
    const size_t end = csv.find("\r\n");
    return end == std::string::npos ? std::string() : csv.substr(end + 2);
}

std::string participationCsv(const BookletInput& in) {
    std::string out = std::string(kCsvBom) + tr(Str::LivCsvParticipationHeader) + "\r\n";
    for (const EtapeArchive& a : in.archives) {
        std::map<std::pair<std::string, std::string>, int> counts;  // (territory, institution) → present
        for (const ArchivedPerson& p : a.people) ++counts[{territoryOf(p), std::string(enumLabel(p.institution))}];
        for (const auto& [key, n] : counts)
            out += csvRow({std::to_string(a.etape.header.number), toIso(a.etape.header.date), a.host, key.first, key.second,
                           std::to_string(n)});
    }
    return out;
}

std::string practicesCsv(const BookletInput& in) {
    std::string out = std::string(kCsvBom) + tr(Str::LivCsvPracticesHeader) + "\r\n";
    for (const BookletPractice& p : in.practices) {
        const std::string etape = p.etape > 0 ? std::to_string(p.etape) : "";
        const std::string themes = joined(p.themes), interested = joined(p.interested);
        if (p.followUps.empty())
            out += csvRow({p.title, p.source, p.cite, etape, p.board, themes, interested, "", "", "", "", p.description});
        for (const auto& f : p.followUps)
            out += csvRow({p.title, p.source, p.cite, etape, p.board, themes, interested, f.cite, f.status, f.date, f.note,
                           p.description});
    }
    return out;
}

std::string evaluationCsv(const BookletInput& in) {
    std::string out = std::string(kCsvBom) + tr(Str::LivCsvEvaluationHeader) + "\r\n";
    for (const EtapeArchive& a : in.archives) {
        const EvaluationResults r = evaluationResults(a.etape.evaluation);
        const std::string etape = std::to_string(a.etape.header.number), date = toIso(a.etape.header.date);
        for (const QuestionResult& q : r.questions) {
            auto line = [&](const std::string& answer, long long n) {
                out += csvRow({etape, date, q.question.text, enumLabel(q.question.kind), answer, std::to_string(n)});
            };
            for (size_t g = 0; g < q.profile.size() && g < r.grades.size(); ++g) line(r.grades[g], q.profile[g]);
            for (const auto& [text, n] : q.texts) line(text, n);
            for (const auto& [id, n] : q.practices) {
                std::string title = "?";
                for (const ArchivedPractice& p : a.practices)
                    if (p.id == id) title = p.text;
                line(title, n);
            }
        }
    }
    return out;
}

/// Whether an étape that is not archived held anything a booklet shows: people present, ideas, ballots, practices,
/// actions-phares or evaluation answers (a future étape with only its programme does not).
bool heldSomething(const Model& m, const Etape& e) {
    for (const Registration& r : e.registrations)
        if (r.present) return true;
    for (const Board& b : e.boards)
        if (!b.ideas.empty()) return true;
    for (const Vote& v : e.votes)
        if (!v.ballots.empty()) return true;
    return !e.actionsPhares.empty() || !e.evaluation.responses.empty() || !practicesOfEtape(m, e.id).empty();
}

}  // namespace

ChartSpec followUpSpec(const BookletInput& in) {
    ChartSpec spec{ChartSpec::Kind::Matrix, std::string(tr(Str::ChartFollowUpTitle))};
    std::set<std::string> cites;
    for (const BookletPractice& p : in.practices) {
        for (const std::string& c : p.interested) cites.insert(c);
        for (const auto& f : p.followUps) cites.insert(f.cite);
    }
    cites.erase("");
    spec.rows.assign(cites.begin(), cites.end());
    std::sort(spec.rows.begin(), spec.rows.end(),
              [](const std::string& x, const std::string& y) { return foldForSearch(x) < foldForSearch(y); });
    if (spec.rows.empty()) return spec;
    for (const BookletPractice& p : in.practices) spec.columns.push_back(p.title);
    spec.cells.assign(spec.rows.size(), std::vector<FollowUpMark>(spec.columns.size(), FollowUpMark::None));
    for (size_t c = 0; c < in.practices.size(); ++c) {
        const BookletPractice& p = in.practices[c];
        auto row = [&](const std::string& cite) {
            return static_cast<size_t>(std::find(spec.rows.begin(), spec.rows.end(), cite) - spec.rows.begin());
        };
        for (const std::string& cite : p.interested)
            if (size_t r = row(cite); r < spec.rows.size()) spec.cells[r][c] = FollowUpMark::Interested;
        // The follow-ups in the order kept (oldest first): the latest of a Cité is what its cell shows.
        for (const auto& f : p.followUps)
            if (size_t r = row(f.cite); r < spec.rows.size())
                spec.cells[r][c] = f.kind == FollowUpStatus::Adoptee  ? FollowUpMark::Adopted
                                   : f.kind == FollowUpStatus::Essayee ? FollowUpMark::Tried
                                                                       : FollowUpMark::Abandoned;
    }
    return spec;
}

ChartSpec participationSpec(const BookletInput& in, bool byInstitution) {
    std::map<std::string, int> counts;
    for (const EtapeArchive& a : in.archives)
        for (const ArchivedPerson& p : a.people)
            ++counts[byInstitution ? std::string(enumLabel(p.institution)) : territoryOf(p)];
    std::vector<std::pair<std::string, int>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    return barsSpec(tr(byInstitution ? Str::SumByInstitution : Str::SumByCite), rows);
}

BookletInput makeBookletInput(std::vector<EtapeArchive> archives, const Model& model, std::optional<int> year) {
    BookletInput in;
    std::vector<std::pair<EtapeArchive, bool>> etapes;  // (archive, made from the live data)
    for (EtapeArchive& a : archives)
        if (!year || a.etape.header.date.year == *year) etapes.emplace_back(std::move(a), false);
    // The étapes not archived yet (the day's, typically): from the data as it is now, so that the chapters, the
    // contents, the facts, the catalogue and the hosts all speak of the same étapes.
    for (const Etape& e : model.etapes) {
        if (year && e.header.date.year != *year) continue;
        const bool archived = std::any_of(etapes.begin(), etapes.end(), [&](const auto& x) {
            return x.first.etape.id == e.id && x.first.etape.header.number == e.header.number;
        });
        if (!archived && heldSomething(model, e)) etapes.emplace_back(makeArchive(model, e, "", ""), true);
    }
    std::stable_sort(etapes.begin(), etapes.end(), [](const auto& a, const auto& b) {
        return a.first.etape.header.date < b.first.etape.header.date;
    });
    for (auto& [a, live] : etapes) {
        in.archives.push_back(std::move(a));
        in.live.push_back(live);
    }
    for (const Territory& t : model.territories)
        if (t.cite) in.cites.push_back(t.name);
    in.settings = model.settings;
    in.title = year ? fmt(Str::LivTitleYear, {std::to_string(*year)}) : std::string(tr(Str::LivTitleTour));

    // The catalogue: the library's practices shown at an étape of the period (the étape itself, or its archive
    // when it is gone), with today's follow-up; then the practices of archives older than the library.
    auto inPeriod = [&](const Practice& p) {
        if (!year) return true;
        if (const Etape* e = model.etape(p.etape)) return e->header.date.year == *year;
        for (const EtapeArchive& a : in.archives)
            if (a.etape.header.number == p.etapeNumber) return true;
        return false;
    };
    auto citeName = [&](std::optional<Id> id) {
        const Territory* t = id ? model.territory(*id) : nullptr;
        return t ? t->name : std::string();
    };
    for (const Practice* p : libraryPractices(model)) {
        if (!inPeriod(*p)) continue;
        BookletPractice bp{p->title, practiceDescription(model, *p), enumLabel(p->source), citeName(p->cite),
                           p->etapeNumber, p->source == PracticeSource::Board ? p->boardTitle : "", p->themes, {}, {}};
        for (Id cite : interestedCites(model, *p)) bp.interested.push_back(citeName(cite));
        for (const FollowUp& f : p->followUps)
            bp.followUps.push_back({citeName(f.territory), enumLabel(f.status), formatShortFr(f.date), f.note, f.status});
        in.practices.push_back(std::move(bp));
    }
    for (const EtapeArchive& a : in.archives)
        for (const ArchivedPractice& p : a.practices)
            if (p.id == 0)
                in.practices.push_back(BookletPractice{p.text, "", enumLabel(PracticeSource::Board), a.host,
                                                       a.etape.header.number, p.board, {}, {}, {}});
    return in;
}

std::string bookletHtml(const BookletInput& in) {
    std::string b = kBookletStyle;
    b += cover(in);
    b += contents(in);
    std::set<std::string> shown;
    for (const auto& [path, bytes] : in.photos) shown.insert(path);
    for (size_t i = 0; i < in.archives.size(); ++i) b += chapter(in.archives[i], i, shown, i < in.live.size() && in.live[i]);
    b += practicesPart(in);
    b += participationPart(in);
    b += hostsPart(in);
    return htmlPage(in.title, b);
}

std::vector<std::pair<std::string, std::string>> bookletFiles(const BookletInput& in) {
    std::string ideas = std::string(kCsvBom) + tr(Str::CsvIdeasHeader) + "\r\n";
    std::string votes = std::string(kCsvBom) + tr(Str::CsvVotesHeader) + "\r\n";
    for (const EtapeArchive& a : in.archives) {
        ideas += csvRows(ideasCsv(a));
        votes += csvRows(votesCsv(a));
    }
    std::vector<std::pair<std::string, std::string>> files = {{"livret.html", bookletHtml(in)},
                                                              {"participation.csv", participationCsv(in)},
                                                              {"idees.csv", std::move(ideas)},
                                                              {"votes.csv", std::move(votes)},
                                                              {"pratiques.csv", practicesCsv(in)},
                                                              {"evaluation.csv", evaluationCsv(in)}};
    try {
        files.insert(files.begin() + 1, {"livret.pdf", bookletPdf(in)});
    } catch (const PdfError& e) {  // the other documents are still written, and the folder says why the PDF is not
        files.emplace_back(kPdfProblemFile, e.what() + std::string("\r\n"));
    }
    files.insert(files.end(), in.photos.begin(), in.photos.end());
    return files;
}

// [SECTION] The booklet as a document (the PDF)

namespace {

DocBlock heading(int level, std::string text) { return DocBlock{DocBlock::Kind::Heading, level, std::move(text)}; }
DocBlock textBlock(DocBlock::Kind kind, std::string text) {
    DocBlock b{kind};
    b.text = std::move(text);
    return b;
}
DocBlock listBlock(std::vector<std::string> items) {
    DocBlock b{DocBlock::Kind::List};
    b.items = std::move(items);
    return b;
}
DocBlock chartBlock(ChartSpec spec) {
    DocBlock b{DocBlock::Kind::Chart};
    b.chart = std::move(spec);
    return b;
}

/// The participation table of `rows` × étapes (the same counts as the HTML's matrix).
template <class Key>
DocBlock matrixBlock(const BookletInput& in, const std::vector<std::string>& rows, Key key) {
    DocBlock b{DocBlock::Kind::Table};
    b.table.header.push_back("");
    b.table.widths.push_back(4);
    for (const EtapeArchive& a : in.archives) {
        b.table.header.push_back(std::to_string(a.etape.header.number));
        b.table.widths.push_back(1);
    }
    b.table.header.push_back(tr(Str::LivTotal));
    b.table.widths.push_back(1.4);
    for (const std::string& r : rows) {
        std::vector<std::string> line{r};
        int total = 0;
        for (const EtapeArchive& a : in.archives) {
            int n = 0;
            for (const ArchivedPerson& p : a.people) n += key(p) == r;
            total += n;
            line.push_back(n ? std::to_string(n) : "");
        }
        line.push_back(std::to_string(total));
        b.table.rows.push_back(std::move(line));
    }
    return b;
}

}  // namespace

Document bookletDocument(const BookletInput& in) {
    Document d;
    d.title = in.title;
    d.author = in.settings.organisation.empty() ? std::string(tr(Str::TourTitle)) : in.settings.organisation;
    d.kicker = tr(Str::TourTitle);
    d.coverPage = true;
    d.cover.push_back(tr(Str::LivLead));
    {
        std::set<std::string> cites;
        size_t present = 0;
        for (const EtapeArchive& a : in.archives) {
            present += a.people.size();
            for (const ArchivedPerson& p : a.people)
                if (p.cite && !p.territory.empty()) cites.insert(p.territory);
        }
        d.cover.push_back(fmt(Str::LivFactEtapes, {std::to_string(in.archives.size())}) + " · " +
                          fmt(Str::LivFactPresent, {std::to_string(present)}) + " · " +
                          fmt(Str::LivFactCites, {std::to_string(cites.size())}) + " · " +
                          fmt(Str::LivFactPractices, {std::to_string(in.practices.size())}));
        std::string contact = std::string(tr(Str::DocContactHeading)) + " — " + in.settings.organisation;
        for (const std::string* part : {&in.settings.contactName, &in.settings.contactEmail, &in.settings.contactPhone})
            if (!part->empty()) contact += " · " + *part;
        d.cover.push_back(contact);
    }
    std::set<std::string> shown;
    for (const auto& [path, bytes] : in.photos) shown.insert(path);
    auto& b = d.blocks;
    if (in.archives.empty()) b.push_back(textBlock(DocBlock::Kind::Paragraph, tr(Str::LivNoEtape)));
    for (size_t i = 0; i < in.archives.size(); ++i) {
        const EtapeArchive& a = in.archives[i];
        const Etape& e = a.etape;
        b.push_back(DocBlock{DocBlock::Kind::PageBreak});
        b.push_back(heading(1, etapeLabel(a) + " — " + (e.header.theme.empty() ? hostName(a) : e.header.theme)));
        std::string head = hostName(a);
        if (!e.header.venue.empty()) head += " — " + e.header.venue;
        head += " — " + fmt(Str::LivPresentCount, {std::to_string(a.people.size())});
        b.push_back(textBlock(DocBlock::Kind::Note, head));
        if (i < in.live.size() && in.live[i]) b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::LivNotArchived)));

        b.push_back(heading(2, tr(Str::LivProgramme)));
        if (e.programme.empty()) b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::SumNone)));
        else {
            DocBlock t{DocBlock::Kind::Table};
            t.table.header = {tr(Str::DocColTime), tr(Str::DocColActivity), tr(Str::DocColKind)};
            t.table.widths = {1.2, 3, 1.4};
            for (const ProgrammeItem& item : e.programme)
                t.table.rows.push_back({formatTimeFr(item.start) + "–" + formatTimeFr(item.end()), item.title,
                                        std::string(enumLabel(item.kind))});
            b.push_back(std::move(t));
        }
        appendActionsPhares(d, a, shown);

        b.push_back(heading(2, tr(Str::LivKeyIdeas)));
        if (e.boards.empty()) b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::SumNone)));
        for (const Board& board : e.boards) {
            b.push_back(heading(3, board.title));
            for (const BoardCategory& c : board.categories) {
                size_t total = 0;
                const std::vector<const Idea*> ideas = keyIdeas(board, c.id, &total);
                if (ideas.empty()) continue;
                b.push_back(textBlock(DocBlock::Kind::Note, c.name));
                std::vector<std::string> items;
                for (const Idea* idea : ideas) {
                    std::string item = idea->text;
                    if (!idea->merged.empty())
                        item += " (" + fmt(Str::LivGathered, {std::to_string(idea->merged.size() + 1)}) + ")";
                    if (idea->practice) item += " — " + std::string(tr(Str::LivPracticeTag));
                    items.push_back(std::move(item));
                }
                if (total > ideas.size()) items.push_back(fmt(Str::LivMoreIdeas, {std::to_string(total - ideas.size())}));
                b.push_back(listBlock(std::move(items)));
            }
        }

        b.push_back(heading(2, tr(Str::LivVotes)));
        bool anyVote = false;
        for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
            const std::string first = winners(a, v);
            if (first.empty()) continue;
            b.push_back(textBlock(DocBlock::Kind::Paragraph, first + " — " + e.votes[v].setup.question + " (" +
                                                                 fmt(Str::LivBallots, {std::to_string(a.results[v].ballots)}) + ")"));
            b.push_back(chartBlock(voteSpec(e.votes[v], a.results[v])));
            anyVote = true;
        }
        if (!anyVote) b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::SumNone)));
        appendEvaluation(d, a);
    }

    // The catalogue of practices, its follow-up matrix first.
    b.push_back(DocBlock{DocBlock::Kind::PageBreak});
    b.push_back(heading(1, tr(Str::LivPractices)));
    if (in.practices.empty()) b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::SumNone)));
    if (ChartSpec spec = followUpSpec(in); !spec.rows.empty()) {
        b.push_back(heading(2, spec.title));
        b.push_back(textBlock(DocBlock::Kind::Note, tr(Str::ChartFollowUpIntro)));
        b.push_back(chartBlock(std::move(spec)));
    }
    for (const BookletPractice& p : in.practices) {
        b.push_back(heading(3, p.title));
        b.push_back(textBlock(DocBlock::Kind::Note, practiceFrom(p)));
        if (!p.description.empty()) b.push_back(textBlock(DocBlock::Kind::Paragraph, p.description));
        if (!p.themes.empty()) b.push_back(textBlock(DocBlock::Kind::Paragraph, fmt(Str::LivThemes, {joined(p.themes)})));
        if (!p.interested.empty())
            b.push_back(textBlock(DocBlock::Kind::Paragraph, fmt(Str::LivInterested, {joined(p.interested)})));
        if (!p.followUps.empty()) {
            DocBlock t{DocBlock::Kind::Table};
            t.table.header = {tr(Str::LivColCite), tr(Str::LivColStatus), tr(Str::LivColDate), tr(Str::LivColNote)};
            t.table.widths = {1.5, 1.2, 1.1, 3};
            for (const auto& f : p.followUps) t.table.rows.push_back({f.cite, f.status, f.date, f.note});
            b.push_back(std::move(t));
        }
    }

    // Participation: the bars of the period, then the tables by étape.
    b.push_back(DocBlock{DocBlock::Kind::PageBreak});
    b.push_back(heading(1, tr(Str::LivParticipation)));
    for (bool byInstitution : {false, true}) {
        ChartSpec spec = participationSpec(in, byInstitution);
        if (spec.bars.empty()) continue;
        b.push_back(heading(2, spec.title));
        b.push_back(chartBlock(std::move(spec)));
    }
    std::set<std::string> territories(in.cites.begin(), in.cites.end());
    for (const EtapeArchive& a : in.archives)
        for (const ArchivedPerson& p : a.people) territories.insert(territoryOf(p));
    std::vector<std::string> rows(territories.begin(), territories.end());
    std::sort(rows.begin(), rows.end(), [](const std::string& x, const std::string& y) { return foldForSearch(x) < foldForSearch(y); });
    b.push_back(heading(2, tr(Str::LivMatrix)));
    b.push_back(matrixBlock(in, rows, territoryOf));
    std::vector<std::string> institutions;
    for (const auto& entry : enumEntries<Institution>()) institutions.emplace_back(tr(entry.label));
    b.push_back(heading(2, tr(Str::LivByInstitution)));
    b.push_back(matrixBlock(in, institutions, [](const ArchivedPerson& p) { return std::string(enumLabel(p.institution)); }));

    // The Cités that hosted.
    b.push_back(heading(1, tr(Str::LivHosts)));
    DocBlock hosts{DocBlock::Kind::Table};
    hosts.table.header = {tr(Str::LivColCite), tr(Str::DocColHosted)};
    hosts.table.widths = {1, 2};
    for (const std::string& c : in.cites) {
        std::string hosted;
        for (const EtapeArchive& a : in.archives)
            if (a.host == c) hosted += (hosted.empty() ? "" : ", ") + etapeLabel(a);
        hosts.table.rows.push_back({c, hosted.empty() ? std::string(tr(Str::LivNotHosted)) : hosted});
    }
    b.push_back(std::move(hosts));
    return d;
}

std::vector<std::string> bookletPhotoPaths(const BookletInput& in) {
    std::vector<std::string> paths;
    for (const EtapeArchive& a : in.archives)
        for (const ActionPhare& ap : a.etape.actionsPhares)
            for (const std::string& photo : ap.photos)
                if (std::find(paths.begin(), paths.end(), photo) == paths.end()) paths.push_back(photo);
    return paths;
}

}  // namespace atelier::exporting
