/*
 * A full handle table. The server runs with --max-handles 5000 (the real
 * 2^24 limit is checked by the unit test of the table itself; 16 million
 * round trips would make this test take minutes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "tap.h"

#define LIMIT 5000

static HANDLE handles[LIMIT + 1];

/* Child: per-process limit, so another process can still create. */
static int child(void)
{
    HANDLE e = CreateEventA(NULL, FALSE, FALSE, NULL);
    return e ? 0 : (int)GetLastError();
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();
    int n = 0;
    DWORD err = 0;
    for (; n <= LIMIT; n++) {
        handles[n] = CreateEventA(NULL, FALSE, FALSE, NULL);
        if (!handles[n]) {
            err = GetLastError();
            break;
        }
    }
    ok(n == LIMIT, "the table holds exactly the limit (%d handles)", n);
    ok(err == ERROR_NO_SYSTEM_RESOURCES, "one more fails with ERROR_NO_SYSTEM_RESOURCES (%u)",
       (unsigned)err);
    ok(!DuplicateHandle(GetCurrentProcess(), handles[0], GetCurrentProcess(), &handles[LIMIT],
                        0, FALSE, DUPLICATE_SAME_ACCESS) &&
           GetLastError() == ERROR_NO_SYSTEM_RESOURCES,
       "DuplicateHandle into the full table fails the same way");
    ok(SetEvent(handles[LIMIT - 1]) && WaitForSingleObject(handles[LIMIT - 1], 0) == WAIT_OBJECT_0,
       "the handles of a full table all work");

    char self[MAX_PATH], cmd[MAX_PATH + 16];
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    /* CreateProcessA needs two handles of ours: make room first. */
    CloseHandle(handles[0]);
    CloseHandle(handles[1]);
    DWORD code = 99;
    ok(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi) &&
           WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0 &&
           GetExitCodeProcess(pi.hProcess, &code) && code == 0,
       "another process is not limited by our full table (child got %u)", (unsigned)code);
    ok(CreateEventA(NULL, FALSE, FALSE, NULL) == NULL, "our table is full again");
    CloseHandle(pi.hThread);
    ok(CreateEventA(NULL, FALSE, FALSE, NULL) != NULL, "a freed slot is usable at once");
    for (int i = 2; i < LIMIT; i++)
        CloseHandle(handles[i]);
    ok(CreateEventA(NULL, FALSE, FALSE, NULL) != NULL, "emptied, it fills again");
    return tap_done();
}
