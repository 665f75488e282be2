// Input guards of the core: vote totals that would overflow, UTF-16 text, JSON nesting measured before parsing.
#include <doctest/doctest.h>

#include <string>

#include "core/tally.h"
#include "core/text.h"

using namespace atelier;

TEST_CASE("tally: a total of voices beyond a billion is refused, so no score can overflow") {
    Election e;
    e.method = VoteMethod::Borda;
    e.options = {"A", "B", "C"};
    Ballot b;
    b.count = kMaxBallotCount;
    b.ranking = {0, 1, 2};
    e.ballots.assign(1000, b);  // exactly kMaxTotalBallots: counted
    TallyOutcome out = tally(e);
    REQUIRE(out.ok);
    CHECK(out.result.ballots == kMaxTotalBallots);
    CHECK(out.result.scores[0] == 2 * kMaxTotalBallots);
    e.ballots.push_back(Ballot{1, {0}});
    out = tally(e);
    CHECK_FALSE(out.ok);
    CHECK(out.error.ballot == 1001);
    CHECK(out.error.message.find("Plus de 1000000000 voix au total") != std::string::npos);
    // A count near 2^63 is refused by its ballot's own bound.
    e.ballots = {Ballot{9'223'372'036'854'775'807LL, {0}}, Ballot{9'223'372'036'854'775'806LL, {1}}};
    out = tally(e);
    CHECK_FALSE(out.ok);
    CHECK(out.error.ballot == 1);
}

TEST_CASE("text: UTF-16 to UTF-8, both byte orders, surrogate pairs, broken input refused") {
    CHECK(utf16ToUtf8(std::string("I\0d\0\xE9\0", 6), false) == "Idé");
    CHECK(utf16ToUtf8(std::string("\0I\0d\0\xE9", 6), true) == "Idé");
    CHECK(utf16ToUtf8(std::string("\x34\xD8\x1E\xDD", 4), false) == "𝄞");
    CHECK_FALSE(utf16ToUtf8(std::string("I\0d", 3), false));
    CHECK_FALSE(utf16ToUtf8(std::string("\x34\xD8", 2), false));          // a high surrogate alone
    CHECK_FALSE(utf16ToUtf8(std::string("\x1E\xDD\x34\xD8", 4), false));  // the pair reversed
}

TEST_CASE("text: JSON depth counts brackets outside strings only, and stops past its limit") {
    CHECK(jsonDepth("") == 0);
    CHECK(jsonDepth("42") == 0);
    CHECK(jsonDepth("{\"a\": [1, {\"b\": []}]}") == 4);
    CHECK(jsonDepth("[\"]]]]\", \"\\\"[[[\"]") == 1);
    CHECK(jsonDepth("]]]][") == 1);
    CHECK(jsonDepth(std::string(200'000, '['), kMaxJsonDepth) == kMaxJsonDepth + 1);
}
