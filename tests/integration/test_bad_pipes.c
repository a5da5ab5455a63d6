/*
 * Hostile use of a connection's pipes (WH_HELLO_PIPES, server/connection.c):
 * offers of things that are not two pipes, garbage and lies on the request
 * pipe, a request pipe closed halfway through a request, requests longer
 * than PIPE_BUF, a reply larger than the reply pipe holds, requests on both
 * channels at once, a reply pipe closed under the server. Each must be
 * answered, or cost its own connection only, while a well-behaved thread
 * of the library keeps using the server over its own pipes. First, that
 * the library does use pipes, and closes them with its thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <dirent.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <windows.h>

#include "../../protocol/protocol.h"
#include "calm_worker.h"
#include "raw_conn.h"
#include "tap.h"

/* A raw connection: the socket and our ends of the pipes (-1: none). */
struct raw {
    int sock;
    int req;   /* the request pipe's write end */
    int guard; /* its read end: writes never raise SIGPIPE */
    int rep;   /* the reply pipe's read end */
};

static void raw_close(struct raw *r)
{
    int fds[] = { r->sock, r->req, r->guard, r->rep };
    for (int i = 0; i < 4; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    r->sock = r->req = r->guard = r->rep = -1;
}

/* Read exactly len bytes within 5 seconds; 0, or -1 at end of file. */
static int read_exact(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        if (poll(&pfd, 1, 5000) <= 0)
            return -1;
        ssize_t n = read(fd, p, len);
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* A reply from fd: its error (-1: end of file or silence); the first
 * body_len bytes after the header to body, the total size to *size. */
static long reply_on(int fd, void *body, size_t body_len, uint32_t *size)
{
    struct wh_reply_header h;
    if (read_exact(fd, &h, sizeof(h)) < 0 || h.size < sizeof(h))
        return -1;
    char chunk[4096];
    for (size_t done = 0, rest = h.size - sizeof(h); rest;) {
        size_t n = rest < sizeof(chunk) ? rest : sizeof(chunk);
        if (read_exact(fd, chunk, n) < 0)
            return -1;
        if (body && done < body_len)
            memcpy((char *)body + done, chunk, n < body_len - done ? n : body_len - done);
        done += n;
        rest -= n;
    }
    if (size)
        *size = h.size;
    return (long)h.error;
}

/* Whether the server closed this end: end of file within 5 seconds. */
static int closed_by_server(int fd)
{
    char buf[256];
    for (;;) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        if (poll(&pfd, 1, 5000) <= 0)
            return 0;
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n == 0 || (n < 0 && errno == ECONNRESET))
            return 1;
        if (n < 0)
            return 0;
    }
}

/* A hello on the socket with nfds descriptors; the reply's flags to
 * *flags. Returns the reply's error, -1 if none came. */
static long hello_with(int sock, const int *fds, int nfds, uint32_t *flags)
{
    struct wh_hello_request req = {
        .header = { sizeof(req), WH_REQ_hello }, .version = WH_PROTOCOL_VERSION,
        .pid = (uint32_t)getpid(), .tid = (uint32_t)gettid(), .bitness = sizeof(void *) * 8,
        .flags = WH_HELLO_PIPES,
    };
    union {
        char buf[CMSG_SPACE(sizeof(int) * 4)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof(control));
    struct iovec iov = { &req, sizeof(req) };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (nfds) {
        msg.msg_control = control.buf;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
        struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
        memcpy(CMSG_DATA(cm), fds, sizeof(int) * (size_t)nfds);
    }
    if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)sizeof(req))
        return -1;
    struct wh_hello_reply rep;
    long err = reply_on(sock, &rep.version, sizeof(rep) - sizeof(rep.header), NULL);
    *flags = rep.flags;
    return err;
}

/* A connection whose hello brought two good pipes; sock -1 on failure. */
static struct raw raw_with_pipes(void)
{
    struct raw r = { raw_connect(), -1, -1, -1 };
    int req[2], rep[2];
    if (r.sock < 0 || pipe2(req, O_CLOEXEC) < 0)
        return r;
    if (pipe2(rep, O_CLOEXEC) < 0) {
        close(req[0]);
        close(req[1]);
        return r;
    }
    int offer[2] = { req[0], rep[1] };
    uint32_t flags = 0;
    long err = hello_with(r.sock, offer, 2, &flags);
    close(rep[1]);
    r.req = req[1];
    r.guard = req[0];
    r.rep = rep[0];
    if (err != 0 || !(flags & WH_HELLO_PIPES))
        raw_close(&r);
    return r;
}

/* A request of len bytes (header filled in) written to fd in one go. */
static int send_on(int fd, void *req, uint32_t len, const void *data, uint32_t data_len)
{
    struct wh_request_header *h = req;
    h->size = len + data_len;
    struct iovec iov[2] = { { req, len }, { (void *)data, data_len } };
    ssize_t n = writev(fd, iov, data_len ? 2 : 1);
    return n == (ssize_t)(len + data_len) ? 0 : -1;
}

/* Offers the server must refuse, leaving the socket in use. */
static void test_offers(void)
{
    uint32_t flags = 1;
    int sock = raw_connect();
    ok(hello_with(sock, NULL, 0, &flags) == 0 && flags == 0,
       "WH_HELLO_PIPES without descriptors: a hello on the socket alone");
    struct wh_create_event_request ce = { .header = { 0, WH_REQ_create_event } };
    ok(send_on(sock, &ce, sizeof(ce), NULL, 0) == 0 && reply_on(sock, NULL, 0, NULL) == 0,
       "and the socket serves requests");
    close(sock);

    int p[2], q[2];
    ok(pipe2(p, O_CLOEXEC) == 0 && pipe2(q, O_CLOEXEC) == 0, "two pipes to offer");
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    int sp[2];
    int pair = socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp);
    struct {
        int fds[2];
        const char *what;
    } bad[] = {
        { { null, q[1] }, "/dev/null for the request pipe" },
        { { p[0], sp[0] }, "a socket for the reply pipe" },
        { { p[1], q[0] }, "the wrong end of each pipe" },
        { { p[0], p[1] }, "both ends of one pipe" },
        { { q[1], q[1] }, "one descriptor twice" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        sock = raw_connect();
        flags = 1;
        ok(pair == 0 && hello_with(sock, bad[i].fds, 2, &flags) == 0 && flags == 0,
           "refused: %s", bad[i].what);
        ok(send_on(sock, &ce, sizeof(ce), NULL, 0) == 0 && reply_on(sock, NULL, 0, NULL) == 0,
           "the socket still serves");
        close(sock);
    }
    /* Three descriptors: the first two are the pipes, the third is closed. */
    sock = raw_connect();
    int three[3] = { p[0], q[1], null };
    ok(hello_with(sock, three, 3, &flags) == 0 && flags == WH_HELLO_PIPES,
       "a third descriptor is ignored");
    close(q[1]); /* the server's alone, so that its end is seen */
    q[1] = -1;
    ok(send_on(p[1], &ce, sizeof(ce), NULL, 0) == 0 && reply_on(q[0], NULL, 0, NULL) == 0,
       "and the pipes serve");
    close(sock);
    ok(closed_by_server(q[0]), "the socket's end closes the pipes too");
    close(null);
    close(sp[0]);
    close(sp[1]);
    close(p[0]);
    close(p[1]);
    close(q[0]);
}

static void test_garbage(void)
{
    unsigned seed = (unsigned)getpid();
    int closed = 0, tries = 50;
    for (int i = 0; i < tries; i++) {
        struct raw r = raw_with_pipes();
        char junk[PIPE_BUF];
        for (size_t k = 0; k < sizeof(junk); k++)
            junk[k] = (char)rand_r(&seed);
        /* A size the server must refuse: more than any request. */
        uint32_t size = WH_MAX_REQUEST_SIZE + 1 + (uint32_t)rand_r(&seed) % 1000;
        memcpy(junk, &size, sizeof(size));
        size_t len = (size_t)(rand_r(&seed) % (PIPE_BUF - 8)) + 8; /* at most junk */
        ssize_t n = r.req >= 0 ? write(r.req, junk, len) : -1;
        closed += n > 0 && closed_by_server(r.rep) && closed_by_server(r.sock);
        raw_close(&r);
    }
    ok(closed == tries, "random bytes on the request pipe close the connection (%d of %d)",
       closed, tries);

    struct raw r = raw_with_pipes();
    struct wh_request_header h = { sizeof(h), 0x7777 };
    ok(r.req >= 0 && write(r.req, &h, sizeof(h)) == sizeof(h) && closed_by_server(r.rep),
       "an unknown request code on the pipe closes the connection");
    raw_close(&r);

    r = raw_with_pipes();
    h = (struct wh_request_header){ sizeof(h), WH_REQ_hello };
    ok(r.req >= 0 && write(r.req, &h, sizeof(h)) == sizeof(h) && closed_by_server(r.rep),
       "a short hello on the pipe closes the connection");
    raw_close(&r);
}

static void test_cut_short(void)
{
    struct raw r = raw_with_pipes();
    struct wh_create_event_request ce = { .header = { 200, WH_REQ_create_event } };
    ok(r.req >= 0 && write(r.req, &ce, 6) == 6, "half a header on the request pipe");
    close(r.req);
    r.req = -1;
    ok(closed_by_server(r.sock) && closed_by_server(r.rep),
       "the request pipe's end of file mid-request closes the connection");
    raw_close(&r);

    r = raw_with_pipes();
    ok(r.req >= 0 && write(r.req, &ce, sizeof(ce)) == sizeof(ce),
       "a request promising 200 bytes, %zu sent", sizeof(ce));
    close(r.req);
    close(r.guard);
    r.req = r.guard = -1;
    ok(closed_by_server(r.rep), "then end of file: closed");
    raw_close(&r);
}

/* Longer than PIPE_BUF: the server reads it in pieces. */
static void test_long(void)
{
    struct raw r = raw_with_pipes();
    static char name[3 * PIPE_BUF];
    memset(name, 'n', sizeof(name));
    struct wh_create_event_request ce = { .header = { 0, WH_REQ_create_event },
                                          .name_len = sizeof(name) };
    long err = r.req >= 0 && send_on(r.req, &ce, sizeof(ce), name, sizeof(name)) == 0
                   ? reply_on(r.rep, NULL, 0, NULL) : -1;
    ok(err > 0, "a request of %zu bytes on the pipe: answered (a name too long: error %ld)",
       sizeof(ce) + sizeof(name), err);
    ce.name_len = 0;
    ok(send_on(r.req, &ce, sizeof(ce), NULL, 0) == 0 && reply_on(r.rep, NULL, 0, NULL) == 0,
       "and the next request is served");
    /* Not blocking: the pipe holds less than this, and the server stops
     * reading at the header. */
    static char big[WH_MAX_REQUEST_SIZE];
    ce.name_len = sizeof(big);
    fcntl(r.req, F_SETFL, O_NONBLOCK);
    send_on(r.req, &ce, sizeof(ce), big, sizeof(big));
    ok(closed_by_server(r.rep),
       "a request past WH_MAX_REQUEST_SIZE on the pipe closes the connection");
    raw_close(&r);
}

/* A reply of ~112 KB through a reply pipe of one page: queued, and sent
 * as the reader makes room. */
static void test_large_reply(void)
{
    enum { COUNT = 2000 };
    static HANDLE events[COUNT];
    int made = 0;
    for (int i = 0; i < COUNT; i++)
        made += (events[i] = CreateEventA(NULL, TRUE, FALSE, NULL)) != NULL;
    struct raw r = raw_with_pipes();
    ok(made == COUNT && r.rep >= 0 && fcntl(r.rep, F_SETPIPE_SZ, 4096) >= 0,
       "%d handles and a reply pipe of 4096 bytes", made);
    struct wh_list_handles_request lh = { .header = { 0, WH_REQ_list_handles },
                                          .pid = (uint32_t)getpid() };
    struct wh_list_handles_reply rep = { .count = 0 };
    uint32_t size = 0;
    long err = send_on(r.req, &lh, sizeof(lh), NULL, 0) == 0 && usleep(20000) == 0
                   ? reply_on(r.rep, &rep.count, sizeof(rep) - sizeof(rep.header), &size) : -1;
    ok(err == 0 && rep.count >= COUNT &&
           size >= sizeof(rep) + COUNT * sizeof(struct wh_handle_record),
       "list_handles on the pipe: %u records, %u bytes, all read", rep.count, size);
    ok(send_on(r.req, &lh, sizeof(lh), NULL, 0) == 0 &&
           reply_on(r.rep, NULL, 0, NULL) == 0, "twice");
    /* A request on the socket while the pipe's reply is unread: sent once
     * the reply has begun, so the server has handled the pipe's first. */
    struct pollfd begun = { .fd = r.rep, .events = POLLIN };
    ok(send_on(r.req, &lh, sizeof(lh), NULL, 0) == 0 && poll(&begun, 1, 5000) == 1 &&
           send_on(r.sock, &lh, sizeof(lh), NULL, 0) == 0 && closed_by_server(r.sock),
       "a request on the socket before the pipe's reply was read closes the connection");
    raw_close(&r);
    for (int i = 0; i < COUNT; i++)
        CloseHandle(events[i]);
}

static void test_both_channels(void)
{
    struct wh_create_event_request ce = { .header = { 0, WH_REQ_create_event } };
    int answered = 0;
    for (int i = 0; i < 50; i++) {
        struct raw r = raw_with_pipes();
        send_on(r.req, &ce, sizeof(ce), NULL, 0);
        send_on(r.sock, &ce, sizeof(ce), NULL, 0);
        answered += reply_on(r.rep, NULL, 0, NULL) == 0 && reply_on(r.sock, NULL, 0, NULL) == 0;
        raw_close(&r);
    }
    ok(answered == 50, "a request on each channel at once: each answered on its own");

    /* A wait on the pipe, a request on the socket meanwhile: not served
     * before the wait ends, then answered. */
    struct raw r = raw_with_pipes();
    struct wh_create_event_reply made;
    ce.access = EVENT_ALL_ACCESS;
    ok(send_on(r.req, &ce, sizeof(ce), NULL, 0) == 0 &&
           reply_on(r.rep, &made.handle, sizeof(made) - sizeof(made.header), NULL) == 0,
       "an event for a wait");
    struct {
        struct wh_wait_request w;
        uint32_t handles[1];
    } wr = { { .header = { 0, WH_REQ_wait }, .count = 1, .timeout_ms = 300 }, { made.handle } };
    struct wh_close_handle_request ch = { .header = { 0, WH_REQ_close_handle },
                                          .handle = made.handle };
    struct wh_wait_reply waited = { .result = 0 };
    long wait_err = send_on(r.req, &wr, sizeof(wr), NULL, 0) == 0 &&
                            send_on(r.sock, &ch, sizeof(ch), NULL, 0) == 0
                        ? reply_on(r.rep, &waited.result, sizeof(waited.result), NULL) : -1;
    ok(wait_err == 0 && waited.result == WAIT_TIMEOUT && reply_on(r.sock, NULL, 0, NULL) == 0,
       "a wait on the pipe times out (%ld, %u), then the socket's close is answered", wait_err,
       waited.result);
    raw_close(&r);
}

static void test_reply_pipe_closed(void)
{
    struct raw r = raw_with_pipes();
    close(r.rep);
    r.rep = -1;
    ok(r.sock >= 0 && closed_by_server(r.sock),
       "the reply pipe's reader gone: the server closes the connection");
    raw_close(&r);

    r = raw_with_pipes();
    struct wh_create_event_request ce = { .header = { 0, WH_REQ_create_event } };
    ok(send_on(r.req, &ce, sizeof(ce), NULL, 0) == 0 && usleep(20000) == 0,
       "a request whose reply nobody will read");
    raw_close(&r);
}

/* How many of this process's descriptors are pipe ends. */
static int count_pipe_ends(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        struct stat st;
        n += fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISFIFO(st.st_mode);
    }
    if (d)
        closedir(d);
    return n;
}

/* Poll (5 s at most) until count_pipe_ends() is want; returns the last. */
static int wait_pipe_ends(int want)
{
    int n = count_pipe_ends();
    for (int i = 0; i < 500 && n != want; i++) {
        usleep(10000);
        n = count_pipe_ends();
    }
    return n;
}

static DWORD WINAPI blocked_thread(LPVOID go)
{
    return WaitForSingleObject(go, INFINITE);
}

/* The library's own use: a thread's first call opens its connection with
 * the pipes (three ends kept: the request pipe's two, the reply pipe's
 * read end), and its end closes them. Without them every request would
 * silently take the socket at half the speed. */
static void test_library_uses_pipes(void)
{
    HANDLE go = CreateEventA(NULL, TRUE, FALSE, NULL); /* connects this thread */
    int before = count_pipe_ends();
    HANDLE t = CreateThread(NULL, 0, blocked_thread, go, 0, NULL);
    int during = wait_pipe_ends(before + 3);
    ok(t && during == before + 3, "a library thread holds three pipe ends (%d, then %d)",
       before, during);
    SetEvent(go);
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "it ends");
    int after = wait_pipe_ends(before);
    ok(after == before, "and its pipe ends are closed with it (%d left)", after);
    CloseHandle(t);
    CloseHandle(go);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN); /* writes to a closed request pipe fail instead */
    test_library_uses_pipes();
    HANDLE t = calm_worker_start();
    test_offers();
    test_garbage();
    test_cut_short();
    test_long();
    test_large_reply();
    test_both_channels();
    test_reply_pipe_closed();
    calm_worker_finish(t, "after-the-pipes");
    return tap_done();
}
