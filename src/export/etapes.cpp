#include "export/etapes.h"

#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "core/strings.h"
#include "core/text.h"

namespace atelier::exporting {

namespace {
std::string hostName(const Model& m, const Etape& e) {
    const Territory* t = e.header.host ? m.territory(*e.header.host) : nullptr;
    return t ? t->name : std::string();
}

/// `text` padded with spaces to `width` code points (UTF-8 aware, for accented names).
std::string pad(const std::string& text, size_t width) {
    const size_t n = countCodePoints(text);
    return n >= width ? text + " " : text + std::string(width - n, ' ');
}
}  // namespace

std::string etapesJson(const Model& model) {
    auto out = nlohmann::ordered_json::array();
    for (const Etape& e : model.etapes) {
        nlohmann::ordered_json j;
        j["numero"] = e.header.number;
        j["date"] = toIso(e.header.date);
        if (e.header.host) j["cite"] = hostName(model, e);
        else j["cite"] = nullptr;
        j["theme"] = e.header.theme;
        j["statut"] = std::string(enumKey(e.header.status));
        out.push_back(std::move(j));
    }
    return out.dump(2) + "\n";
}

std::string etapesTable(const Model& model) {
    std::string out = std::string(tr(Str::CliEtapesHeader)) + "\n";
    for (const Etape& e : model.etapes) {
        const std::string host = e.header.host ? hostName(model, e) : std::string(tr(Str::HostToConfirm));
        out += pad(std::to_string(e.header.number), 4) + pad(toIso(e.header.date), 12) + pad(host, 24) +
               pad(enumLabel(e.header.status), 12) + e.header.theme + "\n";
    }
    return out;
}

}  // namespace atelier::exporting
