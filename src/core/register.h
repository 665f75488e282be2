// What Atelier keeps about people, said once (RGPD, issue 34, point 1): the register of the categories of personal
// data — what, where, why, for how long — with the controller from the settings, and the texts generated from it
// for the facilitator: the notice of the registration form, the line the phones show before joining, the footer of
// the attendance sheet. `atelier rgpd registre [--json]` prints it. Plain C++20.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/strings.h"

namespace atelier {

/// One category of personal data: its French texts (what, where, why, for how long).
struct DataCategory {
    Str what, where, why, howLong;
};

/// Every category Atelier keeps, in the order of the register.
const std::vector<DataCategory>& personalDataCategories();

/// The controller as the settings name it: « IREV — Gwendoline Le Coat, g.lecoat@irev.fr »; « à renseigner »
/// when the settings are empty.
std::string controllerLine(const Settings& settings);

/// The notice to paste into the invitation or the registration form.
std::string registrationNotice(const Settings& settings);
/// The line the phones show before joining.
std::string phoneNotice(const Settings& settings);
/// The footer of the attendance sheet.
std::string attendanceFooter(const Settings& settings);

}  // namespace atelier
