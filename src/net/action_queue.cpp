#include "net/action_queue.h"

namespace atelier::net {

std::optional<Reply> ActionQueue::post(Job job, std::chrono::milliseconds timeout) {
    auto item = std::make_shared<Pending>();
    item->job = std::move(job);
    {
        std::lock_guard lock(mutex_);
        pending_.push_back(item);
    }
    std::unique_lock lock(item->mutex);
    if (!item->done.wait_for(lock, timeout, [&] { return item->reply.has_value(); })) {
        if (!item->taken) {
            item->abandoned = true;
            return std::nullopt;
        }
        item->done.wait(lock, [&] { return item->reply.has_value(); });  // running now: its answer is near
    }
    return std::move(item->reply);
}

int ActionQueue::drain(Session& session) {
    std::vector<std::shared_ptr<Pending>> jobs;
    {
        std::lock_guard lock(mutex_);
        jobs.swap(pending_);
    }
    int ran = 0;
    for (const auto& item : jobs) {
        {
            std::lock_guard lock(item->mutex);
            if (item->abandoned) continue;
            item->taken = true;
        }
        Reply reply;
        try {
            reply = item->job(session.model(), session);
        } catch (const std::exception&) {
            reply = Reply{500, std::string()};  // the server turns an empty 500 into its French message
        }
        ++ran;
        {
            std::lock_guard lock(item->mutex);
            item->reply = std::move(reply);
        }
        item->done.notify_all();
    }
    return ran;
}

void ActionQueue::refuseAll(const Reply& reply) {
    std::vector<std::shared_ptr<Pending>> jobs;
    {
        std::lock_guard lock(mutex_);
        jobs.swap(pending_);
    }
    for (const auto& item : jobs) {
        {
            std::lock_guard lock(item->mutex);
            if (item->abandoned) continue;
            item->abandoned = true;
            item->reply = reply;
        }
        item->done.notify_all();
    }
}

size_t ActionQueue::pending() const {
    std::lock_guard lock(mutex_);
    return pending_.size();
}

}  // namespace atelier::net
