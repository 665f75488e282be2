// The core stays GUI-, SQL- and file-free (DESIGN.md §3): nothing under src/core includes ImGui, GLFW, SQLite,
// OpenGL or another layer of Atelier.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

/// Checks that no file under src/LAYER includes anything `forbidden` matches; returns the number of files read.
int checkIncludes(const char* layer, const std::regex& forbidden) {
    const std::filesystem::path dir = std::filesystem::path(ATELIER_SOURCE_DIR) / "src" / layer;
    REQUIRE(std::filesystem::is_directory(dir));
    const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            std::smatch m;
            if (std::regex_search(line, m, include)) {
                const std::string target = m[1];
                INFO(entry.path().string() << ":" << number << " includes " << target);
                CHECK_FALSE(std::regex_search(target, forbidden));
            }
        }
    }
    return files;
}

}  // namespace

TEST_CASE("src/core includes no GUI, SQL or other layer") {
    const std::regex forbidden(R"((imgui|glfw|GLFW|sqlite3|GL/|cereal|nlohmann|^store/|^ui/|^export/|^cli/|fstream))",
                               std::regex::icase);
    CHECK(checkIncludes("core", forbidden) >= 10);
}

TEST_CASE("src/cli includes no GUI: the command line runs without ImGui, GLFW or OpenGL") {
    const std::regex forbidden(R"((imgui|glfw|GLFW|GL/|^ui/|stb_))", std::regex::icase);
    CHECK(checkIncludes("cli", forbidden) >= 10);
}

TEST_CASE("src/net depends on core only: no GUI, no store, no other front-end") {
    const std::regex forbidden(R"((imgui|glfw|GLFW|GL/|sqlite3|cereal|^ui/|^store/|^cli/|^export/|stb_))",
                               std::regex::icase);
    CHECK(checkIncludes("net", forbidden) >= 4);
}
