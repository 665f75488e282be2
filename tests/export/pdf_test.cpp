// The documents as PDF (issue 36), checked with Debian's poppler-utils as a reader would see them: pdfinfo (A4, page
// count, title and author), pdffonts (every font embedded), pdftotext (every idea, every vote winner, the accented
// names; with -bbox: no word outside the page's text block), the contents' page numbers against the pages where the
// headings are, a table's header on every page it runs onto, and no heading left alone at the bottom of a page.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/archive.h"
#include "core/text.h"
#include "export/booklet.h"
#include "export/documents.h"
#include "export/pdf.h"
#include "export/summary.h"
#include "support/fixtures.h"

using namespace atelier;
using namespace atelier::exporting;

namespace {

/// A 48 × 32 PNG (a green-to-blue gradient): the photo of the action-phare.
const std::string kPhoto("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x30\x00\x00\x00\x20\x08\x02\x00\x00\x00\xdb\xb6\x6c\x4b\x00\x00\x00\xc1\x49\x44\x41\x54\x78\xda\xed\xce\x65\x0e\x81\x01\x00\x06\xe0\x4f\x77\x77\x77\xdf\x81\x31\x31\x3d\xdd\xdd\x4c\x8c\x89\x31\x31\x26\xe6\xd4\x6e\xe1\xd7\xfb\x9c\xe0\x21\x3c\x5f\xaf\xfb\xe3\x73\xbd\xfc\xce\x67\xc0\xf1\x08\xda\xef\x61\xdb\x2d\x62\xbd\x44\x2d\xe7\xb8\xf9\x94\x30\x1f\x53\xa6\x43\xda\xb8\xcf\x18\xb6\x39\xfd\x26\xaf\x5b\x17\xb5\xab\xb2\x66\x59\x51\xcf\x6b\xaa\x59\x5d\x35\x6d\x2a\xc7\x6d\xc5\xa8\x23\x1f\xf4\x64\xfd\x81\xb4\x3b\x94\xb4\xc7\xe2\xd6\x44\xd4\x98\x89\xea\x73\x61\x75\x21\x28\xaf\xf8\xa5\x35\xaf\xb0\xe1\xe6\xb7\x9c\xec\x8e\x9d\x39\xb0\xd2\x47\x66\xf2\xc4\x4c\x9c\x19\xb1\x2b\x3d\x7a\xa3\x45\xee\xd4\xd0\x83\x12\x7c\x92\x03\x6f\x92\xff\x43\xf8\xbe\x04\x42\x08\x21\x84\x10\x42\x08\x21\x84\x10\x42\x08\x21\x84\x10\x42\x08\x21\x84\x10\x42\xff\x0c\xfd\x00\xee\xc6\x31\x8c\x3a\x8b\x18\xf1\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82", 250);

std::filesystem::path tempDir() {
    const auto dir = std::filesystem::temp_directory_path() / ("atelier-pdf-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE_MESSAGE(pipe, command);
    char buffer[65536];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    CHECK_MESSAGE(::pclose(pipe) == 0, command);
    return out;
}

std::filesystem::path save(const std::string& name, const std::string& bytes) {
    const auto path = tempDir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

struct Word {
    double xMin, yMin, xMax, yMax;
    std::string text;
};
struct Page {
    double width = 0, height = 0;
    std::vector<Word> words;
    std::string text;  // the words, one space between each
};

/// What pdftotext -bbox reads, page by page (the entities it escapes put back).
std::vector<Page> readPages(const std::filesystem::path& pdf) {
    const std::string html = run("pdftotext -bbox '" + pdf.string() + "' - 2>/dev/null");
    std::vector<Page> pages;
    const std::regex page(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    const std::regex word(R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re");
    std::istringstream in(html);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, page)) {
            pages.push_back({std::stod(m[1]), std::stod(m[2]), {}, {}});
        } else if (std::regex_search(line, m, word) && !pages.empty()) {
            std::string t = m[5];
            for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{
                     {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}})
                for (size_t at; (at = t.find(entity)) != std::string::npos;) t.replace(at, entity.size(), c);
            pages.back().words.push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), t});
            pages.back().text += (pages.back().text.empty() ? "" : " ") + t;
        }
    }
    return pages;
}

/// `text` with every run of spaces (no-break ones too) made one space: how to look for it in what pdftotext reads.
std::string spaced(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text.compare(i, 2, "\xC2\xA0") == 0, narrow = text.compare(i, 3, "\xE2\x80\xAF") == 0;
        if (nbsp || narrow || text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            i += nbsp ? 1 : narrow ? 2 : 0;
        } else {
            out += text[i];
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// All the pages' words in one text, the footers left out (a list item may run from one page onto the next).
std::string bodyText(const std::vector<Page>& pages) {
    std::string out;
    for (const Page& p : pages) {
        std::string line;
        for (const Word& w : p.words)
            if (w.yMin < p.height - kMarginBottom + 8) line += (line.empty() ? "" : " ") + w.text;
        out += line + " ";
    }
    return spaced(out);
}

/// Every word inside the page's text block (the footer included, under it): nothing cut, nothing in the binding;
/// and no two words drawn over each other.
void checkInsideTextBlock(const std::vector<Page>& pages) {
    for (size_t i = 0; i < pages.size(); ++i) {
        const std::vector<Word>& words = pages[i].words;
        for (size_t a = 0; a < words.size(); ++a)
            for (size_t b = a + 1; b < words.size(); ++b) {
                const double x = std::min(words[a].xMax, words[b].xMax) - std::max(words[a].xMin, words[b].xMin);
                const double y = std::min(words[a].yMax, words[b].yMax) - std::max(words[a].yMin, words[b].yMin);
                if (x > 1 && y > 1)
                    FAIL_CHECK("page " << i + 1 << ": « " << words[a].text << " » and « " << words[b].text << " » overlap");
            }
    }
    for (size_t i = 0; i < pages.size(); ++i)
        for (const Word& w : pages[i].words) {
            INFO("page " << i + 1 << ": « " << w.text << " » at " << w.xMin << "–" << w.xMax << ", " << w.yMin << "–" << w.yMax);
            CHECK(pages[i].width == doctest::Approx(kPageWidth).epsilon(0.001));
            CHECK(w.xMin >= kMarginLeft - 1);
            CHECK(w.xMax <= pages[i].width - kMarginRight + 1);
            CHECK(w.yMin >= kMarginTop - 12);
            CHECK(w.yMax <= pages[i].height - 20);
        }
}

std::map<std::string, std::string> info(const std::filesystem::path& pdf) {
    std::map<std::string, std::string> out;
    std::istringstream in(run("pdfinfo '" + pdf.string() + "' 2>/dev/null"));
    for (std::string line; std::getline(in, line);) {
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        const size_t value = line.find_first_not_of(' ', colon + 1);
        out[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
    }
    return out;
}

void checkFontsEmbedded(const std::filesystem::path& pdf) {
    std::istringstream in(run("pdffonts '" + pdf.string() + "' 2>/dev/null"));
    std::string line;
    std::getline(in, line);
    std::getline(in, line);  // the header and its rule
    int fonts = 0;
    while (std::getline(in, line)) {
        ++fonts;
        INFO(line);
        CHECK(line.find("DejaVuSans") != std::string::npos);
        CHECK(line.find(" yes yes yes ") != std::string::npos);  // embedded, subset, with its Unicode map
    }
    CHECK(fonts == 2);  // regular and bold
}

EtapeArchive fixtureArchive() {
    Session s = test::dayOfEtapeSession();
    const Status st = test::addGoldenEssaimage(s);
    REQUIRE_MESSAGE(st.ok, st.message);
    return makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
}

/// The winners of every counted vote with ballots.
std::vector<std::string> winnersOf(const EtapeArchive& a) {
    std::vector<std::string> out;
    for (size_t v = 0; v < a.results.size(); ++v)
        if (a.results[v].counted && a.results[v].ballots > 0)
            for (int o : a.results[v].ranking.front()) out.push_back(a.etape.votes[v].setup.options[static_cast<size_t>(o)]);
    return out;
}

}  // namespace

TEST_CASE("synthese.pdf: A4, fonts embedded, every idea, winner and accented name, nothing outside the text block") {
    const EtapeArchive a = fixtureArchive();
    const std::vector<std::string> photos = summaryPhotoPaths(a);
    REQUIRE(!photos.empty());
    const auto pdf = save("synthese.pdf", summaryPdf(a, {{photos.front(), kPhoto}}));
    const auto meta = info(pdf);
    CHECK(meta.at("Page size").find("595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(meta.at("Title") == "Synthèse de l'étape — Étape 1 — mardi 11 février 2020 — Cité éducative d'Amiens");
    CHECK(meta.at("Author") == "Le Tour des Cités éducatives");
    const int pageCount = std::stoi(meta.at("Pages"));
    CHECK(pageCount >= 4);
    checkFontsEmbedded(pdf);

    const std::vector<Page> pages = readPages(pdf);
    REQUIRE(static_cast<int>(pages.size()) == pageCount);
    checkInsideTextBlock(pages);
    const std::string text = bodyText(pages);
    int ideas = 0;
    for (const Board& b : a.etape.boards)
        for (const Idea& i : b.ideas) {
            CHECK_MESSAGE(text.find(spaced(i.text)) != std::string::npos, i.text);
            ++ideas;
        }
    CHECK(ideas >= 20);
    for (const std::string& w : winnersOf(a)) CHECK_MESSAGE(text.find(spaced(w)) != std::string::npos, w);
    CHECK(winnersOf(a).size() >= 2);
    for (const ArchivedPerson& p : a.people) CHECK_MESSAGE(text.find(spaced(p.name)) != std::string::npos, p.name);
    CHECK(text.find("Zoé Lefèvre") != std::string::npos);
    CHECK(text.find("Cité éducative d'Amiens") != std::string::npos);
    // The footer of every page: « page N sur M ».
    for (int i = 0; i < pageCount; ++i)
        CHECK(pages[static_cast<size_t>(i)].text.find("page " + std::to_string(i + 1) + " sur " + std::to_string(pageCount)) !=
              std::string::npos);
}

TEST_CASE("synthese.pdf: the contents give each section's page, and the bookmarks are there") {
    const EtapeArchive a = fixtureArchive();
    const auto pdf = save("contents.pdf", summaryPdf(a));
    const std::vector<Page> pages = readPages(pdf);
    REQUIRE(pages.size() >= 3);
    // The contents on the first page: each section, and on its line (same height, at the right) its page number,
    // the page where the section's heading is.
    REQUIRE(pages[0].text.find("Sommaire") != std::string::npos);
    int checked = 0;
    for (const char* section : {"Programme", "Participation", "Votes", "Idées", "Pratiques"}) {
        const auto entry = std::find_if(pages[0].words.begin(), pages[0].words.end(), [&](const Word& w) {
            return w.text == section && w.yMin > 150;  // below the title block
        });
        REQUIRE_MESSAGE(entry != pages[0].words.end(), section);
        std::string number;
        for (const Word& w : pages[0].words)
            if (std::abs(w.yMin - entry->yMin) < 2 && w.xMin > kPageWidth / 2) number = w.text;
        REQUIRE_MESSAGE(!number.empty(), section);
        const size_t page = std::stoul(number);
        REQUIRE(page >= 2);
        REQUIRE(page <= pages.size());
        bool found = false;
        for (const Word& w : pages[page - 1].words) found = found || w.text == section;
        CHECK_MESSAGE(found, section << " on page " << page);
        ++checked;
    }
    CHECK(checked == 5);
    // Bookmarks: an outline whose entries name the sections (libharu writes them as UTF-16 strings).
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes.find("/Type /Outlines") != std::string::npos);
    CHECK(bytes.find("/PageMode /UseOutlines") != std::string::npos);
    // Each section a bookmark, titled in UTF-16 (« Votes »: FEFF 0056 006F 0074 0065 0073).
    std::string lower = bytes;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(lower.find("/title <feff0056006f007400650073>") != std::string::npos);
    CHECK(lower.find("/title <feff00500061007200740069006300690070006100740069006f006e>") != std::string::npos);
}

TEST_CASE("a long table runs onto the next pages with its header again; a heading is never alone at a page's foot") {
    Document d;
    d.title = "Essai de mise en page";
    d.kicker = "Atelier";
    DocBlock table{DocBlock::Kind::Table};
    table.table.header = {"Cité-entête", "Présences-entête"};
    for (int i = 0; i < 150; ++i) table.table.rows.push_back({"Ligne " + std::to_string(i), std::to_string(i)});
    d.blocks.push_back(DocBlock{DocBlock::Kind::Heading, 1, "Tableau"});
    d.blocks.push_back(table);
    // Sections after fillers of every length: one of them ends right at the foot of a page.
    const std::string filler =
        "Une phrase de remplissage qui occupe à peu près une ligne entière de la page, pour pousser le titre suivant.";
    for (int i = 1; i <= 45; ++i) {
        DocBlock p{DocBlock::Kind::Paragraph};
        for (int k = 0; k < i % 9 + 1; ++k) p.text += filler + " ";
        d.blocks.push_back(p);
        d.blocks.push_back(DocBlock{DocBlock::Kind::Heading, 1 + i % 3, "Témoin-" + std::to_string(i)});
        DocBlock after{DocBlock::Kind::Paragraph};
        after.text = "Suite-" + std::to_string(i) + " du témoin.";
        d.blocks.push_back(after);
    }
    const auto pdf = save("layout.pdf", documentPdf(d, {defaultFontDir(), {}}));
    const std::vector<Page> pages = readPages(pdf);
    checkInsideTextBlock(pages);
    int tablePages = 0;
    for (const Page& p : pages)
        if (p.text.find("Ligne ") != std::string::npos) {
            ++tablePages;
            CHECK(p.text.find("Cité-entête Présences-entête") != std::string::npos);
        }
    CHECK(tablePages >= 3);
    for (int i = 1; i <= 45; ++i) {
        const std::string heading = "Témoin-" + std::to_string(i), next = "Suite-" + std::to_string(i);
        int headingPage = -1, nextPage = -2;
        for (size_t p = 1; p < pages.size(); ++p) {  // the contents (page 1) names the headings too
            for (const Word& w : pages[p].words) {
                if (w.text == heading && headingPage < 0) headingPage = static_cast<int>(p);
                if (w.text == next && nextPage < 0) nextPage = static_cast<int>(p);
            }
        }
        CHECK_MESSAGE(headingPage == nextPage, heading << " on page " << headingPage + 1 << ", its text on " << nextPage + 1);
    }
}

TEST_CASE("livret.pdf of three étapes: cover, contents, a chapter each, fonts embedded, winners and accents found") {
    Session s = test::essaimageDaySession();
    std::vector<EtapeArchive> archives;
    for (int n = 0; n < 3; ++n) {
        EtapeArchive a = makeArchive(s.model(), *s.model().etapeByNumber(1), "0.1.0", "2020-02-11T17:30:00Z");
        a.etape.header.number = n + 1;
        a.etape.header.date.month = 2 + 3 * n;
        archives.push_back(std::move(a));
    }
    const BookletInput in = makeBookletInput(archives, s.model(), 2020);
    REQUIRE(in.archives.size() >= 3);
    const auto pdf = save("livret.pdf", bookletPdf(in));
    const auto meta = info(pdf);
    CHECK(meta.at("Page size").find("(A4)") != std::string::npos);
    CHECK(meta.at("Title") == in.title);
    CHECK(std::stoi(meta.at("Pages")) >= 6);
    checkFontsEmbedded(pdf);
    const std::vector<Page> pages = readPages(pdf);
    checkInsideTextBlock(pages);
    const std::string text = bodyText(pages);
    for (const EtapeArchive& a : in.archives)
        for (const std::string& w : winnersOf(a)) CHECK_MESSAGE(text.find(spaced(w)) != std::string::npos, w);
    CHECK(text.find("Cité éducative d'Amiens") != std::string::npos);
    CHECK(text.find("Suivi des pratiques par Cité") != std::string::npos);
    for (const BookletPractice& p : in.practices) CHECK_MESSAGE(text.find(spaced(p.title)) != std::string::npos, p.title);
    // The cover alone on its page, the contents next.
    CHECK(pages[0].text.find(in.title.substr(0, 10)) != std::string::npos);
    CHECK(pages[1].text.find("Sommaire") != std::string::npos);
}

TEST_CASE("a damaged photo is named, never handed to libpng (which would abort the program)") {
    const EtapeArchive a = fixtureArchive();
    const std::string photo = summaryPhotoPaths(a).front();
    for (const std::string& bytes : {std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\xff\xff\xff\xff", 20),
                                     std::string("\xff\xd8\xff\xe0 not a jpeg"), kPhoto.substr(0, 120), std::string()}) {
        const auto pdf = save("damaged.pdf", summaryPdf(a, {{photo, bytes}}));
        CHECK(bodyText(readPages(pdf)).find(photo) != std::string::npos);  // named instead of drawn
    }
    // The good photo is drawn: the file holds an image.
    std::ifstream in(save("photo.pdf", summaryPdf(a, {{photo, kPhoto}})), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes.find("/Subtype /Image") != std::string::npos);
}

TEST_CASE("summaryFiles and bookletFiles write the PDF beside the HTML; a missing font is said, the rest still written") {
    const EtapeArchive a = fixtureArchive();
    const auto files = summaryFiles(a);
    REQUIRE(files.size() >= 5);
    CHECK(files[0].first == "synthese.html");
    CHECK(files[1].first == "synthese.pdf");
    CHECK(files[1].second.compare(0, 5, "%PDF-") == 0);
    CHECK_THROWS_AS(summaryPdf(a, {}, "/nonexistent-fonts"), PdfError);
    try {
        summaryPdf(a, {}, "/nonexistent-fonts");
    } catch (const PdfError& e) {
        CHECK(std::string(e.what()).find("fonts-dejavu-core") != std::string::npos);
    }
}

TEST_CASE("the attendance sheet and the fee statement as PDF: title block and table on the first page, room to sign") {
    Session s = test::dayOfEtapeSession();
    const Etape& e = *s.model().etapeByNumber(1);
    const auto sheet = save("emargement.pdf", exporting::attendanceSheetPdf(s.model(), e));
    checkFontsEmbedded(sheet);
    const std::vector<Page> pages = readPages(sheet);
    REQUIRE(!pages.empty());
    checkInsideTextBlock(pages);
    CHECK(pages[0].text.find("Feuille d'émargement") != std::string::npos);
    CHECK(pages[0].text.find("Signature") != std::string::npos);
    // Every person registered, on rows 13 mm high: two names one above the other are at least that far apart.
    std::vector<double> tops;
    for (const Registration& r : e.registrations) {
        const Person* p = s.model().person(r.person);
        REQUIRE(p);
        const std::string text = bodyText(pages);
        CHECK_MESSAGE(text.find(spaced(p->name)) != std::string::npos, p->name);
        const std::string first = p->name.substr(0, p->name.find(' '));
        for (const Word& w : pages[0].words)
            if (w.text == first && w.xMin < kMarginLeft + 10) tops.push_back(w.yMin);
    }
    std::sort(tops.begin(), tops.end());
    REQUIRE(tops.size() >= 2);
    for (size_t i = 1; i < tops.size(); ++i) CHECK(tops[i] - tops[i - 1] >= 36.0);
    const auto fees = save("frais.pdf", exporting::feeStatementPdf(s.model(), e));
    const std::vector<Page> feePages = readPages(fees);
    checkInsideTextBlock(feePages);
    CHECK(feePages[0].text.find("État des frais de participation") != std::string::npos);
    CHECK(bodyText(feePages).find("Total") != std::string::npos);
}
