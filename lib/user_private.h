/*
 * What the library's USER files share (menus, cursors, hooks, ...).
 * Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_USER_PRIVATE_H
#define WINHANDLE_LIB_USER_PRIVATE_H

#include "private.h"

/* A USER handle is (uniqueness << 16) | index with the uniqueness below
 * 0x8000, so its value is positive: zero- and sign-extension agree, and
 * the low 32 bits are all of it in both widths. */
static inline uint32_t user_to_wire(const void *h)
{
    return (uint32_t)(uintptr_t)h;
}

static inline void *wire_to_user(uint32_t v)
{
    return (void *)(uintptr_t)v;
}

/* A reply error becomes the last error, except the server's "failed
 * quietly", which Windows reports with FALSE alone. TRUE on success. */
static inline BOOL user_result(uint32_t error)
{
    if (error == WH_USER_FAILED_QUIETLY)
        return FALSE;
    return set_result(error);
}

/* The destroyer of any type (DestroyMenu, ...): type is WH_USER_*. */
BOOL user_destroy_object(const void *handle, uint32_t type);

/*
 * Call the hook chain of type id (WH_*) of the calling thread, as Windows
 * does for an event: the newest hook first; each may pass the event on
 * with CallNextHookEx. *called says whether any hook ran; the result is
 * the first hook's. For the windows engineer: WH_CBT's HCBT_CREATEWND and
 * HCBT_DESTROYWND, WH_CALLWNDPROC and the others call this.
 */
LRESULT call_hooks(int id, int code, WPARAM wparam, LPARAM lparam, BOOL *called);

/* Run the DDEML work waiting for the calling thread's instances: call
 * their callbacks and send the answers (lib/dde.c). Every Dde* call runs
 * it first, and so do PeekMessageA and GetMessageA (lib/message.c), which
 * is where a server thread with a message loop runs its callbacks. A
 * callback that calls DDEML or peeks does not run it again: the work
 * waits for the outer pump. */
void dde_pump(void);
/* Is the calling thread inside a callback the pump called? Its message
 * loop then does not count DDE work, which waits for the outer pump:
 * waiting for it would not end. */
int dde_pump_running(void);

/* One code point as UTF-8, the narrow encoding of this library (the
 * templates of menus and dialogs carry UTF-16); returns its length. */
static inline size_t utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12);
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | c >> 18);
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

#endif
