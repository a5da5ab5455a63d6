/*
 * What the library's window files share. Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_WINDOW_PRIVATE_H
#define WINHANDLE_LIB_WINDOW_PRIVATE_H

#include "user_private.h"

/* A registered class, or a copy of one (window_class_find). */
struct window_class {
    char *name;
    char *menu_name; /* a copy, or an integer resource id */
    ATOM atom;
    WNDCLASSEXA info;
    char name_buf[256];
};

/* Copy the class name (or MAKEINTATOM atom) of instance (NULL: the
 * program's) into *out; FALSE if there is none. */
BOOL window_class_find(LPCSTR name, HINSTANCE instance, struct window_class *out);

/* The window handles of a list_windows answer (kind WH_LIST_*; hwnd
 * NULL: the caller's desktop window), *count of them; free the result.
 * NULL and the last error untouched on failure. */
uint32_t *window_list(HWND hwnd, uint32_t kind, uint32_t *count);

/* GetWindowTextA's work (buf not NULL, max > 0) for hwnd or, given
 * item_id, for the child of dialog hwnd with that id, in one round trip
 * either way: the text, or what the window's procedure answers to
 * WM_GETTEXT when it runs on this thread. -1, last error set, when there
 * is no such window. */
int read_window_text(HWND hwnd, const int *item_id, char *buf, int max);

/* The system's classes ("#32770", "Button", "MDIClient"...): a copy of
 * the one that name (or MAKEINTATOM atom) names. */
BOOL system_class_find(LPCSTR name, struct window_class *out);
const char *system_class_by_ordinal(WORD ordinal);

/* The MDI client's procedure and its extra bytes (lib/mdi.c). */
#define MDI_CLIENT_EXTRA 8
LRESULT CALLBACK mdi_client_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam);
/* CreateWindowExA of an MDI child in an MDI client: made by the client
 * as Windows does (*handled); other windows are CreateWindowExA's. */
HWND mdi_child_from_create(DWORD ex_style, LPCSTR cls, LPCSTR title, DWORD style, int x,
                           int y, int cx, int cy, HWND client, HINSTANCE inst, LPVOID param,
                           BOOL *handled);

/* Call hwnd's procedure if this thread owns it (window.c); *sent says
 * whether it ran. */
LRESULT send_message(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL *sent);

/* DispatchMessageA's call: hwnd's procedure if this thread owns it; else
 * 0 with ERROR_INVALID_WINDOW_HANDLE (no such window) or
 * ERROR_MESSAGE_SYNC_ONLY (another thread's: its queue is not ours). */
LRESULT dispatch_to_window(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam);

/* Show a window made with WS_VISIBLE, with WM_SHOWWINDOW as Windows
 * sends it then (window_show.c). */
void window_show_created(HWND hwnd, DWORD style);

#endif
