/*
 * Hooks. The server keeps the chains and hands each thread, one at a
 * time, the next procedure of its own process to call; the procedures run
 * here, on the thread the event happened on, as on Windows.
 *
 * While a hook runs, the thread remembers which one (a stack, since a
 * hook may cause an event that calls hooks again), so CallNextHookEx can
 * ask for the one after it; Windows ignores CallNextHookEx's hhk the same
 * way.
 *
 * Most events have no hook, and asking the server costs a round trip per
 * event (every message a window procedure is sent, for WH_CALLWNDPROC and
 * WH_CALLWNDPROCRET). A thread calls only hooks its own process set, so
 * the process counts, per type, the hooks it set and has not taken off:
 * at 0 there is no chain to ask for. The count only errs high (a hook the
 * server drops with its thread stays counted until the process unhooks
 * it, or forever): a needless request, never a missed hook.
 */
#include <pthread.h>
#include <stdlib.h>

#include "user_private.h"

#define HOOK_TYPES (WH_MAX - WH_MIN + 1)

/* One hook this process set: its type, for UnhookWindowsHookEx. */
struct set_hook {
    struct set_hook *next;
    uint32_t handle;
    int id;
};

static struct set_hook *set_hooks;
static pthread_mutex_t set_hooks_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned set_counts[HOOK_TYPES]; /* read without the lock: atomics */

static void remember_hook(uint32_t handle, int id)
{
    struct set_hook *h = malloc(sizeof(*h));
    pthread_mutex_lock(&set_hooks_lock);
    /* Counted even when there is no memory to remember it: a count that
     * never comes down costs requests, a missing one would miss hooks. */
    __atomic_add_fetch(&set_counts[id - WH_MIN], 1, __ATOMIC_RELEASE);
    if (h) {
        h->handle = handle;
        h->id = id;
        h->next = set_hooks;
        set_hooks = h;
    }
    pthread_mutex_unlock(&set_hooks_lock);
}

static void forget_hook(uint32_t handle)
{
    pthread_mutex_lock(&set_hooks_lock);
    for (struct set_hook **p = &set_hooks; *p; p = &(*p)->next) {
        if ((*p)->handle == handle) {
            struct set_hook *h = *p;
            *p = h->next;
            __atomic_sub_fetch(&set_counts[h->id - WH_MIN], 1, __ATOMIC_RELEASE);
            free(h);
            break;
        }
    }
    pthread_mutex_unlock(&set_hooks_lock);
}

static int may_have_hooks(int id)
{
    return id >= WH_MIN && id <= WH_MAX &&
           __atomic_load_n(&set_counts[id - WH_MIN], __ATOMIC_ACQUIRE) != 0;
}

struct running_hook {
    int id;
    uint32_t handle;
};

static __thread struct running_hook running = { 0, 0 };

HHOOK WINAPI SetWindowsHookExA(int id, HOOKPROC proc, HINSTANCE module, DWORD tid)
{
    struct wh_set_hook_request req = {
        .id = id, .tid = tid, .proc = (uint64_t)(uintptr_t)proc,
        .module = (uint64_t)(uintptr_t)module,
    };
    struct wh_set_hook_reply reply;
    if (!set_result(SERVER_CALL(set_hook, &req, &reply, NULL, 0)))
        return NULL;
    remember_hook(reply.handle, id);
    return wire_to_user(reply.handle);
}

BOOL WINAPI UnhookWindowsHookEx(HHOOK hook)
{
    if (!user_destroy_object(hook, WH_USER_HOOK))
        return FALSE;
    forget_hook(user_to_wire(hook));
    return TRUE;
}

/* The hook to call after `after` (0: the first); 0 at the chain's end. */
static uint32_t next_hook(int id, uint32_t after, HOOKPROC *proc)
{
    struct wh_next_hook_request req = { .id = id, .after = after };
    struct wh_next_hook_reply reply;
    if (SERVER_CALL(next_hook, &req, &reply, NULL, 0) || !reply.handle)
        return 0;
    *proc = (HOOKPROC)(uintptr_t)reply.proc;
    return reply.handle;
}

static LRESULT call_from(int id, uint32_t after, int code, WPARAM wparam, LPARAM lparam,
                         BOOL *called)
{
    HOOKPROC proc;
    uint32_t handle = may_have_hooks(id) ? next_hook(id, after, &proc) : 0;
    *called = handle != 0;
    if (!handle)
        return 0;
    struct running_hook saved = running;
    running.id = id;
    running.handle = handle;
    LRESULT result = proc(code, wparam, lparam);
    running = saved;
    return result;
}

LRESULT call_hooks(int id, int code, WPARAM wparam, LPARAM lparam, BOOL *called)
{
    return call_from(id, 0, code, wparam, lparam, called);
}

LRESULT WINAPI CallNextHookEx(HHOOK hook, int code, WPARAM wparam, LPARAM lparam)
{
    (void)hook;
    BOOL called;
    if (!running.handle)
        return 0; /* not inside a hook: there is no next one */
    return call_from(running.id, running.handle, code, wparam, lparam, &called);
}

/* The system-wide filter first; if it does not take the message, the
 * thread's own. */
BOOL WINAPI CallMsgFilterA(LPMSG msg, int code)
{
    BOOL called;
    if (call_hooks(WH_SYSMSGFILTER, code, 0, (LPARAM)msg, &called))
        return TRUE;
    return call_hooks(WH_MSGFILTER, code, 0, (LPARAM)msg, &called) != 0;
}
