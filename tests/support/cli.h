// Running the real `atelier` binary from tests, as a user would, in temporary directories.
#pragma once

#include <filesystem>
#include <string>

namespace atelier::test {

struct CliRun {
    int code = -1;    // exit code (-1 when killed)
    std::string out;  // what it printed (stdout, and stderr unless left out)
};

/// Runs a shell command and captures its standard output.
CliRun capture(const std::string& command);

/// Runs `atelier ARGS` (ARGS as on a shell command line), stdout and stderr together unless `withStderr` is false.
CliRun runAtelier(const std::string& args, bool withStderr = true);

/// Every byte of `file` (empty when missing).
std::string readBytes(const std::filesystem::path& file);

/// `path` between single quotes for the shell.
std::string quoted(const std::filesystem::path& path);

/// A fresh directory, removed with everything in it at the end of the test.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const char* prefix = "atelier-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// `--data 'PATH/data'`, a data directory inside this one.
    std::string data() const;
    /// Writes `bytes` to PATH/name and returns the quoted path.
    std::string write(const std::string& name, const std::string& bytes) const;
    /// The bytes of PATH/name (empty when missing).
    std::string read(const std::string& name) const;
};

}  // namespace atelier::test
