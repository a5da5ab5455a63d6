/*
 * The requests of handle-leak tracing (WINHANDLE_TRACE, issue 7), one list
 * that requests.h takes into its table. The rules at the top of
 * requests.h hold.
 *
 * How a traced process tells the server where its handles come from:
 * its connections say WH_HELLO_TRACE in hello. While the server handles a
 * request of such a connection it notes what the request did to handles
 * (a handle allocated, one of the caller's closed, a value the caller
 * named that is not open) and the reply header's trace field says how many
 * notes are waiting. Only then does the library capture its backtrace and
 * send trace_site: the site is stored with each handle allocated, and the
 * notes come back. An untraced process never sends it and never gets a
 * note, so tracing costs it nothing.
 */
#ifndef WINHANDLE_PROTOCOL_TRACE_REQUESTS_H
#define WINHANDLE_PROTOCOL_TRACE_REQUESTS_H

#include <stdint.h>

#define WH_TRACE_REQUESTS(REQ, F)                                              \
    /* data: the creation site (text, at most WH_MAX_SITE_LEN bytes) of the \
     * handles the previous request allocated. The reply carries count     \
     * wh_trace_event records, each followed by text_len bytes padded to 8. \
     * reserved must be 0. */                                               \
    REQ(trace_site, F(uint32_t, reserved),                                     \
        F(uint32_t, count) F(uint32_t, record_size))                           \
    /* Inspection: the site of every handle of process pid (0: the         \
     * caller's) that has one, then of every USER object it owns that has \
     * one (type WH_SITE_USER | its type), as wh_site_records each         \
     * followed by its text padded to 8 bytes, in handle order. */          \
    REQ(list_handle_sites, F(uint32_t, pid),                                   \
        F(uint32_t, count) F(uint32_t, record_size))

/* The longest site the server keeps. */
#define WH_MAX_SITE_LEN 4096u

/* wh_trace_event.kind */
enum wh_trace_kind {
    WH_TRACE_ALLOC = 1,   /* handle allocated in the caller's table (text: none) */
    WH_TRACE_CLOSE = 2,   /* handle of the caller closed; text: its creation site */
    WH_TRACE_INVALID = 3, /* handle named by the caller is not open */
    WH_TRACE_WRONG_TYPE = 4, /* handle is open, to an object of another type */
    /* USER objects (type: enum wh_user_type). */
    WH_TRACE_USER_CLOSE = 5,   /* destroyed by the caller; text: its creation site */
    WH_TRACE_USER_INVALID = 6, /* named by the caller, not a live object of the type */
};

/* wh_site_record.type of a USER object: this bit | enum wh_user_type. */
#define WH_SITE_USER 0x100u

struct wh_trace_event {
    uint32_t kind;     /* enum wh_trace_kind */
    uint32_t handle;
    uint32_t type;     /* enum wh_object_type of the object, when known */
    uint32_t text_len; /* the text follows, padded to a multiple of 8 */
};
_Static_assert(sizeof(struct wh_trace_event) == 16, "padding");

struct wh_site_record {
    uint32_t handle;
    uint32_t type;     /* enum wh_object_type */
    uint32_t object_id;
    uint32_t text_len; /* the site follows, padded to a multiple of 8 */
};
_Static_assert(sizeof(struct wh_site_record) == 16, "padding");

#endif
