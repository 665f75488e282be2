// StringJSONOutputArchive: cereal's JSONOutputArchive writing into a std::string instead of a std::ostream, for the
// journal's payloads (an import encodes 100,000 of them in one step). cereal's own archive writes through rapidjson's
// OStreamWrapper, one std::ostream::put per character (a sentry each time): half of an import's cost. This one is
// the same archive (the same node logic, the same rapidjson PrettyWriter with the same flags and options), only
// over a string: the bytes written are the same, which tests/store/json_writer_test.cpp checks against cereal's
// on every kind of action, and tests/store/journal_format_test.cpp against the journal's fixture.
// Output only: the journal reads its payloads back with cereal's JSONInputArchive.
#pragma once

#include <cereal/archives/json.hpp>  // first: its rapidjson settings (flags, assertions) apply here too
#include <cereal/cereal.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stack>
#include <string>
#include <vector>

namespace atelier::store {

/// A rapidjson output stream appending to a std::string: it writes into a raw buffer of its thread (kept from one
/// record to the next, never zero-filled) and finish() appends what was written to the string in one copy, so that
/// each record's string is allocated once at its size.
class StringWriteStream {
public:
    using Ch = char;
    explicit StringWriteStream(std::string& out) : out_(out) {
        Buffer& b = threadBuffer();
        if (!b.inUse) {  // one archive at a time per thread takes the shared buffer; another gets its own
            b.inUse = true;
            buffer_ = &b;
        } else {
            buffer_ = &own_;
        }
        at_ = buffer_->data.get();
        end_ = at_ + buffer_->capacity;
    }
    ~StringWriteStream() {
        if (buffer_ != &own_) buffer_->inUse = false;
    }
    StringWriteStream(const StringWriteStream&) = delete;
    StringWriteStream& operator=(const StringWriteStream&) = delete;

    void Put(char c) {
        if (at_ == end_) grow(1);
        *at_++ = c;
    }
    void reserve(size_t count) {
        if (static_cast<size_t>(end_ - at_) < count) grow(count);
    }
    void putUnsafe(char c) { *at_++ = c; }
    void Flush() {}
    /// Appends what was written to the string; the stream starts again empty.
    void finish() {
        out_.append(buffer_->data.get(), static_cast<size_t>(at_ - buffer_->data.get()));
        at_ = buffer_->data.get();
    }

    // Unused by the writer; declared for rapidjson's stream concept.
    Ch Peek() const { return '\0'; }
    Ch Take() { return '\0'; }
    size_t Tell() const { return static_cast<size_t>(at_ - buffer_->data.get()); }
    Ch* PutBegin() { return nullptr; }
    size_t PutEnd(Ch*) { return 0; }

private:
    struct Buffer {
        std::unique_ptr<char[]> data;
        size_t capacity = 0;
        bool inUse = false;
    };
    static Buffer& threadBuffer() {
        thread_local Buffer buffer;
        return buffer;
    }
    void grow(size_t count) {
        const size_t used = static_cast<size_t>(at_ - buffer_->data.get());
        const size_t capacity = std::max({size_t{1024}, 2 * buffer_->capacity, used + count});
        std::unique_ptr<char[]> bigger(new char[capacity]);  // uninitialised: only what is written is read
        if (used > 0) std::memcpy(bigger.get(), buffer_->data.get(), used);
        buffer_->data = std::move(bigger);
        buffer_->capacity = capacity;
        at_ = buffer_->data.get() + used;
        end_ = buffer_->data.get() + capacity;
    }
    std::string& out_;
    Buffer own_;
    Buffer* buffer_ = nullptr;
    char* at_ = nullptr;
    char* end_ = nullptr;
};

}  // namespace atelier::store

namespace RAPIDJSON_NAMESPACE {
// The writer reserves before runs of characters (numbers, escapes): one capacity check instead of one per character.
template <>
inline void PutReserve(atelier::store::StringWriteStream& stream, size_t count) {
    stream.reserve(count);
}
template <>
inline void PutUnsafe(atelier::store::StringWriteStream& stream, char c) {
    stream.putUnsafe(c);
}
}  // namespace RAPIDJSON_NAMESPACE

namespace atelier::store {

/// cereal::JSONOutputArchive (cereal 1.3, archives/json.hpp) over a string; see the header comment. Options as
/// cereal's: `indentLength` 0 is JSONOutputArchive::Options::NoIndent().
class StringJSONOutputArchive : public cereal::OutputArchive<StringJSONOutputArchive>, public cereal::traits::TextArchive {
    enum class NodeType { StartObject, InObject, StartArray, InArray };
    using WriteStream = StringWriteStream;
    using JSONWriter = RAPIDJSON_NAMESPACE::PrettyWriter<WriteStream>;

public:
    /// Writes into `out` (appended to), as cereal's archive with options NoIndent() would into a stream.
    explicit StringJSONOutputArchive(std::string& out, unsigned indentLength = 0)
        : cereal::OutputArchive<StringJSONOutputArchive>(this), itsWriteStream(out), itsWriter(itsWriteStream) {
        itsWriter.SetMaxDecimalPlaces(JSONWriter::kDefaultMaxDecimalPlaces);
        itsWriter.SetIndent(' ', indentLength);
        itsNameCounter.push(0);
        itsNodeStack.push(NodeType::StartObject);
    }

    ~StringJSONOutputArchive() CEREAL_NOEXCEPT {
        if (itsNodeStack.top() == NodeType::InObject)
            itsWriter.EndObject();
        else if (itsNodeStack.top() == NodeType::InArray)
            itsWriter.EndArray();
        itsWriteStream.finish();
    }

    void startNode() {
        writeName();
        itsNodeStack.push(NodeType::StartObject);
        itsNameCounter.push(0);
    }

    void finishNode() {
        switch (itsNodeStack.top()) {
            case NodeType::StartArray:
                itsWriter.StartArray();
                [[fallthrough]];
            case NodeType::InArray:
                itsWriter.EndArray();
                break;
            case NodeType::StartObject:
                itsWriter.StartObject();
                [[fallthrough]];
            case NodeType::InObject:
                itsWriter.EndObject();
                break;
        }
        itsNodeStack.pop();
        itsNameCounter.pop();
    }

    void setNextName(const char* name) { itsNextName = name; }

    void saveValue(bool b) { itsWriter.Bool(b); }
    void saveValue(int i) { itsWriter.Int(i); }
    void saveValue(unsigned u) { itsWriter.Uint(u); }
    void saveValue(int64_t i64) { itsWriter.Int64(i64); }
    void saveValue(uint64_t u64) { itsWriter.Uint64(u64); }
    void saveValue(double d) { itsWriter.Double(d); }
    void saveValue(const std::string& s) {
        itsWriter.String(s.c_str(), static_cast<RAPIDJSON_NAMESPACE::SizeType>(s.size()));
    }
    void saveValue(const char* s) { itsWriter.String(s); }
    void saveValue(std::nullptr_t) { itsWriter.Null(); }

private:
    template <class T, cereal::traits::EnableIf<sizeof(T) == sizeof(std::int32_t), std::is_signed<T>::value> =
                           cereal::traits::sfinae>
    void saveLong(T l) { saveValue(static_cast<std::int32_t>(l)); }
    template <class T, cereal::traits::EnableIf<sizeof(T) != sizeof(std::int32_t), std::is_signed<T>::value> =
                           cereal::traits::sfinae>
    void saveLong(T l) { saveValue(static_cast<std::int64_t>(l)); }
    template <class T, cereal::traits::EnableIf<sizeof(T) == sizeof(std::int32_t), std::is_unsigned<T>::value> =
                           cereal::traits::sfinae>
    void saveLong(T lu) { saveValue(static_cast<std::uint32_t>(lu)); }
    template <class T, cereal::traits::EnableIf<sizeof(T) != sizeof(std::int32_t), std::is_unsigned<T>::value> =
                           cereal::traits::sfinae>
    void saveLong(T lu) { saveValue(static_cast<std::uint64_t>(lu)); }

public:
    template <class T, cereal::traits::EnableIf<std::is_same<T, long>::value, !std::is_same<T, int>::value,
                                                !std::is_same<T, std::int64_t>::value> = cereal::traits::sfinae>
    void saveValue(T t) { saveLong(t); }
    template <class T,
              cereal::traits::EnableIf<std::is_same<T, unsigned long>::value, !std::is_same<T, unsigned>::value,
                                       !std::is_same<T, std::uint64_t>::value> = cereal::traits::sfinae>
    void saveValue(T t) { saveLong(t); }
    template <class T, cereal::traits::EnableIf<
                           std::is_arithmetic<T>::value, !std::is_same<T, long>::value,
                           !std::is_same<T, unsigned long>::value, !std::is_same<T, std::int64_t>::value,
                           !std::is_same<T, std::uint64_t>::value,
                           (sizeof(T) >= sizeof(long double) || sizeof(T) >= sizeof(long long))> = cereal::traits::sfinae>
    void saveValue(const T& t) {
        std::stringstream ss;
        ss.precision(std::numeric_limits<long double>::max_digits10);
        ss << t;
        saveValue(ss.str());
    }

    void writeName() {
        const NodeType& nodeType = itsNodeStack.top();
        if (nodeType == NodeType::StartArray) {
            itsWriter.StartArray();
            itsNodeStack.top() = NodeType::InArray;
        } else if (nodeType == NodeType::StartObject) {
            itsNodeStack.top() = NodeType::InObject;
            itsWriter.StartObject();
        }
        if (nodeType == NodeType::InArray) return;
        if (itsNextName == nullptr) {
            std::string name = "value" + std::to_string(itsNameCounter.top()++) + "\0";
            saveValue(name);
        } else {
            saveValue(itsNextName);
            itsNextName = nullptr;
        }
    }

    void makeArray() { itsNodeStack.top() = NodeType::StartArray; }

private:
    WriteStream itsWriteStream;
    JSONWriter itsWriter;
    const char* itsNextName = nullptr;
    std::stack<uint32_t, std::vector<uint32_t>> itsNameCounter;  // cereal's use deques: four allocations a record
    std::stack<NodeType, std::vector<NodeType>> itsNodeStack;
};

}  // namespace atelier::store

namespace cereal {

// The prologues, epilogues and leaf saves of cereal's JSONOutputArchive, for StringJSONOutputArchive.
using atelier::store::StringJSONOutputArchive;

template <class T>
inline void prologue(StringJSONOutputArchive&, const NameValuePair<T>&) {}
template <class T>
inline void epilogue(StringJSONOutputArchive&, const NameValuePair<T>&) {}
template <class T>
inline void prologue(StringJSONOutputArchive&, const DeferredData<T>&) {}
template <class T>
inline void epilogue(StringJSONOutputArchive&, const DeferredData<T>&) {}
template <class T>
inline void prologue(StringJSONOutputArchive& ar, const SizeTag<T>&) { ar.makeArray(); }
template <class T>
inline void epilogue(StringJSONOutputArchive&, const SizeTag<T>&) {}

template <class T,
          traits::EnableIf<!std::is_arithmetic<T>::value,
                           !traits::has_minimal_base_class_serialization<T, traits::has_minimal_output_serialization,
                                                                         StringJSONOutputArchive>::value,
                           !traits::has_minimal_output_serialization<T, StringJSONOutputArchive>::value> = traits::sfinae>
inline void prologue(StringJSONOutputArchive& ar, const T&) { ar.startNode(); }
template <class T,
          traits::EnableIf<!std::is_arithmetic<T>::value,
                           !traits::has_minimal_base_class_serialization<T, traits::has_minimal_output_serialization,
                                                                         StringJSONOutputArchive>::value,
                           !traits::has_minimal_output_serialization<T, StringJSONOutputArchive>::value> = traits::sfinae>
inline void epilogue(StringJSONOutputArchive& ar, const T&) { ar.finishNode(); }

inline void prologue(StringJSONOutputArchive& ar, const std::nullptr_t&) { ar.writeName(); }
inline void epilogue(StringJSONOutputArchive&, const std::nullptr_t&) {}
template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void prologue(StringJSONOutputArchive& ar, const T&) { ar.writeName(); }
template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void epilogue(StringJSONOutputArchive&, const T&) {}
template <class CharT, class Traits, class Alloc>
inline void prologue(StringJSONOutputArchive& ar, const std::basic_string<CharT, Traits, Alloc>&) { ar.writeName(); }
template <class CharT, class Traits, class Alloc>
inline void epilogue(StringJSONOutputArchive&, const std::basic_string<CharT, Traits, Alloc>&) {}

template <class T>
inline void CEREAL_SAVE_FUNCTION_NAME(StringJSONOutputArchive& ar, const NameValuePair<T>& t) {
    ar.setNextName(t.name);
    ar(t.value);
}
inline void CEREAL_SAVE_FUNCTION_NAME(StringJSONOutputArchive& ar, const std::nullptr_t& t) { ar.saveValue(t); }
template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void CEREAL_SAVE_FUNCTION_NAME(StringJSONOutputArchive& ar, const T& t) { ar.saveValue(t); }
template <class CharT, class Traits, class Alloc>
inline void CEREAL_SAVE_FUNCTION_NAME(StringJSONOutputArchive& ar, const std::basic_string<CharT, Traits, Alloc>& str) {
    ar.saveValue(str);
}
template <class T>
inline void CEREAL_SAVE_FUNCTION_NAME(StringJSONOutputArchive&, const SizeTag<T>&) {}

}  // namespace cereal

CEREAL_REGISTER_ARCHIVE(atelier::store::StringJSONOutputArchive)
