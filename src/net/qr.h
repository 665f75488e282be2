// The QR code of the join URL (issue 12 point 2), from Debian's libqrencode. The screens draw its modules; the
// net layer only encodes, so the UI never includes the library.
#pragma once

#include <string>
#include <vector>

namespace atelier::net {

/// A square of modules, row by row; size 0 when the text could not be encoded.
struct QrCode {
    int size = 0;
    std::vector<unsigned char> modules;  // size × size, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

/// Encodes `text` (UTF-8, 8-bit mode) with error correction level M: a code a phone reads off a projector from
/// the back of a room even with a reflection on part of it.
QrCode encodeQr(const std::string& text);

}  // namespace atelier::net
