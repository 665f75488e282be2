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
        if (const Status st = test::addGoldenEssaimage(s); !st) throw store::StoreError(st.message);
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
