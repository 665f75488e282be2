// Le livret du Tour: the pedagogical booklet handed out at the end of a year and of the three years (« support
// pédagogique enrichi en fin d'année et à l'issue des trois ans »). One A4 HTML document made to print — a cover,
// a contents page, one chapter per étape of the period (programme, key ideas by board, vote winners), the
// catalogue of practices, participation by Cité and by institution, the Cités that hosted — and its CSV annexes.
// Archives in, text out; it supersedes the former synthesis (`atelier synthese` writes its HTML).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/archive.h"
#include "export/charts.h"

namespace atelier::exporting {

/// A practice of the catalogue as the library holds it now: where it comes from, who is interested, the follow-up.
struct BookletPractice {
    std::string title;
    std::string description;
    std::string source;   // « Tableau » or « Action-phare »
    std::string cite;     // the Cité it comes from, empty when unknown
    int etape = 0;        // the number of the étape that showed it
    std::string board;    // the board's title (a board's practice)
    std::vector<std::string> themes;
    std::vector<std::string> interested;  // Cités
    struct FollowUpLine {
        std::string cite, status, date, note;  // status: « Essayée », « Adoptée », « Abandonnée »; date: dd/mm/yyyy
        FollowUpStatus kind = FollowUpStatus::Essayee;  // the status, for the follow-up matrix
    };
    std::vector<FollowUpLine> followUps;
};

/// What the booklet is made of.
struct BookletInput {
    std::string title;                  // « Livret du Tour des Cités éducatives — 2021 »
    std::vector<EtapeArchive> archives;  // the étapes of the period, in the order shown (by date)
    std::vector<std::string> cites;      // the Cités éducatives of the Tour (the hosts' table lists every one)
    Settings settings;                   // the organiser's contact block on the cover
    std::vector<BookletPractice> practices;  // the catalogue: the library's practices shown at the étapes of the period
    /// The actions-phares' photos found in the data folder, by their path relative to it ("photos/cafe.jpg") →
    /// their bytes: written beside livret.html under the same path and drawn in the étape's chapter (the others
    /// are named). The caller reads them (bookletPhotoPaths says which).
    std::vector<std::pair<std::string, std::string>> photos;
    std::vector<bool> live;  // per étape of `archives`: not archived yet, made from the data as it is now
};

/// The photos the booklet of `input` would draw: every photo of the actions-phares of its étapes, each once.
std::vector<std::string> bookletPhotoPaths(const BookletInput& input);

/// The booklet of `year` (nullopt: the whole Tour) out of every archive read: those of the year, by date, with the
/// étapes of the year that are not archived yet but hold something (people present, ideas, ballots, practices,
/// actions-phares, evaluation answers) made from the model as it is now and marked as such, so that no section
/// speaks of an étape another one leaves out; the Cités
/// of the Tour, the organiser's contact and the catalogue of practices (the library's, shown at an étape of the
/// period, with today's follow-up; plus the practices of archives older than the library) from `model`; its title.
BookletInput makeBookletInput(std::vector<EtapeArchive> archives, const Model& model, std::optional<int> year);

/// The booklet's follow-up of practices as a matrix: Cités (those interested or following one up) × practices, the
/// latest follow-up of each Cité (or its interest) in each cell.
ChartSpec followUpSpec(const BookletInput& input);
/// Present people of the whole period by Cité (or territory) and by institution, largest first.
ChartSpec participationSpec(const BookletInput& input, bool byInstitution);

/// livret.html: the printable booklet. Everything users typed is escaped.
std::string bookletHtml(const BookletInput& input);

/// The booklet and its annexes, by file name: livret.html, livret.pdf (export/pdf.h; when it cannot be written,
/// kPdfProblemFile after the others), participation.csv (présents par étape, territoire et
/// institution), idees.csv and votes.csv (every étape of the period), pratiques.csv, evaluation.csv, then the
/// photos (photos/…). CSV for Excel in French.
std::vector<std::pair<std::string, std::string>> bookletFiles(const BookletInput& input);

}  // namespace atelier::exporting
