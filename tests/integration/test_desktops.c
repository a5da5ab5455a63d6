/*
 * The desktop check of issue 5: a thread may use only the windows of its
 * own desktop. Every use of another desktop's window fails with
 * ERROR_ACCESS_DENIED, from another thread of the same process (moved
 * with SetThreadDesktop) and from another process (started on the other
 * desktop through STARTUPINFO.lpDesktop), while the same calls on the
 * same desktop work; `winhandle user` then says who was refused what, and
 * why. (Wine does not check: the conformance program user_desktop_create
 * prints only what it and winhandle agree on.)
 *
 *   test_desktops WINHANDLE_TOOL      (under isolate.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "run_tool.h"
#include "spawn_self.h"
#include "tap.h"

#define OTHER "wh-test-other"

static LRESULT CALLBACK plain_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

static void register_class(void)
{
    WNDCLASSA wc;
    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = plain_proc;
    wc.lpszClassName = "desk-test";
    RegisterClassA(&wc);
}

static HWND make_window(const char *title)
{
    return CreateWindowExA(0, "desk-test", title, WS_OVERLAPPEDWINDOW, 0, 0, 50, 50, NULL,
                           NULL, NULL, NULL);
}

/* Bit i of the result: use i of w failed with ERROR_ACCESS_DENIED. */
static unsigned refused_uses(HWND w)
{
    unsigned bits = 0, i = 0;
    char text[32];
    RECT rc;
    DWORD pid;
#define USE(call) (SetLastError(0), (void)(call), bits |= (GetLastError() == ERROR_ACCESS_DENIED) << i++)
    USE(GetWindowTextA(w, text, sizeof(text)));
    USE(SetWindowTextA(w, "changed"));
    USE(IsWindow(w));
    USE(GetWindowRect(w, &rc));
    USE(SetWindowPos(w, NULL, 1, 1, 5, 5, SWP_NOZORDER));
    USE(GetWindowThreadProcessId(w, &pid));
    USE(GetWindowLongPtrA(w, GWL_STYLE));
    USE(GetParent(w));
    USE(CreateWindowExA(0, "desk-test", "child", WS_CHILD, 0, 0, 5, 5, w, NULL, NULL, NULL));
#undef USE
    return bits;
}
#define ALL_USES 0x1ffu

struct on_other {
    HDESK desk;
    HWND target;      /* a window on Default, for the moved thread to try */
    HWND mine;        /* the window it makes on OTHER */
    BOOL moved;
    unsigned refused; /* of target */
    unsigned own_refused;
    HANDLE ready, done;
};

static DWORD WINAPI other_thread(LPVOID arg)
{
    struct on_other *o = arg;
    o->moved = SetThreadDesktop(o->desk);
    o->mine = make_window("on the other desktop");
    o->refused = refused_uses(o->target);
    o->own_refused = refused_uses(o->mine);
    SetEvent(o->ready);
    WaitForSingleObject(o->done, 20000);
    DestroyWindow(o->mine);
    return 0;
}

/* A child started on another desktop: exit code = refused_uses of the
 * window it was given, plus 0x10000 if its own window there works, plus
 * 0x20000 if GetStartupInfoA gives back the lpDesktop it was started with
 * (expected: "-" for none). */
static int child_main(const char *value, const char *expected)
{
    STARTUPINFOA si;
    GetStartupInfoA(&si);
    int startup_ok = si.lpDesktop ? !strcmp(si.lpDesktop, expected) : !strcmp(expected, "-");
    register_class();
    HWND w = (HWND)(ULONG_PTR)strtoul(value, NULL, 0);
    unsigned bits = refused_uses(w);
    HWND mine = make_window("child's");
    if (mine && !refused_uses(mine))
        bits |= 0x10000;
    DestroyWindow(mine);
    return (int)(bits | (startup_ok ? 0x20000u : 0));
}

static DWORD run_child(HWND w, const char *desktop)
{
    char args[64];
    snprintf(args, sizeof(args), "child %lu %s", (unsigned long)(ULONG_PTR)w,
             desktop ? desktop : "-");
    STARTUPINFOA si;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.lpDesktop = (char *)desktop;
    PROCESS_INFORMATION pi;
    if (!spawn_self(args, FALSE, &si, &pi))
        return 0xdead;
    return finish_child(&pi);
}

static char out[1 << 16];

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc == 4 && !strcmp(argv[1], "child"))
        return child_main(argv[2], argv[3]);
    if (argc != 2) {
        fprintf(stderr, "usage: test_desktops WINHANDLE_TOOL\n");
        return 2;
    }
    register_class();
    HWND home = make_window("home");
    ok(home != NULL, "a window on Default");
    HDESK other = CreateDesktopA(OTHER, NULL, NULL, 0, GENERIC_ALL, NULL);
    ok(other != NULL, "CreateDesktopA");

    struct on_other o;
    memset(&o, 0, sizeof(o));
    o.desk = other;
    o.target = home;
    o.ready = CreateEventA(NULL, TRUE, FALSE, NULL);
    o.done = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, other_thread, &o, 0, NULL);
    ok(WaitForSingleObject(o.ready, 20000) == WAIT_OBJECT_0, "the moved thread is ready");
    ok(o.moved && o.mine, "a thread moves to the other desktop and makes a window there");
    ok(o.refused == ALL_USES, "it is refused every use of Default's window (0x%x)", o.refused);
    ok(o.own_refused == 0, "and refused nothing on its own (0x%x)", o.own_refused);
    unsigned mine = refused_uses(o.mine);
    ok(mine == ALL_USES, "this thread is refused every use of the other's window (0x%x)", mine);
    char text[32];
    ok(GetWindowTextA(home, text, sizeof(text)) == 4 && !strcmp(text, "home"),
       "while its own desktop's window still works");
    ok(GetDesktopWindow() != NULL, "GetDesktopWindow on Default");

    DWORD code = run_child(home, "WinSta0\\" OTHER);
    ok((code & ALL_USES) == ALL_USES && (code & 0x10000),
       "a process started on the other desktop is refused Default's window, its own works "
       "(0x%x)", (unsigned)code);
    ok(code & 0x20000, "and GetStartupInfoA gives it back its lpDesktop");
    code = run_child(home, NULL);
    ok(code == 0x30000, "a process started on Default (its creator's) uses it (0x%x)",
       (unsigned)code);

    char cmd[MAX_PATH + 64], want[128];
    snprintf(cmd, sizeof(cmd), "\"%s\" user", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle user");
    ok(strstr(out, "refused (newest first)") != NULL, "lists the refusals");
    snprintf(want, sizeof(want), "on WinSta0\\%s: set_window_pos of window 0x%08lx (pid %lu)",
             OTHER, (unsigned long)(ULONG_PTR)home, (unsigned long)GetCurrentProcessId());
    ok(strstr(out, want) != NULL, "with who asked, on which desktop, for what: %s", want);
    snprintf(want, sizeof(want), "on WinSta0\\Default\n");
    ok(strstr(out, want) != NULL, "and the window's desktop");
    ok(strstr(out, "[" OTHER "] desk-test") != NULL,
       "a window off Default names its desktop in its summary");
    snprintf(cmd, sizeof(cmd), "\"%s\" user --json", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 &&
           strstr(out, "\"caller_desktop\": \"" OTHER "\"") &&
           strstr(out, "\"object_desktop\": \"Default\"") &&
           strstr(out, "\"reason\": \"different desktop\""),
       "and in JSON");
    if (!strstr(out, "caller_desktop"))
        fprintf(stderr, "%s\n", out);

    SetEvent(o.done);
    ok(WaitForSingleObject(t, 20000) == WAIT_OBJECT_0, "the moved thread ends");
    CloseHandle(t);
    ok(!IsWindow(o.mine) && GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "its window went with it");
    ok(CloseDesktop(other), "CloseDesktop");
    DestroyWindow(home);
    return tap_done();
}
