// The graphical front-end handed to the command line: the app and `screenshot` (src/gui_commands.cpp).
#pragma once

#include "cli/cli.h"

namespace atelier::cli {

/// The app (no command) and `screenshot`, both drawn by the GUI.
Gui gui();

}  // namespace atelier::cli
