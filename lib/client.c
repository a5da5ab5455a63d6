/*
 * The transport: one connection per client thread, opened on the thread's
 * first call. The first connection of a process registers it; if no server
 * answers, one is started (under a lock, so racing programs start one
 * between them).
 *
 * A connection is a Unix stream socket and, when the hello could bring
 * them, two pipes: requests go down the request pipe and replies come back
 * on the reply pipe, at about half the cost of a round trip on the socket
 * (server/connection.c says why). The socket carries the hello, every
 * request that sends or receives a descriptor (SCM_RIGHTS needs a socket)
 * and every request longer than PIPE_BUF.
 *
 * Order between the two channels costs nothing to keep: a thread has one
 * request in flight and reads the whole of its reply, on the channel the
 * request went by, before it sends the next. So the request pipe is empty
 * whenever we write to it (the server read all of the last request before
 * it replied), and a write of at most PIPE_BUF bytes goes in whole at
 * once, never blocking, never interleaved.
 *
 * We keep the request pipe's read end, and never read it: with no reader
 * left, write() would raise SIGPIPE, which kills a program that has not
 * asked for it, where the socket gives MSG_NOSIGNAL. With our reader
 * there, a request to a dead server lands in the empty pipe and the reply
 * pipe's end of file tells us the server is gone. We close our copy of the
 * reply pipe's write end at once, so that only the server holds it (a
 * child forked by another thread in between holds one until it execs).
 */
#include "client.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../protocol/session_dir.h"
#include "private.h"
#include "trace.h"

/* A thread's connection: -1 for what it does not have. */
struct conn {
    int sock;       /* the socket */
    int req_pipe;   /* the request pipe's write end */
    int req_guard;  /* its read end, kept and never read (see above) */
    int reply_pipe; /* the reply pipe's read end */
};
#define NO_CONN { -1, -1, -1, -1 }

static __thread struct conn conn = NO_CONN;
static pthread_key_t conn_key;
static pthread_once_t conn_once = PTHREAD_ONCE_INIT;
static int observer;
static char session_dir[4096];
static int session_dir_ok;
static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;
static int exit_hook_installed;
static int exit_reported;

static void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void complain(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "winhandle: %s\n", msg);
}

void client_set_observer(void)
{
    observer = 1;
}

static void conn_close(struct conn *c)
{
    int *fds[] = { &c->sock, &c->req_pipe, &c->req_guard, &c->reply_pipe };
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
        if (*fds[i] >= 0)
            close(*fds[i]);
        *fds[i] = -1;
    }
}

/* Runs when a thread ends (value is its conn): its connection closing
 * tells the server. */
static void thread_gone(void *value)
{
    conn_close(value);
}

/* A forked child must not talk over its parent's connection. */
static void after_fork_child(void)
{
    conn_close(&conn);
    pthread_setspecific(conn_key, NULL);
    exit_reported = 0;
}

static void init_once(void)
{
    pthread_key_create(&conn_key, thread_gone);
    if (!observer)
        trace_read_env();
    pthread_atfork(NULL, NULL, after_fork_child);
}

const char *client_session_dir(void)
{
    pthread_mutex_lock(&setup_lock);
    if (!session_dir_ok) {
        if (wh_session_dir_path(session_dir, sizeof(session_dir)) < 0)
            session_dir[0] = '\0';
        session_dir_ok = 1;
    }
    pthread_mutex_unlock(&setup_lock);
    return session_dir;
}

/* A process started with 0, 1 or 2 closed must not find our socket or
 * pipes there: its stdio, and GetStdHandle, would take them for theirs.
 * Returns fd moved to 3 or above (close-on-exec), or -errno. */
static int above_stdio(int fd)
{
    if (fd < 0 || fd >= 3)
        return fd < 0 ? -errno : fd;
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    int err = errno;
    close(fd);
    return high < 0 ? -err : high;
}

static int connect_socket(const char *dir)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    if (wh_session_file(addr.sun_path, sizeof(addr.sun_path), dir, WH_SOCKET_NAME) < 0)
        return -ENAMETOOLONG;
    int fd = above_stdio(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd < 0)
        return fd;
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    return fd;
}

static const char *server_binary(void)
{
    const char *env = getenv("WINHANDLE_SERVER");
    if (env && *env)
        return env;
    if (access(WH_SERVER_INSTALL_PATH, X_OK) == 0)
        return WH_SERVER_INSTALL_PATH;
    return WH_SERVER_BUILD_PATH;
}

/* Run the server; it forks and its first process exits once it listens. */
static int spawn_server(const char *dir)
{
    const char *bin = server_binary();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execl(bin, "winhandled", "--session-dir", dir, (char *)NULL);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        complain("could not start the server %s (status %d); see %s/%s", bin,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1, dir, WH_LOG_NAME);
        return -1;
    }
    return 0;
}

/* Connect, starting a server under the start lock when none answers. */
static int connect_or_start(const char *dir)
{
    int fd = connect_socket(dir);
    if (fd >= 0 || observer)
        return fd;
    char err[512], lock_path[4096];
    if (wh_session_dir_prepare(dir, err, sizeof(err)) < 0) {
        complain("%s", err);
        return -1;
    }
    if (wh_session_file(lock_path, sizeof(lock_path), dir, WH_START_LOCK_NAME) < 0)
        return -1;
    int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0)
        return -1;
    while (flock(lock, LOCK_EX) < 0 && errno == EINTR)
        ;
    fd = connect_socket(dir); /* someone may have started it meanwhile */
    if (fd < 0 && spawn_server(dir) == 0)
        fd = connect_socket(dir);
    close(lock); /* releases the lock */
    return fd;
}

/* Step over n bytes already sent. */
static void iov_advance(struct iovec **iov, int *iovcnt, size_t n)
{
    while (*iovcnt > 0 && n >= (*iov)->iov_len) {
        n -= (*iov)->iov_len;
        (*iov)++;
        (*iovcnt)--;
    }
    if (*iovcnt > 0) {
        (*iov)->iov_base = (char *)(*iov)->iov_base + n;
        (*iov)->iov_len -= n;
    }
}

static int write_all(int fd, struct iovec *iov, int iovcnt)
{
    while (iovcnt > 0) {
        ssize_t n = writev(fd, iov, iovcnt);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        iov_advance(&iov, &iovcnt, (size_t)n);
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Send the first bytes of a request with nsend (1 or 2) descriptors
 * attached (they travel with the first byte); returns how many bytes
 * went, or -1. */
static ssize_t send_with_fds(int fd, struct iovec *iov, int iovcnt, const int *send_fds,
                             int nsend)
{
    union {
        char buf[CMSG_SPACE(sizeof(int) * 2)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof(control));
    struct msghdr msg = { .msg_iov = iov, .msg_iovlen = (size_t)iovcnt,
                          .msg_control = control.buf,
                          .msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nsend) };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nsend);
    memcpy(CMSG_DATA(cm), send_fds, sizeof(int) * (size_t)nsend);
    ssize_t n;
    while ((n = sendmsg(fd, &msg, MSG_NOSIGNAL)) < 0 && errno == EINTR)
        ;
    return n;
}

/* Take the descriptors a message carried: the first to *recv_fd if asked
 * for and still free, the others closed. */
static void take_fds(struct msghdr *msg, int *recv_fd)
{
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm; cm = CMSG_NXTHDR(msg, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
            continue;
        size_t count = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < count; i++) {
            int got;
            memcpy(&got, CMSG_DATA(cm) + i * sizeof(int), sizeof(int));
            if (recv_fd && *recv_fd < 0)
                *recv_fd = got;
            else
                close(got);
        }
    }
}

/* The first read of a reply: recvmsg on the socket, for the descriptor a
 * reply may carry with its first byte; readv on the reply pipe. */
static ssize_t read_first(int fd, int is_pipe, struct iovec *iov, int *recv_fd)
{
    union {
        char buf[CMSG_SPACE(sizeof(int) * WH_MAX_REQUEST_FDS)];
        struct cmsghdr align;
    } control;
    struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2,
                          .msg_control = control.buf,
                          .msg_controllen = sizeof(control.buf) };
    ssize_t n;
    if (is_pipe) {
        while ((n = readv(fd, iov, 2)) < 0 && errno == EINTR)
            ;
        return n;
    }
    while ((n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
        ;
    if (n > 0)
        take_fds(&msg, recv_fd);
    return n;
}

/*
 * Read one reply into reply (rep_size bytes: header and fixed fields) and
 * its variable data into *var. One read takes the whole of a usual
 * reply: a connection has one request in flight, so everything waiting on
 * the socket or pipe belongs to this reply, and reading past the fixed
 * fields into scratch is safe. Returns the reply's error, or -1 if the
 * server went away.
 */
static int64_t read_reply(int fd, int is_pipe, int *recv_fd, void *reply, uint32_t rep_size,
                          void **var, uint32_t *var_len)
{
    const uint32_t header = (uint32_t)sizeof(struct wh_reply_header);
    char scratch[512];
    struct iovec iov[2] = { { reply, rep_size }, { scratch, sizeof(scratch) } };
    memset(reply, 0, rep_size);
    ssize_t n = read_first(fd, is_pipe, iov, recv_fd);
    if (n <= 0)
        return -1;
    if ((size_t)n < header && read_all(fd, (char *)reply + n, header - (size_t)n) < 0)
        return -1;
    struct wh_reply_header rh;
    memcpy(&rh, reply, sizeof(rh));
    if (rh.size < header || (size_t)n > rh.size)
        return -1;

    uint32_t body = rh.size - header;
    uint32_t got = (size_t)n > header ? (uint32_t)n - header : 0;
    uint32_t fixed = rep_size - header;
    if (fixed > body)
        fixed = body;
    if (got < fixed && read_all(fd, (char *)reply + header + got, fixed - got) < 0)
        return -1;
    uint32_t rest = body - fixed;
    /* Bytes past the fixed fields that landed in scratch already. */
    uint32_t in_scratch = got > rep_size - header ? got - (rep_size - header) : 0;
    char *extra = rest ? malloc(rest) : NULL;
    if (rest && !extra)
        return -1;
    if (in_scratch)
        memcpy(extra, scratch, in_scratch);
    if (rest > in_scratch && read_all(fd, extra + in_scratch, rest - in_scratch) < 0) {
        free(extra);
        return -1;
    }
    if (var) {
        *var = extra;
        *var_len = rest;
    } else {
        free(extra);
    }
    return rh.error;
}

/* One request and its reply on c, by the pipes when it may (see the top).
 * Returns the reply error, or -1 on I/O failure (the server went away). */
static int64_t exchange(const struct conn *c, uint32_t code, void *req, uint32_t req_size,
                        const void *data, uint32_t data_len, const int *send_fds, int nsend,
                        int *recv_fd, void *reply, uint32_t rep_size, void **var,
                        uint32_t *var_len)
{
    struct wh_request_header *h = req;
    h->size = req_size + data_len;
    h->code = code;
    struct iovec iov[2] = { { req, req_size }, { (void *)data, data_len } };
    int iovcnt = data_len ? 2 : 1;
    struct iovec *left = iov;
    int by_pipe = c->req_pipe >= 0 && !nsend && !recv_fd && h->size <= PIPE_BUF;
    int fd = by_pipe ? c->req_pipe : c->sock;
    if (nsend) {
        ssize_t n = send_with_fds(fd, iov, iovcnt, send_fds, nsend);
        if (n < 0)
            return -1;
        /* Whatever did not fit goes the ordinary way. */
        iov_advance(&left, &iovcnt, (size_t)n);
    }
    if (iovcnt > 0 && write_all(fd, left, iovcnt) < 0)
        return -1;
    return read_reply(by_pipe ? c->reply_pipe : c->sock, by_pipe, recv_fd, reply, rep_size,
                      var, var_len);
}

static void exit_hook(int status, void *arg);

/* The two pipes offered with the hello, each end at 3 or above: req the
 * request pipe, rep the reply pipe ([0] reads, [1] writes). -1: none. */
static int make_pipes(int req[2], int rep[2])
{
    int *ends[] = { &req[0], &req[1], &rep[0], &rep[1] };
    int ok = pipe2(req, O_CLOEXEC) == 0;
    if (ok && pipe2(rep, O_CLOEXEC) < 0) {
        close(req[0]);
        close(req[1]);
        ok = 0;
    }
    if (!ok)
        return -1;
    for (int i = 0; i < 4; i++)
        ok = (*ends[i] = above_stdio(*ends[i])) >= 0 && ok;
    if (!ok)
        for (int i = 0; i < 4; i++)
            if (*ends[i] >= 0)
                close(*ends[i]);
    return ok ? 0 : -1;
}

/* The hello on c's socket, offering the pipes; on success c has them if
 * the server took them. */
static int say_hello(struct conn *c)
{
    struct wh_hello_request req = {
        .version = WH_PROTOCOL_VERSION,
        .pid = (uint32_t)getpid(),
        .tid = (uint32_t)gettid(),
        .bitness = sizeof(void *) * 8,
        .flags = observer ? WH_HELLO_OBSERVER : trace_mode ? WH_HELLO_TRACE : 0,
    };
    struct wh_hello_reply reply;
    int req_pipe[2], rep_pipe[2];
    int pipes = make_pipes(req_pipe, rep_pipe) == 0;
    int offer[2] = { pipes ? req_pipe[0] : -1, pipes ? rep_pipe[1] : -1 };
    if (pipes)
        req.flags |= WH_HELLO_PIPES;
    int64_t err = exchange(c, WH_REQ_hello, &req, sizeof(req), NULL, 0, offer, pipes ? 2 : 0,
                           NULL, &reply, sizeof(reply), NULL, NULL);
    if (pipes) {
        close(rep_pipe[1]); /* the server's alone now */
        if (err == 0 && (reply.flags & WH_HELLO_PIPES)) {
            c->req_pipe = req_pipe[1];
            c->req_guard = req_pipe[0];
            c->reply_pipe = rep_pipe[0];
        } else {
            close(req_pipe[0]);
            close(req_pipe[1]);
            close(rep_pipe[0]);
        }
    }
    if (err == 0)
        return 0;
    if (err == 1306) /* ERROR_REVISION_MISMATCH */
        complain("the server speaks protocol %u, this library %u: stop it "
                 "(winhandle server stop) or use matching builds",
                 reply.version, WH_PROTOCOL_VERSION);
    else if (err > 0)
        complain("the server refused this process (error %u)", (unsigned)err);
    return err < 0 ? -2 : -1; /* -2: the connection broke; worth a retry */
}

static int open_connection(void)
{
    pthread_once(&conn_once, init_once);
    const char *dir = client_session_dir();
    if (!*dir) {
        complain("session directory path too long");
        return -1;
    }
    /* A server that is just exiting may accept and then drop us: retry. */
    for (int attempt = 0; attempt < 20; attempt++) {
        struct conn c = NO_CONN;
        c.sock = connect_or_start(dir);
        if (c.sock < 0) {
            if (!observer)
                complain("cannot reach the server in %s", dir);
            return -1;
        }
        int r = say_hello(&c);
        if (r == 0) {
            conn = c;
            pthread_setspecific(conn_key, &conn);
            if (!observer) {
                pthread_mutex_lock(&setup_lock);
                if (!exit_hook_installed) {
                    exit_hook_installed = 1;
                    on_exit(exit_hook, NULL);
                }
                pthread_mutex_unlock(&setup_lock);
            }
            return 0;
        }
        conn_close(&c);
        if (r == -1)
            return -1;
        usleep(10000);
    }
    return -1;
}

void client_connect_thread(void)
{
    if (conn.sock < 0)
        open_connection();
}

uint32_t server_call(uint32_t code, void *req, uint32_t req_size,
                     const void *data, uint32_t data_len,
                     void *reply, uint32_t rep_size,
                     void **var, uint32_t *var_len)
{
    return server_call_fd(code, req, req_size, data, data_len, -1, NULL, reply,
                          rep_size, var, var_len);
}

static __thread uint64_t calls_made;

uint64_t client_calls_made(void)
{
    return calls_made;
}

uint32_t server_call_fd(uint32_t code, void *req, uint32_t req_size,
                        const void *data, uint32_t data_len, int send_fd,
                        int *recv_fd, void *reply, uint32_t rep_size,
                        void **var, uint32_t *var_len)
{
    calls_made++;
    if (var)
        *var = NULL;
    if (recv_fd)
        *recv_fd = -1;
    if (conn.sock < 0 && open_connection() < 0)
        return WH_ERROR_NO_SERVER;
    int64_t err = exchange(&conn, code, req, req_size, data, data_len, &send_fd,
                           send_fd >= 0, recv_fd, reply, rep_size, var, var_len);
    if (err != 0 && recv_fd && *recv_fd >= 0) {
        close(*recv_fd); /* only a successful reply hands one over */
        *recv_fd = -1;
    }
    if (err < 0) {
        complain("lost the connection to the server");
        conn_close(&conn);
        pthread_setspecific(conn_key, NULL);
        return WH_ERROR_NO_SERVER;
    }
    /* Set only for a traced process (trace.h): the one test tracing costs. */
    if (((struct wh_reply_header *)reply)->trace)
        trace_after_call((uint32_t)err);
    return (uint32_t)err;
}

/* ---- exit codes ---- */

void process_report_exit(uint32_t code)
{
    struct wh_process_exit_request req = { .exit_code = code };
    struct wh_process_exit_reply reply;
    trace_at_exit(); /* before the server hears of the end */
    exit_reported = 1;
    SERVER_CALL(process_exit, &req, &reply, NULL, 0);
}

void thread_report_exit(uint32_t code)
{
    struct wh_thread_exit_request req = { .exit_code = code };
    struct wh_thread_exit_reply reply;
    SERVER_CALL(thread_exit, &req, &reply, NULL, 0);
}

/* exit() and a return from main: Windows keeps all 32 bits of the code,
 * which Linux would cut to 8, so the server hears it from here. */
static void exit_hook(int status, void *arg)
{
    (void)arg;
    if (!exit_reported)
        process_report_exit((uint32_t)status);
}
