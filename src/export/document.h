// A printable document as a list of blocks (headings, paragraphs, lists, tables, charts, photos), made from the
// summary of an étape or from the booklet, and laid out on A4 by export/pdf.h. Values only: no layout here.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "export/charts.h"

namespace atelier::exporting {

struct BookletInput;

/// A table: its header (repeated on each page the table runs onto), its rows, the share of the width of each column.
struct DocTable {
    std::vector<std::string> header;  // empty: no header row
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;  // shares of the text width, one per column (empty: equal columns)
    double minRowHeight = 0;     // points: room to sign (the attendance sheet)
    size_t keepLast = 0;         // the last rows kept together on one page (the attendance sheet's blank rows)
};

/// One block of a document, in reading order.
struct DocBlock {
    enum class Kind { Heading, Paragraph, Note, List, Table, Chart, Photo, PageBreak };
    Kind kind = Kind::Paragraph;
    int level = 1;              // Heading: 1 (a part: in the contents and the bookmarks), 2 (in the bookmarks), 3
    std::string text;           // Heading, Paragraph, Note; Photo: its caption
    std::vector<std::string> items;  // List
    DocTable table;             // Table
    ChartSpec chart;            // Chart
    bool chartNumbers = true;   // Chart: write its numbers in text under it (false: the document has them beside)
    std::string photo;          // Photo: its path as the model names it ("photos/cafe.jpg")
};

/// A document: its metadata, its cover lines and its blocks.
struct Document {
    std::string title;                   // the PDF's title (and the footer's)
    std::string author;                  // the organiser (the PDF's author)
    std::string kicker;                  // above the title on the first page (the Tour's name)
    std::vector<std::string> cover;      // lines under the title (host, theme, venue…)
    bool coverPage = false;              // the title has a page of its own (the booklet)
    bool contents = true;                // a table of contents (with page numbers) after the title
    std::vector<DocBlock> blocks;
};

/// The summary of an étape as a document: the same walk as synthese.html (photos in `shown` drawn, others named).
Document summaryDocument(const EtapeArchive& archive, const std::set<std::string>& shown = {});
/// The attendance sheet and the fee statement of an étape as documents (the same content as their HTML).
Document attendanceSheetDocument(const Model& model, const Etape& etape);
Document feeStatementDocument(const Model& model, const Etape& etape);

/// The host's actions-phares and the evaluation of the day, as in the summary, appended to `d` one heading level
/// down (the booklet's étape chapters).
void appendActionsPhares(Document& d, const EtapeArchive& archive, const std::set<std::string>& shown);
void appendEvaluation(Document& d, const EtapeArchive& archive);
/// The booklet as a document: cover, contents, a chapter per étape, practices (with the follow-up matrix),
/// participation (bars and tables), the Cités that hosted.
Document bookletDocument(const BookletInput& input);

}  // namespace atelier::exporting
