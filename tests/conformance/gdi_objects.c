/*
 * GDI objects against Wine: pens, extended pens, brushes, fonts, bitmaps,
 * palettes and stock objects, what GetObjectA gives back for each (sizes
 * printed relative to the struct, so both widths print the same line),
 * GetObjectType, and DeleteObject on stock and destroyed objects.
 * Regions have their own program (gdi_regions.c). NULL structure
 * pointers are not tried: Wine (and Windows) fault on them.
 */
#include <stddef.h>
#include <string.h>

#include "conformance.h"

static void check_int(const char *name, int value)
{
    char buf[32];
    DWORD error = GetLastError();
    if (value)
        check(name, "%d", value);
    else
        check(name, "0, %s", error_name(error, buf));
}

static void pens(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HPEN pen = CreatePen(PS_DASH, 3, RGB(1, 2, 3));
    check_create("pen.create", pen);
    check("pen.type", "%u", (unsigned)GetObjectType(pen));
    check_yes("pen.size_query_is_logpen", GetObjectA(pen, 0, NULL) == sizeof(LOGPEN));
    LOGPEN lp;
    memset(&lp, 0xcc, sizeof(lp));
    check_yes("pen.get_is_logpen", GetObjectA(pen, sizeof(lp), &lp) == sizeof(LOGPEN));
    check("pen.fields", "style %u width %d,%d color %06x", lp.lopnStyle,
          (int)lp.lopnWidth.x, (int)lp.lopnWidth.y, (unsigned)lp.lopnColor);
    SetLastError(UNTOUCHED_ERROR);
    check_int("pen.get_short", GetObjectA(pen, sizeof(lp) - 1, &lp));
    char big[64];
    check_yes("pen.get_big_is_logpen", GetObjectA(pen, sizeof(big), big) == sizeof(LOGPEN));

    /* Every style, and a negative width. */
    for (int style = 0; style <= 9; style++) {
        char name[32];
        snprintf(name, sizeof(name), "pen.style%d", style);
        SetLastError(UNTOUCHED_ERROR);
        HPEN p = CreatePen(style, 7, RGB(9, 9, 9));
        if (!p) {
            check_create(name, p);
            continue;
        }
        memset(&lp, 0, sizeof(lp));
        GetObjectA(p, sizeof(lp), &lp);
        check(name, "type %u style %u width %d stock_null %s", (unsigned)GetObjectType(p),
              lp.lopnStyle, (int)lp.lopnWidth.x,
              p == GetStockObject(NULL_PEN) ? "yes" : "no");
        DeleteObject(p);
    }
    HPEN neg = CreatePen(PS_SOLID, -5, 0);
    GetObjectA(neg, sizeof(lp), &lp);
    check("pen.negative_width", "%d", (int)lp.lopnWidth.x);
    DeleteObject(neg);

    LOGPEN in = { PS_DOT, { 4, 99 }, RGB(7, 8, 9) };
    HPEN ind = CreatePenIndirect(&in);
    memset(&lp, 0, sizeof(lp));
    GetObjectA(ind, sizeof(lp), &lp);
    check("pen.indirect", "style %u width %d,%d color %06x", lp.lopnStyle,
          (int)lp.lopnWidth.x, (int)lp.lopnWidth.y, (unsigned)lp.lopnColor);
    DeleteObject(ind);

    SetLastError(UNTOUCHED_ERROR);
    check_bool("pen.delete", DeleteObject(pen));
    SetLastError(UNTOUCHED_ERROR);
    check_int("pen.type_after_delete", (int)GetObjectType(pen));
    SetLastError(UNTOUCHED_ERROR);
    check_int("pen.get_after_delete", GetObjectA(pen, sizeof(lp), &lp));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("pen.delete_again", DeleteObject(pen));
}

static void ext_pens(void)
{
    LOGBRUSH lb = { BS_SOLID, RGB(10, 20, 30), 0 };
    SetLastError(UNTOUCHED_ERROR);
    HPEN pen = ExtCreatePen(PS_GEOMETRIC | PS_DASH | PS_ENDCAP_FLAT, 12, &lb, 0, NULL);
    check_create("extpen.create", pen);
    check("extpen.type", "%u", (unsigned)GetObjectType(pen));
    int size = GetObjectA(pen, 0, NULL);
    check_yes("extpen.size_is_offset_of_entries", size == offsetof(EXTLOGPEN, elpStyleEntry));
    char buf[256];
    memset(buf, 0xcc, sizeof(buf));
    check_yes("extpen.get_same_size", GetObjectA(pen, sizeof(buf), buf) == size);
    EXTLOGPEN *elp = (EXTLOGPEN *)buf;
    check("extpen.fields", "style %x width %u brush %u color %06x hatch %u entries %u",
          (unsigned)elp->elpPenStyle, (unsigned)elp->elpWidth, elp->elpBrushStyle,
          (unsigned)elp->elpColor, (unsigned)elp->elpHatch, (unsigned)elp->elpNumEntries);
    SetLastError(UNTOUCHED_ERROR);
    check_int("extpen.get_short", GetObjectA(pen, size - 1, buf));
    LOGPEN lp;
    SetLastError(UNTOUCHED_ERROR);
    check_int("extpen.get_as_logpen", GetObjectA(pen, sizeof(lp), &lp));
    DeleteObject(pen);

    DWORD dashes[3] = { 5, 3, 1 };
    pen = ExtCreatePen(PS_GEOMETRIC | PS_USERSTYLE, 4, &lb, 3, dashes);
    check_handle("extpen.userstyle", pen);
    size = GetObjectA(pen, 0, NULL);
    check_yes("extpen.userstyle_size",
              size == (int)(offsetof(EXTLOGPEN, elpStyleEntry) + 3 * sizeof(DWORD)));
    memset(buf, 0, sizeof(buf));
    GetObjectA(pen, sizeof(buf), buf);
    check("extpen.userstyle_entries", "%u: %u %u %u", (unsigned)elp->elpNumEntries,
          (unsigned)elp->elpStyleEntry[0], (unsigned)elp->elpStyleEntry[1],
          (unsigned)elp->elpStyleEntry[2]);
    DeleteObject(pen);

    LOGBRUSH hatch = { BS_HATCHED, RGB(1, 1, 1), HS_CROSS };
    pen = ExtCreatePen(PS_GEOMETRIC | PS_SOLID, 2, &hatch, 0, NULL);
    memset(buf, 0, sizeof(buf));
    GetObjectA(pen, sizeof(buf), buf);
    check("extpen.hatched", "brush %u hatch %u", elp->elpBrushStyle, (unsigned)elp->elpHatch);
    DeleteObject(pen);

    pen = ExtCreatePen(PS_COSMETIC | PS_SOLID, 1, &lb, 0, NULL);
    check_handle("extpen.cosmetic", pen);
    memset(buf, 0, sizeof(buf));
    GetObjectA(pen, sizeof(buf), buf);
    check("extpen.cosmetic_fields", "style %x width %u", (unsigned)elp->elpPenStyle,
          (unsigned)elp->elpWidth);
    DeleteObject(pen);

    SetLastError(UNTOUCHED_ERROR);
    check_handle("extpen.cosmetic_wide", ExtCreatePen(PS_COSMETIC | PS_SOLID, 3, &lb, 0, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("extpen.userstyle_no_entries",
                 ExtCreatePen(PS_GEOMETRIC | PS_USERSTYLE, 4, &lb, 0, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("extpen.entries_without_userstyle",
                 ExtCreatePen(PS_GEOMETRIC | PS_SOLID, 4, &lb, 3, dashes));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("extpen.bad_style", ExtCreatePen(PS_GEOMETRIC | 9, 4, &lb, 0, NULL));
    pen = ExtCreatePen(PS_GEOMETRIC | PS_NULL, 4, &lb, 0, NULL);
    check_yes("extpen.null_is_stock", pen == GetStockObject(NULL_PEN));
    check("extpen.null_type", "%u", (unsigned)GetObjectType(pen));
}

static void brushes(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HBRUSH b = CreateSolidBrush(RGB(4, 5, 6));
    check_create("brush.solid", b);
    check("brush.type", "%u", (unsigned)GetObjectType(b));
    check_yes("brush.size_is_logbrush", GetObjectA(b, 0, NULL) == sizeof(LOGBRUSH));
    LOGBRUSH lb;
    memset(&lb, 0xcc, sizeof(lb));
    check_yes("brush.get_is_logbrush", GetObjectA(b, sizeof(lb), &lb) == sizeof(LOGBRUSH));
    check("brush.solid_fields", "style %u color %06x hatch %u", lb.lbStyle,
          (unsigned)lb.lbColor, (unsigned)lb.lbHatch);
    memset(&lb, 0xcc, sizeof(lb));
    check("brush.get_partial", "%d", GetObjectA(b, 4, &lb));
    check("brush.get_partial_fields", "style %u color %08x", lb.lbStyle, (unsigned)lb.lbColor);
    char big[64];
    check_yes("brush.get_big_is_logbrush", GetObjectA(b, sizeof(big), big) == sizeof(LOGBRUSH));
    check_bool("brush.delete", DeleteObject(b));

    b = CreateHatchBrush(HS_DIAGCROSS, RGB(7, 7, 7));
    memset(&lb, 0, sizeof(lb));
    GetObjectA(b, sizeof(lb), &lb);
    check("brush.hatch_fields", "style %u color %06x hatch %u", lb.lbStyle,
          (unsigned)lb.lbColor, (unsigned)lb.lbHatch);
    DeleteObject(b);
    SetLastError(UNTOUCHED_ERROR);
    b = CreateHatchBrush(99, RGB(7, 7, 7));
    check_handle("brush.hatch_bad", b);
    DeleteObject(b);

    LOGBRUSH in = { BS_NULL, RGB(1, 1, 1), 0 };
    b = CreateBrushIndirect(&in);
    check_yes("brush.null_is_stock", b == GetStockObject(NULL_BRUSH));
    in.lbStyle = BS_SOLID;
    in.lbHatch = 77;
    b = CreateBrushIndirect(&in);
    memset(&lb, 0, sizeof(lb));
    GetObjectA(b, sizeof(lb), &lb);
    check("brush.indirect_solid", "style %u color %06x hatch %u", lb.lbStyle,
          (unsigned)lb.lbColor, (unsigned)lb.lbHatch);
    DeleteObject(b);
    in.lbStyle = BS_HATCHED;
    in.lbHatch = HS_VERTICAL;
    b = CreateBrushIndirect(&in);
    memset(&lb, 0, sizeof(lb));
    GetObjectA(b, sizeof(lb), &lb);
    check("brush.indirect_hatched", "style %u hatch %u", lb.lbStyle, (unsigned)lb.lbHatch);
    DeleteObject(b);
}

static void fonts(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HFONT f = CreateFontA(-12, 5, 10, 20, FW_BOLD, TRUE, FALSE, TRUE, ANSI_CHARSET,
                          OUT_TT_PRECIS, CLIP_DEFAULT_PRECIS, PROOF_QUALITY,
                          FIXED_PITCH | FF_MODERN, "Courier New");
    check_create("font.create", f);
    check("font.type", "%u", (unsigned)GetObjectType(f));
    check_yes("font.size_is_logfont", GetObjectA(f, 0, NULL) == sizeof(LOGFONTA));
    LOGFONTA lf;
    memset(&lf, 0xcc, sizeof(lf));
    check_yes("font.get_is_logfont", GetObjectA(f, sizeof(lf), &lf) == sizeof(LOGFONTA));
    check("font.fields", "%d %d %d %d %d %u%u%u %u %u %u %u %02x '%s'", (int)lf.lfHeight,
          (int)lf.lfWidth, (int)lf.lfEscapement, (int)lf.lfOrientation, (int)lf.lfWeight,
          lf.lfItalic, lf.lfUnderline, lf.lfStrikeOut, lf.lfCharSet, lf.lfOutPrecision,
          lf.lfClipPrecision, lf.lfQuality, lf.lfPitchAndFamily, lf.lfFaceName);
    memset(&lf, 0xcc, sizeof(lf));
    check("font.get_partial", "%d", GetObjectA(f, 8, &lf));
    check("font.get_partial_fields", "%d %d %d", (int)lf.lfHeight, (int)lf.lfWidth,
          (int)lf.lfEscapement);
    char big[128];
    check_yes("font.get_big_is_logfont", GetObjectA(f, sizeof(big), big) == sizeof(LOGFONTA));
    DeleteObject(f);

    LOGFONTA in;
    memset(&in, 0, sizeof(in));
    in.lfHeight = 20;
    memset(in.lfFaceName, 'x', sizeof(in.lfFaceName)); /* no terminator */
    f = CreateFontIndirectA(&in);
    check_handle("font.long_name", f);
    memset(&lf, 0, sizeof(lf));
    GetObjectA(f, sizeof(lf), &lf);
    check("font.long_name_kept", "%u", (unsigned)strnlen(lf.lfFaceName, sizeof(lf.lfFaceName)));
    DeleteObject(f);
    f = CreateFontA(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL);
    check_handle("font.null_face", f);
    memset(&lf, 0x55, sizeof(lf));
    GetObjectA(f, sizeof(lf), &lf);
    check("font.null_face_name", "'%s' weight %d", lf.lfFaceName, (int)lf.lfWeight);
    DeleteObject(f);
}

static void bitmaps(void)
{
    static const BYTE bits[4 * 3] = { 0xf0, 0x0f, 0xaa, 0x55, 1, 2, 3, 4, 5, 6, 7, 8 };
    SetLastError(UNTOUCHED_ERROR);
    HBITMAP bm = CreateBitmap(10, 3, 1, 1, bits);
    check_create("bitmap.create", bm);
    check("bitmap.type", "%u", (unsigned)GetObjectType(bm));
    check_yes("bitmap.size_is_bitmap", GetObjectA(bm, 0, NULL) == sizeof(BITMAP));
    BITMAP b;
    memset(&b, 0xcc, sizeof(b));
    check_yes("bitmap.get_is_bitmap", GetObjectA(bm, sizeof(b), &b) == sizeof(BITMAP));
    check("bitmap.fields", "type %d %dx%d stride %d planes %u bpp %u bits %s", (int)b.bmType,
          (int)b.bmWidth, (int)b.bmHeight, (int)b.bmWidthBytes, b.bmPlanes, b.bmBitsPixel,
          b.bmBits ? "set" : "NULL");
    SetLastError(UNTOUCHED_ERROR);
    check_int("bitmap.get_short", GetObjectA(bm, sizeof(b) - 1, &b));
    BYTE out[16];
    memset(out, 0, sizeof(out));
    check("bitmap.bits_size", "%d", (int)GetBitmapBits(bm, 0, NULL));
    /* Under Wine's null display driver the bits read back as zeros; they
     * are checked in tests/integration/test_gdi.c. */
    check("bitmap.bits_read", "%d", (int)GetBitmapBits(bm, sizeof(out), out));
    DeleteObject(bm);

    static const unsigned depths[] = { 2, 3, 4, 7, 8, 15, 16, 24, 32, 33 };
    for (size_t i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
        char name[32];
        snprintf(name, sizeof(name), "bitmap.bpp%u", depths[i]);
        SetLastError(UNTOUCHED_ERROR);
        bm = CreateBitmap(5, 2, 1, depths[i], NULL);
        if (!bm) {
            check_create(name, bm);
            continue;
        }
        GetObjectA(bm, sizeof(b), &b);
        check(name, "bpp %u stride %d", b.bmBitsPixel, (int)b.bmWidthBytes);
        DeleteObject(bm);
    }
    SetLastError(UNTOUCHED_ERROR);
    check_handle("bitmap.planes2", CreateBitmap(5, 2, 2, 8, NULL));
    SetLastError(UNTOUCHED_ERROR);
    bm = CreateBitmap(-5, -2, 1, 8, NULL);
    check_handle("bitmap.negative", bm);
    GetObjectA(bm, sizeof(b), &b);
    check("bitmap.negative_fields", "%dx%d", (int)b.bmWidth, (int)b.bmHeight);
    DeleteObject(bm);

    HBITMAP empty = CreateBitmap(0, 0, 1, 1, NULL);
    check_handle("bitmap.empty", empty);
    HBITMAP empty2 = CreateBitmap(0, 5, 1, 32, NULL);
    check_yes("bitmap.empty_shared", empty == empty2);
    GetObjectA(empty, sizeof(b), &b);
    check("bitmap.empty_fields", "%dx%d bpp %u", (int)b.bmWidth, (int)b.bmHeight, b.bmBitsPixel);
    check_bool("bitmap.empty_delete", DeleteObject(empty));
    check("bitmap.empty_after_delete", "%u", (unsigned)GetObjectType(empty));
}

static void palettes(void)
{
    char buf[sizeof(LOGPALETTE) + 3 * sizeof(PALETTEENTRY)];
    LOGPALETTE *lp = (LOGPALETTE *)buf;
    lp->palVersion = 0x300;
    lp->palNumEntries = 3;
    for (int i = 0; i < 3; i++) {
        lp->palPalEntry[i].peRed = (BYTE)(10 + i);
        lp->palPalEntry[i].peGreen = (BYTE)(20 + i);
        lp->palPalEntry[i].peBlue = (BYTE)(30 + i);
        lp->palPalEntry[i].peFlags = i == 1 ? PC_RESERVED : 0;
    }
    SetLastError(UNTOUCHED_ERROR);
    HPALETTE pal = CreatePalette(lp);
    check_create("palette.create", pal);
    check("palette.type", "%u", (unsigned)GetObjectType(pal));
    check("palette.size", "%d", GetObjectA(pal, 0, NULL));
    WORD count = 0;
    int got = GetObjectA(pal, sizeof(count), &count);
    check("palette.get", "%d: %u", got, count);
    DWORD big = 0xcccccccc;
    got = GetObjectA(pal, sizeof(big), &big);
    check("palette.get_big", "%d: %08x", got, (unsigned)big);
    PALETTEENTRY pe[4];
    memset(pe, 0, sizeof(pe));
    UINT n = GetPaletteEntries(pal, 1, 4, pe);
    check("palette.entries", "%u: %u,%u,%u,%u %u,%u,%u,%u", n, pe[0].peRed, pe[0].peGreen,
          pe[0].peBlue, pe[0].peFlags, pe[1].peRed, pe[1].peGreen, pe[1].peBlue, pe[1].peFlags);
    check("palette.entries_count", "%u", GetPaletteEntries(pal, 0, 0, NULL));
    check("palette.entries_past_end", "%u", GetPaletteEntries(pal, 5, 1, pe));
    DeleteObject(pal);

    lp->palVersion = 0x100;
    SetLastError(UNTOUCHED_ERROR);
    pal = CreatePalette(lp);
    check_handle("palette.old_version", pal);
    DeleteObject(pal);
    lp->palVersion = 0x300;
    lp->palNumEntries = 0;
    SetLastError(UNTOUCHED_ERROR);
    pal = CreatePalette(lp);
    check_handle("palette.empty", pal);
    DeleteObject(pal);
}

static void stock(void)
{
    for (int i = 0; i <= 20; i++) {
        char name[32];
        snprintf(name, sizeof(name), "stock.%d", i);
        SetLastError(UNTOUCHED_ERROR);
        HGDIOBJ obj = GetStockObject(i);
        if (!obj) {
            check_create(name, obj);
            continue;
        }
        DWORD type = GetObjectType(obj);
        if (type == OBJ_BRUSH) {
            LOGBRUSH lb;
            GetObjectA(obj, sizeof(lb), &lb);
            check(name, "brush style %u color %06x", lb.lbStyle, (unsigned)lb.lbColor);
        } else if (type == OBJ_PEN) {
            LOGPEN lp;
            GetObjectA(obj, sizeof(lp), &lp);
            check(name, "pen style %u width %d color %06x", lp.lopnStyle, (int)lp.lopnWidth.x,
                  (unsigned)lp.lopnColor);
        } else if (type == OBJ_FONT) {
            check(name, "font, %s", GetObjectA(obj, 0, NULL) == sizeof(LOGFONTA) ? "logfont" : "?");
        } else if (type == OBJ_PAL) {
            WORD n = 0;
            GetObjectA(obj, sizeof(n), &n);
            check(name, "palette of %u", n);
        } else {
            check(name, "type %u", (unsigned)type);
        }
    }
    SetLastError(UNTOUCHED_ERROR);
    check_handle("stock.minus1", GetStockObject(-1));
    HGDIOBJ white = GetStockObject(WHITE_BRUSH);
    check_yes("stock.same_again", white == GetStockObject(WHITE_BRUSH));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("stock.delete", DeleteObject(white));
    check("stock.type_after_delete", "%u", (unsigned)GetObjectType(white));
    check_bool("stock.delete_font", DeleteObject(GetStockObject(SYSTEM_FONT)));
    check_bool("stock.delete_palette", DeleteObject(GetStockObject(DEFAULT_PALETTE)));
}

static void bad_handles(void)
{
    SetLastError(UNTOUCHED_ERROR);
    check_bool("bad.delete_null", DeleteObject(NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_int("bad.type_null", (int)GetObjectType(NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_int("bad.get_null", GetObjectA(NULL, 0, NULL));
    HANDLE junk = (HANDLE)(ULONG_PTR)0x12345;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("bad.delete_junk", DeleteObject(junk));
    SetLastError(UNTOUCHED_ERROR);
    check_int("bad.type_junk", (int)GetObjectType(junk));
    SetLastError(UNTOUCHED_ERROR);
    check_int("bad.get_junk", GetObjectA(junk, 0, NULL));
    /* A kernel handle is no GDI object. */
    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_int("bad.type_event", (int)GetObjectType(event));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("bad.delete_event", DeleteObject(event));
    CloseHandle(event);
    /* A GDI handle is no kernel handle. */
    HBRUSH b = CreateSolidBrush(0);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("bad.close_brush", CloseHandle(b));
    check("bad.brush_after_close", "%u", (unsigned)GetObjectType(b));
    DeleteObject(b);
    /* A stale handle never names the next object. */
    HBRUSH first = CreateSolidBrush(RGB(1, 0, 0));
    DeleteObject(first);
    HBRUSH second = CreateSolidBrush(RGB(2, 0, 0));
    check_yes("bad.stale_differs", first != second);
    check("bad.stale_type", "%u", (unsigned)GetObjectType(first));
    DeleteObject(second);
}

int main(void)
{
    pens();
    ext_pens();
    brushes();
    fonts();
    bitmaps();
    palettes();
    stock();
    bad_handles();
    return 0;
}
