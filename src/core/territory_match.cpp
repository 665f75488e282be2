// [SECTION] Keys
// [SECTION] Matching and proposals

#include "core/territory_match.h"

#include <algorithm>

#include "core/text.h"

namespace atelier {

namespace {

// [SECTION] Keys

/// Length of a department code in brackets at the start of `s` (« (62) », « ( 02 ) », « (2A) », « (971) »),
/// 0 when `s` does not start with one.
size_t departmentCodeLength(std::string_view s) {
    if (s.empty() || s[0] != '(') return 0;
    size_t i = 1;
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    size_t digits = i - start;
    if (digits == 1 && i < s.size() && (s[i] == 'A' || s[i] == 'B' || s[i] == 'a' || s[i] == 'b') &&
        s[start] == '2')
        ++i, ++digits;  // Corsica: 2A, 2B
    if (digits < 2 || digits > 3) return 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return i < s.size() && s[i] == ')' ? i + 1 : 0;
}

std::vector<std::string> words(std::string_view name) {
    // Apostrophes and punctuation separate words here (« d'Amiens » is « d » + « amiens »); foldForName does
    // the rest (case, accents, hyphens). A department code in brackets goes; other numbers stay (« Lille 1 »
    // and « Lille 2 », « Territoire 1 » and « Territoire 2 » are different territories).
    std::string spaced;
    spaced.reserve(name.size());
    for (size_t i = 0; i < name.size(); ++i) {
        const std::string_view rest = name.substr(i);
        if (const size_t code = departmentCodeLength(rest); code > 0) {
            spaced += ' ';
            i += code - 1;
            continue;
        }
        if (rest.starts_with("\u2019") || rest.starts_with("\u02bc")) {
            spaced += ' ';
            i += 2;
            continue;
        }
        const char c = name[i];
        spaced += (c == '\'' || c == '/' || c == '.' || c == ',' || c == '(' || c == ')' || c == '_' || c == ';')
                      ? ' '
                      : c;
    }
    std::vector<std::string> out;
    std::string word;
    for (char c : foldForName(spaced) + " ") {
        if (c != ' ' && c != '\t') {
            word += c;
            continue;
        }
        if (word.empty()) continue;
        if (word == "st") word = "saint";
        else if (word == "ste") word = "sainte";
        else if (word == "s") word = "sur";
        out.push_back(std::move(word));
        word.clear();
    }
    return out;
}

bool isArticle(const std::string& w) {
    return w == "d" || w == "l" || w == "de" || w == "du" || w == "des" || w == "la" || w == "le" || w == "les";
}

std::vector<std::string> keyWords(std::string_view name) {
    std::vector<std::string> w = words(name);
    // « Cité éducative de Lens », « Cités éducatives d'Amiens », « Ville de Lens »: the place only.
    size_t start = 0;
    if (w.size() > 1 && (w[0] == "cite" || w[0] == "cites")) {
        start = 1;
        if (start < w.size() && (w[start] == "educative" || w[start] == "educatives")) ++start;
    } else if (w.size() > 1 && w[0] == "ville") {
        start = 1;
    }
    std::vector<std::string> out;
    for (size_t i = start; i < w.size(); ++i)
        if (!isArticle(w[i])) out.push_back(w[i]);
    return out;
}

std::string join(const std::vector<std::string>& w) {
    std::string out;
    for (const std::string& x : w) out += (out.empty() ? "" : " ") + x;
    return out;
}

/// True when `part` appears in `whole` as consecutive whole words.
bool containsWords(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
    if (part.empty() || part.size() > whole.size()) return false;
    for (size_t i = 0; i + part.size() <= whole.size(); ++i)
        if (std::equal(part.begin(), part.end(), whole.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    return false;
}

/// Words that say too little on their own to designate a territory (« Saint » alone is not Saint-Quentin).
bool isGeneric(const std::string& w) {
    static const char* const kGeneric[] = {"saint", "sainte", "sur", "mer", "nord", "sud", "est", "ouest",
                                           "centre", "ville", "agglomeration", "communaute", "metropole"};
    if (w.size() < 3) return true;
    for (const char* g : kGeneric)
        if (w == g) return true;
    return false;
}

bool hasSignificantWord(const std::vector<std::string>& w) {
    return std::any_of(w.begin(), w.end(), [](const std::string& x) { return !isGeneric(x); });
}

size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// 1 for the same text, 0 for nothing in common.
double similarity(std::string_view a, std::string_view b) {
    const size_t longest = std::max(a.size(), b.size());
    if (longest == 0) return 0.0;
    return 1.0 - static_cast<double>(editDistance(a, b)) / static_cast<double>(longest);
}

/// How close a typed name is to a known one, 0 to 1; below 0.6 it is not worth proposing.
double closeness(const std::vector<std::string>& typed, const std::vector<std::string>& known) {
    if (containsWords(typed, known) && hasSignificantWord(known)) return 0.95;  // « Amiens Nord » → Amiens
    if (containsWords(known, typed)) return 0.9;                               // ambiguous short forms
    double best = similarity(join(typed), join(known));
    for (const std::string& t : typed) {
        if (isGeneric(t)) continue;
        for (const std::string& k : known) {
            if (isGeneric(k)) continue;
            if (t == k) best = std::max(best, 0.85);  // one significant word in common
            else if (t.size() >= 4 && k.size() >= 4) best = std::max(best, 0.8 * similarity(t, k));
        }
    }
    return best;
}

}  // namespace

std::string territoryKey(std::string_view name) { return join(keyWords(name)); }

// [SECTION] Matching and proposals

TerritoryMatch matchTerritory(const std::vector<Territory>& known, std::string_view typed) {
    TerritoryMatch out;
    const std::vector<std::string> t = keyWords(typed);
    if (t.empty()) return out;
    std::vector<std::vector<std::string>> keys;
    keys.reserve(known.size());
    for (const Territory& k : known) keys.push_back(keyWords(k.name));

    for (size_t i = 0; i < known.size(); ++i)
        if (keys[i] == t) {
            out.territory = known[i].id;
            out.exact = true;
            return out;
        }
    std::vector<size_t> containing;
    if (hasSignificantWord(t))
        for (size_t i = 0; i < known.size(); ++i)
            if (containsWords(keys[i], t)) containing.push_back(i);
    if (containing.size() == 1) {
        out.territory = known[containing.front()].id;
        return out;
    }

    struct Scored {
        double score;
        size_t index;
    };
    std::vector<Scored> scored;
    for (size_t i = 0; i < known.size(); ++i)
        if (const double s = closeness(t, keys[i]); s >= 0.6) scored.push_back({s, i});
    std::stable_sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (a.score != b.score) return a.score > b.score;
        return known[a.index].cite && !known[b.index].cite;  // a Cité before another territory as close
    });
    for (size_t i = 0; i < scored.size() && out.proposals.size() < 3; ++i)
        out.proposals.push_back(known[scored[i].index].id);
    return out;
}

}  // namespace atelier
