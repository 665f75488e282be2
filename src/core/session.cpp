#include "core/session.h"

#include <exception>

#include "core/strings.h"

namespace atelier {

Session::Session(Model model, Journal* journal) : model_(std::move(model)), journal_(journal) {}

Status Session::commit(Action& action, JournalKind kind, Action* inverse) {
    ApplyResult result = applyAction(model_, action);
    if (!result) return Status::failure(std::move(result.error));
    if (journal_) {
        try {
            journal_->record(action, kind);
        } catch (const std::exception& e) {
            Action undo = result.inverse;
            applyAction(model_, undo);  // the inverse of an accepted action always applies
            return Status::failure(fmt(Str::ErrJournal, {e.what()}));
        }
    }
    ++revision_;
    if (inverse) *inverse = std::move(result.inverse);
    return {};
}

Status Session::apply(Action action) {
    std::string label = describe(action, model_);
    Action inverse;
    if (Status s = commit(action, JournalKind::Do, &inverse); !s) return s;
    undo_.push_back(Step{std::move(action), std::move(inverse), std::move(label)});
    if (undo_.size() > kMaxHistory) undo_.pop_front();
    redo_.clear();
    return {};
}

Status Session::applyUnrecorded(Action action, JournalKind kind) { return commit(action, kind, nullptr); }

const std::string& Session::undoLabel() const {
    static const std::string kNone;
    return undo_.empty() ? kNone : undo_.back().label;
}

const std::string& Session::redoLabel() const {
    static const std::string kNone;
    return redo_.empty() ? kNone : redo_.back().label;
}

Status Session::undo() {
    if (undo_.empty()) return Status::failure(tr(Str::NothingToUndo));
    Step step = undo_.back();
    Action forward;
    if (Status s = commit(step.inverse, JournalKind::Undo, &forward); !s) return s;
    undo_.pop_back();
    redo_.push_back(Step{std::move(forward), std::move(step.inverse), std::move(step.label)});
    return {};
}

Status Session::redo() {
    if (redo_.empty()) return Status::failure(tr(Str::NothingToRedo));
    Step step = redo_.back();
    // step.forward is the inverse of the undo: applying it redoes the action.
    Action inverse;
    if (Status s = commit(step.forward, JournalKind::Redo, &inverse); !s) return s;
    redo_.pop_back();
    undo_.push_back(Step{std::move(step.forward), std::move(inverse), std::move(step.label)});
    return {};
}

void ActionQueue::push(Action action) {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(action));
}

std::vector<Action> ActionQueue::drain() {
    std::lock_guard lock(mutex_);
    std::vector<Action> out;
    out.swap(pending_);
    return out;
}

}  // namespace atelier
