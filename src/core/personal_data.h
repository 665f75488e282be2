// The right of access (RGPD, issue 34): everything the model holds about one person, gathered for
// `atelier rgpd exporter` (JSON and a readable page, export/personal_data.h). Plain C++20: no files here; what
// lives in files (the archives naming them, the phones of the room's memory) is added by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/fees.h"
#include "core/model.h"

namespace atelier {

struct PersonalData {
    Person person;
    std::string territory;  // its name, empty when none
    struct Registered {
        int etape = 0;
        Date date;
        std::string theme;
        int days = 1;
        bool present = false;
        bool walkIn = false;
        Fee fee;
    };
    std::vector<Registered> registrations;
    struct Grouped {  // a breakout group they were placed in
        int etape = 0;
        int round = 0;  // 1-based
        std::string group;
    };
    std::vector<Grouped> groups;
    struct Authored {  // an idea they signed or that names them
        int etape = 0;
        std::string board;
        std::string text;
        std::string group;
        std::string author;
        IdeaEntry entry = IdeaEntry::Keyboard;
        std::int64_t time = 0;
    };
    std::vector<Authored> ideas;
    struct Followed {  // a follow-up of a practice whose note names them
        std::string practice;
        std::string cite;
        FollowUpStatus status = FollowUpStatus::Essayee;
        Date date;
        std::string note;
    };
    std::vector<Followed> followUps;
    struct Phone {  // a phone that joined under their name (the room's memory)
        std::string prenom, cite, groupe;
    };
    std::vector<Phone> phones;
    struct Archived {  // an archive of an étape that names them
        int etape = 0;
        Date date;
        std::string folder;
    };
    std::vector<Archived> archives;
};

/// What `model` holds about `person`: the record, registrations with their fee, groups, ideas signed by them or
/// naming them, follow-ups whose note names them (core/erasure.h's matching: either word order, accents and case
/// aside, or their e-mail).
PersonalData collectPersonalData(const Model& model, const Person& person);

}  // namespace atelier
