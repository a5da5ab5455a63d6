/*
 * Menus: create, fill, read, take apart and destroy, against Wine.
 *
 * Where Wine departs from Windows, only what both agree on is printed and
 * tests/integration/test_user_objects.c checks Windows' answer here:
 * a menu is usable from any process of the session (Wine's menus live in
 * the process that made them, so its IsMenu fails elsewhere).
 */
#include <string.h>

#include "conformance.h"

static void check_int(const char *name, int value)
{
    check(name, "%d", value);
}

/* Windows sets ERROR_INVALID_MENU_HANDLE whenever a menu handle is bad;
 * Wine sets it in IsMenu only and leaves the error alone elsewhere. So for
 * bad handles the transcript shows the result alone and
 * tests/integration/test_user_objects.c checks the error. */
static void check_result(const char *name, BOOL ok)
{
    check(name, ok ? "TRUE" : "FALSE");
}

static void check_string(const char *name, HMENU menu, UINT item, UINT flags)
{
    char text[64];
    memset(text, 'x', sizeof(text));
    SetLastError(UNTOUCHED_ERROR);
    int n = GetMenuStringA(menu, item, text, sizeof(text), flags);
    char buf[32];
    DWORD error = GetLastError();
    if (n > 0)
        check(name, "%d \"%s\"", n, text);
    else
        check(name, "%d, %s", n, error_name(error, buf));
}

static void create_and_fill(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HMENU bar = CreateMenu();
    check_create("create.bar", bar);
    HMENU popup = CreatePopupMenu();
    check_handle("create.popup", popup);
    check_yes("create.distinct", bar != popup);
    check_bool("is_menu.bar", IsMenu(bar));
    check_int("count.empty", GetMenuItemCount(bar));

    check_bool("append.string", AppendMenuA(bar, MF_STRING, 100, "&File"));
    check_bool("append.separator", AppendMenuA(bar, MF_SEPARATOR, 0, NULL));
    check_bool("append.popup.item", AppendMenuA(popup, MF_STRING | MF_GRAYED, 201, "Open"));
    check_bool("append.popup", AppendMenuA(bar, MF_POPUP, (UINT_PTR)popup, "&Edit"));
    check_bool("append.checked", AppendMenuA(bar, MF_STRING | MF_CHECKED, 101, "Check me"));
    check_int("count.four", GetMenuItemCount(bar));

    check_int("id.pos0", (int)GetMenuItemID(bar, 0));
    check_int("id.separator", (int)GetMenuItemID(bar, 1));
    check_int("id.popup", (int)GetMenuItemID(bar, 2));
    check_int("id.past_end", (int)GetMenuItemID(bar, 4));
    check_int("id.negative", (int)GetMenuItemID(bar, -1));

    check_yes("submenu.is_popup", GetSubMenu(bar, 2) == popup);
    check_yes("submenu.of_string_is_null", GetSubMenu(bar, 0) == NULL);
    check_yes("submenu.past_end_is_null", GetSubMenu(bar, 9) == NULL);

    check_string("string.by_command", bar, 100, MF_BYCOMMAND);
    check_string("string.by_position", bar, 2, MF_BYPOSITION);
    check_string("string.separator", bar, 1, MF_BYPOSITION);
    check_string("string.in_submenu_by_command", bar, 201, MF_BYCOMMAND);
    check_string("string.missing", bar, 999, MF_BYCOMMAND);
    check_string("string.past_end", bar, 99, MF_BYPOSITION);
    char small[4];
    memset(small, 'x', sizeof(small));
    int n = GetMenuStringA(bar, 100, small, sizeof(small), MF_BYCOMMAND);
    /* Windows copies n characters and a terminator; Wine 8 copies one
     * more character instead of the terminator. The n agree. */
    check("string.truncated", "%d \"%.*s\"", n, n, small);
    check_int("string.length_only", GetMenuStringA(bar, 101, NULL, 0, MF_BYCOMMAND));
    check_int("string.empty_buffer", GetMenuStringA(bar, 101, small, 0, MF_BYCOMMAND));

    SetLastError(UNTOUCHED_ERROR);
    check("state.checked", "0x%x", GetMenuState(bar, 101, MF_BYCOMMAND));
    check("state.grayed_in_submenu", "0x%x", GetMenuState(bar, 201, MF_BYCOMMAND));
    check("state.popup", "0x%x", GetMenuState(bar, 2, MF_BYPOSITION));
    check("state.separator", "0x%x", GetMenuState(bar, 1, MF_BYPOSITION));
    check("state.missing", "0x%x", GetMenuState(bar, 999, MF_BYCOMMAND));

    /* InsertMenuItemA: before position 0, and by command before item 101. */
    MENUITEMINFOA mii;
    memset(&mii, 0, sizeof(mii));
    mii.cbSize = sizeof(mii);
    mii.fMask = MIIM_STRING | MIIM_ID;
    mii.wID = 50;
    mii.dwTypeData = (LPSTR) "First";
    check_bool("insert_item.first", InsertMenuItemA(bar, 0, TRUE, &mii));
    mii.wID = 60;
    mii.dwTypeData = (LPSTR) "Before check";
    check_bool("insert_item.by_command", InsertMenuItemA(bar, 101, FALSE, &mii));
    check_int("insert_item.count", GetMenuItemCount(bar));
    check_int("insert_item.id0", (int)GetMenuItemID(bar, 0));
    check_int("insert_item.id4", (int)GetMenuItemID(bar, 4));
    check_int("insert_item.id5", (int)GetMenuItemID(bar, 5));
    mii.cbSize = 7;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("insert_item.bad_size", InsertMenuItemA(bar, 0, TRUE, &mii));
    mii.cbSize = sizeof(mii);
    mii.wID = 70;
    mii.dwTypeData = (LPSTR) "At end";
    check_bool("insert_item.past_end", InsertMenuItemA(bar, 99, TRUE, &mii));
    check_int("insert_item.past_end.id", (int)GetMenuItemID(bar, 6));
    check_bool("insert_menu.by_position", InsertMenuA(bar, 1, MF_BYPOSITION | MF_STRING, 80,
                                                      "Inserted"));
    check_int("insert_menu.id1", (int)GetMenuItemID(bar, 1));

    /* GetMenuItemInfoA reads an item back. */
    char text[32];
    memset(&mii, 0, sizeof(mii));
    mii.cbSize = sizeof(mii);
    mii.fMask = MIIM_STRING | MIIM_ID | MIIM_STATE | MIIM_FTYPE | MIIM_SUBMENU;
    mii.dwTypeData = text;
    mii.cch = sizeof(text);
    BOOL ok = GetMenuItemInfoA(bar, 4, TRUE, &mii);
    /* AppendMenuA's id of a popup is the submenu's handle value. */
    check("item_info.popup", "%s id %s type 0x%x state 0x%x submenu %s text \"%s\" cch %u",
          ok ? "TRUE" : "FALSE", mii.wID == (UINT)(UINT_PTR)popup ? "submenu" : "other",
          mii.fType, mii.fState, mii.hSubMenu == popup ? "popup" : "other", text, mii.cch);

    /* RemoveMenu detaches the popup and leaves it; DeleteMenu destroys. */
    check_bool("remove.popup", RemoveMenu(bar, 4, MF_BYPOSITION));
    check_bool("remove.popup.still_menu", IsMenu(popup));
    check_int("remove.count", GetMenuItemCount(bar));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("remove.missing", RemoveMenu(bar, 999, MF_BYCOMMAND));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("remove.past_end", RemoveMenu(bar, 99, MF_BYPOSITION));
    check_bool("append.popup.again", AppendMenuA(bar, MF_POPUP, (UINT_PTR)popup, "Again"));
    int last = GetMenuItemCount(bar) - 1;
    check_bool("delete.popup", DeleteMenu(bar, (UINT)last, MF_BYPOSITION));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("delete.popup.destroyed", IsMenu(popup));
    check_bool("delete.by_command", DeleteMenu(bar, 101, MF_BYCOMMAND));
    check_int("delete.count", GetMenuItemCount(bar));

    check_bool("destroy", DestroyMenu(bar));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroyed.is_menu", IsMenu(bar));
}

static void use_after_destroy(void)
{
    HMENU menu = CreatePopupMenu();
    HMENU sub = CreatePopupMenu();
    AppendMenuA(sub, MF_STRING, 1, "one");
    AppendMenuA(menu, MF_POPUP, (UINT_PTR)sub, "sub");
    check_bool("destroy.with_submenu", DestroyMenu(menu));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroy.submenu_went_too", IsMenu(sub));

    check_result("destroyed.destroy_again", DestroyMenu(menu));
    check_int("destroyed.count", GetMenuItemCount(menu));
    check_result("destroyed.append", AppendMenuA(menu, MF_STRING, 1, "x"));
    check_int("destroyed.id", (int)GetMenuItemID(menu, 0));
    check_yes("destroyed.submenu", GetSubMenu(menu, 0) == NULL);
    check_result("destroyed.delete", DeleteMenu(menu, 0, MF_BYPOSITION));
    check_result("destroyed.remove", RemoveMenu(menu, 0, MF_BYPOSITION));
    char text[8] = "zz";
    check("destroyed.string", "%d \"%s\"", GetMenuStringA(menu, 0, text, sizeof(text),
                                                           MF_BYPOSITION), text);
    check("destroyed.state", "0x%x", GetMenuState(menu, 0, MF_BYPOSITION));
    MENUITEMINFOA mii;
    memset(&mii, 0, sizeof(mii));
    mii.cbSize = sizeof(mii);
    mii.fMask = MIIM_ID;
    mii.wID = 3;
    check_result("destroyed.insert_item", InsertMenuItemA(menu, 0, TRUE, &mii));
    check_result("destroyed.item_info", GetMenuItemInfoA(menu, 0, TRUE, &mii));
    check_result("destroyed.insert", InsertMenuA(menu, 0, MF_BYPOSITION | MF_STRING, 4, "x"));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroyed.popup.is_menu", IsMenu(menu));

    check_result("null.destroy", DestroyMenu(NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("null.is_menu", IsMenu(NULL));
    check_int("null.count", GetMenuItemCount(NULL));
    check_result("null.append", AppendMenuA(NULL, MF_STRING, 1, "x"));

    /* A handle of another type is not a menu. */
    HACCEL accel;
    ACCEL a = { FVIRTKEY, 'A', 1 };
    accel = CreateAcceleratorTableA(&a, 1);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("accel.is_menu", IsMenu((HMENU)accel));
    check_result("accel.destroy_menu", DestroyMenu((HMENU)accel));
    DestroyAcceleratorTable(accel);
}

/* Many creations and destructions: a destroyed value never names a live
 * menu again while we watch, and every new menu works. */
static void uniqueness(void)
{
    HMENU first = CreateMenu();
    DestroyMenu(first);
    int reused = 0, failed = 0;
    for (int i = 0; i < 2000; i++) {
        HMENU m = CreateMenu();
        if (!m || !IsMenu(m))
            failed++;
        if (m == first)
            reused++;
        DestroyMenu(m);
    }
    check_yes("cycles.all_created", failed == 0);
    check_yes("cycles.old_value_not_reused", reused == 0);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("cycles.old_value_dead", IsMenu(first));
}

/* A template: File (Open, popup Recent (One)), Help. Strings are UTF-16. */
static void load_indirect(void)
{
    static const WORD tmpl[] = {
        0, 0,                                 /* version 0, offset 0 */
        MF_POPUP, 'F', 'i', 'l', 'e', 0,      /* popup: no id */
        0, 10, 'O', 'p', 'e', 'n', 0,
        MF_POPUP | MF_END, 'R', 'e', 'c', 'e', 'n', 't', 0,
        MF_END, 11, 'O', 'n', 'e', 0,
        MF_END | MF_GRAYED, 20, 'H', 'e', 'l', 'p', 0,
    };
    SetLastError(UNTOUCHED_ERROR);
    HMENU menu = LoadMenuIndirectA(tmpl);
    check_handle("template.load", menu);
    check_int("template.count", GetMenuItemCount(menu));
    HMENU file = GetSubMenu(menu, 0);
    check_yes("template.file_is_popup", file != NULL);
    check_int("template.file.count", GetMenuItemCount(file));
    check_string("template.open", menu, 10, MF_BYCOMMAND);
    check_string("template.recent_one", menu, 11, MF_BYCOMMAND);
    check_string("template.help", menu, 1, MF_BYPOSITION);
    check("template.help.state", "0x%x", GetMenuState(menu, 20, MF_BYCOMMAND));
    check_int("template.help.id", (int)GetMenuItemID(menu, 1));
    check_bool("template.destroy", DestroyMenu(menu));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("template.file_gone", IsMenu(file));

    /* The extended (MENUEX) format: File (Open, grayed Exit), Help.
     * DWORDs are written as two WORDs, low first; items are DWORD-aligned. */
    static const WORD ex[] __attribute__((aligned(4))) = {
        1, 4, 0, 0,                    /* version 1, offset 4, help id 0 */
        0, 0, 0, 0, 30, 0, 0x01,       /* File: type, state, id 30, popup */
        'F', 'i', 'l', 'e', 0,         /* 12 WORDs so far: aligned */
        0, 0,                          /* the popup's help id */
        0, 0, 0, 0, 31, 0, 0,          /* Open, id 31 */
        'O', 'p', 'e', 'n', 0,
        0, 0, 3, 0, 32, 0, 0x80,       /* Exit, grayed, id 32, last */
        'E', 'x', 'i', 't', 0,
        0, 0, 0, 0, 40, 0, 0x80,       /* Help, id 40, last */
        'H', 'e', 'l', 'p', 'm', 'e', 0, 0, /* 14 WORDs: padded to 16 */
    };
    HMENU exm = LoadMenuIndirectA(ex);
    check_handle("template_ex.load", exm);
    check_int("template_ex.count", GetMenuItemCount(exm));
    check_int("template_ex.file.count", GetMenuItemCount(GetSubMenu(exm, 0)));
    check_string("template_ex.exit", exm, 32, MF_BYCOMMAND);
    check("template_ex.exit.state", "0x%x", GetMenuState(exm, 32, MF_BYCOMMAND));
    check_int("template_ex.help.id", (int)GetMenuItemID(exm, 1));
    check_bool("template_ex.destroy", DestroyMenu(exm));

    static const WORD bad_version[] = { 2, 0, MF_END, 1, 'x', 0 };
    SetLastError(UNTOUCHED_ERROR);
    check_handle("template.bad_version", LoadMenuIndirectA(bad_version));
}

/* SetMenu/GetMenu: a window's menu bar. SetMenu does not destroy the menu
 * it replaces; DestroyWindow destroys the one the window has then. */
static void window_menus(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = DefWindowProcA;
    wc.lpszClassName = "WhMenuTest";
    RegisterClassA(&wc);
    HWND win = CreateWindowExA(0, "WhMenuTest", "w", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL,
                               NULL, NULL, NULL);
    HWND child = CreateWindowExA(0, "WhMenuTest", "c", WS_CHILD, 0, 0, 10, 10, win, NULL, NULL,
                                 NULL);
    HMENU first = CreateMenu(), second = CreateMenu();
    AppendMenuA(first, MF_STRING, 1, "one");
    SetLastError(UNTOUCHED_ERROR);
    check_yes("window.no_menu", GetMenu(win) == NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("window.set", SetMenu(win, first));
    check_yes("window.get", GetMenu(win) == first);
    check_bool("window.replace", SetMenu(win, second));
    check_yes("window.get_replaced", GetMenu(win) == second);
    check_bool("window.replaced_not_destroyed", IsMenu(first));
    check_bool("window.set_null", SetMenu(win, NULL));
    check_yes("window.get_null", GetMenu(win) == NULL);
    check_bool("window.null_removed_not_destroyed", IsMenu(second));
    HMENU popup = CreatePopupMenu();
    check_bool("window.set_popup", SetMenu(win, popup));
    SetMenu(win, NULL);

    /* "A menu can be assigned to any window that is not a child window":
     * the result alone, as Wine leaves the error alone (winhandle says
     * ERROR_CHILD_WINDOW_MENU). */
    check_result("window.child", SetMenu(child, first));
    check_result("window.child_null", SetMenu(child, NULL));
    HMENU dead = CreateMenu();
    DestroyMenu(dead);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("window.dead_menu", SetMenu(win, dead));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("window.bad_menu", SetMenu(win, (HMENU)(ULONG_PTR)0x1234));
    check_yes("window.kept_after_failures", GetMenu(win) == NULL);
    /* (SetMenu of NULL or of a destroyed window: Wine 8 says TRUE;
     * winhandle fails with ERROR_INVALID_WINDOW_HANDLE, test_documented.) */
    SetLastError(UNTOUCHED_ERROR);
    check_yes("window.get_null_window", GetMenu(NULL) == NULL);
    check(check_name("window.get_null_window", "error"), "%u", (unsigned)GetLastError());

    /* DestroyWindow takes the window's menu with it, not one it had. */
    SetMenu(win, first);
    SetMenu(win, second);
    check_bool("window.destroy", DestroyWindow(win));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("window.destroyed_took_menu", IsMenu(second));
    check_bool("window.earlier_menu_kept", IsMenu(first));
    SetLastError(UNTOUCHED_ERROR);
    check_yes("window.dead_window_get", GetMenu(win) == NULL);
    check(check_name("window.dead_window_get", "error"), "%u", (unsigned)GetLastError());
    /* Only now: Wine 8 destroys the window a popup menu was once the
     * menu of when the menu is destroyed, which Windows' DestroyMenu does
     * not (test_documented checks it). */
    check_bool("window.popup_destroy", DestroyMenu(popup));
    DestroyMenu(first);
    UnregisterClassA("WhMenuTest", NULL);
}

/* A menu cannot be put inside itself, directly or through its submenus;
 * one submenu in two menus is allowed. Results only: Wine leaves the
 * error alone (winhandle: ERROR_INVALID_PARAMETER), and a refused
 * AppendMenuA leaves an empty item behind in Wine 8, so only the menus
 * whose refusals went through InsertMenuA and InsertMenuItemA are
 * counted. */
static void no_cycles(void)
{
    HMENU a = CreatePopupMenu(), b = CreatePopupMenu(), c = CreatePopupMenu();
    check_bool("cycle.a_holds_b", AppendMenuA(a, MF_POPUP, (UINT_PTR)b, "b"));
    check_bool("cycle.b_holds_c", AppendMenuA(b, MF_POPUP, (UINT_PTR)c, "c"));
    check_result("cycle.append_a_into_c", AppendMenuA(c, MF_POPUP, (UINT_PTR)a, "a"));
    MENUITEMINFOA mii;
    memset(&mii, 0, sizeof(mii));
    mii.cbSize = sizeof(mii);
    mii.fMask = MIIM_SUBMENU;
    mii.hSubMenu = b;
    check_result("cycle.insert_item_b_into_c", InsertMenuItemA(c, 0, TRUE, &mii));
    check_result("cycle.insert_a_into_a",
                 InsertMenuA(a, 0, MF_BYPOSITION | MF_POPUP, (UINT_PTR)a, "self"));
    HMENU shared = CreatePopupMenu();
    check_bool("cycle.shared_in_a", AppendMenuA(a, MF_POPUP, (UINT_PTR)shared, "s1"));
    check_bool("cycle.shared_in_b", InsertMenuA(b, 0, MF_BYPOSITION | MF_POPUP,
                                                (UINT_PTR)shared, "s2"));
    check_int("cycle.count_a", GetMenuItemCount(a));
    check_int("cycle.count_b", GetMenuItemCount(b));
    check_bool("cycle.destroy", DestroyMenu(a));
    check_yes("cycle.all_gone", !IsMenu(b) && !IsMenu(c) && !IsMenu(shared));
}

int main(void)
{
    create_and_fill();
    use_after_destroy();
    /* Before uniqueness(): Wine 8 mishandles a window made in a slot that
     * 2000 menus have used (its DestroyWindow then says ERROR_ACCESS_DENIED). */
    window_menus();
    no_cycles();
    uniqueness();
    load_indirect();
    return 0;
}
