#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/strings.h"
#include "core/text.h"

using namespace atelier;

TEST_CASE("fold for search drops accents and case") {
    CHECK(foldForSearch("Réussite") == "reussite");
    CHECK(foldForSearch("ÉCOLE Élémentaire") == "ecole elementaire");
    CHECK(foldForSearch("Œuvre cœur") == "oeuvre coeur");
    CHECK(foldForSearch("Ça être là, maïs, août") == "ca etre la, mais, aout");
    CHECK(foldForSearch("l’école") == "l'ecole");
    CHECK(containsFolded("Plusieurs temps d'ateliers « Favoriser la réussite »", "REUSSITE"));
    CHECK_FALSE(containsFolded("Mot d'accueil", "atelier"));
}

TEST_CASE("UTF-8 validation") {
    CHECK(isValidUtf8("Cité éducative « Amiens » – 150 €"));
    CHECK(isValidUtf8(""));
    CHECK_FALSE(isValidUtf8("caf\xe9"));            // Windows-1252 é
    CHECK_FALSE(isValidUtf8("\xc0\xaf"));           // overlong '/'
    CHECK_FALSE(isValidUtf8("\xed\xa0\x80"));       // surrogate
    CHECK_FALSE(isValidUtf8("\xe2\x82"));           // truncated €
    CHECK_FALSE(isValidUtf8("\xf4\x90\x80\x80"));   // above U+10FFFF
    CHECK(countCodePoints("Réussite €") == 10);
}

TEST_CASE("excerpt cuts after a number of code points, never inside one, and says so with « … »") {
    CHECK(excerpt("Un café", 7) == "Un café");    // 7 code points, 8 bytes: whole
    CHECK(excerpt("Un café", 6) == "Un caf…");
    CHECK(excerpt("Un café!", 7) == "Un café…");  // the cut keeps « é » whole (2 bytes)
    CHECK(excerpt("Œuvre", 1) == "Œ…");
    CHECK(excerpt("l’école", 2) == "l’…");         // a 3-byte code point
    CHECK(excerpt("🎉🎉🎉", 2) == "🎉🎉…");          // 4-byte code points
    CHECK(excerpt("", 3).empty());
    CHECK(excerpt("abc", 0) == "…");
    const std::string idea = "Un café des parents au collège dès la rentrée, chaque samedi";
    CHECK(excerpt(idea, 40) == "Un café des parents au collège dès la re…");  // the undo label's length
    CHECK(countCodePoints(excerpt(idea, 40)) == 41);
    CHECK(isValidUtf8(excerpt(idea, 11)));
}

TEST_CASE("trim and French elision") {
    CHECK(trim("  Amiens \t\n") == "Amiens");
    CHECK(trim("   ").empty());
    CHECK(deName("Amiens") == "d'Amiens");
    CHECK(deName("Arras") == "d'Arras");
    CHECK(deName("Lille") == "de Lille");
    CHECK(deName("Saint-Quentin") == "de Saint-Quentin");
}

TEST_CASE("strings table: every entry is valid UTF-8 and fmt fills parameters in order") {
    for (int i = 0; i < static_cast<int>(Str::Count_); ++i) {
        const char* text = tr(static_cast<Str>(i));
        REQUIRE(text != nullptr);
        CHECK(isValidUtf8(text));
    }
    CHECK(fmt(Str::ErrTooLong, {"Thème", "500"}) == "Le champ «\u00a0Thème\u00a0» dépasse 500 caractères\u00a0: raccourcissez-le.");
    CHECK(fmt(Str::EtapeNumber, {"3"}) == "Étape 3");
}

TEST_CASE("fold for names: apostrophes dropped, hyphens read as spaces, accents and case ignored") {
    CHECK(foldForName("N'Diaye") == "ndiaye");
    CHECK(foldForName("N\u2019Diaye") == "ndiaye");
    CHECK(foldForName("Jean-Pierre Lefèvre") == "jean pierre lefevre");
    CHECK(foldForName("ndi") == "ndi");
    CHECK(foldForName("N'Diaye").find(foldForName("ndi")) == 0);
    CHECK(foldForName("Jean-Pierre").find(foldForName("jean pi")) == 0);
    CHECK(foldForName("Jean\u2011Pierre") == "jean pierre");
}

TEST_CASE("people sort by last name, particles included, accents and apostrophes ignored") {
    std::vector<std::string> names = {"Zoé Lefèvre", "Nadia Benali", "Marie de La Tour", "Aminata N'Diaye",
                                      "Jean-Pierre Morel", "Anne Morel", "Élodie Caron", "Madonna"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return lastNameKey(a) < lastNameKey(b); });
    const std::vector<std::string> expected = {"Nadia Benali", "Élodie Caron", "Marie de La Tour", "Zoé Lefèvre",
                                               "Madonna", "Anne Morel", "Jean-Pierre Morel", "Aminata N'Diaye"};
    CHECK(names == expected);
}

TEST_CASE("one apostrophe across the interface: the elided « de » uses the same ' as every string of the table") {
    CHECK(deName("Amiens") == "d'Amiens");
    CHECK(deName("Lille") == "de Lille");
    // The table itself: no typographic apostrophe in an interface string (the app used to mix ’ and ').
    for (int i = 0; i < static_cast<int>(Str::Count_); ++i)
        CHECK_MESSAGE(std::string(tr(static_cast<Str>(i))).find("\u2019") == std::string::npos, "string " << i);
}
