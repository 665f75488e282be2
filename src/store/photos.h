// Photos of the host's actions-phares: PNG or JPEG files checked by decoding them (Debian's stb_image) and copied
// into the data folder's photos/, where the model and the archive name them by their path relative to the folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atelier::store {

/// Largest photo accepted: 20 MB, and 12 000 pixels a side.
inline constexpr std::uintmax_t kMaxPhotoBytes = 20'000'000;
inline constexpr int kMaxPhotoSide = 12'000;

/// What is wrong with `bytes` as a photo, in French (not a PNG nor a JPEG, damaged, too large); empty when it
/// decodes as a PNG or a JPEG of a sensible size.
std::string checkPhoto(std::string_view bytes);

/// Copies the photo `source` into `<dataDir>/photos/` under its own name (made ASCII; "-2", "-3"… when taken by
/// another file) and returns the path relative to the data folder ("photos/cafe-des-parents.jpg"). Throws
/// StoreError with a French message naming the file when it cannot be read, is not a photo, or cannot be written.
std::string importPhoto(const std::filesystem::path& dataDir, const std::filesystem::path& source);

/// The photos among `paths` (relative to the data folder, as the model names them: "photos/cafe.jpg") that are in
/// `dataDir`'s photos/ and are PNG or JPEG files, each with its bytes, in the order given. A path outside photos/,
/// a missing or unreadable file is left out (the document names it instead of drawing it).
std::vector<std::pair<std::string, std::string>> readPhotos(const std::filesystem::path& dataDir,
                                                           const std::vector<std::string>& paths);

}  // namespace atelier::store
