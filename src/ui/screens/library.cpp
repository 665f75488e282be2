// Console screen « Bibliothèque »: every practice « à essaimer » of every étape (ideas flagged on the boards and
// the host's actions-phares), searched and filtered on the left; the one selected on the right, with its origin,
// its title, description, themes and Cité of origin editable, the Cités interested, and its follow-up (« essayée »,
// « adoptée », « abandonnée » à une Cité, a date, a note) with a form to add one. Every change is an action.
//
// [SECTION] Search and filters
// [SECTION] The list
// [SECTION] The practice selected
// [SECTION] The screen

#include <algorithm>
#include <cmath>
#include <ctime>
#include <imgui.h>

#include "core/practices.h"
#include "core/strings.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/essaimage.h"
#include "ui/widgets.h"

namespace atelier::ui {

namespace {

std::string citeName(const Model& m, std::optional<Id> id) { return territoryName(m, id, tr(Str::HostToConfirm)); }

Date dateOf(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

UpdatePractice updateOf(const Practice& p) {
    return UpdatePractice{p.id, p.title, p.ownTitle, p.description, p.themes, p.cite};
}

}  // namespace

std::vector<std::string> splitCommaList(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string_view t = trim(std::string_view(text).substr(start, comma - start));
        if (!t.empty()) out.emplace_back(t);
        start = comma + 1;
    }
    return out;
}

std::string joinCommaList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& t : items) out += (out.empty() ? "" : ", ") + t;
    return out;
}

// [SECTION] Search and filters

std::string practiceOrigin(const Model& m, const Practice& p) {
    const std::string source = p.source == PracticeSource::Board && !p.boardTitle.empty()
                                   ? inQuotes(p.boardTitle)
                                   : std::string(enumLabel(p.source));
    return fmt(Str::LibOrigin, {citeName(m, p.cite), std::to_string(p.etapeNumber), source});
}

bool libraryMatches(const Model& m, const Practice& p, const LibraryView& view) {
    if (view.cite) {
        const auto interested = interestedCites(m, p);
        const bool follows = std::any_of(p.followUps.begin(), p.followUps.end(),
                                         [&](const FollowUp& f) { return f.territory == *view.cite; });
        if (p.cite != view.cite && !follows &&
            std::find(interested.begin(), interested.end(), *view.cite) == interested.end())
            return false;
    }
    if (!view.theme.empty() &&
        std::none_of(p.themes.begin(), p.themes.end(),
                     [&](const std::string& t) { return foldForSearch(t) == foldForSearch(view.theme); }))
        return false;
    if (view.status != LibraryStatusFilter::All) {
        if (view.status == LibraryStatusFilter::None) {
            if (!p.followUps.empty()) return false;
        } else {
            const FollowUpStatus wanted = view.status == LibraryStatusFilter::Essayee   ? FollowUpStatus::Essayee
                                          : view.status == LibraryStatusFilter::Adoptee ? FollowUpStatus::Adoptee
                                                                                        : FollowUpStatus::Abandonnee;
            // With a Cité chosen, the follow-up of that Cité.
            if (std::none_of(p.followUps.begin(), p.followUps.end(), [&](const FollowUp& f) {
                    return f.status == wanted && (!view.cite || f.territory == *view.cite);
                }))
                return false;
        }
    }
    if (!view.search.empty()) {
        std::string haystack = p.title + "\n" + practiceDescription(m, p) + "\n" + joinCommaList(p.themes) + "\n" +
                               practiceOrigin(m, p);
        if (!containsFolded(haystack, view.search)) return false;
    }
    return true;
}

std::vector<const Practice*> filteredLibrary(const Model& m, const LibraryView& view) {
    std::vector<const Practice*> out;
    for (const Practice* p : libraryPractices(m))
        if (libraryMatches(m, *p, view)) out.push_back(p);
    return out;
}

const LibraryView::Lists& libraryLists(const Model& m, std::uint64_t revision, const LibraryView& view) {
    LibraryView::Lists& l = view.lists;
    if (l.revision == revision && l.search == view.search && l.theme == view.theme && l.cite == view.cite &&
        l.status == view.status)
        return l;
    const bool modelChanged = l.revision != revision;
    l.revision = revision;
    l.search = view.search;
    l.theme = view.theme;
    l.cite = view.cite;
    l.status = view.status;
    if (modelChanged) {
        l.all = libraryPractices(m);
        l.themes = libraryThemes(m);
    }
    l.shown.clear();
    for (const Practice* p : l.all)
        if (libraryMatches(m, *p, view)) l.shown.push_back(p);
    return l;
}

std::vector<std::string> libraryThemes(const Model& m) {
    std::vector<std::pair<std::string, std::string>> themes;  // folded, as written first
    for (const Practice* p : libraryPractices(m))
        for (const std::string& t : p->themes) {
            std::string key = foldForSearch(t);
            if (std::none_of(themes.begin(), themes.end(), [&](const auto& k) { return k.first == key; }))
                themes.emplace_back(std::move(key), t);
        }
    std::sort(themes.begin(), themes.end());
    std::vector<std::string> out;
    for (auto& [key, t] : themes) out.push_back(std::move(t));
    return out;
}

namespace {

const char* statusFilterLabel(LibraryStatusFilter s) {
    switch (s) {
    case LibraryStatusFilter::All: return tr(Str::LibFilterStatus);
    case LibraryStatusFilter::Essayee: return tr(Str::FollowUpEssayee);
    case LibraryStatusFilter::Adoptee: return tr(Str::FollowUpAdoptee);
    case LibraryStatusFilter::Abandonnee: return tr(Str::FollowUpAbandonnee);
    case LibraryStatusFilter::None: return tr(Str::LibStatusNone);
    }
    return "";
}

void drawFilters(LibraryView& view, ScreenContext& ctx) {
    const Model& m = ctx.model;
    const float projectWidth = ImGui::CalcTextSize(tr(Str::LibProject)).x + ImGui::GetStyle().FramePadding.x * 2;
    const float citeWidth = territoryComboWidth(m, tr(Str::LibFilterCite));
    const std::vector<std::string>& themes = libraryLists(m, ctx.revision, view).themes;
    std::vector<std::string> themeLabels = themes;
    themeLabels.emplace_back(tr(Str::LibFilterTheme));
    const float themeWidth = std::min(em(14.5f), comboWidthFor(themeLabels));
    std::vector<std::string> statusLabels;
    for (auto s : {LibraryStatusFilter::All, LibraryStatusFilter::Essayee, LibraryStatusFilter::Adoptee,
                   LibraryStatusFilter::Abandonnee, LibraryStatusFilter::None})
        statusLabels.emplace_back(statusFilterLabel(s));
    const float statusWidth = comboWidthFor(statusLabels);
    // The search across the line (its hint read whole), the projection at its end; the filters below.
    ImGui::SetNextItemWidth(std::max(em(11.0f), ImGui::GetContentRegionAvail().x - projectWidth -
                                                 ImGui::GetStyle().ItemSpacing.x));
    hintField("##library.search", tr(Str::LibSearchHint), view.search);
    probe::mark("library.search");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::LibProject))) {
        view.page = 0;
        ctx.requests.push_back(ProjectRequest{"projecteur-pratiques", 0});
    }
    probe::mark("library.project");
    std::optional<Id> cite = view.cite;
    if (territoryCombo("##library.cite", m, view.cite, cite, tr(Str::LibFilterCite), citeWidth)) view.cite = cite;
    probe::mark("library.filter-cite");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(themeWidth);
    if (comboBox("##library.theme", view.theme.empty() ? tr(Str::LibFilterTheme) : view.theme, ComboText::UserText)) {
        if (ImGui::Selectable(tr(Str::LibFilterTheme), view.theme.empty())) view.theme.clear();
        for (size_t i = 0; i < themes.size(); ++i) {
            if (ImGui::Selectable(themes[i].c_str(), view.theme == themes[i])) view.theme = themes[i];
            probe::mark("library.theme." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    probe::mark("library.filter-theme");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(statusWidth);
    if (comboBox("##library.status", statusFilterLabel(view.status), ComboText::Label)) {
        int k = 0;
        for (auto s : {LibraryStatusFilter::All, LibraryStatusFilter::Essayee, LibraryStatusFilter::Adoptee,
                       LibraryStatusFilter::Abandonnee, LibraryStatusFilter::None}) {
            if (ImGui::Selectable(statusFilterLabel(s), view.status == s)) view.status = s;
            probe::mark("library.status." + std::to_string(k++));
        }
        ImGui::EndCombo();
    }
    probe::mark("library.filter-status");
}

// [SECTION] The list

std::string followUpSummary(const Model& m, const Practice& p) {
    std::string out;
    for (const FollowUp& f : p.followUps) {
        if (!out.empty()) out += '\n';
        out += enumLabel(f.status);
        out += " · ";
        out += territoryName(m, f.territory, "?");
    }
    return out;
}

void drawList(LibraryView& view, const Model& m, const std::vector<const Practice*>& shown) {
    if (!ImGui::BeginTable("##library.list", 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                               ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::LibColPractice), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(tr(Str::LibColFollowUp), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < shown.size(); ++i) {
        const Practice& p = *shown[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(p.id));
        const float width = ImGui::GetContentRegionAvail().x;
        if (wrappedSelectable("##row", p.title, width)) view.selected = p.id;
        probe::mark("library.row." + std::to_string(i));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", practiceOrigin(m, p).c_str());
        ImGui::PopTextWrapPos();
        if (p.id == view.selected) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, console::kAccentSofter);
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        const std::string follow = followUpSummary(m, p);
        ImGui::TextUnformatted(follow.empty() ? "—" : follow.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// [SECTION] The practice selected

void drawFollowUpForm(LibraryView& view, ScreenContext& ctx, const Practice& p) {
    if (view.followFor != p.id) {  // another practice: nothing of the previous one's form is filed under it
        view.followFor = p.id;
        view.followCite.reset();
        view.followStatus = FollowUpStatus::Essayee;
        view.followDate.clear();
        view.followNote.clear();
        view.error.clear();
    }
    const Model& m = ctx.model;
    if (view.followSent.accepted()) {
        view.followNote.clear();
        view.followDate.clear();
    }
    std::optional<Id> cite = view.followCite;
    if (territoryCombo("##follow.cite", m, view.followCite, cite, tr(Str::LibFollowUpCite),
                       territoryComboWidth(m, tr(Str::LibFollowUpCite))))
        view.followCite = cite;
    probe::mark("library.follow.cite");
    ImGui::SameLine();
    FollowUpStatus status = view.followStatus;
    if (enumCombo("##follow.status", view.followStatus, status, enumComboWidth<FollowUpStatus>()))
        view.followStatus = status;
    probe::mark("library.follow.status");
    ImGui::SameLine();
    if (view.followDate.empty()) view.followDate = formatShortFr(dateOf(ctx.now));
    ImGui::SetNextItemWidth(hintWidth("00/00/0000__"));
    hintField("##follow.date", tr(Str::LibFollowUpDateHint), view.followDate);
    probe::mark("library.follow.date");
    ImGui::SetNextItemWidth(std::max(em(9.0f), ImGui::GetContentRegionAvail().x -
                                                 ImGui::CalcTextSize(tr(Str::LibFollowUpAdd)).x - em(1.65f)));
    hintField("##follow.note", tr(Str::LibFollowUpNoteHint), view.followNote);
    probe::mark("library.follow.note");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::LibFollowUpAdd))) {
        const auto date = parseDate(trim(view.followDate));
        if (!view.followCite) view.error = tr(Str::LibFollowUpNeedsCite);
        else if (!date) view.error = fmt(Str::LibFollowUpBadDate, {view.followDate});
        else {
            ctx.actions.push_back(AddFollowUp{p.id, FollowUp{*view.followCite, view.followStatus, *date,
                                                             std::string(trim(view.followNote))}});
            view.followSent.wait(ctx.actions);
        }
    }
    probe::mark("library.follow.add");
}

void drawPractice(LibraryView& view, ScreenContext& ctx, const Practice& p) {
    const Model& m = ctx.model;
    Actions& out = ctx.actions;
    ImGui::PushID(static_cast<int>(p.id));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", practiceOrigin(m, p).c_str());
    ImGui::PopTextWrapPos();

    std::string text;
    const float labelWidth = std::max({ImGui::CalcTextSize(tr(Str::FieldPracticeTitle)).x,
                                       ImGui::CalcTextSize(tr(Str::FieldDescription)).x,
                                       ImGui::CalcTextSize(tr(Str::LibThemesHint)).x}) +
                             ImGui::GetStyle().ItemSpacing.x * 2;
    auto label = [&](Str s) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(s));
        ImGui::SameLine(labelWidth);
    };
    label(Str::FieldPracticeTitle);
    if (commitText(view.drafts, "##title", p.title, text)) {
        UpdatePractice u = updateOf(p);
        u.title = text;
        u.ownTitle = true;
        out.push_back(u);
    }
    probe::mark("library.title");
    label(Str::FieldDescription);
    const std::string description = practiceDescription(m, p);
    if (commitText(view.drafts, "##description", description, text, -FLT_MIN, tr(Str::LibDescriptionHint))) {
        UpdatePractice u = updateOf(p);
        u.description = text;
        out.push_back(u);
    }
    probe::mark("library.description");
    label(Str::LibThemesHint);
    if (commitText(view.drafts, "##themes", joinCommaList(p.themes), text)) {
        UpdatePractice u = updateOf(p);
        u.themes = splitCommaList(text);
        out.push_back(u);
    }
    probe::mark("library.themes");
    label(Str::LibColOrigin);
    std::optional<Id> cite = p.cite;
    if (territoryCombo("##origin-cite", m, p.cite, cite, tr(Str::HostToConfirm),
                       territoryComboWidth(m, tr(Str::HostToConfirm)))) {
        UpdatePractice u = updateOf(p);
        u.cite = cite;
        out.push_back(u);
    }
    probe::mark("library.origin-cite");

    // Cités interested: recorded ones can be withdrawn; those an evaluation answer names come with it.
    ImGui::Spacing();
    heading(tr(Str::LibInterested));
    const std::vector<Id> interested = interestedCites(m, p);
    if (interested.empty()) ImGui::TextDisabled("%s", tr(Str::LibInterestedNone));
    for (Id t : interested) {
        ImGui::PushID(static_cast<int>(t));
        const bool recorded = std::find(p.interested.begin(), p.interested.end(), t) != p.interested.end();
        ImGui::AlignTextToFramePadding();
        ImGui::BulletText("%s", territoryName(m, t, "?").c_str());
        ImGui::SameLine();
        if (recorded) {
            if (ImGui::SmallButton(tr(Str::LibRemoveInterest))) out.push_back(SetPracticeInterest{p.id, t, false});
            probe::mark("library.interest.remove." + territoryName(m, t, "?"));
        } else {
            ImGui::TextDisabled("%s", tr(Str::LibInterestedFromEval));
        }
        ImGui::PopID();
    }
    std::optional<Id> more;
    if (territoryCombo("##interest.add", m, std::nullopt, more, tr(Str::LibAddInterest),
                       territoryComboWidth(m, tr(Str::LibAddInterest))) &&
        more)
        out.push_back(SetPracticeInterest{p.id, *more, true});
    probe::mark("library.interest.add");

    // The follow-up.
    ImGui::Spacing();
    heading(tr(Str::LibFollowUps));
    if (p.followUps.empty()) ImGui::TextDisabled("%s", tr(Str::LibFollowUpNone));
    int remove = -1;
    for (size_t i = 0; i < p.followUps.size(); ++i) {
        const FollowUp& f = p.followUps[i];
        ImGui::PushID(static_cast<int>(i));
        std::string line = fmt(Str::SumPracticeFollowUp,
                               {enumLabel(f.status), territoryName(m, f.territory, "?"), formatShortFr(f.date)});
        if (!f.note.empty()) line += " — " + f.note;
        ImGui::AlignTextToFramePadding();
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(tr(Str::LibFollowUpRemove)).x - em(1.65f));
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine();
        if (confirmedButton(tr(Str::LibFollowUpRemove), tr(Str::LibFollowUpRemoveAsk),
                            "library.follow.remove." + std::to_string(i)))
            remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) out.push_back(RemoveFollowUp{p.id, remove});
    ImGui::Spacing();
    drawFollowUpForm(view, ctx, p);
    ImGui::PopID();
}

}  // namespace

// [SECTION] The screen

void drawLibraryScreen(LibraryView& view, ScreenContext& ctx) {
    const Model& m = ctx.model;
    drawFilters(view, ctx);
    // Copies: the filters drawn below may change the view, hence the lists, within this frame.
    const std::vector<const Practice*> all = libraryLists(m, ctx.revision, view).all;
    const std::vector<const Practice*> shown = libraryLists(m, ctx.revision, view).shown;
    if (all.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(Str::LibEmpty));
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", fmt(Str::LibCount, {std::to_string(shown.size()), std::to_string(all.size())}).c_str());
    if (shown.empty()) {
        ImGui::TextDisabled("%s", tr(Str::LibNoMatch));
        return;
    }
    // The selection follows the filters: the first practice listed when the one selected is filtered out.
    if (std::none_of(shown.begin(), shown.end(), [&](const Practice* p) { return p->id == view.selected; }))
        view.selected = shown.front()->id;
    const float listWidth = std::floor(ImGui::GetContentRegionAvail().x * 0.42f);
    ImGui::BeginChild("##library.left", ImVec2(listWidth, 0), false);
    drawList(view, m, shown);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##library.right", ImVec2(0, 0), true);
    if (const Practice* p = m.practice(view.selected)) drawPractice(view, ctx, *p);
    else ImGui::TextDisabled("%s", tr(Str::LibSelectHint));
    ImGui::EndChild();
}

}  // namespace atelier::ui
