// Our own data files from assets/, embedded at build time (vendor/embed_assets.cmake).
#pragma once

#include <string_view>

namespace atelier {

/// Contents of assets/<name> (e.g. "tour.json"); empty when there is no such asset.
std::string_view asset(std::string_view name);

}  // namespace atelier
