#include "core/assert.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace atelier {

namespace {
std::atomic<AssertHandler> handler{nullptr};
}  // namespace

AssertHandler setAssertHandler(AssertHandler next) { return handler.exchange(next); }

void assertFailed(const char* condition, const char* message, const char* file, int line) {
    if (AssertHandler h = handler.load()) h(condition, message, file, line);
    std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, message, condition);
    std::fflush(stderr);
    std::abort();
}

}  // namespace atelier
