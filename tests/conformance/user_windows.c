/*
 * Window classes and windows against Wine: registration, creation and the
 * messages of a window's life (their order with children and owned
 * windows), the tree, text, rectangles, window longs, menus, and the
 * errors of each. Only the four life-cycle messages are logged: Wine sends
 * others (WM_NCCALCSIZE, WM_SIZE...) that winhandle, with no pixels, does
 * not.
 */
#include "conformance.h"

static char msg_log[1024];

/* Each window's name is its title's first letters, kept in a small map
 * filled at WM_NCCREATE, so the log names windows, not handle values. */
static struct {
    HWND hwnd;
    char name[8];
} names[32];
static int refuse_nccreate, refuse_create;

static const char *name_of(HWND hwnd)
{
    for (int i = 0; i < 32; i++)
        if (names[i].hwnd == hwnd)
            return names[i].name;
    return "?";
}

static void log_msg(const char *what, HWND hwnd)
{
    size_t len = strlen(msg_log);
    snprintf(msg_log + len, sizeof(msg_log) - len, "%s%s(%s)", len ? " " : "", what,
             name_of(hwnd));
}

static LRESULT CALLBACK proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    switch (msg) {
    case WM_NCCREATE: {
        const CREATESTRUCTA *cs = (const CREATESTRUCTA *)lp;
        for (int i = 0; i < 32; i++)
            if (!names[i].hwnd) {
                names[i].hwnd = hwnd;
                snprintf(names[i].name, sizeof(names[i].name), "%s",
                         cs->lpszName ? cs->lpszName : "-");
                break;
            }
        log_msg("NCCREATE", hwnd);
        if (refuse_nccreate)
            return FALSE;
        break;
    }
    case WM_CREATE:
        log_msg("CREATE", hwnd);
        if (refuse_create)
            return -1;
        break;
    case WM_DESTROY:
        log_msg("DESTROY", hwnd);
        break;
    case WM_NCDESTROY:
        log_msg("NCDESTROY", hwnd);
        break;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static void check_log(const char *name)
{
    check(name, "%s", msg_log[0] ? msg_log : "(none)");
    msg_log[0] = 0;
}

static HWND make(const char *title, DWORD style, HWND parent, HMENU menu)
{
    return CreateWindowExA(0, "WhTest", title, style, 10, 20, 100, 50, parent, menu, NULL,
                           NULL);
}

static void check_rect(const char *name, HWND hwnd)
{
    RECT r;
    if (GetWindowRect(hwnd, &r))
        check(name, "%ld,%ld-%ld,%ld", (long)r.left, (long)r.top, (long)r.right,
              (long)r.bottom);
    else
        check_bool(name, FALSE);
}

/* A number and the last error, reset first so that a success leaving it
 * alone shows. */
#define CHECK_INT(name, expr)                                                  \
    do {                                                                       \
        SetLastError(UNTOUCHED_ERROR);                                         \
        long value_ = (long)(expr);                                            \
        check_int(name, value_);                                               \
    } while (0)

static void check_int(const char *name, long value)
{
    char buf[32];
    DWORD error = GetLastError();
    check(name, "%ld, %s", value, error_name(error, buf));
}

static void classes(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = proc;
    wc.cbWndExtra = 8;
    wc.lpszClassName = "WhTest";
    check_yes("class.register", RegisterClassA(&wc) != 0);
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class.register_again", RegisterClassA(&wc));
    WNDCLASSA got = { 0 };
    /* NULL names the system's classes: an application's is not found. */
    SetLastError(UNTOUCHED_ERROR);
    check_bool("class.info_null_instance", GetClassInfoA(NULL, "whtest", &got));
    check_bool("class.info", GetClassInfoA(GetModuleHandleA(NULL), "whtest", &got));
    check("class.info.fields", "extra %d, proc %s", got.cbWndExtra,
          got.lpfnWndProc == proc ? "same" : "other");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("class.info_missing", GetClassInfoA(NULL, "NoSuchClass", &got));
    WNDCLASSEXA ex = { .cbSize = sizeof(ex) };
    check_yes("class.info_ex", GetClassInfoExA(GetModuleHandleA(NULL), "WhTest", &ex) != 0);
    /* Windows fails with ERROR_CANNOT_FIND_WND_CLASS, Wine with
     * ERROR_CLASS_DOES_NOT_EXIST: the error is checked in test_documented. */
    check_yes("create.no_class",
              !CreateWindowExA(0, "NoSuchClass", "x", 0, 0, 0, 1, 1, NULL, NULL, NULL, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("class.unregister_missing", UnregisterClassA("NoSuchClass", NULL));
    wc.lpszClassName = "WhOther";
    RegisterClassA(&wc);
    check_bool("class.unregister", UnregisterClassA("WhOther", NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("class.unregister_twice", UnregisterClassA("WhOther", NULL));
}

static void tree(HWND top)
{
    HWND c1 = make("c1", WS_CHILD, top, (HMENU)7);
    HWND c2 = make("c2", WS_CHILD, top, (HMENU)8);
    check_log("children.messages");
    check_yes("parent.child", GetParent(c1) == top);
    check_yes("parent.top", GetParent(top) == NULL);
    check_yes("owner.top", GetWindow(top, GW_OWNER) == NULL);
    check_yes("ancestor.top", GetAncestor(top, GA_PARENT) == GetDesktopWindow());
    check_yes("ancestor.root", GetAncestor(c2, GA_ROOT) == top);
    HWND first = GetWindow(top, GW_CHILD);
    check("child.first", "%s", first == c1 ? "c1" : first == c2 ? "c2" : "other");
    HWND next = GetWindow(first, GW_HWNDNEXT);
    check("child.next", "%s", next == c1 ? "c1" : next == c2 ? "c2" : next ? "other" : "none");
    check_yes("child.last_next", GetWindow(GetWindow(top, GW_CHILD), GW_HWNDNEXT) != NULL &&
                                     GetWindow(GetWindow(GetWindow(top, GW_CHILD), GW_HWNDNEXT),
                                               GW_HWNDNEXT) == NULL);
    check_yes("ischild.yes", IsChild(top, c1));
    check_yes("ischild.no", IsChild(c1, top));
    CHECK_INT("long.id", GetWindowLongA(c1, GWL_ID));
    check_yes("long.child_style", (GetWindowLongA(c1, GWL_STYLE) & WS_CHILD) != 0);
    check_rect("rect.child", c1);
    check_bool("move.child", MoveWindow(c1, 1, 2, 30, 40, FALSE));
    check_rect("rect.child_moved", c1);
    check_bool("pos.top", SetWindowPos(top, NULL, 100, 200, 0, 0, SWP_NOSIZE | SWP_NOZORDER));
    check_rect("rect.top_moved", top);
    check_rect("rect.child_follows", c1);
    check_bool("pos.bottom", SetWindowPos(c1, HWND_BOTTOM, 0, 0, 0, 0, SWP_NOSIZE | SWP_NOMOVE));
    first = GetWindow(top, GW_CHILD);
    check("child.first_after_bottom", "%s", first == c1 ? "c1" : first == c2 ? "c2" : "other");
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.child_no_parent", make("x", WS_CHILD, NULL, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.bad_parent", make("x", WS_CHILD, (HWND)(ULONG_PTR)0x1234, NULL));
}

static void longs_and_text(HWND top)
{
    char buf[64];
    CHECK_INT("text.get", GetWindowTextA(top, buf, sizeof(buf)));
    check("text.value", "%s", buf);
    CHECK_INT("text.length", GetWindowTextLengthA(top));
    check_bool("text.set", SetWindowTextA(top, "renamed"));
    GetWindowTextA(top, buf, 4);
    check("text.truncated", "%s", buf);
    CHECK_INT("class.name", GetClassNameA(top, buf, sizeof(buf)));
    check("class.name.value", "%s", buf);
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("long.userdata_old", (long)SetWindowLongPtrA(top, GWLP_USERDATA, 1234));
    CHECK_INT("long.userdata", (long)GetWindowLongPtrA(top, GWLP_USERDATA));
    CHECK_INT("long.extra_set", SetWindowLongA(top, 4, 99));
    CHECK_INT("long.extra_get", GetWindowLongA(top, 4));
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("long.extra_past_end", GetWindowLongA(top, 6));
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("long.bad_index", GetWindowLongA(top, -100));
    check_yes("long.exstyle", (GetWindowLongA(top, GWL_EXSTYLE) & WS_EX_TOPMOST) == 0);
    /* A top-level window keeps WS_CLIPSIBLINGS, a minimized one
     * WS_MINIMIZE; WS_EX_TOPMOST is SetWindowPos's to change. */
    check("long.style_set", "0x%lx",
          (unsigned long)(DWORD)SetWindowLongA(top, GWL_STYLE, WS_POPUP | WS_CAPTION));
    check("long.style_top_keeps_clipsiblings", "0x%lx",
          (unsigned long)(DWORD)GetWindowLongA(top, GWL_STYLE));
    SetWindowLongA(top, GWL_STYLE, WS_POPUP);
    HWND child = make("sc", WS_CHILD | WS_CLIPSIBLINGS, top, NULL);
    SetWindowLongA(child, GWL_STYLE, WS_CHILD);
    check("long.style_child_clipsiblings_goes", "0x%lx",
          (unsigned long)(DWORD)GetWindowLongA(child, GWL_STYLE));
    HWND minimized = make("sm", WS_POPUP | WS_MINIMIZE, NULL, NULL);
    SetWindowLongA(minimized, GWL_STYLE, WS_POPUP);
    check("long.style_keeps_minimize", "0x%lx",
          (unsigned long)(DWORD)GetWindowLongA(minimized, GWL_STYLE));
    DestroyWindow(minimized);
    DestroyWindow(child);
    check_log("long.style.messages");
    SetWindowLongA(top, GWL_EXSTYLE, WS_EX_TOPMOST | WS_EX_TOOLWINDOW);
    check("long.exstyle_no_topmost", "0x%lx",
          (unsigned long)(DWORD)GetWindowLongA(top, GWL_EXSTYLE));
    SetWindowLongA(top, GWL_EXSTYLE, 0);
    DWORD pid = 0;
    check_yes("thread.tid", GetWindowThreadProcessId(top, &pid) == GetCurrentThreadId());
    check_yes("thread.pid", pid == GetCurrentProcessId());
}

static DWORD WINAPI other_thread(LPVOID arg)
{
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroy.other_thread", DestroyWindow((HWND)arg));
    return 0;
}

static void destruction(void)
{
    HMENU menu = CreateMenu();
    HWND a = make("a", WS_OVERLAPPEDWINDOW, NULL, menu);
    HWND a1 = make("a1", WS_CHILD, a, NULL);
    make("a11", WS_CHILD, a1, NULL);
    make("a2", WS_CHILD, a, NULL);
    HWND p = make("p", WS_POPUP, a1, NULL);
    check_log("tree.messages");
    check_yes("owner.popup", GetWindow(p, GW_OWNER) == a);
    check_yes("owner.popup_parent", GetParent(p) == a);
    check_yes("menu.get", GetMenu(a) == menu);
    HANDLE t = CreateThread(NULL, 0, other_thread, a, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    HANDLE dup = NULL;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("duplicate.hwnd", DuplicateHandle(GetCurrentProcess(), (HANDLE)a,
                                                 GetCurrentProcess(), &dup, 0, FALSE,
                                                 DUPLICATE_SAME_ACCESS));
    check_bool("destroy", DestroyWindow(a));
    check_log("destroy.messages");
    check_yes("destroy.gone", !IsWindow(a) && !IsWindow(a1) && !IsWindow(p));
    check_yes("destroy.menu_gone", !IsMenu(menu));
    /* Wine: ERROR_ACCESS_DENIED; Windows: ERROR_INVALID_WINDOW_HANDLE
     * (test_documented). */
    check_yes("destroy.twice", !DestroyWindow(a));
    SetLastError(UNTOUCHED_ERROR);
    char buf[8] = "x";
    CHECK_INT("text.dead", GetWindowTextA(a, buf, sizeof(buf)));
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("long.dead", GetWindowLongA(a, GWL_STYLE));
    /* Every use of a destroyed window fails with
     * ERROR_INVALID_WINDOW_HANDLE. */
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dead.set_text", SetWindowTextA(a, "x"));
    CHECK_INT("dead.parent", GetParent(a) != NULL);
    CHECK_INT("dead.get_window", GetWindow(a, GW_CHILD) != NULL);
    RECT r;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dead.rect", GetWindowRect(a, &r));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dead.move", MoveWindow(a, 1, 1, 1, 1, FALSE));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dead.pos", SetWindowPos(a, NULL, 1, 1, 1, 1, SWP_NOZORDER));
    CHECK_INT("dead.thread", GetWindowThreadProcessId(a, NULL));
    CHECK_INT("dead.set_long_ptr", SetWindowLongPtrA(a, GWLP_USERDATA, 5));
    CHECK_INT("dead.get_long_ptr", GetWindowLongPtrA(a, GWLP_USERDATA));
    CHECK_INT("dead.menu", GetMenu(a) != NULL);
    /* Wine says ERROR_INVALID_PARAMETER here; winhandle, as for every
     * other call, ERROR_INVALID_WINDOW_HANDLE (test_documented). */
    check_yes("dead.class_name", GetClassNameA(a, buf, sizeof(buf)) == 0);
    SetLastError(UNTOUCHED_ERROR);
    check_yes("iswindow.dead", IsWindow(a));
    check_yes("iswindow.null", IsWindow(NULL));

    refuse_nccreate = 1;
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.nccreate_false", make("n", WS_OVERLAPPED, NULL, NULL));
    refuse_nccreate = 0;
    check_log("create.nccreate_false.messages");
    refuse_create = 1;
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.create_minus_one", make("m", WS_OVERLAPPED, NULL, NULL));
    refuse_create = 0;
    check_log("create.create_minus_one.messages");
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.bad_menu", make("b", WS_OVERLAPPED, NULL, (HMENU)(ULONG_PTR)0x1234));
    check_log("create.bad_menu.messages");
}

/* BeginDeferWindowPos / DeferWindowPos / EndDeferWindowPos: the moves
 * wait for the end, then all apply; a window that is not one fails the
 * call and leaves the structure, earlier moves included, to be ended. */
static void deferred(void)
{
    HWND a = make("a", WS_POPUP, NULL, NULL), b = make("b", WS_POPUP, NULL, NULL);
    HDWP dwp = BeginDeferWindowPos(1);
    check_bool("dwp.begin", dwp != NULL);
    HDWP same = DeferWindowPos(dwp, a, NULL, 30, 40, 60, 70, SWP_NOZORDER | SWP_NOACTIVATE);
    check_yes("dwp.defer_a_same_handle", same == dwp);
    same = DeferWindowPos(dwp, b, NULL, 5, 6, 7, 8, SWP_NOZORDER | SWP_NOACTIVATE);
    check_yes("dwp.defer_b_grows_past_hint", same == dwp);
    check_rect("dwp.a_before_end", a);
    CHECK_INT("dwp.end", EndDeferWindowPos(dwp));
    check_rect("dwp.a_after_end", a);
    check_rect("dwp.b_after_end", b);
    /* Ended, the structure is gone: FALSE. (Windows then says
     * ERROR_INVALID_DWP_HANDLE, as winhandle does; Wine sets nothing, so
     * only the result is printed.) */
    check_yes("dwp.end_again_fails", !EndDeferWindowPos(dwp));
    dwp = BeginDeferWindowPos(2);
    DeferWindowPos(dwp, a, NULL, 1, 1, 1, 1, SWP_NOZORDER | SWP_NOACTIVATE);
    SetLastError(UNTOUCHED_ERROR);
    HDWP bad = DeferWindowPos(dwp, (HWND)(ULONG_PTR)0xdead0, NULL, 0, 0, 1, 1, SWP_NOZORDER);
    check_int("dwp.defer_bad_window", bad != NULL);
    CHECK_INT("dwp.end_after_failure", EndDeferWindowPos(dwp));
    check_rect("dwp.a_moved_by_the_rest", a);
    /* One window twice: the later move wins. */
    dwp = BeginDeferWindowPos(1);
    DeferWindowPos(dwp, a, NULL, 7, 7, 7, 7, SWP_NOZORDER | SWP_NOACTIVATE);
    check_yes("dwp.same_window_twice",
              DeferWindowPos(dwp, a, NULL, 8, 8, 8, 8, SWP_NOZORDER | SWP_NOACTIVATE) == dwp);
    EndDeferWindowPos(dwp);
    check_rect("dwp.same_window_twice.rect", a);
    /* A window destroyed between DeferWindowPos and the end: the rest
     * still succeeds. */
    HWND gone = make("g", WS_POPUP, NULL, NULL);
    dwp = BeginDeferWindowPos(2);
    DeferWindowPos(dwp, gone, NULL, 9, 9, 9, 9, SWP_NOZORDER | SWP_NOACTIVATE);
    DeferWindowPos(dwp, a, NULL, 3, 3, 3, 3, SWP_NOZORDER | SWP_NOACTIVATE);
    DestroyWindow(gone);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dwp.end_window_gone", EndDeferWindowPos(dwp));
    check_rect("dwp.end_window_gone.rest", a);
    dwp = BeginDeferWindowPos(1);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("dwp.defer_dead_window",
                 DeferWindowPos(dwp, gone, NULL, 1, 1, 1, 1, SWP_NOZORDER));
    EndDeferWindowPos(dwp);
    DestroyWindow(a);
    DestroyWindow(b);
}

static DWORD WINAPI window_thread(LPVOID arg)
{
    (void)arg;
    return CreateWindowExA(0, "WhThreadClass", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                           NULL) != NULL;
}

/* A class whose only window belonged to a thread that ended: the window
 * went with the thread, and the class may go. */
static void class_of_ended_thread(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "WhThreadClass" };
    RegisterClassA(&wc);
    HANDLE t = CreateThread(NULL, 0, window_thread, NULL, 0, NULL);
    DWORD made = 0;
    WaitForSingleObject(t, PATIENCE_MS);
    GetExitCodeThread(t, &made);
    CloseHandle(t);
    check_yes("class_ex.thread_window_made", made == 1);
    check_yes("class_ex.thread_window_gone", FindWindowA("WhThreadClass", NULL) == NULL);
    check_bool("class_ex.unregister_after_thread_end", UnregisterClassA("WhThreadClass", NULL));
}

/* Local classes belong to an instance, global ones (CS_GLOBALCLASS) are
 * found whatever the instance; UnregisterClassA with NULL takes either. */
static void class_instances(void)
{
    HINSTANCE other = (HINSTANCE)(ULONG_PTR)0x10000;
    WNDCLASSA wc = { .style = CS_GLOBALCLASS, .lpfnWndProc = DefWindowProcA,
                     .lpszClassName = "WhGlobal", .hInstance = other };
    check_yes("instance.global_register", RegisterClassA(&wc) != 0);
    WNDCLASSA got;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.global_info_null", GetClassInfoA(NULL, "WhGlobal", &got));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.global_info_module",
               GetClassInfoA(GetModuleHandleA(NULL), "WhGlobal", &got));
    SetLastError(UNTOUCHED_ERROR);
    HWND w = CreateWindowExA(0, "WhGlobal", "g", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                             GetModuleHandleA(NULL), NULL);
    check_handle("instance.global_create", w);
    DestroyWindow(w);
    wc.style = 0;
    wc.lpszClassName = "WhLocal";
    RegisterClassA(&wc);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.local_info_module",
               GetClassInfoA(GetModuleHandleA(NULL), "WhLocal", &got));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.local_info_own", GetClassInfoA(other, "WhLocal", &got));
    /* Windows says ERROR_CANNOT_FIND_WND_CLASS (test_documented), Wine
     * ERROR_CLASS_DOES_NOT_EXIST: the result alone. */
    check_yes("instance.local_create_other_module",
              !CreateWindowExA(0, "WhLocal", "l", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                               GetModuleHandleA(NULL), NULL));
    check_log("instance.messages");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.local_unregister_null", UnregisterClassA("WhLocal", NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("instance.global_unregister_null", UnregisterClassA("WhGlobal", NULL));
}

/* RegisterClassExA: the extended structure, checked field by field. */
static void classes_ex(void)
{
    WNDCLASSEXA ex = { .cbSize = sizeof(ex) };
    ex.style = CS_HREDRAW;
    ex.lpfnWndProc = proc;
    ex.cbClsExtra = 4;
    ex.cbWndExtra = 8;
    ex.lpszClassName = "WhTestEx";
    SetLastError(UNTOUCHED_ERROR);
    ATOM atom = RegisterClassExA(&ex);
    check_yes("class_ex.register", atom != 0);
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.register_again", RegisterClassExA(&ex));
    ex.lpszClassName = "WHTESTEX";
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.register_other_case", RegisterClassExA(&ex));
    ex.lpszClassName = "WhTestEx2";
    ex.cbSize = 0;
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.size_zero", RegisterClassExA(&ex));
    ex.cbSize = sizeof(ex) - 1;
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.size_short", RegisterClassExA(&ex));
    ex.cbSize = sizeof(ex);
    ex.cbWndExtra = -1;
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.negative_extra", RegisterClassExA(&ex));
    ex.cbWndExtra = 0;
    char longname[300];
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = 0;
    ex.lpszClassName = longname;
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.name_too_long", RegisterClassExA(&ex));
    longname[255] = 0; /* the longest an atom's name may be */
    SetLastError(UNTOUCHED_ERROR);
    check_yes("class_ex.name_longest", RegisterClassExA(&ex) != 0);
    check_bool("class_ex.name_longest.unregister", UnregisterClassA(longname, NULL));
    /* An empty name: refused (Wine leaves the error alone). */
    ex.lpszClassName = "";
    check_yes("class_ex.name_empty", RegisterClassExA(&ex) == 0);
    /* No procedure: the class is made all the same. */
    ex.lpszClassName = "WhNoProc";
    ex.lpfnWndProc = NULL;
    check_yes("class_ex.no_proc", RegisterClassExA(&ex) != 0);
    check_bool("class_ex.no_proc.unregister", UnregisterClassA("WhNoProc", NULL));

    WNDCLASSEXA got = { .cbSize = sizeof(got) };
    SetLastError(UNTOUCHED_ERROR);
    ATOM info = (ATOM)GetClassInfoExA(GetModuleHandleA(NULL), "whtestex", &got);
    check_yes("class_ex.info_atom", info == atom);
    check("class_ex.info.fields", "style 0x%x, class extra %d, window extra %d, proc %s",
          got.style, got.cbClsExtra, got.cbWndExtra, got.lpfnWndProc == proc ? "same" : "other");

    /* CreateWindowA is CreateWindowExA with no extended style; a class
     * may be named by its atom. */
    SetLastError(UNTOUCHED_ERROR);
    HWND w = CreateWindowA((LPCSTR)MAKEINTATOM(atom), "ex", WS_POPUP, 1, 2, 3, 4, NULL, NULL,
                           NULL, NULL);
    check_handle("class_ex.create_window_by_atom", w);
    check_log("class_ex.create_window.messages");
    char buf[32] = "";
    CHECK_INT("class_ex.create_window.class", GetClassNameA(w, buf, sizeof(buf)));
    check("class_ex.create_window.class_name", "%s", buf);
    CHECK_INT("class_ex.create_window.exstyle", GetWindowLongA(w, GWL_EXSTYLE));
    SetLastError(UNTOUCHED_ERROR);
    CHECK_INT("class_ex.unregister_with_window", UnregisterClassA("WhTestEx", NULL));
    DestroyWindow(w);
    check_log("class_ex.destroy_window.messages");
    check_bool("class_ex.unregister_by_atom", UnregisterClassA((LPCSTR)MAKEINTATOM(atom), NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("class_ex.info_after_unregister",
               GetClassInfoExA(GetModuleHandleA(NULL), "WhTestEx", &got));
    class_of_ended_thread();
}

static char call_log[128];

static LRESULT CALLBACK called_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    size_t len = strlen(call_log);
    snprintf(call_log + len, sizeof(call_log) - len, "%s%s 0x%x %d %d", len ? "; " : "",
             hwnd == NULL ? "null" : IsWindow(hwnd) ? "window" : "dead", msg, (int)wp, (int)lp);
    return (LRESULT)(wp + lp);
}

static WNDPROC subclassed;

/* A subclass: sees WM_SETTEXT first, then passes it on. */
static LRESULT CALLBACK subclass_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_SETTEXT) {
        size_t len = strlen(call_log);
        snprintf(call_log + len, sizeof(call_log) - len, "%ssubclass WM_SETTEXT \"%s\"",
                 len ? "; " : "", (const char *)lp);
    }
    return CallWindowProcA(subclassed, hwnd, msg, wp, lp);
}

static void check_call_log(const char *name)
{
    check(name, "%s", call_log[0] ? call_log : "(none)");
    call_log[0] = 0;
}

static WNDPROC static_proc;

static LRESULT CALLBACK static_subclass(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    size_t len = strlen(call_log);
    if (msg == WM_SETTEXT || msg == WM_GETTEXT)
        snprintf(call_log + len, sizeof(call_log) - len, "%s%s", len ? " " : "",
                 msg == WM_SETTEXT ? "WM_SETTEXT" : "WM_GETTEXT");
    return CallWindowProcA(static_proc, hwnd, msg, wp, lp);
}

/* A system class's procedure, as GetWindowLongPtrA and GetClassInfoA give
 * it, called directly, on another class's window, and subclassed. */
static void system_class_subclass(void)
{
    HWND s = CreateWindowExA(0, "Static", "static", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    HWND b = CreateWindowExA(0, "Button", "button", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    char text[32] = "";
    static_proc = (WNDPROC)GetWindowLongPtrA(s, GWLP_WNDPROC);
    check("call.static.gettext", "%ld",
          (long)CallWindowProcA(static_proc, s, WM_GETTEXT, sizeof(text), (LPARAM)text));
    check("call.static.gettext.value", "%s", text);
    check("call.static.on_button", "%ld",
          (long)CallWindowProcA(static_proc, b, WM_GETTEXTLENGTH, 0, 0));
    WNDCLASSA wc;
    check_bool("call.static.class_info", GetClassInfoA(NULL, "Static", &wc));
    check_yes("call.static.class_info.proc_same", wc.lpfnWndProc == static_proc);
    check_yes("call.static.subclass_old",
              (WNDPROC)SetWindowLongPtrA(s, GWLP_WNDPROC, (LONG_PTR)static_subclass) ==
                  static_proc);
    check_bool("call.static.subclass.settext", SetWindowTextA(s, "new"));
    CHECK_INT("call.static.subclass.gettext", GetWindowTextA(s, text, sizeof(text)));
    check("call.static.subclass.value", "%s", text);
    check_call_log("call.static.subclass.log");
    DestroyWindow(s);
    DestroyWindow(b);
}

/* CallWindowProcA passes its arguments to the procedure as they are and
 * returns its result; a NULL procedure is not called. */
static void call_window_proc(void)
{
    HWND w = make("call", WS_POPUP, NULL, NULL);
    check_log("call.create.messages");
    /* The last error after the call is the procedure's own business:
     * the results and what the procedure saw are printed. */
    CHECK_INT("call.result", CallWindowProcA(called_proc, w, WM_USER + 1, 2, 3));
    check_call_log("call.log");
    check("call.null_window", "%ld", (long)CallWindowProcA(called_proc, NULL, WM_USER + 2, 4, 5));
    check_call_log("call.null_window.log");
    CHECK_INT("call.null_proc", CallWindowProcA(NULL, w, WM_USER, 1, 1));
    check_call_log("call.null_proc.log");

    /* The window's own procedure, as GetWindowLongPtrA gives it. */
    WNDPROC own = (WNDPROC)GetWindowLongPtrA(w, GWLP_WNDPROC);
    check_yes("call.own_proc", own != NULL);
    char text[16] = "";
    CHECK_INT("call.own_proc.gettext", CallWindowProcA(own, w, WM_GETTEXT, sizeof(text),
                                                       (LPARAM)text));
    check("call.own_proc.text", "%s", text);

    /* Subclassing: SetWindowLongPtrA gives the old procedure, which the
     * new one calls through CallWindowProcA. */
    subclassed = (WNDPROC)SetWindowLongPtrA(w, GWLP_WNDPROC, (LONG_PTR)subclass_proc);
    check_yes("call.subclass_old_is_own", subclassed == own);
    check_bool("call.subclass.settext", SetWindowTextA(w, "sub"));
    check_call_log("call.subclass.log");
    CHECK_INT("call.subclass.text", GetWindowTextA(w, text, sizeof(text)));
    check("call.subclass.text_value", "%s", text);
    check_yes("call.subclass.current",
              (WNDPROC)GetWindowLongPtrA(w, GWLP_WNDPROC) == subclass_proc);
    SetWindowLongPtrA(w, GWLP_WNDPROC, (LONG_PTR)subclassed);
    DestroyWindow(w);
    check_log("call.destroy.messages");
    system_class_subclass();

    /* DefWindowProcA itself: the text messages, nothing for others. */
    HWND d = make("abc", WS_POPUP, NULL, NULL);
    check_log("defproc.create.messages");
    check("defproc.gettextlength", "%ld", (long)DefWindowProcA(d, WM_GETTEXTLENGTH, 0, 0));
    check("defproc.settext", "%ld", (long)DefWindowProcA(d, WM_SETTEXT, 0, (LPARAM) "hello"));
    GetWindowTextA(d, text, sizeof(text));
    check("defproc.settext.value", "%s", text);
    memset(text, 'x', sizeof(text));
    check("defproc.gettext_small", "%ld", (long)DefWindowProcA(d, WM_GETTEXT, 3, (LPARAM)text));
    check("defproc.gettext_small.value", "%s", text);
    check("defproc.gettext_zero", "%ld", (long)DefWindowProcA(d, WM_GETTEXT, 0, (LPARAM)text));
    check("defproc.user", "%ld", (long)DefWindowProcA(d, WM_USER + 5, 1, 2));
    check("defproc.null_window", "%ld", (long)DefWindowProcA(NULL, WM_GETTEXTLENGTH, 0, 0));
    DestroyWindow(d);
    check_log("defproc.destroy.messages");
    check("defproc.dead", "%ld", (long)DefWindowProcA(d, WM_GETTEXTLENGTH, 0, 0));
    check("defproc.dead_settext", "%ld", (long)DefWindowProcA(d, WM_SETTEXT, 0, (LPARAM) "x"));

    /* A destroyed window's handle is passed on as it is. */
    check("call.dead_window", "%ld", (long)CallWindowProcA(called_proc, w, WM_USER + 3, 6, 7));
    check_call_log("call.dead_window.log");
}

/* The children of parent in z-order, by title ("?" for others). */
static void check_order(const char *name, HWND parent)
{
    char buf[16] = "";
    int n = 0;
    for (HWND h = GetWindow(parent, GW_CHILD); h && n < 15; h = GetWindow(h, GW_HWNDNEXT))
        buf[n++] = name_of(h)[0];
    check(name, "%s", buf);
}

static void check_topmost(const char *name, HWND hwnd)
{
    check(name, "%s", GetWindowLongA(hwnd, GWL_EXSTYLE) & WS_EX_TOPMOST ? "topmost" : "no");
}

/* Whether a comes before b among their siblings (others may lie
 * between: Wine has top-level windows of its own). */
static int above(HWND a, HWND b)
{
    for (HWND h = GetWindow(b, GW_HWNDPREV); h; h = GetWindow(h, GW_HWNDPREV))
        if (h == a)
            return 1;
    return 0;
}

#define ZORDER(w, after) SetWindowPos(w, after, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE)

/* HWND_TOPMOST and HWND_NOTOPMOST: topmost windows stay above the others
 * among their siblings; a child made with WS_EX_TOPMOST is not one. */
static void topmost(void)
{
    HWND p = make("p", WS_POPUP, NULL, NULL);
    HWND a = make("a", WS_CHILD, p, NULL);
    HWND b = CreateWindowExA(WS_EX_TOPMOST, "WhTest", "b", WS_CHILD, 0, 0, 1, 1, p, NULL, NULL,
                             NULL);
    HWND c = make("c", WS_CHILD, p, NULL);
    check_log("topmost.create.messages");
    check_order("topmost.made", p);
    check_topmost("topmost.child_made_topmost", b);
    check_bool("topmost.set", ZORDER(c, HWND_TOPMOST));
    check_order("topmost.set.order", p);
    check_topmost("topmost.set.style", c);
    ZORDER(a, HWND_TOP);
    check_order("topmost.top_stays_below", p);
    ZORDER(b, a);
    check_order("topmost.after_sibling", p);
    check_bool("topmost.unset", ZORDER(c, HWND_NOTOPMOST));
    check_order("topmost.unset.order", p);
    check_topmost("topmost.unset.style", c);
    ZORDER(a, HWND_TOP);
    check_order("topmost.top_after_unset", p);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("topmost.bad_after", ZORDER(a, (HWND)(ULONG_PTR)0x1234));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("topmost.bad_after_nozorder",
               SetWindowPos(a, (HWND)(ULONG_PTR)0x1234, 0, 0, 0, 0,
                            SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER));
    DestroyWindow(p);

    HWND t1 = CreateWindowExA(WS_EX_TOPMOST, "WhTest", "t1", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                              NULL, NULL);
    HWND t2 = make("t2", WS_POPUP, NULL, NULL);
    check_topmost("topmost.top_level_made", t1);
    check_yes("topmost.above_newer", above(t1, t2));
    ZORDER(t2, HWND_TOP);
    check_yes("topmost.above_after_top", above(t1, t2));
    ZORDER(t2, HWND_TOPMOST);
    check_yes("topmost.both_newest_first", above(t2, t1));
    /* (HWND_BOTTOM on a topmost window: it "loses its topmost status and
     * is placed at the bottom"; Wine 8 keeps it topmost, test_documented.) */
    DestroyWindow(t1);
    DestroyWindow(t2);
    check_log("topmost.destroy.messages");
}

int main(void)
{
    classes();
    classes_ex();
    class_instances();
    call_window_proc();
    /* A popup: no frame and no minimum size, so the rectangles are
     * what was asked (Wine and Windows grow an overlapped window to the
     * least a user could drag it to). */
    HWND top = make("top", WS_POPUP, NULL, NULL);
    check_handle("create.top", top);
    check_log("create.top.messages");
    check_yes("iswindow", IsWindow(top));
    check_rect("rect.top", top);
    tree(top);
    longs_and_text(top);
    check_bool("destroy.top", DestroyWindow(top));
    check_log("destroy.top.messages");
    destruction();
    deferred();
    topmost();
    check_yes("desktop", GetDesktopWindow() != NULL && IsWindow(GetDesktopWindow()));
    CHECK_INT("desktop.set_long", SetWindowLongPtrA(GetDesktopWindow(), GWLP_USERDATA, 3));
    CHECK_INT("desktop.set_style", SetWindowLongA(GetDesktopWindow(), GWL_STYLE, WS_POPUP));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("desktop.destroy", DestroyWindow(GetDesktopWindow()));
    check_bool("class.unregister_used", UnregisterClassA("WhTest", NULL));
    return 0;
}
