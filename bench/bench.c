/*
 * The winhandle benchmark: one Win32 program, built natively against
 * libwinhandle and with mingw-w64 to run under Wine, timing the same calls
 * on both. bench/run.sh builds and runs the two and prints them side by side.
 *
 *   bench [--quick] [--target-ms MS] [--list] [CASE...]
 *
 * A CASE argument selects the cases whose name contains it (default: all).
 * --quick is a smoke run (a few milliseconds a case); --target-ms sets how
 * long each case is timed (default 500 ms, in SAMPLES samples).
 *
 * Output, one line each, for run.sh to join:
 *   INFO key value...
 *   RESULT case ns_per_op iterations median_ns max_ns
 *       ns_per_op is the ns/op of the fastest of SAMPLES samples (the one
 *       least disturbed by whatever else the machine was doing),
 *       iterations the total timed, median_ns and max_ns the median and
 *       the slowest sample
 *   NA case reason            the case could not run: reason says which call
 *                             failed and its GetLastError
 *   NOTE case text            something the reader of the numbers should know
 *
 * The program re-executes itself (CreateProcessA) to play the other process
 * of the cross-process cases: "bench --child-ROLE ...". Children never print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#define SAMPLES 20
#define MAX_ITERATIONS 100000000UL
/* How long a partner waits for the other side before it gives up, so a
 * crashed or stuck parent leaves no process behind. */
#define PATIENCE_MS 30000

static char self_path[MAX_PATH];
static LONGLONG qpc_frequency;

/* ---- errors ---- */

static char reason[512];

static const char *error_name(DWORD error)
{
    switch (error) {
    case ERROR_SUCCESS: return "ERROR_SUCCESS";
    case ERROR_INVALID_FUNCTION: return "ERROR_INVALID_FUNCTION";
    case ERROR_FILE_NOT_FOUND: return "ERROR_FILE_NOT_FOUND";
    case ERROR_ACCESS_DENIED: return "ERROR_ACCESS_DENIED";
    case ERROR_INVALID_HANDLE: return "ERROR_INVALID_HANDLE";
    case ERROR_NOT_SUPPORTED: return "ERROR_NOT_SUPPORTED";
    case ERROR_INVALID_PARAMETER: return "ERROR_INVALID_PARAMETER";
    case ERROR_CALL_NOT_IMPLEMENTED: return "ERROR_CALL_NOT_IMPLEMENTED";
    default: return "";
    }
}

/* Record why a case cannot run: WHAT failed, with the last error. Returns
 * the reason, so a case can `return failed("...")`. */
static const char *failed(const char *what)
{
    DWORD error = GetLastError();
    const char *name = error_name(error);
    snprintf(reason, sizeof(reason), "%s failed: error %lu%s%s%s", what,
             (unsigned long)error, *name ? " (" : "", name, *name ? ")" : "");
    return reason;
}

/* A wait that returned something other than what the case expects. */
static const char *wait_failed(const char *what, DWORD result, DWORD expected)
{
    if (result == WAIT_FAILED)
        return failed(what);
    snprintf(reason, sizeof(reason), "%s returned %#lx instead of %#lx", what,
             (unsigned long)result, (unsigned long)expected);
    return reason;
}

/* ---- the clock ---- */

static LONGLONG now(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    return t.QuadPart;
}

/* ---- children ---- */

/* "winhandle-bench-PID-WHAT": a name private to one run of the benchmark. */
static const char *object_name(DWORD tag, const char *what)
{
    static char name[96];
    snprintf(name, sizeof(name), "winhandle-bench-%lu-%s", (unsigned long)tag, what);
    return name;
}

/* Start this program again as "bench --child-ROLE TAG". */
static BOOL spawn_self(const char *role, PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 128];
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    snprintf(cmd, sizeof(cmd), "\"%s\" --child-%s %lu", self_path, role,
             (unsigned long)GetCurrentProcessId());
    return CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi);
}

/* End a partner that may still be running (it is stuck or meant to run
 * until told) and close its handles. */
static void end_child(PROCESS_INFORMATION *pi)
{
    if (!pi->hProcess)
        return;
    if (WaitForSingleObject(pi->hProcess, 0) != WAIT_OBJECT_0) {
        TerminateProcess(pi->hProcess, 1);
        WaitForSingleObject(pi->hProcess, PATIENCE_MS);
    }
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    ZeroMemory(pi, sizeof(*pi));
}

/* The ping-pong partner: answer every ping with a pong, until no ping comes
 * for PATIENCE_MS (or the parent terminates it). */
static int child_pingpong(DWORD tag)
{
    HANDLE ping = OpenEventA(SYNCHRONIZE, FALSE, object_name(tag, "ping"));
    HANDLE pong = OpenEventA(EVENT_MODIFY_STATE, FALSE, object_name(tag, "pong"));
    if (!ping || !pong)
        return 2;
    while (WaitForSingleObject(ping, PATIENCE_MS) == WAIT_OBJECT_0)
        if (!SetEvent(pong))
            return 3;
    return 0;
}

/* A process that only holds a handle table: say ready, wait to be told to
 * quit. The parent duplicates handles into it and closes them there. */
static int child_idle(DWORD tag)
{
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, object_name(tag, "ready"));
    HANDLE quit = OpenEventA(SYNCHRONIZE, FALSE, object_name(tag, "quit"));
    if (!ready || !quit || !SetEvent(ready))
        return 2;
    return WaitForSingleObject(quit, PATIENCE_MS) == WAIT_OBJECT_0 ? 0 : 3;
}

/* ---- the cases ----
 *
 * setup (optional) makes what the loop needs, untimed; run does n
 * operations between two QueryPerformanceCounter reads and checks every
 * result; teardown (optional) undoes setup. Each returns NULL on success,
 * else the reason the case cannot be measured.
 */

struct bench_case {
    const char *name;
    const char *what;
    const char *(*setup)(void);
    const char *(*run)(DWORD n, LONGLONG *ticks);
    void (*teardown)(void);
};

static HANDLE g_event;
static HANDLE g_events[MAXIMUM_WAIT_OBJECTS];
static HANDLE g_ping, g_pong, g_ready, g_quit;
static PROCESS_INFORMATION g_child;
/* What closing a handle in another process returns when it succeeds:
 * TRUE, or FALSE with this error where the implementation is known to
 * say so while closing the handle all the same (see setup_dup_remote). */
static DWORD g_close_remote_error;

static void close_event(void)
{
    CloseHandle(g_event);
    g_event = NULL;
}

/* event_create_close */
static const char *run_create_close(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        HANDLE h = CreateEventA(NULL, FALSE, FALSE, NULL);
        if (!h)
            return failed("CreateEventA");
        if (!CloseHandle(h))
            return failed("CloseHandle");
    }
    *ticks = now() - start;
    return NULL;
}

/* event_set, dup_close */
static const char *setup_event(void)
{
    g_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    return g_event ? NULL : failed("CreateEventA");
}

static const char *run_event_set(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++)
        if (!SetEvent(g_event))
            return failed("SetEvent");
    *ticks = now() - start;
    return NULL;
}

/* wait_signaled */
static const char *setup_wait_signaled(void)
{
    g_event = CreateEventA(NULL, TRUE, TRUE, NULL);
    if (!g_event)
        return failed("CreateEventA");
    /* A wait of 0 first: a broken wait must not hang the run. */
    DWORD r = WaitForSingleObject(g_event, 0);
    return r == WAIT_OBJECT_0 ? NULL : wait_failed("WaitForSingleObject(0)", r, WAIT_OBJECT_0);
}

static const char *run_wait_signaled(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        DWORD r = WaitForSingleObject(g_event, INFINITE);
        if (r != WAIT_OBJECT_0)
            return wait_failed("WaitForSingleObject", r, WAIT_OBJECT_0);
    }
    *ticks = now() - start;
    return NULL;
}

/* mutex_wait_release */
static const char *setup_mutex(void)
{
    g_event = CreateMutexA(NULL, FALSE, NULL);
    if (!g_event)
        return failed("CreateMutexA");
    DWORD r = WaitForSingleObject(g_event, 0);
    if (r != WAIT_OBJECT_0)
        return wait_failed("WaitForSingleObject(0) on a free mutex", r, WAIT_OBJECT_0);
    return ReleaseMutex(g_event) ? NULL : failed("ReleaseMutex");
}

static const char *run_mutex(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        DWORD r = WaitForSingleObject(g_event, INFINITE);
        if (r != WAIT_OBJECT_0)
            return wait_failed("WaitForSingleObject on the mutex", r, WAIT_OBJECT_0);
        if (!ReleaseMutex(g_event))
            return failed("ReleaseMutex");
    }
    *ticks = now() - start;
    return NULL;
}

/* event_pingpong */
static void teardown_pingpong(void)
{
    end_child(&g_child);
    CloseHandle(g_ping);
    CloseHandle(g_pong);
    g_ping = g_pong = NULL;
}

static const char *one_round_trip(void)
{
    if (!SetEvent(g_ping))
        return failed("SetEvent(ping)");
    DWORD r = WaitForSingleObject(g_pong, PATIENCE_MS);
    return r == WAIT_OBJECT_0 ? NULL : wait_failed("WaitForSingleObject(pong)", r, WAIT_OBJECT_0);
}

static const char *setup_pingpong(void)
{
    DWORD tag = GetCurrentProcessId();
    g_ping = CreateEventA(NULL, FALSE, FALSE, object_name(tag, "ping"));
    if (!g_ping)
        return failed("CreateEventA(ping)");
    g_pong = CreateEventA(NULL, FALSE, FALSE, object_name(tag, "pong"));
    if (!g_pong)
        return failed("CreateEventA(pong)");
    if (!spawn_self("pingpong", &g_child))
        return failed("CreateProcessA(partner)");
    /* The first round trip also waits for the partner to start. */
    return one_round_trip();
}

static const char *run_pingpong(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        const char *err = one_round_trip();
        if (err)
            return err;
    }
    *ticks = now() - start;
    return NULL;
}

/* wait_any_64 */
static const char *setup_wait_any(void)
{
    for (DWORD i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) {
        g_events[i] = CreateEventA(NULL, TRUE, i == MAXIMUM_WAIT_OBJECTS - 1, NULL);
        if (!g_events[i])
            return failed("CreateEventA");
    }
    DWORD r = WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, g_events, FALSE, 0);
    DWORD want = WAIT_OBJECT_0 + MAXIMUM_WAIT_OBJECTS - 1;
    return r == want ? NULL : wait_failed("WaitForMultipleObjects(0)", r, want);
}

static void teardown_wait_any(void)
{
    for (DWORD i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) {
        if (g_events[i])
            CloseHandle(g_events[i]);
        g_events[i] = NULL;
    }
}

static const char *run_wait_any(DWORD n, LONGLONG *ticks)
{
    DWORD want = WAIT_OBJECT_0 + MAXIMUM_WAIT_OBJECTS - 1;
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        DWORD r = WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, g_events, FALSE, INFINITE);
        if (r != want)
            return wait_failed("WaitForMultipleObjects", r, want);
    }
    *ticks = now() - start;
    return NULL;
}

/* dup_close */
static const char *run_dup_close(DWORD n, LONGLONG *ticks)
{
    HANDLE self = GetCurrentProcess();
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        HANDLE copy;
        if (!DuplicateHandle(self, g_event, self, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS))
            return failed("DuplicateHandle");
        if (!CloseHandle(copy))
            return failed("CloseHandle(copy)");
    }
    *ticks = now() - start;
    return NULL;
}

/* dup_remote_close and dup_remote_take_back: an idle partner. */
static const char *setup_partner(void)
{
    DWORD tag = GetCurrentProcessId();
    const char *err = setup_event();
    if (err)
        return err;
    g_ready = CreateEventA(NULL, FALSE, FALSE, object_name(tag, "ready"));
    g_quit = CreateEventA(NULL, TRUE, FALSE, object_name(tag, "quit"));
    if (!g_ready || !g_quit)
        return failed("CreateEventA(ready/quit)");
    if (!spawn_self("idle", &g_child))
        return failed("CreateProcessA(partner)");
    DWORD r = WaitForSingleObject(g_ready, PATIENCE_MS);
    return r == WAIT_OBJECT_0 ? NULL : wait_failed("waiting for the partner", r, WAIT_OBJECT_0);
}

static void teardown_partner(void)
{
    if (g_quit)
        SetEvent(g_quit);
    if (g_child.hProcess)
        WaitForSingleObject(g_child.hProcess, PATIENCE_MS);
    end_child(&g_child);
    CloseHandle(g_ready);
    CloseHandle(g_quit);
    g_ready = g_quit = NULL;
    close_event();
}

/* dup_remote_close. Close VALUE in the child: TRUE when it is closed as the implementation
 * reports success (see g_close_remote_error). */
static BOOL close_in_child(HANDLE value)
{
    if (DuplicateHandle(g_child.hProcess, value, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE))
        return TRUE;
    return g_close_remote_error && GetLastError() == g_close_remote_error;
}

/* Microsoft documents a NULL target process as allowed with
 * DUPLICATE_CLOSE_SOURCE: the way to close a handle in another process.
 * Check that the call closes the copy before timing it; an implementation
 * that closes it but returns FALSE is timed as it is, with a note. */
static const char *setup_dup_remote(void)
{
    const char *err = setup_partner();
    if (err)
        return err;
    HANDLE remote = NULL, back = NULL;
    if (!DuplicateHandle(GetCurrentProcess(), g_event, g_child.hProcess, &remote, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        return failed("DuplicateHandle into the child");
    BOOL closed = DuplicateHandle(g_child.hProcess, remote, NULL, NULL, 0, FALSE,
                                  DUPLICATE_CLOSE_SOURCE);
    DWORD close_error = closed ? 0 : GetLastError();
    const char *name = error_name(close_error);
    if (DuplicateHandle(g_child.hProcess, remote, GetCurrentProcess(), &back, 0, FALSE,
                        DUPLICATE_SAME_ACCESS)) {
        CloseHandle(back);
        if (closed)
            snprintf(reason, sizeof(reason), "DuplicateHandle(child, copy, NULL, NULL, "
                     "DUPLICATE_CLOSE_SOURCE) returned TRUE but left the copy open there");
        else
            snprintf(reason, sizeof(reason), "DuplicateHandle(child, copy, NULL, NULL, "
                     "DUPLICATE_CLOSE_SOURCE) failed with error %lu%s%s%s and left the copy "
                     "open there", (unsigned long)close_error, *name ? " (" : "", name,
                     *name ? ")" : "");
        return reason;
    }
    if (!closed) {
        g_close_remote_error = close_error;
        printf("NOTE dup_remote_close: DuplicateHandle(child, copy, NULL, NULL, "
               "DUPLICATE_CLOSE_SOURCE) closes the copy but returns FALSE, error %lu "
               "(documented: TRUE); timed as it is\n", (unsigned long)close_error);
        fflush(stdout);
    }
    return NULL;
}

static const char *run_dup_remote(DWORD n, LONGLONG *ticks)
{
    HANDLE self = GetCurrentProcess();
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        HANDLE remote;
        if (!DuplicateHandle(self, g_event, g_child.hProcess, &remote, 0, FALSE,
                             DUPLICATE_SAME_ACCESS))
            return failed("DuplicateHandle into the child");
        if (!close_in_child(remote))
            return failed("DuplicateHandle(child, copy, NULL, NULL, DUPLICATE_CLOSE_SOURCE)");
    }
    *ticks = now() - start;
    return NULL;
}

/* dup_remote_take_back: check one operation to the end first. */
static const char *setup_take_back(void)
{
    const char *err = setup_partner();
    if (err)
        return err;
    HANDLE remote = NULL, back = NULL;
    if (!DuplicateHandle(GetCurrentProcess(), g_event, g_child.hProcess, &remote, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        return failed("DuplicateHandle into the child");
    if (!DuplicateHandle(g_child.hProcess, remote, GetCurrentProcess(), &back, 0, FALSE,
                         DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE))
        return failed("DuplicateHandle(child, copy, self, DUPLICATE_CLOSE_SOURCE)");
    if (!CloseHandle(back))
        return failed("CloseHandle of the copy taken back");
    if (DuplicateHandle(g_child.hProcess, remote, GetCurrentProcess(), &back, 0, FALSE,
                        DUPLICATE_SAME_ACCESS)) {
        CloseHandle(back);
        snprintf(reason, sizeof(reason), "DuplicateHandle(child, copy, self, "
                 "DUPLICATE_CLOSE_SOURCE) left the copy open in the child");
        return reason;
    }
    return NULL;
}

static const char *run_dup_take_back(DWORD n, LONGLONG *ticks)
{
    HANDLE self = GetCurrentProcess();
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        HANDLE remote, back;
        if (!DuplicateHandle(self, g_event, g_child.hProcess, &remote, 0, FALSE,
                             DUPLICATE_SAME_ACCESS))
            return failed("DuplicateHandle into the child");
        if (!DuplicateHandle(g_child.hProcess, remote, self, &back, 0, FALSE,
                             DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE))
            return failed("DuplicateHandle(child, copy, self, DUPLICATE_CLOSE_SOURCE)");
        if (!CloseHandle(back))
            return failed("CloseHandle of the copy taken back");
    }
    *ticks = now() - start;
    return NULL;
}

/* create_process */
static const char *spawn_and_wait(DWORD *exit_code)
{
    PROCESS_INFORMATION pi;
    if (!spawn_self("exit", &pi))
        return failed("CreateProcessA");
    DWORD r = WaitForSingleObject(pi.hProcess, PATIENCE_MS);
    if (r != WAIT_OBJECT_0) {
        const char *err = wait_failed("WaitForSingleObject(child process)", r, WAIT_OBJECT_0);
        end_child(&pi);
        return err;
    }
    if (exit_code && !GetExitCodeProcess(pi.hProcess, exit_code))
        return failed("GetExitCodeProcess");
    if (!CloseHandle(pi.hThread))
        return failed("CloseHandle(thread)");
    if (!CloseHandle(pi.hProcess))
        return failed("CloseHandle(process)");
    return NULL;
}

static const char *setup_create_process(void)
{
    DWORD code = 0xdead;
    const char *err = spawn_and_wait(&code);
    if (err)
        return err;
    if (code != 0) {
        snprintf(reason, sizeof(reason), "the trivial child exited with %#lx, not 0",
                 (unsigned long)code);
        return reason;
    }
    return NULL;
}

static const char *run_create_process(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = now();
    for (DWORD i = 0; i < n; i++) {
        const char *err = spawn_and_wait(NULL);
        if (err)
            return err;
    }
    *ticks = now() - start;
    return NULL;
}

static const struct bench_case cases[] = {
    { "event_create_close", "CreateEventA (unnamed, auto-reset) + CloseHandle",
      NULL, run_create_close, NULL },
    { "event_set", "SetEvent on a manual-reset event nobody waits on",
      setup_event, run_event_set, close_event },
    { "wait_signaled", "WaitForSingleObject(INFINITE) on a signaled manual-reset event",
      setup_wait_signaled, run_wait_signaled, close_event },
    { "mutex_wait_release", "WaitForSingleObject on a free mutex + ReleaseMutex",
      setup_mutex, run_mutex, close_event },
    { "event_pingpong", "round trip between two processes: SetEvent(ping) + wait(pong), "
      "the partner waits for ping and sets pong (named auto-reset events)",
      setup_pingpong, run_pingpong, teardown_pingpong },
    { "wait_any_64", "WaitForMultipleObjects wait-any on 64 events, only the last signaled",
      setup_wait_any, run_wait_any, teardown_wait_any },
    { "dup_close", "DuplicateHandle in this process + CloseHandle of the copy",
      setup_event, run_dup_close, close_event },
    { "dup_remote_close", "DuplicateHandle into a child + DuplicateHandle(child, copy, NULL, "
      "NULL, DUPLICATE_CLOSE_SOURCE) closing it there",
      setup_dup_remote, run_dup_remote, teardown_partner },
    { "dup_remote_take_back", "DuplicateHandle into a child + DuplicateHandle(child, copy, "
      "self, DUPLICATE_CLOSE_SOURCE) + CloseHandle: closing there by taking it back",
      setup_take_back, run_dup_take_back, teardown_partner },
    { "create_process", "CreateProcessA of a child that returns at once + "
      "WaitForSingleObject on it + CloseHandle of both handles",
      setup_create_process, run_create_process, NULL },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* ---- the driver ---- */

static double seconds(LONGLONG ticks)
{
    return (double)ticks / (double)qpc_frequency;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Time one case for about target_s seconds: a calibration run (which also
 * warms up) picks the iteration count, then SAMPLES samples are timed. */
static void measure(const struct bench_case *c, double target_s)
{
    const char *err = c->setup ? c->setup() : NULL;
    double sample_s = target_s / SAMPLES;
    DWORD n = 1;
    LONGLONG ticks = 0;
    double ns[SAMPLES];
    unsigned long total = 0;

    /* One untimed operation first: the first call of a kind may pay for
     * connecting, page faults or loading code. */
    if (!err)
        err = c->run(1, &ticks);
    /* Calibrate: grow n until one run lasts half a sample. */
    while (!err) {
        err = c->run(n, &ticks);
        if (err)
            break;
        double s = seconds(ticks);
        if (s >= sample_s / 2 || n >= MAX_ITERATIONS)
            break;
        double grow = s > 0 ? sample_s / s : 100.0;
        if (grow > 100.0)
            grow = 100.0;
        if (grow < 2.0)
            grow = 2.0;
        n = (DWORD)(n * grow);
    }
    if (!err) {
        double per_op = seconds(ticks) / n;
        double want = per_op > 0 ? sample_s / per_op : (double)MAX_ITERATIONS;
        n = want < 1.0 ? 1 : want > (double)MAX_ITERATIONS ? MAX_ITERATIONS : (DWORD)want;
        for (int i = 0; i < SAMPLES && !err; i++) {
            err = c->run(n, &ticks);
            ns[i] = seconds(ticks) * 1e9 / n;
            total += n;
        }
    }
    if (c->teardown)
        c->teardown();
    if (err) {
        printf("NA %s %s\n", c->name, err);
    } else {
        qsort(ns, SAMPLES, sizeof(ns[0]), compare_doubles);
        printf("RESULT %s %.1f %lu %.1f %.1f\n", c->name, ns[0], total,
               (ns[(SAMPLES - 1) / 2] + ns[SAMPLES / 2]) / 2, ns[SAMPLES - 1]);
    }
    fflush(stdout);
}

/* Is the case NAME selected by the CASE arguments? An argument that is a
 * case's whole name selects that case only; another selects every case
 * whose name contains it. No CASE argument selects all. */
static int selected(const char *name, int argc, char **argv)
{
    int any = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-')
            continue;
        any = 1;
        int exact = 0;
        for (size_t k = 0; k < NCASES; k++)
            exact |= !strcmp(argv[i], cases[k].name);
        if (exact ? !strcmp(argv[i], name) : strstr(name, argv[i]) != NULL)
            return 1;
    }
    return !any;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench [--quick] [--target-ms MS] [--list] [CASE...]\n");
    return 2;
}

int main(int argc, char **argv)
{
    /* The trivial child of create_process: return before anything else. */
    if (argc >= 2 && !strcmp(argv[1], "--child-exit"))
        return 0;
    if (argc >= 3 && !strcmp(argv[1], "--child-pingpong"))
        return child_pingpong((DWORD)strtoul(argv[2], NULL, 10));
    if (argc >= 3 && !strcmp(argv[1], "--child-idle"))
        return child_idle((DWORD)strtoul(argv[2], NULL, 10));

    double target_s = 0.5;
    int list = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) {
            target_s = 0.01;
        } else if (!strcmp(argv[i], "--target-ms") && i + 1 < argc) {
            target_s = atof(argv[++i]) / 1000.0;
            if (target_s <= 0)
                return usage();
            argv[i] = (char *)"-"; /* not a case name */
        } else if (!strcmp(argv[i], "--list")) {
            list = 1;
        } else if (argv[i][0] == '-') {
            return usage();
        }
    }

    int matched = 0;
    for (size_t i = 0; i < NCASES; i++)
        matched += selected(cases[i].name, argc, argv);
    if (!matched) {
        fprintf(stderr, "bench: no case matches; --list shows them\n");
        return 2;
    }
    if (list) {
        for (size_t i = 0; i < NCASES; i++)
            if (selected(cases[i].name, argc, argv))
                printf("%-20s %s\n", cases[i].name, cases[i].what);
        return 0;
    }

    LARGE_INTEGER freq;
    if (!GetModuleFileNameA(NULL, self_path, sizeof(self_path))) {
        printf("INFO error GetModuleFileNameA failed: error %lu\n",
               (unsigned long)GetLastError());
        return 1;
    }
    if (!QueryPerformanceFrequency(&freq) || freq.QuadPart <= 0) {
        printf("INFO error QueryPerformanceFrequency failed: error %lu\n",
               (unsigned long)GetLastError());
        return 1;
    }
    qpc_frequency = freq.QuadPart;
#ifdef _WIN32
    printf("INFO build mingw-w64\n");
#else
    printf("INFO build libwinhandle\n");
#endif
    printf("INFO qpc_frequency %.0f\n", (double)qpc_frequency);
    printf("INFO target_ms %.0f\n", target_s * 1000.0);
    printf("INFO samples %d\n", SAMPLES);
    fflush(stdout);
    for (size_t i = 0; i < NCASES; i++)
        if (selected(cases[i].name, argc, argv))
            measure(&cases[i], target_s);
    return 0;
}
