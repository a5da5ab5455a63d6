/*
 * Carets against Wine, as far as they go without windows: every caret
 * needs a window of the calling thread, so with none CreateCaret fails; the
 * others succeed and do nothing when the thread has no caret, as in Wine.
 * (When windows come, this file grows the create/move/show/hide checks.)
 */
#include "conformance.h"

int main(void)
{
    /* NULL: Wine fails without an error, winhandle (as for any handle
     * that is not a window) with ERROR_INVALID_WINDOW_HANDLE. */
    check("create.null_window", "%s", CreateCaret(NULL, NULL, 2, 10) ? "TRUE" : "FALSE");
    SetLastError(UNTOUCHED_ERROR);
    check_bool("create.bad_window", CreateCaret((HWND)(ULONG_PTR)0x1234, NULL, 2, 10));
    POINT p = { 7, 7 };
    check("get_pos.none", "%s", GetCaretPos(&p) ? "TRUE" : "FALSE");
    check("set_pos.none", "%s", SetCaretPos(1, 2) ? "TRUE" : "FALSE");
    check("show.none", "%s", ShowCaret(NULL) ? "TRUE" : "FALSE");
    check("hide.none", "%s", HideCaret(NULL) ? "TRUE" : "FALSE");
    check("destroy.none", "%s", DestroyCaret() ? "TRUE" : "FALSE");
    return 0;
}
