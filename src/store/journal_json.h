// The journal's JSON, written without cereal: the same serialize functions (serialize.h) drive a small writer that
// appends straight to a string. Its bytes are the ones cereal's JSONOutputArchive (NoIndent) writes — every journal
// already on disk was written by it and is read back by it (codec.cpp) — at a third of the cost: an import of
// 60,000 registrations writes 120,000 payloads (issue 13). The rules it follows, from what cereal writes:
//   - one token a line, no indentation: `{`, `"key": value`, `,` at the end of every line but the last of a block;
//     an empty array or object is `[]` or `{}`;
//   - every class opens with its `"cereal_class_version"`, the first time that class is written in one payload
//     only;
//   - `bool`, `int`, `unsigned`, `std::int64_t`, `std::uint64_t` are numbers, and `long` where it is 32 bits; counts
//     held in a `long long` are quoted ("4") through asCount (serialize.h), and a bare `long long` does not compile;
//   - `std::optional` is `{"nullopt": …, "data": …}`, `std::pair` `{"first": …, "second": …}`;
//   - strings escape `"`, `\`, and the control characters (`\n`, `\t`, `\b`, `\f`, `\r`, else `\u00XX` in upper
//     case); other bytes, UTF-8 included, are written as they are.
// tests/store/journal_format_test.cpp holds it to the bytes of every action; tests/store/journal_json_test.cpp to
// cereal's output on random actions.
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include <cereal/details/helpers.hpp>
#include <cereal/details/traits.hpp>

#include "store/serialize.h"

namespace atelier::store {

class JournalJsonWriter : public cereal::traits::TextArchive {  // a text archive: counts go in quotes
public:
    explicit JournalJsonWriter(std::string& out) : out_(out) {}

    /// The root object, holding one named value: `{"action": …}` for a journal entry.
    template <class T>
    void root(const char* name, const T& value) {
        open('{');
        key(name);
        write(value);
        close('}');
    }

    /// What serialize functions call: `ar(cereal::make_nvp("id", x), …)`.
    template <class... Ts>
    void operator()(Ts&&... values) {
        (named(std::forward<Ts>(values)), ...);
    }

private:
    struct Frame {
        int count = 0;
    };

    template <class T>
    void named(const cereal::NameValuePair<T>& nvp) {
        key(nvp.name);
        write(nvp.value);
    }

    void separate() {
        Frame& f = frames_.back();
        out_ += f.count++ ? ",\n" : "\n";
    }
    void key(const char* name) {
        separate();
        out_ += '"';
        out_ += name;  // our keys are plain ASCII names
        out_ += "\": ";
    }
    void open(char c) {
        out_ += c;
        frames_.push_back(Frame{});
    }
    void close(char c) {
        if (frames_.back().count) out_ += '\n';
        out_ += c;
        frames_.pop_back();
    }

    template <class T>
    void number(T value) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        out_.append(buffer, end);
    }
    void string(std::string_view s);

    /// The class version, written the first time a class appears in this payload.
    template <class T>
    void version() {
        const std::type_info* type = &typeid(T);
        for (const std::type_info* seen : versioned_)
            if (*seen == *type) return;
        versioned_.push_back(type);
        key("cereal_class_version");
        number(static_cast<std::uint32_t>(cereal::detail::Version<T>::version));
    }

    template <class T>
    void write(const T& value) {
        if constexpr (std::is_same_v<T, bool>) {
            out_ += value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, unsigned> ||
                             std::is_same_v<T, std::int64_t> || std::is_same_v<T, std::uint64_t>) {
            number(value);
        } else if constexpr ((std::is_same_v<T, long> || std::is_same_v<T, unsigned long>) && sizeof(T) == 4) {
            number(value);  // a 32-bit long (Windows): a number, as cereal writes it
        } else if constexpr (std::is_same_v<T, long long> || std::is_same_v<T, unsigned long long>) {
            // cereal quotes a `long long` only where it is not std::int64_t (Linux): a count goes through asCount
            // (serialize.h), quoted on every platform, or Windows writes other bytes than Linux.
            static_assert(sizeof(T) == 0, "a long long field: write it through asCount (serialize.h)");
        } else if constexpr (std::is_same_v<T, std::string>) {
            string(value);
        } else if constexpr (requires { save_minimal(*this, value); }) {
            string(save_minimal(*this, value));  // enumerations as their keys, dates as ISO strings
        } else if constexpr (requires(const T& o) { o.has_value(); *o; }) {  // std::optional
            open('{');
            key("nullopt");
            write(!value.has_value());
            if (value) {
                key("data");
                write(*value);
            }
            close('}');
        } else if constexpr (requires(const T& p) { p.first; p.second; }) {  // std::pair
            open('{');
            key("first");
            write(value.first);
            key("second");
            write(value.second);
            close('}');
        } else if constexpr (requires(const T& v) { v.begin(); v.end(); typename T::value_type; }) {  // std::vector
            open('[');
            for (const auto& element : value) {
                separate();
                write(element);
            }
            close(']');
        } else if constexpr (requires(JournalJsonWriter& w) { save(w, value, std::uint32_t{}); }) {
            open('{');
            version<T>();
            save(*this, value, cereal::detail::Version<T>::version);
            close('}');
        } else if constexpr (requires(JournalJsonWriter& w, T& v) { serialize(w, v, std::uint32_t{}); }) {
            open('{');
            version<T>();
            serialize(*this, const_cast<T&>(value), cereal::detail::Version<T>::version);  // serialize only reads here
            close('}');
        } else {
            static_assert(sizeof(T) == 0, "the journal has no JSON form for this type: add it here and to the tests");
        }
    }
    template <class T>
    void write(const EnumAsKey<T>& wrapped) {
        string(enumKey(wrapped.value));
    }

    std::string& out_;
    std::vector<Frame> frames_;
    std::vector<const std::type_info*> versioned_;
};

}  // namespace atelier::store
