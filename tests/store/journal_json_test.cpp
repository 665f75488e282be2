// The journal's own JSON writer (store/journal_json.h) against cereal's JSONOutputArchive, which wrote every journal
// before it and still reads them: the same bytes for every action a whole day, the demo and the library of practices
// journal, for every byte a text can hold and for the extreme numbers.
#include <doctest/doctest.h>

#include <cereal/archives/json.hpp>
#include <climits>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/demo.h"
#include "store/codec.h"
#include "store/errors.h"
#include "store/journal_json.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::store;

namespace {

/// What cereal writes for an action: the journal's format before journal_json.h, and its reference.
std::string cerealBytes(const Action& action) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive archive(out, cereal::JSONOutputArchive::Options::NoIndent());
        std::visit([&](const auto& a) { archive(cereal::make_nvp("action", a)); }, action);
    }
    return out.str();
}

/// Keeps every action a session journals, as the database would receive them.
class Recorder : public Journal {
public:
    std::vector<Action> actions;
    void record(const Action& action, JournalKind) override { actions.push_back(action); }
};

/// `readBack`: also read back equal (cereal's reader stops a text at a NUL byte: the journal never holds one, the
/// core refuses them, but the writer is held to cereal's bytes for them too).
void checkSameBytes(const std::vector<Action>& actions, bool readBack = true) {
    for (const Action& a : actions) {
        INFO(actionName(a));
        const std::string mine = encodeAction(a);
        REQUIRE(mine == cerealBytes(a));
        if (readBack) CHECK(decodeAction(actionName(a), mine) == a);
    }
}

}  // namespace

TEST_CASE("the journal writer writes cereal's bytes for every action of a day, the library and the demo") {
    Recorder recorder;
    {
        Session s = test::dayOfEtapeSession(&recorder);
        test::addEssaimage(s, s.model().etapeByNumber(1)->id);
        test::addIdeaBoard(s, s.model().etapeByNumber(2)->id, 60);
        REQUIRE(buildDemo(s, Date{2021, 6, 1}));
        while (s.canUndo() && s.undo()) {}  // and every inverse
    }
    REQUIRE(recorder.actions.size() > 200);
    checkSameBytes(recorder.actions);
}

TEST_CASE("the journal writer escapes every byte as cereal does, and writes the extreme numbers as it does") {
    std::string everyByte;
    for (int c = 0; c < 256; ++c) everyByte += static_cast<char>(c);
    std::vector<Action> actions;
    actions.push_back(AddTerritory{Territory{std::numeric_limits<Id>::max(), everyByte, "", Membership::Adherent, true},
                                   INT_MIN});
    actions.push_back(AddTerritory{Territory{0, "\"\\/\n\r\t\b\f\x7f « é » €", std::string(1, '\0'),
                                             Membership::NonAdherent, false},
                                   INT_MAX});
    actions.push_back(SetDayRate{INT_MIN, std::numeric_limits<long>::max()});
    actions.push_back(SetDayRate{0, std::numeric_limits<long>::min()});
    VoteSetup setup{"", VoteMethod::Dot, {}, {}, LLONG_MIN, LLONG_MAX, true, false};
    actions.push_back(UpdateVote{1, 2, setup});
    Idea idea;
    idea.time = std::numeric_limits<std::int64_t>::min();
    idea.text = everyByte + everyByte;
    actions.push_back(AddIdea{1, 2, idea, -1});
    actions.push_back(DrawCard{1, "", std::numeric_limits<std::uint64_t>::max()});
    actions.push_back(SetGroupPlan{1, GroupPlan{}});  // empty arrays
    actions.push_back(SetGroupPlan{1, GroupPlan{3, {GroupRound{}, GroupRound{{Group{}, Group{}}}}, {true, false}}});
    checkSameBytes(actions, false);
    actions.clear();
    std::string printable;  // every byte but NUL
    for (int c = 1; c < 256; ++c) printable += static_cast<char>(c);
    actions.push_back(AddTerritory{Territory{1, printable, "\x7f\x1f\"", Membership::Adherent, true}, 0});
    checkSameBytes(actions);
}

TEST_CASE("a count is written between quotes, and a count that is not a whole number is refused in French") {
    // The same bytes on every platform: `long long` is std::int64_t on Windows, where cereal alone wrote a bare
    // number and refused the quoted counts of every journal written on Linux (serialize.h, CountText).
    const Action cast = CastBallot{1, 2, StoredBallot{3, Ballot{4, {}, {}, {{0, 5}}, {}}}, 0};
    const std::string payload = encodeAction(cast);
    CHECK(payload.find("\"count\": \"4\"") != std::string::npos);
    CHECK(payload.find("\"second\": \"5\"") != std::string::npos);
    CHECK(decodeAction("CastBallot", payload) == cast);
    for (const char* bad : {"\"4x\"", "\"\"", "\" 4\"", "\"99999999999999999999\""}) {
        CAPTURE(bad);
        std::string broken = payload;
        broken.replace(broken.find("\"4\""), 3, bad);
        try {
            decodeAction("CastBallot", broken);
            FAIL("accepted");
        } catch (const DatabaseCorrupt& e) {
            const std::string what = e.what();  // « nombre invalide « 4x » », « nombre trop grand « … » »
            CHECK((what.find("nombre invalide") != std::string::npos || what.find("nombre trop grand") != std::string::npos));
        }
    }
}
