/*
 * Showing, hiding and enabling windows: ShowWindow, IsWindowVisible,
 * EnableWindow, IsWindowEnabled. There are no pixels: a command changes
 * the style's state bits (WS_VISIBLE, WS_MINIMIZE, WS_MAXIMIZE,
 * WS_DISABLED) in the server, so every process sees them, and the
 * window's procedure gets WM_SHOWWINDOW or WM_ENABLE when this thread
 * owns it (with no message queue, another thread's window changes
 * without a message). A minimized or maximized window keeps its
 * rectangle, and SW_RESTORE always restores to normal.
 *
 * WM_SHOWWINDOW comes before the change ("about to be hidden or shown"),
 * when the window's visibility changes (always with SW_SHOWNA, as in
 * Wine) and not when it is minimized or maximized instead. Where Wine
 * and the documentation differ, the documentation wins: no WM_SHOWWINDOW
 * for SW_SHOWNORMAL, nor for a top-level overlapped window made
 * WS_VISIBLE with WS_MINIMIZE or WS_MAXIMIZE (Wine sends one both times).
 */
#include "window_private.h"

#define MIN_MAX (WS_MINIMIZE | WS_MAXIMIZE)

/* Set and clear state bits (neither: just read); the style before. */
static BOOL window_state(HWND hwnd, uint32_t set, uint32_t clear,
                         struct wh_window_state_reply *reply)
{
    struct wh_window_state_request req = { .handle = user_to_wire(hwnd), .set = set,
                                           .clear = clear };
    return set_result(SERVER_CALL(window_state, &req, reply, NULL, 0));
}

BOOL WINAPI IsWindowVisible(HWND hwnd)
{
    struct wh_window_state_reply reply;
    return window_state(hwnd, 0, 0, &reply) && reply.visible;
}

BOOL WINAPI IsWindowEnabled(HWND hwnd)
{
    struct wh_window_state_reply reply;
    return window_state(hwnd, 0, 0, &reply) && !(reply.old_style & WS_DISABLED);
}

/* Nonzero if the window was disabled before. */
BOOL WINAPI EnableWindow(HWND hwnd, BOOL enable)
{
    struct wh_window_state_reply reply;
    if (!window_state(hwnd, enable ? 0 : WS_DISABLED, enable ? WS_DISABLED : 0, &reply))
        return FALSE;
    BOOL was_disabled = (reply.old_style & WS_DISABLED) != 0;
    BOOL sent;
    if (was_disabled == !enable)
        return was_disabled;
    send_message(hwnd, WM_ENABLE, enable ? TRUE : FALSE, 0, &sent);
    return was_disabled;
}

/* The state bits a command sets and clears; FALSE for no command. */
static BOOL show_bits(int cmd, uint32_t *set, uint32_t *clear)
{
    *set = WS_VISIBLE;
    *clear = 0;
    switch (cmd) {
    case SW_HIDE:
        *set = 0;
        *clear = WS_VISIBLE;
        return TRUE;
    case SW_SHOW:
    case SW_SHOWNA:
        return TRUE;
    case SW_SHOWNORMAL:
    case SW_SHOWNOACTIVATE:
    case SW_RESTORE:
    case SW_SHOWDEFAULT: /* the startup info's command is not looked at */
        *clear = MIN_MAX;
        return TRUE;
    case SW_SHOWMINIMIZED:
    case SW_MINIMIZE:
    case SW_SHOWMINNOACTIVE:
    case SW_FORCEMINIMIZE:
        *set |= WS_MINIMIZE;
        *clear = WS_MAXIMIZE;
        return TRUE;
    case SW_SHOWMAXIMIZED:
        *set |= WS_MAXIMIZE;
        *clear = WS_MINIMIZE;
        return TRUE;
    default:
        return FALSE;
    }
}

static BOOL sends_showwindow(int cmd, uint32_t old_style, uint32_t set, uint32_t clear)
{
    uint32_t style = (old_style & ~clear) | set;
    BOOL was = (old_style & WS_VISIBLE) != 0, now = (style & WS_VISIBLE) != 0;
    if ((style ^ old_style) & MIN_MAX)
        return FALSE;
    if (cmd == SW_SHOWNORMAL || cmd == SW_SHOWMAXIMIZED)
        return FALSE;
    return was != now || cmd == SW_SHOWNA;
}

/* Nonzero if the window was visible (WS_VISIBLE) before. */
BOOL WINAPI ShowWindow(HWND hwnd, int cmd)
{
    struct wh_window_state_reply before, after;
    if (!window_state(hwnd, 0, 0, &before))
        return FALSE;
    BOOL was = (before.old_style & WS_VISIBLE) != 0;
    uint32_t set, clear;
    if (!show_bits(cmd, &set, &clear))
        return was; /* an unknown command does nothing (Wine) */
    BOOL sent;
    if (sends_showwindow(cmd, before.old_style, set, clear))
        send_message(hwnd, WM_SHOWWINDOW, (set & WS_VISIBLE) ? TRUE : FALSE, 0, &sent);
    if (!window_state(hwnd, set, clear, &after))
        return FALSE;
    return was;
}

void window_show_created(HWND hwnd, DWORD style)
{
    struct wh_window_state_reply reply;
    BOOL sent;
    if ((style & (WS_CHILD | WS_POPUP)) || !(style & MIN_MAX))
        send_message(hwnd, WM_SHOWWINDOW, TRUE, 0, &sent);
    window_state(hwnd, WS_VISIBLE, 0, &reply);
}
