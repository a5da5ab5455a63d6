/*
 * Where Wine, the conformance oracle, departs from Microsoft's documented
 * behaviour, the conformance programs print only what both agree on (see
 * the comments there). This test checks winhandle's own answer in those
 * places, the documented one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>
#include <shellapi.h>
#include <unistd.h>

#include "spawn_self.h"
#include "tap.h"

/* The array "may not contain multiple copies of the same handle": a
 * wait-all over one object twice fails, however it is named. */
static void wait_all_duplicates(void)
{
    HANDLE ev = CreateEventA(NULL, FALSE, TRUE, NULL), copy;
    HANDLE twice[2] = { ev, ev };
    SetLastError(0);
    DWORD r = WaitForMultipleObjects(2, twice, TRUE, 0);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER,
       "wait-all over one handle twice fails with ERROR_INVALID_PARAMETER (%u, %u)",
       (unsigned)r, (unsigned)GetLastError());
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "and takes nothing");
    SetEvent(ev);
    DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &copy, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    HANDLE two_handles[2] = { ev, copy };
    r = WaitForMultipleObjects(2, two_handles, TRUE, 0);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER,
       "wait-all over one object through two handles fails too");
    ok(WaitForMultipleObjects(2, twice, FALSE, 0) == WAIT_OBJECT_0,
       "wait-any over one handle twice is allowed");
    CloseHandle(copy);
    CloseHandle(ev);
}

/* lReleaseCount "must be greater than zero". */
static void release_count(void)
{
    HANDLE s = CreateSemaphoreA(NULL, 1, 5, NULL);
    LONG prev = -7;
    ok(!ReleaseSemaphore(s, 0, &prev) && GetLastError() == ERROR_INVALID_PARAMETER &&
           prev == -7,
       "ReleaseSemaphore(0) fails with ERROR_INVALID_PARAMETER");
    ok(!ReleaseSemaphore(s, -1, &prev) && GetLastError() == ERROR_INVALID_PARAMETER,
       "ReleaseSemaphore(-1) fails with ERROR_INVALID_PARAMETER");
    CloseHandle(s);
}

/* hTargetProcessHandle "can be specified as NULL if the
 * DUPLICATE_CLOSE_SOURCE flag is set". */
static void close_without_target(void)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    ok(DuplicateHandle(GetCurrentProcess(), ev, NULL, NULL, 0, FALSE,
                       DUPLICATE_CLOSE_SOURCE),
       "DuplicateHandle with no target and DUPLICATE_CLOSE_SOURCE succeeds");
    ok(!CloseHandle(ev) && GetLastError() == ERROR_INVALID_HANDLE, "and closed the source");
    ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    ok(!DuplicateHandle(GetCurrentProcess(), ev, NULL, NULL, 0, FALSE, 0) &&
           GetLastError() == ERROR_INVALID_HANDLE,
       "without DUPLICATE_CLOSE_SOURCE a NULL target is ERROR_INVALID_HANDLE");
    ok(CloseHandle(ev), "and the source stays open");
}

/* Names are limited to MAX_PATH characters: Windows converts an A name
 * into MAX_PATH + 1 wide characters, so 260 fit (Wine's limit is 259). */
static void name_length(void)
{
    char name[MAX_PATH + 2];
    memset(name, 'd', sizeof(name));
    name[MAX_PATH] = '\0';
    HANDLE h = CreateEventA(NULL, TRUE, FALSE, name);
    ok(h != NULL, "a name of MAX_PATH characters is accepted");
    CloseHandle(h);
    name[MAX_PATH] = 'd';
    name[MAX_PATH + 1] = '\0';
    ok(!CreateEventA(NULL, TRUE, FALSE, name) &&
           GetLastError() == ERROR_FILENAME_EXCED_RANGE,
       "MAX_PATH + 1 characters is ERROR_FILENAME_EXCED_RANGE");
}

/* One session, one namespace: Global\x is x, as in Windows' session 0
 * (Wine plays an interactive session, where they differ). */
static void global_is_local(void)
{
    HANDLE g = CreateEventA(NULL, TRUE, FALSE, "Global\\documented-one-namespace");
    HANDLE l = OpenEventA(SYNCHRONIZE, FALSE, "documented-one-namespace");
    ok(g && l, "Global\\x and x name one object");
    CloseHandle(l);
    CloseHandle(g);
}

/* MapViewOfFile: FILE_MAP_WRITE needs a section "created with
 * PAGE_READWRITE or PAGE_EXECUTE_READWRITE protection", FILE_MAP_EXECUTE
 * one created executable, whatever rights the handle has (Windows fails
 * with STATUS_SECTION_PROTECTION, ERROR_INVALID_PARAMETER). Wine maps. */
static void section_protection(void)
{
    HANDLE ro = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READONLY, 0, 65536,
                                   "documented-section");
    HANDLE all = OpenFileMappingA(FILE_MAP_ALL_ACCESS | FILE_MAP_EXECUTE, FALSE,
                                  "documented-section");
    SetLastError(0);
    void *v = MapViewOfFile(all, FILE_MAP_WRITE, 0, 0, 0);
    ok(!v && GetLastError() == ERROR_INVALID_PARAMETER,
       "a read-only section cannot be mapped for writing, even with every right (%u)",
       (unsigned)GetLastError());
    SetLastError(0);
    v = MapViewOfFile(all, FILE_MAP_READ | FILE_MAP_EXECUTE, 0, 0, 0);
    ok(!v && GetLastError() == ERROR_INVALID_PARAMETER,
       "nor a section that is not executable for executing (%u)", (unsigned)GetLastError());
    v = MapViewOfFile(all, FILE_MAP_COPY, 0, 0, 0);
    ok(v != NULL, "a copy-on-write view of it is fine");
    UnmapViewOfFile(v);
    CloseHandle(all);
    CloseHandle(ro);
}

/* CreateFileMappingA with PAGE_EXECUTE_READ: the file handle "must be
 * created with the GENERIC_READ and GENERIC_EXECUTE access rights".
 * Wine does not ask for GENERIC_EXECUTE. */
static void executable_file_section(void)
{
    char path[MAX_PATH];
    const char *dir = getenv("WINHANDLE_DIR");
    snprintf(path, sizeof(path), "%s/documented-section.bin", dir ? dir : "/tmp");
    HANDLE f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD done;
    WriteFile(f, "x", 1, &done, NULL);
    CloseHandle(f);
    f = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0);
    HANDLE h = CreateFileMappingA(f, NULL, PAGE_EXECUTE_READ, 0, 0, NULL);
    ok(!h && GetLastError() == ERROR_ACCESS_DENIED,
       "an executable section needs GENERIC_EXECUTE on the file (%u)", (unsigned)GetLastError());
    CloseHandle(f);
    f = CreateFileA(path, GENERIC_READ | GENERIC_EXECUTE, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                    0, NULL);
    h = CreateFileMappingA(f, NULL, PAGE_EXECUTE_READ, 0, 0, NULL);
    ok(h != NULL, "and is made with it");
    CloseHandle(h);
    CloseHandle(f);
    DeleteFileA(path);
}

/* lpProcessAttributes and lpThreadAttributes: their bInheritHandle
 * "determines whether the returned handle to the new process [thread]
 * object can be inherited by child processes" (Wine ignores both). */
static void process_attributes_inherit(void)
{
    SECURITY_ATTRIBUTES yes = { sizeof(yes), NULL, TRUE };
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 16];
    DWORD pflags = 0, tflags = 0;
    snprintf(cmd, sizeof(cmd), "\"%s\" exit", self_path);
    BOOL started = CreateProcessA(NULL, cmd, &yes, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    ok(started, "CreateProcessA with an inheritable process handle");
    if (!started)
        return;
    ok(GetHandleInformation(pi.hProcess, &pflags) && (pflags & HANDLE_FLAG_INHERIT),
       "the process handle is inheritable");
    ok(GetHandleInformation(pi.hThread, &tflags) && !(tflags & HANDLE_FLAG_INHERIT),
       "the thread handle, given no attributes, is not");
    finish_child(&pi);
}

/* TerminateProcess: "After a process has terminated, call to
 * TerminateProcess with open handles to the process fails with
 * ERROR_ACCESS_DENIED error code" (Wine returns TRUE). */
static void terminate_ended_process(void)
{
    PROCESS_INFORMATION pi;
    BOOL started = spawn_self("exit", FALSE, NULL, &pi);
    ok(started, "a child that exits at once");
    if (!started)
        return;
    ok(WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0, "has ended");
    SetLastError(0);
    BOOL terminated = TerminateProcess(pi.hProcess, 7);
    DWORD error = GetLastError();
    ok(!terminated && error == ERROR_ACCESS_DENIED,
       "TerminateProcess on it fails with ERROR_ACCESS_DENIED (%d, %u)", terminated,
       (unsigned)error);
    DWORD code = 1234;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 0, "and its exit code stays 0");
    finish_child(&pi);
}

/* The documented way to close a handle in another process: source that
 * process, target NULL, DUPLICATE_CLOSE_SOURCE (Wine fails with
 * ERROR_INVALID_HANDLE and leaves the handle open). */
static void remote_close_without_target(void)
{
    PROCESS_INFORMATION pi;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), remote = NULL, back = NULL;
    BOOL started = spawn_self("idle", FALSE, NULL, &pi);
    ok(started, "an idle child");
    if (!started) {
        CloseHandle(ev);
        return;
    }
    ok(DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &remote, 0, FALSE,
                       DUPLICATE_SAME_ACCESS),
       "an event duplicated into it");
    ok(DuplicateHandle(pi.hProcess, remote, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE),
       "DuplicateHandle(child, copy, NULL, NULL, DUPLICATE_CLOSE_SOURCE) succeeds");
    ok(!DuplicateHandle(pi.hProcess, remote, GetCurrentProcess(), &back, 0, FALSE,
                        DUPLICATE_SAME_ACCESS) &&
           GetLastError() == ERROR_INVALID_HANDLE,
       "and the copy is gone from the child");
    TerminateProcess(pi.hProcess, 0);
    finish_child(&pi);
    CloseHandle(ev);
}

/* ShellExecute, where Wine departs from the documentation (see
 * tests/conformance/shell.c): a missing directory is SE_ERR_PNF, a file
 * with no associated program sets ERROR_NO_ASSOCIATION, a verb the file
 * does not have ("print" on a program) is SE_ERR_NOASSOC, and hProcess is
 * NULL unless SEE_MASK_NOCLOSEPROCESS asks for it. */
static void shell_execute_documented(void)
{
    INT_PTR r = (INT_PTR)ShellExecuteA(NULL, "open", "/nonexistent-winhandle/x", NULL, NULL,
                                       SW_SHOWNORMAL);
    ok(r == SE_ERR_PNF && GetLastError() == ERROR_PATH_NOT_FOUND,
       "ShellExecuteA in a missing directory: SE_ERR_PNF, ERROR_PATH_NOT_FOUND (%d, %u)",
       (int)r, (unsigned)GetLastError());
    char data[] = "/tmp/winhandle-shell-XXXXXX";
    int fd = mkstemp(data);
    r = (INT_PTR)ShellExecuteA(NULL, NULL, data, NULL, NULL, SW_SHOWNORMAL);
    ok(fd >= 0 && r == SE_ERR_NOASSOC && GetLastError() == ERROR_NO_ASSOCIATION,
       "a data file: SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION (%d, %u)", (int)r,
       (unsigned)GetLastError());
    unlink(data);
    r = (INT_PTR)ShellExecuteA(NULL, "print", self_path, "exit", NULL, SW_SHOWNORMAL);
    ok(r == SE_ERR_NOASSOC, "\"print\" on a program: SE_ERR_NOASSOC (%d)", (int)r);
    SHELLEXECUTEINFOA sei = { .cbSize = sizeof(sei), .lpFile = self_path,
                              .lpParameters = "exit", .hProcess = (HANDLE)5 };
    ok(ShellExecuteExA(&sei) && sei.hProcess == NULL,
       "without SEE_MASK_NOCLOSEPROCESS hProcess is NULL");
}

/* CreateWindowEx of a class never registered fails with
 * ERROR_CANNOT_FIND_WND_CLASS on Windows (Wine: ERROR_CLASS_DOES_NOT_EXIST),
 * and DestroyWindow of a destroyed window with ERROR_INVALID_WINDOW_HANDLE
 * (Wine: ERROR_ACCESS_DENIED, its answer for another thread's window). */
static void window_errors(void)
{
    SetLastError(0);
    ok(!CreateWindowExA(0, "never registered", "x", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                        NULL) &&
           GetLastError() == ERROR_CANNOT_FIND_WND_CLASS,
       "CreateWindowExA of an unknown class: ERROR_CANNOT_FIND_WND_CLASS (%u)",
       (unsigned)GetLastError());
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "documented" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "documented", "x", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    ok(w && DestroyWindow(w), "a window made and destroyed");
    SetLastError(0);
    ok(!DestroyWindow(w) && GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "DestroyWindow again: ERROR_INVALID_WINDOW_HANDLE (%u)", (unsigned)GetLastError());
    /* Issue 5's rule, a use after destroy fails with the type's error,
     * for GetClassNameA too (Wine: ERROR_INVALID_PARAMETER). */
    char name[16];
    SetLastError(0);
    int n = GetClassNameA(w, name, sizeof(name));
    DWORD error = GetLastError();
    ok(n == 0 && error == ERROR_INVALID_WINDOW_HANDLE,
       "GetClassNameA of a destroyed window: ERROR_INVALID_WINDOW_HANDLE (%d, %u)", n,
       (unsigned)error);
}

static BOOL CALLBACK count_window(HWND hwnd, LPARAM lp)
{
    (void)hwnd;
    ++*(int *)lp;
    return TRUE;
}

static DWORD WINAPI no_window_thread(LPVOID arg)
{
    (void)arg;
    return 0;
}

/* EnumChildWindows: "If this parameter is NULL, this function is
 * equivalent to EnumWindows" (Wine enumerates nothing). EnumThreadWindows:
 * FALSE "if there are no windows found in the thread" (Wine: TRUE). */
static void enum_documented(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "documented_enum" };
    RegisterClassA(&wc);
    HWND top = CreateWindowExA(0, "documented_enum", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                               NULL, NULL);
    HWND child = CreateWindowExA(0, "documented_enum", "c", WS_CHILD, 0, 0, 1, 1, top, NULL,
                                 NULL, NULL);
    int tops = 0, null_parent = 0;
    EnumWindows(count_window, (LPARAM)&tops);
    BOOL r = EnumChildWindows(NULL, count_window, (LPARAM)&null_parent);
    ok(child && r && tops >= 1 && null_parent == tops,
       "EnumChildWindows(NULL) enumerates what EnumWindows does (%d, %d)", null_parent, tops);
    DWORD tid;
    HANDLE t = CreateThread(NULL, 0, no_window_thread, NULL, CREATE_SUSPENDED, &tid);
    int none = 0;
    SetLastError(0);
    ok(!EnumThreadWindows(tid, count_window, (LPARAM)&none) && none == 0,
       "EnumThreadWindows of a thread with no windows: FALSE");
    ResumeThread(t);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    DestroyWindow(top);
}

/* Dialogs: GetDlgItem names its failure, ERROR_CONTROL_ID_NOT_FOUND for
 * a missing id and ERROR_INVALID_WINDOW_HANDLE for no window (Wine sets
 * neither); a template's unknown class is ERROR_CANNOT_FIND_WND_CLASS as
 * for CreateWindowExA (Wine: ERROR_CLASS_DOES_NOT_EXIST). */
static void dialog_errors(void)
{
    HWND w = CreateWindowExA(0, "Static", "x", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    SetLastError(0);
    ok(!GetDlgItem(w, 5) && GetLastError() == ERROR_CONTROL_ID_NOT_FOUND,
       "GetDlgItem of a missing id: ERROR_CONTROL_ID_NOT_FOUND (%u)", (unsigned)GetLastError());
    DestroyWindow(w);
    SetLastError(0);
    ok(!GetDlgItem(w, 5) && GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "GetDlgItem of a destroyed window: ERROR_INVALID_WINDOW_HANDLE (%u)",
       (unsigned)GetLastError());
    /* DLGTEMPLATE, no items, class "Nope", empty title. */
    static const WORD tmpl[] __attribute__((aligned(4))) = {
        0, 0x8000, 0, 0, 0, 0, 0, 10, 10, 0, 'N', 'o', 'p', 'e', 0, 0,
    };
    SetLastError(0);
    ok(!CreateDialogIndirectParamA(NULL, (LPCDLGTEMPLATEA)tmpl, NULL, NULL, 0) &&
           GetLastError() == ERROR_CANNOT_FIND_WND_CLASS,
       "a dialog of an unknown class: ERROR_CANNOT_FIND_WND_CLASS (%u)",
       (unsigned)GetLastError());
}

static int showwindow_messages;

static LRESULT CALLBACK count_showwindow(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (msg == WM_SHOWWINDOW)
        showwindow_messages++;
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

/* WM_SHOWWINDOW "is not sent ... when a top-level, overlapped window is
 * created with the WS_MAXIMIZE or WS_MINIMIZE style [nor] when the
 * SW_SHOWNORMAL flag is specified in the call to the ShowWindow
 * function" (Wine sends it both times). */
static void showwindow_documented(void)
{
    WNDCLASSA wc = { .lpfnWndProc = count_showwindow, .lpszClassName = "documented_show" };
    RegisterClassA(&wc);
    showwindow_messages = 0;
    HWND w = CreateWindowExA(0, "documented_show", "w", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    ok(w && !ShowWindow(w, SW_SHOWNORMAL) && IsWindowVisible(w) && !showwindow_messages,
       "ShowWindow(SW_SHOWNORMAL) shows a hidden window without WM_SHOWWINDOW (%d)",
       showwindow_messages);
    ok(ShowWindow(w, SW_HIDE) && showwindow_messages == 1, "SW_HIDE sends it (%d)",
       showwindow_messages);
    DestroyWindow(w);
    showwindow_messages = 0;
    w = CreateWindowExA(0, "documented_show", "w", WS_OVERLAPPEDWINDOW | WS_VISIBLE | WS_MAXIMIZE,
                        0, 0, 1, 1, NULL, NULL, NULL, NULL);
    ok(w && IsWindowVisible(w) && (GetWindowLongA(w, GWL_STYLE) & WS_MAXIMIZE) &&
           !showwindow_messages,
       "an overlapped window made visible and maximized gets no WM_SHOWWINDOW (%d)",
       showwindow_messages);
    DestroyWindow(w);
}

/* Destroying a destroyed window-position structure fails with its type's
 * own error, ERROR_INVALID_DWP_HANDLE (Wine sets none). */
static void dwp_ended_twice(void)
{
    HDWP dwp = BeginDeferWindowPos(1);
    ok(dwp && EndDeferWindowPos(dwp), "a window-position structure, ended");
    SetLastError(0);
    BOOL again = EndDeferWindowPos(dwp);
    DWORD error = GetLastError();
    ok(!again && error == ERROR_INVALID_DWP_HANDLE,
       "ended again: ERROR_INVALID_DWP_HANDLE (%d, %u)", again, (unsigned)error);
    HWND w = CreateWindowExA(0, "Static", "x", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    SetLastError(0);
    HDWP more = DeferWindowPos(dwp, w, NULL, 1, 1, 1, 1, SWP_NOZORDER);
    error = GetLastError();
    ok(!more && error == ERROR_INVALID_DWP_HANDLE,
       "DeferWindowPos on it: ERROR_INVALID_DWP_HANDLE (%u)", (unsigned)error);
    DestroyWindow(w);
}

/* SetMenu's hWnd is "a handle to the window": NULL or a destroyed window
 * fails with ERROR_INVALID_WINDOW_HANDLE (Wine 8: TRUE). DestroyMenu
 * "destroys the specified menu": a popup menu that was once a window's
 * takes no window with it (Wine 8 destroys that window). */
static void set_menu_documented(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "documented_menu" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "documented_menu", "m", WS_OVERLAPPEDWINDOW, 0, 0, 1, 1, NULL,
                             NULL, NULL, NULL);
    HMENU menu = CreateMenu(), popup = CreatePopupMenu();
    SetLastError(0);
    ok(!SetMenu(NULL, menu) && GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "SetMenu(NULL): ERROR_INVALID_WINDOW_HANDLE (%u)", (unsigned)GetLastError());
    ok(SetMenu(w, popup) && SetMenu(w, NULL) && DestroyMenu(popup) && IsWindow(w),
       "destroying a popup menu a window had leaves the window");
    ok(DestroyWindow(w), "the window destroyed");
    SetLastError(0);
    ok(!SetMenu(w, menu) && GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "SetMenu of a destroyed window: ERROR_INVALID_WINDOW_HANDLE (%u)",
       (unsigned)GetLastError());
    ok(IsMenu(menu) && DestroyMenu(menu), "the menu is left alone");
}

/* SetWindowPos(HWND_BOTTOM): "If the hWnd parameter identifies a topmost
 * window, the window loses its topmost status and is placed at the
 * bottom of all other windows" (Wine 8 keeps it topmost). */
static void bottom_loses_topmost(void)
{
    HWND t = CreateWindowExA(WS_EX_TOPMOST, "Static", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL,
                             NULL, NULL);
    HWND other = CreateWindowExA(0, "Static", "o", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    ok(t && (GetWindowLongA(t, GWL_EXSTYLE) & WS_EX_TOPMOST), "a topmost window");
    ok(SetWindowPos(t, HWND_BOTTOM, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE) &&
           !(GetWindowLongA(t, GWL_EXSTYLE) & WS_EX_TOPMOST),
       "HWND_BOTTOM takes its topmost status");
    ok(!GetWindow(t, GW_HWNDNEXT) && GetWindow(other, GW_HWNDNEXT),
       "and puts it at the bottom");
    DestroyWindow(t);
    DestroyWindow(other);
}

/* CWPRETSTRUCT.lResult is "the return value of the window procedure that
 * processed the message": for WM_NCCREATE, DefWindowProcA's TRUE (Wine 8
 * gives 0; user_hooks prints no value there). */
static LRESULT nccreate_result = -1;

static LRESULT CALLBACK nccreate_ret_hook(int code, WPARAM w, LPARAM l)
{
    const CWPRETSTRUCT *c = (const CWPRETSTRUCT *)l;
    if (c->message == WM_NCCREATE)
        nccreate_result = c->lResult;
    return CallNextHookEx(NULL, code, w, l);
}

static void callwndprocret_result(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "DocRet" };
    RegisterClassA(&wc);
    HHOOK h = SetWindowsHookExA(WH_CALLWNDPROCRET, nccreate_ret_hook, NULL,
                                GetCurrentThreadId());
    HWND w = CreateWindowExA(0, "DocRet", "", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    ok(w && nccreate_result == TRUE,
       "WH_CALLWNDPROCRET: WM_NCCREATE's lResult is the procedure's TRUE (%ld)",
       (long)nccreate_result);
    UnhookWindowsHookEx(h);
    DestroyWindow(w);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "exit"))
        return 0;
    if (argc > 1 && !strcmp(argv[1], "idle")) {
        Sleep(20000);
        return 0;
    }
    spawn_self_init();
    wait_all_duplicates();
    release_count();
    close_without_target();
    name_length();
    global_is_local();
    section_protection();
    executable_file_section();
    process_attributes_inherit();
    terminate_ended_process();
    remote_close_without_target();
    dwp_ended_twice();
    shell_execute_documented();
    window_errors();
    enum_documented();
    showwindow_documented();
    dialog_errors();
    set_menu_documented();
    bottom_loses_topmost();
    callwndprocret_result();
    return tap_done();
}
