// Charts of the documents (issue 36): what a chart shows (ChartSpec, data only), laid out into shapes in points
// (Chart: rectangles, lines, discs, text) that the HTML writes as inline SVG and the PDF draws as vectors, and the
// same numbers in text (for screen readers and for people who print in grey). Pure C++: no file, no font file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive.h"

namespace atelier::exporting {

// [SECTION] What a chart shows

/// One bar: a Cité's or an institution's people, or a vote's option with its rank.
struct ChartBar {
    std::string label;
    long long value = 0;
    std::string valueText;  // how the value reads (« 12 », « 3 approbations »)
    int rank = 0;           // a vote's option: 1-based, shared within a tie; 0 for a count
    bool tied = false;      // shares its rank with another option
};

/// One merit profile: an option of a majority-judgment vote (or a question of the evaluation).
struct ChartProfile {
    std::string label;
    int rank = 0;                 // 0: no rank (a question of the evaluation)
    bool tied = false;
    std::vector<long long> profile;  // [grade] = voters giving it, worst grade first
    int median = -1;                 // the majority grade, -1 without any answer
};

/// A cell of the booklet's follow-up matrix: what a Cité did with a practice.
enum class FollowUpMark { None, Interested, Tried, Adopted, Abandoned };

/// What a chart shows, without any geometry.
struct ChartSpec {
    enum class Kind { Bars, Ranking, MeritProfiles, Empty, Matrix };
    Kind kind = Kind::Bars;
    std::string title;  // what the chart shows, for the SVG's title and the screen reader
    std::vector<ChartBar> bars;           // Bars (counts), Ranking (a vote's options in ranking order)
    std::vector<std::string> grades;      // MeritProfiles: the scale, worst first
    std::vector<ChartProfile> profiles;   // MeritProfiles
    std::string message;                  // Empty: « Aucun bulletin »
    std::vector<std::string> rows;        // Matrix: the Cités
    std::vector<std::string> columns;     // Matrix: the practices (numbered 1… in the chart)
    std::vector<std::vector<FollowUpMark>> cells;  // Matrix: [row][column]
};

/// A count by label as bars, largest first as given.
ChartSpec barsSpec(std::string title, const std::vector<std::pair<std::string, int>>& counts);
/// A counted vote as its chart: the merit profiles of a majority judgment, bars for the other methods (winners
/// marked, ties as ties), « Aucun bulletin » when nobody voted. Re-counts the vote's ballots for the profiles.
ChartSpec voteSpec(const Vote& vote, const ArchivedResult& result);

/// The numbers of the chart in text, one line each (« Amiens : 4 », « 1. Café des parents — Très bien : … »).
std::vector<std::string> chartNumbers(const ChartSpec& spec);

// [SECTION] Laid out

/// An RGB colour of the charts' palette.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};
/// The documents' ink, muted ink and brand blue (the projector's), shared by the charts and the PDF's text.
inline constexpr Rgb kInk{17, 17, 17};
inline constexpr Rgb kMutedInk{85, 85, 85};
inline constexpr Rgb kBrand{0, 62, 140};

/// One shape of a laid-out chart, in points from the chart's top left corner (y downwards).
struct ChartShape {
    enum class Kind { Rect, Line, Disc, Ring, HalfDisc, Text };
    Kind kind = Kind::Rect;
    double x = 0, y = 0;   // Rect: top left; Line: start; Disc, Ring, HalfDisc: centre; Text: baseline start (or middle/end)
    double w = 0, h = 0;   // Rect: size; Line: the end minus the start; Disc, Ring, HalfDisc: w is the radius
    Rgb colour;            // fill (Rect, Disc, HalfDisc, Text) or stroke (Line, Ring)
    double stroke = 0;     // Line, Ring, HalfDisc's outline: width
    bool dashed = false;   // Line
    std::string text;      // Text
    double size = 0;       // Text: font size
    bool bold = false;     // Text
    int anchor = 0;        // Text: 0 start, 1 middle, 2 end
};

/// A chart laid out: its size in points and its shapes, in drawing order.
struct Chart {
    double width = 0, height = 0;
    std::string title;
    std::vector<ChartShape> shapes;
    bool numbersDrawn = false;  // every number of chartNumbers is written in the chart itself
};

/// The width of `text` at `size` points in DejaVu Sans (bold or not).
using TextMeasure = std::function<double(std::string_view text, double size, bool bold)>;
/// A close estimate of DejaVu Sans' widths (slightly wide, so that a line laid out with it fits the real font).
double estimateTextWidth(std::string_view text, double size, bool bold);

/// `text` in lines no wider than `width` (between words; a word too long for a line is cut between characters).
std::vector<std::string> wrapText(std::string_view text, double width, double size, bool bold, const TextMeasure& measure);

/// `spec` laid out `width` points wide, text measured with `measure`.
Chart layoutChart(const ChartSpec& spec, double width, const TextMeasure& measure = estimateTextWidth);

/// `chart` as an inline SVG element (its texts escaped), scaled to the width of its container.
std::string chartSvg(const Chart& chart);
/// The chart for an HTML document: its SVG, then its numbers in text (kept for screen readers only when the chart
/// writes them all, left out when `numbersBeside`: the document writes them next to the chart).
std::string chartHtml(const ChartSpec& spec, bool numbersBeside = false);

/// The width of an A4 page's text block in points (what the charts of the documents are laid out to).
inline constexpr double kChartWidth = 450.0;

}  // namespace atelier::exporting
