/*
 * The object namespace: one per session, shared by every process in it.
 *
 * "Local\NAME", "Global\NAME" and a bare "NAME" all live in this one
 * namespace (a session server has one user and one session). Names are
 * case-sensitive, as the Win32 documentation says of kernel object names.
 * A name lives as long as its object has handles.
 */
#ifndef WINHANDLED_NAMESPACE_H
#define WINHANDLED_NAMESPACE_H

#include <stddef.h>
#include <stdint.h>

struct object;
struct object_ops;

/* Check a client-supplied name and reduce it to its canonical form (the
 * prefix stripped). Returns 0 or a Win32 error. out has room for
 * WH_MAX_NAME_LEN + 1 bytes. */
uint32_t namespace_canonical(const char *name, uint32_t len, char *out);

struct object *namespace_lookup(const char *canonical);
void namespace_unlink(struct object *obj);

/*
 * Create an object of type ops, or find the one that holds the name.
 * Returns a new reference, or NULL with *error set. *existed tells whether
 * the name was taken by an object of the same type (which is returned; the
 * caller must not initialize it again). name_len 0 means unnamed.
 */
struct object *create_named_object(const struct object_ops *ops, size_t size,
                                   const char *name, uint32_t name_len,
                                   int *existed, uint32_t *error);

/* Find a named object of type ops: a new reference, or NULL and *error. */
struct object *open_named_object(const struct object_ops *ops,
                                 const char *name, uint32_t name_len,
                                 uint32_t *error);

/* For tests and inspection. */
uint32_t namespace_count(void);

#endif
