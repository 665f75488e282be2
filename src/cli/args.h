// Arguments of a subcommand, consumed as they are read so that leftovers are reported as unknown.
#pragma once

#include "core/assert.h"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enums.h"

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
    /// The value after `--name` (consumed), or nullopt when absent; UsageError when the value is missing, is not
    /// text (core/text.h's rule) or when `--name` is given twice.
    std::optional<std::string> option(const std::string& name);
    /// Every value of `--name` given several times (consumed), in order: the options that may repeat (--photo).
    std::vector<std::string> options(const std::string& name);
    /// The next word that is not an option (consumed), or nullopt.
    std::optional<std::string> positional();
    /// UsageError on anything not consumed.
    void finish() const;

private:
    std::vector<std::string> args_;
};

/// Parses a whole number in [min, max]; UsageError naming `option` otherwise.
int parseIntOption(const std::string& option, const std::string& value, int min, int max);

/// A word the command line accepts for a value of an enumeration, given as the value's storage key (core/enums.h):
/// the CLI's own words (« oui » for "adherent") sit beside enumFromKey instead of repeating the values.
struct EnumWord {
    std::string_view word;
    std::string_view key;
};

/// The value `word` stands for in `words`; nullopt when it is none of them.
template <class E, size_t N>
std::optional<E> enumFromWord(std::string_view word, const EnumWord (&words)[N]) {
    for (const EnumWord& w : words)
        if (w.word == word) {
            const std::optional<E> value = enumFromKey<E>(w.key);
            ATELIER_ASSERT(value, "EnumWord names a key that core/enums.h does not have");
            return value;
        }
    return std::nullopt;
}

}  // namespace atelier::cli
