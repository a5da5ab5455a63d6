/*
 * Pipe ends: what a pipe handle refers to.
 *
 * The server only brokers pipes. Each end owns a descriptor the library
 * reads and writes itself (get_handle_fd): an anonymous pipe end owns one
 * side of a Linux pipe; a named pipe instance (the server end) and its
 * client each own one side of a socketpair, made when the client opens the
 * pipe: SOCK_STREAM for a byte-type pipe, SOCK_SEQPACKET for a message-type
 * one, so message boundaries hold without the server seeing a byte.
 *
 * Keeping a copy of every descriptor here is what makes "the other end is
 * gone" exact: a reader sees end-of-file only when the last descriptor of
 * the other side closes, and ours closes when the other end's object does,
 * that is, when its last handle closes, whichever process held it and
 * however that process ended. The state below then tells the library which
 * Win32 error that end-of-file means (pipe_status).
 */
#ifndef WINHANDLED_PIPE_H
#define WINHANDLED_PIPE_H

#include <stdint.h>

#include "file_rights.h"
#include "list.h"
#include "object.h"

struct named_pipe;

/* The values the inspector sees (protocol.h). */
enum pipe_end_kind {
    PIPE_END_READ = WH_PIPE_READ_END,     /* anonymous pipe, read end */
    PIPE_END_WRITE = WH_PIPE_WRITE_END,   /* anonymous pipe, write end */
    PIPE_END_SERVER = WH_PIPE_SERVER_END, /* a named pipe instance */
    PIPE_END_CLIENT = WH_PIPE_CLIENT_END, /* a client of a named pipe instance */
};

/* A named pipe end's connection, as Windows names the states. */
enum pipe_state {
    PIPE_LISTENING = WH_PIPE_LISTENING,       /* a server end waiting for a client */
    PIPE_CONNECTED = WH_PIPE_CONNECTED,
    PIPE_CLOSING = WH_PIPE_CLOSING,           /* the other end closed; data may remain */
    PIPE_DISCONNECTED = WH_PIPE_DISCONNECTED, /* DisconnectNamedPipe: no data, no client */
};

struct pipe_end {
    struct object obj;
    enum pipe_end_kind kind;
    enum pipe_state state;   /* named ends; anonymous ends stay CONNECTED */
    int fd;                  /* our copy of the end's descriptor, or -1 */
    uint32_t pipe_mode;      /* PIPE_TYPE_MESSAGE, PIPE_READMODE_MESSAGE, PIPE_NOWAIT */
    uint32_t client_pid, server_pid;
    uint32_t buffer_size;    /* anonymous ends: CreatePipe's nSize or its default */
    struct named_pipe *pipe; /* named ends: a reference */
    struct pipe_end *peer;   /* named ends: the other end while attached */
    int connect_pending;     /* a server end with a ConnectNamedPipe waiting */
    struct list_entry instance_link; /* server ends: on pipe->instances */
};

extern const struct object_ops pipe_end_ops;

/* Win32 pipe mode bits (winbase.h). */
#define PIPE_NOWAIT_ 0x1u
#define PIPE_READMODE_MESSAGE_ 0x2u
#define PIPE_TYPE_MESSAGE_ 0x4u

/* A new end of kind with our descriptor fd (owned from now on; -1: none). */
struct pipe_end *create_pipe_end(enum pipe_end_kind kind, int fd, uint32_t pipe_mode);

/* named_pipe.c: a named end is going away (its destroy). */
void named_end_destroyed(struct pipe_end *end);
/* named_pipe.c: what the pipe's first instance asked for (GetNamedPipeInfo). */
void named_pipe_sizes(const struct named_pipe *pipe, uint32_t *out_size,
                      uint32_t *in_size, uint32_t *max_instances);

#endif
