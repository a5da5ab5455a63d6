/*
 * Mutexes: ownership, recursion, ERROR_NOT_OWNER, and abandonment when the
 * owner thread ends and when the owner process ends.
 *
 * The process case runs this program again with an argument: the child
 * ("child-hold") opens the named mutex, takes it, says so through a named
 * event, waits for a second event, and exits without releasing it.
 */
#include <stdio.h>
#include <string.h>

#include "conformance.h"

#define MUTEX_NAME "conf-mutexes-abandoned-by-process"
#define HELD_NAME "conf-mutexes-child-holds"
#define LEAVE_NAME "conf-mutexes-child-may-leave"
#define CHILD_EXIT_CODE 3

static void ownership(void)
{
    HANDLE m;

    SetLastError(UNTOUCHED_ERROR);
    check_create("create.owned", m = CreateMutexA(NULL, TRUE, NULL));
    /* The owner may take it again: recursion. */
    check_wait("owned.wait", WaitForSingleObject(m, 0));
    check_wait("owned.wait_again", WaitForSingleObject(m, 0));
    check_bool("owned.release1", ReleaseMutex(m));
    check_bool("owned.release2", ReleaseMutex(m));
    check_bool("owned.release3", ReleaseMutex(m));
    check_bool("owned.release4_not_owner", ReleaseMutex(m));
    CloseHandle(m);

    m = CreateMutexA(NULL, FALSE, NULL);
    check_bool("free.release", ReleaseMutex(m));
    check_wait("free.wait", WaitForSingleObject(m, 0));
    check_bool("free.release_after_wait", ReleaseMutex(m));
    CloseHandle(m);

    /* Deep recursion is counted exactly. */
    m = CreateMutexA(NULL, FALSE, NULL);
    int ok = 1;
    for (int i = 0; i < 100; i++)
        ok &= WaitForSingleObject(m, 0) == WAIT_OBJECT_0;
    for (int i = 0; i < 100; i++)
        ok &= ReleaseMutex(m) != 0;
    check_yes("recursion.100_waits_100_releases", ok);
    check_bool("recursion.101st_release", ReleaseMutex(m));
    CloseHandle(m);

    /* A create that finds the name does not take ownership. */
    m = CreateMutexA(NULL, FALSE, "conf-mutexes-existing");
    SetLastError(UNTOUCHED_ERROR);
    HANDLE again = CreateMutexA(NULL, TRUE, "conf-mutexes-existing");
    check_create("existing.create_owned", again);
    check_bool("existing.not_owned", ReleaseMutex(again));
    CloseHandle(again);
    CloseHandle(m);

    SetLastError(UNTOUCHED_ERROR);
    check_create("ex.initial_owner", m = CreateMutexExA(NULL, NULL, CREATE_MUTEX_INITIAL_OWNER,
                                                        MUTEX_ALL_ACCESS));
    check_bool("ex.initial_owner.release", ReleaseMutex(m));
    CloseHandle(m);
    SetLastError(UNTOUCHED_ERROR);
    check_create("ex.no_flags", m = CreateMutexExA(NULL, NULL, 0, MUTEX_ALL_ACCESS));
    check_bool("ex.no_flags.release", ReleaseMutex(m));
    CloseHandle(m);

    SetLastError(UNTOUCHED_ERROR);
    check_create("ex.unknown_flag", m = CreateMutexExA(NULL, NULL, 0x2, MUTEX_ALL_ACCESS));
    if (m)
        CloseHandle(m);

    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_bool("release.null", ReleaseMutex(NULL));
    check_bool("release.event", ReleaseMutex(ev));
    check_bool("release.current_thread", ReleaseMutex(GetCurrentThread()));
    CloseHandle(ev);
}

struct job {
    HANDLE mutex, ready, go;
    DWORD result1, result2;
    BOOL released;
    DWORD release_error;
};

/* Take the mutex, report, wait for go, then leave it held. */
static DWORD WINAPI take_and_leave(LPVOID arg)
{
    struct job *j = arg;
    j->result1 = WaitForSingleObject(j->mutex, PATIENCE_MS);
    SetEvent(j->ready);
    WaitForSingleObject(j->go, INFINITE);
    return 0;
}

/* Try to take and release a mutex the main thread owns. */
static DWORD WINAPI try_foreign(LPVOID arg)
{
    struct job *j = arg;
    j->result1 = WaitForSingleObject(j->mutex, 0);
    j->released = ReleaseMutex(j->mutex);
    j->release_error = GetLastError();
    return 0;
}

/* Wait for the mutex, take it twice, release twice. */
static DWORD WINAPI take_when_free(LPVOID arg)
{
    struct job *j = arg;
    j->result1 = SignalObjectAndWait(j->ready, j->mutex, PATIENCE_MS, FALSE);
    j->result2 = WaitForSingleObject(j->mutex, 0);
    ReleaseMutex(j->mutex);
    j->released = ReleaseMutex(j->mutex);
    return 0;
}

static void threads(void)
{
    struct job j = { 0 };
    char buf[32];
    HANDLE t;

    /* Another thread can neither take nor release what we own. */
    j.mutex = CreateMutexA(NULL, TRUE, NULL);
    t = CreateThread(NULL, 0, try_foreign, &j, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check_wait("other_thread.wait_0", j.result1);
    check("other_thread.release", "%s, %s", j.released ? "TRUE" : "FALSE",
          error_name(j.release_error, buf));

    /* A waiter gets it when the owner lets go. */
    j.ready = CreateEventA(NULL, FALSE, FALSE, NULL);
    t = CreateThread(NULL, 0, take_when_free, &j, 0, NULL);
    WaitForSingleObject(j.ready, INFINITE); /* it is in its wait now */
    check_bool("handoff.release", ReleaseMutex(j.mutex));
    check_wait("handoff.thread_ends", WaitForSingleObject(t, PATIENCE_MS));
    check_wait("handoff.waiter_got_it", j.result1);
    check_wait("handoff.waiter_recursed", j.result2);
    check("handoff.waiter_released", "%s", j.released ? "TRUE" : "FALSE");
    check_wait("handoff.free_again", WaitForSingleObject(j.mutex, 0));
    ReleaseMutex(j.mutex);
    CloseHandle(t);
    CloseHandle(j.mutex);
    CloseHandle(j.ready);
}

struct wait_all_job {
    HANDLE objs[2], started;
    DWORD result;
};

static DWORD WINAPI wait_all_then_leave(LPVOID arg)
{
    struct wait_all_job *w = arg;
    SetEvent(w->started);
    w->result = WaitForMultipleObjects(2, w->objs, TRUE, PATIENCE_MS);
    return 0;
}

/* Run a thread that takes j->mutex and ends holding it. */
static void abandon_in_thread(struct job *j)
{
    ResetEvent(j->go);
    HANDLE t = CreateThread(NULL, 0, take_and_leave, j, 0, NULL);
    WaitForSingleObject(j->ready, INFINITE);
    SetEvent(j->go);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
}

/* The owner thread ends without releasing: the next taker is told. */
static void abandoned_by_thread(void)
{
    struct job j = { 0 };
    j.mutex = CreateMutexA(NULL, FALSE, NULL);
    j.ready = CreateEventA(NULL, FALSE, FALSE, NULL);
    j.go = CreateEventA(NULL, TRUE, FALSE, NULL);

    /* While the thread still holds it, it is not ours to take. */
    HANDLE t = CreateThread(NULL, 0, take_and_leave, &j, 0, NULL);
    WaitForSingleObject(j.ready, INFINITE);
    check_wait("thread.owner_took_it", j.result1);
    check_wait("thread.held", WaitForSingleObject(j.mutex, 0));
    SetEvent(j.go);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check_wait("thread.abandoned", WaitForSingleObject(j.mutex, 0));
    /* The abandoned wait made us the owner; the mark is gone. */
    check_bool("thread.abandoned.now_ours", ReleaseMutex(j.mutex));
    check_wait("thread.abandoned.once", WaitForSingleObject(j.mutex, 0));
    ReleaseMutex(j.mutex);

    /* Wait-any reports WAIT_ABANDONED_0 + the mutex's index. */
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE both[2] = { event, j.mutex };
    abandon_in_thread(&j);
    check_wait("thread.abandoned.wait_any", WaitForMultipleObjects(2, both, FALSE, 0));
    ReleaseMutex(j.mutex);

    /* Wait-all over a set event and an abandoned mutex. */
    SetEvent(event);
    abandon_in_thread(&j);
    check_wait("thread.abandoned.wait_all", WaitForMultipleObjects(2, both, TRUE, 0));
    ReleaseMutex(j.mutex);

    /* A wait-all pending in another thread while the owner dies: the
     * abandonment alone does not end it; the event does, and the wait
     * reports the abandonment. Whether that wait started before or after
     * the owner died, the outcome is the same. */
    ResetEvent(event);
    ResetEvent(j.go);
    struct wait_all_job w = { { event, j.mutex }, CreateEventA(NULL, FALSE, FALSE, NULL), 0 };
    HANDLE owner = CreateThread(NULL, 0, take_and_leave, &j, 0, NULL);
    WaitForSingleObject(j.ready, INFINITE);
    HANDLE waiter = CreateThread(NULL, 0, wait_all_then_leave, &w, 0, NULL);
    WaitForSingleObject(w.started, INFINITE);
    SetEvent(j.go);
    check_wait("thread.pending_wait_all.owner_ends", WaitForSingleObject(owner, PATIENCE_MS));
    check_wait("thread.pending_wait_all.still_waiting", WaitForSingleObject(waiter, 100));
    SetEvent(event);
    check_wait("thread.pending_wait_all.ends", WaitForSingleObject(waiter, PATIENCE_MS));
    check_wait("thread.pending_wait_all.result", w.result);
    /* The waiter ended holding it in turn. */
    check_wait("thread.pending_wait_all.abandoned_again", WaitForSingleObject(j.mutex, 0));
    ReleaseMutex(j.mutex);
    CloseHandle(owner);
    CloseHandle(waiter);
    CloseHandle(w.started);

    CloseHandle(event);
    CloseHandle(j.mutex);
    CloseHandle(j.ready);
    CloseHandle(j.go);
}

static int child_hold(void)
{
    HANDLE m = OpenMutexA(SYNCHRONIZE, FALSE, MUTEX_NAME);
    HANDLE held = OpenEventA(EVENT_MODIFY_STATE, FALSE, HELD_NAME);
    HANDLE leave = OpenEventA(SYNCHRONIZE, FALSE, LEAVE_NAME);
    if (!m || !held || !leave)
        return 1;
    if (WaitForSingleObject(m, PATIENCE_MS) != WAIT_OBJECT_0)
        return 2;
    /* Twice: a process's death abandons however deep it held it. */
    WaitForSingleObject(m, 0);
    SetEvent(held);
    WaitForSingleObject(leave, PATIENCE_MS);
    return CHILD_EXIT_CODE;
}

static HANDLE start_child(const char *role)
{
    char self[MAX_PATH], cmd[MAX_PATH + 64];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self, role);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    fflush(stdout);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return NULL;
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

/* The owner process ends without releasing. Twice: once while we wait for
 * the mutex (the wait wakes abandoned), once with nobody waiting (the next
 * wait finds it abandoned). */
static void abandoned_by_process(void)
{
    DWORD code = 0xdead;
    HANDLE m = CreateMutexA(NULL, FALSE, MUTEX_NAME);
    HANDLE held = CreateEventA(NULL, FALSE, FALSE, HELD_NAME);
    HANDLE leave = CreateEventA(NULL, FALSE, FALSE, LEAVE_NAME);

    HANDLE child = start_child("child-hold");
    check_handle("process.child_started", child);
    check_wait("process.child_holds", WaitForSingleObject(held, PATIENCE_MS));
    check_wait("process.held_by_child", WaitForSingleObject(m, 0));
    check_bool("process.release_not_owner", ReleaseMutex(m));
    /* Let the child go and wait for the mutex in the same step. */
    check_wait("process.waiter_wakes_abandoned", SignalObjectAndWait(leave, m, PATIENCE_MS,
                                                                     FALSE));
    check_wait("process.child_ended", WaitForSingleObject(child, PATIENCE_MS));
    GetExitCodeProcess(child, &code);
    check("process.child_exit_code", "%u", (unsigned)code);
    check_bool("process.now_ours", ReleaseMutex(m));
    check_bool("process.once_only", ReleaseMutex(m));
    CloseHandle(child);

    child = start_child("child-hold");
    WaitForSingleObject(held, PATIENCE_MS);
    SetEvent(leave);
    check_wait("process.second_child_ended", WaitForSingleObject(child, PATIENCE_MS));
    check_wait("process.found_abandoned", WaitForSingleObject(m, 0));
    check_bool("process.found_abandoned.release", ReleaseMutex(m));
    check_wait("process.then_normal", WaitForSingleObject(m, 0));
    ReleaseMutex(m);
    CloseHandle(child);
    CloseHandle(m);
    CloseHandle(held);
    CloseHandle(leave);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child-hold"))
        return child_hold();
    ownership();
    threads();
    abandoned_by_thread();
    abandoned_by_process();
    return 0;
}
