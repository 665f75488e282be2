// [SECTION] Specs: what a chart shows
// [SECTION] Numbers in text
// [SECTION] Measuring and wrapping
// [SECTION] Layout
// [SECTION] SVG

#include "export/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/enums.h"
#include "core/strings.h"
#include "core/tally.h"
#include "core/text.h"
#include "export/html.h"

namespace atelier::exporting {

namespace {

// The charts' own colours (ink, muted ink and blue: charts.h). The grades run from dark red to dark green, as on
// the projector.
constexpr Rgb kTrack{232, 237, 245};
constexpr Rgb kAccent{217, 72, 15};
constexpr Rgb kRule{150, 150, 150};
constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kAdopted{43, 138, 62};
constexpr Rgb kTried{200, 110, 0};
constexpr Rgb kAbandoned{110, 110, 110};
constexpr Rgb kGrades[] = {{150, 20, 30}, {215, 60, 40}, {240, 140, 40}, {245, 205, 60},
                           {160, 205, 90}, {70, 160, 80}, {20, 110, 60}};

Rgb gradeColour(size_t g, size_t n) {
    if (n <= 1) return kGrades[6];
    const long i = std::lround(6.0 * static_cast<double>(g) / static_cast<double>(n - 1));
    return kGrades[std::clamp(i, 0L, 6L)];
}

/// Relative luminance (WCAG) of a colour.
double luminance(Rgb c) {
    auto channel = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/// Ink or white, whichever contrasts more with `background`.
Rgb textOn(Rgb background) {
    const double l = luminance(background);
    return (l + 0.05) / (luminance(kInk) + 0.05) >= (1.05) / (l + 0.05) ? kInk : kWhite;
}

// [SECTION] Specs: what a chart shows

std::string rankPrefix(int rank) { return rank > 0 ? std::to_string(rank) + ". " : ""; }

/// « 1. Café des parents — en tête, ex æquo »: the label of a ranked row as written in the chart and in text.
std::string rankedLabel(const std::string& label, int rank, bool tied) {
    std::string out = rankPrefix(rank) + label;
    if (rank == 1) out += " — " + std::string(tr(tied ? Str::ChartWinnersTied : Str::ChartWinner));
    else if (tied) out += " (" + std::string(tr(Str::ChartTied)) + ")";
    return out;
}

std::string plural(long long n, Str one, Str many) { return fmt(n > 1 ? many : one, {std::to_string(n)}); }

}  // namespace

ChartSpec barsSpec(std::string title, const std::vector<std::pair<std::string, int>>& counts) {
    ChartSpec spec{ChartSpec::Kind::Bars, std::move(title)};
    for (const auto& [label, n] : counts) spec.bars.push_back({label, n, std::to_string(n)});
    return spec;
}

ChartSpec voteSpec(const Vote& vote, const ArchivedResult& r) {
    ChartSpec spec;
    spec.title = vote.setup.question;
    if (!r.counted || r.ballots == 0) {
        spec.kind = ChartSpec::Kind::Empty;
        spec.message = tr(r.counted ? Str::ChartNoBallot : Str::ChartNotCounted);
        return spec;
    }
    auto name = [&](int option) {
        return option >= 0 && option < static_cast<int>(vote.setup.options.size())
                   ? vote.setup.options[static_cast<size_t>(option)]
                   : std::string("?");
    };
    std::vector<std::vector<long long>> profiles;
    std::vector<int> medians;
    if (vote.setup.method == VoteMethod::Majority) {
        // The archive keeps the ranking and the medians; the profiles come from its ballots, counted again.
        const TallyOutcome t = tally(vote.election());
        if (t.ok && t.result.meritProfile.size() == vote.setup.options.size()) {
            profiles = t.result.meritProfile;
            medians = t.result.medians;
        }
        spec.kind = profiles.empty() ? ChartSpec::Kind::Ranking : ChartSpec::Kind::MeritProfiles;
        spec.grades = r.grades;
    } else {
        spec.kind = ChartSpec::Kind::Ranking;
    }
    int rank = 1;
    for (const auto& tier : r.ranking) {
        for (int option : tier) {
            const bool tied = tier.size() > 1;
            const long long score =
                option >= 0 && option < static_cast<int>(r.scores.size()) ? r.scores[static_cast<size_t>(option)] : 0;
            if (spec.kind == ChartSpec::Kind::MeritProfiles) {
                const bool known = option >= 0 && option < static_cast<int>(profiles.size());  // never out of range
                spec.profiles.push_back({name(option), rank, tied,
                                         known ? profiles[static_cast<size_t>(option)] : std::vector<long long>{},
                                         known ? medians[static_cast<size_t>(option)] : -1});
                continue;
            }
            std::string valueText;
            switch (vote.setup.method) {
            case VoteMethod::Majority:
                valueText = score >= 0 && score < static_cast<long long>(r.grades.size()) ? r.grades[static_cast<size_t>(score)] : "";
                break;
            case VoteMethod::Schulze: valueText = plural(score, Str::ChartBeatsOne, Str::ChartBeatsMany); break;
            case VoteMethod::Approval: valueText = plural(score, Str::ChartApprovalsOne, Str::ChartApprovalsMany); break;
            case VoteMethod::Dot: valueText = plural(score, Str::ChartDotsOne, Str::ChartDotsMany); break;
            case VoteMethod::Borda: valueText = plural(score, Str::ChartPointsOne, Str::ChartPointsMany); break;
            }
            // A majority grade counted without its ballots: its bar is its grade on the scale.
            const long long value = vote.setup.method == VoteMethod::Majority ? score + 1 : score;
            spec.bars.push_back({name(option), value, valueText, rank, tied});
        }
        rank += static_cast<int>(tier.size());
    }
    return spec;
}

// [SECTION] Numbers in text

std::vector<std::string> chartNumbers(const ChartSpec& spec) {
    std::vector<std::string> out;
    switch (spec.kind) {
    case ChartSpec::Kind::Bars:
    case ChartSpec::Kind::Ranking:
        for (const ChartBar& b : spec.bars)
            out.push_back(rankedLabel(b.label, b.rank, b.tied) + kNbsp + ": " + b.valueText);
        break;
    case ChartSpec::Kind::MeritProfiles:
        for (const ChartProfile& p : spec.profiles) {
            std::string line = rankedLabel(p.label, p.rank, p.tied);
            if (p.median >= 0 && p.median < static_cast<int>(spec.grades.size()))
                line += " — " + fmt(Str::ChartMajorityGrade, {spec.grades[static_cast<size_t>(p.median)]});
            std::string counts;
            for (size_t g = p.profile.size(); g-- > 0;)  // best grade first, as one reads a scale
                if (g < spec.grades.size())
                    counts += (counts.empty() ? "" : ", ") + spec.grades[g] + kNbsp + ": " + std::to_string(p.profile[g]);
            out.push_back(line + (counts.empty() ? "" : " (" + counts + ")"));
        }
        break;
    case ChartSpec::Kind::Empty: out.push_back(spec.message); break;
    case ChartSpec::Kind::Matrix:
        for (size_t c = 0; c < spec.columns.size(); ++c) {
            std::string line = std::to_string(c + 1) + ". " + spec.columns[c];
            std::string marks;
            for (FollowUpMark mark : {FollowUpMark::Adopted, FollowUpMark::Tried, FollowUpMark::Abandoned,
                                      FollowUpMark::Interested}) {
                std::string cites;
                for (size_t r = 0; r < spec.rows.size(); ++r)
                    if (r < spec.cells.size() && c < spec.cells[r].size() && spec.cells[r][c] == mark)
                        cites += (cites.empty() ? "" : ", ") + spec.rows[r];
                if (cites.empty()) continue;
                const Str label = mark == FollowUpMark::Adopted     ? Str::ChartMarkAdopted
                                  : mark == FollowUpMark::Tried     ? Str::ChartMarkTried
                                  : mark == FollowUpMark::Abandoned ? Str::ChartMarkAbandoned
                                                                    : Str::ChartMarkInterested;
                marks += (marks.empty() ? "" : " ; ") + std::string(tr(label)) + kNbsp + ": " + cites;
            }
            out.push_back(line + " — " + (marks.empty() ? std::string(tr(Str::ChartNoFollowUp)) : marks));
        }
        break;
    }
    return out;
}

// [SECTION] Measuring and wrapping

double estimateTextWidth(std::string_view text, double size, bool bold) {
    double em = 0;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c < 0x80) {
            if (std::string_view(" .,:;'!|ijlIft()[]").find(static_cast<char>(c)) != std::string_view::npos) em += 0.36;
            else if (std::string_view("mwMW@%").find(static_cast<char>(c)) != std::string_view::npos) em += 0.98;
            else if (c >= 'A' && c <= 'Z') em += 0.76;
            else em += 0.64;
        } else {
            em += 0.7;  // accented letters, « », €, œ, …
        }
        i += len;
    }
    return em * size * (bold ? 1.1 : 1.0);
}

namespace {

/// The length in bytes of the UTF-8 character that begins at text[i].
size_t charLength(std::string_view text, size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return std::min(len, text.size() - i);
}

}  // namespace

std::vector<std::string> wrapText(std::string_view text, double width, double size, bool bold, const TextMeasure& measure) {
    std::vector<std::string> lines;
    std::string line;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t end = text.find(' ', i);
        if (end == std::string_view::npos) end = text.size();
        std::string word(text.substr(i, end - i));
        i = end;
        if (word.empty()) continue;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (measure(candidate, size, bold) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        // The word alone: cut it between characters while it is wider than a line.
        while (measure(word, size, bold) > width) {
            size_t cut = 0;
            while (cut < word.size()) {
                const size_t next = cut + charLength(word, cut);
                if (cut > 0 && measure(std::string_view(word).substr(0, next), size, bold) > width) break;
                cut = next;
            }
            lines.push_back(word.substr(0, cut));
            word.erase(0, cut);
        }
        line = word;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

namespace {

std::vector<std::string> wrap(std::string_view text, double width, double size, bool bold, const TextMeasure& measure) {
    return wrapText(text, width, size, bold, measure);
}

// [SECTION] Layout

constexpr double kFont = 8.5;       // text of the charts
constexpr double kLine = 10.5;      // line height
constexpr double kBar = 10.0;       // a bar's height
constexpr double kRowGap = 4.0;

ChartShape rect(double x, double y, double w, double h, Rgb c) {
    ChartShape s;
    s.kind = ChartShape::Kind::Rect;
    s.x = x, s.y = y, s.w = w, s.h = h, s.colour = c;
    return s;
}
ChartShape line(double x, double y, double dx, double dy, Rgb c, double width, bool dashed = false) {
    ChartShape s;
    s.kind = ChartShape::Kind::Line;
    s.x = x, s.y = y, s.w = dx, s.h = dy, s.colour = c, s.stroke = width, s.dashed = dashed;
    return s;
}
ChartShape text(double x, double y, std::string t, Rgb c, double size = kFont, bool bold = false, int anchor = 0) {
    ChartShape s;
    s.kind = ChartShape::Kind::Text;
    s.x = x, s.y = y, s.text = std::move(t), s.colour = c, s.size = size, s.bold = bold, s.anchor = anchor;
    return s;
}
ChartShape mark(ChartShape::Kind kind, double cx, double cy, double radius, Rgb c) {
    ChartShape s;
    s.kind = kind;
    s.x = cx, s.y = cy, s.w = radius, s.colour = c, s.stroke = 1.2;
    return s;
}

/// Wrapped lines of a label written from (x, top), returning the height they take.
double writeLines(Chart& chart, const std::vector<std::string>& lines, double x, double top, bool bold, Rgb c,
                  double size = kFont) {
    double y = top;
    for (const std::string& l : lines) {
        chart.shapes.push_back(text(x, y + size * 0.95, l, c, size, bold));
        y += size * 1.24;
    }
    return y - top;
}

/// The width of the label column: the widest label, at most `share` of the chart.
double labelColumn(const std::vector<std::string>& labels, double width, double share, bool bold, const TextMeasure& measure) {
    double widest = 0;
    for (const std::string& l : labels) widest = std::max(widest, measure(l, kFont, bold));
    return std::min(widest + 8, width * share);
}

void layoutBars(const ChartSpec& spec, Chart& chart, const TextMeasure& measure) {
    const double width = chart.width;
    std::vector<std::string> labels;
    double valueWidth = 0;
    long long best = 0;
    for (const ChartBar& b : spec.bars) {
        labels.push_back(rankedLabel(b.label, b.rank, b.tied));
        valueWidth = std::max(valueWidth, measure(b.valueText, kFont, true));
        best = std::max(best, b.value);
    }
    const double labelWidth = labelColumn(labels, width, 0.42, true, measure);
    const double barLeft = labelWidth, barRight = width - valueWidth - 6;
    double y = 0;
    for (size_t i = 0; i < spec.bars.size(); ++i) {
        const ChartBar& b = spec.bars[i];
        const bool winner = b.rank == 1;
        const std::vector<std::string> lines = wrap(labels[i], labelWidth - 8, kFont, winner, measure);
        const double labelHeight = static_cast<double>(lines.size()) * kFont * 1.24;
        const double rowHeight = std::max(labelHeight, kBar + 2);
        writeLines(chart, lines, 0, y + (rowHeight - labelHeight) / 2, winner, kInk);
        const double barTop = y + (rowHeight - kBar) / 2;
        chart.shapes.push_back(rect(barLeft, barTop, barRight - barLeft, kBar, kTrack));
        const double share = best > 0 ? static_cast<double>(std::max(0LL, b.value)) / static_cast<double>(best) : 0;
        const double w = (barRight - barLeft) * share;
        if (w > 0) chart.shapes.push_back(rect(barLeft, barTop, w, kBar, winner ? kAccent : kBrand));
        chart.shapes.push_back(text(barRight + 4, barTop + kBar * 0.82, b.valueText, kInk, kFont, winner));
        y += rowHeight + kRowGap;
    }
    chart.height = std::max(0.0, y - kRowGap) + 1;
    chart.numbersDrawn = true;
}

/// The legend of a scale: a swatch and the grade's name for each grade, worst first as in the bars, wrapped into lines.
double layoutGradeLegend(const std::vector<std::string>& grades, Chart& chart, const TextMeasure& measure) {
    double x = 0, y = 0;
    const double swatch = 8;
    for (size_t g = 0; g < grades.size(); ++g) {
        const double w = swatch + 3 + measure(grades[g], kFont, false) + 10;
        if (x > 0 && x + w > chart.width) x = 0, y += kLine;
        chart.shapes.push_back(rect(x, y + 1, swatch, swatch, gradeColour(g, grades.size())));
        chart.shapes.push_back(text(x + swatch + 3, y + 8.5, grades[g], kInk));
        x += w;
    }
    return y + kLine + 4;
}

void layoutProfiles(const ChartSpec& spec, Chart& chart, const TextMeasure& measure) {
    const double width = chart.width;
    double y = layoutGradeLegend(spec.grades, chart, measure);
    std::vector<std::string> labels;
    bool named = false;  // a question of the evaluation has one unnamed profile: the bar takes the whole width
    for (const ChartProfile& p : spec.profiles) {
        labels.push_back(rankedLabel(p.label, p.rank, p.tied));
        named = named || !labels.back().empty();
    }
    const double labelWidth = named ? std::max(labelColumn(labels, width, 0.38, true, measure), width * 0.2) : 0;
    const double barLeft = labelWidth, barWidth = width - labelWidth - 1;
    const double top = y;
    for (size_t i = 0; i < spec.profiles.size(); ++i) {
        const ChartProfile& p = spec.profiles[i];
        const bool winner = p.rank == 1;
        std::vector<std::string> lines, grade;
        if (named) lines = wrap(labels[i], labelWidth - 8, kFont, winner, measure);
        if (named && p.median >= 0 && p.median < static_cast<int>(spec.grades.size()))
            grade = wrap(fmt(Str::ChartMajorityGrade, {spec.grades[static_cast<size_t>(p.median)]}), labelWidth - 8,
                         kFont - 1, false, measure);
        const double labelHeight = static_cast<double>(lines.size()) * kFont * 1.24 +
                                   static_cast<double>(grade.size()) * (kFont - 1) * 1.24;
        const double bar = kBar + 4;
        const double rowHeight = std::max(labelHeight, bar + 2);
        const double labelTop = y + (rowHeight - labelHeight) / 2;
        const double used = writeLines(chart, lines, 0, labelTop, winner, kInk);
        writeLines(chart, grade, 0, labelTop + used, false, kMutedInk, kFont - 1);
        const double barTop = y + (rowHeight - bar) / 2;
        long long total = 0;
        for (long long c : p.profile) total += c;
        double x = barLeft;
        if (total == 0) chart.shapes.push_back(rect(barLeft, barTop, barWidth, bar, kTrack));
        for (size_t g = 0; g < p.profile.size() && total > 0; ++g) {
            if (p.profile[g] <= 0) continue;
            const double w = barWidth * static_cast<double>(p.profile[g]) / static_cast<double>(total);
            const Rgb c = gradeColour(g, spec.grades.size());
            chart.shapes.push_back(rect(x, barTop, w, bar, c));
            const std::string count = std::to_string(p.profile[g]);
            if (measure(count, kFont - 0.5, true) + 4 <= w)
                chart.shapes.push_back(text(x + w / 2, barTop + bar * 0.75, count, textOn(c), kFont - 0.5, true, 1));
            x += w;
        }
        y += rowHeight + kRowGap;
    }
    // The median voter: a dashed line across every bar at half the ballots.
    if (!spec.profiles.empty()) {
        const double mid = barLeft + barWidth / 2;
        chart.shapes.push_back(line(mid, top - 3, 0, y - kRowGap - top + 6, kInk, 1.2, true));
        chart.shapes.push_back(text(mid, y - kRowGap + 3 + kFont, tr(Str::ChartMedian), kMutedInk, kFont - 1, false, 1));
        y += kFont + 2;
    }
    chart.height = std::max(0.0, y - kRowGap) + 2;
}

void layoutEmpty(const ChartSpec& spec, Chart& chart, const TextMeasure& measure) {
    const std::vector<std::string> lines = wrap(spec.message, chart.width - 16, kFont + 1, true, measure);
    const double h = static_cast<double>(lines.size()) * (kFont + 1) * 1.24 + 12;
    chart.shapes.push_back(rect(0, 0, chart.width, h, kTrack));
    writeLines(chart, lines, 8, 6, true, kMutedInk, kFont + 1);
    chart.height = h;
    chart.numbersDrawn = true;
}

/// A follow-up mark drawn at (cx, cy): a ring (interested), half a disc (tried), a disc (adopted), a cross
/// (abandoned) — shapes that read in black and white, each in its colour.
void drawMark(Chart& chart, FollowUpMark m, double cx, double cy, double r) {
    switch (m) {
    case FollowUpMark::None: break;
    case FollowUpMark::Interested: chart.shapes.push_back(mark(ChartShape::Kind::Ring, cx, cy, r, kBrand)); break;
    case FollowUpMark::Tried: chart.shapes.push_back(mark(ChartShape::Kind::HalfDisc, cx, cy, r, kTried)); break;
    case FollowUpMark::Adopted: chart.shapes.push_back(mark(ChartShape::Kind::Disc, cx, cy, r, kAdopted)); break;
    case FollowUpMark::Abandoned:
        chart.shapes.push_back(line(cx - r, cy - r, 2 * r, 2 * r, kAbandoned, 1.6));
        chart.shapes.push_back(line(cx - r, cy + r, 2 * r, -2 * r, kAbandoned, 1.6));
        break;
    }
}

void layoutMatrix(const ChartSpec& spec, Chart& chart, const TextMeasure& measure) {
    const double width = chart.width, cell = 17;
    // The legend first: each mark and its word.
    double x = 0, y = 0;
    const std::pair<FollowUpMark, Str> legend[] = {{FollowUpMark::Adopted, Str::ChartMarkAdopted},
                                                   {FollowUpMark::Tried, Str::ChartMarkTried},
                                                   {FollowUpMark::Abandoned, Str::ChartMarkAbandoned},
                                                   {FollowUpMark::Interested, Str::ChartMarkInterested}};
    for (const auto& [m, label] : legend) {
        const double w = 14 + measure(tr(label), kFont, false) + 12;
        if (x > 0 && x + w > width) x = 0, y += kLine + 2;
        drawMark(chart, m, x + 5, y + 5.5, 4.5);
        chart.shapes.push_back(text(x + 14, y + 8.5, tr(label), kInk));
        x += w;
    }
    y += kLine + 8;
    const double labelWidth = labelColumn(spec.rows, width, 0.4, false, measure);
    const size_t perBlock = std::max<size_t>(1, static_cast<size_t>((width - labelWidth) / cell));
    for (size_t first = 0; first < spec.columns.size(); first += perBlock) {
        const size_t last = std::min(spec.columns.size(), first + perBlock);
        // The practices' numbers over their columns.
        for (size_t c = first; c < last; ++c)
            chart.shapes.push_back(text(labelWidth + (static_cast<double>(c - first) + 0.5) * cell, y + 9,
                                        std::to_string(c + 1), kInk, kFont, true, 1));
        y += 13;
        chart.shapes.push_back(line(0, y, labelWidth + static_cast<double>(last - first) * cell, 0, kRule, 0.6));
        for (size_t r = 0; r < spec.rows.size(); ++r) {
            const std::vector<std::string> lines = wrap(spec.rows[r], labelWidth - 6, kFont, false, measure);
            const double h = std::max(cell, static_cast<double>(lines.size()) * kFont * 1.24 + 4);
            writeLines(chart, lines, 0, y + (h - static_cast<double>(lines.size()) * kFont * 1.24) / 2, false, kInk);
            for (size_t c = first; c < last; ++c) {
                const FollowUpMark m = r < spec.cells.size() && c < spec.cells[r].size() ? spec.cells[r][c] : FollowUpMark::None;
                drawMark(chart, m, labelWidth + (static_cast<double>(c - first) + 0.5) * cell, y + h / 2, 5);
            }
            y += h;
            chart.shapes.push_back(line(0, y, labelWidth + static_cast<double>(last - first) * cell, 0, kRule, 0.4));
        }
        y += 10;
    }
    chart.height = y;
}

// [SECTION] SVG

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::abs(v) < 0.05 ? 0.0 : v);
    return buffer;
}

std::string colour(Rgb c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
    return buffer;
}

}  // namespace

Chart layoutChart(const ChartSpec& spec, double width, const TextMeasure& measure) {
    Chart chart;
    chart.width = width;
    chart.title = spec.title;
    switch (spec.kind) {
    case ChartSpec::Kind::Bars:
    case ChartSpec::Kind::Ranking: layoutBars(spec, chart, measure); break;
    case ChartSpec::Kind::MeritProfiles: layoutProfiles(spec, chart, measure); break;
    case ChartSpec::Kind::Empty: layoutEmpty(spec, chart, measure); break;
    case ChartSpec::Kind::Matrix: layoutMatrix(spec, chart, measure); break;
    }
    return chart;
}

std::string chartSvg(const Chart& chart) {
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 " + number(chart.width) +
                      " " + number(chart.height) + "\" role=\"img\" font-family=\"DejaVu Sans, Verdana, sans-serif\"><title>" +
                      escape(chart.title) + "</title>";
    for (const ChartShape& s : chart.shapes) {
        switch (s.kind) {
        case ChartShape::Kind::Rect:
            out += "<rect x=\"" + number(s.x) + "\" y=\"" + number(s.y) + "\" width=\"" + number(s.w) + "\" height=\"" +
                   number(s.h) + "\" fill=\"" + colour(s.colour) + "\"/>";
            break;
        case ChartShape::Kind::Line:
            out += "<line x1=\"" + number(s.x) + "\" y1=\"" + number(s.y) + "\" x2=\"" + number(s.x + s.w) + "\" y2=\"" +
                   number(s.y + s.h) + "\" stroke=\"" + colour(s.colour) + "\" stroke-width=\"" + number(s.stroke) + "\"" +
                   (s.dashed ? " stroke-dasharray=\"3 2\"" : "") + "/>";
            break;
        case ChartShape::Kind::Disc:
            out += "<circle cx=\"" + number(s.x) + "\" cy=\"" + number(s.y) + "\" r=\"" + number(s.w) + "\" fill=\"" +
                   colour(s.colour) + "\"/>";
            break;
        case ChartShape::Kind::Ring:
            out += "<circle cx=\"" + number(s.x) + "\" cy=\"" + number(s.y) + "\" r=\"" + number(s.w - s.stroke / 2) +
                   "\" fill=\"none\" stroke=\"" + colour(s.colour) + "\" stroke-width=\"" + number(s.stroke) + "\"/>";
            break;
        case ChartShape::Kind::HalfDisc:  // the left half filled, the whole circle outlined
            out += "<path d=\"M" + number(s.x) + " " + number(s.y - s.w) + " A" + number(s.w) + " " + number(s.w) +
                   " 0 0 0 " + number(s.x) + " " + number(s.y + s.w) + " Z\" fill=\"" + colour(s.colour) + "\"/>";
            out += "<circle cx=\"" + number(s.x) + "\" cy=\"" + number(s.y) + "\" r=\"" + number(s.w - s.stroke / 2) +
                   "\" fill=\"none\" stroke=\"" + colour(s.colour) + "\" stroke-width=\"" + number(s.stroke) + "\"/>";
            break;
        case ChartShape::Kind::Text:
            out += "<text x=\"" + number(s.x) + "\" y=\"" + number(s.y) + "\" font-size=\"" + number(s.size) + "\"" +
                   (s.bold ? " font-weight=\"bold\"" : "") +
                   (s.anchor == 1 ? " text-anchor=\"middle\"" : s.anchor == 2 ? " text-anchor=\"end\"" : "") + " fill=\"" +
                   colour(s.colour) + "\">" + escape(s.text) + "</text>";
            break;
        }
    }
    return out + "</svg>";
}

std::string chartHtml(const ChartSpec& spec, bool numbersBeside) {
    const Chart chart = layoutChart(spec, kChartWidth);
    std::string out = "<figure class=\"chart\">" + chartSvg(chart);
    if (numbersBeside) return out + "</figure>\n";
    const std::vector<std::string> numbers = chartNumbers(spec);
    out += std::string("<ul class=\"chart-numbers") + (chart.numbersDrawn ? " sr-only" : "") + "\">";
    for (const std::string& n : numbers) out += "<li>" + escape(n) + "</li>";
    return out + "</ul></figure>\n";
}

}  // namespace atelier::exporting
