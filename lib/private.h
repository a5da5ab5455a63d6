/*
 * What the library's files share. Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_PRIVATE_H
#define WINHANDLE_LIB_PRIVATE_H

#include <stdint.h>

#include <windows.h>

#include "client.h"

/* Handles on the wire are their low 32 bits; coming back they are
 * sign-extended, so the pseudo-handles -1 and -2 survive the trip. */
static inline uint32_t handle_to_wire(HANDLE h)
{
    return (uint32_t)(uintptr_t)h;
}

static inline HANDLE wire_to_handle(uint32_t v)
{
    return (HANDLE)(intptr_t)(int32_t)v;
}

/* Set the thread's last error and return a value, for one-line exits. */
#define FAIL(err, ret) (SetLastError(err), (ret))

/* The reply error of a call becomes the last error; TRUE on success. */
static inline BOOL set_result(uint32_t error)
{
    if (error) {
        SetLastError(error);
        return FALSE;
    }
    return TRUE;
}

/* Windows converts an ANSI object name into a MAX_PATH-sized buffer; a
 * longer name fails before reaching the kernel. Returns 0 or the error. */
uint32_t check_object_name(const char *name, uint32_t *len);

/* A create reply: the handle, with ERROR_ALREADY_EXISTS when the name was
 * taken by an object of the same type, and 0 as the last error otherwise. */
HANDLE created_handle(uint32_t error, uint32_t handle, uint32_t existed);

/* Open*A: a handle to the object of this type (WH_TYPE_*) with this name,
 * or NULL and the last error (ERROR_FILE_NOT_FOUND when there is none). */
HANDLE open_named_object(uint32_t type, DWORD access, BOOL inherit, LPCSTR name);

/* OpenProcess/OpenThread: a handle to the process or thread with this id
 * (type WH_TYPE_PROCESS or WH_TYPE_THREAD), or NULL and the last error. */
HANDLE open_by_id(uint32_t type, DWORD id, DWORD access, BOOL inherit);

/* A wait on count handles (Wait*, SignalObjectAndWait with signal) and,
 * with queue, on the caller's message queue after them (index count):
 * MsgWaitForMultipleObjectsEx and GetMessageA. WAIT_FAILED with the last
 * error, or the wait's result. */
DWORD wait_objects(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD timeout,
                   HANDLE signal, BOOL queue);

/* Pieces of per-process state set up by the client on first connection. */
void process_report_exit(uint32_t code);
void thread_report_exit(uint32_t code);

/* Called by CreateThread's trampoline: connect this thread now, so the
 * server sees it end even if it never calls anything. */
void client_connect_thread(void);

#endif
