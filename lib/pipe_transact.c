/*
 * One message out, one message back: TransactNamedPipe on an open
 * message pipe, CallNamedPipeA around a whole client connection.
 */
#include "fd_cache.h"
#include "pipe_io.h"
#include "pipe_names.h"
#include "private.h"

/* Write then read through one descriptor, so both see the same
 * connection. A pipe with unread data cannot start a transaction. */
static uint32_t transact(HANDLE pipe, struct fd_ref *ref, void *in, uint32_t in_size,
                         void *out, uint32_t out_size, uint32_t *read)
{
    struct pipe_peek peek;
    uint32_t written, err;
    if (!(ref->flags & WH_FD_READ_MESSAGE))
        return ERROR_BAD_PIPE;
    if ((err = pipe_peek(pipe, ref, NULL, 0, &peek)))
        return err;
    if (peek.avail)
        return ERROR_PIPE_BUSY;
    if ((err = pipe_write(pipe, ref, in, in_size, &written)))
        return err;
    return pipe_read(pipe, ref, out, out_size, read);
}

BOOL WINAPI TransactNamedPipe(HANDLE pipe, LPVOID in, DWORD in_size, LPVOID out,
                              DWORD out_size, LPDWORD read, LPOVERLAPPED ov)
{
    (void)ov; /* our handles are synchronous */
    struct fd_ref *ref;
    uint32_t done = 0;
    uint32_t err = fd_get(pipe, FILE_READ_DATA, &ref, NULL);
    if (!err) {
        err = transact(pipe, ref, in, in_size, out, out_size, &done);
        fd_put(ref);
    }
    if (err == IO_STALE)
        err = ERROR_BROKEN_PIPE;
    if (read)
        *read = done;
    return err ? FAIL(err, FALSE) : TRUE;
}

/* Open, wait for a free instance while the pipe is busy, transact in
 * message mode, close: the client side of one request. */
BOOL WINAPI CallNamedPipeA(LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size,
                           LPDWORD read, DWORD timeout)
{
    HANDLE pipe;
    for (;;) {
        pipe = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (pipe != INVALID_HANDLE_VALUE)
            break;
        if (GetLastError() != ERROR_PIPE_BUSY || !WaitNamedPipeA(name, timeout))
            return FALSE;
    }
    DWORD mode = PIPE_READMODE_MESSAGE;
    BOOL ok = SetNamedPipeHandleState(pipe, &mode, NULL, NULL) &&
              TransactNamedPipe(pipe, in, in_size, out, out_size, read, NULL);
    DWORD error = GetLastError();
    CloseHandle(pipe);
    SetLastError(error);
    return ok;
}
