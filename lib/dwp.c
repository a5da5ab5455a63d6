/* Window-position structures: BeginDeferWindowPos, DeferWindowPos, EndDeferWindowPos. */
#include "user_private.h"

HDWP WINAPI BeginDeferWindowPos(int count)
{
    struct wh_begin_dwp_request req = { .count = count };
    struct wh_begin_dwp_reply reply;
    if (!set_result(SERVER_CALL(begin_dwp, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.handle);
}

BOOL WINAPI EndDeferWindowPos(HDWP dwp)
{
    struct wh_end_dwp_request req = { .handle = user_to_wire(dwp) };
    struct wh_end_dwp_reply reply;
    return set_result(SERVER_CALL(end_dwp, &req, &reply, NULL, 0));
}

HDWP WINAPI DeferWindowPos(HDWP dwp, HWND hwnd, HWND after, int x, int y, int cx, int cy,
                           UINT flags)
{
    struct wh_defer_window_pos_request req = {
        .dwp = user_to_wire(dwp), .window = user_to_wire(hwnd),
        .after = (uint32_t)(uintptr_t)after, .x = x, .y = y, .cx = cx, .cy = cy,
        .flags = flags,
    };
    struct wh_defer_window_pos_reply reply;
    return set_result(SERVER_CALL(defer_window_pos, &req, &reply, NULL, 0)) ? dwp : NULL;
}
