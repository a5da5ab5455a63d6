/*
 * SetParent against Wine: the old parent comes back (the desktop window
 * for a top-level window), the window goes on top of its new siblings,
 * NULL and the desktop window both mean the desktop, and a window cannot
 * go below itself. Wine clears the last error on some successes, so a
 * success prints no error. HWND_MESSAGE (message-only windows) is not
 * built in winhandle and is not asked here.
 */
#include "conformance.h"

static HWND a, b, c, d;

static const char *who(HWND h)
{
    return !h ? "NULL" : h == GetDesktopWindow() ? "desktop" : h == a ? "a" : h == b ? "b"
           : h == c ? "c" : h == d ? "d" : "another window";
}

/* A call returning a window: which one, and the error when it is NULL. */
static void check_window(const char *name, HWND h)
{
    char err[32];
    DWORD error = GetLastError();
    if (h)
        check(name, "%s", who(h));
    else
        check(name, "NULL, %s", error_name(error, err));
}

#define CALL(name, expr) (SetLastError(UNTOUCHED_ERROR), check_window(name, (expr)))

static LRESULT CALLBACK plain_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

int main(void)
{
    WNDCLASSA wc;
    ZeroMemory(&wc, sizeof(wc));
    wc.lpfnWndProc = plain_proc;
    wc.lpszClassName = "set-parent";
    RegisterClassA(&wc);
    a = CreateWindowExA(0, "set-parent", "a", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL,
                        NULL, NULL);
    b = CreateWindowExA(0, "set-parent", "b", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL,
                        NULL, NULL);
    c = CreateWindowExA(0, "set-parent", "c", WS_CHILD, 5, 6, 10, 10, a, NULL, NULL, NULL);
    d = CreateWindowExA(0, "set-parent", "d", WS_CHILD, 1, 1, 10, 10, c, NULL, NULL, NULL);

    CALL("child.old_parent", SetParent(c, b));
    CALL("child.parent_now", GetParent(c));
    CALL("child.new_parent_first_child", GetWindow(b, GW_CHILD));
    CALL("child.old_parent_first_child", GetWindow(a, GW_CHILD));
    CALL("child.grandchild_follows", GetParent(d));
    CALL("child.to_null", SetParent(c, NULL));
    CALL("child.to_null.parent", GetParent(c));
    CALL("child.to_null.ancestor", GetAncestor(c, GA_PARENT));
    check_yes("child.to_null.still_ws_child", (GetWindowLongA(c, GWL_STYLE) & WS_CHILD) != 0);
    CALL("child.back", SetParent(c, a));
    CALL("child.to_desktop_window", SetParent(c, GetDesktopWindow()));
    CALL("child.to_desktop_window.parent", GetParent(c));
    SetParent(c, a);

    CALL("top_level.old_parent", SetParent(b, a));
    CALL("top_level.get_parent", GetParent(b));
    CALL("top_level.ancestor", GetAncestor(b, GA_PARENT));
    CALL("top_level.back", SetParent(b, NULL));

    CALL("self", SetParent(a, a));
    CALL("below_itself.child", SetParent(a, c));
    CALL("below_itself.grandchild", SetParent(a, d));
    CALL("child_below_its_child", SetParent(c, d));
    CALL("null_window", SetParent(NULL, a));
    CALL("bad_window", SetParent((HWND)(ULONG_PTR)0x1234, a));
    CALL("bad_parent", SetParent(c, (HWND)(ULONG_PTR)0x1234));
    CALL("desktop_window", SetParent(GetDesktopWindow(), a));

    HWND e = CreateWindowExA(0, "set-parent", "e", WS_CHILD, 0, 0, 1, 1, a, NULL, NULL, NULL);
    HWND f = CreateWindowExA(0, "set-parent", "f", WS_CHILD, 0, 0, 1, 1, c, NULL, NULL, NULL);
    SetParent(f, a);
    check_yes("zorder.moved_on_top", GetWindow(a, GW_CHILD) == f);
    check_yes("zorder.then_the_others", GetWindow(f, GW_HWNDNEXT) == c ||
                                            GetWindow(f, GW_HWNDNEXT) == e);

    DestroyWindow(b);
    CALL("destroyed_parent", SetParent(c, b));
    CALL("destroyed_window", SetParent(b, a));
    DestroyWindow(a);
    check_yes("destroy_takes_moved_children", !IsWindow(c) && !IsWindow(d) && !IsWindow(f));
    return 0;
}
