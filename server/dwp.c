/*
 * Window-position structures: BeginDeferWindowPos makes one, room for the
 * moves of several windows, and EndDeferWindowPos applies them all at once
 * and destroys it. It belongs to the thread that made it.
 *
 * For the windows engineer: DeferWindowPos adds a struct dwp_move (grow
 * moves, as the count given to BeginDeferWindowPos is only a hint), and
 * end_dwp applies the moves with the windows' own code before destroying.
 * Windows destroys the structure when DeferWindowPos fails, so its handle
 * is dead after any failure.
 */
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
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

DECL_HANDLER(end_dwp)
{
    (void)reply;
    struct dwp *d = user_get_ops(req->handle, &dwp_ops, &ctx->error);
    if (!d)
        return;
    /* TODO(windows): apply d->moves[0..count) here, all at once. With no
     * windows there is nothing to move, and DeferWindowPos cannot add any. */
    user_destroy(&d->hdr);
}
