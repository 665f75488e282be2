// atelier rgpd effacer (--courriel ADRESSE | --personne "Prénom Nom") [--oui]
// (issue 34, RGPD: the person erased for real from the whole data folder; store/erasure.h)
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/summary.h"
#include "store/erasure.h"
#include "store/errors.h"
#include "store/photos.h"

namespace atelier::cli {

namespace {

/// The one person `--courriel` or `--personne` names (exactly one of them); CommandError when nobody or several.
const Person& personOption(Context& context, Args& args) {
    const auto email = args.option("--courriel");
    const auto name = args.option("--personne");
    if (!email == !name) throw UsageError{tr(Str::CliRgpdNeedsWho)};
    const Model& model = context.workspace().session().model();
    const auto people = store::findPeople(model, email ? *email : "", name ? *name : "");
    const std::string asked = email ? *email : *name;
    if (people.empty()) throw CommandError{fmt(Str::CliRgpdNobody, {asked})};
    if (people.size() > 1) throw CommandError{fmt(Str::CliRgpdSeveral, {asked})};
    return *people.front();
}

/// The same words, accents, case, hyphens and spaces aside.
bool sameName(std::string_view a, std::string_view b) {
    auto key = [](std::string_view s) {
        std::string out;
        for (char c : foldForName(trim(s)))
            if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    return !key(a).empty() && key(a) == key(b);
}

}  // namespace

int cmdRgpdEffacer(Context& context, Args& args) {
    const Person& found = personOption(context, args);
    const bool yes = args.flag("--oui");
    args.finish();
    const Person person = found;  // the model changes below
    std::cout << fmt(Str::CliRgpdEraseWarning, {person.name, erasedLabel(person.id)}) << "\n";
    if (!yes) {
        std::cout << fmt(Str::CliRgpdConfirm, {person.name}) << std::endl;
        std::string typed;
        if (!std::getline(std::cin, typed) || !sameName(typed, person.name))
            throw CommandError{fmt(Str::CliRgpdNotConfirmed, {person.name})};
    }
    store::Workspace& ws = context.workspace();
    const std::filesystem::path data = context.dataDir();
    const store::ErasureReport report = store::erasePerson(ws, person.id, [&](const EtapeArchive& archive) {
        return exporting::summaryFiles(archive, store::readPhotos(data, exporting::summaryPhotoPaths(archive)));
    });
    std::cout << fmt(Str::CliRgpdErased, {person.name, report.label, std::to_string(report.journalRows),
                                          std::to_string(report.archives)})
              << "\n";
    for (const auto& f : report.regenerated) std::cout << fmt(Str::CliRgpdRegenerated, {f.string()}) << "\n";
    for (const auto& f : report.removed) std::cout << fmt(Str::CliRgpdRemoved, {f.string()}) << "\n";
    for (const auto& f : report.traces) std::cerr << fmt(Str::CliRgpdTrace, {f.string()}) << "\n";
    if (report.traces.empty()) std::cout << fmt(Str::CliRgpdClean, {data.string()}) << "\n";
    return report.traces.empty() ? 0 : 1;
}

}  // namespace atelier::cli
