// png_check FILE.png WIDTH HEIGHT: exits 0 when the PNG exists, has that size and is not a single colour.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <stb_image.h>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png_check FILE.png WIDTH HEIGHT\n");
        return 2;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 4);
    if (!pixels) {
        std::fprintf(stderr, "%s: not a readable PNG (%s)\n", argv[1], stbi_failure_reason());
        return 1;
    }
    const int wantW = std::atoi(argv[2]), wantH = std::atoi(argv[3]);
    if (w != wantW || h != wantH) {
        std::fprintf(stderr, "%s: %dx%d, expected %dx%d\n", argv[1], w, h, wantW, wantH);
        return 1;
    }
    long distinct = 0;
    for (long i = 1; i < static_cast<long>(w) * h; ++i)
        if (std::memcmp(pixels + 4 * i, pixels, 4) != 0) ++distinct;
    stbi_image_free(pixels);
    if (distinct == 0) {
        std::fprintf(stderr, "%s: a single colour\n", argv[1]);
        return 1;
    }
    std::printf("%s: %dx%d, %ld pixels differ from the first\n", argv[1], w, h, distinct);
    return 0;
}
