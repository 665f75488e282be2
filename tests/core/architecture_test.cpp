// The core stays GUI-, SQL- and file-free (DESIGN.md §3): nothing under src/core includes ImGui, GLFW, SQLite,
// OpenGL or another layer of Atelier.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

TEST_CASE("src/core includes no GUI, SQL or other layer") {
    const std::filesystem::path core = std::filesystem::path(ATELIER_SOURCE_DIR) / "src" / "core";
    REQUIRE(std::filesystem::is_directory(core));
    const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    const std::regex forbidden(R"((imgui|glfw|GLFW|sqlite3|GL/|cereal|nlohmann|^store/|^ui/|^export/|^cli/|fstream))",
                               std::regex::icase);
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
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
    CHECK(files >= 10);
}
