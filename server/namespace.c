#include "namespace.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "object.h"

/*
 * A chained hash table keyed by the canonical name. It only grows: a
 * session holds at most a few hundred thousand names, and doubling keeps
 * chains short without ever rehashing on a removal.
 */
struct name_slot {
    struct object *obj; /* obj->name is the key */
    struct name_slot *next;
};

static struct name_slot **buckets;
static uint32_t bucket_count;
static uint32_t name_count;

static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static int grow_buckets(void)
{
    uint32_t new_count = bucket_count ? bucket_count * 2 : 256;
    struct name_slot **nb = calloc(new_count, sizeof(*nb));
    if (!nb)
        return -1;
    for (uint32_t i = 0; i < bucket_count; i++) {
        struct name_slot *s = buckets[i], *next;
        for (; s; s = next) {
            next = s->next;
            uint32_t b = hash_name(s->obj->name) & (new_count - 1);
            s->next = nb[b];
            nb[b] = s;
        }
    }
    free(buckets);
    buckets = nb;
    bucket_count = new_count;
    return 0;
}

/*
 * Windows' object tree gives each session's namespace links called Local,
 * Global and Session. Local and Global lead to a namespace that holds the
 * same links again, so "Local\\Global\\x" is a name too; here both lead
 * back to the one namespace, and any run of them is simply skipped. The
 * links are not objects of any type a program may create or open.
 */
static const char *const link_names[] = { "Local", "Global", "Session" };
#define FOLLOWED_LINKS 2 /* Local and Global; Session\N\ is not supported */

static int is_link(const char *name, uint32_t len, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (len == strlen(link_names[i]) && !memcmp(name, link_names[i], len))
            return 1;
    return 0;
}

uint32_t namespace_canonical(const char *name, uint32_t len, char *out)
{
    if (len > WH_MAX_NAME_LEN)
        return ERR_FILENAME_EXCED_RANGE;
    if (memchr(name, '\0', len))
        return ERR_INVALID_NAME;
    /* The empty name is the namespace itself, which is not an object of
     * the type asked for. (Creating with "" makes an unnamed object; the
     * callers never get here with it.) */
    if (len == 0)
        return ERR_INVALID_HANDLE;
    /* Names are relative to the namespace: no root to start from. */
    if (name[0] == '\\')
        return ERR_BAD_PATHNAME;
    const char *rest = name, *sep;
    while ((sep = memchr(rest, '\\', len)) &&
           is_link(rest, (uint32_t)(sep - rest), FOLLOWED_LINKS)) {
        len -= (uint32_t)(sep - rest) + 1;
        rest = sep + 1;
    }
    if (len == 0)
        return ERR_INVALID_NAME; /* "Local\\" names nothing */
    /* Past the links there are no directories to descend into; an empty
     * component ("Local\\\\x") is malformed rather than missing. */
    if ((sep = memchr(rest, '\\', len)))
        return sep == rest ? ERR_INVALID_NAME : ERR_PATH_NOT_FOUND;
    if (is_link(rest, len, sizeof(link_names) / sizeof(link_names[0])))
        return ERR_INVALID_HANDLE;
    memcpy(out, rest, len);
    out[len] = '\0';
    return 0;
}

struct object *namespace_lookup(const char *canonical)
{
    if (!bucket_count)
        return NULL;
    struct name_slot *s = buckets[hash_name(canonical) & (bucket_count - 1)];
    for (; s; s = s->next)
        if (!strcmp(s->obj->name, canonical))
            return s->obj;
    return NULL;
}

static int namespace_link(struct object *obj, const char *canonical)
{
    if (name_count + 1 > bucket_count / 2 && grow_buckets() < 0)
        return -1;
    struct name_slot *s = malloc(sizeof(*s));
    char *copy = strdup(canonical);
    if (!s || !copy) {
        free(s);
        free(copy);
        return -1;
    }
    obj->name = copy;
    s->obj = obj;
    uint32_t b = hash_name(copy) & (bucket_count - 1);
    s->next = buckets[b];
    buckets[b] = s;
    name_count++;
    return 0;
}

void namespace_unlink(struct object *obj)
{
    if (!obj->name)
        return;
    struct name_slot **p = &buckets[hash_name(obj->name) & (bucket_count - 1)];
    for (; *p; p = &(*p)->next) {
        if ((*p)->obj == obj) {
            struct name_slot *dead = *p;
            *p = dead->next;
            free(dead);
            name_count--;
            break;
        }
    }
    free(obj->name);
    obj->name = NULL;
}

struct object *create_named_object(const struct object_ops *ops, size_t size,
                                   const char *name, uint32_t name_len,
                                   int *existed, uint32_t *error)
{
    char canonical[WH_MAX_NAME_LEN + 1];
    *existed = 0;
    if (name_len) {
        *error = namespace_canonical(name, name_len, canonical);
        if (*error)
            return NULL;
        struct object *found = namespace_lookup(canonical);
        if (found) {
            if (found->ops != ops) {
                *error = ERR_INVALID_HANDLE;
                return NULL;
            }
            *existed = 1;
            return grab_object(found);
        }
    }
    struct object *obj = alloc_object(ops, size);
    if (!obj || (name_len && namespace_link(obj, canonical) < 0)) {
        if (obj)
            release_object(obj);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    *error = 0;
    return obj;
}

struct object *open_named_object(const struct object_ops *ops,
                                 const char *name, uint32_t name_len,
                                 uint32_t *error)
{
    char canonical[WH_MAX_NAME_LEN + 1];
    *error = namespace_canonical(name, name_len, canonical);
    if (*error)
        return NULL;
    struct object *found = namespace_lookup(canonical);
    if (!found) {
        *error = ERR_FILE_NOT_FOUND;
        return NULL;
    }
    if (found->ops != ops) {
        *error = ERR_INVALID_HANDLE;
        return NULL;
    }
    return grab_object(found);
}

uint32_t namespace_count(void)
{
    return name_count;
}
