/*
 * Handle inheritance: a child made by CreateProcess with bInheritHandles
 * gets every inheritable handle of its parent at the same value, with the
 * same access and flags, before it runs any code. Non-inheritable slots
 * below the highest inherited one become free slots of the child, so its
 * first new handles fill the holes, lowest first.
 */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "handle.h"
#include "object.h"

uint32_t handle_table_inherit(struct handle_table *dst, const struct handle_table *src,
                              uint32_t parent_pid)
{
    if (dst->count || dst->top)
        return ERR_INVALID_PARAMETER; /* only a fresh table inherits */
    uint32_t top = 0;
    for (uint32_t i = 0; i < src->top; i++)
        if (src->entries[i].obj && (src->entries[i].flags & HANDLE_FLAG_INHERIT_))
            top = i + 1;
    if (!top)
        return 0;
    if (top > dst->max)
        return ERR_NO_SYSTEM_RESOURCES;
    uint32_t cap = 32;
    while (cap < top)
        cap *= 2;
    if (cap > dst->max)
        cap = dst->max;
    struct handle_entry *entries = calloc(cap, sizeof(*entries));
    if (!entries)
        return ERR_NOT_ENOUGH_MEMORY;
    free(dst->entries);
    dst->entries = entries;
    dst->capacity = cap;
    dst->top = top;
    /* Walk down so the free list pops the lowest hole first. */
    for (uint32_t i = top; i-- > 0;) {
        const struct handle_entry *s = &src->entries[i];
        struct handle_entry *d = &entries[i];
        if (s->obj && (s->flags & HANDLE_FLAG_INHERIT_)) {
            *d = *s;
            d->origin = WH_ORIGIN_INHERITED;
            d->origin_pid = parent_pid;
            d->site = 0; /* the parent's site stays the parent's */
            grab_object(d->obj);
            d->obj->handle_count++;
            dst->count++;
        } else {
            d->access = dst->free_head;
            dst->free_head = i + 1;
        }
    }
    return 0;
}
