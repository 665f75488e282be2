// The journal's encoder (store/json_writer.h: cereal's JSON archive over a string) against cereal's own archive over
// a stream: the same bytes for every kind of action, awkward texts and numbers included. And the journal's time
// stamp, read once per step.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <cereal/archives/json.hpp>

#include "core/boxed.h"
#include "store/codec.h"
#include "store/database.h"
#include "store/json_writer.h"
#include "store/serialize.h"
#include "support/cli.h"

using namespace atelier;
using namespace atelier::store;

namespace {

/// What encodeAction wrote before it had its own archive: cereal's, over an ostringstream.
std::string cerealEncode(const Action& action) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive archive(out, cereal::JSONOutputArchive::Options::NoIndent());
        std::visit([&](const auto& a) { archive(cereal::make_nvp("action", a)); }, action);
    }
    return out.str();
}

const std::vector<std::string>& awkwardTexts() {
    static const std::vector<std::string> texts = {
        "",
        "Zoé « Lefèvre »",
        "quote \" backslash \\ slash / tab \t newline \n return \r",
        std::string("control \x01\x02\x1f and NUL-free"),
        "emoji 🎉 and CJK 漢字, no-break\u00a0space",
        std::string(5000, 'x') + "é",  // longer than the first reservation: the buffer grows
        "</script>",
    };
    return texts;
}

std::vector<Action> sampleActions() {
    std::vector<Action> out;
    for (const std::string& t : awkwardTexts()) {
        out.push_back(AddPerson{Person{9, t, t, std::nullopt, Institution::PrefectureEtat, Role::Irev, t, t}, -1});
        out.push_back(UpdatePerson{Person{std::numeric_limits<Id>::max(), t, "", Id{3}, Institution::Autre, Role::Autre, "", t}});
        out.push_back(AddTerritory{Territory{0, t, t, Membership::NonAdherent, true}, 2});
        out.push_back(RenameBoard{1, 2, t});
        out.push_back(AddQuestion{t, t, -7});
        out.push_back(UpdatePractice{4, t, true, t, {t, "", t}, std::nullopt});
        out.push_back(RevealIdeas{1, 2, {}, false});
        out.push_back(RevealIdeas{1, 2, {3, 4, 5}, true});
    }
    out.push_back(DrawCard{1, "deck", std::numeric_limits<std::uint64_t>::max()});
    out.push_back(DrawCard{1, "deck", 0});
    out.push_back(SetDayRate{2021, std::nullopt});
    out.push_back(SetDayRate{2021, std::numeric_limits<long>::min()});
    out.push_back(SetDayRate{-1, 123456789012L});
    out.push_back(AddRegistration{14, Registration{0, 9, 2, true, false}, -1});
    Etape etape;
    etape.id = 14;
    etape.header = EtapeHeader{3, Date{2021, 3, 16}, Id{13}, "Concertation", "Collège", EtapeKind::Etape,
                               EtapeStatus::Confirmee, 2};
    etape.programme = {ProgrammeItem{15, 570, 15, "Mot d'accueil", ItemKind::Accueil}, ProgrammeItem{}};
    etape.registrations = {Registration{16, 9, 2, true, true}, Registration{17, 10, 1, false, false}};
    Board board;
    board.title = "Familles";
    board.categories = {{20, "Constats"}, {21, ""}};
    board.ideas = {Idea{22, "Un café", "Groupe 2", "Zoé", 20, Id{21}, 1581415200, IdeaEntry::Paste, true, true,
                        {MergedIdea{23, "Un thé", "Groupe 1", "Anne", true}}},
                   Idea{}};
    etape.boards = {board, Board{}};
    out.push_back(AddEtape{etape, 1});
    out.push_back(AddEtape{Etape{}, -1});
    out.push_back(AddBoard{14, board, 0});
    return out;
}

template <size_t... I>
std::vector<Action> defaults(std::index_sequence<I...>) {
    return {Action{std::variant_alternative_t<I, Action>{}}...};
}
std::vector<Action> everyKindDefault() { return defaults(std::make_index_sequence<std::variant_size_v<Action>>{}); }

}  // namespace

TEST_CASE("the journal's encoder writes the bytes cereal's JSON archive writes, for every kind of action") {
    // Every kind, default-valued: each alternative of the variant once.
    for (const Action& a : everyKindDefault()) CHECK(encodeAction(a) == cerealEncode(a));
    for (const Action& a : sampleActions()) {
        const std::string mine = encodeAction(a), theirs = cerealEncode(a);
        CHECK(mine.size() == theirs.size());
        CHECK(mine == theirs);
        CHECK(decodeAction(actionName(a), mine) == a);
    }
}

TEST_CASE("the string archive appends to what the string already holds, and an empty archive writes {}") {
    std::string out = "prefix:";
    {
        StringJSONOutputArchive archive(out);
        archive(cereal::make_nvp("n", 3));
    }
    std::ostringstream reference;
    {
        cereal::JSONOutputArchive archive(reference, cereal::JSONOutputArchive::Options::NoIndent());
        archive(cereal::make_nvp("n", 3));
    }
    CHECK(out == "prefix:" + reference.str());
    std::string empty;
    { StringJSONOutputArchive archive(empty); }
    CHECK(empty.empty());  // as cereal's: nothing written, nothing opened
}

TEST_CASE("a boxed value copies, compares and moves like the value") {
    Boxed<Etape> a;
    a->header.number = 4;
    Boxed<Etape> b = a;
    CHECK(a == b);
    b->header.number = 5;
    CHECK(a->header.number == 4);
    CHECK_FALSE(a == b);
    Boxed<Etape> c = std::move(b);
    CHECK(c->header.number == 5);
    CHECK(b->header.number == Etape{}.header.number);  // NOLINT: a moved-from box reads as a default value
    b->header.number = 6;                              // and can be written again
    CHECK(b->header.number == 6);
    const Etape& plain = a;
    CHECK(plain.header.number == 4);
    CHECK(sizeof(Action) <= 216);
}

TEST_CASE("the records of one step share one time stamp, in the column's format") {
    test::TempDir dir;
    Database db(dir.path / "atelier.db");
    const Action one = AddTerritory{Territory{0, "Amiens", "Somme", Membership::Adherent, true}, -1};
    const Action two = RemoveTerritory{7};
    db.recordAll({{&one, JournalKind::Do}, {&two, JournalKind::Do}, {&one, JournalKind::Undo}});
    const auto first = db.mark(1), last = db.mark(3);
    REQUIRE(first);
    REQUIRE(last);
    CHECK(first->at == last->at);
    CHECK(std::regex_match(first->at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    CHECK(first->action == "AddTerritory");
    CHECK(db.journalSize() == 3);
}
