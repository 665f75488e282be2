// atelier territoire NAME --adherent oui|non|a-verifier
// atelier importer inscriptions --etape N FILE.csv [--creer-cites | --sans-territoire] (alias: import; and
// `importer idees`, ideas.cpp). A territory name that designates no known territory is never created silently:
// the import is refused (nothing written) with the names and the closest known territories, unless --creer-cites
// creates them (« à vérifier ») or --sans-territoire registers those people without territory.
#include <iostream>

#include "cli/commands.h"
#include "core/enums.h"
#include "core/registration_import.h"
#include "core/strings.h"
#include "store/csv.h"

namespace atelier::cli {

namespace {
/// What `--adherent` accepts (the storage keys "adherent" and "non-adherent" are not among them).
constexpr EnumWord kAdherentWords[] = {
    {"oui", "adherent"}, {"non", "non-adherent"}, {"a-verifier", "a-verifier"}, {"à-vérifier", "a-verifier"}};
}  // namespace

int cmdTerritoire(Context& context, Args& args) {
    const auto value = args.option("--adherent");
    const auto name = args.positional();
    args.finish();
    if (!name) throw UsageError{tr(Str::CliTerritoireNeedsName)};
    if (!value) throw UsageError{tr(Str::CliTerritoireNeedsAdherent)};
    const auto parsed = enumFromWord<Membership>(*value, kAdherentWords);
    if (!parsed) throw UsageError{fmt(Str::CliBadAdherent, {*value})};
    const Membership membership = *parsed;

    Session& session = context.workspace().session();
    Status status;
    bool created = false;
    if (const Territory* t = session.model().territoryByName(*name)) {
        Territory changed = *t;
        changed.membership = membership;
        if (!(changed == *t)) status = session.apply(UpdateTerritory{changed});
    } else {
        status = session.apply(AddTerritory{Territory{0, *name, "", membership, false}});
        created = true;
    }
    if (!status) throw CommandError{status.message};
    const Territory* t = session.model().territoryByName(*name);
    std::cout << fmt(created ? Str::CliTerritoryCreated : Str::CliTerritorySet, {t->name, enumLabel(membership)})
              << "\n";
    return 0;
}

int cmdImport(Context& context, Args& args) {
    const auto what = args.positional();
    if (what == "idees") return importIdeas(context, args);  // ideas.cpp
    if (what != "inscriptions") throw UsageError{fmt(Str::CliImportWhat, {context.command(), context.command()})};
    const Etape& etape = etapeOption(context, args);
    const bool create = args.flag("--creer-cites");
    const bool none = args.flag("--sans-territoire");
    const auto file = args.positional();
    args.finish();
    if (!file) throw UsageError{tr(Str::CliImportNeedsFile)};
    if (create && none) throw UsageError{tr(Str::CliImportTwoChoices)};

    const store::CsvTable table = readCsv(*file);
    Session& session = context.workspace().session();
    ImportPlan plan = planRegistrationImport(session.model(), etape.id, table);
    if (plan.error.empty() && !plan.unknownTerritories.empty()) {
        if (!create && !none)
            throw CommandError{fmt(Str::CliImportUnknownTerritories,
                                   {std::to_string(plan.unknownTerritories.size()),
                                    describeUnknownTerritories(session.model(), plan.unknownTerritories)})};
        const TerritoryChoice choice{create ? TerritoryChoice::Kind::Create : TerritoryChoice::Kind::None};
        plan = planRegistrationImport(session.model(), etape.id, table, chooseForAll(plan, choice));
    }
    if (!plan.error.empty()) throw CommandError{fmt(Str::ErrCsvFile, {*file, plan.error})};
    const int registered = plan.report.registered;
    if (Status s = session.applyAll(plan.actions, fmt(Str::ActImport, {std::to_string(registered)})); !s)
        throw CommandError{s.message};
    std::cout << describeReport(plan.report);
    return 0;
}

}  // namespace atelier::cli
