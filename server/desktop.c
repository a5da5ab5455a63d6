/*
 * The desktop and the window station. winhandle's session has one of each,
 * "WinSta0" holding the desktop "Default", as an interactive Windows logon
 * has. As on Windows they are kernel objects reached through handles of
 * the process's table (DuplicateHandle works on them, their values are
 * multiples of 4), with a namespace of their own.
 *
 * Each process keeps one handle to the desktop of its threads and one to
 * its window station, made the first time GetThreadDesktop or
 * GetProcessWindowStation asks. Those two cannot be closed with
 * CloseDesktop or CloseWindowStation (ERROR_BUSY and ERROR_ACCESS_DENIED,
 * Wine's answers, which Windows gives too); handles from OpenDesktopA and
 * OpenWindowStationA close normally.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errors.h"
#include "handle.h"
#include "process.h"
#include "request.h"
#include "thread.h"

#define ERR_BUSY 170u

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
};
static const struct object_ops winsta_ops = {
    .type_name = "WindowStation",
    .type = WH_TYPE_WINSTA,
    .mapping = &winsta_mapping,
};

/* The two session objects, made on first use and kept for the session
 * (this reference is never released). */
static struct object *session_objects[2];

static int kind_index(uint32_t kind)
{
    return kind == WH_TYPE_DESKTOP ? 0 : kind == WH_TYPE_WINSTA ? 1 : -1;
}

static struct object *session_object(int index, uint32_t *error)
{
    if (!session_objects[index] &&
        !(session_objects[index] = alloc_object(index ? &winsta_ops : &desktop_ops,
                                                sizeof(struct object))))
        *error = ERR_NOT_ENOUGH_MEMORY;
    return session_objects[index];
}

/* Each process's two kept handles. A small list holding a reference to
 * each process that ever asked; an entry goes (and its reference) once
 * its process has ended, tidied on the next look-up. */
struct kept {
    struct process *process;
    uint32_t handles[2];
    struct kept *next;
};

static struct kept *kept_list;

static struct kept *find_kept(struct process *p, int create)
{
    struct kept **pp = &kept_list;
    while (*pp) {
        struct kept *k = *pp;
        if (k->process == p)
            return k;
        if (!k->process->alive) {
            *pp = k->next;
            release_object(&k->process->obj);
            free(k);
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

/* Is handle h of process p one of its two kept handles, still? */
static int is_kept(struct process *p, int index, uint32_t h)
{
    struct kept *k = find_kept(p, 0);
    if (!k || !k->handles[index] || (k->handles[index] & ~3u) != (h & ~3u))
        return 0;
    struct handle_entry *e = handle_lookup(&p->handles, h);
    return e && e->obj == session_objects[index];
}

DECL_HANDLER(get_station)
{
    int index = kind_index(req->kind);
    if (index < 0 || (index == 0 && !find_thread(req->tid))) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct object *obj = session_object(index, &ctx->error);
    struct kept *k = obj ? find_kept(ctx->process, 1) : NULL;
    if (!k) {
        if (obj)
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    if (!is_kept(ctx->process, index, k->handles[index]))
        k->handles[index] = alloc_handle_for(ctx, obj, GENERIC_ALL_, 0);
    reply->handle = k->handles[index];
}

DECL_HANDLER(open_station)
{
    int index = kind_index(req->kind);
    if (index < 0 || req->name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    /* Names of this namespace are case-insensitive, as on Windows. */
    const char *name = index ? "WinSta0" : "Default";
    if (req->name_len != strlen(name) || strncasecmp(ctx->data, name, req->name_len)) {
        ctx->error = ERR_FILE_NOT_FOUND;
        return;
    }
    struct object *obj = session_object(index, &ctx->error);
    if (!obj)
        return;
    reply->handle = alloc_handle_for(ctx, obj, req->access, req->inherit);
    if (reply->handle)
        handle_lookup(&ctx->process->handles, reply->handle)->origin = WH_ORIGIN_OPENED;
}

DECL_HANDLER(close_station)
{
    (void)reply;
    int index = kind_index(req->kind);
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (index < 0 || !e || e->obj != session_objects[index]) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    if (is_kept(ctx->process, index, req->handle)) {
        ctx->error = index ? ERR_ACCESS_DENIED : ERR_BUSY;
        return;
    }
    ctx->error = handle_close(&ctx->process->handles, req->handle);
}

DECL_HANDLER(station_info)
{
    struct handle_entry *e = handle_lookup(&ctx->process->handles, req->handle);
    if (!e || (e->obj != session_objects[0] && e->obj != session_objects[1])) {
        ctx->error = ERR_INVALID_HANDLE;
        return;
    }
    reply->kind = e->obj->ops->type;
    reply->inherit = (e->flags & HANDLE_FLAG_INHERIT_) != 0;
}
