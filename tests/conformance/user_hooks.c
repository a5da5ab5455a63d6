/*
 * Hooks against Wine: set, call through CallMsgFilterA, chain with
 * CallNextHookEx, unhook, use after; and WH_CBT for the windows a thread
 * makes and destroys (creation and destruction refused by the hook too);
 * WH_CALLWNDPROC and WH_CALLWNDPROCRET around each message sent to a
 * procedure, and not around a dispatched one nor CallWindowProcA's.
 * Windows fails UnhookWindowsHookEx on a dead hook with
 * ERROR_INVALID_HOOK_HANDLE (1404).
 */
#include <string.h>

#include "conformance.h"

static char trace[64];

static void check_result(const char *name, BOOL ok)
{
    check(name, ok ? "TRUE" : "FALSE");
}

static void note(char c)
{
    size_t n = strlen(trace);
    if (n + 1 < sizeof(trace))
        trace[n] = c, trace[n + 1] = '\0';
}

static LRESULT CALLBACK hook_a(int code, WPARAM w, LPARAM l)
{
    note('a');
    return CallNextHookEx(NULL, code, w, l);
}

static LRESULT CALLBACK hook_b(int code, WPARAM w, LPARAM l)
{
    note('b');
    if (code == MSGF_USER + 1)
        return 1; /* takes the message: the chain stops here */
    return CallNextHookEx(NULL, code, w, l);
}

static LRESULT CALLBACK hook_c(int code, WPARAM w, LPARAM l)
{
    (void)w;
    note('c');
    LPMSG msg = (LPMSG)l;
    note(msg && msg->message == 0x1234 ? 'm' : '?');
    return code == MSGF_USER + 2;
}

static DWORD WINAPI other_thread(LPVOID arg)
{
    MSG msg;
    memset(&msg, 0, sizeof(msg));
    msg.message = 0x1234;
    *(BOOL *)arg = CallMsgFilterA(&msg, MSGF_USER);
    return 0;
}

/* ---- WH_CBT: window creation and destruction ---- */

static char cbt_trace[256];
static int refuse_create, refuse_destroy;

static void cbt_note(const char *s)
{
    size_t n = strlen(cbt_trace);
    snprintf(cbt_trace + n, sizeof(cbt_trace) - n, "%s%s", n ? " " : "", s);
}

static LRESULT CALLBACK cbt_window_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_NCCREATE)
        cbt_note("NCCREATE");
    else if (msg == WM_CREATE)
        cbt_note("CREATE");
    else if (msg == WM_DESTROY)
        cbt_note("DESTROY");
    else if (msg == WM_NCDESTROY)
        cbt_note("NCDESTROY");
    return DefWindowProcA(hwnd, msg, wp, lp);
}

/* Notes what it sees: the window (a handle already), its title and
 * whether it is a child; refuses when told to. */
static LRESULT CALLBACK cbt_hook(int code, WPARAM w, LPARAM l)
{
    char buf[64];
    if (code == HCBT_CREATEWND) {
        const CBT_CREATEWNDA *c = (const CBT_CREATEWNDA *)l;
        snprintf(buf, sizeof(buf), "cbt-create(%s,%s,%s)", c->lpcs->lpszName,
                 IsWindow((HWND)w) ? "window" : "no-window",
                 c->lpcs->hwndParent ? "child" : "top");
        cbt_note(buf);
        if (refuse_create)
            return 1;
    } else if (code == HCBT_DESTROYWND) {
        snprintf(buf, sizeof(buf), "cbt-destroy(%s)",
                 IsWindow((HWND)w) ? "window" : "no-window");
        cbt_note(buf);
        if (refuse_destroy)
            return 1;
    }
    return CallNextHookEx(NULL, code, w, l);
}

static void check_cbt_trace(const char *name)
{
    check(name, "\"%s\"", cbt_trace);
    cbt_trace[0] = '\0';
}

static HWND make(const char *title, DWORD style, HWND parent)
{
    return CreateWindowExA(0, "WhHook", title, style, 0, 0, 1, 1, parent, NULL, NULL, NULL);
}

static DWORD WINAPI other_thread_windows(LPVOID arg)
{
    (void)arg;
    DestroyWindow(make("other", WS_POPUP, NULL));
    return 0;
}

static void cbt_windows(void)
{
    WNDCLASSA wc = { .lpfnWndProc = cbt_window_proc, .lpszClassName = "WhHook" };
    RegisterClassA(&wc);
    /* Made before the hook and kept until after: Wine makes (and, with
     * the thread's last top-level window, destroys) an IME window that
     * its hooks would see too. */
    HWND keeper = make("keeper", WS_POPUP, NULL);
    cbt_trace[0] = '\0';
    SetLastError(UNTOUCHED_ERROR);
    HHOOK h = SetWindowsHookExA(WH_CBT, cbt_hook, NULL, GetCurrentThreadId());
    check_create("cbt.set", h);
    HWND top = make("top", WS_POPUP, NULL);
    check_cbt_trace("cbt.create_top");
    HWND child = make("child", WS_CHILD, top);
    check_cbt_trace("cbt.create_child");
    refuse_create = 1;
    SetLastError(UNTOUCHED_ERROR);
    check_handle("cbt.refused_create", make("refused", WS_POPUP, NULL));
    refuse_create = 0;
    check_cbt_trace("cbt.refused_create.trace");
    refuse_destroy = 1;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("cbt.refused_destroy", DestroyWindow(child));
    refuse_destroy = 0;
    check_cbt_trace("cbt.refused_destroy.trace");
    check_yes("cbt.refused_destroy.alive", IsWindow(child));
    check_bool("cbt.destroy_top", DestroyWindow(top));
    check_cbt_trace("cbt.destroy_top.trace");
    /* Another thread's windows do not reach this thread's hook. */
    HANDLE t = CreateThread(NULL, 0, other_thread_windows, NULL, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check_cbt_trace("cbt.other_thread");
    check_bool("cbt.unhook", UnhookWindowsHookEx(h));
    DestroyWindow(make("after", WS_POPUP, NULL));
    check_cbt_trace("cbt.after_unhook");
    DestroyWindow(keeper);
    check("cbt.next_with_dead_hook", "%d", (int)CallNextHookEx(h, HCBT_ACTIVATE, 0, 0));
}

/* ---- WH_CALLWNDPROC and WH_CALLWNDPROCRET ---- */

static char sent_trace[512];

static void sent_note(const char *s)
{
    size_t n = strlen(sent_trace);
    snprintf(sent_trace + n, sizeof(sent_trace) - n, "%s%s", n ? " " : "", s);
}

/* The messages both Wine and winhandle send a window of this program
 * (Wine sends more: sizes, positions, activation). */
static const char *sent_name(UINT msg)
{
    switch (msg) {
    case WM_NCCREATE: return "NCCREATE";
    case WM_CREATE: return "CREATE";
    case WM_DESTROY: return "DESTROY";
    case WM_NCDESTROY: return "NCDESTROY";
    case WM_SETTEXT: return "SETTEXT";
    case WM_GETTEXT: return "GETTEXT";
    case WM_GETTEXTLENGTH: return "GETTEXTLENGTH";
    case WM_SHOWWINDOW: return "SHOWWINDOW";
    case WM_ENABLE: return "ENABLE";
    case WM_USER: return "USER";
    default: return NULL;
    }
}

/* Only this class's windows: Wine's IME window is sent messages too. */
static int sent_window(HWND hwnd)
{
    char name[32] = "";
    GetClassNameA(hwnd, name, sizeof(name));
    return !strcmp(name, "WhSent");
}

static LRESULT CALLBACK sent_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    char buf[48];
    if (sent_name(msg)) {
        snprintf(buf, sizeof(buf), "proc:%s", sent_name(msg));
        sent_note(buf);
    }
    return msg == WM_USER ? 42 : DefWindowProcA(hwnd, msg, wp, lp);
}

static LRESULT CALLBACK callwndproc_hook(int code, WPARAM w, LPARAM l)
{
    const CWPSTRUCT *c = (const CWPSTRUCT *)l;
    char buf[64];
    if (sent_window(c->hwnd) && sent_name(c->message)) {
        snprintf(buf, sizeof(buf), "before:%s(code %d, same thread %d)", sent_name(c->message),
                 code, w != 0);
        sent_note(buf);
    }
    return CallNextHookEx(NULL, code, w, l);
}

/* The result is printed where Wine gives the procedure's: for
 * WM_NCCREATE Wine 8 gives 0 (DefWindowProcA returned TRUE). */
static LRESULT CALLBACK callwndprocret_hook(int code, WPARAM w, LPARAM l)
{
    const CWPRETSTRUCT *c = (const CWPRETSTRUCT *)l;
    char buf[64];
    if (sent_window(c->hwnd) && sent_name(c->message)) {
        if (c->message == WM_NCCREATE)
            snprintf(buf, sizeof(buf), "after:%s", sent_name(c->message));
        else
            snprintf(buf, sizeof(buf), "after:%s=%ld", sent_name(c->message), (long)c->lResult);
        sent_note(buf);
    }
    return CallNextHookEx(NULL, code, w, l);
}

static void check_sent_trace(const char *name)
{
    check(name, "\"%s\"", sent_trace);
    sent_trace[0] = '\0';
}

static void sent_messages(void)
{
    WNDCLASSA wc = { .lpfnWndProc = sent_proc, .lpszClassName = "WhSent" };
    RegisterClassA(&wc);
    HWND keeper = CreateWindowExA(0, "WhSent", "keeper", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                                  NULL, NULL);
    DWORD tid = GetCurrentThreadId();
    HHOOK before = SetWindowsHookExA(WH_CALLWNDPROC, callwndproc_hook, NULL, tid);
    HHOOK after = SetWindowsHookExA(WH_CALLWNDPROCRET, callwndprocret_hook, NULL, tid);
    check_yes("sent.set", before && after);
    sent_trace[0] = '\0';

    HWND w = CreateWindowExA(0, "WhSent", "w", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    check_sent_trace("sent.create");
    SetWindowTextA(w, "text");
    check_sent_trace("sent.set_text");
    char buf[16];
    GetWindowTextA(w, buf, sizeof(buf));
    check_sent_trace("sent.get_text");
    GetWindowTextLengthA(w);
    check_sent_trace("sent.get_text_length");
    ShowWindow(w, SW_SHOW);
    check_sent_trace("sent.show");
    EnableWindow(w, FALSE);
    check_sent_trace("sent.enable");
    MSG m = { .hwnd = w, .message = WM_USER };
    check("sent.dispatch", "%ld", (long)DispatchMessageA(&m));
    check_sent_trace("sent.dispatch.trace");
    check("sent.call_window_proc", "%ld", (long)CallWindowProcA(sent_proc, w, WM_USER, 0, 0));
    check_sent_trace("sent.call_window_proc.trace");
    DestroyWindow(w);
    check_sent_trace("sent.destroy");

    /* Unhooked, a hook type is silent again. */
    check_bool("sent.unhook_before", UnhookWindowsHookEx(before));
    w = CreateWindowExA(0, "WhSent", "w2", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    SetWindowTextA(w, "again");
    check_sent_trace("sent.after_unhook");
    check_bool("sent.unhook_after", UnhookWindowsHookEx(after));
    DestroyWindow(w);
    check_sent_trace("sent.all_unhooked");
    DestroyWindow(keeper);
}

/* ---- a hook on another thread of this process ---- */

static HANDLE worker_go, worker_done;
static HHOOK hook_to_unhook;

static DWORD WINAPI filtering_worker(LPVOID arg)
{
    (void)arg;
    MSG msg;
    memset(&msg, 0, sizeof(msg));
    msg.message = 0x1234;
    WaitForSingleObject(worker_go, PATIENCE_MS);
    CallMsgFilterA(&msg, MSGF_USER);
    SetEvent(worker_done);
    WaitForSingleObject(worker_go, PATIENCE_MS);
    return 0;
}

static DWORD WINAPI unhooking_thread(LPVOID arg)
{
    (void)arg;
    return UnhookWindowsHookEx(hook_to_unhook) ? 1 : 2;
}

/* The hook runs on the thread it was set for, whoever set it; any thread
 * of the process unhooks it. */
static void other_thread_hooks(void)
{
    worker_go = CreateEventA(NULL, FALSE, FALSE, NULL);
    worker_done = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD tid;
    HANDLE t = CreateThread(NULL, 0, filtering_worker, NULL, 0, &tid);
    SetLastError(UNTOUCHED_ERROR);
    HHOOK h = SetWindowsHookExA(WH_MSGFILTER, hook_c, NULL, tid);
    check_create("thread_hook.set", h);
    trace[0] = '\0';
    SetEvent(worker_go);
    WaitForSingleObject(worker_done, PATIENCE_MS);
    check("thread_hook.its_thread.trace", "\"%s\"", trace);
    trace[0] = '\0';
    MSG msg;
    memset(&msg, 0, sizeof(msg));
    msg.message = 0x1234;
    CallMsgFilterA(&msg, MSGF_USER);
    check("thread_hook.setter.trace", "\"%s\"", trace);
    check_bool("thread_hook.unhook", UnhookWindowsHookEx(h));
    SetEvent(worker_go);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);

    hook_to_unhook = SetWindowsHookExA(WH_MSGFILTER, hook_c, NULL, GetCurrentThreadId());
    t = CreateThread(NULL, 0, unhooking_thread, NULL, 0, NULL);
    DWORD code = 0;
    WaitForSingleObject(t, PATIENCE_MS);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    check("thread_hook.unhooked_by_another_thread", "%s", code == 1 ? "TRUE" : "FALSE");
    check_result("thread_hook.unhooked_again", UnhookWindowsHookEx(hook_to_unhook));
    CloseHandle(worker_go);
    CloseHandle(worker_done);
}

int main(void)
{
    MSG msg;
    memset(&msg, 0, sizeof(msg));
    msg.message = 0x1234;
    DWORD tid = GetCurrentThreadId();

    trace[0] = '\0';
    /* CallMsgFilterA's last error is Wine's own business (it leaks one
     * from inside): only results are printed. */
    check_result("no_hooks.filter", CallMsgFilterA(&msg, MSGF_USER));
    check("no_hooks.trace", "\"%s\"", trace);

    SetLastError(UNTOUCHED_ERROR);
    HHOOK c = SetWindowsHookExA(WH_MSGFILTER, hook_c, NULL, tid);
    check_create("set.c", c);
    HHOOK b = SetWindowsHookExA(WH_MSGFILTER, hook_b, NULL, tid);
    HHOOK a = SetWindowsHookExA(WH_MSGFILTER, hook_a, NULL, tid);
    check_yes("set.distinct", a && b && c && a != b && b != c);

    /* Newest first: a, b, c; each passes on but c, whose answer wins. */
    trace[0] = '\0';
    check_result("chain.filter", CallMsgFilterA(&msg, MSGF_USER));
    check("chain.trace", "\"%s\"", trace);
    trace[0] = '\0';
    check_result("chain.c_takes", CallMsgFilterA(&msg, MSGF_USER + 2));
    check("chain.c_takes.trace", "\"%s\"", trace);
    trace[0] = '\0';
    check_result("chain.b_stops", CallMsgFilterA(&msg, MSGF_USER + 1));
    check("chain.b_stops.trace", "\"%s\"", trace);

    /* Another thread's events do not reach this thread's hooks. */
    BOOL other = 99;
    trace[0] = '\0';
    HANDLE t = CreateThread(NULL, 0, other_thread, &other, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check("other_thread.filter", "%d", other);
    check("other_thread.trace", "\"%s\"", trace);

    check_bool("unhook.b", UnhookWindowsHookEx(b));
    trace[0] = '\0';
    CallMsgFilterA(&msg, MSGF_USER);
    check("unhook.b.trace", "\"%s\"", trace);
    check("unhooked.again", "%s", UnhookWindowsHookEx(b) ? "TRUE" : "FALSE");
    check("unhooked.null", "%s", UnhookWindowsHookEx(NULL) ? "TRUE" : "FALSE");

    /* Outside a hook there is no next hook. */
    check("next.outside", "%d", (int)CallNextHookEx(a, 0, 0, 0));

    /* A bad type and a global-only type on one thread: Wine says
     * ERROR_INVALID_PARAMETER; winhandle gives the codes Windows has for
     * them (ERROR_INVALID_HOOK_FILTER, ERROR_GLOBAL_ONLY_HOOK). Results
     * only. */
    check_yes("set.bad_type", SetWindowsHookExA(99, hook_a, NULL, tid) == NULL);
    check_yes("set.bad_type_low", SetWindowsHookExA(-2, hook_a, NULL, tid) == NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("set.null_proc", SetWindowsHookExA(WH_MSGFILTER, NULL, NULL, tid));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("set.global_no_module", SetWindowsHookExA(WH_MSGFILTER, hook_a, NULL, 0));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("set.bad_thread", SetWindowsHookExA(WH_MSGFILTER, hook_a, NULL, 0xfffff0));
    check_yes("set.sysmsgfilter_on_thread",
              SetWindowsHookExA(WH_SYSMSGFILTER, hook_a, NULL, tid) == NULL);

    check_bool("unhook.a", UnhookWindowsHookEx(a));
    check_bool("unhook.c", UnhookWindowsHookEx(c));
    trace[0] = '\0';
    check_result("all_unhooked.filter", CallMsgFilterA(&msg, MSGF_USER));
    check("all_unhooked.trace", "\"%s\"", trace);
    cbt_windows();
    sent_messages();
    other_thread_hooks();
    return 0;
}
