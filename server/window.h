/*
 * A window as the server keeps it, for the files that work on windows
 * besides window.c (the tree's own file): window_find.c (FindWindowExA,
 * EnumThreadWindows), window_prop.c (properties) and window_state.c
 * (visibility and enabling). They read the tree; only window.c links and
 * unlinks windows.
 */
#ifndef WINHANDLED_WINDOW_H
#define WINHANDLED_WINDOW_H

#include <stdint.h>

#include "list.h"
#include "request.h"
#include "user.h"

struct desktop;
struct window_prop;

struct window {
    struct user_object hdr;
    struct window *parent;       /* NULL: the desktop, or detached */
    struct window *owner;        /* a top-level window, or NULL */
    struct list_entry sibling;   /* in parent->children */
    struct list_entry owned_link; /* in owner->owned */
    struct list_entry children;  /* z-order, top first */
    struct list_entry owned;
    struct desktop *desk;        /* a reference, except the root's own */
    int is_root;                 /* the desktop window */
    uint32_t style, ex_style, class_atom, menu, depth;
    uint64_t wndproc, instance, id, user_data;
    int32_t x, y, cx, cy;        /* in the parent's client coordinates */
    char *class_name, *text;
    uint32_t text_len, extra_len;
    unsigned char *extra;
    struct window_prop *props;   /* window_prop.c's, in the order set */
    uint32_t prop_count, prop_cap;
};

/* The window a handle names, a desktop window included, if the caller
 * may reach it (on the caller's desktop); NULL with ctx->error if not. */
struct window *window_get(struct request_ctx *ctx, uint32_t handle);

/* The desktop window of the caller's desktop, made on first use. */
struct window *window_get_desktop(struct request_ctx *ctx);
/* The child of window dialog whose id is id (GetDlgItem's search), or
 * NULL with ctx->error set (ERROR_CONTROL_ID_NOT_FOUND when there is none). */
struct window *dialog_item(struct request_ctx *ctx, uint32_t dialog, uint64_t id);

/* Free a window's properties (its destroy op calls this). */
void window_props_free(struct window *w);

#endif
