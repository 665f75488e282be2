// Fuzz target: the photo check of the actions-phares (store/photos.h) — the header read without decoding, the
// pixel budget, the header against the data, then stb's decoder. A photo it accepts must stay within the budget.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/photos.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto header = atelier::store::readPhotoHeader(bytes);
    const std::string reason = atelier::store::checkPhoto(bytes);
    if (reason.empty()) {
        if (!header) __builtin_trap();  // accepted without a header that says its size
        if (std::int64_t(header->width) * header->height > atelier::store::kMaxPhotoPixels) __builtin_trap();
    }
    return 0;
}
