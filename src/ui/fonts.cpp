#include "ui/fonts.h"

#include <cmath>
#include <filesystem>
#include <imgui.h>

#include "export/pdf.h"

namespace atelier::ui {

namespace {
Fonts gFonts;
float gScale = 1.0f;  // the console fonts' scale in the shared atlas (loadFonts's last)
}

const ImWchar* glyphRanges() {
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (é è à ç « », no-break space)
        0x0100, 0x017F,  // Latin Extended-A (œ Œ)
        0x2010, 0x205E,  // dashes, quotes ’ “ ”, bullet •, ellipsis …, narrow no-break space, ‰ ‹ ›
        0x20AC, 0x20AC,  // €
        0x2190, 0x2195,  // arrows ← ↑ → ↓
        0x2212, 0x2212,  // minus sign
        0x25A0, 0x25CF,  // squares, triangles, circles ▲ ▼ ●
        0x26A0, 0x26A0,  // ⚠
        0x2713, 0x2718,  // ✓ ✔ ✕ ✖ ✗ ✘
        0,
    };
    return kRanges;
}

const Fonts& loadFonts(ImFontAtlas& atlas, float consoleScale) {
    const std::filesystem::path dir = exporting::defaultFontDir();  // the documents' PDF embeds the same files
    const auto regular = (dir / "DejaVuSans.ttf").string();
    const auto boldFile = (dir / "DejaVuSans-Bold.ttf").string();
    atlas.Clear();
    gFonts = Fonts{};
    if (std::filesystem::exists(regular) && std::filesystem::exists(boldFile)) {
        ImFontConfig config;
        config.OversampleH = 2;
        config.OversampleV = 1;
        config.PixelSnapH = false;
        // Whole pixel sizes: a glyph baked at 27 px is sharper than one at 27.3.
        const float body = std::round(kBodySize * consoleScale), heading = std::round(kHeadingSize * consoleScale);
        gFonts.body = atlas.AddFontFromFileTTF(regular.c_str(), body, &config, glyphRanges());
        gFonts.bold = atlas.AddFontFromFileTTF(boldFile.c_str(), body, &config, glyphRanges());
        gFonts.heading = atlas.AddFontFromFileTTF(boldFile.c_str(), heading, &config, glyphRanges());
        ImFontConfig large = config;
        large.OversampleH = 1;
        gFonts.large = atlas.AddFontFromFileTTF(regular.c_str(), kLargeSize, &large, glyphRanges());
        gFonts.largeBold = atlas.AddFontFromFileTTF(boldFile.c_str(), kLargeSize, &large, glyphRanges());
    }
    if (!gFonts.body) {
        ImFontConfig fallbackConfig;
        fallbackConfig.SizePixels = std::round(13.0f * consoleScale);
        ImFont* fallback = atlas.AddFontDefault(&fallbackConfig);
        gFonts = Fonts{fallback, fallback, fallback, fallback, fallback};
    }
    atlas.Build();
    gScale = consoleScale;
    return gFonts;
}

ImFontAtlas& sharedAtlas() {
    static ImFontAtlas* atlas = [] {
        auto* a = new ImFontAtlas();  // lives until exit: every context refers to it
        loadFonts(*a);
        return a;
    }();
    return *atlas;
}

const Fonts& fonts() { return gFonts; }

float consoleFontScale() { return gScale; }

bool setConsoleScale(float scale) {
    ImFontAtlas& atlas = sharedAtlas();  // baked at 1 on first use
    if (scale == gScale) return false;
    loadFonts(atlas, scale);
    return true;
}

float em(float n) { return n * (gFonts.body ? gFonts.body->FontSize : kBodySize); }

}  // namespace atelier::ui
