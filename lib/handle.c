/* CloseHandle, DuplicateHandle and the handle flags. */
#include "fd_cache.h"
#include "private.h"

BOOL WINAPI CloseHandle(HANDLE handle)
{
    /* Before the server frees the value for reuse by another thread. */
    fd_forget(handle);
    struct wh_close_handle_request req = { .handle = handle_to_wire(handle) };
    struct wh_close_handle_reply reply;
    return set_result(SERVER_CALL(close_handle, &req, &reply, NULL, 0));
}

BOOL WINAPI GetHandleInformation(HANDLE handle, LPDWORD flags)
{
    struct wh_get_handle_info_request req = { .handle = handle_to_wire(handle) };
    struct wh_get_handle_info_reply reply;
    if (!set_result(SERVER_CALL(get_handle_info, &req, &reply, NULL, 0)))
        return FALSE;
    if (!flags)
        return FAIL(ERROR_NOACCESS, FALSE);
    *flags = reply.flags;
    return TRUE;
}

BOOL WINAPI SetHandleInformation(HANDLE handle, DWORD mask, DWORD flags)
{
    struct wh_set_handle_info_request req = {
        .handle = handle_to_wire(handle), .mask = mask, .flags = flags,
    };
    struct wh_set_handle_info_reply reply;
    return set_result(SERVER_CALL(set_handle_info, &req, &reply, NULL, 0));
}

BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process,
                            LPHANDLE dst, DWORD access, BOOL inherit, DWORD options)
{
    struct wh_dup_handle_request req = {
        .src_process = handle_to_wire(src_process),
        .src_handle = handle_to_wire(src),
        .dst_process = handle_to_wire(dst_process),
        .access = access,
        .inherit = inherit ? 1 : 0,
        .options = options,
    };
    struct wh_dup_handle_reply reply;
    /* The source may be ours and about to close; if it is another
     * process's, dropping our entry for that value costs one refetch. */
    if (options & DUPLICATE_CLOSE_SOURCE)
        fd_forget(src);
    if (!set_result(SERVER_CALL(dup_handle, &req, &reply, NULL, 0)))
        return FALSE;
    /* A value put in our table may reuse a slot closed behind our back. */
    fd_forget(wire_to_handle(reply.handle));
    /* A NULL target still duplicates; the value is just not returned. */
    if (dst)
        *dst = wire_to_handle(reply.handle);
    return TRUE;
}

HANDLE open_by_id(uint32_t type, DWORD id, DWORD access, BOOL inherit)
{
    struct wh_open_by_id_request req = { .type = type, .id = id, .access = access,
                                         .inherit = inherit ? 1 : 0 };
    struct wh_open_by_id_reply reply;
    if (!set_result(SERVER_CALL(open_by_id, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_handle(reply.handle);
}
