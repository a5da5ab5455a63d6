/*
 * How long does inspection freeze everyone else? (issue 7: a snapshot of
 * 1,000,000 handles must not freeze waiters for more than a few
 * milliseconds.) Not a test and not a Wine comparison: Wine has no
 * inspector. Linux only (it runs the winhandle inspector).
 *
 *   snapshot_stall WINHANDLE_TOOL [HANDLES]
 *
 * A child process opens HANDLES handles (default 1,000,000: one event,
 * duplicated). This process then times SetEvent in a loop, a server round
 * trip each, first alone, then while `winhandle handles CHILD --json` and
 * `winhandle objects` run, and prints the slowest round trip of each
 * phase: the longest a waiter waited for the server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <windows.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int holder(DWORD count)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), copy;
    for (DWORD i = 1; i < count; i++)
        if (!DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &copy, 0, FALSE,
                             DUPLICATE_SAME_ACCESS))
            return 1;
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, "stall-ready");
    SetEvent(ready);
    Sleep(600000);
    return 0;
}

/* The slowest SetEvent round trip while the process pi runs (or for ms
 * when pi is NULL). */
static double slowest(HANDLE ev, PROCESS_INFORMATION *pi, double ms, unsigned long *calls)
{
    double worst = 0, end = now_ms() + ms;
    *calls = 0;
    for (;;) {
        if (pi ? WaitForSingleObject(pi->hProcess, 0) == WAIT_OBJECT_0 : now_ms() > end)
            break;
        double t = now_ms();
        SetEvent(ev);
        t = now_ms() - t;
        if (t > worst)
            worst = t;
        ++*calls;
    }
    return worst;
}

static void phase(HANDLE ev, const char *tool, const char *args, const char *what)
{
    char cmd[MAX_PATH + 128];
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE null_out = CreateFileA("/dev/null", GENERIC_WRITE, FILE_SHARE_WRITE, &sa,
                                  OPEN_EXISTING, 0, NULL);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES };
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = null_out;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    unsigned long calls;
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", tool, args);
    double t0 = now_ms();
    BOOL started = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    CloseHandle(null_out);
    if (!started) {
        printf("%-40s could not run\n", what);
        return;
    }
    double worst = slowest(ev, &pi, 0, &calls);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    printf("%-40s slowest round trip %8.2f ms (%lu calls, %.0f ms in all, exit %lu)\n", what,
           worst, calls, now_ms() - t0, (unsigned long)code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--hold"))
        return holder((DWORD)strtoul(argv[2], NULL, 10));
    if (argc < 2) {
        fprintf(stderr, "usage: snapshot_stall WINHANDLE_TOOL [HANDLES]\n");
        return 2;
    }
    DWORD count = argc > 2 ? (DWORD)strtoul(argv[2], NULL, 10) : 1000000;
    char self[MAX_PATH], cmd[MAX_PATH + 64], args[64];
    GetModuleFileNameA(NULL, self, sizeof(self));
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, "stall-ready");
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION holder_pi;
    snprintf(cmd, sizeof(cmd), "\"%s\" --hold %lu", self, (unsigned long)count);
    double t0 = now_ms();
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &holder_pi) ||
        WaitForSingleObject(ready, 600000) != WAIT_OBJECT_0) {
        fprintf(stderr, "the holder did not get ready\n");
        return 1;
    }
    printf("a process holds %lu handles (made in %.1f s)\n", (unsigned long)count,
           (now_ms() - t0) / 1000);
    unsigned long calls;
    double alone = slowest(ev, NULL, 2000, &calls);
    printf("%-40s slowest round trip %8.2f ms (%lu calls)\n", "alone, 2 s:", alone, calls);
    snprintf(args, sizeof(args), "handles %lu --json", (unsigned long)holder_pi.dwProcessId);
    phase(ev, argv[1], args, "during winhandle handles PID --json:");
    phase(ev, argv[1], "handles", "during winhandle handles (all):");
    phase(ev, argv[1], "objects", "during winhandle objects:");
    phase(ev, argv[1], "top --once", "during winhandle top --once:");
    TerminateProcess(holder_pi.hProcess, 0);
    return 0;
}
