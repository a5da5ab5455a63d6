/*
 * Files between processes, and what winhandle documents about files:
 *  - an inherited file handle and a duplicated one work in the other
 *    process, and share the file position with the original;
 *  - share modes hold between processes, and a killed process's opens
 *    stop counting;
 *  - Windows paths (C:\..., \\server\share) give ERROR_PATH_NOT_FOUND, a
 *    backslash in a Linux path is just a character;
 *  - positions and sizes above 4 GiB;
 *  - the standard handles wrap descriptors 0, 1 and 2;
 *  - the documented answers where Wine differs.
 * Files live in the test's private session directory.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

static char dir[512];

static const char *path_of(const char *name)
{
    static char paths[4][768];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, sizeof(paths[0]), "%s/%s", dir, name);
    return p;
}

static HANDLE open_file(const char *path, DWORD access, DWORD sharing, DWORD disposition,
                        BOOL inherit)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, inherit };
    return CreateFileA(path, access, sharing, &sa, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

static BOOL write_string(HANDLE h, const char *s)
{
    DWORD n;
    return WriteFile(h, s, (DWORD)strlen(s), &n, NULL) && n == strlen(s);
}

/* The whole file, as a string (Linux calls: an outside view). */
static const char *contents(const char *path)
{
    static char buf[256];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
    if (fd >= 0)
        close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

/* ---- handles in other processes ---- */

static int child_append(unsigned long handle, const char *text)
{
    return write_string((HANDLE)(ULONG_PTR)handle, text) ? 0 : 1;
}

/* Reads a handle value from the pipe it inherited, writes through it. */
static int child_dup_append(unsigned long pipe)
{
    char msg[32];
    DWORD n;
    unsigned long h;
    if (!ReadFile((HANDLE)(ULONG_PTR)pipe, msg, sizeof(msg) - 1, &n, NULL))
        return 1;
    msg[n] = '\0';
    if (sscanf(msg, "%lu", &h) != 1)
        return 2;
    return write_string((HANDLE)(ULONG_PTR)h, "jkl") ? 0 : 3;
}

static void test_inherited_and_duplicated(void)
{
    const char *path = path_of("shared.txt");
    char args[128], msg[32];
    PROCESS_INFORMATION pi;
    HANDLE h = open_file(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, CREATE_ALWAYS, TRUE);
    ok(h != INVALID_HANDLE_VALUE && write_string(h, "abc"), "A writes abc");
    snprintf(args, sizeof(args), "append %lu def", (unsigned long)(ULONG_PTR)h);
    ok(spawn_self(args, TRUE, NULL, &pi) && finish_child(&pi) == 0,
       "a child writes def through the inherited handle");
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 6,
       "the child's write moved A's position too (one file object)");
    ok(write_string(h, "ghi"), "A writes ghi after it");

    /* The value of a handle duplicated into a running child goes to it
     * through a pipe it inherited. */
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE r, w, in_b = NULL;
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(w, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0);
    snprintf(args, sizeof(args), "dup-append %lu", (unsigned long)(ULONG_PTR)r);
    ok(spawn_self(args, TRUE, NULL, &pi), "another child, without the file handle");
    ok(DuplicateHandle(GetCurrentProcess(), h, pi.hProcess, &in_b, 0, FALSE,
                       DUPLICATE_SAME_ACCESS),
       "A duplicates the handle into it");
    snprintf(msg, sizeof(msg), "%lu", (unsigned long)(ULONG_PTR)in_b);
    ok(write_string(w, msg) && finish_child(&pi) == 0,
       "the child writes jkl through the duplicated handle");
    ok(!strcmp(contents(path), "abcdefghijkl"), "the file holds the four writes in order (%s)",
       contents(path));
    CloseHandle(r);
    CloseHandle(w);
    CloseHandle(h);
}

/* ---- share modes between processes ---- */

static int child_hold_exclusive(const char *path)
{
    HANDLE h = open_file(path, GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, FALSE);
    if (h == INVALID_HANDLE_VALUE)
        return 1;
    write_string(h, "held"); /* tells the parent the open happened */
    Sleep(INFINITE);
    return 0;
}

static void test_sharing_between_processes(void)
{
    const char *path = path_of("exclusive.txt");
    char args[800];
    PROCESS_INFORMATION pi;
    CloseHandle(open_file(path, GENERIC_WRITE, 0, CREATE_ALWAYS, FALSE));
    snprintf(args, sizeof(args), "hold %s", path);
    ok(spawn_self(args, FALSE, NULL, &pi), "a child opens a file without sharing");
    for (int i = 0; i < 2000 && strcmp(contents(path), "held"); i++)
        Sleep(10);
    HANDLE h = open_file(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING,
                         FALSE);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION,
       "the parent's open is refused: ERROR_SHARING_VIOLATION");
    ok(!DeleteFileA(path) && GetLastError() == ERROR_SHARING_VIOLATION,
       "and so is deleting it");
    kill((pid_t)pi.dwProcessId, SIGKILL);
    finish_child(&pi);
    h = open_file(path, GENERIC_READ, 0, OPEN_EXISTING, FALSE);
    ok(h != INVALID_HANDLE_VALUE, "once the child is killed its open no longer counts");
    CloseHandle(h);
    ok(DeleteFileA(path), "and the file can go");
}

/* ---- paths ---- */

static void test_paths(void)
{
    static const char *const windows_paths[] = {
        "C:\\windows\\win.ini", "c:relative.txt", "Z:\\tmp", "\\\\server\\share\\x",
        "\\\\?\\C:\\x",
    };
    for (size_t i = 0; i < sizeof(windows_paths) / sizeof(windows_paths[0]); i++) {
        HANDLE h = open_file(windows_paths[i], GENERIC_READ, 0, OPEN_ALWAYS, FALSE);
        ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND,
           "%s: ERROR_PATH_NOT_FOUND", windows_paths[i]);
    }
    ok(!DeleteFileA("C:\\x") && GetLastError() == ERROR_PATH_NOT_FOUND,
       "DeleteFileA(C:\\x): ERROR_PATH_NOT_FOUND");
    const char *odd = path_of("back\\slash.txt");
    HANDLE h = open_file(odd, GENERIC_WRITE, 0, CREATE_NEW, FALSE);
    struct stat st;
    ok(h != INVALID_HANDLE_VALUE && stat(odd, &st) == 0,
       "a backslash in a Linux path is part of the file's name");
    CloseHandle(h);
    ok(DeleteFileA(odd), "and deleting it by that name works");
    h = open_file(path_of("no-such-dir/x"), GENERIC_READ, 0, OPEN_EXISTING, FALSE);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND,
       "a missing directory: ERROR_PATH_NOT_FOUND");
}

/* ---- big files ---- */

static void test_beyond_4gib(void)
{
    const char *path = path_of("big.bin");
    HANDLE h = open_file(path, GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS, FALSE);
    LARGE_INTEGER at = { .QuadPart = 5LL << 30 }, pos, size;
    ok(SetFilePointerEx(h, at, &pos, FILE_BEGIN) && pos.QuadPart == (5LL << 30),
       "SetFilePointerEx to 5 GiB");
    ok(write_string(h, "x"), "a byte written there");
    ok(GetFileSizeEx(h, &size) && size.QuadPart == (5LL << 30) + 1, "GetFileSizeEx: 5 GiB + 1");
    DWORD high = 0;
    DWORD low = GetFileSize(h, &high);
    ok(low == 0x40000001 && high == 1, "GetFileSize's two halves");
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == INVALID_SET_FILE_POINTER &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "SetFilePointer without a high part cannot say 5 GiB: ERROR_INVALID_PARAMETER");
    CloseHandle(h);
    DeleteFileA(path);
}

/* ---- standard handles ---- */

static int child_std(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    if (!out || out == INVALID_HANDLE_VALUE)
        return 1;
    if (GetFileType(out) != FILE_TYPE_DISK)
        return 2;
    if (!write_string(out, "through the handle\n"))
        return 3;
    if (GetStdHandle(STD_OUTPUT_HANDLE) != out)
        return 4; /* made once */
    if (GetStdHandle(STD_INPUT_HANDLE) != NULL)
        return 5; /* descriptor 0 is closed */
    DWORD flags = 1;
    if (!GetHandleInformation(out, &flags) || flags)
        return 6; /* not inheritable */
    return 0;
}

static void test_std_handles(void)
{
    const char *path = path_of("stdout.txt");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 1);
        close(0);
        execl(self_path, self_path, "std", (char *)NULL);
        _exit(127);
    }
    close(fd);
    HANDLE child = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_INFORMATION, FALSE, (DWORD)pid);
    DWORD code = 0xdead;
    WaitForSingleObject(child, 20000);
    GetExitCodeProcess(child, &code);
    CloseHandle(child);
    ok(code == 0, "a process's GetStdHandle wraps descriptors 0-2 as they are (%lu)",
       (unsigned long)code);
    ok(!strcmp(contents(path), "through the handle\n"),
       "WriteFile on its STD_OUTPUT_HANDLE lands in its descriptor 1's file");
    HANDLE ours = GetStdHandle(STD_OUTPUT_HANDLE);
    ok(ours && GetFileType(ours) != FILE_TYPE_UNKNOWN, "this process has a standard output too");

    /* A file handle as a child's standard output: the child's descriptor
     * 1 shares the handle's file position. */
    path = path_of("echo.txt");
    HANDLE f = open_file(path, GENERIC_WRITE, FILE_SHARE_READ, CREATE_ALWAYS, TRUE);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES, .hStdOutput = f,
                        .hStdError = f };
    char line[] = "echo into the file";
    PROCESS_INFORMATION pi;
    ok(CreateProcessA(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi) &&
           finish_child(&pi) == 0,
       "echo runs with a file handle as its standard output");
    ok(write_string(f, "and after\n"), "the parent writes on through its handle");
    CloseHandle(f);
    ok(!strcmp(contents(path), "into the file\nand after\n"),
       "the file has echo's line, then the parent's after it");
}

/* ---- documented answers ---- */

static void test_documented(void)
{
    const char *path = path_of("doc.txt");
    HANDLE h = open_file(path, GENERIC_WRITE, 0, CREATE_ALWAYS, FALSE);
    write_string(h, "12345");
    CloseHandle(h);
    h = open_file(path, GENERIC_READ, 0, OPEN_EXISTING, FALSE);
    ok(!SetEndOfFile(h) && GetLastError() == ERROR_ACCESS_DENIED,
       "SetEndOfFile on a read-only handle: ERROR_ACCESS_DENIED");
    CloseHandle(h);
    SetLastError(0);
    h = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_NOT_SUPPORTED,
       "FILE_FLAG_OVERLAPPED: ERROR_NOT_SUPPORTED");
    h = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_NOT_SUPPORTED,
       "FILE_FLAG_DELETE_ON_CLOSE: ERROR_NOT_SUPPORTED");
    DeleteFileA(path);
}

int main(int argc, char **argv)
{
    spawn_self_init();
    const char *session = getenv("WINHANDLE_DIR");
    snprintf(dir, sizeof(dir), "%s", session ? session : "/tmp");
    if (argc == 4 && !strcmp(argv[1], "append"))
        return child_append(strtoul(argv[2], NULL, 10), argv[3]);
    if (argc == 3 && !strcmp(argv[1], "dup-append"))
        return child_dup_append(strtoul(argv[2], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "hold"))
        return child_hold_exclusive(argv[2]);
    if (argc == 2 && !strcmp(argv[1], "std"))
        return child_std();
    test_inherited_and_duplicated();
    test_sharing_between_processes();
    test_paths();
    test_beyond_4gib();
    test_std_handles();
    test_documented();
    return tap_done();
}
