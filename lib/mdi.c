/*
 * The multiple-document interface, as far as windows without pixels
 * have one: the MDI client window (the system class "MDIClient", made by
 * the application with a CLIENTCREATESTRUCT) and the MDI children made in
 * it by CreateMDIWindowA or WM_MDICREATE. A child gets WS_EX_MDICHILD,
 * the child styles Windows adds, the id idFirstChild plus the number of
 * children before it, and in its WM_NCCREATE and WM_CREATE a
 * CREATESTRUCT whose lpCreateParams is the MDICREATESTRUCTA (its lParam
 * the application's value), as Windows documents. A child an application
 * makes with CreateWindowExA and WS_EX_MDICHILD in a client is made the
 * same way, lParam being CreateWindowExA's lpParam.
 *
 * There is no activation, no maximising, no window menu: DefFrameProcA and
 * DefMDIChildProcA do what DefWindowProcA does.
 */
#include <strings.h>

#include "window_private.h"

/* The client's extra bytes (MDI_CLIENT_EXTRA): idFirstChild and a mark
 * that the client was made with a CLIENTCREATESTRUCT. */
#define MDI_FIRST_ID 0
#define MDI_FLAGS 4
#define MDI_MARK 0x4d444900 /* "MDI" */

_Static_assert(MDI_FLAGS + 4 <= MDI_CLIENT_EXTRA, "the MDI client's state fits");

static int count_mdi_children(HWND client)
{
    int n = 0;
    for (HWND c = GetWindow(client, GW_CHILD); c; c = GetWindow(c, GW_HWNDNEXT))
        n += (GetWindowLongA(c, GWL_EXSTYLE) & WS_EX_MDICHILD) != 0;
    return n;
}

/* Set while create_child's own CreateWindowExA runs. */
static __thread int creating_child;

static HWND create_child(HWND client, const MDICREATESTRUCTA *mcs)
{
    if (!mcs)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    DWORD style = mcs->style | WS_CHILD | WS_CLIPSIBLINGS;
    if (!(GetWindowLongA(client, GWL_STYLE) & MDIS_ALLCHILDSTYLES))
        style |= WS_CAPTION | WS_SYSMENU | WS_THICKFRAME | WS_MINIMIZEBOX | WS_MAXIMIZEBOX;
    UINT id = (UINT)GetWindowLongA(client, MDI_FIRST_ID) + (UINT)count_mdi_children(client);
    creating_child++;
    HWND hwnd = CreateWindowExA(WS_EX_MDICHILD, mcs->szClass, mcs->szTitle, style, mcs->x,
                                mcs->y, mcs->cx, mcs->cy, client, (HMENU)(UINT_PTR)id,
                                (HINSTANCE)mcs->hOwner, (LPVOID)mcs);
    creating_child--;
    return hwnd;
}

static int is_mdi_client(HWND hwnd)
{
    char name[16];
    DWORD error = GetLastError();
    int yes = GetClassNameA(hwnd, name, sizeof(name)) && !strcasecmp(name, "MDIClient");
    SetLastError(error);
    return yes;
}

HWND mdi_child_from_create(DWORD ex_style, LPCSTR cls, LPCSTR title, DWORD style, int x,
                           int y, int cx, int cy, HWND client, HINSTANCE inst, LPVOID param,
                           BOOL *handled)
{
    *handled = (ex_style & WS_EX_MDICHILD) && !creating_child && is_mdi_client(client);
    if (!*handled)
        return NULL;
    MDICREATESTRUCTA mcs = {
        .szClass = cls, .szTitle = title, .hOwner = inst, .x = x, .y = y, .cx = cx, .cy = cy,
        .style = style, .lParam = (LPARAM)param,
    };
    return create_child(client, &mcs);
}

LRESULT CALLBACK mdi_client_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    switch (msg) {
    case WM_CREATE: {
        const CREATESTRUCTA *cs = (const CREATESTRUCTA *)lparam;
        const CLIENTCREATESTRUCT *ccs = cs ? cs->lpCreateParams : NULL;
        if (ccs) {
            SetWindowLongA(hwnd, MDI_FIRST_ID, (LONG)ccs->idFirstChild);
            SetWindowLongA(hwnd, MDI_FLAGS, MDI_MARK);
        }
        return 0;
    }
    case WM_MDICREATE:
        return (LRESULT)create_child(hwnd, (const MDICREATESTRUCTA *)lparam);
    case WM_MDIDESTROY:
        return DestroyWindow((HWND)wparam);
    default:
        return DefWindowProcA(hwnd, msg, wparam, lparam);
    }
}

/* What Windows does: WM_MDICREATE to the client, whose procedure makes
 * the child (so a client another thread owns makes none here). */
HWND WINAPI CreateMDIWindowA(LPCSTR cls, LPCSTR title, DWORD style, int x, int y, int cx,
                             int cy, HWND client, HINSTANCE inst, LPARAM lparam)
{
    MDICREATESTRUCTA mcs = {
        .szClass = cls, .szTitle = title, .hOwner = inst, .x = x, .y = y, .cx = cx, .cy = cy,
        .style = style, .lParam = lparam,
    };
    if (!IsWindow(client))
        return NULL;
    BOOL sent;
    return (HWND)send_message(client, WM_MDICREATE, 0, (LPARAM)&mcs, &sent);
}

LRESULT WINAPI DefMDIChildProcA(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

LRESULT WINAPI DefFrameProcA(HWND hwnd, HWND client, UINT msg, WPARAM wparam, LPARAM lparam)
{
    (void)client;
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}
