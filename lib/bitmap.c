/*
 * GDI bitmaps, only as far as icons and cursors need them: blocks of this
 * process's memory with a size and a depth, rows padded to 16 bits as
 * CreateBitmap's bits are. A GDI handle is usable only in the process
 * that made it here (Windows' GDI handles are not shared either).
 */
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"

#define BITMAP_MAGIC 0x42495430u

uint32_t bitmap_row_bytes(int width, int bpp)
{
    return (uint32_t)(((width * bpp + 15) / 16) * 2);
}

HBITMAP bitmap_new(int width, int height, int planes, int bpp, const void *bits)
{
    if (width < 0 || height < 0 || width > 0x8000 || height > 0x8000 || planes != 1 ||
        (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32))
        return NULL;
    uint32_t len = bitmap_row_bytes(width, bpp) * (uint32_t)height;
    struct bitmap *b = calloc(1, sizeof(*b) + len);
    if (!b)
        return NULL;
    b->magic = BITMAP_MAGIC;
    b->width = width;
    b->height = height;
    b->bpp = bpp;
    b->size = len;
    if (bits)
        memcpy(b->bits, bits, len);
    return (HBITMAP)b;
}

struct bitmap *bitmap_get(HGDIOBJ h)
{
    struct bitmap *b = h;
    return b && (uintptr_t)h >= 0x10000 && b->magic == BITMAP_MAGIC ? b : NULL;
}

HBITMAP WINAPI CreateBitmap(int width, int height, UINT planes, UINT bpp, const VOID *bits)
{
    /* A zero-sized bitmap is Windows' stock 1x1 one; here, a 1x1 one. */
    if (!width || !height)
        width = height = 1, bpp = 1;
    HBITMAP b = bitmap_new(width, height, (int)planes, (int)bpp, bits);
    if (!b)
        SetLastError(ERROR_INVALID_PARAMETER);
    return b;
}

BOOL WINAPI DeleteObject(HGDIOBJ h)
{
    struct bitmap *b = bitmap_get(h);
    if (!b)
        return FALSE;
    b->magic = 0;
    free(b);
    return TRUE;
}

int WINAPI GetObjectA(HANDLE h, int size, LPVOID out)
{
    struct bitmap *b = bitmap_get(h);
    if (!b)
        return 0;
    if (!out)
        return (int)sizeof(BITMAP);
    if (size < (int)sizeof(BITMAP))
        return 0;
    BITMAP bm = {
        .bmType = 0, .bmWidth = b->width, .bmHeight = b->height,
        .bmWidthBytes = (LONG)bitmap_row_bytes(b->width, b->bpp), .bmPlanes = 1,
        .bmBitsPixel = (WORD)b->bpp, .bmBits = NULL,
    };
    memcpy(out, &bm, sizeof(bm));
    return (int)sizeof(bm);
}

LONG WINAPI GetBitmapBits(HBITMAP h, LONG len, LPVOID out)
{
    struct bitmap *b = bitmap_get(h);
    if (!b || len < 0)
        return 0;
    LONG n = len < (LONG)b->size ? len : (LONG)b->size;
    if (out && n)
        memcpy(out, b->bits, (size_t)n);
    return out ? n : (LONG)b->size;
}
