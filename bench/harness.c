/*
 * The winhandle benchmark's harness: one Win32 program, built natively
 * against libwinhandle and with mingw-w64 to run under Wine, timing the
 * same calls on both. bench/run.sh builds and runs the two and prints them
 * side by side.
 *
 *   bench [--quick] [--target-ms MS] [--list] [CASE...]
 *
 * A CASE argument selects the cases whose name contains it (default: all);
 * a case's whole name selects that case only. --quick is a smoke run (a few
 * milliseconds a case); --target-ms sets how long each case is timed
 * (default 500 ms, in SAMPLES samples).
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
 *   BYTES case n              one operation of the case moves n bytes (run.sh
 *                             turns the best ns/op into MB/s)
 *
 * The program re-executes itself (CreateProcessA) to play the other process
 * of the cross-process cases: "bench --child-ROLE TAG [ARG]", ROLE one of
 * the groups' children.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define SAMPLES 20
#define MAX_ITERATIONS 100000000UL

char bench_self_path[MAX_PATH];
char bench_reason[512];
static LONGLONG qpc_frequency;

/* ---- errors ---- */

const char *bench_error_name(DWORD error)
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
    case ERROR_BROKEN_PIPE: return "ERROR_BROKEN_PIPE";
    case ERROR_PIPE_BUSY: return "ERROR_PIPE_BUSY";
    case ERROR_MORE_DATA: return "ERROR_MORE_DATA";
    default: return "";
    }
}

const char *bench_failed(const char *what)
{
    DWORD error = GetLastError();
    const char *name = bench_error_name(error);
    snprintf(bench_reason, sizeof(bench_reason), "%s failed: error %lu%s%s%s", what,
             (unsigned long)error, *name ? " (" : "", name, *name ? ")" : "");
    return bench_reason;
}

const char *bench_wait_failed(const char *what, DWORD result, DWORD expected)
{
    if (result == WAIT_FAILED)
        return bench_failed(what);
    snprintf(bench_reason, sizeof(bench_reason), "%s returned %#lx instead of %#lx", what,
             (unsigned long)result, (unsigned long)expected);
    return bench_reason;
}

/* ---- the clock ---- */

LONGLONG bench_now(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    return t.QuadPart;
}

const char *bench_repeat(DWORD n, LONGLONG *ticks, const char *(*op)(void))
{
    LONGLONG start = bench_now();
    for (DWORD i = 0; i < n; i++) {
        const char *err = op();
        if (err)
            return err;
    }
    *ticks = bench_now() - start;
    return NULL;
}

static double seconds(LONGLONG ticks)
{
    return (double)ticks / (double)qpc_frequency;
}

/* ---- children ---- */

const char *bench_object_name(DWORD tag, const char *what)
{
    static char name[96];
    snprintf(name, sizeof(name), "winhandle-bench-%lu-%s", (unsigned long)tag, what);
    return name;
}

BOOL bench_spawn(const char *role, const char *arg, BOOL inherit, PROCESS_INFORMATION *pi)
{
    return bench_spawn_env(role, arg, inherit, NULL, pi);
}

BOOL bench_spawn_env(const char *role, const char *arg, BOOL inherit, char *env,
                     PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 192];
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    snprintf(cmd, sizeof(cmd), "\"%s\" --child-%s %lu%s%s", bench_self_path, role,
             (unsigned long)GetCurrentProcessId(), arg ? " " : "", arg ? arg : "");
    return CreateProcessA(NULL, cmd, NULL, NULL, inherit, 0, env, NULL, &si, pi);
}

void bench_end_child(PROCESS_INFORMATION *pi)
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

void bench_stop_partner(PROCESS_INFORMATION *pi, HANDLE *ready, HANDLE *quit)
{
    if (*quit)
        SetEvent(*quit);
    if (pi->hProcess)
        WaitForSingleObject(pi->hProcess, PATIENCE_MS);
    bench_end_child(pi);
    CloseHandle(*ready);
    CloseHandle(*quit);
    *ready = *quit = NULL;
}

/* "--child-ROLE TAG [ARG]": run that partner and exit with its code. */
static int run_child(int argc, char **argv)
{
    const char *role = argv[1] + strlen("--child-");
    DWORD tag = argc >= 3 ? (DWORD)strtoul(argv[2], NULL, 10) : 0;
    const char *arg = argc >= 4 ? argv[3] : NULL;
    for (size_t g = 0; bench_groups[g]; g++)
        for (size_t i = 0; i < bench_groups[g]->nchildren; i++)
            if (!strcmp(bench_groups[g]->children[i].role, role))
                return bench_groups[g]->children[i].main(tag, arg);
    return 125;
}

/* ---- the driver ---- */

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
        if (c->bytes)
            printf("BYTES %s %lu\n", c->name, c->bytes);
    }
    fflush(stdout);
}

static int is_case_name(const char *arg)
{
    for (size_t g = 0; bench_groups[g]; g++)
        for (size_t i = 0; i < bench_groups[g]->ncases; i++)
            if (!strcmp(arg, bench_groups[g]->cases[i].name))
                return 1;
    return 0;
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
        if (is_case_name(argv[i]) ? !strcmp(argv[i], name) : strstr(name, argv[i]) != NULL)
            return 1;
    }
    return !any;
}

/* Call fn on every selected case; returns how many there were. */
static int for_selected(int argc, char **argv, void (*fn)(const struct bench_case *, double),
                        double target_s)
{
    int matched = 0;
    for (size_t g = 0; bench_groups[g]; g++)
        for (size_t i = 0; i < bench_groups[g]->ncases; i++) {
            const struct bench_case *c = &bench_groups[g]->cases[i];
            if (!selected(c->name, argc, argv))
                continue;
            matched++;
            if (fn)
                fn(c, target_s);
        }
    return matched;
}

static void list_case(const struct bench_case *c, double target_s)
{
    (void)target_s;
    printf("%-24s %s\n", c->name, c->what);
}

static int usage(void)
{
    fprintf(stderr, "usage: bench [--quick] [--target-ms MS] [--list] [CASE...]\n");
    return 2;
}

static int start(void)
{
    LARGE_INTEGER freq;
    if (!GetModuleFileNameA(NULL, bench_self_path, sizeof(bench_self_path))) {
        printf("INFO error GetModuleFileNameA failed: error %lu\n",
               (unsigned long)GetLastError());
        return 0;
    }
    if (!QueryPerformanceFrequency(&freq) || freq.QuadPart <= 0) {
        printf("INFO error QueryPerformanceFrequency failed: error %lu\n",
               (unsigned long)GetLastError());
        return 0;
    }
    qpc_frequency = freq.QuadPart;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strncmp(argv[1], "--child-", strlen("--child-"))) {
        if (!GetModuleFileNameA(NULL, bench_self_path, sizeof(bench_self_path)))
            return 124;
        return run_child(argc, argv);
    }

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

    if (!for_selected(argc, argv, NULL, 0)) {
        fprintf(stderr, "bench: no case matches; --list shows them\n");
        return 2;
    }
    if (list) {
        for_selected(argc, argv, list_case, 0);
        return 0;
    }
    if (!start())
        return 1;
#ifdef _WIN32
    printf("INFO build mingw-w64\n");
#else
    printf("INFO build libwinhandle\n");
#endif
    printf("INFO qpc_frequency %.0f\n", (double)qpc_frequency);
    printf("INFO target_ms %.0f\n", target_s * 1000.0);
    printf("INFO samples %d\n", SAMPLES);
    fflush(stdout);
    for_selected(argc, argv, measure, target_s);
    return 0;
}
