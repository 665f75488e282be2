// fixture_shots DIR WIDTH HEIGHT: renders every screen of the registry on dayOfEtapeSession() (people, votes,
// ballots) into DIR/<screen>.png, in a real window (run it under xvfb-run). The screenshot smoke test then checks
// each PNG; people look at them.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>
#include <stb_image_write.h>

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
    atelier::Session session = atelier::test::essaimageDaySession();
    int failures = 0;
    {  // the Archive tab lists the fixture's étape 1
        atelier::store::Database db(std::string(argv[1]) + "/atelier.db");
        const atelier::Model& m = session.model();
        atelier::store::saveAndIndex(argv[1], db, atelier::makeArchive(m, *m.etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z"));
    }
    {  // The photo of the fixture's action-phare (« Découverte »): a drawn façade, 1200×800, as a JPEG.
        const int w = 1200, h = 800;
        std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                unsigned char* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
                const bool sky = y < h * 45 / 100, ground = y >= h * 80 / 100;
                const bool window = !sky && !ground && (y / 50) % 2 == 0 && x % 90 < 45 && (x / 90) % 3 != 0;
                p[0] = sky ? 130 : ground ? 90 : window ? 60 : 205;
                p[1] = sky ? 180 : ground ? 150 : window ? 80 : 130;
                p[2] = sky ? 235 : ground ? 70 : window ? 120 : 90;
            }
        std::filesystem::create_directories(std::string(argv[1]) + "/photos");
        stbi_write_jpg((std::string(argv[1]) + "/photos/cafe-des-parents.jpg").c_str(), w, h, 3, rgb.data(), 85);
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
