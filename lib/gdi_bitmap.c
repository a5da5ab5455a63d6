/*
 * Bitmaps: the server keeps each one's bits (server/gdi_bitmap.c), so a
 * bitmap made in one process reads the same in another. Bits travel in
 * pieces of WH_GDI_BITS_CHUNK bytes, the first with the create.
 */
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "gdi_private.h"

uint32_t bitmap_row_bytes(int width, int bpp)
{
    return (uint32_t)wh_gdi_bitmap_stride(width, wh_gdi_bitmap_depth((uint32_t)bpp));
}

/* Move bits to (write) or from a bitmap, from offset on; returns the
 * bytes moved, or -1 with the last error set. */
static long transfer(HBITMAP h, int write, uint32_t offset, void *buf, uint32_t len)
{
    uint32_t done = 0;
    while (done < len) {
        uint32_t n = len - done < WH_GDI_BITS_CHUNK ? len - done : WH_GDI_BITS_CHUNK;
        struct wh_gdi_bitmap_bits_request req = {
            .handle = gdi_to_wire(h), .offset = offset + done, .len = n, .write = (uint32_t)write,
        };
        struct wh_gdi_bitmap_bits_reply reply;
        void *var = NULL;
        uint32_t var_len = 0;
        uint32_t error = server_call(WH_REQ_gdi_bitmap_bits, &req, sizeof(req),
                                     write ? (char *)buf + done : NULL, write ? n : 0, &reply,
                                     sizeof(reply), write ? NULL : &var, write ? NULL : &var_len);
        if (!write && !error)
            memcpy((char *)buf + done, var, var_len < n ? var_len : n);
        free(var);
        if (!set_result(error))
            return -1;
        done += reply.len;
        if (reply.len < n)
            break; /* the end of the bits */
    }
    return done;
}

HBITMAP bitmap_new(int width, int height, int planes, int bpp, const void *bits)
{
    struct wh_gdi_bitmap rec = { .width = width, .height = height, .planes = planes,
                                 .bpp = (uint32_t)bpp };
    /* How many bytes of bits to send: the server checks the size itself
     * and fails a bitmap too large before any bits move. */
    int64_t w = width < 0 ? -(int64_t)width : width, h = height < 0 ? -(int64_t)height : height;
    uint64_t size = bits ? wh_gdi_bitmap_stride(w, wh_gdi_bitmap_depth((uint32_t)bpp)) *
                               (uint64_t)h : 0;
    if (size > WH_GDI_MAX_BITMAP_BYTES)
        size = 0;
    uint32_t first = size < WH_GDI_BITS_CHUNK ? (uint32_t)size : WH_GDI_BITS_CHUNK;
    HBITMAP bm = gdi_create(WH_GDI_BITMAP, &rec, sizeof(rec), bits, first, first);
    if (bm && size > first &&
        transfer(bm, 1, first, (char *)bits + first, (uint32_t)(size - first)) < 0) {
        DWORD error = GetLastError();
        DeleteObject(bm);
        return FAIL(error, NULL);
    }
    return bm;
}

struct bitmap *bitmap_read(HGDIOBJ h)
{
    void *data;
    uint32_t len;
    if (gdi_fetch(h, &data, &len) != WH_GDI_BITMAP || len < sizeof(struct wh_gdi_bitmap)) {
        free(data);
        return NULL;
    }
    struct wh_gdi_bitmap rec;
    memcpy(&rec, data, sizeof(rec));
    free(data);
    struct bitmap *b = malloc(sizeof(*b) + rec.size);
    if (!b)
        return NULL;
    *b = (struct bitmap){ .width = rec.width, .height = rec.height, .bpp = (int)rec.bpp,
                          .size = rec.size };
    if (transfer(h, 0, 0, b->bits, rec.size) != (long)rec.size) {
        free(b);
        return NULL;
    }
    return b;
}

HBITMAP WINAPI CreateBitmap(int width, int height, UINT planes, UINT bpp, const VOID *bits)
{
    return bitmap_new(width, height, (int)planes, (int)bpp, bits);
}

HBITMAP WINAPI CreateBitmapIndirect(const BITMAP *bm)
{
    if (!bm)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    return CreateBitmap((int)bm->bmWidth, (int)bm->bmHeight, bm->bmPlanes, bm->bmBitsPixel,
                        bm->bmBits);
}

/* The size of a bitmap's bits, or -1 when h is none. */
static long bits_size(HBITMAP h)
{
    struct wh_gdi_bitmap_bits_request req = { .handle = gdi_to_wire(h) };
    struct wh_gdi_bitmap_bits_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_gdi_bitmap_bits, &req, sizeof(req), NULL, 0, &reply,
                                 sizeof(reply), &var, &var_len);
    free(var);
    return error ? -1 : (long)reply.size;
}

LONG WINAPI GetBitmapBits(HBITMAP h, LONG len, LPVOID out)
{
    if (len < 0)
        return 0;
    if (!out) {
        long size = bits_size(h);
        return size < 0 ? 0 : (LONG)size;
    }
    long n = transfer(h, 0, 0, out, (uint32_t)len);
    return n < 0 ? 0 : (LONG)n;
}

LONG WINAPI SetBitmapBits(HBITMAP h, DWORD len, const VOID *bits)
{
    if (!bits)
        return 0;
    long n = transfer(h, 1, 0, (void *)bits, len);
    return n < 0 ? 0 : (LONG)n;
}
