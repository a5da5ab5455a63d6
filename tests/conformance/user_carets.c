/*
 * Carets against Wine: one per thread, in a window of that thread.
 * Create, move, show and hide (hiding counts), the one-per-thread rule,
 * destroy, use after destroy, and a caret going with its window. The
 * position is the thread's, caret or not (SetCaretPos with none works).
 */
#include "conformance.h"

static void check_result(const char *name, BOOL ok)
{
    check(name, ok ? "TRUE" : "FALSE");
}

static void check_pos(const char *name)
{
    POINT p = { -7, -7 };
    BOOL ok = GetCaretPos(&p);
    check(name, "%s %ld,%ld", ok ? "TRUE" : "FALSE", (long)p.x, (long)p.y);
}

static HWND make(const char *title, DWORD style, HWND parent)
{
    return CreateWindowExA(0, "WhCaret", title, style, 0, 0, 100, 100, parent, NULL, NULL,
                           NULL);
}

/* Without windows: every caret needs one of the calling thread. */
static void no_caret(void)
{
    /* NULL: Wine fails without an error, winhandle (as for any handle
     * that is not a window) with ERROR_INVALID_WINDOW_HANDLE. */
    check_result("create.null_window", CreateCaret(NULL, NULL, 2, 10));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("create.bad_window", CreateCaret((HWND)(ULONG_PTR)0x1234, NULL, 2, 10));
    check_pos("get_pos.none");
    check_result("set_pos.none", SetCaretPos(1, 2));
    check_result("show.none", ShowCaret(NULL));
    check_result("hide.none", HideCaret(NULL));
    check_result("destroy.none", DestroyCaret());
}

struct other {
    HWND window;
    BOOL create, get_pos, set_pos, show, hide, destroy;
    POINT pos;
};

/* Another thread sees its own caret (none), not the first thread's. */
static DWORD WINAPI other_thread(LPVOID arg)
{
    struct other *o = arg;
    SetLastError(UNTOUCHED_ERROR);
    o->create = CreateCaret(o->window, NULL, 2, 10);
    o->pos.x = o->pos.y = -7;
    o->get_pos = GetCaretPos(&o->pos);
    o->set_pos = SetCaretPos(50, 60);
    o->show = ShowCaret(o->window);
    o->hide = HideCaret(o->window);
    o->destroy = DestroyCaret();
    return 0;
}

static void one_window(void)
{
    HWND a = make("a", WS_POPUP, NULL), b = make("b", WS_POPUP, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("create", CreateCaret(a, NULL, 2, 10));
    check_pos("create.pos");
    check_bool("set_pos", SetCaretPos(5, 6));
    check_pos("get_pos");
    /* (GetCaretPos(NULL): Wine 8 says TRUE, winhandle fails with
     * ERROR_NOACCESS as for any pointer it cannot write.) */

    /* Made hidden: one ShowCaret shows it; hiding counts. */
    check_result("show", ShowCaret(a));
    check_result("show.null_window", ShowCaret(NULL));
    check_result("hide", HideCaret(a));
    check_result("hide.null_window", HideCaret(NULL));
    check_result("hide.again", HideCaret(a));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("show.other_window", ShowCaret(b));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("hide.other_window", HideCaret(b));
    check_result("show.once", ShowCaret(a));
    check_result("show.twice", ShowCaret(a));
    check_result("show.thrice", ShowCaret(a));

    struct other o = { .window = a };
    HANDLE t = CreateThread(NULL, 0, other_thread, &o, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check("other_thread", "create %d get_pos %d (%ld,%ld) set_pos %d show %d hide %d destroy %d",
          o.create, o.get_pos, (long)o.pos.x, (long)o.pos.y, o.set_pos, o.show, o.hide,
          o.destroy);
    check_pos("other_thread.pos_here");

    /* One per thread: a new caret replaces the old one. */
    check_bool("create.second", CreateCaret(b, NULL, 4, 4));
    check_pos("create.second.pos");
    check_result("show.old_window", ShowCaret(a));
    check_result("show.new_window", ShowCaret(b));

    check_bool("destroy", DestroyCaret());
    check_result("destroyed.destroy_again", DestroyCaret());
    check_pos("destroyed.get_pos");
    check_result("destroyed.set_pos", SetCaretPos(9, 9));
    check_pos("destroyed.get_pos_after_set");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroyed.show", ShowCaret(b));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroyed.hide", HideCaret(b));

    /* A caret goes with its window. */
    check_bool("create.third", CreateCaret(a, NULL, 2, 10));
    SetCaretPos(3, 4);
    DestroyWindow(a);
    check_pos("window_gone.get_pos");
    check_result("window_gone.show", ShowCaret(NULL));
    check_result("window_gone.destroy", DestroyCaret());
    SetLastError(UNTOUCHED_ERROR);
    check_bool("window_gone.create", CreateCaret(a, NULL, 2, 10));
    DestroyWindow(b);
}

int main(void)
{
    no_caret();
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "WhCaret" };
    RegisterClassA(&wc);
    one_window();
    return 0;
}
