/*
 * LoadMenuIndirectA: a menu from an in-memory template, the format
 * resource compilers write. Its strings are UTF-16 even for the A call;
 * they become UTF-8 here, the narrow encoding of this library.
 *
 * Version 0 only (MENUITEMTEMPLATEHEADER, then items): each item is a
 * WORD of MF_* options, a WORD id unless it is a popup, and a string; a
 * popup's items follow it, and MF_END marks the last item of each level.
 * The extended (version 1, MENUEX) format is not provided yet.
 */
#include <string.h>

#include "user_private.h"

/* Deeper than any real menu; a corrupt template cannot recurse forever. */
#define MAX_TEMPLATE_DEPTH 32

/* Read one UTF-16 string at *p into out (UTF-8, truncated to fit). */
static void read_string(const WORD **p, char *out, size_t size)
{
    size_t n = 0;
    const WORD *s = *p;
    for (; *s; s++) {
        uint32_t c = *s;
        if (c >= 0xd800 && c < 0xdc00 && s[1] >= 0xdc00 && s[1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (s[1] - 0xdc00);
            s++;
        }
        char buf[4];
        size_t len;
        if (c < 0x80)
            buf[0] = (char)c, len = 1;
        else if (c < 0x800)
            buf[0] = (char)(0xc0 | c >> 6), buf[1] = (char)(0x80 | (c & 0x3f)), len = 2;
        else if (c < 0x10000)
            buf[0] = (char)(0xe0 | c >> 12), buf[1] = (char)(0x80 | ((c >> 6) & 0x3f)),
            buf[2] = (char)(0x80 | (c & 0x3f)), len = 3;
        else
            buf[0] = (char)(0xf0 | c >> 18), buf[1] = (char)(0x80 | ((c >> 12) & 0x3f)),
            buf[2] = (char)(0x80 | ((c >> 6) & 0x3f)), buf[3] = (char)(0x80 | (c & 0x3f)),
            len = 4;
        if (n + len < size) {
            memcpy(out + n, buf, len);
            n += len;
        }
    }
    out[n] = '\0';
    *p = s + 1;
}

/* Fill menu from the items at *p, up to and with the one marked MF_END. */
static BOOL parse_items(const WORD **p, HMENU menu, int depth)
{
    if (depth > MAX_TEMPLATE_DEPTH)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    for (;;) {
        WORD option = *(*p)++, id = 0;
        if (!(option & MF_POPUP))
            id = *(*p)++;
        char text[1024];
        read_string(p, text, sizeof(text));
        UINT flags = option & ~(UINT)MF_END;
        UINT_PTR new_id = id;
        if (option & MF_POPUP) {
            HMENU sub = CreatePopupMenu();
            if (!sub)
                return FALSE;
            if (!parse_items(p, sub, depth + 1)) {
                DestroyMenu(sub);
                return FALSE;
            }
            new_id = (UINT_PTR)sub;
        } else if (!id && !flags && !text[0]) {
            flags |= MF_SEPARATOR; /* how templates write MENUITEM SEPARATOR */
        }
        if (!AppendMenuA(menu, flags, new_id, (flags & MF_SEPARATOR) ? NULL : text))
            return FALSE;
        if (option & MF_END)
            return TRUE;
    }
}

HMENU WINAPI LoadMenuIndirectA(const MENUTEMPLATEA *tmpl)
{
    const MENUITEMTEMPLATEHEADER *header = tmpl;
    if (!header || header->versionNumber != 0)
        return NULL; /* as Wine: no error for a version it does not know */
    const WORD *p = (const WORD *)((const char *)(header + 1) + header->offset);
    HMENU menu = CreateMenu();
    if (menu && !parse_items(&p, menu, 0)) {
        DestroyMenu(menu);
        return NULL;
    }
    return menu;
}
