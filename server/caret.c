/*
 * Carets: at most one per thread, tied to a window of that thread. The
 * caret is thread state, not a handle anyone sees, so it lives in a small
 * list keyed by thread rather than in the USER table.
 *
 * As in Wine, the position is thread state too: SetCaretPos works with
 * no caret and GetCaretPos reads it back; making a caret, destroying it
 * and destroying its window put it at 0,0. A thread with neither caret
 * nor position has no entry here.
 */
#include <stdlib.h>

#include "errors.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

struct caret {
    const struct thread *thread;
    uint32_t window;              /* 0: no caret, only a position */
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

/* The caller's entry, made if it has none; NULL with ctx->error. */
static struct caret *caller_caret(struct request_ctx *ctx)
{
    struct caret *c = *find_caret(ctx->thread);
    if (c)
        return c;
    if (!(c = calloc(1, sizeof(*c)))) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    c->thread = ctx->thread;
    c->next = carets;
    carets = c;
    user_on_thread_end(caret_thread_ended);
    return c;
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
    struct caret *c = caller_caret(ctx);
    if (!c)
        return;
    /* A new caret replaces the old one, hidden, at 0,0 (Wine's answer). */
    c->window = req->window;
    c->bitmap = req->bitmap;
    c->width = req->width;
    c->height = req->height;
    c->x = c->y = 0;
    c->hide_count = 1;
}

DECL_HANDLER(caret_op)
{
    if (req->op > WH_CARET_HIDE) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct caret **pp = find_caret(ctx->thread), *c = *pp;
    uint32_t window = c ? c->window : 0;
    /* Show and Hide name the caret's window, or NULL for any; with no
     * caret, NULL succeeds and does nothing, a window is refused. */
    if ((req->op == WH_CARET_SHOW || req->op == WH_CARET_HIDE) && req->window &&
        req->window != window) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    switch (req->op) {
    case WH_CARET_DESTROY:
        if (c)
            drop_caret(pp);
        break;
    case WH_CARET_SET_POS:
        if ((c = caller_caret(ctx))) {
            c->x = req->x;
            c->y = req->y;
        }
        break;
    case WH_CARET_GET_POS:
        reply->x = c ? c->x : 0;
        reply->y = c ? c->y : 0;
        break;
    case WH_CARET_SHOW:
        if (window && c->hide_count > 0)
            c->hide_count--;
        break;
    case WH_CARET_HIDE:
        if (window && c->hide_count < 0x7fffffff)
            c->hide_count++;
        break;
    }
}
