// The command line: `atelier [--data DIR] [COMMAND …]`. No command opens the GUI, which atelier_cli does not link:
// main.cpp hands in the graphical front-end (the app, `screenshot`) when the program has one.
#pragma once

namespace atelier::cli {

class Context;
class Args;

/// What the graphical front-end adds to the command line. Each returns the process exit code.
struct Gui {
    /// No command: the app, on the data folder this process holds (`context.workspace()` opens it for writing).
    int (*app)(Context& context) = nullptr;
    /// `screenshot …`: one screen rendered to a PNG.
    int (*screenshot)(Context& context, Args& args) = nullptr;
};

/// Parses the arguments and runs the command (or `gui`'s app or screenshot); returns the process exit code.
/// Without `gui`, no command and `screenshot` say that this program has no windows (exit 2).
int run(int argc, char** argv, const Gui& gui = {});

}  // namespace atelier::cli
