/*
 * Cursors and icons from the program's resources (<winhandle_resources.h>):
 * RT_GROUP_CURSOR and RT_GROUP_ICON directories, each image an RT_CURSOR
 * (a hotspot, then a DIB) or RT_ICON (a DIB): a BITMAPINFOHEADER twice as
 * tall as the image, a colour table for 8 bits or fewer, the XOR bits,
 * then the AND mask, rows bottom-up and padded to 32 bits.
 *
 * The image whose width is nearest the size asked (32 by default) is
 * taken, the deeper one of two alike. Monochrome stays monochrome; any
 * other depth becomes 32-bit BGRA, as a screen-compatible bitmap would
 * be. The bits become the server's layout: rows top-down, padded to 16
 * bits. PNG images (Vista's large icons) are not read.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bitmap.h"
#include "resource.h"
#include "user_private.h"

#define DEFAULT_SIZE 32
#define BI_RGB_ 0u

struct dib {
    int width, height, bpp;
    const unsigned char *colors; /* RGBQUADs, ncolors of them */
    uint32_t ncolors;
    const unsigned char *xor_bits, *and_bits; /* bottom-up, 32-bit rows */
};

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t dib_stride(int width, int bpp)
{
    return (((uint32_t)width * (uint32_t)bpp + 31) / 32) * 4;
}

/* The DIB of an image resource of size bytes; FALSE if it is not one. */
static BOOL parse_dib(const unsigned char *p, DWORD size, struct dib *d)
{
    if (size < 40 || le32(p) < 40 || le32(p) > size)
        return FALSE;
    d->width = (int)le32(p + 4);
    d->height = (int)le32(p + 8) / 2;
    d->bpp = le16(p + 14);
    uint32_t compression = le32(p + 16), used = le32(p + 32);
    if (d->width <= 0 || d->width > 256 || d->height <= 0 || d->height > 256 ||
        compression != BI_RGB_ ||
        (d->bpp != 1 && d->bpp != 4 && d->bpp != 8 && d->bpp != 24 && d->bpp != 32))
        return FALSE;
    d->ncolors = d->bpp <= 8 ? (used && used <= (1u << d->bpp) ? used : 1u << d->bpp) : 0;
    size_t at = le32(p), xor_len = (size_t)dib_stride(d->width, d->bpp) * (size_t)d->height;
    size_t and_len = (size_t)dib_stride(d->width, 1) * (size_t)d->height;
    if (at + 4 * (size_t)d->ncolors + xor_len + and_len > size)
        return FALSE;
    d->colors = p + at;
    d->xor_bits = d->colors + 4 * d->ncolors;
    d->and_bits = d->xor_bits + xor_len;
    return TRUE;
}

/* Pixel x of a DIB row as BGRA. */
static void pixel(const struct dib *d, const unsigned char *row, int x, unsigned char out[4])
{
    if (d->bpp == 32) {
        memcpy(out, row + 4 * x, 4);
        return;
    }
    if (d->bpp == 24) {
        memcpy(out, row + 3 * x, 3);
        out[3] = 0;
        return;
    }
    int per_byte = 8 / d->bpp;
    unsigned index = (row[x / per_byte] >> ((per_byte - 1 - x % per_byte) * d->bpp)) &
                     ((1u << d->bpp) - 1);
    if (index < d->ncolors)
        memcpy(out, d->colors + 4 * index, 3);
    else
        memset(out, 0, 3);
    out[3] = 0;
}

/* A monochrome plane (the AND mask, or a 1-bit XOR) top-down into dst. */
static void copy_plane(unsigned char *dst, const unsigned char *src, int width, int height)
{
    uint32_t in = dib_stride(width, 1), out = bitmap_row_bytes(width, 1);
    for (int y = 0; y < height; y++)
        memcpy(dst + (size_t)y * out, src + (size_t)(height - 1 - y) * in, out);
}

static HICON create_from_dib(const struct dib *d, int is_icon, int x_hot, int y_hot)
{
    int bpp = d->bpp == 1 ? 1 : 32;
    uint32_t and_len = bitmap_row_bytes(d->width, 1) * (uint32_t)d->height;
    uint32_t xor_row = bitmap_row_bytes(d->width, bpp);
    unsigned char *bits = malloc(and_len + xor_row * (uint32_t)d->height);
    if (!bits)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    unsigned char *xor_bits = bits + and_len;
    copy_plane(bits, d->and_bits, d->width, d->height);
    if (bpp == 1) {
        copy_plane(xor_bits, d->xor_bits, d->width, d->height);
    } else {
        uint32_t in = dib_stride(d->width, d->bpp);
        for (int y = 0; y < d->height; y++)
            for (int x = 0; x < d->width; x++)
                pixel(d, d->xor_bits + (size_t)(d->height - 1 - y) * in, x,
                      xor_bits + (size_t)y * xor_row + 4 * (size_t)x);
    }
    HICON icon;
    if (is_icon) {
        icon = CreateIcon(NULL, d->width, d->height, 1, (BYTE)bpp, bits, xor_bits);
    } else if (bpp == 1) {
        icon = CreateCursor(NULL, x_hot, y_hot, d->width, d->height, bits, xor_bits);
    } else { /* CreateCursor is monochrome: a colour one is made of bitmaps */
        ICONINFO ii = { .fIcon = FALSE, .xHotspot = (DWORD)x_hot, .yHotspot = (DWORD)y_hot };
        ii.hbmMask = CreateBitmap(d->width, d->height, 1, 1, bits);
        ii.hbmColor = CreateBitmap(d->width, d->height, 1, 32, xor_bits);
        icon = CreateIconIndirect(&ii);
        DeleteObject(ii.hbmMask);
        DeleteObject(ii.hbmColor);
    }
    free(bits);
    return icon;
}

/* The id of the directory's image nearest size wide, deeper first. */
static BOOL pick_image(const unsigned char *dir, DWORD len, int is_icon, int size, WORD *id)
{
    if (len < 6 || le16(dir + 4) == 0 || len < 6 + 14u * le16(dir + 4))
        return FALSE;
    int best_diff = 0x7fffffff, best_bpp = -1;
    for (unsigned i = 0; i < le16(dir + 4); i++) {
        const unsigned char *e = dir + 6 + 14 * i;
        int width = is_icon ? (e[0] ? e[0] : 256) : le16(e);
        int bpp = le16(e + 6);
        int diff = abs(width - size);
        if (diff < best_diff || (diff == best_diff && bpp > best_bpp)) {
            best_diff = diff;
            best_bpp = bpp;
            *id = le16(e + 12);
        }
    }
    return TRUE;
}

HICON cursor_from_resource(HINSTANCE inst, LPCSTR name, int is_icon, int size)
{
    const void *dir, *image;
    DWORD dir_len, image_len;
    WORD id = 0;
    /* Wine says ERROR_RESOURCE_TYPE_NOT_FOUND for any image it does not
     * find; winhandle follows. */
    if (!resource_find(inst, is_icon ? RT_GROUP_ICON : RT_GROUP_CURSOR, name, &dir, &dir_len)) {
        if (GetLastError() == ERROR_RESOURCE_NAME_NOT_FOUND)
            SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return NULL;
    }
    if (!pick_image(dir, dir_len, is_icon, size ? size : DEFAULT_SIZE, &id) ||
        !resource_find(inst, is_icon ? RT_ICON : RT_CURSOR, MAKEINTRESOURCEA(id), &image,
                       &image_len))
        return FAIL(ERROR_RESOURCE_DATA_NOT_FOUND, NULL);
    const unsigned char *p = image;
    int x_hot = 0, y_hot = 0;
    if (!is_icon) {
        if (image_len < 4)
            return FAIL(ERROR_INVALID_DATA, NULL);
        x_hot = le16(p);
        y_hot = le16(p + 2);
        p += 4;
        image_len -= 4;
    }
    struct dib d;
    if (!parse_dib(p, image_len, &d))
        return FAIL(ERROR_INVALID_DATA, NULL);
    return create_from_dib(&d, is_icon, x_hot, y_hot);
}

/* ---- the shared ones: LoadCursorA, LoadIconA, LoadImageA's LR_SHARED ---- */

/* A shared image is made once per process and name: loading it again
 * gives the same handle, as Windows. One destroyed meanwhile (Windows
 * would not have let it go) is made again. */
#define MAX_SHARED 256

static struct shared_image {
    HINSTANCE inst;
    int is_icon;
    uintptr_t id; /* an integer id, or 0 for a name */
    char *name;
    HICON handle;
} shared[MAX_SHARED];
static int shared_count;
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;

static int alive(HICON h)
{
    struct wh_user_check_request req = { .handle = user_to_wire(h), .type = WH_USER_CURSOR };
    struct wh_user_check_reply reply;
    return SERVER_CALL(user_check, &req, &reply, NULL, 0) == 0;
}

static struct shared_image *find_shared(HINSTANCE inst, LPCSTR name, int is_icon)
{
    for (int i = 0; i < shared_count; i++) {
        struct shared_image *s = &shared[i];
        if (s->inst == inst && s->is_icon == is_icon &&
            (IS_INTRESOURCE(name) ? s->id == (uintptr_t)name
                                  : s->name && !strcasecmp(s->name, name)))
            return s;
    }
    return NULL;
}

HICON cursor_resource_shared(HINSTANCE inst, LPCSTR name, int is_icon)
{
    if (!name)
        return FAIL(ERROR_RESOURCE_NAME_NOT_FOUND, NULL);
    pthread_mutex_lock(&shared_lock);
    struct shared_image *s = find_shared(inst, name, is_icon);
    HICON h = s && alive(s->handle) ? s->handle : NULL;
    if (!h && (h = cursor_from_resource(inst, name, is_icon, DEFAULT_SIZE))) {
        if (!s && shared_count < MAX_SHARED) {
            s = &shared[shared_count++];
            s->inst = inst;
            s->is_icon = is_icon;
            s->id = IS_INTRESOURCE(name) ? (uintptr_t)name : 0;
            s->name = IS_INTRESOURCE(name) ? NULL : strdup(name);
        }
        if (s)
            s->handle = h;
    }
    pthread_mutex_unlock(&shared_lock);
    return h;
}
