// Atelier — the facilitator's studio for « Le Tour des Cités éducatives ».
// Chooses: no command (or `screenshot`) opens the GUI, anything else is a command of the GUI-free command line.
#include "gui_commands.h"

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>

#include <string>
#include <vector>

// Windows: the arguments as UTF-8 (the wide command line: a path with accents as typed), UTF-8 on the console; and
// when the app is opened from the Explorer or the Start menu, the console window Windows gave it goes away.
int main() {
    ::SetConsoleOutputCP(CP_UTF8);
    ::SetConsoleCP(CP_UTF8);
    int argc = 0;
    wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &argc);
    std::vector<std::string> args;
    for (int i = 0; wide && i < argc; ++i) {
        const int size = ::WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
        std::string arg(size > 0 ? static_cast<size_t>(size) : 1, '\0');
        if (size > 0) ::WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, arg.data(), size, nullptr, nullptr);
        arg.resize(arg.size() - 1);  // the final '\0'
        args.push_back(std::move(arg));
    }
    if (wide) ::LocalFree(wide);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (args.size() <= 1) {
        DWORD processes[2];
        if (::GetConsoleProcessList(processes, 2) == 1) ::FreeConsole();  // our own console: no one reads it
    }
    return atelier::cli::run(static_cast<int>(args.size()), argv.data(), atelier::cli::gui());
}
#else
int main(int argc, char** argv) { return atelier::cli::run(argc, argv, atelier::cli::gui()); }
#endif
