// Calendar dates of the Tour (proleptic Gregorian), ISO 8601 in storage and JSON, French when shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace atelier {

struct Date {
    int year = 2020;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    bool operator==(const Date&) const = default;
    auto operator<=>(const Date&) const = default;
};

/// The range of dates Atelier keeps (isValid): what messages state when a date is refused.
inline constexpr Date kFirstDate{1900, 1, 1};
inline constexpr Date kLastDate{2200, 12, 31};
/// True when the date exists (29 February only in leap years) and lies between kFirstDate and kLastDate.
bool isValid(const Date& date);
/// Days since 1970-01-01 (negative before).
long daysSinceEpoch(const Date& date);
/// 0 = lundi … 6 = dimanche.
int weekday(const Date& date);
/// Quarter of the year, 1..4.
inline int quarter(const Date& date) { return (date.month - 1) / 3 + 1; }
/// "2020-02-11".
std::string toIso(const Date& date);
/// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<Date> parseIso(std::string_view text);
/// "11/02/2020".
std::string formatShortFr(const Date& date);
/// Parses "11/02/2020", "11/2/2020" or "2020-02-11"; nullopt when malformed or not a real date.
std::optional<Date> parseDate(std::string_view text);
/// "mardi 11 février 2020" (« 1er » for the first of the month).
std::string formatLongFr(const Date& date);
/// "09h30" for minutes after midnight.
std::string formatTimeFr(int minutes);
/// A UTC time stamp "2020-02-11T17:30:00Z" in French time (the Tour is in France: UTC+1, UTC+2 from the last
/// Sunday of March to the last Sunday of October, 01:00 UTC), as « mardi 11 février 2020 à 18h30 »; anything else
/// is returned as given.
std::string formatUtcStampFr(std::string_view iso);
/// Parses "9h30", "09h30", "9:30", "9h" or "9"; nullopt when not a time of day.
std::optional<int> parseTime(std::string_view text);

}  // namespace atelier
