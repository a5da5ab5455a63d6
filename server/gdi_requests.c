/*
 * The requests on GDI objects of any kind: create, get, delete, stock
 * objects, GetGuiResources and inspection. The kinds' own requests
 * (bitmap bits, regions) are in their files.
 */
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "handle.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

#define GR_GDIOBJECTS_ 0u
#define GR_USEROBJECTS_ 1u
#define GR_GDIOBJECTS_PEAK_ 2u
#define GR_USEROBJECTS_PEAK_ 4u
/* A hostile bound on an extended pen's entries (Windows takes 16; more
 * fail in gdi_make_pen, leaving the last error alone, as there). */
#define MAX_WIRE_ENTRIES 4096u

/* The record of a gdi_create, copied out of the data (which need not be
 * aligned); what follows it is *rest, rest_len bytes. */
static int take_record(struct request_ctx *ctx, void *rec, uint32_t size, const char **rest,
                       uint32_t *rest_len)
{
    if (ctx->data_len < size) {
        ctx->error = ERR_INVALID_PARAMETER;
        return -1;
    }
    memcpy(rec, ctx->data, size);
    *rest = ctx->data + size;
    *rest_len = ctx->data_len - size;
    return 0;
}

/* The entries (4 bytes each) after a record, copied to aligned memory. */
static uint32_t *take_entries(struct request_ctx *ctx, const char *rest, uint32_t rest_len,
                              uint32_t count, uint32_t *buf)
{
    if (count > MAX_WIRE_ENTRIES || rest_len != count * 4u) {
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    if (count)
        memcpy(buf, rest, rest_len);
    return buf;
}

static struct gdi_object *create(struct request_ctx *ctx, uint32_t type, uint32_t bits_len)
{
    static uint32_t entries[WH_GDI_MAX_PALETTE > MAX_WIRE_ENTRIES ? WH_GDI_MAX_PALETTE
                                                                  : MAX_WIRE_ENTRIES];
    union {
        struct wh_gdi_pen pen;
        struct wh_gdi_brush brush;
        struct wh_gdi_font font;
        struct wh_gdi_bitmap bitmap;
        struct wh_gdi_palette palette;
        struct wh_gdi_region region;
    } u;
    const char *rest;
    uint32_t rest_len, *e;
    struct process *owner = ctx->process;
    switch (type) {
    case WH_GDI_PEN:
    case WH_GDI_EXTPEN:
        if (take_record(ctx, &u.pen, sizeof(u.pen), &rest, &rest_len) ||
            !(e = take_entries(ctx, rest, rest_len, u.pen.count, entries)))
            return NULL;
        return gdi_make_pen(&u.pen, e, u.pen.count, type == WH_GDI_EXTPEN, owner, &ctx->error);
    case WH_GDI_BRUSH:
        if (take_record(ctx, &u.brush, sizeof(u.brush), &rest, &rest_len))
            return NULL;
        return gdi_make_brush(&u.brush, owner, &ctx->error);
    case WH_GDI_FONT:
        if (take_record(ctx, &u.font, sizeof(u.font), &rest, &rest_len))
            return NULL;
        return gdi_make_font(&u.font, owner, &ctx->error);
    case WH_GDI_BITMAP:
        if (take_record(ctx, &u.bitmap, sizeof(u.bitmap), &rest, &rest_len))
            return NULL;
        if (rest_len != bits_len) {
            ctx->error = ERR_INVALID_PARAMETER;
            return NULL;
        }
        return gdi_make_bitmap(&u.bitmap, rest, bits_len, owner, &ctx->error);
    case WH_GDI_PALETTE:
        if (take_record(ctx, &u.palette, sizeof(u.palette), &rest, &rest_len))
            return NULL;
        if (u.palette.count > WH_GDI_MAX_PALETTE || rest_len != u.palette.count * 4u) {
            ctx->error = ERR_INVALID_PARAMETER;
            return NULL;
        }
        memcpy(entries, rest, rest_len);
        return gdi_make_palette(&u.palette, entries, owner, &ctx->error);
    case WH_GDI_REGION:
        if (take_record(ctx, &u.region, sizeof(u.region), &rest, &rest_len))
            return NULL;
        return gdi_make_region(&u.region, owner, &ctx->error);
    default:
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
}

DECL_HANDLER(gdi_create)
{
    struct gdi_object *obj = create(ctx, req->type, req->bits_len);
    if (obj)
        reply->handle = obj->handle;
}

DECL_HANDLER(gdi_get)
{
    struct gdi_object *obj = gdi_lookup(req->handle, WH_GDI_NONE);
    if (!obj || req->reserved) {
        ctx->error = obj ? ERR_INVALID_PARAMETER : ERR_INVALID_HANDLE;
        return;
    }
    reply->type = obj->ops->type;
    reply->stock = obj->owner ? 0 : 1;
    reply->owner_pid = obj->owner_pid;
    obj->ops->get(obj, ctx);
}

DECL_HANDLER(gdi_delete)
{
    struct gdi_object *obj = gdi_lookup(req->handle, WH_GDI_NONE);
    if (!obj) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    reply->stock = obj->owner ? 0 : 1;
    gdi_free(obj); /* a stock object stays */
}

DECL_HANDLER(gdi_stock)
{
    struct gdi_object *obj = gdi_stock(req->id);
    if (obj)
        reply->handle = obj->handle;
    else
        ctx->error = GDI_FAIL_QUIETLY;
}

/* The count GetGuiResources asks for, of one process or all (NULL). */
static uint32_t gui_count(const struct process *p, uint32_t flags, uint32_t *error)
{
    switch (flags) {
    case GR_GDIOBJECTS_:
        return p ? gdi_process_count(p) : gdi_count();
    case GR_GDIOBJECTS_PEAK_:
        return p ? gdi_process_peak(p) : gdi_count();
    case GR_USEROBJECTS_:
        return p ? user_process_count(p) : user_count();
    case GR_USEROBJECTS_PEAK_:
        return p ? p->user_peak : user_count();
    default:
        *error = ERR_INVALID_PARAMETER;
        return 0;
    }
}

DECL_HANDLER(gui_resources)
{
    struct process *p = NULL;
    if (req->process != WH_GR_GLOBAL) {
        /* Full query rights imply the limited ones. */
        p = (struct process *)get_handle_obj_any(
            ctx->thread, req->process,
            PROCESS_QUERY_INFORMATION_ | PROCESS_QUERY_LIMITED_INFORMATION_, &process_ops,
            &ctx->error);
        if (!p)
            return;
    }
    reply->count = gui_count(p, req->flags, &ctx->error);
}
