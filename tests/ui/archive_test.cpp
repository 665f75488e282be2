// The Archive screen: « Enregistrer dans l'archive » writes the selected étape's archive and lists it, the search
// box finds archived ideas without accents, a row opens the archive read-only; a damaged archive is listed as such.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "store/archive.h"
#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
namespace fs = std::filesystem;

namespace {

struct ArchiveConsole : atelier::ui::test::Console {
    fs::path dir;
    ArchiveConsole() {
        dir = useFolder();
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        show("archive");
    }
};

}  // namespace

TEST_CASE("Archive: saving the selected étape lists it, the search finds its ideas, a row opens it") {
    ArchiveConsole c;
    REQUIRE(c.app.view<ArchiveView>().listings);
    CHECK(c.app.view<ArchiveView>().listings->empty());

    const Actions emitted = c.click("archive.save");
    CHECK(emitted.empty());  // the archive is a file, not a change of the model
    const fs::path file = c.dir / "sessions" / "2020-02-11-amiens" / "etape.json";
    REQUIRE(fs::exists(file));
    CHECK(!c.app.view<ArchiveView>().error);
    CHECK(c.app.view<ArchiveView>().message.find(file.string()) != std::string::npos);
    c.frame();
    REQUIRE(c.app.view<ArchiveView>().listings->size() == 1);
    CHECK(c.app.view<ArchiveView>().listings->front().error.empty());
    CHECK(c.app.view<ArchiveView>().listings->front().summary.ideas > 250);
    CHECK_FALSE(c.app.view<ArchiveView>().listings->front().loaded);  // listed from the index, not parsed

    c.click("archive.search");
    c.imgui.type("REUSSITE");
    c.frame();
    c.frame();
    REQUIRE(c.app.view<ArchiveView>().hits);
    CHECK(!c.app.view<ArchiveView>().hits->empty());
    CHECK(c.app.view<ArchiveView>().hits->front().text.find("réussite") != std::string::npos);

    c.click("archive.row.0");
    CHECK(c.app.view<ArchiveView>().open == 0);
    // Opened, it is parsed off the UI thread; the frames go on meanwhile and show it once read.
    for (int i = 0; i < 500 && !c.app.view<ArchiveView>().listings->front().loaded; ++i) {
        c.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(c.app.view<ArchiveView>().listings->front().loaded);
    CHECK(c.app.view<ArchiveView>().listings->front().archive.ideaCount() > 250);
    CHECK(c.app.view<ArchiveView>().listings->front().archive.ideaCount() ==
          c.app.view<ArchiveView>().listings->front().summary.ideas);
}

TEST_CASE("Archive: a damaged archive is listed as unreadable, the others still list") {
    ArchiveConsole c;
    c.click("archive.save");
    fs::create_directories(c.dir / "sessions" / "2019-01-01-casse");
    std::ofstream(c.dir / "sessions" / "2019-01-01-casse" / "etape.json") << "{\"format\": ";
    c.app.view<ArchiveView>().refresh = true;
    c.frame();
    const auto& listings = *c.app.view<ArchiveView>().listings;
    REQUIRE(listings.size() == 2);
    CHECK(listings[0].error.find("2019-01-01-casse") != std::string::npos);
    CHECK(listings[1].error.empty());
    c.click("archive.row.0");
    CHECK(c.app.view<ArchiveView>().open == 0);
}

TEST_CASE("Archive: closing an étape (status réalisée) saves it into the archive") {
    ArchiveConsole c;
    const fs::path file = c.dir / "sessions" / "2020-02-11-amiens" / "etape.json";
    EtapeHeader h = c.etape1().header;
    h.venue = "Salle des fêtes";
    c.actions.push_back(UpdateEtape{c.etape1().id, h});
    c.settle();
    CHECK(!fs::exists(file));  // an edit that does not close the étape saves nothing
    h.status = EtapeStatus::Realisee;
    c.actions.push_back(UpdateEtape{c.etape1().id, h});
    c.settle();
    REQUIRE(fs::exists(file));
    CHECK(store::loadArchive(file).etape.header.status == EtapeStatus::Realisee);
    CHECK(store::loadArchive(file).etape.header.venue == "Salle des fêtes");
}
