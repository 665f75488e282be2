// Importing registration exports: real file bytes (Windows-1252 and UTF-8 with BOM) through the CSV reader and the
// import planner, applied as one undoable step.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/registration_import.h"
#include "store/csv.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

struct Fixture {
    Session s = test::tourSession();
    Id e1 = s.model().etapeByNumber(1)->id;

    /// Imports `bytes`, creating the territories it names that are unknown (as « Créer » for each in the dialog).
    ImportPlan import(const std::string& bytes) {
        const store::CsvTable table = store::parseCsv(bytes);
        ImportPlan plan = planRegistrationImport(s.model(), e1, table);
        REQUIRE(plan.error.empty());
        if (!plan.unknownTerritories.empty()) {
            CHECK(plan.actions.empty());
            plan = planRegistrationImport(s.model(), e1, table,
                                          chooseForAll(plan, {TerritoryChoice::Kind::Create, 0}));
            REQUIRE(plan.error.empty());
            REQUIRE(plan.unknownTerritories.empty());
        }
        const Status st = s.applyAll(plan.actions, "import");
        INFO(st.message);
        REQUIRE(st.ok);
        return plan;
    }
    const Person* person(const char* name) {
        for (const Person& p : s.model().people)
            if (p.name == name) return &p;
        return nullptr;
    }
    size_t registrations() { return s.model().etape(e1)->registrations.size(); }
};

}  // namespace

TEST_CASE("import: a Windows-1252 export with semicolons, as Excel in French writes it") {
    Fixture f;
    const std::string bytes =
        "Nom;Pr\xe9nom;Courriel;Cit\xe9;Structure;Fonction\r\n"
        "Lef\xe8vre;Zo\xe9;zoe.lefevre@ac-amiens.fr;Amiens;Rectorat d'Amiens;Copilote\r\n"
        "Dubois;Ma\xeblle;m.dubois@lille.fr;LILLE;Mairie de Lille;Cheffe de projet\r\n"
        "Nguyen;Th\xe9o;t.nguyen@asso.fr;Hirson;Association Les Petits D\xe9" "brouillards;Intervenant\r\n";
    const ImportPlan plan = f.import(bytes);
    CHECK(plan.report.lines == 3);
    CHECK(plan.report.imported == 3);
    CHECK(plan.report.merged == 0);
    CHECK(plan.report.rejected.empty());
    CHECK(plan.report.registered == 3);
    CHECK(plan.report.newTerritories == std::vector<std::string>{"Hirson"});

    const Person* zoe = f.person("Zoé Lefèvre");
    REQUIRE(zoe);
    CHECK(zoe->institution == Institution::EducationNationale);
    CHECK(zoe->role == Role::Copilote);
    CHECK(zoe->territory == f.s.model().territoryByName("Amiens")->id);
    const Person* maelle = f.person("Maëlle Dubois");
    REQUIRE(maelle);
    CHECK(maelle->territory == f.s.model().territoryByName("Lille")->id);  // « LILLE » matched
    CHECK(maelle->institution == Institution::Collectivite);
    CHECK(maelle->role == Role::ChefDeProjet);
    const Territory* hirson = f.s.model().territoryByName("Hirson");
    REQUIRE(hirson);
    CHECK(hirson->membership == Membership::AVerifier);
    CHECK_FALSE(hirson->cite);
    CHECK(f.registrations() == 3);

    // One undo takes the whole import back.
    CHECK(f.s.undoLabel() == "import");
    REQUIRE(f.s.undo().ok);
    CHECK(f.registrations() == 0);
    CHECK_FALSE(f.s.model().territoryByName("Hirson"));
}

TEST_CASE("import: UTF-8 with BOM and commas, duplicates merged, bad lines reported") {
    Fixture f;
    const std::string bytes =
        "\xEF\xBB\xBF" "prénom,nom,e-mail,territoire,institution,rôle\n"
        "Nadia,Benali,n.benali@example.fr,Amiens,Collectivité,Chef de projet opérationnel\n"  // known (fixture)
        "Paul,Martin,,Arras,Préfecture,copilote\n"
        "Paul,Martin,p.martin@pas-de-calais.gouv.fr,Arras,,\n"  // same name and territory: merged, email added
        ",,sans.nom@example.fr,Lens,,\n"                          // no name: rejected
        "Inès,Roux,ines.roux@@example,Lens,,\n"                   // bad email: rejected
        "Jules,Petit,J.PETIT@EXAMPLE.FR,Creil,,\n"
        "Julien,Petit,j.petit@example.fr,Creil,,\n";              // same email as Jules: merged
    const ImportPlan plan = f.import(bytes);
    const ImportReport& r = plan.report;
    CHECK(r.lines == 7);
    CHECK(r.imported == 2);  // Paul Martin, Jules Petit
    CHECK(r.merged == 3);    // Nadia (known), Paul again, Julien = Jules by email
    REQUIRE(r.rejected.size() == 2);
    CHECK(r.rejected[0].line == 5);
    CHECK(r.rejected[0].reason == "le nom manque");
    CHECK(r.rejected[1].line == 6);
    CHECK(r.rejected[1].reason.find("ines.roux@@example") != std::string::npos);
    CHECK(r.registered == 3);  // Nadia, Paul, Jules
    CHECK(f.registrations() == 3);

    const Person* paul = f.person("Paul Martin");
    REQUIRE(paul);
    CHECK(paul->email == "p.martin@pas-de-calais.gouv.fr");
    CHECK(paul->institution == Institution::PrefectureEtat);
    CHECK(f.person("Julien Petit") == nullptr);
    CHECK(std::count_if(f.s.model().people.begin(), f.s.model().people.end(),
                        [](const Person& p) { return p.name == "Nadia Benali"; }) == 1);
    // Creil is new; Lens only appears on rejected lines, so it is not created.
    CHECK(r.newTerritories == std::vector<std::string>{"Creil"});
    CHECK_FALSE(f.s.model().territoryByName("Lens"));
    const std::string text = describeReport(r);
    CHECK(text.find("7 lignes lues\u00a0: 2 importées, 3 fusionnées") != std::string::npos);
    CHECK(text.find("ligne 5\u00a0: le nom manque") != std::string::npos);

    // Importing the same file again adds nobody and no registration.
    const ImportPlan again = f.import(bytes);
    CHECK(again.report.imported == 0);
    CHECK(again.report.registered == 0);
    CHECK(f.registrations() == 3);
}

TEST_CASE("import: a file without a name column is refused whole, a 5,000-character name is rejected") {
    Fixture f;
    const ImportPlan plan =
        planRegistrationImport(f.s.model(), f.e1, store::parseCsv("courriel;ville\na@b.fr;Lens\n"));
    CHECK(plan.error.find("colonne «\u00a0nom\u00a0»") != std::string::npos);
    CHECK(plan.error.find("«\u00a0courriel\u00a0», «\u00a0ville\u00a0»") != std::string::npos);
    CHECK(plan.actions.empty());

    const ImportPlan longName = f.import("nom;ville\n" + std::string(5000, 'a') + ";Lens\nCourt;Lens\n");
    REQUIRE(longName.report.rejected.size() == 1);
    CHECK(longName.report.rejected[0].line == 2);
    CHECK(longName.report.rejected[0].reason.find("dépasse 200") != std::string::npos);
    CHECK(longName.report.imported == 1);
}

TEST_CASE("institutions and roles are guessed from free text") {
    CHECK(guessInstitution("Rectorat de Lille") == Institution::EducationNationale);
    CHECK(guessInstitution("Collège Jean Jaurès") == Institution::EducationNationale);
    CHECK(guessInstitution("Préfecture du Nord") == Institution::PrefectureEtat);
    CHECK(guessInstitution("Éducation nationale") == Institution::EducationNationale);
    CHECK(guessInstitution("Communauté d'agglomération") == Institution::Collectivite);
    CHECK(guessInstitution("Centre social Marlière") == Institution::Association);
    CHECK(guessInstitution("Entreprise X") == Institution::Autre);
    CHECK(guessRole("Co-pilote") == Role::Copilote);
    CHECK(guessRole("Cheffe de projet") == Role::ChefDeProjet);
    CHECK(guessRole("IREV") == Role::Irev);
    CHECK(guessRole("") == Role::Autre);
}

// [SECTION] Issue 11: territory names as people type them, structure and function kept

namespace {

/// The fixture (Amiens, Lille, Arras) completed with the ten other Cités of the Tour, as the seed names them.
void addTheThirteen(Session& s) {
    for (const char* name : {"Saint-Quentin", "Denain", "Maubeuge", "Roubaix", "Tourcoing", "Valenciennes-Anzin",
                             "Creil", "Boulogne-sur-Mer", "Calais", "Lens"})
        REQUIRE(s.apply(AddTerritory{Territory{0, name, "", Membership::Adherent, true}}).ok);
}

const Territory* territoryOf(const Session& s, const Person* p) {
    return p && p->territory ? s.model().territory(*p->territory) : nullptr;
}

}  // namespace

TEST_CASE("import: « Saint Quentin », « Valenciennes », « Boulogne sur Mer » join their Cités, nothing is created") {
    Fixture f;
    addTheThirteen(f.s);
    const size_t territories = f.s.model().territories.size();
    const ImportPlan plan = f.import(
        "nom;prénom;cité;structure;fonction\n"
        "Leroy;Anne;Saint Quentin;Mairie de Saint-Quentin;Cheffe de projet\n"
        "Caron;Luc;Valenciennes;CAF du Nord;Chargé de mission\n"
        "Dupont;Léa;Boulogne sur Mer;Collège Angellier;Principale\n"
        "Morel;Yves;ST-QUENTIN;Sous-préfecture;Délégué du préfet\n");
    CHECK(plan.report.newTerritories.empty());
    CHECK(f.s.model().territories.size() == territories);
    REQUIRE(territoryOf(f.s, f.person("Anne Leroy")));
    CHECK(territoryOf(f.s, f.person("Anne Leroy"))->name == "Saint-Quentin");
    CHECK(territoryOf(f.s, f.person("Luc Caron"))->name == "Valenciennes-Anzin");
    CHECK(territoryOf(f.s, f.person("Léa Dupont"))->name == "Boulogne-sur-Mer");
    CHECK(territoryOf(f.s, f.person("Yves Morel"))->name == "Saint-Quentin");
    // The report says how each name was read, in the text colour of the screen.
    const std::string report = describeReport(plan.report);
    CHECK(report.find("«\u00a0Saint Quentin\u00a0» → Saint-Quentin") != std::string::npos);
    CHECK(report.find("«\u00a0Valenciennes\u00a0» → Valenciennes-Anzin") != std::string::npos);
    CHECK(report.find("«\u00a0Boulogne sur Mer\u00a0» → Boulogne-sur-Mer") != std::string::npos);
    CHECK(report.find("créés") == std::string::npos);
}

TEST_CASE("import: an unknown territory is never created silently; each choice does what it says") {
    Fixture f;
    addTheThirteen(f.s);
    const std::string csv =
        "nom;prénom;ville\n"
        "Leroy;Anne;Saint Quentin\n"
        "Caron;Luc;Hirson\n"
        "Dupont;Léa;Roubais\n"
        "Morel;Yves;hirson\n";
    const store::CsvTable table = store::parseCsv(csv);
    const Model before = f.s.model();

    const ImportPlan asked = planRegistrationImport(f.s.model(), f.e1, table);
    CHECK(asked.error.empty());
    CHECK(asked.actions.empty());  // nothing to apply until every unknown name has a choice
    REQUIRE(asked.unknownTerritories.size() == 2);
    const UnknownTerritory& hirson = asked.unknownTerritories[0];
    CHECK(hirson.name == "Hirson");
    CHECK(hirson.lines == std::vector<int>{3, 5});  // « hirson » is the same name
    CHECK(hirson.proposals.empty());
    const UnknownTerritory& roubais = asked.unknownTerritories[1];
    CHECK(roubais.name == "Roubais");
    REQUIRE(!roubais.proposals.empty());
    CHECK(f.s.model().territory(roubais.proposals.front())->name == "Roubaix");
    const std::string told = describeUnknownTerritories(f.s.model(), asked.unknownTerritories);
    CHECK(told.find("«\u00a0Hirson\u00a0» (ligne(s) 3, 5)") != std::string::npos);
    CHECK(told.find("«\u00a0Roubais\u00a0» (ligne(s) 4)\u00a0: aucun territoire connu de ce nom\u00a0; les plus proches\u00a0: Roubaix") !=
          std::string::npos);
    CHECK(f.s.model() == before);

    // Roubais → Roubaix, Hirson left without territory.
    TerritoryChoices choices;
    choices[hirson.key] = {TerritoryChoice::Kind::None, 0};
    choices[roubais.key] = {TerritoryChoice::Kind::Existing, roubais.proposals.front()};
    const ImportPlan chosen = planRegistrationImport(f.s.model(), f.e1, table, choices);
    REQUIRE(chosen.unknownTerritories.empty());
    REQUIRE(f.s.applyAll(chosen.actions, "import").ok);
    CHECK(territoryOf(f.s, f.person("Léa Dupont"))->name == "Roubaix");
    REQUIRE(f.person("Luc Caron"));
    CHECK_FALSE(f.person("Luc Caron")->territory);
    CHECK_FALSE(f.s.model().territoryByName("Hirson"));
    CHECK(describeReport(chosen.report).find("Inscrits sans territoire, comme choisi\u00a0: «\u00a0Hirson\u00a0»") != std::string::npos);
    CHECK(describeReport(chosen.report).find("«\u00a0Roubais\u00a0» → Roubaix") != std::string::npos);

    // Undone in one step, then Hirson created once for both of its lines.
    REQUIRE(f.s.undo().ok);
    CHECK(test::sameContent(f.s.model(), before));
    choices[hirson.key] = {TerritoryChoice::Kind::Create, 0};
    const ImportPlan created = planRegistrationImport(f.s.model(), f.e1, table, choices);
    REQUIRE(f.s.applyAll(created.actions, "import").ok);
    CHECK(created.report.newTerritories == std::vector<std::string>{"Hirson"});
    const Territory* h = f.s.model().territoryByName("Hirson");
    REQUIRE(h);
    CHECK(h->membership == Membership::AVerifier);
    CHECK(f.person("Luc Caron")->territory == h->id);
    CHECK(f.person("Yves Morel")->territory == h->id);

    // A choice of a territory deleted meanwhile is refused with a message, nothing planned.
    TerritoryChoices gone;
    gone[roubais.key] = {TerritoryChoice::Kind::Existing, 9999};
    const ImportPlan refused = planRegistrationImport(f.s.model(), f.e1, store::parseCsv("nom;ville\nX;Roubais\n"), gone);
    CHECK(refused.error.find("n'existe plus") != std::string::npos);
    CHECK(refused.actions.empty());
}

TEST_CASE("import: the structure and the function are kept as typed, beside the category and the role") {
    Fixture f;
    f.import("nom;prénom;ville;structure;fonction\n"
             "Martin;Claire;Amiens;Mairie d'Amiens;Chargée de mission\n"
             "Bernard;Hugo;Lille;CAF du Nord;Conseiller technique\n"
             "Petit;Sara;Arras;Collectivité;Copilote\n");
    const Person* claire = f.person("Claire Martin");
    REQUIRE(claire);
    CHECK(claire->structure == "Mairie d'Amiens");
    CHECK(claire->function == "Chargée de mission");
    CHECK(claire->institution == Institution::Collectivite);
    CHECK(structureAndFunction(*claire) == "Mairie d'Amiens, Chargée de mission");
    const Person* hugo = f.person("Hugo Bernard");
    REQUIRE(hugo);
    CHECK(hugo->structure == "CAF du Nord");
    CHECK(hugo->function == "Conseiller technique");
    CHECK(hugo->institution == Institution::Autre);
    // A bare category or role is not a structure or a function: only the category and the role are kept.
    const Person* sara = f.person("Sara Petit");
    REQUIRE(sara);
    CHECK(sara->structure.empty());
    CHECK(sara->function.empty());
    CHECK(sara->institution == Institution::Collectivite);
    CHECK(sara->role == Role::Copilote);

    // Separate category and structure columns: each goes to its place; the role column sets the role.
    Fixture g;
    g.import("nom;ville;institution;organisme;rôle;poste\n"
             "Roux;Lille;Préfecture;Préfecture du Nord, SGAR;copilote;Sous-préfète à la ville\n");
    const Person* roux = g.person("Roux");
    REQUIRE(roux);
    CHECK(roux->institution == Institution::PrefectureEtat);
    CHECK(roux->structure == "Préfecture du Nord, SGAR");
    CHECK(roux->role == Role::Copilote);
    CHECK(roux->function == "Sous-préfète à la ville");

    // Merged with a known person: what was missing is filled, what was typed before is kept.
    Fixture h;
    h.import("nom;ville;structure\nDurand;Lille;\n");
    h.import("nom;ville;structure;fonction\nDurand;Lille;Ville de Lille;Coordinatrice\n");
    h.import("nom;ville;structure;fonction\nDurand;Lille;Autre chose;Autre fonction\n");
    REQUIRE(h.person("Durand"));
    CHECK(h.person("Durand")->structure == "Ville de Lille");
    CHECK(h.person("Durand")->function == "Coordinatrice");
}

TEST_CASE("institutions as people write them: the one mapping of the import and the roster") {
    CHECK(guessInstitution("Préfecture") == Institution::PrefectureEtat);
    CHECK(guessInstitution("Préfecture-État") == Institution::PrefectureEtat);
    CHECK(guessInstitution("prefecture-etat") == Institution::PrefectureEtat);
    CHECK(guessInstitution("Education Nationale") == Institution::EducationNationale);
    CHECK(guessInstitution("mairie") == Institution::Collectivite);
    CHECK(guessInstitution("Mairie d'Amiens") == Institution::Collectivite);
    CHECK(guessInstitution("collectivite") == Institution::Collectivite);
    CHECK(guessInstitution("ASSOCIATION") == Institution::Association);
    CHECK(guessInstitution("EN") == Institution::EducationNationale);
    CHECK(guessInstitution("Cité éducative de Lens") == Institution::Autre);
    CHECK(guessInstitution("CAF du Nord") == Institution::Autre);
    CHECK(guessInstitution("") == Institution::Autre);
}
