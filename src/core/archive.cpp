#include "core/archive.h"

#include <algorithm>

#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier {

int EtapeArchive::ideaCount() const {
    int n = 0;
    for (const Board& b : etape.boards) n += static_cast<int>(b.ideas.size());
    return n;
}

long long EtapeArchive::ballotCount() const {
    long long n = 0;
    for (const Vote& v : etape.votes)
        for (const StoredBallot& b : v.ballots) n += b.ballot.count;
    return n;
}

const ArchivedPerson* EtapeArchive::person(Id id) const {
    for (const ArchivedPerson& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

EtapeArchive makeArchive(const Model& model, const Etape& etape, std::string atelierVersion, std::string savedAt) {
    EtapeArchive a;
    a.format.atelier = std::move(atelierVersion);
    a.savedAt = std::move(savedAt);
    if (const Territory* host = etape.header.host ? model.territory(*etape.header.host) : nullptr) a.host = host->name;
    a.etape = etape;
    a.etape.registrations.clear();
    std::vector<Id> ids;
    for (const Registration& r : etape.registrations)
        if (r.present) {
            a.etape.registrations.push_back(r);
            ids.push_back(r.person);
        }
    for (const GroupRound& round : etape.groups.rounds)
        for (const Group& g : round.groups) ids.insert(ids.end(), g.members.begin(), g.members.end());
    for (const MeetingRound& round : etape.icebreaker.rounds)
        for (const auto& pair : round.pairs) ids.insert(ids.end(), pair.begin(), pair.end());
    for (Id id : ids) {
        if (a.person(id)) continue;
        const Person* p = model.person(id);
        if (!p) continue;
        ArchivedPerson out{p->id, p->name, {}, false, p->institution, p->role, p->structure, p->function};
        if (const Territory* t = p->territory ? model.territory(*p->territory) : nullptr) {
            out.territory = t->name;
            out.cite = t->cite;
        }
        a.people.push_back(std::move(out));
    }
    for (const Vote& v : etape.votes) {
        ArchivedResult r;
        r.vote = v.id;
        const TallyOutcome outcome = tally(v.election());
        r.counted = outcome.ok;
        if (!outcome.ok) {
            r.error = outcome.error.message;
        } else {
            r.ranking = outcome.result.ranking;
            r.scores = outcome.result.scores;
            r.ballots = outcome.result.ballots;
            r.grades = outcome.result.grades;
        }
        a.results.push_back(std::move(r));
    }
    auto name = [&](Id id) {
        const Territory* t = model.territory(id);
        return t ? t->name : std::string();
    };
    for (const Practice* p : practicesOfEtape(model, etape.id)) {
        ArchivedPractice out;
        const PracticeSourceNow where = locatePractice(model, *p);
        if (where.board) {
            out.board = where.board->title;
            for (const BoardCategory& c : where.board->categories)
                if (where.idea && c.id == where.idea->category) out.category = c.name;
            out.group = where.absorbed ? where.absorbed->group : where.idea ? where.idea->group : "";
        }
        out.text = p->title;
        out.id = p->id;
        out.source = p->source;
        out.cite = p->cite ? name(*p->cite) : "";
        out.description = practiceDescription(model, *p);
        out.themes = p->themes;
        for (Id t : interestedCites(model, *p)) out.interested.push_back(name(t));
        for (const FollowUp& f : p->followUps) out.followUps.push_back({name(f.territory), f.status, f.date, f.note});
        a.practices.push_back(std::move(out));
    }
    return a;
}

namespace {

std::string at(std::string path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

/// « PATH : la valeur V est hors limites (attendu de LO à HI) », or empty when V is in [lo, hi].
std::string outOfRange(const std::string& path, long long value, long long lo, long long hi) {
    if (value >= lo && value <= hi) return {};
    return fmt(Str::ArchiveOutOfRange, {path, std::to_string(value), std::to_string(lo), std::to_string(hi)});
}

/// An option index of a vote with `options` options.
std::string optionIndex(const std::string& path, long long value, size_t options) {
    if (options == 0) return fmt(Str::ArchiveNoOptions, {path});
    return outOfRange(path, value, 0, static_cast<long long>(options) - 1);
}

std::string checkBallot(const std::string& path, const Ballot& b, size_t options, size_t grades) {
    if (auto err = outOfRange(path + ".count", b.count, 1, kMaxBallotCount); !err.empty()) return err;
    for (size_t k = 0; k < b.ranking.size(); ++k)
        if (auto err = optionIndex(at(path + ".ranking", k), b.ranking[k], options); !err.empty()) return err;
    for (size_t k = 0; k < b.approvals.size(); ++k)
        if (auto err = optionIndex(at(path + ".approvals", k), b.approvals[k], options); !err.empty()) return err;
    for (size_t k = 0; k < b.dots.size(); ++k) {
        const std::string item = at(path + ".dots", k);
        if (auto err = optionIndex(item + ".first", b.dots[k].first, options); !err.empty()) return err;
        if (auto err = outOfRange(item + ".second", b.dots[k].second, 0, kMaxDotsPerVoter); !err.empty()) return err;
    }
    for (size_t k = 0; k < b.grades.size(); ++k) {
        const std::string item = at(path + ".grades", k);
        if (auto err = optionIndex(item + ".first", b.grades[k].first, options); !err.empty()) return err;
        if (auto err = outOfRange(item + ".second", b.grades[k].second, 0, static_cast<long long>(grades) - 1);
            !err.empty())
            return err;
    }
    return {};
}

std::string checkResult(const std::string& path, const ArchivedResult& r, const Vote& vote) {
    const size_t options = vote.setup.options.size();
    std::vector<bool> seen(options, false);
    for (size_t t = 0; t < r.ranking.size(); ++t)
        for (size_t k = 0; k < r.ranking[t].size(); ++k) {
            const std::string item = at(at(path + ".ranking", t), k);
            const int option = r.ranking[t][k];
            if (auto err = optionIndex(item, option, options); !err.empty()) return err;
            if (seen[static_cast<size_t>(option)]) return fmt(Str::ArchiveTwice, {item, std::to_string(option)});
            seen[static_cast<size_t>(option)] = true;
        }
    if (!r.scores.empty() && r.scores.size() != options)
        return fmt(Str::ArchiveScoresSize, {path + ".scores", std::to_string(r.scores.size()), std::to_string(options)});
    const bool majority = vote.setup.method == VoteMethod::Majority && r.counted;
    const long long highest = majority ? static_cast<long long>(r.grades.size()) - 1 : kMaxArchivedScore;
    for (size_t o = 0; o < r.scores.size(); ++o)
        if (auto err = outOfRange(at(path + ".scores", o), r.scores[o], 0, highest); !err.empty()) return err;
    return outOfRange(path + ".ballots", r.ballots, 0, kMaxArchivedScore);
}

}  // namespace

std::string checkArchive(const EtapeArchive& a) {
    const Etape& e = a.etape;
    for (size_t i = 0; i < e.programme.size(); ++i) {
        const std::string item = at("archive.etape.programme", i);
        if (auto err = outOfRange(item + ".start", e.programme[i].start, 0, 24 * 60 - 1); !err.empty()) return err;
        if (auto err = outOfRange(item + ".duration", e.programme[i].duration, 0, 24 * 60); !err.empty()) return err;
    }
    for (size_t v = 0; v < e.votes.size(); ++v) {
        const Vote& vote = e.votes[v];
        const std::string path = at("archive.etape.votes", v);
        const size_t grades = vote.setup.grades.empty() ? defaultGradeScale().size() : vote.setup.grades.size();
        for (size_t b = 0; b < vote.ballots.size(); ++b)
            if (auto err = checkBallot(at(path + ".ballots", b) + ".ballot", vote.ballots[b].ballot,
                                       vote.setup.options.size(), grades);
                !err.empty())
                return err;
    }
    long long responses = 0;
    for (size_t r = 0; r < e.evaluation.responses.size(); ++r) {
        const long long count = e.evaluation.responses[r].count;
        if (auto err = outOfRange(at("archive.etape.evaluation.responses", r) + ".count", count, 1, kMaxBallotCount);
            !err.empty())
            return err;
        responses += count;
        if (auto err = outOfRange("archive.etape.evaluation.responses", responses, 0, kMaxTotalBallots); !err.empty())
            return err;
    }
    if (a.results.size() != e.votes.size())
        return fmt(Str::ArchiveResultsCount, {std::to_string(a.results.size()), std::to_string(e.votes.size())});
    for (size_t v = 0; v < a.results.size(); ++v)
        if (auto err = checkResult(at("archive.results", v), a.results[v], e.votes[v]); !err.empty()) return err;
    return {};
}

std::string archiveFolderName(const EtapeArchive& archive) {
    const std::string source = foldForSearch(archive.host.empty() ? archive.etape.header.theme : archive.host);
    std::string slug;
    for (unsigned char c : source) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            slug += static_cast<char>(c);
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "etape-" + std::to_string(archive.etape.header.number);
    return toIso(archive.etape.header.date) + "-" + slug;
}

}  // namespace atelier
