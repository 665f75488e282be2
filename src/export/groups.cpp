#include "export/groups.h"

#include "core/breakout.h"
#include "core/enums.h"
#include "core/strings.h"
#include "export/html.h"

namespace atelier::exporting {

const char* roleName(int role) {
    static const Str kRoles[] = {Str::RoleAnimateur, Str::RoleRapporteur, Str::RoleGardienTemps};
    return role >= 0 && role < kGroupRoles ? tr(kRoles[role]) : "";
}

std::string groupsHtml(const Model& model, const Etape& e) {
    std::string body = "<header><div class=\"kicker\">" + escape(tr(Str::TourTitle)) + "</div><h1>" +
                       escape(tr(Str::DocGroupsTitle)) + "</h1><p>" + escape(etapeLine(model, e)) + "</p></header>\n";
    for (size_t r = 0; r < e.groups.rounds.size(); ++r) {
        body += "<h2>" + escape(fmt(Str::RoundName, {std::to_string(r + 1)})) + "</h2>\n";
        for (size_t gi = 0; gi < e.groups.rounds[r].groups.size(); ++gi) {
            const Group& g = e.groups.rounds[r].groups[gi];
            body += "<h3>" + escape(g.name);
            if (const std::string room = groupRoom(e.groups, static_cast<int>(r), static_cast<int>(gi)); !room.empty())
                body += " — " + escape(room);
            body += "</h3>\n";
            if (!g.question.empty()) body += "<p><em>" + escape(g.question) + "</em></p>\n";
            body += "<table><thead><tr><th>" + escape(tr(Str::DocColName)) + "</th><th>" +
                    escape(tr(Str::DocColTerritory)) + "</th><th>" + escape(tr(Str::DocColInstitution)) + "</th><th>" +
                    escape(tr(Str::ColGroupRole)) + "</th></tr></thead><tbody>\n";
            for (size_t i = 0; i < g.members.size(); ++i) {
                const Person* p = model.person(g.members[i]);
                if (!p) continue;
                std::string role;
                for (int k = 0; k < kGroupRoles; ++k)
                    if (roleHolder(g, static_cast<int>(r), k) == static_cast<int>(i)) role = roleName(k);
                const Territory* t = p->territory ? model.territory(*p->territory) : nullptr;
                body += "<tr><td>" + escape(p->name) + "</td><td>" + escape(t ? t->name : std::string()) + "</td><td>" +
                        escape(enumLabel(p->institution)) + "</td><td>" + escape(role) + "</td></tr>\n";
            }
            body += "</tbody></table>\n";
        }
    }
    body += contactBlock(model.settings);
    return htmlPage(fmt(Str::DocGroupsTitle) + " — " + etapeLine(model, e), body);
}

}  // namespace atelier::exporting
