// Session: the single place where the model changes. apply() validates an action, applies it, keeps its inverse
// for undo, hands it to the journal (SQLite in the app, nothing in some tests) and bumps the revision.
// If the journal refuses the entry, the change is rolled back and the error returned: what the UI shows has
// always been committed first.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/model.h"

namespace atelier {

/// Why an action is recorded: replay applies all of them in order.
enum class JournalKind { Do, Undo, Redo, Seed };

/// Where accepted actions are recorded before anyone sees their effect. Implemented by the store.
class Journal {
public:
    virtual ~Journal() = default;
    /// Records one applied action (ids resolved). Throws std::exception when the record cannot be made durable.
    /// Inside a group, `action` stays valid and unchanged until commit() or rollback(): a journal may write the
    /// group's records at commit().
    virtual void record(const Action& action, JournalKind kind) = 0;
    /// Groups the records that follow, until commit() or rollback(), into one durable unit.
    virtual void begin() {}
    /// Makes the group durable. Throws std::exception when it cannot.
    virtual void commit() {}
    /// Forgets the group's records.
    virtual void rollback() {}
    /// Opens a batch of groups made durable together by commitBatch() (one fsync for a frame of phones' actions):
    /// begin()/commit()/rollback() inside it keep or forget one group alone. Throws when it cannot open one.
    virtual void beginBatch() {}
    /// Makes the batch durable. Throws std::exception when it cannot: then nothing of the batch is kept.
    virtual void commitBatch() {}
    /// Forgets the whole batch.
    virtual void rollbackBatch() {}
};

/// Success or a French message saying what to fix.
struct Status {
    bool ok = true;
    std::string message;
    bool notSaved = false;  // the journal could not make the change durable (disk full, data folder gone)
    explicit operator bool() const { return ok; }
    static Status failure(std::string message) { return {false, std::move(message)}; }
};

class Session {
public:
    explicit Session(Model model = {}, Journal* journal = nullptr);

    const Model& model() const { return model_; }
    /// Increases by one for every change (action, undo, redo): screens compare it to refresh caches.
    std::uint64_t revision() const { return revision_; }

    /// Validates, applies, journals and records `action` for undo.
    Status apply(Action action);
    /// Applies `actions` in order as one step: one undo, one transaction, all or nothing (on the first refusal
    /// nothing stays applied and the message names what to fix). `label` names the step in the undo menu.
    Status applyAll(std::vector<Action> actions, std::string label);
    /// Applies `action` like apply() but outside the undo history, journalled as `kind` (the Tour's seed).
    Status applyUnrecorded(Action action, JournalKind kind);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// Label of the step undo() would revert, e.g. « Modifier l'étape 1 »; empty when none.
    const std::string& undoLabel() const;
    const std::string& redoLabel() const;
    /// The actions of the step undo() (redo()) would revert (replay), as applied: where it happened, for the UI to
    /// show it. Empty when none.
    const std::vector<Action>& undoActions() const;
    const std::vector<Action>& redoActions() const;
    Status undo();
    Status redo();

    /// Most steps kept for undo; older ones are forgotten.
    static constexpr size_t kMaxHistory = 1000;

    /// Applies the steps that follow, until endBatch(), in one journal transaction (the phones' jobs of one frame:
    /// one fsync instead of one per action, issue 28). Each step is still accepted or refused on its own and stays
    /// its own undo step. A batch that cannot be made durable undoes every step of it and says why (notSaved).
    void beginBatch();
    Status endBatch();

private:
    struct Step {
        std::vector<Action> forward;  // as applied (ids resolved)
        std::vector<Action> inverse;  // in the order that undoes the step
        std::string label;
    };
    /// Applies and journals `actions` as one unit; on success they are resolved in place and `inverse` (when
    /// given) holds what undoes them, in order. On failure the model and the journal are as before.
    Status commit(std::vector<Action>& actions, JournalKind kind, std::vector<Action>* inverse);

    Model model_;
    Journal* journal_ = nullptr;
    std::uint64_t revision_ = 0;
    std::deque<Step> undo_;
    std::vector<Step> redo_;
    bool batching_ = false;
    size_t batchSteps_ = 0;  // steps of the open batch on the undo stack, newest last
    std::string batchError_;  // the batch could not be opened
};

/// Actions handed over by other threads (a long mixer search, the future LAN server), drained by the UI thread
/// once per frame and applied there.
class ActionQueue {
public:
    void push(Action action);
    /// Takes every pending action, in arrival order.
    std::vector<Action> drain();

private:
    std::mutex mutex_;
    std::vector<Action> pending_;
};

}  // namespace atelier
