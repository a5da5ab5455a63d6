/*
 * The session's USER table at its limit, from several processes: all
 * 65,536 entries hold objects (a fresh server has no other USER object),
 * the next creation of any USER type fails with ERROR_NO_MORE_USER_HANDLES
 * while kernel objects go on working, a process killed with SIGKILL gives
 * its entries back, and once every filler is gone one process fills the
 * whole table again.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

#define FILLERS 4
#define TABLE 65536

static char name_buf[MAX_PATH];

static const char *shared(DWORD tag, const char *what, int i)
{
    snprintf(name_buf, sizeof(name_buf), "user-table-%lu-%s-%d", (unsigned long)tag, what, i);
    return name_buf;
}

static HMENU menus[TABLE + 1];

/* Create menus until the table says no: how many, and the error. */
static int fill(DWORD *error)
{
    int n = 0;
    while (n <= TABLE && (menus[n] = CreateMenu()))
        n++;
    *error = GetLastError();
    return n;
}

/* A filler: wait for "go", fill, report (count in one semaphore, error in
 * another), then hold everything until "release". */
static int filler(DWORD tag, int i)
{
    HANDLE go = CreateEventA(NULL, TRUE, FALSE, shared(tag, "go", 0));
    HANDLE release = CreateEventA(NULL, TRUE, FALSE, shared(tag, "release", 0));
    HANDLE count = CreateSemaphoreA(NULL, 0, 0x7fffffff, shared(tag, "count", i));
    HANDLE err = CreateSemaphoreA(NULL, 0, 0x7fffffff, shared(tag, "error", i));
    if (WaitForSingleObject(go, 30000) != WAIT_OBJECT_0)
        return 2;
    DWORD error;
    int n = fill(&error);
    ReleaseSemaphore(err, (LONG)error, NULL);
    ReleaseSemaphore(count, n + 1, NULL); /* last: the parent waits on it */
    WaitForSingleObject(release, 60000);
    return 0;
}

/* A mailbox read: the count a filler posted, waiting for it to come. */
static DWORD take(HANDLE sem, int plus_one)
{
    DWORD waited = 0;
    LONG prev = 0;
    while (waited < 60000) {
        ReleaseSemaphore(sem, 1, &prev);
        WaitForSingleObject(sem, 0); /* take our own 1 back */
        if (prev)
            return (DWORD)prev - (plus_one ? 1 : 0);
        Sleep(10);
        waited += 10;
    }
    return 0xdead;
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc > 3 && !strcmp(argv[1], "filler"))
        return filler((DWORD)strtoul(argv[2], NULL, 0), atoi(argv[3]));

    DWORD tag = GetCurrentProcessId();
    HANDLE go = CreateEventA(NULL, TRUE, FALSE, shared(tag, "go", 0));
    HANDLE release = CreateEventA(NULL, TRUE, FALSE, shared(tag, "release", 0));
    HANDLE count[FILLERS], err[FILLERS];
    PROCESS_INFORMATION pi[FILLERS];
    for (int i = 0; i < FILLERS; i++) {
        char args[64];
        count[i] = CreateSemaphoreA(NULL, 0, 0x7fffffff, shared(tag, "count", i));
        err[i] = CreateSemaphoreA(NULL, 0, 0x7fffffff, shared(tag, "error", i));
        snprintf(args, sizeof(args), "filler %lu %d", (unsigned long)tag, i);
        if (!spawn_self(args, FALSE, NULL, &pi[i])) {
            ok(0, "start filler %d", i);
            return tap_done();
        }
    }
    SetEvent(go);

    DWORD total = 0, n[FILLERS];
    int all_1158 = 1;
    for (int i = 0; i < FILLERS; i++) {
        n[i] = take(count[i], 1);
        total += n[i];
        if (take(err[i], 0) != ERROR_NO_MORE_USER_HANDLES)
            all_1158 = 0;
    }
    ok(total == TABLE, "%d processes together hold all 65,536 entries (%lu: %lu %lu %lu %lu)",
       FILLERS, (unsigned long)total, (unsigned long)n[0], (unsigned long)n[1],
       (unsigned long)n[2], (unsigned long)n[3]);
    ok(all_1158, "each stopped at ERROR_NO_MORE_USER_HANDLES");

    /* Full: every USER creator fails the same way; kernel objects work. */
    SetLastError(0);
    ok(!CreateMenu() && GetLastError() == ERROR_NO_MORE_USER_HANDLES,
       "CreateMenu fails with ERROR_NO_MORE_USER_HANDLES (%u)", (unsigned)GetLastError());
    ACCEL a = { FVIRTKEY, 'A', 1 };
    SetLastError(0);
    ok(!CreateAcceleratorTableA(&a, 1) && GetLastError() == ERROR_NO_MORE_USER_HANDLES,
       "CreateAcceleratorTableA too (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!LoadCursorA(NULL, IDC_ARROW) && GetLastError() == ERROR_NO_MORE_USER_HANDLES,
       "a first LoadCursorA too: the shared cursor needs an entry (%u)",
       (unsigned)GetLastError());
    SetLastError(0);
    ok(!BeginDeferWindowPos(1) && GetLastError() == ERROR_NO_MORE_USER_HANDLES,
       "BeginDeferWindowPos too (%u)", (unsigned)GetLastError());
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "limit" };
    ok(RegisterClassA(&wc) != 0, "a window class needs no entry");
    SetLastError(0);
    ok(!CreateWindowExA(0, "limit", "w", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL) &&
           GetLastError() == ERROR_NO_MORE_USER_HANDLES,
       "CreateWindowExA too (%u)", (unsigned)GetLastError());
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ok(ev && SetEvent(ev) && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0,
       "kernel objects still work");
    CloseHandle(ev);

    /* SIGKILL one filler: its entries come back, exactly as many. */
    kill((pid_t)pi[0].dwProcessId, SIGKILL);
    ok(WaitForSingleObject(pi[0].hProcess, 20000) == WAIT_OBJECT_0, "the killed filler ended");
    DWORD error;
    int mine = fill(&error);
    ok((DWORD)mine == n[0] && error == ERROR_NO_MORE_USER_HANDLES,
       "its %lu entries are free again, and no more (%d, error %u)", (unsigned long)n[0], mine,
       (unsigned)error);
    int destroyed = 0;
    for (int i = 0; i < mine; i++)
        destroyed += DestroyMenu(menus[i]) ? 1 : 0;
    ok(destroyed == mine, "and destroyed again (%d)", destroyed);

    /* The others end normally; then one process fills the whole table. */
    SetEvent(release);
    int ended = 1;
    for (int i = 1; i < FILLERS; i++)
        ended &= finish_child(&pi[i]) == 0;
    CloseHandle(pi[0].hProcess);
    CloseHandle(pi[0].hThread);
    ok(ended, "the other fillers ended");
    mine = fill(&error);
    ok(mine == TABLE && error == ERROR_NO_MORE_USER_HANDLES,
       "one process fills all 65,536 entries again (%d, error %u)", mine, (unsigned)error);
    ok(IsMenu(menus[0]) && IsMenu(menus[TABLE - 1]) && GetMenuItemCount(menus[TABLE / 2]) == 0,
       "the menus of a full table work");
    int reused = 0;
    for (int i = 0; i < mine; i++)
        if (!DestroyMenu(menus[i]))
            reused++;
    ok(reused == 0, "all destroyed");
    HMENU after = CreateMenu();
    ok(after != NULL, "and the table serves again");
    DestroyMenu(after);
    HWND w = CreateWindowExA(0, "limit", "w", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    ok(w && IsWindow(w) && DestroyWindow(w) && !IsWindow(w),
       "windows are made and destroyed again once entries are free");
    return tap_done();
}
