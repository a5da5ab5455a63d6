/*
 * Finding windows: FindWindowExA's search and EnumThreadWindows' list,
 * done here in one request rather than by the library fetching each
 * window's class and title (a round trip apiece). Only direct children
 * of one parent are searched, in z-order, as Windows does; a class or a
 * title compares case blind (FindWindowExA's documentation: "does not
 * perform a case-sensitive search"), a title exactly otherwise.
 */
#include <string.h>
#include <strings.h>

#include "errors.h"
#include "process.h"
#include "thread.h"
#include "window.h"

struct find_spec {
    uint32_t tid, flags;
    const char *class_name, *title;
    uint32_t class_len, title_len;
};

static int same_text(const char *a, uint32_t a_len, const char *b, uint32_t b_len)
{
    return a_len == b_len && (!a_len || strncasecmp(a, b, a_len) == 0);
}

static int matches(const struct window *w, const struct find_spec *spec)
{
    if (spec->tid && w->hdr.owner_tid != spec->tid)
        return 0;
    if ((spec->flags & WH_FIND_CLASS) &&
        !same_text(w->class_name, w->class_name ? (uint32_t)strlen(w->class_name) : 0,
                   spec->class_name, spec->class_len))
        return 0;
    if ((spec->flags & WH_FIND_TITLE) &&
        !same_text(w->text, w->text_len, spec->title, spec->title_len))
        return 0;
    return 1;
}

/* Where the search starts: the first child, or the one after `after`;
 * NULL (nothing to find) when after is no child of parent. */
static struct list_entry *search_start(struct window *parent, uint32_t after)
{
    if (!after)
        return parent->children.next;
    struct user_object *obj = user_get(after, WH_USER_WINDOW);
    struct window *a = (struct window *)obj;
    if (!a || a->parent != parent)
        return NULL;
    return a->sibling.next;
}

DECL_HANDLER(find_windows)
{
    struct find_spec spec = {
        .tid = req->tid, .flags = req->flags,
        .class_name = ctx->data, .class_len = req->class_len,
        .title = ctx->data + req->class_len, .title_len = req->title_len,
    };
    if ((uint64_t)req->class_len + req->title_len > ctx->data_len ||
        req->class_len > 256 || req->title_len > WH_MAX_FIND_TITLE ||
        (req->flags & ~(WH_FIND_CLASS | WH_FIND_TITLE | WH_FIND_FIRST))) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct window *parent = req->parent ? window_get(ctx, req->parent)
                                        : window_get_desktop(ctx);
    if (!parent)
        return;
    struct list_entry *e = search_start(parent, req->after);
    for (; e && e != &parent->children; e = e->next) {
        struct window *w = LIST_ENTRY(e, struct window, sibling);
        if (!matches(w, &spec))
            continue;
        uint32_t *out = reply_append(ctx, sizeof(*out));
        if (!out)
            return;
        *out = w->hdr.handle;
        reply->count++;
        if (req->flags & WH_FIND_FIRST)
            return;
    }
}

struct class_search {
    uint32_t atom;
    uint32_t found;
};

static void count_class_window(struct user_object *obj, void *arg)
{
    struct class_search *search = arg;
    if (obj->ops->type == WH_USER_WINDOW && !obj->destroying &&
        ((struct window *)obj)->class_atom == search->atom)
        search->found = 1;
}

/* UnregisterClassA refuses a class that still has windows. A class atom
 * names a class within one process only, so only the caller's process's
 * windows (owned by its threads) are looked at. */
DECL_HANDLER(class_has_windows)
{
    struct class_search search = { .atom = req->atom };
    if (!ctx->process) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    struct list_entry *e;
    LIST_FOR_EACH(e, &ctx->process->threads) {
        user_for_each_owned(LIST_ENTRY(e, struct thread, process_link), count_class_window,
                            &search);
        if (search.found)
            break;
    }
    reply->found = search.found;
}
