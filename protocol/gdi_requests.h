/*
 * The requests of GDI objects (issue 6), one list that requests.h takes
 * into its table, as user_requests.h does for USER objects. The rules at
 * the top of requests.h hold: fixed-width fields, uint64_t on 8-byte
 * offsets (counting the 8-byte header), no padding, variable data last.
 *
 * A GDI handle travels as uint32_t, laid out as Windows lays it out:
 *
 *     bits 31..24  uniqueness, 1..0x7f, bumped each time the entry is
 *                  reused (never 0x80 or more: no handle is negative)
 *     bit  23      stock object (WH_GDI_STOCK_BIT)
 *     bits 22..16  the object's kind (WH_GDI_KIND_*: Windows' own codes)
 *     bits 15..0   index in the session's table of 65,536 entries
 *
 * Any process of the session may use any GDI handle: the table is the
 * session's, not a process's (Windows keeps GDI handles private to their
 * process; winhandle shares them, as it does USER handles).
 *
 * Objects travel as the wh_gdi_* records below, the same in both widths;
 * the library turns them into LOGPEN, EXTLOGPEN, LOGBRUSH, ... of its
 * width. A record's kind is given by enum wh_gdi_type, whose values are
 * GetObjectType's OBJ_* codes.
 */
#ifndef WINHANDLE_PROTOCOL_GDI_REQUESTS_H
#define WINHANDLE_PROTOCOL_GDI_REQUESTS_H

#include <stdint.h>

#define WH_GDI_REQUESTS(REQ, F)                                                \
    /* A new object owned by the caller's process. type: WH_GDI_*; data: the \
     * type's record, then its entries (an extended pen's style entries, a   \
     * palette's colours, a bitmap's first bits_len bytes of bits). Some     \
     * creators give an existing object back (a PS_NULL pen is the stock    \
     * NULL_PEN, as on Windows). Fails with ERROR_NOT_ENOUGH_MEMORY at the   \
     * process's quota or when the table is full. */                        \
    REQ(gdi_create, F(uint32_t, type) F(uint32_t, bits_len), F(uint32_t, handle)) \
    /* GetObjectType and GetObjectA: type is 0 when the handle names no     \
     * live object (ERROR_INVALID_HANDLE). data: the object's record and    \
     * entries (a region's rectangles, in y-x banded order). */            \
    REQ(gdi_get, F(uint32_t, handle) F(uint32_t, reserved),                     \
        F(uint32_t, type) F(uint32_t, stock) F(uint32_t, owner_pid)            \
        F(uint32_t, reserved))                                                 \
    /* DeleteObject: any process may delete; a stock object stays. */       \
    REQ(gdi_delete, F(uint32_t, handle), F(uint32_t, stock))                   \
    /* GetStockObject: the session's stock object id (0..20), or 0. */     \
    REQ(gdi_stock, F(uint32_t, id), F(uint32_t, handle))                       \
    /* A bitmap's bits, in pieces small enough for one request: write 1    \
     * stores the data at offset, write 0 replies with up to len bytes     \
     * from offset. size: all the bitmap's bits. */                        \
    REQ(gdi_bitmap_bits,                                                       \
        F(uint32_t, handle) F(uint32_t, offset) F(uint32_t, len)               \
        F(uint32_t, write),                                                    \
        F(uint32_t, size) F(uint32_t, len))                                    \
    /* Regions. op WH_RGN_*: COMBINE (dst = src1 mode src2, mode RGN_*),   \
     * SET_RECT (dst = the rectangle x,y-x2,y2), OFFSET (dst moves by x,y), \
     * POINT (is x,y in dst?), EQUAL (dst and src1 the same set?). The    \
     * reply: the region kind of dst (NULLREGION 1, SIMPLEREGION 2,         \
     * COMPLEXREGION 3) or, for POINT and EQUAL, 0 or 1. */                 \
    REQ(gdi_region,                                                            \
        F(uint32_t, op) F(uint32_t, dst) F(uint32_t, src1) F(uint32_t, src2)   \
        F(uint32_t, mode) F(int32_t, x) F(int32_t, y) F(int32_t, x2)           \
        F(int32_t, y2) F(uint32_t, reserved),                                  \
        F(uint32_t, result))                                                   \
    /* GetGuiResources: process is a process handle of the caller's (with  \
     * PROCESS_QUERY_(LIMITED_)INFORMATION) or WH_CURRENT_PROCESS, or       \
     * WH_GR_GLOBAL for the whole session; flags GR_*. */                  \
    REQ(gui_resources, F(uint32_t, process) F(uint32_t, flags),                \
        F(uint32_t, count))                                                    \
    /* Inspection: the table's use. data: WH_GDI_TYPE_COUNT uint32_t counts \
     * of live objects by wh_gdi_type (stock ones included). */            \
    REQ(gdi_table_info, WH_NONE,                                               \
        F(uint32_t, used) F(uint32_t, capacity) F(uint32_t, quota)             \
        F(uint32_t, stock))                                                    \
    /* Inspection: every live object as a wh_gdi_record, in index order;   \
     * type 0 for every type, pid 0 for every owner (stock objects have    \
     * owner 0 and are listed only when pid is 0). */                      \
    REQ(list_gdi_objects, F(uint32_t, type) F(uint32_t, pid),                  \
        F(uint32_t, count) F(uint32_t, record_size))

/* GetObjectType's codes, which are also the record kinds. */
enum wh_gdi_type {
    WH_GDI_NONE = 0,
    WH_GDI_PEN = 1,     /* OBJ_PEN */
    WH_GDI_BRUSH = 2,   /* OBJ_BRUSH */
    WH_GDI_PALETTE = 5, /* OBJ_PAL */
    WH_GDI_FONT = 6,    /* OBJ_FONT */
    WH_GDI_BITMAP = 7,  /* OBJ_BITMAP */
    WH_GDI_REGION = 8,  /* OBJ_REGION */
    WH_GDI_EXTPEN = 11, /* OBJ_EXTPEN */
    WH_GDI_TYPE_COUNT = 12
};

/* Bits 22..16 of a handle: the kind codes Windows' own handles carry. */
#define WH_GDI_KIND_REGION 0x04u
#define WH_GDI_KIND_BITMAP 0x05u
#define WH_GDI_KIND_PALETTE 0x08u
#define WH_GDI_KIND_FONT 0x0au
#define WH_GDI_KIND_BRUSH 0x10u
#define WH_GDI_KIND_PEN 0x30u
#define WH_GDI_KIND_EXTPEN 0x50u
#define WH_GDI_STOCK_BIT 0x00800000u

/* gui_resources.process for GR_GLOBAL ((HANDLE)-2 in the API). */
#define WH_GR_GLOBAL 0xfffffffeu

/* gdi_region.op */
enum wh_rgn_op { WH_RGN_COMBINE = 0, WH_RGN_SET_RECT = 1, WH_RGN_OFFSET = 2,
                 WH_RGN_POINT = 3, WH_RGN_EQUAL = 4 };

/* Bounds on what one object may cost the server: a palette's entries fit
 * one request; a bitmap's bits are at most 256 MiB. */
#define WH_GDI_MAX_PALETTE 16384u
#define WH_GDI_MAX_STYLE_ENTRIES 16u /* ExtCreatePen's own limit */
#define WH_GDI_MAX_BITMAP_BYTES (256u << 20)
#define WH_GDI_BITS_CHUNK 32768u     /* bitmap bits per request */

/* A pen (LOGPEN) or an extended pen (EXTLOGPEN, then count uint32_t
 * style entries). hatch is EXTLOGPEN's elpHatch: a hatch style, or a
 * pattern brush's bitmap handle (low 32 bits). */
struct wh_gdi_pen {
    uint32_t style;
    int32_t width;
    uint32_t color;
    uint32_t brush_style;
    uint32_t hatch;
    uint32_t count;
};

/* A brush (LOGBRUSH); hatch as in wh_gdi_pen. */
struct wh_gdi_brush {
    uint32_t style;
    uint32_t color;
    uint32_t hatch;
    uint32_t reserved;
};

/* A font: LOGFONTA as it is, the same 60 bytes in both widths. */
struct wh_gdi_font {
    int32_t height, width, escapement, orientation, weight;
    uint8_t italic, underline, strike_out, charset;
    uint8_t out_precision, clip_precision, quality, pitch_and_family;
    char face[32];
};

/* A bitmap (BITMAP less bmBits). A create gives width, height, planes
 * and bpp; the server fills in the rest. */
struct wh_gdi_bitmap {
    int32_t width, height;
    uint32_t planes, bpp;
    uint32_t stride; /* bytes per row: rows are padded to 16 bits */
    uint32_t size;   /* stride * height */
};

/* The depth a bitmap of bpp bits per pixel gets (Windows rounds up to 1,
 * 4, 8, 16, 24 or 32), or 0 for none; and the bytes of its bits, rows
 * padded to 16 bits, or 0 when too large. Both sides use these: the
 * library to know how many bytes of bits to send, the server to check. */
static inline uint32_t wh_gdi_bitmap_depth(uint32_t bpp)
{
    return bpp == 0 ? 0 : bpp <= 1 ? 1 : bpp <= 4 ? 4 : bpp <= 8 ? 8 : bpp <= 16 ? 16
           : bpp <= 24 ? 24 : bpp <= 32 ? 32 : 0;
}

static inline uint64_t wh_gdi_bitmap_stride(int64_t width, uint32_t depth)
{
    return (uint64_t)((width * (int64_t)depth + 15) / 16) * 2;
}

/* A palette (LOGPALETTE), then count 4-byte PALETTEENTRYs. */
struct wh_gdi_palette {
    uint32_t version;
    uint32_t count;
};

/* A region: its kind and bounding box, then count rectangles of four
 * int32_t (left, top, right, bottom). A create gives one rectangle in
 * box (any corners) and count 0. */
struct wh_gdi_region {
    uint32_t kind;  /* NULLREGION 1, SIMPLEREGION 2, COMPLEXREGION 3 */
    uint32_t count;
    int32_t box[4];
};

/* list_gdi_objects: one record per live entry, summary NUL-padded. */
struct wh_gdi_record {
    uint32_t handle;
    uint32_t type;      /* enum wh_gdi_type */
    uint32_t owner_pid; /* 0: a stock object */
    uint32_t stock;
    char summary[48];   /* "solid #0a141e", "'Courier New' -12", "3 rects" */
};

#endif
