/*
 * Hooks. The server keeps the chains and hands each thread, one at a
 * time, the next procedure of its own process to call; the procedures run
 * here, on the thread the event happened on, as on Windows.
 *
 * While a hook runs, the thread remembers which one (a stack, since a
 * hook may cause an event that calls hooks again), so CallNextHookEx can
 * ask for the one after it; Windows ignores CallNextHookEx's hhk the same
 * way.
 */
#include "user_private.h"

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
    return wire_to_user(reply.handle);
}

BOOL WINAPI UnhookWindowsHookEx(HHOOK hook)
{
    return user_destroy_object(hook, WH_USER_HOOK);
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
    uint32_t handle = next_hook(id, after, &proc);
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
