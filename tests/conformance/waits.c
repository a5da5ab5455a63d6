/*
 * Waits: WaitForSingleObject, WaitForMultipleObjects (wait-any, wait-all,
 * counts, timeouts), SignalObjectAndWait, waits on threads and processes,
 * and waits that another thread satisfies.
 */
#include "conformance.h"

static HANDLE manual(BOOL set)
{
    return CreateEventA(NULL, TRUE, set, NULL);
}

static HANDLE automatic(BOOL set)
{
    return CreateEventA(NULL, FALSE, set, NULL);
}

static void close_all(HANDLE *h, int n)
{
    for (int i = 0; i < n; i++)
        CloseHandle(h[i]);
}

static void wait_any(void)
{
    HANDLE h[3] = { manual(FALSE), manual(FALSE), manual(FALSE) };
    check_wait("any.none_set", WaitForMultipleObjects(3, h, FALSE, 0));
    SetEvent(h[2]);
    check_wait("any.last_set", WaitForMultipleObjects(3, h, FALSE, 0));
    SetEvent(h[1]);
    check_wait("any.lowest_of_two", WaitForMultipleObjects(3, h, FALSE, 0));
    SetEvent(h[0]);
    check_wait("any.lowest_of_three", WaitForMultipleObjects(3, h, FALSE, 0));
    close_all(h, 3);

    /* Only the object reported is taken. */
    HANDLE a[3] = { automatic(TRUE), automatic(FALSE), automatic(TRUE) };
    check_wait("any.auto.first", WaitForMultipleObjects(3, a, FALSE, 0));
    check_wait("any.auto.second", WaitForMultipleObjects(3, a, FALSE, 0));
    check_wait("any.auto.none_left", WaitForMultipleObjects(3, a, FALSE, 0));
    close_all(a, 3);

    /* A mutex we own counts as signaled for us. */
    HANDLE m[2] = { manual(FALSE), CreateMutexA(NULL, TRUE, NULL) };
    check_wait("any.owned_mutex", WaitForMultipleObjects(2, m, FALSE, 0));
    ReleaseMutex(m[1]);
    ReleaseMutex(m[1]);
    close_all(m, 2);

    /* The same handle twice is allowed in a wait-any. */
    HANDLE ev = automatic(TRUE);
    HANDLE twice[2] = { ev, ev };
    check_wait("any.same_handle_twice", WaitForMultipleObjects(2, twice, FALSE, 0));
    CloseHandle(ev);
}

static void wait_all(void)
{
    HANDLE ev = automatic(TRUE);
    HANDLE sem = CreateSemaphoreA(NULL, 0, 2, NULL);
    HANDLE both[2] = { ev, sem };

    /* Not all signaled: nothing is taken. */
    check_wait("all.one_of_two", WaitForMultipleObjects(2, both, TRUE, 0));
    check_wait("all.one_of_two.event_kept", WaitForSingleObject(ev, 0));
    SetEvent(ev);
    check_wait("all.one_of_two.timeout", WaitForMultipleObjects(2, both, TRUE, 50));
    check_wait("all.one_of_two.event_kept_after_timeout", WaitForSingleObject(ev, 0));

    /* All signaled: all are taken at once. */
    SetEvent(ev);
    ReleaseSemaphore(sem, 2, NULL);
    check_wait("all.both", WaitForMultipleObjects(2, both, TRUE, 0));
    check_wait("all.both.event_taken", WaitForSingleObject(ev, 0));
    check_wait("all.both.one_count_taken", WaitForSingleObject(sem, 0));
    check_wait("all.both.no_count_left", WaitForSingleObject(sem, 0));
    CloseHandle(ev);
    CloseHandle(sem);

    /* All manual events set. */
    HANDLE h[3] = { manual(TRUE), manual(TRUE), manual(TRUE) };
    check_wait("all.three_manual", WaitForMultipleObjects(3, h, TRUE, 0));
    close_all(h, 3);

    /* Not checked: the same object twice in a wait-all. Microsoft says the
     * array "may not contain multiple copies of the same handle", and
     * Windows fails such a wait-all with ERROR_INVALID_PARAMETER, as
     * winhandle does; Wine 8 lets it through and satisfies it. */
}

static void counts_and_bad_handles(void)
{
    HANDLE h[MAXIMUM_WAIT_OBJECTS + 1];
    for (int i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
        h[i] = manual(FALSE);

    check_wait("count.zero", WaitForMultipleObjects(0, h, FALSE, 0));
    check_wait("count.65", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, h, FALSE, 0));
    check_wait("count.65_all", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, h, TRUE, 0));
    check_wait("count.64_none_set", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, FALSE, 0));
    SetEvent(h[MAXIMUM_WAIT_OBJECTS - 1]);
    check_wait("count.64_last_set", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, FALSE, 0));
    for (int i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
        SetEvent(h[i]);
    check_wait("count.64_all", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, TRUE, 0));
    check_wait("count.one", WaitForMultipleObjects(1, h, FALSE, 0));

    HANDLE closed = manual(TRUE);
    CloseHandle(closed);
    check_wait("bad.null", WaitForSingleObject(NULL, 0));
    check_wait("bad.closed", WaitForSingleObject(closed, 0));
    check_wait("bad.never_opened", WaitForSingleObject((HANDLE)(ULONG_PTR)0x7ffff0, 0));
    HANDLE mixed[2] = { h[0], NULL };
    check_wait("bad.one_of_two", WaitForMultipleObjects(2, mixed, FALSE, 0));
    /* A handle that may not be waited on fails the whole wait, even if
     * another one is signaled. */
    HANDLE no_sync;
    DuplicateHandle(GetCurrentProcess(), h[1], GetCurrentProcess(), &no_sync,
                    EVENT_MODIFY_STATE, FALSE, 0);
    HANDLE mixed_access[2] = { h[0], no_sync };
    check_wait("bad.no_synchronize_second", WaitForMultipleObjects(2, mixed_access, FALSE, 0));
    CloseHandle(no_sync);
    close_all(h, MAXIMUM_WAIT_OBJECTS + 1);
}

static void timeouts(void)
{
    HANDLE ev = manual(FALSE);
    check_wait("timeout.zero", WaitForSingleObject(ev, 0));
    DWORD start = GetTickCount();
    check_wait("timeout.100ms", WaitForSingleObject(ev, 100));
    /* Not early (allowing for a coarse tick), and not absurdly late. */
    DWORD took = GetTickCount() - start;
    check_yes("timeout.100ms.took_about_100ms", took >= 80 && took < 5000);
    check_wait("timeout.any_50ms", WaitForMultipleObjects(1, &ev, FALSE, 50));
    SetEvent(ev);
    check_wait("timeout.infinite_but_set", WaitForSingleObject(ev, INFINITE));
    CloseHandle(ev);

    /* Pseudo-handles are waitable: this process and thread never end
     * while we wait. */
    check_wait("pseudo.current_process", WaitForSingleObject(GetCurrentProcess(), 0));
    check_wait("pseudo.current_thread", WaitForSingleObject(GetCurrentThread(), 10));
}

static void signal_and_wait(void)
{
    HANDLE a = manual(FALSE), b = manual(TRUE);
    check_wait("soaw.event_to_set_event", SignalObjectAndWait(a, b, 0, FALSE));
    check_wait("soaw.first_was_set", WaitForSingleObject(a, 0));
    ResetEvent(a);
    ResetEvent(b);
    check_wait("soaw.timeout_but_signaled", SignalObjectAndWait(a, b, 0, FALSE));
    check_wait("soaw.timeout_but_signaled.first_set", WaitForSingleObject(a, 0));
    /* Signal and wait on the same auto event: the wait takes the signal. */
    HANDLE self = automatic(FALSE);
    check_wait("soaw.same_auto_event", SignalObjectAndWait(self, self, 0, FALSE));
    check_wait("soaw.same_auto_event.taken", WaitForSingleObject(self, 0));
    CloseHandle(self);

    HANDLE sem = CreateSemaphoreA(NULL, 0, 1, NULL);
    check_wait("soaw.semaphore", SignalObjectAndWait(sem, b, 0, FALSE));
    check_wait("soaw.semaphore.count_added", WaitForSingleObject(sem, 0));
    ReleaseSemaphore(sem, 1, NULL);
    check_wait("soaw.semaphore_full", SignalObjectAndWait(sem, b, 0, FALSE));

    /* Releasing a mutex we own and waiting for it again. */
    HANDLE m = CreateMutexA(NULL, TRUE, NULL);
    check_wait("soaw.mutex_owned", SignalObjectAndWait(m, m, 0, FALSE));
    check_bool("soaw.mutex_owned.release", ReleaseMutex(m));
    check_bool("soaw.mutex_owned.held_once", ReleaseMutex(m));
    check_wait("soaw.mutex_not_owned", SignalObjectAndWait(m, b, 0, FALSE));

    HANDLE thread_copy;
    DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &thread_copy,
                    0, FALSE, DUPLICATE_SAME_ACCESS);
    check_wait("soaw.signal_thread", SignalObjectAndWait(thread_copy, b, 0, FALSE));
    CloseHandle(thread_copy);
    check_wait("soaw.signal_null", SignalObjectAndWait(NULL, b, 0, FALSE));
    check_wait("soaw.wait_null", SignalObjectAndWait(a, NULL, 0, FALSE));
    HANDLE sync_only;
    DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &sync_only, SYNCHRONIZE,
                    FALSE, 0);
    check_wait("soaw.signal_without_modify", SignalObjectAndWait(sync_only, b, 0, FALSE));
    CloseHandle(sync_only);
    CloseHandle(m);
    CloseHandle(sem);
    CloseHandle(a);
    CloseHandle(b);
}

struct worker {
    HANDLE ready, go, done;
    HANDLE objs[2];
    BOOL all;
    DWORD result;
};

/* Say it has started, then wait for objs. The wait may begin a little
 * after "ready"; the checks that follow hold either way. */
static DWORD WINAPI wait_for_objects(LPVOID arg)
{
    struct worker *w = arg;
    SetEvent(w->ready);
    w->result = WaitForMultipleObjects(2, w->objs, w->all, PATIENCE_MS);
    return 0;
}

static DWORD WINAPI set_later(LPVOID arg)
{
    struct worker *w = arg;
    WaitForSingleObject(w->go, INFINITE);
    SetEvent(w->done);
    return 0;
}

static void across_threads(void)
{
    struct worker w = { 0 };
    w.ready = automatic(FALSE);
    w.go = automatic(FALSE);
    w.done = manual(FALSE);

    /* A wait this thread is in, satisfied by another thread. */
    HANDLE t = CreateThread(NULL, 0, set_later, &w, 0, NULL);
    check_wait("threads.set_by_other", SignalObjectAndWait(w.go, w.done, PATIENCE_MS, FALSE));
    check_wait("threads.setter_ended", WaitForSingleObject(t, PATIENCE_MS));
    CloseHandle(t);

    /* Wait-all in another thread: one object set does not release it, and
     * it takes nothing while it waits, so the object can still be taken
     * here. Whether or not its wait has started yet, the outcome is the
     * same. */
    w.objs[0] = automatic(FALSE);
    w.objs[1] = automatic(FALSE);
    w.all = TRUE;
    t = CreateThread(NULL, 0, wait_for_objects, &w, 0, NULL);
    WaitForSingleObject(w.ready, INFINITE);
    SetEvent(w.objs[0]);
    check_wait("threads.all.one_set.still_waiting", WaitForSingleObject(t, 100));
    check_wait("threads.all.one_set.not_taken", WaitForSingleObject(w.objs[0], 0));
    SetEvent(w.objs[0]);
    SetEvent(w.objs[1]);
    check_wait("threads.all.both_set.ends", WaitForSingleObject(t, PATIENCE_MS));
    check_wait("threads.all.result", w.result);
    check_wait("threads.all.took_first", WaitForSingleObject(w.objs[0], 0));
    check_wait("threads.all.took_second", WaitForSingleObject(w.objs[1], 0));
    CloseHandle(t);

    /* Wait-any in another thread, released by the second object. */
    w.all = FALSE;
    t = CreateThread(NULL, 0, wait_for_objects, &w, 0, NULL);
    WaitForSingleObject(w.ready, INFINITE);
    SetEvent(w.objs[1]);
    check_wait("threads.any.ends", WaitForSingleObject(t, PATIENCE_MS));
    check_wait("threads.any.result", w.result);
    CloseHandle(t);
    close_all(w.objs, 2);

    /* Waits on thread handles: wait-any over two threads, one ended. */
    HANDLE blocked_go = manual(FALSE);
    struct worker blocked = { .go = blocked_go, .done = manual(FALSE) };
    HANDLE threads[2];
    threads[0] = CreateThread(NULL, 0, set_later, &blocked, 0, NULL);
    struct worker quick = { .go = manual(TRUE), .done = manual(FALSE) };
    threads[1] = CreateThread(NULL, 0, set_later, &quick, 0, NULL);
    check_wait("threads.wait_any_thread", WaitForMultipleObjects(2, threads, FALSE, PATIENCE_MS));
    check_wait("threads.other_still_running", WaitForSingleObject(threads[0], 0));
    SetEvent(blocked_go);
    check_wait("threads.wait_all_threads", WaitForMultipleObjects(2, threads, TRUE, PATIENCE_MS));
    close_all(threads, 2);
    CloseHandle(blocked_go);
    CloseHandle(blocked.done);
    CloseHandle(quick.go);
    CloseHandle(quick.done);
    CloseHandle(w.ready);
    CloseHandle(w.go);
    CloseHandle(w.done);
}

int main(void)
{
    wait_any();
    wait_all();
    counts_and_bad_handles();
    timeouts();
    signal_and_wait();
    across_threads();
    return 0;
}
