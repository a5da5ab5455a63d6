/*
 * The GDI handle table (see gdi.h for the rules it keeps).
 *
 * One static array of 65,536 entries that never moves, as the USER table.
 * Free entries form a FIFO queue (index_queue.h), so an entry is reused
 * only after every other free one; with a uniqueness of 1..127 per entry,
 * a stale handle value comes back only after 65,536 x 127 allocations.
 *
 * Each process's objects hang on a list kept here, keyed by the process
 * (a small hash, so struct process needs no GDI field), for its death and
 * its quota; the peak is kept with them for GetGuiResources.
 */
#include "gdi.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "index_queue.h"
#include "log.h"
#include "process.h"
#include "request.h"

/* Below 0x80, so the top bit of a handle is never set: zero- and
 * sign-extension to 64 bits agree, as for USER handles. */
#define GDI_MAX_UNIQ 0x7fu

uint32_t gdi_quota = GDI_DEFAULT_QUOTA;

uint32_t gdi_clamp_quota(unsigned long requested)
{
    return requested < GDI_MIN_QUOTA ? GDI_MIN_QUOTA
           : requested > GDI_TABLE_SIZE ? GDI_TABLE_SIZE : (uint32_t)requested;
}

struct gdi_entry {
    struct gdi_object *obj; /* NULL when free */
    uint8_t uniq;           /* of the current or last object, 1..0x7f */
};

static struct gdi_entry table[GDI_TABLE_SIZE];
static uint32_t free_links[GDI_TABLE_SIZE];
static struct index_queue free_queue;
static uint32_t used;
static int initialized;

/* ---- owners ---- */

#define OWNER_BUCKETS 256u

struct gdi_owner {
    const struct process *process;
    uint32_t count, peak;
    struct list_entry objects;
    struct gdi_owner *next;
};

static struct gdi_owner *owners[OWNER_BUCKETS];
static struct gdi_object *stock[21]; /* GetStockObject's ids (below) */

static uint32_t owner_bucket(const struct process *p)
{
    uintptr_t k = (uintptr_t)p;
    return (uint32_t)((k >> 4) ^ (k >> 12)) % OWNER_BUCKETS;
}

static struct gdi_owner *find_owner(const struct process *p)
{
    for (struct gdi_owner *o = owners[owner_bucket(p)]; o; o = o->next)
        if (o->process == p)
            return o;
    return NULL;
}

/* The owner record stays while the process lives, even with no objects,
 * so the peak survives a moment at zero. */
static struct gdi_owner *get_owner(const struct process *p)
{
    struct gdi_owner *o = find_owner(p);
    if (o || !(o = calloc(1, sizeof(*o))))
        return o;
    o->process = p;
    list_init(&o->objects);
    uint32_t b = owner_bucket(p);
    o->next = owners[b];
    owners[b] = o;
    return o;
}

static void drop_owner(struct gdi_owner *o)
{
    struct gdi_owner **pp = &owners[owner_bucket(o->process)];
    while (*pp != o)
        pp = &(*pp)->next;
    *pp = o->next;
    free(o);
}

/* ---- the table ---- */

static void make_stock_objects(void);

static void table_init(void)
{
    if (initialized)
        return;
    initialized = 1;
    index_queue_init(&free_queue, free_links, GDI_TABLE_SIZE);
    make_stock_objects();
}

void *gdi_alloc(const struct gdi_ops *ops, uint32_t size, struct process *owner,
                uint32_t *error)
{
    table_init();
    struct gdi_owner *o = NULL;
    if (owner && (!(o = get_owner(owner)) || o->count >= gdi_quota)) {
        if (o)
            log_debug("process %u at its GDI quota (%u)", owner->pid, gdi_quota);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    struct gdi_object *obj = index_queue_empty(&free_queue) ? NULL : calloc(1, size);
    if (!obj) {
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    uint32_t index = index_queue_pop(&free_queue);
    struct gdi_entry *e = &table[index];
    e->uniq = (uint8_t)(e->uniq % GDI_MAX_UNIQ + 1);
    e->obj = obj;
    obj->ops = ops;
    obj->handle = ((uint32_t)e->uniq << 24) | (owner ? 0 : WH_GDI_STOCK_BIT) |
                  (ops->kind << 16) | index;
    list_init(&obj->owner_link);
    if (o) {
        obj->owner = owner;
        obj->owner_pid = owner->pid;
        list_add_tail(&o->objects, &obj->owner_link);
        if (++o->count > o->peak)
            o->peak = o->count;
    }
    used++;
    return obj;
}

struct gdi_object *gdi_lookup(uint32_t handle, enum wh_gdi_type type)
{
    if (!initialized)
        table_init();
    struct gdi_object *obj = table[handle & 0xffffu].obj;
    if (!obj || obj->handle != handle || (type != WH_GDI_NONE && obj->ops->type != type))
        return NULL;
    return obj;
}

static void release_entry(struct gdi_object *obj)
{
    uint32_t index = obj->handle & 0xffffu;
    table[index].obj = NULL;
    if (obj->ops->destroy)
        obj->ops->destroy(obj);
    if (obj->owner) {
        struct gdi_owner *o = find_owner(obj->owner);
        list_remove(&obj->owner_link);
        if (o)
            o->count--;
    }
    used--;
    index_queue_push(&free_queue, index);
    free(obj);
}

void gdi_free(struct gdi_object *obj)
{
    if (obj->owner && table[obj->handle & 0xffffu].obj == obj)
        release_entry(obj);
}

void gdi_process_ended(struct process *process)
{
    struct gdi_owner *o = find_owner(process);
    if (!o)
        return;
    while (!list_empty(&o->objects))
        release_entry(LIST_ENTRY(o->objects.next, struct gdi_object, owner_link));
    drop_owner(o);
}

uint32_t gdi_process_count(const struct process *process)
{
    const struct gdi_owner *o = find_owner(process);
    return o ? o->count : 0;
}

uint32_t gdi_process_peak(const struct process *process)
{
    const struct gdi_owner *o = find_owner(process);
    return o ? o->peak : 0;
}

void gdi_reply_record(struct request_ctx *ctx, const void *rec, uint32_t len)
{
    void *out = reply_append(ctx, len);
    if (out && len)
        memcpy(out, rec, len);
}

uint32_t gdi_count(void)
{
    table_init(); /* the stock objects are always there */
    return used;
}

void gdi_table_reset(void)
{
    for (uint32_t i = 0; initialized && i < GDI_TABLE_SIZE; i++) {
        struct gdi_object *obj = table[i].obj;
        if (obj) {
            obj->owner = NULL; /* owner records go below, all at once */
            release_entry(obj);
        }
    }
    for (uint32_t b = 0; b < OWNER_BUCKETS; b++)
        while (owners[b])
            drop_owner(owners[b]);
    memset(table, 0, sizeof(table));
    memset(stock, 0, sizeof(stock));
    initialized = 0;
    used = 0;
}

/* ---- stock objects ---- */

/*
 * GetStockObject's ids 0..19 (9 is none) and 20, Wine's stock bitmap
 * (CreateBitmap's answer for an empty size). Values are Wine's, which
 * are Windows': the brushes' greys, a NULL_PEN 1 wide, the fonts' faces
 * and sizes at 96 DPI, the 20 colours of the default palette.
 */

static const struct wh_gdi_font stock_fonts[] = {
    /* OEM_FIXED_FONT (10), ANSI_FIXED_FONT, ANSI_VAR_FONT, SYSTEM_FONT,
     * DEVICE_DEFAULT_FONT, SYSTEM_FIXED_FONT (16), DEFAULT_GUI_FONT. */
    { .height = 12, .weight = 400, .charset = 255, .pitch_and_family = 0x31 },
    { .height = 12, .weight = 400, .pitch_and_family = 0x31, .face = "Courier" },
    { .height = 12, .weight = 400, .pitch_and_family = 0x22, .face = "MS Sans Serif" },
    { .height = 16, .width = 7, .weight = 700, .pitch_and_family = 0x22, .face = "System" },
    { .height = 16, .weight = 700, .pitch_and_family = 0x22, .face = "System" },
    { .height = 16, .weight = 400, .pitch_and_family = 0x31, .face = "Courier" },
    { .height = -11, .weight = 400, .pitch_and_family = 0x22, .face = "MS Shell Dlg" },
};
static const uint8_t stock_font_ids[] = { 10, 11, 12, 13, 14, 16, 17 };

static const uint32_t default_palette[20] = {
    0x000000, 0x000080, 0x008000, 0x008080, 0x800000, 0x800080, 0x808000,
    0xc0c0c0, 0xc0dcc0, 0xf0caa6, 0xf0fbff, 0xa4a0a0, 0x808080, 0x0000ff,
    0x00ff00, 0x00ffff, 0xff0000, 0xff00ff, 0xffff00, 0xffffff,
}; /* PALETTEENTRY as a little-endian uint32_t: red in the low byte */

static void stock_brush(uint32_t id, uint32_t style, uint32_t color)
{
    uint32_t error;
    struct wh_gdi_brush rec = { .style = style, .color = color };
    stock[id] = gdi_make_brush(&rec, NULL, &error);
}

static void stock_pen(uint32_t id, uint32_t style, int32_t width, uint32_t color)
{
    uint32_t error;
    struct wh_gdi_pen rec = { .style = style, .width = width, .color = color };
    stock[id] = gdi_make_pen(&rec, NULL, 0, 0, NULL, &error);
}

static void make_stock_objects(void)
{
    uint32_t error;
    /* Index = id for 0..8, so the first handles are the stock ones. */
    stock_brush(0, 0, 0xffffff);
    stock_brush(1, 0, 0xc0c0c0);
    stock_brush(2, 0, 0x808080);
    stock_brush(3, 0, 0x404040);
    stock_brush(4, 0, 0x000000);
    stock_brush(5, 1, 0); /* BS_NULL */
    stock_pen(6, 0, 0, 0xffffff);
    stock_pen(7, 0, 0, 0);
    stock_pen(8, 5, 1, 0); /* PS_NULL */
    for (size_t i = 0; i < sizeof(stock_font_ids); i++)
        stock[stock_font_ids[i]] = gdi_make_font(&stock_fonts[i], NULL, &error);
    struct wh_gdi_palette pal = { .version = 0x300, .count = 20 };
    stock[15] = gdi_make_palette(&pal, default_palette, NULL, &error);
    stock_brush(18, 0, 0xffffff); /* DC_BRUSH */
    stock_pen(19, 0, 0, 0);       /* DC_PEN */
    struct wh_gdi_bitmap bm = { .width = 1, .height = 1, .planes = 1, .bpp = 1 };
    stock[20] = gdi_make_bitmap(&bm, NULL, 0, NULL, &error);
    for (uint32_t id = 0; id < sizeof(stock) / sizeof(stock[0]); id++)
        if (id != 9 && !stock[id])
            log_error("stock GDI object %u could not be made", id);
}

struct gdi_object *gdi_stock(uint32_t id)
{
    table_init();
    return id < sizeof(stock) / sizeof(stock[0]) ? stock[id] : NULL;
}

/* ---- inspection ---- */

DECL_HANDLER(gdi_table_info)
{
    (void)req;
    table_init();
    uint32_t by_type[WH_GDI_TYPE_COUNT] = { 0 };
    for (uint32_t i = 0; i < GDI_TABLE_SIZE; i++) {
        const struct gdi_object *obj = table[i].obj;
        if (obj) {
            by_type[obj->ops->type]++;
            reply->stock += obj->owner ? 0 : 1;
        }
    }
    reply->used = used;
    reply->capacity = GDI_TABLE_SIZE;
    reply->quota = gdi_quota;
    uint32_t *out = reply_append(ctx, sizeof(by_type));
    if (out)
        memcpy(out, by_type, sizeof(by_type));
}

DECL_HANDLER(list_gdi_objects)
{
    if (req->type >= WH_GDI_TYPE_COUNT) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    table_init();
    reply->record_size = sizeof(struct wh_gdi_record);
    for (uint32_t i = 0; i < GDI_TABLE_SIZE; i++) {
        struct gdi_object *obj = table[i].obj;
        if (!obj || (req->type && obj->ops->type != req->type) ||
            (req->pid && obj->owner_pid != req->pid))
            continue;
        struct wh_gdi_record *rec = reply_append(ctx, sizeof(*rec));
        if (!rec)
            return;
        memset(rec, 0, sizeof(*rec));
        rec->handle = obj->handle;
        rec->type = obj->ops->type;
        rec->owner_pid = obj->owner_pid;
        rec->stock = obj->owner ? 0 : 1;
        if (obj->ops->describe)
            obj->ops->describe(obj, rec->summary, sizeof(rec->summary));
        reply->count++;
    }
}
