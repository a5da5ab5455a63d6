#include "utf8.h"

#include <stdint.h>

size_t utf8_sequence(const unsigned char *s, size_t len)
{
    size_t need;
    uint32_t cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0) { need = 2; cp = s[0] & 0x1fu; }
    else if ((s[0] & 0xf0) == 0xe0) { need = 3; cp = s[0] & 0x0fu; }
    else if ((s[0] & 0xf8) == 0xf0) { need = 4; cp = s[0] & 0x07u; }
    else return 0;
    if (need > len)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3fu);
    }
    /* Overlong forms, surrogates and values past Unicode are not UTF-8. */
    static const uint32_t min_for[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (cp < min_for[need] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return need;
}
