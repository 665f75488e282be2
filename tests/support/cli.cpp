#include "support/cli.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#ifdef _WIN32
#include <windows.h>
#else
#include <sys/wait.h>
#endif

namespace atelier::test {

#ifdef _WIN32
// Windows (the suites under Wine): cmd.exe runs the command; the tests' POSIX redirections are translated, the
// command is passed as UTF-16 (paths with accents) and wrapped in one more pair of quotes, which cmd /c removes.
namespace {
/// The POSIX shell's quoting as cmd.exe and the C runtime read it: 'text' becomes "text", \' an apostrophe, and a
/// double quote inside single quotes \".
std::string windowsQuoting(const std::string& posix) {
    std::string out;
    enum { None, Single, Double } state = None;
    for (size_t i = 0; i < posix.size(); ++i) {
        const char c = posix[i];
        if (state == None) {
            if (c == '\\' && i + 1 < posix.size() && posix[i + 1] == '\'') {
                out += '\'';
                ++i;
            } else if (c == '\'') {
                out += '"';
                state = Single;
            } else {
                if (c == '"') state = Double;
                out += c;
            }
        } else if (state == Single) {
            if (c == '\'') {
                out += '"';
                state = None;
            } else if (c == '"') {
                out += "\\\"";
            } else {
                out += c;
            }
        } else {
            if (c == '\\' && i + 1 < posix.size() && posix[i + 1] == '"') {
                out += "\\\"";
                ++i;
            } else {
                if (c == '"') state = None;
                out += c;
            }
        }
    }
    return out;
}
}  // namespace

CliRun capture(const std::string& posixCommand) {
    std::string command = windowsQuoting(posixCommand);
    for (const std::string from : {"2>/dev/null", ">/dev/null"}) {
        for (size_t at = command.find(from); at != std::string::npos; at = command.find(from, at))
            command.replace(at, from.size(), from[0] == '2' ? "2>NUL" : ">NUL");
    }
    command = "\"" + command + "\"";
    std::wstring wide(static_cast<size_t>(::MultiByteToWideChar(CP_UTF8, 0, command.c_str(), -1, nullptr, 0)), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, command.c_str(), -1, wide.data(), static_cast<int>(wide.size()));
    CliRun r;
    FILE* pipe = ::_wpopen(wide.c_str(), L"rb");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    r.code = ::_pclose(pipe);
    // The console's line ends are CRLF on Windows (stdout in text mode): the tests compare lines.
    for (size_t at = r.out.find("\r\n"); at != std::string::npos; at = r.out.find("\r\n", at)) r.out.erase(at, 1);
    return r;
}

CliRun runAtelier(const std::string& args, bool withStderr) {
    return capture(quoted(ATELIER_BINARY) + " " + args + (withStderr ? " 2>&1" : " 2>/dev/null"));
}

std::string quoted(const std::filesystem::path& path) { return "\"" + path.string() + "\""; }
#else
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
#endif

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
