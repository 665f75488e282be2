// Snapshots of the model (DATA/snapshot.bin): the model as it stands after one journal entry, in compact cereal
// binary, so that start-up replays only the entries after it. A cache, never the truth: a snapshot that is
// missing, damaged, of another format, schema, model layout or Atelier version, or that does not follow this
// journal (the entry it names is absent or different) is ignored and the journal replayed in full.
// Written by the one writer of the data folder (store::Workspace): on close, when an étape is marked « Réalisée »,
// and every kSnapshotEvery journal entries on a worker thread; atomically (temporary file, fsync, rename), so a
// reader sees the previous snapshot or the new one, never half of one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "store/database.h"

namespace atelier::store {

/// The layout of snapshot.bin; bump it when the header or the body changes.
// 2: the library of practices, actions-phares, evaluations; 3: text without control characters (issue 35: a
// snapshot of before may hold text the journal's replay now cleans, so it is replayed instead)
inline constexpr std::uint32_t kSnapshotFormat = 3;
/// A writer snapshots the model again once this many journal entries follow the last snapshot.
inline constexpr std::int64_t kSnapshotEvery = 500;
/// A journal shorter than this replays faster than a snapshot is written and read: no snapshot is made for it
/// automatically (on close, on « Réalisée »), only when asked (Workspace::saveSnapshot).
inline constexpr std::int64_t kSnapshotMinimum = 256;

/// DATA/snapshot.bin
std::filesystem::path snapshotFile(const std::filesystem::path& dataDir);

/// The model after journal entry `mark` (seq 0: an empty journal), and the entries up to it that replay skipped.
struct Snapshot {
    JournalMark mark;
    Model model;
    std::vector<SkippedEntry> skipped;
};

/// The snapshot as the bytes of snapshot.bin (header with format, schema, Atelier version and checksum, then body).
std::string encodeSnapshot(const Snapshot& snapshot);
/// The snapshot in `bytes`, or nullopt when they are not a complete snapshot of this very Atelier (other format,
/// schema, model layout or version, bad checksum, truncated, undecodable). Never throws.
std::optional<Snapshot> decodeSnapshot(std::string_view bytes);
/// The snapshot of the data folder, or nullopt (missing, unreadable, invalid). Never throws.
std::optional<Snapshot> readSnapshot(const std::filesystem::path& dataDir);
/// Writes snapshot.bin atomically. Throws StoreError.
void writeSnapshot(const std::filesystem::path& dataDir, std::string_view bytes);

/// The model alone as cereal binary bytes: two models hold the same data exactly when their bytes are equal.
std::string modelBytes(const Model& model);

}  // namespace atelier::store
