/*
 * Brushes (CreateSolidBrush, CreateHatchBrush, CreateBrushIndirect).
 * Checks as Windows makes them (tests/conformance/gdi_objects.c): a
 * BS_NULL brush is the stock NULL_BRUSH, a solid brush keeps no hatch,
 * an unknown hatch or style fails leaving the last error alone, and a
 * pattern brush names a live bitmap (by its handle, which GetObjectA
 * gives back). DIB pattern brushes carry memory of the creating process,
 * which another process could not read: not provided.
 */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "request.h"

#define BS_SOLID_ 0u
#define BS_NULL_ 1u
#define BS_HATCHED_ 2u
#define BS_PATTERN_ 3u
#define BS_DIBPATTERN_ 5u
#define BS_DIBPATTERNPT_ 6u
#define BS_PATTERN8X8_ 7u
#define BS_DIBPATTERN8X8_ 8u
#define HS_DIAGCROSS_ 5u

struct brush {
    struct gdi_object hdr;
    struct wh_gdi_brush rec;
};

static void brush_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    gdi_reply_record(ctx, &((struct brush *)obj)->rec, sizeof(struct wh_gdi_brush));
}

static void brush_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    static const char *const styles[] = { "solid", "null", "hatched", "pattern" };
    const struct wh_gdi_brush *r = &((struct brush *)obj)->rec;
    snprintf(buf, len, "%s #%06x", r->style < 4 ? styles[r->style] : "?", r->color);
}

static const struct gdi_ops brush_ops = {
    .type = WH_GDI_BRUSH, .kind = WH_GDI_KIND_BRUSH, .name = "Brush",
    .get = brush_get, .describe = brush_describe,
};

/* The record as the brush keeps it, or an error. */
static uint32_t normalize(struct wh_gdi_brush *r)
{
    r->reserved = 0;
    switch (r->style) {
    case BS_SOLID_:
        r->hatch = 0;
        return 0;
    case BS_HATCHED_:
        return r->hatch <= HS_DIAGCROSS_ ? 0 : GDI_FAIL_QUIETLY;
    case BS_PATTERN_:
    case BS_PATTERN8X8_:
        r->style = BS_PATTERN_;
        r->color = 0;
        return gdi_lookup(r->hatch, WH_GDI_BITMAP) ? 0 : GDI_FAIL_QUIETLY;
    case BS_DIBPATTERN_:
    case BS_DIBPATTERNPT_:
    case BS_DIBPATTERN8X8_:
        return ERR_NOT_SUPPORTED;
    default:
        return GDI_FAIL_QUIETLY;
    }
}

struct gdi_object *gdi_make_brush(const struct wh_gdi_brush *rec, struct process *owner,
                                  uint32_t *error)
{
    struct wh_gdi_brush r = *rec;
    if (r.style == BS_NULL_ && owner)
        return gdi_stock(GDI_STOCK_NULL_BRUSH);
    if (r.style != BS_NULL_ && (*error = normalize(&r)))
        return NULL;
    struct brush *b = gdi_alloc(&brush_ops, sizeof(*b), owner, error);
    if (!b)
        return NULL;
    b->rec = r;
    return &b->hdr;
}
