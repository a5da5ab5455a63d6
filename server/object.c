#include "object.h"

#include <stdlib.h>

#include "log.h"
#include "namespace.h"

static struct list_entry all_objects = LIST_INIT(all_objects);
/* Objects the inspector lists: not the server's own (WH_TYPE_NONE, message
 * queues), so server_info's count and list_objects' agree. */
static uint32_t live_objects;
static uint32_t next_object_id = 1;

void *alloc_object(const struct object_ops *ops, size_t size)
{
    struct object *obj = calloc(1, size);
    if (!obj)
        return NULL;
    obj->ops = ops;
    obj->refcount = 1;
    obj->id = next_object_id++;
    list_init(&obj->waiters);
    list_add_tail(&all_objects, &obj->all_link);
    live_objects += ops->type != WH_TYPE_NONE;
    return obj;
}

struct object *grab_object(struct object *obj)
{
    obj->refcount++;
    return obj;
}

void release_object(struct object *obj)
{
    if (--obj->refcount)
        return;
    /* Nobody can be waiting: a wait holds a reference. */
    namespace_unlink(obj);
    list_remove(&obj->all_link);
    live_objects -= obj->ops->type != WH_TYPE_NONE;
    if (obj->ops->destroy)
        obj->ops->destroy(obj);
    free(obj);
}

uint32_t object_count(void)
{
    return live_objects;
}

struct list_entry *object_list(void)
{
    return &all_objects;
}

uint32_t map_access_ops(const struct object_ops *ops, uint32_t access)
{
    const struct generic_mapping *m = ops->mapping;
    uint32_t mapped = access & ~(GENERIC_READ_ | GENERIC_WRITE_ | GENERIC_EXECUTE_ |
                                 GENERIC_ALL_ | MAXIMUM_ALLOWED_);
    if (access & GENERIC_READ_) mapped |= m->read;
    if (access & GENERIC_WRITE_) mapped |= m->write;
    if (access & GENERIC_EXECUTE_) mapped |= m->execute;
    /* Every object here is owned by the session's one user, whose default
     * security grants everything: MAXIMUM_ALLOWED is therefore "all". */
    if (access & (GENERIC_ALL_ | MAXIMUM_ALLOWED_)) mapped |= m->all;
    return mapped;
}

uint32_t map_access(const struct object *obj, uint32_t access)
{
    return map_access_ops(obj->ops, access);
}

int no_satisfied(struct object *obj, struct thread *thread)
{
    (void)obj;
    (void)thread;
    return 0;
}

uint32_t no_signal(struct object *obj, struct thread *thread, uint32_t access)
{
    (void)obj;
    (void)thread;
    (void)access;
    return 6; /* ERROR_INVALID_HANDLE: not a signalable type */
}
