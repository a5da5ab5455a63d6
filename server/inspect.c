/*
 * Inspection requests for the winhandle tool. They only read, and each
 * answers from one pass over the tables, so no client waits long on them.
 */
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
        memcpy(r->name, p->name, sizeof(r->name));
        reply->count++;
    }
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
    r->signaled = (uint32_t)obj->ops->signaled(obj, NULL);
    if (obj->ops->dump)
        obj->ops->dump(obj, r->state);
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
    for (uint32_t i = 0; i < t->top; i++) {
        if (!t->entries[i].obj)
            continue;
        if (append_handle(ctx, t, &t->entries[i]) < 0)
            return;
        reply->count++;
    }
}

DECL_HANDLER(shutdown)
{
    (void)req;
    (void)reply;
    (void)ctx;
    loop_stop();
}
