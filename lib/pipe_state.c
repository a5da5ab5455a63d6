/*
 * Asking about a pipe end and changing its mode: PeekNamedPipe,
 * SetNamedPipeHandleState, GetNamedPipeInfo, and the process ids at
 * either end.
 */
#include "fd_cache.h"
#include "pipe_io.h"
#include "private.h"

struct peek {
    void *buf;
    uint32_t size;
    struct pipe_peek result;
};

static uint32_t peek(HANDLE pipe, struct fd_ref *ref, void *arg)
{
    struct peek *p = arg;
    return pipe_peek(pipe, ref, p->buf, p->size, &p->result);
}

BOOL WINAPI PeekNamedPipe(HANDLE pipe, LPVOID buf, DWORD size, LPDWORD read,
                          LPDWORD avail, LPDWORD left)
{
    struct peek p = { .buf = buf, .size = buf ? size : 0 };
    uint32_t flags = 0;
    uint32_t err = with_descriptor(pipe, FILE_READ_DATA, &flags, peek, &p, ERROR_BROKEN_PIPE);
    /* Windows: a server end without a client is no pipe to peek at. */
    if (err == ERROR_PIPE_LISTENING ||
        (err == ERROR_PIPE_NOT_CONNECTED && (flags & WH_FD_SERVER_END)))
        err = ERROR_BAD_PIPE;
    if (err)
        return FAIL(err, FALSE);
    struct pipe_peek peek = p.result;
    if (read)
        *read = peek.read;
    if (avail)
        *avail = peek.avail;
    if (left)
        *left = peek.left;
    return TRUE;
}

/* Only the mode means something between two processes of one machine;
 * the collection count and timeout are for remote clients, and ignored. */
BOOL WINAPI SetNamedPipeHandleState(HANDLE pipe, LPDWORD mode, LPDWORD max_collection,
                                    LPDWORD collect_timeout)
{
    (void)max_collection;
    (void)collect_timeout;
    if (!mode)
        return TRUE;
    struct wh_set_pipe_mode_request req = { .handle = handle_to_wire(pipe), .mode = *mode };
    struct wh_set_pipe_mode_reply reply;
    if (!set_result(SERVER_CALL(set_pipe_mode, &req, &reply, NULL, 0)))
        return FALSE;
    /* The cached flags say the old mode. */
    fd_forget(pipe);
    return TRUE;
}

static BOOL pipe_info(HANDLE pipe, struct wh_pipe_info_reply *reply)
{
    struct wh_pipe_info_request req = { .handle = handle_to_wire(pipe) };
    return set_result(SERVER_CALL(pipe_info, &req, reply, NULL, 0));
}

BOOL WINAPI GetNamedPipeInfo(HANDLE pipe, LPDWORD flags, LPDWORD out_size, LPDWORD in_size,
                             LPDWORD max_instances)
{
    struct wh_pipe_info_reply reply;
    if (!pipe_info(pipe, &reply))
        return FALSE;
    if (flags)
        *flags = reply.flags;
    if (out_size)
        *out_size = reply.out_size;
    if (in_size)
        *in_size = reply.in_size;
    if (max_instances)
        *max_instances = reply.max_instances;
    return TRUE;
}

/* The process that opened the client end, or made the server end (for an
 * anonymous pipe, the one that made it). */
static BOOL pipe_pid(HANDLE pipe, PULONG pid, int server)
{
    struct wh_pipe_info_reply reply;
    if (!pipe_info(pipe, &reply))
        return FALSE;
    if (pid)
        *pid = server ? reply.server_pid : reply.client_pid;
    return TRUE;
}

BOOL WINAPI GetNamedPipeClientProcessId(HANDLE pipe, PULONG pid)
{
    return pipe_pid(pipe, pid, 0);
}

BOOL WINAPI GetNamedPipeServerProcessId(HANDLE pipe, PULONG pid)
{
    return pipe_pid(pipe, pid, 1);
}
