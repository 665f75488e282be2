// Photos of the host's actions-phares: PNG or JPEG files checked by decoding them (Debian's stb_image) and copied
// into the data folder's photos/, where the model and the archive name them by their path relative to the folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atelier::store {

/// Largest photo accepted: 20 MB, 12 000 pixels a side, and 40 million pixels (what decoding costs is bounded by
/// pixels, not by bytes: 40 Mpx is 160 MB decoded, a 1 MB PNG may claim 144 Mpx).
inline constexpr std::uintmax_t kMaxPhotoBytes = 20'000'000;
inline constexpr int kMaxPhotoSide = 12'000;
inline constexpr std::int64_t kMaxPhotoPixels = 40'000'000;
/// A photo imported larger than this on its longer side is scaled down to it (what a projector shows).
inline constexpr int kPhotoImportSide = 2560;

/// What a PNG's or a JPEG's header says, read without decoding: its size in pixels and, for a PNG, its bits per
/// pixel. nullopt when the header is missing or malformed.
struct PhotoHeader {
    bool png = false;
    int width = 0, height = 0;
    int bitsPerPixel = 8;
};
std::optional<PhotoHeader> readPhotoHeader(std::string_view bytes);

/// What is wrong with `bytes` as a photo, in French (not a PNG nor a JPEG, too many pixels — from the header,
/// before anything is decoded —, a header that claims more pixels than the data can hold, damaged); empty when it
/// decodes as a PNG or a JPEG of a sensible size.
std::string checkPhoto(std::string_view bytes);
/// checkPhoto without the decoding: everything read from the header and the file's structure (what a decoder is
/// given only once it passed).
std::string checkPhotoHeader(std::string_view bytes);

/// Copies the photo `source` into `<dataDir>/photos/` (scaled down to kPhotoImportSide on its longer side when
/// larger, re-encoded in its own format) under its own name (made ASCII; "-2", "-3"… when taken by
/// another file) and returns the path relative to the data folder ("photos/cafe-des-parents.jpg"). Throws
/// StoreError with a French message naming the file when it cannot be read, is not a photo, or cannot be written.
std::string importPhoto(const std::filesystem::path& dataDir, const std::filesystem::path& source);

/// The photos among `paths` (relative to the data folder, as the model names them: "photos/cafe.jpg") that are in
/// `dataDir`'s photos/ and are PNG or JPEG files, each with its bytes, in the order given. A path outside photos/,
/// a missing or unreadable file is left out (the document names it instead of drawing it).
std::vector<std::pair<std::string, std::string>> readPhotos(const std::filesystem::path& dataDir,
                                                           const std::vector<std::string>& paths);

}  // namespace atelier::store
