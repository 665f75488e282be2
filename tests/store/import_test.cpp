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

    ImportPlan import(const std::string& bytes) {
        const store::CsvTable table = store::parseCsv(bytes);
        ImportPlan plan = planRegistrationImport(s.model(), e1, table);
        REQUIRE(plan.error.empty());
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
    CHECK(text.find("7 ligne(s) lue(s) : 2 importée(s), 3 fusionnée(s)") != std::string::npos);
    CHECK(text.find("ligne 5 : le nom manque") != std::string::npos);

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
    CHECK(plan.error.find("colonne « nom »") != std::string::npos);
    CHECK(plan.error.find("« courriel », « ville »") != std::string::npos);
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
