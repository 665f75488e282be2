// Writes the example archive of the repository (sessions/examples/) from the day-of-étape fixture:
//   build/example_archive sessions/examples/exemple-2020-02-11-amiens/etape.json
// Run by hand when the fixture grows; never to replace an example an older version wrote (tests load them all).
#include <filesystem>
#include <iostream>

#include "core/archive.h"
#include "store/archive.h"
#include "store/errors.h"
#include "store/files.h"
#include "support/fixtures.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_archive FILE.json\n";
        return 2;
    }
    try {
        using namespace atelier;
        Session s = test::dayOfEtapeSession();
        // Since format 4: an action-phare of the host, a follow-up by another Cité and the evaluation of the day.
        const Id e = s.model().etapeByNumber(1)->id;
        auto must = [](Status st) {
            if (!st) throw store::StoreError(st.message);
        };
        must(s.apply(AddActionPhare{e, ActionPhare{0, "Le café des parents du collège César Franck",
                                                   "Chaque samedi matin, parents et enseignants se retrouvent au collège.",
                                                   "Centre social Étouvie, collège César Franck",
                                                   "Cité éducative d'Amiens", {}}}));
        const Id ap = s.model().etape(e)->actionsPhares.back().id;
        const Id lille = s.model().territoryByName("Lille")->id;
        must(s.apply(AddFollowUp{ap, FollowUp{lille, FollowUpStatus::Essayee, Date{2020, 6, 2}, "Un premier café"}}));
        must(s.apply(SetEvaluation{e, defaultEvaluation().questions, {}}));
        const auto q = s.model().etape(e)->evaluation.questions;
        must(s.apply(AddEvaluationResponse{e, EvaluationResponse{0, 9, std::nullopt, {{q[0].id, 5}, {q[1].id, 4}}}}));
        must(s.apply(AddEvaluationResponse{e, EvaluationResponse{0, 3, std::nullopt, {{q[0].id, 4}, {q[1].id, 4}}}}));
        must(s.apply(AddEvaluationResponse{
            e, EvaluationResponse{0, 1, lille, {{q[2].id, -1, "Le café des parents", {}}, {q[3].id, -1, "", {ap}},
                                                {q[4].id, -1, "L'évaluation des Cités", {}}}}}));
        atelier::EtapeArchive a =
            atelier::makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
        a.format.example = true;
        std::filesystem::create_directories(std::filesystem::path(argv[1]).parent_path());
        atelier::store::writeFileAtomic(argv[1], atelier::store::archiveJson(a));
    } catch (const atelier::store::StoreError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
