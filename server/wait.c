/*
 * The synchronization model, in one place.
 *
 * A wait names 1 to 64 objects, wants any or all of them, and may time
 * out. The objects are the caller's handles and, for MsgWaitForMultiple-
 * Objects and GetMessageA, its message queue after them (queue.c): 0 to
 * 63 handles then. A wait-all with the queue wants every handle and
 * input. Each object keeps a FIFO list of the waits that name it. The server
 * is single-threaded, so a wait is satisfied atomically: we ask every object
 * whether it is signaled for the waiting thread, and if the wait can be
 * satisfied we "take" the objects (satisfied(): auto-reset events clear,
 * semaphores count down, mutexes gain an owner) in the same step. Nothing
 * can happen in between; that is how wait-all takes all objects or none.
 *
 * Invariant: no wait sits on a list while it could be satisfied. It is
 * checked when it starts, and again by wake_up() every time one of its
 * objects may have become signaled. wake_up() goes through the waiters in
 * arrival order, so the longest waiter on an object is served first.
 *
 * Wait-any reports the lowest index that is signaled, as Windows does; a
 * mutex whose owner died reports WAIT_ABANDONED_0 + its index.
 */
#include "wait.h"

#include <stdlib.h>
#include <string.h>

#include "connection.h"
#include "errors.h"
#include "handle.h"
#include "object.h"
#include "process.h"
#include "queue.h"
#include "request.h"
#include "thread.h"

#define INFINITE_ 0xffffffffu

/* Try to satisfy a wait over objs. Returns 1 and *result if it was. */
static int try_satisfy(struct thread *thread, struct object *const *objs,
                       uint32_t count, int wait_all, uint32_t *result)
{
    if (wait_all) {
        for (uint32_t i = 0; i < count; i++)
            if (!objs[i]->ops->signaled(objs[i], thread))
                return 0;
        int abandoned = 0;
        for (uint32_t i = 0; i < count; i++)
            abandoned |= objs[i]->ops->satisfied(objs[i], thread);
        *result = abandoned ? WAIT_ABANDONED_0_ : WAIT_OBJECT_0_;
        return 1;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (objs[i]->ops->signaled(objs[i], thread)) {
            int abandoned = objs[i]->ops->satisfied(objs[i], thread);
            *result = (abandoned ? WAIT_ABANDONED_0_ : WAIT_OBJECT_0_) + i;
            return 1;
        }
    }
    return 0;
}

static void end_wait(struct wait *w, int send, uint32_t result)
{
    timeout_cancel(&w->timeout);
    w->thread->wait = NULL;
    for (uint32_t i = 0; i < w->count; i++)
        list_remove(&w->entries[i].link);
    if (send) {
        struct wh_wait_reply reply = { .result = result };
        connection_reply(w->conn, 0, &reply, sizeof(reply), NULL, 0);
    }
    /* Drop the references last: releasing may destroy an object whose
     * destruction wakes others. */
    for (uint32_t i = 0; i < w->count; i++)
        release_object(w->entries[i].obj);
    release_object(&w->thread->obj);
    free(w);
}

static int try_wait(struct wait *w)
{
    struct object *objs[WH_MAX_WAIT_OBJECTS];
    uint32_t result;
    for (uint32_t i = 0; i < w->count; i++)
        objs[i] = w->entries[i].obj;
    if (!try_satisfy(w->thread, objs, w->count, w->wait_all, &result))
        return 0;
    end_wait(w, 1, result);
    return 1;
}

void wake_up(struct object *obj)
{
    struct list_entry *e;
    /* A satisfied wait drops its references; keep obj alive meanwhile. */
    grab_object(obj);
restart:
    LIST_FOR_EACH(e, &obj->waiters) {
        struct wait_entry *entry = LIST_ENTRY(e, struct wait_entry, link);
        /* Satisfying a wait unlinks its entries, perhaps the next one of
         * this list too: start over. Each restart follows a satisfied wait,
         * so this ends. */
        if (try_wait(entry->wait))
            goto restart;
    }
    release_object(obj);
}

void cancel_wait(struct thread *thread)
{
    if (thread->wait)
        end_wait(thread->wait, 0, 0);
}

static void wait_timed_out(struct timeout *t)
{
    struct wait *w = (struct wait *)((char *)t - offsetof(struct wait, timeout));
    end_wait(w, 1, WAIT_TIMEOUT_);
}

static int has_duplicates(struct object *const *objs, uint32_t count)
{
    for (uint32_t i = 1; i < count; i++)
        for (uint32_t j = 0; j < i; j++)
            if (objs[i] == objs[j])
                return 1;
    return 0;
}

/* SignalObjectAndWait's first half. */
static uint32_t signal_object(struct thread *thread, uint32_t handle)
{
    uint32_t error, granted;
    struct object *obj = get_handle_obj_access(thread, handle, &granted, &error);
    if (!obj)
        return error;
    return obj->ops->signal(obj, thread, granted);
}

/* The objects a wait names: the caller's handles, then its message queue
 * when asked (req->queue). *n is their number. */
static int wait_objects(struct request_ctx *ctx, const struct wh_wait_request *req,
                        struct object **objs, uint32_t *n)
{
    const uint32_t *handles = (const uint32_t *)ctx->data;
    uint32_t count = req->count;
    if (req->queue > 1 || count + req->queue < 1 ||
        count + req->queue > WH_MAX_WAIT_OBJECTS || ctx->data_len != count * 4u) {
        ctx->error = ERR_INVALID_PARAMETER;
        return 0;
    }
    for (uint32_t i = 0; i < count; i++) {
        uint32_t h;
        memcpy(&h, &handles[i], sizeof(h));
        objs[i] = get_handle_obj(ctx->thread, h, SYNCHRONIZE_, NULL, &ctx->error);
        if (!objs[i])
            return 0;
        if (!objs[i]->ops->signaled) { /* not a waitable type: a section */
            ctx->error = ERR_INVALID_HANDLE;
            return 0;
        }
    }
    if (req->queue && !(objs[count] = thread_queue(ctx->thread))) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return 0;
    }
    *n = count + req->queue;
    return 1;
}

DECL_HANDLER(wait)
{
    struct object *objs[WH_MAX_WAIT_OBJECTS];
    uint32_t count;

    if (!wait_objects(ctx, req, objs, &count))
        return;
    /* One object cannot be taken twice at once: Windows refuses it in a
     * wait-all (the array "may not contain multiple copies of the same
     * handle"), whichever handles name it. Wine does not check. */
    if (req->wait_all && has_duplicates(objs, count)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (req->signal) {
        ctx->error = signal_object(ctx->thread, req->signal);
        if (ctx->error)
            return;
    }
    if (try_satisfy(ctx->thread, objs, count, req->wait_all != 0, &reply->result))
        return;
    if (req->timeout_ms == 0) {
        reply->result = WAIT_TIMEOUT_;
        return;
    }

    struct wait *w = calloc(1, sizeof(*w) + count * sizeof(w->entries[0]));
    if (!w) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    w->thread = (struct thread *)grab_object(&ctx->thread->obj);
    w->conn = ctx->conn;
    w->count = count;
    w->wait_all = req->wait_all != 0;
    w->timeout.fire = wait_timed_out;
    for (uint32_t i = 0; i < count; i++) {
        w->entries[i].obj = grab_object(objs[i]);
        w->entries[i].wait = w;
        list_add_tail(&objs[i]->waiters, &w->entries[i].link);
    }
    ctx->thread->wait = w;
    if (req->timeout_ms != INFINITE_)
        timeout_arm(&w->timeout, monotonic_ms() + req->timeout_ms);
    ctx->deferred = 1;
}
