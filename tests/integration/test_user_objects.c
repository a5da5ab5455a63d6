/*
 * USER objects where Windows' answer is not Wine's, and what crosses
 * processes and lifetimes:
 *  - a menu handle works in every process of the session (Wine's IsMenu
 *    fails in another process);
 *  - a destroyer given a destroyed object fails with the type's own
 *    error (1401 menu, 1402 cursor/icon, 1403 accelerator table, 1404
 *    hook, 1405 window position), and so do the other calls on it (Wine
 *    leaves the error alone in most);
 *  - a cursor whose destroy was refused while current goes once it is
 *    not current, SetCursor(NULL) returning it;
 *  - a thread's hooks and window positions go when it ends, its process's
 *    menus stay; a process's objects all go when it ends, SIGKILL included;
 *  - DuplicateHandle does not take a USER handle (ERROR_INVALID_HANDLE);
 *  - only the process that set a hook takes it off (ERROR_ACCESS_DENIED);
 *  - over more create/destroy cycles than the table has entries, no
 *    destroyed value names a new object.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

static BOOL fails_with(BOOL ok, DWORD error)
{
    return !ok && GetLastError() == error;
}

/* ---- a child that uses its parent's menu by value ---- */

static int child_unhook(HHOOK hook)
{
    SetLastError(0);
    BOOL ok = UnhookWindowsHookEx(hook);
    return !ok && GetLastError() == ERROR_ACCESS_DENIED ? 1 : 2;
}

static int child_menu(HMENU menu, HMENU victim)
{
    int bits = 0;
    char text[16] = "";
    if (IsMenu(menu))
        bits |= 1;
    if (GetMenuItemCount(menu) == 2)
        bits |= 2;
    if (GetMenuStringA(menu, 7, text, sizeof(text), MF_BYCOMMAND) == 6 && !strcmp(text, "Parent"))
        bits |= 4;
    if (AppendMenuA(menu, MF_STRING, 8, "Child"))
        bits |= 8;
    if (DestroyMenu(victim))
        bits |= 16;
    return bits;
}

static void menu_across_processes(void)
{
    HMENU menu = CreateMenu(), victim = CreatePopupMenu();
    AppendMenuA(menu, MF_STRING, 7, "Parent");
    AppendMenuA(menu, MF_SEPARATOR, 0, NULL);
    char args[64];
    snprintf(args, sizeof(args), "menu %lu %lu", (unsigned long)(ULONG_PTR)menu,
             (unsigned long)(ULONG_PTR)victim);
    PROCESS_INFORMATION pi;
    DWORD code = spawn_self(args, FALSE, NULL, &pi) ? finish_child(&pi) : 0xdead;
    ok(code == 31, "a child uses its parent's menu by value: IsMenu, count, text, append, "
                   "destroy (bits %#x)", (unsigned)code);
    char text[16] = "";
    ok(GetMenuItemCount(menu) == 3 && GetMenuStringA(menu, 8, text, sizeof(text), MF_BYCOMMAND) &&
           !strcmp(text, "Child"),
       "the parent sees the item the child added");
    ok(!IsMenu(victim), "and the menu the child destroyed is gone");
    ok(IsMenu(menu), "the menu outlives the child that used it (it is the parent's)");
    DestroyMenu(menu);
}

/* ---- Windows' errors for dead objects ---- */

static void dead_object_errors(void)
{
    HMENU menu = CreateMenu();
    DestroyMenu(menu);
    SetLastError(0);
    ok(fails_with(DestroyMenu(menu), ERROR_INVALID_MENU_HANDLE), "DestroyMenu twice: 1401");
    SetLastError(0);
    ok(GetMenuItemCount(menu) == -1 && GetLastError() == ERROR_INVALID_MENU_HANDLE,
       "GetMenuItemCount of a dead menu: -1, 1401");
    SetLastError(0);
    ok(fails_with(AppendMenuA(menu, MF_STRING, 1, "x"), ERROR_INVALID_MENU_HANDLE),
       "AppendMenuA to a dead menu: 1401");

    ACCEL a = { FVIRTKEY, 'A', 1 };
    HACCEL accel = CreateAcceleratorTableA(&a, 1);
    DestroyAcceleratorTable(accel);
    SetLastError(0);
    ok(fails_with(DestroyAcceleratorTable(accel), ERROR_INVALID_ACCEL_HANDLE),
       "DestroyAcceleratorTable twice: 1403");
    SetLastError(0);
    ok(CopyAcceleratorTableA(accel, NULL, 0) == 0 && GetLastError() == ERROR_INVALID_ACCEL_HANDLE,
       "CopyAcceleratorTableA of a dead table: 0, 1403");
    SetLastError(0);
    ok(fails_with(CreateAcceleratorTableA(NULL, 1) != NULL, ERROR_INVALID_PARAMETER),
       "CreateAcceleratorTableA(NULL, 1): ERROR_INVALID_PARAMETER (Wine crashes)");

    BYTE bits[4 * 32] = { 0 };
    HCURSOR cur = CreateCursor(NULL, 0, 0, 32, 32, bits, bits);
    DestroyCursor(cur);
    SetLastError(0);
    ok(fails_with(DestroyCursor(cur), ERROR_INVALID_CURSOR_HANDLE), "DestroyCursor twice: 1402");
    SetLastError(0);
    ok(fails_with(CopyIcon(cur) != NULL, ERROR_INVALID_CURSOR_HANDLE),
       "CopyIcon of a dead cursor: 1402");

    HDWP dwp = BeginDeferWindowPos(1);
    EndDeferWindowPos(dwp);
    SetLastError(0);
    ok(fails_with(EndDeferWindowPos(dwp), ERROR_INVALID_DWP_HANDLE),
       "EndDeferWindowPos twice: 1405");

    HHOOK hook = SetWindowsHookExA(WH_MSGFILTER, (HOOKPROC)(void (*)(void))dead_object_errors,
                                   NULL, GetCurrentThreadId());
    UnhookWindowsHookEx(hook);
    SetLastError(0);
    ok(fails_with(UnhookWindowsHookEx(hook), ERROR_INVALID_HOOK_HANDLE),
       "UnhookWindowsHookEx twice: 1404");
    SetLastError(0);
    ok(fails_with(SetWindowsHookExA(99, (HOOKPROC)(void (*)(void))dead_object_errors, NULL,
                                    GetCurrentThreadId()) != NULL,
                  ERROR_INVALID_HOOK_FILTER),
       "a hook type that does not exist: ERROR_INVALID_HOOK_FILTER");
}

static void refused_cursor(void)
{
    BYTE bits[4 * 32] = { 0 };
    HCURSOR cur = CreateCursor(NULL, 0, 0, 32, 32, bits, bits);
    SetCursor(cur);
    SetLastError(1234);
    ok(!DestroyCursor(cur) && GetLastError() == 1234,
       "the current cursor cannot be destroyed, and the last error stays");
    ok(SetCursor(NULL) == cur, "SetCursor(NULL) returns it");
    SetLastError(0);
    ok(fails_with(DestroyCursor(cur), ERROR_INVALID_CURSOR_HANDLE),
       "no longer current, the refused destroy has happened (1402)");
}

/* ---- lifetimes: thread and process ends ---- */

struct thread_objects {
    HHOOK hook;
    HDWP dwp;
    HMENU menu;
};

static LRESULT CALLBACK any_hook(int code, WPARAM w, LPARAM l)
{
    return CallNextHookEx(NULL, code, w, l);
}

static DWORD WINAPI make_objects(LPVOID arg)
{
    struct thread_objects *o = arg;
    o->hook = SetWindowsHookExA(WH_MSGFILTER, any_hook, NULL, GetCurrentThreadId());
    o->dwp = BeginDeferWindowPos(2);
    o->menu = CreateMenu();
    return 0;
}

static void foreign_unhook(void)
{
    HHOOK hook = SetWindowsHookExA(WH_MSGFILTER, any_hook, NULL, GetCurrentThreadId());
    char args[64];
    snprintf(args, sizeof(args), "unhook %lu", (unsigned long)(ULONG_PTR)hook);
    PROCESS_INFORMATION pi;
    DWORD code = spawn_self(args, FALSE, NULL, &pi) ? finish_child(&pi) : 0xdead;
    ok(code == 1, "another process cannot take a hook off: ERROR_ACCESS_DENIED (%u)",
       (unsigned)code);
    ok(UnhookWindowsHookEx(hook), "its own process can");
}

static void thread_end(void)
{
    struct thread_objects o = { 0 };
    HANDLE t = CreateThread(NULL, 0, make_objects, &o, 0, NULL);
    WaitForSingleObject(t, 10000);
    CloseHandle(t);
    ok(o.hook && o.dwp && o.menu, "a thread made a hook, a window-position structure, a menu");
    ok(!UnhookWindowsHookEx(o.hook) && !EndDeferWindowPos(o.dwp),
       "its hook and window positions went with it");
    ok(IsMenu(o.menu), "its menu stays: menus belong to the process");
    DestroyMenu(o.menu);
}

/* A child makes one object of each kind, posts the values, and ends
 * (normally, or waits to be killed). */
static int child_objects(DWORD tag, int wait_for_kill)
{
    BYTE bits[4 * 32] = { 0 };
    ACCEL a = { FVIRTKEY, 'A', 1 };
    void *objs[4] = {
        CreateMenu(), CreateAcceleratorTableA(&a, 1),
        CreateCursor(NULL, 0, 0, 32, 32, bits, bits), BeginDeferWindowPos(1),
    };
    char name[64];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "user-objects-%lu-%d", (unsigned long)tag, i);
        HANDLE box = CreateSemaphoreA(NULL, 0, 0x7fffffff, name);
        ReleaseSemaphore(box, (LONG)(ULONG_PTR)objs[i], NULL);
    }
    snprintf(name, sizeof(name), "user-objects-%lu-ready", (unsigned long)tag);
    SetEvent(CreateEventA(NULL, TRUE, FALSE, name));
    /* Run until the parent has looked (and killed us, or let us go). */
    snprintf(name, sizeof(name), "user-objects-%lu-go", (unsigned long)tag);
    WaitForSingleObject(CreateEventA(NULL, TRUE, FALSE, name), wait_for_kill ? 60000 : 10000);
    return 0;
}

static void process_end(int kill_it)
{
    static DWORD round;
    DWORD tag = GetCurrentProcessId() * 10 + ++round;
    char name[64], args[64];
    snprintf(name, sizeof(name), "user-objects-%lu-ready", (unsigned long)tag);
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, name);
    snprintf(name, sizeof(name), "user-objects-%lu-go", (unsigned long)tag);
    HANDLE go = CreateEventA(NULL, TRUE, FALSE, name);
    HANDLE boxes[4];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "user-objects-%lu-%d", (unsigned long)tag, i);
        boxes[i] = CreateSemaphoreA(NULL, 0, 0x7fffffff, name);
    }
    snprintf(args, sizeof(args), "objects %lu %d", (unsigned long)tag, kill_it);
    PROCESS_INFORMATION pi;
    if (!spawn_self(args, FALSE, NULL, &pi) || WaitForSingleObject(ready, 10000)) {
        ok(0, "child made its objects");
        return;
    }
    void *objs[4];
    for (int i = 0; i < 4; i++) {
        LONG v = 0;
        ReleaseSemaphore(boxes[i], 1, &v);
        objs[i] = (void *)(ULONG_PTR)v;
        CloseHandle(boxes[i]);
    }
    ok(IsMenu(objs[0]) && CopyAcceleratorTableA(objs[1], NULL, 0) == 1,
       "%s: the child's menu and accelerator table work here while it runs",
       kill_it ? "SIGKILL" : "exit");
    if (kill_it)
        kill((pid_t)pi.dwProcessId, SIGKILL);
    else
        SetEvent(go);
    finish_child(&pi);
    CloseHandle(go);
    SetLastError(0);
    ok(!IsMenu(objs[0]) && GetLastError() == ERROR_INVALID_MENU_HANDLE, "%s: its menu is gone",
       kill_it ? "SIGKILL" : "exit");
    SetLastError(0);
    ok(CopyAcceleratorTableA(objs[1], NULL, 0) == 0 &&
           GetLastError() == ERROR_INVALID_ACCEL_HANDLE,
       "%s: its accelerator table is gone", kill_it ? "SIGKILL" : "exit");
    ok(fails_with(DestroyCursor(objs[2]), ERROR_INVALID_CURSOR_HANDLE),
       "%s: its cursor is gone", kill_it ? "SIGKILL" : "exit");
    ok(fails_with(EndDeferWindowPos(objs[3]), ERROR_INVALID_DWP_HANDLE),
       "%s: its window positions are gone", kill_it ? "SIGKILL" : "exit");
    CloseHandle(ready);
}

static void not_duplicable(void)
{
    HMENU menu = CreateMenu();
    HANDLE copy = NULL;
    SetLastError(0);
    ok(fails_with(DuplicateHandle(GetCurrentProcess(), (HANDLE)menu, GetCurrentProcess(), &copy, 0,
                                  FALSE, DUPLICATE_SAME_ACCESS),
                  ERROR_INVALID_HANDLE),
       "DuplicateHandle of a menu: ERROR_INVALID_HANDLE");
    SetLastError(0);
    ok(fails_with(CloseHandle((HANDLE)menu), ERROR_INVALID_HANDLE) && IsMenu(menu),
       "CloseHandle of a menu fails and leaves it");
    DestroyMenu(menu);
}

/* More cycles than the table has entries, so the first value's entry is
 * reused: the table's FIFO reuse and uniqueness keep that value dead. */
static void uniqueness(void)
{
    HMENU first = CreateMenu();
    DestroyMenu(first);
    int again = 0, failed = 0;
    for (int i = 0; i < 70000; i++) {
        HMENU m = CreateMenu();
        if (!m)
            failed++;
        if (m == first)
            again++;
        DestroyMenu(m);
    }
    ok(!failed && !again && !IsMenu(first),
       "70,000 create/destroy cycles: never the first value again (%d, %d)", failed, again);
}

/* Menu graphs a hostile program can build: a chain as long as the table
 * allows (destroyed by one DestroyMenu without deep recursion in the
 * server), and a menu whose many items all open itself (a search by
 * command visits it once). */
static void hostile_menus(void)
{
    enum { CHAIN = 20000 };
    HMENU top = CreatePopupMenu(), prev = top;
    int built = 1;
    for (int i = 1; i < CHAIN && prev; i++) {
        HMENU m = CreatePopupMenu();
        if (!m || !AppendMenuA(prev, MF_POPUP, (UINT_PTR)m, "deeper"))
            break;
        prev = m;
        built++;
    }
    ok(built == CHAIN && DestroyMenu(top) && !IsMenu(prev),
       "a chain of %d submenus goes with one DestroyMenu (%d built)", CHAIN, built);

    HMENU loop = CreatePopupMenu();
    for (int i = 0; i < 300; i++)
        AppendMenuA(loop, MF_POPUP, (UINT_PTR)loop, "me again");
    DWORD t0 = GetTickCount();
    char text[8];
    int n = GetMenuStringA(loop, 12345, text, sizeof(text), MF_BYCOMMAND);
    ok(n == 0 && GetTickCount() - t0 < 2000,
       "a menu whose 300 items open itself: a search by command ends at once");
    ok(DestroyMenu(loop) && !IsMenu(loop), "and it is destroyed once");
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc > 3 && !strcmp(argv[1], "menu"))
        return child_menu((HMENU)(ULONG_PTR)strtoul(argv[2], NULL, 0),
                          (HMENU)(ULONG_PTR)strtoul(argv[3], NULL, 0));
    if (argc > 2 && !strcmp(argv[1], "unhook"))
        return child_unhook((HHOOK)(ULONG_PTR)strtoul(argv[2], NULL, 0));
    if (argc > 3 && !strcmp(argv[1], "objects"))
        return child_objects((DWORD)strtoul(argv[2], NULL, 0), atoi(argv[3]));
    menu_across_processes();
    dead_object_errors();
    refused_cursor();
    thread_end();
    foreign_unhook();
    process_end(0);
    process_end(1);
    not_duplicable();
    hostile_menus();
    uniqueness();
    return tap_done();
}
