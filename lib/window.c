/*
 * Windows. The server keeps them (a window handle works in every process
 * of the session); the procedures run here, on the thread that owns the
 * window, which is the only thread that may create or destroy it. With no
 * message queue a procedure gets the messages of its window's life and
 * those its own thread sends (WM_SETTEXT, WM_GETTEXT): another thread's
 * window is read and written in the server directly.
 */
#include <stdlib.h>
#include <string.h>

#include "window_private.h"

struct window_info {
    struct wh_get_window_info_reply r;
    char class_name[257];
};

static BOOL get_info(HWND hwnd, struct window_info *info)
{
    struct wh_get_window_info_request req = { .handle = user_to_wire(hwnd) };
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_get_window_info, &req, sizeof(req), NULL, 0,
                                 &info->r, sizeof(info->r), &var, &var_len);
    if (!error) {
        if (var_len > sizeof(info->class_name) - 1)
            var_len = sizeof(info->class_name) - 1;
        memcpy(info->class_name, var, var_len);
        info->class_name[var_len] = 0;
    }
    free(var);
    return set_result(error);
}

static BOOL own_thread(const struct window_info *info)
{
    return info->r.owner_tid == GetCurrentThreadId() &&
           info->r.owner_pid == GetCurrentProcessId();
}

/* A window's procedure; NULL (a class without one) is DefWindowProcA. */
static LRESULT call_procedure(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return proc ? proc(hwnd, msg, wparam, lparam) : DefWindowProcA(hwnd, msg, wparam, lparam);
}

/* A message sent to a procedure of this thread:
 * WH_CALLWNDPROC hooks see it first and WH_CALLWNDPROCRET hooks after,
 * with the result, as on Windows for every sent message; a dispatched one
 * (DispatchMessageA) or CallWindowProcA's goes to the procedure alone. The
 * hooks' wParam says the current thread sent it: always, here. */
static LRESULT call_sent(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    BOOL called;
    CWPSTRUCT cwp = { .lParam = lparam, .wParam = wparam, .message = msg, .hwnd = hwnd };
    call_hooks(WH_CALLWNDPROC, HC_ACTION, TRUE, (LPARAM)&cwp, &called);
    LRESULT result = call_procedure(proc, hwnd, msg, wparam, lparam);
    CWPRETSTRUCT ret = { .lResult = result, .lParam = lparam, .wParam = wparam,
                         .message = msg, .hwnd = hwnd };
    call_hooks(WH_CALLWNDPROCRET, HC_ACTION, TRUE, (LPARAM)&ret, &called);
    return result;
}

/* Call the window's procedure if it runs on this thread; else (another
 * thread's window, no queue to post to) nothing happens. */
LRESULT send_message(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam, BOOL *sent)
{
    struct window_info info;
    *sent = FALSE;
    if (!get_info(hwnd, &info) || !own_thread(&info))
        return 0;
    *sent = TRUE;
    return call_sent((WNDPROC)(uintptr_t)info.r.wndproc, hwnd, msg, wparam, lparam);
}

LRESULT dispatch_to_window(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return 0;
    if (!own_thread(&info))
        return FAIL(ERROR_MESSAGE_SYNC_ONLY, 0);
    return call_procedure((WNDPROC)(uintptr_t)info.r.wndproc, hwnd, msg, wparam, lparam);
}

static BOOL set_text(HWND hwnd, const char *text)
{
    uint32_t len = text ? (uint32_t)strnlen(text, WH_MAX_WINDOW_TEXT) : 0;
    struct wh_set_window_text_request req = { .handle = user_to_wire(hwnd), .len = len };
    struct wh_set_window_text_reply reply;
    return set_result(SERVER_CALL(set_window_text, &req, &reply, text, len));
}

/* Up to max - 1 bytes of the text and a NUL into buf (max > 0); returns
 * the bytes copied, or -1 (last error set) when there is no such window;
 * *reply says whose window it is. */
static int fetch_text(HWND hwnd, const int *item_id, char *buf, int max,
                      struct wh_get_window_text_reply *reply)
{
    struct wh_get_window_text_request req = {
        .handle = user_to_wire(hwnd), .max = (uint32_t)max - 1,
        .item = item_id != NULL, .item_id = item_id ? (uint64_t)(int64_t)*item_id : 0,
    };
    void *var = NULL;
    uint32_t len = 0;
    uint32_t error = server_call(WH_REQ_get_window_text, &req, sizeof(req), NULL, 0, reply,
                                 sizeof(*reply), &var, &len);
    if (error)
        len = 0;
    if (len > (uint32_t)max - 1)
        len = (uint32_t)max - 1;
    if (len)
        memcpy(buf, var, len); /* var is NULL when the text is empty */
    buf[len] = 0;
    free(var);
    return set_result(error) ? (int)len : -1;
}

/* The text GetWindowTextA has just read for a window of this thread, for
 * the DefWindowProcA that answers the WM_GETTEXT it then sends: one round
 * trip instead of two. It serves only while the thread has made no other
 * request (client_calls_made), so a procedure that changes the text, or
 * does anything else, before it calls DefWindowProcA reads the text anew. */
static __thread struct {
    HWND hwnd;
    uint64_t calls;
    char *text;
    int len;
} just_read;

static int text_from_just_read(HWND hwnd, char *buf, int max)
{
    if (!just_read.text || just_read.hwnd != hwnd || just_read.calls != client_calls_made())
        return -1;
    int len = just_read.len < max - 1 ? just_read.len : max - 1;
    memcpy(buf, just_read.text, (size_t)len);
    buf[len] = 0;
    return len;
}

static int get_text(HWND hwnd, char *buf, int max)
{
    struct wh_get_window_text_reply reply;
    if (!buf || max <= 0)
        return 0;
    int len = text_from_just_read(hwnd, buf, max);
    if (len < 0)
        len = fetch_text(hwnd, NULL, buf, max, &reply);
    return len < 0 ? 0 : len;
}

static int is_resource_id(const void *p)
{
    return ((uintptr_t)p >> 16) == 0;
}

LRESULT WINAPI DefWindowProcA(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    struct window_info info;
    switch (msg) {
    case WM_NCCREATE: {
        const CREATESTRUCTA *cs = (const CREATESTRUCTA *)lparam;
        if (cs && cs->lpszName && !is_resource_id(cs->lpszName))
            set_text(hwnd, cs->lpszName);
        return TRUE;
    }
    case WM_SETTEXT:
        return set_text(hwnd, (const char *)lparam);
    case WM_GETTEXT:
        return get_text(hwnd, (char *)lparam, (int)wparam);
    case WM_GETTEXTLENGTH:
        return get_info(hwnd, &info) ? (LRESULT)info.r.text_len : 0;
    default:
        return 0;
    }
}

LRESULT WINAPI CallWindowProcA(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wparam,
                               LPARAM lparam)
{
    return proc ? proc(hwnd, msg, wparam, lparam) : 0;
}

/* ---- creation and destruction ---- */

static BOOL destroy_in_server(HWND hwnd)
{
    struct wh_destroy_window_request req = { .handle = user_to_wire(hwnd) };
    struct wh_destroy_window_reply reply;
    return set_result(SERVER_CALL(destroy_window, &req, &reply, NULL, 0));
}

/* A creation the procedure refused: the window had WM_NCCREATE, so it
 * gets WM_NCDESTROY, then goes. */
static HWND creation_failed(HWND hwnd, WNDPROC proc, BOOL nccreated)
{
    DWORD error = GetLastError();
    if (nccreated)
        call_sent(proc, hwnd, WM_NCDESTROY, 0, 0);
    destroy_in_server(hwnd);
    SetLastError(error);
    return NULL;
}

HWND WINAPI CreateWindowExA(DWORD ex_style, LPCSTR class_name, LPCSTR name, DWORD style,
                            int x, int y, int cx, int cy, HWND parent, HMENU menu,
                            HINSTANCE instance, LPVOID param)
{
    BOOL mdi;
    HWND child = mdi_child_from_create(ex_style, class_name, name, style, x, y, cx, cy, parent,
                                       instance, param, &mdi);
    if (mdi)
        return child;
    struct window_class cls;
    if (!window_class_find(class_name, instance, &cls)) {
        SetLastError(ERROR_CANNOT_FIND_WND_CLASS);
        return NULL;
    }
    if (parent == HWND_MESSAGE)
        parent = NULL; /* message-only windows: top-level ones here */
    /* Windows clips every top-level window's siblings, and captions an
     * overlapped one. */
    DWORD real_style = style;
    if (!(style & WS_CHILD))
        real_style |= WS_CLIPSIBLINGS | ((style & WS_POPUP) ? 0 : WS_CAPTION);
    struct wh_create_window_request req = {
        .wndproc = (uint64_t)(uintptr_t)cls.info.lpfnWndProc,
        .instance = (uint64_t)(uintptr_t)instance,
        .id = (style & WS_CHILD) ? (uint64_t)(uintptr_t)menu : user_to_wire(menu),
        .parent = (style & WS_CHILD) ? user_to_wire(parent) : 0,
        .owner = (style & WS_CHILD) ? 0 : user_to_wire(parent),
        .style = (uint32_t)real_style, .ex_style = (uint32_t)ex_style,
        .x = x, .y = y, .cx = cx, .cy = cy,
        .class_atom = cls.atom, .extra = (uint32_t)cls.info.cbWndExtra,
        .class_len = (uint32_t)strlen(cls.name),
    };
    struct wh_create_window_reply reply;
    if (!set_result(SERVER_CALL(create_window, &req, &reply, cls.name, req.class_len)))
        return NULL;
    HWND hwnd = wire_to_user(reply.handle);
    WNDPROC proc = cls.info.lpfnWndProc ? cls.info.lpfnWndProc : DefWindowProcA;
    CREATESTRUCTA cs = {
        .lpCreateParams = param, .hInstance = instance, .hMenu = menu,
        .hwndParent = parent, .cy = cy, .cx = cx, .y = y, .x = x, .style = (LONG)style,
        .lpszName = name, .lpszClass = class_name, .dwExStyle = ex_style,
    };
    /* WH_CBT may refuse the window before it hears of itself. */
    CBT_CREATEWNDA cbt = { .lpcs = &cs, .hwndInsertAfter = HWND_TOP };
    BOOL called;
    if (call_hooks(WH_CBT, HCBT_CREATEWND, (WPARAM)hwnd, (LPARAM)&cbt, &called) && called)
        return creation_failed(hwnd, proc, FALSE);
    if (!call_sent(proc, hwnd, WM_NCCREATE, 0, (LPARAM)&cs))
        return creation_failed(hwnd, proc, TRUE);
    if (call_sent(proc, hwnd, WM_CREATE, 0, (LPARAM)&cs) == -1)
        return creation_failed(hwnd, proc, TRUE);
    if (style & WS_VISIBLE)
        window_show_created(hwnd, style);
    return hwnd;
}

uint32_t *window_list(HWND hwnd, uint32_t kind, uint32_t *count)
{
    struct wh_list_windows_request req = { .handle = user_to_wire(hwnd), .kind = kind };
    struct wh_list_windows_reply reply;
    void *var = NULL;
    uint32_t len = 0;
    *count = 0;
    if (server_call(WH_REQ_list_windows, &req, sizeof(req), NULL, 0, &reply, sizeof(reply),
                    &var, &len)) {
        free(var);
        return NULL;
    }
    *count = len / sizeof(uint32_t);
    return var;
}

/* The windows this thread is destroying: a procedure that destroys its
 * own window again from WM_DESTROY must not start over. */
#define MAX_NESTED_DESTROYS 32
static __thread uint32_t destroying[MAX_NESTED_DESTROYS];
static __thread int destroying_count;

static int being_destroyed(uint32_t h)
{
    for (int i = 0; i < destroying_count; i++)
        if (destroying[i] == h)
            return 1;
    return 0;
}

/* Send msg to the window and those below it, in the order kind says. */
static void send_to_tree(HWND hwnd, uint32_t kind, UINT msg)
{
    uint32_t n;
    uint32_t *all = window_list(hwnd, kind, &n);
    BOOL sent;
    for (uint32_t i = 0; i < n; i++)
        send_message(wire_to_user(all[i]), msg, 0, 0, &sent);
    free(all);
}

/* WM_DESTROY to the window, then its children, parents first; then
 * WM_NCDESTROY children first: Windows' order. */
static void send_destroy_messages(HWND hwnd)
{
    send_to_tree(hwnd, WH_LIST_DESCENDANTS, WM_DESTROY);
    send_to_tree(hwnd, WH_LIST_POSTORDER, WM_NCDESTROY);
}

BOOL WINAPI DestroyWindow(HWND hwnd)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return FALSE;
    if (!own_thread(&info)) {
        SetLastError(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    uint32_t h = user_to_wire(hwnd);
    if (being_destroyed(h))
        return TRUE;
    BOOL called;
    if (call_hooks(WH_CBT, HCBT_DESTROYWND, (WPARAM)hwnd, 0, &called) && called)
        return FALSE;
    if (destroying_count == MAX_NESTED_DESTROYS)
        return destroy_in_server(hwnd);
    destroying[destroying_count++] = h;
    /* The windows it owns go first, each destroyed as if by DestroyWindow. */
    uint32_t n;
    uint32_t *owned = window_list(hwnd, WH_LIST_OWNED, &n);
    for (uint32_t i = 0; i < n; i++)
        DestroyWindow(wire_to_user(owned[i]));
    free(owned);
    send_destroy_messages(hwnd);
    destroying_count--;
    /* A procedure may have destroyed it already: that is success too. */
    if (!destroy_in_server(hwnd) && GetLastError() != ERROR_INVALID_WINDOW_HANDLE)
        return FALSE;
    return TRUE;
}

BOOL WINAPI IsWindow(HWND hwnd)
{
    struct wh_user_check_request req = { .handle = user_to_wire(hwnd), .type = WH_USER_WINDOW };
    struct wh_user_check_reply reply;
    return set_result(SERVER_CALL(user_check, &req, &reply, NULL, 0));
}

DWORD WINAPI GetWindowThreadProcessId(HWND hwnd, LPDWORD pid)
{
    struct wh_user_check_request req = { .handle = user_to_wire(hwnd), .type = WH_USER_WINDOW };
    struct wh_user_check_reply reply;
    if (!set_result(SERVER_CALL(user_check, &req, &reply, NULL, 0)))
        return 0;
    if (pid)
        *pid = reply.owner_pid;
    return reply.owner_tid;
}

HWND WINAPI GetDesktopWindow(void)
{
    struct wh_get_desktop_window_request req;
    struct wh_get_desktop_window_reply reply;
    if (!set_result(SERVER_CALL(get_desktop_window, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.handle);
}

/* ---- the tree ---- */

static HWND relative(HWND hwnd, uint32_t cmd)
{
    struct wh_get_window_relative_request req = { .handle = user_to_wire(hwnd), .cmd = cmd };
    struct wh_get_window_relative_reply reply;
    if (!set_result(SERVER_CALL(get_window_relative, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.result);
}

HWND WINAPI GetWindow(HWND hwnd, UINT cmd)
{
    return relative(hwnd, cmd);
}

HWND WINAPI GetAncestor(HWND hwnd, UINT flags)
{
    if (flags < GA_PARENT || flags > GA_ROOTOWNER) {
        if (IsWindow(hwnd))
            SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return relative(hwnd, WH_ANCESTOR_CMD + flags);
}

HWND WINAPI GetTopWindow(HWND hwnd)
{
    if (!hwnd && !(hwnd = GetDesktopWindow()))
        return NULL;
    return relative(hwnd, GW_CHILD);
}

/* A child's parent; a popup's owner; NULL for other top-level windows. */
HWND WINAPI GetParent(HWND hwnd)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return NULL;
    if (info.r.style & WS_CHILD)
        return wire_to_user(info.r.parent);
    if (info.r.style & WS_POPUP)
        return wire_to_user(info.r.owner);
    return NULL;
}

BOOL WINAPI IsChild(HWND parent, HWND hwnd)
{
    struct window_info info;
    for (int depth = 0; depth <= (int)WH_MAX_WINDOW_DEPTH; depth++) {
        if (!get_info(hwnd, &info) || !(info.r.style & WS_CHILD))
            return FALSE;
        hwnd = wire_to_user(info.r.parent);
        if (hwnd == parent)
            return TRUE;
    }
    return FALSE;
}

/* ---- text ---- */

int read_window_text(HWND hwnd, const int *item_id, char *buf, int max)
{
    struct wh_get_window_text_reply reply;
    int len = fetch_text(hwnd, item_id, buf, max, &reply);
    if (len < 0)
        return -1; /* no such window (or another desktop's) */
    if (reply.owner_tid != GetCurrentThreadId() || reply.owner_pid != GetCurrentProcessId())
        return len;
    HWND window = wire_to_user(reply.handle);
    WNDPROC proc = (WNDPROC)(uintptr_t)reply.wndproc;
    char *saved = just_read.text;
    just_read.text = malloc((size_t)len + 1); /* NULL: DefWindowProcA asks again */
    if (just_read.text) {
        memcpy(just_read.text, buf, (size_t)len + 1);
        just_read.hwnd = window;
        just_read.len = len;
        just_read.calls = client_calls_made();
    }
    buf[0] = 0;
    int result = (int)call_sent(proc, window, WM_GETTEXT, (WPARAM)max, (LPARAM)buf);
    free(just_read.text);
    just_read.text = saved; /* a nested GetWindowTextA's call has moved on */
    return result;
}

/* Another thread's window: its text, in one round trip. This thread's
 * own: what its procedure answers to WM_GETTEXT. */
int WINAPI GetWindowTextA(HWND hwnd, LPSTR buf, int max)
{
    struct window_info info;
    if (!buf || max <= 0) {
        get_info(hwnd, &info); /* the last error still says if hwnd is bad */
        return 0;
    }
    int len = read_window_text(hwnd, NULL, buf, max);
    return len < 0 ? 0 : len;
}

int WINAPI GetWindowTextLengthA(HWND hwnd)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return 0;
    if (own_thread(&info)) {
        BOOL sent;
        return (int)send_message(hwnd, WM_GETTEXTLENGTH, 0, 0, &sent);
    }
    return (int)info.r.text_len;
}

BOOL WINAPI SetWindowTextA(HWND hwnd, LPCSTR text)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return FALSE;
    if (own_thread(&info)) {
        BOOL sent;
        return (BOOL)send_message(hwnd, WM_SETTEXT, 0, (LPARAM)text, &sent);
    }
    return set_text(hwnd, text);
}

int WINAPI GetClassNameA(HWND hwnd, LPSTR buf, int max)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return 0;
    if (!buf || max <= 0) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    size_t len = strlen(info.class_name);
    if (len > (size_t)max - 1)
        len = (size_t)max - 1;
    memcpy(buf, info.class_name, len);
    buf[len] = 0;
    return (int)len;
}

/* ---- position ---- */

BOOL WINAPI GetWindowRect(HWND hwnd, LPRECT rect)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return FALSE;
    if (!rect) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    rect->left = info.r.left;
    rect->top = info.r.top;
    rect->right = info.r.right;
    rect->bottom = info.r.bottom;
    return TRUE;
}

/* No non-client area: the client rectangle is the window's size. */
BOOL WINAPI GetClientRect(HWND hwnd, LPRECT rect)
{
    if (!GetWindowRect(hwnd, rect))
        return FALSE;
    rect->right -= rect->left;
    rect->bottom -= rect->top;
    rect->left = rect->top = 0;
    return TRUE;
}

BOOL WINAPI SetWindowPos(HWND hwnd, HWND after, int x, int y, int cx, int cy, UINT flags)
{
    struct wh_set_window_pos_request req = {
        .handle = user_to_wire(hwnd), .after = (uint32_t)(uintptr_t)after,
        .x = x, .y = y, .cx = cx, .cy = cy, .flags = flags,
    };
    struct wh_set_window_pos_reply reply;
    return set_result(SERVER_CALL(set_window_pos, &req, &reply, NULL, 0));
}

BOOL WINAPI MoveWindow(HWND hwnd, int x, int y, int cx, int cy, BOOL repaint)
{
    (void)repaint; /* nothing is painted */
    return SetWindowPos(hwnd, NULL, x, y, cx, cy, SWP_NOZORDER | SWP_NOACTIVATE);
}

/* ---- longs ---- */

static BOOL window_long(HWND hwnd, int index, uint32_t size, BOOL set, uint64_t value,
                        uint64_t *old)
{
    /* A pointer does not fit a LONG in 64 bits: Windows refuses these. */
    if (size == 4 && sizeof(void *) == 8 &&
        (index == GWLP_WNDPROC || index == GWLP_HINSTANCE || index == GWLP_HWNDPARENT)) {
        if (IsWindow(hwnd))
            SetLastError(ERROR_INVALID_INDEX);
        return FALSE;
    }
    struct wh_window_long_request req = {
        .value = value, .index = index, .handle = user_to_wire(hwnd), .size = size, .set = set,
    };
    struct wh_window_long_reply reply;
    if (!set_result(SERVER_CALL(window_long, &req, &reply, NULL, 0)))
        return FALSE;
    *old = reply.old;
    return TRUE;
}

LONG WINAPI GetWindowLongA(HWND hwnd, int index)
{
    uint64_t v;
    return window_long(hwnd, index, 4, FALSE, 0, &v) ? (LONG)(uint32_t)v : 0;
}

LONG WINAPI SetWindowLongA(HWND hwnd, int index, LONG value)
{
    uint64_t v;
    return window_long(hwnd, index, 4, TRUE, (uint64_t)(int64_t)value, &v)
               ? (LONG)(uint32_t)v : 0;
}

LONG_PTR WINAPI GetWindowLongPtrA(HWND hwnd, int index)
{
    uint64_t v;
    return window_long(hwnd, index, sizeof(LONG_PTR), FALSE, 0, &v) ? (LONG_PTR)v : 0;
}

LONG_PTR WINAPI SetWindowLongPtrA(HWND hwnd, int index, LONG_PTR value)
{
    uint64_t v;
    return window_long(hwnd, index, sizeof(LONG_PTR), TRUE, (uint64_t)(int64_t)value, &v)
               ? (LONG_PTR)v : 0;
}

/* ---- menus ---- */

HMENU WINAPI GetMenu(HWND hwnd)
{
    struct window_info info;
    if (!get_info(hwnd, &info))
        return NULL;
    return wire_to_user(info.r.menu);
}

BOOL WINAPI SetMenu(HWND hwnd, HMENU menu)
{
    struct wh_set_window_menu_request req = { .handle = user_to_wire(hwnd),
                                              .menu = user_to_wire(menu) };
    struct wh_set_window_menu_reply reply;
    return set_result(SERVER_CALL(set_window_menu, &req, &reply, NULL, 0));
}

HWND WINAPI SetParent(HWND hwnd, HWND parent)
{
    struct wh_set_parent_request req = { .handle = user_to_wire(hwnd),
                                         .parent = user_to_wire(parent) };
    struct wh_set_parent_reply reply;
    if (!user_result(SERVER_CALL(set_parent, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.old);
}
