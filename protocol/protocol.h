/*
 * The wire protocol between libwinhandle and winhandled.
 *
 * A connection is a stream socket, and a pair of pipes that the hello
 * brings (WH_HELLO_PIPES) for the ordinary requests. The client writes a
 * request: a header (total size, request code), the request's fixed body,
 * then its variable data. The server answers with a reply: a header (total size, Win32 error
 * code, 0 for success), the reply's fixed body, then variable data. One
 * request is outstanding per connection at a time; every client thread has a
 * connection of its own, so a thread blocked in a wait blocks nobody else.
 *
 * Included by the server and the library alike, and identical in 32-bit and
 * 64-bit builds: see the rules at the top of requests.h.
 */
#ifndef WINHANDLE_PROTOCOL_H
#define WINHANDLE_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#include "requests.h"

/* Bumped whenever any struct or meaning below changes. */
#define WH_PROTOCOL_VERSION 28

/* The most records one page of list_handles holds, and the most table
 * slots one page looks at (so a sparse table costs a page no more). */
#define WH_LIST_PAGE 4096u
#define WH_LIST_PAGE_SLOTS 65536u

/* The largest request the server accepts (header + body + data). A name is
 * at most MAX_PATH characters and a wait names 64 handles, so this is ample;
 * anything larger is hostile and closes the connection. */
#define WH_MAX_REQUEST_SIZE 65536u

/* Windows' limits, enforced by the server. */
#define WH_MAX_NAME_LEN 260u        /* MAX_PATH */
#define WH_MAX_WAIT_OBJECTS 64u     /* MAXIMUM_WAIT_OBJECTS */
#define WH_MAX_HANDLES (1u << 24)   /* per process */
#define WH_MAX_REQUEST_FDS 4u       /* descriptors with one request */
/* Views of file mappings start on multiples of this (GetSystemInfo's
 * dwAllocationGranularity), as on Windows, whatever the page size. */
#define WH_ALLOCATION_GRANULARITY 65536u

/* Pseudo-handles as they travel (low 32 bits of (HANDLE)-1 and -2). */
#define WH_CURRENT_PROCESS 0xffffffffu
#define WH_CURRENT_THREAD 0xfffffffeu

/* hello.flags */
#define WH_HELLO_OBSERVER 1u /* the inspector: not a Win32 process */
#define WH_HELLO_TRACE 2u    /* WINHANDLE_TRACE: see trace_requests.h */
/* The hello brings by SCM_RIGHTS, in this order, the read end of a
 * request pipe and the write end of a reply pipe: the connection's second
 * channel, for the requests that move no descriptor and fit in PIPE_BUF
 * (lib/client.c and server/connection.c say why and how). */
#define WH_HELLO_PIPES 4u

/* new_process flags. */
#define WH_NEW_PROCESS_INHERIT 1u   /* bInheritHandles */
#define WH_NEW_PROCESS_SUSPENDED 2u /* CREATE_SUSPENDED */
/* The width of the program the child will exec (its ELF class), so
 * IsWow64Process answers before the child speaks; neither: unknown. */
#define WH_NEW_PROCESS_32BIT 4u
#define WH_NEW_PROCESS_64BIT 8u

/* Object types, as open_object names them and inspection reports them. */
enum wh_object_type {
    WH_TYPE_NONE = 0,
    WH_TYPE_EVENT = 1,
    WH_TYPE_MUTEX = 2,
    WH_TYPE_SEMAPHORE = 3,
    WH_TYPE_PROCESS = 4,
    WH_TYPE_THREAD = 5,
    WH_TYPE_FILE = 6,      /* a file, or a descriptor a process had (std handles) */
    WH_TYPE_PIPE = 7,      /* an anonymous pipe end, a named pipe instance or client */
    WH_TYPE_MAPPING = 8,   /* a file mapping: Windows' "Section" */
    WH_TYPE_DESKTOP = 9,   /* a desktop of WinSta0: "Default" and made ones (server/desktop.c) */
    WH_TYPE_WINSTA = 10,   /* its window station, "WinSta0" */
    WH_TYPE_COUNT
};

/* The types of the session's USER table (server/user.h), as requests name
 * them and the inspector shows them. A cursor and an icon are one type, as
 * in Windows (HCURSOR is an HICON). */
enum wh_user_type {
    WH_USER_FREE = 0,     /* a free entry; "any type" in lookups */
    WH_USER_WINDOW = 1,
    WH_USER_MENU = 2,
    WH_USER_CURSOR = 3,   /* cursors and icons */
    WH_USER_ACCEL = 4,    /* accelerator tables */
    WH_USER_HOOK = 5,
    WH_USER_DWP = 6,      /* BeginDeferWindowPos's window-position structure */
    WH_USER_DDE_CONV = 7, /* a DDE conversation */
    WH_USER_TYPE_COUNT
};

/* get_handle_fd flags of files and pipes: the low bits are GetFileType's
 * answer (FILE_TYPE_DISK 1, _CHAR 2, _PIPE 3, or 0), the rest say how to
 * move data through the descriptor. */
#define WH_FD_FILE_TYPE 0x000fu   /* mask */
#define WH_FD_SOCKET 0x0010u      /* a socket: send/recv, never SIGPIPE */
#define WH_FD_MESSAGE 0x0020u     /* message-type pipe: SOCK_SEQPACKET */
#define WH_FD_READ_MESSAGE 0x0040u /* read mode PIPE_READMODE_MESSAGE */
#define WH_FD_NOWAIT 0x0080u      /* PIPE_NOWAIT */
#define WH_FD_NAMED 0x0100u       /* a named pipe end: ask pipe_status at EOF */
#define WH_FD_SERVER_END 0x0200u  /* the server end of a named pipe */

/* create_file flags. */
#define WH_FILE_STD 1u            /* wraps an inherited descriptor: no sharing */

/* event_op.op */
enum wh_event_op { WH_EVENT_SET = 0, WH_EVENT_RESET = 1, WH_EVENT_PULSE = 2 };

struct wh_request_header {
    uint32_t size; /* of the whole request, header included */
    uint32_t code; /* enum wh_request_code */
};

struct wh_reply_header {
    uint32_t size;  /* of the whole reply, header included */
    uint32_t error; /* Win32 error code; 0 = success */
    uint32_t trace; /* notes waiting for trace_site (traced callers only) */
    uint32_t reserved;
};

#define WH_NONE
#define WH_IGNORE_FIELD_(type, name)

/* The request codes: WH_REQ_hello, WH_REQ_close_handle, ... */
#define WH_CODE_(name, req, rep) WH_REQ_##name,
enum wh_request_code { WH_REQUESTS(WH_CODE_, WH_IGNORE_FIELD_) WH_REQ_COUNT };
#undef WH_CODE_

/* The structs: struct wh_NAME_request and struct wh_NAME_reply. */
#define WH_FIELD_(type, name) type name;
#define WH_STRUCTS_(name, req, rep)                                            \
    struct wh_##name##_request {                                               \
        struct wh_request_header header;                                       \
        req                                                                    \
    };                                                                         \
    struct wh_##name##_reply {                                                 \
        struct wh_reply_header header;                                         \
        rep                                                                    \
    };
WH_REQUESTS(WH_STRUCTS_, WH_FIELD_)
#undef WH_STRUCTS_
#undef WH_FIELD_

/* Every struct is exactly its fields laid end to end: no padding in either
 * build, so both builds agree on every offset. */
#define WH_FIELD_SIZE_(type, name) +sizeof(type)
#define WH_ASSERT_(name, req, rep)                                             \
    _Static_assert(sizeof(struct wh_##name##_request) ==                       \
                       sizeof(struct wh_request_header) + 0 req,               \
                   "padding in wh_" #name "_request");                         \
    _Static_assert(sizeof(struct wh_##name##_reply) ==                         \
                       sizeof(struct wh_reply_header) + 0 rep,                 \
                   "padding in wh_" #name "_reply");
WH_REQUESTS(WH_ASSERT_, WH_FIELD_SIZE_)
#undef WH_ASSERT_
#undef WH_FIELD_SIZE_

/* The largest fixed reply, so a client can receive any reply into one buffer. */
#define WH_REPLY_SIZE_(name, req, rep) char name[sizeof(struct wh_##name##_reply)];
union wh_any_reply_size_ { WH_REQUESTS(WH_REPLY_SIZE_, WH_IGNORE_FIELD_) };
#undef WH_REPLY_SIZE_
#define WH_MAX_FIXED_REPLY sizeof(union wh_any_reply_size_)

/* Records returned by inspection requests. Fixed-width, no padding. */
struct wh_process_record {
    uint32_t pid;
    uint32_t bitness;
    uint32_t threads;
    uint32_t handles;
    uint32_t exit_code;
    uint32_t alive;
    uint32_t connections;
    uint32_t parent_pid; /* from /proc at registration; 0 if unknown */
    char name[64]; /* /proc/PID/comm at registration, NUL-padded */
};
_Static_assert(sizeof(struct wh_process_record) == 32 + 64, "padding");

/* Where a handle came from (issue: sharing). */
enum wh_handle_origin { WH_ORIGIN_CREATED = 0, WH_ORIGIN_OPENED = 1,
                        WH_ORIGIN_DUPLICATED = 2, WH_ORIGIN_INHERITED = 3 };

struct wh_handle_record {
    uint32_t handle;
    uint32_t access;
    uint32_t flags;     /* HANDLE_FLAG_* */
    uint32_t type;      /* enum wh_object_type */
    uint32_t object_id; /* the same object has the same id in every process */
    uint32_t origin;    /* enum wh_handle_origin */
    uint32_t origin_pid;
    uint32_t signaled;
    uint32_t state[4];  /* per type: see the table below */
    uint32_t name_len;  /* the name follows, padded to a multiple of 8 */
    uint32_t owner_pid; /* a mutex's owning process, else 0 */
};
_Static_assert(sizeof(struct wh_handle_record) == 56, "padding");

/*
 * state[] of handle and object records, per type (each type's dump op):
 *   Event      [0] manual reset (1) or auto reset (0)
 *   Mutex      [0] owner tid (0: free)  [1] recursion count  [2] abandoned
 *   Semaphore  [0] count  [1] maximum
 *   Process    [0] pid  [1] exit code (259 = STILL_ACTIVE)  [2] bitness
 *   Thread     [0] tid  [1] pid  [2] exit code (259 = STILL_ACTIVE)
 *   Section    [0] size, low 32 bits  [1] size, high 32 bits
 *              [2] protection (PAGE_* | SEC_*)  [3] backed by a file (1) or not
 *   File       [0] FILE_TYPE_* (1 disk, 2 character device, 3 pipe, 0 unknown)
 *              [1] the access it was opened with  [2] its FILE_SHARE_* mode
 *   Pipe       [0] enum wh_pipe_kind
 *              an end: [1] enum wh_pipe_state  [2] PIPE_TYPE_*, PIPE_READMODE_*
 *              and PIPE_NOWAIT bits  [3] the pid at the other end (a server
 *              end: its client; a client: the server), 0 if none
 *              a name (held only inside WaitNamedPipeA): [1] instances
 *              [2] most instances (255: unlimited)
 */
enum wh_pipe_kind { WH_PIPE_READ_END = 0, WH_PIPE_WRITE_END = 1, WH_PIPE_SERVER_END = 2,
                    WH_PIPE_CLIENT_END = 3, WH_PIPE_NAME = 4 };
enum wh_pipe_state { WH_PIPE_LISTENING = 0, WH_PIPE_CONNECTED = 1,
                     WH_PIPE_CLOSING = 2, /* the other end closed */
                     WH_PIPE_DISCONNECTED = 3 };

/*
 * list_objects: one record per object, then its name (name_len bytes,
 * padded to a multiple of 8), then holder_count holder records: the
 * processes with handles to it, in the server's process order, each once.
 * Variable length on purpose: an object held by one process costs 8 bytes
 * of holders, not a fixed-size array that would cap or waste.
 */
struct wh_object_record {
    uint32_t object_id;    /* as in wh_handle_record */
    uint32_t type;         /* enum wh_object_type */
    uint32_t signaled;
    uint32_t handle_count; /* handles open to it, all processes together */
    uint32_t state[4];     /* per type, as above */
    uint32_t owner_pid;    /* a mutex's owning process, else 0 */
    uint32_t holder_count; /* wh_holder_records after the name */
    uint32_t name_len;
    uint32_t reserved;
};
_Static_assert(sizeof(struct wh_object_record) == 48, "padding");

struct wh_holder_record {
    uint32_t pid;
    uint32_t handles; /* how many of its handles refer to the object */
};
_Static_assert(sizeof(struct wh_holder_record) == 8, "padding");

/*
 * What CreateProcessA hands its child (new_process data; get_startup_info
 * gives it back to the child): the STARTUPINFOA fields that are values,
 * then cmdline_len bytes of command line, title_len bytes of title and
 * desktop_len bytes of desktop name.
 */
struct wh_startup_record {
    uint32_t flags;          /* STARTF_* */
    uint32_t show_window;
    uint32_t x, y, x_size, y_size;
    uint32_t x_chars, y_chars;
    uint32_t fill_attribute;
    uint32_t std_input, std_output, std_error; /* handles in the child */
    uint32_t cmdline_len;
    uint32_t title_len;
    uint32_t desktop_len;    /* lpDesktop, after the title; 0: the creator's */
    uint32_t reserved;
};
_Static_assert(sizeof(struct wh_startup_record) == 64, "padding");
#define WH_MAX_CMDLINE 32767u /* Windows' limit on a command line */

#define WH_ALIGN8(n) (((n) + 7u) & ~7u)

#endif
