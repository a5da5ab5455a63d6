/*
 * Semaphores: counts, the maximum, the previous count, ERROR_TOO_MANY_POSTS,
 * invalid parameters, names, and waiters in other threads.
 */
#include "conformance.h"

/* ReleaseSemaphore, printing the previous count it reports (or that it
 * left the variable alone). */
static void release(const char *name, HANDLE s, LONG count)
{
    char buf[32];
    LONG prev = -12345;
    BOOL ok = ReleaseSemaphore(s, count, &prev);
    DWORD error = GetLastError();
    if (ok)
        check(name, "TRUE, previous %d", (int)prev);
    else
        check(name, "FALSE, %s, previous %s", error_name(error, buf),
              prev == -12345 ? "untouched" : "written");
}

/* How many waits succeed at once: the count, without changing it. */
static void show_count(const char *name, HANDLE s)
{
    LONG n = 0;
    while (n < 100 && WaitForSingleObject(s, 0) == WAIT_OBJECT_0)
        n++;
    if (n)
        ReleaseSemaphore(s, n, NULL);
    check(name, "%d", (int)n);
}

static void counting(void)
{
    HANDLE s;
    SetLastError(UNTOUCHED_ERROR);
    check_create("create", s = CreateSemaphoreA(NULL, 2, 3, NULL));
    check_wait("wait1", WaitForSingleObject(s, 0));
    check_wait("wait2", WaitForSingleObject(s, 0));
    check_wait("wait3_empty", WaitForSingleObject(s, 0));
    release("release1", s, 1);
    release("release2", s, 2);
    show_count("count_at_max", s);
    release("release_past_max", s, 1);
    show_count("count_unchanged", s);
    WaitForSingleObject(s, 0);
    release("release_two_with_room_for_one", s, 2);
    show_count("count_after_refused", s);
    /* Microsoft documents the release count as "must be greater than
     * zero"; Windows refuses 0 and negative counts with
     * ERROR_INVALID_PARAMETER, and so does winhandle. Wine 8 returns TRUE
     * for 0 and ERROR_TOO_MANY_POSTS for -1. What all agree on is that
     * the count does not change, so only that is printed. */
    ReleaseSemaphore(s, 0, NULL);
    show_count("count_after_release_zero", s);
    ReleaseSemaphore(s, -1, NULL);
    show_count("count_after_release_negative", s);
    CloseHandle(s);

    s = CreateSemaphoreA(NULL, 0, 1, NULL);
    check_bool("release_without_previous", ReleaseSemaphore(s, 1, NULL));
    show_count("count_after_release_without_previous", s);
    CloseHandle(s);

    /* The largest counts. */
    s = CreateSemaphoreA(NULL, 0, 0x7fffffff, NULL);
    check_handle("create.max_long", s);
    release("release.max_long", s, 0x7fffffff);
    release("release.past_max_long", s, 1);
    CloseHandle(s);
    s = CreateSemaphoreA(NULL, 0x7fffffff, 0x7fffffff, NULL);
    release("release.full_max_long", s, 0x7fffffff);
    CloseHandle(s);
}

static void bad_parameters(void)
{
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.initial_above_max", CreateSemaphoreA(NULL, 4, 3, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.max_zero", CreateSemaphoreA(NULL, 0, 0, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.max_negative", CreateSemaphoreA(NULL, 0, -1, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.initial_negative", CreateSemaphoreA(NULL, -1, 3, NULL));
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.initial_equals_max", CreateSemaphoreA(NULL, 3, 3, NULL));
    /* Parameters are checked before the name is looked at. */
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, "conf-semaphores-taken");
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.bad_params_taken_name",
                 CreateSemaphoreA(NULL, 4, 3, "conf-semaphores-taken"));
    CloseHandle(ev);

    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL);
    release("release.null", NULL, 1);
    release("release.mutex", mutex, 1);
    release("release.current_process", GetCurrentProcess(), 1);
    CloseHandle(mutex);

    SetLastError(UNTOUCHED_ERROR);
    HANDLE s = CreateSemaphoreExA(NULL, 1, 2, NULL, 0, SEMAPHORE_ALL_ACCESS);
    check_create("ex.create", s);
    show_count("ex.count", s);
    CloseHandle(s);
    SetLastError(UNTOUCHED_ERROR);
    s = CreateSemaphoreExA(NULL, 1, 2, NULL, 1, SEMAPHORE_ALL_ACCESS);
    check_create("ex.nonzero_flags", s);
    if (s)
        CloseHandle(s);
    s = CreateSemaphoreExA(NULL, 1, 2, NULL, 0, SYNCHRONIZE);
    release("ex.synchronize.release", s, 1);
    check_wait("ex.synchronize.wait", WaitForSingleObject(s, 0));
    CloseHandle(s);
}

static void names(void)
{
    HANDLE a = CreateSemaphoreA(NULL, 1, 5, "conf-semaphores-named"), b;
    /* A create that finds the name ignores its own counts. */
    SetLastError(UNTOUCHED_ERROR);
    check_create("named.create_existing", b = CreateSemaphoreA(NULL, 0, 1, "conf-semaphores-named"));
    show_count("named.count_kept", b);
    release("named.max_kept", b, 4);
    CloseHandle(b);
    /* Counts that would be invalid for a new one are refused even so. */
    SetLastError(UNTOUCHED_ERROR);
    check_create("named.create_existing_bad_counts",
                 CreateSemaphoreA(NULL, 2, 1, "conf-semaphores-named"));
    b = OpenSemaphoreA(SEMAPHORE_ALL_ACCESS, FALSE, "conf-semaphores-named");
    check_handle("named.open", b);
    show_count("named.open.count", b);
    CloseHandle(b);
    CloseHandle(a);
}

static void waiters(void)
{
    struct waiter w[3];
    HANDLE threads[3];
    HANDLE s = CreateSemaphoreA(NULL, 0, 10, NULL);
    for (int i = 0; i < 3; i++) {
        waiter_start(&w[i], s);
        threads[i] = w[i].thread;
    }
    /* Two counts release two of the three waiters, and none is left. */
    /* The longest waiters are served first (Wine and winhandle; Windows
     * promises no order): threads 0 and 1. */
    release("waiters.release_two", s, 2);
    check_wait("waiters.first_two_end", WaitForMultipleObjects(2, threads, TRUE, PATIENCE_MS));
    check_wait("waiters.third_still_waits", WaitForSingleObject(threads[2], 100));
    show_count("waiters.count_left", s);
    release("waiters.release_last", s, 1);
    for (int i = 0; i < 3; i++)
        waiter_finish(&w[i]);
    check_wait("waiters.result0", w[0].result);
    check_wait("waiters.result1", w[1].result);
    check_wait("waiters.result2", w[2].result);
    show_count("waiters.count_end", s);
    CloseHandle(s);
}

int main(void)
{
    counting();
    bad_parameters();
    names();
    waiters();
    return 0;
}
