#include "core/register.h"

namespace atelier {

const std::vector<DataCategory>& personalDataCategories() {
    static const std::vector<DataCategory> categories = {
        {Str::RegIdentityWhat, Str::RegIdentityWhere, Str::RegIdentityWhy, Str::RegThreeYears},
        {Str::RegPresenceWhat, Str::RegPresenceWhere, Str::RegPresenceWhy, Str::RegThreeYears},
        {Str::RegFeesWhat, Str::RegFeesWhere, Str::RegFeesWhy, Str::RegThreeYears},
        {Str::RegPhonesWhat, Str::RegPhonesWhere, Str::RegPhonesWhy, Str::RegEndOfEtape},
        {Str::RegIdeasWhat, Str::RegIdeasWhere, Str::RegIdeasWhy, Str::RegThreeYears},
        {Str::RegFollowUpsWhat, Str::RegFollowUpsWhere, Str::RegFollowUpsWhy, Str::RegThreeYears},
        {Str::RegDocumentsWhat, Str::RegDocumentsWhere, Str::RegDocumentsWhy, Str::RegThreeYears},
    };
    return categories;
}

std::string controllerLine(const Settings& s) {
    std::string out = s.organisation;
    std::string contact = s.contactName;
    if (!s.contactEmail.empty()) contact += (contact.empty() ? "" : ", ") + s.contactEmail;
    if (!contact.empty()) out += (out.empty() ? "" : " — ") + contact;
    return out.empty() ? tr(Str::RegToFill) : out;
}

namespace {
std::string contactOf(const Settings& s) { return s.contactEmail.empty() ? controllerLine(s) : s.contactEmail; }
std::string organisationOf(const Settings& s) { return s.organisation.empty() ? tr(Str::RegToFill) : s.organisation; }
}  // namespace

std::string registrationNotice(const Settings& s) {
    return fmt(Str::RegNoticeForm, {organisationOf(s), contactOf(s)});
}
std::string phoneNotice(const Settings& s) { return fmt(Str::RegNoticePhone, {organisationOf(s)}); }
std::string attendanceFooter(const Settings& s) {
    return fmt(Str::RegNoticeSheet, {organisationOf(s), contactOf(s)});
}

}  // namespace atelier
