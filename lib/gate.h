/*
 * Start gates: how a thread or a child process is held before it runs any
 * user code. The gate is a pipe; the held party blocks reading it. Whoever
 * holds the write end lets it go by writing one byte (and closing), or
 * turns it away by closing without writing. For CREATE_SUSPENDED the
 * server holds the write end, so ResumeThread from any process of the
 * session can open it.
 */
#ifndef WINHANDLE_LIB_GATE_H
#define WINHANDLE_LIB_GATE_H

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static inline int gate_create(int fds[2])
{
    return pipe2(fds, O_CLOEXEC);
}

/* Block until the gate opens (1) or is closed unopened (0). Only uses
 * read(), so a forked child may call it before exec. */
static inline int gate_wait(int read_fd)
{
    char byte;
    ssize_t n;
    while ((n = read(read_fd, &byte, 1)) < 0 && errno == EINTR)
        ;
    return n == 1;
}

static inline void gate_open(int write_fd)
{
    static const char go = 1;
    ssize_t n;
    while ((n = write(write_fd, &go, 1)) < 0 && errno == EINTR)
        ;
}

#endif
