/*
 * Per-process handle tables.
 *
 * A handle's value is (index + 1) * 4: never 0, a multiple of 4, and below
 * 2^31 even at the 2^24 limit, so a handle truncated to 32 bits and
 * sign-extended back is the same handle. Freed slots go on a LIFO free list
 * and are reused first, which keeps the table dense.
 *
 * The layout is deliberately flat (one array of fixed-size entries) so it
 * can later live in a memfd the owning process maps read-only and reads
 * without a round trip (DESIGN.md, "The library").
 */
#ifndef WINHANDLED_HANDLE_H
#define WINHANDLED_HANDLE_H

#include <stdint.h>

struct object;
struct process;
struct thread;
struct object_ops;

#define HANDLE_FLAG_INHERIT_ 0x1u
#define HANDLE_FLAG_PROTECT_FROM_CLOSE_ 0x2u

struct handle_entry {
    struct object *obj;  /* NULL when free */
    uint32_t access;     /* granted access, or the next free index when free */
    uint8_t flags;       /* HANDLE_FLAG_* */
    uint8_t origin;      /* enum wh_handle_origin */
    uint16_t reserved;
    uint32_t origin_pid; /* who duplicated it here, or the parent */
    uint32_t site;       /* creation site (trace.h), 0 if untraced */
};

struct handle_table {
    struct handle_entry *entries;
    uint32_t capacity;   /* entries allocated */
    uint32_t top;        /* entries ever used: [0, top) */
    uint32_t free_head;  /* index + 1 of the first free slot, 0 if none */
    uint32_t count;      /* handles open */
    uint32_t max;        /* the limit: WH_MAX_HANDLES unless configured */
};

/* The per-process limit; the server's --max-handles lowers it (tests). */
extern uint32_t handle_limit;

void handle_table_init(struct handle_table *table);
/* Close every handle (process death). */
void handle_table_destroy(struct handle_table *table);

/* Fill a fresh table dst with the inheritable handles of src, at the same
 * values (handle_inherit.c). Returns 0 or a Win32 error. */
uint32_t handle_table_inherit(struct handle_table *dst, const struct handle_table *src,
                              uint32_t parent_pid);

/* Returns the new handle value, or 0 with *error set. Takes a reference. */
uint32_t handle_alloc(struct handle_table *table, struct object *obj,
                      uint32_t access, uint32_t flags, uint32_t *error);

/* The entry for a real (non-pseudo) handle value, or NULL. */
struct handle_entry *handle_lookup(struct handle_table *table, uint32_t handle);

/* Close a handle. Returns 0 or a Win32 error (protected, invalid). */
uint32_t handle_close(struct handle_table *table, uint32_t handle);
/* Close regardless of protection (process death). */
void handle_close_entry(struct handle_table *table, struct handle_entry *entry);

static inline uint32_t handle_value(const struct handle_table *t,
                                    const struct handle_entry *e)
{
    return (uint32_t)(e - t->entries + 1) * 4u;
}

/*
 * Resolve a handle of the calling thread's process, pseudo-handles included,
 * checking the type (ops may be NULL for any type) and the access wanted.
 * Returns the object without adding a reference (valid for the request), or
 * NULL with *error: ERROR_INVALID_HANDLE or ERROR_ACCESS_DENIED.
 */
struct object *get_handle_obj(struct thread *thread, uint32_t handle,
                              uint32_t access, const struct object_ops *ops,
                              uint32_t *error);

/* The same, content with any one of the rights in any_of. */
struct object *get_handle_obj_any(struct thread *thread, uint32_t handle, uint32_t any_of,
                                  const struct object_ops *ops, uint32_t *error);

/* The same for any type, also returning the access the handle grants. */
struct object *get_handle_obj_access(struct thread *thread, uint32_t handle,
                                     uint32_t *granted, uint32_t *error);

#endif
