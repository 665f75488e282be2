// [SECTION] Layout and checks
// [SECTION] Encoding and decoding
// [SECTION] The file

#include "store/snapshot.h"

#include <cereal/archives/binary.hpp>
#include <cstring>
#include <sstream>

#include "store/files.h"
#include "store/serialize.h"

namespace atelier::store {

namespace {

// [SECTION] Layout and checks

// snapshot.bin: kMagic, then u32 format, u32 schema, u32 model layout, u32 length of the Atelier version, the
// version's bytes, u64 body length, u64 body checksum, then the body (cereal binary: mark, skipped, model).
constexpr char kMagic[16] = "ATELIER-SNAPSHT";  // with its final '\0'

/// The class versions of every model type: a change of one (a new field) makes older snapshots unreadable here.
std::uint32_t modelLayout() {
    using cereal::detail::Version;
    using cereal::detail::version_binding_tag;
    const std::uint32_t versions[] = {
        Version<Territory, version_binding_tag>::version,    Version<Person, version_binding_tag>::version,
        Version<ProgrammeItem, version_binding_tag>::version, Version<EtapeHeader, version_binding_tag>::version,
        Version<Registration, version_binding_tag>::version, Version<Etape, version_binding_tag>::version,
        Version<Deck, version_binding_tag>::version,         Version<MeetingRound, version_binding_tag>::version,
        Version<Icebreaker, version_binding_tag>::version,   Version<Group, version_binding_tag>::version,
        Version<GroupRound, version_binding_tag>::version,   Version<GroupPlan, version_binding_tag>::version,
        Version<Ballot, version_binding_tag>::version,       Version<StoredBallot, version_binding_tag>::version,
        Version<VoteSetup, version_binding_tag>::version,    Version<Vote, version_binding_tag>::version,
        Version<DayRate, version_binding_tag>::version,      Version<Settings, version_binding_tag>::version,
        Version<BoardCategory, version_binding_tag>::version, Version<IdeaCluster, version_binding_tag>::version,
        Version<MergedIdea, version_binding_tag>::version,    Version<Idea, version_binding_tag>::version,
        Version<Board, version_binding_tag>::version,        Version<Model, version_binding_tag>::version,
        Version<ActionPhare, version_binding_tag>::version,  Version<EvaluationQuestion, version_binding_tag>::version,
        Version<EvaluationAnswer, version_binding_tag>::version,
        Version<EvaluationResponse, version_binding_tag>::version,
        Version<Evaluation, version_binding_tag>::version,   Version<FollowUp, version_binding_tag>::version,
        Version<Practice, version_binding_tag>::version,
    };
    std::uint32_t h = 2166136261u;
    for (std::uint32_t v : versions) h = (h ^ v) * 16777619u;
    // cereal's binary archive writes a `long` (a day rate's cents) in its own size: 8 bytes on Linux, 4 on Windows.
    // A snapshot copied from the other platform with the data folder is then another layout, ignored (the journal,
    // JSON, reads the same on both). Linux's value is left as it was, so its snapshots stay valid.
    if constexpr (sizeof(long) != 8) h = (h ^ static_cast<std::uint32_t>(sizeof(long))) * 16777619u;
    return h;
}

/// A 64-bit checksum of `bytes`, eight bytes at a time (damage detection, not security).
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
    size_t i = 0;
    auto mix = [&](std::uint64_t word) {
        h ^= word;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    };
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        mix(word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    mix(tail ^ 0x80);
    return h;
}

template <class T>
void put(std::string& out, T value) {
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out.append(raw, sizeof(T));
}

/// Reads a T at `pos` (advanced); false when the bytes end first.
template <class T>
bool take(std::string_view in, size_t& pos, T& value) {
    if (in.size() - pos < sizeof(T)) return false;
    std::memcpy(&value, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
}

}  // namespace

}  // namespace atelier::store

namespace atelier::store {

template <class Archive>
void serialize(Archive& ar, JournalMark& m) {
    ar(m.seq, m.at, m.action);
}
template <class Archive>
void serialize(Archive& ar, SkippedEntry& e) {
    ar(e.seq, e.action, e.reason);
}

// [SECTION] Encoding and decoding

std::string encodeSnapshot(const Snapshot& snapshot) {
    std::ostringstream body(std::ios::binary);
    {
        cereal::BinaryOutputArchive ar(body);
        ar(snapshot.mark, snapshot.skipped, snapshot.model);
    }
    const std::string bytes = std::move(body).str();
    const std::string_view version = ATELIER_VERSION;
    std::string out(kMagic, sizeof kMagic);
    put<std::uint32_t>(out, kSnapshotFormat);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(kSchemaVersion));
    put<std::uint32_t>(out, modelLayout());
    put<std::uint32_t>(out, static_cast<std::uint32_t>(version.size()));
    out.append(version);
    put<std::uint64_t>(out, bytes.size());
    put<std::uint64_t>(out, checksum(bytes));
    out.append(bytes);
    return out;
}

std::optional<Snapshot> decodeSnapshot(std::string_view in) {
    if (in.size() < sizeof kMagic || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
    size_t pos = sizeof kMagic;
    std::uint32_t format = 0, schema = 0, layout = 0, versionSize = 0;
    if (!take(in, pos, format) || format != kSnapshotFormat) return std::nullopt;
    if (!take(in, pos, schema) || schema != static_cast<std::uint32_t>(kSchemaVersion)) return std::nullopt;
    if (!take(in, pos, layout) || layout != modelLayout()) return std::nullopt;
    if (!take(in, pos, versionSize) || in.size() - pos < versionSize) return std::nullopt;
    if (in.substr(pos, versionSize) != std::string_view(ATELIER_VERSION)) return std::nullopt;
    pos += versionSize;
    std::uint64_t size = 0, sum = 0;
    if (!take(in, pos, size) || !take(in, pos, sum) || in.size() - pos != size) return std::nullopt;
    const std::string_view body = in.substr(pos);
    if (checksum(body) != sum) return std::nullopt;
    try {
        std::istringstream stream(std::string(body), std::ios::binary);
        cereal::BinaryInputArchive ar(stream);
        Snapshot snapshot;
        ar(snapshot.mark, snapshot.skipped, snapshot.model);
        if (stream.peek() != std::char_traits<char>::eof()) return std::nullopt;  // bytes left over
        return snapshot;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string modelBytes(const Model& model) {
    std::ostringstream out(std::ios::binary);
    {
        cereal::BinaryOutputArchive ar(out);
        ar(model);
    }
    return std::move(out).str();
}

// [SECTION] The file

std::filesystem::path snapshotFile(const std::filesystem::path& dataDir) { return dataDir / "snapshot.bin"; }

std::optional<Snapshot> readSnapshot(const std::filesystem::path& dataDir) {
    try {
        return decodeSnapshot(readInputFile(snapshotFile(dataDir), std::uintmax_t{1} << 32));
    } catch (const std::exception&) {
        return std::nullopt;  // missing or unreadable: the journal is replayed in full
    }
}

void writeSnapshot(const std::filesystem::path& dataDir, std::string_view bytes) {
    writeFileAtomic(snapshotFile(dataDir), bytes);
}

}  // namespace atelier::store
