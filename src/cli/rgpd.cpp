// atelier rgpd registre [--json]
// atelier rgpd exporter (--courriel ADRESSE | --personne "Prénom Nom") --out DOSSIER
// atelier rgpd effacer (--courriel ADRESSE | --personne "Prénom Nom") [--oui]
// (issue 34, RGPD: what is held about a person, in JSON and HTML; the person erased for real from the whole data
// folder, store/erasure.h)
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/strings.h"
#include "core/text.h"
#include "core/personal_data.h"
#include "core/register.h"
#include "export/personal_data.h"
#include "export/summary.h"
#include "store/archive.h"
#include "store/data_folder.h"
#include "store/files.h"
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

int cmdRgpdRegistre(Context& context, Args& args) {
    const bool json = args.flag("--json");
    args.finish();
    const Settings& settings = context.workspace().session().model().settings;
    if (json) {
        nlohmann::ordered_json out;
        out["responsable"] = {{"organisation", settings.organisation},
                              {"contact", settings.contactName},
                              {"courriel", settings.contactEmail}};
        out["categories"] = nlohmann::ordered_json::array();
        for (const DataCategory& c : personalDataCategories())
            out["categories"].push_back(
                {{"quoi", tr(c.what)}, {"ou", tr(c.where)}, {"pourquoi", tr(c.why)}, {"duree", tr(c.howLong)}});
        out["textes"] = {{"formulaire", registrationNotice(settings)},
                         {"telephones", phoneNotice(settings)},
                         {"emargement", attendanceFooter(settings)}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << tr(Str::CliRgpdRegisterTitle) << "\n" << fmt(Str::CliRgpdController, {controllerLine(settings)}) << "\n\n";
    for (const DataCategory& c : personalDataCategories())
        std::cout << fmt(Str::CliRgpdCategory, {tr(c.what), tr(c.where), tr(c.why), tr(c.howLong)}) << "\n";
    std::cout << "\n" << tr(Str::CliRgpdNoticesTitle) << "\n"
              << tr(Str::CliRgpdNoticeFormLabel) << "\n  " << registrationNotice(settings) << "\n"
              << tr(Str::CliRgpdNoticePhoneLabel) << "\n  " << phoneNotice(settings) << "\n"
              << tr(Str::CliRgpdNoticeSheetLabel) << "\n  " << attendanceFooter(settings) << "\n";
    return 0;
}

int cmdRgpdExporter(Context& context, Args& args) {
    const Person& person = personOption(context, args);
    const auto out = args.option("--out");
    args.finish();
    if (!out) throw UsageError{tr(Str::CliRgpdNeedsOut)};
    const std::filesystem::path dir(*out);
    const Model& model = context.workspace().session().model();
    PersonalData data = collectPersonalData(model, person);
    const ErasureTarget target = erasureTarget(person);
    // The phones of the room's memory that joined under their name (or as them, for « un bulletin par personne »).
    try {
        const auto memory = nlohmann::json::parse(context.workspace().folder().roomMemory());
        for (const auto& d : memory.value("appareils", nlohmann::json::array())) {
            const std::string prenom = d.value("prenom", "");
            const bool asThem = d.contains("personne") && d["personne"].is_number_unsigned() &&
                                d["personne"].get<Id>() == person.id;
            if (asThem || isNamesake(prenom, target) || mentions(prenom, target))
                data.phones.push_back({prenom, d.value("cite", ""), d.value("groupe", "")});
        }
    } catch (const std::exception&) {
        // No memory (no room opened yet) or one this Atelier cannot read: no phone to list.
    }
    for (const auto& l : store::listArchives(context.dataDir())) {
        if (!l.error.empty()) continue;
        bool named = l.archive.person(person.id) != nullptr;
        for (const ArchivedPerson& ap : l.archive.people) named = named || isNamesake(ap.name, target);
        if (named)
            data.archives.push_back({l.archive.etape.header.number, l.archive.etape.header.date,
                                     l.file.parent_path().filename().string()});
    }
    const auto files = exporting::personalDataFiles(data, model.settings);
    // Each file checked as every --out is: never over the data folder's own files, nor a database.
    store::writeFilesTogether(dir, files, store::DataFolder::checkOutput, context.dataDir());
    std::string names;
    for (const auto& f : files) names += (names.empty() ? "" : ", ") + f.first;
    std::cout << fmt(Str::CliRgpdExported, {person.name, dir.string(), names}) << "\n";
    return 0;
}

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
    if (report.namesake) std::cout << fmt(Str::CliRgpdNamesake, {person.name}) << "\n";
    for (const auto& f : report.traces) std::cerr << fmt(Str::CliRgpdTrace, {f.string()}) << "\n";
    if (report.traces.empty()) std::cout << fmt(Str::CliRgpdClean, {data.string()}) << "\n";
    return report.traces.empty() ? 0 : 1;
}

}  // namespace atelier::cli
