// Arguments of a subcommand, consumed as they are read so that leftovers are reported as unknown.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace atelier::cli {

/// A malformed command line: printed with the usage, exit code 2.
struct UsageError {
    std::string message;
};

/// A command that cannot do its work (unknown étape, unreadable file…): the message is printed, exit code 1.
struct CommandError {
    std::string message;
};

class Args {
public:
    explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}

    /// True (and consumed) when `--flag` is present.
    bool flag(const std::string& name);
    /// The value after `--name` (consumed), or nullopt when absent; UsageError when the value is missing.
    std::optional<std::string> option(const std::string& name);
    /// The next word that is not an option (consumed), or nullopt.
    std::optional<std::string> positional();
    /// UsageError on anything not consumed.
    void finish() const;

private:
    std::vector<std::string> args_;
};

/// Parses a whole number in [min, max]; UsageError naming `option` otherwise.
int parseIntOption(const std::string& option, const std::string& value, int min, int max);

}  // namespace atelier::cli
