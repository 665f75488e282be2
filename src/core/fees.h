// Participation fees (DESIGN.md §2): free for member territories and for State agents, whatever their territory;
// otherwise the year's day rate (150 € by default) times the days attended; unknown — never guessed — while the
// territory's membership is « à vérifier » (or the person has no territory).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace atelier {

enum class FeeReason { StateAgent, Adherent, NonAdherent, AVerifier };

/// Stable key of a reason, as the command line's JSON writes it ("adhérent", "agent de l'État", …).
const char* feeReasonKey(FeeReason reason);
/// French label of a reason for screens and documents.
const char* feeReasonLabel(FeeReason reason);

struct Fee {
    std::optional<long> cents;  // nullopt: unknown until the membership is checked
    FeeReason reason = FeeReason::AVerifier;
    int days = 1;
};

/// The fee of one registration of `etape`.
Fee feeOf(const Model& model, const Etape& etape, const Registration& registration);

/// Fees of an étape grouped by territory (people without a territory grouped under no id).
struct TerritoryFees {
    std::optional<Id> territory;
    int people = 0;
    int days = 0;
    long cents = 0;     // known amounts only
    int unknown = 0;    // registrations whose amount is « à vérifier »
    Membership membership = Membership::AVerifier;
};

struct FeeStatement {
    std::vector<TerritoryFees> territories;  // in the order of first registration
    long totalCents = 0;                     // known amounts only
    int unknown = 0;                         // registrations « à vérifier »
};

FeeStatement feeStatement(const Model& model, const Etape& etape);

/// "150 €", "1 350 €", "87,50 €" (French thousands with a narrow no-break space, comma decimals).
std::string formatEuros(long cents);

}  // namespace atelier
