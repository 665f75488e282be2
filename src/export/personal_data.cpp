#include "export/personal_data.h"

#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/strings.h"
#include "export/html.h"

namespace atelier::exporting {

namespace {
using Json = nlohmann::ordered_json;

Json feeJson(const Fee& fee) { return fee.cents ? Json(static_cast<double>(*fee.cents) / 100.0) : Json(nullptr); }

std::string yesNo(bool value) { return tr(value ? Str::PdYes : Str::PdNo); }

/// A table with a header row; every cell escaped.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) return "<p>" + escape(tr(Str::PdNone)) + "</p>\n";
    std::string out = "<table>\n<thead><tr>";
    for (const std::string& h : header) out += "<th>" + escape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (const std::string& cell : row) out += "<td>" + escape(cell) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}
}  // namespace

std::string personalDataJson(const PersonalData& d, const Settings& controller) {
    const Person& p = d.person;
    Json out;
    out["personne"] = {{"nom", p.name},
                       {"courriel", p.email},
                       {"territoire", d.territory},
                       {"institution", std::string(enumKey(p.institution))},
                       {"role", std::string(enumKey(p.role))},
                       {"structure", p.structure},
                       {"fonction", p.function}};
    out["inscriptions"] = Json::array();
    for (const auto& r : d.registrations)
        out["inscriptions"].push_back({{"etape", r.etape}, {"date", toIso(r.date)}, {"theme", r.theme},
                                       {"jours", r.days}, {"present", r.present}, {"sur_place", r.walkIn},
                                       {"frais_eur", feeJson(r.fee)}, {"motif", feeReasonKey(r.fee.reason)}});
    out["groupes"] = Json::array();
    for (const auto& g : d.groups) out["groupes"].push_back({{"etape", g.etape}, {"tour", g.round}, {"groupe", g.group}});
    out["idees"] = Json::array();
    for (const auto& i : d.ideas)
        out["idees"].push_back({{"etape", i.etape}, {"tableau", i.board}, {"texte", i.text}, {"groupe", i.group},
                                {"auteur", i.author}, {"saisie", std::string(enumKey(i.entry))},
                                {"horodatage", i.time}});
    out["suivis"] = Json::array();
    for (const auto& f : d.followUps)
        out["suivis"].push_back({{"pratique", f.practice}, {"cite", f.cite},
                                 {"statut", std::string(enumKey(f.status))}, {"date", toIso(f.date)},
                                 {"note", f.note}});
    out["telephones"] = Json::array();
    for (const auto& ph : d.phones)
        out["telephones"].push_back({{"prenom", ph.prenom}, {"cite", ph.cite}, {"groupe", ph.groupe}});
    out["archives"] = Json::array();
    for (const auto& a : d.archives)
        out["archives"].push_back({{"etape", a.etape}, {"date", toIso(a.date)}, {"dossier", a.folder}});
    out["responsable"] = {{"organisation", controller.organisation},
                          {"contact", controller.contactName},
                          {"courriel", controller.contactEmail}};
    return out.dump(2) + "\n";
}

std::string personalDataHtml(const PersonalData& d, const Settings& controller) {
    const Person& p = d.person;
    std::string body = "<h1>" + escape(fmt(Str::PdTitle, {p.name})) + "</h1>\n";
    body += "<p>" + escape(fmt(Str::PdIntro, {controller.organisation})) + "</p>\n";
    body += "<h2>" + escape(tr(Str::PdIdentity)) + "</h2>\n";
    body += table({tr(Str::PdField), tr(Str::PdValue)},
                  {{tr(Str::PdName), p.name},
                   {tr(Str::PdEmail), p.email},
                   {tr(Str::PdTerritory), d.territory},
                   {tr(Str::PdInstitution), enumLabel(p.institution)},
                   {tr(Str::PdRole), enumLabel(p.role)},
                   {tr(Str::PdStructure), p.structure},
                   {tr(Str::PdFunction), p.function}});
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : d.registrations)
        rows.push_back({std::to_string(r.etape), formatLongFr(r.date), r.theme, std::to_string(r.days),
                        yesNo(r.present), yesNo(r.walkIn),
                        r.fee.cents ? formatEuros(*r.fee.cents) : std::string(feeReasonLabel(r.fee.reason))});
    body += "<h2>" + escape(tr(Str::PdRegistrations)) + "</h2>\n" +
            table({tr(Str::PdEtape), tr(Str::PdDate), tr(Str::PdTheme), tr(Str::PdDays), tr(Str::PdPresent),
                   tr(Str::PdWalkIn), tr(Str::PdFee)},
                  rows);
    rows.clear();
    for (const auto& g : d.groups) rows.push_back({std::to_string(g.etape), std::to_string(g.round), g.group});
    body += "<h2>" + escape(tr(Str::PdGroups)) + "</h2>\n" +
            table({tr(Str::PdEtape), tr(Str::PdRound), tr(Str::PdGroup)}, rows);
    rows.clear();
    for (const auto& i : d.ideas)
        rows.push_back({std::to_string(i.etape), i.board, i.text, i.group, i.author, enumLabel(i.entry)});
    body += "<h2>" + escape(tr(Str::PdIdeas)) + "</h2>\n" +
            table({tr(Str::PdEtape), tr(Str::PdBoard), tr(Str::PdText), tr(Str::PdGroup), tr(Str::PdAuthor),
                   tr(Str::PdEntry)},
                  rows);
    rows.clear();
    for (const auto& f : d.followUps) rows.push_back({f.practice, f.cite, enumLabel(f.status), formatLongFr(f.date), f.note});
    body += "<h2>" + escape(tr(Str::PdFollowUps)) + "</h2>\n" +
            table({tr(Str::PdPractice), tr(Str::PdCite), tr(Str::PdStatus), tr(Str::PdDate), tr(Str::PdNote)}, rows);
    rows.clear();
    for (const auto& ph : d.phones) rows.push_back({ph.prenom, ph.cite, ph.groupe});
    body += "<h2>" + escape(tr(Str::PdPhones)) + "</h2>\n" +
            table({tr(Str::PdPrenom), tr(Str::PdCite), tr(Str::PdGroup)}, rows);
    rows.clear();
    for (const auto& a : d.archives) rows.push_back({std::to_string(a.etape), formatLongFr(a.date), a.folder});
    body += "<h2>" + escape(tr(Str::PdArchives)) + "</h2>\n" +
            table({tr(Str::PdEtape), tr(Str::PdDate), tr(Str::PdFolder)}, rows);
    body += contactBlock(controller);
    return htmlPage(fmt(Str::PdTitle, {p.name}), body);
}

std::vector<std::pair<std::string, std::string>> personalDataFiles(const PersonalData& data, const Settings& controller) {
    return {{"donnees-personnelles.json", personalDataJson(data, controller)},
            {"donnees-personnelles.html", personalDataHtml(data, controller)}};
}

}  // namespace atelier::exporting
