// [SECTION] Matching
// [SECTION] Target
// [SECTION] Model and archive

#include "core/erasure.h"

#include <algorithm>

#include "core/strings.h"
#include "core/text.h"

namespace atelier {

// [SECTION] Matching

namespace {

/// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

/// One code point folded for matching names: accents and case gone (foldForSearch), hyphens and spaces of every
/// kind one space, every apostrophe the plain one (which ends a word: « d'Hélène » holds « Hélène »).
std::string foldOne(std::string_view cp) {
    if (cp == "-" || cp == "\t" || cp == "\n" || cp == "\u00a0" || cp == "\u202f" || cp == "\u2010" || cp == "\u2011")
        return " ";
    if (cp == "\u2019" || cp == "\u2018" || cp == "\u02bc") return "'";  // one apostrophe, not part of a word
    return foldForSearch(cp);
}

/// `text` folded (foldOne), with, for each folded byte, the span of the code point of `text` it comes from.
struct Folded {
    std::string text;
    std::vector<std::pair<size_t, size_t>> origin;  // [begin, end) in the original
};

Folded fold(std::string_view text) {
    Folded f;
    f.text.reserve(text.size());
    f.origin.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t n = std::min(sequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        const std::string piece = foldOne(text.substr(i, n));
        for (char c : piece) {
            f.text += c;
            f.origin.emplace_back(i, i + n);
        }
        i += n;
    }
    return f;
}

std::string foldNeedle(std::string_view text) {
    std::string folded = fold(trim(text)).text;
    std::string out;  // runs of spaces as one
    for (char c : folded)
        if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool wordByte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// The folded needles of the target: its names and e-mail (shorter than 3 characters: too likely elsewhere).
std::vector<std::string> needles(const ErasureTarget& target) {
    std::vector<std::string> out;
    auto add = [&](std::string_view s) {
        std::string n = foldNeedle(s);
        if (n.size() >= 3 && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    };
    for (const std::string& name : target.names) add(name);
    if (!target.email.empty()) add(target.email);
    // Longest first: « Anne Marie Dupont » is replaced whole before « Anne Marie » could be.
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
}

/// The spans of `text` (original bytes) where a needle stands as whole words, left to right, not overlapping.
std::vector<std::pair<size_t, size_t>> findAll(std::string_view text, const std::vector<std::string>& found) {
    std::vector<std::pair<size_t, size_t>> spans;
    if (found.empty() || text.empty()) return spans;
    const Folded f = fold(text);
    size_t at = 0;
    while (at < f.text.size()) {
        size_t best = std::string::npos, bestLen = 0;
        for (const std::string& n : found) {
            for (size_t p = f.text.find(n, at); p != std::string::npos; p = f.text.find(n, p + 1)) {
                const size_t e = p + n.size();
                const bool startOk = (p == 0 || !wordByte(f.text[p - 1])) &&
                                     (p == 0 || f.origin[p].first != f.origin[p - 1].first);
                const bool endOk = (e == f.text.size() || !wordByte(f.text[e])) &&
                                   (e == f.text.size() || f.origin[e].first != f.origin[e - 1].first);
                if (startOk && endOk) {
                    if (p < best || (p == best && n.size() > bestLen)) best = p, bestLen = n.size();
                    break;
                }
            }
        }
        if (best == std::string::npos) break;
        spans.emplace_back(f.origin[best].first, f.origin[best + bestLen - 1].second);
        at = best + bestLen;
    }
    return spans;
}

}  // namespace

bool scrubText(std::string& text, const ErasureTarget& target) {
    if (text.empty() || target.empty()) return false;
    const auto spans = findAll(text, needles(target));
    if (spans.empty()) return false;
    std::string out;
    size_t from = 0;
    for (const auto& [b, e] : spans) {
        out.append(text, from, b - from);
        out += target.label;
        from = e;
    }
    out.append(text, from, std::string::npos);
    text = std::move(out);
    return true;
}

bool mentions(std::string_view text, const ErasureTarget& target) {
    return !target.empty() && !findAll(text, needles(target)).empty();
}

// [SECTION] Target

namespace {
/// `text` with the letters of Latin-1 and « œ » in lower (or upper) case; other bytes as they are.
std::string latinCase(std::string_view text, bool upper) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const size_t n = std::min(sequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        std::string piece(text.substr(i, n));
        if (n == 1) {
            char c = piece[0];
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            piece[0] = c;
        } else if (n == 2) {
            const char32_t cp = (static_cast<char32_t>(piece[0] & 0x1F) << 6) | (piece[1] & 0x3F);
            char32_t to = cp;
            if (upper && cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) to = cp - 0x20;
            if (!upper && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) to = cp + 0x20;
            if (upper && cp == 0x153) to = 0x152;
            if (!upper && cp == 0x152) to = 0x153;
            piece = {static_cast<char>(0xC0 | (to >> 6)), static_cast<char>(0x80 | (to & 0x3F))};
        }
        out += piece;
        i += n;
    }
    return out;
}
}  // namespace

std::vector<std::string> spellings(const ErasureTarget& target) {
    std::vector<std::string> out;
    auto add = [&](const std::string& s) {
        if (s.size() >= 3 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    std::vector<std::string> bases = target.names;
    if (!target.email.empty()) bases.push_back(target.email);
    for (const std::string& base : bases) {
        std::string spaced = base;
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        for (const std::string& s : {base, spaced}) {
            add(s);
            add(latinCase(s, false));
            add(latinCase(s, true));
            add(foldForSearch(s));
        }
    }
    return out;
}

bool isNamesake(std::string_view text, const ErasureTarget& target) {
    const std::string folded = foldNeedle(text);
    if (folded.empty()) return false;
    for (const std::string& name : target.names)
        if (foldNeedle(name) == folded) return true;
    return false;
}

std::string erasedLabel(Id id) { return fmt(Str::RgpdErasedLabel, {std::to_string(id)}); }

ErasureTarget erasureTarget(const Person& person) {
    ErasureTarget t;
    t.person = person.id;
    t.label = erasedLabel(person.id);
    if (person.name == t.label) return t;  // erased already
    std::vector<std::string> words;
    std::string word;
    for (char c : std::string(trim(person.name)) + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!words.empty()) {
        for (size_t k = 0; k < words.size() && k < 8; ++k) {  // every rotation: « Hélène Quintal », « Quintal Hélène »
            std::string rotated;
            for (size_t i = 0; i < words.size(); ++i) rotated += (i ? " " : "") + words[(k + i) % words.size()];
            t.names.push_back(std::move(rotated));
        }
    }
    t.email = std::string(trim(person.email));
    return t;
}

// [SECTION] Model and archive

namespace {

bool scrub(std::string& s, const ErasureTarget& t) { return scrubText(s, t); }
bool scrub(std::vector<std::string>& list, const ErasureTarget& t) {
    bool changed = false;
    for (std::string& s : list) changed = scrubText(s, t) || changed;
    return changed;
}

bool sameEmail(const std::string& email, const ErasureTarget& t) {
    return !t.email.empty() && !email.empty() && foldNeedle(email) == foldNeedle(t.email);
}

}  // namespace

void erasePersonRecord(Person& person, const ErasureTarget& target) {
    person.name = target.label;
    person.email.clear();
    person.structure.clear();
    person.function.clear();
}

bool scrubEtape(Etape& e, const ErasureTarget& t) {
    bool c = false;
    c = scrub(e.header.theme, t) || c;
    c = scrub(e.header.venue, t) || c;
    for (ProgrammeItem& item : e.programme) c = scrub(item.title, t) || c;
    for (Vote& v : e.votes) {
        c = scrub(v.setup.question, t) || c;
        c = scrub(v.setup.options, t) || c;
        c = scrub(v.setup.grades, t) || c;
    }
    for (GroupRound& round : e.groups.rounds)
        for (Group& g : round.groups) {
            c = scrub(g.name, t) || c;
            c = scrub(g.question, t) || c;
            c = scrub(g.room, t) || c;
        }
    for (MeetingRound& r : e.icebreaker.rounds) c = scrub(r.prompt, t) || c;
    c = scrub(e.icebreaker.drawn, t) || c;
    for (Board& b : e.boards) {
        c = scrub(b.title, t) || c;
        for (BoardCategory& cat : b.categories) c = scrub(cat.name, t) || c;
        for (IdeaCluster& cl : b.clusters) c = scrub(cl.name, t) || c;
        for (Idea& i : b.ideas) {
            c = scrub(i.text, t) || c;
            c = scrub(i.group, t) || c;
            c = scrub(i.author, t) || c;
            for (MergedIdea& m : i.merged) {
                c = scrub(m.text, t) || c;
                c = scrub(m.group, t) || c;
                c = scrub(m.author, t) || c;
            }
        }
    }
    for (ActionPhare& a : e.actionsPhares) {
        c = scrub(a.title, t) || c;
        c = scrub(a.description, t) || c;
        c = scrub(a.partners, t) || c;
        c = scrub(a.contact, t) || c;
    }
    for (EvaluationQuestion& q : e.evaluation.questions) c = scrub(q.text, t) || c;
    c = scrub(e.evaluation.grades, t) || c;
    for (EvaluationResponse& r : e.evaluation.responses)
        for (EvaluationAnswer& a : r.answers) c = scrub(a.text, t) || c;
    return c;
}

bool eraseFromModel(Model& m, const ErasureTarget& t) {
    if (t.empty()) return false;
    bool c = false;
    for (Person& p : m.people) {
        if (t.person != 0 && p.id == t.person) {
            const Person before = p;
            erasePersonRecord(p, t);
            c = c || !(before == p);
            continue;
        }
        if (sameEmail(p.email, t)) {  // someone else given the same address
            p.email.clear();
            c = true;
        }
        if (!isNamesake(p.name, t)) c = scrub(p.name, t) || c;  // a namesake keeps their name
        c = scrub(p.email, t) || c;
        c = scrub(p.structure, t) || c;
        c = scrub(p.function, t) || c;
    }
    for (Etape& e : m.etapes) c = scrubEtape(e, t) || c;
    for (Deck& d : m.decks) {
        c = scrub(d.title, t) || c;
        c = scrub(d.questions, t) || c;
    }
    for (Practice& p : m.practices) {
        c = scrub(p.boardTitle, t) || c;
        c = scrub(p.title, t) || c;
        c = scrub(p.description, t) || c;
        c = scrub(p.themes, t) || c;
        for (FollowUp& f : p.followUps) c = scrub(f.note, t) || c;
    }
    if (sameEmail(m.settings.contactEmail, t)) {
        m.settings.contactEmail.clear();
        c = true;
    }
    c = scrub(m.settings.contactEmail, t) || c;
    c = scrub(m.settings.contactName, t) || c;
    c = scrub(m.settings.organisation, t) || c;
    return c;
}

bool eraseFromArchive(EtapeArchive& a, const ErasureTarget& t) {
    if (t.empty()) return false;
    bool c = false;
    for (ArchivedPerson& p : a.people) {
        if (t.person != 0 && p.id == t.person) {
            const ArchivedPerson before = p;
            p.name = t.label;
            p.structure.clear();
            p.function.clear();
            c = c || !(before == p);
            continue;
        }
        if (!isNamesake(p.name, t)) c = scrub(p.name, t) || c;
        c = scrub(p.structure, t) || c;
        c = scrub(p.function, t) || c;
    }
    c = scrubEtape(a.etape, t) || c;
    for (ArchivedResult& r : a.results) {
        c = scrub(r.error, t) || c;
        c = scrub(r.grades, t) || c;
    }
    for (ArchivedPractice& p : a.practices) {
        c = scrub(p.board, t) || c;
        c = scrub(p.category, t) || c;
        c = scrub(p.text, t) || c;
        c = scrub(p.group, t) || c;
        c = scrub(p.description, t) || c;
        c = scrub(p.themes, t) || c;
        for (ArchivedFollowUp& f : p.followUps) c = scrub(f.note, t) || c;
    }
    return c;
}

}  // namespace atelier
