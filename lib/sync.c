/* Events, mutexes and semaphores: create, open, and change state. */
#include <string.h>

#include "private.h"

uint32_t check_object_name(const char *name, uint32_t *len)
{
    size_t n = name ? strlen(name) : 0;
    if (n > MAX_PATH)
        return ERROR_FILENAME_EXCED_RANGE;
    *len = (uint32_t)n;
    return 0;
}

static BOOL inheritable(LPSECURITY_ATTRIBUTES sa)
{
    return sa && sa->bInheritHandle;
}

HANDLE created_handle(uint32_t error, uint32_t handle, uint32_t existed)
{
    if (error)
        return FAIL(error, NULL);
    SetLastError(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return wire_to_handle(handle);
}

/* The Create*Ex functions ignore flag bits they do not know (the
 * semaphore's are all reserved), as Wine does and the documentation does
 * not forbid: tests/conformance checks it. */
HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags,
                             DWORD access)
{
    uint32_t len, err = check_object_name(name, &len);
    if (err)
        return FAIL(err, NULL);
    struct wh_create_event_request req = {
        .access = access,
        .inherit = inheritable(sa),
        .manual_reset = (flags & CREATE_EVENT_MANUAL_RESET) != 0,
        .initial_state = (flags & CREATE_EVENT_INITIAL_SET) != 0,
        .name_len = len,
    };
    struct wh_create_event_reply reply;
    uint32_t error = SERVER_CALL(create_event, &req, &reply, name, len);
    return created_handle(error, reply.handle, reply.existed);
}

HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES sa, BOOL manual_reset,
                           BOOL initial_state, LPCSTR name)
{
    DWORD flags = (manual_reset ? CREATE_EVENT_MANUAL_RESET : 0) |
                  (initial_state ? CREATE_EVENT_INITIAL_SET : 0);
    return CreateEventExA(sa, name, flags, EVENT_ALL_ACCESS);
}

HANDLE WINAPI CreateMutexExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags,
                             DWORD access)
{
    uint32_t len, err = check_object_name(name, &len);
    if (err)
        return FAIL(err, NULL);
    struct wh_create_mutex_request req = {
        .access = access,
        .inherit = inheritable(sa),
        .owned = (flags & CREATE_MUTEX_INITIAL_OWNER) != 0,
        .name_len = len,
    };
    struct wh_create_mutex_reply reply;
    uint32_t error = SERVER_CALL(create_mutex, &req, &reply, name, len);
    return created_handle(error, reply.handle, reply.existed);
}

HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES sa, BOOL initial_owner, LPCSTR name)
{
    return CreateMutexExA(sa, name, initial_owner ? CREATE_MUTEX_INITIAL_OWNER : 0,
                          MUTEX_ALL_ACCESS);
}

HANDLE WINAPI CreateSemaphoreExA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum,
                                 LPCSTR name, DWORD flags, DWORD access)
{
    (void)flags; /* reserved */
    uint32_t len, err = check_object_name(name, &len);
    if (err)
        return FAIL(err, NULL);
    struct wh_create_semaphore_request req = {
        .access = access,
        .inherit = inheritable(sa),
        .initial = initial,
        .maximum = maximum,
        .name_len = len,
    };
    struct wh_create_semaphore_reply reply;
    uint32_t error = SERVER_CALL(create_semaphore, &req, &reply, name, len);
    return created_handle(error, reply.handle, reply.existed);
}

HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum,
                               LPCSTR name)
{
    return CreateSemaphoreExA(sa, initial, maximum, name, 0, SEMAPHORE_ALL_ACCESS);
}

HANDLE open_named_object(uint32_t type, DWORD access, BOOL inherit, LPCSTR name)
{
    uint32_t len, err;
    if (!name)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    if ((err = check_object_name(name, &len)))
        return FAIL(err, NULL);
    struct wh_open_object_request req = {
        .type = type, .access = access, .inherit = inherit ? 1 : 0, .name_len = len,
    };
    struct wh_open_object_reply reply;
    if (!set_result(SERVER_CALL(open_object, &req, &reply, name, len)))
        return NULL;
    return wire_to_handle(reply.handle);
}

HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, LPCSTR name)
{
    return open_named_object(WH_TYPE_EVENT, access, inherit, name);
}

HANDLE WINAPI OpenMutexA(DWORD access, BOOL inherit, LPCSTR name)
{
    return open_named_object(WH_TYPE_MUTEX, access, inherit, name);
}

HANDLE WINAPI OpenSemaphoreA(DWORD access, BOOL inherit, LPCSTR name)
{
    return open_named_object(WH_TYPE_SEMAPHORE, access, inherit, name);
}

static BOOL event_op(HANDLE event, uint32_t op)
{
    struct wh_event_op_request req = { .handle = handle_to_wire(event), .op = op };
    struct wh_event_op_reply reply;
    return set_result(SERVER_CALL(event_op, &req, &reply, NULL, 0));
}

BOOL WINAPI SetEvent(HANDLE event)
{
    return event_op(event, WH_EVENT_SET);
}

BOOL WINAPI ResetEvent(HANDLE event)
{
    return event_op(event, WH_EVENT_RESET);
}

BOOL WINAPI PulseEvent(HANDLE event)
{
    return event_op(event, WH_EVENT_PULSE);
}

BOOL WINAPI ReleaseMutex(HANDLE mutex)
{
    struct wh_release_mutex_request req = { .handle = handle_to_wire(mutex) };
    struct wh_release_mutex_reply reply;
    return set_result(SERVER_CALL(release_mutex, &req, &reply, NULL, 0));
}

BOOL WINAPI ReleaseSemaphore(HANDLE semaphore, LONG count, LPLONG previous)
{
    struct wh_release_semaphore_request req = {
        .handle = handle_to_wire(semaphore), .count = count,
    };
    struct wh_release_semaphore_reply reply;
    if (!set_result(SERVER_CALL(release_semaphore, &req, &reply, NULL, 0)))
        return FALSE;
    if (previous)
        *previous = reply.prev_count;
    return TRUE;
}
