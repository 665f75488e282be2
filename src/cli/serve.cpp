// atelier serve --etape N [--tableau "TITRE"] [--vote K] [--evaluation] [--port P] [--host ADRESSE] [--code CODE]
// The participation server without windows (a rehearsal, a test): holds the data folder, opens the board, the
// vote (K: its number in the étape's list, from 1) and the evaluation of the day to phones, prints the URLs and the code, and drains the
// phones' jobs on this thread (pump) until SIGINT or SIGTERM.
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>
#ifdef _WIN32
#include <windows.h>
#endif

#include "cli/commands.h"
#include "core/strings.h"
#include "net/participation.h"
#include "store/data_folder.h"

namespace atelier::cli {

namespace {

std::atomic<bool> stopRequested{false};

extern "C" void onStopSignal(int) { stopRequested = true; }

#ifdef _WIN32
// Windows has no SIGTERM: Ctrl+C, Ctrl+Break and closing the console window arrive here (on another thread).
BOOL WINAPI onConsoleEvent(DWORD event) {
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT) return FALSE;
    stopRequested = true;
    return TRUE;
}
#endif

}  // namespace

int cmdServe(Context& context, Args& args) {
    const Etape& etape = etapeOption(context, args);
    const auto title = args.option("--tableau");
    const auto voteNumber = args.option("--vote");
    const bool evaluation = args.flag("--evaluation");
    const auto port = args.option("--port");
    const auto host = args.option("--host");
    const auto code = args.option("--code");
    args.finish();

    net::OpenToPhones open{etape.id, std::nullopt, std::nullopt};
    if (title) {
        const Board* board = etape.boardByTitle(*title);
        if (!board) throw CommandError{fmt(Str::CliNoBoard, {std::to_string(etape.header.number), *title})};
        open.board = board->id;
    }
    const Vote* vote = nullptr;
    if (voteNumber) {
        const int k = parseIntOption("--vote", *voteNumber, 1, 9999);
        if (static_cast<size_t>(k) > etape.votes.size())
            throw CommandError{fmt(Str::CliServeNoVote, {std::to_string(etape.header.number), *voteNumber,
                                                          std::to_string(etape.votes.size())})};
        vote = &etape.votes[static_cast<size_t>(k - 1)];
        open.vote = vote->id;
    }
    if (evaluation && etape.evaluation.questions.empty())
        throw CommandError{fmt(Str::CliServeNoEvaluation, {std::to_string(etape.header.number)})};
    open.evaluation = evaluation;
    const size_t questions = etape.evaluation.questions.size();
    const int portNumber = port ? parseIntOption("--port", *port, 0, 65535) : net::Participation::kDefaultPort;
    const std::string address = host.value_or("0.0.0.0");
    // Copied before the server starts: the étape's references go stale once phones change the model.
    const int number = etape.header.number;
    const std::string voteQuestion = vote ? vote->setup.question : std::string();

    stopRequested = false;
#ifdef _WIN32
    if (!::SetConsoleCtrlHandler(onConsoleEvent, TRUE) || std::signal(SIGTERM, onStopSignal) == SIG_ERR)
        throw CommandError{tr(Str::CliServeSignal)};
#else
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGINT, &action, nullptr) != 0 || sigaction(SIGTERM, &action, nullptr) != 0)
        throw CommandError{tr(Str::CliServeSignal)};
#endif

    net::Participation participation;
    participation.setOpen(open);
    // The room of this étape as it was left (issue 28 point 4): its phones carry on without joining again.
    store::DataFolder& folder = context.workspace().folder();
    if (const std::string memory = folder.roomMemory(); !memory.empty())
        if (Status remembered = participation.remember(memory, open.etape); !remembered)
            std::cerr << remembered.message << std::endl;
    if (Status started = participation.start(address, portNumber, code.value_or("")); !started)
        throw CommandError{started.message};
    std::cout << fmt(Str::CliServeOpen, {std::to_string(number)}) << "\n";
    const std::vector<std::string> urls = net::joinUrls(address, participation.port());
    for (const std::string& url : urls) std::cout << "  " << url << "\n";
    if (urls.empty()) std::cout << "  " << tr(Str::RoomNoNetwork) << "\n";
    std::cout << fmt(Str::CliServeCode, {participation.code()}) << "\n";
    if (title) std::cout << fmt(Str::CliServeBoard, {*title}) << "\n";
    if (vote) std::cout << fmt(Str::CliServeVote, {voteQuestion}) << "\n";
    if (evaluation) std::cout << fmt(Str::CliServeEvaluation, {std::to_string(questions)}) << "\n";
    std::cout << tr(Str::CliServeStop) << std::endl;

    Session& session = context.workspace().session();
    std::uint64_t saved = 0;
    auto savedAt = std::chrono::steady_clock::now();
    auto remember = [&](bool now) {  // at most once a second under load, at once when stopping
        if (participation.memoryVersion() == saved) return;
        if (!now && std::chrono::steady_clock::now() - savedAt < std::chrono::seconds(1)) return;
        savedAt = std::chrono::steady_clock::now();
        if (const store::Outcome o = folder.saveRoomMemory(participation.memory()); o) saved = participation.memoryVersion();
        else std::cerr << o.message << std::endl;
    };
    while (!stopRequested) {
        participation.pump(session);
        for (const std::string& failure : participation.takeFailures()) std::cerr << failure << std::endl;
        remember(false);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    participation.pump(session);  // what was taken before the signal is answered and kept
    participation.stop();
    remember(true);
    std::cout << tr(Str::CliServeStopped) << std::endl;
    return 0;
}

}  // namespace atelier::cli
