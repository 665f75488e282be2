#include "core/calendar.h"

#include <algorithm>

#include "core/strings.h"

namespace atelier {

std::vector<Quarter> tourQuarters(const Model& model) {
    Quarter first{2020, 1}, last{2022, 4};
    for (const Etape& e : model.etapes) {
        const Quarter q{e.header.date.year, quarter(e.header.date)};
        first = std::min(first, q);
        last = std::max(last, q);
    }
    std::vector<Quarter> out;
    for (Quarter q = first; q <= last; q = q.quarter == 4 ? Quarter{q.year + 1, 1} : Quarter{q.year, q.quarter + 1})
        out.push_back(q);
    return out;
}

std::vector<const Etape*> etapesIn(const Model& model, Quarter q) {
    std::vector<const Etape*> out;
    for (const Etape& e : model.etapes)
        if (e.header.date.year == q.year && quarter(e.header.date) == q.quarter) out.push_back(&e);
    std::stable_sort(out.begin(), out.end(),
                     [](const Etape* a, const Etape* b) { return a->header.date < b->header.date; });
    return out;
}

std::vector<HostRecord> tourTracker(const Model& model) {
    std::vector<HostRecord> out;
    for (const Territory& t : model.territories) {
        if (!t.cite) continue;
        HostRecord r{t.id, {}};
        for (const Etape& e : model.etapes)
            if (e.header.host == t.id && e.header.kind == EtapeKind::Etape) r.etapes.push_back(e.header.number);
        std::sort(r.etapes.begin(), r.etapes.end());
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> calendarWarnings(const Model& model) {
    std::vector<std::string> out;
    auto numbers = [](const std::vector<int>& ns) {
        std::string s;
        for (size_t i = 0; i < ns.size(); ++i)
            s += (i == 0 ? "" : i + 1 == ns.size() ? " et " : ", ") + std::to_string(ns[i]);
        return s;
    };
    for (const Quarter& q : tourQuarters(model)) {
        std::vector<int> ns;
        for (const Etape* e : etapesIn(model, q))
            if (e->header.kind == EtapeKind::Etape) ns.push_back(e->header.number);
        if (ns.size() > 1)
            out.push_back(fmt(Str::WarnTwoInQuarter, {numbers(ns), std::to_string(q.quarter) + (q.quarter == 1 ? "er" : "e"),
                                                      std::to_string(q.year)}));
    }
    for (const HostRecord& r : tourTracker(model))
        if (r.etapes.size() > 1) out.push_back(fmt(Str::WarnHostsTwice, {model.territory(r.territory)->name, numbers(r.etapes)}));
    for (const Etape& e : model.etapes)
        for (const Etape& other : model.etapes)
            if (&e < &other && e.header.number == other.header.number)
                out.push_back(fmt(Str::WarnSameNumber, {std::to_string(e.header.number)}));
    return out;
}

int nextEtapeNumber(const Model& model) {
    int n = 0;
    for (const Etape& e : model.etapes) n = std::max(n, e.header.number);
    return n + 1;
}

std::vector<std::string> programmeOverlaps(const Etape& e) {
    std::vector<std::string> out;
    auto line = [](const ProgrammeItem& item) {
        return fmt(Str::ProgrammeLine, {item.title, formatTimeFr(item.start), formatTimeFr(item.end() % (24 * 60))});
    };
    for (size_t i = 0; i < e.programme.size(); ++i)
        for (size_t j = i + 1; j < e.programme.size(); ++j) {
            const ProgrammeItem &a = e.programme[i], &b = e.programme[j];
            if (a.duration > 0 && b.duration > 0 && b.start < a.end() && a.start < b.end())
                out.push_back(fmt(Str::ProgrammeOverlap, {line(a), line(b)}));
        }
    return out;
}

}  // namespace atelier
