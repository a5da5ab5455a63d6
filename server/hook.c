/*
 * Hooks: SetWindowsHookExA records a procedure of the caller's process for
 * one type of event, on one thread or (with a module) on all of them.
 *
 * The server keeps the chains; the library calls the procedures. A
 * procedure is an address in the process that set the hook, so a thread
 * calls only the hooks its own process set: next_hook skips the others (a
 * global hook of another process would need its module loaded here, which
 * winhandle cannot do). Order, as Windows: the thread's own hooks, newest
 * first, then the global ones, newest first.
 *
 * A hook belongs to the thread that set it and goes when that thread ends;
 * a hook on a thread also goes when the hooked thread ends.
 *
 * For the windows engineer: events such as window creation call the chain
 * through the library (lib/hook.c, call_hooks()); nothing here changes.
 */
#include <stdio.h>

#include "errors.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "user.h"

#define WH_MIN_ (-1)
#define WH_MAX_ 14
#define WH_JOURNALRECORD_ 0
#define WH_JOURNALPLAYBACK_ 1
#define WH_SYSMSGFILTER_ 6
#define WH_KEYBOARD_LL_ 13
#define WH_MOUSE_LL_ 14

#define ERR_INVALID_HOOK_FILTER 1426u
#define ERR_INVALID_FILTER_PROC 1427u
#define ERR_HOOK_NEEDS_HMOD 1428u
#define ERR_GLOBAL_ONLY_HOOK 1429u

struct hook {
    struct user_object hdr;
    int32_t id;
    uint32_t tid;          /* the hooked thread, 0 for all */
    uint32_t pid;          /* the process whose address proc is */
    uint64_t proc, module;
    struct list_entry link; /* all hooks, oldest first */
};

static struct list_entry hooks = LIST_INIT(hooks);

static void hook_destroy(struct user_object *obj)
{
    list_remove(&((struct hook *)obj)->link);
}

static void hook_describe(struct user_object *obj, char *buf, uint32_t len)
{
    struct hook *h = (struct hook *)obj;
    if (h->tid)
        snprintf(buf, len, "type %d on thread %u", h->id, h->tid);
    else
        snprintf(buf, len, "type %d, global", h->id);
}

/* Only the process that set a hook may take it off (another process
 * could otherwise silence a hook it does not own). */
static uint32_t hook_may_destroy(struct user_object *obj, struct thread *caller)
{
    return caller && caller->process->pid == ((struct hook *)obj)->pid ? 0 : ERR_ACCESS_DENIED;
}

static const struct user_ops hook_ops = {
    .type = WH_USER_HOOK,
    .name = "Hook",
    .owner = USER_OWNER_THREAD,
    .rank = 1,
    .invalid_error = ERR_INVALID_HOOK_HANDLE,
    .destroy = hook_destroy,
    .may_destroy = hook_may_destroy,
    .describe = hook_describe,
};

/* Hooks on a thread that ended go with it (the hooks it set go as its
 * objects). */
static void unhook_thread(struct thread *t)
{
    struct list_entry *e, *next;
    LIST_FOR_EACH_SAFE(e, next, &hooks) {
        struct hook *h = LIST_ENTRY(e, struct hook, link);
        if (h->tid == t->tid && h->pid == t->process->pid)
            user_destroy(&h->hdr);
    }
}

static int global_only(int32_t id)
{
    return id == WH_JOURNALRECORD_ || id == WH_JOURNALPLAYBACK_ || id == WH_SYSMSGFILTER_ ||
           id == WH_KEYBOARD_LL_ || id == WH_MOUSE_LL_;
}

DECL_HANDLER(set_hook)
{
    if (req->id < WH_MIN_ || req->id > WH_MAX_) {
        ctx->error = ERR_INVALID_HOOK_FILTER;
        return;
    }
    if (!req->proc) {
        ctx->error = ERR_INVALID_FILTER_PROC;
        return;
    }
    int low_level = req->id == WH_KEYBOARD_LL_ || req->id == WH_MOUSE_LL_;
    if (req->tid) {
        struct thread *t = find_thread(req->tid);
        if (!t) {
            ctx->error = ERR_INVALID_PARAMETER;
            return;
        }
        if (global_only(req->id)) {
            ctx->error = ERR_GLOBAL_ONLY_HOOK;
            return;
        }
        /* Another process's thread runs the hook in that process: it
         * needs a module to load there. */
        if (t->process != ctx->process && !req->module) {
            ctx->error = ERR_HOOK_NEEDS_HMOD;
            return;
        }
    } else if (!req->module && !low_level) {
        ctx->error = ERR_HOOK_NEEDS_HMOD;
        return;
    }
    user_on_thread_end(unhook_thread);
    struct hook *h = user_alloc(&hook_ops, sizeof(*h), ctx->thread, &ctx->error);
    if (!h)
        return;
    h->id = req->id;
    h->tid = req->tid;
    h->pid = ctx->process->pid;
    h->proc = req->proc;
    h->module = req->module;
    list_add_tail(&hooks, &h->link);
    reply->handle = h->hdr.handle;
}

/* May the calling thread call hook h for an event of its own? */
static int callable(const struct hook *h, int32_t id, const struct thread *t, int global)
{
    return h->id == id && h->pid == t->process->pid &&
           (global ? h->tid == 0 : h->tid == t->tid);
}

DECL_HANDLER(next_hook)
{
    /* Walk the chain in calling order; once `after` is passed (or at
     * once, for 0), the next callable hook is the answer. */
    int passed = req->after == 0;
    for (int global = 0; global <= 1; global++) {
        struct list_entry *e;
        for (e = hooks.prev; e != &hooks; e = e->prev) {
            struct hook *h = LIST_ENTRY(e, struct hook, link);
            if (!callable(h, req->id, ctx->thread, global))
                continue;
            if (passed) {
                reply->handle = h->hdr.handle;
                reply->proc = h->proc;
                return;
            }
            if (h->hdr.handle == req->after)
                passed = 1;
        }
    }
}
