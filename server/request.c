#include "request.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "handle.h"
#include "log.h"
#include "object.h"
#include "process.h"
#include "thread.h"

uint64_t requests_served;

/* One entry per request: its fixed size and a typed trampoline, so no
 * handler is ever called through a function pointer of the wrong type. */
struct request_desc {
    const char *name;
    uint32_t request_size;
    uint32_t reply_size;
    int observer_ok; /* may an observer (the inspector) send it? */
    void (*call)(struct request_ctx *ctx, const void *req, void *reply);
};

#define WH_TRAMPOLINE_(name, req, rep)                                         \
    static void call_##name(struct request_ctx *ctx, const void *rq, void *rp) \
    {                                                                          \
        req_##name(ctx, rq, rp);                                               \
    }
WH_REQUESTS(WH_TRAMPOLINE_, WH_IGNORE_FIELD_)
#undef WH_TRAMPOLINE_

#define WH_DESC_(name, req, rep)                                               \
    [WH_REQ_##name] = { #name, sizeof(struct wh_##name##_request),             \
                        sizeof(struct wh_##name##_reply), 0, call_##name },
static struct request_desc descs[WH_REQ_COUNT] = {
    WH_REQUESTS(WH_DESC_, WH_IGNORE_FIELD_)
};
#undef WH_DESC_

static void mark_observer_requests(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    descs[WH_REQ_server_info].observer_ok = 1;
    descs[WH_REQ_list_processes].observer_ok = 1;
    descs[WH_REQ_list_handles].observer_ok = 1;
    descs[WH_REQ_list_handle_sites].observer_ok = 1;
    descs[WH_REQ_list_objects].observer_ok = 1;
    descs[WH_REQ_user_table_info].observer_ok = 1;
    descs[WH_REQ_list_user_objects].observer_ok = 1;
    descs[WH_REQ_gdi_table_info].observer_ok = 1;
    descs[WH_REQ_list_gdi_objects].observer_ok = 1;
    descs[WH_REQ_list_refusals].observer_ok = 1;
    descs[WH_REQ_shutdown].observer_ok = 1;
}

const char *request_name(uint32_t code)
{
    return code < WH_REQ_COUNT ? descs[code].name : "?";
}

int dispatch_request(struct request_ctx *ctx, const void *request, uint32_t size,
                     void *reply_buf)
{
    const struct wh_request_header *h = request;
    mark_observer_requests();
    if (h->code >= WH_REQ_COUNT) {
        log_warn("bad request code %u: closing connection", h->code);
        return -1;
    }
    const struct request_desc *d = &descs[h->code];
    if (size < d->request_size) {
        log_warn("truncated %s request (%u bytes): closing connection", d->name, size);
        return -1;
    }
    memset(reply_buf, 0, d->reply_size);
    ctx->code = h->code;
    ctx->data = (const char *)request + d->request_size;
    ctx->data_len = size - d->request_size;
    if (!ctx->thread && !d->observer_ok) {
        ctx->error = ERR_ACCESS_DENIED;
    } else if (ctx->thread && d->observer_ok && h->code == WH_REQ_shutdown) {
        ctx->error = ERR_ACCESS_DENIED; /* only the inspector stops the server */
    } else {
        log_debug("%u: %s", ctx->thread ? ctx->thread->tid : 0, d->name);
        d->call(ctx, request, reply_buf);
    }
    requests_served++;
    return (int)d->reply_size;
}

void *reply_append(struct request_ctx *ctx, uint32_t len)
{
    if (ctx->var_len + len > ctx->var_cap) {
        uint32_t cap = ctx->var_cap ? ctx->var_cap : 4096;
        while (cap < ctx->var_len + len)
            cap *= 2;
        char *v = realloc(ctx->var, cap);
        if (!v) {
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return NULL;
        }
        ctx->var = v;
        ctx->var_cap = cap;
    }
    void *p = ctx->var + ctx->var_len;
    ctx->var_len += len;
    return p;
}

uint32_t alloc_handle_for(struct request_ctx *ctx, struct object *obj,
                          uint32_t access, uint32_t inherit)
{
    uint32_t error;
    uint32_t h = handle_alloc(&ctx->process->handles, obj, map_access(obj, access),
                              inherit ? HANDLE_FLAG_INHERIT_ : 0, &error);
    if (!h)
        ctx->error = error;
    return h;
}
