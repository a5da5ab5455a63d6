/*
 * USER handles between processes, against Wine.
 *
 * Windows makes USER handles public: a child uses its parent's menu by
 * value, and a system cursor is one handle in every process. Wine keeps
 * menus and system cursors per process, so the child's view is printed
 * only as far as both agree (it gets the value and runs), and
 * tests/integration/test_user_objects.c checks Windows' rule here.
 * What both agree on: USER handles are no kernel handles (DuplicateHandle
 * and CloseHandle fail), CreateProcessA passes none, a hook on another
 * process's thread needs a module, a child uses its parent's window by
 * value, and a process's objects, its windows included, die with it.
 */
#include "children.h"

/* The child: makes a menu, an accelerator table and a cursor, posts their
 * values, and ends when told. */
static int child_objects(DWORD tag)
{
    BYTE bits[4 * 32] = { 0 };
    ACCEL a = { FVIRTKEY, 'A', 1 };
    mailbox_put(tag, "menu", (DWORD)(ULONG_PTR)CreateMenu());
    mailbox_put(tag, "accel", (DWORD)(ULONG_PTR)CreateAcceleratorTableA(&a, 1));
    mailbox_put(tag, "cursor", (DWORD)(ULONG_PTR)CreateCursor(NULL, 0, 0, 32, 32, bits, bits));
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "WhChild" };
    RegisterClassA(&wc);
    mailbox_put(tag, "window", (DWORD)(ULONG_PTR)CreateWindowExA(0, "WhChild", "child", WS_POPUP,
                                                                 0, 0, 1, 1, NULL, NULL, NULL,
                                                                 NULL));
    mailbox_put(tag, "tid", GetCurrentThreadId());
    signal_shared(tag, "made");
    HANDLE done = shared_event(tag, "done");
    WaitForSingleObject(done, PATIENCE_MS);
    return 0;
}

/* The child: given its parent's menu value, says only that it ran. */
static int child_menu(HMENU menu)
{
    (void)menu;
    return 7;
}

/* The child: given its parent's window value and pid, uses the window
 * and reports in its exit code what worked. (It does not set the text:
 * that sends WM_SETTEXT to the parent's thread, which is waiting.) */
static int child_window(HWND w, DWORD parent_pid)
{
    int bits = 0;
    char text[32] = "";
    DWORD pid = 0;
    RECT r = { 0 };
    if (IsWindow(w))
        bits |= 1;
    if (GetWindowTextA(w, text, sizeof(text)) == 6 && !strcmp(text, "parent"))
        bits |= 2;
    if (GetWindowThreadProcessId(w, &pid) && pid == parent_pid)
        bits |= 4;
    if (GetWindowRect(w, &r) && r.left == 10 && r.top == 20 && r.right == 40 && r.bottom == 60)
        bits |= 8;
    if (GetClassNameA(w, text, sizeof(text)) && !strcmp(text, "WhProcesses"))
        bits |= 16;
    if (!DestroyWindow(w) && IsWindow(w))
        bits |= 32;
    return bits;
}

static void window_by_value(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "WhProcesses" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "WhProcesses", "parent", WS_POPUP, 10, 20, 30, 40, NULL, NULL,
                             NULL, NULL);
    char args[64];
    snprintf(args, sizeof(args), "window %lu %lu", (unsigned long)(ULONG_PTR)w,
             (unsigned long)GetCurrentProcessId());
    DWORD code = run_self(args, FALSE);
    check_bit("child.window_by_value.is_window", code, 1);
    check_bit("child.window_by_value.text", code, 2);
    check_bit("child.window_by_value.owner_pid", code, 4);
    check_bit("child.window_by_value.rect", code, 8);
    check_bit("child.window_by_value.class_name", code, 16);
    check_bit("child.window_by_value.destroy_refused", code, 32);
    check_yes("child.window_by_value.parent_still_has_it", IsWindow(w));
    DestroyWindow(w);
}

/* A value a child posted: 0 is no object, 0xdead nothing posted. */
static BOOL posted(const void *value)
{
    return value && (ULONG_PTR)value != 0xdead;
}

static LRESULT CALLBACK any_hook(int code, WPARAM w, LPARAM l)
{
    return CallNextHookEx(NULL, code, w, l);
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2 && !strcmp(argv[1], "objects"))
        return child_objects(arg_number(argv[2]));
    if (argc > 2 && !strcmp(argv[1], "menu"))
        return child_menu((HMENU)arg_handle(argv[2]));
    if (argc > 3 && !strcmp(argv[1], "window"))
        return child_window((HWND)arg_handle(argv[2]), arg_number(argv[3]));

    DWORD tag = GetCurrentProcessId();
    HMENU menu = CreateMenu();
    HANDLE copy = NULL;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("duplicate.menu", DuplicateHandle(GetCurrentProcess(), (HANDLE)menu,
                                                 GetCurrentProcess(), &copy, 0, FALSE,
                                                 DUPLICATE_SAME_ACCESS));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("close_handle.menu", CloseHandle((HANDLE)menu));
    check_bool("close_handle.menu_still_menu", IsMenu(menu));

    /* Handles are inherited, USER handles are not handles: the child
     * gets the value on its command line, and runs. */
    char args[64];
    snprintf(args, sizeof(args), "menu %lu", (unsigned long)(ULONG_PTR)menu);
    check("child.menu_by_value.ran", "%u", (unsigned)run_self(args, TRUE));
    check_bool("child.menu_by_value.parent_still_has_it", IsMenu(menu));
    DestroyMenu(menu);
    window_by_value();

    HANDLE made = shared_event(tag, "made");
    HANDLE done = shared_event(tag, "done");
    /* Held open from before the child starts, so what it posts stays
     * after it closes its own handles. */
    HANDLE box_menu = mailbox_open(tag, "menu"), box_accel = mailbox_open(tag, "accel");
    HANDLE box_cursor = mailbox_open(tag, "cursor"), box_window = mailbox_open(tag, "window");
    HANDLE box_tid = mailbox_open(tag, "tid");
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "objects %lu", (unsigned long)tag);
    if (!spawn_self(args, FALSE, &pi) || WaitForSingleObject(made, PATIENCE_MS)) {
        check("child.objects", "did not start");
        return 1;
    }
    HMENU child_menu_value = (HMENU)(ULONG_PTR)mailbox_get(box_menu);
    HACCEL child_accel = (HACCEL)(ULONG_PTR)mailbox_get(box_accel);
    HCURSOR child_cursor = (HCURSOR)(ULONG_PTR)mailbox_get(box_cursor);
    HWND child_window_value = (HWND)(ULONG_PTR)mailbox_get(box_window);
    DWORD child_tid = mailbox_get(box_tid);
    HANDLE boxes[] = { box_menu, box_accel, box_cursor, box_window, box_tid };
    for (size_t i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++)
        CloseHandle(boxes[i]);
    check_yes("child.objects.made", posted(child_menu_value) && posted(child_accel) &&
                                        posted(child_cursor) && posted(child_window_value) &&
                                        posted((HANDLE)(ULONG_PTR)child_tid));
    check_yes("child.objects.window_seen", IsWindow(child_window_value));

    /* A hook on a thread of another process needs a module to load there.
     * Windows says ERROR_HOOK_NEEDS_HMOD, as winhandle does; Wine 8
     * ERROR_INVALID_PARAMETER: the result alone is printed. */
    check_yes("hook.other_process_no_module.fails",
              SetWindowsHookExA(WH_MSGFILTER, any_hook, NULL, child_tid) == NULL);

    SetEvent(done);
    check("child.objects.exit", "%u", (unsigned)finish_child(&pi));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("after_exit.menu", IsMenu(child_menu_value));
    check("after_exit.accel", "%d", CopyAcceleratorTableA(child_accel, NULL, 0));
    check("after_exit.cursor", "%s", DestroyCursor(child_cursor) ? "TRUE" : "FALSE");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("after_exit.window", IsWindow(child_window_value));
    return 0;
}
