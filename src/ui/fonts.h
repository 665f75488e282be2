// DejaVu Sans (Debian's fonts-dejavu-core) at every size Atelier draws, in one atlas shared by both windows.
#pragma once

struct ImFont;
struct ImFontAtlas;
typedef unsigned short ImWchar;

namespace atelier::ui {

struct Fonts {
    ImFont* body = nullptr;     // console text
    ImFont* bold = nullptr;     // console labels
    ImFont* heading = nullptr;  // console headings
    ImFont* large = nullptr;    // projector text, drawn scaled to the room's screen
    ImFont* largeBold = nullptr;  // projector titles
};

/// Glyph ranges covering French (é è à ç œ « » ’ – …), € and the symbols we draw (arrows, ✓ ✕, bullets).
const ImWchar* glyphRanges();

/// Adds the fonts to `atlas` and builds it. Falls back to Dear ImGui's own font (no accents) when DejaVu is
/// missing, so that the app still opens. Call once, before the first frame of any context.
const Fonts& loadFonts(ImFontAtlas& atlas);

/// The atlas every Dear ImGui context of the process shares (console, projector, headless frames), with the
/// fonts loaded and built on first use.
ImFontAtlas& sharedAtlas();

/// The fonts loaded by loadFonts().
const Fonts& fonts();

/// Pixel sizes at which the fonts are baked.
inline constexpr float kBodySize = 18.0f;
inline constexpr float kHeadingSize = 24.0f;
inline constexpr float kLargeSize = 64.0f;

}  // namespace atelier::ui
