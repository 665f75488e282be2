#include "core/etape_line.h"

namespace atelier {

std::vector<EtapeLine> etapeLines(const Model& model) {
    std::vector<EtapeLine> lines;
    lines.reserve(model.etapes.size());
    for (const Etape& e : model.etapes) {
        EtapeLine line{e.header.number, e.header.date, std::nullopt, e.header.theme, e.header.status};
        if (e.header.host) {
            const Territory* t = model.territory(*e.header.host);
            line.host = t ? t->name : std::string();
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace atelier
