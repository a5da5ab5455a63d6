/*
 * Writing dialog templates in memory, as a resource compiler lays them
 * out: DLGTEMPLATE or DLGTEMPLATEEX, then WORD-aligned strings (UTF-16)
 * and ordinals, each item DWORD-aligned. For the dialog conformance
 * programs and tests.
 */
#ifndef WINHANDLE_DIALOG_TEMPLATE_H
#define WINHANDLE_DIALOG_TEMPLATE_H

#include <string.h>

#include <windows.h>

struct tmpl {
    WORD w[1024] __attribute__((aligned(4))); /* items are DWORD-aligned */
    int n;
};

static inline void t_word(struct tmpl *t, WORD v)
{
    t->w[t->n++] = v;
}

static inline void t_dword(struct tmpl *t, DWORD v)
{
    t_word(t, (WORD)(v & 0xffff));
    t_word(t, (WORD)(v >> 16));
}

/* A string as UTF-16 (ASCII only here), NUL-terminated. */
static inline void t_str(struct tmpl *t, const char *s)
{
    while (*s)
        t_word(t, (WORD)(unsigned char)*s++);
    t_word(t, 0);
}

static inline void t_ordinal(struct tmpl *t, WORD v)
{
    t_word(t, 0xffff);
    t_word(t, v);
}

static inline void t_rect(struct tmpl *t, short x, short y, short cx, short cy)
{
    t_word(t, (WORD)x);
    t_word(t, (WORD)y);
    t_word(t, (WORD)cx);
    t_word(t, (WORD)cy);
}

/* An item's class by ordinal (cls_ord != 0) or by name, then its text. */
static inline void t_class_text(struct tmpl *t, WORD cls_ord, const char *cls, const char *text)
{
    if (cls_ord)
        t_ordinal(t, cls_ord);
    else
        t_str(t, cls);
    t_str(t, text);
}

static inline void t_align4(struct tmpl *t)
{
    if (t->n & 1)
        t_word(t, 0);
}

/* DLGTEMPLATE: no menu, the class (NULL: the dialog class), the title,
 * and the font when style has DS_SETFONT. */
static inline void t_dialog(struct tmpl *t, DWORD style, DWORD ex_style, WORD count,
                            short x, short y, short cx, short cy, const char *cls,
                            const char *title)
{
    t->n = 0;
    t_dword(t, style);
    t_dword(t, ex_style);
    t_word(t, count);
    t_rect(t, x, y, cx, cy);
    t_word(t, 0); /* no menu */
    if (cls)
        t_str(t, cls);
    else
        t_word(t, 0);
    t_str(t, title);
    if (style & DS_SETFONT) {
        t_word(t, 8);
        t_str(t, "MS Shell Dlg");
    }
}

/* A DLGITEMTEMPLATE: class by ordinal (cls_ord != 0) or by name. */
static inline void t_item(struct tmpl *t, DWORD style, DWORD ex_style, short x, short y,
                          short cx, short cy, WORD id, WORD cls_ord, const char *cls,
                          const char *text)
{
    t_align4(t);
    t_dword(t, style);
    t_dword(t, ex_style);
    t_rect(t, x, y, cx, cy);
    t_word(t, id);
    t_class_text(t, cls_ord, cls, text);
}

/* DLGTEMPLATEEX (version 1): the same, with a help id, and the font's
 * weight, italic flag and character set. */
static inline void t_dialog_ex(struct tmpl *t, DWORD style, DWORD ex_style, WORD count,
                               short x, short y, short cx, short cy, const char *title)
{
    t->n = 0;
    t_word(t, 1);      /* dlgVer */
    t_word(t, 0xffff); /* signature */
    t_dword(t, 0);     /* helpID */
    t_dword(t, ex_style);
    t_dword(t, style);
    t_word(t, count);
    t_rect(t, x, y, cx, cy);
    t_word(t, 0); /* no menu */
    t_word(t, 0); /* the dialog class */
    t_str(t, title);
    if (style & DS_SETFONT) {
        t_word(t, 9);     /* point size */
        t_word(t, 400);   /* weight */
        t_word(t, 0x100); /* not italic; charset 1 */
        t_str(t, "Tahoma");
    }
}

/* A DLGITEMTEMPLATEEX: a DWORD id, class by ordinal or name. */
static inline void t_item_ex(struct tmpl *t, DWORD style, DWORD ex_style, short x, short y,
                             short cx, short cy, DWORD id, WORD cls_ord, const char *cls,
                             const char *text)
{
    t_align4(t);
    t_dword(t, 0); /* helpID */
    t_dword(t, ex_style);
    t_dword(t, style);
    t_rect(t, x, y, cx, cy);
    t_dword(t, id);
    t_class_text(t, cls_ord, cls, text);
}

/* The creation data of the item just written: a WORD that counts the
 * bytes after it, then those bytes. */
static inline void t_data(struct tmpl *t, const WORD *data, int words)
{
    t_word(t, (WORD)(2 * words));
    for (int i = 0; i < words; i++)
        t_word(t, data[i]);
}

static inline LPCDLGTEMPLATEA t_get(struct tmpl *t)
{
    return (LPCDLGTEMPLATEA)t->w;
}

#endif
