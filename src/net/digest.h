// SHA-256 (FIPS 180-4), written from the standard: what the room remembers of a phone is a digest of its token,
// never the token itself, so that the data folder alone can neither sign in as a phone nor tie a ballot to it.
#pragma once

#include <string>
#include <string_view>

namespace atelier::net {

/// The SHA-256 digest of `data`, as 64 lowercase hexadecimal digits.
std::string sha256Hex(std::string_view data);

}  // namespace atelier::net
