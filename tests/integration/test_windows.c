/*
 * Windows across processes and lifetimes: a child process uses its
 * parent's windows by value (IsWindow, GetWindowTextA, GetParent,
 * GetWindowThreadProcessId) and writes a parent's window text; a child's
 * windows are gone once it is SIGKILLed; a thread's windows go when it
 * ends; handles stay unique over many create/destroy cycles.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

static void register_class(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "cross" };
    RegisterClassA(&wc);
}

static HWND make(const char *title, DWORD style, HWND parent)
{
    return CreateWindowExA(0, "cross", title, style, 5, 6, 70, 80, parent, NULL, NULL, NULL);
}

/* The reader: the parent's windows by value; exit code 0 if all is as
 * the parent made it, else a bit per failed check. */
static int reader(HWND top, HWND child, DWORD parent_pid)
{
    char buf[32] = "";
    DWORD pid = 0;
    int bad = 0;
    if (!IsWindow(top) || !IsWindow(child))
        bad |= 1;
    if (GetWindowTextA(top, buf, sizeof(buf)) != 6 || strcmp(buf, "parent"))
        bad |= 2;
    if (GetParent(child) != top || !IsChild(top, child))
        bad |= 4;
    if (!GetWindowThreadProcessId(top, &pid) || pid != parent_pid)
        bad |= 8;
    RECT r;
    if (!GetWindowRect(child, &r) || r.left != 10 || r.bottom != 92)
        bad |= 16;
    if (!SetWindowTextA(top, "written by the child"))
        bad |= 32;
    if (DestroyWindow(top) || GetLastError() != ERROR_ACCESS_DENIED)
        bad |= 64;
    return bad;
}

/* The maker: a window of its own, its value written into the mailbox
 * window's text; then it waits to be killed. */
static int maker(HWND mailbox)
{
    register_class();
    HWND mine = make("made by the child", WS_POPUP, NULL);
    make("its child", WS_CHILD, mine);
    char value[32];
    snprintf(value, sizeof(value), "%lx", (unsigned long)(ULONG_PTR)mine);
    SetWindowTextA(mailbox, value);
    Sleep(60000);
    return 0;
}

static void shared_by_value(void)
{
    HWND top = make("parent", WS_POPUP, NULL);
    HWND child = make("child", WS_CHILD, top);
    char args[96];
    snprintf(args, sizeof(args), "reader %lx %lx %lu", (unsigned long)(ULONG_PTR)top,
             (unsigned long)(ULONG_PTR)child, (unsigned long)GetCurrentProcessId());
    PROCESS_INFORMATION pi;
    ok(spawn_self(args, FALSE, NULL, &pi), "start a reader");
    DWORD code = finish_child(&pi);
    ok(code == 0, "another process sees the windows by value (failed checks 0x%lx)",
       (unsigned long)code);
    char buf[32];
    GetWindowTextA(top, buf, sizeof(buf));
    ok(!strcmp(buf, "written by the child"), "and set a window's text (\"%s\")", buf);
    ok(IsWindow(top), "but could not destroy it");
    DestroyWindow(top);
}

static void killed_child(void)
{
    HWND mailbox = make("", WS_POPUP, NULL);
    char args[64];
    snprintf(args, sizeof(args), "maker %lx", (unsigned long)(ULONG_PTR)mailbox);
    PROCESS_INFORMATION pi;
    ok(spawn_self(args, FALSE, NULL, &pi), "start a maker");
    char value[32] = "";
    for (int i = 0; i < 2000 && !value[0]; i++) {
        GetWindowTextA(mailbox, value, sizeof(value));
        if (!value[0])
            Sleep(10);
    }
    HWND theirs = (HWND)(ULONG_PTR)strtoul(value, NULL, 16);
    char title[32] = "";
    DWORD pid = 0;
    GetWindowTextA(theirs, title, sizeof(title));
    GetWindowThreadProcessId(theirs, &pid);
    ok(IsWindow(theirs) && !strcmp(title, "made by the child") && pid == pi.dwProcessId,
       "the child's window is seen here (\"%s\")", title);
    HWND its_child = GetWindow(theirs, GW_CHILD);
    ok(its_child && IsChild(theirs, its_child), "with its child");
    kill((pid_t)pi.dwProcessId, SIGKILL);
    ok(WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0, "the child was killed");
    /* The server hears of the death through its pidfd, perhaps after the
     * exit is seen here: give it a moment. */
    for (int i = 0; i < 500 && IsWindow(theirs); i++)
        Sleep(10);
    ok(!IsWindow(theirs) && !IsWindow(its_child), "its windows are gone");
    SetLastError(0);
    ok(!GetWindowTextA(theirs, title, sizeof(title)) &&
           GetLastError() == ERROR_INVALID_WINDOW_HANDLE,
       "and their handles fail with ERROR_INVALID_WINDOW_HANDLE");
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    DestroyWindow(mailbox);
}

static DWORD WINAPI thread_with_windows(LPVOID arg)
{
    HWND *out = arg;
    out[0] = make("thread", WS_POPUP, NULL);
    out[1] = make("thread child", WS_CHILD, out[0]);
    return 0;
}

static void thread_end(void)
{
    HWND w[2] = { 0, 0 };
    HANDLE t = CreateThread(NULL, 0, thread_with_windows, w, 0, NULL);
    WaitForSingleObject(t, 20000);
    CloseHandle(t);
    for (int i = 0; i < 500 && IsWindow(w[0]); i++)
        Sleep(10);
    ok(w[0] && w[1] && !IsWindow(w[0]) && !IsWindow(w[1]),
       "a thread's windows go when it ends");
}

#define CYCLES 10000

static void uniqueness(void)
{
    static HWND seen[CYCLES];
    int alive_twice = 0, failed = 0;
    for (int i = 0; i < CYCLES; i++) {
        HWND h = make("cycle", WS_POPUP, NULL);
        if (!h || !DestroyWindow(h)) {
            failed++;
            continue;
        }
        seen[i] = h;
    }
    ok(!failed, "%d windows made and destroyed (%d failed)", CYCLES, failed);
    HWND last = make("last", WS_POPUP, NULL);
    for (int i = 0; i < CYCLES; i++)
        if (seen[i] == last || (seen[i] && IsWindow(seen[i])))
            alive_twice++;
    ok(alive_twice == 0, "no destroyed handle names a window again (%d did)", alive_twice);
    DestroyWindow(last);
}

int main(int argc, char **argv)
{
    spawn_self_init();
    register_class();
    if (argc > 4 && !strcmp(argv[1], "reader"))
        return reader((HWND)(ULONG_PTR)strtoul(argv[2], NULL, 16),
                      (HWND)(ULONG_PTR)strtoul(argv[3], NULL, 16),
                      (DWORD)strtoul(argv[4], NULL, 10));
    if (argc > 2 && !strcmp(argv[1], "maker"))
        return maker((HWND)(ULONG_PTR)strtoul(argv[2], NULL, 16));
    shared_by_value();
    killed_child();
    thread_end();
    uniqueness();
    return tap_done();
}
