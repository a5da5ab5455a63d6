/*
 * The GDI handle table: one per session, 65,536 entries, shared by every
 * process of the session, as the USER table is (user.h).
 *
 * A GDI handle is laid out as Windows lays it out (protocol/gdi_requests.h):
 * the index in the low 16 bits, the object's kind in bits 16..22, the
 * stock bit 23, and a uniqueness (1..0x7f) on top, bumped each time the
 * entry is reused. A lookup compares all 32 bits, so a handle kept after its
 * object was deleted never names the next object of that entry, nor an
 * object of another kind. Kinds are never 0, so no handle is 0; none is
 * -1 or -2 either (that would need kind 0x7f).
 *
 * Objects belong to the process that created them and count against its
 * quota (gdi_quota, 10,000 by default as on Windows; winhandled
 * --gdi-quota). They go when DeleteObject deletes them or their process
 * ends, SIGKILL included. Stock objects belong to no one, are made when
 * the table first is used, sit at fixed indices and are never deleted.
 *
 * Not reference counted: an object lives until deleted; objects refer to
 * one another by handle value (a pattern brush names its bitmap), looked
 * up again at each use. One file per kind (gdi_pen.c, gdi_brush.c, ...)
 * holds its ops and its maker.
 */
#ifndef WINHANDLED_GDI_H
#define WINHANDLED_GDI_H

#include <stdint.h>

#include "../protocol/protocol.h"
#include "list.h"

struct process;
struct request_ctx;

#define GDI_TABLE_SIZE 65536u
#define GDI_DEFAULT_QUOTA 10000u
/* The registry's GDIProcessHandleQuota accepts 256..65,536. */
#define GDI_MIN_QUOTA 256u
/* A maker's "fail and leave the last error alone", as Windows does for
 * some bad arguments (an unknown hatch style). */
#define GDI_FAIL_QUIETLY WH_USER_FAILED_QUIETLY

struct gdi_object;

struct gdi_ops {
    enum wh_gdi_type type;
    uint32_t kind;     /* WH_GDI_KIND_*: bits 16..22 of the handle */
    const char *name;  /* for logs and the inspector: "Pen", ... */
    /* Free what the object holds besides itself; NULL: nothing. */
    void (*destroy)(struct gdi_object *obj);
    /* Append the object's record (and entries) to the reply. */
    void (*get)(struct gdi_object *obj, struct request_ctx *ctx);
    /* A few words for the inspector; NULL: none. */
    void (*describe)(struct gdi_object *obj, char *buf, uint32_t len);
};

struct gdi_object {
    const struct gdi_ops *ops;
    uint32_t handle;
    struct process *owner;       /* NULL for a stock object */
    uint32_t owner_pid;
    struct list_entry owner_link; /* the owner's objects */
};

/* The per-process quota (winhandled --gdi-quota), and a requested one
 * brought into the registry's range, 256..65,536. */
extern uint32_t gdi_quota;
uint32_t gdi_clamp_quota(unsigned long requested);

/*
 * Make an object of ops' kind, size bytes (struct gdi_object first),
 * zeroed, owned by owner (NULL: a stock object). NULL with *error =
 * ERROR_NOT_ENOUGH_MEMORY when owner is at its quota, when all 65,536
 * entries are taken, or when memory is short: Windows gives that one
 * error for all three (see README, "GDI objects").
 */
void *gdi_alloc(const struct gdi_ops *ops, uint32_t size, struct process *owner,
                uint32_t *error);

/* The live object a handle names (all 32 bits must match), or NULL; of
 * one type only when type is not WH_GDI_NONE. */
struct gdi_object *gdi_lookup(uint32_t handle, enum wh_gdi_type type);

/* Delete a non-stock object now: run its destroy op, free its entry. */
void gdi_free(struct gdi_object *obj);

/* process.c calls this once when a process ends: its objects go. */
void gdi_process_ended(struct process *process);

/* How many objects a process owns now, and at most so far. */
uint32_t gdi_process_count(const struct process *process);
uint32_t gdi_process_peak(const struct process *process);

/* The stock object of id (GetStockObject's 0..20), or NULL. */
struct gdi_object *gdi_stock(uint32_t id);
/* Stock ids used within the server. */
#define GDI_STOCK_NULL_BRUSH 5u
#define GDI_STOCK_NULL_PEN 8u
#define GDI_STOCK_BITMAP 20u /* the 1x1 monochrome bitmap */

/* For the get ops: append len bytes of rec (a record and its entries,
 * laid end to end) to the reply. */
void gdi_reply_record(struct request_ctx *ctx, const void *rec, uint32_t len);

/* Counts for the inspector and tests. */
uint32_t gdi_count(void);
/* For tests only: delete everything, stock objects too, and start over. */
void gdi_table_reset(void);

/*
 * The makers, one per kind, shared by gdi_create and the stock objects.
 * Each checks its record as Windows checks the creator's arguments and
 * returns the new object (or an existing one: a PS_NULL pen is the stock
 * NULL_PEN), or NULL with *error.
 */
struct gdi_object *gdi_make_pen(const struct wh_gdi_pen *rec, const uint32_t *entries,
                                uint32_t count, int extended, struct process *owner,
                                uint32_t *error);
struct gdi_object *gdi_make_brush(const struct wh_gdi_brush *rec, struct process *owner,
                                  uint32_t *error);
struct gdi_object *gdi_make_font(const struct wh_gdi_font *rec, struct process *owner,
                                 uint32_t *error);
struct gdi_object *gdi_make_bitmap(const struct wh_gdi_bitmap *rec, const void *bits,
                                   uint32_t bits_len, struct process *owner, uint32_t *error);
struct gdi_object *gdi_make_palette(const struct wh_gdi_palette *rec, const uint32_t *entries,
                                    struct process *owner, uint32_t *error);
struct gdi_object *gdi_make_region(const struct wh_gdi_region *rec, struct process *owner,
                                   uint32_t *error);

/* For the bitmap requests (gdi_bitmap.c): the bits of a live bitmap. */
unsigned char *gdi_bitmap_data(struct gdi_object *obj, uint32_t *size);

#endif
