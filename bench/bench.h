/*
 * The benchmark's shared parts: one Win32 program, built natively against
 * libwinhandle and with mingw-w64 to run under Wine (see README.md).
 *
 * The cases live in one file per area (cases_kernel.c, cases_ipc.c, ...),
 * each exporting a struct bench_group; groups.c lists the groups. The
 * harness (harness.c) times them and plays the partner processes.
 */
#ifndef WINHANDLE_BENCH_H
#define WINHANDLE_BENCH_H

#include <stddef.h>

#include <windows.h>

/* How long a partner waits for the other side before it gives up, so a
 * crashed or stuck parent leaves no process behind. */
#define PATIENCE_MS 30000

/*
 * A case. setup (optional) makes what the loop needs, untimed; run does n
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
    /* Bytes one operation moves, for a throughput figure (MB/s), or 0. */
    unsigned long bytes;
};

/* A partner process: the program started again as
 * "bench --child-ROLE TAG [ARG]"; TAG is the parent's process id (so
 * object names are private to one run), ARG an optional extra word. Its
 * return value is the exit code. Children never print. */
struct bench_child {
    const char *role;
    int (*main)(DWORD tag, const char *arg);
};

struct bench_group {
    const char *name;
    const struct bench_case *cases;
    size_t ncases;
    const struct bench_child *children;
    size_t nchildren;
};

#define BENCH_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* groups.c: every group, in the order the table shows them. */
extern const struct bench_group *const bench_groups[];

/* ---- harness.c: what the cases share ---- */

/* The program's own path, for CreateProcessA of a partner. */
extern char bench_self_path[MAX_PATH];
/* A buffer for a case's reason, for cases that format their own. */
extern char bench_reason[512];

/* Record why a case cannot run: WHAT failed, with the last error. Returns
 * the reason, so a case can `return bench_failed("...")`. */
const char *bench_failed(const char *what);
/* A wait that returned something other than what the case expects. */
const char *bench_wait_failed(const char *what, DWORD result, DWORD expected);
/* The name of a Win32 error the cases meet, or "". */
const char *bench_error_name(DWORD error);
/* QueryPerformanceCounter's ticks. */
LONGLONG bench_now(void);
/* "winhandle-bench-TAG-WHAT": a name private to one run. Static buffer. */
const char *bench_object_name(DWORD tag, const char *what);
/* Start this program again as "bench --child-ROLE PID [ARG]" (ARG may be
 * NULL); with inherit, inheritable handles go with it. */
BOOL bench_spawn(const char *role, const char *arg, BOOL inherit, PROCESS_INFORMATION *pi);
/* The same with an environment block (CreateProcessA's lpEnvironment). */
BOOL bench_spawn_env(const char *role, const char *arg, BOOL inherit, char *env,
                     PROCESS_INFORMATION *pi);
/* Time n calls of op (a case's whole operation) into *ticks; stops at the
 * first that fails and returns its reason. */
const char *bench_repeat(DWORD n, LONGLONG *ticks, const char *(*op)(void));
/* End a partner that may still be running and close its handles. */
void bench_end_child(PROCESS_INFORMATION *pi);
/* A partner told to go by setting *quit: set it, let the partner end
 * (bench_end_child), close *ready and *quit and clear them. */
void bench_stop_partner(PROCESS_INFORMATION *pi, HANDLE *ready, HANDLE *quit);

#endif
