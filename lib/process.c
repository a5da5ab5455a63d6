/*
 * Processes: identity, exit codes, and CreateProcessA.
 *
 * CreateProcessA forks and executes a Linux program whose path and argv come
 * from the Windows command line. The child's pid is its process id and its
 * main thread's id. The exact command line travels to the child in
 * WINHANDLE_CMDLINE ("PID:line"), so GetCommandLineA there returns it
 * unchanged; the pid prefix keeps a grandchild started by other means from
 * taking it as its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmdline.h"
#include "private.h"

extern char **environ;

HANDLE WINAPI GetCurrentProcess(void)
{
    return (HANDLE)(LONG_PTR)-1;
}

DWORD WINAPI GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}

static BOOL process_info(HANDLE process, struct wh_get_process_info_reply *reply)
{
    struct wh_get_process_info_request req = { .handle = handle_to_wire(process) };
    return set_result(SERVER_CALL(get_process_info, &req, reply, NULL, 0));
}

DWORD WINAPI GetProcessId(HANDLE process)
{
    struct wh_get_process_info_reply reply;
    return process_info(process, &reply) ? reply.pid : 0;
}

BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    struct wh_get_process_info_reply reply;
    if (!process_info(process, &reply))
        return FALSE;
    if (!code)
        return FAIL(ERROR_NOACCESS, FALSE);
    *code = reply.exit_code;
    return TRUE;
}

void WINAPI ExitProcess(UINT code)
{
    process_report_exit(code);
    exit((int)code);
}

/* ---- the module and the command line ---- */

/* The running program's image base, as an HMODULE is on Windows: its ELF
 * header, which the linker places right before the program headers. */
static HMODULE main_module(void)
{
    const unsigned char *ehdr =
        (const unsigned char *)getauxval(AT_PHDR) - sizeof(ElfW(Ehdr));
    if (!memcmp(ehdr, ELFMAG, SELFMAG))
        return (HMODULE)ehdr;
    return (HMODULE)getauxval(AT_PHDR); /* unusual layout: still unique */
}

HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
    if (!name)
        return main_module();
    return FAIL(ERROR_MOD_NOT_FOUND, NULL);
}

DWORD WINAPI GetModuleFileNameA(HMODULE module, LPSTR buf, DWORD size)
{
    char path[PATH_MAX];
    if (module && module != main_module())
        return FAIL(ERROR_MOD_NOT_FOUND, 0);
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    if (n < 0)
        return FAIL(ERROR_FILE_NOT_FOUND, 0);
    path[n] = '\0';
    if (!size)
        return FAIL(ERROR_INSUFFICIENT_BUFFER, 0);
    if ((DWORD)n >= size) {
        /* Truncated and terminated, as Windows does since XP. */
        memcpy(buf, path, size - 1);
        buf[size - 1] = '\0';
        return FAIL(ERROR_INSUFFICIENT_BUFFER, size);
    }
    memcpy(buf, path, (size_t)n + 1);
    SetLastError(ERROR_SUCCESS);
    return (DWORD)n;
}

static pthread_once_t cmdline_once = PTHREAD_ONCE_INIT;
static char *command_line;

static char *cmdline_from_proc(void)
{
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    ssize_t n;
    while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)n;
        if (len + 1 == cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    close(fd);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += buf[i] == '\0';
    char **argv = calloc(count + 2, sizeof(*argv));
    char *line = NULL;
    if (argv) {
        size_t k = 0;
        for (size_t i = 0; i < len; i += strlen(buf + i) + 1)
            argv[k++] = buf + i;
        line = cmdline_join(argv);
        free(argv);
    }
    free(buf);
    return line;
}

static void load_command_line(void)
{
    const char *passed = getenv("WINHANDLE_CMDLINE");
    char prefix[32];
    int n = snprintf(prefix, sizeof(prefix), "%d:", (int)getpid());
    if (passed && !strncmp(passed, prefix, (size_t)n))
        command_line = strdup(passed + n);
    if (!command_line)
        command_line = cmdline_from_proc();
    if (!command_line)
        command_line = strdup("");
}

LPSTR WINAPI GetCommandLineA(void)
{
    pthread_once(&cmdline_once, load_command_line);
    return command_line;
}

/* ---- CreateProcessA ---- */

/* dir (dlen bytes) + "/" + name into out; 0 if it fits and is executable. */
static int try_dir(char *out, size_t len, const char *dir, size_t dlen, const char *name)
{
    int n = snprintf(out, len, "%.*s/%s", (int)dlen, dir, name);
    return n > 0 && (size_t)n < len && access(out, X_OK) == 0 ? 0 : -1;
}

/* Where a program name without a slash is found: beside the running
 * program, in the current directory, then along PATH (Windows' order). */
static int find_program(const char *name, char *out, size_t len)
{
    if (strchr(name, '/')) {
        int n = snprintf(out, len, "%s", name);
        return n > 0 && (size_t)n < len && access(out, F_OK) == 0 ? 0 : -1;
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

/* An environment block ("A=1\0B=2\0\0") as an envp array. */
static char **env_block_to_envp(const char *block)
{
    size_t count = 0;
    for (const char *p = block; *p; p += strlen(p) + 1)
        count++;
    char **envp = calloc(count + 2, sizeof(*envp));
    if (!envp)
        return NULL;
    size_t i = 0;
    for (const char *p = block; *p; p += strlen(p) + 1)
        envp[i++] = (char *)p;
    return envp;
}

/* In the forked child: set up and exec, or report errno on the pipe. */
static void __attribute__((noreturn))
exec_child(const char *path, char **argv, char **envp, const char *cwd,
           const char *cmdline, int report_fd)
{
    char *var = NULL;
    size_t count = 0;
    while (envp[count])
        count++;
    char **env = calloc(count + 2, sizeof(*env));
    if (env && asprintf(&var, "WINHANDLE_CMDLINE=%d:%s", (int)getpid(), cmdline) > 0) {
        size_t k = 0;
        for (size_t i = 0; i < count; i++)
            if (strncmp(envp[i], "WINHANDLE_CMDLINE=", 18))
                env[k++] = envp[i];
        env[k++] = var;
        env[k] = NULL;
        envp = env;
    }
    int err = 0;
    if (cwd && chdir(cwd) < 0)
        err = errno;
    else {
        execve(path, argv, envp);
        err = errno;
    }
    if (write(report_fd, &err, sizeof(err)) < 0)
        _exit(126);
    _exit(127);
}

BOOL WINAPI CreateProcessA(LPCSTR app_name, LPSTR cmdline, LPSECURITY_ATTRIBUTES psa,
                           LPSECURITY_ATTRIBUTES tsa, BOOL inherit_handles, DWORD flags,
                           LPVOID environment, LPCSTR cwd, LPSTARTUPINFOA startup,
                           LPPROCESS_INFORMATION info)
{
    (void)inherit_handles; /* handle inheritance: the sharing issue */
    if (!startup || !info || (!app_name && !cmdline))
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    if (flags & CREATE_SUSPENDED)
        return FAIL(ERROR_NOT_SUPPORTED, FALSE);
    const char *line = cmdline ? cmdline : app_name;
    int argc;
    char **argv = cmdline_split(line, &argc);
    if (!argv)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, FALSE);
    if (!argc) {
        cmdline_free_argv(argv);
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    }
    char path[PATH_MAX];
    if (app_name) {
        snprintf(path, sizeof(path), "%s", app_name);
    } else if (find_program(argv[0], path, sizeof(path)) < 0) {
        cmdline_free_argv(argv);
        return FAIL(ERROR_FILE_NOT_FOUND, FALSE);
    }
    char **envp = environment ? env_block_to_envp(environment) : environ;
    int report[2];
    if (!envp || pipe2(report, O_CLOEXEC) < 0) {
        cmdline_free_argv(argv);
        if (environment)
            free(envp);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, FALSE);
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(report[0]);
        exec_child(path, argv, envp, cwd, line, report[1]);
    }
    close(report[1]);
    cmdline_free_argv(argv);
    if (environment)
        free(envp);
    if (pid < 0) {
        close(report[0]);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, FALSE);
    }
    int child_errno = 0;
    ssize_t n;
    while ((n = read(report[0], &child_errno, sizeof(child_errno))) < 0 && errno == EINTR)
        ;
    close(report[0]);
    if (n > 0) {
        /* exec failed: reap the child that never became the program. */
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        return FAIL(errno_to_win32(child_errno), FALSE);
    }
    struct wh_new_process_request req = {
        .pid = (uint32_t)pid,
        .inherit_process = psa && psa->bInheritHandle,
        .inherit_thread = tsa && tsa->bInheritHandle,
    };
    struct wh_new_process_reply reply;
    if (!set_result(SERVER_CALL(new_process, &req, &reply, NULL, 0)))
        return FALSE;
    info->hProcess = wire_to_handle(reply.process_handle);
    info->hThread = wire_to_handle(reply.thread_handle);
    info->dwProcessId = (DWORD)pid;
    info->dwThreadId = (DWORD)pid;
    return TRUE;
}
