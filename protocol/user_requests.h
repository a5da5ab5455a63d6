/*
 * The requests of USER objects (issue 5), one list that requests.h takes
 * into its table, so the USER work adds one line there and keeps its own
 * entries here. The rules at the top of requests.h hold: fixed-width
 * fields, uint64_t on 8-byte offsets (counting the 8-byte header), no
 * padding, variable data last.
 *
 * USER handles travel as uint32_t: (uniqueness << 16) | index.
 */
#ifndef WINHANDLE_PROTOCOL_USER_REQUESTS_H
#define WINHANDLE_PROTOCOL_USER_REQUESTS_H

#include <stdint.h>

#define WH_USER_REQUESTS(REQ, F)                                               \
    /* Any USER object: is handle a live object of type (WH_USER_*; 0: any  \
     * type)? Fails with the type's own error (1401 menu, ...). */          \
    REQ(user_check, F(uint32_t, handle) F(uint32_t, type),                     \
        F(uint32_t, owner_pid) F(uint32_t, owner_tid))                         \
    /* The destroyer of a type (DestroyMenu, DestroyAcceleratorTable, ...):  \
     * the type decides what a shared object does. */                        \
    REQ(user_destroy, F(uint32_t, handle) F(uint32_t, type), WH_NONE)          \
    /* Inspection: the table's use; data: WH_USER_TYPE_COUNT uint32_t       \
     * counts of live entries by type. */                                    \
    REQ(user_table_info, WH_NONE,                                              \
        F(uint32_t, used) F(uint32_t, capacity))                               \
    /* Inspection: every live entry as a wh_user_record, in index order;    \
     * type 0 for all. */                                                    \
    REQ(list_user_objects, F(uint32_t, type) F(uint32_t, reserved),            \
        F(uint32_t, count) F(uint32_t, record_size))                           \
                                                                                \
    /* Menus. Items are found by position or by command id (searching      \
     * submenus, as Windows does). menu_insert: mask is MENUITEMINFO's      \
     * fMask, item a position (past the end: append) or a command; data:    \
     * the text, text_len bytes. */                                          \
    REQ(create_menu, F(uint32_t, popup), F(uint32_t, handle))                  \
    REQ(menu_insert,                                                           \
        F(uint32_t, menu) F(uint32_t, item) F(uint32_t, by_position)           \
        F(uint32_t, mask) F(uint32_t, type) F(uint32_t, state)                 \
        F(uint32_t, id) F(uint32_t, submenu) F(uint64_t, data)                 \
        F(uint32_t, text_len) F(uint32_t, bitmap),                             \
        WH_NONE)                                                               \
    /* One item; the reply's data is its text. menu is where it was found.  \
     * Fails with ERROR_MENU_ITEM_NOT_FOUND when there is no such item. */  \
    REQ(menu_get_item,                                                         \
        F(uint32_t, menu) F(uint32_t, item) F(uint32_t, by_position)           \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, type) F(uint32_t, state) F(uint32_t, id)                   \
        F(uint32_t, submenu) F(uint64_t, data) F(uint32_t, submenu_count)      \
        F(uint32_t, bitmap) F(uint32_t, menu) F(uint32_t, reserved))           \
    REQ(menu_count, F(uint32_t, menu), F(uint32_t, count))                     \
    /* RemoveMenu (destroy 0) and DeleteMenu (destroy 1: the submenu too). */\
    REQ(menu_remove,                                                           \
        F(uint32_t, menu) F(uint32_t, item) F(uint32_t, by_position)           \
        F(uint32_t, destroy),                                                  \
        WH_NONE)                                                               \
                                                                                \
    /* Accelerator tables. data: count wh_accel_records. */                  \
    REQ(create_accel, F(uint32_t, count), F(uint32_t, handle))                 \
    REQ(get_accel, F(uint32_t, handle), F(uint32_t, count))                    \
                                                                                \
    /* Cursors and icons. data: and_len bytes of AND mask, then xor_len of  \
     * XOR (colour) bits. load_system_cursor: the shared system cursor or   \
     * icon (IDC_* / IDI_* id), made on first use. */                        \
    REQ(create_cursor,                                                         \
        F(uint32_t, is_icon) F(uint32_t, x_hot) F(uint32_t, y_hot)             \
        F(uint32_t, width) F(uint32_t, height) F(uint32_t, planes)             \
        F(uint32_t, bpp) F(uint32_t, and_len) F(uint32_t, xor_len)             \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, handle))                                                   \
    REQ(load_system_cursor, F(uint32_t, id) F(uint32_t, is_icon),              \
        F(uint32_t, handle))                                                   \
    REQ(get_cursor_info, F(uint32_t, handle),                                  \
        F(uint32_t, is_icon) F(uint32_t, x_hot) F(uint32_t, y_hot)             \
        F(uint32_t, width) F(uint32_t, height) F(uint32_t, planes)             \
        F(uint32_t, bpp) F(uint32_t, and_len) F(uint32_t, xor_len)             \
        F(uint32_t, shared))                                                   \
    REQ(copy_cursor, F(uint32_t, handle), F(uint32_t, handle))                 \
    /* SetCursor (set 1) and GetCursor (set 0): the calling thread's. */    \
    REQ(set_cursor, F(uint32_t, handle) F(uint32_t, set), F(uint32_t, prev))   \
                                                                                \
    /* Hooks. proc and module are addresses in the caller's process.       \
     * next_hook: the hook of type id to call after `after` (0: the first)  \
     * for the calling thread, among those its process can call; handle 0  \
     * when the chain ends. */                                               \
    REQ(set_hook,                                                              \
        F(int32_t, id) F(uint32_t, tid) F(uint64_t, proc) F(uint64_t, module), \
        F(uint32_t, handle))                                                   \
    REQ(next_hook, F(int32_t, id) F(uint32_t, after),                          \
        F(uint32_t, handle) F(uint32_t, reserved) F(uint64_t, proc))           \
                                                                                \
    /* Carets: one per thread. caret_op: op WH_CARET_*. */                   \
    REQ(create_caret,                                                          \
        F(uint32_t, window) F(uint32_t, bitmap) F(int32_t, width)              \
        F(int32_t, height),                                                    \
        WH_NONE)                                                               \
    REQ(caret_op,                                                              \
        F(uint32_t, op) F(uint32_t, window) F(int32_t, x) F(int32_t, y),       \
        F(int32_t, x) F(int32_t, y))                                           \
                                                                                \
    /* The desktop and the window station: kernel handles in the caller's  \
     * table (kind WH_TYPE_DESKTOP or WH_TYPE_WINSTA). get_station: the     \
     * handle the process keeps for its threads' desktop (of thread tid)   \
     * or its window station, made on first use; it cannot be closed.     \
     * open_station: a new handle by name (data). close_station: close a   \
     * handle of that kind. station_info: the kind of a handle; data: its \
     * name. create_desktop: a new desktop of WinSta0 by name (data), or a \
     * new handle to the one of that name. set_thread_desktop: move the   \
     * calling thread (ERROR_BUSY once it has windows or hooks). */        \
    REQ(get_station, F(uint32_t, kind) F(uint32_t, tid), F(uint32_t, handle))  \
    REQ(open_station,                                                          \
        F(uint32_t, kind) F(uint32_t, access) F(uint32_t, inherit)             \
        F(uint32_t, name_len),                                                 \
        F(uint32_t, handle))                                                   \
    REQ(close_station, F(uint32_t, kind) F(uint32_t, handle), WH_NONE)         \
    REQ(station_info, F(uint32_t, handle), F(uint32_t, kind) F(uint32_t, inherit)) \
    REQ(create_desktop,                                                        \
        F(uint32_t, access) F(uint32_t, inherit) F(uint32_t, name_len)         \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, handle) F(uint32_t, reserved))                             \
    REQ(set_thread_desktop, F(uint32_t, handle) F(uint32_t, reserved), WH_NONE) \
    /* Inspection: the last refusals of the desktop check, newest first,   \
     * as wh_refusal_record. */                                            \
    REQ(list_refusals, WH_NONE, F(uint32_t, count) F(uint32_t, record_size))   \
                                                                                \
    /* DDE (DDEML). An instance belongs to the thread that made it, and   \
     * its callback runs on that thread: the server queues the work for    \
     * an instance (dde_next_work hands it over, more = 1 when more waits \
     * for that instance; dde_answer completes it) and the library runs it \
     * from the thread's message loop or any of its DDEML calls.          \
     * dde_connect and dde_transaction reply only once the other side has  \
     * answered, or timeout_ms has passed. Every DDE reply's error is a    \
     * DMLERR_* code (0x4000 and up), DdeGetLastError's. String handles    \
     * are session atoms: dde_string op WH_DDE_STR_*. */                   \
    REQ(dde_initialize, F(uint64_t, callback) F(uint32_t, flags)               \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, instance))                                                 \
    REQ(dde_uninitialize, F(uint32_t, instance), WH_NONE)                      \
    REQ(dde_string,                                                            \
        F(uint32_t, instance) F(uint32_t, op) F(uint32_t, atom)                \
        F(uint32_t, len),                                                      \
        F(uint32_t, atom))                                                     \
    REQ(dde_name_service,                                                      \
        F(uint32_t, instance) F(uint32_t, service) F(uint32_t, cmd),           \
        WH_NONE)                                                               \
    /* The instances that registered service (0: any); data: ids. */      \
    REQ(dde_servers, F(uint32_t, instance) F(uint32_t, service),               \
        F(uint32_t, count))                                                    \
    REQ(dde_connect,                                                           \
        F(uint32_t, instance) F(uint32_t, target) F(uint32_t, service)         \
        F(uint32_t, topic) F(uint32_t, timeout_ms),                            \
        F(uint32_t, conv))                                                     \
    REQ(dde_transaction,                                                       \
        F(uint32_t, conv) F(uint32_t, type) F(uint32_t, format)                \
        F(uint32_t, item) F(uint32_t, timeout_ms) F(uint32_t, data_len),       \
        F(uint32_t, flags))                                                    \
    REQ(dde_disconnect, F(uint32_t, conv), WH_NONE)                            \
    REQ(dde_next_work, F(uint32_t, instance),                                  \
        F(uint32_t, work) F(uint32_t, type) F(uint32_t, format)                \
        F(uint32_t, conv) F(uint32_t, hsz1) F(uint32_t, hsz2)                  \
        F(uint32_t, has_data) F(uint32_t, more))                               \
    REQ(dde_answer,                                                            \
        F(uint32_t, work) F(uint32_t, result) F(uint32_t, has_data)            \
        F(uint32_t, data_len),                                                 \
        WH_NONE)                                                               \
                                                                                \
    /* Window-position structures (DeferWindowPos comes with windows). */    \
    REQ(begin_dwp, F(int32_t, count), F(uint32_t, handle))                     \
    REQ(end_dwp, F(uint32_t, handle), WH_NONE)                                 \
    /* DeferWindowPos: one more move (or a window's move replaced); a      \
     * window that is not one fails and leaves the structure as it was. */  \
    REQ(defer_window_pos,                                                      \
        F(uint32_t, dwp) F(uint32_t, window) F(uint32_t, after)                \
        F(int32_t, x) F(int32_t, y) F(int32_t, cx) F(int32_t, cy)              \
        F(uint32_t, flags),                                                    \
        WH_NONE)

/* A reply error that means "failed, and the last error stays as it was":
 * Windows has calls that fail without setting one (DestroyCursor on the
 * current cursor). Bit 29 marks it as no Win32 code; the library turns it
 * into FALSE alone. */
#define WH_USER_FAILED_QUIETLY 0x20000001u

/* An accelerator as it travels (ACCEL is 6 bytes, unaligned; this is 8). */
struct wh_accel_record {
    uint16_t virt;
    uint16_t key;
    uint16_t cmd;
    uint16_t reserved;
};

/* dde_string.op */
enum wh_dde_string_op { WH_DDE_STR_CREATE = 0, WH_DDE_STR_FREE = 1, WH_DDE_STR_QUERY = 2,
                        WH_DDE_STR_KEEP = 3 };
/* The most a DDE transaction carries, and atoms' lengths (255: Windows'). */
#define WH_MAX_DDE_DATA (WH_MAX_REQUEST_SIZE - 256u)
#define WH_MAX_ATOM_LEN 255u

/* caret_op.op */
enum wh_caret_op { WH_CARET_DESTROY = 0, WH_CARET_SET_POS = 1, WH_CARET_GET_POS = 2,
                   WH_CARET_SHOW = 3, WH_CARET_HIDE = 4 };

/* The most items a menu holds and entries an accelerator table: bounds
 * on what a hostile client can make one object cost. */
#define WH_MAX_MENU_ITEMS 65535u
#define WH_MAX_ACCELS 32767u

/* list_user_objects: one record per live entry, summary NUL-padded. */
struct wh_user_record {
    uint32_t handle;
    uint32_t type;      /* enum wh_user_type */
    uint32_t owner_pid; /* 0: a session object */
    uint32_t owner_tid; /* 0: owned by the process, or by none */
    char summary[48];   /* a few words per type: "3 items", "IDC_ARROW" */
};

/* A desktop's name is at most this long (Windows allows MAX_PATH in
 * all; winhandle keeps names short enough for the records below). */
#define WH_MAX_DESKTOP_NAME 63u
/* How many refusals the server remembers. */
#define WH_MAX_REFUSALS 32u

/* One refusal of the desktop check: who asked, for what, and the two
 * desktops that did not match. */
struct wh_refusal_record {
    uint32_t pid, tid;        /* the caller */
    uint32_t handle;          /* the USER handle it named */
    uint32_t request;         /* the request code (request_name) */
    uint32_t owner_pid;       /* the object's owner */
    uint32_t owner_tid;
    uint64_t when_ms;         /* CLOCK_MONOTONIC, milliseconds */
    char caller_desktop[WH_MAX_DESKTOP_NAME + 1];
    char object_desktop[WH_MAX_DESKTOP_NAME + 1];
};
_Static_assert(sizeof(struct wh_refusal_record) == 160, "padding");

#endif
