#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <vector>

#include "core/assert.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/keys.h"
#include "ui/probe.h"
#include "ui/text_fit.h"
#include "core/strings.h"

namespace atelier::ui {

// [SECTION] Fields posted with Enter, and what became of what was posted

namespace {
std::vector<Submission*> waiting;  // since the last settleWaiting
}  // namespace

void Submission::wait(const Actions& out, bool inBatch) {
    if (state != State::Waiting) waiting.push_back(this);
    state = State::Waiting;
    batch = inBatch;
    index = inBatch ? out.batches.size() - 1 : out.size() - 1;
}

bool Submission::accepted() {
    if (state != State::Accepted) return false;
    state = State::Idle;
    return true;
}

bool Submission::refused() {
    if (state != State::Refused) return false;
    state = State::Idle;
    return true;
}

void settle(Submission& s, const std::vector<bool>& actions, const std::vector<bool>& batches) {
    if (s.state != Submission::State::Waiting) return;
    const std::vector<bool>& outcomes = s.batch ? batches : actions;
    // An action the shell never applied (a frame drawn without it) counts as refused: the text stays.
    const bool ok = s.index < outcomes.size() && outcomes[s.index];
    s.state = ok ? Submission::State::Accepted : Submission::State::Refused;
}

void settleWaiting(const std::vector<bool>& actions, const std::vector<bool>& batches) {
    std::vector<Submission*> now;
    now.swap(waiting);
    for (Submission* s : now) settle(*s, actions, batches);
}

void forgetWaiting() { waiting.clear(); }

namespace {

/// Keystrokes of one Dear ImGui context waiting for a field posted with Enter to take the keyboard back.
struct TypeAhead {
    ImGuiID field = 0;           // the field that keeps the keyboard after Enter
    int since = 0;               // frame of that Enter
    std::vector<ImWchar> carry;  // characters (and typed Enters) to give it, in order
};

TypeAhead& typeAhead() {
    static std::unordered_map<ImGuiContext*, TypeAhead> byContext;
    return byContext[ImGui::GetCurrentContext()];
}

bool isTypedEnter(ImWchar c) { return c == kTypedEnter || c == '\n' || c == '\r'; }

/// Puts `first` in front of the characters queued for this frame.
void prepend(ImVector<ImWchar>& queue, std::vector<ImWchar>& first) {
    if (first.empty()) return;
    first.insert(first.end(), queue.begin(), queue.end());
    queue.resize(static_cast<int>(first.size()));
    std::copy(first.begin(), first.end(), queue.begin());
    first.clear();
}

/// Frames a field posted with Enter waits to take the keyboard back before its keystrokes go elsewhere.
constexpr int kRefocusFrames = 4;

}  // namespace

void forgetInactiveTextState() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.InputTextState.ID != 0 && g.InputTextState.ID != g.ActiveId) g.InputTextState.ID = 0;
}

/// Up and Down in a field given `arrows`: Dear ImGui calls this instead of moving the focus to another widget.
static int countArrows(ImGuiInputTextCallbackData* data) {
    int& arrows = *static_cast<int*>(data->UserData);
    if (data->EventKey == ImGuiKey_UpArrow) --arrows;
    if (data->EventKey == ImGuiKey_DownArrow) ++arrows;
    return 0;
}

bool entryField(const char* id, std::string& text, const char* hint, float width, float height, bool& focus,
                int* arrows) {
    ATELIER_ASSERT(!(arrows && height > 0), "arrows choose suggestions under a one-line field");
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImVector<ImWchar>& queue = g.IO.InputQueueCharacters;
    const ImGuiID gid = ImGui::GetID(id);
    const int now = ImGui::GetFrameCount();
    TypeAhead& ahead = typeAhead();
    if (ahead.field == gid && (now < ahead.since || now - ahead.since > kRefocusFrames)) {
        ahead = TypeAhead{};  // not drawn for a while (or a new context): what was typed then is stale
    } else if (ahead.field == gid && g.ActiveId != 0 && g.ActiveId != gid) {
        // Another widget took the keyboard: it gets what was typed ahead.
        prepend(queue, ahead.carry);
        ahead = TypeAhead{};
    }
    const bool mine = ahead.field == gid;
    const bool active = g.ActiveId == gid;
    if (mine && active) {  // what was typed ahead comes before what is new
        prepend(queue, ahead.carry);
    }
    bool typedEnter = false;
    if (active) {
        // Enter typed within this frame: the characters before it go to this entry, the rest to the next one.
        for (int i = 0; i < queue.Size; ++i)
            if (isTypedEnter(queue[i])) {
                ahead.carry.assign(queue.begin() + i + 1, queue.end());
                queue.resize(i);
                typedEnter = true;
                break;
            }
    } else if (mine) {
        // Not back yet: every keystroke waits until the field has the keyboard again (a frame or two).
        ahead.carry.insert(ahead.carry.end(), queue.begin(), queue.end());
        queue.resize(0);
        ImGui::SetKeyboardFocusHere();
    }
    if (focus) {
        ImGui::SetKeyboardFocusHere();
        focus = false;
    }
    bool enter = false;
    if (height > 0) {
        enter = multilineField(id, text, ImVec2(width, height),
                               ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine);
    } else {
        ImGui::SetNextItemWidth(width);
        ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
        if (arrows) flags |= ImGuiInputTextFlags_CallbackHistory;
        enter = hintField(id, hint ? hint : "", text, flags, arrows ? countArrows : nullptr, arrows);
    }
    if (typedEnter && g.ActiveId == gid) ImGui::ClearActiveID();  // posted, as by the Enter key
    enter = enter || typedEnter;
    if (enter) {
        // Its text changes behind its back from now on (emptied once accepted): a fresh undo history when the
        // field takes the keyboard again, which it asks for on the next frame.
        if (g.InputTextState.ID == gid) g.InputTextState.ID = 0;
        ahead.field = gid;
        ahead.since = now;
        ImGui::SetKeyboardFocusHere(-1);  // back on the next frame
    } else if (mine && g.ActiveId == gid) {
        // Back after Enter with its text still there (refused, or kept to be completed): the cursor goes to its end
        // rather than selecting it all, so that the next keystroke adds to the text instead of replacing it.
        if (g.InputTextState.ID == gid && g.InputTextState.HasSelection()) {
            g.InputTextState.Stb.cursor = g.InputTextState.CurLenW;
            g.InputTextState.ClearSelection();
        }
        if (ahead.carry.empty()) ahead = TypeAhead{};  // back, nothing left to hand over
        else ahead.since = now;                        // back: the carried keystrokes go in on the next frame
    }
    return enter;
}

bool commitText(Drafts& drafts, const char* id, const std::string& value, std::string& committed, float width,
                const char* hint) {
    const ImGuiID gid = ImGui::GetID(id);
    std::string& draft = drafts[gid];
    // The draft follows the model while the field is not being edited — except on the frame after the field was
    // left (Tab, a click elsewhere): Dear ImGui reports that deactivation only now, and the edit must survive it.
    const bool leftLastFrame = ImGui::GetCurrentContext()->ActiveIdPreviousFrame == gid;
    if (ImGui::GetActiveID() != gid && !leftLastFrame) draft = value;
    ImGui::SetNextItemWidth(width);
    if (hint) hintField(id, hint, draft);
    else ImGui::InputText(id, &draft);
    if (ImGui::IsItemDeactivatedAfterEdit() && draft != value) {
        committed = draft;
        return true;
    }
    return false;
}

bool confirmedButton(const char* label, const std::string& question, const std::string& probeKey) {
    ImGui::PushID(probeKey.c_str());
    if (ImGui::Button(label)) ImGui::OpenPopup("##confirm");
    probe::mark(probeKey);
    bool confirmed = false;
    if (ImGui::BeginPopup("##confirm")) {
        ImGui::TextUnformatted(question.c_str());
        ImGui::TextDisabled("%s", tr(Str::ConfirmUndoHint));
        ImGui::PushStyleColor(ImGuiCol_Button, console::vec(console::kDanger));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, console::vec(console::kDangerHovered));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, console::vec(console::kDangerActive));
        ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kOnDanger));
        if (ImGui::Button(tr(Str::ConfirmDelete))) {
            confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopStyleColor(4);
        probe::mark("confirm.yes");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::ConfirmCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
        probe::mark("confirm.no");
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return confirmed;
}

/// Moves the cursor so that a button labelled `label` ends at the right edge of the line (away from the frequent
/// buttons before it), or to the next line when the line is too full.
void alignRight(const char* label) {
    const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    const float right = ImGui::GetWindowContentRegionMax().x - w;
    if (right - ImGui::GetCursorPosX() < em(2.25f)) ImGui::NewLine();
    else ImGui::SetCursorPosX(right);
}

void sameLineIfRoom(float width) {
    // Decided before moving: a SameLine taken back with NewLine would leave the cursor's widest reach past the edge.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

std::optional<int> parseInt(const std::string& text) {
    const std::string_view t = trim(text);
    if (t.empty() || t.size() > 6) return std::nullopt;
    int v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

std::string territoryName(const Model& model, std::optional<Id> id, const char* fallback) {
    const Territory* t = id ? model.territory(*id) : nullptr;
    return t ? t->name : std::string(fallback);
}

bool territoryCombo(const char* id, const Model& model, std::optional<Id> current, std::optional<Id>& chosen,
                    const char* noneLabel, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (comboBox(id, territoryName(model, current, noneLabel), ComboText::Label)) {
        if (ImGui::Selectable(noneLabel, !current) && current) {
            chosen.reset();
            changed = true;
        }
        std::vector<const Territory*> sorted;
        for (const Territory& t : model.territories) sorted.push_back(&t);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Territory* a, const Territory* b) {
            if (a->cite != b->cite) return a->cite;
            return foldForSearch(a->name) < foldForSearch(b->name);
        });
        for (const Territory* t : sorted) {
            ImGui::PushID(static_cast<int>(t->id));
            if (ImGui::Selectable(t->name.c_str(), current == t->id) && current != t->id) {
                chosen = t->id;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

namespace {

/// What a combo's frame takes beside its preview: the arrow and the padding on both sides.
float comboChrome() { return ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2.0f; }
/// What a text field's frame takes beside its text: the padding on both sides.
float fieldChrome() { return ImGui::GetStyle().FramePadding.x * 2.0f; }

}  // namespace

std::string elide(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width + 0.5f) return text;
    const float ellipsis = ImGui::CalcTextSize("\u2026").x;
    const char* end = ImGui::GetFont()->CalcWordWrapPositionA(1.0f, text.c_str(), text.c_str() + text.size(),
                                                              std::max(0.0f, width - ellipsis));
    size_t cut = static_cast<size_t>(end - text.c_str());
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    std::string shown = std::string(trim(std::string_view(text).substr(0, cut))) + "\u2026";
    while (shown.size() > 3 && ImGui::CalcTextSize(shown.c_str()).x > width + 0.5f) {
        size_t back = shown.size() - 3;  // before « … »
        do --back;
        while (back > 0 && (static_cast<unsigned char>(shown[back]) & 0xC0) == 0x80);
        shown = shown.substr(0, back) + "\u2026";
    }
    return shown;
}

bool comboBox(const char* id, const std::string& preview, ComboText kind, ImGuiComboFlags flags) {
    const float room = ImGui::CalcItemWidth() - comboChrome();  // what the preview has
    const float needed = ImGui::CalcTextSize(preview.c_str()).x;
    if (kind == ComboText::Label && needed > room + 0.5f) reportCut(preview, needed, room);
    const std::string shown = kind == ComboText::UserText ? elide(preview, room) : preview;
    const bool open = ImGui::BeginCombo(id, shown.c_str(), flags);
    if (!open && shown != preview && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", preview.c_str());
    return open;
}

bool elidedSelectable(const std::string& label, bool selected) {
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string shown = elide(label, width);
    const bool clicked = ImGui::Selectable(shown.c_str(), selected);
    if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
    return clicked;
}

bool wrappedSelectable(const char* id, const std::string& label, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = std::max(em(1.1f), width - style.FramePadding.x);
    const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(id, false, 0, ImVec2(width, text.y));
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                        label.c_str(), nullptr, wrap);
    return clicked;
}

float comboWidthFor(const std::vector<std::string>& labels) {
    float widest = 0;
    for (const std::string& l : labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    return std::ceil(widest + comboChrome() + 2.0f);
}

float territoryComboWidth(const Model& model, const char* noneLabel) {
    std::vector<std::string> labels{noneLabel};
    for (const Territory& t : model.territories) labels.push_back(t.name);
    return comboWidthFor(labels);
}

bool multilineField(const char* id, std::string& text, ImVec2 size, ImGuiInputTextFlags flags) {
    const bool result = ImGui::InputTextMultiline(id, &text, size, flags);
    noteMultilineField(ImGui::GetItemID());
    return result;
}

bool hintField(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags,
               ImGuiInputTextCallback callback, void* user) {
    // The hint is our label: it must be read whole in the empty field.
    if (text.empty() && hint) {
        const float room = ImGui::CalcItemWidth() - fieldChrome(), needed = ImGui::CalcTextSize(hint).x;
        if (needed > room + 0.5f) reportCut(hint, needed, room);
    }
    return ImGui::InputTextWithHint(id, hint ? hint : "", &text, flags, callback, user);
}

float hintWidth(const char* hint) {
    return std::ceil(ImGui::CalcTextSize(hint).x + fieldChrome() + 2.0f);
}

}  // namespace atelier::ui
