/* Windows build only (vendor/windows.cmake links it into every program with -Wl,--wrap=mbrtowc).
 * Atelier's strings are UTF-8 everywhere. MinGW's libstdc++ turns a std::string into a std::filesystem::path (and
 * an std::ifstream name) through the C locale's mbrtowc, which on Windows maps each byte to one character: « Été »
 * would name a file « Ã‰tÃ© ». This mbrtowc decodes UTF-8 instead (UTF-16 code unit; U+FFFD beyond the BMP), and
 * keeps a byte that is not UTF-8 as its Latin-1 character rather than failing. */
#include <stddef.h>
#include <wchar.h>

size_t __wrap_mbrtowc(wchar_t* out, const char* in, size_t n, mbstate_t* state) {
    (void)state;
    if (!in) return 0;
    if (n == 0) return (size_t)-2;
    const unsigned char* s = (const unsigned char*)in;
    const unsigned c = s[0];
    size_t len;
    unsigned cp;
    if (c < 0x80) {
        if (out) *out = (wchar_t)c;
        return c ? 1 : 0;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        goto latin1;
    }
    for (size_t i = 1; i < len; ++i) {
        if (i >= n) return (size_t)-2;  /* incomplete so far: more bytes needed */
        if ((s[i] & 0xC0) != 0x80) goto latin1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp > 0xFFFF) cp = 0xFFFD;
    if (out) *out = (wchar_t)cp;
    return len;
latin1:
    if (out) *out = (wchar_t)c;
    return 1;
}
