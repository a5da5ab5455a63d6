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

#include "run_tool.h"
#include "tap.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_observer_child WINHANDLE_TOOL\n");
        return 2;
    }
    static char out[1 << 16];
    char cmd[MAX_PATH + 32];
    DWORD child = 0;
    snprintf(cmd, sizeof(cmd), "\"%s\" ps --json", argv[1]);
    long code = run_tool(cmd, out, sizeof(out), &child);
    ok(code == 0, "winhandle ps --json, started with CreateProcessA, exits 0 (%ld)", code);

    char mine[64], its[64];
    snprintf(mine, sizeof(mine), "\"pid\": %lu,", (unsigned long)GetCurrentProcessId());
    snprintf(its, sizeof(its), "\"pid\": %lu,", (unsigned long)child);
    ok(strstr(out, mine) != NULL, "it lists this process");
    const char *self = strstr(out, its);
    const char *conns = self ? strstr(self, "\"connections\": ") : NULL;
    ok(self != NULL, "and the inspector, a process its parent made");
    ok(conns && atoi(conns + strlen("\"connections\": ")) == 0,
       "with no connection of a Windows thread: it only observes");
    if (!self || !conns || atoi(conns + strlen("\"connections\": ")))
        fprintf(stderr, "%s\n", out);
    return tap_done();
}
