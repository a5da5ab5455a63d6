/*
 * GDI objects of any kind, pens, brushes, fonts and palettes: thin calls
 * over the session's GDI table (server/gdi.c), which checks arguments as
 * Windows does and keeps every object, so a handle works in any process
 * of the session. GetObjectA turns the server's width-independent
 * records into this width's structures, with Windows' rules on the
 * buffer's size (tests/conformance/gdi_objects.c).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "gdi_private.h"

HGDIOBJ gdi_create(uint32_t type, const void *rec, uint32_t rec_len, const void *more,
                   uint32_t more_len, uint32_t bits_len)
{
    char buf[512];
    char *data = rec_len + more_len <= sizeof(buf) ? buf : malloc(rec_len + more_len);
    if (!data)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    memcpy(data, rec, rec_len);
    if (more_len)
        memcpy(data + rec_len, more, more_len);
    struct wh_gdi_create_request req = { .type = type, .bits_len = bits_len };
    struct wh_gdi_create_reply reply;
    uint32_t error = SERVER_CALL(gdi_create, &req, &reply, data, rec_len + more_len);
    if (data != buf)
        free(data);
    return user_result(error) ? wire_to_gdi(reply.handle) : NULL;
}

uint32_t gdi_fetch(HGDIOBJ h, void **data, uint32_t *len)
{
    struct wh_gdi_get_request req = { .handle = gdi_to_wire(h) };
    struct wh_gdi_get_reply reply;
    *data = NULL;
    *len = 0;
    if (!h || server_call(WH_REQ_gdi_get, &req, sizeof(req), NULL, 0, &reply, sizeof(reply),
                          data, len)) {
        free(*data);
        *data = NULL;
        return 0;
    }
    return reply.type;
}

HGDIOBJ WINAPI GetStockObject(int i)
{
    /* Stock handles never change in a session: ask once per id. */
    static uint32_t cache[STOCK_LAST + 2];
    if (i < 0 || i > STOCK_LAST + 1)
        return NULL;
    uint32_t v = __atomic_load_n(&cache[i], __ATOMIC_RELAXED);
    if (v)
        return wire_to_gdi(v);
    struct wh_gdi_stock_request req = { .id = (uint32_t)i };
    struct wh_gdi_stock_reply reply;
    if (!user_result(SERVER_CALL(gdi_stock, &req, &reply, NULL, 0)))
        return NULL;
    __atomic_store_n(&cache[i], reply.handle, __ATOMIC_RELAXED);
    return wire_to_gdi(reply.handle);
}

DWORD WINAPI GetObjectType(HGDIOBJ h)
{
    void *data;
    uint32_t len, type = gdi_fetch(h, &data, &len);
    free(data);
    if (!type)
        SetLastError(ERROR_INVALID_HANDLE);
    return type;
}

/* Neither a destroyed handle nor NULL sets the last error (Wine). */
BOOL WINAPI DeleteObject(HGDIOBJ h)
{
    struct wh_gdi_delete_request req = { .handle = gdi_to_wire(h) };
    struct wh_gdi_delete_reply reply;
    return h && !SERVER_CALL(gdi_delete, &req, &reply, NULL, 0);
}

DWORD WINAPI GetGuiResources(HANDLE process, DWORD flags)
{
    struct wh_gui_resources_request req = {
        .process = process == GR_GLOBAL ? WH_GR_GLOBAL : handle_to_wire(process),
        .flags = flags,
    };
    struct wh_gui_resources_reply reply;
    if (!set_result(SERVER_CALL(gui_resources, &req, &reply, NULL, 0)))
        return 0;
    return reply.count;
}

/* ---- GetObjectA ---- */

/* Copy all of a fixed-size structure, or nothing when the buffer is too
 * small (pens, bitmaps). */
static int copy_whole(const void *src, int size, int count, void *out)
{
    if (!out)
        return size;
    if (count < size)
        return 0;
    memcpy(out, src, (size_t)size);
    return size;
}

/* Copy as much of it as fits (brushes, fonts, palettes). */
static int copy_part(const void *src, int size, int count, void *out)
{
    if (!out)
        return size;
    if (count <= 0)
        return 0;
    int n = count < size ? count : size;
    memcpy(out, src, (size_t)n);
    return n;
}

static int get_pen(const struct wh_gdi_pen *r, uint32_t len, int extended, int count, void *out)
{
    if (!extended) {
        LOGPEN lp = { r->style, { r->width, 0 }, r->color };
        return copy_whole(&lp, sizeof(lp), count, out);
    }
    if (len < sizeof(*r) + r->count * 4u)
        return 0;
    int size = (int)(offsetof(EXTLOGPEN, elpStyleEntry) + r->count * sizeof(DWORD));
    if (!out || count < size)
        return out ? 0 : size;
    EXTLOGPEN *elp = out;
    elp->elpPenStyle = r->style;
    elp->elpWidth = (DWORD)r->width;
    elp->elpBrushStyle = r->brush_style;
    elp->elpColor = r->color;
    elp->elpHatch = r->hatch;
    elp->elpNumEntries = r->count;
    memcpy((char *)out + offsetof(EXTLOGPEN, elpStyleEntry), r + 1, r->count * sizeof(DWORD));
    return size;
}

static int get_brush(const struct wh_gdi_brush *r, int count, void *out)
{
    LOGBRUSH lb = { r->style, r->color, r->hatch };
    return copy_part(&lb, sizeof(lb), count, out);
}

static int get_bitmap(const struct wh_gdi_bitmap *r, int count, void *out)
{
    BITMAP bm = { 0, r->width, r->height, (LONG)r->stride, (WORD)r->planes, (WORD)r->bpp, NULL };
    return copy_whole(&bm, sizeof(bm), count, out);
}

static int get_object(uint32_t type, const void *data, uint32_t len, int count, void *out)
{
    switch (type) {
    case WH_GDI_PEN:
    case WH_GDI_EXTPEN:
        if (len < sizeof(struct wh_gdi_pen))
            return 0;
        return get_pen(data, len, type == WH_GDI_EXTPEN, count, out);
    case WH_GDI_BRUSH:
        return len >= sizeof(struct wh_gdi_brush) ? get_brush(data, count, out) : 0;
    case WH_GDI_FONT:
        _Static_assert(sizeof(struct wh_gdi_font) == sizeof(LOGFONTA), "LOGFONTA travels as is");
        return len >= sizeof(LOGFONTA) ? copy_part(data, sizeof(LOGFONTA), count, out) : 0;
    case WH_GDI_BITMAP:
        return len >= sizeof(struct wh_gdi_bitmap) ? get_bitmap(data, count, out) : 0;
    case WH_GDI_PALETTE: {
        /* A palette reads as its number of entries, a WORD. */
        WORD n = len >= sizeof(struct wh_gdi_palette)
                     ? (WORD)((const struct wh_gdi_palette *)data)->count : 0;
        return copy_part(&n, sizeof(n), count, out);
    }
    default:
        return 0; /* regions have no GetObjectA */
    }
}

int WINAPI GetObjectA(HANDLE h, int count, LPVOID out)
{
    void *data;
    uint32_t len, type = gdi_fetch(h, &data, &len);
    int n = type ? get_object(type, data, len, count, out) : 0;
    free(data);
    return n;
}

/* ---- pens ---- */

HPEN WINAPI CreatePen(int style, int width, COLORREF color)
{
    struct wh_gdi_pen rec = { .style = (uint32_t)style, .width = width, .color = color };
    return gdi_create(WH_GDI_PEN, &rec, sizeof(rec), NULL, 0, 0);
}

HPEN WINAPI CreatePenIndirect(const LOGPEN *lp)
{
    if (!lp)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    return CreatePen((int)lp->lopnStyle, (int)lp->lopnWidth.x, lp->lopnColor);
}

HPEN WINAPI ExtCreatePen(DWORD style, DWORD width, const LOGBRUSH *lb, DWORD count,
                         const DWORD *entries)
{
    if (!lb || (count && !entries))
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    if (count > WH_GDI_MAX_STYLE_ENTRIES && (style & PS_STYLE_MASK) == PS_USERSTYLE)
        return NULL; /* too many entries: Windows fails without an error */
    struct wh_gdi_pen rec = {
        .style = style, .width = (int32_t)width, .color = lb->lbColor,
        .brush_style = lb->lbStyle, .hatch = (uint32_t)lb->lbHatch,
        .count = count <= WH_GDI_MAX_STYLE_ENTRIES ? count : WH_GDI_MAX_STYLE_ENTRIES + 1,
    };
    return gdi_create(WH_GDI_EXTPEN, &rec, sizeof(rec), entries, rec.count * 4u, 0);
}

/* ---- brushes ---- */

HBRUSH WINAPI CreateBrushIndirect(const LOGBRUSH *lb)
{
    if (!lb)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    struct wh_gdi_brush rec = { .style = lb->lbStyle, .color = lb->lbColor,
                                .hatch = (uint32_t)lb->lbHatch };
    return gdi_create(WH_GDI_BRUSH, &rec, sizeof(rec), NULL, 0, 0);
}

HBRUSH WINAPI CreateSolidBrush(COLORREF color)
{
    LOGBRUSH lb = { BS_SOLID, color, 0 };
    return CreateBrushIndirect(&lb);
}

HBRUSH WINAPI CreateHatchBrush(int hatch, COLORREF color)
{
    LOGBRUSH lb = { BS_HATCHED, color, (ULONG_PTR)(unsigned)hatch };
    return CreateBrushIndirect(&lb);
}

/* ---- fonts ---- */

HFONT WINAPI CreateFontIndirectA(const LOGFONTA *lf)
{
    if (!lf)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    return gdi_create(WH_GDI_FONT, lf, sizeof(*lf), NULL, 0, 0);
}

HFONT WINAPI CreateFontA(int height, int width, int escapement, int orientation, int weight,
                         DWORD italic, DWORD underline, DWORD strike_out, DWORD charset,
                         DWORD out_precision, DWORD clip_precision, DWORD quality,
                         DWORD pitch_and_family, LPCSTR face)
{
    LOGFONTA lf = {
        height, width, escapement, orientation, weight, (BYTE)italic, (BYTE)underline,
        (BYTE)strike_out, (BYTE)charset, (BYTE)out_precision, (BYTE)clip_precision,
        (BYTE)quality, (BYTE)pitch_and_family, "",
    };
    if (face)
        strncpy(lf.lfFaceName, face, sizeof(lf.lfFaceName) - 1);
    return CreateFontIndirectA(&lf);
}

/* ---- palettes ---- */

HPALETTE WINAPI CreatePalette(const LOGPALETTE *lp)
{
    if (!lp)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    struct wh_gdi_palette rec = { .version = lp->palVersion, .count = lp->palNumEntries };
    if (rec.count > WH_GDI_MAX_PALETTE)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    return gdi_create(WH_GDI_PALETTE, &rec, sizeof(rec), lp->palPalEntry,
                      rec.count * (uint32_t)sizeof(PALETTEENTRY), 0);
}

UINT WINAPI GetPaletteEntries(HPALETTE pal, UINT start, UINT count, LPPALETTEENTRY out)
{
    void *data;
    uint32_t len;
    UINT n = 0;
    if (gdi_fetch(pal, &data, &len) == WH_GDI_PALETTE && len >= sizeof(struct wh_gdi_palette)) {
        const struct wh_gdi_palette *rec = data;
        UINT total = rec->count <= (len - sizeof(*rec)) / 4 ? rec->count : 0;
        if (!out)
            n = total;
        else if (start < total) {
            n = count < total - start ? count : total - start;
            memcpy(out, (const char *)(rec + 1) + start * 4u, n * sizeof(PALETTEENTRY));
        }
    }
    free(data);
    return n;
}
