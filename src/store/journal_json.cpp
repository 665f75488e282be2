#include "store/journal_json.h"

namespace atelier::store {

void JournalJsonWriter::string(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out_ += '"';
    size_t plain = 0;  // start of the run of bytes written as they are
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(s.data() + plain, i - plain);
        plain = i + 1;
        out_ += '\\';
        switch (c) {
            case '"': out_ += '"'; break;
            case '\\': out_ += '\\'; break;
            case '\b': out_ += 'b'; break;
            case '\f': out_ += 'f'; break;
            case '\n': out_ += 'n'; break;
            case '\r': out_ += 'r'; break;
            case '\t': out_ += 't'; break;
            default:
                out_ += "u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0xF];
        }
    }
    out_.append(s.data() + plain, s.size() - plain);
    out_ += '"';
}

}  // namespace atelier::store
