#include "support/cli.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <sys/wait.h>

namespace atelier::test {

CliRun capture(const std::string& command) {
    CliRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

CliRun runAtelier(const std::string& args, bool withStderr) {
    return capture(std::string(ATELIER_BINARY) + " " + args + (withStderr ? " 2>&1" : " 2>/dev/null"));
}

std::string quoted(const std::filesystem::path& path) {
    std::string out = "'";
    out += path.string();
    out += '\'';
    return out;
}

TempDir::TempDir(const char* prefix) {
    std::random_device rd;
    std::string name = prefix;
    name += '-';
    name += std::to_string(rd());
    name += std::to_string(rd());
    path = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ignored;  // a destructor does not throw: what cannot be removed stays in /tmp
    std::filesystem::remove_all(path, ignored);
}

std::string TempDir::data() const { return "--data " + quoted(path / "data"); }

std::string TempDir::write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return quoted(path / name);
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string TempDir::read(const std::string& name) const { return readBytes(path / name); }

}  // namespace atelier::test
