/*
 * Windows: a tree (parent and children, in z-order, top first) and an
 * owner relation between top-level windows, with styles, a rectangle, a
 * text, extra bytes and a menu. The server keeps them so a window handle
 * works in every process of the session; there are no pixels and no
 * message queue: the library calls a window's procedure on its thread.
 *
 * Each desktop (desktop.h) has a desktop window, the root of its tree:
 * a session object made on first use, parent of every top-level window
 * on that desktop. A window is on its creator thread's desktop, and only
 * threads on that desktop may use it: get_window is the one place that
 * checks, so every request refuses another desktop's window with
 * ERROR_ACCESS_DENIED (and tells desktop.c, for the inspector). A window
 * belongs to the thread that made it (user.h) and goes when that thread
 * or its process ends.
 *
 * Windows point at their parent, children and owned windows directly
 * (the lists below), unlike the rest of the table, which refers by
 * handle: a destroy unlinks the window from both lists it is in and
 * detaches its children and owned windows before they go, so no pointer
 * ever outlives its target. Those go by user_destroy_later, not by
 * recursion: owner chains have no depth limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desktop.h"
#include "errors.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"
#include "window.h"

#define ERR_TLW_WITH_WSCHILD 1406u
#define ERR_INVALID_INDEX 1413u
#define ERR_CHILD_WINDOW_MENU 1436u

#define WS_CHILD_ 0x40000000u
#define WS_POPUP_ 0x80000000u
#define WS_VISIBLE_ 0x10000000u
#define WS_MINIMIZE_ 0x20000000u
#define WS_CLIPSIBLINGS_ 0x04000000u
#define WS_EX_TOPMOST_ 0x00000008u
#define CW_USEDEFAULT_ ((int32_t)0x80000000)

/* GetWindowLong's indices (winuser.h). */
#define GWLP_WNDPROC_ (-4)
#define GWLP_HINSTANCE_ (-6)
#define GWLP_HWNDPARENT_ (-8)
#define GWLP_ID_ (-12)
#define GWL_STYLE_ (-16)
#define GWL_EXSTYLE_ (-20)
#define GWLP_USERDATA_ (-21)

/* SetWindowPos's flags. */
#define SWP_NOSIZE_ 0x0001u
#define SWP_NOMOVE_ 0x0002u
#define SWP_NOZORDER_ 0x0004u
#define SWP_SHOWWINDOW_ 0x0040u
#define SWP_HIDEWINDOW_ 0x0080u

static void detach_all(struct list_entry *list, int owned)
{
    while (!list_empty(list)) {
        struct list_entry *e = list->next;
        list_remove(e);
        list_init(e);
        struct window *w = owned ? LIST_ENTRY(e, struct window, owned_link)
                                 : LIST_ENTRY(e, struct window, sibling);
        if (owned)
            w->owner = NULL;
        else
            w->parent = NULL;
        user_destroy_later(w->hdr.handle);
    }
}

static void window_destroy(struct user_object *obj)
{
    struct window *w = (struct window *)obj;
    caret_window_destroyed(obj->handle);
    list_remove(&w->sibling);
    list_remove(&w->owned_link);
    detach_all(&w->owned, 1);
    detach_all(&w->children, 0);
    /* A top-level window's menu goes with it, as on Windows. */
    if (w->menu && !(w->style & WS_CHILD_)) {
        struct user_object *menu = user_get(w->menu, WH_USER_MENU);
        if (menu)
            user_destroy(menu);
    }
    free(w->class_name);
    free(w->text);
    free(w->extra);
    window_props_free(w);
    if (w->is_root)
        *desktop_root_slot(w->desk) = NULL;
    else
        desktop_release(w->desk); /* last: it may take the desktop along */
}

static void window_describe(struct user_object *obj, char *buf, uint32_t len)
{
    struct window *w = (struct window *)obj;
    /* A window off the default desktop says where it is. */
    const char *desk = desktop_name(w->desk);
    int shown = strcmp(desk, "Default") != 0;
    snprintf(buf, len, "%s%s%s%s \"%.*s\"", shown ? "[" : "", shown ? desk : "",
             shown ? "] " : "", w->class_name ? w->class_name : "?",
             (int)(w->text_len < 24 ? w->text_len : 24), w->text ? w->text : "");
}

static const struct user_ops window_ops = {
    .type = WH_USER_WINDOW,
    .name = "Window",
    .owner = USER_OWNER_THREAD,
    .rank = 0,
    .invalid_error = ERR_INVALID_WINDOW_HANDLE,
    .destroy = window_destroy,
    .describe = window_describe,
};

static const struct user_ops desktop_ops = {
    .type = WH_USER_WINDOW,
    .name = "Desktop",
    .owner = USER_OWNER_NONE,
    .rank = 0,
    .invalid_error = ERR_INVALID_WINDOW_HANDLE,
    .destroy = window_destroy,
    .describe = window_describe,
};

static void window_init(struct window *w)
{
    list_init(&w->sibling);
    list_init(&w->owned_link);
    list_init(&w->children);
    list_init(&w->owned);
}

/* The desktop window of the caller's desktop, made on first use. */
static struct window *get_desktop(struct request_ctx *ctx)
{
    struct desktop *desk = thread_desktop(ctx->thread, &ctx->error);
    if (!desk)
        return NULL;
    void **slot = desktop_root_slot(desk);
    if (*slot)
        return *slot;
    struct window *d = user_alloc(&desktop_ops, sizeof(*d), NULL, &ctx->error);
    if (!d)
        return NULL;
    window_init(d);
    d->desk = desk;
    d->is_root = 1;
    d->class_name = strdup("#32769");
    d->style = 0x96000000u; /* WS_POPUP | WS_VISIBLE | WS_CLIPSIBLINGS | WS_CLIPCHILDREN */
    d->cx = 1024;
    d->cy = 768;
    *slot = d;
    return d;
}

/* The window a handle names, a desktop window included, if the caller
 * may reach it; sets the error if not. */
static struct window *get_window(struct request_ctx *ctx, uint32_t handle)
{
    struct window *w = (struct window *)user_get(handle, WH_USER_WINDOW);
    if (!w) {
        ctx->error = ERR_INVALID_WINDOW_HANDLE;
        return NULL;
    }
    struct desktop *mine = thread_desktop(ctx->thread, &ctx->error);
    if (!mine)
        return NULL;
    if (w->desk != mine) {
        desktop_note_refusal(ctx, handle, w->desk);
        ctx->error = ERR_ACCESS_DENIED;
        return NULL;
    }
    return w;
}

uint32_t window_check_access(struct request_ctx *ctx, uint32_t handle)
{
    uint32_t saved = ctx->error, error;
    ctx->error = 0;
    get_window(ctx, handle);
    error = ctx->error;
    ctx->error = saved;
    return error;
}

/* A top-level window is one whose parent is the desktop window. */
static struct window *top_level_of(struct window *w)
{
    while (w->parent && !w->parent->is_root)
        w = w->parent;
    return w;
}

static int32_t screen_x(const struct window *w)
{
    int32_t x = 0;
    for (; w; w = w->parent)
        x += w->x;
    return x;
}

static int32_t screen_y(const struct window *w)
{
    int32_t y = 0;
    for (; w; w = w->parent)
        y += w->y;
    return y;
}

/* Where a window goes in its parent's z-order: after is HWND_TOP (0),
 * HWND_BOTTOM (1), HWND_TOPMOST/NOTOPMOST (treated as the top) or a
 * sibling. */
#define HWND_TOP_ 0u
#define HWND_BOTTOM_ 1u
#define HWND_TOPMOST_ 0xffffffffu   /* (HWND)-1 */
#define HWND_NOTOPMOST_ 0xfffffffeu /* (HWND)-2 */

static int is_topmost(const struct window *w)
{
    return (w->ex_style & WS_EX_TOPMOST_) != 0;
}

/* Where a band of parent's children starts: topmost windows come first,
 * then the others (SetWindowPos's HWND_TOPMOST). */
static struct list_entry *band_start(struct window *parent, int topmost)
{
    struct list_entry *e = parent->children.next;
    while (!topmost && e != &parent->children &&
           is_topmost(LIST_ENTRY(e, struct window, sibling)))
        e = e->next;
    return e;
}

/* Put w among parent's children: after a sibling, on top (HWND_TOP) or at
 * the bottom (HWND_BOTTOM) of its band. HWND_TOPMOST makes it topmost,
 * HWND_NOTOPMOST and HWND_BOTTOM ("the window loses its topmost status")
 * not. A window never leaves its band: after a sibling of the other band
 * it goes to the nearest end of its own. */
static void link_window(struct window *w, struct window *parent, uint32_t after)
{
    list_remove(&w->sibling);
    w->parent = parent;
    if (after == HWND_TOPMOST_)
        w->ex_style |= WS_EX_TOPMOST_;
    else if (after == HWND_NOTOPMOST_ || after == HWND_BOTTOM_)
        w->ex_style &= ~WS_EX_TOPMOST_;
    int topmost = is_topmost(w);
    struct list_entry *top = band_start(parent, topmost);
    struct list_entry *bottom = topmost ? band_start(parent, 0) : &parent->children;
    struct window *a = after > HWND_BOTTOM_ && after < HWND_NOTOPMOST_
                           ? (struct window *)user_get(after, WH_USER_WINDOW) : NULL;
    struct list_entry *pos = top;
    if (a && a->parent == parent && a != w)
        pos = is_topmost(a) == topmost ? a->sibling.next : topmost ? bottom : top;
    else if (after == HWND_BOTTOM_)
        pos = bottom;
    list_add_tail(pos, &w->sibling);
}

static uint32_t copy_string(char **dst, const char *src, uint32_t len)
{
    char *s = malloc(len + 1);
    if (!s)
        return ERR_NOT_ENOUGH_MEMORY;
    memcpy(s, src, len);
    s[len] = 0;
    free(*dst);
    *dst = s;
    return 0;
}

static void set_rect(struct window *w, int32_t x, int32_t y, int32_t cx, int32_t cy)
{
    w->x = x == CW_USEDEFAULT_ ? 0 : x;
    w->y = x == CW_USEDEFAULT_ ? 0 : y;
    w->cx = cx == CW_USEDEFAULT_ ? 0 : cx;
    w->cy = cx == CW_USEDEFAULT_ ? 0 : cy;
}

DECL_HANDLER(create_window)
{
    struct window *d = get_desktop(ctx), *parent = d, *owner = NULL;
    if (!d)
        return;
    if (req->class_len > ctx->data_len || req->class_len > 256 || !req->class_len ||
        req->extra > WH_MAX_WINDOW_EXTRA) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (req->style & WS_CHILD_) {
        if (!req->parent) {
            ctx->error = ERR_TLW_WITH_WSCHILD;
            return;
        }
        if (!(parent = get_window(ctx, req->parent)))
            return;
        if (parent->depth + 1 >= WH_MAX_WINDOW_DEPTH) {
            ctx->error = ERR_INVALID_PARAMETER;
            return;
        }
    } else if (req->owner) {
        struct window *o = get_window(ctx, req->owner);
        if (!o)
            return;
        if (o != d)
            owner = top_level_of(o);
    }
    if (!(req->style & WS_CHILD_) && req->id &&
        !user_get((uint32_t)req->id, WH_USER_MENU)) {
        ctx->error = ERR_INVALID_MENU_HANDLE;
        return;
    }
    struct window *w = user_alloc(&window_ops, sizeof(*w), ctx->thread, &ctx->error);
    if (!w)
        return;
    window_init(w);
    w->desk = desktop_grab(parent->desk);
    if (copy_string(&w->class_name, ctx->data, req->class_len) ||
        (req->extra && !(w->extra = calloc(1, req->extra)))) {
        user_destroy(&w->hdr);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    w->extra_len = req->extra;
    w->style = req->style & ~WS_VISIBLE_; /* visible once created: the library shows it */
    /* Only a top-level window is made topmost (Wine drops the bit from a
     * child; HWND_TOPMOST may set it later). */
    w->ex_style = req->style & WS_CHILD_ ? req->ex_style & ~WS_EX_TOPMOST_ : req->ex_style;
    w->class_atom = req->class_atom;
    w->wndproc = req->wndproc;
    w->instance = req->instance;
    if (req->style & WS_CHILD_)
        w->id = req->id;
    else
        w->menu = (uint32_t)req->id;
    w->depth = parent->depth + 1;
    set_rect(w, req->x, req->y, req->cx, req->cy);
    /* A new child goes below its siblings, a new top-level window above
     * the others (Wine's order: GW_CHILD is the first child made). */
    link_window(w, parent, (req->style & WS_CHILD_) ? 1 : 0);
    if (owner) {
        w->owner = owner;
        list_add_tail(&owner->owned, &w->owned_link);
    }
    reply->handle = w->hdr.handle;
    reply->owner = owner ? owner->hdr.handle : 0;
}

DECL_HANDLER(destroy_window)
{
    (void)reply;
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    if (w->is_root || w->hdr.owner_tid != ctx->thread->tid ||
        w->hdr.owner_pid != ctx->process->pid) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    user_destroy(&w->hdr);
}

DECL_HANDLER(get_window_info)
{
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    reply->wndproc = w->wndproc;
    reply->instance = w->instance;
    reply->id = w->id;
    reply->user_data = w->user_data;
    reply->parent = w->parent ? w->parent->hdr.handle : 0;
    reply->owner = w->owner ? w->owner->hdr.handle : 0;
    reply->style = w->style;
    reply->ex_style = w->ex_style;
    reply->left = screen_x(w);
    reply->top = screen_y(w);
    reply->right = reply->left + w->cx;
    reply->bottom = reply->top + w->cy;
    reply->owner_pid = w->hdr.owner_pid;
    reply->owner_tid = w->hdr.owner_tid;
    reply->text_len = w->text_len;
    reply->menu = w->menu;
    reply->class_atom = w->class_atom;
    reply->extra = w->extra_len;
    uint32_t len = w->class_name ? (uint32_t)strlen(w->class_name) : 0;
    char *out = reply_append(ctx, len);
    if (out)
        memcpy(out, w->class_name, len);
}

/* The field a negative index names, or NULL. */
static uint64_t *long_field(struct window *w, int32_t index, uint64_t *scratch)
{
    switch (index) {
    case GWLP_WNDPROC_: return &w->wndproc;
    case GWLP_HINSTANCE_: return &w->instance;
    case GWLP_ID_: return &w->id;
    case GWLP_USERDATA_: return &w->user_data;
    case GWL_STYLE_: *scratch = w->style; return scratch;
    case GWL_EXSTYLE_: *scratch = w->ex_style; return scratch;
    case GWLP_HWNDPARENT_:
        *scratch = w->parent && !w->parent->is_root ? w->parent->hdr.handle
                   : w->owner ? w->owner->hdr.handle : 0;
        return scratch;
    default: return NULL;
    }
}

/* SetWindowLongA(GWL_STYLE) cannot take WS_CLIPSIBLINGS from a top-level
 * window nor WS_MINIMIZE from a minimized one: Microsoft does not say,
 * and this is Wine's rule. */
static uint32_t new_style(const struct window *w, uint32_t style)
{
    if (!w->parent || w->parent->is_root)
        style |= WS_CLIPSIBLINGS_;
    return style | (w->style & WS_MINIMIZE_);
}

static uint32_t set_long(struct request_ctx *ctx, struct window *w, int32_t index, uint64_t v)
{
    if (index == GWLP_WNDPROC_ && w->hdr.owner_pid != ctx->process->pid)
        return ERR_ACCESS_DENIED; /* the procedure is an address of its process */
    if (index == GWLP_HWNDPARENT_)
        return ERR_INVALID_INDEX; /* changing the owner is not built */
    switch (index) {
    case GWL_STYLE_: w->style = new_style(w, (uint32_t)v); break;
    case GWL_EXSTYLE_:
        /* "To add or remove this style, use the SetWindowPos function." */
        w->ex_style = ((uint32_t)v & ~WS_EX_TOPMOST_) | (w->ex_style & WS_EX_TOPMOST_);
        break;
    case GWLP_WNDPROC_: w->wndproc = v; break;
    case GWLP_HINSTANCE_: w->instance = v; break;
    case GWLP_ID_: w->id = v; break;
    case GWLP_USERDATA_: w->user_data = v; break;
    }
    return 0;
}

DECL_HANDLER(window_long)
{
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    if (req->size != 4 && req->size != 8) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    /* The desktop window is every process's: nobody changes it (Wine's
     * answer). */
    if (req->set && w->is_root) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    if (req->index >= 0) {
        if ((uint64_t)(uint32_t)req->index + req->size > w->extra_len) {
            ctx->error = ERR_INVALID_INDEX;
            return;
        }
        unsigned char *p = w->extra + req->index;
        uint64_t old = 0;
        memcpy(&old, p, req->size); /* little-endian: the low bytes */
        reply->old = old;
        if (req->set)
            memcpy(p, &req->value, req->size);
        return;
    }
    uint64_t scratch, *field = long_field(w, req->index, &scratch);
    if (!field) {
        ctx->error = ERR_INVALID_INDEX;
        return;
    }
    reply->old = *field;
    if (req->set)
        ctx->error = set_long(ctx, w, req->index, req->value);
}

DECL_HANDLER(set_window_text)
{
    (void)reply;
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    if (req->len > ctx->data_len || req->len > WH_MAX_WINDOW_TEXT) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (!(ctx->error = copy_string(&w->text, ctx->data, req->len)))
        w->text_len = req->len;
}

DECL_HANDLER(get_window_text)
{
    if (req->item > 1 || req->reserved) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct window *w = req->item ? dialog_item(ctx, req->handle, req->item_id)
                                 : get_window(ctx, req->handle);
    if (!w)
        return;
    reply->handle = w->hdr.handle;
    reply->len = w->text_len;
    reply->wndproc = w->wndproc;
    reply->owner_pid = w->hdr.owner_pid;
    reply->owner_tid = w->hdr.owner_tid;
    uint32_t n = w->text_len < req->max ? w->text_len : req->max;
    char *out = n ? reply_append(ctx, n) : NULL;
    if (out)
        memcpy(out, w->text, n);
}

uint32_t window_set_pos(uint32_t handle, uint32_t after, int32_t x, int32_t y, int32_t cx,
                        int32_t cy, uint32_t flags)
{
    struct window *w = (struct window *)user_get(handle, WH_USER_WINDOW);
    if (!w)
        return ERR_INVALID_WINDOW_HANDLE;
    if (w->is_root)
        return ERR_ACCESS_DENIED;
    /* hWndInsertAfter names a window, or is one of the four HWND_ values. */
    if (!(flags & SWP_NOZORDER_) && after > HWND_BOTTOM_ && after < HWND_NOTOPMOST_ &&
        !user_get(after, WH_USER_WINDOW))
        return ERR_INVALID_WINDOW_HANDLE;
    if (!(flags & SWP_NOMOVE_)) {
        w->x = x;
        w->y = y;
    }
    if (!(flags & SWP_NOSIZE_)) {
        w->cx = cx < 0 ? 0 : cx;
        w->cy = cy < 0 ? 0 : cy;
    }
    if (!(flags & SWP_NOZORDER_) && w->parent)
        link_window(w, w->parent, after);
    if (flags & SWP_SHOWWINDOW_)
        w->style |= WS_VISIBLE_;
    else if (flags & SWP_HIDEWINDOW_)
        w->style &= ~WS_VISIBLE_;
    return 0;
}

DECL_HANDLER(set_window_pos)
{
    (void)reply;
    if (!get_window(ctx, req->handle))
        return;
    ctx->error = window_set_pos(req->handle, req->after, req->x, req->y, req->cx, req->cy,
                                req->flags);
}

static struct window *sibling_at(struct window *w, struct list_entry *e)
{
    if (!w->parent || e == &w->parent->children)
        return NULL;
    return LIST_ENTRY(e, struct window, sibling);
}

static struct window *relative(struct window *w, uint32_t cmd, int *bad)
{
    struct list_entry *kids = w->parent ? &w->parent->children : NULL;
    switch (cmd) {
    case 0: /* GW_HWNDFIRST */
        return kids && !list_empty(kids) ? sibling_at(w, kids->next) : NULL;
    case 1: /* GW_HWNDLAST */
        return kids && !list_empty(kids) ? sibling_at(w, kids->prev) : NULL;
    case 2: return sibling_at(w, w->sibling.next); /* GW_HWNDNEXT */
    case 3: return sibling_at(w, w->sibling.prev); /* GW_HWNDPREV */
    case 4: return w->owner;                       /* GW_OWNER */
    case 5: /* GW_CHILD */
        return list_empty(&w->children) ? NULL
                                        : LIST_ENTRY(w->children.next, struct window, sibling);
    case 6: return NULL; /* GW_ENABLEDPOPUP: no popups are enabled or shown */
    case WH_ANCESTOR_CMD + 1: return w->parent; /* GA_PARENT */
    case WH_ANCESTOR_CMD + 2: /* GA_ROOT */
        return w->is_root ? NULL : top_level_of(w);
    case WH_ANCESTOR_CMD + 3: { /* GA_ROOTOWNER */
        if (w->is_root)
            return NULL;
        struct window *r = top_level_of(w);
        while (r->owner)
            r = r->owner;
        return r;
    }
    }
    *bad = 1;
    return NULL;
}

DECL_HANDLER(get_window_relative)
{
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    int bad = 0;
    struct window *r = relative(w, req->cmd, &bad);
    if (bad)
        ctx->error = ERR_INVALID_PARAMETER;
    reply->result = r ? r->hdr.handle : 0;
}

static int append_handle(struct request_ctx *ctx, struct window *w, uint32_t *count)
{
    uint32_t *out = reply_append(ctx, sizeof(*out));
    if (!out)
        return 0;
    *out = w->hdr.handle;
    (*count)++;
    return 1;
}

/* The window after x in a walk of root's subtree, parents before
 * children, siblings in z-order; NULL at the end. Iterative: the walk
 * needs no stack. */
static struct window *next_preorder(struct window *x, struct window *root)
{
    if (!list_empty(&x->children))
        return LIST_ENTRY(x->children.next, struct window, sibling);
    while (x != root && !sibling_at(x, x->sibling.next))
        x = x->parent;
    return x == root ? NULL : sibling_at(x, x->sibling.next);
}

static void list_descendants(struct request_ctx *ctx, struct window *root, uint32_t *count)
{
    for (struct window *w = root; w; w = next_preorder(w, root))
        if (!append_handle(ctx, w, count))
            return;
}

static struct window *first_leaf(struct window *w)
{
    while (!list_empty(&w->children))
        w = LIST_ENTRY(w->children.next, struct window, sibling);
    return w;
}

/* Children before parents, siblings in z-order: WM_NCDESTROY's order. */
static void list_postorder(struct request_ctx *ctx, struct window *root, uint32_t *count)
{
    struct window *w = first_leaf(root);
    while (append_handle(ctx, w, count) && w != root) {
        struct window *next = sibling_at(w, w->sibling.next);
        w = next ? first_leaf(next) : w->parent;
    }
}

DECL_HANDLER(list_windows)
{
    struct window *w = req->handle ? get_window(ctx, req->handle) : get_desktop(ctx);
    if (!w)
        return;
    struct list_entry *e, *list = req->kind == WH_LIST_OWNED ? &w->owned : &w->children;
    switch (req->kind) {
    case WH_LIST_CHILDREN:
    case WH_LIST_OWNED:
        LIST_FOR_EACH(e, list) {
            struct window *c = req->kind == WH_LIST_OWNED
                                   ? LIST_ENTRY(e, struct window, owned_link)
                                   : LIST_ENTRY(e, struct window, sibling);
            if (!append_handle(ctx, c, &reply->count))
                return;
        }
        break;
    case WH_LIST_DESCENDANTS:
        list_descendants(ctx, w, &reply->count);
        break;
    case WH_LIST_POSTORDER:
        list_postorder(ctx, w, &reply->count);
        break;
    default:
        ctx->error = ERR_INVALID_PARAMETER;
    }
}

DECL_HANDLER(set_window_menu)
{
    (void)reply;
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    if (w->style & WS_CHILD_) {
        ctx->error = ERR_CHILD_WINDOW_MENU;
        return;
    }
    if (req->menu && !user_get(req->menu, WH_USER_MENU)) {
        ctx->error = ERR_INVALID_MENU_HANDLE;
        return;
    }
    w->menu = req->menu;
}

/* The deepest level below w (w's own depth if it has no children). */
static uint32_t subtree_depth(struct window *w)
{
    uint32_t deepest = w->depth;
    for (struct window *x = w; x; x = next_preorder(x, w))
        if (x->depth > deepest)
            deepest = x->depth;
    return deepest;
}

/* Shift the depth of w and everything below it by delta. */
static void shift_depths(struct window *w, int32_t delta)
{
    for (struct window *x = w; x; x = next_preorder(x, w))
        x->depth = (uint32_t)((int32_t)x->depth + delta);
}

DECL_HANDLER(set_parent)
{
    struct window *w = get_window(ctx, req->handle);
    if (!w)
        return;
    if (w->is_root) {
        ctx->error = USER_KEEP_FAIL; /* Wine: NULL, the last error left alone */
        return;
    }
    struct window *p = req->parent ? get_window(ctx, req->parent) : get_desktop(ctx);
    if (!p)
        return;
    /* A window cannot go below itself; nor past the nesting limit. */
    for (struct window *x = p; x; x = x->parent) {
        if (x == w) {
            ctx->error = ERR_INVALID_PARAMETER;
            return;
        }
    }
    int32_t delta = (int32_t)(p->depth + 1) - (int32_t)w->depth;
    if ((int64_t)subtree_depth(w) + delta >= WH_MAX_WINDOW_DEPTH) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    reply->old = w->parent ? w->parent->hdr.handle : 0;
    link_window(w, p, 0);
    shift_depths(w, delta);
}

DECL_HANDLER(get_desktop_window)
{
    (void)req;
    struct window *d = get_desktop(ctx);
    if (d)
        reply->handle = d->hdr.handle;
}

struct window *window_get(struct request_ctx *ctx, uint32_t handle)
{
    return get_window(ctx, handle);
}

struct window *window_get_desktop(struct request_ctx *ctx)
{
    return get_desktop(ctx);
}
