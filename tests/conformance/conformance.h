/*
 * What every conformance program shares: one line per check,
 *
 *     CHECK name: outcome
 *
 * where the outcome is semantic (TRUE/FALSE, an error's name, a wait
 * result), never a handle value or an id, so the transcript of a run here
 * and of the same source built with mingw-w64 and run under Wine can be
 * compared line by line (tests/conformance/regen.sh makes Wine's).
 *
 * Each helper reads GetLastError() before doing anything else, so write the
 * call being checked as the argument: check_bool("x", SetEvent(h)).
 * Everything is static inline so a program may use only some of it.
 */
#ifndef WINHANDLE_CONFORMANCE_H
#define WINHANDLE_CONFORMANCE_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <windows.h>

/* Set before a call whose last error we print, so "left unchanged" shows. */
#define UNTOUCHED_ERROR 0xdeadu

static inline const char *error_name(DWORD error, char buf[32])
{
    static const struct {
        DWORD code;
        const char *name;
    } names[] = {
        { ERROR_SUCCESS, "ERROR_SUCCESS" },
        { ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND" },
        { ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND" },
        { ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED" },
        { ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE" },
        { ERROR_NOT_ENOUGH_MEMORY, "ERROR_NOT_ENOUGH_MEMORY" },
        { ERROR_NOT_SUPPORTED, "ERROR_NOT_SUPPORTED" },
        { ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER" },
        { ERROR_INVALID_NAME, "ERROR_INVALID_NAME" },
        { ERROR_BAD_PATHNAME, "ERROR_BAD_PATHNAME" },
        { ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS" },
        { ERROR_FILENAME_EXCED_RANGE, "ERROR_FILENAME_EXCED_RANGE" },
        { ERROR_NOT_OWNER, "ERROR_NOT_OWNER" },
        { ERROR_TOO_MANY_POSTS, "ERROR_TOO_MANY_POSTS" },
        { ERROR_NOACCESS, "ERROR_NOACCESS" },
        { ERROR_INVALID_FLAGS, "ERROR_INVALID_FLAGS" },
        { ERROR_INVALID_ADDRESS, "ERROR_INVALID_ADDRESS" },
        { ERROR_MAPPED_ALIGNMENT, "ERROR_MAPPED_ALIGNMENT" },
        { ERROR_FILE_INVALID, "ERROR_FILE_INVALID" },
        { ERROR_BAD_EXE_FORMAT, "ERROR_BAD_EXE_FORMAT" },
        { ERROR_INVALID_FUNCTION, "ERROR_INVALID_FUNCTION" },
        { ERROR_NO_ASSOCIATION, "ERROR_NO_ASSOCIATION" },
        { ERROR_CALL_NOT_IMPLEMENTED, "ERROR_CALL_NOT_IMPLEMENTED" },
        { ERROR_BAD_FORMAT, "ERROR_BAD_FORMAT" },
        { UNTOUCHED_ERROR, "(unchanged)" },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].code == error)
            return names[i].name;
    snprintf(buf, 32, "error %u", (unsigned)error);
    return buf;
}

/* Print one check. Flushed at once: child processes and threads share
 * stdout, and a crash must not eat the lines before it. */
static inline void check(const char *name, const char *fmt, ...)
{
    va_list ap;
    printf("CHECK %s: ", name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

/* A BOOL result: TRUE, or FALSE with the last error. */
static inline void check_bool(const char *name, BOOL ok)
{
    char buf[32];
    DWORD error = GetLastError();
    if (ok)
        check(name, "TRUE");
    else
        check(name, "FALSE, %s", error_name(error, buf));
}

/* Whether a returned handle is one, or NULL with the last error. */
static inline void check_handle(const char *name, HANDLE h)
{
    char buf[32];
    DWORD error = GetLastError();
    if (h)
        check(name, "handle");
    else
        check(name, "NULL, %s", error_name(error, buf));
}

/* A Create* result: the last error matters on success too (0 for a new
 * object, ERROR_ALREADY_EXISTS for an existing name). Call SetLastError
 * (UNTOUCHED_ERROR) first so that a success leaving it alone shows. */
static inline void check_create(const char *name, HANDLE h)
{
    char buf[32];
    DWORD error = GetLastError();
    check(name, "%s, %s", h ? "handle" : "NULL", error_name(error, buf));
}

/* A wait result by name. */
static inline void check_wait(const char *name, DWORD result)
{
    char buf[32];
    DWORD error = GetLastError();
    if (result == WAIT_FAILED)
        check(name, "WAIT_FAILED, %s", error_name(error, buf));
    else if (result == WAIT_TIMEOUT)
        check(name, "WAIT_TIMEOUT");
    else if (result < MAXIMUM_WAIT_OBJECTS)
        check(name, "WAIT_OBJECT_0+%u", (unsigned)result);
    else if (result >= WAIT_ABANDONED_0 && result < WAIT_ABANDONED_0 + MAXIMUM_WAIT_OBJECTS)
        check(name, "WAIT_ABANDONED_0+%u", (unsigned)(result - WAIT_ABANDONED_0));
    else
        check(name, "unexpected 0x%x", (unsigned)result);
}

/* A yes/no fact about values we must not print (handles, ids). */
static inline void check_yes(const char *name, int fact)
{
    check(name, fact ? "yes" : "no");
}

/* A thread that ends on its own must end within this; a wait that hits it
 * is a hang, and the check prints WAIT_TIMEOUT instead of hanging the run. */
#define PATIENCE_MS 10000

/* "prefix.suffix", for checks named by a helper. One buffer: use the name
 * before asking for the next. */
static inline const char *check_name(const char *prefix, const char *suffix)
{
    static char name[128];
    snprintf(name, sizeof(name), "%s.%s", prefix, suffix);
    return name;
}

/*
 * A thread blocked in a wait on one object. It enters the wait with
 * SignalObjectAndWait(ready, object): Wine and winhandle signal and start
 * waiting in one server step, so once waiter_start has seen "ready" the
 * thread is in its wait, with no sleeping and no race. (Windows does the
 * two in one call but does not promise one step.)
 */
struct waiter {
    HANDLE ready, object, thread;
    DWORD result; /* of the wait, once the thread has ended */
};

static inline DWORD WINAPI waiter_main(LPVOID arg)
{
    struct waiter *w = arg;
    w->result = SignalObjectAndWait(w->ready, w->object, PATIENCE_MS, FALSE);
    return 0;
}

static inline void waiter_start(struct waiter *w, HANDLE object)
{
    w->ready = CreateEventA(NULL, FALSE, FALSE, NULL);
    w->object = object;
    w->result = 0xdead;
    w->thread = CreateThread(NULL, 0, waiter_main, w, 0, NULL);
    WaitForSingleObject(w->ready, INFINITE);
}

static inline void waiter_finish(struct waiter *w)
{
    WaitForSingleObject(w->thread, INFINITE);
    CloseHandle(w->thread);
    CloseHandle(w->ready);
}

/* GetUserObjectInformationA(h, index) on a desktop or window station:
 * TRUE with its string and size, or FALSE with the last error. */
static inline void show_user_object_info(const char *name, HANDLE h, int index)
{
    char buf[64];
    DWORD needed = 0;
    memset(buf, 0, sizeof(buf));
    SetLastError(UNTOUCHED_ERROR);
    BOOL ok = GetUserObjectInformationA(h, index, buf, sizeof(buf), &needed);
    char err[32];
    DWORD error = GetLastError();
    if (ok)
        check(name, "TRUE \"%s\" needed %u", buf, (unsigned)needed);
    else
        check(name, "FALSE, %s", error_name(error, err));
}

#endif
