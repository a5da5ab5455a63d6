/*
 * A window's state from another process: a child hides, shows and
 * disables its parent's window by handle and the parent sees it (the
 * state lives in the server); the desktop window cannot be hidden.
 */
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

/* The child: bits of what it saw, as its exit code. */
static int child_hide(HWND hwnd)
{
    int bits = 0;
    if (ShowWindow(hwnd, SW_HIDE))
        bits |= 1; /* it was visible */
    if (!IsWindowVisible(hwnd))
        bits |= 2;
    if (!EnableWindow(hwnd, FALSE))
        bits |= 4; /* it was enabled */
    SetLastError(0);
    if (!ShowWindow(GetDesktopWindow(), SW_HIDE) && GetLastError() == ERROR_ACCESS_DENIED)
        bits |= 8;
    if (IsWindowVisible(GetDesktopWindow()))
        bits |= 16;
    return bits;
}

static LRESULT CALLBACK proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "hide"))
        return child_hide((HWND)(ULONG_PTR)strtoul(argv[2], NULL, 0));
    spawn_self_init();
    WNDCLASSA wc = { .lpfnWndProc = proc, .lpszClassName = "window-state" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "window-state", "w", WS_POPUP | WS_VISIBLE, 0, 0, 10, 10, NULL,
                             NULL, NULL, NULL);
    ok(w && IsWindowVisible(w) && IsWindowEnabled(w), "a visible, enabled window");
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "hide %lu", (unsigned long)(ULONG_PTR)w);
    DWORD code = spawn_self(args, FALSE, NULL, &pi) ? finish_child(&pi) : 0xdead;
    ok(code != 0xdead && (code & 1), "another process's ShowWindow(SW_HIDE) says it was visible");
    ok(code != 0xdead && (code & 2), "and it sees the window hidden");
    ok(code != 0xdead && (code & 4), "its EnableWindow(FALSE) says it was enabled");
    ok(code != 0xdead && (code & 8), "the desktop window cannot be hidden: ERROR_ACCESS_DENIED");
    ok(code != 0xdead && (code & 16), "and stays visible");
    ok(!IsWindowVisible(w) && !(GetWindowLongA(w, GWL_STYLE) & WS_VISIBLE),
       "the owner sees its window hidden");
    ok(!IsWindowEnabled(w), "and disabled");
    ok(!ShowWindow(w, SW_SHOW) && IsWindowVisible(w), "and shows it again");
    ok(DestroyWindow(w), "then destroys it");
    return tap_done();
}
