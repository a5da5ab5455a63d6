/*
 * Cursors and icons: one type, as in Windows (HCURSOR is an HICON and
 * DestroyCursor destroys an icon). An object keeps its size, hotspot and
 * bits; there are no pixels on screen, so the bits are only given back.
 *
 * The system cursors and icons (IDC_ARROW, IDI_APPLICATION, ...) are
 * session objects made on first use and never destroyed: LoadCursorA
 * gives the same handle every time, in every process, and DestroyCursor
 * on one succeeds and leaves it, as Windows does.
 *
 * Each thread has a current cursor (SetCursor/GetCursor). Windows refuses
 * to destroy a cursor that is current (the call fails and leaves the last
 * error alone) and destroys it once it stops being current; so does this.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

/* Bounds a hostile client cannot pass: 256 x 256 at 32 bits per pixel. */
#define MAX_CURSOR_SIDE 256u
#define MAX_CURSOR_BPP 32u

struct cursor {
    struct user_object hdr;
    int is_icon;
    int shared;          /* a system cursor or icon: a session object */
    int destroy_pending; /* DestroyCursor came while it was current */
    uint32_t system_id;  /* IDC_* / IDI_* of a shared one */
    uint32_t x_hot, y_hot, width, height, planes, bpp;
    uint32_t and_len, xor_len;
    unsigned char *bits; /* and_len bytes of AND mask, then xor_len */
};

/* ---- the current cursor of each thread ---- */

struct current {
    const struct thread *thread;
    uint32_t cursor;
    struct current *next;
};

static struct current *currents;

static struct current **find_current(const struct thread *t)
{
    struct current **pp = &currents;
    while (*pp && (*pp)->thread != t)
        pp = &(*pp)->next;
    return pp;
}

static int is_current_anywhere(uint32_t handle)
{
    for (struct current *c = currents; c; c = c->next)
        if (c->cursor == handle)
            return 1;
    return 0;
}

/* A cursor stopped being some thread's current one: if DestroyCursor was
 * refused while it was, now is the time. */
static void no_longer_current(uint32_t handle)
{
    struct cursor *c = (struct cursor *)user_get(handle, WH_USER_CURSOR);
    if (c && c->destroy_pending && !is_current_anywhere(handle))
        user_destroy(&c->hdr);
}

static void forget_thread_cursor(struct thread *t)
{
    struct current **pp = find_current(t), *c = *pp;
    if (!c)
        return;
    *pp = c->next;
    uint32_t handle = c->cursor;
    free(c);
    no_longer_current(handle);
}

/* ---- the type ---- */

static void cursor_destroy(struct user_object *obj)
{
    /* Owner death destroys even a current cursor: no thread keeps it. */
    for (struct current *c = currents; c; c = c->next)
        if (c->cursor == obj->handle)
            c->cursor = 0;
    free(((struct cursor *)obj)->bits);
}

static uint32_t cursor_may_destroy(struct user_object *obj, struct thread *caller)
{
    (void)caller;
    struct cursor *c = (struct cursor *)obj;
    if (c->shared)
        return USER_KEEP;
    if (is_current_anywhere(obj->handle)) {
        c->destroy_pending = 1;
        return USER_KEEP_FAIL;
    }
    return 0;
}

static void cursor_describe(struct user_object *obj, char *buf, uint32_t len)
{
    struct cursor *c = (struct cursor *)obj;
    if (c->shared)
        snprintf(buf, len, "system %s %u", c->is_icon ? "icon" : "cursor", c->system_id);
    else
        snprintf(buf, len, "%s %ux%u", c->is_icon ? "icon" : "cursor", c->width, c->height);
}

static const struct user_ops cursor_ops = {
    .type = WH_USER_CURSOR,
    .name = "Cursor",
    .owner = USER_OWNER_PROCESS,
    .rank = 3,
    .invalid_error = ERR_INVALID_CURSOR_HANDLE,
    .destroy = cursor_destroy,
    .may_destroy = cursor_may_destroy,
    .describe = cursor_describe,
};

static struct cursor *new_cursor(struct request_ctx *ctx, struct thread *owner)
{
    user_on_thread_end(forget_thread_cursor);
    return user_alloc(&cursor_ops, sizeof(struct cursor), owner, &ctx->error);
}

/* A new private image of the caller's process with these properties and
 * bits (CreateCursor, CreateIcon, CopyIcon). */
static struct cursor *new_image(struct request_ctx *ctx, const struct cursor *props,
                                const void *bits)
{
    struct cursor *c = new_cursor(ctx, ctx->thread);
    if (!c)
        return NULL;
    uint32_t len = props->and_len + props->xor_len;
    if (len && !(c->bits = malloc(len))) {
        user_destroy(&c->hdr);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    if (len)
        memcpy(c->bits, bits, len);
    c->is_icon = props->is_icon;
    c->x_hot = props->x_hot;
    c->y_hot = props->y_hot;
    c->width = props->width;
    c->height = props->height;
    c->planes = props->planes;
    c->bpp = props->bpp;
    c->and_len = props->and_len;
    c->xor_len = props->xor_len;
    return c;
}

DECL_HANDLER(create_cursor)
{
    if (req->width > MAX_CURSOR_SIDE ||
        req->height > MAX_CURSOR_SIDE || !req->planes || req->planes > 4 || !req->bpp ||
        req->bpp > MAX_CURSOR_BPP || (uint64_t)req->and_len + req->xor_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct cursor props = {
        .is_icon = req->is_icon != 0, .x_hot = req->x_hot, .y_hot = req->y_hot,
        .width = req->width, .height = req->height, .planes = req->planes, .bpp = req->bpp,
        .and_len = req->and_len, .xor_len = req->xor_len,
    };
    struct cursor *c = new_image(ctx, &props, ctx->data);
    if (c)
        reply->handle = c->hdr.handle;
}

/* The system images: IDC_* cursors and IDI_* icons (the OCR_ and OIC_ ids are the
 * same numbers). Hotspots where a pointer's tip would be. */
static int system_image(uint32_t id, int is_icon, uint32_t *x_hot, uint32_t *y_hot)
{
    *x_hot = *y_hot = 16;
    if (is_icon)
        return id >= 32512 && id <= 32518;
    if (id == 32512 || id == 32516 || id == 32650 || id == 32651) {
        *x_hot = *y_hot = 0; /* arrows point from their corner */
        return 1;
    }
    return (id >= 32513 && id <= 32515) || (id >= 32640 && id <= 32651);
}

/* Shared images: made once, kept for the session. */
static uint32_t shared_handles[2][160]; /* [is_icon][id - 32512], or 32640.. at +10 */

static uint32_t *shared_slot(uint32_t id, int is_icon)
{
    uint32_t i = id >= 32640 ? id - 32640 + 10 : id - 32512;
    return i < 160 ? &shared_handles[is_icon][i] : NULL;
}

DECL_HANDLER(load_system_cursor)
{
    uint32_t x_hot, y_hot;
    int is_icon = req->is_icon != 0;
    uint32_t *slot;
    if (!system_image(req->id, is_icon, &x_hot, &y_hot) ||
        !(slot = shared_slot(req->id, is_icon))) {
        ctx->error = 1813u; /* ERROR_RESOURCE_TYPE_NOT_FOUND, as Wine says */
        return;
    }
    if (*slot && user_get(*slot, WH_USER_CURSOR)) {
        reply->handle = *slot;
        return;
    }
    struct cursor *c = new_cursor(ctx, NULL);
    if (!c)
        return;
    c->shared = 1;
    c->system_id = req->id;
    c->is_icon = is_icon;
    c->x_hot = x_hot;
    c->y_hot = y_hot;
    c->width = c->height = 32;
    c->planes = c->bpp = 1;
    *slot = reply->handle = c->hdr.handle;
}

DECL_HANDLER(get_cursor_info)
{
    struct cursor *c = user_get_ops(req->handle, &cursor_ops, &ctx->error);
    if (!c)
        return;
    reply->is_icon = (uint32_t)c->is_icon;
    reply->x_hot = c->x_hot;
    reply->y_hot = c->y_hot;
    reply->width = c->width;
    reply->height = c->height;
    reply->planes = c->planes;
    reply->bpp = c->bpp;
    reply->and_len = c->and_len;
    reply->xor_len = c->xor_len;
    reply->shared = (uint32_t)c->shared;
    uint32_t len = c->and_len + c->xor_len;
    void *out = len ? reply_append(ctx, len) : NULL;
    if (out)
        memcpy(out, c->bits, len);
}

/* CopyIcon: a new private image of the caller's process, even of a
 * shared one (the copy is the caller's to destroy). */
DECL_HANDLER(copy_cursor)
{
    struct cursor *src = user_get_ops(req->handle, &cursor_ops, &ctx->error);
    struct cursor *c = src ? new_image(ctx, src, src->bits) : NULL;
    if (c)
        reply->handle = c->hdr.handle;
}

DECL_HANDLER(set_cursor)
{
    struct current **pp = find_current(ctx->thread), *cur = *pp;
    reply->prev = cur ? cur->cursor : 0;
    if (!req->set)
        return;
    if (req->handle && !user_get_ops(req->handle, &cursor_ops, &ctx->error))
        return;
    if (!cur && req->handle) {
        if (!(cur = calloc(1, sizeof(*cur)))) {
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return;
        }
        cur->thread = ctx->thread;
        cur->next = currents;
        currents = cur;
        user_on_thread_end(forget_thread_cursor);
    }
    uint32_t prev = reply->prev;
    if (cur)
        cur->cursor = req->handle;
    if (prev && prev != req->handle)
        no_longer_current(prev);
}
