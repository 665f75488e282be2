// The SQLite store: migrations, WAL, journal commits, reopening, the Tour's seed and refusals.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sqlite3.h>
#include <string>

#include "store/codec.h"
#include "store/database.h"
#include "store/errors.h"
#include "support/cli.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;
namespace fs = std::filesystem;

namespace {

using atelier::test::TempDir;


using atelier::test::readBytes;

/// Runs `sql` through a separate raw connection (as another process would see the file).
std::string rawQuery(const fs::path& file, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("migrations create the schema on an empty database, in WAL mode") {
    TempDir dir;
    const fs::path file = dir.path / "atelier.db";
    {
        Database db(file);
        CHECK(db.schemaVersion() == kSchemaVersion);
        CHECK(db.journalSize() == 0);
        CHECK_FALSE(db.meta("seed.tour"));
        db.setMeta("k", "v");
        db.setMeta("k", "w");
        CHECK(db.meta("k") == "w");
    }
    CHECK(rawQuery(file, "PRAGMA journal_mode") == "wal");
    CHECK(rawQuery(file, "PRAGMA user_version") == std::to_string(kSchemaVersion));
    CHECK(rawQuery(file, "SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'journal')") == "2");
    // Reopening an up-to-date database migrates nothing and keeps its content.
    Database again(file);
    CHECK(again.schemaVersion() == kSchemaVersion);
    CHECK(again.meta("k") == "w");
}

namespace {
/// Whether SQLite's plan for recording one journal entry builds a temporary table (it did for `kind IN (…)`).
bool insertUsesTemporaryTable(const fs::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "EXPLAIN INSERT INTO journal (kind, action, payload) VALUES ('do', 'x', '{}')", -1, &st,
                               nullptr) == SQLITE_OK);
    bool ephemeral = false;
    while (sqlite3_step(st) == SQLITE_ROW)
        ephemeral = ephemeral || std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) == "OpenEphemeral";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ephemeral;
}
}  // namespace

TEST_CASE("recording an entry builds no temporary table, the journal still refuses an unknown kind, and a version 10 "
          "database is migrated in place") {
    TempDir dir;
    const fs::path file = dir.path / "atelier.db";
    { Database db(file); }
    CHECK_FALSE(insertUsesTemporaryTable(file));
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "INSERT INTO journal (kind, action, payload) VALUES ('bogus', 'x', '{}')", nullptr, nullptr,
                       nullptr) == SQLITE_CONSTRAINT);
    // Back to the journal as schema 10 wrote it.
    REQUIRE(sqlite3_exec(raw,
                         "PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (kind = ''do'' OR kind = ''undo'' OR kind = "
                         "''redo'' OR kind = ''seed'')', 'CHECK (kind IN (''do'', ''undo'', ''redo'', ''seed''))') "
                         "WHERE name = 'journal';"
                         "PRAGMA writable_schema = OFF; PRAGMA user_version = 10;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    REQUIRE(insertUsesTemporaryTable(file));
    {
        Database db(file);
        CHECK(db.schemaVersion() == kSchemaVersion);
        db.record(AddTerritory{Territory{0, "Lille"}}, JournalKind::Do);
        CHECK(db.journalSize() == 1);
    }
    CHECK_FALSE(insertUsesTemporaryTable(file));
    CHECK(rawQuery(file, "PRAGMA quick_check") == "ok");
}

TEST_CASE("every accepted action is committed before apply returns, and survives reopening") {
    TempDir dir;
    Model expected;
    {
        Workspace ws(dir.path);
        Session& s = ws.session();
        const auto seeded = ws.database().journalSize();
        const Id e1 = s.model().etapeByNumber(1)->id;
        REQUIRE(s.apply(AddProgrammeItem{e1, ProgrammeItem{0, 16 * 60, 30, "Synthèse « finale »", ItemKind::Synthese}}).ok);
        // Visible from another connection at once: committed, not pending.
        CHECK(rawQuery(dir.path / "atelier.db", "SELECT count(*) FROM journal") == std::to_string(seeded + 1));
        CHECK(rawQuery(dir.path / "atelier.db", "SELECT action FROM journal ORDER BY seq DESC LIMIT 1") ==
              "AddProgrammeItem");
        REQUIRE(s.apply(UpdateTerritory{[&] {
                    Territory t = *s.model().territoryByName("Lille");
                    t.membership = Membership::Adherent;
                    return t;
                }()}).ok);
        REQUIRE(s.apply(RemoveProgrammeItem{e1, s.model().etape(e1)->programme[0].id}).ok);
        REQUIRE(s.undo().ok);  // the undo is journalled too
        expected = s.model();
    }
    Workspace reopened(dir.path);
    CHECK(reopened.session().model() == expected);
    CHECK(reopened.session().model().territoryByName("Lille")->membership == Membership::Adherent);
    CHECK(reopened.session().model().etapeByNumber(1)->programme.size() == 5);
}

TEST_CASE("first start seeds the Tour — a second start adds nothing") {
    TempDir dir;
    std::int64_t journal = 0;
    {
        Workspace ws(dir.path);
        const Model& m = ws.session().model();
        REQUIRE(m.territories.size() == 13);
        const std::pair<const char*, const char*> cites[] = {
            {"Saint-Quentin", "Aisne"}, {"Denain", "Nord"}, {"Lille", "Nord"}, {"Maubeuge", "Nord"},
            {"Roubaix", "Nord"}, {"Tourcoing", "Nord"}, {"Valenciennes-Anzin", "Nord"}, {"Creil", "Oise"},
            {"Arras", "Pas-de-Calais"}, {"Boulogne-sur-Mer", "Pas-de-Calais"}, {"Calais", "Pas-de-Calais"},
            {"Lens", "Pas-de-Calais"}, {"Amiens", "Somme"}};
        for (const auto& [name, department] : cites) {
            const Territory* t = m.territoryByName(name);
            INFO(name);
            REQUIRE(t);
            CHECK(t->department == department);
            CHECK(t->cite);
            CHECK(t->membership == Membership::AVerifier);  // not in the brochure: never guessed
        }
        REQUIRE(m.etapes.size() == 2);
        const Etape& e1 = *m.etapeByNumber(1);
        CHECK(e1.header.date == Date{2020, 2, 11});
        CHECK(e1.header.host == m.territoryByName("Amiens")->id);
        CHECK(e1.header.venue == "Collège César Franck, 1 rue César Franck, Amiens");
        CHECK(e1.header.theme == "Concertation et intelligence collective dans le travail des Cités éducatives");
        REQUIRE(e1.programme.size() == 4);
        CHECK(e1.programme[0].title == "Mot d'accueil");
        CHECK(e1.programme[0].kind == ItemKind::Accueil);
        CHECK(e1.programme[1].title == "Atelier brise-glace : échange entre Cités éducatives");
        CHECK(e1.programme[1].kind == ItemKind::BriseGlace);
        CHECK(e1.programme[2].title == "Découverte de la Cité éducative d'Amiens");
        CHECK(e1.programme[3].title ==
              "Plusieurs temps d'ateliers « Favoriser la collaboration et l'intelligence collective »");
        const Etape& e2 = *m.etapeByNumber(2);
        CHECK(e2.header.date == Date{2020, 6, 2});
        CHECK_FALSE(e2.header.host);
        CHECK(e2.header.theme == "Évaluer les Cités éducatives");
        CHECK(m.settings.contactEmail == "g.lecoat@irev.fr");
        CHECK(m.settings.contactPhone == "03 20 25 61 53");
        REQUIRE(m.decks.size() == 3);  // our icebreaker decks, 20 questions each
        for (const Deck& d : m.decks) CHECK(d.questions.size() == 20);
        CHECK(m.deck("partenariats")->title == "Partenariats et coopération");
        CHECK_FALSE(ws.session().canUndo());  // the seed is not an undoable step
        journal = ws.database().journalSize();
        // The facilitator deletes étape 2: a later start must not bring it back.
        REQUIRE(ws.session().apply(RemoveEtape{e2.id}).ok);
    }
    Workspace second(dir.path);
    CHECK(second.database().journalSize() == journal + 1);
    CHECK(second.session().model().territories.size() == 13);
    CHECK(second.session().model().etapes.size() == 1);
    Workspace third(dir.path);
    CHECK(third.database().journalSize() == journal + 1);
}

TEST_CASE("a database from a newer Atelier is refused and left untouched") {
    TempDir dir;
    const fs::path file = dir.path / "atelier.db";
    { Workspace ws(dir.path); }
    rawQuery(file, ("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).c_str());
    const std::string before = readBytes(file);
    try {
        Database db(file);
        FAIL("a newer database was opened");
    } catch (const DatabaseTooNew& e) {
        CHECK(e.found == kSchemaVersion + 1);
        CHECK(e.supported == kSchemaVersion);
        const std::string message = e.what();
        CHECK(message.find("version plus récente d'Atelier") != std::string::npos);
        CHECK(message.find(file.string()) != std::string::npos);
        CHECK(message.find("n'a pas été modifiée") != std::string::npos);
    }
    CHECK_THROWS_AS(Workspace{dir.path}, DatabaseTooNew);
    CHECK(readBytes(file) == before);
}

TEST_CASE("a file that is not a database is refused and left untouched") {
    TempDir dir;
    const fs::path file = dir.path / "atelier.db";
    std::ofstream(file) << "Ceci n'est pas une base SQLite, mais un tableur renommé.\n";
    const std::string before = readBytes(file);
    CHECK_THROWS_AS(Database{file}, DatabaseCorrupt);
    CHECK(readBytes(file) == before);
}

TEST_CASE("an unreadable journal entry is reported by number and name, and the database still opens") {
    TempDir dir;
    { Workspace ws(dir.path); }
    rawQuery(dir.path / "atelier.db", "INSERT INTO journal (kind, action, payload) VALUES ('do', 'Teleport', '{}')");
    Workspace ws(dir.path);
    REQUIRE(ws.skipped().size() == 1);
    CHECK(ws.skipped()[0].action == "Teleport");
    CHECK(ws.skipped()[0].seq == ws.database().connection().queryInt("SELECT max(seq) FROM journal"));
    CHECK(describeSkipped(ws.skipped()[0]).find("Teleport") != std::string::npos);
    CHECK(ws.session().model().etapes.size() == 2);
}

TEST_CASE("an entry whose content is damaged is skipped with a French reason, never rapidjson's words") {
    TempDir dir;
    { Workspace ws(dir.path); }
    for (const char* payload : {"{\"action\": []}", "xx", "{\"action\": {\"cereal_class_version\": 1, \"territory\": 5}}"}) {
        const std::string sql =
            std::string("INSERT INTO journal (kind, action, payload) VALUES ('do', 'AddTerritory', '") + payload + "')";
        rawQuery(dir.path / "atelier.db", sql.c_str());
    }
    std::filesystem::remove(dir.path / "snapshot.bin");
    Workspace ws(dir.path);
    REQUIRE(ws.skipped().size() == 3);
    for (const SkippedEntry& entry : ws.skipped()) {
        const std::string line = describeSkipped(entry);
        INFO(line);
        CHECK(line.find("AddTerritory") != std::string::npos);
        CHECK(line.find("illisible") != std::string::npos);
        CHECK(line.find("rapidjson") == std::string::npos);
        CHECK(line.find("JSON") == std::string::npos);
        CHECK(line.find("NVP") == std::string::npos);
    }
    CHECK(ws.session().model().etapes.size() == 2);
}

TEST_CASE("every action survives the journal's encoding") {
    Session s = test::tourSession();
    const Model& m = s.model();
    const Etape& e1 = *m.etapeByNumber(1);
    const std::vector<Action> actions = {
        AddTerritory{m.territories[0], 2},
        RemoveTerritory{7},
        UpdateTerritory{Territory{3, "Valenciennes-Anzin", "Nord", Membership::NonAdherent, true}},
        AddPerson{Person{9, "Zoé Lefèvre", "z@x.fr", Id{3}, Institution::PrefectureEtat, Role::Irev}, 0},
        AddPerson{Person{10, "Sans territoire", "", std::nullopt, Institution::Autre, Role::Autre}},
        RemovePerson{9},
        UpdatePerson{Person{9, "Zoé", "", std::nullopt, Institution::Association, Role::Intervenant}},
        AddEtape{e1, 1},
        RemoveEtape{e1.id},
        UpdateEtape{e1.id, e1.header},
        AddProgrammeItem{e1.id, e1.programme[1], 3},
        RemoveProgrammeItem{e1.id, 4},
        UpdateProgrammeItem{e1.id, e1.programme[3]},
        MoveProgrammeItem{e1.id, 5, 2},
        UpdateSettings{Settings{"IREV", "Gwendoline Le Coat", "g.lecoat@irev.fr", "03 20 25 61 53",
                                {DayRate{2021, 16000}}}},
        MoveEtape{e1.id, 1},
        AddRegistration{e1.id, Registration{12, 4, 2, true, true}, 0},
        RemoveRegistration{e1.id, 12},
        UpdateRegistration{e1.id, Registration{12, 4, 1, false, false}},
        SetDayRate{2022, 17500},
        SetDayRate{2022, std::nullopt},
        AddVote{e1.id, Vote{30, VoteSetup{"Quelles pratiques essaimer ?", VoteMethod::Majority, {"Café des parents", "Ateliers"},
                                          {"Insuffisant", "Bien", "Très bien"}, 3, 0, true, true},
                            {StoredBallot{31, Ballot{2, {}, {}, {}, {{0, 2}, {1, 0}}}}}}},
        RemoveVote{e1.id, 30},
        UpdateVote{e1.id, 30, VoteSetup{"Q", VoteMethod::Dot, {"A", "B"}, {}, 5, 2, false, false}},
        CastBallot{e1.id, 30, StoredBallot{32, Ballot{1, {1, 0}, {0}, {{0, 3}}, {}}}, 1},
        WithdrawBallot{e1.id, 30, 32},
        CorrectBallot{e1.id, 30, StoredBallot{32, Ballot{4, {0, 1}, {}, {}, {}}}},
        SetGroupPlan{e1.id, GroupPlan{42, {GroupRound{{Group{"Groupe 1", "Q", "Salle 2", {4, 5}}, Group{"Groupe 2", "", "", {6}}}}},
                                      {true, false}}},
        MoveMember{e1.id, 0, 4, 1},
        SwapMembers{e1.id, 0, 4, 6},
        UpdateGroup{e1.id, 0, 1, "Les bâtisseurs", "Comment ?", "Salle 3", true},
        AddDeck{Deck{"maison", "Nos questions", {"Une fierté ?", "Un partenaire ?"}}},
        RemoveDeck{"maison"},
        AddQuestion{"fiertes", "Quel projet vous rend fier ?", 3},
        RemoveQuestion{"fiertes", 3},
        DrawCard{e1.id, "fiertes", 123456789},
        UndrawCard{e1.id},
        SetIcebreaker{e1.id, Icebreaker{9, 120, {MeetingRound{{{4, 5}, {6, 7, 8}}, "Une fierté ?"}}, {"Une fierté ?"}}},
        AddBoard{e1.id, Board{40, "Comment associer les familles ?", {{41, "Constats"}, {42, "Leviers"}},
                              {IdeaCluster{43, "Café des parents", 42}},
                              {Idea{44, "Un café des parents au collège", "Groupe 2", "Zoé", 42, Id{43}, 1581415200,
                                    IdeaEntry::Paste, true, true, {MergedIdea{45, "Un café le samedi", "Groupe 1", ""}}}},
                              true},
                 0},
        RemoveBoard{e1.id, 40},
        RenameBoard{e1.id, 40, "Associer les familles"},
        AddCategory{e1.id, 40, BoardCategory{46, "Actions à essaimer"}, 2},
        RemoveCategory{e1.id, 40, 46},
        RenameCategory{e1.id, 40, 41, "Ce que nous voyons"},
        AddIdea{e1.id, 40, Idea{47, "Réussite éducative", "Lille", "", 41, std::nullopt, 1581415260, IdeaEntry::Import}, 1},
        RemoveIdea{e1.id, 40, 47},
        EditIdea{e1.id, 40, 47, "Réussite", "Groupe 3", "Anne"},
        MoveIdea{e1.id, 40, 47, 42, Id{43}, 0},
        AddCluster{e1.id, 40, IdeaCluster{48, "Numérique", 41}, 1, {47}},
        RemoveCluster{e1.id, 40, 48},
        RenameCluster{e1.id, 40, 43, "Cafés"},
        MergeIdeas{e1.id, 40, 44, 47},
        SplitIdea{e1.id, 40, 44, Idea{47, "Réussite", "Groupe 3", "", 41}, 1},
        SetPractice{e1.id, 40, 44, false},
        SetBoardHidden{e1.id, 40, false},
        RevealIdeas{e1.id, 40, {44, 47}, true},
        MarkRoundRun{e1.id, 0, false},
        AddActionPhare{e1.id, ActionPhare{50, "Le café des parents", "Chaque samedi", "Centre social", "Mairie",
                                          {"photos/cafe.jpg", "photos/salle.png"}},
                       0},
        RemoveActionPhare{e1.id, 50},
        UpdateActionPhare{e1.id, ActionPhare{50, "Le café des familles"}},
        UpdatePractice{44, "Café des parents", true, "Un samedi par mois", {"Parentalité"}, std::nullopt},
        SetPracticeInterest{44, 3, true},
        AddFollowUp{44, FollowUp{3, FollowUpStatus::Essayee, Date{2020, 6, 2}, "Au collège Jean Macé"}, -1},
        RemoveFollowUp{44, 0},
        SetEvaluation{e1.id, defaultEvaluation().questions, {}},
        AddEvaluationResponse{e1.id, EvaluationResponse{51, 12, Id{3}, {EvaluationAnswer{52, 5, "", {}},
                                                                      EvaluationAnswer{53, -1, "Le café", {}},
                                                                      EvaluationAnswer{54, -1, "", {44, 50}}}},
                              -1},
        RemoveEvaluationResponse{e1.id, 51},
        ErasePerson{3},
    };
    std::set<size_t> kinds;
    for (const Action& a : actions) kinds.insert(a.index());
    CHECK(kinds.size() == std::variant_size_v<Action>);  // every kind of action is covered
    for (const Action& a : actions) {
        INFO(actionName(a));
        const std::string payload = encodeAction(a);
        CHECK(payload.find("cereal_class_version") != std::string::npos);
        CHECK(decodeAction(actionName(a), payload) == a);
    }
    CHECK(encodeAction(actions[0]).find("\"a-verifier\"") != std::string::npos);  // enums stored as keys
    CHECK(encodeAction(AddIdea{1, 2, Idea{3, "x", "", "", 4, std::nullopt, 0, IdeaEntry::Paste}}).find("\"colle\"") !=
          std::string::npos);
    CHECK_THROWS_AS(decodeAction("AddTerritory", "{\"action\": {\"territory\": 3}}"), DatabaseCorrupt);
}

TEST_CASE("journal entries written by Atelier 0.1 (format 1) still load") {
    // Written by the first release: EtapeHeader and Etape at class version 1 (no days, no registrations).
    const std::string v1 =
        R"({"action": {"cereal_class_version": 1, "etape": {"cereal_class_version": 1, "id": 14, "header": )"
        R"({"cereal_class_version": 1, "number": 1, "date": "2020-02-11", "host": {"nullopt": false, "data": 13}, )"
        R"("theme": "Concertation", "venue": "Collège César Franck", "kind": "etape", "status": "confirmee"}, )"
        R"("programme": [{"cereal_class_version": 1, "id": 15, "start": 570, "duration": 15, )"
        R"("title": "Mot d'accueil", "kind": "accueil"}]}, "index": -1}})";
    const Action a = decodeAction("AddEtape", v1);
    const Etape& e = std::get<AddEtape>(a).etape;
    CHECK(e.header.days == 1);
    CHECK(e.registrations.empty());
    CHECK(e.header.host == Id{13});
    CHECK(e.programme.at(0).title == "Mot d'accueil");
    const Action settings = decodeAction(
        "UpdateSettings", R"({"action": {"cereal_class_version": 1, "settings": {"cereal_class_version": 1, )"
                          R"("organisation": "IREV", "contactName": "", "contactEmail": "", "contactPhone": ""}}})");
    CHECK(std::get<UpdateSettings>(settings).settings.dayRateCents(2020) == 15000);
}

TEST_CASE("an étape archived before idea boards (Etape version 3) loads without boards") {
    const std::string v3 =
        R"({"action": {"cereal_class_version": 1, "etape": {"cereal_class_version": 3, "id": 14, "header": )"
        R"({"cereal_class_version": 2, "number": 1, "date": "2020-02-11", "host": {"nullopt": true}, )"
        R"("theme": "", "venue": "", "kind": "etape", "status": "prevue", "days": 1}, "programme": [], )"
        R"("registrations": [], "votes": []}, "index": -1}})";
    const Action a = decodeAction("AddEtape", v3);
    CHECK(std::get<AddEtape>(a).etape->boards.empty());
    CHECK(std::get<AddEtape>(a).etape->id == 14);
}

TEST_CASE("a batch (the phones' jobs of one frame): one transaction, a refused step forgotten alone, durable at the end") {
    TempDir dir;
    Model expected;
    {
        Workspace ws(dir.path);
        Session& s = ws.session();
        const auto seeded = ws.database().journalSize();
        const Id e1 = s.model().etapeByNumber(1)->id;
        REQUIRE(s.apply(AddBoard{e1, Board{0, "Leviers", defaultBoardCategories(), {}, {}, false}}));
        const Etape& etape = *s.model().etape(e1);
        const Id board = etape.boards.back().id;
        const Id column = etape.boards.back().categories.front().id;
        s.beginBatch();
        for (const char* text : {"Une", "", "Deux", "Trois"}) {  // the empty one is refused by core
            Idea idea;
            idea.text = text;
            idea.category = column;
            CHECK(s.apply(AddIdea{e1, board, idea}).ok == (std::string(text) != ""));
        }
        // Nothing is visible from another connection before the batch is committed: one transaction.
        CHECK(rawQuery(dir.path / "atelier.db", "SELECT count(*) FROM journal") == std::to_string(seeded + 1));
        REQUIRE(s.endBatch());
        CHECK(rawQuery(dir.path / "atelier.db", "SELECT count(*) FROM journal") == std::to_string(seeded + 4));
        CHECK(s.model().etape(e1)->board(board)->ideas.size() == 3);
        REQUIRE(s.undo());  // each step stays its own undo step
        CHECK(s.model().etape(e1)->board(board)->ideas.size() == 2);
        REQUIRE(s.apply(AddProgrammeItem{e1, ProgrammeItem{0, 16 * 60, 30, "Après le lot", ItemKind::Synthese}}));
        expected = s.model();
    }
    Workspace reopened(dir.path);  // the journal replays to the same model: nothing of the refused step in it
    CHECK(reopened.session().model() == expected);
}
