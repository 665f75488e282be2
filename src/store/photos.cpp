#include "store/photos.h"

#include <stb_image.h>  // the implementation is Debian's libstb (atelier::stb), linked by atelier_store
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <memory>
#include <vector>
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

namespace {
unsigned be16(std::string_view b, size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(b[i])) << 8 | static_cast<unsigned char>(b[i + 1]);
}
std::uint32_t be32(std::string_view b, size_t i) { return std::uint32_t(be16(b, i)) << 16 | be16(b, i + 2); }

/// The smallest file that can hold the pixels its header claims: a JPEG spends at least one bit per 8×8 block
/// (its DC code), a PNG's deflate stream shrinks its rows at most 1032 times. A file below it lies about its size.
std::uintmax_t smallestPossible(const PhotoHeader& h) {
    const auto w = static_cast<std::uintmax_t>(h.width), ht = static_cast<std::uintmax_t>(h.height);
    if (!h.png) return (w / 8) * (ht / 8) / 8;
    const std::uintmax_t raw = ht * (1 + (w * static_cast<std::uintmax_t>(h.bitsPerPixel) + 7) / 8);
    return raw / 1032;
}

/// Whether every chunk of a PNG lies within the file, up to its IEND: stb's decoder allocates what a chunk's length
/// claims before reading it (a 134-byte file claiming a 1.3 GB IDAT, found by fuzz_photo).
bool pngChunksFit(std::string_view b) {
    size_t at = 8;
    while (at + 12 <= b.size()) {
        const std::uint32_t length = be32(b, at);
        if (length > b.size() - at - 12) return false;
        if (b.substr(at + 4, 4) == "IEND") return true;
        at += 12 + length;
    }
    return false;
}

/// Decoded pixels, freed by stb.
using Pixels = std::unique_ptr<stbi_uc, void (*)(void*)>;
}  // namespace

std::optional<PhotoHeader> readPhotoHeader(std::string_view bytes) {
    PhotoHeader h;
    if (isPng(bytes)) {
        // IHDR comes first: length 13, "IHDR", width, height, bit depth, colour type.
        if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
        const std::uint32_t w = be32(bytes, 16), ht = be32(bytes, 20);
        const int depth = static_cast<unsigned char>(bytes[24]);
        const int type = static_cast<unsigned char>(bytes[25]);
        const int channels = type == 0 ? 1 : type == 2 ? 3 : type == 3 ? 1 : type == 4 ? 2 : type == 6 ? 4 : 0;
        if (w == 0 || ht == 0 || w > INT32_MAX || ht > INT32_MAX || channels == 0 || depth == 0 || depth > 16)
            return std::nullopt;
        h.png = true;
        h.width = static_cast<int>(w);
        h.height = static_cast<int>(ht);
        h.bitsPerPixel = depth * channels;
        return h;
    }
    if (!isJpeg(bytes)) return std::nullopt;
    size_t i = 2;
    while (i + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[i]) != 0xFF) return std::nullopt;
        const auto marker = static_cast<unsigned char>(bytes[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            i += 2;
            continue;
        }
        const unsigned length = be16(bytes, i + 2);
        if (length < 2) return std::nullopt;
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (length < 8 || i + 9 > bytes.size()) return std::nullopt;
            h.height = static_cast<int>(be16(bytes, i + 5));
            h.width = static_cast<int>(be16(bytes, i + 7));
            if (h.width == 0 || h.height == 0) return std::nullopt;
            return h;
        }
        if (marker == 0xDA || marker == 0xD9) return std::nullopt;  // data before any frame header
        i += 2 + length;
    }
    return std::nullopt;
}

std::string checkPhotoHeader(std::string_view bytes) {
    if (!isPng(bytes) && !isJpeg(bytes)) return tr(Str::PhotoNotImage);
    if (bytes.size() > kMaxPhotoBytes || bytes.size() > static_cast<size_t>(INT32_MAX)) return tr(Str::PhotoTooBig);
    // Everything from the header first: nothing is decoded before its cost is known.
    const std::optional<PhotoHeader> header = readPhotoHeader(bytes);
    if (!header) return tr(Str::PhotoDamaged);
    const std::int64_t pixels = std::int64_t(header->width) * header->height;
    if (pixels > kMaxPhotoPixels || header->width > kMaxPhotoSide || header->height > kMaxPhotoSide)
        return fmt(Str::PhotoTooManyPixels, {std::to_string(header->width), std::to_string(header->height),
                                             std::to_string((pixels + 500'000) / 1'000'000),
                                             std::to_string(kMaxPhotoPixels / 1'000'000)});
    if (bytes.size() < smallestPossible(*header))
        return fmt(Str::PhotoHeaderLies, {std::to_string(header->width), std::to_string(header->height)});
    if (header->png && !pngChunksFit(bytes)) return tr(Str::PhotoDamaged);
    return {};
}

std::string checkPhoto(std::string_view bytes) {
    if (std::string reason = checkPhotoHeader(bytes); !reason.empty()) return reason;
    const std::optional<PhotoHeader> header = readPhotoHeader(bytes);
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels)) return tr(Str::PhotoDamaged);
    if (w != header->width || h != header->height) return tr(Str::PhotoDamaged);
    // Decoded once in full: a truncated or damaged file is refused now, not on the projector.
    Pixels decoded(stbi_load_from_memory(data, length, &w, &h, &channels, 0), stbi_image_free);
    if (!decoded) return tr(Str::PhotoDamaged);
    return {};
}

namespace {
/// `bytes` (a photo checkPhoto accepted) scaled down to kPhotoImportSide on its longer side and encoded again in
/// its format; the bytes as they are when the photo is not larger, or when it cannot be scaled.
std::string scaledForImport(const std::string& bytes, bool png, int* fromW, int* fromH, int* toW, int* toH) {
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, static_cast<int>(bytes.size()), &w, &h, &channels)) return bytes;
    *fromW = *toW = w;
    *fromH = *toH = h;
    if (std::max(w, h) <= kPhotoImportSide) return bytes;
    const int keep = png ? (channels == 2 || channels == 4 ? 4 : 3) : 3;
    Pixels source(stbi_load_from_memory(data, static_cast<int>(bytes.size()), &w, &h, &channels, keep),
                  stbi_image_free);
    if (!source) return bytes;
    const double scale = static_cast<double>(kPhotoImportSide) / std::max(w, h);
    const int nw = std::max(1, static_cast<int>(w * scale + 0.5)), nh = std::max(1, static_cast<int>(h * scale + 0.5));
    std::vector<stbi_uc> scaled(static_cast<size_t>(nw) * static_cast<size_t>(nh) * static_cast<size_t>(keep));
    if (!stbir_resize_uint8(source.get(), w, h, 0, scaled.data(), nw, nh, 0, keep)) return bytes;
    std::string out;
    const auto append = [](void* context, void* chunk, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(chunk), static_cast<size_t>(size));
    };
    const int written = png ? stbi_write_png_to_func(append, &out, nw, nh, keep, scaled.data(), nw * keep)
                            : stbi_write_jpg_to_func(append, &out, nw, nh, keep, scaled.data(), 90);
    if (!written || out.empty()) return bytes;
    *toW = nw;
    *toH = nh;
    return out;
}
}  // namespace

std::string importPhoto(const std::filesystem::path& dataDir, const std::filesystem::path& source) {
    const std::string original = readInputFile(source, kMaxPhotoBytes);  // InputFileError names the file
    if (std::string reason = checkPhoto(original); !reason.empty())
        throw StoreError(fmt(Str::ErrPhotoFile, {source.string(), reason}));
    int fromW = 0, fromH = 0, toW = 0, toH = 0;
    const std::string bytes = scaledForImport(original, isPng(original), &fromW, &fromH, &toW, &toH);
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
