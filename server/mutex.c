/*
 * Mutexes: an owner thread and a recursion count. A thread that ends while
 * owning one leaves it free and "abandoned"; the next wait to take it
 * reports WAIT_ABANDONED, which clears the mark.
 */
#include "mutex.h"

#include "errors.h"
#include "handle.h"
#include "namespace.h"
#include "object.h"
#include "request.h"
#include "thread.h"
#include "wait.h"

#define MUTANT_QUERY_STATE_ 0x0001u
#define MUTANT_ALL_ACCESS_ 0x001f0001u
/* ReleaseMutex asks for no specific right: ownership is what matters. */
#define MUTEX_RELEASE_ACCESS_ 0u

struct mutex {
    struct object obj;
    struct thread *owner;        /* NULL when free */
    uint32_t count;              /* recursion depth while owned */
    int abandoned;
    struct list_entry owner_link; /* on owner->owned_mutexes */
};

static int mutex_signaled(struct object *obj, struct thread *thread)
{
    struct mutex *m = (struct mutex *)obj;
    /* Windows caps recursion at 0x7fffffff acquisitions. */
    return !m->owner || (m->owner == thread && m->count < 0x7fffffffu);
}

static void take(struct mutex *m, struct thread *thread)
{
    if (!m->owner) {
        m->owner = thread;
        list_add_tail(&thread->owned_mutexes, &m->owner_link);
    }
    m->count++;
}

static int mutex_satisfied(struct object *obj, struct thread *thread)
{
    struct mutex *m = (struct mutex *)obj;
    take(m, thread);
    int was_abandoned = m->abandoned;
    m->abandoned = 0;
    return was_abandoned;
}

static void set_free(struct mutex *m)
{
    list_remove(&m->owner_link);
    m->owner = NULL;
    m->count = 0;
    wake_up(&m->obj);
}

static uint32_t release(struct mutex *m, struct thread *thread, uint32_t *prev)
{
    if (m->owner != thread)
        return ERR_NOT_OWNER;
    if (prev)
        *prev = m->count;
    if (--m->count == 0)
        set_free(m);
    return 0;
}

static uint32_t mutex_signal(struct object *obj, struct thread *thread, uint32_t access)
{
    (void)access;
    return release((struct mutex *)obj, thread, NULL);
}

static void mutex_dump(struct object *obj, uint32_t state[4])
{
    struct mutex *m = (struct mutex *)obj;
    state[0] = m->owner ? m->owner->tid : 0;
    state[1] = m->count;
    state[2] = (uint32_t)m->abandoned;
}

static void mutex_destroy(struct object *obj)
{
    struct mutex *m = (struct mutex *)obj;
    /* An owner holds no reference, so a mutex can die while owned. */
    if (m->owner)
        list_remove(&m->owner_link);
}

static const struct generic_mapping mutex_mapping = {
    .read = STANDARD_RIGHTS_READ_ | MUTANT_QUERY_STATE_,
    .write = STANDARD_RIGHTS_READ_,
    .execute = STANDARD_RIGHTS_READ_ | SYNCHRONIZE_,
    .all = MUTANT_ALL_ACCESS_,
};

const struct object_ops mutex_ops = {
    .type_name = "Mutant",
    .type = WH_TYPE_MUTEX,
    .mapping = &mutex_mapping,
    .signaled = mutex_signaled,
    .satisfied = mutex_satisfied,
    .signal = mutex_signal,
    .dump = mutex_dump,
    .destroy = mutex_destroy,
};

void abandon_mutexes(struct thread *thread)
{
    while (!list_empty(&thread->owned_mutexes)) {
        struct mutex *m = LIST_ENTRY(thread->owned_mutexes.next, struct mutex, owner_link);
        m->abandoned = 1;
        set_free(m);
    }
}

DECL_HANDLER(create_mutex)
{
    int existed;
    if (req->name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct mutex *m = (struct mutex *)create_named_object(
        &mutex_ops, sizeof(*m), ctx->data, req->name_len, &existed, &ctx->error);
    if (!m)
        return;
    if (!existed) {
        list_init(&m->owner_link);
        if (req->owned)
            take(m, ctx->thread);
    }
    reply->existed = (uint32_t)existed;
    reply->handle = alloc_handle_for(ctx, &m->obj, req->access, req->inherit);
    release_object(&m->obj);
}

DECL_HANDLER(release_mutex)
{
    struct mutex *m = (struct mutex *)get_handle_obj(ctx->thread, req->handle,
                                                     MUTEX_RELEASE_ACCESS_, &mutex_ops,
                                                     &ctx->error);
    if (m)
        ctx->error = release(m, ctx->thread, &reply->prev_count);
}
