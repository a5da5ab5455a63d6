/*
 * LoadMenuIndirectA: a menu from an in-memory template, the format
 * resource compilers write. Its strings are UTF-16 even for the A call;
 * they become UTF-8 here, the narrow encoding of this library.
 *
 * Version 0 (MENUITEMTEMPLATEHEADER, then items): each item is a WORD of
 * MF_* options, a WORD id unless it is a popup, and a string; a popup's
 * items follow it, and MF_END marks the last item of each level.
 * Version 1 (MENUEX): each item is DWORDs of type, state and id, a WORD
 * of flags (0x01 popup, 0x80 last), a string, padding to a DWORD, and for
 * a popup a help id before its items.
 */
#include <string.h>

#include "resource.h"
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
        size_t len = utf8_encode(c, buf);
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

static DWORD read_dword(const WORD **p)
{
    DWORD v = (DWORD)(*p)[0] | (DWORD)(*p)[1] << 16;
    *p += 2;
    return v;
}

static BOOL parse_ex_items(const WORD **p, HMENU menu, int depth)
{
    if (depth > MAX_TEMPLATE_DEPTH)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    for (;;) {
        MENUITEMINFOA mii;
        char text[1024];
        memset(&mii, 0, sizeof(mii));
        mii.cbSize = sizeof(mii);
        mii.fMask = MIIM_FTYPE | MIIM_STATE | MIIM_ID | MIIM_STRING;
        mii.fType = read_dword(p);
        mii.fState = read_dword(p);
        mii.wID = read_dword(p);
        WORD flags = *(*p)++;
        read_string(p, text, sizeof(text));
        /* Items start on DWORD boundaries. */
        *p = (const WORD *)(((uintptr_t)*p + 3) & ~(uintptr_t)3);
        mii.dwTypeData = text[0] ? text : NULL;
        if (flags & 0x01) {
            (void)read_dword(p); /* the popup's help id */
            if (!(mii.hSubMenu = CreatePopupMenu()))
                return FALSE;
            mii.fMask |= MIIM_SUBMENU;
            if (!parse_ex_items(p, mii.hSubMenu, depth + 1)) {
                DestroyMenu(mii.hSubMenu);
                return FALSE;
            }
        }
        if (!InsertMenuItemA(menu, (UINT)GetMenuItemCount(menu), TRUE, &mii))
            return FALSE;
        if (flags & 0x80)
            return TRUE;
    }
}

HMENU WINAPI LoadMenuIndirectA(const MENUTEMPLATEA *tmpl)
{
    const MENUITEMTEMPLATEHEADER *header = tmpl;
    if (!header || header->versionNumber > 1)
        return NULL; /* as Wine: no error for a version it does not know */
    /* Version 0's offset counts from the header's end; version 1's from
     * the end of its offset field (before a DWORD help id). */
    const WORD *p = (const WORD *)((const char *)(header + 1) + header->offset);
    if (header->versionNumber == 1)
        p = (const WORD *)((const char *)&header->offset + sizeof(WORD) + header->offset);
    HMENU menu = CreateMenu();
    BOOL ok = !menu ? FALSE
              : header->versionNumber ? parse_ex_items(&p, menu, 0)
                                      : parse_items(&p, menu, 0);
    if (menu && !ok) {
        DestroyMenu(menu);
        return NULL;
    }
    return menu;
}

/* A menu resource of the program (<winhandle_resources.h>). */
HMENU WINAPI LoadMenuA(HINSTANCE inst, LPCSTR name)
{
    const void *data;
    DWORD size;
    if (!resource_find(inst, RT_MENU, name, &data, &size))
        return NULL;
    return LoadMenuIndirectA(data);
}
