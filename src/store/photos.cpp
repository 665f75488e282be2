#include "store/photos.h"

#include <stb_image.h>  // the implementation is Debian's libstb (atelier::stb), linked by atelier_store

#include <memory>
#include <system_error>

#include "core/strings.h"
#include "core/text.h"
#include "store/errors.h"
#include "store/files.h"

namespace atelier::store {

namespace {

bool startsWith(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

bool isPng(std::string_view bytes) { return startsWith(bytes, "\x89PNG\r\n\x1a\n"); }
bool isJpeg(std::string_view bytes) { return startsWith(bytes, "\xff\xd8\xff"); }

/// The name a photo takes in photos/: lower-case ASCII letters, digits and dashes, then its type's extension.
std::string photoName(const std::filesystem::path& source, bool png) {
    const std::string folded = foldForSearch(source.stem().string());
    std::string stem;
    for (unsigned char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) stem += static_cast<char>(c);
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = "photo";
    if (stem.size() > 60) stem.resize(60);
    return stem + (png ? ".png" : ".jpg");
}

}  // namespace

std::string checkPhoto(std::string_view bytes) {
    if (!isPng(bytes) && !isJpeg(bytes)) return tr(Str::PhotoNotImage);
    if (bytes.size() > kMaxPhotoBytes || bytes.size() > static_cast<size_t>(INT32_MAX)) return tr(Str::PhotoTooBig);
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels)) return tr(Str::PhotoDamaged);
    if (w <= 0 || h <= 0 || w > kMaxPhotoSide || h > kMaxPhotoSide) return tr(Str::PhotoTooBig);
    // Decoded once in full: a truncated or damaged file is refused now, not on the projector.
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, length, &w, &h, &channels, 0),
                                                     stbi_image_free);
    if (!pixels) return tr(Str::PhotoDamaged);
    return {};
}

std::string importPhoto(const std::filesystem::path& dataDir, const std::filesystem::path& source) {
    const std::string bytes = readInputFile(source, kMaxPhotoBytes);  // InputFileError names the file
    if (std::string reason = checkPhoto(bytes); !reason.empty())
        throw StoreError(fmt(Str::ErrPhotoFile, {source.string(), reason}));
    const std::filesystem::path folder = dataDir / "photos";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw StoreError(fmt(Str::ErrWriteFile, {folder.string(), ec.message()}));
    const std::string name = photoName(source, isPng(bytes));
    const auto dot = name.rfind('.');
    for (int n = 1;; ++n) {
        const std::string candidate = n == 1 ? name : name.substr(0, dot) + "-" + std::to_string(n) + name.substr(dot);
        const std::filesystem::path target = folder / candidate;
        if (std::filesystem::exists(target, ec)) {
            // The same photo imported again keeps its one copy.
            try {
                if (readInputFile(target, kMaxPhotoBytes) == bytes) return "photos/" + candidate;
            } catch (const StoreError&) {
            }
            continue;
        }
        writeFileAtomic(target, bytes);
        return "photos/" + candidate;
    }
}

std::vector<std::pair<std::string, std::string>> readPhotos(const std::filesystem::path& dataDir,
                                                           const std::vector<std::string>& paths) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& path : paths) {
        // Only a plain name inside photos/: never a path that climbs out of it or names another folder.
        constexpr std::string_view folder = "photos/";
        if (path.compare(0, folder.size(), folder) != 0) continue;
        const std::string name = path.substr(folder.size());
        if (name.empty() || name == "." || name == ".." || name.find_first_of("/\\:") != std::string::npos) continue;
        try {
            std::string bytes = readInputFile(dataDir / "photos" / name, kMaxPhotoBytes);
            if (isPng(bytes) || isJpeg(bytes)) out.emplace_back(path, std::move(bytes));
        } catch (const std::exception&) {
            // Missing or unreadable: named in the document instead of drawn.
        }
    }
    return out;
}

}  // namespace atelier::store
