#include "export/html.h"

#include "core/strings.h"
#include "core/text.h"

namespace atelier::exporting {

std::string escape(std::string_view text) {
    // What users typed gets French typography's no-break spaces too (« ? » never starts a printed line).
    const std::string typeset = frenchSpacing(text);
    text = typeset;
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {
constexpr const char* kStyle = R"css(
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; font-size: 10.5pt; margin: 0 auto;
       max-width: 186mm; padding: 8mm 0; }
header { border-left: 6px solid #003e8c; padding-left: 10px; margin-bottom: 14px; }
header .kicker { color: #003e8c; font-weight: bold; text-transform: uppercase; letter-spacing: .04em; font-size: 9pt; }
h1 { font-size: 17pt; margin: 4px 0 4px; }
header p { margin: 2px 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; }
th, td { border: 1px solid #777; padding: 5px 6px; text-align: left; vertical-align: top; }
th { background: #e4ebf5; font-size: 9.5pt; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
tbody.blank { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
.sign { width: 19%; height: 13mm; }
.muted { color: #555; }
.total td { font-weight: bold; background: #f3f3f3; }
.contact { margin-top: 18px; border-top: 2px solid #003e8c; padding-top: 6px; font-size: 9pt; color: #333; }
.contact strong { color: #003e8c; }
figure.chart { margin: 4px 0 12px; page-break-inside: avoid; break-inside: avoid; }
.chart-svg { display: block; width: 100%; max-width: 159mm; height: auto; -webkit-print-color-adjust: exact;
             print-color-adjust: exact; }
.chart-numbers { font-size: 8.5pt; color: #333; margin: 3px 0 0 16px; padding: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { body { padding: 0; } }
)css";
}  // namespace

std::string htmlPage(std::string_view title, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    out += escape(title);
    out += "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "\n</body>\n</html>\n";
    return out;
}

std::string contactBlock(const Settings& s) {
    std::string out = "<div class=\"contact\"><strong>" + escape(tr(Str::DocContactHeading)) + "</strong> — ";
    out += escape(s.organisation);
    if (!s.contactName.empty()) out += " · " + escape(s.contactName);
    if (!s.contactEmail.empty()) out += " · " + escape(s.contactEmail);
    if (!s.contactPhone.empty()) out += " · " + escape(s.contactPhone);
    out += "</div>";
    return out;
}

std::string etapeLine(const Model& model, const Etape& e) {
    std::string out = fmt(Str::EtapeNumber, {std::to_string(e.header.number)}) + " — " + formatLongFr(e.header.date);
    if (const Territory* host = e.header.host ? model.territory(*e.header.host) : nullptr)
        out += " — " + fmt(Str::CiteEducativeOf, {deName(host->name)});
    else
        out += " — " + fmt(Str::CiteEducativeOf, {tr(Str::HostToConfirm)});
    return out;
}

}  // namespace atelier::exporting
