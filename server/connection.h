/*
 * Client connections: one per client thread (plus the inspector's).
 *
 * A connection has two channels: its socket, and the pipes its hello
 * brought (when it did). Bytes arrive into one input buffer per channel and
 * are cut into requests; replies go out on the channel their request came
 * by, directly, or through an output buffer when the channel is full. A
 * connection with a deferred reply (a wait) handles nothing else until the
 * reply is sent: the protocol allows one request in flight, on the two
 * channels together.
 */
#ifndef WINHANDLED_CONNECTION_H
#define WINHANDLED_CONNECTION_H

#include <stddef.h>
#include <stdint.h>

#include "../protocol/protocol.h"
#include "list.h"
#include "loop.h"

struct process;
struct thread;
struct trace_log;

/* Request bytes from one channel not yet handled. */
struct conn_input {
    char *buf;
    uint32_t len, cap;
};

struct connection {
    struct fd_watch watch;    /* the socket */
    struct fd_watch pipe_in;  /* the request pipe's read end, or fd -1 */
    struct fd_watch pipe_out; /* the reply pipe's write end, or fd -1 */
    struct list_entry link;
    uint32_t peer_pid;
    struct process *process; /* a reference, after hello */
    struct thread *thread;   /* a reference, after hello */
    int observer;
    int hello_done;
    int closed;
    int busy;                /* a deferred reply is owed */
    int input_scheduled;
    struct conn_input in;      /* from the socket */
    struct conn_input pipe_input;
    int reply_on_pipe;         /* the request in hand came by the pipe */
    int out_on_pipe;           /* the output queued in out goes to the pipe */
    char *out;
    size_t out_len, out_pos, out_cap;
    /* Descriptors that came by SCM_RIGHTS with the request being read on
     * the socket. The client has one request in flight, so they belong to
     * it; those its handler does not take are closed once it is handled. A
     * request from the pipe sees none. */
    int fds[WH_MAX_REQUEST_FDS];
    uint32_t nfds;
    /* Descriptors going out with replies, each at the offset in out where
     * its reply starts (SCM_RIGHTS attaches it to that first byte). */
    struct { size_t offset; int fd; } out_fds[WH_MAX_REQUEST_FDS];
    uint32_t out_nfds;
    int traced;                  /* hello said WH_HELLO_TRACE */
    struct trace_log *trace_log; /* notes of its requests (trace.c), or NULL */
};

/* Server settings, set by main(). */
extern uint32_t server_idle_timeout_ms;
extern int server_persistent;

int connection_listen(const char *socket_path);
void connection_stop_listening(const char *socket_path);

/* Send a reply (fixed part and optional variable data). */
void connection_reply(struct connection *c, uint32_t error, const void *fixed,
                      uint32_t fixed_size, const void *var, uint32_t var_len);
/* The same with a descriptor attached (fd >= 0, owned by the call). */
void connection_reply_fd(struct connection *c, uint32_t error, const void *fixed,
                         uint32_t fixed_size, const void *var, uint32_t var_len, int fd);
void connection_close(struct connection *c);
/* Take the next descriptor sent with the current request: it is the
 * caller's to close. -1 when none came. */
int connection_take_fd(struct connection *c);
void close_process_connections(struct process *p);
uint32_t connection_count(void);

/* Re-check whether the server is idle (no clients, no live processes). */
void server_check_idle(void);

#endif
