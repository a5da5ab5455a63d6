/*
 * The system window classes and dialog boxes against Wine: the classes
 * every process has without registering them ("#32770", "Button",
 * "Static", "Edit", "MDIClient"...), dialogs made from in-memory
 * templates (DLGTEMPLATE and DLGTEMPLATEEX) with their controls, the
 * dialog procedure and its messages, the dialog's extra bytes, the
 * control helpers, EndDialog on a modeless dialog, destruction and use
 * after it, and CreateDialogParamA from a module that has no dialog
 * resources. Only the messages of a window's life, WM_SETFONT and
 * WM_INITDIALOG are logged: Wine sends others (WM_SIZE, WM_ACTIVATE...)
 * that winhandle, with no pixels and no input, does not.
 */
#include "conformance.h"
#include "msg_log.h"
#include "dialog_template.h"


static HWND the_dialog, init_focus;
static HFONT dialog_font;
static LPARAM init_param;
static int destroy_in_init;

static const char *msg_name(UINT msg)
{
    switch (msg) {
    case WM_NCCREATE: return "NCCREATE";
    case WM_CREATE: return "CREATE";
    case WM_DESTROY: return "DESTROY";
    case WM_NCDESTROY: return "NCDESTROY";
    case WM_INITDIALOG: return "INITDIALOG";
    case WM_SETFONT: return "SETFONT";
    default: return NULL;
    }
}

static INT_PTR CALLBACK dlg_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    const char *name = msg_name(msg);
    if (name)
        log_msg("dlg:%s", name);
    if (msg == WM_SETFONT)
        dialog_font = (HFONT)wp;
    if (msg == WM_INITDIALOG) {
        the_dialog = hwnd;
        init_focus = (HWND)wp;
        init_param = lp;
        if (destroy_in_init)
            DestroyWindow(hwnd);
        return TRUE;
    }
    return FALSE;
}

/* A control class of the application's: logs its life and its creation
 * data. */
static LRESULT CALLBACK ctl_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    const char *name = msg_name(msg);
    if (name)
        log_msg("ctl:%s", name);
    if (msg == WM_NCCREATE) {
        const CREATESTRUCTA *cs = (const CREATESTRUCTA *)lp;
        const WORD *data = cs->lpCreateParams;
        if (data)
            log_msg("data:%04x,%04x", data[0], data[1]);
        else
            log_msg("data:none");
        log_msg("id:%d", (int)(INT_PTR)cs->hMenu);
        log_msg("text:%s", cs->lpszName && !IS_INTRESOURCE(cs->lpszName) ? cs->lpszName
                           : cs->lpszName ? "ordinal" : "null");
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

/* A dialog class of the application's, as Windows' documentation shows
 * it: DLGWINDOWEXTRA extra bytes and DefDlgProcA behind its procedure. */
static LRESULT CALLBACK my_dlg_class_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_CREATE)
        log_msg("class:CREATE");
    return DefDlgProcA(hwnd, msg, wp, lp);
}

static void system_classes(void)
{
    static const char *const names[] = { "#32770", "button", "STATIC", "Edit", "MDIClient",
                                         "ListBox", "ScrollBar", "ComboBox" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        WNDCLASSA wc;
        memset(&wc, 0, sizeof(wc));
        check_bool(check_name("sysclass.info", names[i]), GetClassInfoA(NULL, names[i], &wc));
        check_yes(check_name("sysclass.proc", names[i]), wc.lpfnWndProc != NULL);
        check_yes(check_name("sysclass.name_is_callers", names[i]),
                  wc.lpszClassName == names[i]);
        /* Any instance finds a system class too. */
        check_bool(check_name("sysclass.info_module", names[i]),
                   GetClassInfoA(GetModuleHandleA(NULL), names[i], &wc));
        HWND w = CreateWindowExA(0, names[i], "text", WS_POPUP, 0, 0, 10, 10, NULL, NULL,
                                 NULL, NULL);
        check_handle(check_name("sysclass.create", names[i]), w);
        char buf[64] = "";
        GetClassNameA(w, buf, sizeof(buf));
        check(check_name("sysclass.class_name", names[i]), "%s", buf);
        DestroyWindow(w);
    }
    WNDCLASSA wc;
    GetClassInfoA(NULL, "#32770", &wc);
    check_yes("sysclass.dialog.extra", wc.cbWndExtra == DLGWINDOWEXTRA);
    WNDCLASSEXA ex = { .cbSize = sizeof(ex) };
    CHECK_INT("sysclass.dialog.atom", GetClassInfoExA(NULL, "#32770", &ex));
    check_bool("sysclass.dialog.by_atom", GetClassInfoA(NULL, WC_DIALOG, &wc));
    HWND w = CreateWindowExA(0, WC_DIALOG, "d", WS_POPUP, 0, 0, 10, 10, NULL, NULL, NULL,
                             NULL);
    char buf[64] = "";
    GetClassNameA(w, buf, sizeof(buf));
    check("sysclass.dialog.by_atom_name", "%s", buf);
    /* A plain window of the dialog class: its extra bytes are there. */
    CHECK_INT("sysclass.dialog.user", SetWindowLongPtrA(w, DWLP_USER, 77));
    CHECK_INT("sysclass.dialog.user_get", GetWindowLongPtrA(w, DWLP_USER));
    CHECK_INT("sysclass.dialog.past_end", GetWindowLongPtrA(w, DLGWINDOWEXTRA));
    DestroyWindow(w);
    /* Static and edit controls keep the text they were made with. */
    w = CreateWindowExA(0, "Edit", "typed", WS_POPUP, 0, 0, 10, 10, NULL, NULL, NULL, NULL);
    GetWindowTextA(w, buf, sizeof(buf));
    check("sysclass.edit.text", "%s", buf);
    check_bool("sysclass.edit.set_text", SetWindowTextA(w, "changed"));
    GetWindowTextA(w, buf, sizeof(buf));
    check("sysclass.edit.text_changed", "%s", buf);
    DestroyWindow(w);
}

/* A dialog with a button, a static, an edit, a control of the
 * application's class with creation data and one with an ordinal text. */
static void build_main(struct tmpl *t, DWORD style)
{
    static const WORD data[] = { 0x1234, 0x5678 };
    t_dialog(t, style, 0, 5, 10, 20, 200, 100, NULL, "Main dialog");
    t_item(t, WS_CHILD | WS_VISIBLE | WS_TABSTOP | BS_DEFPUSHBUTTON, 0, 5, 5, 50, 14, IDOK,
           0x80, NULL, "OK");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE | SS_LEFT, 0, 5, 25, 60, 8, 100, 0x82, NULL, "Label:");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE | WS_TABSTOP | ES_LEFT, 0, 70, 25, 80, 12, 101, 0x81, NULL,
           "edit me");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE, 0, 5, 45, 40, 10, 102, 0, "WhCtl", "custom");
    t_data(t, data, 2);
    t_item(t, WS_CHILD, 0, 5, 60, 40, 10, 103, 0, "WhCtl", "");
    /* overwrite the empty text with an ordinal */
    t->n--;
    t_ordinal(t, 7);
    t_data(t, NULL, 0);
}

static void check_class(const char *name, HWND hwnd)
{
    char buf[64] = "";
    GetClassNameA(hwnd, buf, sizeof(buf));
    check(name, "%s", buf);
}

static void dialog_basics(void)
{
    struct tmpl t;
    build_main(&t, WS_POPUP | WS_CAPTION | WS_SYSMENU | DS_MODALFRAME);
    SetLastError(UNTOUCHED_ERROR);
    HWND dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 0x4242);
    check_create("dialog.create", dlg);
    check_log("dialog.create.messages");
    check_yes("dialog.init.hwnd", the_dialog == dlg);
    check_yes("dialog.init.param", init_param == 0x4242);
    check_yes("dialog.init.focus_is_first_tabstop", init_focus == GetDlgItem(dlg, IDOK));
    check_class("dialog.class", dlg);
    char buf[64] = "";
    GetWindowTextA(dlg, buf, sizeof(buf));
    check("dialog.title", "%s", buf);
    check("dialog.style", "0x%08lx", (unsigned long)(DWORD)GetWindowLongA(dlg, GWL_STYLE));
    check("dialog.exstyle_modalframe", "%s",
          GetWindowLongA(dlg, GWL_EXSTYLE) & WS_EX_DLGMODALFRAME ? "yes" : "no");
    check_yes("dialog.dlgproc", GetWindowLongPtrA(dlg, DWLP_DLGPROC) == (LONG_PTR)dlg_proc);
    CHECK_INT("dialog.user_set", SetWindowLongPtrA(dlg, DWLP_USER, 99));
    CHECK_INT("dialog.user_get", GetWindowLongPtrA(dlg, DWLP_USER));
    check_yes("dialog.owner_none", GetWindow(dlg, GW_OWNER) == NULL);

    HWND ok = GetDlgItem(dlg, IDOK), label = GetDlgItem(dlg, 100), edit = GetDlgItem(dlg, 101);
    HWND custom = GetDlgItem(dlg, 102), ordinal = GetDlgItem(dlg, 103);
    check_yes("item.all", ok && label && edit && custom && ordinal);
    check_yes("item.parent", GetParent(ok) == dlg);
    check_yes("item.first_child", GetWindow(dlg, GW_CHILD) == ok);
    check_yes("item.order", GetWindow(ok, GW_HWNDNEXT) == label);
    check_class("item.class.ok", ok);
    check_class("item.class.label", label);
    check_class("item.class.edit", edit);
    check_class("item.class.custom", custom);
    CHECK_INT("item.id", GetDlgCtrlID(edit));
    check("item.style.ok", "0x%08lx", (unsigned long)(DWORD)GetWindowLongA(ok, GWL_STYLE));
    check("item.exstyle.ok", "0x%08lx", (unsigned long)(DWORD)GetWindowLongA(ok, GWL_EXSTYLE));
    check("item.style.ordinal", "0x%08lx", (unsigned long)(DWORD)GetWindowLongA(ordinal, GWL_STYLE));
    RECT dr, ir, mapped = { 0, 0, 50, 14 };
    GetClientRect(dlg, &dr);
    GetClientRect(ok, &ir);
    check_bool("item.map", MapDialogRect(dlg, &mapped));
    check_yes("item.size_in_dialog_units",
              ir.right == mapped.right - mapped.left && ir.bottom == mapped.bottom - mapped.top);
    mapped = (RECT){ 0, 0, 200, 100 };
    MapDialogRect(dlg, &mapped);
    check_yes("dialog.client_in_dialog_units",
              dr.right == mapped.right && dr.bottom == mapped.bottom);

    CHECK_INT("itemtext.get", GetDlgItemTextA(dlg, 101, buf, sizeof(buf)));
    check("itemtext.value", "%s", buf);
    check_bool("itemtext.set", SetDlgItemTextA(dlg, 101, "replaced"));
    GetWindowTextA(edit, buf, sizeof(buf));
    check("itemtext.value_set", "%s", buf);
    CHECK_INT("itemtext.truncated", GetDlgItemTextA(dlg, 101, buf, 4));
    check("itemtext.truncated_value", "%s", buf);
    check_bool("itemint.set", SetDlgItemInt(dlg, 101, (UINT)-12, TRUE));
    BOOL ok_int = FALSE;
    CHECK_INT("itemint.get", (int)GetDlgItemInt(dlg, 101, &ok_int, TRUE));
    check_yes("itemint.translated", ok_int);
    SetDlgItemTextA(dlg, 101, "12x");
    CHECK_INT("itemint.bad", (int)GetDlgItemInt(dlg, 101, &ok_int, TRUE));
    check_yes("itemint.bad_translated", ok_int);
    GetWindowTextA(ordinal, buf, sizeof(buf));
    CHECK_INT("itemtext.ordinal_length", GetWindowTextLengthA(ordinal));

    /* Wine sets no error for these two; Windows says
     * ERROR_CONTROL_ID_NOT_FOUND and ERROR_INVALID_WINDOW_HANDLE
     * (test_documented checks winhandle's). */
    check_yes("item.missing", GetDlgItem(dlg, 999) == NULL);
    check_yes("item.bad_dialog", GetDlgItem((HWND)(ULONG_PTR)0x1234, IDOK) == NULL);
    CHECK_INT("item.id_bad", GetDlgCtrlID((HWND)(ULONG_PTR)0x1234));
    strcpy(buf, "junk");
    /* The same two errors (winhandle's come from GetDlgItem). */
    check_yes("itemtext.missing", GetDlgItemTextA(dlg, 999, buf, sizeof(buf)) == 0);
    check("itemtext.missing_buffer", "%s", buf[0] ? buf : "(empty)");
    check_yes("itemtext.set_missing", !SetDlgItemTextA(dlg, 999, "x"));

    /* EndDialog on a modeless dialog hides it and destroys nothing. */
    check("dialog.visible_before_end", "%s",
          GetWindowLongA(dlg, GWL_STYLE) & WS_VISIBLE ? "yes" : "no");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("dialog.end", EndDialog(dlg, 5));
    check_bool("dialog.after_end_alive", IsWindow(dlg));
    check("dialog.visible_after_end", "%s",
          GetWindowLongA(dlg, GWL_STYLE) & WS_VISIBLE ? "yes" : "no");
    check_bool("dialog.end_again", EndDialog(dlg, 6));
    check_log("dialog.end.messages");

    check_bool("dialog.destroy", DestroyWindow(dlg));
    check_log("dialog.destroy.messages");
    check_yes("dialog.controls_gone", !IsWindow(ok) && !IsWindow(custom));
    check_yes("after.item", GetDlgItem(dlg, IDOK) == NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("after.end", EndDialog(dlg, 1));
    check_yes("after.set_text", !SetDlgItemTextA(dlg, 101, "x"));
    check_yes("after.get_text", GetDlgItemTextA(dlg, 101, buf, sizeof(buf)) == 0);
    RECT r = { 0, 0, 4, 8 };
    SetLastError(UNTOUCHED_ERROR);
    check_bool("after.map", MapDialogRect(dlg, &r));
}

static void dialog_variants(void)
{
    struct tmpl t;
    /* Visible from the template: shown once WM_INITDIALOG has run. */
    build_main(&t, WS_POPUP | WS_VISIBLE | DS_SETFONT);
    HWND dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 1);
    check_handle("visible.create", dlg);
    check("visible.style", "0x%08lx", (unsigned long)(DWORD)GetWindowLongA(dlg, GWL_STYLE));
    msg_log[0] = 0;
    {
        t_dialog(&t, WS_POPUP | WS_VISIBLE, 0, 0, 0, 0, 50, 50, NULL, "ends");
        HWND ends = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 1);
        check_bool("visible.end", EndDialog(ends, 3));
        check("visible.after_end", "%s",
              GetWindowLongA(ends, GWL_STYLE) & WS_VISIBLE ? "visible" : "hidden");
        check_bool("visible.alive_after_end", IsWindow(ends));
        DestroyWindow(ends);
        msg_log[0] = 0;
    }

    /* A child dialog of that one, and an owned one. */
    t_dialog(&t, WS_CHILD | WS_VISIBLE | DS_CONTROL, 0, 0, 0, 0, 50, 50, NULL, "child");
    HWND child = CreateDialogIndirectParamA(NULL, t_get(&t), dlg, dlg_proc, 2);
    check_handle("child.create", child);
    check_yes("child.parent", GetParent(child) == dlg);
    check("child.exstyle_controlparent", "%s",
          GetWindowLongA(child, GWL_EXSTYLE) & WS_EX_CONTROLPARENT ? "yes" : "no");
    check_yes("child.no_focus", init_focus == NULL);
    t_dialog(&t, WS_POPUP, 0, 0, 0, 0, 50, 50, NULL, "owned");
    HWND owned = CreateDialogIndirectParamA(NULL, t_get(&t), child, dlg_proc, 3);
    check_handle("owned.create", owned);
    check_yes("owned.owner_is_root", GetWindow(owned, GW_OWNER) == dlg);
    check_log("variants.messages");
    check_bool("variants.destroy", DestroyWindow(dlg));
    check_yes("variants.all_gone", !IsWindow(child) && !IsWindow(owned));
    msg_log[0] = 0;

    /* DLGTEMPLATEEX: DWORD ids, help ids, a font with weight and charset. */
    t_dialog_ex(&t, WS_POPUP | DS_SETFONT, WS_EX_TOOLWINDOW, 2, 0, 0, 100, 50, "Extended");
    t_item_ex(&t, WS_CHILD | WS_VISIBLE, 0, 1, 1, 20, 10, 0x12345, 0x80, NULL, "Big id");
    t_data(&t, NULL, 0);
    t_item_ex(&t, WS_CHILD | WS_VISIBLE | WS_TABSTOP, 0, 1, 20, 20, 10, 7, 0, "WhCtl", "c");
    static const WORD data[] = { 0xabcd };
    t_data(&t, data, 1);
    dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 4);
    check_handle("ex.create", dlg);
    check_log("ex.messages");
    char buf[32] = "";
    GetWindowTextA(dlg, buf, sizeof(buf));
    check("ex.title", "%s", buf);
    check("ex.exstyle_toolwindow", "%s",
          GetWindowLongA(dlg, GWL_EXSTYLE) & WS_EX_TOOLWINDOW ? "yes" : "no");
    check_yes("ex.big_id", GetDlgItem(dlg, 0x12345) != NULL);
    check_yes("ex.focus", init_focus == GetDlgItem(dlg, 7));
    LOGFONTA lf;
    memset(&lf, 0, sizeof(lf));
    check_yes("ex.font", GetObjectA(dialog_font, sizeof(lf), &lf) == sizeof(lf));
    check("ex.font.fields", "height %ld, weight %ld, face %s", (long)lf.lfHeight,
          (long)lf.lfWeight, lf.lfFaceName);
    DestroyWindow(dlg);
    check_yes("ex.font_deleted_with_dialog", GetObjectA(dialog_font, sizeof(lf), &lf) == 0);
    msg_log[0] = 0;

    /* The application's own dialog class. */
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = my_dlg_class_proc;
    wc.cbWndExtra = DLGWINDOWEXTRA;
    wc.lpszClassName = "WhDialog";
    RegisterClassA(&wc);
    t_dialog(&t, WS_POPUP, 0, 0, 0, 0, 50, 50, "WhDialog", "mine");
    dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 5);
    check_handle("myclass.create", dlg);
    check_log("myclass.messages");
    check_class("myclass.class", dlg);
    DestroyWindow(dlg);
    msg_log[0] = 0;
}

static void dialog_failures(void)
{
    struct tmpl t;
    t_dialog(&t, WS_POPUP, 0, 0, 0, 0, 50, 50, "NoSuchDialogClass", "x");
    /* Wine says ERROR_CLASS_DOES_NOT_EXIST, Windows
     * ERROR_CANNOT_FIND_WND_CLASS (test_documented). */
    check_yes("fail.dialog_class",
              !CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 0));
    check_log("fail.dialog_class.messages");

    t_dialog(&t, WS_POPUP, 0, 2, 0, 0, 50, 50, NULL, "x");
    t_item(&t, WS_CHILD, 0, 0, 0, 5, 5, 1, 0, "WhCtl", "before");
    t_data(&t, NULL, 0);
    t_item(&t, WS_CHILD, 0, 0, 0, 5, 5, 2, 0, "NoSuchControl", "y");
    t_data(&t, NULL, 0);
    /* The error is not checked: Wine clears it, winhandle keeps the
     * control's CreateWindowExA's. */
    check_yes("fail.control_class",
              !CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 0));
    check_log("fail.control_class.messages");

    t_dialog(&t, WS_POPUP | DS_NOFAILCREATE, 0, 2, 0, 0, 50, 50, NULL, "x");
    t_item(&t, WS_CHILD, 0, 0, 0, 5, 5, 1, 0, "WhCtl", "before");
    t_data(&t, NULL, 0);
    t_item(&t, WS_CHILD, 0, 0, 0, 5, 5, 2, 0, "NoSuchControl", "y");
    t_data(&t, NULL, 0);
    HWND dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 0);
    check_handle("nofail.create", dlg);
    check_yes("nofail.first_made", GetDlgItem(dlg, 1) != NULL);
    check_yes("nofail.second_missing", GetDlgItem(dlg, 2) == NULL);
    DestroyWindow(dlg);
    msg_log[0] = 0;

    /* A dialog procedure that destroys its dialog in WM_INITDIALOG. */
    t_dialog(&t, WS_POPUP, 0, 0, 0, 0, 50, 50, NULL, "x");
    destroy_in_init = 1;
    SetLastError(UNTOUCHED_ERROR);
    check_handle("fail.destroyed_in_init",
                 CreateDialogIndirectParamA(NULL, t_get(&t), NULL, dlg_proc, 0));
    destroy_in_init = 0;
    check_log("fail.destroyed_in_init.messages");

    /* No dialog procedure: the dialog works without one. */
    dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, NULL, 0);
    check_handle("noproc.create", dlg);
    DestroyWindow(dlg);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("fail.bad_owner",
                 CreateDialogIndirectParamA(NULL, t_get(&t), (HWND)(ULONG_PTR)0x1234, dlg_proc,
                                            0));
    msg_log[0] = 0;

    /* EndDialog and DefDlgProcA on a window that is no dialog. */
    HWND plain = CreateWindowExA(0, "Static", "plain", WS_POPUP, 0, 0, 5, 5, NULL, NULL, NULL,
                                 NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("enddialog.not_dialog", EndDialog(plain, 1));
    DestroyWindow(plain);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("enddialog.null", EndDialog(NULL, 1));

    /* This program has no dialog resources. */
    SetLastError(UNTOUCHED_ERROR);
    check_handle("resource.missing_id",
                 CreateDialogParamA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(100), NULL,
                                    dlg_proc, 0));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("resource.missing_name",
                 CreateDialogParamA(GetModuleHandleA(NULL), "NODIALOG", NULL, dlg_proc, 0));
    check_log("resource.messages");
}

int main(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = ctl_proc;
    wc.lpszClassName = "WhCtl";
    RegisterClassA(&wc);
    system_classes();
    dialog_basics();
    dialog_variants();
    dialog_failures();
    return 0;
}
