/*
 * winhandled: the object server of one session.
 *
 * It owns every object, name and handle table of the session and answers
 * the library's requests over a Unix socket in the session directory. It
 * is normally started by the library on first use and leaves a few seconds
 * after its last client.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../protocol/protocol.h"
#include "../protocol/session_dir.h"
#include "connection.h"
#include "gdi.h"
#include "handle.h"
#include "log.h"
#include "loop.h"

extern uint64_t server_start_ms;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: winhandled [options]\n"
            "  -f, --foreground        stay in the foreground, log to stderr\n"
            "  -p, --persistent        do not exit when the last client leaves\n"
            "  -t, --idle-timeout MS   exit MS milliseconds after the last client\n"
            "                          (default 5000; $WINHANDLE_IDLE_TIMEOUT)\n"
            "  -d, --session-dir DIR   serve DIR instead of the default session\n"
            "      --max-handles N     per-process handle limit (default 16777216)\n"
            "      --gdi-quota N       per-process GDI object limit, 256..65536 (default 10000)\n"
            "  -v, --verbose           more logging (-v info, -vv debug)\n"
            "  -h, --help              this text\n");
}

static struct fd_watch signal_watch;

static void signal_event(struct fd_watch *w, uint32_t events)
{
    (void)events;
    struct signalfd_siginfo si;
    if (read(w->fd, &si, sizeof(si)) == sizeof(si)) {
        log_info("signal %u: exiting", si.ssi_signo);
        loop_stop();
    }
}

static int watch_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal_watch.fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    signal_watch.callback = signal_event;
    return signal_watch.fd < 0 ? -1 : loop_add(&signal_watch, EPOLLIN);
}

/*
 * One server per session: the live one holds an exclusive lock on
 * server.lock for its whole life. A server that is still exiting holds it
 * for a moment, so wait up to 5 s for it rather than failing at once.
 */
static int take_server_lock(const char *dir)
{
    char path[4096];
    if (wh_session_file(path, sizeof(path), dir, WH_SERVER_LOCK_NAME) < 0)
        return -1;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    for (int i = 0; i < 500; i++) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        if (errno != EWOULDBLOCK)
            break;
        usleep(10000);
    }
    close(fd);
    return -1;
}

/* Fork; the parent exits when the child is ready (or failed), so whoever
 * started us knows the socket is listening once we have exited. */
static int daemonize(int *ready_fd)
{
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid > 0) {
        char status = 1;
        close(pipefd[1]);
        if (read(pipefd[0], &status, 1) != 1)
            status = 1;
        _exit(status);
    }
    close(pipefd[0]);
    setsid();
    *ready_fd = pipefd[1];
    return 0;
}

static void redirect_stdio(const char *dir)
{
    char path[4096];
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        close(null);
    }
    if (wh_session_file(path, sizeof(path), dir, WH_LOG_NAME) == 0) {
        int log = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (log >= 0) {
            dup2(log, 2);
            close(log);
        }
    }
}

int main(int argc, char **argv)
{
    int foreground = 0, verbose = 0;
    const char *dir_arg = NULL;
    const char *idle_env = getenv("WINHANDLE_IDLE_TIMEOUT");
    if (idle_env && *idle_env)
        server_idle_timeout_ms = (uint32_t)strtoul(idle_env, NULL, 10);

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-f") || !strcmp(a, "--foreground"))
            foreground = 1;
        else if (!strcmp(a, "-p") || !strcmp(a, "--persistent"))
            server_persistent = 1;
        else if ((!strcmp(a, "-t") || !strcmp(a, "--idle-timeout")) && i + 1 < argc)
            server_idle_timeout_ms = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if ((!strcmp(a, "-d") || !strcmp(a, "--session-dir")) && i + 1 < argc)
            dir_arg = argv[++i];
        else if (!strcmp(a, "--max-handles") && i + 1 < argc)
            handle_limit = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(a, "--gdi-quota") && i + 1 < argc)
            gdi_quota = gdi_clamp_quota(strtoul(argv[++i], NULL, 10));
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
            verbose++;
        else if (!strcmp(a, "-vv"))
            verbose += 2;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (handle_limit == 0 || handle_limit > WH_MAX_HANDLES)
        handle_limit = WH_MAX_HANDLES;
    log_threshold = verbose >= 2 ? LOG_DEBUG : verbose ? LOG_INFO : LOG_WARN;

    char dir[4096], err[512], sock[4096];
    if (dir_arg)
        snprintf(dir, sizeof(dir), "%s", dir_arg);
    else if (wh_session_dir_path(dir, sizeof(dir)) < 0) {
        log_error("session directory path too long");
        return 1;
    }
    if (wh_session_dir_prepare(dir, err, sizeof(err)) < 0) {
        log_error("%s", err);
        return 1;
    }
    if (wh_session_file(sock, sizeof(sock), dir, WH_SOCKET_NAME) < 0) {
        log_error("session directory path too long");
        return 1;
    }

    int ready_fd = -1;
    if (!foreground && daemonize(&ready_fd) < 0) {
        log_error("cannot fork: %s", strerror(errno));
        return 1;
    }
    int lock_fd = take_server_lock(dir);
    if (lock_fd < 0) {
        log_error("another server holds %s/%s", dir, WH_SERVER_LOCK_NAME);
        return 1;
    }
    if (loop_init() < 0 || watch_signals() < 0 || connection_listen(sock) < 0) {
        log_error("cannot start: %s", strerror(errno));
        return 1;
    }
    server_start_ms = monotonic_ms();
    log_info("serving %s (protocol %u)", sock, WH_PROTOCOL_VERSION);
    if (ready_fd >= 0) {
        redirect_stdio(dir);
        char ok = 0;
        if (write(ready_fd, &ok, 1) != 1)
            return 1;
        close(ready_fd);
    }

    loop_run();

    connection_stop_listening(sock);
    log_info("stopped");
    close(lock_fd);
    return 0;
}
