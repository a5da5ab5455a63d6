/*
 * GetStdHandle and SetStdHandle.
 *
 * A process's standard handles are, in order of precedence:
 *  - what SetStdHandle last set;
 *  - the handles its CreateProcessA parent passed with STARTF_USESTDHANDLES
 *    (GetStartupInfoA has them; the parent also put their descriptors on
 *    0, 1 and 2, so C's stdio and the handles agree);
 *  - otherwise, on first use, a file object the server makes around the
 *    descriptor the process has there (a terminal, a pipe from the shell,
 *    a redirected file), with the access the descriptor allows. It is not
 *    inheritable and takes no part in share modes. A closed descriptor
 *    gives NULL, as Windows gives a process without that handle.
 * SetStdHandle changes only what GetStdHandle returns, not descriptors 0-2.
 */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include "fd_cache.h"
#include "private.h"
#include "trace.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static HANDLE std_handles[3];
static int known[3];
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* A forked child is a new process to the server: none of these are its. */
static void after_fork_child(void)
{
    pthread_mutex_init(&lock, NULL);
    known[0] = known[1] = known[2] = 0;
}

static void install_atfork(void)
{
    pthread_atfork(NULL, NULL, after_fork_child);
}

static int std_index(DWORD which)
{
    switch (which) {
    case STD_INPUT_HANDLE: return 0;
    case STD_OUTPUT_HANDLE: return 1;
    case STD_ERROR_HANDLE: return 2;
    default: return -1;
    }
}

/* A handle for our descriptor fd (0, 1 or 2), or NULL. */
static HANDLE wrap_descriptor(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return NULL;
    DWORD access = (fl & O_ACCMODE) == O_RDONLY   ? GENERIC_READ
                   : (fl & O_ACCMODE) == O_WRONLY ? GENERIC_WRITE
                                                  : GENERIC_READ | GENERIC_WRITE;
    struct wh_create_file_request req = {
        .access = access,
        .sharing = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
        .flags = WH_FILE_STD,
    };
    struct wh_create_file_reply reply;
    if (server_call_fd(WH_REQ_create_file, &req, sizeof(req), NULL, 0, fd, NULL, &reply,
                       sizeof(reply), NULL, NULL))
        return NULL;
    HANDLE h = wire_to_handle(reply.handle);
    fd_forget(h);
    return h;
}

static HANDLE initial_handle(int index)
{
    STARTUPINFOA si;
    GetStartupInfoA(&si);
    if (si.dwFlags & STARTF_USESTDHANDLES) {
        HANDLE given[3] = { si.hStdInput, si.hStdOutput, si.hStdError };
        return given[index];
    }
    return wrap_descriptor(index);
}

HANDLE WINAPI GetStdHandle(DWORD which)
{
    int i = std_index(which);
    if (i < 0)
        return FAIL(ERROR_INVALID_HANDLE, INVALID_HANDLE_VALUE);
    pthread_once(&atfork_once, install_atfork);
    DWORD error = GetLastError(); /* finding it out must not change it */
    pthread_mutex_lock(&lock);
    if (!known[i]) {
        std_handles[i] = initial_handle(i);
        known[i] = 1;
    }
    HANDLE h = std_handles[i];
    pthread_mutex_unlock(&lock);
    SetLastError(error);
    return h;
}

BOOL WINAPI SetStdHandle(DWORD which, HANDLE handle)
{
    int i = std_index(which);
    if (i < 0)
        return FAIL(ERROR_INVALID_HANDLE, FALSE);
    pthread_once(&atfork_once, install_atfork);
    pthread_mutex_lock(&lock);
    std_handles[i] = handle;
    known[i] = 1;
    pthread_mutex_unlock(&lock);
    return TRUE;
}

int std_handle_is(HANDLE handle)
{
    int found = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 3; i++)
        found |= known[i] && handle && std_handles[i] == handle;
    pthread_mutex_unlock(&lock);
    return found;
}
