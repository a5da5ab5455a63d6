/*
 * The requests of windows (issue 5), kept apart from user_requests.h so
 * the two lists grow without touching each other. The server keeps every
 * window (its tree, owner, styles, rectangle, text, extra bytes) so that
 * a window handle works in every process of the session; window classes
 * are the library's, per process, as Windows' application classes are,
 * and a window carries its class's name and atom for FindWindowA and the
 * inspector. The procedures run in the library, on the owning thread.
 *
 * Handles travel as uint32_t; a window procedure, instance or id as the
 * uint64_t of the owning process's pointer.
 */
#ifndef WINHANDLE_PROTOCOL_WINDOW_REQUESTS_H
#define WINHANDLE_PROTOCOL_WINDOW_REQUESTS_H

#include <stdint.h>

#define WH_WINDOW_REQUESTS(REQ, F)                                             \
    /* data: class_len bytes of class name. parent: a window (WS_CHILD) or \
     * 0; owner: any window (its top-level ancestor becomes the owner).   \
     * id: the child id, or a menu handle for a top-level window. */      \
    REQ(create_window,                                                         \
        F(uint64_t, wndproc) F(uint64_t, instance) F(uint64_t, id)             \
        F(uint32_t, parent) F(uint32_t, owner) F(uint32_t, style)              \
        F(uint32_t, ex_style) F(int32_t, x) F(int32_t, y) F(int32_t, cx)       \
        F(int32_t, cy) F(uint32_t, class_atom) F(uint32_t, extra)              \
        F(uint32_t, class_len) F(uint32_t, reserved),                          \
        F(uint32_t, handle) F(uint32_t, owner))                                \
    /* Only the owning thread may (Windows: ERROR_ACCESS_DENIED); owned   \
     * windows and children go with it. */                                 \
    REQ(destroy_window, F(uint32_t, handle) F(uint32_t, reserved), WH_NONE)    \
    /* Everything about a window; data: its class name. rect in screen    \
     * coordinates. */                                                      \
    REQ(get_window_info, F(uint32_t, handle) F(uint32_t, reserved),            \
        F(uint64_t, wndproc) F(uint64_t, instance) F(uint64_t, id)             \
        F(uint64_t, user_data) F(uint32_t, parent) F(uint32_t, owner)          \
        F(uint32_t, style) F(uint32_t, ex_style) F(int32_t, left)              \
        F(int32_t, top) F(int32_t, right) F(int32_t, bottom)                   \
        F(uint32_t, owner_pid) F(uint32_t, owner_tid) F(uint32_t, text_len)    \
        F(uint32_t, menu) F(uint32_t, class_atom) F(uint32_t, extra))          \
    /* Get (set 0) or set a window long: index GWL_* (< 0) or an offset  \
     * into the extra bytes; size 4 or 8. reply: the previous value. */   \
    REQ(window_long,                                                           \
        F(uint64_t, value) F(int32_t, index) F(uint32_t, handle)               \
        F(uint32_t, size) F(uint32_t, set),                                    \
        F(uint64_t, old))                                                      \
    /* data: the text (len bytes, no NUL). */                               \
    REQ(set_window_text, F(uint32_t, handle) F(uint32_t, len), WH_NONE)        \
    /* data: at most max bytes of the text; len is its whole length. The  \
     * owner and procedure come along so GetWindowTextA decides in one     \
     * round trip whether the text is the procedure's to give. item = 1:   \
     * the window is handle's child with the id item_id (GetDlgItemTextA); \
     * the reply's handle is the window read. */                           \
    REQ(get_window_text, F(uint32_t, handle) F(uint32_t, max)                  \
        F(uint64_t, item_id) F(uint32_t, item) F(uint32_t, reserved),          \
        F(uint64_t, wndproc) F(uint32_t, len) F(uint32_t, owner_pid)           \
        F(uint32_t, owner_tid) F(uint32_t, handle))                            \
    /* SetWindowPos: x, y in the parent's client coordinates; after is    \
     * HWND_TOP (0), HWND_BOTTOM (1) or a sibling. */                      \
    REQ(set_window_pos,                                                        \
        F(uint32_t, handle) F(uint32_t, after) F(int32_t, x) F(int32_t, y)     \
        F(int32_t, cx) F(int32_t, cy) F(uint32_t, flags) F(uint32_t, reserved), \
        WH_NONE)                                                               \
    /* GetWindow's GW_* (cmd < 0x100) and GetAncestor's GA_* (0x100 + GA). \
     * result 0: none. */                                                  \
    REQ(get_window_relative, F(uint32_t, handle) F(uint32_t, cmd),             \
        F(uint32_t, result) F(uint32_t, reserved))                             \
    /* data: count uint32_t handles: kind WH_LIST_*; handle 0 is the      \
     * desktop window. */                                                   \
    REQ(list_windows, F(uint32_t, handle) F(uint32_t, kind),                   \
        F(uint32_t, count) F(uint32_t, reserved))                              \
    REQ(set_window_menu, F(uint32_t, handle) F(uint32_t, menu), WH_NONE)       \
    /* SetParent: parent 0 is the caller's desktop window; the window goes \
     * on top of its new siblings. reply: the old parent. */               \
    REQ(set_parent, F(uint32_t, handle) F(uint32_t, parent),                   \
        F(uint32_t, old) F(uint32_t, reserved))                                \
    REQ(get_desktop_window, WH_NONE, F(uint32_t, handle) F(uint32_t, reserved)) \
    WH_WINDOW_QUERY_REQUESTS(REQ, F)                                           \
    WH_DIALOG_REQUESTS(REQ, F)

/* Dialog boxes (server/window_dialog.c). */
#define WH_DIALOG_REQUESTS(REQ, F)                                             \
    /* GetDlgItem: the first child of handle, in z-order, whose id's low  \
     * 32 bits are id's. result 0: none (ERROR_CONTROL_ID_NOT_FOUND). */   \
    REQ(get_dialog_item, F(uint64_t, id) F(uint32_t, handle) F(uint32_t, reserved), \
        F(uint32_t, result) F(uint32_t, reserved))

/* Finding windows (server/window_find.c), then their properties. */
#define WH_WINDOW_QUERY_REQUESTS(REQ, F)                                       \
    /* The children of parent (0: the caller's desktop window) in z-order \
     * that match: after the child after (0: from the first; one that is  \
     * not a child finds nothing), of thread tid (0: any), of the class    \
     * (WH_FIND_CLASS: class_len bytes of data, case blind) and the title  \
     * (WH_FIND_TITLE: title_len bytes after the class, case blind).       \
     * data back: count uint32_t handles, one at most with WH_FIND_FIRST. */\
    REQ(find_windows,                                                          \
        F(uint32_t, parent) F(uint32_t, after) F(uint32_t, tid)                \
        F(uint32_t, flags) F(uint32_t, class_len) F(uint32_t, title_len),      \
        F(uint32_t, count) F(uint32_t, reserved))                              \
    /* found 1: a window of the caller's process has this class atom      \
     * (UnregisterClassA then fails with ERROR_CLASS_HAS_WINDOWS).         \
     * server/window_find.c. */                                            \
    REQ(class_has_windows, F(uint32_t, atom) F(uint32_t, reserved),            \
        F(uint32_t, found) F(uint32_t, reserved))                              \
    /* ShowWindow, EnableWindow and their questions: the style's bits in  \
     * set are set and those in clear cleared, at once (only              \
     * WH_WINDOW_STATE_BITS; neither: just read). old_style: the style    \
     * before; visible: whether the window and all its ancestors have     \
     * WS_VISIBLE after (IsWindowVisible). server/window_state.c. */      \
    REQ(window_state,                                                          \
        F(uint32_t, handle) F(uint32_t, set) F(uint32_t, clear)                \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, old_style) F(uint32_t, visible))                           \
    WH_WINDOW_PROP_REQUESTS(REQ, F)

/* Window properties (server/window_prop.c). A property is named by an \
 * integer atom (name_len 0) or by a string of 1 to WH_MAX_PROP_NAME     \
 * bytes, compared case blind; atom 0 with no name names nothing (set    \
 * succeeds and keeps nothing, as in Wine). value: the HANDLE stored. */\
#define WH_WINDOW_PROP_REQUESTS(REQ, F)                                        \
    /* data: the name. */                                                  \
    REQ(set_window_prop,                                                       \
        F(uint64_t, value) F(uint32_t, handle) F(uint32_t, atom)               \
        F(uint32_t, name_len) F(uint32_t, reserved),                           \
        WH_NONE)                                                               \
    /* GetPropA (remove 0) and RemovePropA (remove 1); data: the name.    \
     * found 0: no such property. */                                       \
    REQ(get_window_prop,                                                       \
        F(uint32_t, handle) F(uint32_t, atom) F(uint32_t, name_len)            \
        F(uint32_t, remove),                                                   \
        F(uint64_t, value) F(uint32_t, found) F(uint32_t, reserved))           \
    /* data back: count wh_prop_records in the order they were set, each   \
     * followed by its name padded to 8 bytes. */                          \
    REQ(list_window_props, F(uint32_t, handle) F(uint32_t, reserved),          \
        F(uint32_t, count) F(uint32_t, record_size))

struct wh_prop_record {
    uint64_t value;
    uint32_t atom;     /* 0 for a named property */
    uint32_t name_len; /* its name's bytes, no NUL, padded to 8 after */
};
_Static_assert(sizeof(struct wh_prop_record) == 16, "no padding");

/* The longest property name (Windows' atoms) and the most properties a
 * window keeps: a bound so no client makes the server hold or send
 * without limit. */
#define WH_MAX_PROP_NAME 255u
#define WH_MAX_WINDOW_PROPS 1024u

/* window_state: WS_VISIBLE, WS_MINIMIZE, WS_MAXIMIZE, WS_DISABLED. */
#define WH_WINDOW_STATE_BITS 0x39000000u

/* find_windows.flags */
#define WH_FIND_CLASS 1u
#define WH_FIND_TITLE 2u
#define WH_FIND_FIRST 4u
/* The longest title find_windows takes: any window's (a longer one is
 * never found); with a class name the request stays within
 * WH_MAX_REQUEST_SIZE. */
#define WH_MAX_FIND_TITLE WH_MAX_WINDOW_TEXT

/* list_windows.kind */
enum wh_list_kind {
    WH_LIST_CHILDREN = 0,    /* direct children, top of the z-order first */
    WH_LIST_DESCENDANTS = 1, /* the window and all below it, parents first */
    WH_LIST_OWNED = 2,       /* the windows it owns (directly) */
    WH_LIST_POSTORDER = 3,   /* the window and all below it, children first */
};

/* get_window_relative: GetAncestor's commands. */
#define WH_ANCESTOR_CMD 0x100u

/* The most extra bytes a window class may ask (Windows' limit is the
 * same order: 40,000) and the longest text a window keeps: SetWindowTextA
 * cuts a longer one there, so set_window_text (and find_windows with a
 * class name) stays within WH_MAX_REQUEST_SIZE, whose excess the server
 * answers by closing the connection. */
#define WH_MAX_WINDOW_EXTRA 40000u
#define WH_MAX_WINDOW_TEXT (WH_MAX_REQUEST_SIZE - 1024u)
/* How deep children may nest (Windows refuses the 50th level). */
#define WH_MAX_WINDOW_DEPTH 50u

#endif
