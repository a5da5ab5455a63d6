/*
 * Cross-process integration tests re-execute themselves to play the other
 * process: "self ROLE ARGS...", started with CreateProcessA.
 */
#ifndef WINHANDLE_TEST_SPAWN_SELF_H
#define WINHANDLE_TEST_SPAWN_SELF_H

#include <stdio.h>

#include <windows.h>

static char self_path[MAX_PATH];

static inline void spawn_self_init(void)
{
    GetModuleFileNameA(NULL, self_path, sizeof(self_path));
}

/* si may be NULL; inherit is bInheritHandles. */
static inline BOOL spawn_self(const char *role_and_args, BOOL inherit, STARTUPINFOA *si,
                              PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 1024];
    STARTUPINFOA plain = { .cb = sizeof(plain) };
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self_path, role_and_args);
    return CreateProcessA(NULL, cmd, NULL, NULL, inherit, 0, NULL, NULL, si ? si : &plain, pi);
}

/* The child's exit code once it ended (0xdead if it did not within 20 s:
 * then it is killed), its handles closed. */
static inline DWORD finish_child(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdead;
    if (WaitForSingleObject(pi->hProcess, 20000) == WAIT_OBJECT_0)
        GetExitCodeProcess(pi->hProcess, &code);
    else
        TerminateProcess(pi->hProcess, 0xdead);
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    return code;
}

#endif
