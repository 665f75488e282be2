// Exports from the app (issue 11 point 10): Fichier writes the selected étape's summary (HTML, Markdown, CSV), the
// attendance sheet, the fee statement and the group lists into the data folder's documents/; the Archive tab
// writes an archived étape's summary; the console then says where the files went, with « Ouvrir le dossier ».
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <fstream>
#include <sstream>

#include "ui/harness.h"

using namespace atelier;
using namespace atelier::ui;
namespace fs = std::filesystem;

namespace {

struct ExportConsole : atelier::ui::test::Console {
    fs::path dir;
    std::vector<fs::path> opened;  // what the desktop was asked to open
    ExportConsole() {
        dir = useFolder();
        session = atelier::test::dayOfEtapeSession();
        app.state().selectedEtape = session.model().etapeByNumber(1)->id;
        app.setOpenFolder([this](const fs::path& folder) { opened.push_back(folder); });
        frame();
    }
    /// Opens Fichier and clicks the item marked `key`.
    void fileMenu(const std::string& key) {
        click("menu.file");
        click(key);
        frame();
    }
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("Fichier: « Exporter la synthèse » writes HTML, PDF, Markdown and CSV, then offers to open the folder") {
    ExportConsole c;
    c.fileMenu("menu.summary");
    const fs::path folder = c.dir / "documents" / "2020-02-11-amiens";
    for (const char* name : {"synthese.html", "synthese.pdf", "synthese.md", "idees.csv", "votes.csv"}) {
        INFO(name);
        CHECK(fs::exists(folder / name));
    }
    CHECK(read(folder / "synthese.html").find("Étape 1") != std::string::npos);
    REQUIRE(c.app.state().written);
    CHECK(c.app.state().written->folder == folder);
    CHECK(c.app.state().written->message.find(folder.string()) != std::string::npos);

    c.click("written.open");
    REQUIRE(c.opened.size() == 1);
    CHECK(c.opened.front() == folder);
    c.click("written.close");
    CHECK_FALSE(c.app.state().written);
}

TEST_CASE("Fichier: the attendance sheet, the fee statement and the group lists, each into documents/") {
    ExportConsole c;
    c.fileMenu("menu.emargement");
    CHECK(fs::exists(c.dir / "documents" / "etape-1-emargement.html"));
    CHECK(fs::file_size(c.dir / "documents" / "etape-1-emargement.pdf") > 1000);  // the printed one too (issue 36)
    c.fileMenu("menu.frais");
    CHECK(fs::exists(c.dir / "documents" / "etape-1-frais.html"));
    CHECK(fs::file_size(c.dir / "documents" / "etape-1-frais.pdf") > 1000);
    REQUIRE(c.app.state().written);
    CHECK(c.app.state().written->folder == c.dir / "documents");
    c.fileMenu("menu.open-documents");
    REQUIRE_FALSE(c.opened.empty());
    CHECK(c.opened.back() == c.dir / "documents");
}

TEST_CASE("Archive: an archived étape's summary is exported from its row") {
    ExportConsole c;
    c.show("archive");
    c.click("archive.save");
    c.frame();
    c.click("archive.row.0");
    // The archive is read off the UI thread: its export button shows once it is read.
    for (int i = 0; i < 500 && !c.app.view<ArchiveView>().listings->front().loaded; ++i) {
        c.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(c.app.view<ArchiveView>().listings->front().loaded);
    c.frame();
    c.click("archive.export");
    const fs::path folder = c.dir / "documents" / "2020-02-11-amiens";
    CHECK(fs::exists(folder / "synthese.html"));
    CHECK(fs::exists(folder / "votes.csv"));
    REQUIRE(c.app.state().written);
    CHECK(c.app.state().written->folder == folder);
}

TEST_CASE("Fichier: le livret of the selected étape's year and of the whole Tour, from the archives, into documents/") {
    ExportConsole c;
    c.show("archive");
    c.click("archive.save");
    c.frame();
    c.fileMenu("menu.livret-annee");
    const fs::path year = c.dir / "documents" / "livret-2020";
    for (const char* name : {"livret.html", "livret.pdf", "participation.csv", "idees.csv", "votes.csv", "pratiques.csv",
                             "evaluation.csv"}) {
        INFO(name);
        CHECK(fs::exists(year / name));
    }
    const std::string html = read(year / "livret.html");
    CHECK(html.find("Livret 2020 du Tour des Cités éducatives") != std::string::npos);
    CHECK(html.find("id=\"etape-1-1\"") != std::string::npos);  // the archived étape's chapter
    REQUIRE(c.app.state().written);
    CHECK(c.app.state().written->folder == year);
    c.fileMenu("menu.livret-tour");
    CHECK(read(c.dir / "documents" / "livret-tour" / "livret.html").find("Livret du Tour des Cités éducatives") !=
          std::string::npos);
    CHECK(c.app.state().written->folder == c.dir / "documents" / "livret-tour");
}
