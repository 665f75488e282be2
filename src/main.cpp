// Atelier — the facilitator's studio for « Le Tour des Cités éducatives ».
// Chooses: no command (or `screenshot`) opens the GUI, anything else is a command of the GUI-free command line.
#include "gui_commands.h"

int main(int argc, char** argv) { return atelier::cli::run(argc, argv, atelier::cli::gui()); }
