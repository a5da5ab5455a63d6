/*
 * Inspection requests for the winhandle tool. They only read, and each
 * answers from one pass over the tables, so no client waits long on them.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "connection.h"
#include "errors.h"
#include "handle.h"
#include "loop.h"
#include "object.h"
#include "process.h"
#include "request.h"
#include "thread.h"

uint64_t server_start_ms; /* set by main() */

DECL_HANDLER(server_info)
{
    (void)req;
    (void)ctx;
    uint32_t handles = 0;
    struct list_entry *e;
    LIST_FOR_EACH(e, process_list())
        handles += LIST_ENTRY(e, struct process, link)->handles.count;
    reply->version = WH_PROTOCOL_VERSION;
    reply->server_pid = (uint32_t)getpid();
    reply->processes = process_count();
    reply->threads = thread_count();
    reply->objects = object_count();
    reply->handles = handles;
    reply->clients = connection_count();
    reply->idle_timeout_ms = server_persistent ? 0 : server_idle_timeout_ms;
    reply->uptime_ms = monotonic_ms() - server_start_ms;
    reply->requests = requests_served;
}

DECL_HANDLER(list_processes)
{
    (void)req;
    struct list_entry *e, *te;
    reply->record_size = sizeof(struct wh_process_record);
    LIST_FOR_EACH(e, process_list()) {
        struct process *p = LIST_ENTRY(e, struct process, link);
        struct wh_process_record *r = reply_append(ctx, sizeof(*r));
        if (!r)
            return;
        memset(r, 0, sizeof(*r));
        r->pid = p->pid;
        r->bitness = p->bitness;
        LIST_FOR_EACH(te, &p->threads)
            r->threads++;
        r->handles = p->handles.count;
        r->alive = (uint32_t)p->alive;
        r->exit_code = p->alive ? STILL_ACTIVE_ : p->exit_code;
        r->connections = p->connections;
        r->parent_pid = p->parent_pid;
        memcpy(r->name, p->name, sizeof(r->name));
        reply->count++;
    }
}

/* A mutex's owner is a thread (state[0], its tid); people ask which
 * process holds it, and an owner is always live, so find_thread knows it. */
static uint32_t owner_pid_of(const struct object *obj, const uint32_t state[4])
{
    if (obj->ops->type != WH_TYPE_MUTEX || !state[0])
        return 0;
    struct thread *t = find_thread(state[0]);
    return t && t->process ? t->process->pid : 0;
}

static int append_handle(struct request_ctx *ctx, struct handle_table *t,
                         struct handle_entry *e)
{
    struct object *obj = e->obj;
    uint32_t name_len = obj->name ? (uint32_t)strlen(obj->name) : 0;
    uint32_t padded = WH_ALIGN8(name_len);
    struct wh_handle_record *r = reply_append(ctx, sizeof(*r) + padded);
    if (!r)
        return -1;
    memset(r, 0, sizeof(*r) + padded);
    r->handle = handle_value(t, e);
    r->access = e->access;
    r->flags = e->flags;
    r->type = obj->ops->type;
    r->object_id = obj->id;
    r->origin = e->origin;
    r->origin_pid = e->origin_pid;
    r->signaled = obj->ops->signaled && obj->ops->signaled(obj, NULL);
    if (obj->ops->dump)
        obj->ops->dump(obj, r->state);
    r->owner_pid = owner_pid_of(obj, r->state);
    r->name_len = name_len;
    memcpy(r + 1, obj->name ? obj->name : "", name_len);
    return 0;
}

DECL_HANDLER(list_handles)
{
    struct process *p = find_process(req->pid);
    if (!p) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    reply->record_size = sizeof(struct wh_handle_record);
    struct handle_table *t = &p->handles;
    uint32_t i = req->start, end = t->top;
    if (req->start < end && end - req->start > WH_LIST_PAGE_SLOTS)
        end = req->start + WH_LIST_PAGE_SLOTS;
    for (; i < end && reply->count < WH_LIST_PAGE; i++) {
        if (!t->entries[i].obj)
            continue;
        if (append_handle(ctx, t, &t->entries[i]) < 0)
            return;
        reply->count++;
    }
    reply->next = i < t->top ? i : 0;
}

/* ---- list_objects: every object and the processes holding it ----
 *
 * Handle tables point from processes to objects; the inspector wants the
 * reverse. Two walks over every table find it in O(handles log objects)
 * without a field in struct object: the first counts each object's
 * distinct holders, the second fills their slots. A process's handles are
 * walked together, so "the last process that held it" tells a new holder
 * from another handle of the same one.
 */

struct holder_tally {
    struct object *obj;
    uint32_t seen_in; /* 1-based ordinal of the last process seen holding it */
    uint32_t holders; /* distinct processes */
    uint32_t first;   /* its first slot in the holder array */
};

static int compare_tally(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct holder_tally *)a)->obj;
    uintptr_t y = (uintptr_t)((const struct holder_tally *)b)->obj;
    return x < y ? -1 : x > y;
}

static struct holder_tally *find_tally(struct holder_tally *t, uint32_t n,
                                       struct object *obj)
{
    struct holder_tally key = { .obj = obj };
    return bsearch(&key, t, n, sizeof(*t), compare_tally);
}

/* Objects of type WH_TYPE_NONE are the server's own (message queues):
 * no handle names them, and they are never listed. */
static int wanted_type(const struct object *obj, uint32_t type)
{
    return obj->ops->type != WH_TYPE_NONE && (type == WH_TYPE_NONE || obj->ops->type == type);
}

/* The objects of the type asked for, sorted by address for find_tally. */
static struct holder_tally *collect_objects(uint32_t type, uint32_t *n)
{
    struct list_entry *e;
    uint32_t count = 0, i = 0;
    LIST_FOR_EACH(e, object_list())
        count += (uint32_t)wanted_type(LIST_ENTRY(e, struct object, all_link), type);
    struct holder_tally *t = calloc(count ? count : 1, sizeof(*t));
    if (!t)
        return NULL;
    LIST_FOR_EACH(e, object_list()) {
        struct object *obj = LIST_ENTRY(e, struct object, all_link);
        if (wanted_type(obj, type))
            t[i++].obj = obj;
    }
    qsort(t, count, sizeof(*t), compare_tally);
    *n = count;
    return t;
}

/*
 * One walk over every handle of every live process. Without holders it
 * counts distinct holders per object (returning the total); with them it
 * records each holder's pid and handle count in the object's slots.
 */
static uint32_t walk_holders(struct holder_tally *t, uint32_t n,
                             struct wh_holder_record *holders)
{
    uint32_t ordinal = 0, total = 0;
    struct list_entry *e;
    for (uint32_t i = 0; i < n; i++) {
        t[i].seen_in = 0;
        if (holders)
            t[i].holders = 0; /* refilled as slots are taken */
    }
    LIST_FOR_EACH(e, process_list()) {
        struct process *p = LIST_ENTRY(e, struct process, link);
        ordinal++;
        for (uint32_t h = 0; h < p->handles.top; h++) {
            struct object *obj = p->handles.entries[h].obj;
            struct holder_tally *ot = obj ? find_tally(t, n, obj) : NULL;
            if (!ot)
                continue;
            if (ot->seen_in != ordinal) {
                ot->seen_in = ordinal;
                if (holders)
                    holders[ot->first + ot->holders] =
                        (struct wh_holder_record){ .pid = p->pid, .handles = 0 };
                ot->holders++;
                total++;
            }
            if (holders)
                holders[ot->first + ot->holders - 1].handles++;
        }
    }
    return total;
}

static int append_object(struct request_ctx *ctx, const struct holder_tally *t,
                         const struct wh_holder_record *holders)
{
    struct object *obj = t->obj;
    uint32_t name_len = obj->name ? (uint32_t)strlen(obj->name) : 0;
    uint32_t padded = WH_ALIGN8(name_len);
    uint32_t holders_len = t->holders * (uint32_t)sizeof(*holders);
    struct wh_object_record *r = reply_append(ctx, sizeof(*r) + padded + holders_len);
    if (!r)
        return -1;
    memset(r, 0, sizeof(*r) + padded);
    r->object_id = obj->id;
    r->type = obj->ops->type;
    r->signaled = obj->ops->signaled && obj->ops->signaled(obj, NULL);
    r->handle_count = obj->handle_count;
    if (obj->ops->dump)
        obj->ops->dump(obj, r->state);
    r->owner_pid = owner_pid_of(obj, r->state);
    r->holder_count = t->holders;
    r->name_len = name_len;
    memcpy(r + 1, obj->name ? obj->name : "", name_len);
    memcpy((char *)(r + 1) + padded, holders + t->first, holders_len);
    return 0;
}

DECL_HANDLER(list_objects)
{
    if (req->type >= WH_TYPE_COUNT || req->reserved || ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    uint32_t n = 0;
    struct holder_tally *t = collect_objects(req->type, &n);
    uint32_t total = t ? walk_holders(t, n, NULL) : 0;
    struct wh_holder_record *holders = calloc(total ? total : 1, sizeof(*holders));
    if (!t || !holders) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        goto done;
    }
    for (uint32_t i = 0, first = 0; i < n; first += t[i].holders, i++)
        t[i].first = first;
    walk_holders(t, n, holders);
    reply->record_size = sizeof(struct wh_object_record);
    reply->holder_size = sizeof(struct wh_holder_record);
    /* Creation order, as the object list keeps it, not address order. */
    struct list_entry *e;
    LIST_FOR_EACH(e, object_list()) {
        struct object *obj = LIST_ENTRY(e, struct object, all_link);
        struct holder_tally *ot = wanted_type(obj, req->type) ? find_tally(t, n, obj) : NULL;
        if (!ot)
            continue;
        if (append_object(ctx, ot, holders) < 0)
            goto done;
        reply->count++;
    }
done:
    free(holders);
    free(t);
}

DECL_HANDLER(shutdown)
{
    (void)req;
    (void)reply;
    (void)ctx;
    loop_stop();
}
