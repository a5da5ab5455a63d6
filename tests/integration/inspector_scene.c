/*
 * A known scene for the inspector's test (test_inspector.sh): a Win32
 * program that sets up objects of every kind, a thread and a child
 * process, then holds them all still while the inspector looks.
 *
 * The parent holds:
 *   insp-event      manual-reset event, signaled
 *   (unnamed)       auto-reset event, not signaled; also duplicated into
 *                   the child
 *   insp-mutex      mutex owned by the main thread, recursion count 2
 *   insp-semaphore  semaphore, count 2 of 5, protected from close
 *   insp-inherit    inheritable event, inherited by the child
 *   insp-quit       manual-reset event the parent sets to end the scene
 *   insp-odd "q"<TAB><0xff>é   an event whose name needs escaping in JSON
 *                   and cleaning in a terminal (0xff is not UTF-8)
 *   a thread (waiting on insp-quit) and the child process, and their handles
 * The child holds what it inherited and was duplicated, plus
 *   insp-semaphore  opened with SYNCHRONIZE only
 *   insp-mutex      opened with SYNCHRONIZE only
 *   insp-quit       opened, to wait on
 *
 * When all is in place the parent prints one line
 *   ready parent=P child=C main_tid=M thread_tid=T dup=0xD inherit=0xI bits=B
 * and keeps the scene until its standard input ends; then it sets
 * insp-quit, waits for the thread and the child, and exits 0.
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>

#define QUIT_NAME "Local\\insp-quit"
#define CHILD_READY_NAME "insp-child-ready"

static void die(const char *what)
{
    fprintf(stderr, "inspector_scene: %s failed: error %u\n", what,
            (unsigned)GetLastError());
    ExitProcess(2);
}

static int child(void)
{
    HANDLE sem = OpenSemaphoreA(SYNCHRONIZE, FALSE, "insp-semaphore");
    HANDLE mutex = OpenMutexA(SYNCHRONIZE, FALSE, "insp-mutex");
    HANDLE quit = OpenEventA(SYNCHRONIZE, FALSE, QUIT_NAME);
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, CHILD_READY_NAME);
    if (!sem || !mutex || !quit || !ready)
        die("child: OpenXxxA");
    if (!SetEvent(ready))
        die("child: SetEvent");
    CloseHandle(ready);
    WaitForSingleObject(quit, INFINITE);
    return 0;
}

static DWORD WINAPI waiter(LPVOID quit)
{
    WaitForSingleObject((HANDLE)quit, INFINITE);
    return 7;
}

/* The parent's objects, all but the thread and the child. */
static HANDLE quit, unnamed, inheritable;

static void make_objects(void)
{
    SECURITY_ATTRIBUTES inherit = { sizeof(inherit), NULL, TRUE };
    HANDLE event = CreateEventA(NULL, TRUE, TRUE, "Local\\insp-event");
    HANDLE mutex = CreateMutexA(NULL, TRUE, "insp-mutex");
    HANDLE sem = CreateSemaphoreA(NULL, 2, 5, "insp-semaphore");
    unnamed = CreateEventA(NULL, FALSE, FALSE, NULL);
    inheritable = CreateEventA(&inherit, TRUE, FALSE, "insp-inherit");
    quit = CreateEventA(NULL, TRUE, FALSE, QUIT_NAME);
    HANDLE odd = CreateEventA(NULL, TRUE, FALSE, "insp-odd \"q\"\t\xff\xc3\xa9");
    if (!event || !mutex || !sem || !unnamed || !inheritable || !quit || !odd)
        die("CreateXxxA");
    /* A second acquisition: the recursion count the inspector should see. */
    if (WaitForSingleObject(mutex, 0) != WAIT_OBJECT_0)
        die("WaitForSingleObject(mutex)");
    if (!SetHandleInformation(sem, HANDLE_FLAG_PROTECT_FROM_CLOSE,
                              HANDLE_FLAG_PROTECT_FROM_CLOSE))
        die("SetHandleInformation");
}

static void start_child(PROCESS_INFORMATION *pi)
{
    char self[MAX_PATH], cmd[MAX_PATH + 16];
    STARTUPINFOA si;
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, CHILD_READY_NAME);
    if (!ready)
        die("CreateEventA(child ready)");
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, pi))
        die("CreateProcessA");
    if (WaitForSingleObject(ready, 10000) != WAIT_OBJECT_0)
        die("waiting for the child");
    CloseHandle(ready);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();

    make_objects();
    PROCESS_INFORMATION pi;
    start_child(&pi);
    HANDLE dup;
    if (!DuplicateHandle(GetCurrentProcess(), unnamed, pi.hProcess, &dup, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        die("DuplicateHandle");
    DWORD tid;
    HANDLE thread = CreateThread(NULL, 0, waiter, quit, 0, &tid);
    if (!thread)
        die("CreateThread");

    printf("ready parent=%u child=%u main_tid=%u thread_tid=%u dup=0x%x inherit=0x%x "
           "bits=%u\n", (unsigned)GetCurrentProcessId(), (unsigned)pi.dwProcessId,
           (unsigned)GetCurrentThreadId(), (unsigned)tid, (unsigned)HandleToULong(dup),
           (unsigned)HandleToULong(inheritable), (unsigned)(sizeof(void *) * 8));
    fflush(stdout);

    char line[64];
    while (fgets(line, sizeof(line), stdin))
        ; /* the scene lasts until standard input ends */

    SetEvent(quit);
    DWORD code = 1;
    if (WaitForSingleObject(thread, 10000) != WAIT_OBJECT_0 ||
        WaitForSingleObject(pi.hProcess, 10000) != WAIT_OBJECT_0 ||
        !GetExitCodeProcess(pi.hProcess, &code))
        die("waiting for the thread and the child");
    return code == 0 ? 0 : 1;
}
