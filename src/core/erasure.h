// The right to erasure (RGPD, issue 34), in the model: what identifies a person in text (their name in either
// order, their e-mail, accents, case and hyphens ignored), how it is replaced by a neutral label, and the same
// replacement over a whole model or an archive. The store rewrites the journal, the archives and the index with the
// same rules (store/erasure.h), so that the journal's replay gives the model the ErasePerson action left.
// Plain C++20: no files here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/archive.h"
#include "core/model.h"

namespace atelier {

/// What to look for and what to write instead.
struct ErasureTarget {
    Id person = 0;                   // the person's id in the model (0: none)
    std::vector<std::string> names;  // the name as written and its other word orders (« Quintal Hélène »)
    std::string email;               // empty when none
    std::string label;               // « Personne effacée 42 »
    bool empty() const { return names.empty() && email.empty(); }
};

/// The neutral label that replaces person `id` everywhere: « Personne effacée 42 ».
std::string erasedLabel(Id id);
/// The target for `person`: their name (every rotation of its words) and e-mail; nothing when the person is already
/// erased (their name is the label).
ErasureTarget erasureTarget(const Person& person);

/// Replaces in `text` every occurrence of the target's names and e-mail — accents, case, hyphens and apostrophes
/// ignored, whole words only — by its label. Returns true when something was replaced.
bool scrubText(std::string& text, const ErasureTarget& target);
/// True when `text` holds one of the target's names or its e-mail (as scrubText would find them).
bool mentions(std::string_view text, const ErasureTarget& target);

/// True when `text` is, as a whole, one of the target's names: another person's record with that name is a
/// namesake, kept as it is (only the target's own record, found by id, is erased).
bool isNamesake(std::string_view text, const ErasureTarget& target);

/// How the target may be spelt in raw bytes, for a search of every file after an erasure: each name and the e-mail
/// as written, in lower and upper case (accented capitals too), without accents, with hyphens as spaces. A search
/// of these ignoring ASCII case finds every case and accent variant of them.
std::vector<std::string> spellings(const ErasureTarget& target);

/// The person record erased: name → label, e-mail, structure and function emptied (territory, institution and role
/// kept, so that the counts by Cité and institution still add up).
void erasePersonRecord(Person& person, const ErasureTarget& target);
/// Every text of `etape` the facilitator or the room typed (ideas, their authors and groups, programme, votes'
/// questions, groups, actions-phares, evaluation answers…) scrubbed. Returns true when something changed.
bool scrubEtape(Etape& etape, const ErasureTarget& target);
/// The person erased from `model`: their record (erasePersonRecord), every étape (scrubEtape), the library of
/// practices, the decks and the organiser's contact. Returns true when something changed.
bool eraseFromModel(Model& model, const ErasureTarget& target);
/// The same in an archive: the person present (by id, or by name) erased, every text scrubbed; the counts by Cité
/// and institution unchanged. Returns true when something changed.
bool eraseFromArchive(EtapeArchive& archive, const ErasureTarget& target);

}  // namespace atelier
