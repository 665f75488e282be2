// atelier archive enregistrer --etape N          (alias: archive save)
// atelier archive liste [--json]                (alias: archive list)
// atelier archive verifier FILE                 (alias: archive check)
// atelier archive chercher "TEXT" [--json]      (alias: archive search), also atelier chercher (alias: search)
// atelier exporter (--etape N | --archive FILE) [--out DIR]   (alias: export)
// atelier livret (--annee YYYY | --tour) --out DIR, and synthese … --out FILE.html (the booklet's HTML alone)
// atelier demo
#include <algorithm>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/demo.h"
#include "core/strings.h"
#include "export/summary.h"
#include "export/booklet.h"
#include "store/archive.h"
#include "store/data_folder.h"
#include "store/errors.h"
#include "store/files.h"
#include "store/photos.h"

namespace atelier::cli {

int cmdArchiveSave(Context& context, Args& args) {
    const Etape& etape = etapeOption(context, args);
    args.finish();
    store::Workspace& workspace = context.workspace();
    const store::Outcome saved = workspace.folder().saveArchive(workspace.session().model(), etape);
    if (!saved) throw CommandError{saved.message};
    std::cout << saved.file.string() << "\n";
    return 0;
}

int cmdArchiveList(Context& context, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    // From the index of the database: an archive is parsed only when the index does not know it as it is.
    store::Database* index = nullptr;
    try {
        index = context.index();
    } catch (const store::JournalMissing&) {
        throw;  // the folder is not what it was: said before anything is listed
    } catch (const store::StoreError&) {
        // A database this Atelier cannot read (newer, damaged): the archives are listed by parsing them.
    }
    const auto listings = store::listSummaries(context.dataDir(), index);
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& l : listings) {
            nlohmann::json row = {{"file", l.file.string()}};
            if (!l.error.empty()) {
                row["error"] = l.error;
            } else {
                const store::ArchiveSummary& a = l.summary;
                row["folder"] = l.file.parent_path().filename().string();
                row["etape"] = a.etape;
                row["date"] = toIso(a.date);
                row["host"] = a.host;
                row["theme"] = a.theme;
                row["people"] = a.people;
                row["ideas"] = a.ideas;
                row["votes"] = a.votes;
                row["example"] = a.example;
            }
            out.push_back(std::move(row));
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (listings.empty()) std::cout << fmt(Str::CliArchiveNone, {store::sessionsDir(context.dataDir()).string()}) << "\n";
    for (const auto& l : listings) {
        if (!l.error.empty()) {
            std::cout << fmt(Str::CliArchiveBroken, {l.file.string(), l.error}) << "\n";
            continue;
        }
        const store::ArchiveSummary& a = l.summary;
        std::cout << fmt(Str::CliArchiveLine,
                         {toIso(a.date), std::to_string(a.etape), a.host.empty() ? tr(Str::HostUnknown) : a.host,
                          a.theme, std::to_string(a.people), std::to_string(a.ideas), std::to_string(a.votes)})
                  << "\n";
    }
    return 0;
}

int cmdArchiveCheck(Context& context, Args& args) {
    const auto path = args.positional();
    args.finish();
    if (!path) throw UsageError{fmt(Str::CliArchiveNeedsPath, {context.command()})};
    EtapeArchive a;
    try {
        a = store::loadArchive(*path);
    } catch (const store::StoreError& e) {
        throw CommandError{e.what()};
    }
    std::cout << fmt(Str::CliArchiveCheckOk,
                     {*path, a.format.name, std::to_string(a.format.version), a.format.atelier,
                      a.format.example ? tr(Str::CliArchiveExampleMark) : "", std::to_string(a.etape.header.number),
                      toIso(a.etape.header.date), a.host.empty() ? tr(Str::HostUnknown) : a.host, a.etape.header.theme,
                      std::to_string(a.people.size()), std::to_string(a.ideaCount()),
                      std::to_string(a.etape.boards.size()), std::to_string(a.etape.votes.size()),
                      std::to_string(a.ballotCount()), std::to_string(a.practices.size())})
              << "\n";
    return 0;
}

int cmdArchiveSearch(Context& context, Args& args) {
    const bool json = args.flag("--json");
    const auto text = args.positional();
    args.finish();
    if (!text) throw UsageError{fmt(Str::CliArchiveNeedsText, {context.command()})};
    // The search index alone: no replay of the journal, no archive parsed.
    store::Database* index = context.index();
    const auto hits = index ? store::searchIdeas(*index, *text) : std::vector<store::IdeaHit>{};
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& h : hits)
            out.push_back({{"etape", h.etape}, {"date", h.date}, {"tableau", h.board}, {"texte", h.text}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (hits.empty()) std::cout << fmt(Str::CliArchiveNoHits, {*text}) << "\n";
    for (const auto& h : hits)
        std::cout << fmt(Str::CliArchiveHit, {h.date, std::to_string(h.etape), h.board, h.text}) << "\n";
    return 0;
}

namespace {
/// The PDF that could not be written (its reason in the folder, kPdfProblemFile) said on stderr too.
void warnPdfProblem(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [name, content] : files)
        if (name == exporting::kPdfProblemFile) std::cerr << content;
}
}  // namespace

int cmdExport(Context& context, Args& args) {
    const auto fromFile = args.option("--archive");
    EtapeArchive archive;
    if (fromFile) {  // an archived étape, read-only: the summaries go beside its etape.json
        try {
            archive = store::loadArchive(*fromFile);
        } catch (const store::StoreError& e) {
            throw CommandError{e.what()};
        }
    } else {
        const Etape& etape = etapeOption(context, args);
        archive = makeArchive(context.workspace().session().model(), etape, ATELIER_VERSION, store::nowUtcIso());
    }
    const auto out = args.option("--out");
    args.finish();
    // The default folder only when no --out says where: finding the étape's archive folder reads the archives there.
    const std::filesystem::path dir = out            ? std::filesystem::path(*out)
                                      : fromFile     ? std::filesystem::path(*fromFile).parent_path()
                                                     : store::archiveFile(context.dataDir(), archive).parent_path();
    // The photos of the actions-phares go beside the summaries, which draw them.
    const auto files = exporting::summaryFiles(
        archive, store::readPhotos(context.dataDir(), exporting::summaryPhotoPaths(archive)));
    // --out is the user's: never into the data folder's own files; the default is beside the archive.
    if (out) store::writeFilesTogether(dir, files, store::DataFolder::checkOutput, context.dataDir());
    else store::writeFilesTogether(dir, files);
    for (const auto& file : files) std::cout << fmt(Str::CliExportWritten, {(dir / file.first).string()}) << "\n";
    warnPdfProblem(files);
    return 0;
}

namespace {
/// What `livret` and `synthese` print: the archives of the year (or of the whole Tour). An unreadable archive is
/// named on stderr and left out.
exporting::BookletInput bookletInput(Context& context, const std::optional<std::string>& year) {
    const std::optional<int> wanted =
        year ? std::optional<int>(parseIntOption("--annee", *year, 2000, 2100)) : std::nullopt;
    std::vector<EtapeArchive> archives;
    for (auto& l : store::listArchives(context.dataDir())) {
        if (l.error.empty()) archives.push_back(std::move(l.archive));
        else std::cerr << fmt(Str::CliLivretSkipped, {l.error}) << "\n";
    }
    exporting::BookletInput in =
        exporting::makeBookletInput(std::move(archives), context.workspace().session().model(), wanted);
    in.photos = store::readPhotos(context.dataDir(), exporting::bookletPhotoPaths(in));
    return in;
}

/// --annee YYYY or --tour (exactly one), and --out.
struct BookletScope {
    std::optional<std::string> year;
    std::string out;
};
BookletScope bookletScope(Args& args) {
    BookletScope scope{args.option("--annee"), {}};
    const bool tour = args.flag("--tour");
    const auto out = args.option("--out");
    args.finish();
    if (!scope.year == !tour) throw UsageError{tr(Str::CliLivretNeedsScope)};
    if (!out) throw UsageError{tr(Str::CliLivretNeedsOut)};
    scope.out = *out;
    return scope;
}
}  // namespace

int cmdLivret(Context& context, Args& args) {
    const BookletScope scope = bookletScope(args);
    const exporting::BookletInput in = bookletInput(context, scope.year);
    const std::filesystem::path dir(scope.out);
    const auto files = exporting::bookletFiles(in);
    // Into a temporary folder, then moved: a booklet is never seen with part of its annexes.
    store::writeFilesTogether(dir, files, store::DataFolder::checkOutput, context.dataDir());
    warnPdfProblem(files);
    std::string names;
    for (const auto& file : files) names += (names.empty() ? "" : ", ") + file.first;
    std::cout << fmt(Str::CliLivretWritten, {dir.string(), names}) << "\n";
    return 0;
}

int cmdSynthese(Context& context, Args& args) {
    const BookletScope scope = bookletScope(args);
    store::DataFolder::checkOutput(context.dataDir(), scope.out);  // before the archives are read
    store::DataFolder::writeOutput(context.dataDir(), scope.out, exporting::bookletHtml(bookletInput(context, scope.year)));
    std::cout << fmt(Str::CliWritten, {scope.out}) << "\n";
    return 0;
}

int cmdDemo(Context& context, Args& args) {
    args.finish();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const Status st = buildDemo(context.workspace().session(), Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
    if (!st) throw CommandError{st.message};
    std::cout << fmt(Str::CliDemoDone, {st.message}) << "\n";
    return 0;
}

}  // namespace atelier::cli
