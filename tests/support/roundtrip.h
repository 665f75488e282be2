// Checking actions: applied, undone and redone through Session with the model checked at each step, or refused
// without any change.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/session.h"
#include "support/fixtures.h"

namespace atelier::test {

/// Applies `action`, then undo, then redo, checking the model after each step; returns the model after apply.
inline Model roundTrip(Session& s, Action action) {
    const Model before = s.model();
    const auto revision = s.revision();
    const Status applied = s.apply(std::move(action));
    INFO(applied.message);
    REQUIRE(applied.ok);
    const Model after = s.model();
    CHECK_FALSE(sameContent(before, after));
    CHECK(s.revision() == revision + 1);
    REQUIRE(s.canUndo());
    CHECK_FALSE(s.undoLabel().empty());
    REQUIRE(s.undo().ok);
    CHECK(sameContent(s.model(), before));
    REQUIRE(s.canRedo());
    REQUIRE(s.redo().ok);
    CHECK(sameContent(s.model(), after));
    CHECK(s.model().nextId == after.nextId);
    return after;
}

/// Applies an action that must be refused, checking that the model did not change.
inline std::string refused(Session& s, Action action) {
    const Model before = s.model();
    const Status st = s.apply(std::move(action));
    CHECK_FALSE(st.ok);
    CHECK_FALSE(st.message.empty());
    CHECK(s.model() == before);
    return st.message;
}

}  // namespace atelier::test
