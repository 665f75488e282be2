// atelier importer idees --etape N --tableau "TITRE" FICHIER.csv
// atelier idees --etape N [--tableau "TITRE"] [--json]
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/idea_import.h"
#include "core/strings.h"
#include "store/csv.h"

namespace atelier::cli {

int importIdeas(Context& context, Args& args) {
    const Etape& etape = etapeOption(context, args);
    const auto title = args.option("--tableau");
    const auto file = args.positional();
    args.finish();
    if (!title) throw UsageError{tr(Str::CliIdeesNeedsTableau)};
    if (!file) throw UsageError{tr(Str::CliImportNeedsFile)};
    const store::CsvTable table = readCsv(*file);
    Session& session = context.workspace().session();
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const IdeaImportPlan plan = planIdeaImport(session.model(), etape.id, *title, table, now);
    if (!plan.error.empty()) throw CommandError{fmt(Str::ErrCsvFile, {*file, plan.error})};
    if (!plan.actions.empty())
        if (Status s = session.applyAll(plan.actions, fmt(Str::ActImportIdeas, {std::to_string(plan.report.imported)})); !s)
            throw CommandError{s.message};
    std::cout << describeIdeaReport(plan.report);
    return 0;
}

int cmdIdees(Context& context, Args& args) {
    const Etape& etape = etapeOption(context, args);
    const auto title = args.option("--tableau");
    const bool json = args.flag("--json");
    args.finish();
    std::vector<const Board*> boards;
    if (title) {
        const Board* b = etape.boardByTitle(*title);
        if (!b) throw CommandError{fmt(Str::CliNoBoard, {std::to_string(etape.header.number), *title})};
        boards.push_back(b);
    } else {
        for (const Board& b : etape.boards) boards.push_back(&b);
    }
    auto categoryName = [](const Board& b, Id id) {
        const int i = indexOf(b.categories, id);
        return i < 0 ? std::string() : b.categories[static_cast<size_t>(i)].name;
    };
    auto clusterName = [](const Board& b, const std::optional<Id>& id) -> std::optional<std::string> {
        if (!id) return std::nullopt;
        const int i = indexOf(b.clusters, *id);
        return i < 0 ? std::nullopt : std::optional<std::string>(b.clusters[static_cast<size_t>(i)].name);
    };
    if (json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const Board* b : boards)
            for (const Idea& i : b->ideas) {
                nlohmann::ordered_json o;
                o["texte"] = i.text;
                o["groupe"] = i.group;
                o["categorie"] = categoryName(*b, i.category);
                const auto cluster = clusterName(*b, i.cluster);
                o["cluster"] = cluster ? nlohmann::ordered_json(*cluster) : nlohmann::ordered_json(nullptr);
                o["pratique"] = i.practice;
                o["tableau"] = b->title;
                nlohmann::ordered_json merged = nlohmann::ordered_json::array();
                for (const MergedIdea& part : i.merged) merged.push_back(part.text);
                o["fusionnees"] = merged;
                out.push_back(std::move(o));
            }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (boards.empty()) {
        std::cout << fmt(Str::CliNoBoards, {std::to_string(etape.header.number)}) << "\n";
        return 0;
    }
    for (const Board* b : boards) {
        std::cout << fmt(Str::CliIdeesBoardHeading, {b->title, std::to_string(b->ideas.size())}) << "\n";
        for (const Idea& i : b->ideas) {
            std::string line = "  [" + categoryName(*b, i.category) + "] " + i.text;
            for (const MergedIdea& part : i.merged) line += " + " + part.text;
            std::vector<std::string> notes;
            if (!i.group.empty()) notes.push_back(i.group);
            if (const auto cluster = clusterName(*b, i.cluster)) notes.push_back(fmt(Str::CliIdeesCluster, {*cluster}));
            if (i.practice) notes.push_back(tr(Str::CliIdeesPractice));
            for (size_t k = 0; k < notes.size(); ++k) line += (k == 0 ? " — " : ", ") + notes[k];
            std::cout << line << "\n";
        }
    }
    return 0;
}

}  // namespace atelier::cli
