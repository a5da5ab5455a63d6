/*
 * ReadFile and WriteFile: straight onto the handle's descriptor, no
 * server round trip once it is cached (fd_cache.c).
 *
 * Files move the shared file position, as all handles to one Windows file
 * object do (they share one open file description here). An OVERLAPPED
 * on our handles, which are all synchronous, only says where in a file
 * to read or write: the transfer happens at once, the position ends up
 * after it, and the OVERLAPPED's event is set, as Windows does for a
 * synchronous handle. Pipes ignore its offset.
 */
#include <errno.h>
#include <unistd.h>

#include "fd_cache.h"
#include "file_errors.h"
#include "pipe_io.h"
#include "private.h"

#define STATUS_SUCCESS_ 0x00000000u
#define STATUS_BUFFER_OVERFLOW_ 0x80000005u /* what ERROR_MORE_DATA is */
#define STATUS_UNSUCCESSFUL_ 0xC0000001u

static off_t overlapped_offset(const OVERLAPPED *ov)
{
    return (off_t)(((uint64_t)ov->OffsetHigh << 32) | ov->Offset);
}

/* A file or a character device: all of it, short only at the end of file. */
static uint32_t file_transfer(struct fd_ref *ref, char *buf, uint32_t len, int writing,
                              OVERLAPPED *ov, uint32_t *done)
{
    int disk = (ref->flags & WH_FD_FILE_TYPE) == FILE_TYPE_DISK;
    off_t at = ov && disk ? overlapped_offset(ov) : -1;
    while (*done < len) {
        ssize_t n;
        if (at >= 0)
            n = writing ? pwrite(ref->fd, buf + *done, len - *done, at + *done)
                        : pread(ref->fd, buf + *done, len - *done, at + *done);
        else
            n = writing ? write(ref->fd, buf + *done, len - *done)
                        : read(ref->fd, buf + *done, len - *done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EISDIR ? ERROR_INVALID_FUNCTION : win32_from_errno(errno);
        if (n == 0)
            break; /* end of file: ReadFile succeeds with what it got */
        *done += (uint32_t)n;
        if (!disk && !writing)
            break; /* a terminal gives a line at a time, and that is a read */
    }
    /* The position follows a positioned transfer on a synchronous handle. */
    if (at >= 0)
        lseek(ref->fd, at + *done, SEEK_SET);
    return 0;
}

struct transfer {
    void *buf;
    uint32_t len, done;
    int writing;
    OVERLAPPED *ov;
};

static uint32_t transfer(HANDLE handle, struct fd_ref *ref, void *arg)
{
    struct transfer *t = arg;
    t->done = 0;
    if ((ref->flags & WH_FD_FILE_TYPE) == FILE_TYPE_PIPE)
        return t->writing ? pipe_write(handle, ref, t->buf, t->len, &t->done)
                          : pipe_read(handle, ref, t->buf, t->len, &t->done);
    return file_transfer(ref, t->buf, t->len, t->writing, t->ov, &t->done);
}

/* The common body: the transfer on the descriptor, then the results. */
static BOOL read_write(HANDLE handle, void *buf, DWORD len, LPDWORD count,
                       LPOVERLAPPED ov, int writing)
{
    struct transfer t = { .buf = buf, .len = len, .writing = writing, .ov = ov };
    uint32_t rights = writing ? FILE_WRITE_DATA | FILE_APPEND_DATA : FILE_READ_DATA;
    if (count)
        *count = 0;
    if (!buf && len)
        return FAIL(ERROR_NOACCESS, FALSE);
    uint32_t err = with_descriptor(handle, rights, NULL, transfer, &t,
                                   writing ? ERROR_NO_DATA : ERROR_BROKEN_PIPE);
    uint32_t done = t.done;
    if (count)
        *count = done;
    if (ov) {
        ov->Internal = err == ERROR_MORE_DATA ? STATUS_BUFFER_OVERFLOW_
                       : err                  ? STATUS_UNSUCCESSFUL_
                                              : STATUS_SUCCESS_;
        ov->InternalHigh = done;
        if (ov->hEvent && (!err || err == ERROR_MORE_DATA))
            SetEvent(ov->hEvent);
    }
    return err ? FAIL(err, FALSE) : TRUE;
}

BOOL WINAPI ReadFile(HANDLE handle, LPVOID buf, DWORD len, LPDWORD count, LPOVERLAPPED ov)
{
    return read_write(handle, buf, len, count, ov, 0);
}

BOOL WINAPI WriteFile(HANDLE handle, LPCVOID buf, DWORD len, LPDWORD count,
                      LPOVERLAPPED ov)
{
    return read_write(handle, (void *)buf, len, count, ov, 1);
}
