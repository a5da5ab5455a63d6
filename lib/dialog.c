/*
 * Dialog boxes once made (lib/dialog_template.c makes them): the dialog
 * class's procedure DefDlgProcA, EndDialog for modeless dialogs, and the
 * helpers that find and use a dialog's controls by id.
 *
 * A dialog keeps its state in its window's extra bytes (DLGWINDOWEXTRA of
 * them, which the dialog class has and an application's dialog class must
 * ask for): the three Windows documents (DWLP_MSGRESULT, DWLP_DLGPROC,
 * DWLP_USER) and, after them, in the part Windows keeps for itself, a
 * mark saying the window was made as a dialog with its flags, its base
 * units and EndDialog's result. Being in the server, they are the same
 * for every process: another process's MapDialogRect or EndDialog works.
 */
#include <stdio.h>
#include <stdlib.h>

#include "dialog_private.h"

#define DIALOG_MARK 0x444c0000u /* "DL" in the high half of the flags */
#define DIALOG_ENDED 0x0001u

/* The extra bytes past DWLP_USER: flags, base units, result. */
#define DLG_FLAGS (DWLP_USER + (int)sizeof(LONG_PTR))
#define DLG_UNITS (DLG_FLAGS + 4)
#define DLG_RESULT (DLG_UNITS + 4)
#define DLG_FONT (DLG_RESULT + (int)sizeof(LONG_PTR)) /* GDI handles fit 32 bits */
_Static_assert(DLG_FONT + 4 <= DLGWINDOWEXTRA, "a dialog's state fits its extra bytes");

BOOL dialog_mark(HWND hwnd, LONG units, HFONT font)
{
    SetLastError(ERROR_SUCCESS);
    SetWindowLongA(hwnd, DLG_UNITS, units);
    if (GetLastError() != ERROR_SUCCESS) { /* a class without DLGWINDOWEXTRA bytes */
        if (font)
            DeleteObject(font);
        return FALSE;
    }
    SetWindowLongA(hwnd, DLG_FONT, (LONG)(ULONG_PTR)font);
    SetWindowLongA(hwnd, DLG_FLAGS, (LONG)DIALOG_MARK);
    return TRUE;
}


/* The flags of a window made as a dialog; FALSE (the last error left as
 * it was) for another window, FALSE with ERROR_INVALID_WINDOW_HANDLE for
 * no window. */
static BOOL dialog_flags(HWND hwnd, DWORD *flags)
{
    DWORD error = GetLastError();
    SetLastError(0);
    DWORD v = (DWORD)GetWindowLongA(hwnd, DLG_FLAGS);
    DWORD got = GetLastError();
    if (got == ERROR_INVALID_WINDOW_HANDLE)
        return FALSE;
    SetLastError(error);
    if ((v & 0xffff0000u) != DIALOG_MARK)
        return FALSE;
    *flags = v & 0xffffu;
    return TRUE;
}

/* The dialog's own font (a template's DS_SETFONT), or NULL. */
static HFONT dialog_font(HWND hwnd)
{
    DWORD flags;
    if (!dialog_flags(hwnd, &flags))
        return NULL;
    return (HFONT)(ULONG_PTR)(DWORD)GetWindowLongA(hwnd, DLG_FONT);
}

LONG WINAPI GetDialogBaseUnits(void)
{
    return MAKELONG(DIALOG_SYSTEM_UNIT_X, DIALOG_SYSTEM_UNIT_Y);
}

/* a * b / c rounded half away from zero, as Windows' MulDiv. */
static LONG mul_div(LONG a, LONG b, LONG c)
{
    long long p = (long long)a * b;
    long long q = (p >= 0 ? p + c / 2 : p - c / 2) / c;
    return (LONG)q;
}

void dialog_units_to_pixels(LONG units, RECT *r)
{
    LONG x = LOWORD(units), y = HIWORD(units);
    r->left = mul_div(r->left, x, 4);
    r->right = mul_div(r->right, x, 4);
    r->top = mul_div(r->top, y, 8);
    r->bottom = mul_div(r->bottom, y, 8);
}

BOOL WINAPI MapDialogRect(HWND hwnd, LPRECT rect)
{
    DWORD flags;
    if (!dialog_flags(hwnd, &flags))
        return FALSE;
    if (!rect)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    dialog_units_to_pixels(GetWindowLongA(hwnd, DLG_UNITS), rect);
    return TRUE;
}

/* Modeless: the dialog is hidden and keeps living until DestroyWindow;
 * the result waits in its extra bytes (a modal loop would read it). */
BOOL WINAPI EndDialog(HWND hwnd, INT_PTR result)
{
    DWORD flags;
    if (!dialog_flags(hwnd, &flags))
        return FALSE;
    SetWindowLongPtrA(hwnd, DLG_RESULT, (LONG_PTR)result);
    SetWindowLongA(hwnd, DLG_FLAGS, (LONG)(DIALOG_MARK | flags | DIALOG_ENDED));
    SetWindowPos(hwnd, NULL, 0, 0, 0, 0,
                 SWP_HIDEWINDOW | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE);
    return TRUE;
}

/* The messages whose answer is the dialog procedure's return value, not
 * DWLP_MSGRESULT (Windows documents the list in DialogProc). */
static int returns_directly(UINT msg)
{
    switch (msg) {
    case WM_INITDIALOG:
    case 0x0019: /* WM_CTLCOLOR */
    case 0x002e: /* WM_VKEYTOITEM */
    case 0x002f: /* WM_CHARTOITEM */
    case 0x0037: /* WM_QUERYDRAGICON */
    case 0x0039: /* WM_COMPAREITEM */
        return 1;
    default:
        return msg >= 0x0132 && msg <= 0x0138; /* WM_CTLCOLORMSGBOX..STATIC */
    }
}

LRESULT WINAPI DefDlgProcA(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    DWORD error = GetLastError();
    DLGPROC proc = (DLGPROC)GetWindowLongPtrA(hwnd, DWLP_DLGPROC);
    SetLastError(error); /* a window with no dialog bytes just has no procedure */
    if (proc) {
        SetWindowLongPtrA(hwnd, DWLP_MSGRESULT, 0);
        INT_PTR r = proc(hwnd, msg, wparam, lparam);
        if (r || !IsWindow(hwnd)) {
            if (returns_directly(msg) || !IsWindow(hwnd))
                return r;
            return GetWindowLongPtrA(hwnd, DWLP_MSGRESULT);
        }
    }
    switch (msg) {
    case WM_INITDIALOG:
        return 0;
    case WM_GETFONT:
        return (LRESULT)dialog_font(hwnd);
    case WM_NCDESTROY: { /* the template's font goes with its dialog */
        HFONT font = dialog_font(hwnd);
        if (font) {
            SetWindowLongA(hwnd, DLG_FONT, 0);
            DeleteObject(font);
        }
        break;
    }
    }
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

/* ---- controls by id ---- */

/* One request: the server searches the children. */
HWND WINAPI GetDlgItem(HWND hwnd, int id)
{
    struct wh_get_dialog_item_request req = { .id = (uint64_t)(int64_t)id,
                                               .handle = user_to_wire(hwnd) };
    struct wh_get_dialog_item_reply reply;
    if (!set_result(SERVER_CALL(get_dialog_item, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.result);
}

int WINAPI GetDlgCtrlID(HWND hwnd)
{
    return (int)GetWindowLongPtrA(hwnd, GWLP_ID);
}

BOOL WINAPI SetDlgItemTextA(HWND hwnd, int id, LPCSTR text)
{
    HWND item = GetDlgItem(hwnd, id);
    return item ? SetWindowTextA(item, text) : FALSE;
}

/* One round trip: the item and its text (or its procedure) together. */
UINT WINAPI GetDlgItemTextA(HWND hwnd, int id, LPSTR buf, int max)
{
    int n = 0;
    if (buf && max > 0)
        n = read_window_text(hwnd, &id, buf, max);
    else if (!GetDlgItem(hwnd, id))
        n = -1;
    if (n < 0) {
        if (buf && max > 0)
            buf[0] = 0;
        return 0;
    }
    SetLastError(ERROR_SUCCESS); /* as Windows: the text was read */
    return (UINT)n;
}

BOOL WINAPI SetDlgItemInt(HWND hwnd, int id, UINT value, BOOL is_signed)
{
    char text[16];
    if (is_signed)
        snprintf(text, sizeof(text), "%d", (int)value);
    else
        snprintf(text, sizeof(text), "%u", value);
    return SetDlgItemTextA(hwnd, id, text);
}

/* Leading spaces, a sign if signed, decimal digits up to the first
 * other character (the documented translation); out of range fails. */
UINT WINAPI GetDlgItemInt(HWND hwnd, int id, BOOL *translated, BOOL is_signed)
{
    char text[64];
    if (translated)
        *translated = FALSE;
    if (!GetDlgItemTextA(hwnd, id, text, sizeof(text)))
        return 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    int negative = is_signed && *p == '-';
    if (is_signed && (*p == '-' || *p == '+'))
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    unsigned long long v = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((v = v * 10 + (unsigned)(*p - '0')) > 0xffffffffull)
            return 0;
    if (is_signed && v > (negative ? 0x80000000ull : 0x7fffffffull))
        return 0;
    if (translated)
        *translated = TRUE;
    return negative ? (UINT)(-(long long)v) : (UINT)v;
}
