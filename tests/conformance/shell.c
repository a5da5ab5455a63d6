/*
 * ShellExecuteA and ShellExecuteExA on an executable (this program, run
 * again as a child that checks its parameters and exits with a code), and
 * their errors. Where Wine and Windows' documentation part, this prints
 * only what both say and tests/integration/test_documented.c checks the
 * rest: a missing directory is SE_ERR_PNF for Windows (Wine: SE_ERR_FNF),
 * a file with no association sets ERROR_NO_ASSOCIATION (Wine:
 * ERROR_BAD_EXE_FORMAT), an unknown verb on a program is SE_ERR_NOASSOC
 * (Wine runs the program), and hProcess is NULL without
 * SEE_MASK_NOCLOSEPROCESS (Wine leaves it alone).
 */
#include "children.h"

#include <shellapi.h> /* after windows.h, as the SDK wants */

static char windir[MAX_PATH - 64];
static char sep[2];

static void check_result(const char *name, HINSTANCE r)
{
    char buf[32];
    DWORD error = GetLastError();
    INT_PTR v = (INT_PTR)r;
    if (v > 32)
        check(name, "above 32, %s", error_name(error, buf));
    else
        check(name, "%d, %s", (int)v, error_name(error, buf));
}

static void in_windir(char *out, size_t size, const char *name)
{
    if ((size_t)snprintf(out, size, "%s%s%s", windir, sep, name) >= size)
        out[0] = '\0';
}

static void shell_execute(void)
{
    SetLastError(UNTOUCHED_ERROR);
    check_result("se.open", ShellExecuteA(NULL, "open", self_path, "child 7 a b", NULL,
                                          SW_SHOWNORMAL));
    SetLastError(UNTOUCHED_ERROR);
    check_result("se.null_verb", ShellExecuteA(NULL, NULL, self_path, "child 7 a b", windir,
                                               SW_HIDE));
    char path[MAX_PATH];
    in_windir(path, sizeof(path), "winhandle-not-there.exe");
    check_result("se.no_file", ShellExecuteA(NULL, "open", path, NULL, NULL, SW_SHOWNORMAL));
    in_windir(path, sizeof(path), "winhandle-no-dir");
    strcat(path, sep);
    strcat(path, "x.exe");
    HINSTANCE r = ShellExecuteA(NULL, "open", path, NULL, NULL, SW_SHOWNORMAL);
    DWORD error = GetLastError();
    char buf[32];
    check("se.no_dir", "%s, %s", (INT_PTR)r <= 32 ? "at most 32" : "above 32",
          error_name(error, buf));
    SetLastError(UNTOUCHED_ERROR);
    check_result("se.null_file", ShellExecuteA(NULL, NULL, NULL, NULL, NULL, SW_SHOWNORMAL));
    SetLastError(UNTOUCHED_ERROR);
    check_result("se.empty_file", ShellExecuteA(NULL, NULL, "", NULL, NULL, SW_SHOWNORMAL));

    /* A file no program is associated with. */
    in_windir(path, sizeof(path), "winhandle-shell.whx");
    HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    check_yes("se.data_file_made", f != INVALID_HANDLE_VALUE);
    CloseHandle(f);
    r = ShellExecuteA(NULL, "open", path, NULL, NULL, SW_SHOWNORMAL);
    check("se.no_association", "%d", (int)(INT_PTR)r);
    DeleteFileA(path);
}

static void shell_execute_ex(void)
{
    SHELLEXECUTEINFOA sei;
    ZeroMemory(&sei, sizeof(sei));
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI;
    sei.lpFile = self_path;
    sei.lpParameters = "child 9 a b";
    sei.nShow = SW_SHOWNORMAL;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("ex.noclose", ShellExecuteExA(&sei));
    check_yes("ex.noclose_hinstapp_above_32", (INT_PTR)sei.hInstApp > 32);
    check_yes("ex.noclose_process", sei.hProcess != NULL);
    DWORD code = 0xdead;
    check_wait("ex.noclose_wait", WaitForSingleObject(sei.hProcess, PATIENCE_MS));
    GetExitCodeProcess(sei.hProcess, &code);
    check("ex.noclose_exit_code", "%u", (unsigned)code);
    check_bool("ex.noclose_close", CloseHandle(sei.hProcess));

    sei.lpDirectory = windir;
    sei.lpParameters = "child 11 a b";
    check_bool("ex.directory", ShellExecuteExA(&sei));
    code = 0xdead;
    WaitForSingleObject(sei.hProcess, PATIENCE_MS);
    GetExitCodeProcess(sei.hProcess, &code);
    check("ex.directory_exit_code", "%u", (unsigned)code);
    CloseHandle(sei.hProcess);
    sei.lpDirectory = NULL;

    sei.fMask = SEE_MASK_FLAG_NO_UI;
    sei.lpParameters = "child 0 a b";
    check_bool("ex.no_mask", ShellExecuteExA(&sei));
    check_yes("ex.no_mask_hinstapp_above_32", (INT_PTR)sei.hInstApp > 32);

    char path[MAX_PATH];
    in_windir(path, sizeof(path), "winhandle-not-there.exe");
    sei.lpFile = path;
    sei.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI;
    sei.hProcess = NULL;
    check_bool("ex.no_file", ShellExecuteExA(&sei));
    check("ex.no_file_hinstapp", "%d", (int)(INT_PTR)sei.hInstApp);
    check_yes("ex.no_file_no_process", sei.hProcess == NULL);

    in_windir(path, sizeof(path), "winhandle-shell.whx");
    HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(f);
    BOOL ok = ShellExecuteExA(&sei);
    check("ex.no_association", "%s, %d", ok ? "TRUE" : "FALSE", (int)(INT_PTR)sei.hInstApp);
    DeleteFileA(path);
}

/* "child CODE a b": exit with CODE if the parameters arrived as given. */
static int child(int argc, char **argv)
{
    if (argc != 5 || strcmp(argv[3], "a") || strcmp(argv[4], "b"))
        return 100;
    return atoi(argv[2]);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child(argc, argv);
    children_init();
    UINT n = GetWindowsDirectoryA(windir, sizeof(windir));
    if (!n || n >= sizeof(windir))
        return 1;
    sep[0] = strchr(windir, '\\') ? '\\' : '/';
    shell_execute();
    shell_execute_ex();
    Sleep(200); /* the children of ShellExecuteA end before the prefix goes */
    return 0;
}
