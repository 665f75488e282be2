// Console screen « Archive »: the capitalisation archive. Save the selected étape into it (« Enregistrer dans
// l'archive »), list every archived étape, search the ideas of all of them (accents and case ignored, through the
// FTS5 index of the database), open one read-only.
//
// [SECTION] Saving and searching
// [SECTION] The list
// [SECTION] One archive, read-only

#include <chrono>
#include <future>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/archive.h"
#include "core/strings.h"
#include "store/archive.h"
#include "store/data_folder.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/wake.h"
#include "ui/widgets.h"

namespace atelier::ui {

namespace {

// [SECTION] Saving and searching

void search(ArchiveView& view, store::DataFolder& folder) {
    view.searched = view.search;
    view.hits = std::make_shared<std::vector<store::IdeaHit>>();
    if (view.search.empty()) return;
    auto found = folder.searchIdeas(view.search);
    if (!found.ok()) {
        view.message = std::move(found.error);
        view.error = true;
        return;
    }
    *view.hits = std::move(found.value);
}

// [SECTION] One archive, read-only

void drawArchive(const EtapeArchive& a, const std::filesystem::path& file) {
    const Etape& e = a.etape;
    ImGui::TextDisabled("%s", fmt(Str::ArchiveReadOnly, {file.string()}).c_str());
    ImGui::Text("%s", (fmt(Str::EtapeNumber, {std::to_string(e.header.number)}) + " — " + formatLongFr(e.header.date) +
                       " — " + (a.host.empty() ? std::string(tr(Str::HostUnknown)) : a.host))
                          .c_str());
    if (!e.header.theme.empty()) ImGui::TextWrapped("%s", fmt(Str::DocTheme, {e.header.theme}).c_str());
    ImGui::Text("%s", fmt(Str::SumPeopleCount, {std::to_string(a.people.size())}).c_str());
    if (ImGui::CollapsingHeader(tr(Str::SumProgramme)))
        for (const ProgrammeItem& i : e.programme)
            ImGui::BulletText("%s – %s  %s", formatTimeFr(i.start).c_str(), formatTimeFr(i.end()).c_str(), i.title.c_str());
    if (ImGui::CollapsingHeader(tr(Str::SumBoards), ImGuiTreeNodeFlags_DefaultOpen))
        for (const Board& b : e.boards)
            ImGui::BulletText("%s", fmt(Str::ArchiveBoardLine, {b.title, std::to_string(b.ideas.size())}).c_str());
    if (ImGui::CollapsingHeader(tr(Str::SumVotes), ImGuiTreeNodeFlags_DefaultOpen))
        for (size_t v = 0; v < e.votes.size() && v < a.results.size(); ++v) {
            const ArchivedResult& r = a.results[v];
            std::string first;
            if (r.counted && r.ballots == 0) first = tr(Str::NoBallotYet);
            else if (r.counted && !r.ranking.empty())
                for (int option : r.ranking.front())
                    if (option >= 0 && option < static_cast<int>(e.votes[v].setup.options.size()))
                        first += (first.empty() ? "" : ", ") + e.votes[v].setup.options[option];
            ImGui::BulletText("%s", fmt(Str::ArchiveWinner, {e.votes[v].setup.question, first}).c_str());
        }
    if (ImGui::CollapsingHeader(tr(Str::SumPractices), ImGuiTreeNodeFlags_DefaultOpen)) {
        if (a.practices.empty()) ImGui::TextDisabled("%s", tr(Str::SumNone));
        for (const ArchivedPractice& p : a.practices) ImGui::BulletText("%s", p.text.c_str());
    }
}

}  // namespace

void drawArchiveScreen(ArchiveView& view, ScreenContext& ctx) {
    if (!ctx.folder) {
        ImGui::TextDisabled("%s", tr(Str::ArchiveNoDataDir));
        return;
    }
    store::DataFolder& folder = *ctx.folder;
    if (view.refresh || !view.listings || view.listedSaves != folder.archiveSaves()) {
        auto listed = folder.archives();
        if (!listed.ok()) {
            view.message = std::move(listed.error);
            view.error = true;
        }
        view.listings = std::make_shared<std::vector<store::ArchiveListing>>(std::move(listed.value));
        view.refresh = false;
        view.listedSaves = folder.archiveSaves();
        view.searched.clear();  // the hits may have changed
        if (view.open >= static_cast<int>(view.listings->size())) view.open = -1;
    }

    // Toolbar: save the selected étape, refresh.
    const Etape* etape = ctx.model.etape(ctx.etape);
    if (!etape) ImGui::BeginDisabled();
    if (ImGui::Button(tr(Str::ArchiveSaveButton)) && etape)
        ctx.requests.push_back(ArchiveRequest{etape->id, [&view](const store::Outcome& done) {
                                                  view.message = done.message;
                                                  view.error = !done.ok;
                                              }});
    probe::mark("archive.save");
    if (!etape) {
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Str::ArchiveNoEtape));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ArchiveRefresh))) view.refresh = true;
    if (!view.message.empty()) {
        if (view.error) ImGui::PushStyleColor(ImGuiCol_Text, console::kError);
        ImGui::TextWrapped("%s", view.message.c_str());
        if (view.error) ImGui::PopStyleColor();
    }

    // Search over the ideas of every archive.
    ImGui::SetNextItemWidth(-1);
    hintField("##archive.search", tr(Str::ArchiveSearchHint), view.search);
    probe::mark("archive.search");
    if (view.search != view.searched) search(view, folder);
    if (view.hits && !view.search.empty()) {
        ImGui::Text("%s", fmt(Str::ArchiveHitsCount, {std::to_string(view.hits->size())}).c_str());
        if (!view.hits->empty() &&
            ImGui::BeginTable("##archive.hits", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                              ImVec2(0, em(9.0f)))) {
            ImGui::TableSetupColumn(tr(Str::ArchiveColDate), ImGuiTableColumnFlags_WidthFixed, em(6.0f));
            ImGui::TableSetupColumn(tr(Str::ArchiveColBoard), ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn(tr(Str::ArchiveColIdea), ImGuiTableColumnFlags_WidthStretch, 2);
            ImGui::TableHeadersRow();
            for (const store::IdeaHit& h : *view.hits) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const auto date = parseIso(h.date);
                ImGui::TextUnformatted(date ? formatShortFr(*date).c_str() : h.date.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", h.board.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", h.text.c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::Separator();

    // [SECTION] The list
    if (view.listings->empty()) ImGui::TextDisabled("%s", tr(Str::ArchiveEmpty));
    else if (ImGui::BeginTable("##archive.list", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                                        ImGuiTableFlags_SizingStretchProp)) {
        const Str columns[] = {Str::ArchiveColDate, Str::ArchiveColHost, Str::ArchiveColTheme,
                               Str::ArchiveColPeople, Str::ArchiveColIdeas, Str::ArchiveColVotes};
        for (Str c : columns) ImGui::TableSetupColumn(tr(c), c == Str::ArchiveColTheme ? ImGuiTableColumnFlags_WidthStretch
                                                                                      : ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < view.listings->size(); ++i) {
            const store::ArchiveListing& l = (*view.listings)[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            const std::string date = l.error.empty() ? formatShortFr(l.summary.date)
                                                     : l.file.parent_path().filename().string();
            if (ImGui::Selectable(date.c_str(), view.open == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns))
                view.open = static_cast<int>(i);
            probe::mark("archive.row." + std::to_string(i));
            ImGui::PopID();
            ImGui::TableNextColumn();
            if (!l.error.empty()) {
                ImGui::TextColored(console::vec(console::kError), "%s", tr(Str::ArchiveUnreadable));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", l.error.c_str());
                continue;
            }
            const store::ArchiveSummary& a = l.summary;  // from the index: the list parses no archive
            ImGui::TextUnformatted(a.host.empty() ? tr(Str::HostUnknown) : a.host.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", a.theme.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", a.people);
            ImGui::TableNextColumn();
            ImGui::Text("%d", a.ideas);
            ImGui::TableNextColumn();
            ImGui::Text("%d", a.votes);
        }
        ImGui::EndTable();
    }

    if (view.open >= 0 && view.open < static_cast<int>(view.listings->size())) {
        store::ArchiveListing& l = (*view.listings)[static_cast<size_t>(view.open)];
        ImGui::Separator();
        if (l.error.empty() && !l.loaded) {  // parsed off the UI thread, shown once read
            if (!view.loading || view.loadingIndex != view.open) {
                view.loading = std::make_shared<std::future<store::ArchiveListing>>(
                    std::async(std::launch::async, [file = l.file] {
                        store::ArchiveListing read = store::loadListing(file);
                        wakeLoop();  // the next frame shows it
                        return read;
                    }));
                view.loadingIndex = view.open;
            }
            if (view.loading->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                store::ArchiveListing read = view.loading->get();
                view.loading.reset();
                view.loadingIndex = -1;
                if (read.file == l.file) {  // the list may have been refreshed meanwhile: then it is read again
                    l.archive = std::move(read.archive);
                    l.error = std::move(read.error);
                    l.loaded = read.loaded;
                }
            } else {
                ImGui::TextDisabled("%s", tr(Str::ArchiveLoading));
            }
        }
        if (l.error.empty() && l.loaded) {
            // The summary for the participants of this archived étape, written beside the app's other documents.
            if (ImGui::Button(tr(Str::ArchiveExportSummary)))
                ctx.requests.push_back(SummaryRequest{0, std::make_shared<const EtapeArchive>(l.archive)});
            probe::mark("archive.export");
            drawArchive(l.archive, l.file);
        } else if (!l.error.empty()) {
            ImGui::TextWrapped("%s", l.error.c_str());
        }
    }
}

}  // namespace atelier::ui
