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

/// Adds the fonts to `atlas` and builds it: the console's at `consoleScale` times their size (ui/scale.h), the
/// projector's at theirs. Falls back to Dear ImGui's own font (no accents) when DejaVu is missing, so that the app
/// still opens. Called on the shared atlas's first use and by setConsoleScale.
const Fonts& loadFonts(ImFontAtlas& atlas, float consoleScale = 1.0f);

/// The atlas every Dear ImGui context of the process shares (console, projector, headless frames), with the
/// fonts loaded and built on first use.
ImFontAtlas& sharedAtlas();

/// The fonts loaded by loadFonts().
const Fonts& fonts();

/// The scale the console's fonts are baked at in the shared atlas (1 until setConsoleScale).
float consoleFontScale();
/// Bakes the shared atlas again with the console's fonts at `scale` when it differs from consoleFontScale();
/// returns whether it did: every context's GPU copy of the atlas must then be made again, and every font pointer
/// taken before is stale. Call between frames, never inside one.
bool setConsoleScale(float scale);

/// A console length: `n` times the body text's size (kBodySize at 100 %), so that widths, gaps and heights follow
/// the console's zoom and the screen's scale with the text they hold.
float em(float n);

/// Pixel sizes at which the fonts are baked.
inline constexpr float kBodySize = 18.0f;
inline constexpr float kHeadingSize = 24.0f;
inline constexpr float kLargeSize = 64.0f;

}  // namespace atelier::ui
