// territoire, import inscriptions, tarifs, emargement, etat-frais: run as a user would.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out;
};

Run run(const std::string& args) {
    const std::string command = std::string(ATELIER_BINARY) + " " + args + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("atelier-reseau-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    /// A path between single quotes for the shell (built in steps: GCC 12 warns falsely on one long concatenation).
    static std::string quoted(const fs::path& p) {
        std::string out = "'";
        out += p.string();
        out += '\'';
        return out;
    }
    std::string data() const { return "--data " + quoted(path / "data"); }
    std::string write(const char* name, const std::string& bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return quoted(path / name);
    }
    std::string read(const char* name) const {
        std::ifstream in(path / name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

const std::string kExcelExport =  // Windows-1252, `;`, CRLF: what Excel in French saves
    "Nom;Pr\xe9nom;Courriel;Cit\xe9;Structure;Fonction\r\n"
    "Lef\xe8vre;Zo\xe9;zoe@ac-amiens.fr;Amiens;Rectorat;Copilote\r\n"
    "Dupont;Marc;marc@arras.fr;Arras;Mairie d'Arras;Chef de projet\r\n"
    ";;x@y.fr;Lens;;\r\n"
    "Morel;Anne;a.morel@hirson.fr;Hirson;Association;\r\n"
    "DUPONT;Marc;MARC@ARRAS.FR;Arras;;\r\n";

}  // namespace

TEST_CASE("atelier territoire sets a membership, creating the territory when missing") {
    TempDir dir;
    Run r = run(dir.data() + " territoire Arras --adherent non");
    CHECK(r.code == 0);
    CHECK(r.out.find("Arras : Non adhérent.") != std::string::npos);
    r = run(dir.data() + " territoire 'Hénin-Beaumont' --adherent oui");
    CHECK(r.code == 0);
    CHECK(r.out.find("territoire créé") != std::string::npos);
    r = run(dir.data() + " territoire Lens --adherent peut-être");
    CHECK(r.code == 2);
    CHECK(r.out.find("n'est pas une adhésion possible") != std::string::npos);
    r = run(dir.data() + " territoire --adherent oui");
    CHECK(r.code == 2);
}

TEST_CASE("atelier import inscriptions reads an Excel export and reports every line") {
    TempDir dir;
    REQUIRE(run(dir.data() + " territoire Arras --adherent non").code == 0);
    const Run r = run(dir.data() + " import inscriptions --etape 1 " + dir.write("inscriptions.csv", kExcelExport));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("5 ligne(s) lue(s) : 3 importée(s), 1 fusionnée(s)") != std::string::npos);
    CHECK(r.out.find("1 rejetée(s) ; 3 inscription(s) ajoutée(s)") != std::string::npos);
    CHECK(r.out.find("ligne 4 : le nom manque") != std::string::npos);
    CHECK(r.out.find("Territoires créés (adhésion à vérifier) : Hirson") != std::string::npos);

    const Run fees = run(dir.data() + " tarifs --etape 1 --json");
    REQUIRE(fees.code == 0);
    const auto j = nlohmann::json::parse(fees.out);
    CHECK(j["etape"] == 1);
    REQUIRE(j["lignes"].size() == 3);
    CHECK(j["lignes"][0]["nom"] == "Zoé Lefèvre");
    CHECK(j["lignes"][0]["motif"] == "agent de l'État");
    CHECK(j["lignes"][1]["nom"] == "Marc Dupont");
    CHECK(j["lignes"][1]["montant_eur"] == 150.0);
    CHECK(j["lignes"][2]["montant_eur"].is_null());  // Hirson: membership à vérifier
    CHECK(j["total_eur"] == 150.0);
    CHECK(j["a_verifier"] == 1);

    const Run badDir = run(dir.data() + " emargement --etape 1 --out " + TempDir::quoted(dir.path / "nulle-part" / "e.html"));
    CHECK(badDir.code == 1);
    CHECK(badDir.out.find("Impossible d'écrire") != std::string::npos);
    const Run sheet = run(dir.data() + " emargement --etape 1 --out " + TempDir::quoted(dir.path / "emargement.html"));
    CHECK(sheet.code == 0);
    const std::string html = dir.read("emargement.html");
    CHECK(html.find("Feuille d&#39;émargement") != std::string::npos);
    CHECK(html.find("Zoé Lefèvre") != std::string::npos);
    const Run statement = run(dir.data() + " etat-frais --etape 1 --out " + TempDir::quoted(dir.path / "frais.html"));
    CHECK(statement.code == 0);
    CHECK(dir.read("frais.html").find("Montants à vérifier (1)") != std::string::npos);
}

TEST_CASE("unreadable imports and missing options say what to fix") {
    TempDir dir;
    Run r = run(dir.data() + " import inscriptions --etape 1 " + TempDir::quoted(dir.path / "absent.csv"));
    CHECK(r.code == 1);
    CHECK(r.out.find("Impossible d'ouvrir") != std::string::npos);
    r = run(dir.data() + " import inscriptions --etape 1 " + dir.write("sans-nom.csv", "courriel;ville\na@b.fr;Lens\n"));
    CHECK(r.code == 1);
    CHECK(r.out.find("colonne « nom »") != std::string::npos);
    r = run(dir.data() + " import inscriptions --etape 1 " + dir.write("vide.csv", ""));
    CHECK(r.code == 1);
    CHECK(r.out.find("vide") != std::string::npos);
    r = run(dir.data() + " import inscriptions " + dir.write("a.csv", "nom\nA\n"));
    CHECK(r.code == 2);
    CHECK(r.out.find("--etape N") != std::string::npos);
    r = run(dir.data() + " tarifs --etape 7");
    CHECK(r.code == 1);
    CHECK(r.out.find("Aucune étape numéro 7") != std::string::npos);
    r = run(dir.data() + " emargement --etape 1");
    CHECK(r.code == 2);
    CHECK(r.out.find("--out") != std::string::npos);
    r = run(dir.data() + " import contacts --etape 1 x.csv");
    CHECK(r.code == 2);
}
