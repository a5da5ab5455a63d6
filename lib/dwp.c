/* Window-position structures (DeferWindowPos comes with windows). */
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
