/*
 * Pens (CreatePen, CreatePenIndirect) and extended pens (ExtCreatePen):
 * one struct, two kinds, as GetObjectType tells them apart. The checks
 * are Windows' as Wine shows them (tests/conformance/gdi_objects.c):
 * an unknown CreatePen style is PS_SOLID, a PS_NULL pen is the stock
 * NULL_PEN, a cosmetic extended pen is 1 wide with a solid brush, and a
 * PS_USERSTYLE one has 1 to 16 entries, not all zero.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "request.h"

#define PS_NULL_ 5u
#define PS_INSIDEFRAME_ 6u
#define PS_USERSTYLE_ 7u
#define PS_ALTERNATE_ 8u
#define PS_STYLE_MASK_ 0x0000000fu
#define PS_GEOMETRIC_ 0x00010000u
#define BS_SOLID_ 0u
#define BS_NULL_ 1u

struct pen {
    struct gdi_object hdr;
    struct wh_gdi_pen rec;
    uint32_t entries[];
};

static void pen_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    struct pen *p = (struct pen *)obj;
    gdi_reply_record(ctx, &p->rec, (uint32_t)sizeof(p->rec) + p->rec.count * 4u);
}

static void pen_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    const struct wh_gdi_pen *r = &((struct pen *)obj)->rec;
    snprintf(buf, len, "style %#x width %d #%06x", r->style, r->width, r->color);
}

static const struct gdi_ops pen_ops = {
    .type = WH_GDI_PEN, .kind = WH_GDI_KIND_PEN, .name = "Pen",
    .get = pen_get, .describe = pen_describe,
};

static const struct gdi_ops extpen_ops = {
    .type = WH_GDI_EXTPEN, .kind = WH_GDI_KIND_EXTPEN, .name = "ExtPen",
    .get = pen_get, .describe = pen_describe,
};

/* ExtCreatePen's checks: 0, an error, or GDI_FAIL_QUIETLY. */
static uint32_t check_extended(const struct wh_gdi_pen *r, const uint32_t *entries,
                               uint32_t count)
{
    uint32_t style = r->style & PS_STYLE_MASK_;
    int geometric = (r->style & PS_GEOMETRIC_) != 0;
    if (style == PS_USERSTYLE_) {
        uint32_t sum = 0;
        for (uint32_t i = 0; i < count && i < WH_GDI_MAX_STYLE_ENTRIES; i++)
            sum |= entries[i];
        if (!count || count > WH_GDI_MAX_STYLE_ENTRIES || !sum)
            return GDI_FAIL_QUIETLY;
    } else if (count) {
        return ERR_INVALID_PARAMETER;
    }
    if (style > PS_ALTERNATE_)
        return ERR_INVALID_PARAMETER;
    if (style == PS_ALTERNATE_ && geometric)
        return GDI_FAIL_QUIETLY;
    if (!geometric && (r->width != 1 || r->brush_style != BS_SOLID_))
        return ERR_INVALID_PARAMETER;
    return 0;
}

struct gdi_object *gdi_make_pen(const struct wh_gdi_pen *rec, const uint32_t *entries,
                                uint32_t count, int extended, struct process *owner,
                                uint32_t *error)
{
    struct wh_gdi_pen r = *rec;
    if (extended && (*error = check_extended(&r, entries, count)))
        return NULL;
    uint32_t style = extended ? r.style & PS_STYLE_MASK_ : r.style;
    if (owner && (style == PS_NULL_ || (extended && r.brush_style == BS_NULL_)))
        return gdi_stock(GDI_STOCK_NULL_PEN);
    if (!extended) {
        if (style > PS_INSIDEFRAME_)
            r.style = 0; /* PS_SOLID */
        r.width = r.width < 0 ? -r.width : r.width;
        r.brush_style = r.hatch = r.count = 0;
        count = 0;
    } else {
        r.count = count;
    }
    struct pen *p = gdi_alloc(extended ? &extpen_ops : &pen_ops, sizeof(*p) + count * 4u,
                              owner, error);
    if (!p)
        return NULL;
    p->rec = r;
    if (count)
        memcpy(p->entries, entries, count * 4u);
    return &p->hdr;
}
