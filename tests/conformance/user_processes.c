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
 * process's thread needs a module, and a process's objects die with it.
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

    HANDLE made = shared_event(tag, "made");
    HANDLE done = shared_event(tag, "done");
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "objects %lu", (unsigned long)tag);
    if (!spawn_self(args, FALSE, &pi) || WaitForSingleObject(made, PATIENCE_MS)) {
        check("child.objects", "did not start");
        return 1;
    }
    HMENU child_menu_value = (HMENU)(ULONG_PTR)mailbox_take(tag, "menu");
    HACCEL child_accel = (HACCEL)(ULONG_PTR)mailbox_take(tag, "accel");
    HCURSOR child_cursor = (HCURSOR)(ULONG_PTR)mailbox_take(tag, "cursor");
    DWORD child_tid = mailbox_take(tag, "tid");
    check_yes("child.objects.made", child_menu_value && child_accel && child_cursor);

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
    return 0;
}
