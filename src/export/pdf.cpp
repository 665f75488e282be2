// [SECTION] libharu: the document, its fonts, its errors
// [SECTION] Drawing on a page
// [SECTION] The flow: blocks onto pages
// [SECTION] Front matter: title, contents
// [SECTION] Entry points

#include "export/pdf.h"

#include <hpdf.h>
#include <stb_image.h>  // the implementation: Debian's libstb (atelier::stb); on Windows, vendor/windows.cmake's

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#ifdef _WIN32
#include <windows.h>
#endif

#include "core/strings.h"
#include "core/text.h"

namespace atelier::exporting {

namespace {

// [SECTION] libharu: the document, its fonts, its errors

constexpr Rgb kHeaderFill{228, 235, 245};
constexpr Rgb kRuleGrey{119, 119, 119};

constexpr double kBody = 10.0, kBodyLine = 13.2;
constexpr double kNote = 8.8, kNoteLine = 11.4;
constexpr double kCell = 8.8, kCellLine = 11.0, kCellPad = 3.0;
constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
constexpr double kBottom = kPageHeight - kMarginBottom;  // the lowest a line may reach, from the top
constexpr double kPhotoMaxHeight = 270.0;                // 95 mm, as in the HTML

/// The first error libharu reported (its handler cannot throw through C).
struct HaruError {
    HPDF_STATUS code = 0, detail = 0;
};
void onHaruError(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
    auto* e = static_cast<HaruError*>(data);
    if (e->code == 0) e->code = code, e->detail = detail;
}

struct DocFree {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocHandle = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree>;

struct Fonts {
    HPDF_Font regular = nullptr, bold = nullptr;
    HPDF_Font of(bool b) const { return b ? bold : regular; }
};

double widthOf(const Fonts& f, std::string_view text, double size, bool bold) {
    if (text.empty()) return 0;
    const HPDF_TextWidth w =
        HPDF_Font_TextWidth(f.of(bold), reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    return static_cast<double>(w.width) * size / 1000.0;
}

/// The heading of the contents and the bookmarks: its text, level, page (0-based, body pages) and height on it.
struct Mark {
    std::string text;
    int level = 1;
    size_t page = 0;
    double y = 0;
};

// [SECTION] Drawing on a page

void setFill(HPDF_Page p, Rgb c) { HPDF_Page_SetRGBFill(p, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f); }
void setStroke(HPDF_Page p, Rgb c) { HPDF_Page_SetRGBStroke(p, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f); }

/// Text with its baseline at `baseline` points from the top of the page.
void drawText(HPDF_Page p, const Fonts& f, double x, double baseline, std::string_view text, double size, bool bold, Rgb c) {
    if (text.empty()) return;
    const std::string s(text);
    setFill(p, c);
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, f.of(bold), static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(kPageHeight - baseline), s.c_str());
    HPDF_Page_EndText(p);
}

void fillRect(HPDF_Page p, double x, double top, double w, double h, Rgb c) {
    setFill(p, c);
    HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(kPageHeight - top - h), static_cast<HPDF_REAL>(w),
                        static_cast<HPDF_REAL>(h));
    HPDF_Page_Fill(p);
}

void strokeLine(HPDF_Page p, double x1, double y1, double x2, double y2, Rgb c, double width, bool dashed = false) {
    setStroke(p, c);
    HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width));
    if (dashed) {
        const HPDF_UINT16 dash[] = {3, 2};
        HPDF_Page_SetDash(p, dash, 2, 0);
    }
    HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(kPageHeight - y1));
    HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(kPageHeight - y2));
    HPDF_Page_Stroke(p);
    if (dashed) HPDF_Page_SetDash(p, nullptr, 0, 0);
}

/// A laid-out chart with its top left corner at (x, top), scaled by `scale`.
void drawChart(HPDF_Page p, const Fonts& f, const Chart& chart, double x, double top, double scale) {
    auto X = [&](double v) { return static_cast<HPDF_REAL>(x + v * scale); };
    auto Y = [&](double v) { return static_cast<HPDF_REAL>(kPageHeight - (top + v * scale)); };
    for (const ChartShape& s : chart.shapes) {
        switch (s.kind) {
        case ChartShape::Kind::Rect:
            setFill(p, s.colour);
            HPDF_Page_Rectangle(p, X(s.x), Y(s.y + s.h), static_cast<HPDF_REAL>(s.w * scale), static_cast<HPDF_REAL>(s.h * scale));
            HPDF_Page_Fill(p);
            break;
        case ChartShape::Kind::Line:
            strokeLine(p, x + s.x * scale, top + s.y * scale, x + (s.x + s.w) * scale, top + (s.y + s.h) * scale, s.colour,
                       s.stroke * scale, s.dashed);
            break;
        case ChartShape::Kind::Disc:
            setFill(p, s.colour);
            HPDF_Page_Circle(p, X(s.x), Y(s.y), static_cast<HPDF_REAL>(s.w * scale));
            HPDF_Page_Fill(p);
            break;
        case ChartShape::Kind::HalfDisc: {  // the left half filled (a polygon), the whole circle outlined
            setFill(p, s.colour);
            const double r = s.w * scale, cx = x + s.x * scale, cy = kPageHeight - (top + s.y * scale);
            HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(cy + r));
            for (int i = 1; i <= 16; ++i) {
                const double a = 3.14159265358979 / 2 + 3.14159265358979 * i / 16;
                HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(cx + r * std::cos(a)), static_cast<HPDF_REAL>(cy + r * std::sin(a)));
            }
            HPDF_Page_ClosePath(p);
            HPDF_Page_Fill(p);
        }
            [[fallthrough]];
        case ChartShape::Kind::Ring:
            setStroke(p, s.colour);
            HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(s.stroke * scale));
            HPDF_Page_Circle(p, X(s.x), Y(s.y), static_cast<HPDF_REAL>((s.w - s.stroke / 2) * scale));
            HPDF_Page_Stroke(p);
            break;
        case ChartShape::Kind::Text: {
            const double size = s.size * scale;
            const double w = widthOf(f, s.text, size, s.bold);
            const double left = x + s.x * scale - (s.anchor == 1 ? w / 2 : s.anchor == 2 ? w : 0);
            drawText(p, f, left, top + s.y * scale, s.text, size, s.bold, s.colour);
            break;
        }
        }
    }
}

// [SECTION] The flow: blocks onto pages

/// Lays the blocks of a document out onto body pages, top to bottom, page after page.
class Flow {
public:
    Flow(HPDF_Doc pdf, const Fonts& fonts, const PdfAssets& assets) : pdf_(pdf), f_(fonts), assets_(assets) {
        measure_ = [this](std::string_view t, double size, bool bold) { return widthOf(f_, t, size, bold); };
    }

    const std::vector<HPDF_Page>& pages() const { return pages_; }
    const std::vector<Mark>& marks() const { return marks_; }

    /// The first page, made now (a header is drawn on it before the text).
    HPDF_Page firstPage() {
        if (pages_.empty()) newPage();
        return pages_.front();
    }
    /// The text continues at `y` points from the top of the current page.
    void moveTo(double y) { y_ = y; }

    void run(const std::vector<DocBlock>& blocks) {
        for (size_t i = 0; i < blocks.size(); ++i) block(blocks, i);
    }

private:
    HPDF_Page page() {
        if (pages_.empty()) newPage();
        return pages_.back();
    }
    void newPage() {
        HPDF_Page p = HPDF_AddPage(pdf_);
        HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        pages_.push_back(p);
        y_ = kMarginTop;
    }
    /// A new page unless `height` still fits on this one.
    void need(double height) {
        if (pages_.empty() || (y_ + height > kBottom && y_ > kMarginTop + 0.5)) newPage();
    }
    std::vector<std::string> lines(std::string_view text, double width, double size, bool bold) {
        return wrapText(text, width, size, bold, measure_);
    }

    static double headingSize(int level) { return level == 1 ? 15.0 : level == 2 ? 12.0 : 10.5; }
    static double headingBefore(int level) { return level == 1 ? 16.0 : level == 2 ? 11.0 : 8.0; }

    /// How much of block `i` must follow a heading on its page: its first lines, its header and first row, the
    /// whole chart or photo (a heading is never left alone at the bottom of a page).
    double leadHeight(const std::vector<DocBlock>& blocks, size_t i, int depth = 0) {
        if (i >= blocks.size() || depth > 3) return 0;
        const DocBlock& b = blocks[i];
        switch (b.kind) {
        case DocBlock::Kind::Heading: {
            const double size = headingSize(b.level);
            return headingBefore(b.level) + static_cast<double>(lines(b.text, kTextWidth, size, true).size()) * size * 1.25 + 4 +
                   leadHeight(blocks, i + 1, depth + 1);
        }
        case DocBlock::Kind::Paragraph: return std::min<double>(2, static_cast<double>(lines(b.text, kTextWidth, kBody, false).size())) * kBodyLine + 4;
        case DocBlock::Kind::Note:  // a line under a heading (a vote's method, a column's group): what follows too
            return static_cast<double>(lines(b.text, kTextWidth, kNote, false).size()) * kNoteLine + 4 +
                   leadHeight(blocks, i + 1, depth + 1);
        case DocBlock::Kind::List: return b.items.empty() ? 0 : 2 * kBodyLine;
        case DocBlock::Kind::Table: return rowHeight(b.table, b.table.header, true) + (b.table.rows.empty() ? 0 : rowHeight(b.table, b.table.rows.front(), false));
        case DocBlock::Kind::Chart: return std::min(layoutChart(b.chart, kTextWidth, measure_).height + 6, 200.0);
        case DocBlock::Kind::Photo: return 120;
        case DocBlock::Kind::PageBreak: return 0;
        }
        return 0;
    }

    void block(const std::vector<DocBlock>& blocks, size_t i) {
        const DocBlock& b = blocks[i];
        switch (b.kind) {
        case DocBlock::Kind::Heading: heading(b, leadHeight(blocks, i)); break;
        case DocBlock::Kind::Paragraph: paragraph(b.text, kBody, kBodyLine, false, kInk, 0); y_ += 4; break;
        case DocBlock::Kind::Note: paragraph(b.text, kNote, kNoteLine, false, kMutedInk, 0); y_ += 4; break;
        case DocBlock::Kind::List: list(b.items, kBody, kBodyLine); break;
        case DocBlock::Kind::Table: table(b.table); break;
        case DocBlock::Kind::Chart: chart(b); break;
        case DocBlock::Kind::Photo: photo(b); break;
        case DocBlock::Kind::PageBreak:
            if (!pages_.empty() && y_ > kMarginTop + 0.5) newPage();
            break;
        }
    }

    void heading(const DocBlock& b, double keep) {
        const double size = headingSize(b.level);
        if (!pages_.empty() && y_ > kMarginTop + 0.5) y_ += headingBefore(b.level);
        need(keep - headingBefore(b.level));
        marks_.push_back({b.text, b.level, pages_.size() - 1, y_});
        const Rgb colour = b.level == 3 ? kInk : kBrand;
        for (const std::string& l : lines(b.text, kTextWidth, size, true)) {
            drawText(page(), f_, kMarginLeft, y_ + size, l, size, true, colour);
            y_ += size * 1.25;
        }
        if (b.level == 1) strokeLine(page(), kMarginLeft, y_ + 1, kMarginLeft + kTextWidth, y_ + 1, kBrand, 0.8);
        y_ += 5;
    }

    /// Wrapped text from the current line, `indent` points in, breaking across pages between lines.
    void paragraph(std::string_view text, double size, double lineHeight, bool bold, Rgb colour, double indent) {
        for (const std::string& l : lines(text, kTextWidth - indent, size, bold)) {
            need(lineHeight);
            drawText(page(), f_, kMarginLeft + indent, y_ + size, l, size, bold, colour);
            y_ += lineHeight;
        }
    }

    void list(const std::vector<std::string>& items, double size, double lineHeight) {
        for (const std::string& item : items) {
            need(lineHeight);
            drawText(page(), f_, kMarginLeft + 4, y_ + size, "\u2022", size, false, kBrand);
            paragraph(item, size, lineHeight, false, kInk, 14);
            y_ += 1.5;
        }
        y_ += 4;
    }

    std::vector<double> columns(const DocTable& t) const {
        size_t n = t.header.size();
        for (const auto& r : t.rows) n = std::max(n, r.size());
        std::vector<double> w(n, n ? kTextWidth / static_cast<double>(n) : 0);
        if (t.widths.size() == n) {
            double sum = 0;
            for (double s : t.widths) sum += s;
            for (size_t i = 0; i < n && sum > 0; ++i) w[i] = kTextWidth * t.widths[i] / sum;
        }
        return w;
    }

    double rowHeight(const DocTable& t, const std::vector<std::string>& row, bool header) {
        if (row.empty()) return 0;
        const std::vector<double> w = columns(t);
        size_t most = 1;
        for (size_t c = 0; c < row.size() && c < w.size(); ++c)
            most = std::max(most, lines(row[c], w[c] - 2 * kCellPad, kCell, header).size());
        return std::max(static_cast<double>(most) * kCellLine + 2 * kCellPad, header ? 0.0 : t.minRowHeight);
    }

    void row(const DocTable& t, const std::vector<std::string>& cells, bool header) {
        const std::vector<double> w = columns(t);
        const double h = rowHeight(t, cells, header);
        HPDF_Page p = page();
        if (header) fillRect(p, kMarginLeft, y_, kTextWidth, h, kHeaderFill);
        double x = kMarginLeft;
        for (size_t c = 0; c < w.size(); ++c) {
            double baseline = y_ + kCellPad + kCell;
            if (c < cells.size())
                for (const std::string& l : lines(cells[c], w[c] - 2 * kCellPad, kCell, header)) {
                    drawText(p, f_, x + kCellPad, baseline, l, kCell, header, kInk);
                    baseline += kCellLine;
                }
            x += w[c];
        }
        // The grid: the row's bottom and top, and the columns' sides.
        strokeLine(p, kMarginLeft, y_, kMarginLeft + kTextWidth, y_, kRuleGrey, 0.5);
        strokeLine(p, kMarginLeft, y_ + h, kMarginLeft + kTextWidth, y_ + h, kRuleGrey, 0.5);
        x = kMarginLeft;
        for (size_t c = 0; c <= w.size(); ++c) {
            strokeLine(p, x, y_, x, y_ + h, kRuleGrey, 0.5);
            if (c < w.size()) x += w[c];
        }
        y_ += h;
    }

    /// A table: rows never split; on each new page the header again.
    void table(const DocTable& t) {
        const bool hasHeader = !t.header.empty();
        const double headerHeight = hasHeader ? rowHeight(t, t.header, true) : 0;
        need(headerHeight + (t.rows.empty() ? 0 : rowHeight(t, t.rows.front(), false)));
        if (hasHeader) row(t, t.header, true);
        for (size_t i = 0; i < t.rows.size(); ++i) {
            const auto& r = t.rows[i];
            double h = rowHeight(t, r, false);
            // The last rows kept together: the first of them moves on when they all do not fit.
            if (t.keepLast > 0 && t.rows.size() >= t.keepLast && i == t.rows.size() - t.keepLast)
                for (size_t k = i + 1; k < t.rows.size(); ++k) h += rowHeight(t, t.rows[k], false);
            if (y_ + h > kBottom) {
                newPage();
                if (hasHeader) row(t, t.header, true);
            }
            row(t, r, false);
        }
        y_ += 8;
    }

    void chart(const DocBlock& b) {
        const Chart c = layoutChart(b.chart, kTextWidth, measure_);
        const double room = kBottom - kMarginTop;
        const double scale = c.height > room ? room / c.height : 1.0;  // a chart taller than a page: made to fit one
        need(c.height * scale + 4);
        drawChart(page(), f_, c, kMarginLeft, y_ + 2, scale);
        y_ += c.height * scale + 8;
        if (b.chartNumbers && !c.numbersDrawn) list(chartNumbers(b.chart), kNote, kNoteLine);
    }

    void photo(const DocBlock& b) {
        const auto found = std::find_if(assets_.photos.begin(), assets_.photos.end(),
                                        [&](const auto& p) { return p.first == b.photo; });
        HPDF_Image image = found != assets_.photos.end() ? loadImage(found->second) : nullptr;
        if (!image) {  // a photo that cannot be drawn is named, as in the HTML
            paragraph(b.photo + " — " + b.text, kNote, kNoteLine, false, kMutedInk, 0);
            return;
        }
        const double iw = HPDF_Image_GetWidth(image), ih = HPDF_Image_GetHeight(image);
        const double scale = std::min({kTextWidth / iw, kPhotoMaxHeight / ih, 1.5});  // a small photo a little larger, no more
        const double w = iw * scale, h = ih * scale;
        need(h + kNoteLine + 8);
        HPDF_Page_DrawImage(page(), image, static_cast<HPDF_REAL>(kMarginLeft), static_cast<HPDF_REAL>(kPageHeight - y_ - h),
                            static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
        y_ += h + 3;
        paragraph(b.text, kNote, kNoteLine, false, kMutedInk, 0);
        y_ += 6;
    }

    /// The photo as an image of the PDF, nullptr when it cannot be read. Every photo is decoded by stb_image first:
    /// a damaged file never reaches libharu's loaders (libpng aborts the process on a bad PNG). A JPEG is then
    /// embedded as it is (libharu copies its stream); any other image as its decoded pixels (compressed).
    HPDF_Image loadImage(const std::string& bytes) {
        int w = 0, h = 0, channels = 0;
        const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
        const int size = static_cast<int>(std::min<size_t>(bytes.size(), 1u << 30));
        std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, size, &w, &h, &channels, 3),
                                                          stbi_image_free);
        if (!pixels || w <= 0 || h <= 0) return nullptr;
        const bool jpeg = bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                          static_cast<unsigned char>(bytes[1]) == 0xD8 && channels == 3;
        if (jpeg) return HPDF_LoadJpegImageFromMem(pdf_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                   static_cast<HPDF_UINT>(bytes.size()));
        return HPDF_LoadRawImageFromMem(pdf_, pixels.get(), static_cast<HPDF_UINT>(w), static_cast<HPDF_UINT>(h),
                                        HPDF_CS_DEVICE_RGB, 8);
    }

    HPDF_Doc pdf_;
    const Fonts& f_;
    const PdfAssets& assets_;
    TextMeasure measure_;
    std::vector<HPDF_Page> pages_;
    std::vector<Mark> marks_;
    double y_ = kMarginTop;
};

// [SECTION] Front matter: title, contents

/// The title (on a page of its own for the booklet) and the contents, laid out from the first page: counted first
/// (`draw` false, no page made) to number the body's pages, then drawn onto pages made before the body's first.
class FrontMatter {
public:
    FrontMatter(HPDF_Doc pdf, const Fonts& f, const Document& d) : pdf_(pdf), f_(f), d_(d) {}

    /// The number of pages the front matter takes with `entries` in the contents.
    size_t count(const std::vector<Mark>& entries) {
        lay(entries, 0, nullptr, false);
        return pages_;
    }

    /// A document without contents nor cover page: its title block drawn at the top of `page`; returns where the
    /// text below it begins.
    double headerOn(HPDF_Page page) {
        drawing_ = true;
        made_ = {page};
        y_ = kMarginTop;
        titleBlock(nullptr);
        return y_ + 14;
    }

    /// Draws it before `firstBody` (nullptr: at the end); contents entries link to `bodyPages`.
    std::vector<HPDF_Page> draw(const std::vector<Mark>& entries, size_t offset, HPDF_Page firstBody,
                                const std::vector<HPDF_Page>& bodyPages) {
        body_ = &bodyPages;
        lay(entries, offset, firstBody, true);
        return made_;
    }

private:
    std::vector<std::string> lines(std::string_view text, double width, double size, bool bold) {
        return wrapText(text, width, size, bold, [this](std::string_view t, double s, bool b) { return widthOf(f_, t, s, b); });
    }
    void newPage(HPDF_Page before) {
        ++pages_;
        y_ = kMarginTop;
        if (!drawing_) return;
        HPDF_Page p = before ? HPDF_InsertPage(pdf_, before) : HPDF_AddPage(pdf_);
        HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        made_.push_back(p);
    }
    /// Wrapped text from the current height; `reserve`: points kept free at the right (the contents' page numbers).
    void text(HPDF_Page before, std::string_view t, double size, double lineHeight, bool bold, Rgb c, double reserve = 0) {
        for (const std::string& l : lines(t, kTextWidth - reserve, size, bold)) {
            if (y_ + lineHeight > kBottom) newPage(before);
            if (drawing_) drawText(made_.back(), f_, kMarginLeft, y_ + size, l, size, bold, c);
            y_ += lineHeight;
        }
    }

    /// The kicker, the title and the cover lines, from the current height.
    void titleBlock(HPDF_Page before) {
        if (drawing_) fillRect(made_.back(), kMarginLeft - 16, y_, 6, d_.coverPage ? 150 : 44, kBrand);
        text(before, d_.kicker, 9.5, 13, true, kBrand);
        y_ += 3;
        const double titleSize = d_.coverPage ? 26 : 18;
        // A day's document (no contents) shows its first cover line as its title: the étape follows below.
        const bool day = !d_.contents && !d_.coverPage && !d_.cover.empty();
        text(before, day ? d_.cover.front() : d_.title, titleSize, titleSize * 1.2, true, kInk);
        y_ += 4;
        for (size_t i = day ? 1 : 0; i < d_.cover.size(); ++i) text(before, d_.cover[i], 10.5, 14, false, kInk);
    }

    void lay(const std::vector<Mark>& entries, size_t offset, HPDF_Page before, bool drawing) {
        drawing_ = drawing;
        pages_ = 0;
        made_.clear();
        newPage(before);
        if (d_.coverPage) y_ = kMarginTop + 190;  // the booklet's title a third down its page
        titleBlock(before);
        if (!d_.contents || entries.empty()) return;
        if (d_.coverPage) newPage(before);
        else y_ += 18;
        text(before, tr(Str::LivContents), 15, 20, true, kBrand);
        y_ += 4;
        for (const Mark& m : entries) {
            const std::string number = std::to_string(offset + m.page + 1);
            const double top = y_;
            const size_t pageBefore = made_.size();
            text(before, m.text, 10.5, 15, false, kInk, 40);
            if (!drawing_) continue;
            const double baseline = y_ - 15 + 10.5;  // the entry's last line
            const double w = widthOf(f_, number, 10.5, false);
            drawText(made_.back(), f_, kMarginLeft + kTextWidth - w, baseline, number, 10.5, false, kInk);
            // The whole line is a link to its heading.
            if (body_ && m.page < body_->size()) {
                HPDF_Destination dst = HPDF_Page_CreateDestination((*body_)[m.page]);
                HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(kPageHeight - m.y + 10));  // the page's width, the heading at the top
                const double linkTop = made_.size() == pageBefore ? top : kMarginTop;
                HPDF_Rect r{static_cast<HPDF_REAL>(kMarginLeft), static_cast<HPDF_REAL>(kPageHeight - y_),
                            static_cast<HPDF_REAL>(kMarginLeft + kTextWidth), static_cast<HPDF_REAL>(kPageHeight - linkTop)};
                HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(made_.back(), r, dst);
                HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
            }
        }
    }

    HPDF_Doc pdf_;
    const Fonts& f_;
    const Document& d_;
    const std::vector<HPDF_Page>* body_ = nullptr;
    bool drawing_ = false;
    size_t pages_ = 0;
    double y_ = kMarginTop;
    std::vector<HPDF_Page> made_;
};

/// « Le titre — page 3 sur 12 » at the foot of every page; the title shortened (…) when too long.
void footers(const std::vector<HPDF_Page>& pages, const Fonts& f, const std::string& title) {
    const double size = 8;
    for (size_t i = 0; i < pages.size(); ++i) {
        const std::string number = fmt(Str::PdfPageOf, {std::to_string(i + 1), std::to_string(pages.size())});
        const double numberWidth = widthOf(f, number, size, false);
        std::string shown = title;
        const double room = kTextWidth - numberWidth - 20;
        if (widthOf(f, shown, size, false) > room) {
            std::vector<std::string> cut = wrapText(title, room - widthOf(f, "…", size, false), size, false,
                                                    [&](std::string_view t, double s, bool b) { return widthOf(f, t, s, b); });
            shown = cut.front() + "…";
        }
        const double baseline = kPageHeight - kMarginBottom + 30;
        strokeLine(pages[i], kMarginLeft, baseline - 11, kMarginLeft + kTextWidth, baseline - 11, kRuleGrey, 0.4);
        drawText(pages[i], f, kMarginLeft, baseline, shown, size, false, kMutedInk);
        drawText(pages[i], f, kMarginLeft + kTextWidth - numberWidth, baseline, number, size, false, kMutedInk);
    }
}

}  // namespace

// [SECTION] Entry points

std::filesystem::path defaultFontDir() {
#ifdef _WIN32
    std::wstring exe(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = ::GetModuleFileNameW(nullptr, exe.data(), static_cast<DWORD>(exe.size()));
        if (n == 0) return L"fonts";
        if (n < exe.size()) {
            exe.resize(n);
            break;
        }
        exe.resize(exe.size() * 2);
    }
    return std::filesystem::path(exe).parent_path() / L"fonts";
#else
    return ATELIER_FONT_DIR;
#endif
}

std::string documentPdf(const Document& d, const PdfAssets& assets) {
    HaruError error;
    DocHandle doc(HPDF_New(onHaruError, &error));
    if (!doc) throw PdfError(tr(Str::PdfNoMemory));
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    Fonts fonts;
    for (bool bold : {false, true}) {
        const std::filesystem::path file = assets.fontDir / (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) throw PdfError(fmt(Str::PdfFontMissing, {file.string()}));
        const char* name = HPDF_LoadTTFontFromFile(pdf, file.string().c_str(), HPDF_TRUE);
        (bold ? fonts.bold : fonts.regular) = name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
        if (error.code || !(bold ? fonts.bold : fonts.regular)) throw PdfError(fmt(Str::PdfFontMissing, {file.string()}));
    }

    Flow flow(pdf, fonts, assets);
    FrontMatter front(pdf, fonts, d);
    const bool pagesOfItsOwn = d.contents || d.coverPage;  // else the title block tops the first page of text
    if (!pagesOfItsOwn) {
        flow.moveTo(front.headerOn(flow.firstPage()));
    }
    flow.run(d.blocks);
    std::vector<Mark> entries;
    for (const Mark& m : flow.marks())
        if (m.level == 1) entries.push_back(m);
    const std::vector<HPDF_Page>& body = flow.pages();
    std::vector<HPDF_Page> all;
    if (pagesOfItsOwn) {
        const size_t frontPages = front.count(entries);
        all = front.draw(entries, frontPages, body.empty() ? nullptr : body.front(), body);
    }
    all.insert(all.end(), body.begin(), body.end());
    footers(all, fonts, d.title);

    // The bookmarks: the parts, each with its sections.
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline part = nullptr;
    for (const Mark& m : flow.marks()) {
        if (m.level > 2) continue;
        HPDF_Outline o = HPDF_CreateOutline(pdf, m.level == 1 ? nullptr : part, m.text.c_str(), utf8);
        HPDF_Destination dst = HPDF_Page_CreateDestination(body[m.page]);
        HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(kPageHeight - m.y + 10));  // the page's width, the heading at the top
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        if (m.level == 1) part = o;
    }
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, d.title.c_str());
    if (!d.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, d.author.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "Atelier");

    if (HPDF_SaveToStream(pdf) != HPDF_OK || error.code) {
        char code[64];
        std::snprintf(code, sizeof code, "%04X/%u", static_cast<unsigned>(error.code), static_cast<unsigned>(error.detail));
        throw PdfError(fmt(Str::PdfFailed, {code}));
    }
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    HPDF_ResetStream(pdf);
    size_t done = 0;
    while (done < out.size()) {
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size() - done);
        const HPDF_STATUS st = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data() + done), &size);
        done += size;
        if (size == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF)) break;
    }
    out.resize(done);
    return out;
}

std::string summaryPdf(const EtapeArchive& archive, const std::vector<std::pair<std::string, std::string>>& photos,
                       const std::filesystem::path& fontDir) {
    std::set<std::string> shown;
    for (const auto& p : photos) shown.insert(p.first);
    return documentPdf(summaryDocument(archive, shown), {fontDir, photos});
}

std::string bookletPdf(const BookletInput& input, const std::filesystem::path& fontDir) {
    return documentPdf(bookletDocument(input), {fontDir, input.photos});
}

}  // namespace atelier::exporting
