/*
 * Threads: CreateThread, exit codes, ExitThread, thread handles and ids,
 * the pseudo-handles, and the per-thread last error.
 */
#include "conformance.h"

static HANDLE go;      /* set by the main thread to let a worker finish */
static DWORD seen_tid; /* GetCurrentThreadId() as the worker saw it */

static DWORD WINAPI wait_then_return(LPVOID arg)
{
    seen_tid = GetCurrentThreadId();
    WaitForSingleObject(go, INFINITE);
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD WINAPI exit_thread(LPVOID arg)
{
    ExitThread((DWORD)(ULONG_PTR)arg);
}

static void create_and_exit_codes(void)
{
    DWORD tid = 0, code = 0xdead;
    go = CreateEventA(NULL, TRUE, FALSE, NULL);

    SetLastError(UNTOUCHED_ERROR);
    HANDLE t = CreateThread(NULL, 0, wait_then_return, (LPVOID)42, 0, &tid);
    check_handle("create", t);
    check_yes("create.tid_nonzero", tid != 0);
    check_yes("create.tid_not_ours", tid != GetCurrentThreadId());
    check_yes("create.get_thread_id", GetThreadId(t) == tid);
    check_wait("running.wait_0", WaitForSingleObject(t, 0));
    check_bool("running.exit_code", GetExitCodeThread(t, &code));
    check("running.exit_code.value", "%u", (unsigned)code);

    SetEvent(go);
    check_wait("ended.wait", WaitForSingleObject(t, PATIENCE_MS));
    check_yes("ended.tid_seen_inside", seen_tid == tid);
    check_bool("ended.exit_code", GetExitCodeThread(t, &code));
    check("ended.exit_code.value", "%u", (unsigned)code);
    /* An ended thread's handle stays signaled and keeps its code. */
    check_wait("ended.wait_again", WaitForSingleObject(t, 0));
    check_yes("ended.get_thread_id", GetThreadId(t) == tid);
    CloseHandle(t);

    t = CreateThread(NULL, 0, exit_thread, (LPVOID)7, 0, NULL);
    check_wait("exit_thread.wait", WaitForSingleObject(t, PATIENCE_MS));
    GetExitCodeThread(t, &code);
    check("exit_thread.exit_code", "%u", (unsigned)code);
    CloseHandle(t);

    /* A thread may end with STILL_ACTIVE: only the wait tells it ended. */
    t = CreateThread(NULL, 0, exit_thread, (LPVOID)STILL_ACTIVE, 0, NULL);
    check_wait("exit_still_active.wait", WaitForSingleObject(t, PATIENCE_MS));
    GetExitCodeThread(t, &code);
    check("exit_still_active.exit_code", "%u", (unsigned)code);
    CloseHandle(t);

    /* Closing its handle does not end a thread. */
    ResetEvent(go);
    t = CreateThread(NULL, 0, wait_then_return, (LPVOID)0, 0, &tid);
    check_bool("close_running.close", CloseHandle(t));
    HANDLE again = OpenThread(SYNCHRONIZE, FALSE, tid);
    check_handle("close_running.open_thread", again);
    check_wait("close_running.still_running", WaitForSingleObject(again, 0));
    SetEvent(go);
    check_wait("close_running.ends", WaitForSingleObject(again, PATIENCE_MS));
    CloseHandle(again);
}

static void pseudo_handles(void)
{
    DWORD code = 0xdead;
    check_yes("pseudo.current_thread_is_-2", GetCurrentThread() == (HANDLE)(LONG_PTR)-2);
    check_yes("pseudo.current_process_is_-1", GetCurrentProcess() == (HANDLE)(LONG_PTR)-1);
    check_yes("pseudo.thread_id", GetThreadId(GetCurrentThread()) == GetCurrentThreadId());
    check_yes("pseudo.process_id", GetProcessId(GetCurrentProcess()) == GetCurrentProcessId());
    check_bool("pseudo.exit_code", GetExitCodeThread(GetCurrentThread(), &code));
    check("pseudo.exit_code.value", "%u", (unsigned)code);
    check_wait("pseudo.wait_0", WaitForSingleObject(GetCurrentThread(), 0));
}

static void bad_handles(void)
{
    DWORD code = 0xdead;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_bool("exit_code.null", GetExitCodeThread(NULL, &code));
    check_bool("exit_code.event", GetExitCodeThread(ev, &code));
    check_bool("exit_code.process", GetExitCodeThread(GetCurrentProcess(), &code));
    check("thread_id.event", "%u", (unsigned)GetThreadId(ev));
    check_handle("open_thread.id_0", OpenThread(SYNCHRONIZE, FALSE, 0));
    CloseHandle(ev);

    /* GetExitCodeThread needs a query right; SYNCHRONIZE is not one. */
    HANDLE t = CreateThread(NULL, 0, exit_thread, (LPVOID)3, 0, NULL), h;
    WaitForSingleObject(t, PATIENCE_MS);
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &h, SYNCHRONIZE, FALSE, 0);
    check_bool("access.synchronize.exit_code", GetExitCodeThread(h, &code));
    check_wait("access.synchronize.wait", WaitForSingleObject(h, 0));
    SetLastError(UNTOUCHED_ERROR);
    DWORD id = GetThreadId(h);
    check_bool("access.synchronize.thread_id", id != 0);
    CloseHandle(h);
    /* Generic rights map to the thread's own: read gives the query
     * rights, execute gives SYNCHRONIZE and the limited query right. */
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &h, GENERIC_READ, FALSE, 0);
    check_bool("access.generic_read.exit_code", GetExitCodeThread(h, &code));
    check_wait("access.generic_read.wait", WaitForSingleObject(h, 0));
    CloseHandle(h);
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &h, GENERIC_EXECUTE, FALSE, 0);
    check_bool("access.generic_execute.exit_code", GetExitCodeThread(h, &code));
    check_wait("access.generic_execute.wait", WaitForSingleObject(h, 0));
    CloseHandle(h);
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &h,
                    THREAD_QUERY_INFORMATION, FALSE, 0);
    check_bool("access.query.exit_code", GetExitCodeThread(h, &code));
    check_wait("access.query.wait", WaitForSingleObject(h, 0));
    CloseHandle(h);
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &h,
                    THREAD_QUERY_LIMITED_INFORMATION, FALSE, 0);
    check_bool("access.query_limited.exit_code", GetExitCodeThread(h, &code));
    CloseHandle(h);
    CloseHandle(t);
}

static DWORD WINAPI set_own_error(LPVOID arg)
{
    (void)arg;
    SetLastError(ERROR_NOT_OWNER);
    return GetLastError();
}

static DWORD WINAPI report_ids(LPVOID arg)
{
    DWORD *ids = arg;
    ids[0] = GetCurrentThreadId();
    ids[1] = GetCurrentProcessId();
    ids[2] = GetThreadId(GetCurrentThread());
    return 0;
}

static void per_thread_state(void)
{
    DWORD code = 0, ids[3] = { 0, 0, 0 }, tid = 0;

    SetLastError(ERROR_ACCESS_DENIED);
    HANDLE t = CreateThread(NULL, 0, set_own_error, NULL, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    SetLastError(ERROR_ACCESS_DENIED);
    GetExitCodeThread(t, &code); /* succeeds: leaves the last error alone */
    DWORD main_error = GetLastError();
    check("last_error.in_thread", "%s", code == ERROR_NOT_OWNER ? "its own" : "not its own");
    check("last_error.main_kept", "%s", main_error == ERROR_ACCESS_DENIED ? "kept" : "changed");
    CloseHandle(t);

    t = CreateThread(NULL, 0, report_ids, ids, 0, &tid);
    WaitForSingleObject(t, PATIENCE_MS);
    check_yes("ids.thread_id_inside", ids[0] == tid);
    check_yes("ids.same_process", ids[1] == GetCurrentProcessId());
    check_yes("ids.pseudo_inside", ids[2] == tid);
    CloseHandle(t);
}

/* Several threads at once: wait for all of their handles. */
static void many(void)
{
    HANDLE t[8];
    ResetEvent(go);
    for (int i = 0; i < 8; i++)
        t[i] = CreateThread(NULL, 0, wait_then_return, (LPVOID)(ULONG_PTR)(100 + i), 0, NULL);
    check_wait("many.none_ended", WaitForMultipleObjects(8, t, FALSE, 0));
    SetEvent(go);
    check_wait("many.all_ended", WaitForMultipleObjects(8, t, TRUE, PATIENCE_MS));
    DWORD sum = 0, code;
    for (int i = 0; i < 8; i++) {
        GetExitCodeThread(t[i], &code);
        sum += code;
        CloseHandle(t[i]);
    }
    check("many.exit_code_sum", "%u", (unsigned)sum);
}

int main(void)
{
    create_and_exit_codes();
    pseudo_handles();
    bad_handles();
    per_thread_state();
    many();
    return 0;
}
