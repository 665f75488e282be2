// Participation from phones (issue 12): the console tab that opens the server and chooses what phones see, and
// the projector view « Rejoindre » with the QR code. The screens read RoomStatus (refreshed by the shell each
// frame) and ask the shell through ParticipationRequest; they never call the server.
// [SECTION] QR code and join URL
// [SECTION] Console tab
// [SECTION] Projector « Rejoindre »

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <string>

#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/probe.h"
#include "ui/screens/screens.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace atelier::ui {

// [SECTION] QR code and join URL

std::string joinUrl(const std::string& url, const std::string& code) {
    return code.empty() ? url : url + "?code=" + code;
}

void drawQr(ImDrawList* draw, ImVec2 min, float side, const net::QrCode& qr) {
    draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32_WHITE);
    if (qr.size <= 0) return;
    constexpr int kQuiet = 4;  // the white margin readers need, in modules
    const int total = qr.size + 2 * kQuiet;
    // Whole pixels per module: a reader decodes crisp squares; a fractional size blurs their edges.
    const float module = std::max(1.0f, std::floor(side / static_cast<float>(total)));
    const float drawn = module * static_cast<float>(qr.size);
    const ImVec2 origin(std::floor(min.x + (side - drawn) * 0.5f), std::floor(min.y + (side - drawn) * 0.5f));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size;) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            int run = x;  // one rectangle per run of dark modules in a row
            while (run < qr.size && qr.dark(run, y)) ++run;
            draw->AddRectFilled(ImVec2(origin.x + module * static_cast<float>(x), origin.y + module * static_cast<float>(y)),
                                ImVec2(origin.x + module * static_cast<float>(run), origin.y + module * static_cast<float>(y + 1)),
                                IM_COL32_BLACK);
            x = run;
        }
}

namespace {

/// The QR code of the room's first address, encoded again only when the URL or the code changed.
const net::QrCode& roomQr(ParticipationView& view, const RoomStatus& room) {
    const std::string text = room.running && !room.urls.empty() ? joinUrl(room.urls.front(), room.code) : std::string();
    if (text != view.qrText) {
        view.qrText = text;
        view.qr = text.empty() ? net::QrCode{} : net::encodeQr(text);
    }
    return view.qr;
}

/// « 123 456 »: a code read aloud and copied from the back of the room in two halves.
std::string spacedCode(const std::string& code) {
    if (code.size() != 6) return code;
    return code.substr(0, 3) + " " + code.substr(3);
}

void requestOpen(ScreenContext& ctx, const net::OpenToPhones& open) {
    ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::SetOpen, open, {}});
}

/// The board and vote radio buttons: one click opens one to phones, « Aucun » closes it.
void drawOpenToPhones(ScreenContext& ctx, const Etape& etape) {
    const net::OpenToPhones& open = ctx.room.open;
    heading(tr(Str::RoomOpenToPhones));
    ImGui::TextDisabled("%s", fmt(Str::RoomForEtape, {std::to_string(etape.header.number)}).c_str());
    ImGui::TextUnformatted(tr(Str::RoomBoard));
    ImGui::Indent();
    if (ImGui::RadioButton((std::string(tr(Str::RoomNone)) + "##board-none").c_str(), !open.board)) {
        net::OpenToPhones next = open;
        next.board.reset();
        requestOpen(ctx, next);
    }
    probe::mark("participation.board.none");
    for (const Board& b : etape.boards) {
        const std::string label = b.title + "##board-" + std::to_string(b.id);
        if (ImGui::RadioButton(label.c_str(), open.board == b.id)) {
            net::OpenToPhones next = open;
            next.board = b.id;
            requestOpen(ctx, next);
        }
        probe::mark("participation.board." + std::to_string(b.id));
    }
    if (etape.boards.empty()) ImGui::TextDisabled("%s", tr(Str::RoomNoBoardYet));
    ImGui::Unindent();
    ImGui::TextUnformatted(tr(Str::RoomVote));
    ImGui::Indent();
    if (ImGui::RadioButton((std::string(tr(Str::RoomNone)) + "##vote-none").c_str(), !open.vote)) {
        net::OpenToPhones next = open;
        next.vote.reset();
        requestOpen(ctx, next);
    }
    probe::mark("participation.vote.none");
    for (const Vote& v : etape.votes) {
        const std::string title = v.setup.open ? v.setup.question : fmt(Str::RoomVoteClosed, {v.setup.question});
        const std::string label = title + "##vote-" + std::to_string(v.id);
        ImGui::BeginDisabled(!v.setup.open && open.vote != v.id);
        if (ImGui::RadioButton(label.c_str(), open.vote == v.id)) {
            net::OpenToPhones next = open;
            next.vote = v.id;
            requestOpen(ctx, next);
        }
        ImGui::EndDisabled();
        probe::mark("participation.vote." + std::to_string(v.id));
    }
    if (etape.votes.empty()) ImGui::TextDisabled("%s", tr(Str::RoomNoVoteYet));
    ImGui::Unindent();
    ImGui::TextUnformatted(tr(Str::RoomEvaluation));
    ImGui::Indent();
    if (etape.evaluation.questions.empty()) {
        ImGui::TextDisabled("%s", tr(Str::RoomNoEvaluationYet));
    } else {
        bool evaluation = open.evaluation;
        if (ImGui::Checkbox(tr(Str::RoomEvaluationOpen), &evaluation)) {
            net::OpenToPhones next = open;
            next.evaluation = evaluation;
            requestOpen(ctx, next);
        }
    }
    probe::mark("participation.evaluation");
    ImGui::Unindent();
}

void drawDevices(ScreenContext& ctx) {
    const RoomStatus& room = ctx.room;
    heading(fmt(Str::RoomPhones, {std::to_string(room.phones)}).c_str());
    if (room.devices.empty()) return;
    std::map<std::string, int> perGroup;
    for (const net::DeviceInfo& d : room.devices)
        if (!d.blocked) ++perGroup[d.groupe.empty() ? std::string(tr(Str::RoomNoGroup)) : d.groupe];
    ImGui::TextDisabled("%s", tr(Str::RoomPerGroup));
    for (const auto& [group, count] : perGroup) ImGui::BulletText("%s\u00a0: %d", group.c_str(), count);
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Str::RoomDevices));
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float height = std::min(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 12.0f);
    if (!ImGui::BeginTable("##devices", 6, kFlags, ImVec2(0, std::max(height, ImGui::GetFrameHeightWithSpacing() * 3))))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::RoomDeviceName));
    ImGui::TableSetupColumn(tr(Str::RoomDeviceCite));
    ImGui::TableSetupColumn(tr(Str::RoomDeviceGroup));
    ImGui::TableSetupColumn(tr(Str::RoomDeviceIdeas), ImGuiTableColumnFlags_WidthFixed, em(3.25f));
    ImGui::TableSetupColumn(tr(Str::RoomDeviceAddress));
    ImGui::TableSetupColumn("##block", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12.0f);
    ImGui::TableHeadersRow();
    for (const net::DeviceInfo& d : room.devices) {
        ImGui::PushID(d.token.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.prenom.empty() ? "—" : d.prenom.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.cite.empty() ? "—" : d.cite.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.groupe.empty() ? "—" : d.groupe.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.ideas);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.address.empty() ? "—" : d.address.c_str());
        ImGui::TableNextColumn();
        if (d.replaced) {
            ImGui::TextDisabled("%s", tr(Str::RoomReplaced));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::RoomReplacedHint));
        } else if (d.blocked) {
            ImGui::TextDisabled("%s", tr(Str::RoomBlocked));
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(Str::RoomUnblock)))
                ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::Unblock, {}, d.token});
            probe::mark("participation.unblock." + d.token);
        } else if (ImGui::SmallButton(tr(Str::RoomBlock))) {
            ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::Block, {}, d.token});
        }
        probe::mark("participation.block." + d.token);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

// [SECTION] Console tab

void drawParticipationScreen(ParticipationView& view, ScreenContext& ctx) {
    const RoomStatus& room = ctx.room;
    ImGui::PushTextWrapPos(0.0f);
    if (!room.running) {
        ImGui::TextUnformatted(tr(Str::RoomIntro));
        ImGui::Spacing();
        const Etape* etape = ctx.model.etape(ctx.etape);
        if (!etape) ImGui::TextDisabled("%s", tr(Str::RoomNoEtape));
        ImGui::BeginDisabled(!etape);
        if (ImGui::Button(tr(Str::RoomOpen), ImVec2(em(17.75f), em(2.75f))))
            ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::Open, {}, {}});
        ImGui::EndDisabled();
        probe::mark("participation.open");
        if (!room.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, console::vec(console::kError));
            ImGui::TextUnformatted(room.error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        return;
    }
    // Phones take part in the étape selected on the console: follow it.
    if (ctx.etape && room.open.etape != ctx.etape) {
        net::OpenToPhones next;
        next.etape = ctx.etape;
        requestOpen(ctx, next);
    }

    const float qrSide = em(12.25f);
    ImGui::BeginGroup();  // left: the QR code
    const ImVec2 at = ImGui::GetCursorScreenPos();
    drawQr(ImGui::GetWindowDrawList(), at, qrSide, roomQr(view, room));
    ImGui::Dummy(ImVec2(qrSide, qrSide));
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, em(1.35f));
    ImGui::BeginGroup();  // right: code, address, buttons
    ImGui::TextDisabled("%s", tr(Str::RoomCode));
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(spacedCode(room.code).c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", tr(Str::RoomAddress));
    if (room.urls.empty()) {
        ImGui::TextUnformatted(tr(Str::RoomNoNetwork));
    } else {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(room.urls.front().c_str());
        ImGui::PopFont();
    }
    if (ImGui::Button(tr(Str::RoomProject))) ctx.requests.push_back(ProjectRequest{"rejoindre", 0});
    probe::mark("participation.project");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::RoomNewCode)))
        ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::NewCode, {}, {}});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::RoomNewCodeHint));
    probe::mark("participation.new-code");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::RoomClose)))
        ctx.requests.push_back(ParticipationRequest{ParticipationRequest::Kind::Close, {}, {}});
    probe::mark("participation.close");
    ImGui::EndGroup();
    if (room.urls.size() > 1 && ImGui::CollapsingHeader(tr(Str::RoomOtherAddresses))) {
        for (size_t i = 1; i < room.urls.size(); ++i) ImGui::BulletText("%s", room.urls[i].c_str());
    }
    // What to do when a phone cannot connect, here rather than in the README (issue 29 point 11).
    if (ImGui::CollapsingHeader(tr(Str::RoomHelpHeading))) {
        ImGui::PushTextWrapPos(0.0f);
        for (const Str step : {Str::RoomHelpNetwork, Str::RoomHelpAddress, Str::RoomHelpIsolation})
            ImGui::BulletText("%s", tr(step));
        ImGui::BulletText("%s", fmt(Str::RoomHelpFirewall, {std::to_string(room.port), std::to_string(room.port)}).c_str());
        ImGui::PopTextWrapPos();
    }
    probe::mark("participation.help");
    ImGui::Separator();

    const Etape* etape = ctx.etapeOrNotice();
    if (ImGui::BeginTable("##participation", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("##phones", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        if (etape) drawOpenToPhones(ctx, *etape);
        ImGui::TableNextColumn();
        drawDevices(ctx);
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
}

// [SECTION] Projector « Rejoindre »

bool projectJoin(ParticipationView& view, ImDrawList* draw, ImVec2 min, ImVec2 max, const ProjectorContext& ctx) {
    using namespace projector;
    const RoomStatus& room = ctx.room;
    if (!room.running) return false;
    draw->AddRectFilled(min, max, kBackground);
    const float width = max.x - min.x, height = max.y - min.y;
    if (width < 8 || height < 8) return true;
    const Fonts& f = fonts();
    const float unit = audienceUnit(min, max);  // pixels per unit of a 1920×1080 screen
    const float margin = 70.0f * unit;
    // The countdown's corner (top right) stays free: the title stops before it.
    const float countdownReserve = 420.0f * unit;

    const ImRect screen(min, max);
    auto text = [&](ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& s, float wrap = 0.0f) {
        return fitText(draw, font, size * unit, at, colour, kBackground, s, screen, wrap,
                       font == f.largeBold ? TextRole::Label : TextRole::Body);
    };
    float y = min.y + margin;
    const ImVec2 title = text(f.largeBold, 64, ImVec2(min.x + margin, y), kAccent, tr(Str::JoinTitle),
                              width - 2 * margin - countdownReserve);
    y += title.y + 40.0f * unit;

    // Left: the QR code, as large as the height left allows (at most half the width); none without a network
    // (a code nobody can open would only mislead).
    const bool network = !room.urls.empty();
    const float side = network ? std::min(max.y - margin - y, width * 0.45f) : 0.0f;
    if (network) drawQr(draw, ImVec2(min.x + margin, y), side, roomQr(view, room));

    // Right: the steps, the address and the code.
    const float x = min.x + margin + (network ? side + 60.0f * unit : 0.0f);
    const float wrap = max.x - margin - x;
    float ry = y;
    ry += text(f.large, 44, ImVec2(x, ry), kText, tr(Str::JoinStepWifi), wrap).y + 30.0f * unit;
    ry += text(f.large, 44, ImVec2(x, ry), kText, tr(Str::JoinStepScan), wrap).y + 12.0f * unit;
    if (network) {
        // The address as large as fits on one line, between 40 and 72 units.
        const std::string& url = room.urls.front();
        const float urlSize = fitSize(f.largeBold, url, wrap, FLT_MAX, 72.0f * unit, 40.0f * unit, false) / unit;
        ry += text(f.largeBold, urlSize, ImVec2(x, ry), kAccent, url, wrap).y + 40.0f * unit;
    } else {
        ry += text(f.largeBold, 44, ImVec2(x, ry), kAccent, tr(Str::RoomNoNetwork), wrap).y + 40.0f * unit;
    }
    ry += text(f.large, 44, ImVec2(x, ry), kText, tr(Str::JoinStepCode), wrap).y + 4.0f * unit;
    const std::string code = spacedCode(room.code);
    const float codeSize = fitSize(f.largeBold, code, wrap, FLT_MAX, 200.0f * unit, 60.0f * unit, false) / unit;
    ry += text(f.largeBold, codeSize, ImVec2(x, ry), kText, code).y + 30.0f * unit;
    const std::string phones = room.phones == 0   ? std::string(tr(Str::JoinNoPhone))
                               : room.phones == 1 ? std::string(tr(Str::JoinOnePhone))
                                                  : fmt(Str::JoinPhones, {std::to_string(room.phones)});
    text(f.large, 44, ImVec2(x, std::min(ry, max.y - margin - 60.0f * unit)), kMuted, phones, wrap);
    return true;
}

}  // namespace atelier::ui
