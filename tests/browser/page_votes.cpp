// page_votes DATA: adds to étape 1 of the data folder DATA one open vote per method, in this order (the K of
// `atelier serve --vote K`): 1 majority judgment, 2 dots, 3 approval, 4 Borda, 5 Schulze, and 6 a majority judgment
// « un bulletin par personne présente », with three people checked in for the étape. No CLI command creates
// votes; the browser test (participer_test.py) needs them. Opens the folder as the CLI does (store::Workspace)
// and changes the model only through Session::apply.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/enums.h"
#include "store/database.h"

using namespace atelier;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage : page_votes DOSSIER_DE_DONNEES\n");
        return 2;
    }
    try {
        store::Workspace workspace(argv[1]);
        Session& session = workspace.session();
        const Etape* etape = session.model().etapeByNumber(1);
        if (!etape) {
            std::fprintf(stderr, "page_votes : pas d'étape 1\n");
            return 1;
        }
        const Id etapeId = etape->id;
        const std::vector<std::string> options{"Cafés des parents", "Tutorat « grands-petits »",
                                               "Livret d'accueil traduit"};
        // Three people checked in at the door, for the vote « un bulletin par personne présente ».
        for (const char* name : {"Inès Benali", "Karim Dubois", "Zoé Martin"}) {
            Person person;
            person.name = name;
            const Id personId = session.model().nextId;  // what Session::apply gives the new person
            Registration registration;
            registration.person = personId;
            registration.present = true;
            if (Status s = session.apply(AddPerson{person}); !s) {
                std::fprintf(stderr, "page_votes : %s\n", s.message.c_str());
                return 1;
            }
            if (Status s = session.apply(AddRegistration{etapeId, registration}); !s) {
                std::fprintf(stderr, "page_votes : %s\n", s.message.c_str());
                return 1;
            }
        }
        const struct {
            VoteMethod method;
            const char* question;
            bool perPerson;
        } votes[] = {
            {VoteMethod::Majority, "Quelle action lancer à la rentrée ?", false},
            {VoteMethod::Dot, "Où mettre nos efforts ?", false},
            {VoteMethod::Approval, "Quelles actions soutenez-vous ?", false},
            {VoteMethod::Borda, "Classez les actions (Borda)", false},
            {VoteMethod::Schulze, "Classez les actions (Schulze)", false},
            {VoteMethod::Majority, "Quelle action pour l'an prochain ? (une voix par personne)", true},
        };
        for (const auto& v : votes) {
            VoteSetup setup{v.question, v.method, options};
            setup.dotsPerVoter = 5;
            setup.perPerson = v.perPerson;
            if (Status s = session.apply(AddVote{etapeId, Vote{0, setup, {}}}); !s) {
                std::fprintf(stderr, "page_votes : %s\n", s.message.c_str());
                return 1;
            }
            std::printf("%s %s\n", std::string(enumKey(v.method)).c_str(), v.question);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "page_votes : %s\n", e.what());
        return 1;
    }
    return 0;
}
