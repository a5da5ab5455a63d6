/* GDI bitmaps as lib/cursor.c uses them (lib/gdi_bitmap.c). */
#ifndef WINHANDLE_LIB_BITMAP_H
#define WINHANDLE_LIB_BITMAP_H

#include <stdint.h>

#include <windows.h>

/* A copy of a bitmap's size, depth and bits, read from the server. */
struct bitmap {
    int width, height, bpp;
    uint32_t size; /* of bits: padded rows times height */
    unsigned char bits[];
};

/* Bytes in a row: rows are padded to 16 bits. */
uint32_t bitmap_row_bytes(int width, int bpp);
/* A new bitmap with a copy of bits (NULL: zeroed), or NULL and the error. */
HBITMAP bitmap_new(int width, int height, int planes, int bpp, const void *bits);
/* The bitmap behind a handle, read whole (free it), or NULL. */
struct bitmap *bitmap_read(HGDIOBJ h);

#endif
