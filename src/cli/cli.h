// The command line: `atelier [--data DIR] [COMMAND …]`. No command opens the GUI.
#pragma once

namespace atelier::cli {

/// Parses the arguments and runs the command; returns the process exit code.
int run(int argc, char** argv);

}  // namespace atelier::cli
