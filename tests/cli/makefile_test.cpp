// The Makefile's set-up step, run as a user without root or sudo would meet it.
#include <doctest/doctest.h>

#include "support/cli.h"

#include <string>

TEST_CASE("make deps without root or sudo names the apt-get command to run as root, and fails") {
    // SUDO=none stands for a user who is neither root nor has sudo; the package is one that is never installed.
    const atelier::test::CliRun r = atelier::test::capture(
        "make -s -C " + atelier::test::quoted(ATELIER_SOURCE_DIR) +
        " deps PACKAGES='make atelier-paquet-absent' SUDO=none 2>&1");
    INFO(r.out);
    CHECK(r.code != 0);
    CHECK(r.out.find("n'a pas sudo") != std::string::npos);
    // Only the missing package (make is installed), on a line of its own to copy.
    CHECK(r.out.find("  apt-get update && apt-get install -y --no-install-recommends atelier-paquet-absent\n") !=
          std::string::npos);
}
