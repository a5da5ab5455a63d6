/*
 * The USER handle table: one per session, 65,536 entries, shared by every
 * process of the session (DESIGN.md, "Handles").
 *
 * A USER handle is (uniqueness << 16) | index. The index picks the entry;
 * the uniqueness (1..0x7fff) is bumped each time the entry is reused, so a
 * handle kept after its object was destroyed never names the next object
 * in that entry. Because the uniqueness is never 0, no handle is 0 even at
 * index 0, so all 65,536 entries hold objects; because it is below 0x8000
 * no handle is negative once sign-extended (never -1 or -2, the
 * pseudo-handles), and none is below 0x10000 (HWND_BROADCAST is 0xffff,
 * HWND_BOTTOM 1).
 *
 * Every object in the table embeds struct user_object first and has a
 * const struct user_ops. Objects are not reference counted: a USER object
 * lives exactly until its destroyer (or its owner's death) frees it, and
 * the handle dies with it. Objects refer to one another by handle value,
 * resolved at each use, so no dangling pointer survives a destroy.
 *
 * Ownership follows Windows (the "OCF_THREADOWNED"/"OCF_PROCESSOWNED"
 * kinds of win32k's type table): windows, hooks, window-position
 * structures and DDE conversations belong to the thread that made them;
 * menus, cursors, icons and accelerator tables to the process. A thread's
 * objects go when it ends, then, when the process ends, the process's:
 * each in the order of user_ops.rank (windows first), SIGKILL included,
 * since the server sees every death through its pidfd.
 *
 * For the windows engineer: a window type is a user_ops with
 * type WH_USER_WINDOW, owner USER_OWNER_THREAD and rank 0 (first to go);
 * its destroy op destroys children and owned windows first, as Windows
 * does. Allocate with user_alloc(), find with user_get(), free with
 * user_free() (or user_destroy(), which runs the ops' destroy first).
 */
#ifndef WINHANDLED_USER_H
#define WINHANDLED_USER_H

#include <stdint.h>

#include "../protocol/protocol.h"
#include "list.h"

struct thread;
struct process;
struct user_object;

#define USER_TABLE_SIZE 65536u
#define USER_MAX_UNIQ 0x7fffu
#define USER_KEEP 0xffffffffu
#define USER_KEEP_FAIL WH_USER_FAILED_QUIETLY /* refuse, last error untouched */
#define USER_RANKS 8 /* user_ops.rank is 0..USER_RANKS-1 */

enum user_owner_kind {
    USER_OWNER_NONE = 0,    /* a session object: only the server destroys it */
    USER_OWNER_THREAD = 1,  /* destroyed when the creating thread ends */
    USER_OWNER_PROCESS = 2, /* destroyed when the creating process ends */
};

struct user_ops {
    enum wh_user_type type;
    const char *name;            /* for logs and the inspector: "Menu", ... */
    enum user_owner_kind owner;
    int rank;                    /* owner death destroys lower ranks first */
    uint32_t invalid_error;      /* what a bad handle of this type fails with */
    /* Free what the object holds besides itself (the table frees the
     * struct and the entry). May destroy other USER objects (a menu's
     * submenus, a window's children). NULL: nothing to free. */
    void (*destroy)(struct user_object *obj);
    /* What the type's destroyer function (DestroyMenu, DestroyCursor, ...)
     * may do: 0 to destroy, USER_KEEP to succeed and keep the object (a
     * shared cursor), USER_KEEP_FAIL to fail leaving the caller's last
     * error alone (a current cursor), or a Win32 error. NULL: always 0. */
    uint32_t (*may_destroy)(struct user_object *obj, struct thread *caller);
    /* A few words for the inspector ("3 items"); NULL: none. */
    void (*describe)(struct user_object *obj, char *buf, uint32_t len);
};

struct user_object {
    const struct user_ops *ops;
    uint32_t handle;                  /* its own value, for convenience */
    uint32_t owner_pid, owner_tid;    /* 0 when there is none */
    const void *owner;                /* the struct thread or process, or NULL */
    struct list_entry owner_link;     /* the owner's objects (user.c) */
    int destroying;                   /* inside destroy: not found any more */
    uint32_t site;                    /* creation site (trace.h), or 0 */
};

/*
 * Make an object of ops' type, size bytes (struct user_object first),
 * zeroed, owned by thread (or its process, per ops->owner; thread may be
 * NULL for USER_OWNER_NONE). Returns NULL with *error =
 * ERROR_NO_MORE_USER_HANDLES when all 65,536 entries are taken, or
 * ERROR_NOT_ENOUGH_MEMORY.
 */
void *user_alloc(const struct user_ops *ops, uint32_t size, struct thread *thread,
                 uint32_t *error);

/* The live object a handle names, if it is of this type (any type when
 * type is WH_USER_FREE), else NULL. Handles are the low 32 bits as they
 * travel; the uniqueness must match exactly. */
struct user_object *user_get(uint32_t handle, enum wh_user_type type);
/* The same, setting *error to the type's own error (ops->invalid_error of
 * the ops passed) when it fails. */
void *user_get_ops(uint32_t handle, const struct user_ops *ops, uint32_t *error);

/* Run the type's destroy op, then free the entry and the object. The
 * handle is invalid from the moment destroy starts (so a cycle of
 * references cannot destroy anything twice). */
void user_destroy(struct user_object *obj);

/* For a destroy op that takes other objects with it (a menu's submenus,
 * a window's children and owned windows): the object goes once the
 * outermost user_destroy has finished, so chains of any length (a hostile
 * client can chain 65,536 objects) cost no recursion. A handle already
 * dead by then is skipped. */
void user_destroy_later(uint32_t handle);

/* Every live object owned by owner (a struct thread or struct process),
 * for each: fn(obj, arg). fn may destroy obj, or any other object. */
void user_for_each_owned(const void *owner, void (*fn)(struct user_object *obj, void *arg),
                         void *arg);

/* Death hooks: thread.c and process.c call these once per death. */
void user_thread_ended(struct thread *thread);
void user_process_ended(struct process *process);

/* Per-type state that some types keep per thread (the caret, the current
 * cursor) goes when the thread does: such types register a function here
 * (at most a few; called by user_thread_ended before objects go). */
void user_on_thread_end(void (*fn)(struct thread *thread));

/* SetWindowPos's work on one window (window.c), for EndDeferWindowPos
 * too; 0 or the Win32 error. */
uint32_t window_set_pos(uint32_t handle, uint32_t after, int32_t x, int32_t y, int32_t cx,
                        int32_t cy, uint32_t flags);

/* 0 if the caller may use the window (it exists and is on the caller's
 * desktop), else ERROR_INVALID_WINDOW_HANDLE or ERROR_ACCESS_DENIED (the
 * refusal noted for the inspector). For other types' requests that name
 * a window. */
struct request_ctx;
uint32_t window_check_access(struct request_ctx *ctx, uint32_t handle);

/* For a window's destroy op: the caret in that window goes with it. */
void caret_window_destroyed(uint32_t window);

/* Counts for the inspector and tests. */
uint32_t user_count(void);
/* The USER objects a process owns, its threads' included (GetGuiResources). */
uint32_t user_process_count(const struct process *process);
uint32_t user_count_type(enum wh_user_type type);
/* The entry at index (0..65535), or NULL if free: for inspection. */
struct user_object *user_at(uint32_t index);

/* For tests only: destroy every object (session ones too) and forget the
 * uniqueness counters, so each unit test starts from a fresh table. */
void user_table_reset(void);

/* The errors of USER calls (winerror.h), for the types' files. */
#define ERR_INVALID_WINDOW_HANDLE 1400u
#define ERR_INVALID_MENU_HANDLE 1401u
#define ERR_INVALID_CURSOR_HANDLE 1402u
#define ERR_INVALID_ACCEL_HANDLE 1403u
#define ERR_INVALID_HOOK_HANDLE 1404u
#define ERR_INVALID_DWP_HANDLE 1405u
#define ERR_NO_MORE_USER_HANDLES 1158u

#endif
