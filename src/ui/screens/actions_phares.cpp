// Console screen « Actions-phares »: the flagship actions the host Cité of the selected étape shows the others.
// Add one by its title (Enter), edit its title, description, partners and contact (each field commits when left:
// one edit, one undo step), add photos by their path (checked and copied into the data folder's photos/ by the
// store, as `atelier action-phare ajouter --photo` does), remove a photo or the action, project one on the
// « Découverte » view. Each action-phare is also a practice of the library (same id).

#include <imgui.h>

#include <algorithm>

#include "core/strings.h"
#include "core/text.h"
#include "store/data_folder.h"
#include "store/errors.h"
#include "store/photos.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/essaimage.h"
#include "ui/widgets.h"

namespace atelier::ui {

namespace {

void drawOne(ActionsPharesView& view, ScreenContext& ctx, const Etape& e, const ActionPhare& a, size_t index,
             bool& removed) {
    Actions& out = ctx.actions;
    const std::string key = "ap." + std::to_string(index);
    ImGui::PushID(static_cast<int>(a.id));
    ImGui::Separator();
    ImGui::BeginGroup();  // its block: a photo dropped over it goes to its photo field
    const float labelWidth = std::max({ImGui::CalcTextSize(tr(Str::FieldActionPhareTitle)).x,
                                       ImGui::CalcTextSize(tr(Str::FieldDescription)).x,
                                       ImGui::CalcTextSize(tr(Str::FieldPartners)).x,
                                       ImGui::CalcTextSize(tr(Str::FieldContact)).x}) +
                             ImGui::GetStyle().ItemSpacing.x * 2;
    struct Field {
        Str label;
        const char* id;
        const std::string& value;
        std::string ActionPhare::*member;
    };
    const Field fields[] = {{Str::FieldActionPhareTitle, "##title", a.title, &ActionPhare::title},
                            {Str::FieldDescription, "##description", a.description, &ActionPhare::description},
                            {Str::FieldPartners, "##partners", a.partners, &ActionPhare::partners},
                            {Str::FieldContact, "##contact", a.contact, &ActionPhare::contact}};
    for (const Field& f : fields) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(f.label));
        ImGui::SameLine(labelWidth);
        std::string text;
        if (commitText(view.drafts, f.id, f.value, text)) {
            ActionPhare changed = a;
            changed.*f.member = text;
            out.push_back(UpdateActionPhare{e.id, changed});
        }
        probe::mark(key + "." + std::string(f.id + 2));
    }

    // Photos: a thumbnail (once decoded; a frame until then, or without a GPU) and the file name, each removable;
    // a new one by its path.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::APPhotos));
    ImGui::SameLine(labelWidth);
    if (a.photos.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", tr(Str::APPhotoNone));
    }
    int removePhoto = -1;
    for (size_t p = 0; p < a.photos.size(); ++p) {
        ImGui::PushID(static_cast<int>(p));
        if (p > 0) ImGui::SetCursorPosX(labelWidth);
        const float thumb = ImGui::GetFontSize() * 4.0f;
        const PhotoTexture& photo = photoTexture(a.photos[p]);
        if (photo.texture && photo.width > 0 && photo.height > 0) {
            const float scale = std::min(thumb / static_cast<float>(photo.width), thumb / static_cast<float>(photo.height));
            ImGui::Image(photo.texture, ImVec2(static_cast<float>(photo.width) * scale, static_cast<float>(photo.height) * scale));
        } else {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::Dummy(ImVec2(thumb, thumb * 0.75f));
            ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + thumb, at.y + thumb * 0.75f),
                                                ImGui::GetColorU32(ImGuiCol_Border));
        }
        probe::mark(key + ".photo.thumb." + std::to_string(p));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(photo.error.empty() ? a.photos[p].c_str() : photo.error.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Str::APPhotoRemove))) removePhoto = static_cast<int>(p);
        probe::mark(key + ".photo.remove." + std::to_string(p));
        ImGui::PopID();
    }
    if (removePhoto >= 0) {
        ActionPhare changed = a;
        changed.photos.erase(changed.photos.begin() + removePhoto);
        out.push_back(UpdateActionPhare{e.id, changed});
    }
    ImGui::SetCursorPosX(labelWidth);
    std::string& path = view.photoPath[a.id];
    const float addWidth = ImGui::CalcTextSize(tr(Str::APPhotoAdd)).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!ctx.folder) {
        ImGui::TextDisabled("%s", tr(Str::APNoDataDir));
    } else {
        ImGui::SetNextItemWidth(std::max(em(11.0f), ImGui::GetContentRegionAvail().x - addWidth -
                                                     ImGui::GetStyle().ItemSpacing.x));
        hintField("##photo", tr(Str::APPhotoPathHint), path);
        probe::mark(key + ".photo.path");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::APPhotoAdd)) && !trim(path).empty()) {
            // Checked and copied first: a wrong file changes nothing in the model.
            try {
                ActionPhare changed = a;
                changed.photos.push_back(store::importPhoto(ctx.folder->dir(), std::string(trim(path))));
                out.push_back(UpdateActionPhare{e.id, changed});
                view.message = fmt(Str::APPhotoAdded, {changed.photos.back()});
                path.clear();
            } catch (const store::StoreError& error) {
                view.error = error.what();
            }
        }
        probe::mark(key + ".photo.add");
    }

    if (ImGui::Button(tr(Str::APProject))) ctx.requests.push_back(ProjectRequest{"projecteur-decouverte", a.id});
    probe::mark(key + ".project");
    alignRight(tr(Str::APRemove));
    if (confirmedButton(tr(Str::APRemove), fmt(Str::APRemoveAsk, {a.title}), key + ".remove")) removed = true;
    ImGui::EndGroup();
    if (!view.dropped.empty() && ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), false)) {
        view.photoPath[a.id] = view.dropped;
        view.dropped.clear();
    }
    ImGui::PopID();
}

}  // namespace

void drawActionsPharesScreen(ActionsPharesView& view, ScreenContext& ctx) {
    const Etape* e = ctx.etapeOrNotice();
    if (!e) return;
    const Territory* host = e->header.host ? ctx.model.territory(*e->header.host) : nullptr;
    heading(fmt(Str::APHeading, {host ? host->name : std::string(tr(Str::APHostUnknown)),
                                 std::to_string(e->header.number)})
                .c_str());

    // A new action-phare: its title, Enter.
    if (view.newSent.accepted()) view.newTitle.clear();
    const float addWidth = ImGui::CalcTextSize(tr(Str::APAdd)).x + ImGui::GetStyle().FramePadding.x * 2;
    bool post = entryField("##ap.new", view.newTitle, tr(Str::APNewHint),
                           std::max(em(13.25f), ImGui::GetContentRegionAvail().x - addWidth - ImGui::GetStyle().ItemSpacing.x),
                           0.0f, view.focusNew);
    probe::mark("ap.new");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::APAdd))) post = true;
    probe::mark("ap.add");
    if (post && !trim(view.newTitle).empty()) {
        ActionPhare a;
        a.title = std::string(trim(view.newTitle));
        ctx.actions.push_back(AddActionPhare{e->id, a, -1});
        view.newSent.wait(ctx.actions);
    }
    if (!view.message.empty()) ImGui::TextDisabled("%s", view.message.c_str());

    if (e->actionsPhares.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(Str::APNone));
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::BeginChild("##ap.list", ImVec2(0, 0), false);
    Id remove = 0;
    for (size_t i = 0; i < e->actionsPhares.size(); ++i) {
        bool removed = false;
        drawOne(view, ctx, *e, e->actionsPhares[i], i, removed);
        if (removed) remove = e->actionsPhares[i].id;
    }
    ImGui::EndChild();
    if (!view.dropped.empty()) {  // dropped elsewhere on the tab: the first action-phare's field
        view.photoPath[e->actionsPhares.front().id] = view.dropped;
        view.dropped.clear();
    }
    if (remove) ctx.actions.push_back(RemoveActionPhare{e->id, remove});
}

}  // namespace atelier::ui
