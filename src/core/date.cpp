#include "core/date.h"

#include <cctype>
#include <cstdio>

#include "core/strings.h"

namespace atelier {

namespace {
bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}
bool parseDigits(std::string_view s, int& out) {
    if (s.empty()) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}
}  // namespace

bool isValid(const Date& d) {
    return d.year >= kFirstDate.year && d.year <= kLastDate.year && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= daysInMonth(d.year, d.month);
}

long daysSinceEpoch(const Date& d) {
    // Howard Hinnant's days_from_civil.
    const int y = d.year - (d.month <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

int weekday(const Date& d) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const long days = daysSinceEpoch(d);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string toIso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<Date> parseIso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Date d;
    if (!parseDigits(text.substr(0, 4), d.year) || !parseDigits(text.substr(5, 2), d.month) ||
        !parseDigits(text.substr(8, 2), d.day))
        return std::nullopt;
    if (!isValid(d)) return std::nullopt;
    return d;
}

std::string formatShortFr(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

std::optional<Date> parseDate(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto iso = parseIso(text)) return iso;
    const auto a = text.find('/');
    const auto b = a == std::string_view::npos ? a : text.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    Date d;
    const auto dayText = text.substr(0, a), monthText = text.substr(a + 1, b - a - 1), yearText = text.substr(b + 1);
    if (dayText.size() > 2 || monthText.size() > 2 || yearText.size() != 4) return std::nullopt;
    if (!parseDigits(dayText, d.day) || !parseDigits(monthText, d.month) || !parseDigits(yearText, d.year))
        return std::nullopt;
    if (!isValid(d)) return std::nullopt;
    return d;
}

std::string formatLongFr(const Date& d) {
    if (!isValid(d)) return toIso(d);
    const auto day = static_cast<Str>(static_cast<int>(Str::Monday) + weekday(d));
    const auto month = static_cast<Str>(static_cast<int>(Str::January) + d.month - 1);
    std::string out = tr(day);
    out += ' ';
    out += d.day == 1 ? std::string(tr(Str::FirstOfMonth)) : std::to_string(d.day);
    out += ' ';
    out += tr(month);
    out += ' ';
    out += std::to_string(d.year);
    return out;
}

std::string formatTimeFr(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02dh%02d", minutes / 60, minutes % 60);
    return buf;
}

namespace {

/// The last Sunday of `month` in `year`.
Date lastSunday(int year, int month) {
    Date d{year, month, 31};
    while (!isValid(d)) --d.day;
    while (weekday(d) != 6) --d.day;  // weekday(): 0 is Monday
    return d;
}

}  // namespace

std::string formatUtcStampFr(std::string_view iso) {
    // "YYYY-MM-DDTHH:MM[:SS]Z"
    if (iso.size() < 17 || iso[10] != 'T' || iso.back() != 'Z') return std::string(iso);
    const auto date = parseIso(iso.substr(0, 10));
    const auto hh = iso.substr(11, 2), mm = iso.substr(14, 2);
    if (!date || iso[13] != ':' || !std::isdigit(static_cast<unsigned char>(hh[0])) ||
        !std::isdigit(static_cast<unsigned char>(hh[1])) || !std::isdigit(static_cast<unsigned char>(mm[0])) ||
        !std::isdigit(static_cast<unsigned char>(mm[1])))
        return std::string(iso);
    const int utcMinutes = ((hh[0] - '0') * 10 + (hh[1] - '0')) * 60 + (mm[0] - '0') * 10 + (mm[1] - '0');
    if (utcMinutes >= 24 * 60) return std::string(iso);
    // Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    const long day = daysSinceEpoch(*date);
    const long start = daysSinceEpoch(lastSunday(date->year, 3)), end = daysSinceEpoch(lastSunday(date->year, 10));
    const long minuteOfYear = day * 1440 + utcMinutes;
    const bool summer = minuteOfYear >= start * 1440 + 60 && minuteOfYear < end * 1440 + 60;
    long local = minuteOfYear + (summer ? 120 : 60);
    Date d = *date;
    if (local / 1440 > day) {  // past midnight in France: the next day
        Date next = d;
        ++next.day;
        if (!isValid(next)) next = Date{d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1};
        d = next;
    }
    return fmt(Str::DateAtTime, {formatLongFr(d), formatTimeFr(static_cast<int>(local % 1440))});
}

std::optional<int> parseTime(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    int h = 0, m = 0;
    const auto sep = text.find_first_of("hH:");
    const auto hours = text.substr(0, sep);
    const auto minutes = sep == std::string_view::npos ? std::string_view() : text.substr(sep + 1);
    if (hours.empty() || hours.size() > 2 || !parseDigits(hours, h)) return std::nullopt;
    if (!minutes.empty() && (minutes.size() != 2 || !parseDigits(minutes, m))) return std::nullopt;
    if (sep != std::string_view::npos && text[sep] == ':' && minutes.empty()) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

}  // namespace atelier
