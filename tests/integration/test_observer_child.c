/*
 * The inspector started by a Windows program's CreateProcessA (as
 * scripts/demo.sh's demo does) looks at the session without joining it.
 * It is a process its parent made, so it is listed with its main thread,
 * as on Windows, but it never connects as a Windows thread (a child of
 * CreateProcessA otherwise connects before its main runs), so it is never
 * traced, counted or waited for as one.
 *
 *   test_observer_child WINHANDLE_TOOL      (under isolate.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "tap.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_observer_child WINHANDLE_TOOL\n");
        return 2;
    }
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE r, w;
    ok(CreatePipe(&r, &w, &sa, 0), "a pipe for the inspector's output");
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES };
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    char cmd[MAX_PATH + 32];
    snprintf(cmd, sizeof(cmd), "\"%s\" ps --json", argv[1]);
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    ok(started, "winhandle ps --json started with CreateProcessA");
    CloseHandle(w);
    if (!started)
        return tap_done();

    static char out[1 << 16];
    DWORD used = 0, n;
    while (used < sizeof(out) - 1 && ReadFile(r, out + used, sizeof(out) - 1 - used, &n, NULL) && n)
        used += n;
    out[used] = '\0';
    DWORD code = 1;
    WaitForSingleObject(pi.hProcess, 20000);
    GetExitCodeProcess(pi.hProcess, &code);
    ok(code == 0, "it exits 0 (%lu)", (unsigned long)code);

    char mine[64], its[64];
    snprintf(mine, sizeof(mine), "\"pid\": %lu,", (unsigned long)GetCurrentProcessId());
    snprintf(its, sizeof(its), "\"pid\": %lu,", (unsigned long)pi.dwProcessId);
    ok(strstr(out, mine) != NULL, "it lists this process");
    const char *self = strstr(out, its);
    const char *conns = self ? strstr(self, "\"connections\": ") : NULL;
    ok(self != NULL, "and the inspector, a process its parent made");
    ok(conns && atoi(conns + strlen("\"connections\": ")) == 0,
       "with no connection of a Windows thread: it only observes");
    if (!self || !conns || atoi(conns + strlen("\"connections\": ")))
        fprintf(stderr, "%s\n", out);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(r);
    return tap_done();
}
