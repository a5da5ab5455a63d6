/*
 * Regions: the server keeps each region's rectangles in Windows' y-x
 * banded form and does every operation (server/gdi_region.c); here are
 * the calls and GetRegionData's layout.
 */
#include <stdlib.h>
#include <string.h>

#include "gdi_private.h"

HRGN WINAPI CreateRectRgn(int x1, int y1, int x2, int y2)
{
    struct wh_gdi_region rec = { .box = { x1, y1, x2, y2 } };
    return gdi_create(WH_GDI_REGION, &rec, sizeof(rec), NULL, 0, 0);
}

HRGN WINAPI CreateRectRgnIndirect(const RECT *rc)
{
    if (!rc)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    return CreateRectRgn((int)rc->left, (int)rc->top, (int)rc->right, (int)rc->bottom);
}

/* One gdi_region request; returns its result, or `failed` on an error
 * (a bad handle fails without a last error, as on Windows). */
static int region_op(struct wh_gdi_region_request *req, int failed)
{
    struct wh_gdi_region_reply reply;
    if (!user_result(SERVER_CALL(gdi_region, req, &reply, NULL, 0)))
        return failed;
    return (int)reply.result;
}

int WINAPI CombineRgn(HRGN dst, HRGN src1, HRGN src2, int mode)
{
    struct wh_gdi_region_request req = {
        .op = WH_RGN_COMBINE, .dst = gdi_to_wire(dst), .src1 = gdi_to_wire(src1),
        .src2 = gdi_to_wire(src2), .mode = (uint32_t)mode,
    };
    return region_op(&req, ERROR);
}

BOOL WINAPI SetRectRgn(HRGN rgn, int left, int top, int right, int bottom)
{
    struct wh_gdi_region_request req = {
        .op = WH_RGN_SET_RECT, .dst = gdi_to_wire(rgn), .x = left, .y = top, .x2 = right,
        .y2 = bottom,
    };
    return region_op(&req, ERROR) != ERROR;
}

int WINAPI OffsetRgn(HRGN rgn, int x, int y)
{
    struct wh_gdi_region_request req = { .op = WH_RGN_OFFSET, .dst = gdi_to_wire(rgn), .x = x,
                                         .y = y };
    return region_op(&req, ERROR);
}

BOOL WINAPI PtInRegion(HRGN rgn, int x, int y)
{
    struct wh_gdi_region_request req = { .op = WH_RGN_POINT, .dst = gdi_to_wire(rgn), .x = x,
                                         .y = y };
    return region_op(&req, FALSE);
}

BOOL WINAPI EqualRgn(HRGN a, HRGN b)
{
    struct wh_gdi_region_request req = { .op = WH_RGN_EQUAL, .dst = gdi_to_wire(a),
                                         .src1 = gdi_to_wire(b) };
    return region_op(&req, ERROR);
}

/* The region's record (kind, box, rectangles after it), or NULL. */
static struct wh_gdi_region *fetch_region(HRGN rgn)
{
    void *data;
    uint32_t len;
    if (gdi_fetch(rgn, &data, &len) != WH_GDI_REGION || len < sizeof(struct wh_gdi_region) ||
        ((struct wh_gdi_region *)data)->count > (len - sizeof(struct wh_gdi_region)) / 16) {
        free(data);
        return NULL;
    }
    return data;
}

int WINAPI GetRgnBox(HRGN rgn, LPRECT rc)
{
    struct wh_gdi_region *r = fetch_region(rgn);
    if (!r || !rc) {
        free(r);
        return ERROR;
    }
    *rc = (RECT){ r->box[0], r->box[1], r->box[2], r->box[3] };
    int kind = (int)r->kind;
    free(r);
    return kind;
}

/* With no buffer, the bytes needed; with a large enough one, the count
 * given (the documented answer); else 0. */
DWORD WINAPI GetRegionData(HRGN rgn, DWORD size, LPRGNDATA out)
{
    struct wh_gdi_region *r = fetch_region(rgn);
    if (!r)
        return 0;
    DWORD rects = r->count * (DWORD)sizeof(RECT);
    DWORD need = (DWORD)sizeof(RGNDATAHEADER) + rects;
    DWORD ret = !out ? need : size < need ? 0 : size;
    if (out && size >= need) {
        out->rdh = (RGNDATAHEADER){
            .dwSize = sizeof(RGNDATAHEADER), .iType = RDH_RECTANGLES, .nCount = r->count,
            .nRgnSize = rects, .rcBound = { r->box[0], r->box[1], r->box[2], r->box[3] },
        };
        memcpy(out->Buffer, r + 1, rects);
    }
    free(r);
    return ret;
}
