// Atelier — the facilitator's studio for « Le Tour des Cités éducatives ».
#include "cli/cli.h"

int main(int argc, char** argv) { return atelier::cli::run(argc, argv); }
