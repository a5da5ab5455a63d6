/*
 * The library's one door to the server.
 *
 * server_call() is the transport: everything above it builds a request from
 * protocol/requests.h, calls, and turns the reply's error into GetLastError.
 * Today it is a per-thread Unix stream socket and two pipes (client.c); a
 * shared-memory ring could replace them here without touching the API
 * above.
 *
 * Also used by tools/winhandle (linked against the static library), which
 * connects as an observer: it never starts a server and is not a process.
 */
#ifndef WINHANDLE_LIB_CLIENT_H
#define WINHANDLE_LIB_CLIENT_H

#include <stdint.h>

#include "../protocol/protocol.h"

/* Error returned when no server can be reached or it speaks another
 * protocol version (ERROR_SERVICE_NOT_ACTIVE). The reason goes to stderr. */
#define WH_ERROR_NO_SERVER 1062u

/*
 * Send a request and wait for its reply.
 *   code             the request code (WH_REQ_*)
 *   req, req_size    the fixed request, header included (server_call fills it)
 *   data, data_len   variable data sent after it (may be NULL/0)
 *   reply, rep_size  the fixed reply, header included
 *   var, var_len     if var is not NULL, *var receives malloc'd variable
 *                    reply data (free it) and *var_len its length
 * Returns the reply's Win32 error code (0 for success), or
 * WH_ERROR_NO_SERVER when the server cannot be reached.
 */
uint32_t server_call(uint32_t code, void *req, uint32_t req_size,
                     const void *data, uint32_t data_len,
                     void *reply, uint32_t rep_size,
                     void **var, uint32_t *var_len);

/* The same with descriptors by SCM_RIGHTS: send_fd (>= 0) goes with the
 * request (the caller keeps its own copy and closes it); if recv_fd is not
 * NULL it receives the descriptor a successful reply carries, or -1. */
uint32_t server_call_fd(uint32_t code, void *req, uint32_t req_size,
                        const void *data, uint32_t data_len, int send_fd,
                        int *recv_fd, void *reply, uint32_t rep_size,
                        void **var, uint32_t *var_len);

/* How many requests the calling thread has made: a library fact learned
 * from one reply is still the server's truth while this has not moved
 * (nothing this thread did since could have changed it). */
uint64_t client_calls_made(void);

/* The common case: fixed request and reply, optional variable data out. */
#define SERVER_CALL(name, req, rep, data, data_len)                            \
    server_call(WH_REQ_##name, (req), sizeof(*(req)), (data), (data_len),      \
                (rep), sizeof(*(rep)), 0, 0)
#define SERVER_CALL_FD(name, req, rep, fd)                                     \
    server_call_fd(WH_REQ_##name, (req), sizeof(*(req)), NULL, 0, (fd), NULL,  \
                   (rep), sizeof(*(rep)), 0, 0)
/* Fixed request and reply; *recv_fd gets the reply's descriptor or -1. */
#define SERVER_CALL_RECV_FD(name, req, rep, data, data_len, recv_fd)           \
    server_call_fd(WH_REQ_##name, (req), sizeof(*(req)), (data), (data_len), -1, \
                   (recv_fd), (rep), sizeof(*(rep)), 0, 0)

/* Call before the first server_call of the process to connect as an
 * observer (the inspector): no server is started, no process registered. */
void client_set_observer(void);

/* The session directory in use (resolved on first use). */
const char *client_session_dir(void);

#endif
