/*
 * What the cross-process conformance programs (inherit, duplicate,
 * processes) share: a program re-executes itself to play the other
 * processes, and the processes talk through kernel objects only, so the
 * same source runs under Wine and here.
 *
 * - A child is the program run again with a role as its first argument,
 *   then a tag (the parent's process id) that makes the names of the
 *   objects they share private to one run, then handle values and ids.
 * - Children never print: the transcript is the parent's alone. They
 *   report through their exit code, or through mailboxes while running.
 * - A mailbox passes a number to or from a running process: it is the count
 *   of a named semaphore, which anyone holding it can read without taking
 *   it (ReleaseSemaphore returns the previous count).
 * - A probe is what one process can do with one event handle (read its
 *   flags, wait on it, set it), packed into a number that the process that
 *   prints unpacks into checks.
 */
#ifndef WINHANDLE_CONFORMANCE_CHILDREN_H
#define WINHANDLE_CONFORMANCE_CHILDREN_H

#include <stdlib.h>
#include <string.h>

#include "conformance.h"

/* The running program, for re-executing it. */
static char self_path[MAX_PATH];

static inline void children_init(void)
{
    GetModuleFileNameA(NULL, self_path, sizeof(self_path));
}

/* Start this program again as "self ROLE ARGS". */
static inline BOOL spawn_self_ex(const char *role_and_args, LPSECURITY_ATTRIBUTES psa,
                                 LPSECURITY_ATTRIBUTES tsa, BOOL inherit, DWORD flags,
                                 STARTUPINFOA *si, PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 1024];
    STARTUPINFOA plain;
    if (!si) {
        ZeroMemory(&plain, sizeof(plain));
        plain.cb = sizeof(plain);
        si = &plain;
    }
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self_path, role_and_args);
    return CreateProcessA(NULL, cmd, psa, tsa, inherit, flags, NULL, NULL, si, pi);
}

static inline BOOL spawn_self(const char *role_and_args, BOOL inherit, PROCESS_INFORMATION *pi)
{
    return spawn_self_ex(role_and_args, NULL, NULL, inherit, 0, NULL, pi);
}

/* Wait for a child to end and close its handles: its exit code, or 0xdead
 * if it did not end within PATIENCE_MS (then it is terminated). */
static inline DWORD finish_child(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdead;
    if (WaitForSingleObject(pi->hProcess, PATIENCE_MS) == WAIT_OBJECT_0)
        GetExitCodeProcess(pi->hProcess, &code);
    else
        TerminateProcess(pi->hProcess, 0xdead);
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    return code;
}

/* Run a child to its end: its exit code, or 0xdead if it did not start. */
static inline DWORD run_self(const char *role_and_args, BOOL inherit)
{
    PROCESS_INFORMATION pi;
    if (!spawn_self(role_and_args, inherit, &pi))
        return 0xdead;
    return finish_child(&pi);
}

/* One bit of a child's exit code: yes or no (no if it did not end). */
static inline void check_bit(const char *name, DWORD code, DWORD bit)
{
    check_yes(name, code != 0xdead && (code & bit));
}

/* A handle's flags: TRUE and the flags, or FALSE and the error. */
static inline void show_flags(const char *name, HANDLE h)
{
    DWORD flags = 0xdead;
    BOOL ok = GetHandleInformation(h, &flags);
    if (ok)
        check(name, "TRUE, flags %u", (unsigned)flags);
    else
        check_bool(name, FALSE);
}

/* Handle values and ids travel on command lines as numbers. */
static inline HANDLE arg_handle(const char *s)
{
    return (HANDLE)(ULONG_PTR)strtoul(s, NULL, 0);
}

static inline DWORD arg_number(const char *s)
{
    return (DWORD)strtoul(s, NULL, 0);
}

/* "conf-TAG-WHAT": a name private to one run of one program. */
static inline const char *shared_name(DWORD tag, const char *what)
{
    static char name[MAX_PATH];
    snprintf(name, sizeof(name), "conf-%lu-%s", (unsigned long)tag, what);
    return name;
}

/* A named manual-reset event both sides may create first. */
static inline HANDLE shared_event(DWORD tag, const char *what)
{
    return CreateEventA(NULL, TRUE, FALSE, shared_name(tag, what));
}

/* Set a shared event and keep no handle: the waiter holds one. */
static inline void signal_shared(DWORD tag, const char *what)
{
    HANDLE h = shared_event(tag, what);
    SetEvent(h);
    CloseHandle(h);
}

/* ---- mailboxes ---- */

/* Counts go up to 0x7fffffff; a mailbox holds value + 1 on top of the
 * count it was made with, so 0 can be posted too. A mailbox is a named
 * object: the reader opens it before the writer posts and holds it, or
 * the post goes with the writer's handle. */
#define MAILBOX_MAX 0x7fffffffL

static inline HANDLE mailbox_open(DWORD tag, const char *what)
{
    return CreateSemaphoreA(NULL, 0, MAILBOX_MAX, shared_name(tag, what));
}

static inline void mailbox_put(DWORD tag, const char *what, DWORD value)
{
    HANDLE box = mailbox_open(tag, what);
    ReleaseSemaphore(box, (LONG)value + 1, NULL);
    CloseHandle(box);
}

/* The value posted, or 0xdead if none was. Reading adds one to the count,
 * so a mailbox is read once. */
static inline DWORD mailbox_get(HANDLE box)
{
    LONG count = 0;
    if (!ReleaseSemaphore(box, 1, &count) || count == 0)
        return 0xdead;
    return (DWORD)(count - 1);
}

/* ---- probes of an event handle ---- */

/* The outcome of one call, in 3 bits. */
enum outcome {
    OUT_OK,            /* TRUE, or WAIT_OBJECT_0 */
    OUT_TIMEOUT,       /* WAIT_TIMEOUT */
    OUT_ACCESS_DENIED, /* failed with ERROR_ACCESS_DENIED */
    OUT_INVALID,       /* failed with ERROR_INVALID_HANDLE */
    OUT_OTHER,         /* failed otherwise */
};

static inline DWORD outcome_of_error(DWORD error)
{
    return error == ERROR_ACCESS_DENIED ? OUT_ACCESS_DENIED
           : error == ERROR_INVALID_HANDLE ? OUT_INVALID : OUT_OTHER;
}

static inline DWORD outcome_of_bool(BOOL ok)
{
    return ok ? OUT_OK : outcome_of_error(GetLastError());
}

static inline DWORD outcome_of_wait(DWORD result)
{
    if (result == WAIT_OBJECT_0)
        return OUT_OK;
    if (result == WAIT_TIMEOUT)
        return OUT_TIMEOUT;
    return result == WAIT_FAILED ? outcome_of_error(GetLastError()) : OUT_OTHER;
}

static inline const char *outcome_name(DWORD outcome, BOOL is_wait)
{
    switch (outcome) {
    case OUT_OK: return is_wait ? "WAIT_OBJECT_0" : "TRUE";
    case OUT_TIMEOUT: return "WAIT_TIMEOUT";
    case OUT_ACCESS_DENIED: return is_wait ? "WAIT_FAILED, ERROR_ACCESS_DENIED"
                                           : "FALSE, ERROR_ACCESS_DENIED";
    case OUT_INVALID: return is_wait ? "WAIT_FAILED, ERROR_INVALID_HANDLE"
                                     : "FALSE, ERROR_INVALID_HANDLE";
    default: return "another failure";
    }
}

/* Bits 0-2: GetHandleInformation, 3-4: the flags it gave, 5-7: a wait of
 * 0 ms, 8-10: SetEvent (after the wait, so the wait sees the state the
 * handle was given in). The 0x800 bit marks a probe that was made. */
#define PROBE_MADE 0x800u

static inline DWORD probe_event(HANDLE h)
{
    DWORD flags = 0;
    DWORD info = outcome_of_bool(GetHandleInformation(h, &flags));
    DWORD wait = outcome_of_wait(WaitForSingleObject(h, 0));
    DWORD set = outcome_of_bool(SetEvent(h));
    return PROBE_MADE | info | (info == OUT_OK ? (flags & 3) << 3 : 0) | wait << 5 | set << 8;
}

/* Three checks: PREFIX.flags, PREFIX.wait, PREFIX.set. */
static inline void print_probe(const char *prefix, DWORD probe)
{
    if (!(probe & PROBE_MADE)) {
        check(prefix, "no probe (0x%x)", (unsigned)probe);
        return;
    }
    DWORD info = probe & 7;
    if (info == OUT_OK)
        check(check_name(prefix, "flags"), "TRUE, flags %u", (unsigned)((probe >> 3) & 3));
    else
        check(check_name(prefix, "flags"), "%s", outcome_name(info, FALSE));
    check(check_name(prefix, "wait"), "%s", outcome_name((probe >> 5) & 7, TRUE));
    check(check_name(prefix, "set"), "%s", outcome_name((probe >> 8) & 7, FALSE));
}

#endif
