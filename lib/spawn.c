/*
 * CreateProcessA: a Linux program started with Windows' rules.
 *
 * The child is forked and held at a start gate (gate.h) before exec. While
 * it waits, the parent announces it to the server (new_process), which
 * registers it, copies the inheritable handles into its table at the same
 * values, and keeps its command line and startup fields. Only then does the
 * gate open and the child exec: its first instruction already sees every
 * inherited handle. With CREATE_SUSPENDED the server keeps the gate until
 * ResumeThread.
 *
 * Between fork and exec the child only calls read, dup2, chdir, execve, write
 * and _exit: everything else (paths, environment) is prepared before the
 * fork, so a multithreaded parent is safe.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../protocol/elf_width.h"
#include "cmdline.h"
#include "fd_cache.h"
#include "gate.h"
#include "private.h"
#include "reaper.h"
#include "startup.h"
#include "wow64.h"

extern char **environ;

/* Creation flags asking for what winhandle cannot give: a debugger
 * relationship and STARTUPINFOEX attribute lists. Everything else is
 * honoured (CREATE_SUSPENDED) or has no meaning for a Linux program
 * (consoles, windows, priority classes, jobs) and is accepted. */
#define UNSUPPORTED_FLAGS                                                      \
    (DEBUG_PROCESS_ | DEBUG_ONLY_THIS_PROCESS_ | EXTENDED_STARTUPINFO_PRESENT_)
#define DEBUG_PROCESS_ 0x00000001u
#define DEBUG_ONLY_THIS_PROCESS_ 0x00000002u
#define EXTENDED_STARTUPINFO_PRESENT_ 0x00080000u

/* dir (dlen bytes) + "/" + name into out, through the redirector (a
 * WOW64 process's System32 is SysWOW64); 0 if it fits and is executable. */
static int try_dir(char *out, size_t len, const char *dir, size_t dlen, const char *name)
{
    int n = snprintf(out, len, "%.*s/%s", (int)dlen, dir, name);
    return n > 0 && (size_t)n < len && redirect_in_place(out, len) == 0 &&
                   access(out, X_OK) == 0 ? 0 : -1;
}

/* Where a program name without a slash is found: beside the running
 * program, in the current directory, then along PATH (Windows' order). */
static int find_program(const char *name, char *out, size_t len)
{
    if (strchr(name, '/')) {
        int n = snprintf(out, len, "%s", name);
        return n > 0 && (size_t)n < len && redirect_in_place(out, len) == 0 &&
                       access(out, F_OK) == 0 ? 0 : -1;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash && try_dir(out, len, self, (size_t)(slash - self), name) == 0)
            return 0;
    }
    if (try_dir(out, len, ".", 1, name) == 0)
        return 0;
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t dlen = end ? (size_t)(end - path) : strlen(path);
        if (dlen && try_dir(out, len, path, dlen, name) == 0)
            return 0;
        path = end ? end + 1 : NULL;
    }
    return -1;
}

static DWORD errno_to_win32(int err)
{
    switch (err) {
    case ENOENT: case ENOTDIR: return ERROR_FILE_NOT_FOUND;
    case EACCES: case EPERM: return ERROR_ACCESS_DENIED;
    case ENOEXEC: return ERROR_BAD_EXE_FORMAT;
    case ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
    default: return ERROR_INVALID_PARAMETER;
    }
}

/* The strings of an environment block ("A=1\0B=2\0\0") as an array. */
static char **env_block_strings(const char *block)
{
    size_t count = 0;
    for (const char *p = block; *p; p += strlen(p) + 1)
        count++;
    char **strings = calloc(count + 1, sizeof(*strings));
    if (!strings)
        return NULL;
    size_t i = 0;
    for (const char *p = block; *p; p += strlen(p) + 1)
        strings[i++] = (char *)p;
    return strings;
}

/* The child's envp: the strings of from (an old mark left out) and the
 * mark telling it who started it (WH_PARENT_MARK, see module.c). */
static char **child_envp(char **from, char *mark)
{
    size_t count = 0, mark_len = strlen(WH_PARENT_MARK);
    while (from[count])
        count++;
    char **envp = calloc(count + 2, sizeof(*envp));
    if (!envp)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (strncmp(from[i], WH_PARENT_MARK, mark_len) != 0)
            envp[n++] = from[i];
    envp[n] = mark;
    return envp;
}

/* Everything the child needs, prepared before the fork. */
struct spawn {
    char path[PATH_MAX];
    char **argv;
    char **envp;       /* over environ or the caller's block, and the mark */
    char mark[48];     /* WH_PARENT_MARK and our pid */
    const char *cwd;
    char cwd_buf[PATH_MAX]; /* cwd through the redirector, when it changed */
    const char *line;  /* the command line the child will see */
    int gate[2];       /* start gate */
    int report[2];     /* exec failure: errno; closed on exec */
    int std_fds[3];    /* STARTF_USESTDHANDLES: for the child's 0, 1, 2, or -1 */
    uint32_t width;    /* WH_NEW_PROCESS_32BIT or _64BIT from the ELF header, or 0 */
};

/* The width flag new_process takes for the program at path. */
static uint32_t width_flag(const char *path)
{
    uint32_t width = wh_elf_width(path);
    return width == 32 ? WH_NEW_PROCESS_32BIT : width == 64 ? WH_NEW_PROCESS_64BIT : 0;
}
static void spawn_free(struct spawn *s)
{
    cmdline_free_argv(s->argv);
    free(s->envp);
    for (int i = 0; i < 2; i++) {
        if (s->gate[i] >= 0)
            close(s->gate[i]);
        if (s->report[i] >= 0)
            close(s->report[i]);
    }
    for (int i = 0; i < 3; i++)
        if (s->std_fds[i] >= 0)
            close(s->std_fds[i]);
}

/* STARTF_USESTDHANDLES: the handles' descriptors, to become the child's
 * 0, 1 and 2 so its stdio and its GetStdHandle agree. A handle without
 * one (NULL, or not a file or pipe) leaves that descriptor as inherited. */
static void std_descriptors(struct spawn *s, const STARTUPINFOA *si)
{
    HANDLE std[3] = { si->hStdInput, si->hStdOutput, si->hStdError };
    for (int i = 0; i < 3; i++)
        s->std_fds[i] = std[i] && std[i] != INVALID_HANDLE_VALUE ? fd_copy(std[i]) : -1;
}

/* Validate and prepare; 0 or a Win32 error. */
static DWORD spawn_prepare(struct spawn *s, LPCSTR app_name, LPSTR cmdline,
                           DWORD flags, LPVOID environment, LPCSTR cwd)
{
    if (flags & UNSUPPORTED_FLAGS)
        return ERROR_NOT_SUPPORTED;
    if ((flags & CREATE_UNICODE_ENVIRONMENT) && environment)
        return ERROR_NOT_SUPPORTED; /* the A API takes an ANSI block */
    s->line = cmdline ? cmdline : app_name;
    if (strlen(s->line) > WH_MAX_CMDLINE)
        return ERROR_FILENAME_EXCED_RANGE;
    int argc;
    if (!(s->argv = cmdline_split(s->line, &argc)))
        return ERROR_NOT_ENOUGH_MEMORY;
    if (!argc)
        return ERROR_INVALID_PARAMETER;
    if (app_name) {
        if ((size_t)snprintf(s->path, sizeof(s->path), "%s", app_name) >= sizeof(s->path) ||
            redirect_in_place(s->path, sizeof(s->path)) < 0)
            return ERROR_FILENAME_EXCED_RANGE;
        if (access(s->path, F_OK) < 0)
            return ERROR_FILE_NOT_FOUND;
    } else if (find_program(s->argv[0], s->path, sizeof(s->path)) < 0) {
        return ERROR_FILE_NOT_FOUND;
    }
    if (access(s->path, X_OK) < 0)
        return errno_to_win32(errno);
    s->width = width_flag(s->path);
    struct stat st;
    if (cwd && !(cwd = redirect_path(cwd, s->cwd_buf, sizeof(s->cwd_buf))))
        return ERROR_FILENAME_EXCED_RANGE;
    if (cwd && (stat(cwd, &st) < 0 || !S_ISDIR(st.st_mode)))
        return ERROR_DIRECTORY;
    s->cwd = cwd;
    snprintf(s->mark, sizeof(s->mark), "%s%d", WH_PARENT_MARK, (int)getpid());
    char **block = environment ? env_block_strings(environment) : NULL;
    if (environment && !block)
        return ERROR_NOT_ENOUGH_MEMORY;
    s->envp = child_envp(block ? block : environ, s->mark);
    free(block);
    if (!s->envp)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (gate_create(s->gate) < 0 || pipe2(s->report, O_CLOEXEC) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    return 0;
}

/* In the forked child: wait at the gate, then become the program. */
static void __attribute__((noreturn)) spawn_child(struct spawn *s)
{
    close(s->gate[1]);
    close(s->report[0]);
    if (!gate_wait(s->gate[0]))
        _exit(127); /* turned away: CreateProcessA failed or was cancelled */
    for (int i = 0; i < 3; i++)
        if (s->std_fds[i] >= 0)
            dup2(s->std_fds[i], i); /* the copy on i survives exec */
    int err = 0;
    if (s->cwd && chdir(s->cwd) < 0)
        err = errno;
    else {
        execve(s->path, s->argv, s->envp);
        err = errno;
    }
    if (write(s->report[1], &err, sizeof(err)) < 0)
        _exit(126);
    _exit(127);
}

/* The startup record and strings the server keeps for the child. */
static void *startup_blob(const STARTUPINFOA *si, const char *line, uint32_t *len)
{
    uint32_t cmd_len = (uint32_t)strlen(line);
    uint32_t title_len = si->lpTitle ? (uint32_t)strnlen(si->lpTitle, WH_MAX_CMDLINE) : 0;
    uint32_t desk_len = si->lpDesktop ? (uint32_t)strnlen(si->lpDesktop, WH_MAX_CMDLINE) : 0;
    struct wh_startup_record rec = {
        .flags = si->dwFlags,
        .show_window = si->wShowWindow,
        .x = si->dwX, .y = si->dwY,
        .x_size = si->dwXSize, .y_size = si->dwYSize,
        .x_chars = si->dwXCountChars, .y_chars = si->dwYCountChars,
        .fill_attribute = si->dwFillAttribute,
        .cmdline_len = cmd_len,
        .title_len = title_len,
        .desktop_len = desk_len,
    };
    if (si->dwFlags & STARTF_USESTDHANDLES) {
        rec.std_input = handle_to_wire(si->hStdInput);
        rec.std_output = handle_to_wire(si->hStdOutput);
        rec.std_error = handle_to_wire(si->hStdError);
    }
    *len = (uint32_t)sizeof(rec) + cmd_len + title_len + desk_len;
    char *blob = malloc(*len);
    if (blob) {
        memcpy(blob, &rec, sizeof(rec));
        memcpy(blob + sizeof(rec), line, cmd_len);
        if (title_len)
            memcpy(blob + sizeof(rec) + cmd_len, si->lpTitle, title_len);
        if (desk_len)
            memcpy(blob + sizeof(rec) + cmd_len + title_len, si->lpDesktop, desk_len);
    }
    return blob;
}

/* Tell the server about the held child; 0 or a Win32 error. */
static DWORD announce(struct spawn *s, pid_t pid, const STARTUPINFOA *si,
                      LPSECURITY_ATTRIBUTES psa, LPSECURITY_ATTRIBUTES tsa,
                      BOOL inherit, DWORD flags, struct wh_new_process_reply *reply)
{
    uint32_t len;
    void *blob = startup_blob(si, s->line, &len);
    if (!blob)
        return ERROR_NOT_ENOUGH_MEMORY;
    struct wh_new_process_request req = {
        .pid = (uint32_t)pid,
        .inherit_process = psa && psa->bInheritHandle,
        .inherit_thread = tsa && tsa->bInheritHandle,
        .flags = (inherit ? WH_NEW_PROCESS_INHERIT : 0) |
                 ((flags & CREATE_SUSPENDED) ? WH_NEW_PROCESS_SUSPENDED : 0) | s->width,
    };
    /* Suspended: the server holds the gate until ResumeThread. */
    int gate = (flags & CREATE_SUSPENDED) ? s->gate[1] : -1;
    DWORD err = server_call_fd(WH_REQ_new_process, &req, sizeof(req), blob, len, gate,
                               NULL, reply, sizeof(*reply), NULL, NULL);
    free(blob);
    return err;
}

static void reap_now(pid_t pid)
{
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

BOOL WINAPI CreateProcessA(LPCSTR app_name, LPSTR cmdline, LPSECURITY_ATTRIBUTES psa,
                           LPSECURITY_ATTRIBUTES tsa, BOOL inherit_handles, DWORD flags,
                           LPVOID environment, LPCSTR cwd, LPSTARTUPINFOA startup,
                           LPPROCESS_INFORMATION info)
{
    if (!startup || !info || (!app_name && !cmdline))
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    struct spawn s = { .gate = { -1, -1 }, .report = { -1, -1 }, .std_fds = { -1, -1, -1 } };
    DWORD err = spawn_prepare(&s, app_name, cmdline, flags, environment, cwd);
    if (!err && (startup->dwFlags & STARTF_USESTDHANDLES))
        std_descriptors(&s, startup);
    pid_t pid = err ? -1 : fork();
    if (pid == 0)
        spawn_child(&s);
    if (!err && pid < 0)
        err = ERROR_NOT_ENOUGH_MEMORY;
    if (err) {
        spawn_free(&s);
        return FAIL(err, FALSE);
    }
    close(s.gate[0]);
    close(s.report[1]);
    s.gate[0] = s.report[1] = -1;

    struct wh_new_process_reply reply;
    if ((err = announce(&s, pid, startup, psa, tsa, inherit_handles, flags, &reply))) {
        spawn_free(&s); /* closes the gate unopened: the child gives up */
        reap_now(pid);
        return FAIL(err, FALSE);
    }
    if (!(flags & CREATE_SUSPENDED)) {
        gate_open(s.gate[1]);
        close(s.gate[1]);
        s.gate[1] = -1;
        int child_errno = 0;
        ssize_t n;
        while ((n = read(s.report[0], &child_errno, sizeof(child_errno))) < 0 &&
               errno == EINTR)
            ;
        if (n > 0) {
            /* exec failed: the child never became the program. */
            spawn_free(&s);
            reap_now(pid);
            CloseHandle(wire_to_handle(reply.thread_handle));
            CloseHandle(wire_to_handle(reply.process_handle));
            return FAIL(errno_to_win32(child_errno), FALSE);
        }
    }
    /* A suspended child's exec happens at ResumeThread: spawn_prepare has
     * checked what can fail there. */
    spawn_free(&s);
    reaper_watch(pid);
    info->hProcess = wire_to_handle(reply.process_handle);
    info->hThread = wire_to_handle(reply.thread_handle);
    info->dwProcessId = (DWORD)pid;
    info->dwThreadId = (DWORD)pid;
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}
