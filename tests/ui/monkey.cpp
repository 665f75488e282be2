// [SECTION] Crash report: the seed and the last events, written when the process dies
// [SECTION] The monkey: windows, frames, invariants
// [SECTION] Input events
// [SECTION] The random stream

#include "ui/monkey.h"

#include <algorithm>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <imgui.h>
#include <imgui_internal.h>
#include <random>
#include <stdexcept>
#include <unistd.h>

#include "support/fixtures.h"
#include "support/invariants.h"
#include "store/data_folder.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/keys.h"
#include "ui/probe.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define ATELIER_MONKEY_ASAN 1
#endif

namespace atelier::ui::monkey {

namespace {

// [SECTION] Crash report: the seed and the last events, written when the process dies

constexpr int kRing = 32;
char gRing[kRing][200];
long gRingNext = 0;
std::uint64_t gSeed = 0;
long gEvent = 0;
const char* gScreen = "";
#ifdef _WIN32
using Handler = void (*)(int);
Handler gPrevious[NSIG];  // Windows has signal() for these, no sigaction
#else
struct sigaction gPrevious[NSIG];
#endif

void writeAll(const char* text) {
    size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(2, text, left);
        if (n <= 0) return;
        text += n;
        left -= static_cast<size_t>(n);
    }
}

void dumpRing() {
    static bool dumped = false;  // once, though both a sanitizer's callback and the abort that follows call it
    if (dumped) return;
    dumped = true;
    char head[200];
    std::snprintf(head, sizeof head, "\n[monkey] seed %llu, event %ld, console on « %s ». Last events, oldest first:\n",
                  static_cast<unsigned long long>(gSeed), gEvent, gScreen);
    writeAll(head);
    for (long i = std::max(0L, gRingNext - kRing); i < gRingNext; ++i) {
        writeAll("  ");
        writeAll(gRing[i % kRing]);
        writeAll("\n");
    }
}

void onFatalSignal(int sig) {
    dumpRing();
#ifdef _WIN32
    std::signal(sig, gPrevious[sig]);
#else
    sigaction(sig, &gPrevious[sig], nullptr);  // whoever handled it before (doctest, the default) reports it too
#endif
    raise(sig);
}

void armCrashReport(std::uint64_t seed) {
    gSeed = seed;
    gRingNext = 0;
    gEvent = 0;
    static bool armed = false;
    if (armed) return;
    armed = true;
#ifdef ATELIER_MONKEY_ASAN
    __sanitizer_set_death_callback(dumpRing);  // AddressSanitizer and UBSan findings (they own SIGSEGV)
    const int signals[] = {SIGABRT, SIGFPE, SIGILL};
#elif defined(_WIN32)
    const int signals[] = {SIGABRT, SIGSEGV, SIGFPE, SIGILL};
#else
    const int signals[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
#endif
    for (int sig : signals) {
#ifdef _WIN32
        gPrevious[sig] = std::signal(sig, onFatalSignal);
#else
        struct sigaction action {};
        action.sa_handler = onFatalSignal;
        sigemptyset(&action.sa_mask);
        sigaction(sig, &action, &gPrevious[sig]);
#endif
    }
}

/// Records one event in the ring (printed if the process dies).
void note(const char* format, ...) __attribute__((format(printf, 1, 2)));
void note(const char* format, ...) {
    char* line = gRing[gRingNext % kRing];
    const int n = std::snprintf(line, 32, "#%ld ", gEvent);
    va_list args;
    va_start(args, format);
    std::vsnprintf(line + n, sizeof gRing[0] - static_cast<size_t>(n), format, args);
    va_end(args);
    ++gRingNext;
}

// [SECTION] The monkey: windows, frames, invariants

/// A journal that refuses about one commit in `oneIn` (a full disk, a data folder gone), at random but seeded.
class FlakyJournal : public Journal {
public:
    FlakyJournal(std::uint64_t seed, int oneIn) : rng_(seed), oneIn_(oneIn) {}
    void record(const Action&, JournalKind) override {}
    void commit() override {
        if (oneIn_ > 0 && std::uniform_int_distribution<int>(1, oneIn_)(rng_) == 1)
            throw std::runtime_error("database or disk is full");
    }

private:
    std::mt19937_64 rng_;
    int oneIn_;
};

/// The fixture day in a session journalled by `journal`.
Session fixtureSession(Journal* journal) {
    Session day = atelier::test::dayOfEtapeSession();
    return Session(day.model(), journal);
}

const char* screenName(const std::string& name) {
    const ScreenEntry* e = findScreen(name);
    return e ? e->name : "?";
}

const char* const kWords[] = {
    "idée", "réussite", "éducative", "Cité", "garçon", "œuvre", "« Leviers »", "l’école", "12 €", "…", "à", "ÉÈÊÀÇ",
    "12", "3", "-5", "0", "99999999", "2020-02-11", "11/02/2020", "9h30", "10:45", "  ", "x", "Amiens", "Lille",
    "Nadia", "bénévoles", "parents", "collège", "Groupe 2", "n.benali@example.fr", "1,5", "Somme", "ß", "😀", "\t",
    "ñ", "ü", "—", "’", "Ω", "a", "zz", "Créteil", "Quelle action essaimer ?", "200", "1000001", "%s%n", "#", "\\",
};

const std::vector<std::string>& allScreenNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const ScreenEntry& e : screenRegistry()) out.emplace_back(e.name);
        return out;
    }();
    return names;
}

class Monkey {
public:
    explicit Monkey(const Options& o)
        : o_(o), rng_(o.seed), journal_(o.seed ^ 0x9e3779b97f4a7c15ull, o.journalFailOneIn),
          session_(fixtureSession(&journal_)), folder_(o.dataDir), app_(session_, &folder_) {
        if (o.dataDir.empty()) throw std::invalid_argument("the monkey needs a temporary data folder");
        AppState& s = app_.state();
        s.selectedEtape = session_.model().etapeByNumber(1)->id;
        // Seeded, bounded searches: a run is reproducible and a click on « Former les groupes » stays quick.
        BreakoutView& groupes = app_.view<BreakoutView>();
        groupes.nextSeed = rng_();
        groupes.maxIterations = 200;
        groupes.timeLimitMs = 60000;
        IcebreakerView& briseGlace = app_.view<IcebreakerView>();
        briseGlace.nextSeed = rng_();
        briseGlace.maxIterations = 200;
        briseGlace.timeLimitMs = 60000;
        app_.setParticipationAddress("127.0.0.1", 0);  // « Ouvrir la participation » stays on loopback
        probe::enable(true);
    }
    ~Monkey() { probe::enable(false); }

    Report run() {
        armCrashReport(o_.seed);
        frame();
        frame();
        while (report_.events < o_.events && report_.failures.empty()) {
            randomEvent();
            if (o_.log && o_.logEvery > 0 && report_.events / o_.logEvery != logged_) {
                logged_ = report_.events / o_.logEvery;
                o_.log("[monkey] seed " + std::to_string(o_.seed) + ": " + std::to_string(report_.events) +
                       " events, " + std::to_string(report_.frames) + " frames, " + std::to_string(report_.changes) +
                       " changes, " + std::to_string(report_.screens.size()) + " screens");
            }
        }
        return report_;
    }

private:
    /// One frame of both windows, as the platform's loop draws them, then the shell applies what the frame emitted.
    void frame() {
        console_.frame([&] { app_.drawConsole(actions_, requests_); });
        projector_.frame([&] { app_.drawProjector(requests_); });
        const std::uint64_t revision = session_.revision();
        const bool unsavedBefore = app_.state().unsaved.open;
        for (const Action& a : actions_) note("  action %s", actionName(a));
        for (const ActionBatch& b : actions_.batches) note("  batch « %.60s » of %zu", b.label.c_str(), b.actions.size());
        if (requests_.undo || requests_.redo) note("  %s", requests_.undo ? "undo" : "redo");
        app_.apply(actions_, requests_);
        if (requests_.quit) ++report_.quits;
        if (app_.state().unsaved.open && !unsavedBefore) ++report_.unsaved;
        requests_ = UiRequests{};
        ++report_.frames;
        const AppState& s = app_.state();
        ++report_.screens[s.projectorInConsole ? screenName(s.projector) : screenName(s.screen)];
        ++report_.screens[screenName(s.projector)];
        gScreen = s.projectorInConsole ? "projector in the console" : screenName(s.screen);
        for (const AppState::Toast& t : s.toasts)  // error toasts shown since the last frame
            if (t.error && t.until > lastErrorUntil_) {
                ++report_.refusals;
                lastErrorUntil_ = t.until;
            }
        if (session_.revision() != revision) {
            ++report_.changes;
            for (std::string& f : atelier::test::invariantViolations(session_.model()))
                report_.failures.push_back("seed " + std::to_string(o_.seed) + ", event " +
                                           std::to_string(report_.events) + ", after « " + session_.undoLabel() +
                                           " »: " + f);
            if (!report_.failures.empty()) dumpRing();
        }
    }

    // [SECTION] Input events

    ImGuiIO& io(Headless& window) {
        ImGui::SetCurrentContext(window.context());
        return ImGui::GetIO();
    }
    /// One input event: `change` on `window`'s input, then a frame.
    template <class F>
    void send(Headless& window, F&& change) {
        change(io(window));
        ++report_.events;
        gEvent = report_.events;
        frame();
    }
    void move(Headless& w, ImVec2 at) {
        note("move %.0f,%.0f%s", at.x, at.y, &w == &projector_ ? " (projector)" : "");
        send(w, [&](ImGuiIO& i) { i.MousePos = at; });
    }
    void button(Headless& w, int b, bool down) {
        note("mouse %d %s", b, down ? "down" : "up");
        send(w, [&](ImGuiIO& i) { i.MouseDown[b] = down; });
    }
    void modifiers(Headless& w, bool ctrl, bool shift) {
        ImGuiIO& i = io(w);
        i.KeyCtrl = ctrl;
        i.KeyShift = shift;
    }
    void key(Headless& w, int index, const char* name, bool ctrl = false, bool shift = false) {
        if (index < 0) return;
        modifiers(w, ctrl, shift);
        note("key %s%s%s down%s", ctrl ? "Ctrl+" : "", shift ? "Shift+" : "", name, &w == &projector_ ? " (projector)" : "");
        send(w, [&](ImGuiIO& i) { i.KeysDown[index] = true; });
        note("key %s up", name);
        send(w, [&](ImGuiIO& i) { i.KeysDown[index] = false; });
        modifiers(w, false, false);
    }
    void type(const std::string& text) {
        note("type « %.120s » (%zu bytes)", text.c_str(), text.size());
        send(console_, [&](ImGuiIO& i) { i.AddInputCharactersUTF8(text.c_str()); });
    }
    void click(ImVec2 at, int b, int times, bool ctrl) {
        modifiers(console_, ctrl, false);
        move(console_, at);
        for (int k = 0; k < times; ++k) {
            button(console_, b, true);
            button(console_, b, false);
        }
        modifiers(console_, false, false);
    }

    // [SECTION] The random stream

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    float between(float a, float b) { return std::uniform_real_distribution<float>(a, b)(rng_); }
    ImVec2 inside(const ImRect& r) {
        return ImVec2(between(r.Min.x, std::max(r.Min.x + 1, r.Max.x)), between(r.Min.y, std::max(r.Min.y + 1, r.Max.y)));
    }

    /// A point worth clicking: a marked widget, the open popup, a visible window, or anywhere.
    ImVec2 target() {
        ImGui::SetCurrentContext(console_.context());
        ImGuiContext& g = *console_.context();
        const int kind = pick(10);
        if (g.OpenPopupStack.Size > 0 && chance(0.6)) {  // an open combo, menu or modal: choose in it
            if (ImGuiWindow* popup = g.OpenPopupStack.back().Window; popup && popup->WasActive) return inside(popup->Rect());
        }
        if (kind < 7) {
            const auto items = probe::lastFrame();
            if (!items.empty()) {
                const auto& [name, rect] = items[static_cast<size_t>(pick(static_cast<int>(items.size())))];
                return chance(0.5) ? rect.GetCenter() : inside(rect);
            }
        }
        if (kind < 9) {
            std::vector<ImGuiWindow*> windows;
            for (ImGuiWindow* w : g.Windows)
                if (w->WasActive && !w->Hidden) windows.push_back(w);
            if (!windows.empty()) return inside(windows[static_cast<size_t>(pick(static_cast<int>(windows.size())))]->Rect());
        }
        return ImVec2(between(0, 1280), between(0, 800));
    }

    std::string words(int count) {
        std::string out;
        for (int i = 0; i < count; ++i) {
            if (i) out += chance(0.8) ? " " : "";
            out += kWords[pick(static_cast<int>(std::size(kWords)))];
        }
        return out;
    }

    void randomEvent() {
        const int roll = pick(100);
        if (roll < 22) {  // a click: left mostly, sometimes double, sometimes right (context menus), Ctrl at times
            const int b = chance(0.12) ? 1 : 0;
            click(target(), b, b == 0 && chance(0.12) ? 2 : 1, chance(0.08));
        } else if (roll < 27) {  // a drag, Ctrl held at times (merges)
            const bool ctrl = chance(0.3);
            const ImVec2 from = target(), to = target();
            modifiers(console_, ctrl, false);
            move(console_, from);
            button(console_, 0, true);
            const int steps = 2 + pick(6);
            for (int k = 1; k <= steps; ++k)
                move(console_, ImVec2(from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps));
            button(console_, 0, false);
            modifiers(console_, false, false);
        } else if (roll < 31) {  // the wheel, on the console or the projector, Ctrl at times (zoom)
            Headless& w = chance(0.3) ? projector_ : console_;
            const float wheel = static_cast<float>(pick(7) - 3);
            const bool ctrl = chance(0.2);
            modifiers(w, ctrl, false);
            move(w, &w == &console_ ? target() : ImVec2(between(0, 960), between(0, 540)));
            note("wheel %.0f%s", wheel, ctrl ? " Ctrl" : "");
            send(w, [&](ImGuiIO& i) { i.MouseWheel = wheel; });
            modifiers(w, false, false);
        } else if (roll < 56) {  // a key
            struct K {
                ImGuiKey key;
                int index;
                const char* name;
                bool ctrl, shift;
            };
            static const K keys[] = {
                {ImGuiKey_Enter, -1, "Enter", false, false},   {ImGuiKey_Enter, -1, "Enter", false, false},
                {ImGuiKey_Tab, -1, "Tab", false, false},       {ImGuiKey_Tab, -1, "Tab", false, true},
                {ImGuiKey_Escape, -1, "Escape", false, false}, {ImGuiKey_Z, -1, "Z", true, false},
                {ImGuiKey_Z, -1, "Z", true, false},            {ImGuiKey_Y, -1, "Y", true, false},
                {ImGuiKey_Z, -1, "Z", true, true},             {ImGuiKey_LeftArrow, -1, "Left", false, false},
                {ImGuiKey_RightArrow, -1, "Right", false, false}, {ImGuiKey_UpArrow, -1, "Up", false, false},
                {ImGuiKey_DownArrow, -1, "Down", false, false},   {ImGuiKey_Backspace, -1, "Backspace", false, false},
                {ImGuiKey_Delete, -1, "Delete", false, false},    {ImGuiKey_Home, -1, "Home", false, false},
                {ImGuiKey_End, -1, "End", false, false},          {ImGuiKey_PageUp, -1, "PageUp", false, false},
                {ImGuiKey_PageDown, -1, "PageDown", false, false}, {ImGuiKey_Space, -1, "Space", false, false},
                {ImGuiKey_A, -1, "A", true, false},               {ImGuiKey_C, -1, "C", true, false},
                {ImGuiKey_X, -1, "X", true, false},               {ImGuiKey_V, -1, "V", true, false},
                {ImGuiKey_Enter, -1, "Enter", true, false},       {ImGuiKey_COUNT, kKeyF5, "F5", false, false},
                {ImGuiKey_COUNT, kKeyF6, "F6", false, false},     {ImGuiKey_COUNT, kKeyF7, "F7", false, false},
                {ImGuiKey_COUNT, kKeyF8, "F8", false, false},
            };
            const K& k = keys[pick(static_cast<int>(std::size(keys)))];
            Headless& w = chance(0.1) ? projector_ : console_;
            key(w, k.index >= 0 ? k.index : keyIndex(k.key), k.name, k.ctrl, k.shift);
        } else if (roll < 74) {  // typing: words with accents, numbers, dates
            type(words(1 + pick(4)));
        } else if (roll < 82) {  // typing, then Enter
            type(words(1 + pick(4)));
            key(console_, keyIndex(ImGuiKey_Enter), "Enter");
        } else if (roll < 87) {  // fast typing across Enter: text, Enter and more text in one frame
            // As the platform sends it: Enter down and in the character queue, in its place (kTypedEnter); at
            // times pressed and released within the frame (only the queue tells), at times a typed new line.
            const std::string before = words(1 + pick(3)), after = words(1 + pick(3));
            const int how = pick(3);
            note("fast « %.60s » Enter « %.60s » (%d)", before.c_str(), after.c_str(), how);
            send(console_, [&](ImGuiIO& i) {
                i.AddInputCharactersUTF8(before.c_str());
                if (how < 2) i.AddInputCharacter(kTypedEnter);
                else i.AddInputCharacter('\n');
                i.KeysDown[keyIndex(ImGuiKey_Enter)] = how == 0;
                i.AddInputCharactersUTF8(after.c_str());
            });
            send(console_, [&](ImGuiIO& i) { i.KeysDown[keyIndex(ImGuiKey_Enter)] = false; });
        } else if (roll < 91) {  // a long paste, several lines at times
            std::string text;
            const int n = 40 + pick(160);
            for (int i = 0; i < n; ++i) text += words(1) + (chance(0.06) ? "\n" : " ");
            ImGui::SetCurrentContext(console_.context());
            ImGui::SetClipboardText(text.c_str());
            note("clipboard: %zu bytes", text.size());
            key(console_, keyIndex(ImGuiKey_V), "V (paste)", true, false);
        } else if (roll < 94) {  // another screen: a console tab or what the projector shows
            const std::string& name = allScreenNames()[static_cast<size_t>(pick(static_cast<int>(allScreenNames().size())))];
            note("show %s", name.c_str());
            app_.showScreen(name);
            ++report_.events;
            gEvent = report_.events;
            frame();
        } else {  // time passes (toasts fade, the countdown runs)
            note("wait");
            ++report_.events;
            gEvent = report_.events;
            for (int k = 0, n = 1 + pick(30); k < n; ++k) frame();
        }
    }

    Options o_;
    std::mt19937_64 rng_;
    FlakyJournal journal_;
    Session session_;
    Headless console_{1280, 800};
    Headless projector_{960, 540};
    store::DataFolder folder_;
    App app_;
    Actions actions_;
    UiRequests requests_;
    Report report_;
    long logged_ = 0;
    double lastErrorUntil_ = 0;
};

}  // namespace

Report run(const Options& options) {
    Monkey monkey(options);
    return monkey.run();
}

std::vector<std::string> allScreens() { return allScreenNames(); }

}  // namespace atelier::ui::monkey
