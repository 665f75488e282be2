#include "ui/theme.h"

namespace atelier::ui {

void applyConsoleTheme(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ChildRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 7.0f);
    style.CellPadding = ImVec2(6.0f, 4.0f);
    style.WindowPadding = ImVec2(12.0f, 12.0f);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.10f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.0f, 0.24f, 0.55f, 0.18f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.24f, 0.55f, 0.28f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.24f, 0.55f, 0.40f);
    c[ImGuiCol_Button] = ImVec4(0.0f, 0.24f, 0.55f, 0.14f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.0f, 0.24f, 0.55f, 0.30f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.0f, 0.24f, 0.55f, 0.45f);
    c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.88f, 0.91f, 0.96f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.84f, 0.89f, 0.97f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.18f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    style.ScaleAllSizes(scale);
}

}  // namespace atelier::ui
