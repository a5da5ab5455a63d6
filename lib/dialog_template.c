/*
 * CreateDialogIndirectParamA and CreateDialogParamA: a modeless dialog
 * from a template, the format resource compilers write.
 *
 * DLGTEMPLATE: style, extended style, item count, x, y, cx, cy (dialog
 * units), then three fields that are each a WORD 0 (none), 0xFFFF and an
 * ordinal, or a UTF-16 string: the menu, the class (none: the dialog
 * class) and the title (a string); with DS_SETFONT a point size and a
 * face name. DLGTEMPLATEEX starts with version 1 and signature 0xFFFF,
 * has a help id and the extended style before the style, and its font
 * has a weight, an italic flag and a character set. Items start on a
 * DWORD boundary: DLGITEMTEMPLATE (style, extended style, x, y, cx, cy,
 * WORD id) or DLGITEMTEMPLATEEX (help id, extended style, style, the
 * rectangle, DWORD id), then the class (a string or an ordinal, 0x80 to
 * 0x85 naming Button, Edit, Static, ListBox, ScrollBar, ComboBox), the
 * text (a string or an ordinal) and a WORD counting the creation data
 * that follows it; a control gets a pointer to that WORD in its
 * CREATESTRUCT, as on Windows.
 *
 * A template in memory has no length. It is read through a copy made
 * with process_vm_readv, page by page as the parse needs it, so a
 * template that runs into unmapped memory fails with ERROR_NOACCESS
 * instead of crashing; and it is read whole before any window is made,
 * so a malformed one (ERROR_INVALID_PARAMETER) leaves nothing behind.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "dialog_private.h"
#include "resource.h"

/* Larger than any real template (a resource is at most a few KiB). */
#define MAX_TEMPLATE_BYTES (1u << 20)
#define MAX_TEMPLATE_TEXT 4096
#define CW_USEDEFAULT16 ((short)0x8000)

struct reader {
    const unsigned char *src; /* the caller's template */
    const unsigned char *data; /* what the parse reads: src, or copy */
    unsigned char *copy;
    size_t have, limit, pos;
    DWORD error; /* the first failure */
};

static void reader_init(struct reader *r, const void *src, size_t size)
{
    memset(r, 0, sizeof(*r));
    r->src = src;
    if (size) { /* a known length (a resource): read it in place */
        r->data = src;
        r->have = r->limit = size;
    } else {
        r->limit = MAX_TEMPLATE_BYTES;
    }
}

/* Copy the caller's bytes [have, want) into the copy; the kernel says
 * EFAULT where they are not mapped. */
static int copy_more(struct reader *r, size_t want)
{
    unsigned char *c = realloc(r->copy, want);
    if (!c) {
        r->error = ERROR_NOT_ENOUGH_MEMORY;
        return 0;
    }
    r->copy = c;
    r->data = c;
    struct iovec local = { c + r->have, want - r->have };
    struct iovec remote = { (void *)(r->src + r->have), want - r->have };
    ssize_t n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (n < 0 && (errno == ENOSYS || errno == EPERM))
        memcpy(local.iov_base, remote.iov_base, local.iov_len); /* no way to check */
    else if (n != (ssize_t)local.iov_len) {
        r->error = ERROR_NOACCESS;
        return 0;
    }
    r->have = want;
    return 1;
}

/* Whether n more bytes can be read at pos; copies up to the end of the
 * page they end in, so no read crosses into a page not needed. */
static int need(struct reader *r, size_t n)
{
    if (r->error)
        return 0;
    if (r->pos + n <= r->have)
        return 1;
    if (r->pos + n > r->limit) {
        r->error = ERROR_INVALID_PARAMETER;
        return 0;
    }
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t end = (uintptr_t)r->src + r->pos + n;
    end = (end + page - 1) & ~(uintptr_t)(page - 1);
    size_t want = end - (uintptr_t)r->src;
    if (want > r->limit)
        want = r->limit;
    return copy_more(r, want);
}

static WORD get_word(struct reader *r)
{
    if (!need(r, 2))
        return 0;
    WORD v = (WORD)(r->data[r->pos] | r->data[r->pos + 1] << 8);
    r->pos += 2;
    return v;
}

static DWORD get_dword(struct reader *r)
{
    DWORD lo = get_word(r);
    return lo | (DWORD)get_word(r) << 16;
}

/* Items start on a DWORD boundary of the address, as Windows reads. */
static void align_dword(struct reader *r)
{
    while (((uintptr_t)r->src + r->pos) & 3)
        r->pos++;
}

/* A UTF-16 string at pos (its first WORD already read as first) into
 * out, UTF-8, truncated to fit. */
static void get_string(struct reader *r, WORD first, char *out, size_t size)
{
    size_t n = 0;
    for (WORD w = first; w && !r->error; w = get_word(r)) {
        uint32_t c = w;
        if (c >= 0xd800 && c < 0xdc00) {
            size_t at = r->pos;
            WORD low = get_word(r);
            if (low >= 0xdc00 && low < 0xe000)
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00u);
            else
                r->pos = at;
        }
        char buf[4];
        size_t len = utf8_encode(c, buf);
        if (n + len < size) {
            memcpy(out + n, buf, len);
            n += len;
        }
    }
    out[n] = 0;
}

/* A name or an ordinal: the menu, a class, a text. */
struct sz_or_ord {
    int present;
    WORD ordinal; /* when present and !text[0] and is_ordinal */
    int is_ordinal;
    char text[MAX_TEMPLATE_TEXT];
};

static void get_sz_or_ord(struct reader *r, struct sz_or_ord *out)
{
    WORD first = get_word(r);
    out->present = first != 0;
    out->is_ordinal = first == 0xffff;
    out->ordinal = out->is_ordinal ? get_word(r) : 0;
    out->text[0] = 0;
    if (out->present && !out->is_ordinal)
        get_string(r, first, out->text, sizeof(out->text));
}

/* The EX forms put a help id and the extended style first. */
static void get_styles(struct reader *r, int ex, DWORD *style, DWORD *ex_style)
{
    if (ex) {
        (void)get_dword(r); /* help id */
        *ex_style = get_dword(r);
        *style = get_dword(r);
    } else {
        *style = get_dword(r);
        *ex_style = get_dword(r);
    }
}

static void get_rect(struct reader *r, short *x, short *y, short *cx, short *cy)
{
    *x = (short)get_word(r);
    *y = (short)get_word(r);
    *cx = (short)get_word(r);
    *cy = (short)get_word(r);
}

struct dlg_header {
    int ex;
    DWORD style, ex_style;
    WORD count;
    short x, y, cx, cy;
    struct sz_or_ord menu, cls, title;
    WORD points, weight; /* with DS_SETFONT */
    BYTE italic, charset;
    struct sz_or_ord face;
};

static void get_header(struct reader *r, struct dlg_header *h)
{
    WORD ver = get_word(r), sig = get_word(r);
    h->ex = ver == 1 && sig == 0xffff;
    if (!h->ex)
        r->pos = 0; /* those were the style */
    get_styles(r, h->ex, &h->style, &h->ex_style);
    h->count = get_word(r);
    get_rect(r, &h->x, &h->y, &h->cx, &h->cy);
    get_sz_or_ord(r, &h->menu);
    get_sz_or_ord(r, &h->cls);
    get_sz_or_ord(r, &h->title);
    if (h->title.is_ordinal)
        r->error = ERROR_INVALID_PARAMETER; /* the title is a string */
    h->points = h->weight = 0;
    h->italic = h->charset = 0;
    h->face.present = 0;
    if (h->style & DS_SETFONT) {
        h->points = get_word(r);
        if (h->points != 0x7fff) { /* 0x7fff: the message box font, no more fields */
            if (h->ex) {
                h->weight = get_word(r);
                WORD w = get_word(r);
                h->italic = (BYTE)(w & 0xff);
                h->charset = (BYTE)(w >> 8);
            }
            get_sz_or_ord(r, &h->face);
        }
    }
}

struct dlg_item {
    DWORD style, ex_style, id;
    short x, y, cx, cy;
    struct sz_or_ord cls, text;
    size_t data_at; /* offset of the creation data's size WORD; 0: none */
};

static void get_item(struct reader *r, int ex, struct dlg_item *it)
{
    align_dword(r);
    get_styles(r, ex, &it->style, &it->ex_style);
    get_rect(r, &it->x, &it->y, &it->cx, &it->cy);
    it->id = ex ? get_dword(r) : get_word(r);
    get_sz_or_ord(r, &it->cls);
    get_sz_or_ord(r, &it->text);
    size_t at = r->pos;
    WORD size = get_word(r);
    it->data_at = size ? at : 0;
    if (size && need(r, size))
        r->pos += size;
}

/* ---- making the windows ---- */

static RECT item_rect(LONG units, short x, short y, short cx, short cy)
{
    RECT r = { x, y, x + cx, y + cy };
    dialog_units_to_pixels(units, &r);
    return r;
}

static HWND create_control(HWND dlg, HINSTANCE inst, LONG units, const struct reader *r,
                           const struct dlg_item *it)
{
    const char *cls = it->cls.text;
    if (it->cls.is_ordinal && !(cls = system_class_by_ordinal(it->cls.ordinal)))
        return FAIL(ERROR_CANNOT_FIND_WND_CLASS, NULL);
    /* An ordinal text (an icon's id, for a static) reaches the control as
     * Windows' narrow dialogs pass it: 0xFF and the id's two bytes. */
    char ordinal_text[4] = { (char)0xff, (char)(it->text.ordinal & 0xff),
                             (char)(it->text.ordinal >> 8), 0 };
    const char *text = it->text.is_ordinal ? ordinal_text : it->text.text;
    RECT rc = item_rect(units, it->x, it->y, it->cx, it->cy);
    void *data = it->data_at ? (void *)(r->src + it->data_at) : NULL;
    return CreateWindowExA(it->ex_style | WS_EX_NOPARENTNOTIFY, cls, text,
                           it->style | WS_CHILD, rc.left, rc.top, rc.right - rc.left,
                           rc.bottom - rc.top, dlg, (HMENU)(UINT_PTR)it->id, inst, data);
}

/* The dialog's position: its template's, from the owner's client area
 * (no DS_ABSALIGN) or the parent's (a child), or centred (DS_CENTER). */
static void dialog_position(const struct dlg_header *h, HWND owner, LONG units,
                            const RECT *size, int *x, int *y)
{
    if (h->x == CW_USEDEFAULT16) {
        *x = *y = CW_USEDEFAULT;
        return;
    }
    RECT at = { h->x, h->y, 0, 0 }, area;
    dialog_units_to_pixels(units, &at);
    *x = at.left;
    *y = at.top;
    if (h->style & WS_CHILD)
        return;
    if ((h->style & DS_CENTER) && GetWindowRect(GetDesktopWindow(), &area)) {
        *x = (area.left + area.right - size->right) / 2;
        *y = (area.top + area.bottom - size->bottom) / 2;
    } else if (!(h->style & DS_ABSALIGN) && owner && GetWindowRect(owner, &area)) {
        *x += area.left;
        *y += area.top;
    }
}

/* The first control that takes the focus: visible, enabled, a tab stop. */
static HWND first_tab_stop(HWND dlg)
{
    for (HWND c = GetWindow(dlg, GW_CHILD); c; c = GetWindow(c, GW_HWNDNEXT)) {
        LONG style = GetWindowLongA(c, GWL_STYLE);
        if ((style & (WS_TABSTOP | WS_VISIBLE | WS_DISABLED)) == (WS_TABSTOP | WS_VISIBLE))
            return c;
    }
    return NULL;
}

static HWND create_dialog_window(const struct dlg_header *h, HINSTANCE inst, HWND owner,
                                 HMENU menu, LONG units)
{
    /* Windows gives every dialog DS_3DLOOK, and a child no caption. */
    DWORD style = h->style | DS_3DLOOK, ex_style = h->ex_style;
    if (style & WS_CHILD)
        style &= ~(DWORD)(WS_CAPTION | WS_SYSMENU);
    if (style & DS_MODALFRAME)
        ex_style |= WS_EX_DLGMODALFRAME;
    if (style & DS_CONTROL)
        ex_style |= WS_EX_CONTROLPARENT;
    RECT size = item_rect(units, 0, 0, h->cx, h->cy);
    int x, y;
    dialog_position(h, owner, units, &size, &x, &y);
    const char *cls = WC_DIALOG;
    if (h->cls.present)
        cls = h->cls.is_ordinal ? MAKEINTATOM(h->cls.ordinal) : h->cls.text;
    return CreateWindowExA(ex_style, cls, h->title.text, style & ~(DWORD)WS_VISIBLE, x, y,
                           size.right, size.bottom, owner, menu, inst, NULL);
}

/* The menu a template names: the module's resource, or none. */
static HMENU load_menu(HINSTANCE inst, LPCSTR name)
{
    DWORD error = GetLastError();
    HMENU menu = LoadMenuA(inst, name);
    SetLastError(error); /* a missing menu does not fail the dialog */
    return menu;
}

/* The template's font (DS_SETFONT), at 96 DPI; 0x7fff names the message
 * box font, which is "MS Shell Dlg" 8 points here. The dialog owns it. */
static HFONT create_font(const struct dlg_header *h)
{
    int points = h->points == 0x7fff ? 8 : (short)h->points;
    const char *face = h->points == 0x7fff || !h->face.present ? "MS Shell Dlg" : h->face.text;
    return CreateFontA(-(points * 96 + (points < 0 ? -36 : 36)) / 72, 0, 0, 0, h->weight,
                       h->italic, FALSE, FALSE, DEFAULT_CHARSET, 0, 0, PROOF_QUALITY,
                       FF_DONTCARE, face);
}

static void send_font(HWND hwnd, HFONT font)
{
    BOOL sent;
    if (font)
        send_message(hwnd, WM_SETFONT, (WPARAM)font, 0, &sent);
}

/* The items, in the template's order: read (dlg NULL, to validate the
 * template) or made as controls of dlg. A control that cannot be made
 * fails the dialog unless it has DS_NOFAILCREATE. */
static BOOL walk_items(struct reader *r, const struct dlg_header *h, HWND dlg, HINSTANCE inst,
                       LONG units, HFONT font)
{
    struct dlg_item *it = malloc(sizeof(*it));
    if (!it)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, FALSE);
    BOOL ok = TRUE;
    for (WORD i = 0; i < h->count && ok && !r->error; i++) {
        get_item(r, h->ex, it);
        if (!dlg)
            continue;
        HWND control = create_control(dlg, inst, units, r, it);
        if (control)
            send_font(control, font);
        else if (!(h->style & DS_NOFAILCREATE))
            ok = FALSE;
    }
    free(it);
    if (r->error)
        return FAIL(r->error, FALSE);
    return ok;
}

/* The dialog of a template read by r (the header parsed again from the
 * start). The menu a template names is the module's resource. */
static HWND create_dialog(struct reader *r, HINSTANCE inst, HWND owner, DLGPROC proc,
                          LPARAM param)
{
    struct dlg_header *h = malloc(sizeof(*h));
    if (!h)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    HWND dlg = NULL;
    /* Read it whole once: a template that is none makes no window. */
    get_header(r, h);
    if (!walk_items(r, h, NULL, inst, 0, NULL))
        goto out;
    r->pos = 0;
    get_header(r, h);
    LONG units = h->style & DS_SETFONT ? MAKELONG(DIALOG_FONT_UNIT_X, DIALOG_FONT_UNIT_Y)
                                       : GetDialogBaseUnits();
    HMENU menu = NULL;
    if (h->menu.present && !(h->style & WS_CHILD))
        menu = load_menu(inst, h->menu.is_ordinal ? MAKEINTRESOURCEA(h->menu.ordinal)
                                                         : h->menu.text);
    if (!(dlg = create_dialog_window(h, inst, owner, menu, units))) {
        if (menu)
            DestroyMenu(menu);
        goto out;
    }
    HFONT font = (h->style & DS_SETFONT) ? create_font(h) : NULL;
    dialog_mark(dlg, units, font);
    SetWindowLongPtrA(dlg, DWLP_DLGPROC, (LONG_PTR)proc);
    send_font(dlg, font);
    if (!walk_items(r, h, dlg, inst, units, font)) {
        DWORD error = GetLastError();
        DestroyWindow(dlg);
        SetLastError(error);
        dlg = NULL;
        goto out;
    }
    BOOL sent;
    send_message(dlg, WM_INITDIALOG, (WPARAM)first_tab_stop(dlg), param, &sent);
    /* A procedure may have destroyed its dialog: Windows still returns
     * the (now invalid) handle. */
    if ((h->style & WS_VISIBLE) && IsWindow(dlg))
        SetWindowPos(dlg, NULL, 0, 0, 0, 0,
                     SWP_SHOWWINDOW | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER);
    SetLastError(ERROR_SUCCESS);
out:
    free(h);
    return dlg;
}

HWND WINAPI CreateDialogIndirectParamA(HINSTANCE inst, LPCDLGTEMPLATEA tmpl, HWND owner,
                                       DLGPROC proc, LPARAM param)
{
    if (!tmpl)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    struct reader r;
    reader_init(&r, tmpl, 0);
    HWND dlg = create_dialog(&r, inst, owner, proc, param);
    free(r.copy);
    return dlg;
}

HWND WINAPI CreateDialogParamA(HINSTANCE inst, LPCSTR name, HWND owner, DLGPROC proc,
                               LPARAM param)
{
    const void *data;
    DWORD size;
    if (!resource_find(inst, RT_DIALOG, name, &data, &size))
        return NULL;
    struct reader r;
    reader_init(&r, data, size);
    return create_dialog(&r, inst, owner, proc, param);
}
