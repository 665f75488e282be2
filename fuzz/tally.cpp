// Fuzz target: a vote file (`atelier tally FILE.json`): JSON, the election read from it, the tally, both outputs.
#include <cstdint>
#include <string_view>

#include "cli/commands.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    atelier::cli::tallyVoteJson(text, "vote.json", false);
    atelier::cli::tallyVoteJson(text, "vote.json", true);
    return 0;
}
