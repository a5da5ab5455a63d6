/*
 * The requests that act on handles themselves: close, flags, duplicate,
 * and opening a named object.
 */
#include "errors.h"
#include "handle.h"
#include "namespace.h"
#include "object.h"
#include "process.h"
#include "request.h"
#include "thread.h"

#define DUPLICATE_CLOSE_SOURCE_ 0x1u
#define DUPLICATE_SAME_ACCESS_ 0x2u

static int is_pseudo_handle(uint32_t handle)
{
    return handle == WH_CURRENT_PROCESS || handle == WH_CURRENT_THREAD;
}

DECL_HANDLER(close_handle)
{
    (void)reply;
    /* Closing a pseudo-handle does nothing and succeeds. */
    if (is_pseudo_handle(req->handle))
        return;
    ctx->error = handle_close(&ctx->process->handles, req->handle);
}

DECL_HANDLER(get_handle_info)
{
    /* The pseudo-handles have no entry, so no flags: 0, as on Windows. */
    if (is_pseudo_handle(req->handle)) {
        reply->flags = 0;
        return;
    }
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (!e) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    reply->flags = e->flags;
}

DECL_HANDLER(set_handle_info)
{
    (void)reply;
    /* ...and none can be given to them, whatever the mask. */
    if (is_pseudo_handle(req->handle)) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (!e) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    uint32_t mask = req->mask & (HANDLE_FLAG_INHERIT_ | HANDLE_FLAG_PROTECT_FROM_CLOSE_);
    e->flags = (uint8_t)((e->flags & ~mask) | (req->flags & mask));
}

/* The process a DuplicateHandle names, which must allow PROCESS_DUP_HANDLE. */
static struct process *dup_process(struct request_ctx *ctx, uint32_t handle)
{
    return (struct process *)get_handle_obj(ctx->thread, handle, PROCESS_DUP_HANDLE_,
                                            &process_ops, &ctx->error);
}

/* Resolve the source handle in the source process. In the caller's own
 * process the pseudo-handles mean what they always mean. In another one,
 * as in Windows' kernel, the current process is the source process but the
 * current thread is still the calling thread (Wine agrees on the thread).
 * *in_table tells whether the handle is an entry of the source's table
 * (one that DUPLICATE_CLOSE_SOURCE can close) rather than a pseudo-handle. */
static struct object *dup_source(struct request_ctx *ctx, struct process *src,
                                 uint32_t handle, uint32_t *access, int *in_table)
{
    *in_table = 0;
    if (src == ctx->process || handle == WH_CURRENT_THREAD) {
        *in_table = !is_pseudo_handle(handle);
        return get_handle_obj_access(ctx->thread, handle, access, &ctx->error);
    }
    if (handle == WH_CURRENT_PROCESS) {
        *access = PROCESS_ALL_ACCESS_;
        return &src->obj;
    }
    struct handle_entry *entry = handle_lookup(&src->handles, handle);
    if (!entry) {
        ctx->error = ERR_INVALID_HANDLE;
        return NULL;
    }
    *in_table = 1;
    *access = entry->access;
    return entry->obj;
}

/* DUPLICATE_CLOSE_SOURCE closes the source even when the duplication
 * failed, as documented, but like CloseHandle it leaves a handle protected
 * from close alone (and the duplication still succeeds), as Wine does.
 * Looked up by value: the duplication may have grown, and so moved, the
 * table the source lives in. */
static void dup_close_source(struct request_ctx *ctx, struct process *src, uint32_t handle)
{
    struct handle_entry *entry = handle_lookup(&src->handles, handle);
    if (!entry || (entry->flags & HANDLE_FLAG_PROTECT_FROM_CLOSE_))
        return;
    handle_close_entry(&src->handles, entry);
    if (src != ctx->process)
        process_page_table_changed(src);
}

DECL_HANDLER(dup_handle)
{
    int src_in_table;
    uint32_t src_access;
    struct process *src = dup_process(ctx, req->src_process);
    if (!src)
        return;
    struct object *obj = dup_source(ctx, src, req->src_handle, &src_access, &src_in_table);
    if (!obj)
        return;
    grab_object(obj); /* closing the source must not destroy it under us */

    /* No target process is allowed only to close the source. */
    if (!req->dst_process && !(req->options & DUPLICATE_CLOSE_SOURCE_))
        ctx->error = ERR_INVALID_HANDLE;
    if (req->dst_process) {
        struct process *dst = dup_process(ctx, req->dst_process);
        if (dst && !dst->alive)
            ctx->error = ERR_ACCESS_DENIED;
        if (dst && dst->alive) {
            uint32_t access = (req->options & DUPLICATE_SAME_ACCESS_)
                                  ? src_access : map_access(obj, req->access);
            reply->handle = handle_alloc(&dst->handles, obj, access,
                                         req->inherit ? HANDLE_FLAG_INHERIT_ : 0,
                                         &ctx->error);
            if (reply->handle) {
                struct handle_entry *e = handle_lookup(&dst->handles, reply->handle);
                e->origin = WH_ORIGIN_DUPLICATED;
                e->origin_pid = src->pid;
                if (dst != ctx->process)
                    process_page_table_changed(dst);
            }
        }
    }
    if ((req->options & DUPLICATE_CLOSE_SOURCE_) && src_in_table)
        dup_close_source(ctx, src, req->src_handle);
    release_object(obj);
}

DECL_HANDLER(get_handle_fd)
{
    uint32_t granted;
    struct object *obj = get_handle_obj_access(ctx->thread, req->handle, &granted,
                                               &ctx->error);
    if (!obj)
        return;
    if (!obj->ops->get_fd) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    if ((granted & req->access) != req->access) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    ctx->error = obj->ops->get_fd(obj, &ctx->reply_fd, &reply->flags);
    reply->type = obj->ops->type;
    reply->object_id = obj->id;
    reply->granted = granted;
}

static const struct object_ops *const openable_types[WH_TYPE_COUNT] = {
    [WH_TYPE_EVENT] = &event_ops,
    [WH_TYPE_MUTEX] = &mutex_ops,
    [WH_TYPE_SEMAPHORE] = &semaphore_ops,
    [WH_TYPE_MAPPING] = &mapping_ops,
};

DECL_HANDLER(open_object)
{
    if (req->type >= WH_TYPE_COUNT || !openable_types[req->type] ||
        req->name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct object *obj = open_named_object(openable_types[req->type], ctx->data,
                                           req->name_len, &ctx->error);
    if (!obj)
        return;
    reply->handle = alloc_handle_for(ctx, obj, req->access, req->inherit);
    if (reply->handle)
        handle_lookup(&ctx->process->handles, reply->handle)->origin = WH_ORIGIN_OPENED;
    release_object(obj);
}
