/*
 * Making and connecting pipes: CreatePipe, CreateNamedPipeA, CreateFileA
 * on a pipe name, ConnectNamedPipe, DisconnectNamedPipe, WaitNamedPipeA.
 * The server keeps every pipe's state (server/named_pipe.c); data never
 * goes through it (pipe_io.c).
 *
 * Overlapped pipes (FILE_FLAG_OVERLAPPED) are not provided: they fail
 * with ERROR_NOT_SUPPORTED rather than block where a program expects
 * ERROR_IO_PENDING.
 */
#include <string.h>
#include <strings.h>

#include "fd_cache.h"
#include "pipe_names.h"
#include "private.h"

#define PIPE_PREFIX "\\\\.\\pipe\\"
#define PIPE_PREFIX_LEN 9

const char *pipe_name_part(const char *name)
{
    return strncasecmp(name, PIPE_PREFIX, PIPE_PREFIX_LEN) ? NULL : name + PIPE_PREFIX_LEN;
}

static uint32_t inherit_of(LPSECURITY_ATTRIBUTES sa)
{
    return sa && sa->bInheritHandle;
}

/* A handle value the server just gave us: whatever the cache held for
 * that value belonged to a handle closed behind our back. */
static HANDLE fresh(uint32_t handle)
{
    HANDLE h = wire_to_handle(handle);
    fd_forget(h);
    return h;
}

BOOL WINAPI CreatePipe(PHANDLE read, PHANDLE write, LPSECURITY_ATTRIBUTES sa, DWORD size)
{
    if (!read || !write)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    struct wh_create_pipe_request req = { .inherit = inherit_of(sa), .size = size };
    struct wh_create_pipe_reply reply;
    if (!set_result(SERVER_CALL(create_pipe, &req, &reply, NULL, 0)))
        return FALSE;
    *read = fresh(reply.read_handle);
    *write = fresh(reply.write_handle);
    return TRUE;
}

/* The name part of a pipe name CreateNamedPipeA and WaitNamedPipeA take:
 * 0, or the error Windows gives for a name that is not \\.\pipe\X. */
static uint32_t named_pipe_part(const char *name, const char **part, uint32_t *len)
{
    if (!name)
        return ERROR_PATH_NOT_FOUND;
    if (strlen(name) > MAX_PATH)
        return ERROR_FILENAME_EXCED_RANGE;
    *part = pipe_name_part(name);
    if (!*part) /* a device path that is no pipe, or no device path at all */
        return name[0] == '\\' && name[1] == '\\' ? ERROR_PATH_NOT_FOUND : ERROR_INVALID_NAME;
    *len = (uint32_t)strlen(*part);
    return 0;
}

HANDLE WINAPI CreateNamedPipeA(LPCSTR name, DWORD open_mode, DWORD pipe_mode,
                               DWORD max_instances, DWORD out_size, DWORD in_size,
                               DWORD timeout, LPSECURITY_ATTRIBUTES sa)
{
    const char *part;
    uint32_t len, err = named_pipe_part(name, &part, &len);
    if (err)
        return FAIL(err, INVALID_HANDLE_VALUE);
    if (open_mode & FILE_FLAG_OVERLAPPED)
        return FAIL(ERROR_NOT_SUPPORTED, INVALID_HANDLE_VALUE);
    struct wh_create_named_pipe_request req = {
        .open_mode = open_mode, .pipe_mode = pipe_mode, .max_instances = max_instances,
        .out_size = out_size, .in_size = in_size, .timeout = timeout,
        .inherit = inherit_of(sa), .name_len = len,
    };
    struct wh_create_named_pipe_reply reply;
    if (!set_result(SERVER_CALL(create_named_pipe, &req, &reply, part, len)))
        return INVALID_HANDLE_VALUE;
    SetLastError(ERROR_SUCCESS);
    return fresh(reply.handle);
}

HANDLE open_pipe_client(const char *part, DWORD access, LPSECURITY_ATTRIBUTES sa, DWORD flags)
{
    if (flags & FILE_FLAG_OVERLAPPED)
        return FAIL(ERROR_NOT_SUPPORTED, INVALID_HANDLE_VALUE);
    uint32_t len = (uint32_t)strlen(part);
    if (len + PIPE_PREFIX_LEN > MAX_PATH)
        return FAIL(ERROR_FILENAME_EXCED_RANGE, INVALID_HANDLE_VALUE);
    struct wh_open_named_pipe_request req = { .access = access, .inherit = inherit_of(sa),
                                              .name_len = len };
    struct wh_open_named_pipe_reply reply;
    if (!set_result(SERVER_CALL(open_named_pipe, &req, &reply, part, len)))
        return INVALID_HANDLE_VALUE;
    SetLastError(ERROR_SUCCESS);
    return fresh(reply.handle);
}

static uint32_t connect_request(HANDLE pipe, uint32_t after_wait, uint32_t *pending)
{
    struct wh_connect_named_pipe_request req = { .handle = handle_to_wire(pipe),
                                                 .after_wait = after_wait };
    struct wh_connect_named_pipe_reply reply;
    uint32_t err = SERVER_CALL(connect_named_pipe, &req, &reply, NULL, 0);
    *pending = reply.pending;
    return err;
}

/* Blocks until a client opens the pipe: the server makes the handle
 * unsignaled while a connect is pending, and a client's arrival signals
 * it, so this is an ordinary wait (a thread killed in it leaves nothing
 * behind). lpOverlapped is ignored: our handles are synchronous. */
BOOL WINAPI ConnectNamedPipe(HANDLE pipe, LPOVERLAPPED ov)
{
    (void)ov;
    uint32_t pending;
    uint32_t err = connect_request(pipe, 0, &pending);
    while (!err && pending) {
        if (WaitForSingleObject(pipe, INFINITE) == WAIT_FAILED)
            return FALSE;
        err = connect_request(pipe, 1, &pending);
    }
    /* A new connection, a new descriptor. */
    fd_forget(pipe);
    return set_result(err);
}

BOOL WINAPI DisconnectNamedPipe(HANDLE pipe)
{
    fd_forget(pipe);
    struct wh_disconnect_named_pipe_request req = { .handle = handle_to_wire(pipe) };
    struct wh_disconnect_named_pipe_reply reply;
    return set_result(SERVER_CALL(disconnect_named_pipe, &req, &reply, NULL, 0));
}

/* Waits on a handle to the pipe's name, which the server signals while
 * an instance listens; NMPWAIT_USE_DEFAULT_WAIT takes the time the
 * pipe's creator gave. */
BOOL WINAPI WaitNamedPipeA(LPCSTR name, DWORD timeout)
{
    const char *part;
    uint32_t len, err = named_pipe_part(name, &part, &len);
    if (err)
        return FAIL(err, FALSE);
    struct wh_wait_named_pipe_request req = { .name_len = len };
    struct wh_wait_named_pipe_reply reply;
    if (!set_result(SERVER_CALL(wait_named_pipe, &req, &reply, part, len)))
        return FALSE;
    HANDLE name_handle = wire_to_handle(reply.handle);
    DWORD result = WaitForSingleObject(name_handle,
                                       timeout == NMPWAIT_USE_DEFAULT_WAIT ? reply.timeout
                                                                           : timeout);
    err = result == WAIT_OBJECT_0 ? 0 : result == WAIT_TIMEOUT ? ERROR_SEM_TIMEOUT
                                                               : GetLastError();
    CloseHandle(name_handle);
    return set_result(err);
}
