/*
 * Checks the file and pipe programs share: their errors by name, results
 * of calls that move data, and the data itself.
 */
#ifndef WINHANDLE_CONFORMANCE_IO_CHECKS_H
#define WINHANDLE_CONFORMANCE_IO_CHECKS_H

#include "conformance.h"

/* The file and pipe errors, by name; everything else as conformance.h
 * names it. */
static inline const char *io_error(DWORD error)
{
    static char buf[32];
    switch (error) {
    case ERROR_INVALID_FUNCTION: return "ERROR_INVALID_FUNCTION";
    case ERROR_SHARING_VIOLATION: return "ERROR_SHARING_VIOLATION";
    case ERROR_FILE_EXISTS: return "ERROR_FILE_EXISTS";
    case ERROR_NEGATIVE_SEEK: return "ERROR_NEGATIVE_SEEK";
    case ERROR_BROKEN_PIPE: return "ERROR_BROKEN_PIPE";
    case ERROR_BAD_PIPE: return "ERROR_BAD_PIPE";
    case ERROR_PIPE_BUSY: return "ERROR_PIPE_BUSY";
    case ERROR_NO_DATA: return "ERROR_NO_DATA";
    case ERROR_PIPE_NOT_CONNECTED: return "ERROR_PIPE_NOT_CONNECTED";
    case ERROR_MORE_DATA: return "ERROR_MORE_DATA";
    case ERROR_PIPE_CONNECTED: return "ERROR_PIPE_CONNECTED";
    case ERROR_PIPE_LISTENING: return "ERROR_PIPE_LISTENING";
    case ERROR_SEM_TIMEOUT: return "ERROR_SEM_TIMEOUT";
    default: return error_name(error, buf);
    }
}

static inline void check_ok(const char *name, BOOL ok)
{
    DWORD error = GetLastError();
    if (ok)
        check(name, "TRUE");
    else
        check(name, "FALSE, %s", io_error(error));
}

/* A transfer: the result, and the count the call reported. */
static inline void check_io(const char *name, BOOL ok, DWORD count)
{
    DWORD error = GetLastError();
    if (ok)
        check(name, "TRUE, %u bytes", (unsigned)count);
    else
        check(name, "FALSE, %s, %u bytes", io_error(error), (unsigned)count);
}

/* The call runs before its count is read: arguments have no order. */
#define IO(name, call, count)                                                  \
    do {                                                                       \
        BOOL io_ok_ = (call);                                                  \
        check_io(name, io_ok_, count);                                         \
    } while (0)

/* Did the bytes arrive as they were sent? */
static inline void check_data(const char *name, const char *buf, DWORD len, const char *want)
{
    check(name, "%s", len == strlen(want) && !memcmp(buf, want, len) ? "as sent" : "different");
}

static inline BOOL write_str(HANDLE h, const char *s, DWORD *written)
{
    *written = 0xdead;
    return WriteFile(h, s, (DWORD)strlen(s), written, NULL);
}

static inline BOOL read_buf(HANDLE h, char *buf, DWORD len, DWORD *got)
{
    *got = 0xdead;
    return ReadFile(h, buf, len, got, NULL);
}

#endif
