/*
 * Regions against Wine: rectangle regions, every CombineRgn mode on
 * overlapping, nested, disjoint and empty operands, the rectangles the
 * result is made of (GetRegionData gives them in Windows' y-x banded
 * order, so the same set prints the same list), its bounding box, and
 * PtInRegion on the edges (a region holds its left and top edges, not
 * its right and bottom ones).
 */
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

static const char *kind(int k)
{
    switch (k) {
    case NULLREGION: return "NULLREGION";
    case SIMPLEREGION: return "SIMPLEREGION";
    case COMPLEXREGION: return "COMPLEXREGION";
    case ERROR: return "ERROR";
    default: return "?";
    }
}

/* The region's rectangles and box, one line. */
static void show(const char *name, HRGN rgn)
{
    char line[512];
    int len = 0;
    DWORD size = GetRegionData(rgn, 0, NULL);
    RGNDATA *data = size ? malloc(size) : NULL;
    if (!data || GetRegionData(rgn, size, data) != size) {
        check(name, "no data");
        free(data);
        return;
    }
    RECT box;
    int k = GetRgnBox(rgn, &box);
    len += snprintf(line + len, sizeof(line) - (size_t)len, "%s box %d,%d-%d,%d n=%u:", kind(k),
                    (int)box.left, (int)box.top, (int)box.right, (int)box.bottom,
                    (unsigned)data->rdh.nCount);
    const RECT *r = (const RECT *)data->Buffer;
    for (DWORD i = 0; i < data->rdh.nCount && len < (int)sizeof(line) - 40; i++)
        len += snprintf(line + len, sizeof(line) - (size_t)len, " %d,%d-%d,%d", (int)r[i].left,
                        (int)r[i].top, (int)r[i].right, (int)r[i].bottom);
    check(name, "%s", line);
    check(check_name(name, "header"), "size %u type %u bound %d,%d-%d,%d",
          (unsigned)data->rdh.dwSize, (unsigned)data->rdh.iType, (int)data->rdh.rcBound.left,
          (int)data->rdh.rcBound.top, (int)data->rdh.rcBound.right,
          (int)data->rdh.rcBound.bottom);
    free(data);
}

static void combine_all(const char *prefix, HRGN a, HRGN b)
{
    static const struct { int mode; const char *name; } modes[] = {
        { RGN_AND, "and" }, { RGN_OR, "or" }, { RGN_XOR, "xor" },
        { RGN_DIFF, "diff" }, { RGN_COPY, "copy" },
    };
    char name[64];
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        HRGN dst = CreateRectRgn(0, 0, 0, 0);
        snprintf(name, sizeof(name), "%s.%s", prefix, modes[i].name);
        int k = CombineRgn(dst, a, b, modes[i].mode);
        check(name, "%s", kind(k));
        snprintf(name, sizeof(name), "%s.%s_rects", prefix, modes[i].name);
        show(name, dst);
        DeleteObject(dst);
    }
}

int main(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HRGN a = CreateRectRgn(0, 0, 10, 10);
    check_create("rect.create", a);
    check("rect.type", "%u", (unsigned)GetObjectType(a));
    show("rect.rects", a);
    SetLastError(UNTOUCHED_ERROR);
    check("rect.getobject", "%d", GetObjectA(a, 0, NULL));
    HRGN flipped = CreateRectRgn(10, 10, 0, 0);
    show("rect.flipped", flipped);
    HRGN empty = CreateRectRgn(5, 5, 5, 20);
    show("rect.empty", empty);
    RECT rc = { 1, 2, 3, 4 };
    HRGN ind = CreateRectRgnIndirect(&rc);
    show("rect.indirect", ind);

    check_bool("pt.inside", PtInRegion(a, 5, 5));
    check_bool("pt.left_top", PtInRegion(a, 0, 0));
    check("pt.right", "%d", PtInRegion(a, 10, 5));
    check("pt.bottom", "%d", PtInRegion(a, 5, 10));
    check("pt.outside", "%d", PtInRegion(a, -1, 5));
    check("pt.empty", "%d", PtInRegion(empty, 5, 5));

    HRGN b = CreateRectRgn(5, 5, 15, 15);
    combine_all("overlap", a, b);
    HRGN inner = CreateRectRgn(3, 3, 6, 6);
    combine_all("nested", a, inner);
    HRGN apart = CreateRectRgn(20, 0, 30, 10);
    combine_all("side_by_side", a, apart);
    HRGN touching = CreateRectRgn(10, 0, 20, 10);
    combine_all("touching", a, touching);
    HRGN below = CreateRectRgn(0, 10, 10, 20);
    combine_all("stacked", a, below);
    combine_all("with_empty", a, empty);
    combine_all("same", a, a);

    /* A complex operand: a frame (a square less its middle), then more. */
    HRGN frame = CreateRectRgn(0, 0, 0, 0);
    CombineRgn(frame, a, inner, RGN_DIFF);
    show("frame", frame);
    check("frame.pt_hole", "%d", PtInRegion(frame, 4, 4));
    check_bool("frame.pt_ring", PtInRegion(frame, 1, 1));
    HRGN cross = CreateRectRgn(4, -5, 5, 25);
    combine_all("frame_cross", frame, cross);

    /* The destination may be an operand. */
    HRGN acc = CreateRectRgn(0, 0, 2, 2);
    HRGN step = CreateRectRgn(0, 0, 0, 0);
    for (int i = 1; i < 4; i++) {
        SetRectRgn(step, i * 3, i * 3, i * 3 + 2, i * 3 + 2);
        CombineRgn(acc, acc, step, RGN_OR);
    }
    show("accumulate", acc);
    check("accumulate.self_and", "%s", kind(CombineRgn(acc, acc, acc, RGN_AND)));
    check("accumulate.self_xor", "%s", kind(CombineRgn(acc, acc, acc, RGN_XOR)));
    show("accumulate.after_xor", acc);

    check("offset", "%s", kind(OffsetRgn(a, 100, -3)));
    show("offset.rects", a);
    check_bool("equal.self", EqualRgn(a, a));
    check("equal.other", "%d", EqualRgn(a, b));

    SetLastError(UNTOUCHED_ERROR);
    check("combine.bad_mode", "%s", kind(CombineRgn(step, a, b, 99)));
    SetLastError(UNTOUCHED_ERROR);
    check("combine.bad_src", "%s", kind(CombineRgn(step, (HRGN)GetStockObject(WHITE_BRUSH), b,
                                                   RGN_OR)));
    DeleteObject(b);
    SetLastError(UNTOUCHED_ERROR);
    check("combine.deleted_src", "%s", kind(CombineRgn(step, a, b, RGN_OR)));
    SetLastError(UNTOUCHED_ERROR);
    check("pt.deleted", "%d", PtInRegion(b, 0, 0));
    check("combine.copy_ignores_src2", "%s", kind(CombineRgn(step, a, b, RGN_COPY)));
    return 0;
}
