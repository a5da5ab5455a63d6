#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../protocol/session_dir.h"
#include "tool.h"

int session_dir_state(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) < 0) {
        if (errno == ENOENT)
            return 0;
        tool_error("cannot look at %s: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 0777) != 0700) {
        /* Another user could have planted a server there: do not talk to it. */
        tool_error("%s is not a private directory of ours (mode 0700, uid %u): "
                   "refusing to talk to a server there", dir, (unsigned)getuid());
        return -1;
    }
    return 1;
}

int session_socket_answers(const char *dir)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    if (wh_session_file(addr.sun_path, sizeof(addr.sun_path), dir, WH_SOCKET_NAME) < 0)
        return 0;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    int ok = connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0;
    close(fd);
    return ok;
}

/*
 * The server holds server.lock with flock() for its whole life, and Linux
 * lists flock holders in /proc/locks by device and inode:
 *   "1: FLOCK  ADVISORY  WRITE 4242 00:2b:1234567 0 EOF"
 * Lines of waiters start "1: -> FLOCK ..." and are skipped.
 */
pid_t session_lock_holder(const char *dir)
{
    char path[4096], line[256];
    struct stat st;
    if (wh_session_file(path, sizeof(path), dir, WH_SERVER_LOCK_NAME) < 0 ||
        stat(path, &st) < 0)
        return 0;
    FILE *f = fopen("/proc/locks", "re");
    if (!f)
        return 0;
    pid_t holder = 0;
    while (!holder && fgets(line, sizeof(line), f)) {
        char kind[16];
        int pid;
        unsigned maj, min;
        unsigned long long ino;
        if (sscanf(line, "%*d: %15s %*s %*s %d %x:%x:%llu", kind, &pid, &maj, &min,
                   &ino) == 5 &&
            !strcmp(kind, "FLOCK") && maj == major(st.st_dev) &&
            min == minor(st.st_dev) && ino == (unsigned long long)st.st_ino && pid > 0)
            holder = pid;
    }
    fclose(f);
    return holder;
}

/* Is the server lock free? Taking it shared for an instant tells. */
static int lock_free(const char *dir)
{
    char path[4096];
    if (wh_session_file(path, sizeof(path), dir, WH_SERVER_LOCK_NAME) < 0)
        return 1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 1;
    int free_now = flock(fd, LOCK_SH | LOCK_NB) == 0;
    close(fd); /* releases it */
    return free_now;
}

static int socket_present(const char *dir)
{
    char path[4096];
    struct stat st;
    if (wh_session_file(path, sizeof(path), dir, WH_SOCKET_NAME) < 0)
        return 0;
    return lstat(path, &st) == 0;
}

int session_wait_gone(const char *dir, int timeout_ms)
{
    const struct timespec tick = { 0, 10 * 1000 * 1000 };
    for (int waited = 0; waited <= timeout_ms; waited += 10) {
        if (!socket_present(dir) && lock_free(dir))
            return 0;
        nanosleep(&tick, NULL);
    }
    return -1;
}
