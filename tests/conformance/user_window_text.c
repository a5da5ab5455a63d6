/*
 * GetWindowTextA on the calling thread's windows against Wine: it sends
 * WM_GETTEXT, so the procedure decides. A procedure that passes it to
 * DefWindowProcA, one that changes the text first, one that answers
 * itself, one that reads another window's text first, one that gives
 * DefWindowProcA a short buffer of its own; and GetDlgItemTextA.
 * (winhandle answers DefWindowProcA with the text GetWindowTextA has just
 * read while nothing has happened in between: these are the cases where
 * something has.)
 */
#include "msg_log.h"

#define CLASS "WhText"

enum mode { PASS, CHANGE_FIRST, ANSWER_ITSELF, READ_OTHER_FIRST, SHORT_BUFFER };

static enum mode mode;
static HWND other;

static LRESULT CALLBACK text_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg != WM_GETTEXT)
        return DefWindowProcA(hwnd, msg, wp, lp);
    char small[4], elsewhere[32];
    switch (mode) {
    case CHANGE_FIRST:
        mode = PASS;
        SetWindowTextA(hwnd, "changed in WM_GETTEXT");
        break;
    case ANSWER_ITSELF:
        if (wp > 0) {
            snprintf((char *)lp, wp, "%s", "my own answer");
            return (LRESULT)strlen((char *)lp);
        }
        return 0;
    case READ_OTHER_FIRST:
        GetWindowTextA(other, elsewhere, sizeof(elsewhere));
        log_msg("other=\"%s\"", elsewhere);
        break;
    case SHORT_BUFFER: {
        LRESULT n = DefWindowProcA(hwnd, WM_GETTEXT, sizeof(small), (LPARAM)small);
        log_msg("short=%ld \"%s\"", (long)n, small);
        break;
    }
    case PASS:
        break;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static void read_text(const char *name, HWND hwnd, int max)
{
    char buf[64];
    memset(buf, 'x', sizeof(buf));
    int n = GetWindowTextA(hwnd, buf, max);
    log_msg("%d \"%s\"", n, buf);
    check_log(name);
}

int main(void)
{
    WNDCLASSA wc = { .lpfnWndProc = text_proc, .lpszClassName = CLASS };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, CLASS, "first text", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    other = CreateWindowExA(0, "Static", "the other one", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                            NULL, NULL);
    check_yes("made", w && other);

    mode = PASS;
    read_text("pass", w, 64);
    read_text("pass.short", w, 6);
    read_text("pass.one", w, 1);
    mode = CHANGE_FIRST;
    read_text("change_first", w, 64);
    read_text("change_first.after", w, 64);
    mode = ANSWER_ITSELF;
    read_text("answer_itself", w, 64);
    mode = READ_OTHER_FIRST;
    read_text("read_other_first", w, 64);
    mode = SHORT_BUFFER;
    read_text("short_buffer", w, 64);
    mode = PASS;
    SetWindowTextA(w, "");
    read_text("empty", w, 64);
    SetWindowTextA(w, "again");
    read_text("set_again", w, 64);

    HWND dlg = CreateWindowExA(0, CLASS, "dialog", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                               NULL);
    HWND item = CreateWindowExA(0, "Edit", "item text", WS_CHILD, 0, 0, 1, 1, dlg,
                                (HMENU)(ULONG_PTR)7, NULL, NULL);
    char buf[32];
    check_yes("item.made", item != NULL);
    check("dlg_item_text", "%u \"%s\"", GetDlgItemTextA(dlg, 7, buf, sizeof(buf)), buf);
    SetDlgItemTextA(dlg, 7, "changed item");
    check("dlg_item_text.after_set", "%u \"%s\"", GetDlgItemTextA(dlg, 7, buf, sizeof(buf)),
          buf);
    DestroyWindow(dlg);
    DestroyWindow(other);
    DestroyWindow(w);
    return 0;
}
