// The summary of an archived étape handed to the participants: one self-contained printable HTML file, the same
// in Markdown, and the ideas and votes as CSV for Excel in French (UTF-8 with BOM, `;`, CRLF). Archive in, text out.
#pragma once

#include <initializer_list>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include "core/archive.h"

namespace atelier::exporting {

/// synthese.html: the étape, programme, participation charts, icebreaker, groups, ideas by column and cluster,
/// vote results with charts, practices to spread. Everything users typed is escaped.
std::string summaryHtml(const EtapeArchive& archive, const std::set<std::string>& shown = {});
/// What a folder of documents holds instead of the PDF when it could not be written (the reason, in French).
inline constexpr const char* kPdfProblemFile = "pdf-non-ecrit.txt";
/// The files of an étape's summary for the participants, by name: synthese.html, synthese.pdf (export/pdf.h; when it
/// cannot be written, kPdfProblemFile after the others), synthese.md, idees.csv, votes.csv
/// (what `atelier exporter` and the app's « Exporter la synthèse » write), then the photos of the actions-phares
/// given in `photos` (path as the model names it, "photos/cafe.jpg"; bytes: store::readPhotos), which the
/// summaries draw from beside them; a photo not given is named instead.
std::vector<std::pair<std::string, std::string>> summaryFiles(
    const EtapeArchive& archive, const std::vector<std::pair<std::string, std::string>>& photos = {});
/// The photos of the étape's actions-phares, each once, in order (what summaryFiles can be given).
std::vector<std::string> summaryPhotoPaths(const EtapeArchive& archive);
/// Parts of the summary the booklet repeats in its étape chapters, as HTML fragments (headings h2 and h3): the host's
/// actions-phares, the evaluation of the day. Empty when the étape has none. The photos named in `shown` (paths
/// relative to the data folder, "photos/cafe.jpg", written beside the document under the same path) are drawn as
/// images; the others are named.
std::string actionsPharesHtml(const EtapeArchive& archive, const std::set<std::string>& shown = {});
std::string evaluationHtml(const EtapeArchive& archive);
/// « Cité éducative d'Amiens », or the words for an unknown host: how the summary and the booklet name the host.
std::string hostName(const EtapeArchive& archive);
/// synthese.md: the same content in Markdown.
std::string summaryMarkdown(const EtapeArchive& archive, const std::set<std::string>& shown = {});
/// idees.csv: one row per idea.
std::string ideasCsv(const EtapeArchive& archive);
/// votes.csv: one row per option of each vote, in the order of its result.
std::string votesCsv(const EtapeArchive& archive);
/// The byte order mark that begins every CSV file we write (Excel then reads UTF-8).
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";
/// One CSV line (CRLF included) of `;`-separated fields, each through csvField.
std::string csvRow(std::initializer_list<std::string_view> fields);
/// One CSV field for `;`-separated files: quoted (quotes doubled) when it holds `;`, a quote or a line break;
/// a cell beginning with =, +, -, @, a tab or a CR is quoted after a leading ' (a spreadsheet never runs it).
std::string csvField(std::string_view text);

}  // namespace atelier::exporting
