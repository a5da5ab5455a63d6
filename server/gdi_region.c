/*
 * Regions: sets of rectangles, kept in Windows' canonical form, "y-x
 * banded": rectangles sorted by top then left; those of one band share
 * their top and bottom and neither overlap nor touch; two bands that
 * touch never have the same left/right edges (they are one band then).
 * With the form canonical, GetRegionData gives Windows' list, the kind
 * (one rectangle: SIMPLEREGION) comes from the count, and EqualRgn
 * compares lists.
 *
 * Every CombineRgn mode is one sweep: cut the plane into horizontal
 * bands at every top and bottom of both operands; in each band, each
 * operand covers a sorted list of x-intervals; keep what the mode's
 * truth table keeps, merging touching pieces; a band equal to the one
 * above it (and touching it) extends that one instead. Simple, and
 * correct by construction; O(bands x rectangles), plenty for regions
 * built by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "request.h"

#define NULLREGION_ 1u
#define SIMPLEREGION_ 2u
#define COMPLEXREGION_ 3u
#define RGN_AND_ 1u
#define RGN_OR_ 2u
#define RGN_XOR_ 3u
#define RGN_DIFF_ 4u
#define RGN_COPY_ 5u

struct rect {
    int32_t left, top, right, bottom;
};

/* A growable list of rectangles (a region's, or one being built). */
struct rect_list {
    struct rect *r;
    uint32_t count, cap;
};

struct region {
    struct gdi_object hdr;
    struct rect_list rects;
};

static int push(struct rect_list *l, int32_t left, int32_t top, int32_t right, int32_t bottom)
{
    if (l->count == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 8;
        struct rect *r = realloc(l->r, cap * sizeof(*r));
        if (!r)
            return -1;
        l->r = r;
        l->cap = cap;
    }
    l->r[l->count++] = (struct rect){ left, top, right, bottom };
    return 0;
}

static uint32_t kind_of(const struct rect_list *l)
{
    return l->count == 0 ? NULLREGION_ : l->count == 1 ? SIMPLEREGION_ : COMPLEXREGION_;
}

static void bounds(const struct rect_list *l, int32_t box[4])
{
    memset(box, 0, 4 * sizeof(int32_t));
    for (uint32_t i = 0; i < l->count; i++) {
        const struct rect *r = &l->r[i];
        if (!i || r->left < box[0]) box[0] = r->left;
        if (!i || r->top < box[1]) box[1] = r->top;
        if (!i || r->right > box[2]) box[2] = r->right;
        if (!i || r->bottom > box[3]) box[3] = r->bottom;
    }
}

/* ---- the sweep ---- */

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* The x-intervals (pairs) that l covers over the whole band [y0, y1);
 * y0 and y1 are among l's edges' cuts, so a rectangle covers all of the
 * band or none of it. Returns the number of values written to xs. */
static uint32_t band_intervals(const struct rect_list *l, int32_t y0, int32_t y1, int32_t *xs)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < l->count; i++) {
        const struct rect *r = &l->r[i];
        if (r->top <= y0 && r->bottom >= y1) {
            xs[n++] = r->left;
            xs[n++] = r->right;
        }
    }
    return n;
}

static int keep(uint32_t mode, int in_a, int in_b)
{
    switch (mode) {
    case RGN_AND_: return in_a && in_b;
    case RGN_OR_: return in_a || in_b;
    case RGN_XOR_: return in_a != in_b;
    case RGN_DIFF_: return in_a && !in_b;
    default: return in_a;
    }
}

/* Combine two sorted interval lists into out; returns values written. */
static uint32_t combine_band(uint32_t mode, const int32_t *a, uint32_t na, const int32_t *b,
                             uint32_t nb, int32_t *out)
{
    uint32_t ia = 0, ib = 0, n = 0;
    while (ia < na || ib < nb) {
        /* The next edge of either list; at an edge, being inside flips. */
        int32_t x = ia < na && (ib >= nb || a[ia] <= b[ib]) ? a[ia] : b[ib];
        while (ia < na && a[ia] == x)
            ia++;
        while (ib < nb && b[ib] == x)
            ib++;
        int now = keep(mode, ia & 1, ib & 1);
        int inside = n & 1; /* an interval is open in out */
        if (now && !inside) {
            if (n >= 2 && out[n - 1] == x)
                n--; /* touches the last one: extend it */
            else
                out[n++] = x;
        } else if (!now && inside) {
            out[n++] = x;
        }
    }
    return n;
}

/* Append one band of intervals to out, or extend the band above. */
static int emit_band(struct rect_list *out, uint32_t *prev_start, uint32_t *prev_count,
                     int32_t y0, int32_t y1, const int32_t *xs, uint32_t n)
{
    uint32_t pairs = n / 2;
    if (!pairs)
        return 0;
    if (*prev_count == pairs && out->r[*prev_start].bottom == y0) {
        int same = 1;
        for (uint32_t i = 0; i < pairs && same; i++)
            same = out->r[*prev_start + i].left == xs[2 * i] &&
                   out->r[*prev_start + i].right == xs[2 * i + 1];
        if (same) {
            for (uint32_t i = 0; i < pairs; i++)
                out->r[*prev_start + i].bottom = y1;
            return 0;
        }
    }
    *prev_start = out->count;
    *prev_count = pairs;
    for (uint32_t i = 0; i < pairs; i++)
        if (push(out, xs[2 * i], y0, xs[2 * i + 1], y1) < 0)
            return -1;
    return 0;
}

static int combine(uint32_t mode, const struct rect_list *a, const struct rect_list *b,
                   struct rect_list *out)
{
    uint32_t ny = 0, total = a->count + b->count;
    int32_t *ys = malloc((2 * (size_t)total + 1) * sizeof(*ys));
    int32_t *xa = malloc((2 * (size_t)a->count + 1) * sizeof(*xa));
    int32_t *xb = malloc((2 * (size_t)b->count + 1) * sizeof(*xb));
    int32_t *xo = malloc((2 * (size_t)total + 2) * sizeof(*xo));
    int rc = ys && xa && xb && xo ? 0 : -1;
    for (uint32_t i = 0; !rc && i < a->count; i++)
        ys[ny++] = a->r[i].top, ys[ny++] = a->r[i].bottom;
    for (uint32_t i = 0; !rc && i < b->count; i++)
        ys[ny++] = b->r[i].top, ys[ny++] = b->r[i].bottom;
    if (!rc)
        qsort(ys, ny, sizeof(*ys), cmp_i32);
    uint32_t prev_start = 0, prev_count = 0;
    for (uint32_t i = 0; !rc && i + 1 < ny; i++) {
        if (ys[i] == ys[i + 1])
            continue;
        uint32_t na = band_intervals(a, ys[i], ys[i + 1], xa);
        uint32_t nb = band_intervals(b, ys[i], ys[i + 1], xb);
        uint32_t no = combine_band(mode, xa, na, xb, nb, xo);
        rc = emit_band(out, &prev_start, &prev_count, ys[i], ys[i + 1], xo, no);
    }
    free(ys);
    free(xa);
    free(xb);
    free(xo);
    return rc;
}

/* ---- the object ---- */

static void region_destroy(struct gdi_object *obj)
{
    free(((struct region *)obj)->rects.r);
}

static void region_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    const struct rect_list *l = &((struct region *)obj)->rects;
    struct wh_gdi_region rec = { .kind = kind_of(l), .count = l->count };
    bounds(l, rec.box);
    char *out = reply_append(ctx, (uint32_t)sizeof(rec) + l->count * (uint32_t)sizeof(struct rect));
    if (!out)
        return;
    memcpy(out, &rec, sizeof(rec));
    if (l->count)
        memcpy(out + sizeof(rec), l->r, l->count * sizeof(struct rect));
}

static void region_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    const struct rect_list *l = &((struct region *)obj)->rects;
    int32_t box[4];
    bounds(l, box);
    snprintf(buf, len, "%u rect%s, %d,%d-%d,%d", l->count, l->count == 1 ? "" : "s", box[0],
             box[1], box[2], box[3]);
}

static const struct gdi_ops region_ops = {
    .type = WH_GDI_REGION, .kind = WH_GDI_KIND_REGION, .name = "Region",
    .destroy = region_destroy, .get = region_get, .describe = region_describe,
};

/* l becomes the rectangle with these corners, in any order. */
static void set_rect(struct rect_list *l, int32_t x1, int32_t y1, int32_t x2, int32_t y2)
{
    l->count = 0;
    int32_t left = x1 < x2 ? x1 : x2, right = x1 < x2 ? x2 : x1;
    int32_t top = y1 < y2 ? y1 : y2, bottom = y1 < y2 ? y2 : y1;
    if (left != right && top != bottom)
        push(l, left, top, right, bottom); /* cap 8 from the maker: never fails */
}

struct gdi_object *gdi_make_region(const struct wh_gdi_region *rec, struct process *owner,
                                   uint32_t *error)
{
    struct rect *first = malloc(8 * sizeof(*first));
    struct region *r = first ? gdi_alloc(&region_ops, sizeof(*r), owner, error) : NULL;
    if (!r) {
        if (!first)
            *error = ERR_NOT_ENOUGH_MEMORY;
        free(first);
        return NULL;
    }
    r->rects = (struct rect_list){ .r = first, .cap = 8 };
    set_rect(&r->rects, rec->box[0], rec->box[1], rec->box[2], rec->box[3]);
    return &r->hdr;
}

/* ---- requests ---- */

static struct rect_list *region_rects(uint32_t handle)
{
    struct gdi_object *obj = gdi_lookup(handle, WH_GDI_REGION);
    return obj ? &((struct region *)obj)->rects : NULL;
}

static uint32_t do_combine(const struct wh_gdi_region_request *req, struct rect_list *dst,
                           uint32_t *error)
{
    const struct rect_list *a = region_rects(req->src1);
    const struct rect_list *b = req->mode == RGN_COPY_ ? a : region_rects(req->src2);
    if (!a || !b || req->mode < RGN_AND_ || req->mode > RGN_COPY_) {
        *error = GDI_FAIL_QUIETLY;
        return 0;
    }
    struct rect_list out = { 0 };
    if (combine(req->mode, a, b, &out) < 0 || push(&out, 0, 0, 0, 0) < 0) {
        free(out.r);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return 0;
    }
    out.count--; /* the push above only made room: a list has cap >= 1 */
    free(dst->r);
    *dst = out;
    return kind_of(dst);
}

static void offset(struct rect_list *l, int32_t dx, int32_t dy)
{
    /* Wrapping as Windows' 32-bit arithmetic would, without signed overflow. */
    for (uint32_t i = 0; i < l->count; i++) {
        struct rect *r = &l->r[i];
        r->left = (int32_t)((uint32_t)r->left + (uint32_t)dx);
        r->right = (int32_t)((uint32_t)r->right + (uint32_t)dx);
        r->top = (int32_t)((uint32_t)r->top + (uint32_t)dy);
        r->bottom = (int32_t)((uint32_t)r->bottom + (uint32_t)dy);
    }
}

static int contains(const struct rect_list *l, int32_t x, int32_t y)
{
    for (uint32_t i = 0; i < l->count; i++) {
        const struct rect *r = &l->r[i];
        if (x >= r->left && x < r->right && y >= r->top && y < r->bottom)
            return 1;
    }
    return 0;
}

static int equal(const struct rect_list *a, const struct rect_list *b)
{
    return a->count == b->count && (!a->count || !memcmp(a->r, b->r, a->count * sizeof(*a->r)));
}

DECL_HANDLER(gdi_region)
{
    struct rect_list *dst = region_rects(req->dst), *src;
    if (!dst) {
        ctx->error = GDI_FAIL_QUIETLY;
        return;
    }
    switch (req->op) {
    case WH_RGN_COMBINE:
        reply->result = do_combine(req, dst, &ctx->error);
        return;
    case WH_RGN_SET_RECT:
        set_rect(dst, req->x, req->y, req->x2, req->y2);
        reply->result = kind_of(dst);
        return;
    case WH_RGN_OFFSET:
        offset(dst, req->x, req->y);
        reply->result = kind_of(dst);
        return;
    case WH_RGN_POINT:
        reply->result = (uint32_t)contains(dst, req->x, req->y);
        return;
    case WH_RGN_EQUAL:
        if (!(src = region_rects(req->src1)))
            ctx->error = GDI_FAIL_QUIETLY;
        else
            reply->result = (uint32_t)equal(dst, src);
        return;
    default:
        ctx->error = ERR_INVALID_PARAMETER;
    }
}
