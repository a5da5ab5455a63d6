/*
 * Desktops and the window station. The session has one window station,
 * "WinSta0", as an interactive Windows logon has; it holds the desktop
 * "Default" and the desktops CreateDesktopA makes. As on Windows both are
 * kernel objects reached through handles of the process's table
 * (DuplicateHandle works on them, their values are multiples of 4), with
 * a namespace of their own: desktop names are case-insensitive and
 * belong to the window station, not to \BaseNamedObjects.
 *
 * Each thread is on one desktop (desktop.h says how it is chosen), and
 * that is what the windows' access check compares: window.c refuses a
 * window on another desktop with ERROR_ACCESS_DENIED and reports the
 * refusal here, where the inspector reads the last few.
 *
 * Each process keeps one handle per desktop its threads asked about
 * (GetThreadDesktop) and one to its window station, made on first ask.
 * Those cannot be closed with CloseDesktop or CloseWindowStation
 * (ERROR_BUSY and ERROR_ACCESS_DENIED, Wine's answers, which Windows
 * gives too); handles from OpenDesktopA, CreateDesktopA and
 * OpenWindowStationA close normally.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "desktop.h"
#include "errors.h"
#include "grow.h"
#include "handle.h"
#include "loop.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

#define ERR_BUSY 170u

struct desktop {
    struct object obj;
    struct list_entry link;  /* in the station's desktops */
    void *root;              /* its desktop window (window.c), or NULL */
    char name[WH_MAX_DESKTOP_NAME + 1];
};

static void desktop_destroy(struct object *obj);

/* Windows' access rights: DESKTOP_* 0x1ff, WINSTA_ALL_ACCESS 0x37f. */
static const struct generic_mapping desktop_mapping = {
    .read = STANDARD_RIGHTS_READ_ | 0x0041u,
    .write = STANDARD_RIGHTS_READ_ | 0x00beu,
    .execute = STANDARD_RIGHTS_READ_ | 0x0100u,
    .all = STANDARD_RIGHTS_ALL_ | 0x01ffu,
};
static const struct generic_mapping winsta_mapping = {
    .read = STANDARD_RIGHTS_READ_ | 0x0303u,
    .write = STANDARD_RIGHTS_READ_ | 0x001cu,
    .execute = STANDARD_RIGHTS_READ_ | 0x0060u,
    .all = STANDARD_RIGHTS_ALL_ | 0x037fu,
};

static const struct object_ops desktop_ops = {
    .type_name = "Desktop",
    .type = WH_TYPE_DESKTOP,
    .mapping = &desktop_mapping,
    .destroy = desktop_destroy,
};
static const struct object_ops winsta_ops = {
    .type_name = "WindowStation",
    .type = WH_TYPE_WINSTA,
    .mapping = &winsta_mapping,
};

static const char station_name[] = "WinSta0";
static struct list_entry desktops = LIST_INIT(desktops);
/* The session's two permanent objects, made on first use; these
 * references are never released. */
static struct desktop *default_desktop;
static struct object *station;

static void desktop_destroy(struct object *obj)
{
    struct desktop *d = (struct desktop *)obj;
    list_remove(&d->link);
    /* Nothing is on it any more (every window holds a reference), so its
     * desktop window has no children left to take along. */
    if (d->root)
        user_destroy((struct user_object *)d->root);
}

const char *desktop_name(const struct desktop *desk)
{
    return desk->name;
}

void **desktop_root_slot(struct desktop *desk)
{
    return &desk->root;
}

struct desktop *desktop_grab(struct desktop *desk)
{
    return (struct desktop *)grab_object(&desk->obj);
}

void desktop_release(struct desktop *desk)
{
    if (desk)
        release_object(&desk->obj);
}

/* A desktop name: 1..WH_MAX_DESKTOP_NAME bytes, no backslash (Wine:
 * ERROR_BAD_PATHNAME), no NUL. */
static uint32_t check_name(const char *name, uint32_t len)
{
    if (!len)
        return ERR_INVALID_HANDLE; /* Wine's answer for "" and NULL */
    if (len > WH_MAX_DESKTOP_NAME || memchr(name, 0, len))
        return ERR_INVALID_PARAMETER;
    if (memchr(name, '\\', len))
        return ERR_BAD_PATHNAME;
    return 0;
}

static struct desktop *find_desktop(const char *name, uint32_t len)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &desktops) {
        struct desktop *d = LIST_ENTRY(e, struct desktop, link);
        if (strlen(d->name) == len && !strncasecmp(d->name, name, len))
            return d;
    }
    return NULL;
}

/* The desktop of that name with a new reference, made if asked; NULL and
 * *error otherwise. */
static struct desktop *get_desktop_by_name(const char *name, uint32_t len, int create,
                                           uint32_t *error)
{
    struct desktop *d = find_desktop(name, len);
    if (d)
        return desktop_grab(d);
    if (!create) {
        *error = ERR_FILE_NOT_FOUND;
        return NULL;
    }
    if ((*error = check_name(name, len)))
        return NULL;
    if (!(d = alloc_object(&desktop_ops, sizeof(*d)))) {
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    memcpy(d->name, name, len);
    d->name[len] = 0;
    list_add_tail(&desktops, &d->link);
    return d;
}

static struct desktop *get_default(uint32_t *error)
{
    if (!default_desktop)
        default_desktop = get_desktop_by_name("Default", 7, 1, error);
    return default_desktop;
}

static struct object *get_station_object(uint32_t *error)
{
    if (!station && !(station = alloc_object(&winsta_ops, sizeof(struct object))))
        *error = ERR_NOT_ENOUGH_MEMORY;
    return station;
}

struct desktop *thread_desktop(struct thread *thread, uint32_t *error)
{
    if (thread->desktop)
        return thread->desktop;
    struct desktop *d = thread->process->desktop;
    if (!d && !(d = get_default(error)))
        return NULL;
    return thread->desktop = desktop_grab(d);
}

uint32_t process_set_start_desktop(struct process *child, struct thread *creator,
                                   const char *name, uint32_t len)
{
    uint32_t error = 0;
    struct desktop *d;
    /* "WinSta0\Name" or "Name"; the only station is WinSta0. */
    const char *slash = len ? memchr(name, '\\', len) : NULL;
    if (slash) {
        uint32_t station_len = (uint32_t)(slash - name);
        if (station_len != sizeof(station_name) - 1 ||
            strncasecmp(name, station_name, station_len))
            return ERR_FILE_NOT_FOUND;
        len -= station_len + 1;
        name = slash + 1;
    }
    if (len)
        d = get_desktop_by_name(name, len, 1, &error);
    else if ((d = thread_desktop(creator, &error)))
        desktop_grab(d);
    if (!d)
        return error;
    desktop_release(child->desktop);
    child->desktop = d;
    return 0;
}

void desktop_thread_gone(struct thread *thread)
{
    desktop_release(thread->desktop);
    thread->desktop = NULL;
}

void desktop_process_gone(struct process *process)
{
    desktop_release(process->desktop);
    process->desktop = NULL;
}

/* ---- the handles a process keeps ----
 *
 * A small list holding a reference to each process that ever asked; an
 * entry goes (and its references) once its process has ended, tidied on
 * the next look-up. Per process: its window station handle, and one
 * handle per desktop asked about, in a small array (a process's threads
 * are on very few desktops). */
struct kept_desktop {
    struct desktop *desk;
    uint32_t handle;
};

struct kept {
    struct process *process;
    uint32_t station_handle;
    uint32_t count, cap;
    struct kept_desktop *desks;
    struct kept *next;
};

static struct kept *kept_list;

static void free_kept(struct kept *k)
{
    for (uint32_t i = 0; i < k->count; i++)
        desktop_release(k->desks[i].desk);
    free(k->desks);
    release_object(&k->process->obj);
    free(k);
}

static struct kept *find_kept(struct process *p, int create)
{
    struct kept **pp = &kept_list;
    while (*pp) {
        struct kept *k = *pp;
        if (k->process == p)
            return k;
        if (!k->process->alive) {
            *pp = k->next;
            free_kept(k);
            continue;
        }
        pp = &k->next;
    }
    if (!create)
        return NULL;
    struct kept *k = calloc(1, sizeof(*k));
    if (k) {
        k->process = (struct process *)grab_object(&p->obj);
        k->next = kept_list;
        kept_list = k;
    }
    return k;
}

/* The slot of desk in k, added if asked; NULL when out of memory. */
static uint32_t *kept_desktop_slot(struct kept *k, struct desktop *desk, int add)
{
    for (uint32_t i = 0; i < k->count; i++)
        if (k->desks[i].desk == desk)
            return &k->desks[i].handle;
    if (!add)
        return NULL;
    struct kept_desktop *desks = grow_array(k->desks, k->count, &k->cap, sizeof(*desks), 4);
    if (!desks)
        return NULL;
    k->desks = desks;
    k->desks[k->count] = (struct kept_desktop){ desktop_grab(desk), 0 };
    return &k->desks[k->count++].handle;
}

/* Is h (still) one of p's kept handles? */
static int is_kept(struct process *p, uint32_t h)
{
    struct kept *k = find_kept(p, 0);
    struct handle_entry *e = handle_lookup(&p->handles, h);
    if (!k || !e)
        return 0;
    if (e->obj == station)
        return k->station_handle && (k->station_handle & ~3u) == (h & ~3u);
    if (e->obj->ops != &desktop_ops)
        return 0;
    uint32_t *slot = kept_desktop_slot(k, (struct desktop *)e->obj, 0);
    return slot && *slot && (*slot & ~3u) == (h & ~3u);
}

/* *slot names obj in p's table still (the handle may have been closed
 * with CloseHandle, which Windows allows, and its value reused). */
static int slot_valid(struct process *p, uint32_t slot, struct object *obj)
{
    struct handle_entry *e = slot ? handle_lookup(&p->handles, slot) : NULL;
    return e && e->obj == obj;
}

DECL_HANDLER(get_station)
{
    struct object *obj = NULL;
    uint32_t *slot = NULL;
    struct kept *k = NULL;
    if (req->kind == WH_TYPE_DESKTOP) {
        struct thread *t = find_thread(req->tid);
        struct desktop *d = t ? thread_desktop(t, &ctx->error) : NULL;
        if (!t)
            ctx->error = ERR_INVALID_PARAMETER;
        if (!d || !(k = find_kept(ctx->process, 1)) || !(slot = kept_desktop_slot(k, d, 1))) {
            if (!ctx->error)
                ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return;
        }
        obj = &d->obj;
    } else if (req->kind == WH_TYPE_WINSTA) {
        if (!(obj = get_station_object(&ctx->error)))
            return;
        if (!(k = find_kept(ctx->process, 1))) {
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return;
        }
        slot = &k->station_handle;
    } else {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (!slot_valid(ctx->process, *slot, obj))
        *slot = alloc_handle_for(ctx, obj, GENERIC_ALL_, 0);
    reply->handle = *slot;
}

static void give_handle(struct request_ctx *ctx, struct object *obj, uint32_t access,
                        uint32_t inherit, uint32_t *out)
{
    *out = alloc_handle_for(ctx, obj, access, inherit);
    if (*out)
        handle_lookup(&ctx->process->handles, *out)->origin = WH_ORIGIN_OPENED;
}

/* OpenDesktopA's and CreateDesktopA's common end: the desktop the
 * request's data names (made when create and missing), as a new handle. */
static void give_desktop(struct request_ctx *ctx, uint32_t name_len, int create,
                         uint32_t access, uint32_t inherit, uint32_t *handle)
{
    if (!get_default(&ctx->error))
        return;
    struct desktop *d = get_desktop_by_name(ctx->data, name_len, create, &ctx->error);
    if (d) {
        give_handle(ctx, &d->obj, access, inherit, handle);
        desktop_release(d);
    }
}

DECL_HANDLER(open_station)
{
    if (req->name_len != ctx->data_len ||
        (req->kind != WH_TYPE_DESKTOP && req->kind != WH_TYPE_WINSTA)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (req->kind == WH_TYPE_WINSTA) {
        /* Names of this namespace are case-insensitive, as on Windows. */
        struct object *obj;
        if (req->name_len != sizeof(station_name) - 1 ||
            strncasecmp(ctx->data, station_name, req->name_len))
            ctx->error = ERR_FILE_NOT_FOUND;
        else if ((obj = get_station_object(&ctx->error)))
            give_handle(ctx, obj, req->access, req->inherit, &reply->handle);
        return;
    }
    give_desktop(ctx, req->name_len, 0, req->access, req->inherit, &reply->handle);
}

DECL_HANDLER(create_desktop)
{
    if (req->name_len != ctx->data_len || req->reserved) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    give_desktop(ctx, req->name_len, 1, req->access, req->inherit, &reply->handle);
}

DECL_HANDLER(close_station)
{
    (void)reply;
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    int is_station = e && e->obj == station;
    int is_desktop = e && e->obj->ops == &desktop_ops;
    if (!e || (req->kind == WH_TYPE_WINSTA ? !is_station
               : req->kind == WH_TYPE_DESKTOP ? !is_desktop : 1)) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    if (is_kept(ctx->process, req->handle)) {
        ctx->error = is_station ? ERR_ACCESS_DENIED : ERR_BUSY;
        return;
    }
    ctx->error = handle_close(&ctx->process->handles, req->handle);
}

DECL_HANDLER(station_info)
{
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (!e || (e->obj != station && e->obj->ops != &desktop_ops)) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    reply->kind = e->obj->ops->type;
    reply->inherit = (e->flags & HANDLE_FLAG_INHERIT_) != 0;
    const char *name = e->obj == station ? station_name : ((struct desktop *)e->obj)->name;
    uint32_t len = (uint32_t)strlen(name);
    char *out = reply_append(ctx, len);
    if (out)
        memcpy(out, name, len);
}

/* Does the thread own windows or hooks? Then it may not change desktop. */
static void count_pinning(struct user_object *obj, void *arg)
{
    if (obj->ops->type == WH_USER_WINDOW || obj->ops->type == WH_USER_HOOK)
        ++*(uint32_t *)arg;
}

DECL_HANDLER(set_thread_desktop)
{
    (void)reply;
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (!e || e->obj->ops != &desktop_ops || req->reserved) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    struct desktop *target = (struct desktop *)e->obj;
    struct desktop *current = thread_desktop(ctx->thread, &ctx->error);
    if (!current || current == target)
        return;
    uint32_t pinning = 0;
    user_for_each_owned(ctx->thread, count_pinning, &pinning);
    if (pinning) {
        ctx->error = ERR_BUSY;
        return;
    }
    ctx->thread->desktop = desktop_grab(target);
    desktop_release(current);
}

/* ---- refusals, for the inspector ---- */

static struct wh_refusal_record refusals[WH_MAX_REFUSALS];
static uint32_t refusal_next, refusal_count;

static void copy_name(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n > WH_MAX_DESKTOP_NAME)
        n = WH_MAX_DESKTOP_NAME;
    memcpy(dst, src, n);
    dst[n] = 0;
}

void desktop_note_refusal(struct request_ctx *ctx, uint32_t handle, const struct desktop *to)
{
    uint32_t error = 0;
    struct desktop *from = thread_desktop(ctx->thread, &error);
    struct user_object *obj = user_get(handle, WH_USER_FREE);
    struct wh_refusal_record *r = &refusals[refusal_next];
    memset(r, 0, sizeof(*r));
    r->pid = ctx->process->pid;
    r->tid = ctx->thread->tid;
    r->handle = handle;
    r->request = ctx->code;
    r->owner_pid = obj ? obj->owner_pid : 0;
    r->owner_tid = obj ? obj->owner_tid : 0;
    r->when_ms = monotonic_ms();
    copy_name(r->caller_desktop, from ? from->name : "?");
    copy_name(r->object_desktop, to->name);
    refusal_next = (refusal_next + 1) % WH_MAX_REFUSALS;
    if (refusal_count < WH_MAX_REFUSALS)
        refusal_count++;
}

DECL_HANDLER(list_refusals)
{
    (void)req;
    reply->record_size = sizeof(struct wh_refusal_record);
    for (uint32_t i = 1; i <= refusal_count; i++) {
        uint32_t at = (refusal_next + WH_MAX_REFUSALS - i) % WH_MAX_REFUSALS;
        struct wh_refusal_record *out = reply_append(ctx, sizeof(*out));
        if (!out)
            return;
        *out = refusals[at];
        reply->count++;
    }
}
