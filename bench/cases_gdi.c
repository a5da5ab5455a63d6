/*
 * Benchmark cases of GDI objects (issue 6): a brush's whole life, and
 * GetObjectA on a brush of this process and of another one. See bench.h
 * for what a case is.
 *
 * The remote case cannot run under Wine: its GDI handles are private to
 * their process, as Windows documents them; winhandle's belong to the
 * session, so any process reads a brush by its value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static HBRUSH g_brush;
static PROCESS_INFORMATION g_child;
static HANDLE g_map, g_ready, g_done;
static volatile LONG *g_box;

static const char *run_brush(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = bench_now();
    for (DWORD i = 0; i < n; i++) {
        HBRUSH b = CreateSolidBrush(RGB(i & 0xff, 1, 2));
        if (!b)
            return bench_failed("CreateSolidBrush");
        if (!DeleteObject(b))
            return bench_failed("DeleteObject");
    }
    *ticks = bench_now() - start;
    return NULL;
}

/* n GetObjectA calls on brush, each checked. */
static const char *read_brush(HBRUSH brush, COLORREF color, DWORD n, LONGLONG *ticks)
{
    LOGBRUSH lb;
    LONGLONG start = bench_now();
    for (DWORD i = 0; i < n; i++)
        if (GetObjectA(brush, sizeof(lb), &lb) != sizeof(lb) || lb.lbColor != color)
            return bench_failed("GetObjectA");
    *ticks = bench_now() - start;
    return NULL;
}

static const char *setup_local(void)
{
    return (g_brush = CreateSolidBrush(RGB(3, 4, 5))) ? NULL : bench_failed("CreateSolidBrush");
}

static const char *run_local(DWORD n, LONGLONG *ticks)
{
    return read_brush(g_brush, RGB(3, 4, 5), n, ticks);
}

static void teardown_local(void)
{
    DeleteObject(g_brush);
}

/* ---- a brush of another process ---- */

/* The holder: make a brush, put its value in the parent's mapping, hold
 * it until the parent is done. */
static int child_gdi_holder(DWORD tag, const char *arg)
{
    (void)arg;
    HANDLE map = OpenFileMappingA(FILE_MAP_WRITE, FALSE, bench_object_name(tag, "gdi-box"));
    volatile LONG *box = map ? MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, bench_object_name(tag, "gdi-ready"));
    HANDLE done = OpenEventA(SYNCHRONIZE, FALSE, bench_object_name(tag, "gdi-done"));
    HBRUSH brush = CreateSolidBrush(RGB(6, 7, 8));
    if (!box || !ready || !done || !brush)
        return 2;
    *box = (LONG)HandleToLong(brush);
    SetEvent(ready);
    return WaitForSingleObject(done, PATIENCE_MS) == WAIT_OBJECT_0 ? 0 : 3;
}

static void teardown_remote(void)
{
    if (g_done)
        SetEvent(g_done);
    bench_end_child(&g_child);
    if (g_box)
        UnmapViewOfFile((void *)g_box);
    CloseHandle(g_map);
    CloseHandle(g_ready);
    CloseHandle(g_done);
    g_box = NULL;
    g_map = g_ready = g_done = NULL;
}

static const char *setup_remote(void)
{
    DWORD tag = GetCurrentProcessId();
    g_map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                               bench_object_name(tag, "gdi-box"));
    g_box = g_map ? MapViewOfFile(g_map, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    g_ready = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "gdi-ready"));
    g_done = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "gdi-done"));
    if (!g_box || !g_ready || !g_done)
        return bench_failed("setting up the mailbox");
    if (!bench_spawn("gdi_holder", NULL, FALSE, &g_child))
        return bench_failed("CreateProcessA");
    DWORD w = WaitForSingleObject(g_ready, PATIENCE_MS);
    if (w != WAIT_OBJECT_0)
        return bench_wait_failed("the holder's brush", w, WAIT_OBJECT_0);
    LOGBRUSH lb;
    if (GetObjectA(LongToHandle(*g_box), sizeof(lb), &lb) != sizeof(lb))
        return "another process's brush is not readable here (GDI handles private to their "
               "process, as in Wine)";
    return NULL;
}

static const char *run_remote(DWORD n, LONGLONG *ticks)
{
    return read_brush(LongToHandle(*g_box), RGB(6, 7, 8), n, ticks);
}

static const struct bench_case gdi_cases[] = {
    { "gdi_brush_create_delete", "CreateSolidBrush + DeleteObject", NULL, run_brush, NULL, 0 },
    { "gdi_getobject", "GetObjectA of a brush of this process (LOGBRUSH)", setup_local,
      run_local, teardown_local, 0 },
    { "gdi_getobject_remote", "GetObjectA of a brush a child process made, by its value",
      setup_remote, run_remote, teardown_remote, 0 },
};

static const struct bench_child gdi_children[] = {
    { "gdi_holder", child_gdi_holder },
};

const struct bench_group bench_gdi = {
    "gdi", gdi_cases, BENCH_COUNT(gdi_cases), gdi_children, BENCH_COUNT(gdi_children),
};
