// Wakes the console's loop from any thread (issue 30): a worker that finished (a photo decoded, an archive listed,
// the room's memory saved) or the phones' server with a job. The platform sets how (glfwPostEmptyEvent); headless
// runs and tests set nothing, and wakeLoop() does nothing.
#pragma once

namespace atelier::ui {

/// `waker` must be callable from any thread; null: none.
void setLoopWaker(void (*waker)());
void wakeLoop();

}  // namespace atelier::ui
