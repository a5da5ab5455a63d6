/*
 * MDI against Wine: a frame window, its MDI client (the system class
 * "MDIClient" made with a CLIENTCREATESTRUCT) and children made by
 * CreateMDIWindowA: their styles, ids, parent, the MDICREATESTRUCTA
 * their WM_CREATE carries, destruction, and the errors. Wine activates
 * and sizes children with messages winhandle does not send; only the
 * life-cycle messages are logged.
 */
#include "conformance.h"
#include "msg_log.h"


static HWND client;
static const void *app_param; /* CreateWindowExA's lpParam, for child3 */

static LRESULT CALLBACK child_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    char buf[128];
    switch (msg) {
    case WM_NCCREATE:
    case WM_CREATE: {
        const CREATESTRUCTA *cs = (const CREATESTRUCTA *)lp;
        const MDICREATESTRUCTA *mcs = cs->lpCreateParams;
        char param[32];
        if (mcs && app_param && mcs->lParam == (LPARAM)app_param)
            snprintf(param, sizeof(param), "the lpParam");
        else
            snprintf(param, sizeof(param), "%lx", mcs ? (long)mcs->lParam : -1L);
        snprintf(buf, sizeof(buf), "%s(lParam=%s title=%s exstyle_mdichild=%s parent=%s)",
                 msg == WM_CREATE ? "CREATE" : "NCCREATE", param,
                 mcs && mcs->szTitle ? mcs->szTitle : "?",
                 cs->dwExStyle & WS_EX_MDICHILD ? "yes" : "no",
                 cs->hwndParent == client ? "client" : "other");
        log_msg("%s", buf);
        break;
    }
    case WM_DESTROY:
        log_msg("%s", "DESTROY");
        break;
    case WM_NCDESTROY:
        log_msg("%s", "NCDESTROY");
        break;
    }
    return DefMDIChildProcA(hwnd, msg, wp, lp);
}

static LRESULT CALLBACK frame_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return DefFrameProcA(hwnd, client, msg, wp, lp);
}

static void check_class(const char *name, HWND hwnd)
{
    char buf[64] = "";
    GetClassNameA(hwnd, buf, sizeof(buf));
    check(name, "%s", buf);
}

int main(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = frame_proc;
    wc.lpszClassName = "WhFrame";
    RegisterClassA(&wc);
    wc.lpfnWndProc = child_proc;
    wc.lpszClassName = "WhMdiChild";
    RegisterClassA(&wc);

    HWND frame = CreateWindowExA(0, "WhFrame", "frame", WS_OVERLAPPEDWINDOW, 0, 0, 400, 300,
                                 NULL, NULL, NULL, NULL);
    check_handle("frame.create", frame);
    CLIENTCREATESTRUCT ccs = { NULL, 50000 };
    client = CreateWindowExA(0, "MDICLIENT", NULL, WS_CHILD | WS_CLIPCHILDREN | WS_VISIBLE, 0,
                             0, 400, 300, frame, (HMENU)0xcac, NULL, &ccs);
    check_handle("client.create", client);
    check_class("client.class", client);
    check_yes("client.parent", GetParent(client) == frame);

    SetLastError(UNTOUCHED_ERROR);
    HWND a = CreateMDIWindowA("WhMdiChild", "Doc A", 0, CW_USEDEFAULT, CW_USEDEFAULT,
                              CW_USEDEFAULT, CW_USEDEFAULT, client, NULL, 0x1234);
    check_handle("child.create", a);
    check_log("child.messages");
    check_yes("child.parent", GetParent(a) == client);
    CHECK_INT("child.id", GetDlgCtrlID(a));
    check("child.style", "0x%08lx",
          (unsigned long)(DWORD)GetWindowLongA(a, GWL_STYLE) & ~(unsigned long)WS_VISIBLE);
    check("child.exstyle_mdichild", "%s",
          GetWindowLongA(a, GWL_EXSTYLE) & WS_EX_MDICHILD ? "yes" : "no");
    char buf[64] = "";
    GetWindowTextA(a, buf, sizeof(buf));
    check("child.title", "%s", buf);
    check_class("child.class", a);

    HWND b = CreateMDIWindowA("WhMdiChild", "Doc B", WS_VISIBLE, 10, 10, 100, 80, client, NULL,
                              0x5678);
    check_handle("child2.create", b);
    check_log("child2.messages");
    CHECK_INT("child2.id", GetDlgCtrlID(b));
    RECT r;
    GetClientRect(b, &r);
    check_yes("child2.has_size", r.right > 0 && r.bottom > 0);

    /* An MDI child made by CreateWindowExA: its procedure gets an
     * MDICREATESTRUCTA all the same, with lParam the lpParam. */
    static int some_data;
    app_param = &some_data;
    HWND c = CreateWindowExA(WS_EX_MDICHILD, "WhMdiChild", "Doc C", 0, 0, 0, 50, 50, client,
                             NULL, NULL, &some_data);
    check_handle("child3.create", c);
    check_log("child3.messages");
    CHECK_INT("child3.id", GetDlgCtrlID(c));
    check("child3.style", "0x%08lx",
          (unsigned long)(DWORD)GetWindowLongA(c, GWL_STYLE) & ~(unsigned long)WS_VISIBLE);

    /* Wine: ERROR_CLASS_DOES_NOT_EXIST; Windows and winhandle:
     * ERROR_CANNOT_FIND_WND_CLASS (test_documented). */
    check_yes("bad.class",
              !CreateMDIWindowA("NoSuchClass", "x", 0, 0, 0, 10, 10, client, NULL, 0));
    check_log("bad.class.messages");
    /* No client: Wine sets no error, winhandle ERROR_INVALID_WINDOW_HANDLE
     * as for any call given no window. */
    check_yes("bad.parent", !CreateMDIWindowA("WhMdiChild", "x", 0, 0, 0, 10, 10,
                                              (HWND)(ULONG_PTR)0x1234, NULL, 0));
    HWND plain = CreateWindowExA(0, "Static", "x", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("bad.not_client",
                 CreateMDIWindowA("WhMdiChild", "x", 0, 0, 0, 10, 10, plain, NULL, 0));
    DestroyWindow(plain);
    check_log("bad.parent.messages");

    check_bool("child.destroy", DestroyWindow(a));
    check_log("child.destroy.messages");
    check_yes("child.gone", !IsWindow(a));
    check_bool("frame.destroy", DestroyWindow(frame));
    check_log("frame.destroy.messages");
    check_yes("all.gone", !IsWindow(client) && !IsWindow(b));
    check_yes("after.parent",
              !CreateMDIWindowA("WhMdiChild", "x", 0, 0, 0, 10, 10, client, NULL, 0));
    return 0;
}
