// Fuzz target: the CSV reader (encoding, delimiter, quotes) and the two import planners that read its tables
// (registrations, ideas); a plan that the planner accepted must then apply to the model it was planned on.
#include <cstdint>
#include <string_view>

#include "core/idea_import.h"
#include "core/registration_import.h"
#include "store/csv.h"

namespace {

using namespace atelier;

/// A model with one territory, one person and one étape, as the planners expect.
Model fixture() {
    Model m;
    Action territory = AddTerritory{Territory{0, "Amiens", "Somme", Membership::AVerifier, true}};
    applyAction(m, territory);
    Action person = AddPerson{Person{0, "Nadia Benali", "n.benali@example.fr", m.territories.front().id,
                                     Institution::Collectivite, Role::ChefDeProjet}};
    applyAction(m, person);
    Etape e;
    e.header = EtapeHeader{1, Date{2020, 2, 11}, std::nullopt, "Thème", "", EtapeKind::Etape, EtapeStatus::Prevue};
    Action etape = AddEtape{e};
    applyAction(m, etape);
    return m;
}

void mustApply(const Model& model, const std::vector<Action>& actions) {
    Model copy = model;
    for (Action a : actions)
        if (!applyAction(copy, a)) __builtin_trap();  // the planner promised it would apply
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    static const Model model = fixture();
    const Id etape = model.etapes.front().id;
    store::CsvTable table;
    try {
        table = store::parseCsv(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const store::CsvError&) {
        return 0;
    }
    ImportPlan registrations = planRegistrationImport(model, etape, table);
    describeUnknownTerritories(model, registrations.unknownTerritories);
    if (!registrations.unknownTerritories.empty())  // as « Créer » for every unknown name in the dialog
        registrations = planRegistrationImport(model, etape, table,
                                               chooseForAll(registrations, {TerritoryChoice::Kind::Create, 0}));
    if (registrations.error.empty()) mustApply(model, registrations.actions);
    describeReport(registrations.report);
    const IdeaImportPlan ideas = planIdeaImport(model, etape, "Leviers", table, 1581410000);
    if (ideas.error.empty()) mustApply(model, ideas.actions);
    describeIdeaReport(ideas.report);
    return 0;
}
