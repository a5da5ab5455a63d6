/*
 * What a process knows about how it was started: its module (the running
 * executable), its command line and its STARTUPINFO.
 *
 * A child made by CreateProcessA gets its exact command line and startup
 * fields from the server, where its parent left them (new_process), the
 * way Windows writes a child's process parameters before it runs. Any
 * other program's command line is rebuilt from its argv with Windows'
 * quoting rules.
 */
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "cmdline.h"
#include "private.h"
#include "startup.h"

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

/* ---- the command line and the startup information ---- */

static pthread_once_t startup_once = PTHREAD_ONCE_INIT;
static char *command_line;
static STARTUPINFOA startup_info;

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

/* The record our parent left with the server, applied; 0 if there is none. */
static int startup_from_server(void)
{
    struct wh_get_startup_info_request req;
    struct wh_get_startup_info_reply reply;
    void *data = NULL;
    uint32_t len = 0;
    uint32_t err = server_call(WH_REQ_get_startup_info, &req, sizeof(req), NULL, 0,
                               &reply, sizeof(reply), &data, &len);
    struct wh_startup_record rec;
    if (err || !reply.found || len < sizeof(rec)) {
        free(data);
        return 0;
    }
    memcpy(&rec, data, sizeof(rec));
    const char *strings = (const char *)data + sizeof(rec);
    if (len != sizeof(rec) + rec.cmdline_len + rec.title_len + rec.desktop_len) {
        free(data);
        return 0;
    }
    command_line = strndup(strings, rec.cmdline_len);
    if (rec.title_len)
        startup_info.lpTitle = strndup(strings + rec.cmdline_len, rec.title_len);
    if (rec.desktop_len)
        startup_info.lpDesktop =
            strndup(strings + rec.cmdline_len + rec.title_len, rec.desktop_len);
    startup_info.dwFlags = rec.flags;
    startup_info.wShowWindow = (WORD)rec.show_window;
    startup_info.dwX = rec.x;
    startup_info.dwY = rec.y;
    startup_info.dwXSize = rec.x_size;
    startup_info.dwYSize = rec.y_size;
    startup_info.dwXCountChars = rec.x_chars;
    startup_info.dwYCountChars = rec.y_chars;
    startup_info.dwFillAttribute = rec.fill_attribute;
    if (rec.flags & STARTF_USESTDHANDLES) {
        startup_info.hStdInput = wire_to_handle(rec.std_input);
        startup_info.hStdOutput = wire_to_handle(rec.std_output);
        startup_info.hStdError = wire_to_handle(rec.std_error);
    }
    free(data);
    return 1;
}

static void load_startup(void)
{
    startup_info.cb = sizeof(startup_info);
    startup_from_server();
    if (!command_line)
        command_line = cmdline_from_proc();
    if (!command_line)
        command_line = strdup("");
}

LPSTR WINAPI GetCommandLineA(void)
{
    pthread_once(&startup_once, load_startup);
    return command_line;
}

VOID WINAPI GetStartupInfoA(LPSTARTUPINFOA info)
{
    pthread_once(&startup_once, load_startup);
    if (info)
        *info = startup_info;
}

/*
 * Before main: a child of CreateProcessA (its parent's mark is in the
 * environment, startup.h) takes its command line and startup information
 * from the server now, as a Windows process has them before it runs. That
 * also connects it, which is what makes a return from main report all 32
 * bits of the exit code even if the program never calls the library.
 * Other programs do not talk to the server until they call it.
 */
/* Defined (as nonzero) by a program that only looks at the server and is
 * no Windows process itself: the inspector. Started by CreateProcessA, it
 * must not register as a process before it can say it is an observer. */
extern const int winhandle_observer_program __attribute__((weak));

__attribute__((constructor)) static void take_parent_mark(void)
{
    const char *mark = getenv(WH_PARENT_MARK_NAME);
    if (!mark)
        return;
    if (&winhandle_observer_program && winhandle_observer_program) {
        unsetenv(WH_PARENT_MARK_NAME);
        return;
    }
    /* A mark left by a grandparent (through a program that is not ours
     * and so did not remove it) names someone else. */
    int ours = strtol(mark, NULL, 10) == (long)getppid();
    unsetenv(WH_PARENT_MARK_NAME);
    if (ours)
        pthread_once(&startup_once, load_startup);
}
