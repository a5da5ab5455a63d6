/*
 * Process objects: ids, exit codes (ExitProcess, a return from main,
 * TerminateProcess), the process handle signaled at the end, OpenProcess
 * and what each access right allows, OpenThread and GetThreadId on a
 * child's main thread, CREATE_SUSPENDED with SuspendThread and
 * ResumeThread, and what a child sees of how it was started.
 *
 * The program re-executes itself (children.h); children report through
 * their exit codes and mailboxes, and only the parent prints.
 */
#include "children.h"

static DWORD tag; /* the parent's process id: names private to this run */

/* ---- children ---- */

/* The command line the "cmdline" child is started with, spaces and
 * quotes included. */
static void cmdline_for(char *buf, size_t len, DWORD for_tag)
{
    snprintf(buf, len, "\"%s\" cmdline %lu  two  \"quoted arg\" x", self_path,
             (unsigned long)for_tag);
}

/* Bits: 1 GetCommandLineA is the exact line, 2 argv was split from it. */
static int child_cmdline(int argc, char **argv)
{
    char expected[MAX_PATH + 128];
    cmdline_for(expected, sizeof(expected), tag);
    int bits = 0;
    if (!strcmp(GetCommandLineA(), expected))
        bits |= 1;
    if (argc == 6 && !strcmp(argv[3], "two") && !strcmp(argv[4], "quoted arg") &&
        !strcmp(argv[5], "x"))
        bits |= 2;
    return bits;
}

/* Bits: 1 cb, 2 the flags, 4 the position, 8 the title. */
static int child_startup(void)
{
    STARTUPINFOA si;
    memset(&si, 0xcc, sizeof(si));
    GetStartupInfoA(&si);
    int bits = 0;
    if (si.cb == sizeof(si))
        bits |= 1;
    if (si.dwFlags & STARTF_USEPOSITION)
        bits |= 2;
    if (si.dwX == 12 && si.dwY == 34)
        bits |= 4;
    if (si.lpTitle && !strcmp(si.lpTitle, "conformance title"))
        bits |= 8;
    return bits;
}

/* The worker of "last_thread": it outlives the main thread, then ends
 * the process by returning. */
static DWORD WINAPI outlive_main_thread(LPVOID main_thread)
{
    WaitForSingleObject(main_thread, PATIENCE_MS);
    return 0x4321;
}

/* The main thread leaves with ExitThread while another thread runs on. */
static int child_last_thread(void)
{
    HANDLE main_thread = NULL;
    DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &main_thread,
                    0, FALSE, DUPLICATE_SAME_ACCESS);
    CreateThread(NULL, 0, outlive_main_thread, main_thread, 0, NULL);
    ExitThread(0x1111);
}

static int child_main(int argc, char **argv)
{
    tag = arg_number(argv[2]);
    const char *role = argv[1];
    if (!strcmp(role, "exit") && argc == 4)
        ExitProcess(arg_number(argv[3]));
    if (!strcmp(role, "return") && argc == 4)
        return (int)arg_number(argv[3]);
    if (!strcmp(role, "terminate_self") && argc == 4)
        TerminateProcess(GetCurrentProcess(), arg_number(argv[3]));
    if (!strcmp(role, "last_thread"))
        return child_last_thread();
    if (!strcmp(role, "wait")) {
        HANDLE go = shared_event(tag, "go");
        return WaitForSingleObject(go, PATIENCE_MS) == WAIT_OBJECT_0 ? 0 : 1;
    }
    if (!strcmp(role, "mark")) {
        signal_shared(tag, argv[3]);
        return 7;
    }
    if (!strcmp(role, "ids")) {
        mailbox_put(tag, "pid", GetCurrentProcessId());
        mailbox_put(tag, "tid", GetCurrentThreadId());
        return 0;
    }
    if (!strcmp(role, "cmdline"))
        return child_cmdline(argc, argv);
    if (!strcmp(role, "startup"))
        return child_startup();
    return 99;
}

/* ---- the parent ---- */

/* An id compared with the one expected: yes, no, or 0 and the error. */
static void check_id(const char *name, DWORD id, DWORD expected)
{
    char buf[32];
    DWORD error = GetLastError();
    if (id)
        check(name, id == expected ? "yes" : "no");
    else
        check(name, "0, %s", error_name(error, buf));
}

/* An exit code read with GetExitCodeProcess or GetExitCodeThread. */
static void show_code(const char *name, HANDLE h, BOOL(WINAPI *get)(HANDLE, LPDWORD))
{
    DWORD code = 0xdead;
    if (get(h, &code))
        check(name, "TRUE, 0x%x", (unsigned)code);
    else
        check_bool(name, FALSE);
}

static void show_exit_code(const char *name, HANDLE process)
{
    show_code(name, process, GetExitCodeProcess);
}

static void show_thread_exit_code(const char *name, HANDLE thread)
{
    show_code(name, thread, GetExitCodeThread);
}

/* What a suspend count call returned: the previous count, or -1 and the
 * error. */
static void check_count(const char *name, DWORD count)
{
    char buf[32];
    DWORD error = GetLastError();
    if (count == (DWORD)-1)
        check(name, "-1, %s", error_name(error, buf));
    else
        check(name, "%u", (unsigned)count);
}

static BOOL spawn_role(const char *role, const char *arg, DWORD flags, STARTUPINFOA *si,
                       PROCESS_INFORMATION *pi)
{
    char args[128];
    snprintf(args, sizeof(args), "%s %lu %s", role, (unsigned long)tag, arg);
    return spawn_self_ex(args, NULL, NULL, FALSE, flags, si, pi);
}

/* The ids a child sees for itself are those CreateProcessA gave. */
static void ids(void)
{
    PROCESS_INFORMATION pi;
    HANDLE pid_box = mailbox_open(tag, "pid"), tid_box = mailbox_open(tag, "tid");
    check_bool("ids.create_process", spawn_role("ids", "", 0, NULL, &pi));
    check_yes("ids.nonzero", pi.dwProcessId && pi.dwThreadId);
    check_id("ids.get_process_id", GetProcessId(pi.hProcess), pi.dwProcessId);
    check_id("ids.get_thread_id", GetThreadId(pi.hThread), pi.dwThreadId);
    check_wait("ids.ended", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    check_yes("ids.child_process_id", mailbox_get(pid_box) == pi.dwProcessId);
    check_yes("ids.child_thread_id", mailbox_get(tid_box) == pi.dwThreadId);
    /* The ids stay readable through the handles after the end. */
    check_id("ids.ended.get_process_id", GetProcessId(pi.hProcess), pi.dwProcessId);
    check_id("ids.ended.get_thread_id", GetThreadId(pi.hThread), pi.dwThreadId);
    finish_child(&pi);
    CloseHandle(pid_box);
    CloseHandle(tid_box);

    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_id("ids.get_process_id.null", GetProcessId(NULL), 0);
    check_id("ids.get_process_id.event", GetProcessId(ev), 0);
    check_id("ids.get_thread_id.event", GetThreadId(ev), 0);
    CloseHandle(ev);
}

/* Every exit code is kept whole, all 32 bits, and the main thread ends
 * with the process's code. */
static void exit_codes(const char *how)
{
    static const DWORD codes[] = { 0, 1, 255, 256, 0x12345678, 0x80000000, 0xffffffff,
                                   STILL_ACTIVE };
    char name[64], arg[16];
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        PROCESS_INFORMATION pi;
        snprintf(arg, sizeof(arg), "%lu", (unsigned long)codes[i]);
        snprintf(name, sizeof(name), "%s.0x%x", how, (unsigned)codes[i]);
        if (!spawn_role(how, arg, 0, NULL, &pi)) {
            check_bool(name, FALSE);
            continue;
        }
        check_wait(check_name(name, "wait"), WaitForSingleObject(pi.hProcess, PATIENCE_MS));
        show_exit_code(check_name(name, "process"), pi.hProcess);
        check_wait(check_name(name, "thread_wait"), WaitForSingleObject(pi.hThread, 0));
        show_thread_exit_code(check_name(name, "thread"), pi.hThread);
        finish_child(&pi);
    }
}

/* TerminateProcess on itself; ExitThread from the main thread, which
 * leaves the process to the thread that ends last. */
static void other_endings(void)
{
    PROCESS_INFORMATION pi;
    check_bool("terminate_self.create_process",
               spawn_role("terminate_self", "0x1234abcd", 0, NULL, &pi));
    check_wait("terminate_self.wait", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    show_exit_code("terminate_self.exit_code", pi.hProcess);
    show_thread_exit_code("terminate_self.thread_exit_code", pi.hThread);
    finish_child(&pi);

    check_bool("last_thread.create_process", spawn_role("last_thread", "", 0, NULL, &pi));
    check_wait("last_thread.wait", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    show_exit_code("last_thread.exit_code", pi.hProcess);
    show_thread_exit_code("last_thread.main_thread_exit_code", pi.hThread);
    finish_child(&pi);
}

/* The access rights of the issue, one handle each to a running child. */
static const struct right {
    const char *name;
    DWORD access;
} rights[] = {
    { "dup_handle", PROCESS_DUP_HANDLE },
    { "query_information", PROCESS_QUERY_INFORMATION },
    { "query_limited_information", PROCESS_QUERY_LIMITED_INFORMATION },
    { "terminate", PROCESS_TERMINATE },
    { "synchronize", SYNCHRONIZE },
    { "all_access", PROCESS_ALL_ACCESS },
    { "none", 0 },
};
#define RIGHTS (sizeof(rights) / sizeof(rights[0]))

/* What a handle with one right can do to the running child: everything
 * but terminate it. */
static void try_right(const char *prefix, HANDLE h, DWORD pid)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), copy = NULL;
    check_id(check_name(prefix, "get_process_id"), GetProcessId(h), pid);
    show_exit_code(check_name(prefix, "exit_code"), h);
    check_wait(check_name(prefix, "wait"), WaitForSingleObject(h, 0));
    check_bool(check_name(prefix, "dup_into"),
               DuplicateHandle(GetCurrentProcess(), ev, h, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    CloseHandle(ev);
}

/* After the child ended, what each handle can still read. */
static void try_right_after(const char *prefix, HANDLE h)
{
    show_exit_code(check_name(prefix, "ended.exit_code"), h);
    check_wait(check_name(prefix, "ended.wait"), WaitForSingleObject(h, 0));
}

static void open_and_terminate(void)
{
    PROCESS_INFORMATION pi;
    HANDLE opened[RIGHTS], go = shared_event(tag, "go");
    char name[64];
    ResetEvent(go);
    check_bool("running.create_process", spawn_role("wait", "", 0, NULL, &pi));
    show_exit_code("running.exit_code", pi.hProcess);
    show_thread_exit_code("running.thread_exit_code", pi.hThread);
    check_wait("running.wait", WaitForSingleObject(pi.hProcess, 0));
    for (size_t i = 0; i < RIGHTS; i++) {
        snprintf(name, sizeof(name), "open.%s", rights[i].name);
        SetLastError(UNTOUCHED_ERROR);
        opened[i] = OpenProcess(rights[i].access, FALSE, pi.dwProcessId);
        check_handle(name, opened[i]);
        try_right(name, opened[i], pi.dwProcessId);
        if (!(rights[i].access & PROCESS_TERMINATE))
            check_bool(check_name(name, "terminate"), TerminateProcess(opened[i], 3));
    }
    check_wait("running.still_running", WaitForSingleObject(pi.hProcess, 0));

    /* OpenThread on the child's main thread. */
    HANDLE thread = OpenThread(THREAD_QUERY_INFORMATION | SYNCHRONIZE, FALSE, pi.dwThreadId);
    check_handle("open_thread", thread);
    check_id("open_thread.get_thread_id", GetThreadId(thread), pi.dwThreadId);
    check_wait("open_thread.wait", WaitForSingleObject(thread, 0));
    HANDLE sync_only = OpenThread(SYNCHRONIZE, FALSE, pi.dwThreadId);
    check_count("open_thread.synchronize.resume", ResumeThread(sync_only));
    CloseHandle(sync_only);

    /* Through the handle with PROCESS_TERMINATE only, with a code that
     * needs all 32 bits. */
    check_bool("terminate", TerminateProcess(opened[3], 0x87654321));
    check_wait("terminate.wait", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    show_exit_code("terminate.exit_code", pi.hProcess);
    show_thread_exit_code("terminate.thread_exit_code", pi.hThread);
    check_wait("terminate.thread_wait", WaitForSingleObject(thread, 0));
    for (size_t i = 0; i < RIGHTS; i++) {
        snprintf(name, sizeof(name), "open.%s", rights[i].name);
        try_right_after(name, opened[i]);
    }

    /* An ended process is still there for as long as handles to it are:
     * its code stays readable, and its id still opens it. */
    DWORD pid = pi.dwProcessId, tid = pi.dwThreadId;
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    show_exit_code("ended.exit_code_through_other_handle", opened[5]);
    HANDLE again = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    check_handle("ended.open_process", again);
    show_exit_code("ended.open_process.exit_code", again);
    CloseHandle(again);
    again = OpenThread(THREAD_QUERY_INFORMATION, FALSE, tid);
    check_handle("ended.open_thread", again);
    show_thread_exit_code("ended.open_thread.exit_code", again);
    CloseHandle(again);
    CloseHandle(thread);
    /* (Once the last handle is closed the id names nothing, but when that
     * happens is not ours to say: Windows' csrss and Wine's server keep
     * their own references for a while.) */
    for (size_t i = 0; i < RIGHTS; i++)
        CloseHandle(opened[i]);
    CloseHandle(go);
}

/* Terminating an ended process, and with bad handles. */
static void terminate_errors(void)
{
    PROCESS_INFORMATION pi;
    spawn_role("exit", "5", 0, NULL, &pi);
    WaitForSingleObject(pi.hProcess, PATIENCE_MS);
    /* "After a process has terminated, call to TerminateProcess with open
     * handles to the process fails with ERROR_ACCESS_DENIED" (Microsoft's
     * documentation), as it does here; Wine 8 returns TRUE. Both keep the
     * code the process ended with, which is what is printed. */
    TerminateProcess(pi.hProcess, 6);
    show_exit_code("terminate.ended.exit_code", pi.hProcess);
    finish_child(&pi);
    check_bool("terminate.null", TerminateProcess(NULL, 1));
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_bool("terminate.event", TerminateProcess(ev, 1));
    show_exit_code("exit_code.event", ev);
    show_exit_code("exit_code.null", NULL);
    CloseHandle(ev);
}

static void open_process_errors(void)
{
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_process.pid_0", OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, 0));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_process.no_such_pid",
                 OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, 0x7ffffffc));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_thread.tid_0", OpenThread(THREAD_QUERY_INFORMATION, FALSE, 0));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_thread.no_such_tid",
                 OpenThread(THREAD_QUERY_INFORMATION, FALSE, 0x7ffffffc));

    HANDLE self = OpenProcess(PROCESS_ALL_ACCESS, TRUE, GetCurrentProcessId());
    check_handle("open_process.self", self);
    check_id("open_process.self.get_process_id", GetProcessId(self), GetCurrentProcessId());
    show_exit_code("open_process.self.exit_code", self);
    show_flags("open_process.self.flags", self);
    CloseHandle(self);
}

/* CREATE_SUSPENDED: the child runs nothing until ResumeThread; it would
 * set the named event "ran" first thing. The suspend count goes up and
 * down; a suspended process can be terminated. */
static void suspended(void)
{
    PROCESS_INFORMATION pi;
    HANDLE ran = shared_event(tag, "ran");
    check_bool("suspended.create_process", spawn_role("mark", "ran", CREATE_SUSPENDED, NULL,
                                                      &pi));
    /* Waiting proves nothing by itself; a child that was not held would
     * have had the time to set the event. */
    check_wait("suspended.not_run", WaitForSingleObject(ran, 200));
    check_wait("suspended.wait", WaitForSingleObject(pi.hProcess, 0));
    show_exit_code("suspended.exit_code", pi.hProcess);
    show_thread_exit_code("suspended.thread_exit_code", pi.hThread);
    HANDLE opened = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pi.dwProcessId);
    check_handle("suspended.open_process", opened);
    check_id("suspended.open_process.get_process_id", GetProcessId(opened), pi.dwProcessId);
    CloseHandle(opened);
    HANDLE thread = OpenThread(THREAD_SUSPEND_RESUME, FALSE, pi.dwThreadId);
    check_handle("suspended.open_thread", thread);
    check_count("suspended.suspend", SuspendThread(thread));
    check_count("suspended.resume_1", ResumeThread(pi.hThread));
    check_wait("suspended.still_not_run", WaitForSingleObject(ran, 0));
    /* The last resume through the handle OpenThread gave. */
    check_count("suspended.resume_2", ResumeThread(thread));
    check_wait("suspended.ran", WaitForSingleObject(ran, PATIENCE_MS));
    check_wait("suspended.ended", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    check_count("suspended.ended.resume", ResumeThread(thread));
    check_count("suspended.ended.suspend", SuspendThread(thread));
    CloseHandle(thread);
    show_exit_code("suspended.ended.exit_code", pi.hProcess);
    show_thread_exit_code("suspended.ended.thread_exit_code", pi.hThread);
    finish_child(&pi);
    CloseHandle(ran);

    ran = shared_event(tag, "ran_killed");
    check_bool("suspended.terminate.create_process",
               spawn_role("mark", "ran_killed", CREATE_SUSPENDED, NULL, &pi));
    check_bool("suspended.terminate", TerminateProcess(pi.hProcess, 9));
    check_wait("suspended.terminate.wait", WaitForSingleObject(pi.hProcess, PATIENCE_MS));
    show_exit_code("suspended.terminate.exit_code", pi.hProcess);
    show_thread_exit_code("suspended.terminate.thread_exit_code", pi.hThread);
    check_wait("suspended.terminate.never_ran", WaitForSingleObject(ran, 0));
    finish_child(&pi);
    CloseHandle(ran);
}

/* What the child sees of how it was started. */
static void startup(void)
{
    char cmd[MAX_PATH + 128];
    PROCESS_INFORMATION pi;
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    cmdline_for(cmd, sizeof(cmd), tag);
    check_bool("cmdline.create_process",
               CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi));
    DWORD bits = finish_child(&pi);
    check_bit("cmdline.exact", bits, 1);
    check_bit("cmdline.argv", bits, 2);

    si.dwFlags = STARTF_USEPOSITION;
    si.dwX = 12;
    si.dwY = 34;
    si.lpTitle = (LPSTR) "conformance title";
    check_bool("startup.create_process", spawn_role("startup", "", 0, &si, &pi));
    bits = finish_child(&pi);
    check_bit("startup.cb", bits, 1);
    check_bit("startup.flags", bits, 2);
    check_bit("startup.position", bits, 4);
    check_bit("startup.title", bits, 8);
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2)
        return child_main(argc, argv);
    tag = GetCurrentProcessId();
    ids();
    exit_codes("exit");
    exit_codes("return");
    other_endings();
    open_and_terminate();
    terminate_errors();
    open_process_errors();
    suspended();
    startup();
    return 0;
}
