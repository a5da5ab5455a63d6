/*
 * Desktops made with CreateDesktopA, against Wine: their names, a thread
 * moving to one with SetThreadDesktop (refused once it has a window), a
 * desktop window per desktop, a child process started on one through
 * STARTUPINFO.lpDesktop, and a window of another desktop refused as a
 * parent.
 *
 * What Wine and Windows' documentation part on, this program does not
 * print: Wine lets a thread read and change a window of another desktop,
 * where winhandle refuses it (ERROR_ACCESS_DENIED), as issue 5 asks.
 * tests/integration/test_desktops.c checks that.
 */
#include <ctype.h>
#include <string.h>

#include "children.h"

#define DESK "wh-conformance-desk"

static BOOL same_name(const char *a, const char *b)
{
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b))
        a++, b++;
    return *a == *b;
}

/* Does the calling thread's desktop have this name? */
static BOOL on_desktop(const char *expected)
{
    char buf[64] = { 0 };
    DWORD needed;
    HDESK d = GetThreadDesktop(GetCurrentThreadId());
    return GetUserObjectInformationA(d, UOI_NAME, buf, sizeof(buf), &needed) &&
           same_name(buf, expected);
}

static LRESULT CALLBACK plain_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

struct mover {
    HDESK target;
    BOOL moved, named, busy_same, busy_other;
    DWORD busy_error;
    HWND window, desktop_window;
    HANDLE ready, done;
};

/* A new thread (no windows yet) moves to the made desktop, makes a window
 * there, then may not move back. */
static DWORD WINAPI mover_thread(LPVOID arg)
{
    struct mover *m = arg;
    m->moved = SetThreadDesktop(m->target);
    m->named = on_desktop(DESK);
    m->desktop_window = GetDesktopWindow();
    m->window = CreateWindowExA(0, "desk-probe", "on the made desktop", WS_OVERLAPPEDWINDOW,
                                0, 0, 100, 100, NULL, NULL, NULL, NULL);
    m->busy_same = SetThreadDesktop(m->target);
    HDESK def = OpenDesktopA("Default", 0, FALSE, GENERIC_ALL);
    SetLastError(UNTOUCHED_ERROR);
    m->busy_other = SetThreadDesktop(def);
    m->busy_error = GetLastError();
    CloseDesktop(def);
    SetEvent(m->ready);
    WaitForSingleObject(m->done, PATIENCE_MS);
    DestroyWindow(m->window);
    return 0;
}

static void child_on(const char *desktop, const char *check_as)
{
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    char args[128];
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    si.lpDesktop = (char *)desktop;
    const char *bare = strchr(desktop, '\\') ? strchr(desktop, '\\') + 1 : desktop;
    snprintf(args, sizeof(args), "on-desktop %s", bare);
    SetLastError(UNTOUCHED_ERROR);
    BOOL ok = spawn_self_ex(args, NULL, NULL, FALSE, 0, &si, &pi);
    check_bool(check_name(check_as, "create"), ok);
    if (ok)
        check(check_name(check_as, "child_on_it"), finish_child(&pi) == 1 ? "yes" : "no");
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2 && !strcmp(argv[1], "on-desktop"))
        return on_desktop(argv[2]) ? 1 : 2;

    WNDCLASSA wc;
    ZeroMemory(&wc, sizeof(wc));
    wc.lpfnWndProc = plain_proc;
    wc.lpszClassName = "desk-probe";
    RegisterClassA(&wc);

    SetLastError(UNTOUCHED_ERROR);
    HDESK made = CreateDesktopA(DESK, NULL, NULL, 0, GENERIC_ALL, NULL);
    check_create("create", (HANDLE)made);
    check_yes("create.kernel_value", ((ULONG_PTR)made & 3) == 0);
    show_user_object_info("create.name", made, UOI_NAME);
    SetLastError(UNTOUCHED_ERROR);
    HDESK again = CreateDesktopA("WH-Conformance-Desk", NULL, NULL, 0, GENERIC_ALL, NULL);
    check_create("create.again", (HANDLE)again);
    check_yes("create.again_new_handle", again != made);
    show_user_object_info("create.again_name", again, UOI_NAME);
    SetLastError(UNTOUCHED_ERROR);
    HDESK opened = OpenDesktopA("WH-CONFORMANCE-DESK", 0, FALSE, DESKTOP_READOBJECTS);
    check_create("open", (HANDLE)opened);
    show_user_object_info("open.name", opened, UOI_NAME);
    check_bool("open.close", CloseDesktop(opened));
    check_bool("create.again_close", CloseDesktop(again));

    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.backslash",
                 (HANDLE)CreateDesktopA("a\\b", NULL, NULL, 0, GENERIC_ALL, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.null", (HANDLE)CreateDesktopA(NULL, NULL, NULL, 0, GENERIC_ALL, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.empty", (HANDLE)CreateDesktopA("", NULL, NULL, 0, GENERIC_ALL, NULL));

    SetLastError(UNTOUCHED_ERROR);
    check_bool("set_thread_desktop.null", SetThreadDesktop(NULL));
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("set_thread_desktop.event", SetThreadDesktop((HDESK)ev));
    CloseHandle(ev);

    HWND mine = CreateWindowExA(0, "desk-probe", "on Default", WS_OVERLAPPEDWINDOW, 0, 0, 100,
                                100, NULL, NULL, NULL, NULL);
    check_yes("default.window", mine != NULL);
    check_yes("default.named", on_desktop("Default"));

    struct mover m;
    ZeroMemory(&m, sizeof(m));
    m.target = made;
    m.ready = CreateEventA(NULL, TRUE, FALSE, NULL);
    m.done = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, mover_thread, &m, 0, NULL);
    check_wait("mover.ready", WaitForSingleObject(m.ready, PATIENCE_MS));
    check_yes("mover.moved", m.moved);
    check_yes("mover.on_made_desktop", m.named);
    check_yes("mover.own_desktop_window", m.desktop_window && m.desktop_window != GetDesktopWindow());
    check_yes("mover.window", m.window != NULL);
    check_yes("mover.same_desktop_again", m.busy_same);
    check(check_name("mover", "back_with_a_window"), "%s, %u", m.busy_other ? "TRUE" : "FALSE",
          (unsigned)m.busy_error);
    check_yes("main.still_default", on_desktop("Default"));

    /* A window on another desktop is no parent for ours. */
    SetLastError(UNTOUCHED_ERROR);
    HWND child = CreateWindowExA(0, "desk-probe", "child", WS_CHILD, 0, 0, 10, 10, m.window,
                                 NULL, NULL, NULL);
    check_handle("child_of_other_desktop", (HANDLE)child);

    child_on("WinSta0\\" DESK, "child.station_and_desktop");
    child_on(DESK, "child.desktop");
    child_on("wh-conformance-new", "child.missing_desktop_is_made");

    SetEvent(m.done);
    check_wait("mover.end", WaitForSingleObject(t, PATIENCE_MS));
    CloseHandle(t);
    DestroyWindow(mine);
    return 0;
}
