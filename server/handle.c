#include "handle.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "namespace.h"
#include "object.h"
#include "process.h"
#include "thread.h"
#include "trace.h"

uint32_t handle_limit = WH_MAX_HANDLES;

void handle_table_init(struct handle_table *table)
{
    memset(table, 0, sizeof(*table));
    table->max = handle_limit;
}

static int grow(struct handle_table *table)
{
    uint32_t cap = table->capacity ? table->capacity * 2 : 32;
    if (cap > table->max)
        cap = table->max;
    struct handle_entry *e = realloc(table->entries, cap * sizeof(*e));
    if (!e)
        return -1;
    table->entries = e;
    table->capacity = cap;
    return 0;
}

uint32_t handle_alloc(struct handle_table *table, struct object *obj,
                      uint32_t access, uint32_t flags, uint32_t *error)
{
    uint32_t index;
    if (table->free_head) {
        index = table->free_head - 1;
        table->free_head = table->entries[index].access;
    } else {
        if (table->top >= table->max) {
            /* Windows' answer when a process's table is full. */
            *error = ERR_NO_SYSTEM_RESOURCES;
            return 0;
        }
        if (table->top == table->capacity && grow(table) < 0) {
            *error = ERR_NOT_ENOUGH_MEMORY;
            return 0;
        }
        index = table->top++;
    }
    struct handle_entry *e = &table->entries[index];
    memset(e, 0, sizeof(*e));
    e->obj = grab_object(obj);
    e->access = access;
    e->flags = (uint8_t)(flags & (HANDLE_FLAG_INHERIT_ | HANDLE_FLAG_PROTECT_FROM_CLOSE_));
    obj->handle_count++;
    table->count++;
    *error = 0;
    if (trace_conn)
        trace_note_alloc(table, (index + 1) * 4, obj);
    return (index + 1) * 4;
}

struct handle_entry *handle_lookup(struct handle_table *table, uint32_t handle)
{
    /* The two low bits are tag bits that Windows ignores (OBJ_HANDLE_TAGBITS),
     * and so do we: h + 1 is h. Callers deal with the pseudo-handles first. */
    handle &= ~3u;
    if (!handle) {
        if (trace_conn)
            trace_note_invalid(table, 0, WH_TRACE_INVALID, NULL);
        return NULL;
    }
    uint32_t index = handle / 4 - 1;
    if (index >= table->top || !table->entries[index].obj) {
        if (trace_conn)
            trace_note_invalid(table, handle, WH_TRACE_INVALID, NULL);
        return NULL;
    }
    return &table->entries[index];
}

void handle_close_entry(struct handle_table *table, struct handle_entry *entry)
{
    struct object *obj = entry->obj;
    uint32_t index = (uint32_t)(entry - table->entries);
    if (entry->site || trace_conn)
        trace_note_close(table, entry);
    entry->obj = NULL;
    entry->access = table->free_head;
    table->free_head = index + 1;
    table->count--;
    /* A name goes with the object's last handle, even if waits or views
     * still keep the object itself alive. */
    if (--obj->handle_count == 0)
        namespace_unlink(obj);
    release_object(obj);
}

uint32_t handle_close(struct handle_table *table, uint32_t handle)
{
    struct handle_entry *e = handle_lookup(table, handle);
    if (!e)
        return ERR_INVALID_HANDLE;
    if (e->flags & HANDLE_FLAG_PROTECT_FROM_CLOSE_)
        return ERR_INVALID_HANDLE;
    handle_close_entry(table, e);
    return 0;
}

void handle_table_destroy(struct handle_table *table)
{
    for (uint32_t i = 0; i < table->top; i++)
        if (table->entries[i].obj)
            handle_close_entry(table, &table->entries[i]);
    free(table->entries);
    memset(table, 0, sizeof(*table));
}

struct object *get_handle_obj_access(struct thread *thread, uint32_t handle,
                                     uint32_t *granted, uint32_t *error)
{
    struct object *obj;
    *error = ERR_INVALID_HANDLE;
    if (!thread)
        return NULL;
    if (handle == WH_CURRENT_PROCESS) {
        obj = &thread->process->obj;
        *granted = map_access(obj, GENERIC_ALL_);
    } else if (handle == WH_CURRENT_THREAD) {
        obj = &thread->obj;
        *granted = map_access(obj, GENERIC_ALL_);
    } else {
        struct handle_entry *e = handle_lookup(&thread->process->handles, handle);
        if (!e)
            return NULL;
        obj = e->obj;
        *granted = e->access;
    }
    *error = 0;
    return obj;
}

/* Resolve and check the type; *granted gets the handle's access. */
static struct object *get_typed(struct thread *thread, uint32_t handle,
                                const struct object_ops *ops, uint32_t *granted,
                                uint32_t *error)
{
    struct object *obj = get_handle_obj_access(thread, handle, granted, error);
    if (obj && ops && obj->ops != ops) {
        if (trace_conn)
            trace_note_invalid(&thread->process->handles, handle, WH_TRACE_WRONG_TYPE, obj);
        *error = ERR_INVALID_HANDLE;
        return NULL;
    }
    return obj;
}

struct object *get_handle_obj(struct thread *thread, uint32_t handle,
                              uint32_t access, const struct object_ops *ops,
                              uint32_t *error)
{
    uint32_t granted;
    struct object *obj = get_typed(thread, handle, ops, &granted, error);
    if (obj && (granted & access) != access) {
        *error = ERR_ACCESS_DENIED;
        return NULL;
    }
    return obj;
}

struct object *get_handle_obj_any(struct thread *thread, uint32_t handle, uint32_t any_of,
                                  const struct object_ops *ops, uint32_t *error)
{
    uint32_t granted;
    struct object *obj = get_typed(thread, handle, ops, &granted, error);
    if (obj && !(granted & any_of)) {
        *error = ERR_ACCESS_DENIED;
        return NULL;
    }
    return obj;
}
