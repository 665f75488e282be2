#include "core/session.h"

#include <exception>
#include <iterator>

#include "core/assert.h"
#include "core/strings.h"

namespace atelier {

Session::Session(Model model, Journal* journal) : model_(std::move(model)), journal_(journal) {}

Status Session::commit(std::vector<Action>& actions, JournalKind kind, std::vector<Action>* inverse) {
    std::vector<Action> undo;  // inverses of what is applied so far, newest last
    undo.reserve(actions.size());  // an import's step holds 100,000 actions: no reallocation on the way
    auto rollback = [&] {
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
            const bool undone = applyAction(model_, *it).ok;
            ATELIER_ASSERT(undone, "the inverse of an action just applied was refused: its apply() builds a wrong one");
        }
        if (journal_) journal_->rollback();
    };
    try {
        if (journal_) journal_->begin();
        for (Action& action : actions) {
            ApplyResult result = applyAction(model_, action);
            if (!result) {
                rollback();
                return Status::failure(std::move(result.error));
            }
            undo.push_back(std::move(result.inverse));
            if (journal_) journal_->record(action, kind);
        }
        if (journal_) journal_->commit();
    } catch (const std::exception& e) {
        rollback();
        Status failed = Status::failure(fmt(Str::ErrJournal, {e.what()}));
        failed.notSaved = true;
        return failed;
    }
    ATELIER_ASSERT(undo.size() == actions.size(), "commit() keeps one inverse per action applied");
    ++revision_;
    if (inverse) inverse->assign(std::make_move_iterator(undo.rbegin()), std::make_move_iterator(undo.rend()));
    return {};
}

Status Session::apply(Action action) {
    std::string label = describe(action, model_);
    std::vector<Action> actions;
    actions.push_back(std::move(action));
    return applyAll(std::move(actions), std::move(label));
}

Status Session::applyAll(std::vector<Action> actions, std::string label) {
    if (actions.empty()) return {};
    if (batching_ && !batchError_.empty()) {  // the batch's transaction could not be opened: nothing is applied
        Status failed = Status::failure(fmt(Str::ErrJournal, {batchError_}));
        failed.notSaved = true;
        return failed;
    }
    std::vector<Action> inverse;
    if (Status s = commit(actions, JournalKind::Do, &inverse); !s) return s;
    undo_.push_back(Step{std::move(actions), std::move(inverse), std::move(label)});
    if (batching_) ++batchSteps_;
    if (undo_.size() > kMaxHistory) {
        undo_.pop_front();
        if (batchSteps_ > undo_.size()) batchSteps_ = undo_.size();
    }
    redo_.clear();
    return {};
}

void Session::beginBatch() {
    ATELIER_ASSERT(!batching_, "beginBatch() inside a batch: end the first one");
    batching_ = true;
    batchSteps_ = 0;
    batchError_.clear();
    if (!journal_) return;
    try {
        journal_->beginBatch();
    } catch (const std::exception& e) {
        batchError_ = e.what();
    }
}

Status Session::endBatch() {
    if (!batching_) return {};
    batching_ = false;
    const size_t steps = std::exchange(batchSteps_, 0);
    if (!journal_ || !batchError_.empty()) return {};
    try {
        journal_->commitBatch();
        return {};
    } catch (const std::exception& e) {
        journal_->rollbackBatch();
        // Nothing of the batch is durable: its steps leave the model too, newest first, and leave no redo.
        for (size_t i = 0; i < steps && !undo_.empty(); ++i) {
            for (Action action : undo_.back().inverse) {
                const bool undone = applyAction(model_, action).ok;
                ATELIER_ASSERT(undone, "the inverse of a step just applied was refused: its apply() builds a wrong one");
            }
            undo_.pop_back();
        }
        redo_.clear();
        ++revision_;
        Status failed = Status::failure(fmt(Str::ErrJournal, {e.what()}));
        failed.notSaved = true;
        return failed;
    }
}

Status Session::applyUnrecorded(Action action, JournalKind kind) {
    std::vector<Action> actions;
    actions.push_back(std::move(action));
    return commit(actions, kind, nullptr);
}

const std::string& Session::undoLabel() const {
    static const std::string kNone;
    return undo_.empty() ? kNone : undo_.back().label;
}

const std::string& Session::redoLabel() const {
    static const std::string kNone;
    return redo_.empty() ? kNone : redo_.back().label;
}

const std::vector<Action>& Session::undoActions() const {
    static const std::vector<Action> kNone;
    return undo_.empty() ? kNone : undo_.back().forward;
}

const std::vector<Action>& Session::redoActions() const {
    static const std::vector<Action> kNone;
    return redo_.empty() ? kNone : redo_.back().forward;
}

Status Session::undo() {
    if (undo_.empty()) return Status::failure(tr(Str::NothingToUndo));
    Step& step = undo_.back();
    ATELIER_ASSERT(!step.inverse.empty() && step.inverse.size() == step.forward.size(),
                   "a step of the undo history holds one inverse per action");
    std::vector<Action> actions = step.inverse;
    std::vector<Action> forward;
    if (Status s = commit(actions, JournalKind::Undo, &forward); !s) return s;
    redo_.push_back(Step{std::move(forward), std::move(actions), std::move(step.label)});
    undo_.pop_back();
    return {};
}

Status Session::redo() {
    if (redo_.empty()) return Status::failure(tr(Str::NothingToRedo));
    Step& step = redo_.back();
    ATELIER_ASSERT(!step.forward.empty() && step.inverse.size() == step.forward.size(),
                   "a step of the redo history holds one inverse per action");
    std::vector<Action> actions = step.forward;
    std::vector<Action> inverse;
    if (Status s = commit(actions, JournalKind::Redo, &inverse); !s) return s;
    undo_.push_back(Step{std::move(actions), std::move(inverse), std::move(step.label)});
    redo_.pop_back();
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
