/*
 * The thread's message loop: PeekMessageA, GetMessageA, PostQuitMessage,
 * WaitMessage, MsgWaitForMultipleObjects(Ex), DispatchMessageA and
 * TranslateMessage, so a program ported from Windows keeps its loop.
 *
 * It is the smallest loop that is honest (winuser.h says what it covers):
 * the queue holds the DDEML work meant for the thread's instances and
 * WM_QUIT, nothing else. DDE work waits in the server (server/dde.c), and
 * the thread's queue object there is signaled while it does
 * (server/queue.c); a peek runs it through the DDE pump, which calls the
 * callbacks as DispatchMessage of DDEML's windows' messages would on
 * Windows. WM_QUIT is this thread's own business (only the thread posts
 * it), so it lives here, in thread-local state, and never costs a round
 * trip.
 *
 * Windows reports input to MsgWaitForMultipleObjects when it is new since
 * the thread last looked at its queue (MWMO_INPUTAVAILABLE: whenever there
 * is some). For WM_QUIT, quit_new says that. DDE work needs no such flag:
 * a peek takes all of it, so whatever is left is new.
 */
#include "window_private.h"

/* PostQuitMessage's WM_QUIT, until a peek removes it. */
static __thread BOOL quit_posted;
static __thread int quit_code;
/* Posted since the thread last peeked (Windows' "changed" queue bits). */
static __thread BOOL quit_new;

/* The wake bits that take DDE work (posted and sent messages on Windows)
 * and WM_QUIT (a posted message). */
#define DDE_WAKE (QS_POSTMESSAGE | QS_SENDMESSAGE | QS_ALLPOSTMESSAGE)
#define QUIT_WAKE (QS_POSTMESSAGE | QS_ALLPOSTMESSAGE)

/* A hwnd filter: NULL, -1 (messages without a window) or a window. */
static BOOL valid_filter(HWND hwnd)
{
    return !hwnd || hwnd == (HWND)-1 || IsWindow(hwnd);
}

/* The queue bits a peek's PM_QS_ flags take (none given: all). */
static UINT peek_mask(UINT flags)
{
    UINT mask = flags >> 16;
    return mask ? mask : QS_ALLINPUT | QS_ALLPOSTMESSAGE;
}

/* Would the filter take DDEML's messages: its windows', whatever their
 * handle, in the WM_DDE range, posted or sent? */
static BOOL takes_dde(HWND hwnd, UINT first, UINT last, UINT mask)
{
    BOOL range = (!first && !last) || (first <= WM_DDE_FIRST && last >= WM_DDE_LAST);
    return !hwnd && range && (mask & DDE_WAKE) && !dde_pump_running();
}

/* WM_QUIT into *msg: Windows gives it whatever the window and range
 * filters say, but not to a PM_QS_ mask without posted messages. */
static BOOL take_quit(MSG *msg, UINT mask, UINT flags)
{
    if (!(mask & QUIT_WAKE))
        return FALSE;
    quit_new = FALSE;
    if (!quit_posted)
        return FALSE;
    msg->hwnd = NULL;
    msg->message = WM_QUIT;
    msg->wParam = (WPARAM)quit_code;
    msg->lParam = 0;
    msg->time = GetTickCount();
    msg->pt.x = msg->pt.y = 0;
    if (flags & PM_REMOVE)
        quit_posted = FALSE;
    /* Windows shows every retrieved message to WH_GETMESSAGE, WM_QUIT too,
     * with wParam PM_REMOVE or not (checked against Wine). */
    BOOL called;
    call_hooks(WH_GETMESSAGE, HC_ACTION, flags & PM_REMOVE, (LPARAM)msg, &called);
    return TRUE;
}

/* A peek whose arguments were checked. */
static BOOL peek(MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags)
{
    UINT mask = peek_mask(flags);
    if (takes_dde(hwnd, first, last, mask))
        dde_pump();
    return take_quit(msg, mask, flags);
}

BOOL WINAPI PeekMessageA(LPMSG msg, HWND hwnd, UINT first, UINT last, UINT flags)
{
    /* Unknown flags are taken, as Wine takes them; Windows documents no
     * error for them. */
    if (!msg)
        return FAIL(ERROR_NOACCESS, FALSE);
    if (!valid_filter(hwnd))
        return FALSE; /* IsWindow's ERROR_INVALID_WINDOW_HANDLE */
    return peek(msg, hwnd, first, last, flags);
}

BOOL WINAPI GetMessageA(LPMSG msg, HWND hwnd, UINT first, UINT last)
{
    if (!msg)
        return FAIL(ERROR_NOACCESS, -1);
    if (!valid_filter(hwnd))
        return -1;
    BOOL dde = takes_dde(hwnd, first, last, peek_mask(0));
    while (!peek(msg, hwnd, first, last, PM_REMOVE)) {
        /* Nothing but DDE work can come (another thread cannot post to
         * this one): wait for it, or, with a filter that refuses it,
         * forever, as Windows would for messages that never come. */
        if (!dde) {
            Sleep(INFINITE);
            continue;
        }
        if (wait_objects(0, NULL, FALSE, INFINITE, NULL, TRUE) == WAIT_FAILED)
            return -1;
    }
    return msg->message != WM_QUIT;
}

void WINAPI PostQuitMessage(int code)
{
    quit_posted = TRUE;
    quit_new = TRUE;
    quit_code = code;
}

/* Is WM_QUIT input for this wait already? */
static BOOL quit_ready(DWORD mask, DWORD flags)
{
    if (!(mask & QUIT_WAKE))
        return FALSE;
    return quit_new || ((flags & MWMO_INPUTAVAILABLE) && quit_posted);
}

DWORD WINAPI MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, DWORD timeout,
                                         DWORD mask, DWORD flags)
{
    /* MWMO_ALERTABLE: no APCs exist here, so nothing alerts the wait.
     * Unknown flags and wake bits are taken, as Wine takes them. */
    BOOL all = (flags & MWMO_WAITALL) != 0;
    if (count > MAXIMUM_WAIT_OBJECTS - 1)
        return FAIL(ERROR_INVALID_PARAMETER, WAIT_FAILED);
    if (count && !handles)
        return FAIL(ERROR_NOACCESS, WAIT_FAILED);
    if (quit_ready(mask, flags)) {
        /* The input is there: only the handles are left to ask about. A
         * signaled handle comes first in a wait-any, as in Windows'. */
        if (!count)
            return WAIT_OBJECT_0;
        DWORD r = wait_objects(count, handles, all, all ? timeout : 0, NULL, FALSE);
        return !all && r == WAIT_TIMEOUT ? WAIT_OBJECT_0 + count : r;
    }
    if ((mask & DDE_WAKE) && !dde_pump_running())
        return wait_objects(count, handles, all, timeout, NULL, TRUE);
    if (count)
        return wait_objects(count, handles, all, timeout, NULL, FALSE);
    Sleep(timeout); /* no input of the kinds asked for can come */
    return WAIT_TIMEOUT;
}

DWORD WINAPI MsgWaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all,
                                       DWORD timeout, DWORD mask)
{
    return MsgWaitForMultipleObjectsEx(count, handles, timeout, mask,
                                       wait_all ? MWMO_WAITALL : 0);
}

BOOL WINAPI WaitMessage(void)
{
    return MsgWaitForMultipleObjectsEx(0, NULL, INFINITE, QS_ALLINPUT, 0) != WAIT_FAILED;
}

LRESULT WINAPI DispatchMessageA(const MSG *msg)
{
    if (!msg)
        return FAIL(ERROR_NOACCESS, 0);
    if (!msg->hwnd)
        return 0; /* a thread message: no procedure to call (Wine's answer) */
    return dispatch_to_window(msg->hwnd, msg->message, msg->wParam, msg->lParam);
}

BOOL WINAPI TranslateMessage(const MSG *msg)
{
    if (!msg)
        return FALSE;
    switch (msg->message) {
    case WM_KEYDOWN:
    case WM_KEYUP:
    case WM_SYSKEYDOWN:
    case WM_SYSKEYUP:
        return TRUE; /* documented so "regardless of the translation" */
    default:
        return FALSE;
    }
}
