// Essaimage in the store: photos checked by decoding them (PNG, JPEG) and copied into the data folder; the archive
// (format 4) keeps the actions-phares, the evaluation and the practices of the day with their follow-ups, and the
// archives written before (format 3) still load; the library of practices survives a reopening of the database.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stb_image_write.h>
#include <string>
#include <vector>

#include "core/archive.h"
#include "core/practices.h"
#include "store/archive.h"
#include "store/database.h"
#include "store/errors.h"
#include "store/photos.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

/// A small picture, encoded as PNG or JPEG.
std::string picture(bool png) {
    std::vector<unsigned char> rgb(16 * 12 * 3);
    for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>(i * 7);
    std::string out;
    if (png) stbi_write_png_to_func(appendBytes, &out, 16, 12, 3, rgb.data(), 16 * 3);
    else stbi_write_jpg_to_func(appendBytes, &out, 16, 12, 3, rgb.data(), 90);
    return out;
}

void write(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

/// The day of the fixture with an action-phare (and its photo), a follow-up and an evaluation.
Session essaimageDay() {
    Session s = test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    const Id etape = e.id;
    ActionPhare a{0, "Le café des parents", "Un lieu où parents et enseignants se rencontrent.", "Centre social",
                  "Cité éducative d'Amiens", {"photos/cafe.jpg"}};
    REQUIRE(s.apply(AddActionPhare{etape, a}).ok);
    const Id ap = s.model().etape(etape)->actionsPhares.back().id;
    const Id lille = s.model().territoryByName("Lille")->id;
    REQUIRE(s.apply(AddFollowUp{ap, FollowUp{lille, FollowUpStatus::Adoptee, Date{2021, 3, 16}, "Dans 3 collèges"}}).ok);
    REQUIRE(s.apply(SetEvaluation{etape, defaultEvaluation().questions, {}}).ok);
    const auto qs = s.model().etape(etape)->evaluation.questions;
    REQUIRE(s.apply(AddEvaluationResponse{etape, EvaluationResponse{0, 9, std::nullopt, {{qs[0].id, 5}}}}).ok);
    REQUIRE(s.apply(AddEvaluationResponse{
                        etape, EvaluationResponse{0, 1, lille, {{qs[2].id, -1, "Le café des parents", {}},
                                                                {qs[3].id, -1, "", {ap}}}}})
                .ok);
    return s;
}

}  // namespace

TEST_CASE("photos: a PNG and a JPEG are copied into photos/ under an ASCII name; anything else is refused") {
    TempDir dir;
    const fs::path png = dir.path / "Café des parents.png", jpg = dir.path / "Salle (1).JPG";
    write(png, picture(true));
    write(jpg, picture(false));
    CHECK(checkPhoto(picture(true)).empty());
    CHECK(checkPhoto(picture(false)).empty());
    const fs::path data = dir.path / "donnees";
    CHECK(importPhoto(data, png) == "photos/cafe-des-parents.png");
    CHECK(fs::file_size(data / "photos" / "cafe-des-parents.png") == fs::file_size(png));
    CHECK(importPhoto(data, jpg) == "photos/salle-1.jpg");
    CHECK(importPhoto(data, png) == "photos/cafe-des-parents.png");  // the same photo again: one copy

    // Another picture with the same name gets its own.
    const fs::path other = dir.path / "autre" / "Café des parents.png";
    fs::create_directories(other.parent_path());
    write(other, picture(false));
    CHECK(importPhoto(data, other) == "photos/cafe-des-parents.jpg");

    // Not a picture, a damaged one, a missing file: a French message naming the file, nothing copied.
    const fs::path text = dir.path / "notes.png";
    write(text, "pas une image");
    std::string truncated = picture(true);
    truncated.resize(truncated.size() / 2);
    const fs::path broken = dir.path / "coupee.png";
    write(broken, truncated);
    auto refusal = [&](const fs::path& file) {
        try {
            importPhoto(data, file);
        } catch (const StoreError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(refusal(text) == "La photo «\u00a0" + text.string() +
                               "\u00a0» ne peut pas être ajoutée\u00a0: ce n'est ni une image PNG ni une image JPEG. Choisissez "
                               "une photo PNG ou JPEG.");
    CHECK(refusal(broken).find("l'image est endommagée ou incomplète") != std::string::npos);
    CHECK(refusal(dir.path / "absente.jpg").find("absente.jpg") != std::string::npos);
    CHECK_FALSE(fs::exists(data / "photos" / "notes.png"));
    CHECK_FALSE(fs::exists(data / "photos" / "coupee.png"));
}

TEST_CASE("readPhotos: the photos of photos/ that are there, in order; nothing outside photos/, nothing missing") {
    TempDir dir;
    const fs::path data = dir.path / "donnees";
    fs::create_directories(data / "photos");
    write(data / "photos" / "cafe.png", picture(true));
    write(data / "photos" / "salle.jpg", picture(false));
    write(data / "photos" / "notes.png", "pas une image");
    write(data / "secret.jpg", picture(false));
    const auto photos = readPhotos(data, {"photos/salle.jpg", "photos/absente.jpg", "photos/cafe.png",
                                          "photos/notes.png", "photos/../secret.jpg", "secret.jpg", "/etc/passwd",
                                          "photos/", "photos/sous/dossier.jpg"});
    REQUIRE(photos.size() == 2);
    CHECK(photos[0] == std::pair<std::string, std::string>{"photos/salle.jpg", picture(false)});
    CHECK(photos[1] == std::pair<std::string, std::string>{"photos/cafe.png", picture(true)});
}

TEST_CASE("the archive keeps the actions-phares, the evaluation and the practices of the day, and reads back equal") {
    const Session s = essaimageDay();
    const EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
    CHECK(a.format.version == 4);
    REQUIRE(a.etape.actionsPhares.size() == 1);
    CHECK(a.etape.actionsPhares[0].photos == std::vector<std::string>{"photos/cafe.jpg"});
    CHECK(a.etape.evaluation.responses.size() == 2);
    const auto practice = std::find_if(a.practices.begin(), a.practices.end(),
                                       [](const ArchivedPractice& p) { return p.source == PracticeSource::ActionPhare; });
    REQUIRE(practice != a.practices.end());
    CHECK(practice->id == a.etape.actionsPhares[0].id);
    CHECK(practice->text == "Le café des parents");
    CHECK(practice->cite == "Amiens");
    CHECK(practice->description == "Un lieu où parents et enseignants se rencontrent.");
    CHECK(practice->interested == std::vector<std::string>{"Lille"});
    REQUIRE(practice->followUps.size() == 1);
    CHECK(practice->followUps[0].cite == "Lille");
    CHECK(practice->followUps[0].status == FollowUpStatus::Adoptee);
    // Every flagged idea of the boards is there too, with its id.
    for (const ArchivedPractice& p : a.practices) CHECK(p.id != 0);
    CHECK(a.practices.size() >= 2);
    CHECK(parseArchive(archiveJson(a), "etape.json") == a);
}

TEST_CASE("a format 3 archive loads: practices without id nor follow-up, no action-phare, no evaluation") {
    const fs::path examples = fs::path(ATELIER_SOURCE_DIR) / "sessions" / "examples";
    const EtapeArchive v3 = loadArchive(examples / "exemple-2020-02-11-amiens-format-3" / "etape.json");
    CHECK(v3.format.version == 3);
    CHECK(v3.etape.actionsPhares.empty());
    CHECK(v3.etape.evaluation.questions.empty());
    REQUIRE(!v3.practices.empty());
    for (const ArchivedPractice& p : v3.practices) {
        CHECK(p.id == 0);
        CHECK(!p.text.empty());
        CHECK(p.followUps.empty());
    }
}

TEST_CASE("a damaged evaluation count in an archive is refused, naming the field") {
    const Session s = essaimageDay();
    EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "x");
    a.etape.evaluation.responses[0].count = 0;
    try {
        parseArchive(archiveJson(a), "etape.json");
        FAIL("accepted");
    } catch (const ArchiveCorrupt& e) {
        CHECK(std::string(e.what()).find("archive.etape.evaluation.responses[0].count") != std::string::npos);
    }
}

TEST_CASE("the library of practices, the actions-phares and the evaluation survive reopening the data folder") {
    TempDir dir;
    Model before;
    Id ap = 0;
    {
        Workspace ws(dir.path);
        Session& s = ws.session();
        const Id etape = s.model().etapeByNumber(1)->id;
        REQUIRE(s.apply(AddActionPhare{etape, ActionPhare{0, "Le café des parents"}}).ok);
        ap = s.model().etape(etape)->actionsPhares.back().id;
        const Id lille = s.model().territoryByName("Lille")->id;
        REQUIRE(s.apply(AddFollowUp{ap, FollowUp{lille, FollowUpStatus::Essayee, Date{2020, 6, 2}, ""}}).ok);
        REQUIRE(s.apply(SetEvaluation{etape, defaultEvaluation().questions, {}}).ok);
        before = s.model();
    }
    Workspace ws(dir.path);
    CHECK(test::sameContent(ws.session().model(), before));
    REQUIRE(ws.session().model().practice(ap));
    CHECK(ws.session().model().practice(ap)->followUps.size() == 1);
}
