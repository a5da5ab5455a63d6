/*
 * Carets: one per thread, in a window of that thread; the server keeps
 * each thread's caret and position (server/caret.c), so every call is one
 * request.
 */
#include "user_private.h"

BOOL WINAPI CreateCaret(HWND window, HBITMAP bitmap, int width, int height)
{
    struct wh_create_caret_request req = {
        .window = user_to_wire(window), .bitmap = (uint32_t)(uintptr_t)bitmap,
        .width = width, .height = height,
    };
    struct wh_create_caret_reply reply;
    return set_result(SERVER_CALL(create_caret, &req, &reply, NULL, 0));
}

static BOOL caret_op(uint32_t op, HWND window, int x, int y, POINT *out)
{
    struct wh_caret_op_request req = {
        .op = op, .window = user_to_wire(window), .x = x, .y = y,
    };
    struct wh_caret_op_reply reply;
    if (!set_result(SERVER_CALL(caret_op, &req, &reply, NULL, 0)))
        return FALSE;
    if (out) {
        out->x = reply.x;
        out->y = reply.y;
    }
    return TRUE;
}

BOOL WINAPI DestroyCaret(void)
{
    return caret_op(WH_CARET_DESTROY, NULL, 0, 0, NULL);
}

BOOL WINAPI SetCaretPos(int x, int y)
{
    return caret_op(WH_CARET_SET_POS, NULL, x, y, NULL);
}

BOOL WINAPI GetCaretPos(LPPOINT point)
{
    POINT p;
    if (!caret_op(WH_CARET_GET_POS, NULL, 0, 0, &p))
        return FALSE;
    if (!point)
        return FAIL(ERROR_NOACCESS, FALSE);
    *point = p;
    return TRUE;
}

BOOL WINAPI ShowCaret(HWND window)
{
    return caret_op(WH_CARET_SHOW, window, 0, 0, NULL);
}

BOOL WINAPI HideCaret(HWND window)
{
    return caret_op(WH_CARET_HIDE, window, 0, 0, NULL);
}
