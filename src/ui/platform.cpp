// GLFW windows and OpenGL: the console and projector windows, each with its own Dear ImGui context sharing one
// font atlas (Dear ImGui 1.86 has no multi-viewport), GLFW callbacks routed to the context of their window,
// full screen on the chosen monitor, and the screenshot renderer.
//
// [SECTION] Windows and contexts
// [SECTION] Where the windows open (ui/placement.h)
// [SECTION] The app loop
// [SECTION] Screenshot and fatal error window

#ifdef _WIN32
#include <windows.h>  // before GL/gl.h, which needs its WINGDIAPI
#include <shellapi.h>
#endif
#include <GL/gl.h>
#ifndef GL_CLAMP_TO_EDGE  // OpenGL 1.2: Windows' GL/gl.h stops at 1.1
#define GL_CLAMP_TO_EDGE 0x812F
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#ifndef _WIN32
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#endif
#include <utility>
#include <memory>
#include <vector>

#include "core/strings.h"
#include "core/text.h"
#include "store/data_folder.h"
#include "store/files.h"
#include "ui/app.h"
#include "ui/frame_pacer.h"
#include "ui/wake.h"
#include "ui/fonts.h"
#include "ui/frame.h"
#include "ui/keys.h"
#include "ui/placement.h"
#include "ui/scale.h"
#include "ui/screens/essaimage.h"
#include "ui/theme.h"
#include "ui/ui.h"

static_assert(atelier::ui::kKeyF5 == GLFW_KEY_F5 && atelier::ui::kKeyF6 == GLFW_KEY_F6 &&
                  atelier::ui::kKeyF7 == GLFW_KEY_F7 && atelier::ui::kKeyF8 == GLFW_KEY_F8 &&
                  atelier::ui::kKey0 == GLFW_KEY_0 && atelier::ui::kKeyPad0 == GLFW_KEY_KP_0 &&
                  atelier::ui::kKeyMinus == GLFW_KEY_MINUS && atelier::ui::kKeyEqual == GLFW_KEY_EQUAL &&
                  atelier::ui::kKeyPadSubtract == GLFW_KEY_KP_SUBTRACT && atelier::ui::kKeyPadAdd == GLFW_KEY_KP_ADD &&
                  atelier::ui::kKeyA == GLFW_KEY_A && atelier::ui::kKeyA + 25 == GLFW_KEY_Z &&
                  atelier::ui::kKeySpace == GLFW_KEY_SPACE && atelier::ui::kKeyGrave == GLFW_KEY_GRAVE_ACCENT &&
                  atelier::ui::kKeyWorld1 == GLFW_KEY_WORLD_1 && atelier::ui::kKeyWorld2 == GLFW_KEY_WORLD_2,
              "ui/keys.h must match GLFW's key codes");

namespace atelier::ui {

namespace {

/// An event came (input, a window uncovered or resized, a wake from another thread): the loop settles (issue 30).
std::atomic<bool> gEventSeen{false};

/// Opens `folder` in the desktop's file manager (xdg-open, without waiting for it; a reaper thread leaves no zombie).
void openInFileManager(const std::filesystem::path& folder) {
#ifdef _WIN32
    // Windows: the Explorer, through the shell (the wide path: accents and spaces as they are).
    ::ShellExecuteW(nullptr, L"open", folder.c_str(), nullptr, nullptr, SW_SHOWNORMAL);
#else
    const std::string path = folder.string();
    char* const argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(path.c_str()), nullptr};
    pid_t child = 0;
    if (posix_spawnp(&child, "xdg-open", nullptr, nullptr, argv, environ) == 0) {
        // xdg-open returns once the file manager is started; reap it off the UI thread's path.
        std::thread([child] { waitpid(child, nullptr, 0); }).detach();
    }
#endif
}


// [SECTION] Windows and contexts

/// The actions-phares' photos as OpenGL textures (shared by both windows: their GL contexts share objects).
ImTextureID createGlTexture(const unsigned char* rgba, int width, int height) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id));
}

void destroyGlTexture(ImTextureID texture) {
    const GLuint id = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(texture));
    glDeleteTextures(1, &id);
}

/// Photo textures for one scope: made on the windows' GL contexts, freed before the windows close.
struct PhotoTextures {
    PhotoTextures() { setTextureBackend({createGlTexture, destroyGlTexture}); }
    ~PhotoTextures() { setTextureBackend({}); }
    PhotoTextures(const PhotoTextures&) = delete;
    PhotoTextures& operator=(const PhotoTextures&) = delete;
};

/// One GLFW window with its GL context and its Dear ImGui context.
class Window {
public:
    Window(const char* title, int width, int height, GLFWwindow* share, bool visible) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        handle_ = glfwCreateWindow(width, height, title, nullptr, share);
        if (!handle_) return;
        glfwSetWindowUserPointer(handle_, this);
        glfwMakeContextCurrent(handle_);
        ImGuiContext* previous = ImGui::GetCurrentContext();
        context_ = ImGui::CreateContext(&sharedAtlas());
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // window layout is view state: not written next to the user's files
        // A steady text cursor: a blinking one would need a frame every 0.4 s while a field is active (issue 30),
        // and steady is what WCAG 2.2.2 prefers anyway.
        io.ConfigInputTextCursorBlink = false;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        applyConsoleTheme(ImGui::GetStyle(), consoleFontScale());
        ImGui_ImplGlfw_InitForOpenGL(handle_, false);
        ImGui_ImplOpenGL3_Init("#version 130");
        routeCallbacks();
        ImGui::SetCurrentContext(previous);
    }
    ~Window() {
        if (!handle_) return;
        glfwMakeContextCurrent(handle_);
        ImGui::SetCurrentContext(context_);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext(context_);
        glfwDestroyWindow(handle_);
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return handle_; }
    explicit operator bool() const { return handle_ != nullptr; }

    /// Makes this window current and starts a Dear ImGui frame in its context.
    void begin() {
        glfwMakeContextCurrent(handle_);
        ImGui::SetCurrentContext(context_);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        newFrame();
        pressedSinceFrame_ = false;  // this frame sees every key pressed so far
    }
    /// After a frame: the releases held back until a frame had seen their key pressed; the next frame sees them.
    void releaseLate() {
        if (lateReleases_.empty()) return;
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        for (const Release& r : lateReleases_) ImGui_ImplGlfw_KeyCallback(handle_, r.key, r.scancode, GLFW_RELEASE, r.mods);
        ImGui::SetCurrentContext(previous);
        lateReleases_.clear();
        gEventSeen = true;
    }
    /// Renders the frame into the back buffer (not yet shown).
    void render(float r, float g, float b) {
        ImGui::Render();
        int w = 0, h = 0;
        glfwGetFramebufferSize(handle_, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(r, g, b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    void present() { glfwSwapBuffers(handle_); }

    /// The window's content scale as the system reports it (Windows' display scaling, X11's Xft.dpi / 96; 1 when
    /// unknown), for its monitor of the moment.
    float contentScale() const {
        float x = 1.0f, y = 1.0f;
        glfwGetWindowContentScale(handle_, &x, &y);
        return x > 0.0f ? x : 1.0f;
    }
    /// The console's theme at `scale` (paddings, roundings; the fonts are the atlas's).
    void restyle(float scale) {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        applyConsoleTheme(ImGui::GetStyle(), scale);
        ImGui::SetCurrentContext(previous);
    }
    /// Uploads the shared atlas again after setConsoleScale baked it anew (this context's GPU copy is stale).
    void remakeFontTexture() {
        glfwMakeContextCurrent(handle_);
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ImGui::SetCurrentContext(previous);
    }
    /// A mouse button or a key is held in this window: frames go on (key repeat, drags).
    bool inputHeld() const {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        const ImGuiIO& io = ImGui::GetIO();
        bool held = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool b) { return b; }) ||
                    std::any_of(std::begin(io.KeysDown), std::end(io.KeysDown), [](bool b) { return b; });
        ImGui::SetCurrentContext(previous);
        return held;
    }

    /// The rendered back buffer (call after render(), before present()) as an opaque PNG, written beside `file` then
    /// renamed over it (never in place), refused when `file` is one of the data folder `dataDir`'s own files
    /// (store::DataFolder::checkOutput; empty `dataDir`: no check). Returns the framebuffer size written, or {0, 0}
    /// with `error` set when the file could not be written.
    std::pair<int, int> savePng(const std::filesystem::path& file, const std::filesystem::path& dataDir = {},
                                std::string* error = nullptr) const {
        int w = 0, h = 0;
        glfwGetFramebufferSize(handle_, &w, &h);
        const size_t row = static_cast<size_t>(w) * 4;
        std::vector<unsigned char> pixels(row * static_cast<size_t>(h)), flipped(pixels.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // OpenGL's rows go bottom-up, PNG's top-down.
        for (int y = 0; y < h; ++y)
            std::copy_n(pixels.data() + static_cast<size_t>(h - 1 - y) * row, row,
                        flipped.data() + static_cast<size_t>(y) * row);
        for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
        std::string png;
        const auto append = [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
        };
        if (!stbi_write_png_to_func(append, &png, w, h, 4, flipped.data(), static_cast<int>(row))) return {0, 0};
        try {
            if (dataDir.empty()) store::writeFileAtomic(file, png);
            else store::DataFolder::writeOutput(dataDir, file, png);
        } catch (const std::exception& e) {
            if (error) *error = e.what();
            return {0, 0};
        }
        return {w, h};
    }

private:
    /// Each GLFW event goes to the Dear ImGui context of the window it happened in.
    template <class F>
    static void inContextOf(GLFWwindow* w, F&& forward) {
        gEventSeen = true;
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(self->context_);
        forward();
        ImGui::SetCurrentContext(previous);
    }
    void routeCallbacks() {
        // Events Dear ImGui reads by polling, or that only ask for a frame: each wakes the resting loop (issue 30).
        glfwSetCursorPosCallback(handle_, [](GLFWwindow*, double, double) { gEventSeen = true; });
        glfwSetWindowRefreshCallback(handle_, [](GLFWwindow*) { gEventSeen = true; });
        glfwSetFramebufferSizeCallback(handle_, [](GLFWwindow*, int, int) { gEventSeen = true; });
        glfwSetWindowIconifyCallback(handle_, [](GLFWwindow*, int) { gEventSeen = true; });
        glfwSetWindowCloseCallback(handle_, [](GLFWwindow*) { gEventSeen = true; });
        glfwSetWindowContentScaleCallback(handle_, [](GLFWwindow*, float, float) { gEventSeen = true; });
        glfwSetWindowFocusCallback(handle_, [](GLFWwindow* w, int f) {
            inContextOf(w, [&] { ImGui_ImplGlfw_WindowFocusCallback(w, f); });
        });
        glfwSetCursorEnterCallback(handle_, [](GLFWwindow* w, int e) {
            inContextOf(w, [&] { ImGui_ImplGlfw_CursorEnterCallback(w, e); });
        });
        glfwSetMouseButtonCallback(handle_, [](GLFWwindow* w, int b, int a, int m) {
            inContextOf(w, [&] { ImGui_ImplGlfw_MouseButtonCallback(w, b, a, m); });
        });
        glfwSetScrollCallback(handle_, [](GLFWwindow* w, double x, double y) {
            inContextOf(w, [&] { ImGui_ImplGlfw_ScrollCallback(w, x, y); });
        });
        glfwSetKeyCallback(handle_, [](GLFWwindow* w, int k, int s, int a, int m) {
            inContextOf(w, [&] {
                auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
                // Shortcuts follow the keyboard's layout: Ctrl+Z is the key labelled Z, AZERTY included. A key is
                // released as what it was pressed as (Ctrl let go first must not leave a key held).
                static int pressedAs[GLFW_KEY_LAST + 1] = {};
                int key = layoutKey(k, glfwGetKeyName(k, s), (m & GLFW_MOD_CONTROL) != 0);
                if (k >= 0 && k <= GLFW_KEY_LAST) {
                    if (a == GLFW_PRESS) pressedAs[k] = key;
                    else if (pressedAs[k]) key = pressedAs[k];
                    if (a == GLFW_RELEASE) pressedAs[k] = 0;
                }
                // Dear ImGui 1.86 reads keys as held or not at each frame: a shortcut pressed and let go before any
                // frame saw it (a quick tap while the loop rested: Ctrl+= arrives as Ctrl down, = down, Ctrl up,
                // = up in one wake) would be lost. Once a key was pressed since the last frame began, the releases
                // that follow wait, in their order, for the frame after the one that sees the press.
                if (a == GLFW_RELEASE && (self->pressedSinceFrame_ || !self->lateReleases_.empty())) {
                    self->lateReleases_.push_back({key, s, m});
                    return;
                }
                if (a == GLFW_PRESS) {
                    self->pressedSinceFrame_ = true;
                    std::erase_if(self->lateReleases_, [&](const Release& r) { return r.key == key; });  // down again
                }
                ImGui_ImplGlfw_KeyCallback(w, key, s, a, m);
                // Enter also goes into the character queue, in its place among the characters typed, so that a
                // field posted with Enter knows what was typed after it within one frame (ui/widgets.h).
                if ((k == GLFW_KEY_ENTER || k == GLFW_KEY_KP_ENTER) && a == GLFW_PRESS)
                    ImGui::GetIO().AddInputCharacter(kTypedEnter);
            });
        });
        glfwSetCharCallback(handle_, [](GLFWwindow* w, unsigned int c) {
            inContextOf(w, [&] { ImGui_ImplGlfw_CharCallback(w, c); });
        });
    }

    GLFWwindow* handle_ = nullptr;
    ImGuiContext* context_ = nullptr;
    bool pressedSinceFrame_ = false;  // a key was pressed since the last frame began
    struct Release {
        int key, scancode, mods;
    };
    std::vector<Release> lateReleases_;  // releases of keys no frame has seen pressed yet
};

/// glfwInit/glfwTerminate for one scope.
struct Glfw {
    bool ok = false;
    Glfw() {
        glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW %d : %s\n", code, text); });
        ok = glfwInit() == GLFW_TRUE;
    }
    ~Glfw() {
        if (ok) glfwTerminate();
    }
};

std::vector<GLFWmonitor*> monitors() {
    int count = 0;
    GLFWmonitor** list = glfwGetMonitors(&count);
    return std::vector<GLFWmonitor*>(list, list + count);
}

// [SECTION] Where the windows open (ui/placement.h)

/// $XDG_CONFIG_HOME/atelier/fenetres.conf, or ~/.config/atelier/fenetres.conf; empty without either.
std::filesystem::path placementFile() {
#ifdef _WIN32
    // Windows: %LOCALAPPDATA%\Atelier\fenetres.conf (window places belong to this computer, not the roaming profile).
    if (const wchar_t* local = ::_wgetenv(L"LOCALAPPDATA"); local && *local)
        return std::filesystem::path(local) / L"Atelier" / L"fenetres.conf";
    return {};
#else
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "atelier" / "fenetres.conf";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "atelier" / "fenetres.conf";
    return {};
#endif
}

WindowPlacement readPlacement() {
    const std::filesystem::path file = placementFile();
    std::ifstream in(file);
    if (file.empty() || !in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return parsePlacement(text.str());
}

/// Written when the app closes; a failure only means the windows open in their default places next time.
void writePlacement(const WindowPlacement& placement) {
    const std::filesystem::path file = placementFile();
    if (file.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << formatPlacement(placement);
        if (!out) return;
    }
    std::filesystem::rename(temp, file, ec);
}

std::vector<Rect> monitorAreas() {
    std::vector<Rect> out;
    for (GLFWmonitor* m : monitors()) {
        Rect r;
        glfwGetMonitorWorkarea(m, &r.x, &r.y, &r.w, &r.h);
        if (r.w <= 0 || r.h <= 0) {  // some servers report no work area: the whole mode
            const GLFWvidmode* mode = glfwGetVideoMode(m);
            glfwGetMonitorPos(m, &r.x, &r.y);
            r.w = mode->width;
            r.h = mode->height;
        }
        out.push_back(r);
    }
    return out;
}

Rect windowRect(GLFWwindow* window) {
    Rect r;
    glfwGetWindowPos(window, &r.x, &r.y);
    glfwGetWindowSize(window, &r.w, &r.h);
    return r;
}

/// The projector's window when it is not full screen (where Esc puts it back).
Rect gProjectorWindow{120, 120, 1280, 720};

/// Puts the projector window full screen on `monitor`, or back into its window when `monitor` is null.
void setProjectorFullscreen(GLFWwindow* projector, GLFWmonitor* monitor) {
    if (monitor) {
        if (!glfwGetWindowMonitor(projector)) gProjectorWindow = windowRect(projector);
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwShowWindow(projector);
        glfwSetWindowMonitor(projector, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        const Rect& r = gProjectorWindow;
        glfwSetWindowMonitor(projector, nullptr, r.x, r.y, r.w, r.h, 0);
    }
}

}  // namespace

// [SECTION] The app loop

namespace {

/// Today on the laptop's calendar.
Date localToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/// Set by SIGTERM, SIGINT or SIGHUP: the loop closes the app as Quitter does (edit committed, windows
/// remembered, exit 0) instead of dying with the field being edited. A second signal of the same kind kills as
/// before (the handler gives the default back), for an app that does not answer.
volatile std::sig_atomic_t gCloseSignal = 0;

void onCloseSignal(int sig) {
    gCloseSignal = 1;
    std::signal(sig, SIG_DFL);
}

}  // namespace

void installCloseSignals() {
    static bool installed = false;  // once: a signal already caught has given its default back (a second one kills)
    if (installed) return;
    installed = true;
    std::signal(SIGTERM, onCloseSignal);
    std::signal(SIGINT, onCloseSignal);
#ifdef SIGHUP
    std::signal(SIGHUP, onCloseSignal);
#endif
}

int runApp(Session& session, store::DataFolder* folder, std::vector<std::string> notices) {
    // The close signals are caught from the start of the GUI command (installCloseSignals, before the workspace
    // opens): one that came while the data folder or the windows were opening closes the app at its first frame.
    installCloseSignals();
    Glfw glfw;
    if (!glfw.ok) {
        std::fprintf(stderr, "%s\n", "Aucun affichage disponible\u00a0: lancez Atelier depuis une session graphique.");
        return 1;
    }
    // Both windows where they were last time; the projector full screen on a second monitor when there is one.
    const WindowPlacement saved = readPlacement();
    const std::vector<Rect> areas = monitorAreas();
    const Rect consoleAt = consoleStart(saved, areas);
    const ProjectorStart projectorAt = projectorStart(saved, areas);
    Window console(tr(Str::AppTitle), consoleAt.w, consoleAt.h, nullptr, true);
    if (!console) return 1;
    glfwSetWindowPos(console.handle(), consoleAt.x, consoleAt.y);
    // The console at the screen's scale and the zoom remembered (ui/scale.h), before any frame uploads the fonts.
    const int zoom = zoomStep(saved.zoom);
    setConsoleScale(consoleScale(console.contentScale(), zoom));
    console.restyle(consoleFontScale());
    glfwMakeContextCurrent(console.handle());
    glfwSwapInterval(1);
    Window projector(tr(Str::ProjectorTitle), projectorAt.window.w, projectorAt.window.h, console.handle(), true);
    if (!projector) return 1;
    projector.restyle(1.0f);  // its views lay out from its own screen's size (audienceUnit)
    glfwSetWindowPos(projector.handle(), projectorAt.window.x, projectorAt.window.y);
    gProjectorWindow = projectorAt.window;
    int projectorMonitor = saved.projectorMonitor;
    if (projectorAt.fullscreenMonitor >= 0) {
        setProjectorFullscreen(projector.handle(), monitors()[static_cast<size_t>(projectorAt.fullscreenMonitor)]);
        projectorMonitor = projectorAt.fullscreenMonitor;
    }
    glfwMakeContextCurrent(projector.handle());
    glfwSwapInterval(0);  // the console's vsync paces the loop
    glfwFocusWindow(console.handle());
    const PhotoTextures photos;  // after the windows: freed before them

    App app(session, folder);
    app.startOn(saved.etape ? std::optional<Id>(static_cast<Id>(*saved.etape)) : std::nullopt, localToday());
    app.state().notices = std::move(notices);
    app.state().zoom = zoom;
    app.setOpenFolder(openInFileManager);
    Actions actions;
    UiRequests requests;
    bool projectorVisible = true;
    // Files dropped on either window (a CSV of registrations) go to the app.
    static App* dropTarget = nullptr;
    dropTarget = &app;
    for (GLFWwindow* w : {console.handle(), projector.handle()})
        glfwSetDropCallback(w, [](GLFWwindow*, int count, const char** paths) {
            gEventSeen = true;
            if (count > 0 && dropTarget) dropTarget->dropFile(paths[0]);
        });
    // For the smoke test: ATELIER_EXIT_AFTER_FRAMES=N runs N frames of both windows, then returns, after
    // writing the last frame of each window to ATELIER_SMOKE_DIR/{console,projector}.png when that is set.
    const char* exitAfter = std::getenv("ATELIER_EXIT_AFTER_FRAMES");
    const char* smokeDir = std::getenv("ATELIER_SMOKE_DIR");
    long framesLeft = exitAfter ? std::strtol(exitAfter, nullptr, 10) : -1;
    // Draw only when something changes (issue 30, ui/frame_pacer.h): between events the loop waits, waking at
    // least every 0.25 s to see a close signal (a signal does not end GLFW's wait) but drawing nothing then. The
    // smoke test's N frames are drawn back to back.
    FramePacer pacer;
    const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(projector::kBackground);
    setLoopWaker([] {
        gEventSeen = true;
        glfwPostEmptyEvent();
    });
    const bool continuous = exitAfter || std::getenv("ATELIER_EVERY_FRAME");  // the old loop, for the benchmark
    // tests/bench/idle_cpu.sh: a screen shown, a countdown running from the start.
    if (const char* screen = std::getenv("ATELIER_BENCH_SCREEN")) app.showScreen(screen);
    if (const char* seconds = std::getenv("ATELIER_BENCH_COUNTDOWN")) {
        app.state().countdown.reset(static_cast<int>(std::strtol(seconds, nullptr, 10)));
        app.state().countdown.start();
    }
    // tests/gui_wake.py: participation open from the start on 127.0.0.1, any free port, with this code (the
    // address printed), so that a test can post as a phone to the resting app.
    if (const char* code = std::getenv("ATELIER_TEST_PARTICIPATION")) {
        app.setParticipationAddress("127.0.0.1", 0);
        if (app.openParticipation("127.0.0.1", 0, code))
            std::printf("participation: http://127.0.0.1:%d/\n", app.room().port);
        // tests/bench/idle_cpu.sh: the selected étape's first board and vote open to phones, the board projected as
        // the wall; atelier_load --external PORT CODE VOTE then posts to it as a room of phones.
        const Etape* e = session.model().etape(app.state().selectedEtape);
        if (std::getenv("ATELIER_BENCH_WALL") && app.participation() && e && !e->boards.empty() && !e->votes.empty()) {
            app.participation()->setOpen({e->id, e->boards.front().id, e->votes.front().id});
            app.state().projector = "mur";
            app.state().projected["mur"] = e->boards.front().id;
            std::printf("wall: %d %s %lld\n", app.room().port, code, static_cast<long long>(e->votes.front().id));
        }
        std::fflush(stdout);
    }
    while (framesLeft-- != 0) {
        if (continuous) {
            glfwPollEvents();
        } else {
            const double now = glfwGetTime();
            const bool held = console.inputHeld() || (projectorVisible && projector.inputHeld());
            const double wait = gCloseSignal ? 0.0 : pacer.wait(now, held);
            if (wait > 0.0) {
                constexpr double kSignalCheck = 0.25;
                glfwWaitEventsTimeout(std::min(wait, kSignalCheck));
                const bool event = gEventSeen.exchange(false);
                pacer.woke(glfwGetTime(), event);
                if (!event && !gCloseSignal && glfwGetTime() - now < wait) continue;  // nothing to draw yet
            } else {
                gEventSeen = false;
                glfwPollEvents();
                if (gEventSeen.exchange(false)) pacer.woke(glfwGetTime(), true);
            }
        }

        // However the app is asked to close (Quitter, the close button, Alt+F4, SIGTERM, SIGINT, the session
        // ending), it first draws the frames that commit the field being edited, then leaves the loop.
        if (glfwWindowShouldClose(console.handle()) || app.state().quitRequested || gCloseSignal) app.requestClose();
        if (app.readyToClose()) break;
        AppState& state = app.state();
        state.monitors.clear();
        for (GLFWmonitor* m : monitors()) {
            const GLFWvidmode* mode = glfwGetVideoMode(m);
            state.monitors.push_back({glfwGetMonitorName(m) ? glfwGetMonitorName(m) : "?", mode->width, mode->height});
        }
        state.projectorFullscreen = glfwGetWindowMonitor(projector.handle()) != nullptr;
        // The screen's scale (a move to another monitor, the system's setting changed) or the zoom changed: the
        // fonts are baked again at the new size, between two frames.
        state.contentScale = console.contentScale();
        if (setConsoleScale(consoleScale(state.contentScale, state.zoom))) {
            console.remakeFontTexture();
            projector.remakeFontTexture();
            console.restyle(consoleFontScale());
        }
        if (glfwWindowShouldClose(projector.handle())) {  // closing the projector hides it; F5 brings it back
            glfwSetWindowShouldClose(projector.handle(), GLFW_FALSE);
            glfwHideWindow(projector.handle());
            projectorVisible = false;
        }

        const bool dump = smokeDir && framesLeft == 0;
        console.begin();
        app.drawConsole(actions, requests);
        const ImVec4 consoleBg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // its window draws none of its own
        console.render(consoleBg.x, consoleBg.y, consoleBg.z);
        if (dump) console.savePng(std::filesystem::path(smokeDir) / "console.png");
        console.present();
        if (projectorVisible) {
            projector.begin();
            app.drawProjector(requests);
            projector.render(paper.x, paper.y, paper.z);  // the room's paper: the view draws on it
            if (dump) projector.savePng(std::filesystem::path(smokeDir) / "projector.png");
            projector.present();
        }

        console.releaseLate();
        if (projectorVisible) projector.releaseLate();
        app.apply(actions, requests);  // single-screen F5 and Esc are handled there
        const auto all = monitors();
        if (requests.toggleProjector) {
            if (state.projectorFullscreen) {
                setProjectorFullscreen(projector.handle(), nullptr);
            } else if (all.size() > 1) {
                const int index = state.projectorMonitor >= 0 && state.projectorMonitor < static_cast<int>(all.size())
                                      ? state.projectorMonitor
                                      : 1;
                setProjectorFullscreen(projector.handle(), all[static_cast<size_t>(index)]);
                projectorVisible = true;
            }
        }
        if (requests.leaveProjector && state.projectorFullscreen) setProjectorFullscreen(projector.handle(), nullptr);
        if (requests.monitor >= 0 && state.projectorFullscreen && requests.monitor < static_cast<int>(all.size()))
            setProjectorFullscreen(projector.handle(), all[static_cast<size_t>(requests.monitor)]);
        if (!projectorVisible && requests.toggleProjector) {
            glfwShowWindow(projector.handle());
            projectorVisible = true;
        }
        if (GLFWmonitor* on = glfwGetWindowMonitor(projector.handle())) {
            const auto all = monitors();
            const auto it = std::find(all.begin(), all.end(), on);
            if (it != all.end()) projectorMonitor = static_cast<int>(it - all.begin());
        }
        requests = UiRequests{};
        pacer.drew(glfwGetTime(), app.nextFrameIn());
    }
    dropTarget = nullptr;
    setLoopWaker(nullptr);
    if (std::getenv("ATELIER_FRAMES_DRAWN")) std::fprintf(stderr, "frames: %ld\n", pacer.frames());
    // Remembered for the next run: where the windows were.
    WindowPlacement placement;
    placement.console = windowRect(console.handle());
    placement.projectorFullscreen = glfwGetWindowMonitor(projector.handle()) != nullptr;
    placement.projector = placement.projectorFullscreen ? gProjectorWindow : windowRect(projector.handle());
    placement.projectorMonitor = projectorMonitor;
    if (app.state().selectedEtape) placement.etape = app.state().selectedEtape;
    placement.zoom = app.state().zoom;
    writePlacement(placement);
    if (std::getenv("ATELIER_REPORT_SCALE"))  // tests/gui_scale.py: what the console opened at
        std::fprintf(stderr, "scale: %.2f zoom: %d\n", static_cast<double>(consoleFontScale()), app.state().zoom);
    return 0;
}

// [SECTION] Screenshot and fatal error window

std::vector<std::string> screenNames() {
    std::vector<std::string> names;
    for (const ScreenEntry& s : screenRegistry()) names.emplace_back(s.name);
    return names;
}

Status screenshot(Session& session, const ScreenshotOptions& options) {
    const ScreenEntry* entry = findScreen(options.screen);
    if (!entry) return Status::failure("écran inconnu " + inQuotes(options.screen));
    Glfw glfw;
    if (!glfw.ok) return Status::failure("aucun affichage (lancez la commande sous xvfb-run -a)");
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    Window window(entry->projector() ? tr(Str::ProjectorTitle) : tr(Str::AppTitle), options.width, options.height,
                  nullptr, true);
    if (!window) return Status::failure("impossible d'ouvrir une fenêtre OpenGL 3");
    const PhotoTextures photos;  // after the window: freed before it
    if (!entry->projector()) {  // the console at the screen's scale and the zoom asked
        setConsoleScale(consoleScale(window.contentScale(), options.zoom));
        window.restyle(consoleFontScale());
    }
    if (std::getenv("ATELIER_REPORT_SCALE"))  // make windows: the scale Wine reports (LogPixels)
        std::fprintf(stderr, "scale: %.2f zoom: %d\n", static_cast<double>(consoleFontScale()), options.zoom);

    App app(session, options.folder);
    app.state().zoom = zoomStep(options.zoom);
    if (options.etapeNumber)
        if (const Etape* e = session.model().etapeByNumber(*options.etapeNumber)) app.state().selectedEtape = e->id;
    app.showScreen(entry->name);
    if (options.countdownSeconds) {
        app.state().countdown.reset(*options.countdownSeconds);
        app.state().countdown.start();
    }
    if (!options.participationCode.empty()) {
        if (Status s = app.openParticipation("127.0.0.1", 0, options.participationCode); !s) return s;
        if (options.joinUrl && !app.room().urls.empty())
            *options.joinUrl = joinUrl(app.room().urls.front(), app.room().code);
    }
    if (options.voteNumber)
        if (const Etape* e = session.model().etape(app.state().selectedEtape);
            e && *options.voteNumber >= 1 && *options.voteNumber <= static_cast<int>(e->votes.size())) {
            const Id vote = e->votes[static_cast<size_t>(*options.voteNumber - 1)].id;
            app.state().projected["resultats"] = vote;
            app.view<VotesView>().selected = vote;
        }
    if (!options.dropCsv.empty()) app.dropFile(options.dropCsv.string());
    Actions actions;
    UiRequests requests;
    std::pair<int, int> written{0, 0};
    std::string writeError;
    // Auto-sized widgets and tables settle after a couple of frames; a dropped file is read, then its dialog opens.
    const int kFrames = options.dropCsv.empty() ? 4 : 7;
    for (int frame = 0; frame < kFrames; ++frame) {
        glfwPollEvents();
        if (frame == kFrames - 2) waitForPhotos();  // decoded on workers: ready for the frames that are saved
        window.begin();
        if (entry->projector()) app.drawProjector(requests);
        else app.drawConsole(actions, requests);
        if (entry->projector()) {  // the room's paper, as in the app
            const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(projector::kBackground);
            window.render(paper.x, paper.y, paper.z);
        } else {  // the console's window has no background of its own: cleared to the theme's
            const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            window.render(bg.x, bg.y, bg.z);
        }
        if (!options.dropCsv.empty()) app.apply(actions, requests);  // the shell reads the dropped file
        actions.clear();
        requests = UiRequests{};
        if (frame == kFrames - 1)
            written = window.savePng(options.out, options.folder ? options.folder->dir() : std::filesystem::path(),
                                     &writeError);
        window.present();
    }
    if (written.first == 0)
        return Status::failure(writeError.empty() ? "impossible d'écrire " + inQuotes(options.out.string())
                                                  : writeError);
    if (written != std::pair{options.width, options.height})
        return Status::failure("la fenêtre mesure " + std::to_string(written.first) + "×" +
                               std::to_string(written.second) + " au lieu de " + std::to_string(options.width) +
                               "×" + std::to_string(options.height));
    return {};
}

void showFatalError(const std::string& message) {
    Glfw glfw;
    if (!glfw.ok) return;
    Window window(tr(Str::AppTitle), 720, 260, nullptr, true);
    if (!window) return;
    glfwMakeContextCurrent(window.handle());
    glfwSwapInterval(1);
    while (!glfwWindowShouldClose(window.handle())) {
        glfwWaitEventsTimeout(0.1);
        window.begin();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(viewport->Size);
        ImGui::Begin("##fatal", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(tr(Str::MenuQuit))) glfwSetWindowShouldClose(window.handle(), GLFW_TRUE);
        ImGui::End();
        window.render(0.97f, 0.97f, 0.96f);
        window.present();
    }
}

}  // namespace atelier::ui
