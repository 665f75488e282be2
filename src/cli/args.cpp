#include "cli/args.h"

#include "core/strings.h"
#include "core/text.h"

namespace atelier::cli {

namespace {
/// `value` as a message shows it: bytes that are not UTF-8 written \xFF.
std::string shown(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    size_t i = 0;
    while (i < value.size()) {
        size_t next = i + 1;
        while (next < value.size() && (static_cast<unsigned char>(value[next]) & 0xC0) == 0x80) ++next;
        const std::string_view piece = value.substr(i, next - i);
        if (isValidUtf8(piece)) {
            out += piece;
        } else {
            for (unsigned char c : piece) {
                out += "\\x";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            }
        }
        i = next;
    }
    return out;
}

/// The one text rule (core/text.h) for what the command line gives: UTF-8, no control character.
const std::string& checked(const std::string& name, const std::string& value) {
    if (!isValidUtf8(value)) throw UsageError{fmt(Str::CliArgNotUtf8, {name, shown(value)})};
    if (const auto cp = controlCharacter(value)) throw UsageError{fmt(Str::CliArgControl, {name, codePointName(*cp)})};
    return value;
}
}  // namespace

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
            std::string value = checked(name, *(it + 1));
            args_.erase(it, it + 2);
            for (const std::string& rest : args_)
                if (rest == name) throw UsageError{fmt(Str::CliRepeatedOption, {name})};
            return value;
        }
    return std::nullopt;
}

std::vector<std::string> Args::options(const std::string& name) {
    std::vector<std::string> values;
    for (auto it = args_.begin(); it != args_.end();) {
        if (*it != name) {
            ++it;
            continue;
        }
        if (it + 1 == args_.end()) throw UsageError{fmt(Str::CliMissingValue, {name})};
        values.push_back(checked(name, *(it + 1)));
        it = args_.erase(it, it + 2);
    }
    return values;
}

std::optional<std::string> Args::positional() {
    for (auto it = args_.begin(); it != args_.end(); ++it)
        if (it->rfind("--", 0) != 0) {
            std::string value = checked(tr(Str::CliArgWord), *it);
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
