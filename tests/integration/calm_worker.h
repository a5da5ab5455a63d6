/* A well-behaved client thread for the hostile-input tests: it sets and
 * waits on an event of its own until stop_worker, and returns how many
 * round trips it made, or 0xdead at its first failure. Whatever the test
 * does to the server on its raw connections, it must notice nothing. */
#ifndef WINHANDLE_TEST_CALM_WORKER_H
#define WINHANDLE_TEST_CALM_WORKER_H

#include <windows.h>

#include "tap.h"

static volatile int stop_worker;

static DWORD WINAPI worker(LPVOID arg)
{
    (void)arg;
    HANDLE e = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD good = 0;
    while (!stop_worker) {
        if (SetEvent(e) && WaitForSingleObject(e, 1000) == WAIT_OBJECT_0)
            good++;
        else
            return 0xdead;
    }
    CloseHandle(e);
    return good;
}

/* Start it, as a test's first check. */
static HANDLE calm_worker_start(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    ok(t != NULL, "a well-behaved client thread runs alongside");
    return t;
}

/* Stop it and check that it saw nothing, and that the server still makes
 * a named object (name: one of the test's own). */
static void calm_worker_finish(HANDLE t, const char *name)
{
    stop_worker = 1;
    DWORD good = 0;
    BOOL ended = WaitForSingleObject(t, 10000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &good);
    ok(ended && good > 0 && good != 0xdead,
       "the well-behaved client never saw a failure (%u round trips)", (unsigned)good);
    HANDLE e = CreateEventA(NULL, TRUE, TRUE, name);
    ok(e && WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "the server still serves new work");
}

#endif
