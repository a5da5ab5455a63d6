/*
 * Semaphores: a count between 0 and a maximum; each satisfied wait takes one.
 */
#include "errors.h"
#include "handle.h"
#include "namespace.h"
#include "object.h"
#include "request.h"
#include "wait.h"

#define SEMAPHORE_QUERY_STATE_ 0x0001u
#define SEMAPHORE_MODIFY_STATE_ 0x0002u
#define SEMAPHORE_ALL_ACCESS_ 0x001f0003u

struct semaphore {
    struct object obj;
    int32_t count;
    int32_t max;
};

static int semaphore_signaled(struct object *obj, struct thread *thread)
{
    (void)thread;
    return ((struct semaphore *)obj)->count > 0;
}

static int semaphore_satisfied(struct object *obj, struct thread *thread)
{
    (void)thread;
    ((struct semaphore *)obj)->count--;
    return 0;
}

static uint32_t release(struct semaphore *s, int32_t n, int32_t *prev)
{
    if (n <= 0)
        return ERR_INVALID_PARAMETER;
    if (n > s->max - s->count) /* no overflow: 0 <= count <= max */
        return ERR_TOO_MANY_POSTS;
    if (prev)
        *prev = s->count;
    s->count += n;
    wake_up(&s->obj);
    return 0;
}

static uint32_t semaphore_signal(struct object *obj, struct thread *thread, uint32_t access)
{
    (void)thread;
    if (!(access & SEMAPHORE_MODIFY_STATE_))
        return ERR_ACCESS_DENIED;
    return release((struct semaphore *)obj, 1, NULL);
}

static void semaphore_dump(struct object *obj, uint32_t state[4])
{
    struct semaphore *s = (struct semaphore *)obj;
    state[0] = (uint32_t)s->count;
    state[1] = (uint32_t)s->max;
}

static const struct generic_mapping semaphore_mapping = {
    .read = STANDARD_RIGHTS_READ_ | SEMAPHORE_QUERY_STATE_,
    .write = STANDARD_RIGHTS_READ_ | SEMAPHORE_MODIFY_STATE_,
    .execute = STANDARD_RIGHTS_READ_ | SYNCHRONIZE_,
    .all = SEMAPHORE_ALL_ACCESS_,
};

const struct object_ops semaphore_ops = {
    .type_name = "Semaphore",
    .type = WH_TYPE_SEMAPHORE,
    .mapping = &semaphore_mapping,
    .signaled = semaphore_signaled,
    .satisfied = semaphore_satisfied,
    .signal = semaphore_signal,
    .dump = semaphore_dump,
};

DECL_HANDLER(create_semaphore)
{
    int existed;
    if (req->name_len != ctx->data_len || req->maximum <= 0 || req->initial < 0 ||
        req->initial > req->maximum) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct semaphore *s = (struct semaphore *)create_named_object(
        &semaphore_ops, sizeof(*s), ctx->data, req->name_len, &existed, &ctx->error);
    if (!s)
        return;
    if (!existed) {
        s->count = req->initial;
        s->max = req->maximum;
    }
    reply->existed = (uint32_t)existed;
    reply->handle = alloc_handle_for(ctx, &s->obj, req->access, req->inherit);
    release_object(&s->obj);
}

DECL_HANDLER(release_semaphore)
{
    struct semaphore *s = (struct semaphore *)get_handle_obj(
        ctx->thread, req->handle, SEMAPHORE_MODIFY_STATE_, &semaphore_ops, &ctx->error);
    if (s)
        ctx->error = release(s, req->count, &reply->prev_count);
}
