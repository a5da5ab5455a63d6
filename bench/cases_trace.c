/*
 * Benchmark cases of handle tracing (issue 7): what WINHANDLE_TRACE costs.
 *
 * trace_off_* run in this process, which is not traced: that is the path
 * every program takes, and it must cost what it cost before tracing
 * existed (compare with event_create_close of an older build, bench/
 * README.md). trace_on_* run the same loop in a partner started with
 * WINHANDLE_TRACE=1 in its environment, which times itself and hands its
 * ticks back through a named mapping. Under Wine the variable means
 * nothing, so there the partner runs the plain loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

/* The environment, to copy into the partner's: msvcrt's or POSIX's. */
#ifdef _WIN32
#define bench_environ _environ
#else
extern char **environ;
#define bench_environ environ
#endif

/* What the partner hands back. */
struct trace_result {
    LONGLONG ticks;
    LONG done; /* 1: the loop ran; 2: an operation failed */
};

/* The loops, shared by this process and the partner. */
static const char *create_close(DWORD n)
{
    for (DWORD i = 0; i < n; i++) {
        HANDLE h = CreateEventA(NULL, FALSE, FALSE, NULL);
        if (!h)
            return bench_failed("CreateEventA");
        if (!CloseHandle(h))
            return bench_failed("CloseHandle");
    }
    return NULL;
}

static HANDLE g_set_event;

static const char *set_event(DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        if (!SetEvent(g_set_event))
            return bench_failed("SetEvent");
    return NULL;
}

/* ---- the partner: "--child-trace TAG MODE:N" ---- */

static int child_trace(DWORD tag, const char *arg)
{
    HANDLE map = OpenFileMappingA(FILE_MAP_WRITE, FALSE, bench_object_name(tag, "trace"));
    struct trace_result *r =
        map ? MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, sizeof(*r)) : NULL;
    const char *colon = arg ? strchr(arg, ':') : NULL;
    if (!r || !colon)
        return 2;
    DWORD n = (DWORD)strtoul(colon + 1, NULL, 10);
    const char *(*loop)(DWORD) = !strncmp(arg, "set", 3) ? set_event : create_close;
    g_set_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    /* Untimed first round: the first site is symbolized once (addr2line). */
    if (!g_set_event || loop(1)) {
        r->done = 2;
        return 3;
    }
    LONGLONG start = bench_now();
    const char *why = loop(n);
    r->ticks = bench_now() - start;
    r->done = why ? 2 : 1;
    CloseHandle(g_set_event);
    UnmapViewOfFile(r);
    CloseHandle(map);
    return why ? 3 : 0;
}

/* ---- the cases ---- */

static HANDLE g_map;
static struct trace_result *g_result;
static char *g_env; /* this process's environment plus WINHANDLE_TRACE=1 */

/* An environment block: every variable but WINHANDLE_TRACE, then it, =1. */
static char *traced_environment(void)
{
    static const char trace[] = "WINHANDLE_TRACE=1";
    size_t len = sizeof(trace) + 1;
    for (char **e = bench_environ; *e; e++)
        len += strlen(*e) + 1;
    char *block = malloc(len), *p = block;
    if (!block)
        return NULL;
    for (char **e = bench_environ; *e; e++)
        if (strncmp(*e, "WINHANDLE_TRACE=", 16)) {
            strcpy(p, *e);
            p += strlen(*e) + 1;
        }
    memcpy(p, trace, sizeof(trace));
    p[sizeof(trace)] = '\0';
    return block;
}

static const char *setup_partner(void)
{
    g_map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                               bench_object_name(GetCurrentProcessId(), "trace"));
    if (!g_map)
        return bench_failed("CreateFileMappingA");
    g_result = MapViewOfFile(g_map, FILE_MAP_WRITE, 0, 0, sizeof(*g_result));
    if (!g_result)
        return bench_failed("MapViewOfFile");
    if (!(g_env = traced_environment()))
        return "out of memory";
    return NULL;
}

static void teardown_partner(void)
{
    if (g_result)
        UnmapViewOfFile(g_result);
    if (g_map)
        CloseHandle(g_map);
    free(g_env);
    g_result = NULL;
    g_map = NULL;
    g_env = NULL;
}

/* Run mode for n operations in a traced partner; its own ticks. */
static const char *run_in_partner(const char *mode, DWORD n, LONGLONG *ticks)
{
    char arg[48];
    PROCESS_INFORMATION pi;
    snprintf(arg, sizeof(arg), "%s:%lu", mode, (unsigned long)n);
    g_result->done = 0;
    if (!bench_spawn_env("trace", arg, FALSE, g_env, &pi))
        return bench_failed("CreateProcessA");
    DWORD w = WaitForSingleObject(pi.hProcess, PATIENCE_MS);
    bench_end_child(&pi);
    if (w != WAIT_OBJECT_0)
        return bench_wait_failed("WaitForSingleObject(partner)", w, WAIT_OBJECT_0);
    if (g_result->done != 1)
        return "the traced partner failed";
    *ticks = g_result->ticks;
    return NULL;
}

static const char *run_off_create_close(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = bench_now();
    const char *why = create_close(n);
    *ticks = bench_now() - start;
    return why;
}

static const char *run_on_create_close(DWORD n, LONGLONG *ticks)
{
    return run_in_partner("create", n, ticks);
}

static const char *setup_set_event(void)
{
    g_set_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    return g_set_event ? NULL : bench_failed("CreateEventA");
}

static void teardown_set_event(void)
{
    CloseHandle(g_set_event);
    g_set_event = NULL;
}

static const char *run_off_set_event(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = bench_now();
    const char *why = set_event(n);
    *ticks = bench_now() - start;
    return why;
}

static const char *run_on_set_event(DWORD n, LONGLONG *ticks)
{
    return run_in_partner("set", n, ticks);
}

static const struct bench_case trace_cases[] = {
    { "trace_off_create_close", "CreateEventA + CloseHandle, tracing off (this process)",
      NULL, run_off_create_close, NULL, 0 },
    { "trace_on_create_close", "CreateEventA + CloseHandle in a partner run with "
      "WINHANDLE_TRACE=1 (a site sent per handle made)",
      setup_partner, run_on_create_close, teardown_partner, 0 },
    { "trace_off_set_event", "SetEvent, tracing off (this process)",
      setup_set_event, run_off_set_event, teardown_set_event, 0 },
    { "trace_on_set_event", "SetEvent in a partner run with WINHANDLE_TRACE=1 "
      "(no handle made: no site sent)",
      setup_partner, run_on_set_event, teardown_partner, 0 },
};

static const struct bench_child trace_children[] = {
    { "trace", child_trace },
};

const struct bench_group bench_trace = {
    "trace", trace_cases, BENCH_COUNT(trace_cases),
    trace_children, BENCH_COUNT(trace_children),
};
