/*
 * A client killed with SIGKILL at the worst moments: while owning a mutex,
 * and in the middle of a wait. The server must see the death through its
 * pidfd, abandon the mutex, close the dead process's handles, signal its
 * process handle, and cancel its wait, and lose nothing for the others.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <windows.h>

#include "tap.h"

static char self[MAX_PATH];

static HANDLE spawn(const char *mode, PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 64];
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    snprintf(cmd, sizeof(cmd), "\"%s\" %s %u", self, mode, (unsigned)GetCurrentProcessId());
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi))
        return NULL;
    return pi->hProcess;
}

static const char *name(const char *base, const char *parent)
{
    static char buf[4][64];
    static int next;
    char *b = buf[next++ % 4];
    snprintf(b, 64, "kill-%s-%s", parent, base);
    return b;
}

/* Child: own the mutex, say so, then hang until killed. */
static int holder(const char *parent)
{
    HANDLE m = OpenMutexA(SYNCHRONIZE, FALSE, name("mutex", parent));
    HANDLE held = OpenEventA(EVENT_MODIFY_STATE, FALSE, name("held", parent));
    if (!m || !held || WaitForSingleObject(m, 5000) != WAIT_OBJECT_0)
        return 1;
    SetEvent(held);
    Sleep(INFINITE);
    return 0;
}

/* Child: hold a name of its own, then block in a wait until killed. */
static int waiter(const char *parent)
{
    HANDLE own = CreateEventA(NULL, TRUE, FALSE, name("child-only", parent));
    HANDLE w = OpenEventA(SYNCHRONIZE, FALSE, name("never", parent));
    HANDLE waiting = OpenEventA(EVENT_MODIFY_STATE, FALSE, name("waiting", parent));
    if (!own || !w || !waiting)
        return 1;
    SetEvent(waiting);
    WaitForSingleObject(w, INFINITE);
    return 2;
}

static DWORD WINAPI wait_thread(LPVOID arg)
{
    return WaitForSingleObject((HANDLE)arg, 10000);
}

static void test_killed_while_owning(const char *me)
{
    PROCESS_INFORMATION pi;
    HANDLE m = CreateMutexA(NULL, FALSE, name("mutex", me));
    HANDLE held = CreateEventA(NULL, FALSE, FALSE, name("held", me));
    ok(spawn("holder", &pi) != NULL, "start a child that takes the mutex");
    ok(WaitForSingleObject(held, 5000) == WAIT_OBJECT_0, "the child owns the mutex");
    HANDLE t = CreateThread(NULL, 0, wait_thread, m, 0, NULL);
    Sleep(100); /* let the thread block on the mutex first */
    ok(kill((pid_t)pi.dwProcessId, SIGKILL) == 0, "SIGKILL the owner");
    ok(WaitForSingleObject(pi.hProcess, 5000) == WAIT_OBJECT_0,
       "the killed process's handle is signaled");
    DWORD code = 0;
    BOOL got = GetExitCodeProcess(pi.hProcess, &code);
    ok(got && code == 128 + SIGKILL, "its exit code is 128 + SIGKILL (got %u)", (unsigned)code);
    DWORD thread_result = 0;
    got = WaitForSingleObject(t, 5000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &thread_result);
    ok(got && thread_result == WAIT_ABANDONED_0,
       "a thread blocked on the mutex wakes with WAIT_ABANDONED (got %u)",
       (unsigned)thread_result);
    ok(!ReleaseMutex(m) && GetLastError() == ERROR_NOT_OWNER,
       "the thread, not this one, took ownership");
    ok(WaitForSingleObject(m, 1000) == WAIT_ABANDONED_0,
       "the thread ended owning it: abandoned again");
    ok(ReleaseMutex(m), "and can release it");
    ok(WaitForSingleObject(m, 0) == WAIT_OBJECT_0, "then it is an ordinary mutex again");
    ReleaseMutex(m);
    CloseHandle(t);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(m);
    CloseHandle(held);
}

static void test_killed_while_waiting(const char *me)
{
    PROCESS_INFORMATION pi;
    HANDLE never = CreateEventA(NULL, FALSE, FALSE, name("never", me));
    HANDLE waiting = CreateEventA(NULL, FALSE, FALSE, name("waiting", me));
    ok(spawn("waiter", &pi) != NULL, "start a child that blocks in a wait");
    ok(WaitForSingleObject(waiting, 5000) == WAIT_OBJECT_0, "the child is about to wait");
    Sleep(100);
    HANDLE own = OpenEventA(SYNCHRONIZE, FALSE, name("child-only", me));
    ok(own != NULL, "the child's own named event exists");
    CloseHandle(own);
    kill((pid_t)pi.dwProcessId, SIGKILL);
    ok(WaitForSingleObject(pi.hProcess, 5000) == WAIT_OBJECT_0, "the waiter died");
    ok(OpenEventA(SYNCHRONIZE, FALSE, name("child-only", me)) == NULL &&
           GetLastError() == ERROR_FILE_NOT_FOUND,
       "its handles were closed: its name is gone");
    /* Had the dead wait not been cancelled, it would swallow this auto-reset
     * event's signal. */
    SetEvent(never);
    ok(WaitForSingleObject(never, 0) == WAIT_OBJECT_0,
       "the dead process's wait was cancelled: the signal is still there");
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(never);
    CloseHandle(waiting);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "holder"))
        return holder(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "waiter"))
        return waiter(argv[2]);
    GetModuleFileNameA(NULL, self, sizeof(self));
    char me[16];
    snprintf(me, sizeof(me), "%u", (unsigned)GetCurrentProcessId());
    test_killed_while_owning(me);
    test_killed_while_waiting(me);
    return tap_done();
}
