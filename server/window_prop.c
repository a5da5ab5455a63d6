/*
 * Window properties (SetPropA, GetPropA, RemovePropA, EnumPropsA): a
 * small list of (name or atom, value) on each window, kept here with the
 * window so that a property set in one process is read in another, as a
 * window handle is. Windows turns a property's name into a global atom;
 * winhandle has no atom table, so a name is kept as a string and found
 * case blind, which is how atoms compare. An array in the order set:
 * EnumPropsA lists them that way (Wine's order), and a window has few.
 * Bounded (WH_MAX_WINDOW_PROPS, WH_MAX_PROP_NAME); they go with the window.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errors.h"
#include "grow.h"
#include "window.h"

struct window_prop {
    uint64_t value;
    uint32_t atom;  /* 0 for a named property */
    uint32_t name_len;
    char *name;     /* NULL for an atom */
};

void window_props_free(struct window *w)
{
    for (uint32_t i = 0; i < w->prop_count; i++)
        free(w->props[i].name);
    free(w->props);
    w->props = NULL;
    w->prop_count = w->prop_cap = 0;
}

/* A request's key: an atom, or a name of name_len bytes in the data.
 * 0 if the request is well formed. */
static uint32_t check_key(struct request_ctx *ctx, uint32_t atom, uint32_t name_len)
{
    if (name_len > ctx->data_len || name_len > WH_MAX_PROP_NAME || atom > 0xffffu ||
        (atom && name_len) || memchr(ctx->data, 0, name_len))
        return ERR_INVALID_PARAMETER;
    return 0;
}

/* The index of the property with this key, or -1. */
static int find_prop(const struct window *w, uint32_t atom, const char *name, uint32_t len)
{
    for (uint32_t i = 0; i < w->prop_count; i++) {
        const struct window_prop *p = &w->props[i];
        if (len ? p->name && p->name_len == len && !strncasecmp(p->name, name, len)
                : !p->name && p->atom == atom)
            return (int)i;
    }
    return -1;
}

static uint32_t add_prop(struct window *w, uint32_t atom, const char *name, uint32_t len,
                         uint64_t value)
{
    if (w->prop_count == WH_MAX_WINDOW_PROPS)
        return ERR_NOT_ENOUGH_MEMORY;
    struct window_prop *props = grow_array(w->props, w->prop_count, &w->prop_cap,
                                           sizeof(*w->props), 4);
    if (!props)
        return ERR_NOT_ENOUGH_MEMORY;
    w->props = props;
    struct window_prop p = { .value = value, .atom = atom, .name_len = len };
    if (len) {
        if (!(p.name = malloc(len + 1)))
            return ERR_NOT_ENOUGH_MEMORY;
        memcpy(p.name, name, len);
        p.name[len] = 0;
    }
    w->props[w->prop_count++] = p;
    return 0;
}

DECL_HANDLER(set_window_prop)
{
    (void)reply;
    struct window *w = window_get(ctx, req->handle);
    if (!w || (ctx->error = check_key(ctx, req->atom, req->name_len)))
        return;
    if (!req->atom && !req->name_len)
        return; /* names nothing: accepted, nothing kept (Wine) */
    int i = find_prop(w, req->atom, ctx->data, req->name_len);
    if (i >= 0)
        w->props[i].value = req->value;
    else
        ctx->error = add_prop(w, req->atom, ctx->data, req->name_len, req->value);
}

DECL_HANDLER(get_window_prop)
{
    struct window *w = window_get(ctx, req->handle);
    if (!w || (ctx->error = check_key(ctx, req->atom, req->name_len)))
        return;
    if (req->remove > 1) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    int i = (req->atom || req->name_len) ? find_prop(w, req->atom, ctx->data, req->name_len)
                                          : -1;
    if (i < 0)
        return;
    reply->value = w->props[i].value;
    reply->found = 1;
    if (req->remove) {
        free(w->props[i].name);
        memmove(&w->props[i], &w->props[i + 1],
                (w->prop_count - (uint32_t)i - 1) * sizeof(w->props[0]));
        w->prop_count--;
    }
}

DECL_HANDLER(list_window_props)
{
    struct window *w = window_get(ctx, req->handle);
    if (!w)
        return;
    reply->record_size = sizeof(struct wh_prop_record);
    for (uint32_t i = 0; i < w->prop_count; i++) {
        const struct window_prop *p = &w->props[i];
        uint32_t padded = (p->name_len + 7u) & ~7u;
        char *out = reply_append(ctx, sizeof(struct wh_prop_record) + padded);
        if (!out)
            return;
        struct wh_prop_record r = { .value = p->value, .atom = p->atom,
                                    .name_len = p->name_len };
        memcpy(out, &r, sizeof(r));
        memset(out + sizeof(r), 0, padded);
        if (p->name_len)
            memcpy(out + sizeof(r), p->name, p->name_len);
        reply->count++;
    }
}
