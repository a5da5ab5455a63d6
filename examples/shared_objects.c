/*
 * Two processes share an event, a mutex and a semaphore by name.
 *
 * The parent creates the three objects and starts a second copy of itself.
 * The child opens them by name, takes the mutex, hands the parent two
 * semaphore counts and sets the event; the parent waits for both, then
 * both processes' handle tables are shown with the winhandle inspector
 * while the objects are held, and the child waits to be told to finish.
 *
 * Run: shared_objects [PATH-TO-winhandle]
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>

#define EVENT_NAME "Local\\demo-ready"
#define MUTEX_NAME "Local\\demo-lock"
#define SEMAPHORE_NAME "Local\\demo-slots"
#define DONE_NAME "Local\\demo-done"

static void die(const char *what)
{
    printf("%s failed: error %u\n", what, (unsigned)GetLastError());
    ExitProcess(1);
}

static int child(void)
{
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, EVENT_NAME);
    HANDLE lock = OpenMutexA(SYNCHRONIZE, FALSE, MUTEX_NAME);
    HANDLE slots = OpenSemaphoreA(SEMAPHORE_MODIFY_STATE, FALSE, SEMAPHORE_NAME);
    HANDLE done = OpenEventA(SYNCHRONIZE, FALSE, DONE_NAME);
    if (!ready || !lock || !slots || !done)
        die("child: OpenXxxA");

    if (WaitForSingleObject(lock, INFINITE) != WAIT_OBJECT_0)
        die("child: WaitForSingleObject(mutex)");
    printf("[child  %5u] opened the three objects by name and owns the mutex\n",
           (unsigned)GetCurrentProcessId());
    LONG previous;
    if (!ReleaseSemaphore(slots, 2, &previous))
        die("child: ReleaseSemaphore");
    printf("[child  %5u] released 2 semaphore counts (it had %d)\n",
           (unsigned)GetCurrentProcessId(), (int)previous);
    fflush(stdout);
    SetEvent(ready);

    /* Hold everything until the parent has looked at both handle tables. */
    WaitForSingleObject(done, INFINITE);
    ReleaseMutex(lock);
    printf("[child  %5u] released the mutex and exits with code 42\n",
           (unsigned)GetCurrentProcessId());
    fflush(stdout);
    return 42;
}

static void show_handles(const char *tool, DWORD pid)
{
    char cmd[1024];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    snprintf(cmd, sizeof(cmd), "\"%s\" handles %u", tool, (unsigned)pid);
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    printf("\n$ winhandle handles %u\n", (unsigned)pid);
    fflush(stdout);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        printf("(could not run %s: error %u)\n", tool, (unsigned)GetLastError());
        fflush(stdout);
        return;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

int main(int argc, char **argv)
{
    /* Two processes share the terminal: write whole lines as they come. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();
    const char *tool = argc > 1 ? argv[1] : "winhandle";

    HANDLE ready = CreateEventA(NULL, FALSE, FALSE, EVENT_NAME);
    HANDLE lock = CreateMutexA(NULL, FALSE, MUTEX_NAME);
    HANDLE slots = CreateSemaphoreA(NULL, 0, 3, SEMAPHORE_NAME);
    HANDLE done = CreateEventA(NULL, TRUE, FALSE, DONE_NAME);
    if (!ready || !lock || !slots || !done)
        die("CreateXxxA");
    printf("[parent %5u] created an event, a mutex and a semaphore (0 of 3) by name\n",
           (unsigned)GetCurrentProcessId());

    char self[MAX_PATH], cmd[MAX_PATH + 16];
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    fflush(stdout);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        die("CreateProcessA");

    HANDLE both[2] = { ready, slots };
    if (WaitForMultipleObjects(2, both, TRUE, 10000) != WAIT_OBJECT_0)
        die("WaitForMultipleObjects");
    printf("[parent %5u] the child signalled the event and the semaphore: waited for "
           "both at once\n", (unsigned)GetCurrentProcessId());
    DWORD r = WaitForSingleObject(lock, 0);
    printf("[parent %5u] the mutex is %s\n", (unsigned)GetCurrentProcessId(),
           r == WAIT_TIMEOUT ? "held by the child (WAIT_TIMEOUT)" : "free?");

    show_handles(tool, GetCurrentProcessId());
    show_handles(tool, pi.dwProcessId);
    printf("\n");

    SetEvent(done);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    if (WaitForSingleObject(lock, 5000) != WAIT_OBJECT_0)
        die("WaitForSingleObject(mutex)");
    printf("[parent %5u] the child exited with code %u; the mutex is ours now\n",
           (unsigned)GetCurrentProcessId(), (unsigned)code);
    ReleaseMutex(lock);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(ready);
    CloseHandle(lock);
    CloseHandle(slots);
    CloseHandle(done);
    return code == 42 ? 0 : 1;
}
