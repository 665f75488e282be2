// The Tour's seed: assets/tour.json (facts of the programme brochure, DESIGN.md §2) applied once per database.

#include <nlohmann/json.hpp>

#include "assets.h"
#include "core/enums.h"
#include "store/database.h"
#include "store/errors.h"

namespace atelier::store {

namespace {

constexpr const char* kSeedKey = "seed.tour";
constexpr const char* kDecksKey = "seed.cartes";

std::string text(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

template <class E>
E enumOf(const nlohmann::json& j, const char* key, E fallback) {
    return enumFromKey<E>(text(j, key)).value_or(fallback);
}

void applyOrThrow(Session& session, Action action) {
    if (Status s = session.applyUnrecorded(std::move(action), JournalKind::Seed); !s)
        throw StoreError("données du Tour refusées : " + s.message);
}

/// Adds the decks to `session`; returns the seed's version.
int applyDecks(Session& session) {
    const auto cards = nlohmann::json::parse(asset("cartes.json"));
    for (const auto& d : cards.at("decks")) {
        if (session.model().deck(text(d, "id"))) continue;
        Deck deck{text(d, "id"), text(d, "titre"), {}};
        for (const auto& q : d.at("questions")) deck.questions.push_back(q.get<std::string>());
        applyOrThrow(session, AddDeck{std::move(deck)});
    }
    return cards.at("version").get<int>();
}

/// Adds the Tour's facts to `session`; returns the seed's version.
int applyTour(Session& session) {
    const auto tour = nlohmann::json::parse(asset("tour.json"));
    const int version = tour.at("seed_version").get<int>();
    const auto& org = tour.at("organisateur");
    applyOrThrow(session, UpdateSettings{Settings{text(org, "organisme"), text(org, "contact"),
                                                  text(org, "courriel"), text(org, "telephone")}});
    for (const auto& c : tour.at("cites")) {
        if (session.model().territoryByName(text(c, "nom"))) continue;  // already typed in by hand
        applyOrThrow(session, AddTerritory{Territory{0, text(c, "nom"), text(c, "departement"),
                                                     Membership::AVerifier, true}});
    }
    for (const auto& e : tour.at("etapes")) {
        Etape etape;
        etape.header.number = e.at("numero").get<int>();
        if (session.model().etapeByNumber(etape.header.number)) continue;
        etape.header.date = parseIso(text(e, "date")).value_or(Date{});
        if (const Territory* host = session.model().territoryByName(text(e, "hote"))) etape.header.host = host->id;
        etape.header.theme = text(e, "theme");
        etape.header.venue = text(e, "lieu");
        etape.header.kind = enumOf(e, "type", EtapeKind::Etape);
        etape.header.status = enumOf(e, "statut", EtapeStatus::Prevue);
        for (const auto& p : e.at("programme")) {
            ProgrammeItem item;
            item.start = parseTime(text(p, "debut")).value_or(9 * 60);
            item.duration = p.at("duree").get<int>();
            item.title = text(p, "titre");
            item.kind = enumOf(p, "format", ItemKind::Atelier);
            etape.programme.push_back(std::move(item));
        }
        applyOrThrow(session, AddEtape{std::move(etape)});
    }
    return version;
}

}  // namespace

bool seedDecks(Database& db, Session& session) {
    if (db.meta(kDecksKey)) return false;
    Transaction tx(db.connection());
    db.setMeta(kDecksKey, std::to_string(applyDecks(session)));
    tx.commit();
    return true;
}

bool seedTour(Database& db, Session& session) {
    if (db.meta(kSeedKey)) return false;
    Transaction tx(db.connection());
    db.setMeta(kSeedKey, std::to_string(applyTour(session)));
    tx.commit();
    return true;
}

void seedInMemory(Database& db, Session& session) {
    if (!db.meta(kSeedKey)) applyTour(session);
    if (!db.meta(kDecksKey)) applyDecks(session);
}

}  // namespace atelier::store
