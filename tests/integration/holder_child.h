/*
 * The inspector tests' second process: a child (this program again, with
 * spawn_self) that opens a named event and holds it until killed, so the
 * inspector has an object shared by two processes to show.
 */
#ifndef WINHANDLE_TEST_HOLDER_CHILD_H
#define WINHANDLE_TEST_HOLDER_CHILD_H

#include <stdio.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"

#define HOLDER_READY "inspector-holder-ready"

/* In main, first: "self hold NAME" plays the child. Returns -1 otherwise. */
static inline int holder_child_main(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "hold"))
        return -1;
    HANDLE ev = OpenEventA(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, argv[2]);
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, HOLDER_READY);
    if (!ev || !ready || !SetEvent(ready))
        return 1;
    Sleep(20000);
    return 0;
}

/* Start a child holding the event called name, once it holds it. */
static inline BOOL start_holder(const char *name, PROCESS_INFORMATION *pi)
{
    char args[128];
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, HOLDER_READY);
    snprintf(args, sizeof(args), "hold %s", name);
    BOOL held = ready && spawn_self(args, FALSE, NULL, pi) &&
                WaitForSingleObject(ready, 20000) == WAIT_OBJECT_0;
    CloseHandle(ready);
    return held;
}

#endif
