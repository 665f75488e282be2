#include "cli/args.h"

#include "core/strings.h"

namespace atelier::cli {

bool Args::flag(const std::string& name) {
    for (auto it = args_.begin(); it != args_.end(); ++it)
        if (*it == name) {
            args_.erase(it);
            return true;
        }
    return false;
}

std::optional<std::string> Args::option(const std::string& name) {
    for (auto it = args_.begin(); it != args_.end(); ++it)
        if (*it == name) {
            if (it + 1 == args_.end()) throw UsageError{fmt(Str::CliMissingValue, {name})};
            std::string value = *(it + 1);
            args_.erase(it, it + 2);
            return value;
        }
    return std::nullopt;
}

std::optional<std::string> Args::positional() {
    for (auto it = args_.begin(); it != args_.end(); ++it)
        if (it->rfind("--", 0) != 0) {
            std::string value = *it;
            args_.erase(it);
            return value;
        }
    return std::nullopt;
}

void Args::finish() const {
    if (args_.empty()) return;
    if (args_.front().rfind("-", 0) == 0) throw UsageError{fmt(Str::CliUnknownOption, {args_.front()})};
    throw UsageError{fmt(Str::CliUnknownCommand, {args_.front()})};
}

int parseIntOption(const std::string& option, const std::string& value, int min, int max) {
    long v = 0;
    bool ok = !value.empty() && value.size() <= 9;
    for (char c : value) {
        if (c < '0' || c > '9') ok = false;
        else v = v * 10 + (c - '0');
    }
    if (!ok || v < min || v > max)
        throw UsageError{fmt(Str::CliBadInt, {value, option, std::to_string(min), std::to_string(max)})};
    return static_cast<int>(v);
}

}  // namespace atelier::cli
