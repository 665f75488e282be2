// The colours of a majority-judgment scale, shared by the vote results and the evaluation's results.
#pragma once

#include <imgui.h>

namespace atelier::ui {

/// Colour of grade `g` of a scale of `n` grades, red (worst) to green (best).
ImU32 gradeColour(int g, int n);
/// Black or white text, whichever contrasts more with `background`.
ImU32 textOn(ImU32 background);

}  // namespace atelier::ui
