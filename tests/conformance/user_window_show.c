/*
 * Showing, hiding and enabling windows against Wine: ShowWindow's
 * commands (what each returns, the styles it leaves, when the procedure
 * gets WM_SHOWWINDOW), IsWindowVisible (a window and all its ancestors),
 * EnableWindow and IsWindowEnabled (WM_ENABLE), a WS_VISIBLE or
 * WS_DISABLED window at creation, errors and use after destroy.
 *
 * Only WM_SHOWWINDOW and WM_ENABLE are logged: Wine sends many others
 * (WM_WINDOWPOSCHANGING, WM_ACTIVATE, WM_SIZE...) that winhandle, with no
 * pixels and no activation, does not. A rectangle is never printed: a
 * minimized or maximized window here keeps its own.
 *
 * Where the documentation and Wine differ, only what both agree on is
 * printed (test_documented checks the rest): WM_SHOWWINDOW is "not sent
 * ... when the SW_SHOWNORMAL flag is specified" nor when "a top-level,
 * overlapped window is created with the WS_MAXIMIZE or WS_MINIMIZE
 * style"; Wine sends it both times.
 */
#include "msg_log.h"

#define CLASS "WhShow"
#define STATE_BITS (WS_VISIBLE | WS_MINIMIZE | WS_MAXIMIZE | WS_DISABLED)

static LRESULT CALLBACK proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_SHOWWINDOW)
        log_msg("SHOWWINDOW(%u,%ld)", (unsigned)wp, (long)lp);
    else if (msg == WM_ENABLE)
        log_msg("ENABLE(%u)", (unsigned)wp);
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static HWND make(DWORD style, HWND parent)
{
    return CreateWindowExA(0, CLASS, "w", style, 0, 0, 10, 10, parent, NULL, NULL, NULL);
}

/* The state bits of the style, by name. */
static void check_state(const char *name, HWND hwnd)
{
    DWORD style = (DWORD)GetWindowLongA(hwnd, GWL_STYLE) & STATE_BITS;
    check(name, "%s%s%s%s%s", style & WS_VISIBLE ? "visible " : "",
          style & WS_MINIMIZE ? "minimized " : "", style & WS_MAXIMIZE ? "maximized " : "",
          style & WS_DISABLED ? "disabled " : "", style ? "" : "(none)");
}

/* A result that is no error: its value alone (Wine sets a last error of
 * its own on some successes). */
static void check_value(const char *name, long value)
{
    check(name, "%ld", value);
}

/* One command, then its result, the log and the state. */
static void show(const char *name, HWND hwnd, int cmd)
{
    char n[64];
    BOOL was = ShowWindow(hwnd, cmd);
    check_value(name, was != 0);
    snprintf(n, sizeof(n), "%s.messages", name);
    check_log(n);
    snprintf(n, sizeof(n), "%s.state", name);
    check_state(n, hwnd);
}

static void show_commands(void)
{
    HWND w = make(WS_POPUP, NULL);
    check_log("create_hidden.messages");
    check_value("visible.hidden", IsWindowVisible(w));
    show("show", w, SW_SHOW);
    check_value("visible.shown", IsWindowVisible(w));
    show("show.again", w, SW_SHOW);
    show("showna.visible", w, SW_SHOWNA);
    show("hide", w, SW_HIDE);
    show("hide.again", w, SW_HIDE);
    show("minimize.hidden", w, SW_MINIMIZE);
    show("maximize", w, SW_MAXIMIZE);
    show("restore", w, SW_RESTORE);
    show("showminimized", w, SW_SHOWMINIMIZED);
    show("shownormal.minimized", w, SW_SHOWNORMAL);
    show("forceminimize", w, SW_FORCEMINIMIZE);
    show("restore.minimized", w, SW_RESTORE);
    show("unknown_command", w, 99);
    show("negative_command", w, -1);
    show("showdefault.visible", w, SW_SHOWDEFAULT);
    DestroyWindow(w);
}

/* One command on a hidden window: result, messages (if log), state. */
static void from_hidden_one(const char *name, const char *which, HWND hwnd, int cmd, BOOL log)
{
    char n[64];
    msg_log[0] = 0;
    snprintf(n, sizeof(n), "%s.%s", name, which);
    check_value(n, ShowWindow(hwnd, cmd) != 0);
    snprintf(n, sizeof(n), "%s.%s.messages", name, which);
    if (log)
        check_log(n);
    snprintf(n, sizeof(n), "%s.%s.state", name, which);
    check_state(n, hwnd);
}

/* Each command on a new hidden window and on a hidden child of it. */
static void from_hidden(const char *name, int cmd, BOOL log)
{
    HWND w = make(WS_POPUP, NULL);
    HWND c = make(WS_CHILD, w);
    from_hidden_one(name, "top", w, cmd, log);
    from_hidden_one(name, "child", c, cmd, log);
    DestroyWindow(w);
    msg_log[0] = 0;
}

static void children(void)
{
    HWND p = make(WS_POPUP | WS_VISIBLE, NULL);
    check_log("create_visible.messages");
    HWND c = make(WS_CHILD | WS_VISIBLE, p);
    check_log("create_visible_child.messages");
    check_value("child.visible", IsWindowVisible(c));
    ShowWindow(p, SW_HIDE);
    msg_log[0] = 0;
    check_value("child.visible.parent_hidden", IsWindowVisible(c));
    check_state("child.state.parent_hidden", c);
    show("child.hide.parent_hidden", c, SW_HIDE);
    show("child.show.parent_hidden", c, SW_SHOW);
    HWND g = make(WS_CHILD | WS_VISIBLE, c);
    msg_log[0] = 0;
    check_value("grandchild.visible.parent_hidden", IsWindowVisible(g));
    ShowWindow(p, SW_SHOW);
    msg_log[0] = 0;
    check_value("grandchild.visible.all_shown", IsWindowVisible(g));
    DestroyWindow(p);
    HWND m = make(WS_POPUP | WS_VISIBLE | WS_MAXIMIZE, NULL);
    check_log("create_visible_maximized_popup.messages");
    check_state("create_visible_maximized_popup.state", m);
    DestroyWindow(m);
    msg_log[0] = 0;
}

static void enabling(void)
{
    HWND w = make(WS_POPUP, NULL);
    HWND c = make(WS_CHILD, w);
    check_value("enabled", IsWindowEnabled(w));
    check_value("disable", EnableWindow(w, FALSE) != 0);
    check_log("disable.messages");
    check_state("disable.state", w);
    check_value("enabled.disabled", IsWindowEnabled(w));
    check_value("enabled.child_of_disabled", IsWindowEnabled(c));
    check_value("disable.again", EnableWindow(w, FALSE) != 0);
    check_log("disable.again.messages");
    check_value("enable", EnableWindow(w, TRUE) != 0);
    check_log("enable.messages");
    check_value("enable.again", EnableWindow(w, TRUE) != 0);
    check_log("enable.again.messages");
    EnableWindow(w, FALSE);
    msg_log[0] = 0;
    check_value("enable.with_5", EnableWindow(w, 5) != 0);
    check_log("enable.with_5.messages");
    DestroyWindow(w);
    HWND d = make(WS_POPUP | WS_DISABLED, NULL);
    check_log("create_disabled.messages");
    check_value("enabled.created_disabled", IsWindowEnabled(d));
    DestroyWindow(d);
}

static void errors(void)
{
    HWND bad = (HWND)(ULONG_PTR)0xdead0, desk = GetDesktopWindow();
    CHECK_INT("show.bad_window", ShowWindow(bad, SW_SHOW));
    CHECK_INT("visible.bad_window", IsWindowVisible(bad));
    CHECK_INT("visible.null", IsWindowVisible(NULL));
    CHECK_INT("enable.bad_window", EnableWindow(bad, TRUE));
    CHECK_INT("enabled.bad_window", IsWindowEnabled(bad));
    check_value("visible.desktop", IsWindowVisible(desk));
    check_value("enabled.desktop", IsWindowEnabled(desk));
    check_value("show.desktop_shown", ShowWindow(desk, SW_SHOW) != 0);
    HWND w = make(WS_POPUP | WS_VISIBLE, NULL);
    DestroyWindow(w);
    msg_log[0] = 0;
    CHECK_INT("show.dead", ShowWindow(w, SW_HIDE));
    CHECK_INT("visible.dead", IsWindowVisible(w));
    CHECK_INT("enable.dead", EnableWindow(w, FALSE));
    CHECK_INT("enabled.dead", IsWindowEnabled(w));
}

int main(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = proc;
    wc.lpszClassName = CLASS;
    RegisterClassA(&wc);
    show_commands();
    from_hidden("from_hidden.show", SW_SHOW, TRUE);
    from_hidden("from_hidden.showna", SW_SHOWNA, TRUE);
    from_hidden("from_hidden.shownoactivate", SW_SHOWNOACTIVATE, TRUE);
    from_hidden("from_hidden.restore", SW_RESTORE, TRUE);
    from_hidden("from_hidden.showdefault", SW_SHOWDEFAULT, TRUE);
    from_hidden("from_hidden.shownormal", SW_SHOWNORMAL, FALSE); /* see above */
    from_hidden("from_hidden.showmaximized", SW_SHOWMAXIMIZED, TRUE);
    from_hidden("from_hidden.showminnoactive", SW_SHOWMINNOACTIVE, TRUE);
    from_hidden("from_hidden.minimize", SW_MINIMIZE, TRUE);
    children();
    enabling();
    errors();
    return 0;
}
