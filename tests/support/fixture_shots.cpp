// fixture_shots DIR WIDTH HEIGHT: renders every screen of the registry on dayOfEtapeSession() (people, votes,
// ballots) into DIR/<screen>.png, in a real window (run it under xvfb-run). The screenshot smoke test then checks
// each PNG; people look at them.
#include <cstdio>
#include <cstdlib>

#include "core/archive.h"
#include "store/archive.h"
#include "store/data_folder.h"
#include "support/fixtures.h"
#include "ui/ui.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: fixture_shots DIR WIDTH HEIGHT\n");
        return 2;
    }
    atelier::Session session = atelier::test::dayOfEtapeSession();
    int failures = 0;
    {  // the Archive tab lists the fixture's étape 1
        atelier::store::Database db(std::string(argv[1]) + "/atelier.db");
        const atelier::Model& m = session.model();
        atelier::store::saveAndIndex(argv[1], db, atelier::makeArchive(m, *m.etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z"));
    }
    atelier::store::DataFolder folder(argv[1]);
    for (const std::string& screen : atelier::ui::screenNames()) {
        atelier::ui::ScreenshotOptions options;
        options.screen = screen;
        options.width = std::atoi(argv[2]);
        options.height = std::atoi(argv[3]);
        options.out = std::string(argv[1]) + "/" + screen + ".png";
        options.folder = &folder;
        if (screen == "participation" || screen == "rejoindre") options.participationCode = "123456";
        if (atelier::Status s = atelier::ui::screenshot(session, options); !s) {
            std::fprintf(stderr, "%s: %s\n", screen.c_str(), s.message.c_str());
            ++failures;
        }
    }
    {  // The import dialog of the Inscriptions tab: « ARRAS (62) » read as Arras; « Hirson », « Lile », « Amiens Nord » asked.
        const std::string csv = std::string(argv[1]) + "/inscriptions-import.csv";
        if (FILE* f = std::fopen(csv.c_str(), "wb")) {
            std::fputs("nom;prénom;cité;structure;fonction\n"
                       "Leroy;Anne;ARRAS (62);Mairie d'Arras;Cheffe de projet\n"
                       "Caron;Luc;Hirson;CAF de l'Aisne;Chargé de mission\n"
                       "Petit;Iris;Lile;Centre social;Animatrice\n"
                       "Morel;Yves;Amiens Nord;Collège;Principal\n",
                       f);
            std::fclose(f);
        }
        atelier::ui::ScreenshotOptions options;
        options.screen = "inscriptions";
        options.width = std::atoi(argv[2]);
        options.height = std::atoi(argv[3]);
        options.dropCsv = csv;
        options.out = std::string(argv[1]) + "/inscriptions-import.png";
        if (atelier::Status s = atelier::ui::screenshot(session, options); !s) {
            std::fprintf(stderr, "inscriptions-import: %s\n", s.message.c_str());
            ++failures;
        }
    }
    // The results of every vote of étape 1 (bars for dots, merit profiles, Schulze wins).
    for (int vote = 1; vote <= 3; ++vote) {
        atelier::ui::ScreenshotOptions options;
        options.screen = "resultats";
        options.width = std::atoi(argv[2]);
        options.height = std::atoi(argv[3]);
        options.voteNumber = vote;
        options.out = std::string(argv[1]) + "/resultats-vote" + std::to_string(vote) + ".png";
        if (atelier::Status s = atelier::ui::screenshot(session, options); !s) {
            std::fprintf(stderr, "resultats %d: %s\n", vote, s.message.c_str());
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
