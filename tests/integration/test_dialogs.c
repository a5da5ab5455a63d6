/*
 * Dialogs across processes and against bad templates: another process
 * finds a dialog's control by id and reads and writes its text by handle;
 * a template cut short at every length in front of unmapped memory, or
 * lying about its item count, or with an unterminated string, fails with
 * ERROR_NOACCESS or ERROR_INVALID_PARAMETER and makes no window at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <windows.h>

#include "../conformance/dialog_template.h"
#include "spawn_self.h"
#include "tap.h"

static int windows_made;

static LRESULT CALLBACK counting_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_NCCREATE)
        windows_made++;
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static void build(struct tmpl *t)
{
    static const WORD data[] = { 1, 2, 3 };
    t_dialog(t, WS_POPUP | DS_SETFONT, 0, 2, 0, 0, 100, 50, "Counted", "cross");
    t_item(t, WS_CHILD | WS_VISIBLE, 0, 5, 5, 40, 12, 101, 0x81, NULL, "secret");
    t_data(t, NULL, 0);
    t_item(t, WS_CHILD | WS_VISIBLE, 0, 5, 20, 40, 12, 102, 0, "Counted", "counted");
    t_data(t, data, 3);
}

/* The reader: the parent's dialog by value. Exit code: a bit per failed
 * check. */
static int reader(HWND dlg)
{
    int bad = 0;
    char buf[32] = "";
    HWND edit = GetDlgItem(dlg, 101);
    if (!edit || GetDlgCtrlID(edit) != 101)
        bad |= 1;
    if (GetDlgItemTextA(dlg, 101, buf, sizeof(buf)) != 6 || strcmp(buf, "secret"))
        bad |= 2;
    if (!SetDlgItemTextA(dlg, 101, "from the child"))
        bad |= 4;
    RECT r = { 0, 0, 4, 8 };
    if (!MapDialogRect(dlg, &r) || r.right != 6 || r.bottom != 13)
        bad |= 8;
    SetLastError(0);
    if (GetDlgItem(dlg, 999) || GetLastError() != ERROR_CONTROL_ID_NOT_FOUND)
        bad |= 16;
    buf[0] = 0;
    GetClassNameA(dlg, buf, sizeof(buf));
    if (strcmp(buf, "#32770"))
        bad |= 32;
    return bad;
}

static void cross_process(void)
{
    struct tmpl t;
    t_dialog(&t, WS_POPUP | DS_SETFONT, 0, 1, 0, 0, 100, 50, NULL, "cross");
    t_item(&t, WS_CHILD | WS_VISIBLE, 0, 5, 5, 40, 12, 101, 0x81, NULL, "secret");
    t_data(&t, NULL, 0);
    HWND dlg = CreateDialogIndirectParamA(NULL, t_get(&t), NULL, NULL, 0);
    ok(dlg != NULL, "a dialog with an edit control");
    char args[64];
    snprintf(args, sizeof(args), "reader %lx", (unsigned long)(ULONG_PTR)dlg);
    PROCESS_INFORMATION pi;
    ok(spawn_self(args, FALSE, NULL, &pi), "start a reader");
    DWORD code = finish_child(&pi);
    ok(code == 0, "another process finds and reads the control by id (failed checks 0x%lx)",
       (unsigned long)code);
    char buf[32] = "";
    GetDlgItemTextA(dlg, 101, buf, sizeof(buf));
    ok(!strcmp(buf, "from the child"), "and wrote its text (\"%s\")", buf);
    ok(DestroyWindow(dlg), "the dialog destroyed");
}

/* Two pages, the second unmapped: bytes copied to the end of the first
 * run straight into nothing. */
static unsigned char *guarded;
static long page;

static LPCDLGTEMPLATEA at_edge(const void *bytes, size_t len)
{
    unsigned char *p = guarded + page - len;
    memcpy(p, bytes, len);
    return (LPCDLGTEMPLATEA)p;
}

static void truncated(void)
{
    struct tmpl t;
    build(&t);
    /* Templates are DWORD-aligned (items are aligned on the address), so
     * each copy starts on one: cuts every 4 bytes, the whole padded. */
    size_t need = (size_t)t.n * 2;
    if (t.n & 1)
        t_word(&t, 0);
    size_t full = (size_t)t.n * 2;
    int cuts = 0, failed_cleanly = 0, wrong = 0;
    DWORD first_error = 0;
    for (size_t len = 0; len < need; len += 4) {
        windows_made = 0;
        cuts++;
        SetLastError(0);
        HWND dlg = CreateDialogIndirectParamA(NULL, at_edge(t.w, len), NULL, NULL, 0);
        DWORD error = GetLastError();
        if (!dlg && windows_made == 0 && error == ERROR_NOACCESS)
            failed_cleanly++;
        else if (!wrong++)
            first_error = (DWORD)len;
        if (dlg)
            DestroyWindow(dlg);
    }
    ok(failed_cleanly == cuts,
       "each of %d shorter copies fails with ERROR_NOACCESS, no window made (%d did; the "
       "first other at %u bytes)",
       cuts, failed_cleanly, (unsigned)first_error);
    windows_made = 0;
    HWND dlg = CreateDialogIndirectParamA(NULL, at_edge(t.w, full), NULL, NULL, 0);
    ok(dlg && windows_made == 2, "the whole template, at the same edge, works (%d windows)",
       windows_made);
    WORD *count = &t.w[4]; /* cdit */
    *count = 0xffff;
    windows_made = 0;
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, at_edge(t.w, full), NULL, NULL, 0) &&
           GetLastError() == ERROR_NOACCESS && windows_made == 0,
       "65,535 items claimed, two there: ERROR_NOACCESS (%u), no window",
       (unsigned)GetLastError());
    DestroyWindow(dlg);
}

static void malformed(void)
{
    struct tmpl t;
    t_dialog(&t, WS_POPUP, 0, 0, 0, 0, 10, 10, NULL, "x");
    /* The title is a string; an ordinal there is no template. */
    t.w[t.n - 2] = 0xffff;
    t.w[t.n - 1] = 5;
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, t_get(&t), NULL, NULL, 0) &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "an ordinal title: ERROR_INVALID_PARAMETER (%u)", (unsigned)GetLastError());
    /* A title that never ends, up to the unmapped page. */
    WORD *w = (WORD *)(guarded);
    w[0] = (WORD)WS_POPUP;
    w[1] = (WORD)(WS_POPUP >> 16);
    for (long i = 2; i < page / 2; i++)
        w[i] = i < 9 ? 0 : 'a';
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, (LPCDLGTEMPLATEA)w, NULL, NULL, 0) &&
           GetLastError() == ERROR_NOACCESS,
       "an unterminated title: ERROR_NOACCESS (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, NULL, NULL, NULL, 0) &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "no template: ERROR_INVALID_PARAMETER (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, (LPCDLGTEMPLATEA)(guarded + page), NULL, NULL, 0) &&
           GetLastError() == ERROR_NOACCESS,
       "a template in unmapped memory: ERROR_NOACCESS (%u)", (unsigned)GetLastError());
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc > 2 && !strcmp(argv[1], "reader"))
        return reader((HWND)(ULONG_PTR)strtoul(argv[2], NULL, 16));
    WNDCLASSA wc = { .lpfnWndProc = counting_proc, .lpszClassName = "Counted",
                     .cbWndExtra = DLGWINDOWEXTRA };
    RegisterClassA(&wc);
    page = sysconf(_SC_PAGESIZE);
    guarded = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (guarded == MAP_FAILED || mprotect(guarded + page, (size_t)page, PROT_NONE))
        return 1;
    cross_process();
    truncated();
    malformed();
    return tap_done();
}
