// Console screen « Idées »: the idea boards of the selected étape. A group's scribe (or the facilitator) types
// ideas — Enter posts and keeps the keyboard, several pasted lines post one idea each after a confirmation —;
// the facilitator sorts the cards: drag and drop between columns and into clusters (Ctrl held: merge), edit in
// place (double click), delete, merge, mark as « pratique à essaimer », hide new ideas until revealed.
// Only the cards on screen are drawn: their places are computed once per change (layoutBoard).
//
// [SECTION] Helpers: colours, layout
// [SECTION] Boards, columns, clusters
// [SECTION] Quick entry
// [SECTION] Cards and drag and drop
// [SECTION] Screen

#include <algorithm>
#include <cstring>
#include <cfloat>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <unordered_map>

#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"

namespace atelier::ui {

// [SECTION] Helpers: colours, layout

ImU32 groupColour(std::string_view group) {
    const std::string key = foldForSearch(trim(group));
    if (key.empty()) return console::kNoGroup;
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : key) h = (h ^ c) * 16777619u;
    return console::kGroupPalette[h % std::size(console::kGroupPalette)];
}

namespace {

/// Text sizes whose card heights a layout keeps (the wall tries a few while it fits its text to the screen).
constexpr size_t kMeasuredSizes = 4;

/// What a card's height depends on in its idea: its text and the texts merged into it.
std::uint64_t textHash(const Idea& idea) {
    std::uint64_t h = std::hash<std::string>{}(idea.text);
    for (const MergedIdea& part : idea.merged) h = (h ^ std::hash<std::string>{}(part.text)) * 1099511628211ull;
    return h ^ idea.merged.size();
}

/// The heights measured at this font, size, wrap and padding (a new entry, replacing the least recently used).
BoardLayout::Measured& measuredFor(BoardLayout& layout, const ImFont* font, float size, float wrap, float pad) {
    ++layout.layouts;
    for (BoardLayout::Measured& m : layout.measured)
        if (m.font == font && m.size == size && m.wrap == wrap && m.pad == pad) {
            m.used = layout.layouts;
            return m;
        }
    if (layout.measured.size() < kMeasuredSizes) {
        layout.measured.emplace_back();
    } else {
        auto oldest = std::min_element(layout.measured.begin(), layout.measured.end(),
                                       [](const auto& a, const auto& b) { return a.used < b.used; });
        std::rotate(oldest, oldest + 1, layout.measured.end());
        layout.measured.back() = {};
    }
    BoardLayout::Measured& m = layout.measured.back();
    m.font = font;
    m.size = size;
    m.wrap = wrap;
    m.pad = pad;
    m.used = layout.layouts;
    return m;
}

}  // namespace

void layoutBoard(BoardLayout& layout, const Board& board, float width, ImFont* font, float size, float pad,
                 const std::function<bool(const Idea&)>& visible, const std::vector<Id>& collapsed, bool blankHidden,
                 Id tall) {
    const size_t n = board.categories.size();
    layout.columns.assign(n, {});
    layout.heights.assign(n, 0.0f);
    layout.clusterSizes.clear();
    layout.shown = 0;
    layout.remeasured = 0;
    const float wrap = std::max(em(1.1f), width - 2 * pad - em(0.35f));
    const float gap = size * 0.45f;
    BoardLayout::Measured& measured = measuredFor(layout, font, size, wrap, pad);
    std::unordered_map<Id, std::vector<const Idea*>> byCluster;
    auto columnOf = [&](Id category) {  // a board has a handful of columns
        for (size_t c = 0; c < n; ++c)
            if (board.categories[c].id == category) return c;
        return n;
    };
    auto measure = [&](const Idea& idea) {
        float h = pad + font->CalcTextSizeA(size, FLT_MAX, wrap, idea.text.c_str()).y;
        for (const MergedIdea& part : idea.merged)
            h += size * 0.3f + font->CalcTextSizeA(size * 0.85f, FLT_MAX, wrap - size, part.text.c_str()).y;
        return h + size * 0.25f + size * 0.8f + pad;  // the footer: group, author, marks
    };
    auto cardHeight = [&](const Idea& idea) {
        if (blankHidden && idea.hidden) return size * 2.2f;
        const std::uint64_t hash = textHash(idea);
        auto [it, added] = measured.cards.try_emplace(idea.id, hash, 0.0f);
        if (added || it->second.first != hash) {
            it->second = {hash, measure(idea)};
            ++layout.remeasured;
        }
        const float h = it->second.second;
        return idea.id == tall ? std::max(h, size * 6.0f) : h;
    };
    auto add = [&](size_t c, Id id, size_t index, bool cluster, float h) {
        layout.columns[c].push_back({id, index, cluster, layout.heights[c], h});
        layout.heights[c] += h + gap;
    };
    auto card = [&](size_t c, const Idea& idea) {
        add(c, idea.id, static_cast<size_t>(&idea - board.ideas.data()), false, cardHeight(idea));
    };
    for (const Idea& idea : board.ideas) {
        if (!visible(idea)) continue;
        ++layout.shown;
        if (idea.cluster) {
            byCluster[*idea.cluster].push_back(&idea);
            continue;
        }
        if (const size_t c = columnOf(idea.category); c < n) card(c, idea);
    }
    for (size_t k = 0; k < board.clusters.size(); ++k) {
        const IdeaCluster& cl = board.clusters[k];
        const size_t c = columnOf(cl.category);
        if (c == n) continue;
        const auto& members = byCluster[cl.id];
        layout.clusterSizes[cl.id] = members.size();
        add(c, cl.id, k, true, size * 1.7f);
        if (std::find(collapsed.begin(), collapsed.end(), cl.id) != collapsed.end()) continue;
        for (const Idea* idea : members) card(c, *idea);
    }
}

/// Index of the first entry that reaches below `top` (entries are sorted by y).
size_t firstVisible(const std::vector<BoardLayout::Entry>& entries, float top) {
    return static_cast<size_t>(std::lower_bound(entries.begin(), entries.end(), top,
                                                [](const BoardLayout::Entry& e, float y) { return e.y + e.height < y; }) -
                               entries.begin());
}

namespace {

constexpr const char* kPayload = "ATELIER_IDEA";

/// The distinct group labels of a board, in the order they first appear.
std::vector<std::string> groupsOf(const Board& b) {
    std::vector<std::string> groups;
    std::vector<std::string> keys;
    for (const Idea& i : b.ideas) {
        std::string key = foldForSearch(trim(i.group));
        if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(std::move(key));
        groups.push_back(i.group);
    }
    return groups;
}

/// The lines of pasted text that hold something.
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        if (const std::string_view line = trim(std::string_view(text).substr(start, end - start)); !line.empty())
            out.emplace_back(line);
        start = end + 1;
    }
    return out;
}

Id columnOf(const Board& b, Id wanted) {
    if (indexOf(b.categories, wanted) >= 0) return wanted;
    return b.categories.empty() ? 0 : b.categories.front().id;
}

// [SECTION] Boards, columns, clusters

void drawBoardBar(BoardsView& view, const Etape& e, const Board* b, Actions& out, Requests& requests) {
    ImGui::SetNextItemWidth(em(17.75f));
    if (comboBox("##board", b ? b->title : tr(Str::BoardNone), ComboText::UserText)) {
        for (const Board& other : e.boards) {
            ImGui::PushID(static_cast<int>(other.id));
            if (ImGui::Selectable(other.title.c_str(), b && other.id == b->id)) view.selected = other.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    probe::mark("idees.board");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(14.5f));
    // Enter in the question creates the board, as « Créer » does.
    const bool enter = hintField("##new-board", tr(Str::BoardNewHint), view.newBoard,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    probe::mark("idees.new-board");
    ImGui::SameLine();
    if ((ImGui::Button(tr(Str::BoardCreate)) || enter) && !trim(view.newBoard).empty()) {
        Board nb;
        nb.title = view.newBoard;
        nb.categories = defaultBoardCategories();
        out.push_back(AddBoard{e.id, nb});
        view.boardSent.wait(out);
    }
    probe::mark("idees.create-board");
    if (!b) return;
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::BoardProject))) requests.push_back(ProjectRequest{"mur", b->id});
    probe::mark("idees.project");
    // Deleting the board sits at the far right, away from « Projeter le mur », and asks first.
    alignRight(tr(Str::BoardDelete));
    if (confirmedButton(tr(Str::BoardDelete), fmt(Str::ConfirmBoard, {b->title, std::to_string(b->ideas.size())}),
                        "idees.delete-board"))
        out.push_back(RemoveBoard{e.id, b->id});

    // The board's title, new columns and clusters: on one line when it fits, wrapped on a narrow screen.
    const auto next = sameLineIfRoom;
    std::string text;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::FieldBoardTitle));
    ImGui::SameLine();
    if (commitText(view.drafts, "##board-title", b->title, text, em(16.75f))) out.push_back(RenameBoard{e.id, b->id, text});
    next(em(9.5f) + em(8.25f));
    ImGui::SetNextItemWidth(em(9.5f));
    hintField("##new-category", tr(Str::BoardNewColumn), view.newCategory);
    ImGui::SameLine();
    if (view.categorySent.accepted()) view.newCategory.clear();
    if (ImGui::Button(tr(Str::BoardAddColumn)) && !trim(view.newCategory).empty()) {
        out.push_back(AddCategory{e.id, b->id, BoardCategory{0, view.newCategory}});
        view.categorySent.wait(out);
    }
    const float clusterWidth = std::max(em(9.5f), hintWidth(tr(Str::BoardNewCluster)));
    next(clusterWidth + em(9.0f) + em(10.0f));
    ImGui::SetNextItemWidth(clusterWidth);
    hintField("##new-cluster", tr(Str::BoardNewCluster), view.newCluster);
    ImGui::SameLine();
    const Id column = columnOf(*b, view.newClusterColumn);
    const int ci = indexOf(b->categories, column);
    ImGui::SetNextItemWidth(em(9.0f));
    if (comboBox("##cluster-column", ci >= 0 ? b->categories[static_cast<size_t>(ci)].name : "", ComboText::UserText)) {
        for (const BoardCategory& c : b->categories)
            if (ImGui::Selectable(c.name.c_str(), c.id == column)) view.newClusterColumn = c.id;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (view.clusterSent.accepted()) view.newCluster.clear();
    if (ImGui::Button(tr(Str::BoardAddCluster)) && !trim(view.newCluster).empty() && column) {
        out.push_back(AddCluster{e.id, b->id, IdeaCluster{0, view.newCluster, column}});
        view.clusterSent.wait(out);
    }
}

// [SECTION] Quick entry

void drawQuickEntry(BoardsView& view, const Etape& e, const Board& b, std::int64_t now, Actions& out) {
    const Id column = columnOf(b, view.category);
    ImGui::SetNextItemWidth(em(8.25f));
    hintField("##group", tr(Str::FieldGroup), view.group);
    probe::mark("idees.group");
    ImGui::SameLine(0, 2);
    if (ImGui::BeginCombo("##groups", nullptr, ImGuiComboFlags_NoPreview)) {
        // The groups of the Groupes tab first (every round), then those typed on this board before.
        std::vector<std::string> offered;
        const auto offer = [&](const std::string& g) {
            if (trim(g).empty()) return;
            for (const std::string& o : offered)
                if (foldForSearch(o) == foldForSearch(g)) return;
            offered.push_back(g);
        };
        for (const GroupRound& r : e.groups.rounds)
            for (const Group& g : r.groups) offer(g.name);
        for (const std::string& g : groupsOf(b)) offer(g);
        for (size_t i = 0; i < offered.size(); ++i) {
            if (ImGui::Selectable(offered[i].c_str(), foldForSearch(offered[i]) == foldForSearch(view.group)))
                view.group = offered[i];
            probe::mark("idees.group-choice." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    probe::mark("idees.groups");
    ImGui::SameLine();
    const int ci = indexOf(b.categories, column);
    ImGui::SetNextItemWidth(em(9.5f));
    if (comboBox("##entry-column", ci >= 0 ? b.categories[static_cast<size_t>(ci)].name : "", ComboText::UserText)) {
        for (const BoardCategory& c : b.categories)
            if (ImGui::Selectable(c.name.c_str(), c.id == column)) view.category = c.id;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em(8.25f), hintWidth(tr(Str::BoardAuthorHint))));
    hintField("##author", tr(Str::BoardAuthorHint), view.author);
    ImGui::SameLine();
    if (view.entrySent.accepted()) view.draft.clear();  // refused (too long…): kept, to be corrected
    const float lineH = ImGui::GetTextLineHeight();
    const bool enter = entryField("##entry", view.draft, nullptr, -em(7.25f),
                                  lineH * 1.6f + ImGui::GetStyle().FramePadding.y * 2, view.focusEntry);
    probe::mark("idees.entry");
    ImGui::SameLine();
    const bool button = ImGui::Button(tr(Str::BoardPost), ImVec2(-FLT_MIN, 0));
    probe::mark("idees.post");
    auto idea = [&](std::string text, IdeaEntry entry) {
        Idea i;
        i.text = std::move(text);
        i.group = view.group;
        i.author = view.author;
        i.category = column;
        i.time = now;
        i.entry = entry;
        return i;
    };
    if (view.draft.find('\n') != std::string::npos) {  // several lines at once: pasted
        std::vector<std::string> pasted = lines(view.draft);
        if (pasted.size() > 1) {
            view.pasted = std::move(pasted);
            view.draft.clear();
            ImGui::OpenPopup("##paste");
        } else {
            view.draft = pasted.empty() ? std::string() : pasted.front();
        }
    }
    if ((enter || button) && !trim(view.draft).empty()) {
        out.push_back(AddIdea{e.id, b.id, idea(view.draft, IdeaEntry::Keyboard)});
        view.entrySent.wait(out);
        if (button) view.focusEntry = true;  // the next idea is typed straight away (Enter keeps the keyboard)
    }
    if (view.pasteSent.accepted()) view.pasted.clear();
    if (view.pasteSent.refused()) ImGui::OpenPopup("##paste");  // the lines are still there: shown again
    ImGui::SetNextWindowSize(ImVec2(em(34.5f), 0));
    if (ImGui::BeginPopupModal("##paste", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        heading(fmt(Str::BoardPasteQuestion, {std::to_string(view.pasted.size())}).c_str());
        for (size_t i = 0; i < view.pasted.size() && i < 8; ++i) ImGui::BulletText("%s", excerpt(view.pasted[i], 80).c_str());
        if (view.pasted.size() > 8) ImGui::TextDisabled("%s", fmt(Str::BoardPasteMore, {std::to_string(view.pasted.size() - 8)}).c_str());
        if (ImGui::Button(fmt(Str::BoardPasteConfirm, {std::to_string(view.pasted.size())}).c_str())) {
            ActionBatch batch{fmt(Str::ActPasteIdeas, {std::to_string(view.pasted.size())}), {}};
            for (const std::string& line : view.pasted) batch.actions.push_back(AddIdea{e.id, b.id, idea(line, IdeaEntry::Paste)});
            out.batches.push_back(std::move(batch));
            view.pasteSent.wait(out, true);
            view.focusEntry = true;
            ImGui::CloseCurrentPopup();
        }
        probe::mark("idees.paste-confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::BoardCancel))) {
            view.pasted.clear();
            view.focusEntry = true;
            ImGui::CloseCurrentPopup();
        }
        probe::mark("idees.paste-cancel");
        ImGui::EndPopup();
    }
}

void drawFilters(BoardsView& view, const Etape& e, const Board& b, size_t shown, Actions& out) {
    ImGui::SetNextItemWidth(em(11.0f));
    if (comboBox("##filter-group", view.filterGroup.empty() ? tr(Str::BoardAllGroups) : view.filterGroup, ComboText::UserText)) {
        if (ImGui::Selectable(tr(Str::BoardAllGroups), view.filterGroup.empty())) view.filterGroup.clear();
        for (const std::string& g : groupsOf(b))
            if (ImGui::Selectable(g.c_str(), g == view.filterGroup)) view.filterGroup = g;
        ImGui::EndCombo();
    }
    probe::mark("idees.filter-group");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em(14.5f), hintWidth(tr(Str::BoardSearchHint))));
    hintField("##search", tr(Str::BoardSearchHint), view.search);
    probe::mark("idees.search");
    ImGui::SameLine();
    bool hide = b.hideNew;
    if (ImGui::Checkbox(tr(Str::BoardHideNew), &hide)) out.push_back(SetBoardHidden{e.id, b.id, hide});
    probe::mark("idees.hide-new");
    std::vector<Id> hidden;
    for (const Idea& i : b.ideas)
        if (i.hidden) hidden.push_back(i.id);
    ImGui::SameLine();
    ImGui::BeginDisabled(hidden.empty());
    if (ImGui::Button(fmt(Str::BoardReveal, {std::to_string(hidden.size())}).c_str()))
        out.push_back(RevealIdeas{e.id, b.id, hidden, true});
    ImGui::EndDisabled();
    probe::mark("idees.reveal");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", fmt(Str::BoardCount, {std::to_string(shown), std::to_string(b.ideas.size())}).c_str());
}

// [SECTION] Cards and drag and drop

/// What a drop asks for, emitted after the columns are drawn (never mid-iteration).
struct Drop {
    Id idea = 0;
    Id category = 0;
    std::optional<Id> cluster;
    Id before = 0;      // a card: go just before it
    bool merge = false;  // Ctrl held over a card: it absorbs the dragged idea
};

std::optional<Id> acceptIdea() {
    std::optional<Id> out;
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
            Id id;
            std::memcpy(&id, p->Data, sizeof id);
            out = id;
        }
        ImGui::EndDragDropTarget();
    }
    return out;
}

void drawCard(BoardsView& view, const Etape& e, const Board& b, const Idea& idea, ImVec2 pos, ImVec2 size, Drop& drop,
              Actions& out) {
    ImGui::PushID(static_cast<int>(idea.id));
    ImGui::SetCursorScreenPos(pos);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImFont* font = fonts().body;
    const float fs = ImGui::GetFontSize(), pad = em(0.45f);
    if (view.editing == idea.id) {
        if (view.focusEdit) {
            ImGui::SetKeyboardFocusHere();
            view.focusEdit = false;
        }
        multilineField("##edit", view.editDraft, size, ImGuiInputTextFlags_CtrlEnterForNewLine);
        probe::mark("idea.edit");
        if (ImGui::IsItemDeactivated()) {
            if (view.editDraft != idea.text) out.push_back(EditIdea{e.id, b.id, idea.id, view.editDraft, idea.group, idea.author});
            view.editing = 0;
        }
        ImGui::PopID();
        return;
    }
    ImGui::InvisibleButton("##card", size);
    probe::mark("idea." + std::to_string(idea.id));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && ImGui::IsMouseDoubleClicked(0)) {
        view.editing = idea.id;
        view.editDraft = idea.text;
        view.focusEdit = true;
    }
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, &idea.id, sizeof idea.id);
        ImGui::TextUnformatted(excerpt(idea.text, 50).c_str());
        ImGui::TextDisabled("%s", tr(Str::BoardDragHint));
        ImGui::EndDragDropSource();
    }
    if (const auto dropped = acceptIdea(); dropped && *dropped != idea.id) {
        drop = Drop{*dropped, idea.category, idea.cluster, idea.id, ImGui::GetIO().KeyCtrl};
    }
    if (ImGui::BeginPopupContextItem("##menu")) {
        if (ImGui::MenuItem(tr(Str::BoardEdit))) {
            view.editing = idea.id;
            view.editDraft = idea.text;
            view.focusEdit = true;
        }
        if (ImGui::MenuItem(tr(Str::BoardPractice), nullptr, idea.practice))
            out.push_back(SetPractice{e.id, b.id, idea.id, !idea.practice});
        if (ImGui::MenuItem(tr(idea.hidden ? Str::BoardRevealOne : Str::BoardHideOne)))
            out.push_back(RevealIdeas{e.id, b.id, {idea.id}, idea.hidden});
        if (ImGui::MenuItem(tr(Str::BoardMarkForMerge), nullptr, view.marked == idea.id)) view.marked = idea.id;
        const Idea* marked = b.idea(view.marked);
        if (ImGui::MenuItem(tr(Str::BoardMergeInto), nullptr, false, marked && marked->id != idea.id)) {
            out.push_back(MergeIdeas{e.id, b.id, view.marked, idea.id});
            view.marked = 0;
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Str::BoardDeleteIdea))) out.push_back(RemoveIdea{e.id, b.id, idea.id});
        ImGui::EndPopup();
    }

    const ImU32 colour = groupColour(idea.group);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    const ImU32 tint = ImGui::ColorConvertFloat4ToU32(ImVec4(1 - (1 - c.x) * 0.14f, 1 - (1 - c.y) * 0.14f, 1 - (1 - c.z) * 0.14f, 1));
    draw->AddRectFilled(pos, max, tint, em(0.3f));
    draw->AddRectFilled(pos, ImVec2(pos.x + em(0.35f), max.y), colour, em(0.3f), ImDrawFlags_RoundCornersLeft);
    if (view.marked == idea.id || hovered) draw->AddRect(pos, max, console::kAccent, em(0.3f), 0, 2.0f);
    const float wrap = size.x - 2 * pad - em(0.35f);
    const ImU32 text = idea.hidden ? console::kMuted : console::kCardText;
    float y = pos.y + pad;
    const float x = pos.x + pad + em(0.35f);
    draw->AddText(font, fs, ImVec2(x, y), text, idea.text.c_str(), nullptr, wrap);
    noteDrawnText(idea.text, text, tint, fs, TextRole::Body);
    y += font->CalcTextSizeA(fs, FLT_MAX, wrap, idea.text.c_str()).y;
    // The group's colour marks the card's edge; written on the card, it is darkened to the 4.5:1 of any label.
    for (const MergedIdea& part : idea.merged) {
        y += fs * 0.3f;
        const ImU32 plus = darkenForContrast(groupColour(part.group), tint, 4.5);
        draw->AddText(font, fs * 0.85f, ImVec2(x, y), plus, "+");
        noteDrawnText("+", plus, tint, fs * 0.85f);
        draw->AddText(font, fs * 0.85f, ImVec2(x + fs, y), console::kCardMeta, part.text.c_str(), nullptr, wrap - fs);
        noteDrawnText(part.text, console::kCardMeta, tint, fs * 0.85f);
        y += font->CalcTextSizeA(fs * 0.85f, FLT_MAX, wrap - fs, part.text.c_str()).y;
    }
    std::string footer = idea.group;
    if (!idea.author.empty()) footer += " · " + idea.author;
    if (idea.hidden) footer += std::string(" · ") + tr(Str::BoardHiddenMark);
    const ImU32 footerColour = darkenForContrast(colour, tint, 4.5);
    draw->AddText(font, fs * 0.8f, ImVec2(x, max.y - pad - fs * 0.8f), footerColour, footer.c_str());
    noteDrawnText(footer, footerColour, tint, fs * 0.8f);
    if (idea.practice) {
        const char* mark = tr(Str::BoardPracticeMark);
        const float w = font->CalcTextSizeA(fs * 0.8f, FLT_MAX, 0, mark).x;
        draw->AddText(font, fs * 0.8f, ImVec2(max.x - pad - w, max.y - pad - fs * 0.8f), console::kSuccess, mark);
        noteDrawnText(mark, console::kSuccess, tint, fs * 0.8f);
    }
    ImGui::PopID();
}

void drawClusterTitle(BoardsView& view, const Etape& e, const Board& b, const IdeaCluster& cl, size_t count, ImVec2 pos,
                      ImVec2 size, Drop& drop, Actions& out) {
    ImGui::PushID(static_cast<int>(cl.id));
    ImGui::SetCursorScreenPos(pos);
    const bool folded = std::find(view.collapsed.begin(), view.collapsed.end(), cl.id) != view.collapsed.end();
    if (ImGui::InvisibleButton("##cluster", size)) {
        if (folded) std::erase(view.collapsed, cl.id);
        else view.collapsed.push_back(cl.id);
    }
    probe::mark("cluster." + std::to_string(cl.id));
    if (const auto dropped = acceptIdea()) drop = Drop{*dropped, cl.category, cl.id, 0, false};
    if (ImGui::BeginPopupContextItem("##cluster-menu")) {
        std::string name;
        if (commitText(view.drafts, "##cluster-name", cl.name, name, em(14.5f))) out.push_back(RenameCluster{e.id, b.id, cl.id, name});
        if (ImGui::MenuItem(tr(Str::BoardDeleteCluster))) out.push_back(RemoveCluster{e.id, b.id, cl.id});
        ImGui::EndPopup();
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, ImGui::IsItemHovered() ? console::kAccentSofter : console::kAccentSoft, em(0.2f));
    const std::string title = std::string(folded ? "\u25b6 " : "\u25bc ") + cl.name + "  (" + std::to_string(count) + ")";
    draw->PushClipRect(pos, max, true);
    draw->AddText(fonts().bold, ImGui::GetFontSize(), ImVec2(pos.x + em(0.45f), pos.y + (size.y - ImGui::GetFontSize()) * 0.5f),
                  console::kAccent, title.c_str());
    draw->PopClipRect();
    ImGui::PopID();
}

void drawColumn(BoardsView& view, const Etape& e, const Board& b, size_t c, float width, float height, Drop& drop,
                Actions& out) {
    const BoardCategory& cat = b.categories[c];
    ImGui::PushID(static_cast<int>(cat.id));
    ImGui::BeginChild("##column", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    std::string name;
    if (commitText(view.drafts, "##column-name", cat.name, name, width - em(3.25f))) out.push_back(RenameCategory{e.id, b.id, cat.id, name});
    ImGui::SameLine();
    if (ImGui::SmallButton("\u2715")) out.push_back(RemoveCategory{e.id, b.id, cat.id});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::BoardDeleteColumn));
    ImGui::BeginChild("##cards", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float cardWidth = ImGui::GetContentRegionAvail().x;
    const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
    const auto& entries = view.layout.columns[c];
    for (size_t i = firstVisible(entries, top); i < entries.size() && entries[i].y < bottom; ++i) {
        const BoardLayout::Entry& en = entries[i];
        const ImVec2 pos(origin.x, origin.y + en.y), size(cardWidth, en.height);
        if (en.cluster) {
            const auto it = view.layout.clusterSizes.find(en.id);
            drawClusterTitle(view, e, b, b.clusters[en.index], it == view.layout.clusterSizes.end() ? 0 : it->second,
                             pos, size, drop, out);
        } else {
            drawCard(view, e, b, b.ideas[en.index], pos, size, drop, out);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + view.layout.heights[c]));
    ImGui::Dummy(ImVec2(1, em(3.25f)));  // room to drop below the last card
    // The whole column takes a drop (the cards and cluster titles, smaller, win over it).
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (ImGui::BeginDragDropTargetCustom(w->Rect(), ImGui::GetID("##drop-column"))) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
            Id id;
            std::memcpy(&id, p->Data, sizeof id);
            drop = Drop{id, cat.id, std::nullopt, 0, false};
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::EndChild();
    probe::mark("column." + std::to_string(c));
    ImGui::EndChild();
    ImGui::PopID();
}

void emitDrop(const Etape& e, const Board& b, const Drop& drop, Actions& out) {
    const int from = indexOf(b.ideas, drop.idea);
    if (from < 0) return;
    if (drop.merge && drop.before) {
        out.push_back(MergeIdeas{e.id, b.id, drop.before, drop.idea});
        return;
    }
    int to = -1;
    if (drop.before) {
        const int target = indexOf(b.ideas, drop.before);
        if (target < 0) return;
        to = from < target ? target - 1 : target;
    }
    const Idea& idea = b.ideas[static_cast<size_t>(from)];
    if (idea.category == drop.category && idea.cluster == drop.cluster && to == from) return;  // dropped where it was
    out.push_back(MoveIdea{e.id, b.id, drop.idea, drop.category, drop.cluster, to});
}

}  // namespace

// [SECTION] Screen

void drawBoardsScreen(BoardsView& view, ScreenContext& ctx) {
    const std::uint64_t revision = ctx.revision;
    Actions& out = ctx.actions;
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    if (view.boardSent.accepted()) {  // refused: its title stays, to be corrected
        view.newBoard.clear();
        view.selected = 0;  // the new board is shown (the last one)
    }
    const Board* b = e->board(view.selected);
    if (!b && !e->boards.empty()) {
        b = &e->boards.back();
        view.selected = b->id;
    }
    drawBoardBar(view, *e, b, out, ctx.requests);
    if (!b) {
        ImGui::TextDisabled("%s", tr(Str::BoardNoBoard));
        return;
    }
    drawQuickEntry(view, *e, *b, ctx.now, out);

    // Search: the matching ideas, computed once per change of the board or of the words searched.
    const std::string searchKey(trim(view.search));
    if (!searchKey.empty() && (view.searchRevision != revision || view.searchKey != searchKey)) {
        view.matches.clear();
        const std::string needle = foldForSearch(searchKey);
        for (const Idea& i : b->ideas) {
            bool found = foldForSearch(i.text).find(needle) != std::string::npos ||
                         foldForSearch(i.author).find(needle) != std::string::npos;
            for (const MergedIdea& part : i.merged) found = found || foldForSearch(part.text).find(needle) != std::string::npos;
            if (found) view.matches.push_back(i.id);
        }
        std::sort(view.matches.begin(), view.matches.end());
        view.searchRevision = revision;
        view.searchKey = searchKey;
    }
    const std::string groupKey = foldForSearch(trim(view.filterGroup));
    auto visible = [&](const Idea& i) {
        if (!groupKey.empty() && foldForSearch(trim(i.group)) != groupKey) return false;
        if (!searchKey.empty() && !std::binary_search(view.matches.begin(), view.matches.end(), i.id)) return false;
        return true;
    };

    const size_t n = b->categories.size();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = n == 0 ? avail.x : std::max(em(11.0f), (avail.x - spacing * static_cast<float>(n - 1)) / static_cast<float>(n));
    // Card width inside a column: the column's padding on both sides, the cards' scrollbar.
    const float cardWidth = width - 2 * ImGui::GetStyle().WindowPadding.x - ImGui::GetStyle().ScrollbarSize;
    std::string key = std::to_string(revision) + '|' + std::to_string(b->id) + '|' + std::to_string(static_cast<int>(cardWidth)) +
                      '|' + groupKey + '|' + searchKey + '|' + std::to_string(view.editing);
    for (Id c : view.collapsed) key += ',' + std::to_string(c);
    if (view.layout.key != key) {
        layoutBoard(view.layout, *b, cardWidth, fonts().body, ImGui::GetFontSize(), em(0.45f), visible, view.collapsed, false,
                    view.editing);
        view.layout.key = key;
    }
    drawFilters(view, *e, *b, view.layout.shown, out);

    Drop drop;
    const float height = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("##columns", ImVec2(0, height), false, ImGuiWindowFlags_HorizontalScrollbar);
    for (size_t c = 0; c < n; ++c) {
        if (c > 0) ImGui::SameLine();
        drawColumn(view, *e, *b, c, width, height - em(0.2f), drop, out);
    }
    ImGui::EndChild();
    if (drop.idea) emitDrop(*e, *b, drop, out);
}

}  // namespace atelier::ui
