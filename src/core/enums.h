// For each enumeration of the model: every value, its stable storage key (JSON, SQLite, archive) and its French
// label from the strings table. Keys never change once released; labels may.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/model.h"
#include "core/strings.h"

namespace atelier {

template <class E>
struct EnumEntry {
    E value;
    std::string_view key;
    Str label;
};

inline constexpr std::array kMemberships = {
    EnumEntry<Membership>{Membership::Adherent, "adherent", Str::MembershipAdherent},
    EnumEntry<Membership>{Membership::NonAdherent, "non-adherent", Str::MembershipNonAdherent},
    EnumEntry<Membership>{Membership::AVerifier, "a-verifier", Str::MembershipAVerifier},
};
inline constexpr std::array kInstitutions = {
    EnumEntry<Institution>{Institution::PrefectureEtat, "prefecture-etat", Str::InstitutionPrefectureEtat},
    EnumEntry<Institution>{Institution::EducationNationale, "education-nationale", Str::InstitutionEducationNationale},
    EnumEntry<Institution>{Institution::Collectivite, "collectivite", Str::InstitutionCollectivite},
    EnumEntry<Institution>{Institution::Association, "association", Str::InstitutionAssociation},
    EnumEntry<Institution>{Institution::Autre, "autre", Str::InstitutionAutre},
};
inline constexpr std::array kRoles = {
    EnumEntry<Role>{Role::Copilote, "copilote", Str::RoleCopilote},
    EnumEntry<Role>{Role::ChefDeProjet, "chef-de-projet", Str::RoleChefDeProjet},
    EnumEntry<Role>{Role::Intervenant, "intervenant", Str::RoleIntervenant},
    EnumEntry<Role>{Role::Irev, "irev", Str::RoleIrev},
    EnumEntry<Role>{Role::Autre, "autre", Str::RoleAutre},
};
inline constexpr std::array kEtapeKinds = {
    EnumEntry<EtapeKind>{EtapeKind::Etape, "etape", Str::EtapeKindEtape},
    EnumEntry<EtapeKind>{EtapeKind::JourneeRegionale, "journee-regionale", Str::EtapeKindJourneeRegionale},
};
inline constexpr std::array kEtapeStatuses = {
    EnumEntry<EtapeStatus>{EtapeStatus::Prevue, "prevue", Str::EtapeStatusPrevue},
    EnumEntry<EtapeStatus>{EtapeStatus::Confirmee, "confirmee", Str::EtapeStatusConfirmee},
    EnumEntry<EtapeStatus>{EtapeStatus::Realisee, "realisee", Str::EtapeStatusRealisee},
};
inline constexpr std::array kItemKinds = {
    EnumEntry<ItemKind>{ItemKind::Accueil, "accueil", Str::ItemAccueil},
    EnumEntry<ItemKind>{ItemKind::BriseGlace, "brise-glace", Str::ItemBriseGlace},
    EnumEntry<ItemKind>{ItemKind::DecouverteVisite, "decouverte-visite", Str::ItemDecouverteVisite},
    EnumEntry<ItemKind>{ItemKind::Atelier, "atelier", Str::ItemAtelier},
    EnumEntry<ItemKind>{ItemKind::RetourExperience, "retour-experience", Str::ItemRetourExperience},
    EnumEntry<ItemKind>{ItemKind::InterventionExpert, "intervention-expert", Str::ItemInterventionExpert},
    EnumEntry<ItemKind>{ItemKind::Pause, "pause", Str::ItemPause},
    EnumEntry<ItemKind>{ItemKind::Synthese, "synthese", Str::ItemSynthese},
};

inline constexpr std::array kVoteMethods = {
    EnumEntry<VoteMethod>{VoteMethod::Dot, "dot", Str::VoteMethodDot},
    EnumEntry<VoteMethod>{VoteMethod::Approval, "approval", Str::VoteMethodApproval},
    EnumEntry<VoteMethod>{VoteMethod::Majority, "majority", Str::VoteMethodMajority},
    EnumEntry<VoteMethod>{VoteMethod::Borda, "borda", Str::VoteMethodBorda},
    EnumEntry<VoteMethod>{VoteMethod::Schulze, "schulze", Str::VoteMethodSchulze},
};

inline constexpr std::array kIdeaEntries = {
    EnumEntry<IdeaEntry>{IdeaEntry::Keyboard, "clavier", Str::IdeaEntryClavier},
    EnumEntry<IdeaEntry>{IdeaEntry::Import, "import", Str::IdeaEntryImport},
    EnumEntry<IdeaEntry>{IdeaEntry::Paste, "colle", Str::IdeaEntryColle},
    EnumEntry<IdeaEntry>{IdeaEntry::Phone, "telephone", Str::IdeaEntryTelephone},
};

inline constexpr std::array kPracticeSources = {
    EnumEntry<PracticeSource>{PracticeSource::Board, "tableau", Str::PracticeSourceTableau},
    EnumEntry<PracticeSource>{PracticeSource::ActionPhare, "action-phare", Str::PracticeSourceActionPhare},
};

inline constexpr std::array kFollowUpStatuses = {
    EnumEntry<FollowUpStatus>{FollowUpStatus::Essayee, "essayee", Str::FollowUpEssayee},
    EnumEntry<FollowUpStatus>{FollowUpStatus::Adoptee, "adoptee", Str::FollowUpAdoptee},
    EnumEntry<FollowUpStatus>{FollowUpStatus::Abandonnee, "abandonnee", Str::FollowUpAbandonnee},
};

inline constexpr std::array kQuestionKinds = {
    EnumEntry<QuestionKind>{QuestionKind::Grade, "note", Str::QuestionKindNote},
    EnumEntry<QuestionKind>{QuestionKind::Sentence, "phrase", Str::QuestionKindPhrase},
    EnumEntry<QuestionKind>{QuestionKind::Practices, "pratiques", Str::QuestionKindPratiques},
    EnumEntry<QuestionKind>{QuestionKind::Themes, "themes", Str::QuestionKindThemes},
};

template <class E> constexpr const auto& enumEntries();
template <> constexpr const auto& enumEntries<Membership>() { return kMemberships; }
template <> constexpr const auto& enumEntries<Institution>() { return kInstitutions; }
template <> constexpr const auto& enumEntries<Role>() { return kRoles; }
template <> constexpr const auto& enumEntries<EtapeKind>() { return kEtapeKinds; }
template <> constexpr const auto& enumEntries<EtapeStatus>() { return kEtapeStatuses; }
template <> constexpr const auto& enumEntries<ItemKind>() { return kItemKinds; }
template <> constexpr const auto& enumEntries<VoteMethod>() { return kVoteMethods; }
template <> constexpr const auto& enumEntries<IdeaEntry>() { return kIdeaEntries; }
template <> constexpr const auto& enumEntries<PracticeSource>() { return kPracticeSources; }
template <> constexpr const auto& enumEntries<FollowUpStatus>() { return kFollowUpStatuses; }
template <> constexpr const auto& enumEntries<QuestionKind>() { return kQuestionKinds; }

/// Stable storage key of a value ("a-verifier").
template <class E>
constexpr std::string_view enumKey(E value) {
    for (const auto& e : enumEntries<E>())
        if (e.value == value) return e.key;
    return {};
}
/// French label of a value ("À vérifier").
template <class E>
const char* enumLabel(E value) {
    for (const auto& e : enumEntries<E>())
        if (e.value == value) return tr(e.label);
    return "";
}
/// Value of a storage key; nullopt when unknown.
template <class E>
constexpr std::optional<E> enumFromKey(std::string_view key) {
    for (const auto& e : enumEntries<E>())
        if (e.key == key) return e.value;
    return std::nullopt;
}

}  // namespace atelier
