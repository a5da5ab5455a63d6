/*
 * Pipe ends (see pipe.h) and the requests every kind of end answers:
 * anonymous pipes (CreatePipe), read modes, information, and what an
 * end-of-file met by the library means.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "errors.h"
#include "handle.h"
#include "pipe.h"
#include "process.h"
#include "request.h"

/* PIPE_CLIENT_END / PIPE_SERVER_END (GetNamedPipeInfo's flags). */
#define PIPE_SERVER_END_ 0x1u

static int pipe_end_signaled(struct object *obj, struct thread *thread)
{
    (void)thread;
    struct pipe_end *end = (struct pipe_end *)obj;
    /* Windows signals a file object when no I/O is pending on it: only a
     * ConnectNamedPipe in progress ever is (the library waits on this). */
    return !(end->kind == PIPE_END_SERVER && end->state == PIPE_LISTENING &&
             end->connect_pending);
}

static int is_named(const struct pipe_end *end)
{
    return end->kind == PIPE_END_SERVER || end->kind == PIPE_END_CLIENT;
}

static uint32_t fd_flags_of(const struct pipe_end *end)
{
    uint32_t flags = FILE_TYPE_PIPE_;
    if (is_named(end))
        flags |= WH_FD_SOCKET | WH_FD_NAMED;
    if (end->kind == PIPE_END_SERVER)
        flags |= WH_FD_SERVER_END;
    if (end->pipe_mode & PIPE_TYPE_MESSAGE_)
        flags |= WH_FD_MESSAGE;
    if (end->pipe_mode & PIPE_READMODE_MESSAGE_)
        flags |= WH_FD_READ_MESSAGE;
    if (end->pipe_mode & PIPE_NOWAIT_)
        flags |= WH_FD_NOWAIT;
    return flags;
}

static uint32_t pipe_end_get_fd(struct object *obj, int *fd, uint32_t *flags)
{
    struct pipe_end *end = (struct pipe_end *)obj;
    *flags = fd_flags_of(end);
    if (end->state == PIPE_LISTENING)
        return ERR_PIPE_LISTENING;
    if (end->state == PIPE_DISCONNECTED || end->fd < 0)
        return ERR_PIPE_NOT_CONNECTED;
    return dup_for_client(end->fd, fd);
}

static void pipe_end_dump(struct object *obj, uint32_t state[4])
{
    struct pipe_end *end = (struct pipe_end *)obj;
    state[0] = end->kind;
    state[1] = end->state;
    state[2] = end->pipe_mode;
    state[3] = end->kind == PIPE_END_CLIENT ? end->server_pid : end->client_pid;
}

static void pipe_end_destroy(struct object *obj)
{
    struct pipe_end *end = (struct pipe_end *)obj;
    if (is_named(end))
        named_end_destroyed(end);
    if (end->fd >= 0)
        close(end->fd);
}

const struct object_ops pipe_end_ops = {
    .type_name = "File", /* what Windows calls every pipe end */
    .type = WH_TYPE_PIPE,
    .mapping = &file_generic_mapping,
    .signaled = pipe_end_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = pipe_end_dump,
    .destroy = pipe_end_destroy,
    .get_fd = pipe_end_get_fd,
};

struct pipe_end *create_pipe_end(enum pipe_end_kind kind, int fd, uint32_t pipe_mode)
{
    struct pipe_end *end = alloc_object(&pipe_end_ops, sizeof(*end));
    if (!end)
        return NULL;
    end->kind = kind;
    end->state = PIPE_CONNECTED;
    end->fd = fd;
    end->pipe_mode = pipe_mode;
    list_init(&end->instance_link);
    return end;
}

/* ---- anonymous pipes ---- */

/* CreatePipe's nSize is a suggestion; Linux pipes hold 64 KiB unless
 * asked for more, which is kept (never shrunk: a smaller pipe only makes
 * writers block sooner). */
static void size_pipe(int fd, uint32_t size)
{
    if (size > 65536u && size <= (1u << 30))
        (void)fcntl(fd, F_SETPIPE_SZ, (int)size);
}

DECL_HANDLER(create_pipe)
{
    int fds[2];
    uint32_t error;
    raise_descriptor_limit();
    if (pipe2(fds, O_CLOEXEC) < 0) {
        ctx->error = errno == ENFILE || errno == EMFILE ? ERR_TOO_MANY_OPEN_FILES
                                                        : ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    size_pipe(fds[1], req->size);
    struct pipe_end *r = create_pipe_end(PIPE_END_READ, fds[0], 0);
    struct pipe_end *w = create_pipe_end(PIPE_END_WRITE, fds[1], 0);
    if (!r || !w) {
        if (r) release_object(&r->obj); else close(fds[0]);
        if (w) release_object(&w->obj); else close(fds[1]);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    r->client_pid = r->server_pid = w->client_pid = w->server_pid = ctx->process->pid;
    /* What GetNamedPipeInfo reports: the size asked for, else Windows'
     * default, whatever Linux gives the pipe. */
    r->buffer_size = w->buffer_size = req->size ? req->size : 4096;
    uint32_t flags = req->inherit ? HANDLE_FLAG_INHERIT_ : 0;
    reply->read_handle = handle_alloc(&ctx->process->handles, &r->obj,
                                      FILE_GENERIC_READ_ | FILE_WRITE_ATTRIBUTES_, flags,
                                      &error);
    if (reply->read_handle) {
        reply->write_handle = handle_alloc(&ctx->process->handles, &w->obj,
                                           FILE_GENERIC_WRITE_ | FILE_READ_ATTRIBUTES_,
                                           flags, &error);
        if (!reply->write_handle) {
            handle_close(&ctx->process->handles, reply->read_handle);
            reply->read_handle = 0;
        }
    }
    if (!reply->write_handle)
        ctx->error = error;
    release_object(&r->obj);
    release_object(&w->obj);
}

/* ---- every kind of end ---- */

static struct pipe_end *get_pipe_end(struct request_ctx *ctx, uint32_t handle,
                                     uint32_t access)
{
    return (struct pipe_end *)get_handle_obj(ctx->thread, handle, access, &pipe_end_ops,
                                             &ctx->error);
}

/* SetNamedPipeHandleState: the read mode and the wait mode. A byte-type
 * pipe cannot be read as messages. */
DECL_HANDLER(set_pipe_mode)
{
    (void)reply;
    struct pipe_end *end = get_pipe_end(ctx, req->handle, FILE_WRITE_ATTRIBUTES_);
    if (!end)
        return;
    if ((req->mode & ~(PIPE_NOWAIT_ | PIPE_READMODE_MESSAGE_)) ||
        ((req->mode & PIPE_READMODE_MESSAGE_) && !(end->pipe_mode & PIPE_TYPE_MESSAGE_))) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    end->pipe_mode = (end->pipe_mode & PIPE_TYPE_MESSAGE_) | req->mode;
}

DECL_HANDLER(pipe_info)
{
    struct pipe_end *end = get_pipe_end(ctx, req->handle, 0);
    if (!end)
        return;
    /* Windows makes an anonymous pipe's read end the server end. */
    int server = end->kind == PIPE_END_SERVER || end->kind == PIPE_END_READ;
    reply->flags = (server ? PIPE_SERVER_END_ : 0) | (end->pipe_mode & PIPE_TYPE_MESSAGE_);
    reply->pipe_mode = end->pipe_mode;
    reply->client_pid = end->client_pid;
    reply->server_pid = end->server_pid;
    if (is_named(end)) {
        named_pipe_sizes(end->pipe, &reply->out_size, &reply->in_size,
                         &reply->max_instances);
    } else {
        reply->out_size = reply->in_size = end->buffer_size;
        reply->max_instances = 1;
    }
}

/* The library read end-of-file or could not write: say what that means. */
DECL_HANDLER(pipe_status)
{
    (void)reply;
    struct pipe_end *end = get_pipe_end(ctx, req->handle, 0);
    if (!end)
        return;
    switch (end->state) {
    case PIPE_LISTENING:
        ctx->error = ERR_PIPE_LISTENING;
        break;
    case PIPE_DISCONNECTED:
        ctx->error = ERR_PIPE_NOT_CONNECTED;
        break;
    case PIPE_CONNECTED:
        /* An anonymous end is always "connected": its other end is gone
         * only when the descriptor says so. A named end still connected
         * was reconnected since the library took its descriptor. */
        if (is_named(end))
            break;
        /* fall through */
    case PIPE_CLOSING:
        ctx->error = req->writing ? ERR_NO_DATA : ERR_BROKEN_PIPE;
        break;
    }
}
