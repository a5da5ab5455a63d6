/*
 * Window-position structures: BeginDeferWindowPos makes one, room for the
 * moves of several windows, and EndDeferWindowPos applies them all at once
 * and destroys it. It belongs to the thread that made it.
 *
 * DeferWindowPos adds a struct dwp_move (growing the array, as the count
 * given to BeginDeferWindowPos is only a hint; a window already there has
 * its move replaced), and end_dwp applies the moves with the windows' own
 * code (window_set_pos) before destroying the structure. A failed
 * DeferWindowPos leaves the structure and its earlier moves as they were
 * (Microsoft says to abandon it then; Wine keeps it usable, and so does
 * winhandle); a window destroyed between the two calls is skipped.
 */
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
#include "grow.h"
#include "request.h"
#include "thread.h"
#include "user.h"

/* BeginDeferWindowPos's count is a hint, but a huge one must not cost. */
#define MAX_DWP_HINT 4096

struct dwp_move {
    uint32_t window, insert_after;
    int32_t x, y, cx, cy;
    uint32_t flags;
};

struct dwp {
    struct user_object hdr;
    uint32_t count, cap;
    struct dwp_move *moves;
};

static void dwp_destroy(struct user_object *obj)
{
    free(((struct dwp *)obj)->moves);
}

static void dwp_describe(struct user_object *obj, char *buf, uint32_t len)
{
    snprintf(buf, len, "%u move(s)", ((struct dwp *)obj)->count);
}

static const struct user_ops dwp_ops = {
    .type = WH_USER_DWP,
    .name = "WindowPos",
    .owner = USER_OWNER_THREAD,
    .rank = 2,
    .invalid_error = ERR_INVALID_DWP_HANDLE,
    .destroy = dwp_destroy,
    .describe = dwp_describe,
};

DECL_HANDLER(begin_dwp)
{
    if (req->count < 0) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct dwp *d = user_alloc(&dwp_ops, sizeof(*d), ctx->thread, &ctx->error);
    if (!d)
        return;
    uint32_t cap = req->count > MAX_DWP_HINT ? MAX_DWP_HINT : (uint32_t)req->count;
    if (cap && !(d->moves = calloc(cap, sizeof(*d->moves)))) {
        user_destroy(&d->hdr);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    d->cap = cap;
    reply->handle = d->hdr.handle;
}

static struct dwp_move *move_slot(struct dwp *d, uint32_t window)
{
    for (uint32_t i = 0; i < d->count; i++)
        if (d->moves[i].window == window)
            return &d->moves[i];
    struct dwp_move *moves = grow_array(d->moves, d->count, &d->cap, sizeof(*moves), 8);
    if (!moves)
        return NULL;
    d->moves = moves;
    return &d->moves[d->count++];
}

DECL_HANDLER(defer_window_pos)
{
    (void)reply;
    struct dwp *d = user_get_ops(req->dwp, &dwp_ops, &ctx->error);
    if (!d)
        return;
    if ((ctx->error = window_check_access(ctx, req->window)))
        return;
    struct dwp_move *m = move_slot(d, req->window);
    if (!m) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    *m = (struct dwp_move){ req->window, req->after, req->x, req->y, req->cx, req->cy,
                            req->flags };
}

DECL_HANDLER(end_dwp)
{
    (void)reply;
    struct dwp *d = user_get_ops(req->handle, &dwp_ops, &ctx->error);
    if (!d)
        return;
    /* All at once: one request, so nobody sees a half-applied set. */
    for (uint32_t i = 0; i < d->count; i++) {
        const struct dwp_move *m = &d->moves[i];
        window_set_pos(m->window, m->insert_after, m->x, m->y, m->cx, m->cy, m->flags);
    }
    user_destroy(&d->hdr);
}
