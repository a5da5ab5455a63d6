/*
 * The connections' two channels, and why there are two.
 *
 * Every connection starts as a Unix stream socket. Its hello may bring a
 * pair of pipes (WH_HELLO_PIPES): the read end of a request pipe and the
 * write end of a reply pipe. The library then sends by the pipes every
 * request that moves no descriptor and fits in PIPE_BUF, and by the socket
 * the others (SCM_RIGHTS needs a socket; a long request would not be
 * written in one piece). A round trip on pipes costs about half what it
 * costs on a socket: a message on a socket is an skb, allocated, charged
 * to the memory cgroup and freed, and its wakeup takes the socket's
 * locks; a pipe copies into a page it keeps (bench/README.md, "The
 * request transport").
 *
 * The invariant that keeps the two channels in order: the client has one
 * request in flight on the connection as a whole, never one per channel,
 * and reads the whole of its reply before it sends the next. So:
 *  - a reply goes back on the channel its request came by (reply_on_pipe,
 *    which stays put while a deferred reply is owed: busy stops input);
 *  - output is pending on one channel at most: a reply to be queued while
 *    the other channel still has output means the client sent a request
 *    without reading the last reply, and its connection is closed;
 *  - descriptors received on the socket belong to the socket's request: a
 *    request from the pipe takes none (connection_take_fd) and sends none
 *    back (a reply descriptor for it is closed, as the library would).
 * A hostile client that writes on both channels at once gets its replies
 * in some order, or its connection closed; nobody else notices. The
 * thread's end is still seen on the socket (EPOLLRDHUP), and an end of
 * file or error on either pipe closes the connection too.
 */
#include "connection.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "errors.h"
#include "file_rights.h"
#include "log.h"
#include "process.h"
#include "request.h"
#include "thread.h"
#include "trace.h"
#include "wait.h"

uint32_t server_idle_timeout_ms = 5000;
int server_persistent;

static struct list_entry connections = LIST_INIT(connections);
static uint32_t open_connections;
static struct fd_watch listen_watch = { .fd = -1 };
static struct timeout idle_timeout;

/* An input buffer never needs more than one request plus a header. */
#define MAX_INPUT (WH_MAX_REQUEST_SIZE + 4096u)

uint32_t connection_count(void)
{
    return open_connections;
}

static void idle_fired(struct timeout *t)
{
    (void)t;
    if (!open_connections && !process_count() && !server_persistent) {
        log_info("idle for %u ms: exiting", server_idle_timeout_ms);
        loop_stop();
    }
}

void server_check_idle(void)
{
    idle_timeout.fire = idle_fired;
    if (open_connections || process_count() || server_persistent)
        timeout_cancel(&idle_timeout);
    else if (!timeout_armed(&idle_timeout))
        timeout_arm(&idle_timeout, monotonic_ms() + server_idle_timeout_ms);
}

/* ---- output ---- */

/* EPOLLOUT on the channel with output pending, if any: loop_modify makes
 * it free when nothing changes, as for nearly every reply. */
static void update_events(struct connection *c)
{
    int pending = c->out_len > c->out_pos;
    loop_modify(&c->watch, EPOLLIN | EPOLLRDHUP |
                               (pending && !c->out_on_pipe ? EPOLLOUT : 0));
    if (c->pipe_out.fd >= 0)
        loop_modify(&c->pipe_out, pending && c->out_on_pipe ? EPOLLOUT : 0);
}

/* Send from out_pos up to the next descriptor's reply (or the end); the
 * bytes starting at a descriptor's offset carry it. */
static ssize_t send_some(struct connection *c)
{
    if (c->out_on_pipe)
        return write(c->pipe_out.fd, c->out + c->out_pos, c->out_len - c->out_pos);
    size_t end = c->out_len;
    int fd = -1;
    if (c->out_nfds && c->out_fds[0].offset == c->out_pos)
        fd = c->out_fds[0].fd;
    for (uint32_t i = 0; i < c->out_nfds; i++) {
        if (c->out_fds[i].offset > c->out_pos) {
            end = c->out_fds[i].offset;
            break;
        }
    }
    struct iovec iov = { c->out + c->out_pos, end - c->out_pos };
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (fd >= 0) {
        memset(&control, 0, sizeof(control));
        msg.msg_control = control.buf;
        msg.msg_controllen = sizeof(control.buf);
        struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(cm), &fd, sizeof(int));
    }
    ssize_t n = sendmsg(c->watch.fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0 && fd >= 0) {
        close(fd); /* the client has its own copy now */
        memmove(c->out_fds, c->out_fds + 1, --c->out_nfds * sizeof(c->out_fds[0]));
    }
    return n;
}

static void close_out_fds(struct connection *c)
{
    while (c->out_nfds)
        close(c->out_fds[--c->out_nfds].fd);
}

static void flush_output(struct connection *c)
{
    while (c->out_pos < c->out_len) {
        ssize_t n = send_some(c);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                break;
            connection_close(c);
            return;
        }
        c->out_pos += (size_t)n;
    }
    if (c->out_pos == c->out_len)
        c->out_pos = c->out_len = 0;
    update_events(c);
}

static int queue_output(struct connection *c, const void *data, size_t len)
{
    if (c->out_len + len > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 4096;
        while (cap < c->out_len + len)
            cap *= 2;
        char *o = realloc(c->out, cap);
        if (!o)
            return -1;
        c->out = o;
        c->out_cap = cap;
    }
    memcpy(c->out + c->out_len, data, len);
    c->out_len += len;
    return 0;
}

static void process_input(struct connection *c);

static void process_input_later(void *arg)
{
    struct connection *c = arg;
    c->input_scheduled = 0;
    if (!c->closed)
        process_input(c);
}

void connection_reply(struct connection *c, uint32_t error, const void *fixed,
                      uint32_t fixed_size, const void *var, uint32_t var_len)
{
    connection_reply_fd(c, error, fixed, fixed_size, var, var_len, -1);
}

/* Whether a reply may go out now on its request's channel (see the top). */
static int reply_channel_free(struct connection *c)
{
    if (c->out_len > c->out_pos && c->out_on_pipe != c->reply_on_pipe) {
        log_warn("pid %u sent a request before reading a reply: closing", c->peer_pid);
        connection_close(c);
        return 0;
    }
    c->out_on_pipe = c->reply_on_pipe;
    return 1;
}

void connection_reply_fd(struct connection *c, uint32_t error, const void *fixed,
                         uint32_t fixed_size, const void *var, uint32_t var_len, int fd)
{
    if (fd >= 0 && !c->closed && c->reply_on_pipe) {
        close(fd); /* the library asks for descriptors on the socket only */
        fd = -1;
    }
    if (fd >= 0 && (c->closed || c->out_nfds == WH_MAX_REQUEST_FDS)) {
        close(fd);
        fd = -1;
        error = error ? error : ERR_NOT_ENOUGH_MEMORY;
    }
    if (c->closed || !reply_channel_free(c)) {
        if (fd >= 0)
            close(fd);
        return;
    }
    if (fd >= 0) {
        c->out_fds[c->out_nfds].offset = c->out_len;
        c->out_fds[c->out_nfds++].fd = fd;
    }
    struct wh_reply_header *h = (struct wh_reply_header *)fixed;
    h->size = fixed_size + var_len;
    h->error = error;
    h->trace = trace_pending(c);
    h->reserved = 0;
    if (queue_output(c, fixed, fixed_size) < 0 ||
        (var_len && queue_output(c, var, var_len) < 0)) {
        log_error("out of memory queuing a reply: closing connection");
        connection_close(c);
        return;
    }
    flush_output(c);
    if (c->busy) {
        /* A deferred reply: requests that arrived meanwhile are handled
         * after this batch, never from inside another request. */
        c->busy = 0;
        if ((c->in.len || c->pipe_input.len) && !c->input_scheduled && !c->closed) {
            c->input_scheduled = 1;
            loop_defer(process_input_later, c);
        }
    }
}

/* ---- lifetime ---- */

static void close_fds(struct connection *c);
static void close_pipes(struct connection *c);

static void free_connection(void *arg)
{
    struct connection *c = arg;
    free(c->in.buf);
    free(c->pipe_input.buf);
    free(c->out);
    free(c);
}

void connection_close(struct connection *c)
{
    if (c->closed)
        return;
    c->closed = 1;
    close_fds(c);
    close_out_fds(c);
    trace_forget(c);
    loop_remove(&c->watch);
    close(c->watch.fd);
    close_pipes(c);
    list_remove(&c->link);
    open_connections--;
    if (c->thread) {
        if (c->thread->wait && c->thread->wait->conn == c)
            cancel_wait(c->thread);
        thread_connection_closed(c->thread);
        release_object(&c->thread->obj);
        c->thread = NULL;
    }
    if (c->process) {
        c->process->connections--;
        release_object(&c->process->obj);
        c->process = NULL;
    }
    loop_defer(free_connection, c);
    server_check_idle();
}

void close_process_connections(struct process *p)
{
    struct list_entry *e, *next;
    LIST_FOR_EACH_SAFE(e, next, &connections) {
        struct connection *c = LIST_ENTRY(e, struct connection, link);
        if (c->process == p)
            connection_close(c);
    }
}

/* ---- hello: registering the calling process and thread ---- */

static int pidfd_readable(struct process *p)
{
    struct pollfd pfd = { .fd = p->pidfd_watch.fd, .events = POLLIN };
    return poll(&pfd, 1, 0) > 0;
}

static uint32_t register_peer(struct connection *c, const struct wh_hello_request *req)
{
    if (req->pid != c->peer_pid)
        return ERR_ACCESS_DENIED;
    if (req->bitness != 32 && req->bitness != 64)
        return ERR_INVALID_PARAMETER;
    struct process *p = find_process(req->pid);
    /* The pid may belong to a process whose death we have not seen yet. */
    if (p && pidfd_readable(p)) {
        process_died(p);
        p = NULL;
    }
    uint32_t error;
    if (!p && !(p = create_process(req->pid, req->bitness, &error)))
        return error;
    /* The program's own word beats the width its parent announced from the
     * executable's header (a script's interpreter may differ). */
    p->bitness = req->bitness;
    struct thread *t = process_find_thread(p, req->tid);
    if (!t) {
        char path[64];
        struct stat st;
        snprintf(path, sizeof(path), "/proc/%u/task/%u", req->pid, req->tid);
        if (stat(path, &st) < 0)
            return ERR_INVALID_PARAMETER;
        if (!(t = create_thread(p, req->tid)))
            return ERR_NOT_ENOUGH_MEMORY;
    }
    t->connections++;
    t->connected_once = 1;
    p->connections++;
    c->process = (struct process *)grab_object(&p->obj);
    c->thread = (struct thread *)grab_object(&t->obj);
    return 0;
}

/* ---- the pipes a hello brings ---- */

static void read_input(struct connection *c, int from_pipe);

static void pipe_in_event(struct fd_watch *w, uint32_t events)
{
    (void)events;
    struct connection *c = LIST_ENTRY(w, struct connection, pipe_in);
    if (!c->closed)
        read_input(c, 1);
}

/* EPOLLERR: the client closed its reading end, so it is going. */
static void pipe_out_event(struct fd_watch *w, uint32_t events)
{
    struct connection *c = LIST_ENTRY(w, struct connection, pipe_out);
    if (c->closed)
        return;
    if (events & (EPOLLERR | EPOLLHUP))
        connection_close(c);
    else if (events & EPOLLOUT)
        flush_output(c);
}

/* A pipe end open for reading (or writing), made non-blocking: the server
 * never waits on a client. A FIFO's open file description may be shared
 * with its client; the flag is then the client's concern too. */
static int pipe_end_ok(int fd, int for_writing, struct stat *st)
{
    if (fd < 0 || fstat(fd, st) < 0 || !S_ISFIFO(st->st_mode))
        return 0;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || (fl & O_ACCMODE) == (for_writing ? O_RDONLY : O_WRONLY))
        return 0;
    return fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0;
}

/* Take the request pipe's read end and the reply pipe's write end, in that
 * order; 1 when they are two distinct pipes and watched. Anything less and
 * the client goes on with its socket alone. */
static int take_pipes(struct connection *c)
{
    int in = connection_take_fd(c), out = connection_take_fd(c);
    struct stat st_in, st_out;
    if (pipe_end_ok(in, 0, &st_in) && pipe_end_ok(out, 1, &st_out) &&
        (st_in.st_ino != st_out.st_ino || st_in.st_dev != st_out.st_dev)) {
        c->pipe_in = (struct fd_watch){ .fd = in, .callback = pipe_in_event };
        c->pipe_out = (struct fd_watch){ .fd = out, .callback = pipe_out_event };
        if (loop_add(&c->pipe_in, EPOLLIN) == 0) {
            /* No events asked: EPOLLERR comes anyway; EPOLLOUT when full. */
            if (loop_add(&c->pipe_out, 0) == 0)
                return 1;
            loop_remove(&c->pipe_in);
        }
    }
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    c->pipe_in.fd = c->pipe_out.fd = -1;
    return 0;
}

static void close_pipes(struct connection *c)
{
    if (c->pipe_in.fd < 0)
        return;
    loop_remove(&c->pipe_in);
    loop_remove(&c->pipe_out);
    close(c->pipe_in.fd);
    close(c->pipe_out.fd);
    c->pipe_in.fd = c->pipe_out.fd = -1;
}

static int handle_hello(struct connection *c, const void *request, uint32_t size)
{
    const struct wh_hello_request *req = request;
    struct wh_hello_reply reply = { .version = WH_PROTOCOL_VERSION,
                                    .server_pid = (uint32_t)getpid() };
    uint32_t error = 0;
    if (size < sizeof(*req))
        return -1;
    if (req->version != WH_PROTOCOL_VERSION)
        error = ERR_REVISION_MISMATCH;
    else if (req->flags & WH_HELLO_OBSERVER)
        c->observer = 1;
    else
        error = register_peer(c, req);
    c->traced = !error && !c->observer && (req->flags & WH_HELLO_TRACE);
    if (!error && (req->flags & WH_HELLO_PIPES) && take_pipes(c))
        reply.flags = WH_HELLO_PIPES;
    if (!error)
        c->hello_done = 1;
    else
        log_warn("refused hello from pid %u: error %u", c->peer_pid, error);
    connection_reply(c, error, &reply, sizeof(reply), NULL, 0);
    return 0;
}

/* A second hello on a registered connection. */
DECL_HANDLER(hello)
{
    (void)req;
    reply->version = WH_PROTOCOL_VERSION;
    reply->server_pid = (uint32_t)getpid();
    ctx->error = ERR_INVALID_PARAMETER;
}

/* ---- input ---- */

static int handle_request(struct connection *c, const void *request, uint32_t size,
                          int from_pipe)
{
    c->reply_on_pipe = from_pipe;
    if (!c->hello_done) {
        const struct wh_request_header *h = request;
        if (h->code != WH_REQ_hello)
            return -1;
        return handle_hello(c, request, size);
    }
    uint64_t reply_buf[(WH_MAX_FIXED_REPLY + 7) / 8];
    struct request_ctx ctx = { .conn = c, .thread = c->thread, .process = c->process,
                               .reply_fd = -1 };
    if (c->traced)
        trace_begin(c, ((const struct wh_request_header *)request)->code);
    int reply_size = dispatch_request(&ctx, request, size, reply_buf);
    trace_end();
    if (reply_size < 0) {
        free(ctx.var);
        return -1;
    }
    if (ctx.deferred)
        c->busy = 1;
    else
        connection_reply_fd(c, ctx.error, reply_buf, (uint32_t)reply_size, ctx.var,
                            ctx.error ? 0 : ctx.var_len, ctx.error ? -1 : ctx.reply_fd);
    if (ctx.error && ctx.reply_fd >= 0)
        close(ctx.reply_fd);
    free(ctx.var);
    return 0;
}

/* Handle the whole requests waiting in one channel's input. */
static void process_channel(struct connection *c, struct conn_input *in, int from_pipe)
{
    uint32_t pos = 0;
    while (!c->closed && !c->busy && in->len - pos >= sizeof(struct wh_request_header)) {
        struct wh_request_header h;
        memcpy(&h, in->buf + pos, sizeof(h));
        if (h.size < sizeof(h) || h.size > WH_MAX_REQUEST_SIZE) {
            log_warn("pid %u sent a request of %u bytes: closing", c->peer_pid, h.size);
            connection_close(c);
            return;
        }
        if (in->len - pos < h.size)
            break;
        /* Requests are handled in place only when aligned; move otherwise. */
        if (pos) {
            memmove(in->buf, in->buf + pos, in->len - pos);
            in->len -= pos;
            pos = 0;
        }
        int r = handle_request(c, in->buf, h.size, from_pipe);
        if (!from_pipe)
            close_fds(c);
        if (r < 0) {
            connection_close(c);
            return;
        }
        pos = h.size;
    }
    if (c->closed || !pos)
        return;
    memmove(in->buf, in->buf + pos, in->len - pos);
    in->len -= pos;
}

static void process_input(struct connection *c)
{
    process_channel(c, &c->in, 0);
    process_channel(c, &c->pipe_input, 1);
}

/* Queue the descriptors that came with these bytes; past the limit they
 * are closed (a well-behaved client never sends that many). */
static void keep_fds(struct connection *c, struct msghdr *msg)
{
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm; cm = CMSG_NXTHDR(msg, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
            continue;
        size_t nfds = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < nfds; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int), sizeof(int));
            if (c->nfds < WH_MAX_REQUEST_FDS)
                c->fds[c->nfds++] = fd;
            else
                close(fd);
        }
    }
}

static void close_fds(struct connection *c)
{
    while (c->nfds)
        close(c->fds[--c->nfds]);
}

int connection_take_fd(struct connection *c)
{
    if (!c->nfds || c->reply_on_pipe)
        return -1;
    int fd = c->fds[0];
    memmove(c->fds, c->fds + 1, --c->nfds * sizeof(int));
    return fd;
}

/* Room for more input; 0 if there can be none (the connection closed). */
static int make_room(struct connection *c, struct conn_input *in)
{
    if (in->len < in->cap)
        return 1;
    if (in->cap >= MAX_INPUT) {
        /* A busy connection that keeps sending is misbehaving. */
        connection_close(c);
        return 0;
    }
    uint32_t cap = in->cap ? in->cap * 2 : 1024;
    char *buf = realloc(in->buf, cap);
    if (!buf) {
        connection_close(c);
        return 0;
    }
    in->buf = buf;
    in->cap = cap;
    return 1;
}

static ssize_t recv_socket(struct connection *c)
{
    char cbuf[CMSG_SPACE(sizeof(int) * 16)];
    struct iovec iov = { c->in.buf + c->in.len, c->in.cap - c->in.len };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
    ssize_t n = recvmsg(c->watch.fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    keep_fds(c, &msg);
    return n;
}

/* One read on one channel (one system call: a request the library wrote
 * to the pipe is there whole), then whatever requests are complete. */
static void read_input(struct connection *c, int from_pipe)
{
    struct conn_input *in = from_pipe ? &c->pipe_input : &c->in;
    if (!make_room(c, in))
        return;
    ssize_t n = from_pipe ? read(c->pipe_in.fd, in->buf + in->len, in->cap - in->len)
                          : recv_socket(c);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        connection_close(c);
        return;
    }
    if (n > 0) {
        in->len += (uint32_t)n;
        process_input(c);
    }
}

static void connection_event(struct fd_watch *w, uint32_t events)
{
    struct connection *c = (struct connection *)w;
    if (c->closed)
        return;
    if (events & EPOLLOUT)
        flush_output(c);
    if (!c->closed && (events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP | EPOLLERR)))
        read_input(c, 0);
}

/* ---- accepting ---- */

/*
 * One descriptor kept in reserve. Out of descriptors (EMFILE), accept4
 * fails and leaves the connection waiting, the listening socket stays
 * readable, and the loop would spin on it at full speed while serving
 * nobody better. Instead the reserve is given up to accept the newcomer
 * and close it at once (its library reports that the server went), then
 * taken back: the clients already connected go on being served.
 */
static int reserve_fd = -1;

static void take_reserve(void)
{
    if (reserve_fd < 0)
        reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

/* Accept one waiting connection and close it; 0 if that was impossible. */
static int refuse_for_lack_of_descriptors(int listen_fd)
{
    static unsigned refused;
    if (reserve_fd < 0)
        return 0;
    close(reserve_fd);
    reserve_fd = -1;
    int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd >= 0)
        close(fd);
    take_reserve();
    /* 1st, 2nd, 4th, 8th...: seen, without flooding the log. */
    if (fd >= 0)
        refused++;
    if (fd >= 0 && !(refused & (refused - 1)))
        log_warn("out of descriptors: refused a connection (%u so far)", refused);
    return fd >= 0;
}

static void accept_event(struct fd_watch *w, uint32_t events)
{
    (void)events;
    for (;;) {
        int fd = accept4(w->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0 && (errno == EMFILE || errno == ENFILE) &&
            refuse_for_lack_of_descriptors(w->fd))
            continue;
        if (fd < 0)
            return;
        struct ucred cred;
        socklen_t len = sizeof(cred);
        if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 ||
            cred.uid != getuid()) {
            log_warn("refused a connection from uid %d", (int)cred.uid);
            close(fd);
            continue;
        }
        struct connection *c = calloc(1, sizeof(*c));
        if (!c) {
            close(fd);
            continue;
        }
        c->watch.fd = fd;
        c->watch.callback = connection_event;
        c->pipe_in.fd = c->pipe_out.fd = -1;
        c->peer_pid = (uint32_t)cred.pid;
        if (loop_add(&c->watch, EPOLLIN | EPOLLRDHUP) < 0) {
            close(fd);
            free(c);
            continue;
        }
        list_add_tail(&connections, &c->link);
        open_connections++;
        server_check_idle();
    }
}

int connection_listen(const char *socket_path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    if (strlen(socket_path) >= sizeof(addr.sun_path)) {
        log_error("socket path too long: %s", socket_path);
        return -1;
    }
    strcpy(addr.sun_path, socket_path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    unlink(socket_path); /* a stale socket of a server that died */
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 128) < 0) {
        log_error("cannot listen on %s: %s", socket_path, strerror(errno));
        close(fd);
        return -1;
    }
    /* Three descriptors a client thread (its socket and two pipes): the
     * usual 1024 would serve some 340 threads. */
    raise_descriptor_limit();
    take_reserve();
    listen_watch.fd = fd;
    listen_watch.callback = accept_event;
    if (loop_add(&listen_watch, EPOLLIN) < 0) {
        close(fd);
        return -1;
    }
    server_check_idle();
    return 0;
}

void connection_stop_listening(const char *socket_path)
{
    if (listen_watch.fd < 0)
        return;
    /* Unlink first: a client that finds no socket starts a new server. */
    unlink(socket_path);
    loop_remove(&listen_watch);
    close(listen_watch.fd);
    listen_watch.fd = -1;
}
