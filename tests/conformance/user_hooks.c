/*
 * Hooks against Wine: set, call through CallMsgFilterA (the one event
 * winhandle produces today), chain with CallNextHookEx, unhook, use after.
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
    return 0;
}
