// `atelier tally FILE.json [--json]`, run as a user would: the real binary, temporary vote files, exit codes,
// the JSON shape and the French messages. The command never opens (nor creates) the database.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out;  // stdout only
    std::string all;  // stdout and stderr together
};

std::string capture(const std::string& command, int& code) {
    const atelier::test::CliRun r = atelier::test::capture(command);
    code = r.code;
    return r.out;
}

/// Vote files in a fresh directory, and a data directory inside it that the command must not create.
struct Workdir {
    fs::path path;
    Workdir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("atelier-tally-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~Workdir() { fs::remove_all(path); }
    fs::path data() const { return path / "data"; }

    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }

    Run run(const std::string& args) const {
        const std::string base = std::string(ATELIER_BINARY) + " --data '" + data().string() + "' " + args;
        Run r;
        int ignored = 0;
        r.out = capture(base + " 2>/dev/null", r.code);
        r.all = capture(base + " 2>&1", ignored);
        return r;
    }

    /// Runs `tally` on `text` written to a file.
    Run tally(const std::string& text, const std::string& flags = "") const {
        return run("tally '" + write("vote.json", text) + "'" + flags);
    }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kTennessee = R"({
  "method": "borda",
  "options": ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
  "ballots": [
    {"count": 42, "ranking": ["Memphis", "Nashville", "Chattanooga", "Knoxville"]},
    {"count": 26, "ranking": ["Nashville", "Chattanooga", "Knoxville", "Memphis"]},
    {"count": 15, "ranking": ["Chattanooga", "Knoxville", "Nashville", "Memphis"]},
    {"count": 17, "ranking": ["Knoxville", "Chattanooga", "Nashville", "Memphis"]}
  ]
})";

}  // namespace

TEST_CASE("tally --json: Borda on the Tennessee capital, without touching the database") {
    Workdir dir;
    const Run r = dir.tally(kTennessee, " --json");
    INFO(r.all);
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    CHECK(j["ranking"] == json::parse(R"([["Nashville"], ["Chattanooga"], ["Memphis"], ["Knoxville"]])"));
    CHECK(j["scores"] == json::parse(R"({"Nashville": 194, "Chattanooga": 173, "Memphis": 126, "Knoxville": 107})"));
    CHECK(j["ballots"] == 100);
    CHECK_FALSE(j.contains("pairwise"));
    CHECK_FALSE(j.contains("merit_profile"));
    CHECK_FALSE(fs::exists(dir.data()));
}

TEST_CASE("tally without --json prints the tiers and scores in French") {
    Workdir dir;
    const Run r = dir.tally(kTennessee);
    INFO(r.all);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "Méthode de Borda — 100 bulletins, 4 options"));
    CHECK(contains(r.out, "Classement\u00a0:"));
    CHECK(contains(r.out, "  1. Nashville\n"));
    CHECK(contains(r.out, "  4. Knoxville\n"));
    CHECK(contains(r.out, "Nashville\u00a0: 194 points"));
    CHECK(r.out.find("Nashville\u00a0: 194") < r.out.find("Chattanooga\u00a0: 173"));
}

TEST_CASE("tally --json: Schulze adds the pairwise matrix and the strongest paths, ties as one tier") {
    Workdir dir;
    const Run r = dir.tally(R"({"method": "schulze", "options": ["A", "B", "C"], "ballots": [
        {"ranking": ["A", "B", "C"]}, {"ranking": ["B", "C", "A"]}, {"ranking": ["C", "A", "B"]}]})",
                            " --json");
    INFO(r.all);
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    CHECK(j["ranking"] == json::parse(R"([["A", "B", "C"]])"));
    CHECK(j["ballots"] == 3);
    CHECK(j["pairwise"]["A"]["B"] == 2);
    CHECK(j["pairwise"]["A"]["C"] == 1);
    CHECK(j["pairwise"]["C"]["A"] == 2);
    CHECK(j["strongest_paths"]["A"]["C"] == 2);
    CHECK_FALSE(j["pairwise"]["A"].contains("A"));

    const Run text = dir.tally(R"({"method": "schulze", "options": ["A", "B", "C"], "ballots": [
        {"ranking": ["A", "B", "C"]}, {"ranking": ["B", "C", "A"]}, {"ranking": ["C", "A", "B"]}]})");
    CHECK(contains(text.out, "1. A = B = C (ex æquo)"));
}

TEST_CASE("tally --json: majority judgment adds the merit profile and the medians") {
    Workdir dir;
    const Run r = dir.tally(R"({"method": "majority", "options": ["Leviers", "Freins"], "ballots": [
        {"count": 3, "grades": {"Leviers": "Bien", "Freins": "Passable"}},
        {"count": 2, "grades": {"Leviers": "Insuffisant", "Freins": "Excellent"}},
        {"grades": {"Freins": "Très bien"}}]})",
                            " --json");
    INFO(r.all);
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    // Leviers: 1 À rejeter (not graded), 2 Insuffisant, 3 Bien → lower median of 6 (index 2): Insuffisant.
    // Freins: 3 Passable, 1 Très bien, 2 Excellent → index 2: Passable. Freins first.
    CHECK(j["ranking"] == json::parse(R"([["Freins"], ["Leviers"]])"));
    CHECK(j["ballots"] == 6);
    CHECK(j["medians"]["Leviers"] == "Insuffisant");
    CHECK(j["medians"]["Freins"] == "Passable");
    CHECK(j["merit_profile"]["Leviers"]["À rejeter"] == 1);
    CHECK(j["merit_profile"]["Leviers"]["Bien"] == 3);
    CHECK(j["merit_profile"]["Freins"]["Excellent"] == 2);
    CHECK(j["grades"].size() == 7);
    CHECK(j["grades"][0] == "À rejeter");

    // An edited scale.
    const Run custom = dir.tally(R"({"method": "majority", "options": ["A", "B"], "grades": ["Non", "Oui"],
        "ballots": [{"grades": {"A": "Oui", "B": "Non"}}]})",
                                 " --json");
    REQUIRE(custom.code == 0);
    CHECK(json::parse(custom.out)["medians"]["A"] == "Oui");
}

TEST_CASE("tally --json: dot voting and approval, a show of hands as a ballot with a count") {
    Workdir dir;
    Run r = dir.tally(R"({"method": "dot", "options": ["A", "B", "C"], "dots_per_voter": 3,
        "ballots": [{"dots": {"A": 2, "C": 1}}, {"count": 12, "dots": {"B": 1}}]})",
                      " --json");
    INFO(r.all);
    REQUIRE(r.code == 0);
    json j = json::parse(r.out);
    CHECK(j["scores"] == json::parse(R"({"A": 2, "B": 12, "C": 1})"));
    CHECK(j["ranking"] == json::parse(R"([["B"], ["A"], ["C"]])"));
    CHECK(j["ballots"] == 13);

    r = dir.tally(R"({"method": "approval", "options": ["A", "B", "C"],
        "ballots": [{"approve": ["A", "B"]}, {"count": 2, "approve": ["B"]}, {"approve": []}]})",
                  " --json");
    REQUIRE(r.code == 0);
    j = json::parse(r.out);
    CHECK(j["scores"] == json::parse(R"({"A": 1, "B": 3, "C": 0})"));
    CHECK(j["ranking"] == json::parse(R"([["B"], ["A"], ["C"]])"));
    CHECK(j["ballots"] == 4);
}

TEST_CASE("tally refuses bad input with a French message naming the ballot, exit code 1") {
    Workdir dir;
    struct Case {
        const char* input;
        const char* message;
    };
    const Case cases[] = {
        {R"({"method": "borda", "options": ["A", "B"]  "ballots": []})", "n'est pas du JSON valide (ligne 1"},
        {R"({"method": "approval", "options": ["A", "B"], "ballots": [{"approve": ["A"]}, {"approve": ["Z"]}]})",
         "Bulletin 2\u00a0: l'option «\u00a0Z\u00a0» n'existe pas. Options possibles\u00a0: A, B."},
        {R"({"method": "majority", "options": ["A", "B"], "ballots": [{"grades": {"A": "Génial"}}]})",
         "Bulletin 1\u00a0: la mention «\u00a0Génial\u00a0» donnée à «\u00a0A\u00a0» n'est pas dans l'échelle"},
        {R"({"method": "dot", "options": ["A", "B"], "dots_per_voter": 3,
             "ballots": [{"dots": {"A": 1}}, {"dots": {"A": 1}}, {"dots": {"A": 2, "B": 2}}]})",
         "Bulletin 3\u00a0: 4 points distribués pour 3 par votant\u00a0: retirez-en 1."},
        {R"({"method": "dot", "options": ["A", "B"], "dots_per_voter": 3, "max_dots_per_option": 1,
             "ballots": [{"dots": {"A": 2}}]})",
         "Bulletin 1\u00a0: «\u00a0A\u00a0» reçoit 2 points alors que le plafond par option est de 1."},
        {R"({"method": "schulze", "options": ["A", "B", "C"], "ballots": [{"ranking": ["A", "B", "A"]}]})",
         "Bulletin 1\u00a0: «\u00a0A\u00a0» apparaît deux fois"},
        {R"({"method": "condorcet", "options": ["A", "B"], "ballots": []})",
         "Mode de scrutin inconnu\u00a0: «\u00a0condorcet\u00a0»"},
        {R"({"method": "borda", "options": ["A", "B"], "ballots": [{"count": 0, "ranking": ["A"]}]})",
         "Bulletin 1\u00a0: le nombre de voix doit être un entier de 1 à"},
        {R"({"method": "borda", "options": ["A", "B"], "ballots": [{"count": -3, "ranking": ["A"]}]})",
         "(lu\u00a0: -3)"},
        {R"({"method": "borda", "options": ["A"], "ballots": []})", "au moins 2 options"},
        {R"({"method": "borda", "options": ["A", "A"], "ballots": []})", "«\u00a0A\u00a0» figure deux fois"},
        {R"({"method": "borda", "options": ["A", "B"], "ballots": [{"approve": ["A"]}]})",
         "Bulletin 1\u00a0: champ «\u00a0approve\u00a0» inattendu pour le mode «\u00a0borda\u00a0»"},
        {R"({"method": "approval", "options": ["A", "B"], "ballots": [{"count": 2}]})",
         "Bulletin 1\u00a0: il manque le champ «\u00a0approve\u00a0»"},
        {R"({"method": "dot", "options": ["A", "B"], "ballots": []})", "Il manque le champ «\u00a0dots_per_voter\u00a0»"},
        {R"({"method": "borda", "options": ["A", "B"], "dots_per_voter": 2, "ballots": []})",
         "Champ «\u00a0dots_per_voter\u00a0» inattendu pour le mode «\u00a0borda\u00a0»"},
        {R"(["A", "B"])", "Le fichier doit contenir un objet JSON"},
    };
    for (const Case& c : cases) {
        const Run r = dir.tally(c.input);
        INFO(c.input);
        INFO(r.all);
        CHECK(r.code == 1);
        CHECK(contains(r.all, c.message));
        CHECK(r.out.empty());  // the message goes to stderr
    }
    const Run missing = dir.run("tally '" + (dir.path / "absent.json").string() + "'");
    CHECK(missing.code == 1);
    CHECK(contains(missing.all, "Impossible de lire"));
    CHECK_FALSE(fs::exists(dir.data()));
}

TEST_CASE("tally: a malformed command line exits 2 with the usage") {
    Workdir dir;
    Run r = dir.run("tally");
    CHECK(r.code == 2);
    CHECK(contains(r.all, "Indiquez le fichier du vote"));
    CHECK(contains(r.all, "Usage\u00a0: atelier"));
    CHECK(contains(r.all, "tally FICHIER.json [--json]"));

    const std::string file = dir.write("vote.json", kTennessee);
    r = dir.run("tally '" + file + "' --xml");
    CHECK(r.code == 2);
    CHECK(contains(r.all, "Option inconnue\u00a0: «\u00a0--xml\u00a0»"));
}
