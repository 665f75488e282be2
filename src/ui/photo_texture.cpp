// Photos of the actions-phares on screen: read and decoded once, on a worker thread (a large photo never holds the
// UI: until it is ready the view draws its placeholder), with Debian's stb_image (the implementation is libstb,
// linked) after its header was checked against the pixel budget (store/photos.h), scaled down to at most 2048
// pixels a side (a projector needs no more, and every GL driver takes it), then handed on the UI thread to the
// platform's texture backend (OpenGL in platform.cpp). Headless frames have no backend: nothing is decoded, the
// views draw a placeholder, and tests still see where the photo goes.

#include <stb_image.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <unordered_map>
#include <vector>

#include "core/strings.h"
#include "store/files.h"
#include "store/photos.h"
#include "ui/screens/essaimage.h"
#include "ui/wake.h"

namespace atelier::ui {

namespace {

/// What the worker hands back: RGBA pixels at most kMaxSide a side, or why the photo cannot be shown.
struct Decoded {
    std::vector<unsigned char> rgba;
    int width = 0, height = 0;
    std::string error;
};

struct Entry {
    PhotoTexture photo;
    std::future<Decoded> pending;  // valid while the worker decodes
};

struct PhotoCache {
    std::filesystem::path root;
    TextureBackend backend;
    std::unordered_map<std::string, Entry> photos;  // by full path
};

PhotoCache& cache() {
    static PhotoCache c;
    return c;
}

constexpr int kMaxSide = 2048;

/// `rgba` (w × h) scaled down by an integer box filter until both sides are at most kMaxSide.
std::vector<unsigned char> shrink(const unsigned char* rgba, int& w, int& h) {
    const int factor = std::max((w + kMaxSide - 1) / kMaxSide, (h + kMaxSide - 1) / kMaxSide);
    const int nw = std::max(1, w / factor), nh = std::max(1, h / factor);
    std::vector<unsigned char> out(static_cast<size_t>(nw) * static_cast<size_t>(nh) * 4);
    for (int y = 0; y < nh; ++y)
        for (int x = 0; x < nw; ++x)
            for (int c = 0; c < 4; ++c) {
                unsigned sum = 0;
                for (int dy = 0; dy < factor; ++dy)
                    for (int dx = 0; dx < factor; ++dx)
                        sum += rgba[(static_cast<size_t>(y * factor + dy) * static_cast<size_t>(w) +
                                     static_cast<size_t>(x * factor + dx)) * 4 + static_cast<size_t>(c)];
                out[(static_cast<size_t>(y) * static_cast<size_t>(nw) + static_cast<size_t>(x)) * 4 +
                    static_cast<size_t>(c)] = static_cast<unsigned char>(sum / static_cast<unsigned>(factor * factor));
            }
    w = nw;
    h = nh;
    return out;
}

}  // namespace

void setPhotoRoot(const std::filesystem::path& root) { cache().root = root; }

void setTextureBackend(TextureBackend backend) {
    releasePhotoTextures();
    cache().backend = backend;
}

void releasePhotoTextures() {
    PhotoCache& c = cache();
    for (auto& [path, entry] : c.photos) {
        if (entry.pending.valid()) entry.pending.wait();  // its pixels are dropped with it
        if (entry.photo.texture && c.backend.destroy) c.backend.destroy(entry.photo.texture);
    }
    c.photos.clear();
}

namespace {
/// On the worker: the file read within the photo limits, its header checked against the pixel budget before
/// anything is decoded, then decoded and scaled down.
Decoded decode(const std::filesystem::path& file, const std::string& relativePath) {
    Decoded out;
    std::string bytes;
    try {
        bytes = store::readInputFile(file, store::kMaxPhotoBytes);
    } catch (const std::exception&) {
        out.error = fmt(Str::ProjPhotoMissing, {relativePath});
        return out;
    }
    // The import's checks before decoding again: a file changed in photos/ since is not trusted.
    if (const std::string reason = store::checkPhotoHeader(bytes); !reason.empty()) {
        out.error = fmt(Str::ProjPhotoMissing, {relativePath + " (" + reason + ")"});
        return out;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                  static_cast<int>(bytes.size()), &w, &h, &channels, 4);
    if (!pixels) {
        out.error = fmt(Str::ProjPhotoMissing, {relativePath});
        return out;
    }
    if (w > kMaxSide || h > kMaxSide) {
        out.rgba = shrink(pixels, w, h);
    } else {
        out.rgba.assign(pixels, pixels + static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    }
    stbi_image_free(pixels);
    out.width = w;
    out.height = h;
    return out;
}

/// The worker's result made a texture (on the UI thread, where the GL context is).
void finish(Entry& entry, const TextureBackend& backend) {
    Decoded d = entry.pending.get();
    entry.photo.error = std::move(d.error);
    entry.photo.width = d.width;
    entry.photo.height = d.height;
    if (entry.photo.error.empty() && backend.create) entry.photo.texture = backend.create(d.rgba.data(), d.width, d.height);
}
}  // namespace

void waitForPhotos() {
    PhotoCache& c = cache();
    for (auto& [path, entry] : c.photos)
        if (entry.pending.valid()) finish(entry, c.backend);
}

const PhotoTexture& photoTexture(const std::string& relativePath) {
    PhotoCache& c = cache();
    const std::filesystem::path full = c.root.empty() ? std::filesystem::path(relativePath) : c.root / relativePath;
    const std::string key = full.string();
    if (const auto it = c.photos.find(key); it != c.photos.end()) {
        Entry& entry = it->second;
        if (entry.pending.valid() && entry.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            finish(entry, c.backend);
        return entry.photo;
    }
    Entry& entry = c.photos[key];
    if (!c.backend.create) {  // headless: nothing to draw into, only whether the file is there
        std::error_code ec;
        if (!std::filesystem::is_regular_file(full, ec)) entry.photo.error = fmt(Str::ProjPhotoMissing, {relativePath});
        return entry.photo;
    }
    entry.pending = std::async(std::launch::async, [full, relativePath] {
        auto decoded = decode(full, relativePath);
        wakeLoop();  // the next frame uploads it
        return decoded;
    });
    return entry.photo;
}

}  // namespace atelier::ui
