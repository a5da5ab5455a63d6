/*
 * Request handling: one handler per entry of protocol/requests.h, declared
 * with DECL_HANDLER(name) in the file of the object it concerns.
 *
 * A handler reads its request (already checked to be at least the fixed
 * size; ctx->data holds the variable data), fills the zeroed reply and sets
 * ctx->error. A handler that cannot answer yet (a wait) sets ctx->deferred
 * and later calls connection_reply() itself.
 */
#ifndef WINHANDLED_REQUEST_H
#define WINHANDLED_REQUEST_H

#include <stdint.h>

#include "../protocol/protocol.h"

struct connection;
struct thread;
struct process;
struct object;

struct request_ctx {
    struct connection *conn;
    struct thread *thread;    /* the caller; NULL for an observer */
    struct process *process;
    uint32_t code;            /* the request's WH_REQ_* */
    const char *data;         /* variable data after the fixed request */
    uint32_t data_len;
    uint32_t error;           /* the reply's Win32 error */
    int deferred;             /* the handler will reply later */
    char *var;                /* variable reply data (malloc'd) */
    uint32_t var_len, var_cap;
    int reply_fd;             /* a descriptor to send with the reply, or -1;
                               * the connection sends and closes it */
};

#define DECL_HANDLER(name)                                                     \
    void req_##name(struct request_ctx *ctx,                                   \
                    const struct wh_##name##_request *req,                     \
                    struct wh_##name##_reply *reply)

#define WH_HANDLER_DECL_(name, req, rep) DECL_HANDLER(name);
WH_REQUESTS(WH_HANDLER_DECL_, WH_IGNORE_FIELD_)
#undef WH_HANDLER_DECL_

/* Dispatch one complete request (header included, size already bounded).
 * Returns -1 when the connection must be closed. */
int dispatch_request(struct request_ctx *ctx, const void *request, uint32_t size,
                     void *reply_buf);

/* Append variable reply data; returns where to write, or NULL (error set). */
void *reply_append(struct request_ctx *ctx, uint32_t len);

/* Give the caller's process a handle to obj with access (generic rights
 * mapped for the type) and the inherit flag. 0 and ctx->error on failure. */
uint32_t alloc_handle_for(struct request_ctx *ctx, struct object *obj,
                          uint32_t access, uint32_t inherit);

/* The name of a request code, for traces. */
const char *request_name(uint32_t code);

/* Totals for server_info. */
extern uint64_t requests_served;

#endif
