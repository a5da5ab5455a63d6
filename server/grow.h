/*
 * Growing an array that holds count of cap entries: the shape a window's
 * properties, a menu's items, a window-position structure's moves and a
 * desktop's kept handles all have. Doubling keeps appends O(1) amortized.
 */
#ifndef WINHANDLED_GROW_H
#define WINHANDLED_GROW_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* The array items (count used of *cap entries of size bytes) with room
 * for one more: items itself, or a larger copy (*cap updated); NULL when
 * out of memory, items left as it was. The caller stores the result back
 * (taking and returning the pointer, rather than writing through a
 * void **, keeps this within C's aliasing rules). */
static inline void *grow_array(void *items, uint32_t count, uint32_t *cap, size_t size,
                               uint32_t first_cap)
{
    if (count < *cap)
        return items;
    uint32_t n = *cap ? *cap * 2 : first_cap;
    void *grown = realloc(items, (size_t)n * size);
    if (grown)
        *cap = n;
    return grown;
}

#endif
