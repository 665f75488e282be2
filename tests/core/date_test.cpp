#include <doctest/doctest.h>

#include "core/date.h"

using namespace atelier;

TEST_CASE("dates of the Tour are written out in French") {
    CHECK(formatLongFr(Date{2020, 2, 11}) == "mardi 11 février 2020");
    CHECK(formatLongFr(Date{2020, 6, 2}) == "mardi 2 juin 2020");
    CHECK(formatLongFr(Date{2020, 12, 1}) == "mardi 1er décembre 2020");
    CHECK(formatLongFr(Date{2022, 8, 15}) == "lundi 15 août 2022");
    CHECK(weekday(Date{1970, 1, 1}) == 3);
    CHECK(weekday(Date{2000, 2, 29}) == 1);
    CHECK(quarter(Date{2020, 6, 2}) == 2);
}

TEST_CASE("ISO and French date input") {
    CHECK(parseIso("2020-02-11") == Date{2020, 2, 11});
    CHECK(toIso(Date{2020, 6, 2}) == "2020-06-02");
    CHECK_FALSE(parseIso("2021-02-29"));
    CHECK(parseIso("2020-02-29"));
    CHECK_FALSE(parseIso("2020-13-01"));
    CHECK_FALSE(parseIso("2020-2-11"));
    CHECK_FALSE(parseIso("11/02/2020"));
    CHECK(parseDate("11/02/2020") == Date{2020, 2, 11});
    CHECK(parseDate(" 2/6/2020 ") == Date{2020, 6, 2});
    CHECK(parseDate("2020-06-02") == Date{2020, 6, 2});
    CHECK_FALSE(parseDate("31/04/2020"));
    CHECK_FALSE(parseDate("11/02/20"));
    CHECK(formatShortFr(Date{2020, 2, 11}) == "11/02/2020");
}

TEST_CASE("times of the programme") {
    CHECK(parseTime("9h30") == 570);
    CHECK(parseTime("09h30") == 570);
    CHECK(parseTime("9:30") == 570);
    CHECK(parseTime("14h") == 840);
    CHECK(parseTime("14") == 840);
    CHECK_FALSE(parseTime("25h00"));
    CHECK_FALSE(parseTime("9h7"));
    CHECK_FALSE(parseTime("midi"));
    CHECK_FALSE(parseTime(""));
    CHECK(formatTimeFr(570) == "09h30");
}

TEST_CASE("a UTC time stamp reads in French time, summer time included, the day after midnight included") {
    CHECK(formatUtcStampFr("2020-02-11T17:30:00Z") == "mardi 11 février 2020 à 18h30");  // winter: UTC+1
    CHECK(formatUtcStampFr("2021-06-15T08:05:00Z") == "mardi 15 juin 2021 à 10h05");     // summer: UTC+2
    CHECK(formatUtcStampFr("2020-12-31T23:30:00Z") == "vendredi 1er janvier 2021 à 00h30");
    // Summer time starts at 01:00 UTC on the last Sunday of March (28 March 2021) and ends on the last Sunday of
    // October (31 October 2021).
    CHECK(formatUtcStampFr("2021-03-28T00:59:00Z") == "dimanche 28 mars 2021 à 01h59");
    CHECK(formatUtcStampFr("2021-03-28T01:00:00Z") == "dimanche 28 mars 2021 à 03h00");
    CHECK(formatUtcStampFr("2021-10-31T00:59:00Z") == "dimanche 31 octobre 2021 à 02h59");
    CHECK(formatUtcStampFr("2021-10-31T01:00:00Z") == "dimanche 31 octobre 2021 à 02h00");
    // Not a stamp: as given.
    CHECK(formatUtcStampFr("hier") == "hier");
    CHECK(formatUtcStampFr("2020-02-11T99:30:00Z") == "2020-02-11T99:30:00Z");
}
