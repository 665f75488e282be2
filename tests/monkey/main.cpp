// atelier_monkey --seed S --events N [--journal-fails K]: the UI monkey (tests/ui/monkey.h) for long runs by hand,
// typically in a sanitizer build. Prints progress, the screens reached and the events per second; exits 1 when
// an invariant breaks (a crash names the seed and the last events).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

#include "ui/monkey.h"

int main(int argc, char** argv) {
    atelier::ui::monkey::Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::cerr << a << " : valeur manquante\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--seed") options.seed = std::strtoull(value(), nullptr, 10);
        else if (a == "--events") options.events = std::strtol(value(), nullptr, 10);
        else if (a == "--journal-fails") options.journalFailOneIn = std::atoi(value());
        else if (a == "--log-every") options.logEvery = std::strtol(value(), nullptr, 10);
        else {
            std::cerr << "usage : atelier_monkey [--seed S] [--events N] [--journal-fails K] [--log-every N]\n";
            return 2;
        }
    }
    // Everything the app writes (documents, archive) goes to a fresh temporary folder, removed at the end.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("atelier-monkey-" + std::to_string(options.seed) + "-" +
                                       std::to_string(std::random_device{}()));
    options.dataDir = dir / "data";
    options.log = [](const std::string& line) { std::cout << line << std::endl; };
    const auto start = std::chrono::steady_clock::now();
    const atelier::ui::monkey::Report report = atelier::ui::monkey::run(options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);

    std::cout << "seed " << options.seed << " : " << report.events << " events, " << report.frames << " frames, "
              << report.changes << " changes, " << report.refusals << " refusals, " << report.quits << " quit requests, " << report.unsaved << " unsaved modals, "
              << seconds << " s (" << static_cast<long>(report.events / std::max(seconds, 1e-9)) << " events/s)\n";
    std::cout << "screens reached (" << report.screens.size() << ") :";
    for (const auto& [screen, frames] : report.screens) std::cout << ' ' << screen << '=' << frames;
    std::cout << '\n';
    int missing = 0;
    for (const std::string& s : atelier::ui::monkey::allScreens())
        if (!report.screens.count(s)) {
            std::cout << "never reached : " << s << '\n';
            ++missing;
        }
    for (const std::string& f : report.failures) std::cout << "INVARIANT : " << f << '\n';
    return report.failures.empty() && missing == 0 ? 0 : 1;
}
