#include "ui/wake.h"

#include <atomic>

namespace atelier::ui {

namespace {
std::atomic<void (*)()> gWaker{nullptr};
}

void setLoopWaker(void (*waker)()) { gWaker = waker; }

void wakeLoop() {
    if (void (*waker)() = gWaker.load()) waker();
}

}  // namespace atelier::ui
