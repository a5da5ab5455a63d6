/*
 * Finding windows against Wine: EnumWindows, EnumChildWindows,
 * EnumThreadWindows, FindWindowA and FindWindowExA, their order, their
 * stop on FALSE, windows destroyed while enumerated, and the errors of
 * each; and a child process that finds its parent's window by title.
 *
 * Wine makes windows of its own in a process (an IME window per thread
 * that makes windows), so enumerations are printed as the names of this
 * program's windows only: its class is "WhFind", every title is a short
 * name.
 */
#include "children.h"

#define CLASS "WhFind"

static HWND make(const char *title, DWORD style, HWND parent)
{
    return CreateWindowExA(0, CLASS, title, style, 0, 0, 10, 10, parent, NULL, NULL, NULL);
}

/* The names of our windows an enumeration gave, in its order. */
struct seen {
    char names[256];
    int calls, stop_after;
    HWND destroy; /* destroyed by the first call */
};

static BOOL CALLBACK collect(HWND hwnd, LPARAM lp)
{
    struct seen *s = (struct seen *)lp;
    char cls[32], title[32];
    s->calls++;
    if (s->destroy) {
        DestroyWindow(s->destroy);
        s->destroy = NULL;
    }
    if (GetClassNameA(hwnd, cls, sizeof(cls)) && !strcmp(cls, CLASS)) {
        GetWindowTextA(hwnd, title, sizeof(title));
        size_t len = strlen(s->names);
        snprintf(s->names + len, sizeof(s->names) - len, "%s%s", len ? " " : "", title);
    }
    return !(s->stop_after && s->calls >= s->stop_after);
}

static void check_seen(const char *name, BOOL result, const struct seen *s)
{
    char buf[32];
    DWORD error = GetLastError();
    check(name, "%s, %s: %s", result ? "TRUE" : "FALSE", error_name(error, buf),
          s->names[0] ? s->names : "(none)");
}

#define ENUM(name, call, s)                                                    \
    do {                                                                       \
        SetLastError(UNTOUCHED_ERROR);                                         \
        BOOL r_ = (call);                                                      \
        check_seen(name, r_, s);                                               \
    } while (0)

/* A window's title, or what FindWindow* gave instead. */
static void check_found(const char *name, HWND hwnd)
{
    char buf[32], title[32];
    DWORD error = GetLastError();
    if (!hwnd) {
        check(name, "NULL, %s", error_name(error, buf));
        return;
    }
    GetWindowTextA(hwnd, title, sizeof(title));
    check(name, "%s, %s", title, error_name(error, buf));
}

#define FIND(name, call)                                                       \
    do {                                                                       \
        SetLastError(UNTOUCHED_ERROR);                                         \
        HWND h_ = (call);                                                      \
        check_found(name, h_);                                                 \
    } while (0)

static DWORD WINAPI idle_thread(LPVOID arg)
{
    (void)arg;
    return 0;
}

static void enumerate(HWND a, HWND b)
{
    struct seen s = { 0 };
    ENUM("enum_windows", EnumWindows(collect, (LPARAM)&s), &s);
    memset(&s, 0, sizeof(s));
    s.stop_after = 1;
    ENUM("enum_windows.stop", EnumWindows(collect, (LPARAM)&s), &s);
    check("enum_windows.stop.calls", "%d", s.calls);

    memset(&s, 0, sizeof(s));
    ENUM("enum_children", EnumChildWindows(a, collect, (LPARAM)&s), &s);
    memset(&s, 0, sizeof(s));
    s.stop_after = 2;
    ENUM("enum_children.stop", EnumChildWindows(a, collect, (LPARAM)&s), &s);
    check("enum_children.stop.calls", "%d", s.calls);
    memset(&s, 0, sizeof(s));
    ENUM("enum_children.none", EnumChildWindows(b, collect, (LPARAM)&s), &s);
    check("enum_children.none.calls", "%d", s.calls);
    memset(&s, 0, sizeof(s));
    ENUM("enum_children.bad", EnumChildWindows((HWND)(ULONG_PTR)0xdead0, collect, (LPARAM)&s),
         &s);
    /* NULL: the documentation says EnumWindows' behaviour, Wine
     * enumerates nothing: test_documented checks the documented rule. */
    memset(&s, 0, sizeof(s));
    ENUM("enum_thread", EnumThreadWindows(GetCurrentThreadId(), collect, (LPARAM)&s), &s);
    memset(&s, 0, sizeof(s));
    s.stop_after = 1;
    ENUM("enum_thread.stop", EnumThreadWindows(GetCurrentThreadId(), collect, (LPARAM)&s),
         &s);
    DWORD tid;
    HANDLE t = CreateThread(NULL, 0, idle_thread, NULL, CREATE_SUSPENDED, &tid);
    memset(&s, 0, sizeof(s));
    /* A thread with no windows: FALSE by the documentation, TRUE in Wine
     * (test_documented); only that nothing is called is printed. */
    EnumThreadWindows(tid, collect, (LPARAM)&s);
    check("enum_thread.no_windows.calls", "%d", s.calls);
    ResumeThread(t);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    memset(&s, 0, sizeof(s));
    EnumThreadWindows(0xfffffff0u, collect, (LPARAM)&s);
    check("enum_thread.bad_tid.calls", "%d", s.calls);
}

/* The callback destroys a window the snapshot holds: it is skipped, and
 * nothing breaks. (The last error is the callback's calls', not shown.) */
static void destroyed_while_enumerated(HWND a)
{
    HWND x = make("x", WS_CHILD, a);
    make("x1", WS_CHILD, x);
    make("y", WS_CHILD, a);
    struct seen s = { 0 };
    s.destroy = x;
    check_bool("enum_children.destroyed", EnumChildWindows(a, collect, (LPARAM)&s));
    check("enum_children.destroyed.seen", "%s", s.names);
    HWND t = make("t", WS_POPUP, NULL);
    memset(&s, 0, sizeof(s));
    s.destroy = t;
    check_bool("enum_windows.destroyed", EnumWindows(collect, (LPARAM)&s));
    check("enum_windows.destroyed.seen", "%s", s.names);
}

static ATOM class_atom;

static void find(HWND a, HWND b, HWND a1, HWND a2)
{
    (void)b;
    FIND("find.class", FindWindowA(CLASS, NULL));
    FIND("find.class_case", FindWindowA("whfind", NULL));
    FIND("find.title", FindWindowA(NULL, "b"));
    FIND("find.title_case", FindWindowA(NULL, "B"));
    FIND("find.both", FindWindowA(CLASS, "a"));
    FIND("find.child_title_not_top", FindWindowA(NULL, "a1"));
    FIND("find.title_prefix", FindWindowA(CLASS, "a1x"));
    FIND("find.missing_title", FindWindowA(CLASS, "nothing"));
    FIND("find.missing_class", FindWindowA("NoSuchClass", NULL));
    FIND("find.missing_class_and_title", FindWindowA("NoSuchClass", "a"));
    FIND("find.atom", FindWindowA((LPCSTR)(ULONG_PTR)class_atom, "a"));
    FIND("find.bad_atom", FindWindowA((LPCSTR)(ULONG_PTR)0xbeef, NULL));
    FIND("find.empty_title", FindWindowA(CLASS, ""));

    FIND("find_ex.first_child", FindWindowExA(a, NULL, CLASS, NULL));
    FIND("find_ex.after", FindWindowExA(a, a1, CLASS, NULL));
    FIND("find_ex.after_last", FindWindowExA(a, a2, CLASS, NULL));
    FIND("find_ex.title", FindWindowExA(a, NULL, NULL, "a2"));
    FIND("find_ex.grandchild_not_found", FindWindowExA(a, NULL, NULL, "a11"));
    FIND("find_ex.after_not_child", FindWindowExA(a, b, CLASS, NULL));
    FIND("find_ex.after_dead", FindWindowExA(a, (HWND)(ULONG_PTR)0xdead0, CLASS, NULL));
    FIND("find_ex.bad_parent", FindWindowExA((HWND)(ULONG_PTR)0xdead0, NULL, CLASS, NULL));
    FIND("find_ex.null_parent", FindWindowExA(NULL, NULL, CLASS, "b"));
    FIND("find_ex.null_parent_after", FindWindowExA(NULL, b, CLASS, NULL));
    FIND("find_ex.desktop", FindWindowExA(GetDesktopWindow(), NULL, CLASS, "a"));
    FIND("find_ex.child_after_top", FindWindowExA(NULL, a, CLASS, NULL));
    FIND("find_ex.missing", FindWindowExA(a, NULL, CLASS, "zz"));
    FIND("find_ex.missing_class", FindWindowExA(a, NULL, "NoSuchClass", NULL));
    FIND("find_ex.missing_class_top", FindWindowExA(NULL, NULL, "NoSuchClass", NULL));
    FIND("find_ex.missing_top", FindWindowExA(NULL, NULL, CLASS, "zz"));
}

/* The child: finds the window titled after the tag, reports its owner's
 * pid match in its exit code (1: found, 2: the pid is the parent's). */
static int child_find(DWORD tag)
{
    char title[64];
    snprintf(title, sizeof(title), "find-%lu", (unsigned long)tag);
    HWND hwnd = FindWindowA(NULL, title);
    DWORD pid = 0;
    if (hwnd)
        GetWindowThreadProcessId(hwnd, &pid);
    return (hwnd ? 1 : 0) | (pid == tag ? 2 : 0) | (FindWindowExA(NULL, NULL, CLASS, title) ? 4 : 0);
}

static void cross_process(void)
{
    DWORD tag = GetCurrentProcessId();
    char title[64], args[64];
    snprintf(title, sizeof(title), "find-%lu", (unsigned long)tag);
    HWND w = make(title, WS_POPUP, NULL);
    snprintf(args, sizeof(args), "find %lu", (unsigned long)tag);
    DWORD code = run_self(args, FALSE);
    check_bit("child.found_by_title", code, 1);
    check_bit("child.owner_is_parent", code, 2);
    check_bit("child.found_by_class_and_title", code, 4);
    DestroyWindow(w);
    code = run_self(args, FALSE);
    check_bit("child.found_after_destroy", code, 1);
}

static void after_destroy(HWND a)
{
    struct seen s = { 0 };
    DestroyWindow(a);
    ENUM("enum_children.dead", EnumChildWindows(a, collect, (LPARAM)&s), &s);
    FIND("find_ex.dead_parent", FindWindowExA(a, NULL, NULL, NULL));
    FIND("find.dead", FindWindowA(CLASS, "a"));
}

int main(int argc, char **argv)
{
    children_init();
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = DefWindowProcA;
    wc.lpszClassName = CLASS;
    class_atom = RegisterClassA(&wc);
    if (argc > 2 && !strcmp(argv[1], "find"))
        return child_find(arg_number(argv[2]));

    /* Made in this order, b is above a; a's children in creation order. */
    HWND a = make("a", WS_POPUP, NULL);
    HWND a1 = make("a1", WS_CHILD, a);
    make("a11", WS_CHILD, a1);
    HWND a2 = make("a2", WS_CHILD, a);
    HWND b = make("b", WS_POPUP, NULL);
    enumerate(a, b);
    find(a, b, a1, a2);
    destroyed_while_enumerated(a);
    cross_process();
    after_destroy(a);
    DestroyWindow(b);
    return 0;
}
