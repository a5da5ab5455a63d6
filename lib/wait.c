/* Waits and Sleep. */
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "private.h"
#include "trace.h"

DWORD wait_objects(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD timeout,
                   HANDLE signal, BOOL queue)
{
    uint32_t wire[MAXIMUM_WAIT_OBJECTS];
    uint32_t with_queue = queue ? 1 : 0;
    if (count + with_queue < 1 || count > MAXIMUM_WAIT_OBJECTS - with_queue)
        return FAIL(ERROR_INVALID_PARAMETER, WAIT_FAILED);
    if (count && !handles)
        return FAIL(ERROR_NOACCESS, WAIT_FAILED);
    for (DWORD i = 0; i < count; i++)
        wire[i] = handle_to_wire(handles[i]);
    struct wh_wait_request req = {
        .count = count,
        .wait_all = wait_all ? 1 : 0,
        .timeout_ms = timeout,
        .signal = handle_to_wire(signal),
        .queue = with_queue,
    };
    struct wh_wait_reply reply;
    uint32_t error = SERVER_CALL(wait, &req, &reply, wire, count * 4u);
    if (error)
        return FAIL(error, WAIT_FAILED);
    return reply.result;
}

DWORD WINAPI WaitForSingleObject(HANDLE handle, DWORD timeout)
{
    return wait_objects(1, &handle, FALSE, timeout, NULL, FALSE);
}

DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all,
                                    DWORD timeout)
{
    return wait_objects(count, handles, wait_all, timeout, NULL, FALSE);
}

DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD timeout, BOOL alertable)
{
    (void)alertable; /* no APCs exist here, so nothing can alert the wait */
    if (!signal) {
        trace_bad_handle_here(signal);
        return FAIL(ERROR_INVALID_HANDLE, WAIT_FAILED);
    }
    return wait_objects(1, &wait, FALSE, timeout, signal, FALSE);
}

void WINAPI Sleep(DWORD ms)
{
    if (ms == INFINITE) {
        for (;;)
            pause();
    }
    struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}
