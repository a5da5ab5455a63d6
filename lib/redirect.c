/*
 * The session's Windows directory and the file system redirector.
 *
 * The Windows directory is a Linux directory ($WINHANDLE_WINDIR, else
 * "windows" in the session directory) and GetWindowsDirectoryA returns its
 * Linux path, so the paths a program builds from it are paths the file
 * functions already take. Inside it, as on 64-bit Windows, System32 holds
 * the 64-bit programs and SysWOW64 the 32-bit ones.
 *
 * In a WOW64 process (i386 on an x86_64 kernel) every path given to
 * CreateFileA, DeleteFileA, CreateProcessA and ShellExecuteA passes
 * through redirect_in_place(): <windir>/System32/... becomes
 * <windir>/SysWOW64/... (except the subdirectories Windows exempts), and
 * <windir>/Sysnative/..., a name that exists for WOW64 processes only,
 * becomes <windir>/System32/.... Names are compared the way Windows
 * compares them, ignoring case; the comparison is on the path's text made
 * absolute (".", ".." and doubled slashes folded), not on the file it
 * reaches through symbolic links, as Windows' redirector works on names.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"
#include "wow64.h"

static char windir[PATH_MAX];
static size_t windir_len;
static pthread_once_t windir_once = PTHREAD_ONCE_INIT;

/* Redirection off for this thread (Wow64DisableWow64FsRedirection). */
static _Thread_local int redirection_off;

/* path made absolute against the current directory, with ".", ".." and
 * repeated slashes folded, into out; -1 if it does not fit. */
static int normalize(const char *path, char *out, size_t size)
{
    char joined[PATH_MAX * 2];
    if (path[0] == '/') {
        if (strlen(path) >= sizeof(joined))
            return -1;
        strcpy(joined, path);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof(cwd)) ||
            (size_t)snprintf(joined, sizeof(joined), "%s/%s", cwd, path) >= sizeof(joined))
            return -1;
    }
    size_t n = 0;
    for (char *part = joined; *part;) {
        char *end = strchr(part, '/');
        size_t len = end ? (size_t)(end - part) : strlen(part);
        if (len == 2 && part[0] == '.' && part[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* the slash before the dropped name */
        } else if (len && !(len == 1 && part[0] == '.')) {
            if (n + 1 + len + 1 > size)
                return -1;
            out[n++] = '/';
            memcpy(out + n, part, len);
            n += len;
        }
        part += len + (end ? 1 : 0);
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    return 0;
}

static void make_dir(const char *parent, const char *name)
{
    char path[PATH_MAX + 16];
    snprintf(path, sizeof(path), "%s%s%s", parent, name ? "/" : "", name ? name : "");
    if (mkdir(path, 0755) < 0 && errno != EEXIST)
        return; /* the getters still answer; opening under it will fail */
}

/* The directory, System32 and SysWOW64, where missing. Made again by the
 * getters: a process that asked before its session directory existed (no
 * server had started yet) made nothing the first time. */
static void make_layout(void)
{
    make_dir(windir, NULL);
    make_dir(windir, "System32");
    if (native_is_64bit())
        make_dir(windir, "SysWOW64");
}

static void windir_init(void)
{
    const char *configured = getenv("WINHANDLE_WINDIR");
    char raw[PATH_MAX];
    if (configured && *configured)
        snprintf(raw, sizeof(raw), "%s", configured);
    else if (*client_session_dir())
        snprintf(raw, sizeof(raw), "%s/windows", client_session_dir());
    else
        return;
    if (normalize(raw, windir, sizeof(windir) - 16) < 0) {
        windir[0] = '\0';
        return;
    }
    windir_len = strlen(windir);
    make_layout();
}

const char *windows_dir(void)
{
    pthread_once(&windir_once, windir_init);
    return windir;
}

/* The System32 subdirectories Windows leaves to the native programs of a
 * WOW64 process too (the redirector's documented exemptions). */
static int exempt(const char *rest)
{
    static const char *const names[] = { "catroot", "catroot2", "driverstore",
                                         "drivers/etc", "logfiles", "spool" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t len = strlen(names[i]);
        if (!strncasecmp(rest, names[i], len) && (rest[len] == '/' || !rest[len]))
            return 1;
    }
    return 0;
}

/* Is name (not NUL-terminated, len bytes) equal to word, ignoring case? */
static int name_is(const char *name, size_t len, const char *word)
{
    return len == strlen(word) && !strncasecmp(name, word, len);
}

int redirect_in_place(char *path, size_t size)
{
    if (!path || !*path || redirection_off || !self_is_wow64())
        return 0;
    const char *dir = windows_dir();
    if (!*dir)
        return 0;
    /* Cheap refusal first: an absolute path elsewhere is left alone. */
    if (path[0] == '/' && strncmp(path, dir, windir_len))
        return 0;
    char full[PATH_MAX];
    if (normalize(path, full, sizeof(full)) < 0)
        return 0; /* too long to be ours: the open reports it */
    if (strncmp(full, dir, windir_len) || full[windir_len] != '/')
        return 0;
    const char *name = full + windir_len + 1;
    const char *end = strchr(name, '/');
    size_t len = end ? (size_t)(end - name) : strlen(name);
    const char *to;
    if (name_is(name, len, "System32") && !(end && exempt(end + 1)))
        to = "SysWOW64";
    else if (name_is(name, len, "Sysnative"))
        to = "System32";
    else
        return 0;
    int n = snprintf(path, size, "%s/%s%s", dir, to, end ? end : "");
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

const char *redirect_path(const char *path, char *buf, size_t size)
{
    if (!path || !self_is_wow64() || redirection_off)
        return path;
    if ((size_t)snprintf(buf, size, "%s", path) >= size)
        return path; /* too long for any file function: it says so itself */
    if (redirect_in_place(buf, size) < 0)
        return NULL;
    return strcmp(buf, path) ? buf : path;
}

BOOL WINAPI Wow64DisableWow64FsRedirection(PVOID *old)
{
    /* A process that is not WOW64 has no redirector to turn off (Wine
     * says ERROR_INVALID_FUNCTION, as NTSTATUS_NOT_IMPLEMENTED maps). */
    if (!self_is_wow64())
        return FAIL(ERROR_INVALID_FUNCTION, FALSE);
    if (!old)
        return FAIL(ERROR_NOACCESS, FALSE);
    *old = (PVOID)(ULONG_PTR)redirection_off;
    redirection_off = 1;
    return TRUE;
}

BOOL WINAPI Wow64RevertWow64FsRedirection(PVOID old)
{
    if (!self_is_wow64())
        return FAIL(ERROR_INVALID_FUNCTION, FALSE);
    if ((ULONG_PTR)old > 1)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    redirection_off = (int)(ULONG_PTR)old;
    return TRUE;
}

/* Windows' contract for the directory getters: the length without the
 * NUL when it fits, else the size needed with it. */
static UINT copy_dir(const char *dir, const char *sub, LPSTR buf, UINT size)
{
    char path[PATH_MAX + 16];
    int n = snprintf(path, sizeof(path), "%s%s%s", dir, sub ? "/" : "", sub ? sub : "");
    if (!*dir || n < 0)
        return FAIL(ERROR_PATH_NOT_FOUND, 0);
    make_layout();
    if (!buf || (UINT)n >= size)
        return (UINT)n + 1;
    memcpy(buf, path, (size_t)n + 1);
    return (UINT)n;
}

UINT WINAPI GetWindowsDirectoryA(LPSTR buf, UINT size)
{
    return copy_dir(windows_dir(), NULL, buf, size);
}

UINT WINAPI GetSystemWindowsDirectoryA(LPSTR buf, UINT size)
{
    return copy_dir(windows_dir(), NULL, buf, size);
}

/* System32 in every process, as on Windows: a WOW64 process reaches
 * SysWOW64 through it by redirection. */
UINT WINAPI GetSystemDirectoryA(LPSTR buf, UINT size)
{
    return copy_dir(windows_dir(), "System32", buf, size);
}

UINT WINAPI GetSystemWow64DirectoryA(LPSTR buf, UINT size)
{
    if (!native_is_64bit())
        return FAIL(ERROR_CALL_NOT_IMPLEMENTED, 0);
    return copy_dir(windows_dir(), "SysWOW64", buf, size);
}
