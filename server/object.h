/*
 * Objects: everything a handle can refer to.
 *
 * Every object embeds struct object first and is described by a const ops
 * table, as in wineserver. Lifetime is a plain reference count: a handle, a
 * wait, a name lookup in progress or an owner each hold one. The name lives
 * only while handles do (Windows removes a name with the last handle), so
 * objects also count their handles.
 *
 * The synchronization contract (see wait.c for the whole model):
 *   signaled(obj, thread)   may a wait by this thread be satisfied now?
 *                           (NULL: the type cannot be waited on at all)
 *   satisfied(obj, thread)  the wait took it: consume (auto-reset, count,
 *                           ownership); returns 1 if it was abandoned
 *   signal(obj, access)     SignalObjectAndWait's "signal" half
 * Whenever an object may have become signaled, its code calls wake_up().
 */
#ifndef WINHANDLED_OBJECT_H
#define WINHANDLED_OBJECT_H

#include <stdint.h>

#include "../protocol/protocol.h"
#include "list.h"

struct object;
struct thread;
struct process;

/* How the four generic rights map onto a type's specific rights. */
struct generic_mapping {
    uint32_t read, write, execute, all;
};

struct object_ops {
    const char *type_name;          /* Windows' type name: "Event", ... */
    enum wh_object_type type;
    const struct generic_mapping *mapping;
    int (*signaled)(struct object *obj, struct thread *thread);
    int (*satisfied)(struct object *obj, struct thread *thread);
    uint32_t (*signal)(struct object *obj, struct thread *thread, uint32_t access);
    void (*dump)(struct object *obj, uint32_t state[4]);
    void (*destroy)(struct object *obj);
    /* For objects backed by a descriptor (mappings, pipes, files): a new
     * descriptor for a client (*fd, the caller's to close) and per-type
     * flags; returns 0 or a Win32 error. NULL: the type has none. */
    uint32_t (*get_fd)(struct object *obj, int *fd, uint32_t *flags);
};

struct object {
    const struct object_ops *ops;
    uint32_t refcount;
    uint32_t handle_count;
    uint32_t id;                 /* stable, unique: shown by the inspector */
    char *name;                  /* canonical name, NULL when unnamed */
    struct list_entry waiters;   /* struct wait_entry, in arrival order */
    struct list_entry all_link;  /* every live object, for inspection */
};

/* The types, one file each. */
extern const struct object_ops event_ops, mutex_ops, semaphore_ops,
    process_ops, thread_ops, mapping_ops;

void *alloc_object(const struct object_ops *ops, size_t size);
struct object *grab_object(struct object *obj);
void release_object(struct object *obj);
uint32_t object_count(void);
/* Every live object, in creation order (struct object.all_link). */
struct list_entry *object_list(void);

/* Turn GENERIC_* and MAXIMUM_ALLOWED into the type's specific rights. */
uint32_t map_access(const struct object *obj, uint32_t access);
uint32_t map_access_ops(const struct object_ops *ops, uint32_t access);

/* For types that are never signaled (none yet) and for satisfied() no-ops. */
int no_satisfied(struct object *obj, struct thread *thread);
uint32_t no_signal(struct object *obj, struct thread *thread, uint32_t access);

/* Access bits every type shares (winnt.h). */
#define SYNCHRONIZE_ 0x00100000u
#define STANDARD_RIGHTS_READ_ 0x00020000u
#define STANDARD_RIGHTS_ALL_ 0x001f0000u
#define GENERIC_READ_ 0x80000000u
#define GENERIC_WRITE_ 0x40000000u
#define GENERIC_EXECUTE_ 0x20000000u
#define GENERIC_ALL_ 0x10000000u
#define MAXIMUM_ALLOWED_ 0x02000000u

#endif
