/*
 * Reading and writing pipe ends (see pipe_io.h).
 *
 * Three kinds of descriptor: a Linux pipe (anonymous pipes, and a FIFO
 * behind a standard handle), a SOCK_STREAM socket (a byte-type named
 * pipe) and a SOCK_SEQPACKET socket (a message-type named pipe).
 *
 * Messages. A packet is one message. ReadFile in message mode must hand
 * over a message bigger than its buffer in pieces, ERROR_MORE_DATA with
 * each piece but the last, and a SOCK_SEQPACKET read would discard the
 * rest; so messages are read with MSG_PEEK at the socket's peek offset
 * (SO_PEEK_OFF, set up by the server), which advances by what was copied
 * and is kept by the kernel per socket, that is, for every process
 * reading this end. A message is consumed (a zero-byte recv) only once
 * its last byte has been handed over. MSG_TRUNC makes the peek return what
 * is left of the message, so one call tells whether the buffer holds it.
 *
 * An empty message and the end of the pipe both read as 0 bytes; the
 * server turned on SO_PASSCRED, so a message brings credentials and the
 * end brings nothing.
 */
#include "pipe_io.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "file_errors.h"
#include "private.h"

static int is_message_pipe(const struct fd_ref *ref)
{
    return (ref->flags & WH_FD_MESSAGE) != 0;
}

static int nowait(const struct fd_ref *ref)
{
    return (ref->flags & WH_FD_NOWAIT) != 0;
}

/* The other end is gone, or (a named pipe) was disconnected or replaced:
 * the server knows which, and so which error Windows gives. */
uint32_t pipe_end_error(HANDLE handle, const struct fd_ref *ref, int writing)
{
    if (!(ref->flags & WH_FD_NAMED))
        return writing ? ERROR_NO_DATA : ERROR_BROKEN_PIPE;
    struct wh_pipe_status_request req = { .handle = handle_to_wire(handle),
                                          .writing = (uint32_t)writing };
    struct wh_pipe_status_reply reply;
    uint32_t err = SERVER_CALL(pipe_status, &req, &reply, NULL, 0);
    return err ? err : IO_STALE;
}

/* ---- reading ---- */

/* A peek read 0 bytes: an empty message (it has credentials attached),
 * the end of the pipe, or (a racing reader took it) nothing any more. */
enum zero_read classify_zero(int fd)
{
    union {
        char buf[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } control;
    char byte;
    struct iovec iov = { &byte, 0 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = control.buf, .msg_controllen = sizeof(control.buf) };
    ssize_t n;
    while ((n = recvmsg(fd, &msg, MSG_PEEK | MSG_DONTWAIT)) < 0 && errno == EINTR)
        ;
    if (n < 0)
        return errno == EAGAIN ? ZERO_GONE : ZERO_END;
    return msg.msg_controllen ? ZERO_EMPTY_MESSAGE : ZERO_END;
}

/* Drop the message at the head: all of it has been handed over. */
static void consume_message(int fd)
{
    while (recv(fd, NULL, 0, MSG_DONTWAIT) < 0 && errno == EINTR)
        ;
}

/* Peek at what is left of the current message into buf; returns what is
 * left (maybe more than len: only len was copied), or -1 and errno. */
static ssize_t peek_message(int fd, void *buf, uint32_t len, int flags)
{
    ssize_t n;
    while ((n = recv(fd, buf, len, MSG_PEEK | MSG_TRUNC | flags)) < 0 && errno == EINTR)
        ;
    return n;
}

/* Message read mode: at most one message, ERROR_MORE_DATA if it does not fit. */
static uint32_t read_message(HANDLE handle, struct fd_ref *ref, char *buf, uint32_t len,
                             uint32_t *done)
{
    int flags = nowait(ref) ? MSG_DONTWAIT : 0;
    for (;;) {
        ssize_t n = peek_message(ref->fd, buf, len, flags);
        if (n < 0) {
            if (errno == EAGAIN)
                return ERROR_NO_DATA; /* PIPE_NOWAIT and nothing there */
            return errno == ECONNRESET ? pipe_end_error(handle, ref, 0) : win32_from_errno(errno);
        }
        if (n == 0) {
            enum zero_read z = classify_zero(ref->fd);
            if (z == ZERO_GONE)
                continue;
            if (z == ZERO_END)
                return pipe_end_error(handle, ref, 0);
            consume_message(ref->fd);
            return 0;
        }
        if ((size_t)n <= len) {
            consume_message(ref->fd);
            *done = (uint32_t)n;
            return 0;
        }
        *done = len; /* the peek offset now points at the rest */
        return ERROR_MORE_DATA;
    }
}

/* Byte read mode on a message pipe: the bytes of as many messages as are
 * there and fit, the last one perhaps in part (its rest comes next). */
static uint32_t read_message_bytes(HANDLE handle, struct fd_ref *ref, char *buf,
                                   uint32_t len, uint32_t *done)
{
    uint32_t total = 0;
    int waited = 0; /* block for the first message only */
    while (total < len) {
        int flags = waited || nowait(ref) ? MSG_DONTWAIT : 0;
        ssize_t n = peek_message(ref->fd, buf + total, len - total, flags);
        if (n < 0) {
            if (errno == EAGAIN)
                return total || waited ? 0 : ERROR_NO_DATA;
            if (total)
                return 0;
            return errno == ECONNRESET ? pipe_end_error(handle, ref, 0) : win32_from_errno(errno);
        }
        waited = 1;
        if (n == 0) {
            enum zero_read z = classify_zero(ref->fd);
            if (z == ZERO_END)
                return total ? 0 : pipe_end_error(handle, ref, 0);
            if (z == ZERO_EMPTY_MESSAGE)
                consume_message(ref->fd);
            continue;
        }
        uint32_t room = len - total;
        if ((size_t)n > room) {
            total = len;
            break;
        }
        consume_message(ref->fd);
        total += (uint32_t)n;
        *done = total;
    }
    *done = total;
    return 0;
}

/* A Linux pipe or a stream socket: what is there, up to len. */
static uint32_t read_bytes(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                           uint32_t *done)
{
    int is_socket = (ref->flags & WH_FD_SOCKET) != 0;
    if (nowait(ref) && !is_socket) {
        struct pollfd p = { .fd = ref->fd, .events = POLLIN };
        if (poll(&p, 1, 0) == 0)
            return ERROR_NO_DATA;
    }
    for (;;) {
        ssize_t n = is_socket ? recv(ref->fd, buf, len, nowait(ref) ? MSG_DONTWAIT : 0)
                              : read(ref->fd, buf, len);
        if (n > 0) {
            *done = (uint32_t)n;
            return 0;
        }
        if (n == 0 || errno == ECONNRESET)
            return pipe_end_error(handle, ref, 0);
        if (errno == EAGAIN)
            return ERROR_NO_DATA;
        if (errno != EINTR)
            return win32_from_errno(errno);
    }
}

uint32_t pipe_read(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                   uint32_t *done)
{
    *done = 0;
    if (!is_message_pipe(ref))
        return len ? read_bytes(handle, ref, buf, len, done) : 0;
    /* One reader at a time moves this end's peek offset. */
    pthread_mutex_lock(&ref->read_lock);
    uint32_t err = (ref->flags & WH_FD_READ_MESSAGE)
                       ? read_message(handle, ref, buf, len, done)
                       : len ? read_message_bytes(handle, ref, buf, len, done) : 0;
    pthread_mutex_unlock(&ref->read_lock);
    return err;
}

/* ---- writing ---- */

/* write() to a pipe without readers raises SIGPIPE, which would kill a
 * program that never asked for it; Windows reports ERROR_NO_DATA. Block
 * it for this thread while writing, and take back the one we caused. */
static ssize_t write_quietly(int fd, const void *buf, size_t len)
{
    sigset_t pipe_set, old, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    sigpending(&pending);
    int was_pending = sigismember(&pending, SIGPIPE);
    ssize_t n = write(fd, buf, len);
    int saved = errno;
    if (n < 0 && saved == EPIPE && !was_pending) {
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return n;
}

/* A byte pipe: everything, unless PIPE_NOWAIT finds it full. */
static uint32_t write_bytes(HANDLE handle, struct fd_ref *ref, const char *buf,
                            uint32_t len, uint32_t *done)
{
    int is_socket = (ref->flags & WH_FD_SOCKET) != 0;
    int flags = MSG_NOSIGNAL | (nowait(ref) ? MSG_DONTWAIT : 0);
    while (*done < len) {
        ssize_t n = is_socket ? send(ref->fd, buf + *done, len - *done, flags)
                              : write_quietly(ref->fd, buf + *done, len - *done);
        if (n >= 0) {
            *done += (uint32_t)n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN)
            return 0; /* PIPE_NOWAIT: what fitted */
        if (errno == EPIPE || errno == ECONNRESET)
            return pipe_end_error(handle, ref, 1);
        return win32_from_errno(errno);
    }
    return 0;
}

/* A message pipe: one packet, whole or not at all. */
static uint32_t write_message(HANDLE handle, struct fd_ref *ref, const void *buf,
                              uint32_t len, uint32_t *done)
{
    int flags = MSG_NOSIGNAL | (nowait(ref) ? MSG_DONTWAIT : 0);
    ssize_t n;
    while ((n = send(ref->fd, buf, len, flags)) < 0 && errno == EINTR)
        ;
    if (n >= 0) {
        *done = (uint32_t)n;
        return 0;
    }
    if (errno == EAGAIN)
        return 0; /* PIPE_NOWAIT: no room for it, nothing written */
    if (errno == EMSGSIZE)
        return ERROR_NOT_ENOUGH_QUOTA; /* bigger than the socket can ever hold */
    if (errno == EPIPE || errno == ECONNRESET)
        return pipe_end_error(handle, ref, 1);
    return win32_from_errno(errno);
}

uint32_t pipe_write(HANDLE handle, struct fd_ref *ref, const void *buf, uint32_t len,
                    uint32_t *done)
{
    *done = 0;
    if (is_message_pipe(ref))
        return write_message(handle, ref, buf, len, done);
    return len ? write_bytes(handle, ref, buf, len, done) : 0;
}
