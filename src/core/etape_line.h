// What the list of étapes shows of each one (`atelier etapes`). The writer keeps these lines in the index (store)
// at every commit, so that listing the étapes replays nothing; they are derived from the model, never edited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace atelier {

struct EtapeLine {
    int number = 1;
    Date date;
    std::optional<std::string> host;  // the host Cité's name; nullopt while « à confirmer »
    std::string theme;
    EtapeStatus status = EtapeStatus::Prevue;
    bool operator==(const EtapeLine&) const = default;
};

/// One line per étape of `model`, in its order.
std::vector<EtapeLine> etapeLines(const Model& model);

}  // namespace atelier
