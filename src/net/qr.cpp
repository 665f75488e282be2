#include "net/qr.h"

#include <qrencode.h>

#include <memory>

namespace atelier::net {

QrCode encodeQr(const std::string& text) {
    QrCode code;
    if (text.empty()) return code;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!encoded) return code;
    code.size = encoded->width;
    code.modules.resize(static_cast<size_t>(code.size) * code.size);
    for (size_t i = 0; i < code.modules.size(); ++i) code.modules[i] = encoded->data[i] & 1;  // bit 0: dark
    return code;
}

}  // namespace atelier::net
