// Photos of the actions-phares on screen: decoded once with Debian's stb_image (the implementation is libstb,
// linked), scaled down to at most 2048 pixels a side (a projector needs no more, and every GL driver takes it), and
// handed to the platform's texture backend (OpenGL in platform.cpp). Headless frames have no backend: the views then
// draw a placeholder, and tests still see where the photo goes.

#include <stb_image.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "core/strings.h"
#include "ui/screens/essaimage.h"

namespace atelier::ui {

namespace {

struct PhotoCache {
    std::filesystem::path root;
    TextureBackend backend;
    std::unordered_map<std::string, PhotoTexture> photos;  // by full path
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
    for (auto& [path, photo] : c.photos)
        if (photo.texture && c.backend.destroy) c.backend.destroy(photo.texture);
    c.photos.clear();
}

const PhotoTexture& photoTexture(const std::string& relativePath) {
    PhotoCache& c = cache();
    const std::filesystem::path full = c.root.empty() ? std::filesystem::path(relativePath) : c.root / relativePath;
    const std::string key = full.string();
    if (const auto it = c.photos.find(key); it != c.photos.end()) return it->second;
    PhotoTexture& photo = c.photos[key];
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(key.c_str(), &w, &h, &channels, 4);
    if (!pixels) {
        photo.error = fmt(Str::ProjPhotoMissing, {relativePath});
        return photo;
    }
    photo.width = w;
    photo.height = h;
    if (c.backend.create) {
        if (w > kMaxSide || h > kMaxSide) {
            const std::vector<unsigned char> small = shrink(pixels, w, h);
            photo.texture = c.backend.create(small.data(), w, h);
        } else {
            photo.texture = c.backend.create(pixels, w, h);
        }
    }
    stbi_image_free(pixels);
    return photo;
}

}  // namespace atelier::ui
