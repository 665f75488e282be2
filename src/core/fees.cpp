#include "core/fees.h"

#include <algorithm>

#include "core/strings.h"

namespace atelier {

const char* feeReasonKey(FeeReason reason) {
    switch (reason) {
        case FeeReason::StateAgent: return "agent de l'État";
        case FeeReason::Adherent: return "adhérent";
        case FeeReason::NonAdherent: return "non adhérent";
        case FeeReason::AVerifier: return "à vérifier";
    }
    return "à vérifier";
}

const char* feeReasonLabel(FeeReason reason) {
    switch (reason) {
        case FeeReason::StateAgent: return tr(Str::FeeStateAgent);
        case FeeReason::Adherent: return tr(Str::FeeAdherent);
        case FeeReason::NonAdherent: return tr(Str::FeeNonAdherent);
        case FeeReason::AVerifier: return tr(Str::FeeAVerifier);
    }
    return "";
}

Fee feeOf(const Model& model, const Etape& etape, const Registration& registration) {
    Fee fee;
    fee.days = std::clamp(registration.days, 1, std::max(1, etape.header.days));
    const Person* person = model.person(registration.person);
    if (person && isStateAgent(person->institution)) {
        fee.reason = FeeReason::StateAgent;
        fee.cents = 0;
        return fee;
    }
    const Territory* territory = person && person->territory ? model.territory(*person->territory) : nullptr;
    const Membership membership = territory ? territory->membership : Membership::AVerifier;
    switch (membership) {
        case Membership::Adherent:
            fee.reason = FeeReason::Adherent;
            fee.cents = 0;
            break;
        case Membership::NonAdherent:
            fee.reason = FeeReason::NonAdherent;
            fee.cents = model.settings.dayRateCents(etape.header.date.year) * fee.days;
            break;
        case Membership::AVerifier:
            fee.reason = FeeReason::AVerifier;
            break;
    }
    return fee;
}

FeeStatement feeStatement(const Model& model, const Etape& etape) {
    FeeStatement out;
    for (const Registration& r : etape.registrations) {
        const Person* p = model.person(r.person);
        const std::optional<Id> territory = p ? p->territory : std::nullopt;
        auto it = std::find_if(out.territories.begin(), out.territories.end(),
                               [&](const TerritoryFees& t) { return t.territory == territory; });
        if (it == out.territories.end()) {
            TerritoryFees t;
            t.territory = territory;
            if (const Territory* known = territory ? model.territory(*territory) : nullptr)
                t.membership = known->membership;
            out.territories.push_back(t);
            it = out.territories.end() - 1;
        }
        const Fee fee = feeOf(model, etape, r);
        ++it->people;
        it->days += fee.days;
        if (fee.cents) {
            it->cents += *fee.cents;
            out.totalCents += *fee.cents;
        } else {
            ++it->unknown;
            ++out.unknown;
        }
    }
    return out;
}

std::string formatEuros(long cents) {
    const bool negative = cents < 0;
    if (negative) cents = -cents;
    std::string units = std::to_string(cents / 100);
    for (int i = static_cast<int>(units.size()) - 3; i > 0; i -= 3) units.insert(static_cast<size_t>(i), "\u202f");
    std::string out = (negative ? "-" : "") + units;
    if (cents % 100) {
        const long c = cents % 100;
        out += ',';
        out += static_cast<char>('0' + c / 10);
        out += static_cast<char>('0' + c % 10);
    }
    return out + "\u00a0€";
}

}  // namespace atelier
