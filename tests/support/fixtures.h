// Shared test fixtures: a Tour-like model built through actions, without the store.
#pragma once

#include "core/session.h"

namespace atelier::test {

/// A session holding three Cités (Amiens, Lille, Arras), one person, étape 1 (hosted by Amiens, four programme
/// items) and étape 2 (host « à confirmer », no programme), applied outside the undo history.
Session tourSession(Journal* journal = nullptr);

/// tourSession() plus what a day produces: a dozen people registered (four with their structure and function) (some present, a walk-in), a majority-
/// judgment vote and a dot vote with ballots, a closed Schulze vote, two rounds of two breakout groups, three
/// speed-meeting rounds and a card drawn.
/// judgment vote and a dot vote with ballots, a closed Schulze vote, an idea board of 300 ideas.
Session dayOfEtapeSession(Journal* journal = nullptr);
/// Étape 1 of that day with the essaimage the summary goldens were written from: the host's action-phare (a photo;
/// adopted by Lille; renamed « Le café des parents » and described by the facilitator) and the evaluation of the
/// day (13 answer sheets, one from Lille wanting the café). Returns the first refusal, if any.
Status addGoldenEssaimage(Session& s);

/// Adds to étape `etape` an idea board (« Comment associer les familles… ») with `ideas` ideas of six groups in
/// `columns` columns (the template's three, then more) and `clusters` clusters, some practices, one merge.
/// Returns the board's id.
Id addIdeaBoard(Session& s, Id etape, int ideas, int columns = 3, int clusters = 6);

/// Adds to étape `etape` (hosted by Amiens; Lille and Arras exist) what the essaimage keeps: two actions-phares (the
/// first with a photo named « photos/cafe-des-parents.jpg », not on disk), a description, themes, follow-ups by
/// Lille and Arras and an interest on the first, a follow-up « abandonnée » and a theme on the étape's first board
/// practice (when there is one), the Tour's questionnaire with answers (grades, sentences, the café wanted by 4 people
/// of Lille, a theme). Applied outside the undo history.
void addEssaimage(Session& s, Id etape);

/// dayOfEtapeSession() plus addEssaimage() on étape 1.
Session essaimageDaySession();

/// Territories, people, étapes and settings of two models are equal (ignores nextId).
bool sameContent(const Model& a, const Model& b);

}  // namespace atelier::test
