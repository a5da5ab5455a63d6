/*
 * A 32-bit and a 64-bit process sharing a session: this program (one
 * width) against the same program built for the other width, found among
 * its arguments (a sibling build dir's tests/test_widths; tests/meson.build
 * passes the candidates, as for integration/ring_widths). Without one the
 * test is skipped (exit 77).
 *
 * Each kind of sharing the Win32 documentation promises between the widths
 * (the interprocess communication page of the 64-bit programming guide):
 * kernel handles by value (truncated to 32 bits and sign-extended back),
 * by DuplicateHandle both ways and by inheritance both ways, named objects,
 * a named pipe between them, USER handles (menus) by value, the pseudo-
 * handles and INVALID_HANDLE_VALUE; CreateProcessA and ShellExecuteExA of
 * the other width; IsWow64Process of each; and the file system redirector
 * seen from the 32-bit side (System32 → SysWOW64, Sysnative, disabling it
 * per thread) and the 64-bit side (never redirected).
 *
 * Roles: "self peer ROLE ARGS..." is the other process. Values cross on
 * command lines and through the pipe as 32-bit integers (HandleToLong),
 * as a program that shares handles between widths must pass them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>
#include <shellapi.h>

#include "elf_width.h"
#include "spawn_self.h"
#include "tap.h"

static const unsigned own_width = sizeof(void *) * 8;
static char peer_path[MAX_PATH];
static unsigned peer_width;

/* ---- small helpers ---- */

static BOOL start(const char *program, const char *args, BOOL inherit, DWORD flags,
                  PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH * 2 + 256];
    STARTUPINFOA si = { .cb = sizeof(si) };
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", program, args);
    return CreateProcessA(program, cmd, NULL, NULL, inherit, flags, NULL, NULL, &si, pi);
}

static BOOL send32(HANDLE pipe, LONG v)
{
    DWORD n;
    return WriteFile(pipe, &v, sizeof(v), &n, NULL) && n == sizeof(v);
}

static LONG recv32(HANDLE pipe)
{
    LONG v = 0x7fffffff;
    DWORD n;
    if (!ReadFile(pipe, &v, sizeof(v), &n, NULL) || n != sizeof(v))
        return 0x7fffffff;
    return v;
}

/* ---- the peer's roles ---- */

/* "inherit EVENT SEMAPHORE": handles inherited at the same values. */
static int role_inherit(char **argv)
{
    HANDLE event = LongToHandle(atol(argv[0]));
    HANDLE sem = LongToHandle(atol(argv[1]));
    DWORD flags = 0;
    if (!GetHandleInformation(event, &flags) || !(flags & HANDLE_FLAG_INHERIT))
        return 10;
    if (!SetEvent(event))
        return 11;
    if (!ReleaseSemaphore(sem, 2, NULL))
        return 12;
    return 0;
}

/* "spawn PROGRAM": start PROGRAM (the other width again) with an inherited
 * event, as the inherit role; 0 if it set it. */
static int role_spawn(char **argv)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE event = CreateEventA(&sa, TRUE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreA(&sa, 0, 10, NULL);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "peer inherit %d %d", HandleToLong(event), HandleToLong(sem));
    if (!start(argv[0], args, TRUE, 0, &pi))
        return 20;
    if (finish_child(&pi) != 0)
        return 21;
    return WaitForSingleObject(event, 0) == WAIT_OBJECT_0 ? 0 : 22;
}

/* "pipe NAME PARENT_PID": the conversation of talk() from the other side. */
static int role_pipe(char **argv)
{
    HANDLE pipe = CreateFileA(argv[0], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              0, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
        return 30;
    /* 1. A mutex the parent duplicated into us, by its 32-bit value. */
    HANDLE mutex = LongToHandle(recv32(pipe));
    send32(pipe, WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0 && ReleaseMutex(mutex));
    /* 2. An event of ours duplicated into the parent, which sets it. */
    HANDLE parent = OpenProcess(PROCESS_DUP_HANDLE, FALSE, (DWORD)atol(argv[1]));
    HANDLE mine = CreateEventA(NULL, TRUE, FALSE, NULL), theirs = NULL;
    DuplicateHandle(GetCurrentProcess(), mine, parent, &theirs, 0, FALSE, DUPLICATE_SAME_ACCESS);
    send32(pipe, HandleToLong(theirs));
    recv32(pipe); /* set */
    send32(pipe, WaitForSingleObject(mine, 0) == WAIT_OBJECT_0);
    /* 3. The pseudo-handles and INVALID_HANDLE_VALUE, as 32-bit values. */
    HANDLE self = LongToHandle(recv32(pipe)), thread = LongToHandle(recv32(pipe));
    HANDLE real_thread = NULL;
    BOOL pseudo = self == GetCurrentProcess() && GetProcessId(self) == GetCurrentProcessId() &&
                  thread == GetCurrentThread() &&
                  DuplicateHandle(self, thread, self, &real_thread, 0, FALSE,
                                  DUPLICATE_SAME_ACCESS) &&
                  GetThreadId(real_thread) == GetCurrentThreadId();
    send32(pipe, pseudo);
    HANDLE none = LongToHandle(recv32(pipe));
    send32(pipe, none == INVALID_HANDLE_VALUE);
    HANDLE failed = CreateFileA("/nonexistent-winhandle/x", GENERIC_READ, 0, NULL,
                                OPEN_EXISTING, 0, NULL);
    send32(pipe, HandleToLong(failed));
    /* 4. A named semaphore, opened by name. */
    char name[64];
    snprintf(name, sizeof(name), "widths-sem-%s", argv[1]);
    HANDLE sem = OpenSemaphoreA(SEMAPHORE_MODIFY_STATE, FALSE, name);
    send32(pipe, sem && ReleaseSemaphore(sem, 1, NULL));
    /* 5. The parent's menu by value; then one of ours for it. */
    HMENU menu = (HMENU)LongToHandle(recv32(pipe));
    char text[32] = "";
    GetMenuStringA(menu, 0, text, sizeof(text), MF_BYPOSITION);
    send32(pipe, GetMenuItemCount(menu) == 1 && !strcmp(text, "File"));
    HMENU popup = CreatePopupMenu();
    AppendMenuA(popup, MF_STRING, 7, "Peer");
    send32(pipe, HandleToLong(popup));
    recv32(pipe); /* the parent has looked: the menu may go with us */
    CloseHandle(pipe);
    return 0;
}

/* "tool": a program in the Windows directory; exits with its width. */
static int role_tool(void)
{
    return (int)own_width;
}

/* ---- the redirector, seen from this process ---- */

static char windir[MAX_PATH];

static DWORD run_tool(const char *dir, const char *name)
{
    char path[MAX_PATH + 64];
    PROCESS_INFORMATION pi;
    snprintf(path, sizeof(path), "%s/%s/%s", windir, dir, name);
    if (!start(path, "tool", FALSE, 0, &pi))
        return 1000 + GetLastError();
    return finish_child(&pi);
}

/* ShellExecuteExA of windir/DIR/tool, or with in_dir of "tool" with
 * lpDirectory windir/DIR (where the shell looks for a relative file). */
static DWORD shell_tool(const char *dir, int in_dir)
{
    char path[MAX_PATH + 64];
    snprintf(path, sizeof(path), "%s/%s%s", windir, dir, in_dir ? "" : "/tool");
    SHELLEXECUTEINFOA sei = { .cbSize = sizeof(sei), .fMask = SEE_MASK_NOCLOSEPROCESS,
                              .lpFile = in_dir ? "tool" : path, .lpParameters = "tool",
                              .lpDirectory = in_dir ? path : NULL };
    if (!ShellExecuteExA(&sei))
        return 1000 + GetLastError();
    DWORD code = 0xdead;
    WaitForSingleObject(sei.hProcess, 20000);
    GetExitCodeProcess(sei.hProcess, &code);
    CloseHandle(sei.hProcess);
    return code;
}

static int exists(const char *dir, const char *name)
{
    char path[MAX_PATH + 64];
    struct stat st;
    snprintf(path, sizeof(path), "%s/%s/%s", windir, dir, name);
    return stat(path, &st) == 0;
}

static DWORD WINAPI disable_elsewhere(LPVOID arg)
{
    PVOID old;
    Wow64DisableWow64FsRedirection(&old);
    *(DWORD *)arg = run_tool("System32", "tool"); /* this thread: not redirected */
    Wow64RevertWow64FsRedirection(old);
    return 0;
}

/* The checks a WOW64 process makes; the number of the first failed, or 0. */
static int redirect_checks(void)
{
    if (run_tool("System32", "tool") != 32)
        return 1;
    if (run_tool("Sysnative", "tool") != 64)
        return 2;
    if (run_tool("SYSTEM32", "tool") != 32) /* names compare ignoring case */
        return 3;
    PVOID old = (PVOID)5;
    if (!Wow64DisableWow64FsRedirection(&old))
        return 4;
    if (run_tool("System32", "tool") != 64)
        return 5;
    if (!Wow64RevertWow64FsRedirection(old) || run_tool("System32", "tool") != 32)
        return 6;
    DWORD other = 0;
    HANDLE t = CreateThread(NULL, 0, disable_elsewhere, &other, 0, NULL);
    WaitForSingleObject(t, 20000);
    CloseHandle(t);
    if (other != 64 || run_tool("System32", "tool") != 32) /* per thread */
        return 7;
    if (shell_tool("System32", 0) != 32 || shell_tool("Sysnative", 0) != 64 ||
        shell_tool("System32", 1) != 32 || shell_tool("Sysnative", 1) != 64)
        return 8;
    /* Files: a file made through System32 is SysWOW64's; an exempt
     * subdirectory stays System32's. */
    char path[MAX_PATH + 64];
    snprintf(path, sizeof(path), "%s/System32/marker", windir);
    HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(f);
    if (f == INVALID_HANDLE_VALUE || !exists("SysWOW64", "marker") || exists("System32", "marker"))
        return 9;
    if (!DeleteFileA(path) || exists("SysWOW64", "marker"))
        return 10;
    snprintf(path, sizeof(path), "%s/System32/spool/marker", windir);
    f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(f);
    if (f == INVALID_HANDLE_VALUE || !exists("System32/spool", "marker"))
        return 11;
    /* A relative path is redirected by where it leads. */
    char cwd[MAX_PATH];
    if (!getcwd(cwd, sizeof(cwd)) || chdir(windir) < 0)
        return 12;
    PROCESS_INFORMATION pi;
    DWORD code = start("./System32/../System32/tool", "tool", FALSE, 0, &pi) ? finish_child(&pi)
                                                                            : 0;
    if (chdir(cwd) < 0 || code != 32)
        return 13;
    BOOL wow = FALSE;
    if (!IsWow64Process(GetCurrentProcess(), &wow) || !wow)
        return 14;
    return 0;
}

/* "redirect WINDIR": the WOW64 checks in a 32-bit peer. */
static int role_redirect(char **argv)
{
    snprintf(windir, sizeof(windir), "%s", argv[0]);
    return redirect_checks();
}

static int peer_main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[0], "inherit"))
        return role_inherit(argv + 1);
    if (argc >= 1 && !strcmp(argv[0], "spawn"))
        return role_spawn(argv + 1);
    if (argc >= 3 && !strcmp(argv[0], "pipe"))
        return role_pipe(argv + 1);
    if (argc >= 2 && !strcmp(argv[0], "redirect"))
        return role_redirect(argv + 1);
    if (argc >= 1 && !strcmp(argv[0], "probe"))
        return 0;
    return 99;
}

/* ---- the tests, from this width ---- */

static DWORD run_peer(const char *args, BOOL inherit)
{
    PROCESS_INFORMATION pi;
    if (!start(peer_path, args, inherit, 0, &pi))
        return 1000 + GetLastError();
    return finish_child(&pi);
}

static void test_process_widths(void)
{
    PROCESS_INFORMATION pi;
    BOOL wow = 5, started = start(peer_path, "peer probe", FALSE, CREATE_SUSPENDED, &pi);
    ok(started, "CreateProcessA starts the %u-bit program (suspended)", peer_width);
    if (!started)
        return;
    BOOL asked = IsWow64Process(pi.hProcess, &wow);
    ok(asked && wow == (peer_width == 32), "IsWow64Process of the %u-bit child before it runs: %d",
       peer_width, wow);
    USHORT machine = 9, native = 9;
    asked = IsWow64Process2(pi.hProcess, &machine, &native);
    ok(asked &&
           machine == (peer_width == 32 ? IMAGE_FILE_MACHINE_I386 : IMAGE_FILE_MACHINE_UNKNOWN) &&
           native == IMAGE_FILE_MACHINE_AMD64,
       "IsWow64Process2 of it: process machine 0x%x, native 0x%x", machine, native);
    ResumeThread(pi.hThread);
    ok(finish_child(&pi) == 0, "the child ran and exited 0");
    asked = IsWow64Process(GetCurrentProcess(), &wow);
    ok(asked && wow == (own_width == 32),
       "IsWow64Process of this %u-bit process: %d", own_width, wow);
}

static void test_inherit(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE event = CreateEventA(&sa, TRUE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreA(&sa, 0, 10, NULL);
    char args[64];
    snprintf(args, sizeof(args), "peer inherit %d %d", HandleToLong(event), HandleToLong(sem));
    DWORD code = run_peer(args, TRUE);
    LONG count = -1;
    ok(code == 0, "a %u-bit child uses the handles it inherited at their 32-bit values (%lu)",
       peer_width, (unsigned long)code);
    ok(WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "it set the inherited event");
    BOOL released = ReleaseSemaphore(sem, 1, &count);
    ok(released && count == 2, "it released the semaphore twice (%d)",
       count);
    CloseHandle(event);
    CloseHandle(sem);

    /* The other way: the peer starts this width and hands down its own. */
    char self_args[MAX_PATH + 16];
    snprintf(self_args, sizeof(self_args), "peer spawn \"%s\"", self_path);
    code = run_peer(self_args, FALSE);
    ok(code == 0, "a %u-bit process starts a %u-bit one that inherits its handles (%lu)",
       peer_width, own_width, (unsigned long)code);
}

/* The width `winhandle ps --json` shows for pid (the inspector named by
 * $WINHANDLE_TEST_TOOL), or 0. */
static unsigned ps_width(DWORD pid)
{
    const char *tool = getenv("WINHANDLE_TEST_TOOL");
    char cmd[MAX_PATH + 32], line[512];
    unsigned width = 0, v;
    int mine = 0;
    if (!tool)
        return 0;
    snprintf(cmd, sizeof(cmd), "'%s' ps --json", tool);
    FILE *f = popen(cmd, "r");
    while (f && fgets(line, sizeof(line), f)) {
        if (sscanf(line, " \"pid\": %u", &v) == 1)
            mine = v == pid;
        else if (mine && sscanf(line, " \"bitness\": %u", &v) == 1)
            width = v;
    }
    if (f)
        pclose(f);
    return width;
}

static void test_pipe_conversation(void)
{
    char name[64], args[128];
    snprintf(name, sizeof(name), "\\\\.\\pipe\\widths-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE pipe = CreateNamedPipeA(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1,
                                   4096, 4096, 0, NULL);
    char sem_name[64];
    snprintf(sem_name, sizeof(sem_name), "widths-sem-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE sem = CreateSemaphoreA(NULL, 0, 10, sem_name);
    snprintf(args, sizeof(args), "peer pipe %s %lu", name, (unsigned long)GetCurrentProcessId());
    PROCESS_INFORMATION pi;
    BOOL started = start(peer_path, args, FALSE, 0, &pi);
    ok(pipe != INVALID_HANDLE_VALUE && started, "a named pipe and a %u-bit client for it",
       peer_width);
    if (!started)
        return;
    BOOL connected = ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED;
    ok(connected, "the %u-bit client connected to the %u-bit server", peer_width, own_width);
    unsigned ps_peer = ps_width(pi.dwProcessId), ps_own = ps_width(GetCurrentProcessId());
    ok(ps_peer == peer_width && ps_own == own_width,
       "winhandle ps: this process %u-bit, the client %u-bit", ps_own, ps_peer);
    BOOL wow = 5, asked = IsWow64Process(pi.hProcess, &wow);
    ok(asked && wow == (peer_width == 32), "IsWow64Process of the client now it has spoken: %d",
       wow);

    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL), dup = NULL;
    ok(DuplicateHandle(GetCurrentProcess(), mutex, pi.hProcess, &dup, 0, FALSE,
                       DUPLICATE_SAME_ACCESS),
       "DuplicateHandle into the %u-bit process", peer_width);
    send32(pipe, HandleToLong(dup));
    ok(recv32(pipe) == 1, "it took and released the mutex by the duplicated value");

    HANDLE theirs = LongToHandle(recv32(pipe));
    ok(SetEvent(theirs), "an event the %u-bit process duplicated into this one, sign-extended,"
                         " is set here", peer_width);
    send32(pipe, 1);
    ok(recv32(pipe) == 1, "and it saw it set");
    CloseHandle(theirs);

    send32(pipe, HandleToLong(GetCurrentProcess()));
    send32(pipe, HandleToLong(GetCurrentThread()));
    ok(recv32(pipe) == 1, "-1 and -2 sent as 32-bit values are its own pseudo-handles there");
    send32(pipe, HandleToLong(INVALID_HANDLE_VALUE));
    ok(recv32(pipe) == 1, "INVALID_HANDLE_VALUE sent as 32 bits is INVALID_HANDLE_VALUE there");
    ok(LongToHandle(recv32(pipe)) == INVALID_HANDLE_VALUE,
       "its failed CreateFileA's result, sent as 32 bits, is INVALID_HANDLE_VALUE here");

    LONG count = -1;
    BOOL opened = recv32(pipe) == 1;
    BOOL released = ReleaseSemaphore(sem, 1, &count);
    ok(opened && released && count == 1,
       "it opened a named semaphore of this process by name and released it (%d)", (int)count);

    HMENU menu = CreateMenu();
    AppendMenuA(menu, MF_STRING, 1, "File");
    send32(pipe, HandleToLong(menu));
    ok(recv32(pipe) == 1, "it reads this process's menu by its 32-bit value");
    HMENU popup = (HMENU)LongToHandle(recv32(pipe));
    char text[32] = "";
    ok(GetMenuStringA(popup, 7, text, sizeof(text), MF_BYCOMMAND) == 4 && !strcmp(text, "Peer"),
       "this process reads its menu by value: \"%s\"", text);
    send32(pipe, 1);
    ok(finish_child(&pi) == 0, "the %u-bit client exited 0", peer_width);
    DestroyMenu(menu);
    CloseHandle(mutex);
    CloseHandle(sem);
    CloseHandle(pipe);
}

static void test_shell_execute(void)
{
    SHELLEXECUTEINFOA sei = { .cbSize = sizeof(sei), .fMask = SEE_MASK_NOCLOSEPROCESS,
                              .lpVerb = "open", .lpFile = peer_path, .lpParameters = "peer probe",
                              .nShow = SW_SHOWNORMAL };
    BOOL done = ShellExecuteExA(&sei);
    ok(done && (INT_PTR)sei.hInstApp > 32 && sei.hProcess,
       "ShellExecuteExA opens the %u-bit program and gives its process", peer_width);
    DWORD code = 0xdead;
    if (done && sei.hProcess) {
        WaitForSingleObject(sei.hProcess, 20000);
        GetExitCodeProcess(sei.hProcess, &code);
        CloseHandle(sei.hProcess);
    }
    ok(code == 0, "and it exited 0 (%lu)", (unsigned long)code);
}

/* System32/tool is the 64-bit program, SysWOW64/tool the 32-bit one
 * (symbolic links to the two builds of this test). */
static int place_tools(void)
{
    char path[MAX_PATH + 64];
    const char *wide = own_width == 64 ? self_path : peer_path;
    const char *narrow = own_width == 32 ? self_path : peer_path;
    snprintf(path, sizeof(path), "%s/System32/tool", windir);
    if (symlink(wide, path) < 0 && errno != EEXIST)
        return -1;
    snprintf(path, sizeof(path), "%s/SysWOW64/tool", windir);
    if (symlink(narrow, path) < 0 && errno != EEXIST)
        return -1;
    snprintf(path, sizeof(path), "%s/System32/spool", windir);
    return mkdir(path, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

static void test_redirector(void)
{
    UINT n = GetWindowsDirectoryA(windir, sizeof(windir));
    char sys[MAX_PATH], wow[MAX_PATH];
    GetSystemDirectoryA(sys, sizeof(sys));
    GetSystemWow64DirectoryA(wow, sizeof(wow));
    ok(n && n < sizeof(windir) && place_tools() == 0,
       "the Windows directory %s holds System32/tool and SysWOW64/tool", windir);
    ok(!strncmp(sys, windir, n) && !strcmp(sys + n, "/System32") && !strcmp(wow + n, "/SysWOW64"),
       "GetSystemDirectoryA %s, GetSystemWow64DirectoryA %s", sys, wow);

    /* The 64-bit side: never redirected. */
    if (own_width == 64) {
        PVOID old;
        ok(run_tool("System32", "tool") == 64, "a 64-bit process asking for System32/tool gets "
                                                "the 64-bit one");
        ok(run_tool("Sysnative", "tool") == 1000 + ERROR_PATH_NOT_FOUND ||
               run_tool("Sysnative", "tool") == 1000 + ERROR_FILE_NOT_FOUND,
           "Sysnative names nothing for a 64-bit process");
        ok(!Wow64DisableWow64FsRedirection(&old) && GetLastError() == ERROR_INVALID_FUNCTION,
           "Wow64DisableWow64FsRedirection fails in it (ERROR_INVALID_FUNCTION)");
        char args[MAX_PATH + 16];
        snprintf(args, sizeof(args), "peer redirect \"%s\"", windir);
        DWORD failed = run_peer(args, FALSE);
        ok(failed == 0, "the 32-bit peer: System32/tool is the 32-bit one, Sysnative/tool the "
                        "64-bit one, and with redirection off (its thread only) the 64-bit one; "
                        "files under System32 land in SysWOW64 but for exempt spool "
                        "(first failed check: %lu)", (unsigned long)failed);
    } else {
        int failed = redirect_checks();
        ok(failed == 0, "this 32-bit process: System32/tool is the 32-bit one, Sysnative/tool "
                        "the 64-bit one, and with redirection off (this thread only) the 64-bit "
                        "one; files under System32 land in SysWOW64 but for exempt spool (first "
                        "failed check: %d)", failed);
        /* The 64-bit peer's view is checked by the 64-bit build's run. */
    }
}

/* The first argument of the other width, or NULL. */
static const char *find_peer(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        unsigned width = wh_elf_width(argv[i]);
        if (width && width != own_width && access(argv[i], X_OK) == 0)
            return argv[i];
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "peer"))
        return peer_main(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "tool"))
        return role_tool();
    spawn_self_init();
    const char *peer = find_peer(argc, argv);
    if (!peer) {
        printf("1..0 # SKIP no test_widths of the other width among the arguments\n");
        return 77;
    }
    snprintf(peer_path, sizeof(peer_path), "%s", peer);
    peer_width = wh_elf_width(peer);
    printf("# this process: %u-bit; peer: %s (%u-bit)\n", own_width, peer_path, peer_width);
    if (run_peer("peer probe", FALSE) != 0) {
        printf("1..0 # SKIP %s cannot talk to this server (out of date? rebuild it)\n", peer);
        return 77;
    }
    test_process_widths();
    test_inherit();
    test_pipe_conversation();
    test_shell_execute();
    test_redirector();
    return tap_done();
}
