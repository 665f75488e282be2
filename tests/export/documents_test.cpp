#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "export/documents.h"
#include "export/html.h"
#include "support/fixtures.h"

using namespace atelier;

namespace {

/// Étape 1 with: Nadia (Amiens, à vérifier), a non-member from Arras for two days of a regional day, a State agent
/// from Arras, a member from Lille whose name tries to inject HTML.
struct Fixture {
    Session s = test::tourSession();
    Id e1 = s.model().etapeByNumber(1)->id;
    Fixture() {
        REQUIRE(s.apply(UpdateSettings{Settings{"IREV", "Gwendoline Le Coat", "g.lecoat@irev.fr", "03 20 25 61 53"}}).ok);
        EtapeHeader h = s.model().etape(e1)->header;
        h.days = 2;
        REQUIRE(s.apply(UpdateEtape{e1, h}).ok);
        add("Nadia Benali", "Amiens", Institution::Collectivite, 1, true);
        add("Marc Dupont", "Arras", Institution::Collectivite, 2);
        add("Chloé Martin", "Arras", Institution::EducationNationale, 1);
        add("<script>alert('x')</script> & Cie", "Lille", Institution::Association, 1);
    }
    void add(const char* name, const char* territory, Institution institution, int days, bool existing = false) {
        Id person;
        if (existing) {
            person = s.model().people.front().id;
        } else {
            REQUIRE(s.apply(AddPerson{Person{0, name, "", s.model().territoryByName(territory)->id, institution}}).ok);
            person = s.model().people.back().id;
        }
        REQUIRE(s.apply(AddRegistration{e1, Registration{0, person, days}}).ok);
    }
    const Etape& etape() { return *s.model().etape(e1); }
};

}  // namespace

TEST_CASE("HTML escaping of everything users type") {
    CHECK(exporting::escape("<a href=\"x\">l'été & co</a>") ==
          "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;");
}

TEST_CASE("the attendance sheet lists every registered person with two signature columns") {
    Fixture f;
    for (const Person& p : f.s.model().people)
        if (p.name == "Chloé Martin") {  // her structure and function as typed at registration (issue 11)
            Person c = p;
            c.structure = "Collège <Jean Jaurès>";
            c.function = "Principale adjointe";
            REQUIRE(f.s.apply(UpdatePerson{c}).ok);
            break;
        }
    const std::string html = exporting::attendanceSheetHtml(f.s.model(), f.etape());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(html.find("size: A4") != std::string::npos);
    CHECK(html.find("Feuille d&#39;émargement") != std::string::npos);
    CHECK(html.find("mardi 11 février 2020") != std::string::npos);
    CHECK(html.find("Collège César Franck, 1 rue César Franck, Amiens") != std::string::npos);
    CHECK(html.find("Animation\u00a0: Gwendoline Le Coat") != std::string::npos);
    CHECK(html.find("Signature matin") != std::string::npos);
    CHECK(html.find("Signature après-midi") != std::string::npos);
    CHECK(html.find("<th>Structure, fonction</th><th>Institution</th>") != std::string::npos);
    CHECK(html.find("<td>Marc Dupont</td><td>Arras</td><td></td><td>Collectivité</td>") != std::string::npos);
    CHECK(html.find("<td>Chloé Martin</td><td>Arras</td><td>Collège &lt;Jean Jaurès&gt;, Principale adjointe</td>"
                    "<td>Éducation nationale</td>") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Cie") != std::string::npos);
    CHECK(html.find("g.lecoat@irev.fr") != std::string::npos);
    CHECK(html.find("03 20 25 61 53") != std::string::npos);
    // Sorted by last name, as a signing sheet is read: Benali, Dupont, Martin.
    CHECK(html.find("Nadia Benali") < html.find("Marc Dupont"));
    CHECK(html.find("Marc Dupont") < html.find("Chloé Martin"));
    // The blank rows for walk-ins stay together on one page.
    CHECK(html.find("<tbody class=\"blank\">") != std::string::npos);
}

TEST_CASE("the fee statement: non-member territories, total, amounts to check") {
    Fixture f;
    const std::string html = exporting::feeStatementHtml(f.s.model(), f.etape());
    CHECK(html.find("État des frais de participation") != std::string::npos);
    // Arras: 2 people (one State agent, free), 3 days, 300 € (Marc, two days).
    CHECK(html.find("<td>Arras</td><td class=\"num\">2</td><td class=\"num\">3</td><td class=\"num\">300\u00a0€</td>") !=
          std::string::npos);
    CHECK(html.find("<td>Lille</td>") == std::string::npos);  // member: nothing due
    CHECK(html.find("Montants à vérifier (1)") != std::string::npos);
    CHECK(html.find("<td>Nadia Benali</td><td>Amiens</td>") != std::string::npos);
    CHECK(html.find("Total</td><td class=\"num\">300\u00a0€") != std::string::npos);
}

TEST_CASE("fees as JSON: amounts in euros, null when unknown, the reason") {
    Fixture f;
    const auto j = nlohmann::json::parse(exporting::feesJson(f.s.model(), f.etape()));
    CHECK(j["etape"] == 1);
    CHECK(j["total_eur"] == 300.0);
    CHECK(j["a_verifier"] == 1);
    REQUIRE(j["lignes"].size() == 4);
    CHECK(j["lignes"][0]["nom"] == "Nadia Benali");
    CHECK(j["lignes"][0]["montant_eur"].is_null());
    CHECK(j["lignes"][0]["motif"] == "à vérifier");
    CHECK(j["lignes"][1]["montant_eur"] == 300.0);
    CHECK(j["lignes"][1]["motif"] == "non adhérent");
    CHECK(j["lignes"][2]["motif"] == "agent de l'État");
    CHECK(j["lignes"][3]["motif"] == "adhérent");
    CHECK(j["lignes"][3]["territoire"] == "Lille");
    CHECK(j["lignes"][3]["institution"] == "Association");
}

TEST_CASE("documentFileName: etape-N-kind.html, the name the documents folder uses") {
    const Session s = test::tourSession();
    const Etape& e = *s.model().etapeByNumber(1);
    CHECK(exporting::documentFileName(e, "emargement") == "etape-1-emargement.html");
    CHECK(exporting::documentFileName(e, "groupes") == "etape-1-groupes.html");
}
