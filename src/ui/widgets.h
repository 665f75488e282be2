// Widgets shared by the console screens: text fields that commit once when left (one edit, one undo step),
// combos over enumerations and territories, headings.
#pragma once

#include <cfloat>
#include <imgui.h>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actions.h"
#include "core/enums.h"
#include "core/model.h"

namespace atelier::ui {

/// Text being typed in fields, by widget id: view state of a screen.
using Drafts = std::unordered_map<ImGuiID, std::string>;

/// ImGui::InputTextWithHint on a std::string, with the hint measured against the field's width (a hint is our
/// label: one cut is reported, see ui/text_fit.h).
bool hintField(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags = 0,
               ImGuiInputTextCallback callback = nullptr, void* user = nullptr);

/// The width of a field whose hint `hint` is read whole.
float hintWidth(const char* hint);

/// ImGui::InputTextMultiline, known to the cut-text scan as the user's text (ui/text_fit.h).
bool multilineField(const char* id, std::string& text, ImVec2 size, ImGuiInputTextFlags flags = 0);

/// A single-line text field showing `value`; returns true with the new text in `committed` when the user leaves
/// the field (Enter, Tab, a click elsewhere) with a changed text.
bool commitText(Drafts& drafts, const char* id, const std::string& value, std::string& committed,
                float width = -FLT_MIN, const char* hint = nullptr);

// [SECTION] Fields posted with Enter, and what became of what was posted

/// An action a screen emitted for what the user typed, until the app has applied it: the screen empties its form
/// only once the action is accepted, and keeps what was typed (to be corrected) when it is refused.
struct Submission {
    enum class State { Idle, Waiting, Accepted, Refused };
    State state = State::Idle;
    size_t index = 0;    // of the action in the frame's Actions (or of its batch)
    bool batch = false;
    /// Waits for the action just pushed on `out` (`batch`: for its last batch).
    void wait(const Actions& out, bool batch = false);
    /// True once when the action was accepted (the form can be emptied); a refusal is forgotten the same way.
    bool accepted();
    /// True once when the action was refused.
    bool refused();
};

/// The shell's side, once a frame's actions are applied: `actions[i]` (`batches[i]`) tells whether the i-th action
/// (batch) was accepted. A submission still waiting learns its outcome.
void settle(Submission& submission, const std::vector<bool>& actions, const std::vector<bool>& batches);
/// Settles every submission that started waiting since the last call (the shell calls it once a frame's actions
/// are applied: no screen lists its submissions).
void settleWaiting(const std::vector<bool>& actions, const std::vector<bool>& batches);
/// Forgets the submissions waiting (their views are going away).
void forgetWaiting();

/// A text field posted with Enter and emptied by its screen once accepted (quick entry of ideas, check-in at the
/// door, new territory, person, question): returns true when Enter was pressed — or typed within the frame, see
/// kTypedEnter — with the text in `text`. The field keeps the keyboard after Enter, the characters typed after
/// Enter in the same frame go to the next entry, and its undo history starts afresh after a post (Dear ImGui's
/// per-field undo must never replay on a text changed behind its back). `focus`: take the keyboard (reset to
/// false). `height` > 0: several lines, Ctrl+Enter for a new line. `arrows` (one line only): the Up and Down keys
/// stay in the field and add -1 or +1 to it, to choose among suggestions shown below (the check-in's matches).
bool entryField(const char* id, std::string& text, const char* hint, float width, float height, bool& focus,
                int* arrows = nullptr);

/// Once per frame, before any field: forgets the undo history of a text field that is no longer active, so that a
/// field whose text changed while it was left (emptied after a post, reverted by an undo) starts afresh.
void forgetInactiveTextState();

/// A destructive button (delete a board, a vote, a territory, a registration…): a click opens a small popup beside
/// it that asks `question`, with « Supprimer » and « Annuler » (Échap); returns true once confirmed. The action stays
/// undoable. `probeKey` marks the button for tests; the popup's buttons are marked "confirm.yes" and "confirm.no".
bool confirmedButton(const char* label, const std::string& question, const std::string& probeKey);

/// After a row of buttons: places the next one, labelled `label`, at the right edge of the line (or on the next
/// line when it is full), away from the frequent ones.
void alignRight(const char* label);
/// Puts the next item, `width` pixels wide, on the line of the previous one when it fits there, else below it (a
/// narrow panel, a large zoom).
void sameLineIfRoom(float width);
/// The width of a button labelled `label` (its text and frame).
float buttonWidth(const char* label);

/// A whole number typed by a person ("12", " 3 "); nullopt otherwise.
std::optional<int> parseInt(const std::string& text);

/// A heading in the heading font.
void heading(const char* text);

/// What a combo shows: one of our labels (an interface word, a Cité, an institution: it must fit, and is reported
/// as cut when it does not) or the user's text (a board's question: shortened with « … », whole on hover).
enum class ComboText { Label, UserText };
/// ImGui::BeginCombo with `preview` measured against the combo's width (see ComboText).
bool comboBox(const char* id, const std::string& preview, ComboText kind, ImGuiComboFlags flags = 0);
/// `text` shortened at a whole character with « … » to fit `width` pixels in the current font (whole when it fits).
std::string elide(const std::string& text, float width);
/// A selectable block `width` pixels wide holding `label` wrapped on as many lines as it needs (a group's member
/// with their Cité and role). Returns true when clicked.
bool wrappedSelectable(const char* id, const std::string& label, float width);
/// A selectable line of the user's text (a vote's question in a list): shortened with « … » to the width left,
/// whole on hover. Returns true when clicked.
bool elidedSelectable(const std::string& label, bool selected);

/// The width a combo needs to show the longest of `labels` whole (its arrow and padding included).
float comboWidthFor(const std::vector<std::string>& labels);
/// The width enumCombo<E> needs to show every value whole.
template <class E>
float enumComboWidth() {
    std::vector<std::string> labels;
    for (const auto& e : enumEntries<E>()) labels.emplace_back(tr(e.label));
    return comboWidthFor(labels);
}
/// The width territoryCombo needs to show every territory of `model` (and `noneLabel`) whole.
float territoryComboWidth(const Model& model, const char* noneLabel);

/// A combo over every value of an enumeration; returns true when the user picks another value.
template <class E>
bool enumCombo(const char* id, E current, E& chosen, float width = -FLT_MIN) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (comboBox(id, enumLabel(current), ComboText::Label)) {
        for (const auto& e : enumEntries<E>()) {
            if (ImGui::Selectable(tr(e.label), e.value == current) && e.value != current) {
                chosen = e.value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

/// A combo over the territories (Cités first, then by name) with a first entry for "none" labelled `noneLabel`;
/// returns true when the user picks another one.
bool territoryCombo(const char* id, const Model& model, std::optional<Id> current, std::optional<Id>& chosen,
                    const char* noneLabel, float width = -FLT_MIN);

/// Name of a territory, or `fallback` when there is none.
std::string territoryName(const Model& model, std::optional<Id> id, const char* fallback);

}  // namespace atelier::ui
