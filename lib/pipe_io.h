/*
 * Moving data through a pipe end's descriptor: what ReadFile, WriteFile,
 * PeekNamedPipe and TransactNamedPipe do once they hold it.
 */
#ifndef WINHANDLE_LIB_PIPE_IO_H
#define WINHANDLE_LIB_PIPE_IO_H

#include <stdint.h>

#include "fd_cache.h"

/* Each returns 0, ERROR_MORE_DATA (with *done bytes), IO_STALE or another
 * Win32 error; *done is what moved. handle is only for asking the server
 * what an end of pipe means. */
uint32_t pipe_read(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                   uint32_t *done);
uint32_t pipe_write(HANDLE handle, struct fd_ref *ref, const void *buf, uint32_t len,
                    uint32_t *done);

/* The other end is gone (read 0 bytes, or EPIPE writing): the Win32
 * error for it, or IO_STALE. */
uint32_t pipe_end_error(HANDLE handle, const struct fd_ref *ref, int writing);

/* A message socket peeked 0 bytes: an empty message, or the end? */
enum zero_read { ZERO_EMPTY_MESSAGE, ZERO_END, ZERO_GONE };
enum zero_read classify_zero(int fd);

struct pipe_peek {
    uint32_t read;  /* bytes copied */
    uint32_t avail; /* bytes in the pipe */
    uint32_t left;  /* of the current message, after the copied part */
};
uint32_t pipe_peek(HANDLE handle, struct fd_ref *ref, void *buf, uint32_t len,
                   struct pipe_peek *out);

#endif
