/* What every USER type shares: the destroyer request. */
#include "user_private.h"

BOOL user_destroy_object(const void *handle, uint32_t type)
{
    struct wh_user_destroy_request req = { .handle = user_to_wire(handle), .type = type };
    struct wh_user_destroy_reply reply;
    return user_result(SERVER_CALL(user_destroy, &req, &reply, NULL, 0));
}
