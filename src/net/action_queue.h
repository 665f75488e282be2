// The single-writer hand-over of the participation server (DESIGN.md §3, Threads): an HTTP thread posts a job and
// waits; the owner of the session (the app's UI thread, the CLI's main loop) runs the pending jobs once per
// frame or loop turn with drain(). A job reads the model and applies actions through Session::apply there; no
// other thread ever reads the model.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/session.h"

namespace atelier::net {

/// What a job answers to the phone: an HTTP status and its JSON body.
struct Reply {
    int status = 200;
    std::string body;
};

/// Work for the owner thread: reads `model` (the session's), may apply actions to `session`, returns the answer.
using Job = std::function<Reply(const Model& model, Session& session)>;

/// A mutex-guarded queue of jobs, posted by any thread and run by the owner thread.
class ActionQueue {
public:
    /// Queues `job` and waits until the owner has run it; nullopt when it was not taken within `timeout` (then it
    /// never runs: the phone is told to try again and nothing was applied).
    std::optional<Reply> post(Job job, std::chrono::milliseconds timeout);
    /// Runs every pending job on the calling (owner) thread, in arrival order; returns how many ran.
    int drain(Session& session);
    /// Answers `reply` to every job not taken yet, which then never runs (the server is stopping).
    void refuseAll(const Reply& reply);
    /// Jobs waiting for drain().
    size_t pending() const;

private:
    struct Pending {
        Job job;
        std::mutex mutex;
        std::condition_variable done;
        bool taken = false;      // drain() has started it: it will finish and answer
        bool abandoned = false;  // its poster gave up before drain() took it: never run
        std::optional<Reply> reply;
    };

    mutable std::mutex mutex_;
    std::vector<std::shared_ptr<Pending>> pending_;
};

}  // namespace atelier::net
