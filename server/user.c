/*
 * The USER handle table (see user.h for the rules it keeps).
 *
 * One static array of 65,536 entries: the table never grows or moves, so
 * it could later be placed in a shared memory segment that processes read
 * to validate a handle without a round trip. Free entries form a FIFO
 * queue: a freed entry goes to the back, so an entry is reused only after
 * every other free one has been, and its uniqueness cycles through 32,767
 * values per reuse of that one entry, not per allocation. A program that
 * creates and destroys in a loop therefore gets a stale value back only
 * after 65,536 x 32,767 allocations, not after 32,767.
 */
#include "user.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "index_queue.h"
#include "log.h"
#include "process.h"
#include "thread.h"
#include "trace.h"

struct user_entry {
    struct user_object *obj; /* NULL when free (or being destroyed) */
    uint16_t uniq;           /* of the current or last object: 0 = never used */
    uint16_t type;           /* enum wh_user_type of obj, for quick checks */
};

static struct user_entry table[USER_TABLE_SIZE];
static uint32_t free_links[USER_TABLE_SIZE];
static struct index_queue free_queue;
static uint32_t used;
static uint32_t used_by_type[WH_USER_TYPE_COUNT];
static int initialized;

/* ---- owners: a thread's or a process's objects, by rank ---- */

/*
 * A small hash of owners, keyed by the struct thread or process pointer.
 * Kept here rather than in struct thread/process so the USER table needs
 * no field in those (they belong to other files); an owner record exists
 * only while its owner has objects. One list per rank lets a death destroy
 * in Windows' order without sorting.
 */
#define OWNER_BUCKETS 1024u

struct user_owner {
    const void *key;
    uint32_t count;
    struct user_owner *next;
    struct list_entry by_rank[USER_RANKS];
};

static struct user_owner *owners[OWNER_BUCKETS];

static uint32_t owner_bucket(const void *key)
{
    uintptr_t k = (uintptr_t)key;
    return (uint32_t)((k >> 4) ^ (k >> 14)) % OWNER_BUCKETS;
}

static struct user_owner *find_owner(const void *key)
{
    for (struct user_owner *o = owners[owner_bucket(key)]; o; o = o->next)
        if (o->key == key)
            return o;
    return NULL;
}

static struct user_owner *get_owner(const void *key)
{
    struct user_owner *o = find_owner(key);
    if (o)
        return o;
    if (!(o = calloc(1, sizeof(*o))))
        return NULL;
    o->key = key;
    for (int r = 0; r < USER_RANKS; r++)
        list_init(&o->by_rank[r]);
    uint32_t b = owner_bucket(key);
    o->next = owners[b];
    owners[b] = o;
    return o;
}

static void drop_owner_if_empty(struct user_owner *o)
{
    if (o->count)
        return;
    struct user_owner **pp = &owners[owner_bucket(o->key)];
    while (*pp != o)
        pp = &(*pp)->next;
    *pp = o->next;
    free(o);
}

/* ---- the table ---- */

static void table_init(void)
{
    if (initialized)
        return;
    initialized = 1;
    index_queue_init(&free_queue, free_links, USER_TABLE_SIZE);
}

void *user_alloc(const struct user_ops *ops, uint32_t size, struct thread *thread,
                 uint32_t *error)
{
    table_init();
    *error = 0;
    if (index_queue_empty(&free_queue)) {
        *error = ERR_NO_MORE_USER_HANDLES;
        return NULL;
    }
    const void *key = NULL;
    if (ops->owner == USER_OWNER_THREAD && thread)
        key = thread;
    else if (ops->owner == USER_OWNER_PROCESS && thread)
        key = thread->process;
    struct user_owner *owner = key ? get_owner(key) : NULL;
    struct user_object *obj = calloc(1, size < sizeof(*obj) ? sizeof(*obj) : size);
    if (!obj || (key && !owner)) {
        free(obj);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    uint32_t index = index_queue_pop(&free_queue);
    struct user_entry *e = &table[index];
    e->uniq = (uint16_t)(e->uniq % USER_MAX_UNIQ + 1); /* 1..0x7fff */
    e->obj = obj;
    e->type = (uint16_t)ops->type;
    obj->ops = ops;
    obj->handle = ((uint32_t)e->uniq << 16) | index;
    list_init(&obj->owner_link);
    if (owner) {
        obj->owner = key;
        obj->owner_pid = thread->process->pid;
        obj->owner_tid = ops->owner == USER_OWNER_THREAD ? thread->tid : 0;
        int rank = ops->rank < 0 ? 0 : ops->rank >= USER_RANKS ? USER_RANKS - 1 : ops->rank;
        list_add_tail(&owner->by_rank[rank], &obj->owner_link);
        owner->count++;
        if (++thread->process->user_objects > thread->process->user_peak)
            thread->process->user_peak = thread->process->user_objects;
    }
    used++;
    used_by_type[ops->type]++;
    if (trace_conn)
        trace_note_user_alloc(obj);
    return obj;
}

struct user_object *user_get(uint32_t handle, enum wh_user_type type)
{
    uint32_t index = handle & 0xffffu, uniq = handle >> 16;
    if (!initialized || uniq == 0 || uniq > USER_MAX_UNIQ) {
        if (trace_conn)
            trace_note_user_invalid(handle, type);
        return NULL;
    }
    const struct user_entry *e = &table[index];
    if (!e->obj || e->uniq != uniq || (type != WH_USER_FREE && e->type != type)) {
        if (trace_conn)
            trace_note_user_invalid(handle, type);
        return NULL;
    }
    return e->obj;
}

void *user_get_ops(uint32_t handle, const struct user_ops *ops, uint32_t *error)
{
    struct user_object *obj = user_get(handle, ops->type);
    if (!obj || obj->ops != ops) {
        *error = ops->invalid_error;
        return NULL;
    }
    return obj;
}

static uint32_t *later;
static uint32_t later_count, later_cap;
static int destroy_depth;

void user_destroy_later(uint32_t handle)
{
    if (later_count == later_cap) {
        uint32_t cap = later_cap ? later_cap * 2 : 64;
        uint32_t *l = realloc(later, cap * sizeof(*l));
        if (!l)
            return; /* it stays, its owner's until the owner ends */
        later = l;
        later_cap = cap;
    }
    later[later_count++] = handle;
}

static void destroy_one(struct user_object *obj);

void user_destroy(struct user_object *obj)
{
    destroy_depth++;
    destroy_one(obj);
    if (--destroy_depth)
        return;
    destroy_depth++;
    while (later_count) {
        struct user_object *next = user_get(later[--later_count], WH_USER_FREE);
        if (next)
            destroy_one(next);
    }
    destroy_depth--;
}

static void destroy_one(struct user_object *obj)
{
    uint32_t index = obj->handle & 0xffffu;
    if (obj->destroying || table[index].obj != obj)
        return;
    obj->destroying = 1;
    table[index].obj = NULL; /* the handle is dead from here on */
    if (obj->site || trace_conn)
        trace_note_user_close(obj);
    if (obj->ops->destroy)
        obj->ops->destroy(obj);
    if (obj->owner) {
        struct user_owner *o = find_owner(obj->owner);
        list_remove(&obj->owner_link);
        if (o) {
            o->count--;
            drop_owner_if_empty(o);
        }
        /* A thread owner is alive while it owns anything (its objects go
         * when it ends), so its process is there to count down. */
        struct process *p = obj->ops->owner == USER_OWNER_THREAD
                                ? ((const struct thread *)obj->owner)->process
                                : (struct process *)obj->owner;
        p->user_objects--;
    }
    used--;
    used_by_type[obj->ops->type]--;
    /* Only now may the entry be reused: a destroy op that allocates (none
     * does today) must not be handed its own object's entry. */
    index_queue_push(&free_queue, index);
    free(obj);
}

void user_for_each_owned(const void *owner, void (*fn)(struct user_object *obj, void *arg),
                         void *arg)
{
    struct user_owner *o = find_owner(owner);
    if (!o)
        return;
    /* Take the handles first: fn may destroy this object, others of the
     * owner, even the owner record itself. Each is looked up again. */
    uint32_t n = 0, cap = o->count;
    uint32_t *handles = malloc(cap * sizeof(*handles));
    if (!handles)
        return;
    for (int r = 0; r < USER_RANKS; r++) {
        struct list_entry *e;
        LIST_FOR_EACH(e, &o->by_rank[r]) {
            if (n < cap)
                handles[n++] = LIST_ENTRY(e, struct user_object, owner_link)->handle;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        struct user_object *obj = user_get(handles[i], WH_USER_FREE);
        if (obj && obj->owner == owner)
            fn(obj, arg);
    }
    free(handles);
}

/* Destroy everything owner owns, lowest rank first. A destroy may take
 * other objects of the same owner with it (a menu's submenus), so always
 * take the first that is left. */
static void destroy_owned(const void *owner)
{
    for (int r = 0; r < USER_RANKS; r++) {
        struct user_owner *o;
        while ((o = find_owner(owner)) && !list_empty(&o->by_rank[r]))
            user_destroy(LIST_ENTRY(o->by_rank[r].next, struct user_object, owner_link));
    }
}

static void (*thread_end_hooks[8])(struct thread *thread);

void user_on_thread_end(void (*fn)(struct thread *thread))
{
    for (size_t i = 0; i < sizeof(thread_end_hooks) / sizeof(thread_end_hooks[0]); i++) {
        if (thread_end_hooks[i] == fn)
            return;
        if (!thread_end_hooks[i]) {
            thread_end_hooks[i] = fn;
            return;
        }
    }
    log_error("user_on_thread_end: no room for another hook");
}

void user_thread_ended(struct thread *thread)
{
    destroy_owned(thread);
    for (size_t i = 0; i < sizeof(thread_end_hooks) / sizeof(thread_end_hooks[0]); i++)
        if (thread_end_hooks[i])
            thread_end_hooks[i](thread);
}

void user_process_ended(struct process *process)
{
    destroy_owned(process);
}

uint32_t user_count(void)
{
    return used;
}

uint32_t user_process_count(const struct process *process)
{
    return process->user_objects;
}

uint32_t user_count_type(enum wh_user_type type)
{
    return (uint32_t)type < WH_USER_TYPE_COUNT ? used_by_type[type] : 0;
}

struct user_object *user_at(uint32_t index)
{
    return initialized && index < USER_TABLE_SIZE ? table[index].obj : NULL;
}

void user_table_reset(void)
{
    table_init();
    for (uint32_t i = 0; i < USER_TABLE_SIZE; i++)
        if (table[i].obj)
            user_destroy(table[i].obj);
    memset(table, 0, sizeof(table));
    initialized = 0;
    table_init();
}

/* ---- requests on any type ---- */

#include "request.h"

static const uint32_t type_errors[WH_USER_TYPE_COUNT] = {
    [WH_USER_FREE] = ERR_INVALID_HANDLE,
    [WH_USER_WINDOW] = ERR_INVALID_WINDOW_HANDLE,
    [WH_USER_MENU] = ERR_INVALID_MENU_HANDLE,
    [WH_USER_CURSOR] = ERR_INVALID_CURSOR_HANDLE,
    [WH_USER_ACCEL] = ERR_INVALID_ACCEL_HANDLE,
    [WH_USER_HOOK] = ERR_INVALID_HOOK_HANDLE,
    [WH_USER_DWP] = ERR_INVALID_DWP_HANDLE,
    [WH_USER_DDE_CONV] = ERR_INVALID_HANDLE,
};

/* The object, or NULL with the error a bad handle of that type gets. */
static struct user_object *checked_get(struct request_ctx *ctx, uint32_t handle, uint32_t type)
{
    if (type >= WH_USER_TYPE_COUNT) {
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    struct user_object *obj = user_get(handle, (enum wh_user_type)type);
    if (!obj)
        ctx->error = type_errors[type];
    else if (obj->ops->type == WH_USER_WINDOW && (ctx->error = window_check_access(ctx, handle)))
        return NULL; /* another desktop's */
    return obj;
}

DECL_HANDLER(user_check)
{
    struct user_object *obj = checked_get(ctx, req->handle, req->type);
    if (!obj)
        return;
    reply->owner_pid = obj->owner_pid;
    reply->owner_tid = obj->owner_tid;
}

DECL_HANDLER(user_destroy)
{
    (void)reply;
    struct user_object *obj = checked_get(ctx, req->handle, req->type);
    if (!obj || req->type == WH_USER_FREE) {
        if (obj)
            ctx->error = ERR_INVALID_PARAMETER; /* a destroyer names its type */
        return;
    }
    uint32_t verdict = obj->ops->may_destroy ? obj->ops->may_destroy(obj, ctx->thread) : 0;
    if (verdict == USER_KEEP)
        return;
    if (verdict) {
        ctx->error = verdict;
        return;
    }
    user_destroy(obj);
}

DECL_HANDLER(user_table_info)
{
    (void)req;
    reply->used = used;
    reply->capacity = USER_TABLE_SIZE;
    uint32_t *counts = reply_append(ctx, sizeof(used_by_type));
    if (counts)
        memcpy(counts, used_by_type, sizeof(used_by_type));
}

DECL_HANDLER(list_user_objects)
{
    if (req->type >= WH_USER_TYPE_COUNT || req->reserved) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    reply->record_size = sizeof(struct wh_user_record);
    for (uint32_t i = 0; initialized && i < USER_TABLE_SIZE; i++) {
        struct user_object *obj = table[i].obj;
        if (!obj || (req->type && obj->ops->type != req->type))
            continue;
        struct wh_user_record *rec = reply_append(ctx, sizeof(*rec));
        if (!rec)
            return;
        memset(rec, 0, sizeof(*rec));
        rec->handle = obj->handle;
        rec->type = obj->ops->type;
        rec->owner_pid = obj->owner_pid;
        rec->owner_tid = obj->owner_tid;
        if (obj->ops->describe)
            obj->ops->describe(obj, rec->summary, sizeof(rec->summary));
        reply->count++;
    }
}
