/*
 * ShellExecuteA and ShellExecuteExA over CreateProcessA. winhandle has no
 * registry and so no file associations: what the shell can "open" here is
 * an executable, which it starts with the parameters and directory given.
 * Results follow the shell's conventions: ShellExecuteA returns a value
 * above 32 on success (42, as Windows does) or an SE_ERR_* code, and
 * ShellExecuteExA returns FALSE with the Win32 error as the last error and
 * the same code in hInstApp.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <shellapi.h>

#include "file_errors.h"
#include "private.h"
#include "wow64.h"

#define SHELL_SUCCESS 42

/* fMask bits asking for what needs the registry or the shell namespace. */
#define UNSUPPORTED_MASK                                                       \
    (SEE_MASK_CLASSNAME | SEE_MASK_CLASSKEY | SEE_MASK_IDLIST |               \
     SEE_MASK_INVOKEIDLIST | SEE_MASK_DOENVSUBST | SEE_MASK_HOTKEY)

static BOOL fail(SHELLEXECUTEINFOA *info, UINT code, DWORD error)
{
    info->hInstApp = (HINSTANCE)(ULONG_PTR)code;
    return FAIL(error, FALSE);
}

/* The shell's code for a CreateProcessA error. */
static UINT shell_code(DWORD error)
{
    switch (error) {
    case ERROR_FILE_NOT_FOUND: return SE_ERR_FNF;
    case ERROR_PATH_NOT_FOUND: case ERROR_DIRECTORY: return SE_ERR_PNF;
    case ERROR_ACCESS_DENIED: return SE_ERR_ACCESSDENIED;
    case ERROR_NOT_ENOUGH_MEMORY: return SE_ERR_OOM;
    case ERROR_BAD_EXE_FORMAT: return ERROR_BAD_FORMAT;
    default: return SE_ERR_ACCESSDENIED;
    }
}

/* Where the file is: a relative name is looked for in lpDirectory first,
 * as the shell does; else a name with a directory part is that path, and
 * a bare name is left to CreateProcessA's search (the program's directory,
 * the current one, PATH). Writes the path into file and returns 1, or 0
 * for a search; -1 if the path is too long. */
static int locate(const SHELLEXECUTEINFOA *info, char *file, size_t size)
{
    const char *name = info->lpFile;
    const char *dir = info->lpDirectory;
    if (name[0] != '/' && dir && *dir) {
        int n = snprintf(file, size, "%s/%s", dir, name);
        if (n < 0 || (size_t)n >= size)
            return -1;
        char buf[PATH_MAX];
        const char *path = redirect_path(file, buf, sizeof(buf));
        if (path && access(path, F_OK) == 0)
            return 1;
    }
    if (!strchr(name, '/'))
        return 0;
    return (size_t)snprintf(file, size, "%s", name) < size ? 1 : -1;
}

/* Is what locate found something the shell can open: an executable file?
 * 0, or the error (ERROR_NO_ASSOCIATION for any other file). */
static DWORD openable(const char *file)
{
    char buf[PATH_MAX];
    const char *path = redirect_path(file, buf, sizeof(buf));
    struct stat st;
    if (!path)
        return ERROR_FILENAME_EXCED_RANGE;
    if (stat(path, &st) < 0)
        return win32_from_path_errno(errno, path); /* file or path not found */
    if (!S_ISREG(st.st_mode) || access(path, X_OK) < 0)
        return ERROR_NO_ASSOCIATION;
    return 0;
}

static int verb_opens(const char *verb)
{
    return !verb || !*verb || !strcasecmp(verb, "open");
}

/* The command line: the file, quoted, then the parameters. */
static char *command_line(const SHELLEXECUTEINFOA *info)
{
    const char *params = info->lpParameters ? info->lpParameters : "";
    size_t len = strlen(info->lpFile) + strlen(params) + 4;
    char *line = malloc(len);
    if (line)
        snprintf(line, len, "\"%s\"%s%s", info->lpFile, *params ? " " : "", params);
    return line;
}

BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *info)
{
    if (!info)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    info->hProcess = NULL;
    /* Wine's answer for no file at all; Windows documents none. */
    if (!info->lpFile || !*info->lpFile)
        return fail(info, ERROR_BAD_FORMAT, ERROR_INVALID_PARAMETER);
    if (info->fMask & UNSUPPORTED_MASK)
        return fail(info, SE_ERR_NOASSOC, ERROR_NOT_SUPPORTED);
    if (!verb_opens(info->lpVerb))
        return fail(info, SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION);
    char file[PATH_MAX];
    int found = locate(info, file, sizeof(file));
    DWORD err = found < 0 ? ERROR_FILENAME_EXCED_RANGE : found ? openable(file) : 0;
    if (err)
        return fail(info, err == ERROR_NO_ASSOCIATION ? SE_ERR_NOASSOC : shell_code(err), err);

    char *line = command_line(info);
    if (!line)
        return fail(info, SE_ERR_OOM, ERROR_NOT_ENOUGH_MEMORY);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESHOWWINDOW,
                        .wShowWindow = (WORD)info->nShow };
    PROCESS_INFORMATION pi;
    const char *dir = info->lpDirectory && *info->lpDirectory ? info->lpDirectory : NULL;
    BOOL ok = CreateProcessA(found ? file : NULL, line, NULL, NULL,
                             FALSE, 0, NULL, dir, &si, &pi);
    err = ok ? 0 : GetLastError();
    free(line);
    if (!ok)
        return fail(info, shell_code(err), err);
    CloseHandle(pi.hThread);
    if (info->fMask & SEE_MASK_NOCLOSEPROCESS)
        info->hProcess = pi.hProcess;
    else
        CloseHandle(pi.hProcess);
    info->hInstApp = (HINSTANCE)(ULONG_PTR)SHELL_SUCCESS;
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}

HINSTANCE WINAPI ShellExecuteA(HWND hwnd, LPCSTR verb, LPCSTR file, LPCSTR params,
                               LPCSTR dir, INT show)
{
    SHELLEXECUTEINFOA info = {
        .cbSize = sizeof(info), .fMask = SEE_MASK_FLAG_NO_UI, .hwnd = hwnd, .lpVerb = verb,
        .lpFile = file, .lpParameters = params, .lpDirectory = dir, .nShow = show,
    };
    ShellExecuteExA(&info);
    return info.hInstApp;
}
