/*
 * A log of the messages a conformance program's procedures get, checked
 * as one line (so the order shows), and a check of a number with the
 * last error. For the window programs.
 */
#ifndef WINHANDLE_MSG_LOG_H
#define WINHANDLE_MSG_LOG_H

#include <string.h>

#include "conformance.h"

static char msg_log[1024];

static inline void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void log_msg(const char *fmt, ...)
{
    size_t len = strlen(msg_log);
    va_list ap;
    va_start(ap, fmt);
    if (len && len < sizeof(msg_log) - 1)
        msg_log[len++] = ' ';
    vsnprintf(msg_log + len, sizeof(msg_log) - len, fmt, ap);
    va_end(ap);
}

static inline void check_log(const char *name)
{
    check(name, "%s", msg_log[0] ? msg_log : "(none)");
    msg_log[0] = 0;
}

/* A number and the last error, reset first so that a success leaving it
 * alone shows. */
#define CHECK_INT(name, expr)                                                  \
    do {                                                                       \
        SetLastError(UNTOUCHED_ERROR);                                         \
        long value_ = (long)(expr);                                            \
        char buf_[32];                                                         \
        DWORD error_ = GetLastError();                                         \
        check(name, "%ld, %s", value_, error_name(error_, buf_));              \
    } while (0)

#endif
