// Personal data (issue 34): a person erased for real from a data folder built as users build it — the command
// line, the phones through `atelier serve`, the console's check-in and keyboard (through the store, as the app
// does) — then every byte of every file searched for them.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/erasure.h"
#include "store/database.h"
#include "store/erasure.h"
#include "store/snapshot.h"
#include "support/cli.h"

using namespace atelier;
using Json = nlohmann::json;

namespace {

constexpr const char* kName = "Hélène Quintal-Brévanne";
constexpr const char* kEmail = "helene.quintal@exemple-amiens.fr";

/// Every spelling a reader could find her by: as written, upper and lower case, without accents, the words in the
/// other order, the family name alone, the e-mail and its local part.
std::vector<std::string> herSpellings() {
    Person p;
    p.id = 1;
    p.name = kName;
    p.email = kEmail;
    std::vector<std::string> out = spellings(erasureTarget(p));
    for (const char* extra : {"Quintal-Brévanne", "QUINTAL-BRÉVANNE", "quintal-brevanne", "Quintal Brévanne",
                              "quintal brevanne", "brevanne", "Brévanne", "helene.quintal", "HELENE.QUINTAL"})
        out.push_back(extra);
    return out;
}

/// The files of `dir` holding one of her spellings, with what was found (for the failure message).
std::string traces(const std::filesystem::path& dir) {
    std::string out;
    for (const auto& file : store::filesHolding(dir, herSpellings())) out += file.string() + "\n";
    return out;
}

/// `atelier ARGS` with `input` on its standard input.
test::CliRun runWithInput(const std::string& args, const std::string& input, const test::TempDir& dir) {
    const std::string in = dir.write("stdin.txt", input);
    return test::capture(test::quoted(ATELIER_BINARY) + " " + args + " < " + in + " 2>&1");
}

/// `atelier serve …` in the background until terminate().
struct Serve {
    pid_t pid = -1;
    std::filesystem::path log;
    Serve(std::vector<std::string> args, std::filesystem::path out) : log(std::move(out)) {
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            std::FILE* f = std::freopen(log.c_str(), "w", stdout);
            if (!f || dup2(fileno(stdout), 2) < 0) _exit(127);
            std::vector<char*> argv{const_cast<char*>(ATELIER_BINARY)};
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(ATELIER_BINARY, argv.data());
            _exit(127);
        }
    }
    int terminate() {
        if (pid < 0) return -1;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ~Serve() {
        if (pid > 0) terminate();
    }
};

/// Her idea posted from a phone that joined with her full name as its first name, through `atelier serve`.
void postFromPhone(const test::TempDir& dir, const std::filesystem::path& data) {
    Serve serve({"--data", data.string(), "serve", "--etape", "1", "--tableau", "Leviers", "--host", "127.0.0.1",
                 "--port", "0", "--code", "246810"},
                dir.path / "serve.log");
    std::string out;
    std::smatch url;
    const std::regex pattern(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 500 && !std::regex_search(out, url, pattern); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        out = test::readBytes(serve.log);
    }
    INFO(out);
    REQUIRE(std::regex_search(out, url, pattern));
    httplib::Client phone("127.0.0.1", std::stoi(url[1]));
    auto joined = phone.Post("/api/rejoindre",
                             Json{{"code", "246810"}, {"prenom", kName}, {"cite", "Amiens"}, {"groupe", "Groupe 2"}}.dump(),
                             "application/json");
    REQUIRE(joined);
    REQUIRE(joined->status == 200);
    const httplib::Headers auth{{"Authorization", "Bearer " + Json::parse(joined->body).at("jeton").get<std::string>()}};
    auto idea = phone.Post("/api/idees", auth, Json{{"texte", "Depuis mon téléphone : un tutorat entre collèges"}}.dump(),
                           "application/json");
    REQUIRE(idea);
    CHECK(idea->status == 201);
    CHECK(serve.terminate() == 0);
}

}  // namespace

TEST_CASE("rgpd effacer: the person is gone from every byte of the data folder, the totals and the replay hold") {
    test::TempDir dir("atelier-rgpd");
    const std::filesystem::path data = dir.path / "data";
    const std::string d = "--data " + test::quoted(data);
    auto run = [&](const std::string& args) {
        const test::CliRun r = test::runAtelier(d + " " + args);
        INFO(args << "\n" << r.out);
        REQUIRE(r.code == 0);
        return r;
    };

    // --- The data folder, with her in every place the issue lists.
    // Registered (imported with her e-mail, structure and function) for étape 1, with two colleagues.
    const std::string csv = dir.write(
        "inscrits.csv",
        std::string("prénom;nom;courriel;territoire;institution;structure;fonction\n") +
            "Hélène;Quintal-Brévanne;" + kEmail + ";Amiens;Collectivité;Mairie d'Amiens;Cheffe de projet Cité\n"
            "Marc;Obry;marc.obry@exemple.fr;Lens;Éducation nationale;Collège Jean Macé;Principal\n"
            "Awa;Sissoko;awa.sissoko@exemple.fr;Amiens;Préfecture-État;Préfecture de la Somme;Déléguée du préfet\n");
    run("importer inscriptions --etape 1 " + csv);
    // Ideas imported from a file, one naming her.
    const std::string ideas = dir.write(
        "idees.csv", std::string("texte;groupe;categorie\n") +
                         "Un café des parents animé par Hélène Quintal-Brévanne;Groupe 1;Leviers\n"
                         "Écrire à " + kEmail + " pour le calendrier;Groupe 1;Constats\n"
                         "Des visites croisées entre Cités;Groupe 2;Leviers\n");
    run("importer idees --etape 1 --tableau Leviers " + ideas);
    // From a phone: she joined with her name and posted an idea.
    postFromPhone(dir, data);
    Id her = 0, practice = 0;
    {  // At the door and from the keyboard, as the console does it.
        store::Workspace ws(data);
        Session& s = ws.session();
        const Model& m = s.model();
        for (const Person& p : m.people)
            if (p.email == kEmail) her = p.id;
        REQUIRE(her != 0);
        const Etape& e1 = *m.etapeByNumber(1);
        for (const Registration& r : e1.registrations) {
            Registration present = r;
            present.present = true;
            REQUIRE(s.apply(UpdateRegistration{e1.id, present}));
        }
        const Board& board = *e1.boardByTitle("Leviers");
        Idea typed;
        typed.text = "Parrainage des nouveaux chefs de projet";
        typed.group = "Groupe 3";
        typed.author = kName;
        typed.category = board.categories.front().id;
        REQUIRE(s.apply(AddIdea{e1.id, board.id, typed}));
        practice = m.etapeByNumber(1)->boardByTitle("Leviers")->ideas.front().id;
        REQUIRE(s.apply(SetPractice{e1.id, board.id, practice, true}));
        // Étape 2: she walks in (no import), present.
        const Etape& e2 = *m.etapeByNumber(2);
        REQUIRE(s.apply(AddRegistration{e2.id, Registration{0, her, 1, true, true}}));
        for (const Person& p : m.people)
            if (p.name == "Marc Obry") REQUIRE(s.apply(AddRegistration{e2.id, Registration{0, p.id, 1, true, false}}));
        REQUIRE(s.apply(AddBoard{e2.id, Board{0, "Bilan", defaultBoardCategories(), {}, {}, false}}));
        Idea second;
        second.text = "Bilan proposé par QUINTAL-BREVANNE Hélène";
        second.group = "Groupe 1";
        second.author = "hélène quintal-brévanne";
        second.category = m.etapeByNumber(2)->boards.front().categories.front().id;
        REQUIRE(s.apply(AddIdea{e2.id, m.etapeByNumber(2)->boards.front().id, second}));
    }
    // A follow-up entered, two étapes archived, documents written (summaries beside the archive, an attendance
    // sheet and a fee statement in DATA/documents, the booklet), a snapshot written.
    run("pratique suivi " + std::to_string(practice) + " --cite Amiens --statut essayee --note " +
        test::quoted("Essayé avec Hélène Quintal-Brévanne (" + std::string(kEmail) + ")"));
    run("archive enregistrer --etape 1");
    run("archive enregistrer --etape 2");
    run("exporter --etape 1");
    run("exporter --etape 2");
    std::filesystem::create_directories(data / "documents");
    run("emargement --etape 1 --out " + test::quoted(data / "documents" / "emargement-etape-1.html"));
    run("etat-frais --etape 1 --out " + test::quoted(data / "documents" / "frais-etape-1.html"));
    run("livret --tour --out " + test::quoted(data / "documents" / "livret"));
    run("maintenance");  // the snapshot written, the log folded
    REQUIRE(std::filesystem::exists(store::snapshotFile(data)));
    // The log not yet folded: the app writes one more idea naming her and is killed before closing (a closed
    // connection folds its log), so that it stays in the WAL only.
    const pid_t app = fork();
    REQUIRE(app >= 0);
    if (app == 0) {
        store::Workspace ws(data);
        Session& s = ws.session();
        const Etape& e1 = *s.model().etapeByNumber(1);
        const Board& board = *e1.boardByTitle("Leviers");
        Idea late;
        late.text = "Adopté après une visite avec Hélène Quintal-Brévanne";
        late.category = board.categories.front().id;
        const bool ok = static_cast<bool>(s.apply(AddIdea{e1.id, board.id, late}));
        _exit(ok ? 0 : 3);  // no destructor: the connection is never closed
    }
    int status = 0;
    waitpid(app, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(std::filesystem::file_size(data / "atelier.db-wal") > 0);
    CHECK(test::readBytes(data / "atelier.db-wal").find("Adopté après une visite avec Hélène") != std::string::npos);
    // She is everywhere before: the search of every byte finds her in the database, its log, the snapshot, the
    // archives, the documents and the room's memory (the test would pass for the wrong reason otherwise).
    const std::string before = traces(data);
    INFO(before);
    for (const char* place : {"atelier.db", "atelier.db-wal", "snapshot.bin", "etape.json", "synthese.html",
                              "emargement-etape-1.html", "participation.json"})
        CHECK(before.find(place) != std::string::npos);
    const std::string booklet = dir.path / "avant";
    run("livret --tour --out " + test::quoted(booklet));
    const std::string participationBefore = test::readBytes(std::filesystem::path(booklet) / "participation.csv");
    REQUIRE(!participationBefore.empty());
    // Point 5: what goes to the participants (the summaries beside the archives, the booklet and its annexes) holds
    // no registration's e-mail address, the archives neither (hers is in texts typed on a board and in a follow-up:
    // those are the facilitator's words, kept as typed).
    const std::vector<std::string> addresses = {"marc.obry@exemple.fr", "awa.sissoko@exemple.fr"};
    CHECK(store::filesHolding(booklet, addresses).empty());
    CHECK(store::filesHolding(data / "sessions", addresses).empty());

    // --- The erasure, confirmed by typing her name (case and accents aside).
    const test::CliRun erased = runWithInput(d + " rgpd effacer --courriel " + test::quoted(kEmail),
                                             "helene quintal-brevanne\n", dir);
    INFO(erased.out);
    REQUIRE(erased.code == 0);
    const std::string label = "Personne effacée " + std::to_string(her);
    CHECK(erased.out.find(label) != std::string::npos);
    CHECK(erased.out.find("emargement-etape-1.html") != std::string::npos);  // listed as removed
    CHECK(erased.out.find("synthese.html") != std::string::npos);            // listed as written again

    // THE test: no byte of any file of the data folder names her any more.
    CHECK(traces(data) == "");
    CHECK(std::filesystem::exists(data / "sessions"));
    // SQLite's log is folded and empty; the database holds no free page with her in it (VACUUM, secure_delete).
    CHECK((!std::filesystem::exists(data / "atelier.db-wal") || std::filesystem::file_size(data / "atelier.db-wal") == 0));

    // --- Everything still opens the folder, and says the same totals.
    run("etapes");
    run("archive liste");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data / "sessions"))
        if (entry.path().filename() == "etape.json") run("archive verifier " + test::quoted(entry.path()));
    run("tarifs --etape 1");
    run("idees --etape 1");
    CHECK(run("chercher café").out.find("café des parents animé par " + label) != std::string::npos);
    CHECK(run("chercher quintal").out.find("Quintal") == std::string::npos);
    run("exporter --etape 1 --out " + test::quoted(dir.path / "apres-export"));
    const std::string after = dir.path / "apres";
    run("livret --tour --out " + test::quoted(after));
    CHECK(test::readBytes(std::filesystem::path(after) / "participation.csv") == participationBefore);
    CHECK(store::filesHolding(dir.path / "apres-export", herSpellings()).empty());
    CHECK(store::filesHolding(after, herSpellings()).empty());

    // --- The journal replays to the snapshot's model; she is the label, with her Cité and institution kept; the
    // erasure is an entry that holds her id only.
    {
        store::Database db(data / "atelier.db", store::Access::Read);
        const Model replayed = db.load();
        const auto snapshot = store::readSnapshot(data);
        REQUIRE(snapshot);
        CHECK(snapshot->mark.seq == db.lastSeq());
        CHECK(store::modelBytes(snapshot->model) == store::modelBytes(replayed));
        const Person* p = replayed.person(her);
        REQUIRE(p);
        CHECK(p->name == label);
        CHECK(p->email.empty());
        CHECK(p->structure.empty());
        CHECK(p->function.empty());
        CHECK(p->institution == Institution::Collectivite);
        REQUIRE(p->territory);
        CHECK(replayed.territory(*p->territory)->name == "Amiens");
        CHECK(replayed.etapeByNumber(2)->registrations.front().walkIn);
        store::Statement last(db.connection(), "SELECT action, payload FROM journal ORDER BY seq DESC LIMIT 1");
        REQUIRE(last.step());
        CHECK(last.columnText(0) == "ErasePerson");
        const Json payload = Json::parse(last.columnText(1));
        INFO(payload.dump());
        CHECK(payload.at("action").at("person").get<Id>() == her);
        for (const auto& [key, value] : payload.at("action").items()) CHECK(value.is_number());  // her id, nothing else
    }
    store::Workspace again(data);  // a writer opens it too (the app's way in)
    CHECK(again.skipped().empty());
    CHECK(again.session().model().person(her)->name == label);
}

TEST_CASE("rgpd effacer: who is meant, and what a script must say") {
    test::TempDir dir("atelier-rgpd-who");
    const std::string d = dir.data();
    const std::string csv = dir.write("inscrits.csv",
                                      "prénom;nom;courriel;territoire\n"
                                      "Jean;Martin;jean.martin@exemple.fr;Lens\n"
                                      "Jean;Martin;j.martin@exemple.fr;Calais\n");
    REQUIRE(test::runAtelier(d + " importer inscriptions --etape 1 " + test::quoted(dir.path / "inscrits.csv")).code == 0);
    (void)csv;
    test::CliRun r = test::runAtelier(d + " rgpd effacer --oui");
    CHECK(r.code == 2);
    CHECK(r.out.find("--courriel") != std::string::npos);
    r = test::runAtelier(d + " rgpd effacer --personne \"Jean Martin\" --oui");
    CHECK(r.code == 1);
    CHECK(r.out.find("Plusieurs personnes") != std::string::npos);
    r = test::runAtelier(d + " rgpd effacer --personne \"Personne Inconnue\" --oui");
    CHECK(r.code == 1);
    CHECK(r.out.find("Aucune personne") != std::string::npos);
    // A wrong confirmation erases nothing; the warning says it cannot be undone.
    r = runWithInput(d + " rgpd effacer --courriel j.martin@exemple.fr", "Jean Martine\n", dir);
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("ne peut pas être annulé") != std::string::npos);
    CHECK(r.out.find("rien n'a été effacé") != std::string::npos);
    CHECK(!store::filesHolding(dir.path / "data", {"j.martin@exemple.fr"}).empty());
    r = test::runAtelier(d + " rgpd effacer --courriel J.Martin@Exemple.fr --oui");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("Une autre personne s'appelle aussi") != std::string::npos);
    const std::string fees = test::runAtelier(d + " tarifs --etape 1").out;
    INFO(fees);
    CHECK(fees.find("Jean Martin (Lens)") != std::string::npos);  // the namesake keeps their name
    CHECK(fees.find("Personne effacée") != std::string::npos);
    CHECK(store::filesHolding(dir.path / "data", {"j.martin@exemple.fr"}).empty());
}

TEST_CASE("rgpd exporter: everything held about her, field by field as imported, in JSON and a readable page") {
    test::TempDir dir("atelier-rgpd-access");
    const std::filesystem::path data = dir.path / "data";
    const std::string d = "--data " + test::quoted(data);
    auto run = [&](const std::string& args) {
        const test::CliRun r = test::runAtelier(d + " " + args);
        INFO(args << "\n" << r.out);
        REQUIRE(r.code == 0);
        return r;
    };
    dir.write("inscrits.csv", std::string("prénom;nom;courriel;territoire;institution;structure;fonction;jours\n") +
                                  "Hélène;Quintal-Brévanne;" + kEmail +
                                  ";Amiens;Collectivité;Mairie d'Amiens;Cheffe de projet <Cité>;1\n"
                                  "Marc;Obry;marc.obry@exemple.fr;Lens;Éducation nationale;Collège Jean Macé;Principal;1\n");
    run("territoire Amiens --adherent non");
    run("importer inscriptions --etape 1 " + test::quoted(dir.path / "inscrits.csv"));
    dir.write("idees.csv", "texte;groupe;categorie\nUn café des parents animé par Hélène Quintal-Brévanne;Groupe 1;Leviers\n"
                           "Des visites croisées;Groupe 2;Leviers\n");
    run("importer idees --etape 1 --tableau Leviers " + test::quoted(dir.path / "idees.csv"));
    run("archive enregistrer --etape 1");

    const std::filesystem::path out = dir.path / "acces";
    const test::CliRun r = run("rgpd exporter --personne " + test::quoted("quintal-brévanne HÉLÈNE") + " --out " +
                               test::quoted(out));
    CHECK(r.out.find("donnees-personnelles.json, donnees-personnelles.html") != std::string::npos);
    const Json j = Json::parse(test::readBytes(out / "donnees-personnelles.json"));
    INFO(j.dump(2));
    const Json& p = j.at("personne");
    CHECK(p.at("nom") == kName);
    CHECK(p.at("courriel") == kEmail);
    CHECK(p.at("territoire") == "Amiens");
    CHECK(p.at("institution") == "collectivite");
    CHECK(p.at("structure") == "Mairie d'Amiens");
    CHECK(p.at("fonction") == "Cheffe de projet <Cité>");
    REQUIRE(j.at("inscriptions").size() == 1);
    const Json& reg = j.at("inscriptions")[0];
    CHECK(reg.at("etape") == 1);
    CHECK(reg.at("date") == "2020-02-11");
    CHECK(reg.at("jours") == 1);
    CHECK(reg.at("present") == false);
    CHECK(reg.at("sur_place") == false);
    CHECK(reg.at("frais_eur") == 150.0);  // Amiens set as non-member: 150 € a day
    CHECK(reg.at("motif") == "non adhérent");
    REQUIRE(j.at("idees").size() == 1);  // the idea naming her, not the other one
    CHECK(j.at("idees")[0].at("texte") == "Un café des parents animé par Hélène Quintal-Brévanne");
    CHECK(j.at("idees")[0].at("tableau") == "Leviers");
    CHECK(j.at("idees")[0].at("saisie") == "import");
    REQUIRE(j.at("archives").size() == 0);  // not present: the archive keeps only the people present
    CHECK(j.at("responsable").at("organisation").get<std::string>().find("IREV") != std::string::npos);
    // Nobody else's data.
    CHECK(test::readBytes(out / "donnees-personnelles.json").find("Obry") == std::string::npos);
    const std::string html = test::readBytes(out / "donnees-personnelles.html");
    CHECK(html.find("Données personnelles de Hélène Quintal-Brévanne") != std::string::npos);
    CHECK(html.find(kEmail) != std::string::npos);
    CHECK(html.find("Cheffe de projet &lt;Cité&gt;") != std::string::npos);
    CHECK(html.find("<Cité>") == std::string::npos);
    CHECK(html.find("Obry") == std::string::npos);

    // --out never reaches the data folder's own files.
    const test::CliRun refused = test::runAtelier(d + " rgpd exporter --courriel " + kEmail + " --out " +
                                                  test::quoted(data / "sessions"));
    INFO(refused.out);
    CHECK(refused.code != 0);
    CHECK(!std::filesystem::exists(data / "sessions" / "donnees-personnelles.json"));
    // Without --out: said what is missing.
    CHECK(test::runAtelier(d + " rgpd exporter --courriel " + kEmail).code == 2);
}

TEST_CASE("rgpd registre: every category said once, the controller from the settings, the texts made from it") {
    test::TempDir dir("atelier-rgpd-registre");
    const test::CliRun text = test::runAtelier(dir.data() + " rgpd registre");
    INFO(text.out);
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Responsable du traitement\u00a0: IREV") != std::string::npos);
    CHECK(text.out.find("g.lecoat@irev.fr") != std::string::npos);
    const test::CliRun json = test::runAtelier(dir.data() + " rgpd registre --json", false);
    REQUIRE(json.code == 0);
    const Json j = Json::parse(json.out);
    CHECK(j.at("categories").size() == 7);
    for (const Json& c : j.at("categories"))
        for (const char* key : {"quoi", "ou", "pourquoi", "duree"}) CHECK(!c.at(key).get<std::string>().empty());
    CHECK(j.at("textes").at("formulaire").get<std::string>().find("g.lecoat@irev.fr") != std::string::npos);
    CHECK(j.at("textes").at("telephones").get<std::string>().find("fin de l'étape") != std::string::npos);
    CHECK(j.at("textes").at("emargement").get<std::string>().find("trois ans") != std::string::npos);
    // The registre only reads: no database is created by it.
    CHECK(!std::filesystem::exists(dir.path / "data" / "atelier.db"));
}
