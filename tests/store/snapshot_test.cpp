// Snapshots (store/snapshot.h): start-up from a snapshot plus the journal's tail holds exactly what the full replay
// holds — on the fixture and on random action sequences with undo and redo —, and a snapshot that is missing,
// damaged, of another version or of another journal is ignored (full replay, never an error).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sqlite3.h>
#include <string>

#include "store/database.h"
#include "store/maintenance.h"
#include "store/snapshot.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;
using atelier::test::TempDir;

namespace {

/// The model the whole journal of `dir` replays to, read-only and without any snapshot.
Model fullReplay(const fs::path& dir, std::vector<SkippedEntry>* skipped = nullptr) {
    Database db(dir / "atelier.db", Access::Read);
    return db.load(skipped);
}

/// Checks that two models hold the same data, field by field and byte for byte.
void checkSame(const Model& a, const Model& b) {
    CHECK(a == b);
    CHECK(modelBytes(a) == modelBytes(b));
}

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// Applies one random action (or an undo, a redo) to the session; refusals are part of the game.
void randomStep(Session& s, std::mt19937& rng) {
    auto pick = [&](size_t n) { return static_cast<size_t>(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
    const Model& m = s.model();
    const Etape& e = m.etapes.front();
    switch (pick(10)) {
        case 0: {
            Person p{0, "Personne " + std::to_string(rng() % 1000), "", m.territories[pick(m.territories.size())].id,
                     Institution::Collectivite, Role::ChefDeProjet, "Mairie", ""};
            s.apply(AddPerson{p});
            break;
        }
        case 1: {
            if (m.people.empty()) break;
            Person p = m.people[pick(m.people.size())];
            p.function = "Fonction " + std::to_string(rng() % 100);
            s.apply(UpdatePerson{p});
            break;
        }
        case 2:
            if (m.people.empty()) break;
            s.apply(AddRegistration{e.id, Registration{0, m.people[pick(m.people.size())].id, 1, false, true}}); break;
        case 3:
        case 4: {
            if (e.boards.empty()) break;
            const Board& b = e.boards.front();
            Idea idea;
            idea.text = "Idée " + std::to_string(rng() % 100000);
            idea.group = "Groupe " + std::to_string(rng() % 6 + 1);
            idea.category = b.categories[pick(b.categories.size())].id;
            s.apply(AddIdea{e.id, b.id, idea, pick(3) == 0 ? static_cast<int>(pick(b.ideas.size() + 1)) : -1});
            break;
        }
        case 5: {
            if (e.boards.empty() || e.boards.front().ideas.empty()) break;
            const Board& b = e.boards.front();
            const Idea& idea = b.ideas[pick(b.ideas.size())];
            s.apply(MoveIdea{e.id, b.id, idea.id, b.categories[pick(b.categories.size())].id, std::nullopt,
                             static_cast<int>(pick(b.ideas.size()))});
            break;
        }
        case 6: {
            if (e.boards.empty() || e.boards.front().ideas.empty()) break;
            const Board& b = e.boards.front();
            const Idea& idea = b.ideas[pick(b.ideas.size())];
            if (pick(2) == 0) s.apply(RemoveIdea{e.id, b.id, idea.id});
            else s.apply(EditIdea{e.id, b.id, idea.id, idea.text + " !", idea.group, "Auteur"});
            break;
        }
        case 7: {
            EtapeHeader h = e.header;
            h.theme = "Thème " + std::to_string(rng() % 50);
            s.apply(UpdateEtape{e.id, h});
            break;
        }
        case 8: s.undo(); break;
        case 9: s.redo(); break;
    }
}

}  // namespace

TEST_CASE("a writer leaves a snapshot on close; the next start replays only the entries after it") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    fs::create_directories(data);
    {
        Database db(data / "atelier.db");
        Session day = test::dayOfEtapeSession(&db);  // the fixture's day, journalled
    }
    std::int64_t snapshotAt = 0;
    {
        Workspace ws(data);
        CHECK(ws.startedFrom() == 0);  // no snapshot yet: the whole journal
        snapshotAt = ws.database().lastSeq();
    }
    REQUIRE(fs::exists(snapshotFile(data)));
    {
        const auto snapshot = readSnapshot(data);
        REQUIRE(snapshot);
        CHECK(snapshot->mark.seq == snapshotAt);
        checkSame(snapshot->model, fullReplay(data));
    }
    // More entries after the snapshot, written by a plain database (as a crash before the next snapshot leaves them).
    {
        Database db(data / "atelier.db");
        Session s(db.load(), &db);
        test::addIdeaBoard(s, s.model().etapeByNumber(2)->id, 40);
        REQUIRE(s.apply(UpdateEtape{s.model().etapeByNumber(1)->id, [&] {
                    EtapeHeader h = s.model().etapeByNumber(1)->header;
                    h.venue = "Salle des fêtes";
                    return h;
                }()}));
    }
    {
        Workspace ws(data, Access::Read);
        CHECK(ws.startedFrom() == snapshotAt);
        CHECK(ws.database().lastSeq() > snapshotAt);
        checkSame(ws.session().model(), fullReplay(data));
        CHECK(ws.session().model().etapeByNumber(1)->header.venue == "Salle des fêtes");
    }
    {
        Workspace ws(data);
        CHECK(ws.startedFrom() == snapshotAt);
        checkSame(ws.session().model(), fullReplay(data));
    }
    CHECK(readSnapshot(data)->mark.seq > snapshotAt);  // the writer's close moved the snapshot on
}

TEST_CASE("snapshot plus tail equals the full replay on random action sequences, with undo and redo") {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        TempDir dir;
        const fs::path data = dir.path / "data";
        std::mt19937 rng(seed);
        {
            Workspace ws(data);
            test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 300);
        }
        for (int run = 0; run < 4; ++run) {
            Workspace ws(data);
            CHECK(ws.startedFrom() > 0);
            checkSame(ws.session().model(), fullReplay(data));
            const int steps = 30 + static_cast<int>(rng() % 60);
            for (int i = 0; i < steps; ++i) {
                randomStep(ws.session(), rng);
                if (rng() % 25 == 0) CHECK(ws.saveSnapshot());  // snapshots in the middle of the run, too
            }
            if (run % 2 == 1) {
                // A crash: the workspace is not closed properly; what the journal holds after its last snapshot is
                // the tail of the next start.
                ws.waitForSnapshot();  // one may be on its way (every kSnapshotEvery entries)
                const auto snapshot = readSnapshot(data);
                REQUIRE(snapshot);
                Workspace reader(data, Access::Read);
                CHECK(reader.startedFrom() == snapshot->mark.seq);
                checkSame(reader.session().model(), ws.session().model());
            }
        }
        Workspace ws(data, Access::Read);
        CHECK(ws.startedFrom() == ws.database().lastSeq());
        checkSame(ws.session().model(), fullReplay(data));
    }
}

TEST_CASE("a snapshot that is damaged, of another version or of another journal is ignored: full replay") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    {
        Workspace ws(data);
        test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 300);
    }
    const std::string good = fileBytes(snapshotFile(data));
    REQUIRE(decodeSnapshot(good));
    const Model truth = fullReplay(data);

    auto startsInFull = [&](const std::string& bytes) {
        writeBytes(snapshotFile(data), bytes);
        for (Access access : {Access::Read, Access::Write}) {
            Workspace ws(data, access);
            CHECK(ws.startedFrom() == 0);
            checkSame(ws.session().model(), truth);
            CHECK(ws.skipped().empty());
        }
    };
    SUBCASE("empty") { startsInFull(""); }
    SUBCASE("not a snapshot") { startsInFull("SQLite format 3\0 and then some"); }
    SUBCASE("truncated") { startsInFull(good.substr(0, good.size() - 7)); }
    SUBCASE("one byte of the body flipped") {
        std::string bad = good;
        bad[bad.size() - 100] = static_cast<char>(bad[bad.size() - 100] ^ 0x10);
        startsInFull(bad);
    }
    SUBCASE("bytes appended") { startsInFull(good + "xx"); }
    SUBCASE("another snapshot format") {
        std::string bad = good;
        bad[16] = static_cast<char>(bad[16] + 1);  // the u32 after the 16-byte magic
        startsInFull(bad);
    }
    SUBCASE("another schema version") {
        std::string bad = good;
        bad[20] = static_cast<char>(bad[20] + 1);
        startsInFull(bad);
    }
    SUBCASE("another model layout") {
        std::string bad = good;
        bad[24] = static_cast<char>(bad[24] ^ 1);
        startsInFull(bad);
    }
    SUBCASE("another Atelier version") {
        std::string bad = good;
        bad[32] = static_cast<char>(bad[32] == '9' ? '8' : '9');  // the first byte of the version string
        startsInFull(bad);
    }
    SUBCASE("a snapshot of another database (same entry number, another entry)") {
        auto other = decodeSnapshot(good);
        other->mark.at = "2019-01-01T00:00:00.000Z";
        other->model.settings.organisation = "Pas d'ici";
        startsInFull(encodeSnapshot(*other));
    }
    SUBCASE("a snapshot ahead of the journal") {
        auto ahead = decodeSnapshot(good);
        ahead->mark.seq += 1000;
        startsInFull(encodeSnapshot(*ahead));
    }
    SUBCASE("a folder where the snapshot should be") {
        fs::remove(snapshotFile(data));
        fs::create_directory(snapshotFile(data));
        Workspace ws(data, Access::Read);
        CHECK(ws.startedFrom() == 0);
        checkSame(ws.session().model(), truth);
    }
}

TEST_CASE("a short journal gets no automatic snapshot: its replay is cheaper") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    {
        Workspace ws(data);
        REQUIRE(ws.database().lastSeq() < kSnapshotMinimum);
        EtapeHeader h = ws.session().model().etapes.front().header;
        h.status = EtapeStatus::Realisee;
        REQUIRE(ws.session().apply(UpdateEtape{ws.session().model().etapes.front().id, h}));
    }
    CHECK_FALSE(fs::exists(snapshotFile(data)));
    {
        Workspace ws(data);
        test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, kSnapshotMinimum);
        ws.waitForSnapshot();
        CHECK(ws.snapshotSeq() == 0);
    }
    CHECK(fs::exists(snapshotFile(data)));  // written on close
}

TEST_CASE("an older snapshot is a longer tail, and the reader never writes one") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    std::string older;
    std::int64_t olderSeq = 0;
    {
        Workspace ws(data);
        REQUIRE(ws.saveSnapshot());
        older = fileBytes(snapshotFile(data));
        olderSeq = ws.snapshotSeq();
        test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 10);
    }
    writeBytes(snapshotFile(data), older);
    {
        Workspace ws(data, Access::Read);
        CHECK(ws.startedFrom() == olderSeq);
        CHECK(ws.database().lastSeq() > olderSeq);
        checkSame(ws.session().model(), fullReplay(data));
    }
    CHECK(fileBytes(snapshotFile(data)) == older);  // a read-only workspace wrote nothing
    fs::remove(snapshotFile(data));
    { Workspace ws(data, Access::Read); }
    CHECK_FALSE(fs::exists(snapshotFile(data)));
}

TEST_CASE("entries replay skipped before the snapshot are still reported after it") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    {
        Workspace ws(data);
        test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 300);
    }
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((data / "atelier.db").string().c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "INSERT INTO journal (kind, action, payload) VALUES ('do', 'AddIdea', '{oops')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    std::int64_t bad = 0;
    {
        Workspace ws(data);
        CHECK(ws.startedFrom() > 0);
        REQUIRE(ws.skipped().size() == 1);
        bad = ws.skipped().front().seq;
        REQUIRE(ws.session().apply(AddPerson{Person{0, "Après", "", std::nullopt}}));
    }
    Workspace ws(data, Access::Read);
    CHECK(ws.startedFrom() > bad);
    REQUIRE(ws.skipped().size() == 1);
    CHECK(ws.skipped().front().seq == bad);
    CHECK(ws.skipped().front().action == "AddIdea");
}

TEST_CASE("undo after a start from a snapshot: nothing from before the restart, then as usual") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    {
        Workspace ws(data);
        test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 300);
        REQUIRE(ws.session().apply(AddPerson{Person{0, "Avant", "", std::nullopt}}));
        CHECK(ws.session().canUndo());
    }
    Workspace ws(data);
    REQUIRE(ws.startedFrom() > 0);
    Session& s = ws.session();
    CHECK_FALSE(s.canUndo());  // as after a full replay: the undo history is not kept across restarts
    CHECK_FALSE(s.canRedo());
    CHECK_FALSE(s.undo());
    const Model before = s.model();
    REQUIRE(s.apply(AddPerson{Person{0, "Après", "", std::nullopt}}));
    const Model after = s.model();
    REQUIRE(s.undo());
    CHECK(test::sameContent(s.model(), before));  // undo keeps ids taken: nextId may differ, the content may not
    CHECK(s.model().people == before.people);
    CHECK_FALSE(s.canUndo());
    REQUIRE(s.redo());
    checkSame(s.model(), after);
    REQUIRE(s.undo());
    const Model undone = s.model();
    REQUIRE(ws.saveSnapshot());
    Workspace reader(data, Access::Read);
    CHECK(reader.startedFrom() == ws.database().lastSeq());
    checkSame(reader.session().model(), undone);
    checkSame(fullReplay(data), undone);
    CHECK(undone.people == before.people);
}

TEST_CASE("a writer snapshots every kSnapshotEvery entries on its worker, and when an étape is « Réalisée »") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    Workspace ws(data);
    Session& s = ws.session();
    ws.waitForSnapshot();
    const std::int64_t first = ws.snapshotSeq();  // 0: the entries count from the journal's start
    const Id etape = s.model().etapes.front().id;
    for (int i = 0; ws.database().lastSeq() - first < kSnapshotEvery - 1; ++i)
        REQUIRE(s.apply(AddProgrammeItem{etape, ProgrammeItem{0, 8 * 60, 10, "Point " + std::to_string(i)}}));
    ws.waitForSnapshot();
    CHECK(ws.snapshotSeq() == first);  // one entry short
    REQUIRE(s.apply(AddProgrammeItem{etape, ProgrammeItem{0, 8 * 60, 10, "Le dernier"}}));
    ws.waitForSnapshot();
    CHECK(ws.snapshotSeq() == ws.database().lastSeq());
    REQUIRE(readSnapshot(data));
    CHECK(readSnapshot(data)->mark.seq == ws.snapshotSeq());
    checkSame(readSnapshot(data)->model, s.model());

    EtapeHeader h = s.model().etape(etape)->header;
    h.venue = "Ailleurs";
    REQUIRE(s.apply(UpdateEtape{etape, h}));
    ws.waitForSnapshot();
    CHECK(ws.snapshotSeq() < ws.database().lastSeq());  // an ordinary change: no snapshot
    h.status = EtapeStatus::Realisee;
    REQUIRE(s.apply(UpdateEtape{etape, h}));
    ws.waitForSnapshot();
    CHECK(ws.snapshotSeq() == ws.database().lastSeq());
    CHECK(readSnapshot(data)->model.etape(etape)->header.status == EtapeStatus::Realisee);
}

TEST_CASE("maintenance: the checkpoint empties the write-ahead log, the sizes count each part") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    Workspace ws(data);
    test::addIdeaBoard(ws.session(), ws.session().model().etapes.front().id, 300);
    REQUIRE(ws.saveSnapshot());
    const FolderSizes before = folderSizes(data);
    CHECK(before.wal > 0);  // the board's entries are in the log
    CHECK(before.snapshot == fs::file_size(snapshotFile(data)));
    checkpoint(ws.database());
    const FolderSizes after = folderSizes(data);
    CHECK(after.wal == 0);
    CHECK(after.database >= before.database);
    CHECK(after.total() == after.database + after.snapshot + after.sessions + after.documents);
    Workspace reader(data, Access::Read);  // nothing lost
    checkSame(reader.session().model(), ws.session().model());
}

TEST_CASE("the index's list of étapes is the model's after every commit, undo, redo and refusal; stale, it is not used") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    Workspace ws(data);
    Session& s = ws.session();
    auto indexed = [&] { return indexedEtapes(ws.database()); };
    REQUIRE(indexed());  // the seed went through the workspace's journal
    CHECK(*indexed() == etapeLines(s.model()));

    std::mt19937 rng(7);
    for (int i = 0; i < 120; ++i) {
        randomStep(s, rng);
        REQUIRE(indexed());
        CHECK(*indexed() == etapeLines(s.model()));
    }
    // The host Cité renamed: its name in the list follows, and an undo brings it back.
    const Etape& first = s.model().etapes.front();
    REQUIRE(first.header.host);
    Territory host = *s.model().territory(*first.header.host);
    const std::string before = host.name;
    host.name = "Cité renommée";
    REQUIRE(s.apply(UpdateTerritory{host}));
    REQUIRE(indexed());
    CHECK(indexed()->front().host == std::optional<std::string>("Cité renommée"));
    REQUIRE(s.undo());
    CHECK(indexed()->front().host == std::optional<std::string>(before));
    // A refused action changes nothing, the index included.
    const auto kept = *indexed();
    CHECK_FALSE(s.apply(UpdateEtape{987654, first.header}));
    CHECK(indexed() == std::optional(kept));
    // A new étape, marked « Réalisée ».
    Etape e;
    e.header.number = 9;
    e.header.date = Date{2022, 5, 12};
    e.header.theme = "Les familles";
    REQUIRE(s.apply(AddEtape{e}));
    EtapeHeader h = s.model().etapes.back().header;
    h.status = EtapeStatus::Realisee;
    REQUIRE(s.apply(UpdateEtape{s.model().etapes.back().id, h}));
    CHECK(indexed()->back() == EtapeLine{9, Date{2022, 5, 12}, std::nullopt, "Les familles", EtapeStatus::Realisee});
    CHECK(*indexed() == etapeLines(s.model()));

    // An entry written to the journal some other way (an earlier Atelier): the index no longer says, the model will.
    {
        Database other(data / "atelier.db");
        other.record(AddPerson{Person{0, "Quelqu'un", "", std::nullopt}}, JournalKind::Do);
    }
    CHECK_FALSE(indexed());
}
