// [SECTION] Attendance sheet
// [SECTION] Fee statement
// [SECTION] The same as PDF
// [SECTION] Fees as JSON and text

#include "export/documents.h"

#include <algorithm>
#include "core/assert.h"
#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/fees.h"
#include "core/strings.h"
#include "core/text.h"
#include "export/document.h"
#include "export/html.h"
#include "export/pdf.h"

namespace atelier::exporting {

namespace {

std::string territoryName(const Model& m, std::optional<Id> id) {
    const Territory* t = id ? m.territory(*id) : nullptr;
    return t ? t->name : std::string(tr(Str::NoTerritory));
}

/// Registrations of `e` sorted by last name (accent-insensitive), as a signing sheet is read (« Benali Nadia »
/// before « Caron Frédérique »): people look for their line.
std::vector<std::pair<const Registration*, const Person*>> byName(const Model& m, const Etape& e) {
    struct Line {
        std::string key;  // lastNameKey, computed once per person rather than in every comparison
        const Registration* registration;
        const Person* person;
    };
    std::vector<Line> lines;
    for (const Registration& r : e.registrations)
        if (const Person* p = m.person(r.person)) lines.push_back({lastNameKey(p->name), &r, p});
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.key < b.key; });
    std::vector<std::pair<const Registration*, const Person*>> out;
    out.reserve(lines.size());
    for (const Line& l : lines) out.emplace_back(l.registration, l.person);
    return out;
}

std::string header(const Model& m, const Etape& e, Str title) {
    std::string out = "<header><div class=\"kicker\">" + escape(tr(Str::TourTitle)) + "</div>";
    out += "<h1>" + escape(tr(title)) + "</h1>";
    out += "<p>" + escape(etapeLine(m, e)) + "</p>";
    if (!e.header.theme.empty()) out += "<p>" + escape(fmt(Str::DocTheme, {e.header.theme})) + "</p>";
    if (!e.header.venue.empty()) out += "<p>" + escape(fmt(Str::DocVenue, {e.header.venue})) + "</p>";
    if (!m.settings.contactName.empty())
        out += "<p>" + escape(fmt(Str::DocFacilitator, {m.settings.contactName})) + "</p>";
    out += "</header>\n";
    return out;
}

double euros(long cents) { return static_cast<double>(cents) / 100.0; }

}  // namespace

// [SECTION] Attendance sheet

std::string attendanceSheetHtml(const Model& m, const Etape& e) {
    std::string body = header(m, e, Str::DocAttendanceTitle);
    body += "<table>\n<thead><tr><th>" + escape(tr(Str::DocColName)) + "</th><th>" + escape(tr(Str::DocColTerritory)) +
            "</th><th>" + escape(tr(Str::DocColStructure)) + "</th><th>" + escape(tr(Str::DocColInstitution)) +
            "</th><th class=\"sign\">" +
            escape(tr(Str::DocColMorning)) + "</th><th class=\"sign\">" + escape(tr(Str::DocColAfternoon)) +
            "</th></tr></thead>\n<tbody>\n";
    for (const auto& [r, p] : byName(m, e)) {
        body += "<tr><td>" + escape(p->name) + "</td><td>" + escape(territoryName(m, p->territory)) + "</td><td>" +
                escape(structureAndFunction(*p)) + "</td><td>" + escape(enumLabel(p->institution)) +
                "</td><td class=\"sign\"></td><td class=\"sign\"></td></tr>\n";
    }
    // Blank rows for walk-ins who sign on paper, kept together: never one stray empty row alone on a last page.
    body += "</tbody>\n<tbody class=\"blank\">\n";
    for (int i = 0; i < 5; ++i)
        body += "<tr><td>&nbsp;</td><td></td><td></td><td></td><td class=\"sign\"></td><td class=\"sign\"></td></tr>\n";
    body += "</tbody>\n</table>\n";
    body += "<p class=\"muted\">" + escape(fmt(Str::DocRegisteredCount, {std::to_string(e.registrations.size())})) +
            "</p>\n";
    body += contactBlock(m.settings);
    return htmlPage(fmt(Str::DocAttendanceTitle) + " — " + etapeLine(m, e), body);
}

// [SECTION] Fee statement

std::string feeStatementHtml(const Model& m, const Etape& e) {
    const FeeStatement st = feeStatement(m, e);
    const long rate = m.settings.dayRateCents(e.header.date.year);
    std::string body = header(m, e, Str::DocFeesTitle);
    body += "<p>" + escape(fmt(Str::DocFeesRule, {formatEuros(rate)})) + "</p>\n";
    body += "<table>\n<thead><tr><th>" + escape(tr(Str::DocColTerritory)) + "</th><th class=\"num\">" +
            escape(tr(Str::DocColPeople)) + "</th><th class=\"num\">" + escape(tr(Str::DocColDays)) +
            "</th><th class=\"num\">" + escape(tr(Str::DocColAmount)) + "</th></tr></thead>\n<tbody>\n";
    int rows = 0;
    for (const TerritoryFees& t : st.territories) {
        if (t.membership != Membership::NonAdherent || t.cents == 0) continue;
        ++rows;
        body += "<tr><td>" + escape(territoryName(m, t.territory)) + "</td><td class=\"num\">" +
                std::to_string(t.people) + "</td><td class=\"num\">" + std::to_string(t.days) +
                "</td><td class=\"num\">" + escape(formatEuros(t.cents)) + "</td></tr>\n";
    }
    if (rows == 0) body += "<tr><td colspan=\"4\" class=\"muted\">" + escape(tr(Str::DocFeesNone)) + "</td></tr>\n";
    body += "<tr class=\"total\"><td colspan=\"3\">" + escape(tr(Str::DocTotal)) + "</td><td class=\"num\">" +
            escape(formatEuros(st.totalCents)) + "</td></tr>\n</tbody>\n</table>\n";

    body += "<h2>" + escape(fmt(Str::DocToCheckTitle, {std::to_string(st.unknown)})) + "</h2>\n";
    if (st.unknown == 0) {
        body += "<p class=\"muted\">" + escape(tr(Str::DocToCheckNone)) + "</p>\n";
    } else {
        body += "<p>" + escape(tr(Str::DocToCheckExplain)) + "</p>\n<table>\n<thead><tr><th>" +
                escape(tr(Str::DocColName)) + "</th><th>" + escape(tr(Str::DocColTerritory)) + "</th><th>" +
                escape(tr(Str::DocColInstitution)) + "</th><th class=\"num\">" + escape(tr(Str::DocColDays)) +
                "</th></tr></thead>\n<tbody>\n";
        for (const auto& [r, p] : byName(m, e)) {
            const Fee fee = feeOf(m, e, *r);
            if (fee.cents) continue;
            body += "<tr><td>" + escape(p->name) + "</td><td>" + escape(territoryName(m, p->territory)) +
                    "</td><td>" + escape(enumLabel(p->institution)) + "</td><td class=\"num\">" +
                    std::to_string(fee.days) + "</td></tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    body += "<p class=\"muted\">" + escape(tr(Str::DocFeesFreeNote)) + "</p>\n";
    body += contactBlock(m.settings);
    return htmlPage(fmt(Str::DocFeesTitle) + " — " + etapeLine(m, e), body);
}

// [SECTION] The same as PDF

namespace {

/// The top of a document of the day: the Tour, its title, the étape, theme, venue and facilitator.
Document dayDocument(const Model& m, const Etape& e, Str title) {
    Document d;
    d.title = fmt(title) + " — " + etapeLine(m, e);
    d.author = m.settings.organisation.empty() ? std::string(tr(Str::TourTitle)) : m.settings.organisation;
    d.kicker = tr(Str::TourTitle);
    d.contents = false;
    d.cover.push_back(tr(title));
    d.cover.push_back(etapeLine(m, e));
    if (!e.header.theme.empty()) d.cover.push_back(fmt(Str::DocTheme, {e.header.theme}));
    if (!e.header.venue.empty()) d.cover.push_back(fmt(Str::DocVenue, {e.header.venue}));
    if (!m.settings.contactName.empty()) d.cover.push_back(fmt(Str::DocFacilitator, {m.settings.contactName}));
    return d;
}

DocBlock note(std::string text) {
    DocBlock b{DocBlock::Kind::Note};
    b.text = std::move(text);
    return b;
}

/// The organiser's contact (the brochure's « Renseignements »), nothing when the settings hold none.
void addContact(Document& d, const Settings& s) {
    std::string text;
    for (const std::string* part : {&s.organisation, &s.contactName, &s.contactEmail, &s.contactPhone})
        if (!part->empty()) text += (text.empty() ? "" : " · ") + *part;
    if (!text.empty()) d.blocks.push_back(note(std::string(tr(Str::DocContactHeading)) + " — " + text));
}

}  // namespace

Document attendanceSheetDocument(const Model& m, const Etape& e) {
    Document d = dayDocument(m, e, Str::DocAttendanceTitle);
    DocBlock t{DocBlock::Kind::Table};
    t.table.header = {tr(Str::DocColName), tr(Str::DocColTerritory), tr(Str::DocColStructure), tr(Str::DocColInstitution),
                      tr(Str::DocColMorning), tr(Str::DocColAfternoon)};
    t.table.widths = {2.2, 1.4, 2.4, 2.0, 1.5, 1.5};
    t.table.minRowHeight = 36.85;  // 13 mm to sign, as in the HTML
    for (const auto& [r, p] : byName(m, e))
        t.table.rows.push_back({p->name, territoryName(m, p->territory), structureAndFunction(*p),
                                std::string(enumLabel(p->institution)), "", ""});
    for (int i = 0; i < 5; ++i) t.table.rows.push_back({"", "", "", "", "", ""});  // walk-ins, who sign on paper
    t.table.keepLast = 5;
    d.blocks.push_back(std::move(t));
    d.blocks.push_back(note(fmt(Str::DocRegisteredCount, {std::to_string(e.registrations.size())})));
    addContact(d, m.settings);
    return d;
}

Document feeStatementDocument(const Model& m, const Etape& e) {
    const FeeStatement st = feeStatement(m, e);
    Document d = dayDocument(m, e, Str::DocFeesTitle);
    DocBlock rule{DocBlock::Kind::Paragraph};
    rule.text = fmt(Str::DocFeesRule, {formatEuros(m.settings.dayRateCents(e.header.date.year))});
    d.blocks.push_back(std::move(rule));
    DocBlock t{DocBlock::Kind::Table};
    t.table.header = {tr(Str::DocColTerritory), tr(Str::DocColPeople), tr(Str::DocColDays), tr(Str::DocColAmount)};
    t.table.widths = {3, 1, 1, 1.4};
    for (const TerritoryFees& f : st.territories) {
        if (f.membership != Membership::NonAdherent || f.cents == 0) continue;
        t.table.rows.push_back({territoryName(m, f.territory), std::to_string(f.people), std::to_string(f.days),
                                formatEuros(f.cents)});
    }
    if (t.table.rows.empty()) t.table.rows.push_back({tr(Str::DocFeesNone), "", "", ""});
    t.table.rows.push_back({tr(Str::DocTotal), "", "", formatEuros(st.totalCents)});
    d.blocks.push_back(std::move(t));
    d.blocks.push_back(DocBlock{DocBlock::Kind::Heading, 1, fmt(Str::DocToCheckTitle, {std::to_string(st.unknown)})});
    if (st.unknown == 0) {
        d.blocks.push_back(note(tr(Str::DocToCheckNone)));
    } else {
        DocBlock explain{DocBlock::Kind::Paragraph};
        explain.text = tr(Str::DocToCheckExplain);
        d.blocks.push_back(std::move(explain));
        DocBlock u{DocBlock::Kind::Table};
        u.table.header = {tr(Str::DocColName), tr(Str::DocColTerritory), tr(Str::DocColInstitution), tr(Str::DocColDays)};
        u.table.widths = {2, 2, 2, 1};
        for (const auto& [r, p] : byName(m, e)) {
            const Fee fee = feeOf(m, e, *r);
            if (fee.cents) continue;
            u.table.rows.push_back({p->name, territoryName(m, p->territory), std::string(enumLabel(p->institution)),
                                    std::to_string(fee.days)});
        }
        d.blocks.push_back(std::move(u));
    }
    d.blocks.push_back(note(tr(Str::DocFeesFreeNote)));
    addContact(d, m.settings);
    return d;
}

std::string attendanceSheetPdf(const Model& m, const Etape& e) {
    return documentPdf(attendanceSheetDocument(m, e), {defaultFontDir(), {}});
}

std::string feeStatementPdf(const Model& m, const Etape& e) {
    return documentPdf(feeStatementDocument(m, e), {defaultFontDir(), {}});
}

// [SECTION] Fees as JSON and text

std::string feesJson(const Model& m, const Etape& e) {
    const FeeStatement st = feeStatement(m, e);
    nlohmann::ordered_json j;
    j["etape"] = e.header.number;
    j["total_eur"] = euros(st.totalCents);
    j["a_verifier"] = st.unknown;
    j["lignes"] = nlohmann::ordered_json::array();
    for (const Registration& r : e.registrations) {
        const Person* p = m.person(r.person);
        if (!p) continue;
        const Fee fee = feeOf(m, e, r);
        nlohmann::ordered_json line;
        line["nom"] = p->name;
        if (const Territory* t = p->territory ? m.territory(*p->territory) : nullptr) line["territoire"] = t->name;
        else line["territoire"] = nullptr;
        line["institution"] = enumLabel(p->institution);
        if (fee.cents) line["montant_eur"] = euros(*fee.cents);
        else line["montant_eur"] = nullptr;
        line["motif"] = feeReasonKey(fee.reason);
        line["jours"] = fee.days;
        j["lignes"].push_back(std::move(line));
    }
    return j.dump(2) + "\n";
}

std::string feesTable(const Model& m, const Etape& e) {
    const FeeStatement st = feeStatement(m, e);
    std::string out = etapeLine(m, e) + "\n";
    for (const Registration& r : e.registrations) {
        const Person* p = m.person(r.person);
        if (!p) continue;
        const Fee fee = feeOf(m, e, r);
        out += "  " + p->name + " (" + territoryName(m, p->territory) + ")" + kNbsp + ": " +
               (fee.cents ? formatEuros(*fee.cents) : std::string(tr(Str::FeeAVerifier))) + " — " +
               feeReasonLabel(fee.reason) + "\n";
    }
    out += fmt(Str::CliFeesTotal, {formatEuros(st.totalCents), std::to_string(st.unknown)}) + "\n";
    return out;
}

std::string documentFileName(const Etape& etape, std::string_view kind) {
    ATELIER_ASSERT(!kind.empty(), "documentFileName needs the kind of document");
    return "etape-" + std::to_string(etape.header.number) + "-" + std::string(kind) + ".html";
}

}  // namespace atelier::exporting
