// Fuzz target: the archive loader from bytes (the JSON header, cereal's body, the validation of every index and
// count), then everything an archive read from a file feeds: the summaries (their PDF and charts too), the CSV
// files, the booklet (with its PDF).
#include <cstdint>
#include <string_view>

#include "export/booklet.h"
#include "export/pdf.h"
#include "export/summary.h"
#include "store/archive.h"
#include "store/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    using namespace atelier;
    EtapeArchive archive;
    try {
        archive = store::parseArchive(std::string_view(reinterpret_cast<const char*>(data), size), "etape.json");
    } catch (const store::StoreError&) {  // ArchiveCorrupt, ArchiveTooNew: a French message, nothing else
        return 0;
    }
    archive.ideaCount();
    archive.ballotCount();
    archiveFolderName(archive);
    exporting::summaryHtml(archive);
    exporting::summaryMarkdown(archive);
    exporting::summaryPdf(archive);  // its charts laid out with the real font's widths
    exporting::ideasCsv(archive);
    exporting::votesCsv(archive);
    exporting::bookletFiles({"Livret", {archive}, {"Amiens", "Lille"}, {}, {}});
    return 0;
}
