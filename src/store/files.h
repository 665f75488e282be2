// Writing files the user keeps (documents, exports, archives): atomically, so that a crash or a full disk never
// leaves a half-written file, and an existing file is replaced only once the new one is complete.
#pragma once

#include <filesystem>
#include <string_view>

namespace atelier::store {

/// Writes `content` to `file` through a temporary file in the same folder, flushed, then renamed over `file`.
/// Throws StoreError (French message naming the file) when it cannot; `file` is then unchanged.
void writeFileAtomic(const std::filesystem::path& file, std::string_view content);

}  // namespace atelier::store
