/*
 * Carets: at most one per thread, tied to a window. The caret is thread
 * state, not a handle anyone sees, so it lives in a small list keyed by
 * thread rather than in the USER table.
 *
 * CreateCaret needs a window of the calling thread. Windows come later
 * (the windows engineer): until then no handle names a window, so
 * CreateCaret fails with ERROR_INVALID_WINDOW_HANDLE, as Windows does for
 * a handle that is not a window. Once a window type is in the table,
 * user_get(window, WH_USER_WINDOW) finds it here with no change; when a
 * window is destroyed, its destroy op should call caret_window_destroyed().
 */
#include <stdlib.h>

#include "errors.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

struct caret {
    const struct thread *thread;
    uint32_t window;
    uint32_t bitmap;
    int32_t width, height, x, y;
    int32_t hide_count; /* starts hidden: ShowCaret makes it 0 */
    struct caret *next;
};

static struct caret *carets;

static struct caret **find_caret(const struct thread *t)
{
    struct caret **pp = &carets;
    while (*pp && (*pp)->thread != t)
        pp = &(*pp)->next;
    return pp;
}

static void drop_caret(struct caret **pp)
{
    struct caret *c = *pp;
    *pp = c->next;
    free(c);
}

static void caret_thread_ended(struct thread *t)
{
    struct caret **pp = find_caret(t);
    if (*pp)
        drop_caret(pp);
}

void caret_window_destroyed(uint32_t window)
{
    struct caret **pp = &carets;
    while (*pp) {
        if ((*pp)->window == window)
            drop_caret(pp);
        else
            pp = &(*pp)->next;
    }
}

DECL_HANDLER(create_caret)
{
    (void)reply;
    struct user_object *win = user_get(req->window, WH_USER_WINDOW);
    if (!win) {
        ctx->error = ERR_INVALID_WINDOW_HANDLE;
        return;
    }
    if (win->owner_tid != ctx->thread->tid) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    struct caret **pp = find_caret(ctx->thread), *c = *pp;
    if (!c) {
        if (!(c = calloc(1, sizeof(*c)))) {
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return;
        }
        c->thread = ctx->thread;
        c->next = carets;
        carets = c;
        user_on_thread_end(caret_thread_ended);
    }
    /* A new caret replaces the old one, hidden, at the old position. */
    c->window = req->window;
    c->bitmap = req->bitmap;
    c->width = req->width;
    c->height = req->height;
    c->hide_count = 1;
}

DECL_HANDLER(caret_op)
{
    struct caret **pp = find_caret(ctx->thread), *c = *pp;
    /* A thread without a caret: every call succeeds and does nothing
     * (Wine's answer; the position reads as 0, 0). */
    if (!c) {
        if (req->op > WH_CARET_HIDE)
            ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    /* Show and Hide name the caret's window, or NULL for any. */
    if ((req->op == WH_CARET_SHOW || req->op == WH_CARET_HIDE) && req->window &&
        req->window != c->window) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    switch (req->op) {
    case WH_CARET_DESTROY:
        drop_caret(pp);
        break;
    case WH_CARET_SET_POS:
        c->x = req->x;
        c->y = req->y;
        break;
    case WH_CARET_GET_POS:
        reply->x = c->x;
        reply->y = c->y;
        break;
    case WH_CARET_SHOW:
        if (c->hide_count > 0)
            c->hide_count--;
        break;
    case WH_CARET_HIDE:
        if (c->hide_count < 0x7fffffff)
            c->hide_count++;
        break;
    default:
        ctx->error = ERR_INVALID_PARAMETER;
    }
}
