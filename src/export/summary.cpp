// [SECTION] Shared facts
// [SECTION] Writer interface
// [SECTION] The walk, once for both formats
// [SECTION] HTML writer
// [SECTION] Document writer (the PDF)
// [SECTION] Markdown writer
// [SECTION] CSV

#include "export/summary.h"

#include <algorithm>
#include <map>

#include "core/breakout.h"
#include "core/enums.h"
#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/charts.h"
#include "export/document.h"
#include "export/html.h"
#include "export/pdf.h"

namespace atelier::exporting {

namespace {

// [SECTION] Shared facts

std::string hostLine(const EtapeArchive& a) {
    const Etape& e = a.etape;
    std::string out = fmt(Str::EtapeNumber, {std::to_string(e.header.number)}) + " — " + formatLongFr(e.header.date);
    return out + " — " + hostName(a);
}

/// The lines under a practice of the day (format 4): its description, themes, interested Cités and follow-ups.
std::vector<std::string> practiceDetails(const ArchivedPractice& p) {
    std::vector<std::string> out;
    if (!p.description.empty()) out.push_back(p.description);
    auto joined = [](const std::vector<std::string>& items) {
        std::string text;
        for (const std::string& i : items) text += (text.empty() ? "" : ", ") + i;
        return text;
    };
    if (!p.themes.empty()) out.push_back(fmt(Str::SumPracticeThemes, {joined(p.themes)}));
    if (!p.interested.empty()) out.push_back(fmt(Str::SumPracticeInterested, {joined(p.interested)}));
    for (const ArchivedFollowUp& f : p.followUps) {
        std::string line = fmt(Str::SumPracticeFollowUp, {enumLabel(f.status), f.cite, formatShortFr(f.date)});
        if (!f.note.empty()) line += " — " + f.note;
        out.push_back(std::move(line));
    }
    return out;
}

/// Where a practice of the day comes from: its board (and group), or « Action-phare ».
std::string practiceOrigin(const ArchivedPractice& p) {
    if (p.source == PracticeSource::ActionPhare) return enumLabel(p.source);
    return p.group.empty() ? p.board : p.board + " — " + p.group;
}

std::string personName(const EtapeArchive& a, Id id) {
    const ArchivedPerson* p = a.person(id);
    return p ? p->name : "?";
}

/// « Zoé Lefèvre — Amiens — Rectorat d'Amiens, Copilote » for each person, by name: the structure and the function
/// as typed at registration, the category when none was typed.
std::vector<std::string> peopleLines(const EtapeArchive& a) {
    std::vector<const ArchivedPerson*> people;
    for (const ArchivedPerson& p : a.people) people.push_back(&p);
    std::stable_sort(people.begin(), people.end(), [](const ArchivedPerson* x, const ArchivedPerson* y) {
        return foldForSearch(x->name) < foldForSearch(y->name);
    });
    std::vector<std::string> out;
    for (const ArchivedPerson* p : people) {
        std::string line = p->name;
        if (!p->territory.empty()) line += " \u2014 " + p->territory;
        const std::string work = structureAndFunction(p->structure, p->function);
        if (!work.empty()) line += " \u2014 " + work;
        else if (p->institution != Institution::Autre) line += " \u2014 " + std::string(enumLabel(p->institution));
        out.push_back(std::move(line));
    }
    return out;
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

// [SECTION] Writer interface

/// The top of the summary.
struct SummaryHeader {
    std::string kicker;              // the Tour's name
    std::string example;             // the example-archive warning, empty for a real étape
    std::string title;
    std::string host;                // « Étape 1 — mardi 11 février 2020 — Cité éducative d'Amiens »
    std::vector<std::string> lines;  // theme, venue (when set)
    std::string saved;               // when and by which Atelier the archive was written
};

struct ProgrammeLine {
    std::string time;  // « 9 h 00 – 9 h 30 »
    std::string title;
};

using Counts = std::vector<std::pair<std::string, int>>;

struct GroupLine {
    std::string name, room, question;
    std::string members;  // « Ana, Bruno, Chloé »
};

struct IdeaLine {
    std::string text;
    std::vector<std::string> merged;  // texts of the ideas it absorbed
    std::string group;
    bool practice = false;
    std::optional<Id> cluster;
    std::string clusterName;  // empty when none (or unknown)
};

/// A place for ideas inside a column: no cluster first, then the column's clusters in board order.
struct ClusterSlot {
    std::optional<Id> cluster;
    std::optional<std::string> title;  // none for « no cluster » when the column has no cluster
};

/// One column of a board: its ideas in board order, and the slots they may be shown in.
struct IdeaColumn {
    std::string name;
    std::vector<ClusterSlot> slots;
    std::vector<IdeaLine> ideas;
};

struct OptionLine {
    int rank = 0;  // 1-based, shared within a tier
    std::string name;
    double share = 0;  // width of its bar, in percent of the largest
    std::string score;
};

/// How one format writes the elements of the summary; writeSummary walks the archive once and calls these in
/// order. Each writer escapes the text it is given for its own format.
class SummaryWriter {
public:
    virtual ~SummaryWriter() = default;
    virtual void header(const SummaryHeader& h) = 0;
    virtual void section(std::string_view title) = 0;
    virtual void subsection(std::string_view title) = 0;
    virtual void paragraph(std::string_view text) = 0;
    /// A secondary line under a subsection (a vote's method and ballots).
    virtual void note(std::string_view text) = 0;
    /// A photo beside the document (`src`: its relative path), with its caption.
    virtual void figure(std::string_view src, std::string_view caption) = 0;
    virtual void list(const std::vector<std::string>& items) = 0;
    virtual void programme(const std::vector<ProgrammeLine>& items) = 0;
    virtual void participation(std::string_view byCite, const Counts& cites, std::string_view byInstitution,
                               const Counts& institutions) = 0;
    virtual void groupRound(const std::vector<GroupLine>& groups) = 0;
    /// Writes nothing for a column without ideas to show.
    virtual void ideaColumn(const IdeaColumn& column) = 0;
    /// A counted vote: its chart (merit profiles, bars, « Aucun bulletin ») and its options in ranking order (empty
    /// when nobody voted).
    virtual void voteResult(const ChartSpec& chart, const std::vector<OptionLine>& options) = 0;
    /// A chart whose numbers the document writes beside it in text (the evaluation's profile).
    virtual void chart(const ChartSpec& chart) = 0;
    virtual void practices(const std::vector<ArchivedPractice>& practices) = 0;
};

// [SECTION] The walk, once for both formats

/// The host's actions-phares (title, description, partners, contact; the photos in `shown` drawn, the others named).
void writeActionsPhares(const EtapeArchive& a, SummaryWriter& w, const std::set<std::string>& shown = {}) {
    const Etape& e = a.etape;
    if (!e.actionsPhares.empty()) {
        w.section(tr(Str::SumActionsPhares));
        for (const ActionPhare& ap : e.actionsPhares) {
            w.subsection(ap.title);
            if (!ap.description.empty()) w.paragraph(ap.description);
            if (!ap.partners.empty()) w.note(fmt(Str::SumPartners, {ap.partners}));
            if (!ap.contact.empty()) w.note(fmt(Str::SumContact, {ap.contact}));
            std::string names;
            for (const std::string& photo : ap.photos) {
                if (shown.count(photo)) w.figure(photo, ap.title);
                else names += (names.empty() ? "" : ", ") + photo;
            }
            if (!names.empty()) w.note(fmt(Str::SumPhotos, {names}));
        }
    }
}

/// The evaluation of the day: answers, then each question's results (profile, sentences, practices wanted).
void writeEvaluation(const EtapeArchive& a, SummaryWriter& w) {
    const Etape& e = a.etape;
    if (!e.evaluation.questions.empty()) {
        w.section(tr(Str::SumEvaluation));
        const EvaluationResults r = evaluationResults(e.evaluation);
        w.paragraph(fmt(Str::SumEvaluationResponses, {std::to_string(r.respondents)}));
        for (const QuestionResult& q : r.questions) {
            w.subsection(q.question.text);
            if (q.respondents == 0) {
                w.note(tr(Str::SumEvaluationNoAnswer));
                continue;
            }
            std::vector<std::string> lines;
            switch (q.question.kind) {
            case QuestionKind::Grade:
                if (q.median >= 0)
                    w.paragraph(fmt(Str::SumEvaluationMedian,
                                    {r.grades[static_cast<size_t>(q.median)], std::to_string(q.respondents)}));
                {
                    ChartSpec spec{ChartSpec::Kind::MeritProfiles, q.question.text};
                    spec.grades = r.grades;
                    spec.profiles.push_back({"", 0, false, q.profile, q.median});
                    w.chart(spec);
                }
                for (size_t g = q.profile.size(); g-- > 0;)  // the merit profile, best grade first
                    lines.push_back(fmt(Str::SumEvaluationProfile, {r.grades[g], std::to_string(q.profile[g])}));
                break;
            case QuestionKind::Sentence:
            case QuestionKind::Themes:
                for (const auto& [text, n] : q.texts) lines.push_back(n > 1 ? text + " (×" + std::to_string(n) + ")" : text);
                break;
            case QuestionKind::Practices:
                for (const auto& [id, n] : q.practices) {
                    std::string title = "?";
                    for (const ArchivedPractice& p : a.practices)
                        if (p.id == id) title = p.text;
                    lines.push_back(fmt(Str::SumEvaluationWanted, {title, std::to_string(n)}));
                }
                break;
            }
            w.list(lines);
        }
    }
}

void writeSummary(const EtapeArchive& a, SummaryWriter& w, const std::set<std::string>& shown = {}) {
    const Etape& e = a.etape;
    SummaryHeader h{tr(Str::TourTitle), a.format.example ? tr(Str::SumExample) : "", tr(Str::SumTitle), hostLine(a),
                    {}, fmt(Str::SumSaved, {formatUtcStampFr(a.savedAt), a.format.atelier})};
    if (!e.header.theme.empty()) h.lines.push_back(fmt(Str::DocTheme, {e.header.theme}));
    if (!e.header.venue.empty()) h.lines.push_back(fmt(Str::DocVenue, {e.header.venue}));
    w.header(h);

    w.section(tr(Str::SumProgramme));
    std::vector<ProgrammeLine> programme;
    for (const ProgrammeItem& i : e.programme)
        programme.push_back({formatTimeFr(i.start) + " – " + formatTimeFr(i.end()), i.title});
    w.programme(programme);

    w.section(tr(Str::SumParticipation));
    w.paragraph(fmt(Str::SumPeopleCount, {std::to_string(a.people.size())}));
    w.participation(tr(Str::SumByCite), countBy(a, false), tr(Str::SumByInstitution), countBy(a, true));
    if (!a.people.empty()) {
        w.subsection(tr(Str::SumPeople));
        w.list(peopleLines(a));
    }

    // The speed-meeting rounds that took place (a round prepared but never run is not part of the day).
    const bool anyRun = std::any_of(e.icebreaker.rounds.begin(), e.icebreaker.rounds.end(),
                                    [](const MeetingRound& r) { return r.run; });
    if (anyRun || !e.icebreaker.drawn.empty()) {
        w.section(tr(Str::SumIcebreaker));
        int n = 0;
        for (const MeetingRound& r : e.icebreaker.rounds) {
            ++n;
            if (!r.run) continue;
            w.subsection(fmt(Str::SumMeetingRound, {std::to_string(n), r.prompt}));
            std::vector<std::string> pairs;
            for (const auto& pair : r.pairs) {
                std::string names;
                for (Id id : pair) names += (names.empty() ? "" : " · ") + personName(a, id);
                pairs.push_back(std::move(names));
            }
            w.list(pairs);
        }
        if (!e.icebreaker.drawn.empty()) {
            w.subsection(tr(Str::SumCardsDrawn));
            w.list(e.icebreaker.drawn);
        }
    }

    writeActionsPhares(a, w, shown);

    if (!e.groups.empty()) {
        w.section(tr(Str::SumGroups));
        int n = 0;
        for (const GroupRound& r : e.groups.rounds) {
            w.subsection(fmt(Str::SumRound, {std::to_string(++n)}));
            std::vector<GroupLine> groups;
            for (size_t gi = 0; gi < r.groups.size(); ++gi) {
                const Group& g = r.groups[gi];
                std::string names;
                for (Id id : g.members) names += (names.empty() ? "" : ", ") + personName(a, id);
                groups.push_back({g.name, groupRoom(e.groups, n - 1, static_cast<int>(gi)), g.question, std::move(names)});
            }
            w.groupRound(groups);
        }
    }

    if (!e.boards.empty()) {
        w.section(tr(Str::SumBoards));
        for (const Board& board : e.boards) {
            w.subsection(board.title);
            for (const BoardCategory& c : board.categories) {
                IdeaColumn column{c.name, {{std::nullopt, std::nullopt}}, {}};
                for (const IdeaCluster& k : board.clusters)
                    if (k.category == c.id) column.slots.push_back({k.id, clusterName(board, k.id)});
                if (column.slots.size() > 1) column.slots.front().title = tr(Str::SumNoCluster);
                for (const Idea& i : board.ideas) {
                    if (i.category != c.id) continue;
                    // An idea that absorbed others is credited to every group that wrote one of them.
                    std::string groups = i.group;
                    for (const MergedIdea& m : i.merged) {
                        const std::string_view g = trim(m.group);
                        if (g.empty() || foldForSearch(groups).find(foldForSearch(g)) != std::string::npos) continue;
                        groups += (groups.empty() ? "" : ", ") + std::string(g);
                    }
                    IdeaLine line{i.text, {}, groups, i.practice, i.cluster, clusterName(board, i.cluster)};
                    for (const MergedIdea& m : i.merged) line.merged.push_back(m.text);
                    column.ideas.push_back(std::move(line));
                }
                w.ideaColumn(column);
            }
        }
    }

    if (!e.votes.empty()) {
        w.section(tr(Str::SumVotes));
        for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
            const Vote& vote = e.votes[v];
            const ArchivedResult& r = a.results[v];
            w.subsection(vote.setup.question);
            w.note(std::string(enumLabel(vote.setup.method)) + " — " + fmt(Str::SumBallots, {std::to_string(r.ballots)}));
            if (!r.counted) {
                w.paragraph(fmt(Str::SumNotCounted, {r.error}));
                continue;
            }
            std::vector<OptionLine> options;
            // With no ballot every proposal would tie at the bottom: the writers say that nobody has voted.
            if (r.ballots > 0)
                for (const auto& [rank, option] : rankedOptions(r))
                    options.push_back({rank, optionName(vote, option), barShare(vote, r, option), scoreLabel(vote, r, option)});
            w.voteResult(voteSpec(vote, r), options);
        }
    }

    writeEvaluation(a, w);

    w.section(tr(Str::SumPractices));
    w.practices(a.practices);
}

// [SECTION] HTML writer

constexpr const char* kSummaryStyle = R"css(<style>
h2 { font-size: 13pt; color: #003e8c; border-bottom: 1px solid #003e8c; margin: 18px 0 6px; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10px 0 4px; page-break-after: avoid; }
ul { margin: 4px 0 8px 18px; padding: 0; } li { margin: 1px 0; }
.idea-group { color: #555; font-size: 8.5pt; }
.practice { color: #2b8a3e; font-weight: bold; font-size: 8.5pt; }
.example { border: 2px dashed #d9480f; color: #d9480f; padding: 2px 8px; display: inline-block; font-weight: bold; }
</style>)css";

class HtmlWriter final : public SummaryWriter {
public:
    /// The whole page around what was written.
    std::string page() const { return htmlPage(title_, body_); }
    /// What was written, without the page around it.
    const std::string& body() const { return body_; }

    void header(const SummaryHeader& h) override {
        title_ = h.title + " — " + h.host;
        body_ = kSummaryStyle;
        body_ += "<header><div class=\"kicker\">" + escape(h.kicker) + "</div>";
        if (!h.example.empty()) body_ += "<div class=\"example\">" + escape(h.example) + "</div>";
        body_ += "<h1>" + escape(h.title) + "</h1>";
        body_ += "<p>" + escape(h.host) + "</p>";
        for (const std::string& line : h.lines) body_ += "<p>" + escape(line) + "</p>";
        body_ += "<p class=\"muted\">" + escape(h.saved) + "</p></header>\n";
    }
    void section(std::string_view title) override { body_ += "<h2>" + escape(title) + "</h2>\n"; }
    void subsection(std::string_view title) override { body_ += "<h3>" + escape(title) + "</h3>"; }
    void paragraph(std::string_view text) override { body_ += "<p>" + escape(text) + "</p>"; }
    void note(std::string_view text) override { body_ += "<p class=\"muted\">" + escape(text) + "</p>"; }
    void figure(std::string_view src, std::string_view caption) override {
        body_ += "<figure class=\"photo\"><img src=\"" + escape(src) + "\" alt=\"" + escape(caption) +
                 "\"><figcaption>" + escape(caption) + "</figcaption></figure>";
    }
    void list(const std::vector<std::string>& items) override {
        body_ += "<ul>";
        for (const std::string& item : items) body_ += "<li>" + escape(item) + "</li>";
        body_ += "</ul>";
    }
    void programme(const std::vector<ProgrammeLine>& items) override {
        body_ += "<table><tbody>";
        for (const ProgrammeLine& i : items)
            body_ += "<tr><td class=\"num\">" + escape(i.time) + "</td><td>" + escape(i.title) + "</td></tr>";
        body_ += "</tbody></table>\n";
    }
    void participation(std::string_view byCite, const Counts& cites, std::string_view byInstitution,
                       const Counts& institutions) override {
        body_ += "<h3>" + escape(byCite) + "</h3>" + chartHtml(barsSpec(std::string(byCite), cites)) + "<h3>" +
                 escape(byInstitution) + "</h3>" + chartHtml(barsSpec(std::string(byInstitution), institutions));
    }
    void groupRound(const std::vector<GroupLine>& groups) override {
        body_ += "<table><tbody>";
        for (const GroupLine& g : groups)
            body_ += "<tr><td><strong>" + escape(g.name) + "</strong>" +
                     (g.room.empty() ? "" : "<br><span class=\"muted\">" + escape(g.room) + "</span>") +
                     (g.question.empty() ? "" : "<br><em>" + escape(g.question) + "</em>") + "</td><td>" +
                     escape(g.members) + "</td></tr>";
        body_ += "</tbody></table>";
    }
    /// The ideas slot by slot (an idea whose cluster is in another column is in no slot, and not shown).
    void ideaColumn(const IdeaColumn& column) override {
        bool any = false;
        std::string out = "<p><strong>" + escape(column.name) + "</strong></p>";
        for (const ClusterSlot& slot : column.slots) {
            std::string items;
            for (const IdeaLine& i : column.ideas) {
                if (i.cluster != slot.cluster) continue;
                items += "<li>" + escape(i.text);
                for (const std::string& m : i.merged) items += " / " + escape(m);
                if (!i.group.empty()) items += " <span class=\"idea-group\">(" + escape(i.group) + ")</span>";
                if (i.practice) items += " <span class=\"practice\">" + escape(tr(Str::BoardPracticeMark)) + "</span>";
                items += "</li>";
            }
            if (items.empty()) continue;
            any = true;
            if (slot.title) out += "<p><em>" + escape(*slot.title) + "</em></p>";
            out += "<ul>" + items + "</ul>";
        }
        if (any) body_ += out;
    }
    void voteResult(const ChartSpec& chart, const std::vector<OptionLine>&) override { body_ += chartHtml(chart); }
    void chart(const ChartSpec& chart) override { body_ += chartHtml(chart, true); }
    void practices(const std::vector<ArchivedPractice>& practices) override {
        if (practices.empty()) {
            paragraph(tr(Str::SumNone));
            return;
        }
        body_ += "<ul>";
        for (const ArchivedPractice& p : practices) {
            body_ += "<li>" + escape(p.text) + " <span class=\"idea-group\">(" + escape(practiceOrigin(p)) + ")</span>";
            for (const std::string& line : practiceDetails(p)) body_ += "<br><span class=\"idea-group\">" + escape(line) + "</span>";
            body_ += "</li>";
        }
        body_ += "</ul>";
    }

private:
    std::string title_;
    std::string body_;
};

// [SECTION] Document writer (the PDF)

/// The summary as blocks for export/pdf.h. Sections are headings of level 1 + `offset`.
class DocWriter final : public SummaryWriter {
public:
    explicit DocWriter(Document& d, int offset = 0) : d_(d), offset_(offset) {}

    void header(const SummaryHeader& h) override {
        d_.title = h.title + " — " + h.host;
        d_.kicker = h.kicker;
        d_.cover.clear();
        if (!h.example.empty()) d_.cover.push_back(h.example);
        d_.cover.push_back(h.host);
        for (const std::string& line : h.lines) d_.cover.push_back(line);
        d_.cover.push_back(h.saved);
    }
    void section(std::string_view title) override { heading(1, title); }
    void subsection(std::string_view title) override { heading(2, title); }
    void paragraph(std::string_view text) override { add(DocBlock::Kind::Paragraph, text); }
    void note(std::string_view text) override { add(DocBlock::Kind::Note, text); }
    void figure(std::string_view src, std::string_view caption) override {
        DocBlock b{DocBlock::Kind::Photo};
        b.photo = src;
        b.text = caption;
        d_.blocks.push_back(std::move(b));
    }
    void list(const std::vector<std::string>& items) override {
        DocBlock b{DocBlock::Kind::List};
        b.items = items;
        d_.blocks.push_back(std::move(b));
    }
    void programme(const std::vector<ProgrammeLine>& items) override {
        DocBlock b{DocBlock::Kind::Table};
        b.table.header = {tr(Str::DocColTime), tr(Str::DocColActivity)};
        b.table.widths = {1, 3};
        for (const ProgrammeLine& i : items) b.table.rows.push_back({i.time, i.title});
        d_.blocks.push_back(std::move(b));
    }
    void participation(std::string_view byCite, const Counts& cites, std::string_view byInstitution,
                       const Counts& institutions) override {
        heading(3, byCite);
        chartBlock(barsSpec(std::string(byCite), cites), true);
        heading(3, byInstitution);
        chartBlock(barsSpec(std::string(byInstitution), institutions), true);
    }
    void groupRound(const std::vector<GroupLine>& groups) override {
        DocBlock b{DocBlock::Kind::Table};
        b.table.header = {tr(Str::DocColGroup), tr(Str::DocColMembers)};
        b.table.widths = {2, 3};
        for (const GroupLine& g : groups) {
            std::string name = g.name;
            if (!g.room.empty()) name += " — " + g.room;
            if (!g.question.empty()) name += " — " + g.question;
            b.table.rows.push_back({name, g.members});
        }
        d_.blocks.push_back(std::move(b));
    }
    void ideaColumn(const IdeaColumn& column) override {
        bool first = true;
        for (const ClusterSlot& slot : column.slots) {
            std::vector<std::string> items;
            for (const IdeaLine& i : column.ideas) {
                if (i.cluster != slot.cluster) continue;
                std::string item = i.text;
                for (const std::string& m : i.merged) item += " / " + m;
                if (!i.group.empty()) item += " (" + i.group + ")";
                if (i.practice) item += " — " + std::string(tr(Str::BoardPracticeMark));
                items.push_back(std::move(item));
            }
            if (items.empty()) continue;
            if (first) heading(3, column.name);
            first = false;
            if (slot.title) add(DocBlock::Kind::Note, *slot.title);
            list(items);
        }
    }
    void voteResult(const ChartSpec& chart, const std::vector<OptionLine>&) override { chartBlock(chart, true); }
    void chart(const ChartSpec& chart) override { chartBlock(chart, false); }
    void practices(const std::vector<ArchivedPractice>& practices) override {
        if (practices.empty()) return paragraph(tr(Str::SumNone));
        std::vector<std::string> items;
        for (const ArchivedPractice& p : practices) {
            std::string item = p.text + " (" + practiceOrigin(p) + ")";
            for (const std::string& line : practiceDetails(p)) item += " — " + line;
            items.push_back(std::move(item));
        }
        list(items);
    }

private:
    void heading(int level, std::string_view text) {
        DocBlock b{DocBlock::Kind::Heading, std::min(3, level + offset_), std::string(text)};
        d_.blocks.push_back(std::move(b));
    }
    void add(DocBlock::Kind kind, std::string_view text) {
        DocBlock b{kind};
        b.text = text;
        d_.blocks.push_back(std::move(b));
    }
    void chartBlock(ChartSpec spec, bool numbers) {
        DocBlock b{DocBlock::Kind::Chart};
        b.chart = std::move(spec);
        b.chartNumbers = numbers;
        d_.blocks.push_back(std::move(b));
    }
    Document& d_;
    int offset_ = 0;
};

// [SECTION] Markdown writer

/// Text for a Markdown line: no raw HTML, no line break, Markdown's special characters neutralised.
std::string md(std::string_view text) {
    const std::string typeset = frenchSpacing(text);  // no-break spaces in what users typed too
    text = typeset;
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

class MarkdownWriter final : public SummaryWriter {
public:
    const std::string& text() const { return m_; }

    void header(const SummaryHeader& h) override {
        m_ = "# " + md(h.title) + "\n\n**" + md(h.host) + "**\n\n";
        if (!h.example.empty()) m_ += "> " + md(h.example) + "\n\n";
        for (const std::string& line : h.lines) paragraph(line);
    }
    void section(std::string_view title) override { m_ += "## " + md(title) + "\n\n"; }
    void subsection(std::string_view title) override { m_ += "### " + md(title) + "\n\n"; }
    void paragraph(std::string_view text) override { m_ += md(text) + "\n\n"; }
    void note(std::string_view text) override { paragraph(text); }
    void figure(std::string_view src, std::string_view caption) override {
        m_ += "![" + md(caption) + "](" + std::string(src) + ")\n\n";
    }
    void list(const std::vector<std::string>& items) override {
        for (const std::string& item : items) m_ += "- " + md(item) + "\n";
        m_ += "\n";
    }
    void programme(const std::vector<ProgrammeLine>& items) override {
        for (const ProgrammeLine& i : items) m_ += "- " + md(i.time) + kNbsp + ": " + md(i.title) + "\n";
        m_ += "\n";
    }
    void participation(std::string_view byCite, const Counts& cites, std::string_view byInstitution,
                       const Counts& institutions) override {
        for (const auto& [title, counts] : {std::pair{byCite, &cites}, std::pair{byInstitution, &institutions}}) {
            subsection(title);
            for (const auto& [label, n] : *counts) m_ += "- " + md(label) + kNbsp + ": " + std::to_string(n) + "\n";
            m_ += "\n";
        }
    }
    void groupRound(const std::vector<GroupLine>& groups) override {
        for (const GroupLine& g : groups) m_ += "- **" + md(g.name) + "**" + kNbsp + ": " + md(g.members) + "\n";
        m_ += "\n";
    }
    /// Every idea of the column in board order, its cluster named beside it.
    void ideaColumn(const IdeaColumn& column) override {
        if (column.ideas.empty()) return;
        m_ += "**" + md(column.name) + "**\n\n";
        for (const IdeaLine& i : column.ideas) {
            m_ += "- " + md(i.text);
            if (!i.clusterName.empty()) m_ += " — *" + md(i.clusterName) + "*";
            if (!i.group.empty()) m_ += " (" + md(i.group) + ")";
            if (i.practice) m_ += " — " + md(tr(Str::BoardPracticeMark));
            m_ += "\n";
        }
        m_ += "\n";
    }
    void voteResult(const ChartSpec&, const std::vector<OptionLine>& options) override {
        if (options.empty()) return paragraph(tr(Str::NoBallotYet));
        for (const OptionLine& o : options)
            m_ += std::to_string(o.rank) + ". " + md(o.name) + " — " + md(o.score) + "\n";
        m_ += "\n";
    }
    void chart(const ChartSpec&) override {}  // Markdown has the numbers, not the picture
    void practices(const std::vector<ArchivedPractice>& practices) override {
        if (practices.empty()) m_ += md(tr(Str::SumNone)) + "\n";
        for (const ArchivedPractice& p : practices) {
            m_ += "- " + md(p.text) + " (" + md(p.source == PracticeSource::ActionPhare ? practiceOrigin(p) : p.board) +
                  ")\n";
            for (const std::string& line : practiceDetails(p)) m_ += "  - " + md(line) + "\n";
        }
    }

private:
    std::string m_;
};

}  // namespace

std::string hostName(const EtapeArchive& a) {
    return a.host.empty() ? std::string(tr(Str::HostUnknown)) : fmt(Str::CiteEducativeOf, {deName(a.host)});
}

std::string summaryHtml(const EtapeArchive& a, const std::set<std::string>& shown) {
    HtmlWriter writer;
    writeSummary(a, writer, shown);
    return writer.page();
}

std::string actionsPharesHtml(const EtapeArchive& a, const std::set<std::string>& shown) {
    HtmlWriter writer;
    writeActionsPhares(a, writer, shown);
    return writer.body();
}

std::string evaluationHtml(const EtapeArchive& a) {
    HtmlWriter writer;
    writeEvaluation(a, writer);
    return writer.body();
}

Document summaryDocument(const EtapeArchive& a, const std::set<std::string>& shown) {
    Document d;
    DocWriter writer(d);
    writeSummary(a, writer, shown);
    d.author = tr(Str::TourTitle);
    return d;
}

void appendActionsPhares(Document& d, const EtapeArchive& a, const std::set<std::string>& shown) {
    DocWriter writer(d, 1);
    writeActionsPhares(a, writer, shown);
}

void appendEvaluation(Document& d, const EtapeArchive& a) {
    DocWriter writer(d, 1);
    writeEvaluation(a, writer);
}

std::string summaryMarkdown(const EtapeArchive& a, const std::set<std::string>& shown) {
    MarkdownWriter writer;
    writeSummary(a, writer, shown);
    return writer.text();
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

std::string csvRow(std::initializer_list<std::string_view> fields) {
    std::string out;
    for (auto f : fields) {
        if (!out.empty()) out += ';';
        out += csvField(f);
    }
    return out + "\r\n";
}

std::string ideasCsv(const EtapeArchive& a) {
    std::string out = std::string(kCsvBom) + tr(Str::CsvIdeasHeader) + "\r\n";
    const std::string number = std::to_string(a.etape.header.number), date = toIso(a.etape.header.date);
    for (const Board& b : a.etape.boards)
        for (const Idea& i : b.ideas) {
            std::string text = i.text;
            for (const MergedIdea& m : i.merged) text += " / " + m.text;
            out += csvRow({number, date, b.title, categoryName(b, i.category), clusterName(b, i.cluster), i.group,
                        i.author, text, tr(i.practice ? Str::CsvYes : Str::CsvNo)});
        }
    return out;
}

std::string votesCsv(const EtapeArchive& a) {
    std::string out = std::string(kCsvBom) + tr(Str::CsvVotesHeader) + "\r\n";
    const std::string number = std::to_string(a.etape.header.number);
    for (size_t v = 0; v < a.etape.votes.size() && v < a.results.size(); ++v) {
        const Vote& vote = a.etape.votes[v];
        const ArchivedResult& r = a.results[v];
        if (!r.counted) continue;
        if (r.ballots == 0) {
            out += csvRow({number, vote.setup.question, enumLabel(vote.setup.method), "", tr(Str::NoBallotYet), "", "0"});
            continue;
        }
        for (const auto& [rank, option] : rankedOptions(r)) {
            const long long score = scoreOf(r, option);
            const std::string scoreText = vote.setup.method == VoteMethod::Majority &&
                                                  score >= 0 && score < static_cast<long long>(r.grades.size())
                                              ? r.grades[score]
                                              : std::to_string(score);
            out += csvRow({number, vote.setup.question, enumLabel(vote.setup.method), std::to_string(rank),
                        optionName(vote, option),
                        scoreText, std::to_string(r.ballots)});
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> summaryFiles(
    const EtapeArchive& archive, const std::vector<std::pair<std::string, std::string>>& photos) {
    std::set<std::string> shown;
    for (const auto& photo : photos) shown.insert(photo.first);
    std::vector<std::pair<std::string, std::string>> files = {{"synthese.html", summaryHtml(archive, shown)},
                                                              {"synthese.md", summaryMarkdown(archive, shown)},
                                                              {"idees.csv", ideasCsv(archive)},
                                                              {"votes.csv", votesCsv(archive)}};
    try {
        files.insert(files.begin() + 1, {"synthese.pdf", summaryPdf(archive, photos)});
    } catch (const PdfError& e) {  // the other documents are still written, and the folder says why the PDF is not
        files.emplace_back(kPdfProblemFile, e.what() + std::string("\r\n"));
    }
    files.insert(files.end(), photos.begin(), photos.end());  // beside the documents, under their own path
    return files;
}

std::vector<std::string> summaryPhotoPaths(const EtapeArchive& archive) {
    std::vector<std::string> paths;
    for (const ActionPhare& ap : archive.etape.actionsPhares)
        for (const std::string& photo : ap.photos)
            if (std::find(paths.begin(), paths.end(), photo) == paths.end()) paths.push_back(photo);
    return paths;
}

}  // namespace atelier::exporting
