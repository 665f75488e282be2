#include "core/archive.h"

#include <algorithm>

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
        ArchivedPerson out{p->id, p->name, {}, false, p->institution, p->role};
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
    for (const Board& b : etape.boards)
        for (const Idea& i : b.ideas) {
            if (!i.practice) continue;
            std::string category;
            for (const BoardCategory& c : b.categories)
                if (c.id == i.category) category = c.name;
            a.practices.push_back(ArchivedPractice{b.title, category, i.text, i.group});
        }
    return a;
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
