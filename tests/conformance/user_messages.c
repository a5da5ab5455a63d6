/*
 * A thread's message loop against Wine: PostQuitMessage and WM_QUIT
 * through PeekMessageA's and GetMessageA's filters, MsgWaitForMultiple-
 * ObjectsEx's results and refusals, WaitMessage, DispatchMessageA to the
 * caller's window, another thread's and none, TranslateMessage's return
 * and the WH_GETMESSAGE hook. What DDE work does to the loop is checked
 * in user_dde_conv.c.
 *
 * Only WM_QUIT is ever in the queue here: posting window messages is not
 * provided by winhandle, so no check posts one.
 */
#include <string.h>

#include "conformance.h"

static HWND window;
static int procedure_calls;
static int hook_calls;
static WPARAM hook_flag;
static UINT hook_message;

static LRESULT CALLBACK procedure(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (msg == WM_USER + 1) {
        procedure_calls++;
        return 0x1234;
    }
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

static LRESULT CALLBACK getmessage_hook(int code, WPARAM wparam, LPARAM lparam)
{
    hook_calls++;
    hook_flag = wparam;
    hook_message = ((MSG *)lparam)->message;
    return CallNextHookEx(NULL, code, wparam, lparam);
}

/* "WM_QUIT wParam N hwnd NULL", "FALSE" or another message, after a peek. */
static void show_peek(const char *name, BOOL got, const MSG *m)
{
    char buf[32];
    DWORD error = GetLastError();
    if (!got)
        check(name, "FALSE, %s", error_name(error, buf));
    else if (m->message == WM_QUIT)
        check(name, "WM_QUIT wParam %u lParam %u hwnd %s", (unsigned)m->wParam,
              (unsigned)m->lParam, m->hwnd ? "set" : "NULL");
    else
        check(name, "message 0x%x", m->message);
}

static void peek(const char *name, HWND hwnd, UINT first, UINT last, UINT flags)
{
    MSG m;
    memset(&m, 0, sizeof(m));
    SetLastError(UNTOUCHED_ERROR);
    BOOL got = PeekMessageA(&m, hwnd, first, last, flags);
    show_peek(name, got, &m);
}

static void get(const char *name, HWND hwnd, UINT first, UINT last)
{
    MSG m;
    char buf[32];
    memset(&m, 0, sizeof(m));
    SetLastError(UNTOUCHED_ERROR);
    BOOL got = GetMessageA(&m, hwnd, first, last);
    DWORD error = GetLastError();
    if (got == -1)
        check(name, "-1, %s", error_name(error, buf));
    else if (m.message == WM_QUIT) /* Wine sets a last error here: not printed */
        check(name, "%d, WM_QUIT wParam %u", got, (unsigned)m.wParam);
    else
        check(name, "%d, message 0x%x", got, m.message);
}

static void msg_wait(const char *name, DWORD count, const HANDLE *handles, BOOL all,
                     DWORD ms, DWORD mask, DWORD flags)
{
    SetLastError(UNTOUCHED_ERROR);
    check_wait(name, MsgWaitForMultipleObjectsEx(count, handles, ms, mask,
                                                 flags | (all ? MWMO_WAITALL : 0)));
}

static void quit_and_filters(void)
{
    peek("peek.empty", NULL, 0, 0, PM_REMOVE);
    PostQuitMessage(7);
    peek("peek.quit.noremove", NULL, 0, 0, PM_NOREMOVE);
    peek("peek.quit.noremove.again", NULL, 0, 0, PM_NOREMOVE);
    peek("peek.quit.range", NULL, WM_USER, WM_USER + 10, PM_NOREMOVE);
    peek("peek.quit.reversed_range", NULL, 10, 5, PM_NOREMOVE);
    peek("peek.quit.window", window, 0, 0, PM_NOREMOVE);
    peek("peek.quit.thread_only", (HWND)-1, 0, 0, PM_NOREMOVE);
    peek("peek.quit.qs_input", NULL, 0, 0, PM_NOREMOVE | PM_QS_INPUT);
    peek("peek.quit.qs_sendmessage", NULL, 0, 0, PM_NOREMOVE | PM_QS_SENDMESSAGE);
    peek("peek.quit.qs_postmessage", NULL, 0, 0, PM_NOREMOVE | PM_QS_POSTMESSAGE);
    peek("peek.quit.noyield", NULL, 0, 0, PM_NOREMOVE | PM_NOYIELD);
    peek("peek.bad_flags", NULL, 0, 0, PM_NOREMOVE | 8);
    peek("peek.bad_window", (HWND)(ULONG_PTR)0x4321, 0, 0, PM_NOREMOVE);
    get("get.bad_window", (HWND)(ULONG_PTR)0x4321, 0, 0);
    get("get.quit", NULL, WM_USER, WM_USER);
    peek("peek.after_get", NULL, 0, 0, PM_REMOVE);

    PostQuitMessage(1);
    PostQuitMessage(2);
    peek("peek.quit.twice", NULL, 0, 0, PM_REMOVE);
    peek("peek.quit.twice.after", NULL, 0, 0, PM_REMOVE);
    PostQuitMessage(3);
    get("get.quit.window", window, 0, 0);
    PostQuitMessage(4);
    get("get.quit.thread_only", (HWND)-1, 0, 0);
}

static void waits(void)
{
    HANDLE set = CreateEventA(NULL, TRUE, TRUE, NULL);
    HANDLE unset = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE many[MAXIMUM_WAIT_OBJECTS];
    for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
        many[i] = set;

    msg_wait("msgwait.none", 0, NULL, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.none.timeout", 0, NULL, FALSE, 20, QS_ALLINPUT, 0);
    msg_wait("msgwait.event", 1, &set, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.unset", 1, &unset, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.63", MAXIMUM_WAIT_OBJECTS - 1, many, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.64", MAXIMUM_WAIT_OBJECTS, many, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.bad_flags", 0, NULL, FALSE, 0, QS_ALLINPUT, 0x100);
    msg_wait("msgwait.bad_mask", 0, NULL, FALSE, 0, 0x80000000u, 0);
    msg_wait("msgwait.bad_handle", 1, &(HANDLE){ (HANDLE)(ULONG_PTR)0x7ff0 }, FALSE, 0,
             QS_ALLINPUT, 0);
    SetLastError(UNTOUCHED_ERROR);
    check_wait("msgwait.plain", MsgWaitForMultipleObjects(1, &set, FALSE, 0, QS_ALLINPUT));
    SetLastError(UNTOUCHED_ERROR);
    check_wait("msgwait.plain.64", MsgWaitForMultipleObjects(64, many, FALSE, 0, QS_ALLINPUT));

    PostQuitMessage(0);
    msg_wait("msgwait.quit", 0, NULL, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.quit.again", 0, NULL, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.quit.key", 0, NULL, FALSE, 0, QS_KEY, 0);
    msg_wait("msgwait.quit.postmessage", 0, NULL, FALSE, 0, QS_POSTMESSAGE, 0);
    msg_wait("msgwait.quit.sendmessage", 0, NULL, FALSE, 0, QS_SENDMESSAGE, 0);
    msg_wait("msgwait.quit.event_first", 1, &set, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.quit.unset", 1, &unset, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.quit.all", 1, &set, TRUE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.quit.all_unset", 1, &unset, TRUE, 0, QS_ALLINPUT, 0);
    peek("msgwait.peek_noremove", NULL, 0, 0, PM_NOREMOVE);
    msg_wait("msgwait.after_peek", 0, NULL, FALSE, 0, QS_ALLINPUT, 0);
    msg_wait("msgwait.after_peek.available", 0, NULL, FALSE, 0, QS_ALLINPUT,
             MWMO_INPUTAVAILABLE);
    msg_wait("msgwait.after_peek.all", 1, &set, TRUE, 0, QS_ALLINPUT, MWMO_INPUTAVAILABLE);
    peek("msgwait.peek_remove", NULL, 0, 0, PM_REMOVE);
    msg_wait("msgwait.after_remove.available", 0, NULL, FALSE, 0, QS_ALLINPUT,
             MWMO_INPUTAVAILABLE);
    CloseHandle(set);
    CloseHandle(unset);
}

/* A thread that posts its own WM_QUIT and then waits for input: it must
 * not block. */
static DWORD WINAPI wait_message_thread(LPVOID arg)
{
    (void)arg;
    PostQuitMessage(0);
    BOOL ok = WaitMessage();
    MSG m;
    BOOL got = PeekMessageA(&m, NULL, 0, 0, PM_REMOVE);
    return (ok ? 1 : 0) | (got && m.message == WM_QUIT ? 2 : 0);
}

static void wait_message(void)
{
    HANDLE t = CreateThread(NULL, 0, wait_message_thread, NULL, 0, NULL);
    DWORD code = 0xdead;
    /* A thread that hung stays so until the program ends. */
    if (WaitForSingleObject(t, PATIENCE_MS) == WAIT_OBJECT_0)
        GetExitCodeThread(t, &code);
    CloseHandle(t);
    check("waitmessage.quit_pending", code == 0xdead ? "hung" : "returned %s, then %s",
          (code & 1) ? "TRUE" : "FALSE", (code & 2) ? "WM_QUIT" : "nothing");
}

static HANDLE other_ready, other_done;
static HWND other_window;

static DWORD WINAPI other_thread(LPVOID arg)
{
    (void)arg;
    other_window = CreateWindowExA(0, "conf_messages", "other", 0, 0, 0, 10, 10, NULL, NULL,
                                   NULL, NULL);
    SetEvent(other_ready);
    WaitForSingleObject(other_done, PATIENCE_MS);
    DestroyWindow(other_window);
    return 0;
}

static void dispatch(const char *name, HWND hwnd, UINT message)
{
    MSG m;
    char buf[32];
    memset(&m, 0, sizeof(m));
    m.hwnd = hwnd;
    m.message = message;
    procedure_calls = 0;
    SetLastError(UNTOUCHED_ERROR);
    LRESULT r = DispatchMessageA(&m);
    DWORD error = GetLastError();
    check(name, "0x%lx, %s, procedure %s", (unsigned long)r, error_name(error, buf),
          procedure_calls ? "called" : "not called");
}

static void dispatch_and_translate(void)
{
    dispatch("dispatch.own", window, WM_USER + 1);
    dispatch("dispatch.no_window", NULL, WM_USER + 1);
    dispatch("dispatch.bad_window", (HWND)(ULONG_PTR)0x4321, WM_USER + 1);
    other_ready = CreateEventA(NULL, TRUE, FALSE, NULL);
    other_done = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, other_thread, NULL, 0, NULL);
    WaitForSingleObject(other_ready, PATIENCE_MS);
    dispatch("dispatch.other_thread", other_window, WM_USER + 1);
    SetEvent(other_done);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    dispatch("dispatch.destroyed", other_window, WM_USER + 1);

    /* The keys have no character: Windows posts no WM_CHAR for them
     * either, so nothing is left in the queue. */
    static const struct {
        const char *name;
        UINT message;
        WPARAM key;
    } translations[] = {
        { "translate.user", WM_USER + 1, 0 },
        { "translate.quit", WM_QUIT, 0 },
        { "translate.keydown", WM_KEYDOWN, 0x70 /* VK_F1 */ },
        { "translate.keyup", WM_KEYUP, 0x70 },
        { "translate.syskeydown", WM_SYSKEYDOWN, 0x71 /* VK_F2 */ },
    };
    for (size_t i = 0; i < sizeof(translations) / sizeof(translations[0]); i++) {
        MSG m;
        memset(&m, 0, sizeof(m));
        m.hwnd = window;
        m.message = translations[i].message;
        m.wParam = translations[i].key;
        SetLastError(UNTOUCHED_ERROR);
        check_bool(translations[i].name, TranslateMessage(&m));
    }
    peek("translate.nothing_posted", NULL, 0, 0, PM_REMOVE);
}

static void hooks(void)
{
    HHOOK h = SetWindowsHookExA(WH_GETMESSAGE, getmessage_hook, NULL, GetCurrentThreadId());
    check_yes("hook.set", h != NULL);
    peek("hook.peek.empty", NULL, 0, 0, PM_REMOVE);
    check("hook.peek.empty.calls", "%d", hook_calls);
    PostQuitMessage(9);
    hook_calls = 0;
    peek("hook.peek.noremove", NULL, 0, 0, PM_NOREMOVE);
    check("hook.peek.noremove.calls", "%d wParam %u message 0x%x", hook_calls,
          (unsigned)hook_flag, hook_message);
    hook_calls = 0;
    get("hook.get", NULL, 0, 0);
    check("hook.get.calls", "%d wParam %u message 0x%x", hook_calls, (unsigned)hook_flag,
          hook_message);
    UnhookWindowsHookEx(h);
}

int main(void)
{
    WNDCLASSA wc;
    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = procedure;
    wc.lpszClassName = "conf_messages";
    RegisterClassA(&wc);
    window = CreateWindowExA(0, "conf_messages", "mine", 0, 0, 0, 10, 10, NULL, NULL, NULL,
                             NULL);
    check_yes("window", window != NULL);
    /* Creating a window may leave messages of its own in Wine's queue
     * (none are posted here): take them all first. */
    MSG m;
    while (PeekMessageA(&m, NULL, 0, 0, PM_REMOVE) && m.message != WM_QUIT)
        ;
    quit_and_filters();
    waits();
    wait_message();
    dispatch_and_translate();
    hooks();
    DestroyWindow(window);
    return 0;
}
