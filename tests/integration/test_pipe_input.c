/*
 * Hostile file and pipe requests: well-formed headers with random fields,
 * random names (NUL bytes, wrong lengths, too long), random descriptors
 * attached or none, and handle values that do exist (this process's own
 * files, pipe ends and events) as often as values that do not. Sent on a
 * raw connection of this process, so they act on its real handles; the
 * library in this process keeps using the server meanwhile. The server
 * must answer every one and stay whole (isolate.sh checks its log and its
 * exit; the sanitizer build checks its memory).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <windows.h>

#include "../../protocol/protocol.h"
#include "raw_conn.h"
#include "tap.h"

static unsigned seed;

static uint32_t rnd(void)
{
    return ((uint32_t)rand_r(&seed) << 16) ^ (uint32_t)rand_r(&seed);
}

/* Send one request, with a descriptor if fd >= 0; 0 if a reply came. */
static int exchange(int sock, void *req, uint32_t size, int fd)
{
    struct iovec iov = { req, size };
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
    if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)size)
        return -1;
    struct wh_reply_header h;
    char body[512];
    if (recv(sock, &h, sizeof(h), MSG_WAITALL) != (ssize_t)sizeof(h) || h.size < sizeof(h) ||
        h.size - sizeof(h) > sizeof(body))
        return -1;
    /* A descriptor the reply carries (get_handle_fd) is closed with the
     * socket's queue: MSG_WAITALL without control space discards it. */
    size_t rest = h.size - sizeof(h);
    return rest && recv(sock, body, rest, MSG_WAITALL) != (ssize_t)rest ? -1 : 0;
}

static int hello(int sock)
{
    struct wh_hello_request req = {
        .header = { sizeof(req), WH_REQ_hello },
        .version = WH_PROTOCOL_VERSION, .pid = (uint32_t)getpid(), .tid = (uint32_t)gettid(),
        .bitness = sizeof(void *) * 8,
    };
    return exchange(sock, &req, sizeof(req), -1);
}

static uint32_t handles[16];

/* A handle value: one of ours, a near miss, a pseudo-handle, or noise. */
static uint32_t some_handle(void)
{
    switch (rnd() % 5) {
    case 0: case 1: return handles[rnd() % 16];
    case 2: return handles[rnd() % 16] + 4 * (rnd() % 3);
    case 3: return rnd() % 2 ? 0xffffffffu : 0xfffffffeu;
    default: return rnd();
    }
}

/* A descriptor of some kind to send along, or -1. */
static int some_fd(int pool[4])
{
    return rnd() % 3 ? pool[rnd() % 4] : -1;
}

/* A name: a plausible one, one with NUL bytes, or random bytes. */
static uint32_t some_name(char *buf, uint32_t cap)
{
    uint32_t len = rnd() % 3 ? rnd() % 40 : rnd() % cap;
    for (uint32_t i = 0; i < len; i++)
        buf[i] = rnd() % 4 ? (char)('a' + rnd() % 4) : (char)rnd();
    return len;
}

/* One random request of the file and pipe family. */
static int random_request(int sock, int pool[4])
{
#define R(name) { WH_REQ_##name, sizeof(struct wh_##name##_request) }
    static const struct { uint32_t code, size; } reqs[] = {
        R(create_file), R(check_delete), R(create_pipe), R(create_named_pipe),
        R(open_named_pipe), R(connect_named_pipe), R(disconnect_named_pipe),
        R(wait_named_pipe), R(set_pipe_mode), R(pipe_info), R(pipe_status),
        R(get_handle_fd), R(close_handle),
    };
#undef R
    uint64_t buf[128];
    uint32_t *f = (uint32_t *)(void *)buf;
    uint32_t pick = rnd() % (sizeof(reqs) / sizeof(reqs[0]));
    uint32_t code = reqs[pick].code, fixed = reqs[pick].size;
    for (uint32_t i = 2; i < fixed / 4; i++)
        f[i] = rnd() % 4 ? rnd() % 8 : rnd();
    f[2] = some_handle(); /* the first field is a handle for most */
    char *name = (char *)buf + fixed;
    uint32_t name_len = some_name(name, (uint32_t)sizeof(buf) - fixed);
    /* The name_len field, where a request has one, sometimes tells the truth. */
    if (code == WH_REQ_create_named_pipe)
        f[9] = rnd() % 3 ? name_len : rnd();
    if (code == WH_REQ_open_named_pipe)
        f[4] = rnd() % 3 ? name_len : rnd();
    if (code == WH_REQ_wait_named_pipe)
        f[2] = rnd() % 3 ? name_len : rnd();
    f[0] = fixed + name_len;
    f[1] = code;
    return exchange(sock, buf, f[0], some_fd(pool));
}

int main(void)
{
    seed = (unsigned)getpid();
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    char path[600];
    snprintf(path, sizeof(path), "%s/input.tmp", getenv("WINHANDLE_DIR"));

    /* Real handles for the requests to name. */
    HANDLE h[16];
    CreatePipe(&h[0], &h[1], &sa, 0);
    h[2] = CreateNamedPipeA("\\\\.\\pipe\\aaaa", PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 4, 0, 0, 0,
                            NULL);
    h[3] = CreateFileA("\\\\.\\pipe\\aaaa", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                       0, NULL);
    h[4] = CreateNamedPipeA("\\\\.\\pipe\\aaaa", PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 4, 0, 0, 0,
                            NULL);
    h[5] = CreateNamedPipeA("\\\\.\\pipe\\bb", PIPE_ACCESS_INBOUND, PIPE_TYPE_BYTE, 1, 0, 0, 0,
                            NULL);
    h[6] = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0,
                       NULL);
    h[7] = CreateEventA(NULL, TRUE, FALSE, NULL);
    h[8] = GetStdHandle(STD_ERROR_HANDLE);
    for (int i = 9; i < 16; i++)
        h[i] = (HANDLE)(ULONG_PTR)(4 * (i + 1));
    for (int i = 0; i < 16; i++)
        handles[i] = (uint32_t)(ULONG_PTR)h[i];

    int pool[4], sv[2];
    pipe2(pool, O_CLOEXEC);
    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
    pool[2] = sv[0];
    pool[3] = open("/dev/null", O_RDWR | O_CLOEXEC);

    int sock = raw_connect();
    ok(sock >= 0 && hello(sock) == 0, "a raw connection of this process");
    int answered = 0, rounds = 20000;
    for (int i = 0; i < rounds; i++) {
        if (random_request(sock, pool) == 0) {
            answered++;
            continue;
        }
        /* Closed on us (a request it found malformed): start again. */
        close(sock);
        sock = raw_connect();
        if (sock < 0 || hello(sock) != 0)
            break;
    }
    ok(answered > rounds / 2, "the server answered %d of %d random requests", answered, rounds);

    /* The library's own connection never noticed. */
    HANDLE r, w;
    DWORD n;
    char buf[8];
    ok(CreatePipe(&r, &w, NULL, 0) && WriteFile(w, "ok", 2, &n, NULL) &&
           ReadFile(r, buf, sizeof(buf), &n, NULL) && n == 2,
       "a fresh pipe still carries data");
    HANDLE ev = CreateEventA(NULL, FALSE, TRUE, NULL);
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "and the server still serves waits");
    DeleteFileA(path);
    return tap_done();
}
