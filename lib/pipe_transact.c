/*
 * One message out, one message back: TransactNamedPipe on an open
 * message pipe, CallNamedPipeA around a whole client connection.
 */
#include "fd_cache.h"
#include "pipe_io.h"
#include "pipe_names.h"
#include "private.h"

struct transaction {
    void *in, *out;
    uint32_t in_size, out_size, read;
};

/* Write then read through one descriptor, so both see the same
 * connection. A pipe with unread data cannot start a transaction. */
static uint32_t transact(HANDLE pipe, struct fd_ref *ref, void *arg)
{
    struct transaction *t = arg;
    struct pipe_peek peek;
    uint32_t written, err;
    t->read = 0;
    if (!(ref->flags & WH_FD_READ_MESSAGE))
        return ERROR_BAD_PIPE;
    if ((err = pipe_peek(pipe, ref, NULL, 0, &peek)))
        return err;
    if (peek.avail)
        return ERROR_PIPE_BUSY;
    if ((err = pipe_write(pipe, ref, t->in, t->in_size, &written)))
        return err;
    return pipe_read(pipe, ref, t->out, t->out_size, &t->read);
}

BOOL WINAPI TransactNamedPipe(HANDLE pipe, LPVOID in, DWORD in_size, LPVOID out,
                              DWORD out_size, LPDWORD read, LPOVERLAPPED ov)
{
    (void)ov; /* our handles are synchronous */
    struct transaction t = { .in = in, .out = out, .in_size = in_size, .out_size = out_size };
    uint32_t err = with_descriptor(pipe, FILE_READ_DATA, NULL, transact, &t, ERROR_BROKEN_PIPE);
    if (read)
        *read = t.read;
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
