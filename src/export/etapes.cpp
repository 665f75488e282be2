#include "export/etapes.h"

#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier::exporting {

namespace {
/// `text` padded with spaces to `width` code points (UTF-8 aware, for accented names).
std::string pad(const std::string& text, size_t width) {
    const size_t n = countCodePoints(text);
    return n >= width ? text + " " : text + std::string(width - n, ' ');
}
}  // namespace

std::string etapesJson(const std::vector<EtapeLine>& lines) {
    auto out = nlohmann::ordered_json::array();
    for (const EtapeLine& e : lines) {
        nlohmann::ordered_json j;
        j["numero"] = e.number;
        j["date"] = toIso(e.date);
        if (e.host) j["cite"] = *e.host;
        else j["cite"] = nullptr;
        j["theme"] = e.theme;
        j["statut"] = std::string(enumKey(e.status));
        out.push_back(std::move(j));
    }
    return out.dump(2) + "\n";
}

std::string etapesTable(const std::vector<EtapeLine>& lines) {
    std::string out = std::string(tr(Str::CliEtapesHeader)) + "\n";
    for (const EtapeLine& e : lines) {
        const std::string host = e.host ? *e.host : std::string(tr(Str::HostToConfirm));
        out += pad(std::to_string(e.number), 4) + pad(toIso(e.date), 12) + pad(host, 24) +
               pad(enumLabel(e.status), 12) + e.theme + "\n";
    }
    return out;
}

}  // namespace atelier::exporting
