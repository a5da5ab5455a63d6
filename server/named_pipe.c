/*
 * Named pipes: \\.\pipe\NAME, their instances and their clients.
 *
 * Pipe names are a namespace of their own, apart from the object names of
 * namespace.c, and compared without case, as Windows' named pipe file
 * system does. A name is a struct named_pipe holding the settings its
 * first instance chose; every instance (a server end, see pipe.h) holds a
 * reference to it, and it is found only while it has instances.
 *
 * An instance listens from its creation: a client may open it before the
 * server calls ConnectNamedPipe, which then says ERROR_PIPE_CONNECTED.
 * Opening makes the socketpair the two ends talk through. The states and
 * the errors they give follow Windows:
 *
 *   LISTENING --client opens--> CONNECTED --client closes--> CLOSING
 *       ^                           |                           |
 *       |                 DisconnectNamedPipe          DisconnectNamedPipe
 *       |                           v                           |
 *       +---ConnectNamedPipe--- DISCONNECTED <------------------+
 *
 * ConnectNamedPipe blocks with the ordinary wait machinery: the request
 * marks the instance as having a connect pending, which makes its handle
 * unsignaled (pipe.c), and the library waits on that handle; a client's
 * arrival signals it. WaitNamedPipeA likewise waits on a short-lived
 * handle to the name, signaled while an instance listens.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "errors.h"
#include "handle.h"
#include "pipe.h"
#include "process.h"
#include "request.h"
#include "wait.h"

#define PIPE_ACCESS_INBOUND_ 0x1u
#define PIPE_ACCESS_OUTBOUND_ 0x2u
#define PIPE_ACCESS_DUPLEX_ 0x3u
#define FILE_FLAG_FIRST_PIPE_INSTANCE_ 0x00080000u
#define PIPE_REJECT_REMOTE_CLIENTS_ 0x8u
#define PIPE_UNLIMITED_INSTANCES_ 255u
#define PIPE_MODE_BITS_ (PIPE_NOWAIT_ | PIPE_READMODE_MESSAGE_ | PIPE_TYPE_MESSAGE_)

/* Messages are whole SOCK_SEQPACKET packets, which the kernel bounds by
 * the sender's buffer: ask for a large one (it caps this at twice
 * net.core.wmem_max). */
#define MESSAGE_SNDBUF (64 << 20)

struct named_pipe {
    struct object obj;
    char *key;                   /* the name, lower case */
    uint32_t direction;          /* PIPE_ACCESS_INBOUND / OUTBOUND / DUPLEX */
    uint32_t max_instances;      /* PIPE_UNLIMITED_INSTANCES: no limit */
    uint32_t out_size, in_size, timeout;
    uint32_t instance_count;
    struct list_entry instances; /* server ends, struct pipe_end.instance_link */
    struct list_entry link;      /* on pipe_names */
};

static struct list_entry pipe_names = LIST_INIT(pipe_names);

static int named_pipe_signaled(struct object *obj, struct thread *thread)
{
    (void)thread;
    struct named_pipe *pipe = (struct named_pipe *)obj;
    struct list_entry *e;
    LIST_FOR_EACH(e, &pipe->instances)
        if (LIST_ENTRY(e, struct pipe_end, instance_link)->state == PIPE_LISTENING)
            return 1;
    return 0;
}

static void named_pipe_dump(struct object *obj, uint32_t state[4])
{
    struct named_pipe *pipe = (struct named_pipe *)obj;
    state[0] = WH_PIPE_NAME;
    state[1] = pipe->instance_count;
    state[2] = pipe->max_instances;
}

static void named_pipe_destroy(struct object *obj)
{
    struct named_pipe *pipe = (struct named_pipe *)obj;
    list_remove(&pipe->link);
    free(pipe->key);
}

static const struct generic_mapping named_pipe_mapping = {
    .read = SYNCHRONIZE_, .write = SYNCHRONIZE_, .execute = SYNCHRONIZE_,
    .all = SYNCHRONIZE_,
};

/* Never reachable by a program: handles to it exist only inside
 * WaitNamedPipeA. */
static const struct object_ops named_pipe_ops = {
    .type_name = "NamedPipe",
    .type = WH_TYPE_PIPE,
    .mapping = &named_pipe_mapping,
    .signaled = named_pipe_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = named_pipe_dump,
    .destroy = named_pipe_destroy,
};

void named_pipe_sizes(const struct named_pipe *pipe, uint32_t *out_size,
                      uint32_t *in_size, uint32_t *max_instances)
{
    *out_size = pipe->out_size;
    *in_size = pipe->in_size;
    *max_instances = pipe->max_instances;
}

/* ---- names ---- */

/* The name as it came (without \\.\pipe\), checked and folded to lower
 * case into key. Any byte but NUL may be in it, backslashes too (Wine and
 * Windows take them, whatever the documentation says). */
static uint32_t pipe_key(const char *name, uint32_t len, char key[WH_MAX_NAME_LEN + 1])
{
    if (!len)
        return ERR_INVALID_NAME;
    if (len > WH_MAX_NAME_LEN)
        return ERR_FILENAME_EXCED_RANGE;
    for (uint32_t i = 0; i < len; i++) {
        if (!name[i])
            return ERR_INVALID_NAME;
        key[i] = (char)tolower((unsigned char)name[i]);
    }
    key[len] = '\0';
    return 0;
}

static struct named_pipe *find_pipe(const char *key)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &pipe_names) {
        struct named_pipe *pipe = LIST_ENTRY(e, struct named_pipe, link);
        if (!strcmp(pipe->key, key))
            return pipe;
    }
    return NULL;
}

/* The pipe a client names: it exists while it has instances. */
static struct named_pipe *lookup_pipe(struct request_ctx *ctx, uint32_t name_len)
{
    char key[WH_MAX_NAME_LEN + 1];
    if (name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    if ((ctx->error = pipe_key(ctx->data, name_len, key)))
        return NULL;
    struct named_pipe *pipe = find_pipe(key);
    if (!pipe || !pipe->instance_count) {
        ctx->error = ERR_FILE_NOT_FOUND;
        return NULL;
    }
    return pipe;
}

/* ---- creating instances ---- */

static uint32_t check_create(const struct wh_create_named_pipe_request *req)
{
    uint32_t direction = req->open_mode & PIPE_ACCESS_DUPLEX_;
    if (!direction ||
        (req->pipe_mode & ~(PIPE_MODE_BITS_ | PIPE_REJECT_REMOTE_CLIENTS_)) ||
        ((req->pipe_mode & PIPE_READMODE_MESSAGE_) && !(req->pipe_mode & PIPE_TYPE_MESSAGE_)) ||
        !req->max_instances || req->max_instances > PIPE_UNLIMITED_INSTANCES_)
        return ERR_INVALID_PARAMETER;
    return 0;
}

/* The pipe to add an instance to: an existing one if its settings allow
 * another instance, else a new name. A new reference, or NULL and error. */
static struct named_pipe *pipe_for_instance(const struct wh_create_named_pipe_request *req,
                                            const char *key, uint32_t *error)
{
    struct named_pipe *pipe = find_pipe(key);
    if (pipe && pipe->instance_count) {
        if ((req->open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE_) ||
            (req->open_mode & PIPE_ACCESS_DUPLEX_) != pipe->direction) {
            *error = ERR_ACCESS_DENIED;
            return NULL;
        }
        if (pipe->max_instances != PIPE_UNLIMITED_INSTANCES_ &&
            pipe->instance_count >= pipe->max_instances) {
            *error = ERR_PIPE_BUSY;
            return NULL;
        }
        return (struct named_pipe *)grab_object(&pipe->obj);
    }
    /* A name whose instances are all gone lingers only while a waiter
     * holds it; a new first instance sets it up afresh. */
    if (pipe) {
        grab_object(&pipe->obj);
    } else {
        if (!(pipe = alloc_object(&named_pipe_ops, sizeof(*pipe))) ||
            !(pipe->key = strdup(key))) {
            if (pipe)
                release_object(&pipe->obj); /* destroy: unlinks, frees */
            *error = ERR_NOT_ENOUGH_MEMORY;
            return NULL;
        }
        list_init(&pipe->instances);
        list_add_tail(&pipe_names, &pipe->link);
    }
    pipe->direction = req->open_mode & PIPE_ACCESS_DUPLEX_;
    pipe->max_instances = req->max_instances;
    pipe->out_size = req->out_size;
    pipe->in_size = req->in_size;
    /* NMPWAIT_USE_DEFAULT_WAIT means 50 ms when the server gave none. */
    pipe->timeout = req->timeout ? req->timeout : 50;
    return pipe;
}

/* A server end's rights follow the pipe's direction; either side may
 * read attributes and change its own mode. */
static uint32_t server_access(uint32_t direction)
{
    uint32_t access = 0;
    if (direction & PIPE_ACCESS_INBOUND_)
        access |= FILE_GENERIC_READ_ | FILE_WRITE_ATTRIBUTES_;
    if (direction & PIPE_ACCESS_OUTBOUND_)
        access |= FILE_GENERIC_WRITE_ | FILE_READ_ATTRIBUTES_;
    return access;
}

DECL_HANDLER(create_named_pipe)
{
    char key[WH_MAX_NAME_LEN + 1];
    uint32_t error;
    if (req->name_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if ((ctx->error = check_create(req)) ||
        (ctx->error = pipe_key(ctx->data, req->name_len, key)))
        return;
    struct named_pipe *pipe = pipe_for_instance(req, key, &ctx->error);
    if (!pipe)
        return;
    struct pipe_end *end = create_pipe_end(PIPE_END_SERVER, -1, req->pipe_mode & PIPE_MODE_BITS_);
    if (!end) {
        release_object(&pipe->obj);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    end->state = PIPE_LISTENING;
    end->pipe = pipe; /* our reference passes to the instance */
    end->server_pid = ctx->process->pid;
    list_add_tail(&pipe->instances, &end->instance_link);
    pipe->instance_count++;
    reply->handle = handle_alloc(&ctx->process->handles, &end->obj,
                                 server_access(pipe->direction),
                                 req->inherit ? HANDLE_FLAG_INHERIT_ : 0, &error);
    if (!reply->handle)
        ctx->error = error;
    else
        wake_up(&pipe->obj); /* a WaitNamedPipeA may be waiting for it */
    release_object(&end->obj);
}

/* ---- clients ---- */

static struct pipe_end *listening_instance(struct named_pipe *pipe)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &pipe->instances) {
        struct pipe_end *end = LIST_ENTRY(e, struct pipe_end, instance_link);
        if (end->state == PIPE_LISTENING)
            return end;
    }
    return NULL;
}

/* Message pipes: an empty message must be told from the end of the pipe
 * (both read as 0 bytes): with SO_PASSCRED every message carries the
 * sender's credentials and the end carries none. Partial reads of a
 * message go through MSG_PEEK at the socket's peek offset, which the
 * kernel keeps per socket, so every process reading this end shares it. */
static int prepare_sockets(int sv[2], int message)
{
    int one = 1, zero = 0, sndbuf = MESSAGE_SNDBUF;
    for (int i = 0; message && i < 2; i++) {
        if (setsockopt(sv[i], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0 ||
            setsockopt(sv[i], SOL_SOCKET, SO_PEEK_OFF, &zero, sizeof(zero)) < 0)
            return -1;
        (void)setsockopt(sv[i], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
    }
    return 0;
}

DECL_HANDLER(open_named_pipe)
{
    uint32_t error;
    int sv[2];
    struct named_pipe *pipe = lookup_pipe(ctx, req->name_len);
    if (!pipe)
        return;
    uint32_t access = map_access_ops(&pipe_end_ops, req->access) | SYNCHRONIZE_ |
                      FILE_READ_ATTRIBUTES_;
    /* A client reads what the server sends out, and writes what it takes in. */
    if (((access & FILE_READ_DATA_) && !(pipe->direction & PIPE_ACCESS_OUTBOUND_)) ||
        ((access & FILE_WRITE_DATA_) && !(pipe->direction & PIPE_ACCESS_INBOUND_))) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    struct pipe_end *server = listening_instance(pipe);
    if (!server) {
        ctx->error = ERR_PIPE_BUSY;
        return;
    }
    int message = (server->pipe_mode & PIPE_TYPE_MESSAGE_) != 0;
    raise_descriptor_limit();
    if (socketpair(AF_UNIX, (message ? SOCK_SEQPACKET : SOCK_STREAM) | SOCK_CLOEXEC, 0,
                   sv) < 0) {
        ctx->error = errno == EMFILE || errno == ENFILE ? ERR_TOO_MANY_OPEN_FILES
                                                         : ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    /* A client starts in byte read mode, whatever the server's. */
    struct pipe_end *client = NULL;
    if (prepare_sockets(sv, message) < 0 ||
        !(client = create_pipe_end(PIPE_END_CLIENT, sv[1], server->pipe_mode & PIPE_TYPE_MESSAGE_))) {
        close(sv[0]);
        close(sv[1]);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    client->pipe = (struct named_pipe *)grab_object(&pipe->obj);
    reply->handle = handle_alloc(&ctx->process->handles, &client->obj, access,
                                 req->inherit ? HANDLE_FLAG_INHERIT_ : 0, &error);
    if (!reply->handle) {
        ctx->error = error;
        close(sv[0]);
        release_object(&client->obj);
        return;
    }
    server->fd = sv[0];
    server->state = PIPE_CONNECTED;
    server->connect_pending = 0;
    server->peer = client;
    server->client_pid = client->client_pid = ctx->process->pid;
    client->peer = server;
    client->server_pid = server->server_pid;
    wake_up(&server->obj); /* a ConnectNamedPipe may be waiting */
    release_object(&client->obj);
}

/* ---- the server's side ---- */

static struct pipe_end *get_server_end(struct request_ctx *ctx, uint32_t handle,
                                       uint32_t not_server_error)
{
    struct pipe_end *end = (struct pipe_end *)get_handle_obj(ctx->thread, handle, 0,
                                                             &pipe_end_ops, &ctx->error);
    if (end && end->kind != PIPE_END_SERVER) {
        ctx->error = not_server_error;
        return NULL;
    }
    return end;
}

DECL_HANDLER(connect_named_pipe)
{
    struct pipe_end *end = get_server_end(ctx, req->handle, ERR_INVALID_FUNCTION);
    if (!end)
        return;
    switch (end->state) {
    case PIPE_CONNECTED:
    case PIPE_CLOSING:
        /* After a wait, a client came (and perhaps already left): done. */
        if (!req->after_wait)
            ctx->error = end->state == PIPE_CONNECTED ? ERR_PIPE_CONNECTED : ERR_NO_DATA;
        return;
    case PIPE_DISCONNECTED:
        if (req->after_wait) {
            ctx->error = ERR_PIPE_NOT_CONNECTED; /* disconnected under our feet */
            return;
        }
        end->state = PIPE_LISTENING;
        wake_up(&end->pipe->obj);
        /* fall through */
    case PIPE_LISTENING:
        if (end->pipe_mode & PIPE_NOWAIT_) {
            ctx->error = ERR_PIPE_LISTENING;
            return;
        }
        end->connect_pending = 1;
        reply->pending = 1;
        return;
    }
}

/* Throw away what is queued on a socket and end it both ways, for every
 * process holding it. The shutdown comes first so nothing more arrives. */
static void cut_socket(int fd)
{
    char buf[4096];
    shutdown(fd, SHUT_RDWR);
    for (int i = 0; i < 4096; i++) /* bounded: the queue only shrinks now */
        if (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) <= 0)
            break;
}

/* Detach an end from its peer without touching the peer's state. */
static void drop_descriptor(struct pipe_end *end)
{
    if (end->fd >= 0)
        close(end->fd);
    end->fd = -1;
}

DECL_HANDLER(disconnect_named_pipe)
{
    (void)reply;
    struct pipe_end *end = get_server_end(ctx, req->handle, ERR_NOT_SUPPORTED);
    if (!end)
        return;
    if (end->state == PIPE_LISTENING || end->state == PIPE_DISCONNECTED) {
        ctx->error = end->state == PIPE_LISTENING ? ERR_PIPE_LISTENING
                                                  : ERR_PIPE_NOT_CONNECTED;
        return;
    }
    /* Unread data is lost both ways, and the client's handle is left
     * with nothing: ERROR_PIPE_NOT_CONNECTED from now on. */
    struct pipe_end *client = end->peer;
    if (client) {
        if (client->fd >= 0)
            cut_socket(client->fd);
        drop_descriptor(client);
        client->state = PIPE_DISCONNECTED;
        client->peer = NULL;
    }
    if (end->fd >= 0)
        cut_socket(end->fd);
    drop_descriptor(end);
    end->peer = NULL;
    end->state = PIPE_DISCONNECTED;
    end->client_pid = 0;
}

/* One end's last reference is gone (pipe.c's destroy). */
void named_end_destroyed(struct pipe_end *end)
{
    struct pipe_end *peer = end->peer;
    if (peer) {
        /* The other side reads what is left, then ERROR_BROKEN_PIPE;
         * our descriptor closing (after this) is what ends its data. */
        peer->state = PIPE_CLOSING;
        peer->peer = NULL;
    }
    if (!end->pipe)
        return; /* never got as far as joining a pipe */
    if (end->kind == PIPE_END_SERVER) {
        list_remove(&end->instance_link);
        end->pipe->instance_count--;
    }
    release_object(&end->pipe->obj);
}

DECL_HANDLER(wait_named_pipe)
{
    uint32_t error;
    struct named_pipe *pipe = lookup_pipe(ctx, req->name_len);
    if (!pipe)
        return;
    reply->handle = handle_alloc(&ctx->process->handles, &pipe->obj, SYNCHRONIZE_, 0, &error);
    if (!reply->handle)
        ctx->error = error;
    reply->timeout = pipe->timeout;
}
