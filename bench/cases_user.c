/*
 * Benchmark cases of USER objects (issue 5): a menu's and a window's whole
 * life, and reading a window another process made. Under Wine, windows
 * need its null display driver (run.sh sets it in the bench prefix).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define CLASS_NAME "winhandle-bench"
#define TITLE "a window of the benchmark"

static HWND g_remote;
static PROCESS_INFORMATION g_child;
static HANDLE g_ready, g_quit, g_box;

static LRESULT CALLBACK bench_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static BOOL register_class(void)
{
    WNDCLASSA wc;
    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = bench_proc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = CLASS_NAME;
    return RegisterClassA(&wc) || GetLastError() == ERROR_CLASS_ALREADY_EXISTS;
}

static HWND make_window(void)
{
    return CreateWindowExA(0, CLASS_NAME, TITLE, WS_OVERLAPPEDWINDOW, 10, 10, 200, 100, NULL,
                           NULL, GetModuleHandleA(NULL), NULL);
}

/* ---- the partner: a window for the parent to read ---- */

static int child_window(DWORD tag, const char *arg)
{
    (void)arg;
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, bench_object_name(tag, "wready"));
    HANDLE quit = OpenEventA(SYNCHRONIZE, FALSE, bench_object_name(tag, "wquit"));
    HANDLE box = OpenFileMappingA(FILE_MAP_WRITE, FALSE, bench_object_name(tag, "wbox"));
    DWORD *slot = box ? MapViewOfFile(box, FILE_MAP_WRITE, 0, 0, sizeof(DWORD)) : NULL;
    HWND hwnd = register_class() ? make_window() : NULL;
    if (!ready || !quit || !slot || !hwnd)
        return 2;
    /* The window's value, through shared memory: only its low 32 bits
     * mean anything, in either width. */
    *slot = (DWORD)(ULONG_PTR)hwnd;
    SetEvent(ready);
    WaitForSingleObject(quit, PATIENCE_MS);
    DestroyWindow(hwnd);
    return 0;
}

/* ---- menu_create_destroy ---- */

static const char *menu_once(void)
{
    HMENU m = CreateMenu();
    if (!m)
        return bench_failed("CreateMenu");
    return DestroyMenu(m) ? NULL : bench_failed("DestroyMenu");
}

static const char *run_menu(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, menu_once);
}

/* ---- window_create_destroy ---- */

static const char *setup_window(void)
{
    return register_class() ? NULL : bench_failed("RegisterClassA");
}

static const char *window_once(void)
{
    HWND hwnd = make_window();
    if (!hwnd)
        return bench_failed("CreateWindowExA");
    return DestroyWindow(hwnd) ? NULL : bench_failed("DestroyWindow");
}

static const char *run_window(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, window_once);
}

/* ---- window_remote_is / window_remote_text: another process's window ---- */

static void teardown_remote(void)
{
    bench_stop_partner(&g_child, &g_ready, &g_quit);
    CloseHandle(g_box);
    g_box = NULL;
    g_remote = NULL;
}

static const char *setup_remote(void)
{
    DWORD tag = GetCurrentProcessId();
    g_ready = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "wready"));
    g_quit = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "wquit"));
    g_box = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                               bench_object_name(tag, "wbox"));
    if (!g_ready || !g_quit || !g_box)
        return bench_failed("CreateEventA/CreateFileMappingA");
    if (!bench_spawn("window", NULL, FALSE, &g_child))
        return bench_failed("CreateProcessA(partner)");
    DWORD r = WaitForSingleObject(g_ready, PATIENCE_MS);
    if (r != WAIT_OBJECT_0)
        return bench_wait_failed("waiting for the partner's window", r, WAIT_OBJECT_0);
    DWORD *slot = MapViewOfFile(g_box, FILE_MAP_READ, 0, 0, sizeof(DWORD));
    if (!slot)
        return bench_failed("MapViewOfFile");
    g_remote = (HWND)(ULONG_PTR)*slot;
    UnmapViewOfFile(slot);
    DWORD pid = 0;
    GetWindowThreadProcessId(g_remote, &pid);
    if (pid != g_child.dwProcessId) {
        snprintf(bench_reason, sizeof(bench_reason),
                 "the window found belongs to pid %lu, not the partner",
                 (unsigned long)pid);
        return bench_reason;
    }
    return NULL;
}

static const char *is_once(void)
{
    return IsWindow(g_remote) ? NULL : bench_failed("IsWindow");
}

static const char *run_remote_is(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, is_once);
}

static const char *text_once(void)
{
    char text[64];
    return GetWindowTextA(g_remote, text, sizeof(text)) == (int)strlen(TITLE)
               ? NULL
               : bench_failed("GetWindowTextA");
}

static const char *run_remote_text(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, text_once);
}

static const struct bench_case user_cases[] = {
    { "menu_create_destroy", "CreateMenu + DestroyMenu", NULL, run_menu, NULL, 0 },
    { "window_create_destroy", "CreateWindowExA (a top-level window of a registered class) + "
      "DestroyWindow", setup_window, run_window, NULL, 0 },
    { "window_remote_is", "IsWindow on a window of another process",
      setup_remote, run_remote_is, teardown_remote, 0 },
    { "window_remote_text", "GetWindowTextA of a window of another process",
      setup_remote, run_remote_text, teardown_remote, 0 },
};

static const struct bench_child user_children[] = {
    { "window", child_window },
};

const struct bench_group bench_user = {
    "user", user_cases, BENCH_COUNT(user_cases), user_children, BENCH_COUNT(user_children),
};
