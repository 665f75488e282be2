// Fiabilité des données (issue 35) in the store: text is text (snapshot and replay agree on every string), photos
// are bounded by pixels before decoding, a database whose files go away under the app stops writing, temporary
// files of killed writes are removed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <stb_image.h>
#include <stb_image_write.h>
#include <string>
#include <vector>

#include "core/text.h"
#include "store/database.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/maintenance.h"
#include "store/photos.h"
#include "store/snapshot.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A random string made mostly of what breaks text: NUL, C0 and C1 controls, DEL, bytes that are not UTF-8.
std::string nastyString(std::mt19937& rng) {
    static const std::vector<std::string> clean = {"Idée", "Groupe 2", "Café des parents", "« oui »", "à", "x"};
    if (rng() % 3 == 0) return clean[rng() % clean.size()];
    static const std::vector<std::string> pieces = {
        std::string(1, '\0'), "\x01", "\x07", "\x08", "\x1b", "\x1b[2J", "\x1f", "\x7f", "\r", "\n", "\t", "\r\n",
        "\xc2\x80", "\xc2\x85", "\xc2\x9f", "\xc2\xa0", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80",
        "é", "à", "€", "a", "b", "Idée", " ", "«", "»", "\"", "\\", "\\u0000", "%00"};
    std::string out;
    const int n = static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) out += pieces[rng() % pieces.size()];
    if (rng() % 4 == 0) out = std::string("Texte ").append(out).append(" fin");
    return out;
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

std::string encoded(int w, int h, bool png) {
    std::vector<unsigned char> rgb(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>((i * 7) ^ (i >> 9));
    std::string out;
    if (png) stbi_write_png_to_func(appendBytes, &out, w, h, 3, rgb.data(), w * 3);
    else stbi_write_jpg_to_func(appendBytes, &out, w, h, 3, rgb.data(), 90);
    return out;
}

void put32(std::string& s, size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) s[at + static_cast<size_t>(k)] = static_cast<char>((v >> (24 - 8 * k)) & 0xFF);
}

/// A real small PNG whose IHDR claims `w`×`h` (its CRC left wrong: stb does not check it, the header is read first).
std::string pngClaiming(std::uint32_t w, std::uint32_t h) {
    std::string png = encoded(16, 12, true);
    put32(png, 16, w);
    put32(png, 20, h);
    return png;
}

/// A real small JPEG whose frame header claims `w`×`h`.
std::string jpegClaiming(unsigned w, unsigned h) {
    std::string jpg = encoded(16, 12, false);
    for (size_t i = 2; i + 9 < jpg.size(); ++i)
        if (static_cast<unsigned char>(jpg[i]) == 0xFF && static_cast<unsigned char>(jpg[i + 1]) == 0xC0) {
            jpg[i + 5] = static_cast<char>(h >> 8);
            jpg[i + 6] = static_cast<char>(h & 0xFF);
            jpg[i + 7] = static_cast<char>(w >> 8);
            jpg[i + 8] = static_cast<char>(w & 0xFF);
            return jpg;
        }
    FAIL("no SOF0 in stb's JPEG");
    return jpg;
}

}  // namespace

TEST_CASE("text is text: one rule for control characters, and what it removes from a file") {
    CHECK(!controlCharacter("Idée « phare »\tà deux\nlignes\r\n"));
    CHECK(controlCharacter(std::string("a\0b", 3)) == U'\0');
    CHECK(controlCharacter("\x1b[2J") == U'\x1b');
    CHECK(controlCharacter("bip\x07") == U'\x07');
    CHECK(controlCharacter("del\x7f") == U'\x7f');
    CHECK(controlCharacter("c1 \xc2\x85") == U'\u0085');
    CHECK(controlCharacter("seul\rretour") == U'\r');
    CHECK(!controlCharacter("\xc2\xa0insécable"));
    CHECK(codePointName(0x1B) == "U+001B");
    size_t removed = 0;
    CHECK(withoutControls(std::string("a\0b\x1b[2J\xc2\x85 é\xff", 13), &removed) == "ab[2J é");
    CHECK(removed == 4);
}

TEST_CASE("text is text: snapshot and journal replay agree on every input, NUL, controls and bad UTF-8 included") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    std::mt19937 rng(35);
    int accepted = 0, refused = 0;
    {
        Workspace ws(data);
        Session& s = ws.session();
        const Id etape = s.model().etapes.front().id;
        const Id board = test::addIdeaBoard(s, etape, 3);
        const Id column = s.model().etape(etape)->boards.front().categories.front().id;
        for (int i = 0; i < 400; ++i) {
            const std::string text = nastyString(rng);
            CAPTURE(text);
            Idea idea;
            idea.text = text;
            idea.group = rng() % 4 == 0 ? nastyString(rng) : "Groupe 1";
            idea.author = rng() % 4 == 0 ? nastyString(rng) : "";
            idea.category = column;
            idea.time = 1581410000;
            const Status st = s.apply(AddIdea{etape, board, idea, -1});
            std::string name = "T";
            name += std::to_string(i);
            name += text;
            Territory t{0, name, nastyString(rng), Membership::AVerifier, false};
            const Status territory = s.apply(AddTerritory{t, -1});
            (st.ok ? accepted : refused) += 1;
            const bool textual = isValidUtf8(text) && !controlCharacter(text);
            if (st.ok) CHECK(textual);
            if (!st.ok && textual && !trim(text).empty() && isValidUtf8(idea.group) && !controlCharacter(idea.group) &&
                isValidUtf8(idea.author) && !controlCharacter(idea.author))
                CHECK_MESSAGE(false, st.message);
            if (!st.ok && !textual) CHECK((has(st.message, "contrôle") || has(st.message, "UTF-8")));
            (void)territory;
        }
        REQUIRE(ws.saveSnapshot());
    }
    CHECK(accepted > 20);
    CHECK(refused > 20);
    const auto snapshot = readSnapshot(data);
    REQUIRE(snapshot);
    Database db(data / "atelier.db", Access::Read);
    const Model replayed = db.load(nullptr);
    CHECK(snapshot->model == replayed);
    CHECK(modelBytes(snapshot->model) == modelBytes(replayed));
    for (const Etape& e : replayed.etapes)
        for (const Board& b : e.boards)
            for (const Idea& idea : b.ideas) {
                CHECK(isValidUtf8(idea.text));
                CHECK(!controlCharacter(idea.text));
                CHECK(!controlCharacter(idea.group));
            }
    for (const Territory& t : replayed.territories) {
        CHECK(!controlCharacter(t.name));
        CHECK(!controlCharacter(t.department));
    }
}

TEST_CASE("photos are bounded by pixels from the header, before anything is decoded") {
    // 12000×12000 (144 Mpx) in a file of a few hundred bytes: refused as too large, with its size, not « endommagée ».
    const std::string huge = checkPhoto(pngClaiming(12000, 12000));
    CHECK(has(huge, "12000 × 12000"));
    CHECK(has(huge, "millions de pixels"));
    const std::string enormous = checkPhoto(pngClaiming(60000, 60000));
    CHECK(has(enormous, "60000 × 60000"));
    CHECK(!has(enormous, "endommagée"));
    CHECK(has(checkPhoto(jpegClaiming(11999, 11999)), "millions de pixels"));
    // Within the budget but far more than the data can hold: the header is checked against the data.
    CHECK(has(checkPhoto(jpegClaiming(6000, 6000)), "annonce 6000 × 6000"));
    CHECK(has(checkPhoto(pngClaiming(6000, 6000)), "annonce 6000 × 6000"));
    // What a camera gives is accepted.
    CHECK(checkPhoto(encoded(640, 480, false)).empty());
    CHECK(checkPhoto(encoded(64, 48, true)).empty());
    const auto header = readPhotoHeader(encoded(640, 480, false));
    REQUIRE(header);
    CHECK(header->width == 640);
    CHECK(header->height == 480);
}

TEST_CASE("a photo larger than a projector shows is scaled down on import, in its own format") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    for (const bool png : {false, true}) {
        const fs::path source = dir.path / (png ? "grande.png" : "grande.jpg");
        std::ofstream(source, std::ios::binary) << encoded(3200, 1800, png);
        const std::string stored = importPhoto(data, source);
        const std::string bytes = test::readBytes(data / stored);
        const auto header = readPhotoHeader(bytes);
        REQUIRE(header);
        CHECK(header->png == png);
        CHECK(header->width == kPhotoImportSide);
        CHECK(header->height == 1440);
        CHECK(checkPhoto(bytes).empty());
    }
    const fs::path small = dir.path / "petite.jpg";
    const std::string smallBytes = encoded(800, 600, false);
    std::ofstream(small, std::ios::binary) << smallBytes;
    CHECK(test::readBytes(data / importPhoto(data, small)) == smallBytes);  // kept as it is
}

#ifndef _WIN32  // Windows refuses to remove or replace a file another program holds open: it cannot happen there
TEST_CASE("the WAL or the database removed or replaced under a running app: it stops writing, with a message") {
    for (const char* which : {"wal", "db-replaced", "wal-replaced"}) {
        CAPTURE(which);
        TempDir dir;
        const fs::path data = dir.path / "data";
        Workspace ws(data);
        Session& s = ws.session();
        REQUIRE(s.apply(AddTerritory{Territory{0, "Avant", "Nord", Membership::Adherent, false}, -1}).ok);
        const fs::path wal = data / "atelier.db-wal";
        REQUIRE(fs::exists(wal));
        const std::string what = which;
        if (what == "wal") {
            fs::remove(wal);
        } else {
            const fs::path target = what == "db-replaced" ? data / "atelier.db" : wal;
            fs::copy_file(target, dir.path / "copie");
            fs::rename(dir.path / "copie", target);  // what a sync client does: a new file under the same name
        }
        for (int i = 0; i < 3; ++i) {
            const Status st = s.apply(AddTerritory{Territory{0, "Après " + std::to_string(i), "Nord",
                                                             Membership::Adherent, false}, -1});
            CHECK(!st.ok);
            CHECK(st.notSaved);
            CHECK(has(st.message, what == "wal" ? "supprimé" : "remplacé"));
            CHECK(has(st.message, "n'écrit plus rien"));
        }
        CHECK(!s.model().territoryByName("Après 0"));  // the model is rolled back: nothing shown as saved
    }
}
#endif

TEST_CASE("temporary files of killed writes are removed at the next start and counted by the sizes") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    { Workspace ws(data); }
    const long dead = 999'999'99;  // no such process
    const auto leftover = [&](const fs::path& file) {
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << std::string(1000, 'x');
    };
    leftover(data / (".snapshot.bin.tmp-" + std::to_string(dead)));
    leftover(data / "documents" / (".livret.html.tmp-" + std::to_string(dead)));
    leftover(data / "sessions" / "2020-02-11-amiens" / (".etape.json.tmp-" + std::to_string(dead)));
    leftover(data / ".garder.tmp-abc");  // not a temporary of ours
    const FolderSizes sizes = folderSizes(data);
    CHECK(sizes.temporaryFiles == 3);
    CHECK(sizes.temporary == 3000);
    CHECK(sizes.total() >= 3000);
    {
        Workspace reader(data, Access::Read);  // a reader removes nothing
        CHECK(folderSizes(data).temporaryFiles == 3);
    }
    Workspace ws(data);
    CHECK(ws.tempRemoved().files == 3);
    CHECK(ws.tempRemoved().bytes == 3000);
    CHECK(folderSizes(data).temporaryFiles == 0);
    CHECK(fs::exists(data / ".garder.tmp-abc"));
}
