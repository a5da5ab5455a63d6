/*
 * File positions, sizes, flushing and types, on the handle's descriptor.
 * All handles to one file share its open file description, so they share
 * the position, as handles to one Windows file object do.
 */
#include <errno.h>
#include <poll.h>
#include <linux/sockios.h> /* SIOCOUTQ */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd_cache.h"
#include "file_errors.h"
#include "private.h"

BOOL WINAPI SetFilePointerEx(HANDLE file, LARGE_INTEGER distance, PLARGE_INTEGER new_pos,
                             DWORD method)
{
    static const int whence[] = { SEEK_SET, SEEK_CUR, SEEK_END };
    struct fd_ref *ref;
    if (method > FILE_END)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    uint32_t err = fd_get(file, 0, &ref, NULL);
    if (err)
        return FAIL(err, FALSE);
    off_t pos = lseek(ref->fd, (off_t)distance.QuadPart, whence[method]);
    err = pos < 0 ? (errno == EINVAL ? ERROR_NEGATIVE_SEEK : win32_from_errno(errno)) : 0;
    fd_put(ref);
    if (err)
        return FAIL(err, FALSE);
    if (new_pos)
        new_pos->QuadPart = pos;
    return TRUE;
}

/* The 32-bit form: the distance is lDistanceToMove sign-extended, or the
 * 64-bit pair when the high part is given. A position that needs the
 * high part nobody asked for is refused and not taken. */
DWORD WINAPI SetFilePointer(HANDLE file, LONG distance, PLONG distance_high, DWORD method)
{
    LARGE_INTEGER d, pos, old;
    d.QuadPart = distance_high
                     ? (LONGLONG)(((ULONGLONG)(DWORD)*distance_high << 32) | (DWORD)distance)
                     : (LONGLONG)distance;
    LARGE_INTEGER zero = { .QuadPart = 0 };
    if (!SetFilePointerEx(file, zero, &old, FILE_CURRENT) ||
        !SetFilePointerEx(file, d, &pos, method))
        return INVALID_SET_FILE_POINTER;
    if (!distance_high && pos.QuadPart > (LONGLONG)0xffffffff) {
        SetFilePointerEx(file, old, NULL, FILE_BEGIN);
        return FAIL(ERROR_INVALID_PARAMETER, INVALID_SET_FILE_POINTER);
    }
    if (distance_high)
        *distance_high = pos.HighPart;
    /* 0xffffffff is a valid low part too: the last error tells them apart. */
    if (pos.LowPart == INVALID_SET_FILE_POINTER)
        SetLastError(ERROR_SUCCESS);
    return pos.LowPart;
}

BOOL WINAPI GetFileSizeEx(HANDLE file, PLARGE_INTEGER size)
{
    struct fd_ref *ref;
    struct stat st;
    uint32_t err = fd_get(file, 0, &ref, NULL);
    if (err)
        return FAIL(err, FALSE);
    if (fstat(ref->fd, &st) < 0)
        err = win32_from_errno(errno);
    else if ((ref->flags & WH_FD_FILE_TYPE) != FILE_TYPE_DISK)
        err = ERROR_INVALID_FUNCTION; /* pipes and devices have no size */
    fd_put(ref);
    if (err)
        return FAIL(err, FALSE);
    if (!size)
        return FAIL(ERROR_NOACCESS, FALSE);
    size->QuadPart = st.st_size;
    return TRUE;
}

DWORD WINAPI GetFileSize(HANDLE file, LPDWORD size_high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(file, &size))
        return INVALID_FILE_SIZE;
    if (size_high)
        *size_high = (DWORD)size.HighPart;
    if (size.LowPart == INVALID_FILE_SIZE)
        SetLastError(ERROR_SUCCESS); /* as SetFilePointer: 0xffffffff is a size too */
    return size.LowPart;
}

BOOL WINAPI SetEndOfFile(HANDLE file)
{
    struct fd_ref *ref;
    uint32_t err = fd_get(file, FILE_WRITE_DATA, &ref, NULL);
    if (err)
        return FAIL(err, FALSE);
    off_t pos = lseek(ref->fd, 0, SEEK_CUR);
    if (pos < 0 || ftruncate(ref->fd, pos) < 0)
        err = win32_from_errno(errno);
    fd_put(ref);
    return err ? FAIL(err, FALSE) : TRUE;
}

/* What the reader has not taken yet, on the writing side of a pipe:
 * FIONREAD counts a pipe's buffer from either end, SIOCOUTQ a socket's
 * unread bytes from the sender's. */
static int unread(const struct fd_ref *ref)
{
    int n = 0;
    if (ioctl(ref->fd, (ref->flags & WH_FD_SOCKET) ? SIOCOUTQ : FIONREAD, &n) < 0)
        return 0;
    return n;
}

/* Windows: flushing a pipe waits until the other end read everything. */
static void drain_pipe(const struct fd_ref *ref)
{
    while (unread(ref) > 0) {
        struct pollfd p = { .fd = ref->fd, .events = 0 };
        if (poll(&p, 1, 1) > 0 && (p.revents & (POLLERR | POLLHUP)))
            return; /* nobody left to read it */
    }
}

/* A file needs a handle that may write; a pipe's read end has nothing
 * of its own to flush and succeeds (as Wine does). */
BOOL WINAPI FlushFileBuffers(HANDLE file)
{
    struct fd_ref *ref;
    uint32_t err = fd_get(file, 0, &ref, NULL);
    if (err)
        return FAIL(err, FALSE);
    int may_write = (ref->granted & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0;
    switch (ref->flags & WH_FD_FILE_TYPE) {
    case FILE_TYPE_DISK:
        if (!may_write)
            err = ERROR_ACCESS_DENIED;
        else if (fsync(ref->fd) < 0 && errno != EINVAL)
            err = win32_from_errno(errno);
        break;
    case FILE_TYPE_PIPE:
        if (may_write)
            drain_pipe(ref);
        break;
    }
    fd_put(ref);
    return err ? FAIL(err, FALSE) : TRUE;
}

DWORD WINAPI GetFileType(HANDLE file)
{
    struct fd_ref *ref;
    uint32_t flags = 0;
    uint32_t err = fd_get(file, 0, &ref, &flags);
    if (!err)
        fd_put(ref);
    /* A named pipe end without a connection has no descriptor, but the
     * server said what it is. */
    else if (err != ERROR_PIPE_LISTENING && err != ERROR_PIPE_NOT_CONNECTED)
        return FAIL(err, FILE_TYPE_UNKNOWN);
    DWORD type = flags & WH_FD_FILE_TYPE;
    if (type == FILE_TYPE_UNKNOWN)
        SetLastError(ERROR_SUCCESS); /* unknown, but no failure */
    return type;
}
