/*
 * PeekNamedPipe's view of a pipe end, without taking anything out.
 *
 * What is in the pipe comes from FIONREAD. A message pipe's socket counts
 * the part of the head message already read (the peek offset) too, so
 * that is taken off, and the peek itself puts the offset back where it
 * was. A Linux pipe cannot be peeked at by reading: tee(2) copies its
 * bytes into a scratch pipe instead.
 *
 * lpBytesLeftThisMessage is what remains of the head message after the
 * copied part; a byte pipe has no messages, so Windows reports 0 minus
 * what it copied, which wraps around: so do we.
 */
#include "pipe_io.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "file_errors.h"
#include "private.h"

static uint32_t queued(int fd)
{
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 && n > 0 ? (uint32_t)n : 0;
}

static uint32_t peek_message(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                             struct pipe_peek *out)
{
    int offset = 0;
    socklen_t size = sizeof(offset);
    pthread_mutex_lock(&ref->read_lock);
    if (getsockopt(ref->fd, SOL_SOCKET, SO_PEEK_OFF, &offset, &size) < 0 || offset < 0)
        offset = 0;
    uint32_t avail = queued(ref->fd);
    ssize_t n;
    while ((n = recv(ref->fd, buf, len, MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT)) < 0 &&
           errno == EINTR)
        ;
    int saved = errno;
    setsockopt(ref->fd, SOL_SOCKET, SO_PEEK_OFF, &offset, sizeof(offset));
    pthread_mutex_unlock(&ref->read_lock);
    out->avail = avail > (uint32_t)offset ? avail - (uint32_t)offset : 0;
    if (n < 0)
        return saved == EAGAIN ? 0 : win32_from_errno(saved);
    if (n == 0 && classify_zero(ref->fd) == ZERO_END)
        return pipe_end_error(handle, ref, 0);
    out->read = (size_t)n < len ? (uint32_t)n : len;
    out->left = (uint32_t)n - out->read;
    return 0;
}

static uint32_t peek_stream(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                            struct pipe_peek *out)
{
    char byte;
    out->avail = queued(ref->fd);
    if (!out->avail) {
        ssize_t n = recv(ref->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        return n == 0 ? pipe_end_error(handle, ref, 0) : 0;
    }
    if (buf && len) {
        ssize_t n = recv(ref->fd, buf, len, MSG_PEEK | MSG_DONTWAIT);
        out->read = n > 0 ? (uint32_t)n : 0;
    }
    out->left = 0u - out->read;
    return 0;
}

static uint32_t peek_linux_pipe(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                                struct pipe_peek *out)
{
    out->avail = queued(ref->fd);
    if (!out->avail) {
        struct pollfd p = { .fd = ref->fd, .events = POLLIN };
        return poll(&p, 1, 0) == 1 && (p.revents & POLLHUP) ? pipe_end_error(handle, ref, 0)
                                                             : 0;
    }
    if (buf && len) {
        int scratch[2];
        if (pipe2(scratch, O_CLOEXEC) < 0)
            return ERROR_NOT_ENOUGH_MEMORY;
        ssize_t n = tee(ref->fd, scratch[1], len, SPLICE_F_NONBLOCK);
        if (n > 0)
            n = read(scratch[0], buf, (size_t)n);
        out->read = n > 0 ? (uint32_t)n : 0;
        close(scratch[0]);
        close(scratch[1]);
    }
    out->left = 0u - out->read;
    return 0;
}

uint32_t pipe_peek(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                   struct pipe_peek *out)
{
    out->read = out->avail = out->left = 0;
    if ((ref->flags & WH_FD_FILE_TYPE) != FILE_TYPE_PIPE)
        return ERROR_INVALID_FUNCTION;
    if (ref->flags & WH_FD_MESSAGE)
        return peek_message(handle, ref, buf, len, out);
    if (ref->flags & WH_FD_SOCKET)
        return peek_stream(handle, ref, buf, len, out);
    return peek_linux_pipe(handle, ref, buf, len, out);
}
