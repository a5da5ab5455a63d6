/*
 * Benchmark cases of dialog boxes: a modeless dialog's whole life from an
 * in-memory template (the dialog and three controls), and reading a
 * control's text by id. Under Wine, dialogs need its null display driver
 * (run.sh sets it in the bench prefix).
 */
#include "../tests/conformance/dialog_template.h"
#include "bench.h"

static struct tmpl g_template;
static HWND g_dialog;

static const char *setup_template(void)
{
    struct tmpl *t = &g_template;
    t_dialog(t, WS_POPUP | DS_SETFONT, 0, 3, 0, 0, 200, 100, NULL, "bench dialog");
    t_item(t, WS_CHILD | WS_VISIBLE | WS_TABSTOP, 0, 5, 5, 50, 14, IDOK, 0x80, NULL, "OK");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE, 0, 5, 25, 60, 8, 100, 0x82, NULL, "Label:");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE | WS_TABSTOP, 0, 70, 25, 80, 12, 101, 0x81, NULL,
           "some text");
    t_data(t, NULL, 0);
    return NULL;
}

static INT_PTR CALLBACK dialog_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    (void)hwnd;
    (void)wp;
    (void)lp;
    return msg == WM_INITDIALOG;
}

static const char *dialog_once(void)
{
    HWND dlg = CreateDialogIndirectParamA(NULL, t_get(&g_template), NULL, dialog_proc, 0);
    if (!dlg)
        return bench_failed("CreateDialogIndirectParamA");
    return DestroyWindow(dlg) ? NULL : bench_failed("DestroyWindow");
}

static const char *run_dialog(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, dialog_once);
}

static const char *setup_item(void)
{
    setup_template();
    g_dialog = CreateDialogIndirectParamA(NULL, t_get(&g_template), NULL, dialog_proc, 0);
    return g_dialog ? NULL : bench_failed("CreateDialogIndirectParamA");
}

static void teardown_item(void)
{
    DestroyWindow(g_dialog);
    g_dialog = NULL;
}

static const char *item_once(void)
{
    char text[32];
    return GetDlgItemTextA(g_dialog, 101, text, sizeof(text)) == 9
               ? NULL
               : bench_failed("GetDlgItemTextA");
}

static const char *run_item(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, item_once);
}

static const struct bench_case dialog_cases[] = {
    { "dialog_create_destroy", "CreateDialogIndirectParamA (a dialog, 3 controls) + "
      "DestroyWindow", setup_template, run_dialog, NULL, 0 },
    { "dialog_item_text", "GetDlgItemTextA of the third control of a dialog", setup_item,
      run_item, teardown_item, 0 },
};

const struct bench_group bench_dialog = {
    "dialog", dialog_cases, BENCH_COUNT(dialog_cases), NULL, 0,
};
