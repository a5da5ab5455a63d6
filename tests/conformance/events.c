/*
 * Events: manual and auto reset, SetEvent, ResetEvent, PulseEvent,
 * CreateEventExA's flags and access, and waiters in other threads.
 *
 * Waiters are started with waiter_start (conformance.h), so they are in
 * their wait when the main thread acts. On Windows that is not promised,
 * and PulseEvent is documented as unreliable for the same reason.
 */
#include "conformance.h"

static void manual_reset(void)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_wait("manual.initially_reset", WaitForSingleObject(ev, 0));
    check_bool("manual.set", SetEvent(ev));
    check_wait("manual.wait1", WaitForSingleObject(ev, 0));
    check_wait("manual.wait2_still_set", WaitForSingleObject(ev, 0));
    check_bool("manual.set_again", SetEvent(ev));
    check_bool("manual.reset", ResetEvent(ev));
    check_wait("manual.after_reset", WaitForSingleObject(ev, 0));
    check_bool("manual.reset_again", ResetEvent(ev));
    CloseHandle(ev);

    ev = CreateEventA(NULL, TRUE, TRUE, NULL);
    check_wait("manual.initially_set", WaitForSingleObject(ev, 0));
    check_wait("manual.initially_set.stays", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
}

static void auto_reset(void)
{
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    check_wait("auto.initially_reset", WaitForSingleObject(ev, 0));
    check_bool("auto.set", SetEvent(ev));
    check_wait("auto.wait1", WaitForSingleObject(ev, 0));
    check_wait("auto.wait2_consumed", WaitForSingleObject(ev, 0));
    /* Setting twice is still one signal. */
    SetEvent(ev);
    SetEvent(ev);
    check_wait("auto.set_twice.wait1", WaitForSingleObject(ev, 0));
    check_wait("auto.set_twice.wait2", WaitForSingleObject(ev, 0));
    SetEvent(ev);
    check_bool("auto.reset", ResetEvent(ev));
    check_wait("auto.after_reset", WaitForSingleObject(ev, 0));
    CloseHandle(ev);

    ev = CreateEventA(NULL, FALSE, TRUE, NULL);
    check_wait("auto.initially_set", WaitForSingleObject(ev, 0));
    check_wait("auto.initially_set.consumed", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
}

/* With nobody waiting, PulseEvent leaves the event reset. */
static void pulse_alone(void)
{
    HANDLE manual = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE automatic = CreateEventA(NULL, FALSE, FALSE, NULL);
    check_bool("pulse.alone.manual", PulseEvent(manual));
    check_wait("pulse.alone.manual.after", WaitForSingleObject(manual, 0));
    check_bool("pulse.alone.auto", PulseEvent(automatic));
    check_wait("pulse.alone.auto.after", WaitForSingleObject(automatic, 0));
    /* A set event is reset by a pulse too. */
    SetEvent(manual);
    check_bool("pulse.set.manual", PulseEvent(manual));
    check_wait("pulse.set.manual.after", WaitForSingleObject(manual, 0));
    CloseHandle(manual);
    CloseHandle(automatic);
}

/* A short wait that must time out: the thread has not been released. If
 * it had been, this would see it end; a late release is not possible once
 * the event went back to reset, so the answer does not depend on timing. */
static DWORD still_waiting(struct waiter *w)
{
    return WaitForSingleObject(w->thread, 100);
}

/* Two threads wait on one event, then signal() is called once. A manual
 * event releases both, an auto event one: which one, Windows does not
 * promise; Wine and winhandle serve the longest waiter, a. */
static void two_waiters(const char *prefix, BOOL manual_reset, BOOL (*signal)(HANDLE))
{
    struct waiter a, b;
    const char *name;
    HANDLE ev = CreateEventA(NULL, manual_reset, FALSE, NULL);
    waiter_start(&a, ev);
    waiter_start(&b, ev);
    name = check_name(prefix, "signal");
    check_bool(name, signal(ev));
    name = check_name(prefix, "first_waiter_ends");
    check_wait(name, WaitForSingleObject(a.thread, PATIENCE_MS));
    name = check_name(prefix, "second_waiter");
    check_wait(name, manual_reset ? WaitForSingleObject(b.thread, PATIENCE_MS)
                                  : still_waiting(&b));
    name = check_name(prefix, "event_after");
    check_wait(name, WaitForSingleObject(ev, 0));
    SetEvent(ev); /* lets a waiter still there go */
    waiter_finish(&a);
    waiter_finish(&b);
    check_wait(check_name(prefix, "result_a"), a.result);
    check_wait(check_name(prefix, "result_b"), b.result);
    CloseHandle(ev);
}

static void waiters(void)
{
    two_waiters("set.manual", TRUE, SetEvent);
    two_waiters("set.auto", FALSE, SetEvent);
    /* PulseEvent releases whoever waits, all or one, and leaves the event
     * reset in both cases. */
    two_waiters("pulse.manual", TRUE, PulseEvent);
    two_waiters("pulse.auto", FALSE, PulseEvent);

    /* ResetEvent before anyone wakes: the waiter keeps waiting. */
    struct waiter a;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    waiter_start(&a, ev);
    check_wait("waiter.not_set", still_waiting(&a));
    SetEvent(ev);
    waiter_finish(&a);
    check_wait("waiter.after_set", a.result);
    CloseHandle(ev);
}

static void create_ex(void)
{
    HANDLE ev;

    SetLastError(UNTOUCHED_ERROR);
    check_create("ex.no_flags", ev = CreateEventExA(NULL, NULL, 0, EVENT_ALL_ACCESS));
    /* No flags: auto-reset, initially reset. */
    check_wait("ex.no_flags.initially_reset", WaitForSingleObject(ev, 0));
    SetEvent(ev);
    WaitForSingleObject(ev, 0);
    check_wait("ex.no_flags.auto_reset", WaitForSingleObject(ev, 0));
    CloseHandle(ev);

    ev = CreateEventExA(NULL, NULL, CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET,
                        EVENT_ALL_ACCESS);
    check_wait("ex.manual_set.wait1", WaitForSingleObject(ev, 0));
    check_wait("ex.manual_set.wait2", WaitForSingleObject(ev, 0));
    CloseHandle(ev);

    ev = CreateEventExA(NULL, NULL, CREATE_EVENT_INITIAL_SET, EVENT_ALL_ACCESS);
    check_wait("ex.auto_set.wait1", WaitForSingleObject(ev, 0));
    check_wait("ex.auto_set.wait2", WaitForSingleObject(ev, 0));
    CloseHandle(ev);

    SetLastError(UNTOUCHED_ERROR);
    ev = CreateEventExA(NULL, NULL, 0x4, EVENT_ALL_ACCESS);
    check_create("ex.unknown_flag", ev);
    if (ev)
        CloseHandle(ev);

    /* The access asked for is what the handle gets. */
    ev = CreateEventExA(NULL, NULL, CREATE_EVENT_INITIAL_SET, SYNCHRONIZE);
    check_bool("ex.synchronize.set", SetEvent(ev));
    check_wait("ex.synchronize.wait", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
    ev = CreateEventExA(NULL, NULL, 0, EVENT_MODIFY_STATE);
    check_bool("ex.modify.set", SetEvent(ev));
    check_wait("ex.modify.wait", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
}

static void wrong_handles(void)
{
    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL);
    HANDLE sem = CreateSemaphoreA(NULL, 0, 1, NULL);
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_bool("set.null", SetEvent(NULL));
    check_bool("set.mutex", SetEvent(mutex));
    check_bool("set.semaphore", SetEvent(sem));
    check_bool("set.current_process", SetEvent(GetCurrentProcess()));
    check_bool("reset.mutex", ResetEvent(mutex));
    check_bool("pulse.null", PulseEvent(NULL));
    CloseHandle(ev);
    check_bool("set.closed", SetEvent(ev));
    CloseHandle(mutex);
    CloseHandle(sem);
}

int main(void)
{
    manual_reset();
    auto_reset();
    pulse_alone();
    waiters();
    create_ex();
    wrong_handles();
    return 0;
}
