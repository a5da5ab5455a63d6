/*
 * Events: a flag, and whether a satisfied wait clears it (auto-reset).
 */
#include "errors.h"
#include "handle.h"
#include "namespace.h"
#include "object.h"
#include "request.h"
#include "wait.h"

#define EVENT_QUERY_STATE_ 0x0001u
#define EVENT_MODIFY_STATE_ 0x0002u
#define EVENT_ALL_ACCESS_ 0x001f0003u

struct event {
    struct object obj;
    int manual_reset;
    int signaled;
};

static int event_signaled(struct object *obj, struct thread *thread)
{
    (void)thread;
    return ((struct event *)obj)->signaled;
}

static int event_satisfied(struct object *obj, struct thread *thread)
{
    (void)thread;
    struct event *ev = (struct event *)obj;
    if (!ev->manual_reset)
        ev->signaled = 0;
    return 0;
}

static void set_event(struct event *ev)
{
    ev->signaled = 1;
    wake_up(&ev->obj);
}

static uint32_t event_signal(struct object *obj, struct thread *thread, uint32_t access)
{
    (void)thread;
    if (!(access & EVENT_MODIFY_STATE_))
        return ERR_ACCESS_DENIED;
    set_event((struct event *)obj);
    return 0;
}

static void event_dump(struct object *obj, uint32_t state[4])
{
    state[0] = ((struct event *)obj)->manual_reset;
}

static const struct generic_mapping event_mapping = {
    .read = STANDARD_RIGHTS_READ_ | EVENT_QUERY_STATE_,
    .write = STANDARD_RIGHTS_READ_ | EVENT_MODIFY_STATE_,
    .execute = STANDARD_RIGHTS_READ_ | SYNCHRONIZE_,
    .all = EVENT_ALL_ACCESS_,
};

const struct object_ops event_ops = {
    .type_name = "Event",
    .type = WH_TYPE_EVENT,
    .mapping = &event_mapping,
    .signaled = event_signaled,
    .satisfied = event_satisfied,
    .signal = event_signal,
    .dump = event_dump,
};

DECL_HANDLER(create_event)
{
    int existed;
    if (req->name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct event *ev = (struct event *)create_named_object(
        &event_ops, sizeof(*ev), ctx->data, req->name_len, &existed, &ctx->error);
    if (!ev)
        return;
    if (!existed) {
        ev->manual_reset = req->manual_reset != 0;
        ev->signaled = req->initial_state != 0;
    }
    reply->existed = (uint32_t)existed;
    reply->handle = alloc_handle_for(ctx, &ev->obj, req->access, req->inherit);
    release_object(&ev->obj);
}

DECL_HANDLER(event_op)
{
    struct event *ev = (struct event *)get_handle_obj(ctx->thread, req->handle,
                                                      EVENT_MODIFY_STATE_, &event_ops,
                                                      &ctx->error);
    if (!ev)
        return;
    reply->prev_state = (uint32_t)ev->signaled;
    switch (req->op) {
    case WH_EVENT_SET:
        set_event(ev);
        break;
    case WH_EVENT_RESET:
        ev->signaled = 0;
        break;
    case WH_EVENT_PULSE:
        /* Release whoever waits right now, then leave it reset. */
        set_event(ev);
        ev->signaled = 0;
        break;
    default:
        ctx->error = ERR_INVALID_PARAMETER;
    }
}
