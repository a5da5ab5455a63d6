/*
 * Handle inheritance through CreateProcessA, and the process start-up that
 * goes with it: the inherited handles are in the child's table at the same
 * values, with the same access, before the child's first instruction; the
 * non-inheritable ones are not; grandchildren inherit in turn; a thousand
 * handles go across; CREATE_SUSPENDED holds the child until ResumeThread;
 * the child sees its command line and startup information.
 *
 * The test re-executes itself to play the child, passing handle values on
 * the command line as Windows programs do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "tap.h"

static char self[MAX_PATH];

static BOOL spawn(const char *args, BOOL inherit, DWORD flags, STARTUPINFOA *si,
                  PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 8192];
    STARTUPINFOA plain;
    if (!si) {
        ZeroMemory(&plain, sizeof(plain));
        plain.cb = sizeof(plain);
        si = &plain;
    }
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self, args);
    return CreateProcessA(NULL, cmd, NULL, NULL, inherit, flags, NULL, NULL, si, pi);
}

/* Run a child to its end; its exit code, or 0xdead on failure. */
static DWORD run(const char *args, BOOL inherit)
{
    PROCESS_INFORMATION pi;
    DWORD code = 0xdead;
    if (!spawn(args, inherit, 0, NULL, &pi))
        return code;
    if (WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0)
        GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return code;
}

static HANDLE parse_handle(const char *s)
{
    return (HANDLE)(ULONG_PTR)strtoul(s, NULL, 0);
}

/* ---- children ---- */

/* argv: EVENT MUTEX HIDDEN. Exit code: a bit per failed check. */
static int child_check(char **argv)
{
    HANDLE ev = parse_handle(argv[2]), mutex = parse_handle(argv[3]);
    HANDLE hidden = parse_handle(argv[4]);
    DWORD flags = 0, fail = 0;
    /* The inherited event: the same value works, with its own access. */
    if (!SetEvent(ev))
        fail |= 1;
    if (!GetHandleInformation(ev, &flags) || !(flags & HANDLE_FLAG_INHERIT))
        fail |= 2;
    /* The mutex was inherited with SYNCHRONIZE only: no modify access. */
    if (WaitForSingleObject(mutex, 0) != WAIT_OBJECT_0 || !ReleaseMutex(mutex))
        fail |= 4;
    /* The non-inheritable handle's value means nothing here (or something
     * else: it must not be the parent's semaphore). */
    if (ReleaseSemaphore(hidden, 1, NULL) || GetLastError() != ERROR_INVALID_HANDLE)
        fail |= 8;
    return (int)fail;
}

/* argv: GENERATION EVENT. Passes the event on to a child of its own. */
static int child_chain(char **argv)
{
    int generation = atoi(argv[2]);
    HANDLE ev = parse_handle(argv[3]);
    LONG prev;
    HANDLE sem = parse_handle(argv[4]);
    if (!ReleaseSemaphore(sem, 1, &prev))
        return 100 + generation;
    if (generation == 3)
        return 0;
    char args[128];
    snprintf(args, sizeof(args), "chain %d %s %s", generation + 1, argv[3], argv[4]);
    (void)ev;
    return (int)run(args, TRUE);
}

/* argv: COUNT HIGHEST: exactly COUNT inheritable, signaled events at or
 * below HIGHEST (the parent holds no other inheritable handle). */
static int child_many(char **argv)
{
    unsigned count = (unsigned)strtoul(argv[2], NULL, 0);
    unsigned long highest = strtoul(argv[3], NULL, 0);
    unsigned seen = 0;
    for (unsigned long h = 4; h <= highest; h += 4) {
        DWORD flags;
        if (GetHandleInformation((HANDLE)h, &flags) && (flags & HANDLE_FLAG_INHERIT) &&
            WaitForSingleObject((HANDLE)h, 0) == WAIT_OBJECT_0)
            seen++;
    }
    return seen == count ? 0 : 1;
}

/* Reports its startup information through its exit code. */
static int child_startup(void)
{
    STARTUPINFOA si;
    GetStartupInfoA(&si);
    const char *line = GetCommandLineA();
    int fail = 0;
    if (si.cb != sizeof(si))
        fail |= 1;
    if (si.dwFlags != (STARTF_USESHOWWINDOW | STARTF_USESTDHANDLES) || si.wShowWindow != 7)
        fail |= 2;
    if ((ULONG_PTR)si.hStdOutput != 0x1234 || !si.lpTitle || strcmp(si.lpTitle, "a title"))
        fail |= 4;
    /* The command line exactly as the parent wrote it, spaces included. */
    if (!strstr(line, "startup   \"two words\"  end"))
        fail |= 8;
    return fail;
}

/* Sets the named event at once: it must not run before ResumeThread. */
static int child_started(char **argv)
{
    HANDLE ev = OpenEventA(EVENT_MODIFY_STATE, FALSE, argv[2]);
    return ev && SetEvent(ev) ? 0 : 1;
}

/* ---- the tests ---- */

static void test_inherit_some(void)
{
    SECURITY_ATTRIBUTES inheritable = { sizeof(inheritable), NULL, TRUE };
    HANDLE ev = CreateEventA(&inheritable, TRUE, FALSE, NULL);
    HANDLE full = CreateMutexA(NULL, FALSE, NULL), mutex;
    HANDLE sem = CreateSemaphoreA(NULL, 0, 10, NULL);
    ok(DuplicateHandle(GetCurrentProcess(), full, GetCurrentProcess(), &mutex, SYNCHRONIZE,
                       TRUE, 0), "an inheritable SYNCHRONIZE-only mutex handle");
    char args[128];
    snprintf(args, sizeof(args), "check %lu %lu %lu", (unsigned long)(ULONG_PTR)ev,
             (unsigned long)(ULONG_PTR)mutex, (unsigned long)(ULONG_PTR)sem);
    DWORD code = run(args, TRUE);
    ok(code == 0, "the child has the inheritable handles at the same values, "
                  "with their access, and not the others (code %#lx)", (unsigned long)code);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "the child's SetEvent is seen here");
    LONG prev = -1;
    ok(ReleaseSemaphore(sem, 1, &prev) && prev == 0, "the hidden semaphore was not touched");

    /* bInheritHandles FALSE: nothing goes across. */
    ResetEvent(ev);
    code = run(args, FALSE);
    ok(code != 0 && code != 0xdead, "without bInheritHandles the child has none of them");
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "and could not set the event");
    CloseHandle(ev);
    CloseHandle(full);
    CloseHandle(mutex);
    CloseHandle(sem);
}

static void test_generations(void)
{
    SECURITY_ATTRIBUTES inheritable = { sizeof(inheritable), NULL, TRUE };
    HANDLE ev = CreateEventA(&inheritable, TRUE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreA(&inheritable, 0, 10, NULL);
    char args[128];
    snprintf(args, sizeof(args), "chain 1 %lu %lu", (unsigned long)(ULONG_PTR)ev,
             (unsigned long)(ULONG_PTR)sem);
    DWORD code = run(args, TRUE);
    LONG prev = -1;
    ReleaseSemaphore(sem, 1, &prev);
    ok(code == 0 && prev == 3,
       "child, grandchild and great-grandchild each used the inherited semaphore "
       "(code %lu, count %ld)", (unsigned long)code, (long)prev);
    CloseHandle(ev);
    CloseHandle(sem);
}

static void test_thousand(void)
{
    enum { COUNT = 1000 };
    SECURITY_ATTRIBUTES inheritable = { sizeof(inheritable), NULL, TRUE };
    static HANDLE events[COUNT];
    HANDLE gap = CreateEventA(NULL, TRUE, TRUE, NULL); /* not inherited */
    int made = 0;
    ULONG_PTR highest = 0;
    for (int i = 0; i < COUNT; i++) {
        made += (events[i] = CreateEventA(&inheritable, TRUE, TRUE, NULL)) != NULL;
        if ((ULONG_PTR)events[i] > highest)
            highest = (ULONG_PTR)events[i];
    }
    ok(made == COUNT, "%d inheritable events", COUNT);
    char args[128];
    snprintf(args, sizeof(args), "many %d %lu", COUNT, (unsigned long)highest);
    ok(run(args, TRUE) == 0, "the child has all %d, signaled, at the same values", COUNT);
    for (int i = 0; i < COUNT; i++)
        CloseHandle(events[i]);
    CloseHandle(gap);
}

static void test_suspended(void)
{
    char name[64], args[128];
    snprintf(name, sizeof(name), "inherit-started-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE started = CreateEventA(NULL, TRUE, FALSE, name);
    snprintf(args, sizeof(args), "started %s", name);
    PROCESS_INFORMATION pi;
    ok(spawn(args, FALSE, CREATE_SUSPENDED, NULL, &pi), "CreateProcessA(CREATE_SUSPENDED)");
    ok(WaitForSingleObject(started, 300) == WAIT_TIMEOUT, "the suspended child does not run");
    DWORD code = 0;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "it is STILL_ACTIVE");
    BOOL ended;
    ok(SuspendThread(pi.hThread) == 1, "SuspendThread on it: previous count 1");
    ok(ResumeThread(pi.hThread) == 2, "ResumeThread: previous count 2");
    ok(WaitForSingleObject(started, 300) == WAIT_TIMEOUT, "still suspended at count 1");
    ok(ResumeThread(pi.hThread) == 1, "ResumeThread: previous count 1");
    ok(WaitForSingleObject(started, 10000) == WAIT_OBJECT_0, "now it runs");
    code = 0xdead;
    ended = WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0 &&
            GetExitCodeProcess(pi.hProcess, &code);
    ok(ended && code == 0, "and ends with code 0 (%lu)", (unsigned long)code);
    ok(ResumeThread(pi.hThread) == 0, "resuming a finished thread answers 0");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    /* TerminateProcess on a child that never ran. */
    ResetEvent(started);
    ok(spawn(args, FALSE, CREATE_SUSPENDED, NULL, &pi), "another suspended child");
    ok(TerminateProcess(pi.hProcess, 42), "TerminateProcess it");
    code = 0;
    ended = WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0 &&
                 GetExitCodeProcess(pi.hProcess, &code);
    ok(ended && code == 42, "its exit code is TerminateProcess's (%lu)", (unsigned long)code);
    ok(WaitForSingleObject(started, 0) == WAIT_TIMEOUT, "it never ran");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(started);
}

static void test_startup_info(void)
{
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESHOWWINDOW | STARTF_USESTDHANDLES;
    si.wShowWindow = 7;
    si.hStdOutput = (HANDLE)0x1234;
    si.lpTitle = (LPSTR) "a title";
    PROCESS_INFORMATION pi;
    DWORD code = 0xdead;
    ok(spawn("startup   \"two words\"  end", FALSE, 0, &si, &pi), "a child with STARTUPINFO");
    WaitForSingleObject(pi.hProcess, 10000);
    GetExitCodeProcess(pi.hProcess, &code);
    ok(code == 0, "it sees the STARTUPINFO fields and its exact command line (%#lx)",
       (unsigned long)code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, sizeof(self));
    if (argc >= 5 && !strcmp(argv[1], "check"))
        return child_check(argv);
    if (argc >= 5 && !strcmp(argv[1], "chain"))
        return child_chain(argv);
    if (argc >= 4 && !strcmp(argv[1], "many"))
        return child_many(argv);
    if (argc >= 2 && !strcmp(argv[1], "startup"))
        return child_startup();
    if (argc >= 3 && !strcmp(argv[1], "started"))
        return child_started(argv);
    test_inherit_some();
    test_generations();
    test_thousand();
    test_suspended();
    test_startup_info();
    return tap_done();
}
