#include "core/idea_import.h"

#include <algorithm>

#include "core/strings.h"
#include "core/text.h"

namespace atelier {

IdeaImportPlan planIdeaImport(const Model& model, Id etape, const std::string& title, const TextTable& table,
                              std::int64_t time) {
    IdeaImportPlan plan;
    const int text = table.column({"texte", "idee", "text"});
    const int group = table.column({"groupe", "group"});
    const int category = table.column({"categorie", "colonne", "category"});
    if (text < 0) {
        plan.error = tr(Str::ErrIdeaImportNoText);
        return plan;
    }
    const Etape* e = model.etape(etape);
    if (!e) {
        plan.error = tr(Str::ErrUnknownEtape);
        return plan;
    }
    // Each action is tried on a scratch copy: what it refuses is what Session would refuse.
    Model scratch = model;
    auto tryAction = [&](Action action, std::string& error) {
        ApplyResult r = applyAction(scratch, action);
        if (!r) {
            error = r.error;
            return false;
        }
        plan.actions.push_back(std::move(action));
        return true;
    };
    std::string error;
    Id board = 0;
    if (const Board* b = e->boardByTitle(title)) {
        board = b->id;
        plan.report.board = b->title;
    } else {
        Board nb;
        nb.title = title;
        nb.categories = defaultBoardCategories();
        if (!tryAction(AddBoard{etape, nb}, error)) {
            plan.error = error;
            return plan;
        }
        board = std::get<AddBoard>(plan.actions.back()).board.id;
        plan.report.boardCreated = true;
        plan.report.board = std::get<AddBoard>(plan.actions.back()).board.title;
    }
    auto currentBoard = [&]() -> const Board& { return *scratch.etape(etape)->board(board); };
    for (const auto& bad : table.unreadable) {  // rows the reader could not read (encoding, NUL byte)
        ++plan.report.lines;
        plan.report.rejected.push_back({bad.line, bad.reason});
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
        ++plan.report.lines;
        const int line = row < table.lines.size() ? table.lines[row] : static_cast<int>(row) + 2;
        Id column = currentBoard().categories.empty() ? 0 : currentBoard().categories.front().id;
        const std::string wanted = table.cell(row, category);
        if (!wanted.empty()) {
            column = 0;
            for (const BoardCategory& c : currentBoard().categories)
                if (foldForSearch(c.name) == foldForSearch(wanted)) column = c.id;
            if (column == 0) {
                if (!tryAction(AddCategory{etape, board, BoardCategory{0, wanted}}, error)) {
                    plan.report.rejected.push_back({line, error});
                    continue;
                }
                column = std::get<AddCategory>(plan.actions.back()).category.id;
                plan.report.newCategories.push_back(std::get<AddCategory>(plan.actions.back()).category.name);
            }
        }
        if (column == 0) {
            plan.report.rejected.push_back({line, tr(Str::ErrUnknownCategory)});
            continue;
        }
        Idea idea;
        idea.text = table.cell(row, text);
        idea.group = table.cell(row, group);
        idea.category = column;
        idea.time = time;
        idea.entry = IdeaEntry::Import;
        if (!tryAction(AddIdea{etape, board, idea}, error)) {
            plan.report.rejected.push_back({line, error});
            continue;
        }
        ++plan.report.imported;
    }
    std::stable_sort(plan.report.rejected.begin(), plan.report.rejected.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    return plan;
}

std::string describeIdeaReport(const IdeaImportReport& r) {
    std::string out = fmt(Str::IdeaImportSummary, {std::to_string(r.lines), std::to_string(r.imported), r.board}) + "\n";
    if (r.boardCreated) out += fmt(Str::IdeaImportBoardCreated, {r.board}) + "\n";
    for (const std::string& c : r.newCategories) out += fmt(Str::IdeaImportNewColumn, {c}) + "\n";
    for (const auto& rejected : r.rejected)
        out += fmt(Str::IdeaImportRejected, {std::to_string(rejected.line), rejected.reason}) + "\n";
    return out;
}

}  // namespace atelier
