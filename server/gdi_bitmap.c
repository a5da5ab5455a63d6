/*
 * Bitmaps (CreateBitmap): a size, a depth and the bits, rows padded to 16
 * bits as CreateBitmap's bits are. The depth is rounded up to one Windows
 * supports (1, 4, 8, 16, 24, 32); an empty size gives the stock 1x1
 * bitmap; a negative size counts as positive (Wine and Windows). The bits
 * live here, so a bitmap made in one process is read in another; they
 * travel in pieces of WH_GDI_BITS_CHUNK bytes (gdi_bitmap_bits).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "request.h"

struct bitmap {
    struct gdi_object hdr;
    struct wh_gdi_bitmap rec;
    unsigned char *bits;
};

static void bitmap_destroy(struct gdi_object *obj)
{
    free(((struct bitmap *)obj)->bits);
}

static void bitmap_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    gdi_reply_record(ctx, &((struct bitmap *)obj)->rec, sizeof(struct wh_gdi_bitmap));
}

static void bitmap_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    const struct wh_gdi_bitmap *r = &((struct bitmap *)obj)->rec;
    snprintf(buf, len, "%dx%d, %u bpp", r->width, r->height, r->bpp);
}

static const struct gdi_ops bitmap_ops = {
    .type = WH_GDI_BITMAP, .kind = WH_GDI_KIND_BITMAP, .name = "Bitmap",
    .destroy = bitmap_destroy, .get = bitmap_get, .describe = bitmap_describe,
};

struct gdi_object *gdi_make_bitmap(const struct wh_gdi_bitmap *rec, const void *bits,
                                   uint32_t bits_len, struct process *owner, uint32_t *error)
{
    int64_t w = rec->width < 0 ? -(int64_t)rec->width : rec->width;
    int64_t h = rec->height < 0 ? -(int64_t)rec->height : rec->height;
    uint32_t bpp = wh_gdi_bitmap_depth(rec->bpp);
    if (rec->planes != 1 || !bpp || w > 0x7ffffff || h > 0x7ffffff) {
        *error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    if (owner && (!w || !h))
        return gdi_stock(GDI_STOCK_BITMAP);
    uint64_t stride = wh_gdi_bitmap_stride(w, bpp), size = stride * (uint64_t)h;
    if (size > WH_GDI_MAX_BITMAP_BYTES) {
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    if (bits_len > size) {
        *error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    unsigned char *data = calloc(1, size ? (size_t)size : 1);
    struct bitmap *b = data ? gdi_alloc(&bitmap_ops, sizeof(*b), owner, error) : NULL;
    if (!b) {
        if (!data)
            *error = ERR_NOT_ENOUGH_MEMORY;
        free(data);
        return NULL;
    }
    b->bits = data;
    if (bits_len)
        memcpy(data, bits, bits_len);
    b->rec = (struct wh_gdi_bitmap){ .width = (int32_t)w, .height = (int32_t)h, .planes = 1,
                                     .bpp = bpp, .stride = (uint32_t)stride,
                                     .size = (uint32_t)size };
    return &b->hdr;
}

unsigned char *gdi_bitmap_data(struct gdi_object *obj, uint32_t *size)
{
    struct bitmap *b = (struct bitmap *)obj;
    *size = b->rec.size;
    return b->bits;
}

DECL_HANDLER(gdi_bitmap_bits)
{
    struct gdi_object *obj = gdi_lookup(req->handle, WH_GDI_BITMAP);
    if (!obj) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    uint32_t size, len = req->write ? ctx->data_len : req->len;
    unsigned char *bits = gdi_bitmap_data(obj, &size);
    reply->size = size;
    if (req->offset > size || len > WH_GDI_BITS_CHUNK || req->write > 1) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (len > size - req->offset)
        len = size - req->offset;
    reply->len = len;
    if (req->write) {
        memcpy(bits + req->offset, ctx->data, len);
        return;
    }
    void *out = reply_append(ctx, len);
    if (out && len)
        memcpy(out, bits + req->offset, len);
}
