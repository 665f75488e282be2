// ATELIER_ASSERT(cond, "what the caller forgot"): a contract between two pieces of our own code, checked in every
// build (Release too, so the tests run it): when it fails, the message, the condition and file:line go to stderr
// and the program aborts, as IM_ASSERT does. Never for what a user typed or a file holds: that is validated and
// comes back as an error (Status, ApplyResult, a French message).
#pragma once

namespace atelier {

/// Called on a failed assertion. The default prints and aborts; a test may install one that throws, to check that
/// no bad input reaches a contract.
using AssertHandler = void (*)(const char* condition, const char* message, const char* file, int line);
/// Installs `handler` (nullptr: the default) and returns the previous one.
AssertHandler setAssertHandler(AssertHandler handler);
/// Runs the handler, then aborts if it returned.
[[noreturn]] void assertFailed(const char* condition, const char* message, const char* file, int line);

}  // namespace atelier

#define ATELIER_ASSERT(cond, message) \
    ((cond) ? static_cast<void>(0) : ::atelier::assertFailed(#cond, message, __FILE__, __LINE__))
