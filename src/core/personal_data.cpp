#include "core/personal_data.h"

#include "core/erasure.h"

namespace atelier {

PersonalData collectPersonalData(const Model& model, const Person& person) {
    PersonalData out;
    out.person = person;
    if (person.territory)
        if (const Territory* t = model.territory(*person.territory)) out.territory = t->name;
    const ErasureTarget target = erasureTarget(person);
    for (const Etape& e : model.etapes) {
        for (const Registration& r : e.registrations)
            if (r.person == person.id)
                out.registrations.push_back({e.header.number, e.header.date, e.header.theme, r.days, r.present,
                                             r.walkIn, feeOf(model, e, r)});
        for (size_t round = 0; round < e.groups.rounds.size(); ++round)
            for (const Group& g : e.groups.rounds[round].groups)
                for (Id member : g.members)
                    if (member == person.id)
                        out.groups.push_back({e.header.number, static_cast<int>(round) + 1, g.name});
        for (const Board& b : e.boards)
            for (const Idea& i : b.ideas) {
                bool named = mentions(i.author, target) || mentions(i.text, target);
                for (const MergedIdea& m : i.merged) named = named || mentions(m.author, target) || mentions(m.text, target);
                if (named) out.ideas.push_back({e.header.number, b.title, i.text, i.group, i.author, i.entry, i.time});
            }
    }
    for (const Practice& p : model.practices)
        for (const FollowUp& f : p.followUps)
            if (mentions(f.note, target)) {
                const Territory* cite = model.territory(f.territory);
                out.followUps.push_back({p.title, cite ? cite->name : std::string(), f.status, f.date, f.note});
            }
    return out;
}

}  // namespace atelier
